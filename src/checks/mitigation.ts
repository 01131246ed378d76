// A bias mitigation written by hand and switched off without its names going away: the mitigated result now taken
// from the baseline (`roc_clf.predict` → `baseline_clf.predict`, `best_adversarial.h5` → `best_baseline.h5`, the
// reweighed `transformed_instance_weights` → the original `instance_weights`), the mitigation's term taken out of
// the loss (`clfloss = loss - adv_loss` → `clfloss = loss`), or its strength turned down (`lam = 0.88` → `0`,
// an `eta` sweep cut to `[0.0]`). Read only in files that speak of fairness: elsewhere these words mean other things.
import { diffArrays } from 'diff'
import { analyze } from '../analysis/index.js'
import {
  bareToken,
  lineAt,
  rewrittenPairs,
  stripComments,
  tokensOf,
  type Rewritten,
  type Token
} from '../analysis/rewrite.js'
import { callsIn, calleeName, literalNumbers, walk, type Call, type Expr, type PyStatement } from '../analysis/parse.js'
import type { Finding } from '../types.js'
import { FAIRNESS_BOUND_LOOSENED } from './fairness-bounds.js'
import { makeFinding, type Check } from './finding.js'
import { clip } from './python.js'
import { FAIRNESS_METRIC_REMOVED } from './responsible-ai.js'
import { writtenBy, type FileView } from './view.js'
import { FAIRNESS_FILE, fairnessWords, protectedOf, words } from './vocabulary.js'

/** Words that name a mitigation's model, data or weights. */
const MITIGATION_WORD =
  /^(fair|fairer|mitigated|mitigation|mitgated|mitig|debiased|debias|debiasing|reweighed|reweighted|reweighing|reweighting|rw|repaired|adv|adversarial|adversary|constrained|postprocessed|roc|eqodds|cpp|lfr|expgrad|mitigator|prejudice|remover)$/
/** AIF360's `dataset_transf_train`, `transformed_instance_weights`: the reweighed data, by what it is. */
const TRANSFORMED_WORD = /^(transf|transformed)$/
const TRANSFORMED_OF = /^(dataset|data|weights|instance|labels|scores|preds|predictions)$/
/** Words that name what a mitigation is compared against. */
const BASELINE_WORD =
  /^(baseline|baselines|orig|original|unmitigated|unconstrained|vanilla|plain|naive|unfair|biased|nominal)$/

const tokenWords = (token: string): string[] => words(bareToken(token))

function mitigationToken(token: string): boolean {
  const ws = tokenWords(token)
  if (ws.some((w) => MITIGATION_WORD.test(w))) return true
  return ws.some((w) => TRANSFORMED_WORD.test(w)) && ws.some((w) => TRANSFORMED_OF.test(w))
}
const baselineToken = (token: string): boolean => tokenWords(token).some((w) => BASELINE_WORD.test(w))

/** The baseline standing in for the mitigation in a rewritten statement; the loss term of a mitigation dropped. */
function rewrites(view: FileView, head: PyStatement[], pairs: Rewritten[]): Finding[] {
  const out: Finding[] = []
  const mitigated = mitigatedNames(head)
  for (const { head: s, olds } of pairs) {
    // a target about the baseline may well be computed from it
    if (s.targets.some((t) => baselineToken(t.text))) continue
    const text = stripComments(s.text)
    const now = tokensOf(text)
    for (const old of olds) {
      const was = tokensOf(stripComments(old.text))
      const hit = substitution(was, now, view.before?.text ?? '', view.after?.text ?? '', mitigated)
      if (hit) {
        const line = lineAt(s, text, hit.at.at)
        if (view.isAddedLine(line))
          out.push(
            makeFinding(FAIRNESS_METRIC_REMOVED, view, line, `${hit.from} → ${hit.at.text}: ${clip(s.text, 90)}`, {
              title: 'Mitigation bypassed: the baseline stands in for the mitigated result'
            })
          )
        break
      }
      const term = droppedTerm(old, s)
      if (term && view.isAddedLine(s.line)) {
        out.push(
          makeFinding(FAIRNESS_METRIC_REMOVED, view, s.line, `${clip(s.text, 90)} (base: ${clip(old.text, 90)})`, {
            title: `Mitigation term ${term} taken out of the loss`
          })
        )
        break
      }
    }
  }
  return out.slice(0, 3)
}

