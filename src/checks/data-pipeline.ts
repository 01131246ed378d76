// Data pipeline and leakage: preprocessing fitted before the split or on test data, the target among the
// features, stratification dropped, shuffled time series, train and test swapped.
import type { Finding } from '../types.js'
import { analyze, callsBy, flatText, newStatements, type CodeAnalysis } from '../analysis/index.js'
import {
  frameOf,
  roleOf,
  roleOfName,
  type EstimatorKind,
  type FitEvent,
  type FlowModel,
  type Frame,
  type Role
} from '../analysis/flow.js'
import {
  calleeName as pyCallee,
  callsIn,
  dotted,
  walk,
  kwarg as pyKwarg,
  positional,
  rootName,
  strings,
  type Call,
  type Expr,
  type PyStatement
} from '../analysis/parse.js'
import { featureLists, targetColumns } from './features.js'
import { RANDOM_DRAW } from './protected.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { lastSegment } from './params.js'
import {
  assignment,
  calleeName,
  clip,
  findCalls,
  isTruthy,
  kwarg,
  lineAt,
  snippetAt,
  type Statement
} from './python.js'
import { isMethodCall, isSplitCall, splitRole } from './splits.js'
import {
  GROUP_SPLIT_REMOVED,
  SPLIT_OVERLAP,
  SPLIT_UNSHUFFLED,
  TIME_SERIES_SHUFFLE,
  checkGroupSplitRemoved,
  checkSplitOverlap,
  checkSplitUnshuffled,
  checkTimeSeriesShuffle
} from './split-design.js'
import { introducedStatements, type FileView } from './view.js'

const family = 'data-pipeline' as const

export const FIT_BEFORE_SPLIT: CheckSpec = {
  id: 'DATA-FIT-BEFORE-SPLIT',
  family,
  title: 'Feature selection, resampling or target encoding fitted before the split',
  status: 'fail',
  bias: false,
  flags:
    'feature selection (SelectKBest, RFE, SelectFromModel …), oversampling (SMOTE, ADASYN, RandomOverSampler …) or target encoding fitted on all data before the first split (train_test_split, a CV splitter, cross_val_score, or slicing/iloc/head/tail/sample into train and test)',
  fix: 'Split first and fit the selector / sampler / encoder on the training split only, or put it in a Pipeline (imblearn.pipeline for samplers) so cross-validation refits it per fold.'
}
export const PREPROCESS_BEFORE_SPLIT: CheckSpec = {
  id: 'DATA-PREPROCESS-BEFORE-SPLIT',
  family,
  title: 'Preprocessing fitted before the train/test split',
  status: 'warn',
  bias: false,
  flags:
    'a scaler, encoder, imputer, PCA/SVD or vectorizer fitted on all data before the first split (any split form, as above)',
  fix: 'Split first, fit the preprocessor on the training split only (or put it in a Pipeline), then transform the other splits.'
}
export const FIT_ON_TEST: CheckSpec = {
  id: 'DATA-FIT-ON-TEST',
  family,
  title: 'Fitted on test data',
  status: 'fail',
  bias: false,
  flags:
    '.fit( / .fit_transform( whose data is the test/holdout split (X_test, test_df, …) or the whole data the test split was taken from, or the test split used for early stopping or best-model selection (validation_data=, eval_set=, eval_dataset=, valid_sets=)',
  fix: 'Fit on the training split and only call .transform() / .predict() on test data; early-stop on a validation split carved from the training data.'
}
export const TARGET_IN_FEATURES: CheckSpec = {
  id: 'DATA-TARGET-IN-FEATURES',
  family,
  title: 'Target column among the features',
  status: 'fail',
  bias: false,
  flags:
    'the label/target column listed among the features, or still in the table handed to a fit or split beside it (the data flow follows drops, copies and pipelines)',
  fix: 'Remove the target from the feature list (X = df.drop(columns=[target])).'
}
export const STRATIFY_REMOVED: CheckSpec = {
  id: 'DATA-STRATIFY-REMOVED',
  family,
  title: 'Stratified split no longer stratified',
  status: 'warn',
  bias: false,
  flags: 'stratify= removed from train_test_split (or stratify keys removed from a config)',
  fix: 'Keep stratify=y so class proportions match across splits, or explain why it is not needed.'
}
export const TRAIN_TEST_SWAPPED: CheckSpec = {
  id: 'DATA-TRAIN-TEST-SWAPPED',
  family,
  title: 'Train and test splits swapped',
  status: 'warn',
  bias: false,
  flags:
    'split results assigned test-first (train_test_split returns train first), or the train/test order flipped against the base',
  fix: 'Check which part is which: the training split must come from the training portion of the split.'
}

export const DATA_CHECKS: CheckSpec[] = [
  FIT_BEFORE_SPLIT,
  PREPROCESS_BEFORE_SPLIT,
  FIT_ON_TEST,
  TARGET_IN_FEATURES,
  STRATIFY_REMOVED,
  TIME_SERIES_SHUFFLE,
  GROUP_SPLIT_REMOVED,
  SPLIT_OVERLAP,
  SPLIT_UNSHUFFLED,
  TRAIN_TEST_SWAPPED
]

const isCode = (view: FileView): boolean => view.kind === 'notebook' || view.kind === 'python'

