// Evaluation: per-class / macro metrics replaced by accuracy alone; the validation split or evaluation
// turned off.
import type { Finding } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { lastSegment, parentKey } from './params.js'
import {
  calleeName,
  clip,
  findCalls,
  isTruthy,
  kwarg,
  lineAt,
  snippetAt,
  stringLiteral,
  toNumber,
  type Statement
} from './python.js'
import { introducedStatements, writtenBy, type FileView } from './view.js'
import type { ConfigEntry } from '../types.js'
import { analyze, callsBy, inBody, newStatements, ownFunctions } from '../analysis/index.js'
import { roleOf, roleOfName, type FlowModel } from '../analysis/flow.js'
import {
  bareToken,
  lineAt as lineInStatement,
  rewrittenPairs,
  stripComments,
  tokensOf,
  type Token
} from '../analysis/rewrite.js'
import { carrierNames } from './fairness-coverage.js'
import {
  calleeName as pyCallee,
  callsIn,
  dotted,
  receiver,
  rootName,
  strings,
  type Call,
  type Expr,
  type PyStatement,
  walk
} from '../analysis/parse.js'
import {
  FAIR_MODULE,
  FAIRNESS_FILE,
  fairnessWords,
  libraryScan,
  protectedOf,
  scanNames,
  speaksOfFairness,
  words
} from './vocabulary.js'
import { sensitiveVariables } from './sensitive-join.js'
import { ratioText } from './params.js'

const family = 'evaluation' as const

export const ACCURACY_ONLY: CheckSpec = {
  id: 'EVAL-ACCURACY-ONLY',
  family,
  title: 'Per-class metrics replaced by accuracy alone',
  status: 'warn',
  bias: false,
  flags:
    'macro/weighted F1, classification_report, balanced accuracy, ROC AUC … present at the base, only accuracy left in the head',
  fix: 'Keep a per-class or macro metric next to accuracy; accuracy hides failures on minority classes.'
}
export const EVAL_SPLIT_REMOVED: CheckSpec = {
  id: 'EVAL-SPLIT-REMOVED',
  family,
  title: 'Validation split or evaluation removed',
  status: 'warn',
  bias: false,
  flags:
    'val_set_size/validation_split → 0 or removed, eval_strategy → no, do_eval → false, eval datasets removed, eval_dataset= dropped from a Trainer',
  fix: 'Keep a held-out validation set and evaluation during training, or say where the model is evaluated now.'
}

export const EVAL_ON_TRAIN: CheckSpec = {
  id: 'EVAL-ON-TRAINING-DATA',
  family,
  title: 'Evaluation now reads the training data',
  status: 'fail',
  bias: false,
  flags:
    'an evaluation call (evaluate, score, predict, metrics, eval_dataset=, …) that read the test/validation split at the base reads the training split in the head',
  fix: 'Evaluate on the held-out split again; scores on the data the model was trained on say nothing about new data.'
}
export const FAIRNESS_ON_TRAIN: CheckSpec = {
  id: 'RAI-FAIRNESS-ON-TRAINING-DATA',
  family: 'responsible-ai',
  title: 'Fairness now evaluated on the training data',
  status: 'fail',
  bias: true,
  flags:
    'a fairness metric (disparate impact, a bias-metrics call, per-group rates) or the predictions and groups it reads, computed on the test/validation split at the base, computed on the training split in the head',
  fix: 'Measure the groups on the held-out split again: per-group metrics on the data the model was fitted to hide the gaps it will show on new data.'
}
export const EVAL_SPLIT_SHRUNK: CheckSpec = {
  id: 'EVAL-SPLIT-SHRUNK',
  family,
  title: 'Evaluation split made much smaller',
  status: 'warn',
  bias: false,
  flags:
    'test_size / validation_split / val_set_size …, or the rows sampled from the test split (`.sample(n=)`, `.head(n)`), cut 4× or more',
  fix: 'Keep the held-out set large enough for the metrics (and per-group metrics) to be meaningful, or say why fewer rows suffice.'
}

export const EVAL_MODE_REMOVED: CheckSpec = {
  id: 'EVAL-MODE-REMOVED',
  family,
  title: 'Evaluation no longer switches the model to eval mode',
  status: 'warn',
  bias: false,
  flags:
    '`model.eval()` removed before an evaluation (`torch.no_grad()`, a loop over a test/validation loader): dropout and batch-norm stay in training mode and the scores shift',
  fix: 'Call model.eval() (and model.train() after) around every evaluation.'
}

export const METRIC_INVERTED: CheckSpec = {
  id: 'EVAL-METRIC-CHANGED',
  family,
  title: 'Metric or model selection changed to reward the wrong thing',
  status: 'warn',
  bias: false,
  flags:
    'the direction of model selection inverted (greater_is_better / mode= against its metric: a loss maximised, an accuracy minimised), or a macro/weighted average replaced by micro/binary on a metric call',
  fix: 'Keep the best model chosen in the direction its metric improves (loss: lower, accuracy/F1: higher), and keep the class-balanced average.'
}

export const EVAL_CHECKS: CheckSpec[] = [
  ACCURACY_ONLY,
  EVAL_SPLIT_REMOVED,
  EVAL_ON_TRAIN,
  FAIRNESS_ON_TRAIN,
  EVAL_SPLIT_SHRUNK,
  METRIC_INVERTED,
  EVAL_MODE_REMOVED
]

// ---------------------------------------------------------------------------------------------
// Direction of model selection and metric averages

const LOWER_BETTER = /loss|error|mse|mae|rmse|perplexity|ppl|wer|cer|brier|deviance|mape/i
const HIGHER_BETTER =
  /acc|f1|auc|precision|recall|bleu|rouge|map\b|ndcg|r2|iou|dice|exact_match|score|kappa|mcc|spearman|pearson/i

/** The direction a metric improves in, from its name; null when the name does not say. */
function improves(metric: string): 'higher' | 'lower' | null {
  if (LOWER_BETTER.test(metric)) return 'lower'
  if (HIGHER_BETTER.test(metric)) return 'higher'
  return null
}

interface Selection {
  metric: string
  /** the written direction: greater_is_better / mode */
  direction: 'higher' | 'lower'
  line: number
  text: string
}

const direction = (key: string, value: unknown): 'higher' | 'lower' | null => {
  if (key === 'greater_is_better' || key === 'maximize' || key === 'higher_is_better')
    return value === true || value === 'True' ? 'higher' : value === false || value === 'False' ? 'lower' : null
  if (key === 'mode' && typeof value === 'string')
    return /^max$/i.test(value) ? 'higher' : /^min$/i.test(value) ? 'lower' : null
  return null
}
const METRIC_NAME = /^(metric_for_best_model|monitor|metric|eval_metric)$/
const DIRECTION_NAME = /^(greater_is_better|mode|maximize|higher_is_better)$/

/** Selections whose written direction goes against their metric: a loss maximised, an accuracy minimised. */
function inverted(groups: Array<Array<{ name: string; value: unknown; line: number; text: string }>>): Selection[] {
  const out: Selection[] = []
  for (const g of groups) {
    const metric = g.find((p) => METRIC_NAME.test(p.name) && typeof p.value === 'string')
    const dir = g.find((p) => DIRECTION_NAME.test(p.name) && direction(p.name, p.value) !== null)
    if (!metric || !dir) continue
    const wanted = improves(metric.value as string)
    const written = direction(dir.name, dir.value) as 'higher' | 'lower'
    if (wanted && wanted !== written)
      out.push({
        metric: metric.value as string,
        direction: written,
        line: dir.line,
        text: `${metric.text}, ${dir.text}`
      })
  }
  return out
}