/** A mitigation's token replaced by the baseline's, or by itself without the mitigation's words. */
function substitution(
  was: Token[],
  now: Token[],
  baseText: string,
  headText: string,
  mitigated: Set<string> = new Set()
): { from: string; at: Token } | null {
  // both already there: the mitigated value still made in the head, the baseline one already made at the base (a
  // consistent rename is not a bypass)

  const parts = diffArrays(
    was.map((t) => t.text),
    now.map((t) => t.text)
  )
  let headIndex = 0
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (!p.removed) {
      headIndex += p.count ?? p.value.length
      continue
    }
    const next = parts[i + 1]
    if (!next?.added) continue
    for (const r of p.value) {
      const made = mitigated.has(r)
      if ((!made && !mitigationToken(r)) || !headText.includes(bareToken(r))) continue
      const rw = new Set(tokenWords(r))
      for (let j = 0; j < next.value.length; j++) {
        const a = next.value[j]
        if (mitigationToken(a) || mitigated.has(a) || !/^[\w"']/.test(a) || !baseText.includes(bareToken(a))) continue
        const aw = tokenWords(a)
        // `test_sds_pred_tranf` (what the post-processor returned) → `test_sds_pred` (what it was handed)
        const without = aw.length > 0 && aw.every((w) => rw.has(w))
        if (baselineToken(a) || without) return { from: r, at: now[headIndex + j] }
      }
    }
  }
  return null
}

/**
 * Names holding what a mitigation returned, whatever they are called: `out = eopp.predict(test_pred)` after
 * `eopp = EqOddsPostprocessing(...)`, `y_fair = ThresholdOptimizer(...).fit(...).predict(X)`.
 */
function mitigatedNames(statements: PyStatement[]): Set<string> {
  const mitigators = new Set<string>()
  const out = new Set<string>()
  for (const s of statements) {
    if (s.kind !== 'assign' || s.value?.k !== 'call') continue
    const names = s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : []))
    const call = s.value
    if (mitigationCall(call)) {
      names.forEach((n) => mitigators.add(n))
      continue
    }
    // the object a chain of calls starts from: `ThresholdOptimizer(...).fit(X, y).predict(X)`
    let root: Expr = call
    while (root.k === 'call' && root.fn.k === 'attr') root = root.fn.obj
    const ctor = root.k === 'call' && mitigationCall(root)
    if (call.fn.k === 'attr') {
      const method = call.fn.name
      const fromMitigator = (root.k === 'name' && mitigators.has(root.id)) || ctor
      if (fromMitigator && /^(predict|predict_proba|transform|fit_transform|fit_predict|adjust)$/.test(method))
        names.forEach((n) => out.add(n))
      // `eopp = eopp.fit(val, val_pred)`: still the mitigator
      else if (fromMitigator && method === 'fit') names.forEach((n) => mitigators.add(n))
    }
  }
  return out
}

/** `clfloss = loss - adv_loss` → `clfloss = loss`: the term of the mitigation gone from a loss's sum. */
function droppedTerm(old: PyStatement, s: PyStatement): string | null {
  if (s.kind !== 'assign' || old.kind !== 'assign' || !old.value || !s.value) return null
  if (
    !s.targets.some((t) =>
      words(t.text).some((w) => /^(loss|losses|objective|cost|clfloss)$/.test(w) || /loss$/.test(w))
    )
  )
    return null
  const terms = (e: Expr): string[] =>
    e.k === 'op' && e.ops.every((o) => o === '+' || o === '-')
      ? e.parts.map((p) => p.text.replace(/\s+/g, ''))
      : [e.text.replace(/\s+/g, '')]
  const before = terms(old.value)
  const after = new Set(terms(s.value))
  const removed = before.filter((t) => !after.has(t))
  // a term rewritten in place (`adv_criterion(p_adv, z)` → `adv_criterion(adv(p_y), z)`) is still in the loss
  if (removed.length === 0 || removed.length === before.length || after.size >= before.length) return null
  const term = removed.find((t) =>
    tokensOf(t).some((tok) => mitigationToken(tok.text) || fairnessWords(tokenWords(tok.text)))
  )
  return term ?? null
}

/** Names that are a strength and nothing else: `lam`, `lamdas`, `eta_value`, `lambda_values`. */
const PURE_STRENGTH = /^(lam|lamda|lamdas|lambda|lambdas|lambd|lmbda|eta|etas|mu)$/
const STRENGTH_SUFFIX = /^(value|values|vals|list|grid|range|s)$/
const pureStrength = (name: string): boolean => {
  const ws = words(name)
  return ws.length > 0 && PURE_STRENGTH.test(ws[0]) && ws.slice(1).every((w) => STRENGTH_SUFFIX.test(w))
}
/** The adversary of adversarial debiasing, by the words that name it in a fairness notebook. */
const ADVERSARY_WORD = /^(adversary|adversarial|adv|discriminator|debias|debiasing|fairness|fair)$/
const WEIGHT_OF = /^(weight|weights|strength|lambda|lam|coef|coeff|coefficient|alpha|beta|gamma|scale)$/
/** A name that says it weighs the mitigation's term itself: `DISCRIMINATOR_LOSS_WEIGHT`, `adversary_loss_weight`. */
const mitigationWeight = (name: string): boolean => {
  const ws = words(name)
  return ws.length >= 2 && WEIGHT_OF.test(ws[ws.length - 1]) && ws.slice(0, -1).some((w) => ADVERSARY_WORD.test(w))
}

interface Strength {
  value: number
  line: number
  /** the largest value of a sweep */
  sweep: boolean
}

