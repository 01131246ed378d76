// How the data is split, read from the parser: a time-ordered split made to shuffle, a group-aware split
// (GroupKFold …) replaced by one that lets the same group fall on both sides.
import type { Finding } from '../types.js'
import { analyze, newStatements, type CodeAnalysis } from '../analysis/index.js'
import { calleeName, callsIn, dotted, kwarg, type Call, type PyStatement } from '../analysis/parse.js'
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
