// Data pipeline and leakage: preprocessing fitted before the split or on test data, the target among the
// features, stratification dropped, shuffled time series, train and test swapped.
import type { Finding } from '../types.js'
import { featureLists, targetColumns } from './features.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { lastSegment } from './params.js'
import {
  assignment,
  calleeName,
  findCalls,
  isTruthy,
  kwarg,
  lineAt,
  positional,
  snippetAt,
  type Statement
} from './python.js'
import { isMethodCall, isSplitCall, namesTestData, namesTrainData, splitCalls, splitRole } from './splits.js'
import { introducedMatches, introducedStatements, type FileView } from './view.js'

const family = 'data-pipeline' as const

export const FIT_BEFORE_SPLIT: CheckSpec = {
  id: 'DATA-FIT-BEFORE-SPLIT',
  family,
  title: 'Preprocessing fitted before the train/test split',
  status: 'fail',
  bias: false,
  flags:
    'a scaler/encoder/imputer/PCA/vectorizer fit or fit_transform that runs before the first train/test split of the notebook or script',
  fix: 'Split first, fit the preprocessor on the training split only (or put it in a Pipeline), then transform the other splits.'
}
export const FIT_ON_TEST: CheckSpec = {
  id: 'DATA-FIT-ON-TEST',
  family,
  title: 'Fitted on test data',
  status: 'fail',
  bias: false,
  flags: '.fit( / .fit_transform( whose data is the test/holdout split (X_test, test_df, …)',
  fix: 'Fit on the training split and only call .transform() / .predict() on test data.'
}
export const TARGET_IN_FEATURES: CheckSpec = {
  id: 'DATA-TARGET-IN-FEATURES',
  family,
  title: 'Target column among the features',
  status: 'fail',
  bias: false,
  flags: 'the label/target column listed among the features, or X taken as the whole frame the target comes from',
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
export const TIME_SERIES_SHUFFLE: CheckSpec = {
  id: 'DATA-TIME-SERIES-SHUFFLE',
  family,
  title: 'Time-ordered data split with shuffling',
  status: 'warn',
  bias: false,
  flags:
    'a train_test_split that shuffles (shuffle=True, or the default when TimeSeriesSplit/date sorting shows the data is time-ordered)',
  fix: 'Split by time (shuffle=False or TimeSeriesSplit) so the model is not evaluated on the past it trained on.'
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
  FIT_ON_TEST,
  TARGET_IN_FEATURES,
  STRATIFY_REMOVED,
  TIME_SERIES_SHUFFLE,
  TRAIN_TEST_SWAPPED
]

const PREPROCESSOR =
  'StandardScaler|MinMaxScaler|RobustScaler|MaxAbsScaler|Normalizer|QuantileTransformer|PowerTransformer|OneHotEncoder|OrdinalEncoder|LabelEncoder|LabelBinarizer|TargetEncoder|SimpleImputer|KNNImputer|IterativeImputer|PCA|TruncatedSVD|TfidfVectorizer|CountVectorizer|SelectKBest|SelectPercentile|KBinsDiscretizer'
const PREPROCESSOR_CTOR = new RegExp(`^(?:[\\w.]*\\.)?(${PREPROCESSOR})\\s*\\(`)
const INLINE_FIT = new RegExp(`\\b(${PREPROCESSOR})\\s*\\([^()]*\\)\\s*\\.\\s*(fit_transform|fit)\\s*\\(`)

const isCode = (view: FileView): boolean => view.kind === 'notebook' || view.kind === 'python'

interface FitSite {
  stmt: Statement
  text: string
  line: number
}

/** Preprocessor fits that run before the first split, in statement order. */
function fitsBeforeSplit(statements: Statement[]): FitSite[] {
  const firstSplit = statements.findIndex((s) => splitCalls(s).length > 0)
  if (firstSplit === -1) return []
  const preprocessors = new Map<string, string>()
  const out: FitSite[] = []
  for (const stmt of statements.slice(0, firstSplit)) {
    const a = assignment(stmt)
    const ctor = a && a.targets.length === 1 ? PREPROCESSOR_CTOR.exec(a.value) : null
    if (a && ctor) preprocessors.set(a.targets[0], ctor[1])
    for (const call of findCalls(stmt)) {
      const name = calleeName(call)
      if (name !== 'fit' && name !== 'fit_transform') continue
      const owner = call.callee.split('.').slice(0, -1).join('.')
      const inline = INLINE_FIT.exec(stmt.masked)?.[1]
      const kind = preprocessors.get(owner) ?? inline
      if (!kind) continue
      const data = positional(call, 0)?.value ?? ''
      if (namesTrainData(data)) continue
      // encoding the label column before the split leaks nothing but the class names
      const isLabelEncoder = kind === 'LabelEncoder' || kind === 'LabelBinarizer'
      if (isLabelEncoder && /^(y|labels?|targets?)\b|\[['"](label|target|class|y)/i.test(data)) continue
      out.push({ stmt, text: stmt.flat, line: lineAt(stmt, call.start) })
    }
  }
  return out
}

function checkFitBeforeSplit(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const old = new Set(view.before ? fitsBeforeSplit(view.before.statements).map((f) => f.text) : [])
  return fitsBeforeSplit(view.after.statements)
    .filter((f) => !old.has(f.text))
    .slice(0, 3)
    .map((f) => makeFinding(FIT_BEFORE_SPLIT, view, f.line, snippetAt(f.stmt, f.stmt.text.indexOf('fit'))))
}

function fitOnTest(stmt: Statement): { offset: number } | null {
  for (const call of findCalls(stmt)) {
    const name = calleeName(call)
    if (name !== 'fit' && name !== 'fit_transform') continue
    const data = positional(call, 0)?.value ?? kwarg(call, 'X')?.value ?? ''
    if (namesTestData(data)) return { offset: call.start }
  }
  return null
}

function checkFitOnTest(view: FileView): Finding[] {
  if (!isCode(view)) return []
  return introducedMatches(view, (s) => fitOnTest(s) !== null).map((stmt) => {
    const at = (fitOnTest(stmt) as { offset: number }).offset
    return makeFinding(FIT_ON_TEST, view, lineAt(stmt, at), snippetAt(stmt, at))
  })
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
  if (!isCode(view)) return out
  // X = df while y = df['label']: the label is one of the inputs
  const statements = view.after.statements
  const fresh = new Set(introducedStatements(view))
  statements.forEach((stmt, i) => {
    const a = assignment(stmt)
    if (!fresh.has(stmt) || !a || a.targets.length !== 1 || !/^X(_all|_full)?$/.test(a.targets[0])) return
    const frame = /^([A-Za-z_]\w*)(\.copy\(\s*\))?$/.exec(a.value)?.[1]
    if (!frame) return
    const x = a.targets[0]
    const targetFrom = statements.some((s) => new RegExp(`^\\s*y\\w*\\s*=\\s*${frame}\\s*[\\[.]`).test(s.text))
    const popped = statements.slice(0, i).some((s) => new RegExp(`\\b${frame}\\s*\\.\\s*pop\\s*\\(`).test(s.text))
    const reworked = statements
      .slice(i + 1)
      .some((s) =>
        new RegExp(`^\\s*${x}\\s*=\\s*${x}\\b|\\b${x}\\s*\\.\\s*(drop|pop)\\s*\\(|\\bdel\\s+${x}\\s*\\[`).test(s.text)
      )
    if (targetFrom && !popped && !reworked) {
      out.push(makeFinding(TARGET_IN_FEATURES, view, stmt.line, `${stmt.flat} (y is taken from ${frame})`))
    }
  })
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

const TIME_EVIDENCE =
  /\bTimeSeriesSplit\b|sort_values\(\s*(?:by\s*=\s*)?\[?\s*['"][^'"]*(?:date|time|timestamp|datetime|ds)['"]|sort_index\(\s*\)|\bDatetimeIndex\b|\.asfreq\(|\.resample\(/i

function checkTimeSeriesShuffle(view: FileView): Finding[] {
  if (!isCode(view) || !view.after) return []
  const all = view.after.statements.map((s) => s.text).join('\n')
  const strong = TIME_EVIDENCE.test(all)
  const weak = strong || /parse_dates\s*=|pd\.to_datetime\(|\.dt\.(year|month|day)/.test(all)
  if (!weak) return []
  const out: Finding[] = []
  for (const stmt of introducedStatements(view)) {
    for (const call of findCalls(stmt)) {
      if (calleeName(call) !== 'train_test_split') continue
      const shuffle = kwarg(call, 'shuffle')
      const explicit = shuffle !== undefined && shuffle.value === 'True'
      if (explicit || (shuffle === undefined && strong && !isMethodCall(stmt, call))) {
        out.push(makeFinding(TIME_SERIES_SHUFFLE, view, lineAt(stmt, call.start), snippetAt(stmt, call.start)))
      }
    }
  }
  return out
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
    checkTargetInFeatures,
    checkStratifyRemoved,
    checkTimeSeriesShuffle,
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