/** The numbers each pure strength name is assigned on a side, in order, when it is used with a mitigation. */
function strengths(statements: PyStatement[], lines: string[]): Map<string, Strength[]> {
  const assigned = new Map<string, Strength[]>()
  const numberOf = (e: Expr): number | null => {
    if (e.k === 'num') return e.value
    if (e.k === 'seq' && e.items.length > 0 && e.items.every((i) => i.k === 'num'))
      return Math.max(...e.items.map((i) => (i.k === 'num' ? i.value : 0)))
    return null
  }
  for (const s of statements) {
    if (s.kind !== 'assign' || !s.value || s.targets.length !== 1 || s.targets[0].k !== 'name') continue
    const name = s.targets[0].id
    const n = pureStrength(name) || mitigationWeight(name) ? numberOf(s.value) : null
    if (n !== null)
      assigned.set(name, [...(assigned.get(name) ?? []), { value: n, line: s.value.line, sweep: s.value.k === 'seq' }])
  }
  // used beside a mitigation or fairness term: `clf_loss + lam * fair_loss`, `fairness_plot(eta_value, ...)`
  const used = new Set<string>()
  for (const s of statements) {
    if (s.kind === 'import') continue
    const names = new Set<string>()
    let fair = false
    for (const e of [...s.exprs, ...s.targets])
      walk(e, (x) => {
        if (x.k === 'name') {
          if (assigned.has(x.id)) names.add(x.id)
          else if (mitigationToken(x.id) || fairnessWords(words(x.id))) fair = true
        } else if (x.k === 'attr' && (mitigationToken(x.name) || fairnessWords(words(x.name)))) fair = true
        else if (x.k === 'str' && fairnessWords(words(x.value))) fair = true
      })
    // `eta_value = [...]  # Parameter for Prejudice Remover`: its own comment says what it weighs
    const own = lines[s.line - 1] ?? ''
    if (!fair && names.size > 0 && own.includes('#')) {
      const comment = words(own.replace(/^[^#]*#/, ''))
      fair = fairnessWords(comment) || comment.some((w) => MITIGATION_WORD.test(w))
    }
    if (fair) names.forEach((n) => used.add(n))
  }
  for (const name of [...assigned.keys()]) if (!used.has(name) && !mitigationWeight(name)) assigned.delete(name)
  return assigned
}

/** A pure strength name turned down: its n-th assignment at the base against the n-th in the head. */
function weakened(view: FileView, base: PyStatement[], head: PyStatement[]): Finding[] {
  const b = strengths(base, (view.before?.text ?? '').split('\n'))
  const out: Finding[] = []
  for (const [name, list] of strengths(head, (view.after?.text ?? '').split('\n'))) {
    const was = b.get(name)
    if (!was || was.length !== list.length) continue
    list.forEach((h, i) => {
      const old = was[i]
      if (h.value >= old.value || !view.isAddedLine(h.line)) return
      out.push(
        makeFinding(
          FAIRNESS_BOUND_LOOSENED,
          view,
          h.line,
          `${name}${h.sweep ? ' (the largest value swept)' : ''} ${h.value === 0 ? 'set to 0, the mitigation is off' : 'lowered'}: ${old.value} → ${h.value}`
        )
      )
    })
  }
  return out.slice(0, 3)
}

/** What to do about a mitigation left doing nothing. */
const MITIGATION_FIX =
  'Keep the mitigation running as it did (its strength, its switch, the groups it balances), or say in the pull request why the unmitigated model is acceptable and report its per-group results.'

/** Words of a switch that turns the mitigation off when true: `unconstrained=True`, `skip_mitigation: true`. */
const OFF_WHEN_TRUE = /^(unconstrained|unmitigated|unfair)$/
const NEGATING = /^(skip|disable|disabled|no|without|ignore|bypass|off)$/
/** Words of a switch that turns it off when false: `constrained=False`, `apply_fairness: false`, `debias=False`. */
const ON_WORD =
  /^(constrained|constraint|constraints|fair|fairness|mitigate|mitigation|mitigated|debias|debiased|debiasing|reweigh|reweighing|reweighting|adversarial|adversary)$/

/** The value that switches the mitigation off for a switch of this name, or null when the name is not one. */
function offValue(name: string): boolean | null {
  const ws = words(name)
  if (ws.some((w) => OFF_WHEN_TRUE.test(w))) return true
  const on = ws.some((w) => ON_WORD.test(w))
  if (on && ws.some((w) => NEGATING.test(w))) return true
  return on ? false : null
}

interface Switch {
  key: string
  value: boolean
  line: number
  /** the call is a mitigation's, or names one (`inprocessor_name='AdversarialDebiasing'`): its switches default on */
  mitigation: boolean
}

/** Boolean keywords of a statement's calls, by callee and keyword. */
function switchesOf(s: PyStatement): Switch[] {
  const out: Switch[] = []
  for (const e of s.exprs)
    walk(e, (x) => {
      if (x.k !== 'call') return
      const callee = calleeName(x)
      const mitigation =
        mitigationCall(x) || x.args.some((a) => a.value.k === 'str' && MITIGATION_CALL.test(a.value.value))
      for (const a of x.args)
        if (a.name && a.value.k === 'const' && a.value.value !== 'None')
          out.push({ key: `${callee}(${a.name}=)`, value: a.value.value === 'True', line: a.value.line, mitigation })
    })
  return out
}

/** A mitigation's switch turned to off in a rewritten call: `build_train_op(0.01, unconstrained=True)`. */
function switchedOff(view: FileView, pairs: Rewritten[]): Finding[] {
  const out: Finding[] = []
  for (const { head: s, olds } of pairs) {
    for (const sw of switchesOf(s)) {
      const off = offValue(sw.key.slice(sw.key.indexOf('(') + 1, -2))
      if (off === null || sw.value !== off || !view.isAddedLine(sw.line)) continue
      const was = olds.flatMap(switchesOf).find((o) => o.key === sw.key)
      // the same switch already off at the base, or a new keyword whose default we do not know to be on (a
      // mitigation's own switch, `debias=`, is on unless turned off)
      if (was ? was.value === off : !OFF_WHEN_TRUE.test(words(sw.key).join(' ')) && !sw.mitigation) continue
      out.push(
        makeFinding(
          FAIRNESS_METRIC_REMOVED,
          view,
          sw.line,
          `${sw.key.replace('=)', `=${sw.value ? 'True' : 'False'})`)} (base: ${was ? (was.value ? 'True' : 'False') : 'not set'})`,
          { title: 'Mitigation switched off by its parameter', fix: MITIGATION_FIX }
        )
      )
    }
  }
  return out.slice(0, 3)
}

/** Mitigation estimators and samplers of the fairness libraries (fairlearn, AIF360, FairBatch, FairGBM, inFairness). */
const MITIGATION_CALL =
  /^(ExponentiatedGradient|GridSearch|ThresholdOptimizer|CorrelationRemover|Reweighing|DisparateImpactRemover|AdversarialDebiasing|PrejudiceRemover|LFR|OptimPreproc|RejectOptionClassification|CalibratedEqOddsPostprocessing|EqOddsPostprocessing|MetaFairClassifier|GerryFairClassifier|ExponentiatedGradientReduction|GridSearchReduction|FairBatch|FairGBMClassifier|FairGBMRegressor|FairGBMRanker|SenSeI|SenSR|SenSTIR|InformationFilter|DemographicParityClassifier|EqualOpportunityClassifier)$/
/** A rebalancing call, a mitigation when it is handed a protected column: `xai.balance(df, "gender", "loan", ...)`. */
const REBALANCE_WORD =
  /^(balance|balanced|rebalance|resample|upsample|oversample|reweigh|reweight|reweighing|reweighting)$/
/** Keywords that count a mitigation's search or its rounds: one point or one round searches nothing. */
const COUNT_WORD = /^(grid|iter|iters|iterations|rounds|steps|points)$/
/** Keywords of a mitigation call that tune other things than its strength. */
const NOT_STRENGTH_WORD =
  /^(seed|random|state|verbose|verbosity|jobs|workers|batch|epoch|epochs|lr|learning|print|log|patience|hidden|units|layers|dim|size|cv|folds|tol|tolerance|eps|epsilon|bound|threshold)$/

function mitigationCall(x: Call): boolean {
  const callee = calleeName(x)
  // a library's mitigation, or a class named for one (`FairClassifier`, `DebiasedModel`)
  if (MITIGATION_CALL.test(callee) || (/^[A-Z]/.test(callee) && mitigationToken(callee))) return true
  if (!words(callee).some((w) => REBALANCE_WORD.test(w))) return false
  return x.args.some((a) => a.value.k === 'str' && protectedOf(a.value.value) !== null)
}

interface Numbered {
  key: string
  /** the name that says what the number is: the keyword, the dict key, the variable */
  name: string
  value: number
  line: number
}

/** The numbers of a value in order, each by its place and the nearest name: `[{'k': 10, 'Az': 2.0}]` → k, Az. */
function numbersIn(e: Expr, key: string, name: string, out: Numbered[]): void {
  literalNumbers(e, (path, value, line) => {
    const place = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')
    const nearest = path.filter((p): p is string => typeof p === 'string').pop() ?? name
    out.push({ key: key + place, name: nearest, value, line })
  })
}

/** Numbers of a statement's mitigation calls' keywords, by callee and keyword (lists item by item). */
function mitigationNumbers(s: PyStatement): Numbered[] {
  const out: Numbered[] = []
  for (const e of s.exprs)
    walk(e, (x) => {
      if (x.k !== 'call' || !mitigationCall(x)) return
      const callee = calleeName(x)
      for (const a of x.args)
        if (a.name && a.name !== '*' && a.name !== '**') numbersIn(a.value, `${callee}(${a.name}=)`, a.name, out)
    })
  return out
}

/** Names handed to a mitigation call: `SenSeI(network, distance_x, distance_y, lossfn, rho, eps)` → rho, eps. */
function handedToMitigation(statements: PyStatement[]): Set<string> {
  const out = new Set<string>()
  for (const s of statements)
    for (const e of s.exprs)
      walk(e, (x) => {
        if (x.k === 'call' && mitigationCall(x)) for (const a of x.args) if (a.value.k === 'name') out.add(a.value.id)
      })
  return out
}

/** `FAIR_INTERVENTION_PARAMS_LST = [0.7]`: a variable that holds a fairness intervention's parameters. */
const interventionName = (name: string): boolean => {
  const ws = words(name)
  return (
    (fairnessWords(ws) ||
      ws.some((w) => /^(intervention|interventions|mitigation|mitigator|debias|debiasing)$/.test(w))) &&
    ws.some((w) => /^(params?|parameters?|lst|list|grid|values|kwargs|config|args)$/.test(w))
  )
}

/** The numbers of a statement that parametrise a mitigation, by key. */
function strengthNumbers(s: PyStatement, handed: Set<string>): Numbered[] {
  const out = mitigationNumbers(s)
  if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name') {
    const target = s.targets[0].id
    // `rho = 25.0` handed to `SenSeI(..., rho, ...)`; `FAIR_INTERVENTION_PARAMS_LST = [...]`
    // a group coding handed over (`privileged_groups = [{'sex': 1}]`) is not a strength: only a bare number is
    if ((handed.has(target) && s.value.k === 'num') || interventionName(target)) numbersIn(s.value, target, target, out)
  }
  return out
}

/**
 * A mitigation's parameter turned to a value that leaves it doing nothing: its rate or weight set to 0
 * (`FairBatch(alpha=0.0)`), its search cut to one point (`GridSearch(grid_size=1)`), or cut a hundredfold or more
 * (`'Az': 2.0` → `0.01`); a weight retuned within that range (`lambdas=[130, 30]` → `[5, 5]`) is a choice of
 * strength, not its removal. Bounds and tolerances are the bounds' to judge.
 */
function disabledByValue(view: FileView, head: PyStatement[], pairs: Rewritten[]): Finding[] {
  const out: Finding[] = []
  let handed: Set<string> | null = null
  for (const { head: s, olds } of pairs) {
    handed ??= handedToMitigation(head)
    const known = handed
    const was = new Map(olds.flatMap((o) => strengthNumbers(o, known)).map((n) => [n.key, n.value]))
    for (const n of strengthNumbers(s, known)) {
      const old = was.get(n.key)
      if (old === undefined || old === n.value || !view.isAddedLine(n.line)) continue
      // one item per line: `lambdas=[0., 0.]` is one change
      if (out.some((f) => f.line === n.line)) continue
      const ws = words(n.name)
      const count = ws.some((w) => COUNT_WORD.test(w))
      if (!count && ws.some((w) => NOT_STRENGTH_WORD.test(w))) continue
      const how =
        count && n.value <= 1 && old > 1
          ? 'one point or round: the mitigation searches nothing'
          : !count && n.value === 0 && old > 0
            ? 'set to 0: the mitigation does nothing'
            : !count && n.value > 0 && old > 0 && n.value <= old / 100
              ? `cut to 1/${Math.round(old / n.value)} of its value`
              : null
      if (!how) continue
      out.push(
        makeFinding(
          FAIRNESS_METRIC_REMOVED,
          view,
          n.line,
          `${n.key.endsWith('=)') ? n.key.replace('=)', `=${n.value})`) : `${n.key} = ${n.value}`}: ${how} (base: ${old})`,
          {
            title: 'Mitigation switched off by its parameter',
            fix: MITIGATION_FIX
          }
        )
      )
    }
  }
  return out.slice(0, 3)
}