const SEVERE = new Set<EstimatorKind>(['selector', 'sampler', 'target-encoder'])
const PREPROCESSING = new Set<EstimatorKind>(['scaler', 'encoder', 'imputer', 'decomposition', 'vectorizer'])

/** Selector / sampler / preprocessor fits that run before the first split, in statement order. */
function fitsBeforeSplit(flow: FlowModel): FitEvent[] {
  const first = flow.splits[0]
  if (!first) return []
  return flow.fits.filter((f) => {
    if (f.stmt.index >= first.stmt.index) return false
    if (!SEVERE.has(f.estimator) && !PREPROCESSING.has(f.estimator)) return false
    if (roleOf(flow, f.data) !== null) return false
    // encoding the label column before the split leaks nothing but the class names
    const label = /^(LabelEncoder|LabelBinarizer)$/.test(f.estimatorName ?? '')
    if (label && /^(y|labels?|targets?)\b|\[['"](label|target|class|y)/i.test(f.data?.text ?? '')) return false
    return true
  })
}

/** The label columns of a side: the single column of each y given to a fit or a split. */
function labelColumns(flow: FlowModel): Set<string> {
  const out = new Set<string>()
  const add = (y: Expr | undefined): void => {
    const f = frameOf(flow, y)
    if (f.cols.size === 1) out.add([...f.cols.keys()][0])
  }
  for (const f of flow.fits) add(positional(f.call, 1) ?? pyKwarg(f.call, 'y'))
  for (const i of flow.inputs) {
    const call = callsIn(i.stmt).find((c) => pyCallee(c) === 'train_test_split')
    if (call) add(positional(call, 1))
  }
  return out
}

/** `df.groupby('city')['price'].transform('mean')` on the label before the split: target encoding by hand. */
function targetMeansBeforeSplit(flow: FlowModel): Array<{ stmt: PyStatement; expr: Expr; label: string }> {
  const first = flow.splits[0]
  if (!first) return []
  const labels = labelColumns(flow)
  if (labels.size === 0) return []
  const out: Array<{ stmt: PyStatement; expr: Expr; label: string }> = []
  for (const stmt of flow.statements) {
    if (stmt.index >= first.stmt.index) break
    for (const call of callsIn(stmt)) {
      if (!/^(mean|transform|agg|aggregate|median)$/.test(pyCallee(call))) continue
      const on = call.fn.k === 'attr' ? call.fn.obj : null
      const picked = on?.k === 'sub' ? strings(on.items[0]).map((x) => x.value) : on?.k === 'attr' ? [on.name] : []
      const grouped = on && (on.k === 'sub' || on.k === 'attr') ? on.obj : null
      if (!grouped || grouped.k !== 'call' || pyCallee(grouped) !== 'groupby') continue
      const label = picked.find((p) => labels.has(p.toLowerCase()))
      if (label) out.push({ stmt, expr: call, label })
    }
  }
  return out
}

const STATISTIC = /^(mean|std|min|max|median|var|quantile|mode)$/

/**
 * Statistics of the whole data taken by hand before the split and applied to it: `X = (X - X.mean()) / X.std()`,
 * `df['age'] = df['age'].fillna(df['age'].mean())`. The test rows shape what the training rows become.
 */
function statsBeforeSplit(flow: FlowModel): Array<{ stmt: PyStatement; expr: Expr }> {
  const first = flow.splits[0]
  if (!first) return []
  const out: Array<{ stmt: PyStatement; expr: Expr }> = []
  for (const stmt of flow.statements) {
    if (stmt.index >= first.stmt.index) break
    if (stmt.kind !== 'assign' || !stmt.value || stmt.targets.length !== 1) continue
    const target = rootName(stmt.targets[0])
    if (!target || roleOfName(target) !== null) continue
    let hit: Expr | null = null
    walk(stmt.value, (x) => {
      if (hit) return
      // (X - X.mean()) / X.std(), (X - X.min()) / (X.max() - X.min())
      const scaled =
        x.k === 'op' &&
        x.ops.some((o) => o === '-' || o === '/') &&
        x.parts.some((p) => p.k === 'call' && STATISTIC.test(pyCallee(p)) && rootName(p) === target)
      // X.fillna(X.mean())
      const filled =
        x.k === 'call' &&
        pyCallee(x) === 'fillna' &&
        x.args.some((a) => a.value.k === 'call' && STATISTIC.test(pyCallee(a.value)) && rootName(a.value) === target)
      if (scaled || filled) hit = x
    })
    // only when what was scaled is what gets split
    if (hit && first.stmt.text.match(new RegExp(`\\b${target}\\b`))) out.push({ stmt, expr: hit })
  }
  return out
}

function checkFitBeforeSplit(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const old = new Set(view.before ? fitsBeforeSplit(analyze(view.before).flow).map((f) => flatText(f.stmt)) : [])
  const out: Finding[] = []
  const oldMeans = new Set(
    view.before ? targetMeansBeforeSplit(analyze(view.before).flow).map((m) => flatText(m.stmt)) : []
  )
  const oldStats = new Set(view.before ? statsBeforeSplit(analyze(view.before).flow).map((m) => flatText(m.stmt)) : [])
  for (const m of statsBeforeSplit(analyze(view.after).flow).slice(0, 1)) {
    if (oldStats.has(flatText(m.stmt))) continue
    out.push(
      makeFinding(
        PREPROCESS_BEFORE_SPLIT,
        view,
        m.expr.line,
        `${clip(m.expr.text, 120)} (statistics of all rows, test rows included, taken before the split)`
      )
    )
  }
  for (const m of targetMeansBeforeSplit(analyze(view.after).flow)) {
    if (oldMeans.has(flatText(m.stmt))) continue
    out.push(
      makeFinding(
        FIT_BEFORE_SPLIT,
        view,
        m.expr.line,
        `${clip(m.expr.text, 120)} (the mean of the label '${m.label}' per group, taken before the split)`
      )
    )
  }
  for (const f of fitsBeforeSplit(analyze(view.after).flow)) {
    if (old.has(flatText(f.stmt))) continue
    const spec = SEVERE.has(f.estimator) ? FIT_BEFORE_SPLIT : PREPROCESS_BEFORE_SPLIT
    const what = f.estimatorName ? `${f.estimatorName} ${f.method}` : f.method
    out.push(makeFinding(spec, view, f.call.line, `${clip(f.call.text, 120)} (${what} before the split)`))
  }
  return out.slice(0, 3)
}

const FIT_NAMES = /^(fit\w*|train|partial_fit)$/

/** Preprocessors whose fit on the whole table, after a test part was split from it, leaks that part. */
const WHOLE_DATA_PREPROCESSORS = new Set<string>([
  'scaler',
  'encoder',
  'imputer',
  'decomposition',
  'vectorizer',
  'pipeline',
  'selector',
  'sampler',
  'target-encoder'
])

/** A notebook's or library's training call: `train_model`, `fit_model`, `train`, `fit` (not a split). */
const TRAINING_CALLEE = /^(?!train_test_split$)(train|fit)(_\w+)?$/
/** Fits that take the features and the label: what the label reaches goes through one of these. */
const LABELLED_FIT = /^(fit|partial_fit|train)$/
/** Keyword arguments that hand a model data to stop early on or pick the best model by. */
const EVAL_KWARGS = ['validation_data', 'eval_set', 'eval_dataset', 'valid_sets', 'evals', 'validation_set', 'val_data']
const EARLY_STOPPING =
  /EarlyStopping|early_stopping|load_best_model_at_end|ModelCheckpoint|save_best_only|restore_best_weights|best_iteration|metric_for_best_model/

/** Constructors of explanation methods (counterfactual trees, SHAP or LIME explainers). */
const EXPLAINER = /explain|counterfactual/i

const receiverOf = (call: FitEvent['call']): string | null =>
  call.fn.k === 'attr' && call.fn.obj.k === 'name' ? call.fn.obj.id : null

/**
 * Objects built around a model the notebook trains (`cf_tree = T_GLANCE(model)`, `Explainer(clf)`): an explainer
 * fitted on the population explains the model's predictions there; it trains no model a test score is taken of.
 */
function explainers(flow: FlowModel): Set<string> {
  const models = new Set(
    flow.fits.flatMap((f) => (f.estimator === 'model' || f.estimator === 'pipeline' ? [receiverOf(f.call) ?? ''] : []))
  )
  models.delete('')
  const out = new Set<string>()
  for (const stmt of flow.statements) {
    const v = stmt.value
    if (stmt.kind !== 'assign' || v?.k !== 'call') continue
    const first = v.args.find((a) => a.name === null)?.value
    if (first?.k !== 'name' || !models.has(first.id)) continue
    // a meta-estimator that refits the model it wraps (`CalibratedClassifierCV(clf)`) trains it again
    if (/CV$|calibrat/i.test(pyCallee(v))) continue
    for (const t of stmt.targets) if (t.k === 'name' && t.id !== first.id) out.add(t.id)
  }
  return out
}

function checkFitOnTest(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = view.before ? analyze(view.before) : null
  const fresh = newStatements(base, head)
  const out: Finding[] = []
  for (const f of head.flow.fits) {
    if (!fresh.has(f.stmt) || !f.data) continue
    if (roleOf(head.flow, f.data) === 'test') {
      out.push(makeFinding(FIT_ON_TEST, view, f.call.line, clip(f.call.text, 140)))
      continue
    }
    // enc.fit(pd.concat([X_train, X_test])): the test rows are part of what is fitted
    // directly, or through a variable built from it (X_all = pd.concat([X_train, X_test]))
    const test = [
      ...namesWithRole(head.flow, f.data, 'test'),
      ...[...f.frame.sources].filter((v) => (head.flow.roles.get(v) ?? roleOfName(v)) === 'test')
    ]
    if (test.length === 0) continue
    const model = f.estimator === 'model' || f.estimator === 'unknown'
    out.push(
      makeFinding(
        FIT_ON_TEST,
        view,
        f.call.line,
        `${clip(f.call.text, 120)} (the data fitted includes ${test[0]})`,
        model ? {} : { status: 'warn' }
      )
    )
  }
  // model.fit(X_all, y) after X_train, X_test = train_test_split(X_all, ...): the test rows are trained on
  const wrappers = explainers(head.flow)
  for (const f of head.flow.fits) {
    const modelFit = f.estimator === 'model' || (f.estimator === 'unknown' && positional(f.call, 1) !== undefined)
    // a preprocessor (a ColumnTransformer, an imputer) fitted on the whole table learns the test rows' statistics
    const preprocess = !modelFit && WHOLE_DATA_PREPROCESSORS.has(f.estimator) && /^fit(_transform)?$/.test(f.method)
    if (!fresh.has(f.stmt) || !(modelFit || preprocess) || !f.data) continue
    if (modelFit && f.method !== 'fit') continue
    // the classes of the label, not statistics of the rows
    if (preprocess && /^(Label|MultiLabel)(Encoder|Binarizer)$/.test(f.estimatorName ?? '')) continue
    // a pipeline given the labels ends in a model: it trains on the test rows
    const trains = f.estimator === 'pipeline' && (positional(f.call, 1) ?? pyKwarg(f.call, 'y')) !== undefined
    const severity = preprocess && !SEVERE.has(f.estimator) && !trains ? { status: 'warn' as const } : {}
    const recv = receiverOf(f.call)
    // an explainer's own name may end like a model's (`CounterfactualTree`); a wrapper named as a model
    // (`BaggingClassifier(base)`, `GridSearchCV(clf)`) trains one
    const explainer = f.estimator === 'unknown' || EXPLAINER.test(f.estimatorName ?? '')
    if (explainer && recv && wrappers.has(recv)) continue
    const root = rootName(f.data)
    if (!root || roleOf(head.flow, f.data) !== null) continue
    const split = head.flow.splits.find(
      (sp) =>
        sp.how === 'train_test_split' &&
        sp.stmt.index < f.stmt.index &&
        callsIn(sp.stmt).some(
          (c) => pyCallee(c) === 'train_test_split' && c.args.some((a) => a.name === null && rootName(a.value) === root)
        )
    )
    if (split) {
      out.push(
        makeFinding(
          FIT_ON_TEST,
          view,
          f.call.line,
          `${clip(f.call.text, 100)} (${root} is the whole data the test split was taken from at line ${split.stmt.line})`,
          severity
        )
      )
      continue
    }
    // valid = data[~mask] … model.fit(data[cols], data[y]) … model.predict(valid[cols]): scored on rows it saw
    const held = head.flow.splits.find(
      (sp) => sp.part?.root === root && sp.stmt.index < f.stmt.index && roleOfName(sp.part.target) !== 'train'
    )
    const scored =
      held?.part &&
      head.statements
        .slice(f.stmt.index + 1)
        .some((s) =>
          callsIn(s).some(
            (c) => !FIT_NAMES.test(pyCallee(c)) && c.args.some((a) => rootName(a.value) === held.part?.target)
          )
        )
    if (held?.part && scored)
      out.push(
        makeFinding(
          FIT_ON_TEST,
          view,
          f.call.line,
          `${clip(f.call.text, 100)} (${root} holds the rows of ${held.part.target}, split off at line ${held.stmt.line} and scored after this fit)`,
          severity
        )
      )
  }
  const stopsEarly = EARLY_STOPPING.test(head.statements.map((s) => s.text).join('\n'))
  const baseStops = base !== null && EARLY_STOPPING.test(base.statements.map((s) => s.text).join('\n'))
  const baseEval = new Map<string, string>()
  const baseOnTest = new Set<string>()
  for (const s of base?.statements ?? [])
    for (const c of callsIn(s))
      for (const k of EVAL_KWARGS) {
        const v = pyKwarg(c, k)
        if (v && base && evalRole(base.flow, k, v) !== 'test') baseEval.set(`${pyCallee(c)}.${k}`, v.text)
        // the test set chose the model there already: by the call's own early stopping, or the notebook's
        if (v && base && evalRole(base.flow, k, v) === 'test') {
          if (EARLY_STOPPING.test(c.text)) baseOnTest.add(`${pyCallee(c)}.${k}`)
          else if (baseStops) baseOnTest.add(`${pyCallee(c)}.${k}:notebook`)
        }
        // model.fit(..., validation_split=0.1) → validation_data=(X_test, y_test): the held-out part replaced by test
        const part = pyKwarg(c, 'validation_split')
        if (part && !baseEval.has(`${pyCallee(c)}.validation_data`))
          baseEval.set(`${pyCallee(c)}.validation_data`, `validation_split=${part.text}`)
      }
  // `train_model(train_df, validate_df, tok)` → `train_model(train_df, test_df, tok)`: a training call handed the
  // test split where the validation split was, by position
  const baseTrainCalls = new Map<string, Call[]>()
  for (const s of base?.statements ?? [])
    for (const c of callsIn(s))
      if (TRAINING_CALLEE.test(pyCallee(c)))
        baseTrainCalls.set(pyCallee(c), [...(baseTrainCalls.get(pyCallee(c)) ?? []), c])
  for (const s of head.statements) {
    if (!fresh.has(s)) continue
    for (const c of callsIn(s)) {
      const olds = baseTrainCalls.get(pyCallee(c))
      if (!olds) continue
      const now = c.args.filter((a) => a.name === null).map((a) => a.value)
      const turned = now.findIndex((v, i) => {
        const r = rootName(v)
        if (!r || roleOfName(r) !== 'test') return false
        return olds.some((o) => {
          const was = o.args.filter((a) => a.name === null).map((a) => a.value)
          const w = was.length === now.length ? rootName(was[i]) : null
          return w !== null && roleOfName(w) === 'val'
        })
      })
      if (turned === -1) continue
      out.push(
        makeFinding(
          FIT_ON_TEST,
          view,
          now[turned].line,
          `${clip(c.text, 90)} (the test split handed where the validation split was)`,
          stopsEarly ? {} : { status: 'warn' }
        )
      )
    }
  }
  for (const s of head.statements) {
    if (!fresh.has(s)) continue
    for (const c of callsIn(s)) {
      for (const k of EVAL_KWARGS) {
        const v = pyKwarg(c, k)
        if (!v || evalRole(head.flow, k, v) !== 'test') continue
        // the same test set already chose the model at the base: not this change
        const key = `${pyCallee(c)}.${k}`
        if (stopsEarly && (baseOnTest.has(key) || (!EARLY_STOPPING.test(c.text) && baseOnTest.has(`${key}:notebook`))))
          continue
        const was = baseEval.get(`${pyCallee(c)}.${k}`)
        if (!stopsEarly && was === undefined) continue
        const why = stopsEarly
          ? 'early stopping / best-model selection on the test split'
          : `base: ${k}=${clip(was ?? '', 60)}`
        out.push(
          makeFinding(
            FIT_ON_TEST,
            view,
            v.line,
            `${k}=${clip(v.text, 80)} (${why})`,
            stopsEarly ? {} : { status: 'warn' }
          )
        )
      }
    }
  }
  return out
}

/**
 * The data an evaluation argument stops or selects on. A list of eval sets (`evals=[(dtrain, 'train'), (dtest,
 * 'test')]`): XGBoost stops on the last one, LightGBM's `valid_sets` on any; a pair `(X_val, y_val)` is one set.
 */
function evalRole(flow: FlowModel, k: string, v: Expr): Role | null {
  const listed = v.k === 'seq' && (k === 'evals' || k === 'eval_set' || k === 'valid_sets')
  if (!listed || v.items.length === 0) return roleOf(flow, v)
  const sets = v.items
  // eval_set=(X_val, y_val) written without the list is one set
  if (k === 'eval_set' && sets.every((i) => i.k !== 'seq')) return roleOf(flow, v)
  if (k === 'valid_sets') return sets.some((i) => roleOf(flow, i) === 'test') ? 'test' : roleOf(flow, sets[0])
  return roleOf(flow, sets[sets.length - 1])
}

/** Names an expression reads that hold data of a role: `X_test` of `pd.concat([X_train, X_test])`. */
function namesWithRole(flow: FlowModel, e: Expr, role: Role): string[] {
  const out: string[] = []
  walk(e, (x) => {
    if (x.k === 'name' && (flow.roles.get(x.id) ?? roleOfName(x.id)) === role) out.push(x.id)
    else if (x.k === 'sub' && x.items.length === 1 && x.items[0].k === 'str' && roleOfName(x.items[0].value) === role)
      out.push(x.text)
  })
  return out
}

/** Evaluation calls that read the validation split at the base and the test split in the head. */
const SCORING = /^(score|evaluate|predict|predict_proba|\w*_score|\w*_error|log_loss|evaluate_model|eval\w*)$/
/** What picks the best of several runs: a comparison, max/argmax, a `best` variable. */
const SELECTS = /\w\s*[<>]=?\s*[\w(]|\b(max|argmax|idxmax|nanargmax|sorted)\s*\(|\bbest/i

function checkSelectionOnTest(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  const baseCalls = callsBy(base, (c) => (SCORING.test(pyCallee(c)) ? dotted(c.fn) : null))
  const out: Finding[] = []
  for (const s of head.statements) {
    if (!fresh.has(s)) continue
    for (const c of callsIn(s)) {
      const d = dotted(c.fn)
      if (!d || !SCORING.test(pyCallee(c))) continue
      // the base already made this very call (its result renamed, `bl_test_scores` → `bl_test_probs`): the test
      // split scored what it scored before, and the call on the validation split is another one
      const same = (baseCalls.get(d) ?? []).some(
        (b) =>
          b.args.length === c.args.length &&
          b.args.every((o, i) => o.name === c.args[i].name && o.value.text === c.args[i].value.text)
      )
      if (same) continue
      const was = (baseCalls.get(d) ?? []).find(
        (b) =>
          b.args.length === c.args.length &&
          c.args.some((a, i) => {
            const old = b.args[i]
            return (
              old.name === a.name &&
              old.value.text !== a.value.text &&
              namesWithRole(base.flow, old.value, 'val').length > 0 &&
              namesWithRole(head.flow, a.value, 'test').length > 0
            )
          })
      )
      if (!was) continue
      // only when the score picks something: a hyper-parameter, an epoch, a model
      const result = s.targets.find((t) => t.k === 'name')
      const after = head.statements.slice(s.index, s.index + 8)
      const picks = after.some(
        (x) => SELECTS.test(x.text) && (x === s || (!!result && new RegExp(`\\b${result.text}\\b`).test(x.text)))
      )
      if (!picks) continue
      out.push(
        makeFinding(
          FIT_ON_TEST,
          view,
          c.line,
          `${clip(c.text, 100)} (base: ${clip(was.text, 60)}) — the test split now picks the model`
        )
      )
      return out
    }
  }
  return out
}

interface FeaturesAndTarget {
  stmt: PyStatement
  call: Call
  frame: Frame
  target: string
}

/** Targets given beside features that still hold them: `model.fit(X, y)` or `train_test_split(X, y)` with y a column of X. */
function targetsFitted(flow: FlowModel): FeaturesAndTarget[] {
  const pairs: Array<{ stmt: PyStatement; call: Call; frame: Frame; y: Expr | undefined }> = []
  for (const f of flow.fits) {
    const y = positional(f.call, 1) ?? pyKwarg(f.call, 'y')
    const modelFit = f.estimator === 'model' || (f.estimator === 'unknown' && y !== undefined)
    if (y && modelFit && LABELLED_FIT.test(f.method)) pairs.push({ stmt: f.stmt, call: f.call, frame: f.frame, y })
  }
  for (const input of flow.inputs) {
    if (input.via !== 'train_test_split') continue
    const call = callsIn(input.stmt).find((c) => pyCallee(c) === 'train_test_split')
    if (call) pairs.push({ stmt: input.stmt, call, frame: input.frame, y: positional(call, 1) })
  }
  const out: FeaturesAndTarget[] = []
  for (const { stmt, call, frame, y } of pairs) {
    const label = frameOf(flow, y)
    if (label.cols.size !== 1) continue
    const target = [...label.cols.keys()][0]
    const kept = frame.cols.has(target)
    const inWhole = frame.whole && !frame.dropped.has(target) && [...label.sources].some((s) => frame.sources.has(s))
    if (kept || inWhole) out.push({ stmt, call, frame, target })
  }
  return out
}

/**
 * `model.fit(df.drop(['id', label_col], axis=1), y_train)` → `df.drop(['id'], axis=1)` where `y_train =
 * df[label_col]`: the key the target is selected by taken out of the list the features drop, read from the text (the
 * key may be a parameter whose value nothing here knows).
 */
function checkTargetNoLongerDropped(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  const dropped = (e: Expr | undefined): string[] => {
    const out: string[] = []
    if (e)
      walk(e, (x) => {
        if (x.k !== 'call' || pyCallee(x) !== 'drop') return
        const list = x.args.find((a) => a.name === null || a.name === 'columns')?.value
        if (list?.k === 'seq') for (const item of list.items) out.push(item.text.replace(/\s+/g, ''))
      })
    return out
  }
  // `y_train = new_traindf[label_col].values`: the key a target name is selected by, on a side
  const selectedBy = (a: CodeAnalysis, name: string): Set<string> => {
    const keys = new Set<string>()
    for (const st of a.statements) {
      if (st.kind !== 'assign' || !st.value || !st.targets.some((t) => t.k === 'name' && t.id === name)) continue
      walk(st.value, (x) => {
        if (x.k === 'sub' && x.items.length === 1) keys.add(x.items[0].text.replace(/\s+/g, ''))
      })
    }
    return keys
  }
  const baseFits = new Map<string, Call[]>()
  for (const st of base.statements)
    for (const c of callsIn(st)) {
      const d = dotted(c.fn)
      if (d && /^fit\w*$/.test(pyCallee(c))) baseFits.set(d, [...(baseFits.get(d) ?? []), c])
    }
  for (const st of head.statements) {
    if (!fresh.has(st)) continue
    for (const c of callsIn(st)) {
      const d = dotted(c.fn)
      const x = positional(c, 0)
      const y = positional(c, 1)
      if (!d || !x || !y || y.k !== 'name' || !/^fit\w*$/.test(pyCallee(c))) continue
      const now = new Set(dropped(x))
      const keys = selectedBy(head, y.id)
      for (const b of baseFits.get(d) ?? []) {
        const bx = positional(b, 0)
        if (positional(b, 1)?.text !== y.text) continue
        const lost = dropped(bx).find((k) => !now.has(k) && keys.has(k))
        if (!lost) continue
        return [
          makeFinding(
            TARGET_IN_FEATURES,
            view,
            x.line,
            `${lost} is no longer dropped from the features of ${clip(c.text, 80)}, while ${y.id} is selected by it`
          )
        ]
      }
    }
  }
  return []
}

/** A target column the change lets reach the features, at the new statement on its route (the data flow's view). */
function checkTargetFitted(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = view.before ? analyze(view.before) : null
  const old = new Set(base ? targetsFitted(base.flow).map((t) => t.target) : [])
  const fresh = newStatements(base, head)
  const out: Finding[] = []
  const seen = new Set<string>()
  for (const { stmt, call, frame, target } of targetsFitted(head.flow)) {
    if (old.has(target) || seen.has(target)) continue
    seen.add(target)
    // the last statement the change wrote on the way from the table to the fit
    const route = head.statements
      .filter(
        (s) =>
          (fresh.has(s) || view.isAddedLine(s.line)) &&
          s.index <= stmt.index &&
          s.targets.some((t) => t.k === 'name' && frame.sources.has(t.id))
      )
      .pop()
    out.push(
      makeFinding(
        TARGET_IN_FEATURES,
        view,
        route?.line ?? call.line,
        `target '${target}' is still in the features of ${clip(call.text, 80)}${route ? ` (${clip(route.text, 60)})` : ''}`
      )
    )
  }
  return out.slice(0, 2)
}

/**
 * The label itself written into the feature frame: `X["Income"] = y.astype(int)` before `train_test_split(X, y)` or
 * `model.fit(X, y)`. The model is handed its answer as a column.
 */
function checkLabelWrittenIntoFeatures(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const flow = head.flow
  const fresh = newStatements(view.before ? analyze(view.before) : null, head)
  const pairs: Array<{ stmt: PyStatement; x: Expr | undefined; y: Expr | undefined }> = []
  for (const f of flow.fits)
    if (LABELLED_FIT.test(f.method))
      pairs.push({ stmt: f.stmt, x: positional(f.call, 0), y: positional(f.call, 1) ?? pyKwarg(f.call, 'y') })
  for (const s of head.statements)
    for (const c of callsIn(s))
      if (pyCallee(c) === 'train_test_split') pairs.push({ stmt: s, x: positional(c, 0), y: positional(c, 1) })
  for (const { stmt, x, y } of pairs) {
    const yName = y ? rootName(y) : null
    const xName = x ? rootName(x) : null
    if (!yName || !xName) continue
    // `train_test_split(x, x[:, -1])`: the label is a column of the array handed whole as the features
    if (yName === xName) {
      const whole = x?.k === 'name' || (x?.k === 'attr' && x.obj.k === 'name' && x.name === 'values')
      if (whole && y?.k === 'sub' && (fresh.has(stmt) || view.isAddedLine(stmt.line)))
        return [
          makeFinding(
            TARGET_IN_FEATURES,
            view,
            x.line,
            `the label ${clip(y.text, 40)} is a column of the features ${x.text}, handed whole: ${clip(stmt.text, 90)}`
          )
        ]
      continue
    }
    // the label and the label variables it was cut from (`y_train` from `y`), not every column it was computed from
    const labels = new Set([
      yName,
      ...[...frameOf(flow, y).sources].filter((n) => /^(y|targets?|labels?)(_|$)/i.test(n))
    ])
    const features = new Set([xName, ...frameOf(flow, x).sources])
    for (const s of head.statements) {
      if (s.index >= stmt.index || !(fresh.has(s) || view.isAddedLine(s.line)) || s.kind !== 'assign' || !s.value)
        continue
      const into = s.targets.find(
        (t) => t.k === 'sub' && t.obj.k === 'name' && features.has(t.obj.id) && !labels.has(t.obj.id)
      )
      // `dataset['LIMIT_BAL'] = Y + np.random.normal(...)`: a feature simulated from the label, by design
      if (!into || RANDOM_DRAW.test(s.value.text)) continue
      let reads = false
      walk(s.value, (e) => {
        if (e.k === 'name' && labels.has(e.id)) reads = true
      })
      if (reads)
        return [
          makeFinding(
            TARGET_IN_FEATURES,
            view,
            s.line,
            `the label ${yName} written into the features: ${clip(s.text, 90)}`
          )
        ]
    }
    const derived = sourceSelected(view, head, fresh, stmt, y, xName)
    if (derived) return [derived]
  }
  return []
}

/**
 * The columns a label is computed from (`df['long_los'] = df['length_of_stay'].apply(...)`), newly named where the
 * features are selected: the model reads its answer before it was thresholded.
 */
function sourceSelected(
  view: FileView,
  head: CodeAnalysis,
  fresh: Set<PyStatement>,
  at: PyStatement,
  y: Expr | undefined,
  xName: string
): Finding | null {
  const labelCols = new Set([...frameOf(head.flow, y).cols.keys()].map((c) => c.toLowerCase()))
  // `y = df.loc[:, ['long_los']]`: the columns named where the label is selected
  const yName = y ? rootName(y) : null
  for (const s of head.statements)
    if (s.index < at.index && s.kind === 'assign' && s.value && s.targets.some((t) => t.k === 'name' && t.id === yName))
      walk(s.value, (v) => {
        if (v.k === 'str') labelCols.add(v.value.toLowerCase())
      })
  const sources = new Map<string, string>()
  for (const s of head.statements) {
    if (s.kind !== 'assign' || !s.value || s.index >= at.index) continue
    const col = s.targets.find((t) => t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str')
    const name = col?.k === 'sub' && col.items[0].k === 'str' ? col.items[0].value : null
    if (!name || !labelCols.has(name.toLowerCase())) continue
    // a forecast's target is a later value of a column (`df['price'].shift(-1)`): the column now is a fair feature
    if (/\.(shift|diff|pct_change|rolling|lead)\(/.test(s.value.text)) continue
    walk(s.value, (v) => {
      if (v.k === 'str' && /^[\w.-]{1,80}$/.test(v.value) && v.value.toLowerCase() !== name.toLowerCase())
        sources.set(v.value, name)
    })
  }
  if (sources.size === 0) return null
  const named = (st: PyStatement): string | null => {
    let hit: string | null = null
    for (const e of st.exprs)
      walk(e, (x) => {
        if (x.k === 'str' && sources.has(x.value)) hit ??= x.value
      })
    return hit
  }
  const defines = (st: PyStatement): boolean =>
    st.kind === 'assign' && st.targets.some((t) => t.k === 'name' && t.id === xName)
  const baseNamed = new Set((view.before ? analyze(view.before).statements : []).filter(defines).map(named))
  for (const s of head.statements) {
    if (s.index >= at.index || !defines(s)) continue
    const hit = named(s)
    if (!hit || baseNamed.has(hit)) continue
    const offset = s.text.split('\n').findIndex((l) => l.includes(hit))
    const line = s.line + Math.max(0, offset)
    if (!view.isAddedLine(line) && !fresh.has(s)) continue
    return makeFinding(
      TARGET_IN_FEATURES,
      view,
      view.isAddedLine(line) ? line : s.line,
      `'${hit}', from which the target '${sources.get(hit)}' is computed, is selected into ${xName}`
    )
  }
  return null
}

function checkTargetInFeatures(view: FileView): Finding[] {
  if (!view.after || !view.baseKnown) return []
  const targets = targetColumns(view, view.after)
  const out: Finding[] = []
  if (targets.size > 0) {
    const beforeItems = new Map<string, Set<string>>()
    for (const list of view.before ? featureLists(view, view.before) : []) {
      const set = beforeItems.get(list.name) ?? new Set<string>()
      for (const i of list.items) set.add(i.value)
      beforeItems.set(list.name, set)
    }
    for (const list of featureLists(view, view.after)) {
      if (list.stmt && !list.stmt.added) continue
      const hit = list.items.find((it) => targets.has(it.value) && !beforeItems.get(list.name)?.has(it.value))
      if (hit) out.push(makeFinding(TARGET_IN_FEATURES, view, hit.line, `target '${hit.value}' in ${list.name}`))
    }
  }
  return out
}

const hasStratify = (call: Parameters<typeof kwarg>[0]): boolean => {
  const s = kwarg(call, 'stratify')
  return s !== undefined && s.value !== 'None'
}

function checkStratifyRemoved(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  if (view.kind === 'config') {
    const isStratifyKey = (key: string): boolean =>
      /^(stratify|stratified|stratify_by_column|stratify_column)$/.test(lastSegment(key))
    const before = view.before.entries.filter(
      (e) => isStratifyKey(e.key) && (isTruthy(e.value) || (typeof e.value === 'string' && e.value !== ''))
    )
    if (before.length === 0) return []
    const after = view.after.entries.filter((e) => isStratifyKey(e.key))
    const still = after.some(
      (e) => isTruthy(e.value) || (typeof e.value === 'string' && !/^(false|no|none|null|)$/i.test(e.value))
    )
    if (still) return []
    const line = after[0]?.line ?? view.headLineFor(before[0].line)
    return [
      makeFinding(
        STRATIFY_REMOVED,
        view,
        line,
        `${before[0].key}: ${JSON.stringify(before[0].value)} → ${after[0] ? JSON.stringify(after[0].value) : 'removed'}`
      )
    ]
  }
  if (!isCode(view)) return []
  const tts = (s: Statement) => findCalls(s).filter((c) => calleeName(c) === 'train_test_split')
  const count = (ss: Statement[]): number => ss.reduce((n, s) => n + tts(s).filter(hasStratify).length, 0)
  const lost = count(view.before.statements) - count(view.after.statements)
  if (lost <= 0) return []
  const candidates = introducedStatements(view).filter((s) => tts(s).some((c) => !hasStratify(c)))
  if (candidates.length > 0) {
    const stmt = candidates[0]
    const call = tts(stmt).find((c) => !hasStratify(c)) as ReturnType<typeof tts>[number]
    return [makeFinding(STRATIFY_REMOVED, view, lineAt(stmt, call.start), snippetAt(stmt, call.start))]
  }
  return []
}

interface SplitAssign {
  stmt: Statement
  targets: string[]
  call: ReturnType<typeof findCalls>[number]
}

function splitAssignments(statements: Statement[]): SplitAssign[] {
  const out: SplitAssign[] = []
  for (const stmt of statements) {
    const a = assignment(stmt)
    if (!a || a.targets.length < 2) continue
    const call = findCalls(stmt).find(isSplitCall)
    if (call) out.push({ stmt, targets: a.targets.map((t) => t.replace(/\s+/g, '')), call })
  }
  return out
}

function order(targets: string[]): 'train-first' | 'test-first' | null {
  const train = targets.findIndex((t) => splitRole(t) === 'train')
  const test = targets.findIndex((t) => splitRole(t) === 'test')
  if (train === -1 || test === -1) return null
  return train < test ? 'train-first' : 'test-first'
}

function checkSwapped(view: FileView): Finding[] {
  if (!isCode(view) || !view.after) return []
  const fresh = new Set(introducedStatements(view))
  const before = view.before ? splitAssignments(view.before.statements) : []
  const out: Finding[] = []
  for (const s of splitAssignments(view.after.statements)) {
    if (!fresh.has(s.stmt) || order(s.targets) !== 'test-first') continue
    const sameNames = (b: SplitAssign): boolean =>
      b.targets.length === s.targets.length && [...b.targets].sort().join() === [...s.targets].sort().join()
    const flipped = before.find((b) => sameNames(b) && order(b.targets) === 'train-first')
    const sklearn = calleeName(s.call) === 'train_test_split' && !isMethodCall(s.stmt, s.call)
    if (!flipped && !sklearn) continue
    const was = flipped ? ` (base: ${flipped.stmt.flat})` : ' (train_test_split returns the training part first)'
    out.push(makeFinding(TRAIN_TEST_SWAPPED, view, s.stmt.line, `${s.stmt.flat}${was}`))
  }
  return out
}

export const dataPipeline: Check = (view) => {
  const out: Finding[] = []
  for (const check of [
    checkFitBeforeSplit,
    checkFitOnTest,
    checkSelectionOnTest,
    checkTargetInFeatures,
    checkTargetFitted,
    checkTargetNoLongerDropped,
    checkLabelWrittenIntoFeatures,
    checkStratifyRemoved,
    checkTimeSeriesShuffle,
    checkGroupSplitRemoved,
    checkSplitOverlap,
    checkSplitUnshuffled,
    checkSwapped
  ]) {
    try {
      out.push(...check(view))
    } catch {
      // one check failing on odd input leaves the others standing
    }
  }
  return out
}