function literal(e: Expr): unknown {
  if (e.k === 'str') return e.value
  if (e.k === 'num') return e.value
  if (e.k === 'const') return e.value === 'True' ? true : e.value === 'False' ? false : null
  return undefined
}

function codeSelections(a: ReturnType<typeof analyze>): Selection[] {
  const groups = a.statements.flatMap((s) =>
    callsIn(s).map((c) =>
      c.args
        .filter((x) => x.name)
        .map((x) => ({
          name: x.name as string,
          value: literal(x.value),
          line: x.value.line,
          text: `${x.name}=${x.value.text}`
        }))
    )
  )
  return inverted(groups)
}

function configSelections(entries: ConfigEntry[]): Selection[] {
  const groups = new Map<string, Array<{ name: string; value: unknown; line: number; text: string }>>()
  for (const e of entries) {
    const parent = e.key.includes('.') ? e.key.slice(0, e.key.lastIndexOf('.')) : ''
    const list = groups.get(parent) ?? []
    list.push({ name: lastSegment(e.key), value: e.value, line: e.line, text: `${e.key}: ${String(e.value)}` })
    groups.set(parent, list)
  }
  return inverted([...groups.values()])
}

function checkMetricDirection(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const code = view.kind !== 'config'
  const before = code ? codeSelections(analyze(view.before)) : configSelections(view.before.entries)
  const after = code ? codeSelections(analyze(view.after)) : configSelections(view.after.entries)
  const old = new Set(before.map((b) => b.metric))
  const hit = after.find((a) => !old.has(a.metric))
  if (!hit) return []
  const wrong = hit.direction === 'higher' ? 'maximised' : 'minimised'
  return [makeFinding(METRIC_INVERTED, view, hit.line, `${hit.text} (${hit.metric} ${wrong}: the worst model is kept)`)]
}

const BALANCED_AVERAGE = /^(macro|weighted|balanced|samples)$/
const METRIC_CALL =
  /^(f1_score|precision_score|recall_score|fbeta_score|jaccard_score|precision_recall_fscore_support|roc_auc_score|average_precision_score)$/

/** f1_score(..., average='macro') → average='micro' / 'binary' / removed: the per-class balance is gone. */
function checkAverageWeakened(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const averages = (a: ReturnType<typeof analyze>): Array<{ stmt: PyStatement; call: Call; avg: string | null }> =>
    a.statements.flatMap((stmt) =>
      callsIn(stmt)
        .filter((c) => METRIC_CALL.test(pyCallee(c)))
        .map((call) => {
          const v = call.args.find((x) => x.name === 'average')?.value
          return { stmt, call, avg: v?.k === 'str' ? v.value : v ? null : 'default' }
        })
    )
  const head = analyze(view.after)
  const base = analyze(view.before)
  const balancedBefore = averages(base).filter((x) => x.avg !== null && BALANCED_AVERAGE.test(x.avg))
  const balancedAfter = averages(head).filter((x) => x.avg !== null && BALANCED_AVERAGE.test(x.avg))
  if (balancedAfter.length >= balancedBefore.length) return []
  const fresh = newStatements(base, head)
  const now = averages(head).find((x) => fresh.has(x.stmt) && !(x.avg !== null && BALANCED_AVERAGE.test(x.avg)))
  if (!now) return []
  const arg = now.call.args.find((x) => x.name === 'average')?.value
  const was = balancedBefore[0].avg as string
  return [
    makeFinding(METRIC_INVERTED, view, (arg ?? now.call).line, `${clip(now.call.text, 100)} (base: average='${was}')`)
  ]
}

// ---------------------------------------------------------------------------------------------
// Evaluation on training data, evaluation split shrunk (read from the parser and data flow)

/** Calls that evaluate a model; fitting on the training data instead of the test data is a fix, not this. */
const EVALUATING =
  /eval|score|predict|metric|report|result|accura|auc|roc|error|loss|confusion|precision|recall|f1|assess|test|analy|dashboard|insight|perf|audit|measur/i
const FITTING = /^(fit\w*|train\w*|partial_fit)$/

/** A call's callee as a key: `model.evaluate`, and `ROC().explain_perf` for a method of a fresh object. */
function calleeKey(call: Call): string | null {
  const d = dotted(call.fn)
  if (d) return d
  if (call.fn.k === 'attr' && call.fn.obj.k === 'call') {
    const inner = calleeKey(call.fn.obj)
    return inner ? `${inner}().${call.fn.name}` : null
  }
  return null
}

function argsByPosition(call: Call): Map<string, Expr> {
  const out = new Map<string, Expr>()
  let i = 0
  for (const a of call.args) out.set(a.name ?? `#${i++}`, a.value)
  return out
}