/** The mitigation calls of a statement, by callee, with the protected columns each is handed. */
function mitigationCalls(s: PyStatement): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const e of s.exprs)
    walk(e, (x) => {
      if (x.k !== 'call' || !mitigationCall(x)) return
      const callee = calleeName(x)
      const cols = out.get(callee) ?? new Set<string>()
      for (const a of x.args) if (a.value.k === 'str' && protectedOf(a.value.value) !== null) cols.add(a.value.value)
      out.set(callee, cols)
    })
  return out
}

/**
 * A statement that ran a mitigation rewritten without it: its result now made another way (`bal_df =
 * xai.balance(df, "gender", ...)` → `bal_df = df.copy()`), or the protected column it balanced replaced
 * (`balanced_train_test_split(x, y, "gender")` → `"loan"`).
 */
function mitigationDropped(view: FileView, head: PyStatement[], pairs: Rewritten[]): Finding[] {
  const out: Finding[] = []
  // mitigation calls the head still makes anywhere (a call moved is not removed)
  let made: Set<string> | null = null
  for (const { head: s, olds } of pairs) {
    // the line the change wrote: a call's argument may sit lines below its start
    let line = s.line
    while (line < s.endLine && !view.isAddedLine(line)) line++
    if (!view.isAddedLine(line)) continue
    const now = mitigationCalls(s)
    // another mitigation or fairness-constrained model in its place (`FairClassifier` → `DemographicParityClassifier`)
    const replaced =
      now.size > 0 || callsIn(s).some((c) => /^[A-Z]/.test(calleeName(c)) && fairnessWords(words(calleeName(c))))
    for (const old of olds) {
      let what: string | null = null
      for (const [callee, cols] of mitigationCalls(old)) {
        const kept = now.get(callee)
        made ??= new Set(head.flatMap((h) => [...mitigationCalls(h).keys()]))
        const lost = [...cols].filter((c) => !kept?.has(c))
        // still called here, handed another column: no longer a mitigation by the group it balanced
        if (callsIn(s).some((c) => calleeName(c) === callee)) {
          if (lost.length) what = `${callee}() no longer balances by ${lost.join(', ')}`
        } else if (!made.has(callee) && !replaced) what = `${callee}() no longer run`
        if (what) break
      }
      if (!what) continue
      out.push(
        makeFinding(FAIRNESS_METRIC_REMOVED, view, line, `${what}: ${clip(s.text, 90)} (base: ${clip(old.text, 90)})`, {
          title: 'Mitigation removed from the statement that ran it',
          fix: MITIGATION_FIX
        })
      )
      break
    }
  }
  return out.slice(0, 3)
}

