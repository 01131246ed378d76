// How the data is split, read from the parser: a time-ordered split made to shuffle, a group-aware split
// (GroupKFold …) replaced by one that lets the same group fall on both sides.
import type { Finding } from '../types.js'
import { analyze, newStatements, type CodeAnalysis } from '../analysis/index.js'
import {
  calleeName,
  callsIn,
  dotted,
  kwarg,
  rootName,
  walk,
  type Call,
  type Expr,
  type PyStatement
} from '../analysis/parse.js'
import { roleOfName } from '../analysis/flow.js'
import { makeFinding, type CheckSpec } from './finding.js'
import { clip } from './python.js'
import type { FileView } from './view.js'

const family = 'data-pipeline' as const

export const TIME_SERIES_SHUFFLE: CheckSpec = {
  id: 'DATA-TIME-SERIES-SHUFFLE',
  family,
  title: 'Time-ordered data split with shuffling',
  status: 'warn',
  bias: false,
  flags:
    'a train_test_split that shuffles (shuffle=True, or the default when TimeSeriesSplit/date sorting shows the data is time-ordered), shuffle=False taken away from a split, or a TimeSeriesSplit replaced by a shuffling splitter',
  fix: 'Split by time (shuffle=False or TimeSeriesSplit) so the model is not evaluated on the past it trained on.'
}
export const GROUP_SPLIT_REMOVED: CheckSpec = {
  id: 'DATA-GROUP-SPLIT-REMOVED',
  family,
  title: 'Group-aware split replaced by a plain one',
  status: 'warn',
  bias: false,
  flags:
    'GroupKFold / StratifiedGroupKFold / GroupShuffleSplit / LeaveOneGroupOut (or a groups= argument) at the base, a split without groups in its place: rows of one patient, user or session can land in both train and test',
  fix: 'Keep splitting by group (GroupKFold, GroupShuffleSplit, groups=) so no group is on both sides of the split.'
}

export const SPLIT_UNSHUFFLED: CheckSpec = {
  id: 'DATA-SPLIT-UNSHUFFLED',
  family,
  title: 'Random split turned into a head/tail cut',
  status: 'warn',
  bias: false,
  flags:
    '`shuffle=False` newly given to a train_test_split of data nothing in the notebook dates or sorts by time: the test part is the last rows of the file in whatever order it was saved (with `stratify=`, scikit-learn raises an error)',
  fix: 'Keep the split shuffled with a seed (random_state=…), or sort by time first and say the split follows time.'
}
export const SPLIT_OVERLAP: CheckSpec = {
  id: 'DATA-SPLIT-OVERLAP',
  family,
  title: 'Test rows sliced from inside the training rows',
  status: 'fail',
  bias: false,
  flags:
    'a test or validation part cut by hand from the same table as the training part (`data[:idx]` / `data[idx-2000:]`, `.iloc[...]`) whose bounds now overlap the training bounds: the overlapping rows are trained on and scored',
  fix: 'Make the test slice start where the training slice ends (or split with train_test_split) so no row is on both sides.'
}

const isCode = (view: FileView): boolean => view.kind === 'notebook' || view.kind === 'python'

const GROUP_SPLITTER = /^(GroupKFold|StratifiedGroupKFold|GroupShuffleSplit|LeaveOneGroupOut|LeavePGroupsOut)$/
const PLAIN_SPLITTER =
  /^(KFold|StratifiedKFold|RepeatedKFold|RepeatedStratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|train_test_split|cross_val_score|cross_validate|cross_val_predict|GridSearchCV|RandomizedSearchCV)$/
const SHUFFLING_SPLITTER =
  /^(KFold|StratifiedKFold|RepeatedKFold|RepeatedStratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|train_test_split)$/

const isConst = (e: ReturnType<typeof kwarg>, value: 'True' | 'False'): boolean => e?.k === 'const' && e.value === value

/** sklearn's train_test_split, not `dataset.train_test_split` (Hugging Face datasets never sorts by time). */
function sklearnSplit(call: Call): boolean {
  if (calleeName(call) !== 'train_test_split') return false
  const d = dotted(call.fn)
  return d === 'train_test_split' || /^(sklearn|model_selection|ms|skms)\./.test(d ?? '')
}

interface Located {
  stmt: PyStatement
  call: Call
}

function calls(a: CodeAnalysis, keep: (c: Call) => boolean): Located[] {
  const out: Located[] = []
  for (const stmt of a.statements) for (const call of callsIn(stmt)) if (keep(call)) out.push({ stmt, call })
  return out
}