function checkEvalOnTrain(view: FileView): Finding[] {
  if (!view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  const baseCalls = callsBy(base, calleeKey)
  // calls of a callee whose argument at a slot reads held-out data: a training score added beside them replaces nothing
  const heldOut = (a: ReturnType<typeof analyze>, key: string, slot: string): number => {
    let n = 0
    for (const st of a.statements)
      for (const c of callsIn(st)) {
        if (calleeKey(c) !== key) continue
        const v = argsByPosition(c).get(slot)
        if (v && ['test', 'val'].includes(roleOf(a.flow, v) ?? '')) n++
      }
    return n
  }
  const out: Finding[] = []
  for (const s of head.statements) {
    if (!fresh.has(s)) continue
    for (const c of callsIn(s)) {
      const d = calleeKey(c)
      const name = pyCallee(c)
      if (!d || FITTING.test(name)) continue
      const now = argsByPosition(c)
      const sameArgs = (b: Call): boolean => {
        const was = argsByPosition(b)
        return was.size === now.size && [...now].every(([k, v]) => was.get(k)?.text === v.text)
      }
      // the base already made this very call (on the same data): the change did not introduce it
      if ((baseCalls.get(d) ?? []).some(sameArgs)) continue
      // `get_fairness(X, y, ...)`, `compute_fairness_ratio(...)`: a fairness metric scores what it reads
      const scoring = EVALUATING.test(name) || fairnessCall(c)
      const hit = (baseCalls.get(d) ?? []).find((b) => {
        const was = argsByPosition(b)
        if (was.size !== now.size) return false
        const differing = [...now].filter(([k, v]) => was.get(k)?.text !== v.text)
        if (differing.length === 0) return false
        // every changed argument now reads training data, and one of them read held-out data: the predictions
        // beside it (`preds_baseline` → `model.predict(X_train)`) may have had no role of their own
        let heldOutBefore = false
        const allTrain = differing.every(([k, v]) => {
          const before = was.get(k)
          if (!before) return false
          const from = roleOf(base.flow, before)
          if (roleOf(head.flow, v) !== 'train' || from === 'train') return false
          if ((from === 'test' || from === 'val') && (scoring || /eval|valid|test/i.test(k))) heldOutBefore = true
          return true
        })
        return allTrain && heldOutBefore
      })
      if (!hit) continue
      const changed = [...now].find(([k, v]) => argsByPosition(hit).get(k)?.text !== v.text)
      if (changed && heldOut(head, d, changed[0]) >= heldOut(base, d, changed[0])) continue
      const at = changed?.[1] ?? c
      out.push(
        makeFinding(
          measuresFairness(head.statements, s, c) ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN,
          view,
          at.line,
          `${clip(c.text, 100)} (base: ${clip(argsByPosition(hit).get(changed?.[0] ?? '')?.text ?? hit.text, 60)})`
        )
      )
      break
    }
    // `Trainer(..., eval_dataset=split_ds['train'])` written where the call had none: scored on what it trains on
    for (const c of callsIn(s)) {
      const d = calleeKey(c)
      const kw = c.args.find((a) => a.name !== null && EVAL_DATA_KW.test(a.name))
      if (!d || !kw || roleOf(head.flow, kw.value) !== 'train') continue
      // `eval_set=[(X_train, y_train), (X_test, y_test)]` watches the training loss beside the held-out one
      const parts: Expr[] = []
      walk(kw.value, (x) => {
        if (x.k === 'name' || (x.k === 'sub' && x.items.length === 1 && x.items[0].k === 'str')) parts.push(x)
      })
      if (parts.some((x) => ['test', 'val'].includes(roleOf(head.flow, x) ?? ''))) continue
      if ((baseCalls.get(d) ?? []).some((b) => b.args.some((a) => a.name === kw.name))) continue
      out.push(
        makeFinding(
          measuresFairness(head.statements, s, c) ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN,
          view,
          kw.value.line,
          `${kw.name}=${clip(kw.value.text, 60)} is training data (written in ${clip(c.text, 80)})`
        )
      )
    }
  }
  return out.slice(0, 3)
}

/** Keywords that hand a call the data it is scored on while it trains. */
const EVAL_DATA_KW = /^(eval_dataset|eval_data|validation_data|val_dataset|valid_dataset|eval_set|val_data)$/

/**
 * A held-out frame's column now filled from the training rows (`X_test['sex'] = X_train['sex_lenc'].map(...)`): the
 * test rows carry the training rows' values, so every score read from that column describes other people.
 */
function checkHeldOutFromTrain(view: FileView): Finding[] {
  if (!view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  const key = (t: Expr): string => t.text.replace(/\s+/g, '')
  const baseValue = new Map<string, Expr>()
  for (const s of base.statements)
    if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'sub')
      baseValue.set(key(s.targets[0]), s.value)
  const out: Finding[] = []
  for (const s of head.statements) {
    if (!fresh.has(s) || s.kind !== 'assign' || !s.value || s.targets.length !== 1) continue
    const t = s.targets[0]
    if (t.k !== 'sub') continue
    const into = roleOf(head.flow, t.obj)
    if ((into !== 'test' && into !== 'val') || roleOf(head.flow, s.value) !== 'train') continue
    const was = baseValue.get(key(t))
    const from = was ? roleOf(base.flow, was) : null
    if (!was || from === 'train') continue
    const column = t.items.find((i) => i.k === 'str')
    const fair = column?.k === 'str' && protectedOf(column.value) !== null
    out.push(
      makeFinding(
        fair ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN,
        view,
        s.value.line,
        `${clip(s.text, 100)} (base: ${clip(was.text, 60)}): the held-out rows get the training rows' values`
      )
    )
  }
  return out.slice(0, 3)
}

/** Keywords that hand a call the data it is scored on. */
const SCORED_KW = /^(assessment|eval|evaluation|test|valid|validation|holdout|heldout|score|scoring)(_|$)/i

/** The keyword a token is handed to, through an opening tuple or list: `validation_data=(X_test, y_test)`. */
function keywordBefore(tokens: Token[], i: number): string {
  let j = i - 1
  // back to the `=` before the token, or to the bracket its tuple opens with (a few items at most)
  for (let depth = 0, k = i - 1; k >= 0 && k > i - 16; k--) {
    const t = tokens[k].text
    if (t === ')' || t === ']') depth++
    else if (t === '(' || t === '[') {
      if (depth === 0) {
        j = k - 1
        break
      }
      depth--
    } else if (t === '=' && depth === 0) {
      j = k
      break
    }
  }
  return tokens[j]?.text === '=' ? (tokens[j - 1]?.text ?? '') : ''
}

/** A fairness audit of a model (`auditor.audit(model, X_test, y_test)`): what it reads is where it judges fairness. */
const auditCall = (s: PyStatement): boolean =>
  callsIn(s).some((c) => words(pyCallee(c)).some((w) => /^(audit|audits|auditor)$/.test(w)))

/**
 * One token of a rewritten statement turned from the held-out split to the training split, where the statement
 * makes a held-out result (`test_error_rate, test_constraints = f(test_df, …)` → `f(train_df, …)`,
 * `celeb_a_test_data = input_function(tfds.Split.TEST)` → `Split.TRAIN`) or hands a call its scored data
 * (`assessment_data=test_data` → `train_data`): the result keeps its held-out name and describes training rows.
 */
function checkHeldOutTokenToTrain(view: FileView): Finding[] {
  if (!view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const role = (token: string): string | null => (/^[\w"']/.test(token) ? roleOfName(bareToken(token)) : null)
  let carriers: Set<string> | null = null
  let groups: Map<string, string> | null = null
  const out: Finding[] = []
  for (const { head: s, olds } of rewrittenPairs(base.statements, head.statements, writtenBy(view))) {
    // named held-out, or holding held-out data at the base (`raw_data = pd.concat([X_test, y_test])` for a scan)
    const heldOutTarget = s.targets.some((t) => {
      const root = rootName(t) ?? t.text
      return ['test', 'val'].includes(roleOfName(root) ?? base.flow.roles.get(root) ?? '')
    })
    const trainTarget = s.targets.some((t) => roleOfName(rootName(t) ?? t.text) === 'train')
    if (trainTarget) continue
    const text = stripComments(s.text)
    const now = tokensOf(text)
    for (const old of olds) {
      const was = tokensOf(stripComments(old.text))
      if (was.length !== now.length) continue
      const differing = now.map((_, i) => i).filter((i) => now[i].text !== was[i].text)
      if (differing.length === 0) continue
      const turned = differing.every((i) => {
        const from = role(was[i].text)
        return (from === 'test' || from === 'val') && role(now[i].text) === 'train'
      })
      if (!turned) continue
      // `assessment_data=<token>`, `validation_data=(<token>, ...)`: the keyword it is handed to
      const i = differing[0]
      const kw = keywordBefore(now, i)
      // a fairness library's report handed the held-out rows (`report.compare(X_test, y_test, ...)`)
      const libraryReport = callsIn(s).some((c) => {
        const module = head.flow.imports.get((dotted(c.fn) ?? '').split('.')[0])
        return module !== undefined && FAIR_MODULE.test(module)
      })
      if (!heldOutTarget && !SCORED_KW.test(kw) && !auditCall(s) && !libraryReport) continue
      const line = lineInStatement(s, text, now[i].at)
      if (!view.isAddedLine(line)) continue
      // names that hold fairness: what a fairness call returns, and what is assigned from fairness code
      // (`pipeline = [ModelFairness(...), ...]`)
      carriers ??= new Set([
        ...carrierNames(head.statements),
        ...head.statements
          .filter((st) => st.kind === 'assign' && st.value && speaksOfFairness(st.value.text))
          .flatMap((st) => st.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])))
      ])
      // the group labels themselves turned to the training rows: what the call computes is read per group
      groups ??= sensitiveVariables(head.statements, FAIRNESS_FILE.test(view.after.text))
      const fair =
        differing.some((d) => groups?.has(bareToken(now[d].text))) ||
        auditCall(s) ||
        libraryReport ||
        speaksOfFairness(s.text) ||
        feedsFairness(head.statements, s) ||
        s.targets.some((t) => /constraint|violation/i.test(t.text)) ||
        [...s.exprs.flatMap(names)].some((n) => carriers?.has(n))
      out.push(
        makeFinding(
          fair ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN,
          view,
          line,
          `${was[i].text} → ${now[i].text} in ${clip(s.text, 90)}`
        )
      )
      break
    }
  }
  return out.slice(0, 3)
}

/**
 * Whether what a statement assigns reaches a fairness evaluation further down, through the values made from it:
 * `raw_data` → `Dataset(raw_data)` → `giskard.scan(model, dataset)`, whose bias detectors read it.
 */
function feedsFairness(statements: PyStatement[], s: PyStatement): boolean {
  const held = new Set(s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : t.k === 'seq' ? names(t) : [])))
  if (held.size === 0) return false
  const scans = scanNames(statements.flatMap((st) => st.imports))
  for (const later of statements.slice(s.index + 1, s.index + 400)) {
    const read = later.kind === 'assign' ? (later.value ? [later.value] : []) : later.exprs
    const reads = read.some((e) => names(e).some((n) => held.has(n)))
    if (!reads) {
      // a name assigned again holds something else from here on
      if (later.kind === 'assign') for (const t of later.targets) if (t.k === 'name') held.delete(t.id)
      if (held.size === 0) return false
      continue
    }
    if (callsIn(later).some((c) => fairnessCall(c) || libraryScan(c.fn, scans))) return true
    if (later.kind === 'assign') for (const t of later.targets) if (t.k === 'name') held.add(t.id)
  }
  return false
}