/** Words of the rates and gaps a fairness constraint bounds. */
const RATE_WORD =
  /^(rate|rates|fpr|tpr|fnr|tnr|ppr|parity|disparity|gap|violation|violations|fairness|positive|negative)$/

/**
 * Constraints written as comparisons of rates (`tfco.false_positive_rate(ctx_a) <= overall + eps`), in a list or
 * appended to one: fewer of them in the head is a constraint taken off the optimisation.
 */
interface Constraint {
  flat: string
  line: number
  expr: Extract<Expr, { k: 'op' }>
}

function constraintsOf(statements: PyStatement[]): Constraint[] {
  const out: Constraint[] = []
  // a rate computed by a call (`tfco.false_positive_rate(ctx)`) or held in a name (`slice_fpr`, `self.fpr_max_diff`)
  const rated = (e: Expr): boolean => {
    let found = false
    walk(e, (x) => {
      if (found) return
      const name =
        x.k === 'call' ? (x.fn.k === 'attr' ? x.fn.name : x.fn.k === 'name' ? x.fn.id : '') : x.k === 'name' ? x.id : ''
      found = name !== '' && words(name).some((w) => RATE_WORD.test(w))
    })
    return found
  }
  const constraint = (e: Expr): boolean =>
    e.k === 'op' && e.ops.length === 1 && /^(<=|>=|<|>)$/.test(e.ops[0]) && rated(e)
  for (const s of statements)
    for (const e of s.exprs)
      walk(e, (x) => {
        const items =
          x.k === 'seq'
            ? x.items
            : x.k === 'call' && x.fn.k === 'attr' && /^(append|extend|add)$/.test(x.fn.name)
              ? x.args.map((a) => a.value)
              : []
        for (const i of items)
          if (i.k === 'op' && constraint(i)) out.push({ flat: i.text.replace(/\s+/g, ''), line: i.line, expr: i })
      })
  return out
}