const TIME_STRONG =
  /\bTimeSeriesSplit\b|sort_values\(\s*(?:by\s*=\s*)?\[?\s*['"][^'"]*(?:date|time|timestamp|datetime|ds)['"]|sort_index\(\s*\)|\bDatetimeIndex\b|\.asfreq\(|\.resample\(/i
const TIME_WEAK = /parse_dates\s*=|to_datetime\(|\.dt\.(year|month|day|hour|dayofweek)|index_col\s*=\s*['"](date|time)/i

/** `random_state=0` → `shuffle=False` on undated rows: the test rows are the file's tail, not a random sample. */
export function checkSplitUnshuffled(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.before || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const text = head.statements.map((s) => s.text).join('\n')
  if (TIME_STRONG.test(text) || TIME_WEAK.test(text)) return []
  const unshuffled = (a: CodeAnalysis): Located[] =>
    calls(a, (c) => sklearnSplit(c) && isConst(kwarg(c, 'shuffle'), 'False'))
  if (unshuffled(head).length <= unshuffled(base).length) return []
  const fresh = newStatements(base, head)
  const now = unshuffled(head).find((l) => fresh.has(l.stmt))
  if (!now) return []
  const shuffle = kwarg(now.call, 'shuffle')
  const stratified = kwarg(now.call, 'stratify') !== undefined && kwarg(now.call, 'stratify')?.text !== 'None'
  const why = stratified
    ? 'with stratify=, scikit-learn refuses to split without shuffling'
    : 'the test part is the last rows in file order; nothing dates the rows'
  return [makeFinding(SPLIT_UNSHUFFLED, view, (shuffle ?? now.call).line, `${clip(now.call.text, 100)} (${why})`)]
}

export function checkTimeSeriesShuffle(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = view.before ? analyze(view.before) : null
  const fresh = newStatements(base, head)
  const text = head.statements.map((s) => s.text).join('\n')
  const strong = TIME_STRONG.test(text)
  const weak = strong || TIME_WEAK.test(text)
  const unshuffled = (a: CodeAnalysis | null): number =>
    a ? calls(a, (c) => sklearnSplit(c) && isConst(kwarg(c, 'shuffle'), 'False')).length : 0
  // the base split in order on purpose: a split of the head that now shuffles undoes it
  const orderLost = unshuffled(base) > unshuffled(head)
  const out: Finding[] = []
  for (const { stmt, call } of calls(head, sklearnSplit)) {
    if (!fresh.has(stmt)) continue
    const shuffle = kwarg(call, 'shuffle')
    if (isConst(shuffle, 'False')) continue
    const explicit = isConst(shuffle, 'True')
    if (!(orderLost || (explicit && weak) || (shuffle === undefined && strong))) continue
    const why = orderLost ? ' (the base split with shuffle=False)' : ''
    out.push(makeFinding(TIME_SERIES_SHUFFLE, view, (shuffle ?? call).line, `${clip(call.text, 120)}${why}`))
  }
  // df = df.sample(frac=1) / shuffle(df) on dated rows before a split by position: the split no longer follows time
  if (out.length === 0 && weak && head.flow.splits.length > 0) {
    const lastSplit = head.flow.splits[head.flow.splits.length - 1].stmt.index
    const shuffled = calls(head, (c) => {
      const name = calleeName(c)
      const frac = kwarg(c, 'frac')
      return (name === 'sample' && frac?.k === 'num' && frac.value === 1) || /^(shuffle|permutation)$/.test(name)
    }).find((l) => fresh.has(l.stmt) && l.stmt.index < lastSplit)
    if (shuffled)
      out.push(
        makeFinding(
          TIME_SERIES_SHUFFLE,
          view,
          shuffled.call.line,
          `${clip(shuffled.call.text, 120)} (dated rows shuffled before the split)`
        )
      )
  }
  // TimeSeriesSplit(...) → KFold(shuffle=True) / ShuffleSplit / train_test_split
  const timeSplits = (a: CodeAnalysis | null): number =>
    a ? calls(a, (c) => calleeName(c) === 'TimeSeriesSplit').length : 0
  if (out.length === 0 && timeSplits(base) > timeSplits(head)) {
    const replaced = calls(head, (c) => {
      const name = calleeName(c)
      if (!SHUFFLING_SPLITTER.test(name)) return false
      if (name === 'train_test_split') return sklearnSplit(c) && !isConst(kwarg(c, 'shuffle'), 'False')
      return /ShuffleSplit$/.test(name) || isConst(kwarg(c, 'shuffle'), 'True')
    }).find((l) => fresh.has(l.stmt))
    if (replaced)
      out.push(
        makeFinding(
          TIME_SERIES_SHUFFLE,
          view,
          replaced.call.line,
          `${clip(replaced.call.text, 120)} (the base split by time with TimeSeriesSplit)`
        )
      )
  }
  return out.slice(0, 2)
}

/** Group-aware splits of a side: group splitters constructed, and splits or CV runs given groups=. */
function groupSplits(a: CodeAnalysis | null): Located[] {
  return a ? calls(a, (c) => GROUP_SPLITTER.test(calleeName(c)) || kwarg(c, 'groups') !== undefined) : []
}

export function checkGroupSplitRemoved(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.before) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const was = groupSplits(base)
  if (was.length === 0 || groupSplits(head).length >= was.length) return []
  const splitters = groupSplits(base).filter((l) => GROUP_SPLITTER.test(calleeName(l.call)))
  const hadSplitter = splitters.length > groupSplits(head).filter((l) => GROUP_SPLITTER.test(calleeName(l.call))).length
  const fresh = newStatements(base, head)
  const plain = calls(head, (c) => PLAIN_SPLITTER.test(calleeName(c)) && kwarg(c, 'groups') === undefined).find((l) =>
    fresh.has(l.stmt)
  )
  if (!plain) return []
  const gone = (hadSplitter ? splitters[0] : was[0]).call
  return [
    makeFinding(
      GROUP_SPLIT_REMOVED,
      view,
      plain.call.line,
      `${clip(plain.call.text, 100)} (base: ${clip(gone.text, 80)})`
    )
  ]
}

/** A bound of a slice as `symbol + offset`: `idx-2000` → idx, -2000; `-500` → the length, -500; empty start → 0. */
interface Bound {
  sym: string | null
  off: number
}
const START: Bound = { sym: null, off: 0 }
const END: Bound = { sym: '#len', off: 0 }

function bound(text: string, empty: Bound): Bound | null {
  const t = text.replace(/\s+/g, '')
  if (t === '') return empty
  if (/^-?\d+$/.test(t)) return Number(t) < 0 ? { sym: '#len', off: Number(t) } : { sym: null, off: Number(t) }
  const m = /^(len\([A-Za-z_][\w.]*\)|[A-Za-z_][\w.]*)(?:([+-])(\d+))?$/.exec(t)
  if (!m) return null
  const sym = /^len\(/.test(m[1]) ? '#len' : m[1]
  return { sym, off: m[2] ? (m[2] === '-' ? -1 : 1) * Number(m[3]) : 0 }
}

/** The rows `[start, stop)` a subscript takes: its first dimension, when it is a plain slice. */
function rowRange(sub: Extract<Expr, { k: 'sub' }>): { start: Bound; stop: Bound } | null {
  const obj = sub.obj.k === 'attr' && /^i?loc$/.test(sub.obj.name) ? sub.obj.obj : sub.obj
  if (obj.k !== 'name') return null
  const inner = sub.text
    .slice(sub.obj.text.length)
    .replace(/^\s*\[/, '')
    .replace(/\]\s*$/, '')
  if (/[[({]/.test(inner)) return null
  const first = inner.split(',')[0]
  const parts = first.split(':')
  if (parts.length !== 2) return null
  if (parts[0].trim() === '' && parts[1].trim() === '') return null
  const start = bound(parts[0], START)
  const stop = bound(parts[1], END)
  return start && stop ? { start, stop } : null
}

/** a < b when it can be told: the same symbol, or the start of the rows below / the end above a symbol. */
function below(a: Bound, b: Bound): boolean {
  if (a.sym === b.sym) return a.off < b.off
  if (a.sym === null && a.off === 0) return !(b.sym === null && b.off <= 0)
  if (b.sym === '#len' && b.off === 0) return !(a.sym === '#len' && a.off >= 0)
  return false
}

interface Slice {
  stmt: PyStatement
  target: string
  root: string
  role: 'train' | 'test'
  range: { start: Bound; stop: Bound }
  text: string
}

function slices(a: CodeAnalysis): Slice[] {
  const out: Slice[] = []
  for (const sp of a.flow.splits) {
    if (!sp.part || !sp.stmt.value) continue
    const r = roleOfName(sp.part.target)
    const role = r === 'train' ? 'train' : r === 'test' || r === 'val' ? 'test' : null
    if (!role) continue
    const root = sp.part.root
    let found: Slice | null = null
    walk(sp.stmt.value, (x) => {
      if (found || x.k !== 'sub' || !x.slice || rootName(x) !== root) return
      const range = rowRange(x)
      if (range) found = { stmt: sp.stmt, target: sp.part?.target ?? '', root, role, range, text: x.text }
    })
    if (found) out.push(found)
  }
  return out
}

function overlaps(a: CodeAnalysis): Array<{ train: Slice; test: Slice }> {
  const all = slices(a)
  const out: Array<{ train: Slice; test: Slice }> = []
  for (const test of all.filter((s) => s.role === 'test'))
    for (const train of all.filter((s) => s.role === 'train' && s.root === test.root))
      if (below(test.range.start, train.range.stop) && below(train.range.start, test.range.stop))
        out.push({ train, test })
  return out
}

/** `X_train = data[:idx]` beside `X_test = data[idx-2000:]`: the test part now starts inside the training part. */
export function checkSplitOverlap(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.before || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  const fresh = newStatements(base, head)
  const was = new Set(overlaps(base).map((o) => `${o.train.target}|${o.test.target}`))
  for (const o of overlaps(head)) {
    if (was.has(`${o.train.target}|${o.test.target}`)) continue
    const at = fresh.has(o.test.stmt) ? o.test : fresh.has(o.train.stmt) ? o.train : null
    if (!at) continue
    const line = at.stmt.line
    return [
      makeFinding(
        SPLIT_OVERLAP,
        view,
        line,
        `${o.test.target} = ${clip(o.test.text, 50)} overlaps ${o.train.target} = ${clip(o.train.text, 50)} (rows on both sides of the split)`
      )
    ]
  }
  return []
}