/** A call that computes a fairness metric: by its name (`disparate_impact_scorer`, `classification_bias_metrics`). */
const fairnessCall = (c: Call): boolean => {
  const ws = words(pyCallee(c))
  return fairnessWords(ws) || ws.some((w) => /^(di|dir|dpd|spd|eod|aod|eopp|theil)$/.test(w))
}

/**
 * Whether an evaluation call measures fairness: it is a fairness metric itself, or what the statement assigns
 * (`y_pred = model.predict(X)`) is read by a fairness metric call further down.
 */
function measuresFairness(statements: PyStatement[], s: PyStatement, c: Call): boolean {
  if (scoresFairness(statements, s, c)) return true
  // `ai.compute(model.predict(X_train), ...)`: the predictions are handed to what measures fairness
  return callsIn(s).some((outer) => {
    if (outer === c) return false
    let holds = false
    for (const a of outer.args)
      walk(a.value, (x) => {
        if (x === c) holds = true
      })
    return holds && scoresFairness(statements, s, outer)
  })
}

function scoresFairness(statements: PyStatement[], s: PyStatement, c: Call): boolean {
  if (fairnessCall(c)) return true
  // `print_model_results('XGBoost', y, p, df.loc[X.index, 'sex'])`: handed a protected column, it scores per group
  if (c.args.some((a) => a.name === null && a.value.k === 'sub' && protectedSelection(a.value))) return true
  // a function of the notebook's own that measures fairness in its body
  const callee = c.fn.k === 'name' ? c.fn.id : null
  if (callee !== null && ownFairFunctions(statements).has(callee)) return true
  // `ai.compute(preds, data_type='test')` on a system set up with a fairness configuration
  if (configuredForFairness(statements, c)) return true
  // `test(..., fair_criterion=fair_criterion)`, `evaluate(y, p, sensitive_features=groups)`: it scores fairness too
  // (the keyword, not the value: a model named `fair` scored for accuracy is an accuracy score)
  if (c.args.some((a) => a.name !== null && fairnessWords(words(a.name)))) return true
  // `metrics_plot(y, p, cross_cols=['gender', 'ethnicity'])`: scored per protected group
  if (c.args.some((a) => a.name !== null && strings(a.value).some((v) => protectedOf(v.value) !== null))) return true
  const assigned = new Set(
    s.kind === 'assign' ? s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : t.k === 'seq' ? names(t) : [])) : []
  )
  if (assigned.size === 0) return false
  for (const later of statements.slice(s.index + 1)) {
    if (assigned.size === 0) break
    for (const call of callsIn(later)) {
      if (!fairnessCall(call)) continue
      let reads = false
      walk(call, (x) => {
        if (!reads && x.k === 'name' && assigned.has(x.id)) reads = true
      })
      if (reads) return true
    }
    // a name assigned again holds something else from here on
    if (later.kind === 'assign') for (const t of later.targets) if (t.k === 'name') assigned.delete(t.id)
  }
  return false
}

/** `df.loc[X_train.index, 'sex']`, `X_test['race']`: a protected column selected. */
function protectedSelection(e: Expr): boolean {
  return e.k === 'sub' && e.items.some((i) => strings(i).some((v) => protectedOf(v.value) !== null))
}

const ownFair = new WeakMap<PyStatement[], Set<string>>()

/** The notebook's own functions whose body makes a fairness call, or calls one of them. */
function ownFairFunctions(statements: PyStatement[]): Set<string> {
  let hit = ownFair.get(statements)
  if (hit) return hit
  hit = new Set<string>()
  const bodyCalls = ownFunctions(statements).map((d) => ({
    name: d.name,
    calls: statements.filter((st) => inBody(d, st.line)).flatMap((st) => callsIn(st))
  }))
  // a few rounds: a helper that calls a helper that measures fairness measures it too
  for (let round = 0; round < 3; round++)
    for (const d of bodyCalls)
      if (!hit.has(d.name) && d.calls.some((x) => fairnessCall(x) || (x.fn.k === 'name' && hit.has(x.fn.id))))
        hit.add(d.name)
  ownFair.set(statements, hit)
  return hit
}

/** A mapping that configures fairness: `{"fairness": {"priv_group": ...}}`, `{'protected_attributes': [...]}`. */
const FAIRNESS_CONFIG_KEY =
  /^(fairness|bias|protected_(attributes?|features?)|sensitive_(attributes?|features?)|priv(ileged)?_groups?)$/i

function fairnessMapping(e: Expr, statements: PyStatement[], depth = 0): boolean {
  if (depth > 2) return false
  let found = false
  walk(e, (x) => {
    if (found) return
    if (x.k === 'dict') found = x.entries.some((en) => en.key?.k === 'str' && FAIRNESS_CONFIG_KEY.test(en.key.value))
    else if (x.k === 'name' && depth < 2)
      found = statements.some(
        (st) =>
          st.kind === 'assign' &&
          st.value !== null &&
          st.targets.some((t) => t.k === 'name' && t.id === x.id) &&
          fairnessMapping(st.value, statements, depth + 1)
      )
  })
  return found
}

/** A method call on an object that was built or set up with a fairness configuration. */
function configuredForFairness(statements: PyStatement[], c: Call): boolean {
  if (c.fn.k !== 'attr' || c.fn.obj.k !== 'name') return false
  const obj = c.fn.obj.id
  return statements.some((st) =>
    callsIn(st).some((call) => {
      const onIt =
        (call.fn.k === 'attr' && call.fn.obj.k === 'name' && call.fn.obj.id === obj) ||
        (st.kind === 'assign' && st.value === call && st.targets.some((t) => t.k === 'name' && t.id === obj))
      return onIt && call !== c && call.args.some((a) => fairnessMapping(a.value, statements))
    })
  )
}

const names = (e: Expr): string[] => {
  const out: string[] = []
  walk(e, (x) => {
    if (x.k === 'name') out.push(x.id)
  })
  return out
}