function constraintsRemoved(view: FileView, base: PyStatement[], head: PyStatement[]): Finding[] {
  const was = constraintsOf(base)
  if (was.length === 0) return []
  const left = new Map<string, number>()
  for (const c of constraintsOf(head)) left.set(c.flat, (left.get(c.flat) ?? 0) + 1)
  // of several copies of one constraint, the one gone is the one whose place in the head the change rewrote:
  // the copies elsewhere take the head's copies first
  const rewritten = (line: number): boolean => {
    const at = view.headLineFor(line)
    return at !== null && view.isAddedLine(at)
  }
  const order = [...was.filter((c) => !rewritten(c.line)), ...was.filter((c) => rewritten(c.line))]
  const gone = order.filter((c) => {
    const n = left.get(c.flat) ?? 0
    if (n > 0) left.set(c.flat, n - 1)
    return n === 0
  })
  // a constraint rewritten (its bound or its rate changed) is for the bounds to judge; only a count that fell
  const fewer = was.length - constraintsOf(head).length
  if (gone.length === 0 || fewer <= 0) return []
  const first = gone[0]
  const line = view.headLineFor(first.line)
  if (line === null) return []
  return [
    makeFinding(
      FAIRNESS_METRIC_REMOVED,
      view,
      line,
      `${fewer} of ${was.length} fairness constraint${was.length === 1 ? '' : 's'} removed: ${clip(first.flat, 80)} (base line ${first.line})`,
      { title: 'Fairness constraint removed from the optimisation' }
    )
  ]
}

/**
 * The slack a constraint's numbers give, each with the way it loosens: `fpr(a) <= 0.05` (bigger is looser),
 * `fnr(a) <= fnr(all) + 0.01` (bigger), `fnr(a) >= fnr(all) - 0.01` (bigger), `tpr(a) >= 0.8` (smaller).
 */
function slack(c: Constraint): Array<{ value: number; looser: 'up' | 'down' }> {
  const [lhs, rhs] = c.expr.parts
  const upper = c.expr.ops[0].startsWith('<')
  const out: Array<{ value: number; looser: 'up' | 'down' }> = []
  const read = (side: Expr, onRight: boolean): void => {
    // a number added on the side that bounds gives room when it grows; subtracted, when it shrinks
    const terms: Array<{ e: Expr; sign: 1 | -1 }> =
      side.k === 'op' && side.ops.every((o) => o === '+' || o === '-')
        ? side.parts.map((e, i) => ({ e, sign: i > 0 && side.ops[i - 1] === '-' ? -1 : 1 }))
        : [{ e: side, sign: 1 }]
    for (const t of terms) {
      if (t.e.k !== 'num') continue
      // room grows with the right side of `<=` and shrinks with its left side; the other way for `>=`
      const grows = (upper === onRight) === (t.sign === 1)
      out.push({ value: t.e.value, looser: grows ? 'up' : 'down' })
    }
  }
  read(lhs, false)
  read(rhs, true)
  return out
}

/** A rate constraint rewritten with more slack: `<= 0.05` → `<= 0.25`, `+ 0.01` → `+ 0.1`. */
function constraintsLoosened(view: FileView, base: PyStatement[], head: PyStatement[]): Finding[] {
  const shape = (c: Constraint): string => c.flat.replace(/(?<![\w.])\d+(?:\.\d+)?(?:e-?\d+)?/g, '#')
  const was = new Map<string, Constraint[]>()
  for (const c of constraintsOf(base)) was.set(shape(c), [...(was.get(shape(c)) ?? []), c])
  const out: Finding[] = []
  for (const c of constraintsOf(head)) {
    if (!view.isAddedLine(c.line)) continue
    const olds = was.get(shape(c)) ?? []
    // unchanged somewhere at the base: not rewritten
    if (olds.length === 0 || olds.some((o) => o.flat === c.flat)) continue
    const now = slack(c)
    const looser = olds.find((o) => {
      const before = slack(o)
      return (
        before.length === now.length &&
        now.some((n, i) => (n.looser === 'up' ? n.value > before[i].value : n.value < before[i].value)) &&
        now.every((n, i) => (n.looser === 'up' ? n.value >= before[i].value : n.value <= before[i].value))
      )
    })
    if (!looser) continue
    out.push(
      makeFinding(
        FAIRNESS_BOUND_LOOSENED,
        view,
        c.line,
        `fairness constraint loosened: ${clip(c.flat, 70)} (base: ${clip(looser.flat, 70)})`
      )
    )
  }
  return out.slice(0, 3)
}

/** Names of per-row weights: `weights`, `sample_weight`, `w_train`, `instance_wts`. */
const WEIGHT_WORD = /^(weights?|wts?|sw|reweights?)$/
const weightName = (name: string): boolean => words(name).some((w) => WEIGHT_WORD.test(w))
/** Fits that take row weights. */
const WEIGHTED_FIT = /^(fit|partial_fit|train)$/
/** Keywords that hand a fit its row weights. */
const WEIGHT_KW = /^(sample_weights?|weights?|instance_weights?)$/

/** A protected column or group value named in an expression: `df["gender"] == "transgender"`, `df.race`. */
function namesGroup(e: Expr): boolean {
  let found = false
  walk(e, (x) => {
    if (found) return
    if (x.k === 'str') found = protectedOf(x.value) !== null
    else if (x.k === 'attr') found = protectedOf(x.name) !== null
  })
  return found
}

/**
 * Row weights a notebook sets by group, by hand: `weights[df["gender"] == "transgender"] = 5.0`,
 * `w = np.where(df.race == "Black", 2.0, 1.0)`, `df["w"] = df["sex"].map({...})`; by the weight variable.
 */
function groupWeights(statements: PyStatement[]): Map<string, PyStatement> {
  const out = new Map<string, PyStatement>()
  for (const s of statements) {
    if (s.kind !== 'assign' || !s.value) continue
    for (const t of s.targets) {
      const name = t.k === 'sub' ? (t.obj.k === 'name' ? t.obj.id : null) : t.k === 'name' ? t.id : null
      // a weight column written into a frame: df['weight'] = ...
      const column = t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str' ? t.items[0].value : null
      if (column !== null && weightName(column) && namesGroup(s.value)) out.set(column, s)
      else if (name && weightName(name) && (t.k === 'sub' ? t.items.some(namesGroup) : namesGroup(s.value)))
        out.set(name, s)
    }
  }
  return out
}