/** `for xb, yb in test_loader:` → `train_loader` in an evaluation cell (no_grad, eval mode, accuracy counted). */
function checkEvalLoopOnTrain(view: FileView): Finding[] {
  if (!view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  // an evaluation loop: switched to eval mode or no_grad just before, or counting what it got right
  const evaluating = (a: ReturnType<typeof analyze>, s: PyStatement): boolean =>
    a.statements
      .slice(Math.max(0, s.index - 3), s.index + 6)
      .some((x) => x.cell === s.cell && /no_grad|inference_mode|\.eval\(\)|correct|accuracy|predict/.test(x.text))
  const loops = (a: ReturnType<typeof analyze>): PyStatement[] =>
    a.statements.filter((s) => s.kind === 'for' && s.value)
  const baseLoops = loops(base)
  // a training-accuracy loop added beside the held-out one is no change of what is reported
  const heldOut = (a: ReturnType<typeof analyze>, ls: PyStatement[]): number =>
    ls.filter((l) => ['test', 'val'].includes(roleOf(a.flow, l.value ?? undefined) ?? '') && evaluating(a, l)).length
  if (heldOut(head, loops(head)) >= heldOut(base, baseLoops)) return []
  for (const s of loops(head)) {
    // the same loop text trains elsewhere in the file: the line the change wrote is what counts
    if (!(fresh.has(s) || view.isAddedLine(s.line))) continue
    if (roleOf(head.flow, s.value ?? undefined) !== 'train' || !evaluating(head, s)) continue
    const targets = s.targets.map((t) => t.text).join(',')
    const was = baseLoops.find(
      (b) =>
        b.targets.map((t) => t.text).join(',') === targets &&
        ['test', 'val'].includes(roleOf(base.flow, b.value ?? undefined) ?? '') &&
        evaluating(base, b)
    )
    if (was && s.value)
      return [
        makeFinding(
          EVAL_ON_TRAIN,
          view,
          s.value.line,
          `${clip(s.text, 100)} (base: ${clip(was.value?.text ?? '', 60)})`
        )
      ]
  }
  return []
}

/** model.eval() taken away from a cell that evaluates. */
function checkEvalModeRemoved(view: FileView): Finding[] {
  if (!view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const evalCalls = (a: ReturnType<typeof analyze>): PyStatement[] =>
    a.statements.filter(
      (s) =>
        s.kind === 'expr' &&
        s.value?.k === 'call' &&
        pyCallee(s.value) === 'eval' &&
        s.value.args.length === 0 &&
        receiver(s.value) !== null
    )
  const now = evalCalls(head).length
  const was = evalCalls(base)
  if (now >= was.length) return []
  const kept = new Set(evalCalls(head).map((s) => s.cell))
  for (const s of was) {
    // the cell still switches to eval mode: nothing is lost here
    const at = view.headLineFor(s.line)
    const headStmt = head.statements.find((x) => x.line >= (at ?? 0))
    if (headStmt && kept.has(headStmt.cell) && view.kind === 'notebook') continue
    const evaluates = base.statements.some(
      (x) =>
        x.cell === s.cell &&
        x.index > s.index &&
        /no_grad|inference_mode|test|valid|val_|eval_|predict|accuracy|correct/.test(x.text)
    )
    if (!evaluates) continue
    return [
      makeFinding(EVAL_MODE_REMOVED, view, at, `${clip(s.text, 60)} removed before the evaluation that follows it`)
    ]
  }
  return []
}

const HOLDOUT_KWARG =
  /^(test_size|val_size|valid_size|validation_size|eval_size|test_split|val_split|validation_split|holdout_size|test_ratio|val_ratio|validation_fraction)$/
const HOLDOUT_KEY =
  /^(test_size|test_split|test_ratio|max_eval_samples|eval_samples|num_eval_samples|n_eval_samples|max_test_samples|eval_max_samples)$/

interface Holdout {
  key: string
  value: number
  line: number
  text: string
}

function numberOf(e: Expr | undefined): number | null {
  return e?.k === 'num' ? e.value : null
}

/** Sizes of held-out data in code: split fractions and rows taken from the test/validation split. */
function codeHoldouts(statements: PyStatement[], flow: FlowModel): Holdout[] {
  const out: Holdout[] = []
  for (const s of statements) {
    const target = s.kind === 'assign' && s.targets[0]?.k === 'name' ? s.targets[0].id : ''
    for (const c of callsIn(s)) {
      const name = pyCallee(c)
      for (const a of c.args) {
        const n = numberOf(a.value)
        if (a.name && HOLDOUT_KWARG.test(a.name) && n !== null)
          out.push({ key: `${name}.${a.name}`, value: n, line: a.value.line, text: `${a.name}=${a.value.text}` })
      }
      const r = receiver(c)
      if (!r || !/^(sample|head|take|select|shuffle)$/.test(name)) continue
      const role = roleOf(flow, r) ?? (target ? (flow.roles.get(target) ?? null) : null)
      if (role !== 'test' && role !== 'val') continue
      const size = c.args.find(
        (a) => a.name === null || a.name === 'n' || a.name === 'frac' || a.name === 'num_samples'
      )
      const n = numberOf(size?.value)
      if (size && n !== null)
        out.push({
          key: `${r.text}.${name}`,
          value: n,
          line: size.value.line,
          text: `${r.text}.${name}(${size.value.text})`
        })
    }
  }
  return out
}

function checkSplitShrunk(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  let before: Holdout[]
  let after: Holdout[]
  if (view.kind === 'config') {
    const read = (entries: ConfigEntry[]): Holdout[] =>
      entries.flatMap((e) => {
        const n = toNumber(e.value)
        const name = lastSegment(e.key)
        return n !== null && (VAL_SIZE_KEY.test(name) || HOLDOUT_KEY.test(name))
          ? [{ key: e.key, value: n, line: e.line, text: `${e.key}: ${String(e.value)}` }]
          : []
      })
    before = read(view.before.entries)
    after = read(view.after.entries)
  } else {
    before = codeHoldouts(analyze(view.before).statements, analyze(view.before).flow)
    after = codeHoldouts(analyze(view.after).statements, analyze(view.after).flow)
  }
  const out: Finding[] = []
  for (const a of after) {
    const same = before.filter((b) => b.key === a.key)
    const afterSame = after.filter((x) => x.key === a.key)
    if (same.length !== 1 || afterSame.length !== 1) continue
    const b = same[0]
    // a fraction and a row count are not comparable
    if (a.value <= 0 || b.value <= 0 || a.value < 1 !== b.value < 1) continue
    if (b.value / a.value < 4 - 1e-9) continue
    out.push(makeFinding(EVAL_SPLIT_SHRUNK, view, a.line, `${b.text} → ${a.text} (${ratioText(b.value, a.value)})`))
  }
  return out.slice(0, 1)
}

const RICH_METRIC_CODE =
  /\b(f1_score|classification_report|balanced_accuracy_score|roc_auc_score|precision_recall_fscore_support|precision_score|recall_score|confusion_matrix|matthews_corrcoef|cohen_kappa_score|average_precision_score|fbeta_score|multilabel_confusion_matrix)\b|(['"])(f1(_macro|_weighted|_micro)?|macro_f1|balanced_accuracy|roc_auc(_ovr|_ovo)?|precision(_macro)?|recall(_macro)?|mcc|matthews_correlation|average_precision)\2/
const ACCURACY_CODE = /\b(accuracy_score)\b|(['"])(accuracy|acc)\2/
const RICH_METRIC_VALUE =
  /macro|weighted|per[_-]?class|\bf1\b|f1[_-]|balanced|roc[_-]?auc|\bauc\b|precision|recall|classification_report|\bmcc\b|matthews|kappa|confusion/i
const ACCURACY_VALUE = /^(eval_)?(acc|accuracy)$/i
const METRIC_KEY =
  /^(metric|metrics|eval_metric|eval_metrics|metric_for_best_model|scoring|score|metric_names|evaluation_metrics|monitor)$/

function codeMetrics(statements: Statement[]): { rich: Statement | null; accuracy: Statement | null } {
  let rich: Statement | null = null
  let accuracy: Statement | null = null
  for (const s of statements) {
    // an import names a metric, it does not compute it
    if (/^\s*(from|import)\s/.test(s.text)) continue
    if (!rich && RICH_METRIC_CODE.test(s.text)) rich = s
    if (!accuracy && ACCURACY_CODE.test(s.text)) accuracy = s
  }
  return { rich, accuracy }
}

function configMetrics(entries: ConfigEntry[]): { rich: ConfigEntry | null; accuracy: ConfigEntry | null } {
  let rich: ConfigEntry | null = null
  let accuracy: ConfigEntry | null = null
  for (const e of entries) {
    if (!METRIC_KEY.test(lastSegment(e.key)) || typeof e.value !== 'string') continue
    if (!rich && RICH_METRIC_VALUE.test(e.value)) rich = e
    if (!accuracy && ACCURACY_VALUE.test(e.value.trim())) accuracy = e
  }
  return { rich, accuracy }
}

/** Keyword arguments that name the metric a search, trainer or early stop selects by. */
const SELECTION_KWARG = /^(scoring|metric_for_best_model|eval_metric|monitor|metric|refit)$/

/** GridSearchCV(scoring='f1_macro') → scoring='accuracy' in the same call, whatever the rest of the file computes. */
function checkSelectionByAccuracy(view: FileView): Finding[] {
  if (!view.before || !view.after || (view.kind !== 'notebook' && view.kind !== 'python')) return []
  const selections = (a: ReturnType<typeof analyze>): Array<{ stmt: PyStatement; key: string; value: Expr }> =>
    a.statements.flatMap((stmt) =>
      callsIn(stmt).flatMap((c) =>
        c.args
          .filter((x) => x.name && SELECTION_KWARG.test(x.name) && x.value.k === 'str')
          .map((x) => ({ stmt, key: `${calleeKey(c) ?? pyCallee(c)}.${x.name}`, value: x.value }))
      )
    )
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  const was = new Map<string, string[]>()
  for (const b of selections(base)) if (b.value.k === 'str') was.set(b.key, [...(was.get(b.key) ?? []), b.value.value])
  for (const a of selections(head)) {
    if (!fresh.has(a.stmt) || a.value.k !== 'str' || !ACCURACY_VALUE.test(a.value.value.trim())) continue
    const rich = (was.get(a.key) ?? []).find((v) => RICH_METRIC_VALUE.test(v))
    if (rich)
      return [
        makeFinding(ACCURACY_ONLY, view, a.value.line, `${a.key.split('.').pop()}: '${rich}' → '${a.value.value}'`)
      ]
  }
  return []
}

function checkAccuracyOnly(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  if (view.kind === 'config') {
    const b = configMetrics(view.before.entries)
    const a = configMetrics(view.after.entries)
    if (!b.rich || a.rich || !a.accuracy) return []
    return [
      makeFinding(
        ACCURACY_ONLY,
        view,
        a.accuracy.line,
        `${b.rich.key}: ${String(b.rich.value)} → ${a.accuracy.key}: ${String(a.accuracy.value)}`
      )
    ]
  }
  if (view.kind !== 'notebook' && view.kind !== 'python') return []
  const b = codeMetrics(view.before.statements)
  const a = codeMetrics(view.after.statements)
  if (!b.rich || a.rich || !a.accuracy) return checkSelectionByAccuracy(view)
  const match = RICH_METRIC_CODE.exec(b.rich.text)
  const name = match ? (match[1] ?? match[3]) : 'per-class metric'
  return [makeFinding(ACCURACY_ONLY, view, a.accuracy.line, `${name} removed; evaluation now: ${a.accuracy.flat}`)]
}

const VAL_SIZE_KEY =
  /^(val_set_size|validation_split|val_split|validation_split_percentage|val_size|valid_size|validation_size|eval_split_size|dev_size|val_ratio|validation_ratio|val_fraction)$/
const EVAL_STRATEGY_KEY = /^(eval_strategy|evaluation_strategy)$/
const EVAL_DATA_KEY =
  /^(eval_dataset|eval_datasets|validation_file|validation_files|val_data|valid_data|val_dataset|validation_dataset|eval_data|eval_data_path|val_data_path|test_datasets|eval_file)$/
const SPLIT_LIST_KEY = /^(dataset_splits|splits)$/

const isNo = (v: unknown): boolean => v === false || (typeof v === 'string' && /^(no|none|false|off)$/i.test(v.trim()))
const present = (v: unknown): boolean =>
  v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)

function checkEvalSplitConfig(view: FileView): Finding[] {
  const before = view.before?.entries ?? []
  const after = view.after?.entries ?? []
  const out: Finding[] = []
  const afterByKey = new Map(after.map((e) => [e.key, e]))
  const lineFor = (b: ConfigEntry): number | null => afterByKey.get(b.key)?.line ?? view.headLineFor(b.line)
  const now = (b: ConfigEntry): string =>
    afterByKey.has(b.key) ? JSON.stringify(afterByKey.get(b.key)?.value ?? null) : 'removed'
  for (const b of before) {
    const name = lastSegment(b.key)
    const a = afterByKey.get(b.key)
    if (VAL_SIZE_KEY.test(name) && (toNumber(b.value) ?? 0) > 0 && !((toNumber(a?.value) ?? 0) > 0)) {
      const moved = after.some((e) => VAL_SIZE_KEY.test(lastSegment(e.key)) && (toNumber(e.value) ?? 0) > 0)
      if (!moved)
        out.push(makeFinding(EVAL_SPLIT_REMOVED, view, lineFor(b), `${b.key}: ${JSON.stringify(b.value)} → ${now(b)}`))
    } else if (EVAL_STRATEGY_KEY.test(name) && present(b.value) && !isNo(b.value) && a && isNo(a.value)) {
      out.push(
        makeFinding(
          EVAL_SPLIT_REMOVED,
          view,
          a.line,
          `${b.key}: ${JSON.stringify(b.value)} → ${JSON.stringify(a.value)}`
        )
      )
    } else if (name === 'limit_val_batches' && (toNumber(b.value) ?? 1) > 0 && a && toNumber(a.value) === 0) {
      out.push(
        makeFinding(EVAL_SPLIT_REMOVED, view, a.line, `${b.key}: ${JSON.stringify(b.value)} → 0 (no validation)`)
      )
    } else if (name === 'do_eval' && isTruthy(b.value) && a && !isTruthy(a.value)) {
      out.push(makeFinding(EVAL_SPLIT_REMOVED, view, a.line, `${b.key}: true → ${JSON.stringify(a.value)}`))
    } else if (EVAL_DATA_KEY.test(name) && present(b.value) && !(a && present(a.value))) {
      const parent = b.key.split('.')[0]
      const stillThere = after.some(
        (e) => e.key.split('.')[0] === parent && EVAL_DATA_KEY.test(parent) && present(e.value)
      )
      if (!stillThere) out.push(makeFinding(EVAL_SPLIT_REMOVED, view, lineFor(b), `${b.key} removed`))
    }
  }
  // split.probabilities: [0.7, 0.1, 0.2] → [0.8, 0.2, 0.0]: a split that had rows gets none
  const fractions = (entries: ConfigEntry[]): Map<string, ConfigEntry[]> => {
    const m = new Map<string, ConfigEntry[]>()
    for (const e of entries) {
      if (!/^(probabilities|split_probabilities|splits|fractions|split_ratio|ratios)$/.test(lastSegment(e.key)))
        continue
      if (!/\[\d+\]$/.test(e.key) || toNumber(e.value) === null) continue
      const list = e.key.replace(/\[\d+\]$/, '')
      m.set(list, [...(m.get(list) ?? []), e])
    }
    return m
  }
  const afterFractions = fractions(after)
  for (const [list, b] of fractions(before)) {
    const a = afterFractions.get(list)
    if (!a || a.length !== b.length || b.length < 2) continue
    const i = b.findIndex((e, k) => (toNumber(e.value) ?? 0) > 0 && toNumber(a[k].value) === 0)
    if (i > 0)
      out.push(
        makeFinding(
          EVAL_SPLIT_REMOVED,
          view,
          a[i].line,
          `${list}[${i}]: ${String(b[i].value)} → 0 (that split gets no rows)`
        )
      )
  }
  // dataset_splits: [train_prefs, test_prefs] → [train_prefs]
  const evalSplits = (entries: ConfigEntry[]): ConfigEntry[] =>
    entries.filter(
      (e) =>
        SPLIT_LIST_KEY.test(lastSegment(e.key)) &&
        typeof e.value === 'string' &&
        /test|val|valid|eval|dev/i.test(e.value)
    )
  const gone = evalSplits(before).filter((b) => !evalSplits(after).some((a) => a.value === b.value))
  if (gone.length > 0 && evalSplits(after).length === 0) {
    out.push(
      makeFinding(
        EVAL_SPLIT_REMOVED,
        view,
        view.headLineFor(gone[0].line),
        `${gone[0].key.replace(/\[\d+\]$/, '')}: ${String(gone[0].value)} removed`
      )
    )
  }
  // several keys often go together: one finding per file is enough
  return out.slice(0, 1)
}

const TRAINER =
  /^(Trainer|Seq2SeqTrainer|SFTTrainer|DPOTrainer|ORPOTrainer|KTOTrainer|RewardTrainer|PPOTrainer|GRPOTrainer|CPOTrainer)$/

/** Keyword arguments that give a training call held-out data to validate on. */
const VALIDATES =
  /^(validation_split|validation_data|eval_set|valid_sets|evals|eval_dataset|val_dataloaders|validation_freq)$/

/** model.fit(..., validation_split=0.2) → model.fit(...): the training call no longer validates. */
function checkValidationDropped(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const validating = (a: ReturnType<typeof analyze>): Map<string, number> => {
    const m = new Map<string, number>()
    for (const s of a.statements)
      for (const c of callsIn(s)) {
        const v = c.args.find((x) => x.name && VALIDATES.test(x.name))
        const off =
          !v || (v.value.k === 'const' && v.value.value === 'None') || (v.value.k === 'num' && v.value.value === 0)
        if (!off && /^(fit|train|fit_generator)$/.test(pyCallee(c))) m.set(pyCallee(c), (m.get(pyCallee(c)) ?? 0) + 1)
      }
    return m
  }
  const head = analyze(view.after)
  const base = analyze(view.before)
  const before = validating(base)
  const after = validating(head)
  const fresh = newStatements(base, head)
  for (const [name, n] of before) {
    if ((after.get(name) ?? 0) >= n) continue
    for (const s of head.statements) {
      if (!fresh.has(s)) continue
      const call = callsIn(s).find(
        (c) =>
          pyCallee(c) === name &&
          !c.args.some((x) => x.name && VALIDATES.test(x.name) && !(x.value.k === 'num' && x.value.value === 0))
      )
      if (call)
        return [
          makeFinding(
            EVAL_SPLIT_REMOVED,
            view,
            call.line,
            `${clip(call.text, 120)} (the base validated during training)`
          )
        ]
    }
  }
  return []
}

function checkEvalSplitCode(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const withEval = (ss: Statement[]): number =>
    ss.reduce(
      (n, s) =>
        n +
        findCalls(s).filter(
          (c) => TRAINER.test(calleeName(c)) && (kwarg(c, 'eval_dataset')?.value ?? 'None') !== 'None'
        ).length,
      0
    )
  const out: Finding[] = []
  const fresh = introducedStatements(view)
  if (withEval(view.after.statements) < withEval(view.before.statements)) {
    for (const stmt of fresh) {
      const call = findCalls(stmt).find(
        (c) => TRAINER.test(calleeName(c)) && (kwarg(c, 'eval_dataset')?.value ?? 'None') === 'None'
      )
      if (call) {
        out.push(
          makeFinding(
            EVAL_SPLIT_REMOVED,
            view,
            lineAt(stmt, call.start),
            `${snippetAt(stmt, call.start)} (eval_dataset dropped)`
          )
        )
        break
      }
    }
  }
  const strategyNo = (s: Statement): ReturnType<typeof findCalls>[number] | undefined =>
    findCalls(s).find((c) =>
      ['eval_strategy', 'evaluation_strategy'].some((k) => isNo(stringLiteral(kwarg(c, k)?.value ?? '') ?? ''))
    )
  const hadNo = view.before.statements.filter((s) => strategyNo(s)).length
  const nowNo = fresh.filter((s) => strategyNo(s))
  if (nowNo.length > 0 && view.after.statements.filter((s) => strategyNo(s)).length > hadNo) {
    const call = strategyNo(nowNo[0]) as ReturnType<typeof findCalls>[number]
    const arg = kwarg(call, 'eval_strategy') ?? kwarg(call, 'evaluation_strategy')
    out.push(
      makeFinding(
        EVAL_SPLIT_REMOVED,
        view,
        lineAt(nowNo[0], arg?.offset ?? call.start),
        snippetAt(nowNo[0], arg?.offset ?? call.start)
      )
    )
  }
  return out.slice(0, 1)
}

/** Config keys of the data a run learns from, or draws its few-shot examples from. */
const TRAIN_USE_KEY =
  /^(train|train_(csv|json|jsonl|manifest|annotation|annotations|list|dataframe|df|path|data_path|data_file)|dataset|datasets|training_split|train_split|train_splits|train_dataset|train_datasets|train_file|train_files|train_data|fewshot_split)$/
/** Config keys of the data a run is scored on (h2o's `validation_dataframe`, LAVIS's `valid_splits`). */
const SCORED_KEY =
  /^(val|test|(valid|val|validation|dev|test|eval)_(csv|json|jsonl|manifest|annotation|annotations|list|dataframe|df|path|data_path|data_file)|validation_split|test_split|eval_split|val_split|valid_split|valid_splits|val_splits|eval_splits|eval_dataset|eval_datasets|val_dataset|validation_dataset|test_dataset|eval_file|validation_file|test_file|eval_data|val_data)$/

/** The dataset or split names a config value holds: `identity,alpaca_en_demo`, a list, one name. */
const dataNames = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    // detectron2 writes a tuple as a string: `("coco_2017_train",)`
    .map((v) => v.trim().replace(/^[([\s"']+|[)\]\s"']+$/g, ''))
    .filter((v) => v !== '' && !/^(none|null)$/i.test(v))

/**
 * `validation_split: train`, `eval_dataset: alpaca_en_demo` where `dataset:` trains on it, `fewshot_split: test` where
 * the test split is scored: in the head the data scored is data the run also learns or prompts from, at the base not.
 */
function checkEvalOnTrainConfig(view: FileView): Finding[] {
  const overlaps = (entries: ConfigEntry[]): Array<{ scored: ConfigEntry; used: ConfigEntry; name: string }> => {
    const out: Array<{ scored: ConfigEntry; used: ConfigEntry; name: string }> = []
    const group = (e: ConfigEntry): string => parentKey(e.key.replace(/\[\d+\]$/, ''))
    const used = entries.filter((e) => TRAIN_USE_KEY.test(lastSegment(e.key)))
    for (const sc of entries.filter((e) => SCORED_KEY.test(lastSegment(e.key)))) {
      const names = dataNames(sc.value)
      for (const u of used) {
        if (group(u) !== group(sc)) continue
        const name = dataNames(u.value).find((n) => names.includes(n))
        if (name) out.push({ scored: sc, used: u, name })
      }
      // the split scored is the one named train
      if (/_splits?$/.test(lastSegment(sc.key)) && names.includes('train') && !used.some((u) => group(u) === group(sc)))
        out.push({ scored: sc, used: sc, name: 'train' })
    }
    return out
  }
  const was = new Set(overlaps(view.before?.entries ?? []).map((o) => `${o.scored.key}|${o.used.key}|${o.name}`))
  for (const o of overlaps(view.after?.entries ?? [])) {
    if (was.has(`${o.scored.key}|${o.used.key}|${o.name}`)) continue
    // the line the change wrote: the scored key, or the training/few-shot key that now names the scored data
    const line = [o.scored.line, o.used.line].find((l) => view.isAddedLine(l))
    if (line === undefined) continue
    const detail =
      o.used === o.scored ? `${o.scored.key}: ${o.name}` : `${o.scored.key} and ${o.used.key} both name ${o.name}`
    return [
      makeFinding(EVAL_ON_TRAIN, view, line, `${detail} (the data scored is data the run learns or prompts from)`)
    ]
  }
  return []
}

/** Top-level sections of a config that hold the data a run is scored on, and the data it trains on. */
const EVAL_SECTION =
  /^(eval|evaluation|val|valid|validation|test)(_?(loader|dataloader|data|dataset|datasets|set|ds))?$/i
const TRAIN_SECTION = /^(train|training)(_?(loader|dataloader|data|dataset|datasets|set|ds))?$/i
/** Keys that name where a loader's rows come from (besides the split). */
const SOURCE_KEY = /^(hf_name|path|name|dataset_name|data_dir|data_files|remote|local|local_path|uri|source)$/

/** Keys of a loader section that name its whole dataset. */
const DATASET_KEY = /^(dataset|dataset_name|dataset_path|data_path|data_files|hf_name)$/

/** A path inside a loader section that names its dataset: `c4.split`, not `dataset.split` or `split`. */
const GENERIC_BLOCK = /^(dataset|datasets|data|loader|dataloader|args|kwargs|params|config|cfg|hparams)$/
const datasetBlock = (path: string): boolean =>
  path
    .split('.')
    .slice(0, -1)
    .some((seg) => !GENERIC_BLOCK.test(seg.replace(/\[\d+\]$/, '')))

/**
 * llm-foundry `eval_loader.dataset.split: train` beside `train_loader.dataset.split: train` of the same dataset: the
 * loader the run scores reads the rows it trains on.
 */
function checkEvalLoaderOnTrain(view: FileView): Finding[] {
  const sections = (entries: ConfigEntry[], re: RegExp): Map<string, ConfigEntry[]> => {
    const out = new Map<string, ConfigEntry[]>()
    for (const e of entries) {
      const top = e.key.split('.')[0].replace(/\[\d+\]$/, '')
      if (!re.test(top) || !e.key.includes('.')) continue
      const list = out.get(top) ?? []
      list.push(e)
      out.set(top, list)
    }
    return out
  }
  const rest = (e: ConfigEntry): string => e.key.slice(e.key.indexOf('.') + 1)
  const overlaps = (entries: ConfigEntry[]): Array<{ scored: ConfigEntry; train: ConfigEntry }> => {
    const out: Array<{ scored: ConfigEntry; train: ConfigEntry }> = []
    const trains = [...sections(entries, TRAIN_SECTION).values()]
    for (const evalEntries of sections(entries, EVAL_SECTION).values())
      for (const sc of evalEntries) {
        if (typeof sc.value !== 'string') continue
        // the training loader's entry at the same place, with the same value
        const same = (trainEntries: ConfigEntry[]): ConfigEntry | undefined =>
          trainEntries.find((t) => rest(t) === rest(sc) && t.value === sc.value)
        // torchtitan's `[validation] dataset = "c4"` beside `[training] dataset = "c4"`: the same data, no split apart
        if (DATASET_KEY.test(lastSegment(sc.key))) {
          const split = (list: ConfigEntry[], at: ConfigEntry): unknown =>
            list.find((e) => parentKey(e.key) === parentKey(at.key) && /^(split|splits)$/.test(lastSegment(e.key)))
              ?.value
          for (const trainEntries of trains) {
            const tr = same(trainEntries)
            if (tr && JSON.stringify(split(evalEntries, sc)) === JSON.stringify(split(trainEntries, tr)))
              out.push({ scored: sc, train: tr })
          }
          continue
        }
        if (lastSegment(sc.key) !== 'split') continue
        for (const trainEntries of trains) {
          const tr = same(trainEntries)
          if (!tr) continue
          // the same rows: every source key both loaders write beside the split names the same data
          const sourcesOf = (list: ConfigEntry[], split: ConfigEntry): Map<string, unknown> =>
            new Map(
              list
                .filter((e) => parentKey(e.key) === parentKey(split.key) && SOURCE_KEY.test(lastSegment(e.key)))
                .map((e) => [rest(e), JSON.stringify(e.value)])
            )
          const a = sourcesOf(evalEntries, sc)
          const b = sourcesOf(trainEntries, tr)
          // no source keys: the block the split sits in names the dataset (`val_dataset.c4.split`)
          const named = a.size === 0 && b.size === 0 && datasetBlock(rest(sc))
          if (!named && (a.size === 0 || a.size !== b.size || [...a].some(([k, v]) => b.get(k) !== v))) continue
          out.push({ scored: sc, train: tr })
        }
      }
    return out
  }
  const was = new Set(overlaps(view.before?.entries ?? []).map((o) => o.scored.key))
  for (const o of overlaps(view.after?.entries ?? [])) {
    if (was.has(o.scored.key) || !view.isAddedLine(o.scored.line)) continue
    return [
      makeFinding(
        EVAL_ON_TRAIN,
        view,
        o.scored.line,
        DATASET_KEY.test(lastSegment(o.scored.key))
          ? `${o.scored.key}: ${String(o.scored.value)} is the dataset ${o.train.key} trains on`
          : `${o.scored.key}: ${String(o.scored.value)} is the split ${o.train.key} trains on, of the same dataset`
      )
    ]
  }
  return []
}

export const evaluation: Check = (view) => {
  const out: Finding[] = []
  const checks =
    view.kind === 'config'
      ? [
          checkAccuracyOnly,
          checkEvalSplitConfig,
          checkEvalOnTrainConfig,
          checkEvalLoaderOnTrain,
          checkSplitShrunk,
          checkMetricDirection
        ]
      : view.kind === 'notebook' || view.kind === 'python'
        ? [
            checkAccuracyOnly,
            checkEvalSplitCode,
            checkValidationDropped,
            checkEvalOnTrain,
            checkHeldOutFromTrain,
            checkHeldOutTokenToTrain,
            checkEvalLoopOnTrain,
            checkEvalModeRemoved,
            checkSplitShrunk,
            checkMetricDirection,
            checkAverageWeakened
          ]
        : []
  const at = new Set<string>()
  for (const check of checks) {
    try {
      // two readings of one evaluation (its call's arguments, one of its tokens) are one item
      if (view.before && view.after)
        for (const f of check(view)) {
          const key = `${f.check}\u0000${f.line}`
          if (f.line !== null && at.has(key)) continue
          at.add(key)
          out.push(f)
        }
    } catch {
      // one check failing on odd input leaves the others standing
    }
  }
  return out
}