/** Names handed to a fit as its row weights: `fit(X, y, sample_weight=weights)`, `sample_weight=df["w"]`. */
function handedWeights(statements: PyStatement[]): Map<string, PyStatement> {
  const out = new Map<string, PyStatement>()
  for (const s of statements)
    for (const c of callsIn(s))
      for (const a of c.args) {
        if (!a.name || !WEIGHT_KW.test(a.name)) continue
        const v = a.value
        const name =
          v.k === 'name'
            ? v.id
            : v.k === 'sub' && v.items.length === 1 && v.items[0].k === 'str'
              ? v.items[0].value
              : v.k === 'attr'
                ? v.name
                : null
        if (name && !out.has(name)) out.set(name, s)
      }
  return out
}

/**
 * A group's row weights written by hand and taken away: the statement that upweighted the group removed, or the
 * weights no longer handed to the fit. The model then trains as if the group were as well represented as the rest.
 */
function groupWeightsDropped(view: FileView, base: PyStatement[], head: PyStatement[]): Finding[] {
  const was = groupWeights(base)
  if (was.size === 0) return []
  const now = groupWeights(head)
  const handedBefore = handedWeights(base)
  const handedNow = handedWeights(head)
  const out: Finding[] = []
  for (const [name, stmt] of was) {
    const used = handedBefore.get(name)
    if (!used) continue
    const what = !now.has(name)
      ? { at: stmt.line, text: `${name} no longer set by group (base: ${clip(stmt.text, 80)})` }
      : !handedNow.has(name)
        ? { at: used.line, text: `${name}, set by group, no longer handed to the fit (base: ${clip(used.text, 80)})` }
        : null
    if (!what) continue
    const line = view.headLineFor(what.at)
    if (line === null) continue
    out.push(
      makeFinding(FAIRNESS_METRIC_REMOVED, view, line, what.text, {
        title: 'Group reweighting removed',
        fix: MITIGATION_FIX
      })
    )
  }
  return out.slice(0, 3)
}

/**
 * In a notebook that reweighs its data for fairness (`Reweighing`, "reweighing weights"), a fit that was handed its
 * row weights and is rewritten without them: the mitigation's weights computed for nothing.
 */
function weightsNoLongerHanded(view: FileView, pairs: Rewritten[]): Finding[] {
  if (!/reweigh/i.test(view.after?.text ?? '')) return []
  const weighted = (st: PyStatement): string | null => {
    for (const c of callsIn(st)) {
      if (!WEIGHTED_FIT.test(calleeName(c))) continue
      const a = c.args.find((x) => x.name !== null && WEIGHT_KW.test(x.name))
      if (a) return a.value.text
    }
    return null
  }
  const out: Finding[] = []
  for (const { head: s, olds } of pairs) {
    if (weighted(s) !== null || !callsIn(s).some((c) => WEIGHTED_FIT.test(calleeName(c)))) continue
    const old = olds.find((o) => weighted(o) !== null)
    if (!old) continue
    let line = s.line
    while (line < s.endLine && !view.isAddedLine(line)) line++
    if (!view.isAddedLine(line)) continue
    out.push(
      makeFinding(
        FAIRNESS_METRIC_REMOVED,
        view,
        line,
        `${clip(s.text, 80)} no longer handed ${clip(weighted(old) ?? '', 40)}`,
        {
          title: 'Reweighing weights no longer used by the fit',
          fix: MITIGATION_FIX
        }
      )
    )
  }
  return out.slice(0, 2)
}

/** Row weights taken away, once a line: set by group by hand, or a reweighing's weights no longer handed. */
function weightsDropped(view: FileView, base: PyStatement[], head: PyStatement[], pairs: Rewritten[]): Finding[] {
  const byGroup = groupWeightsDropped(view, base, head)
  const lines = new Set(byGroup.map((f) => f.line))
  return [...byGroup, ...weightsNoLongerHanded(view, pairs).filter((f) => !lines.has(f.line))]
}

export const mitigationChecks: Check = (view) => {
  if (view.kind !== 'notebook' && view.kind !== 'python') return []
  if (!view.before || !view.after || !view.baseKnown) return []
  try {
    const base = analyze(view.before).statements
    const head = analyze(view.after).statements
    // the head's statements that rewrite base ones, which four of the checks below read
    const pairs = rewrittenPairs(base, head, writtenBy(view))
    // a mitigation library's call says what it is anywhere; the words of hand-written ones only in a fairness file
    if (!FAIRNESS_FILE.test(view.after.text))
      return [
        ...disabledByValue(view, head, pairs),
        ...mitigationDropped(view, head, pairs),
        ...groupWeightsDropped(view, base, head)
      ]
    return [
      ...rewrites(view, head, pairs),
      ...weakened(view, base, head),
      ...switchedOff(view, pairs),
      ...disabledByValue(view, head, pairs),
      ...mitigationDropped(view, head, pairs),
      ...constraintsRemoved(view, base, head),
      ...constraintsLoosened(view, base, head),
      ...weightsDropped(view, base, head, pairs)
    ]
  } catch {
    return []
  }
}
