// Fairness bounds and the direction of bias metrics, compared across the change with their direction known: a
// parity bound, fairness threshold or tolerance (a keyword of a fairness call, a constant a fairness check compares
// against, a config value of a fairness block) moved the way that lets more disparity pass, and a bias metric
// turned around (a ratio's numerator and denominator swapped, privileged and unprivileged groups swapped in a
// call, `abs()` taken off a gap, the comparison of a fairness check flipped). A value tightened is not a finding.
import { memoByText } from './memo.js'
import { analyze } from '../analysis/index.js'
import { goneByKey } from '../analysis/rewrite.js'
import {
  calleeName,
  callsIn,
  isDictCall,
  literalNumbers,
  walk,
  type Call,
  type Expr,
  type PyStatement
} from '../analysis/parse.js'
import type { ConfigEntry, Finding } from '../types.js'
import { carrierNames } from './fairness-coverage.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { FAIRNESS_METRIC_REMOVED } from './responsible-ai.js'
import type { FileView, Side } from './view.js'
import { FAIRNESS_FILE, fairnessWords, protectedOf, words } from './vocabulary.js'

export const FAIRNESS_BOUND_LOOSENED: CheckSpec = {
  id: 'RAI-FAIRNESS-BOUND-LOOSENED',
  family: 'responsible-ai',
  title: 'Fairness bound loosened or bias metric inverted',
  status: 'fail',
  bias: true,
  flags:
    'a parity bound, fairness threshold or tolerance (difference_bound, ratio_bound, eps, a four-fifths value, a constant a fairness check compares against, a fairness config value, the search range of a sweep for it) moved the way that lets more disparity pass, the loss weight of a mitigation (min_diff_weight, a counterfactual loss_weight) lowered, or a bias metric inverted: a ratio swapped, privileged and unprivileged groups swapped, abs() removed from a gap, a fairness comparison flipped',
  fix: 'Keep the bound (or say in the pull request why the looser one is acceptable), and keep the metric the way round it was defined.'
}

export const BOUND_CHECKS: CheckSpec[] = [FAIRNESS_BOUND_LOOSENED]

/** Names of bounds: how far a fairness metric may go before the check fails. */
const BOUND_WORD =
  /^(bound|bounds|eps|epsilon|tol|tolerance|threshold|thresholds|limit|max|min|maximum|minimum|cutoff|margin|tau|fifths|fifth|slack|allowed|acceptable|repair)$/
/** Words of counts and sizes: `max_iter`, `min_samples` bound how long or how much, not how unfair. */
const NOT_BOUND_WORD =
  /^(iter|iters|iteration|iterations|epoch|epochs|step|steps|depth|features?|samples?|len|length|size|n|num|count|trials?|leaf|leaves|grid|rounds?|retries|workers|jobs|tokens|batch|lr|learning|rate|seconds|time)$/
/** `min_group_size`, `min_slice_count`: groups smaller than this are left out of the fairness evaluation. */
const groupSizeFloor = (ws: string[]): boolean =>
  ws.some((w) => /^(min|minimum)$/.test(w)) &&
  ws.some((w) => /^(group|groups|subgroup|cohort|slice|bucket)$/.test(w)) &&
  ws.some((w) => /^(size|count|samples|n|members)$/.test(w))
const boundName = (name: string): boolean => {
  const ws = words(name)
  return (ws.some((w) => BOUND_WORD.test(w)) && !ws.some((w) => NOT_BOUND_WORD.test(w))) || groupSizeFloor(ws)
}
/** Words that say a bigger value is stricter (a ratio's floor): lowering it loosens. */
const FLOOR_WORD = /^(ratio|impact|fifths|fifth|min|minimum|floor|lower|di|dir|dpr|eor|rule|repair)$/
/** Words that say a smaller value is stricter (a gap's ceiling): raising it loosens. */
const CEILING_WORD =
  /^(difference|diff|gap|eps|epsilon|tol|tolerance|max|maximum|upper|violation|violations|dpd|eod|spd|aod|slack|margin|bound)$/
/** Short names of fairness metrics that the vocabulary does not read as words. */
const METRIC_ACRONYM = /^(di|dir|dpd|dpr|eod|eor|spd|aod|eopp|eop|aaod|theil|air)$/

type Direction = 'up' | 'down'

/** Which way loosens a bound named by these words (most specific first), or by its value when they do not say. */
function looserWay(names: string[], value: number): Direction {
  for (const name of names) {
    const ws = words(name)
    // a bigger smallest group leaves more groups out
    if (groupSizeFloor(ws)) return 'up'
    // `ratio_bound`: the metric word says more than the bound word
    if (ws.some((w) => FLOOR_WORD.test(w) && w !== 'min' && w !== 'minimum')) return 'down'
    if (ws.some((w) => /^(min|minimum)$/.test(w))) return 'down'
    if (ws.some((w) => CEILING_WORD.test(w))) return 'up'
  }
  // a ratio's floor sits near 1, a difference's ceiling near 0
  return value >= 0.5 && value <= 1 ? 'down' : 'up'
}

/** Words of how strongly a mitigation's term weighs in the loss (`min_diff_weight`, `fairness_lambda`, `eta`). */
const STRENGTH_WORD = /^(weight|strength|lambda|lamda|lam|coef|coeff|coefficient|penalty|multiplier|eta)$/
/** Words of a mitigation that the fairness vocabulary does not read on their own (MinDiff, counterfactual pairing). */
const MITIGATION_WORD = /^(mindiff|counterfactual|adversary|adversarial|debias|debiasing|remediation|prejudice|fair)$/

const strengthName = (name: string): boolean => {
  const ws = words(name)
  return ws.some((w) => STRENGTH_WORD.test(w)) && !ws.some((w) => NOT_BOUND_WORD.test(w))
}

/** A name of a mitigation or its loss term: fairness words, MinDiff (`min_diff`), counterfactual logit pairing. */
const mitigationName = (name: string): boolean => {
  const ws = words(name)
  return (
    fairnessWords(ws) ||
    ws.some((w) => MITIGATION_WORD.test(w)) ||
    ws.some((w, i) => w === 'min' && ws[i + 1] === 'diff')
  )
}

interface Bound {
  key: string
  value: number
  line: number
  looser: Direction
  label: string
  /** the call the bound is written in (`Model`, `scan`), when it is one */
  owner?: string
  /** what applies when the bound is not written: the parameter's default in the file's own definition */
  fallback?: number
}

/**
 * Fairness libraries' defaults for bounds a call may leave out, and the way that loosens them: a bound newly written
 * looser than its default lets more disparity pass even though no written value changed.
 */
/** AIF360's `DisparateImpactRemover(repair_level)` and the wrappers named for it (`DIRemover(1.0)`). */
const REPAIR_CALL = /^(DisparateImpactRemover|DIRemover)$/

const LIBRARY_BOUND_DEFAULTS = new Map<string, { value: number; looser: Direction }>([
  // giskard's scan detectors: the relative gap a slice may show before it is reported
  ['performance_bias.threshold', { value: 0.05, looser: 'up' }],
  ['ethical_bias.threshold', { value: 0.05, looser: 'up' }],
  // fairlearn's ExponentiatedGradient: the constraint violation allowed
  ['ExponentiatedGradient(eps=)', { value: 0.01, looser: 'up' }],
  // aequitas: the ratio to the reference group that still counts as fair
  ['get_group_value_fairness(tau=)', { value: 0.8, looser: 'down' }],
  ['Fairness(tau=)', { value: 0.8, looser: 'down' }],
  // AIF360's DisparateImpactRemover: how far the features are repaired
  ['DisparateImpactRemover(repair_level=)', { value: 1, looser: 'down' }]
])

interface Turn {
  /** what is compared (an assignment's target, a call's name) */
  key: string
  /** the shape that must stay: `a/b`, the keyword-to-value mapping, `abs(...)`, the operator */
  shape: string
  kind: 'ratio' | 'groups' | 'abs' | 'comparison'
  line: number
  detail: string
}

const flat = (e: Expr): string => e.text.replace(/[\s()]+/g, '')

/** Names that hold or compute fairness on one side: fairness words, fairness results, values derived from groups. */
function fairNames(statements: PyStatement[]): Set<string> {
  const out = carrierNames(statements)
  for (const s of statements) {
    if (s.kind !== 'assign' || !s.value) continue
    let fair = false
    walk(s.value, (x) => {
      if (fair) return
      if (x.k === 'name') fair = out.has(x.id) || fairName(x.id)
      else if (x.k === 'attr') fair = fairName(x.name)
      else if (x.k === 'str') fair = protectedOf(x.value) !== null
    })
    for (const t of s.targets) if (t.k === 'name' && (fair || fairName(t.id))) out.add(t.id)
  }
  return out
}

const fairName = memoByText(fairNameUncached)

function fairNameUncached(name: string): boolean {
  const ws = words(name)
  return fairnessWords(ws) || protectedOf(name) !== null || ws.some((w) => METRIC_ACRONYM.test(w))
}

/** An expression named as a bound: `cfg['fairness']['max_gap']`, `PARITY_TOLERANCE`. */
const boundText = (e: Expr): boolean => words(e.text).some((w) => BOUND_WORD.test(w))

const metricName = memoByText(metricNameUncached)

function metricNameUncached(name: string): boolean {
  const ws = words(name)
  return fairnessWords(ws) || ws.some((w) => METRIC_ACRONYM.test(w))
}

function fairExpr(e: Expr, names: Set<string>): boolean {
  let fair = false
  walk(e, (x) => {
    if (fair) return
    // a protected column compared (`df['age'] > 60`) selects a group; it is not a fairness metric
    if (x.k === 'name') fair = names.has(x.id) || metricName(x.id)
    else if (x.k === 'attr') fair = metricName(x.name)
    else if (x.k === 'call') fair = fairnessWords(words(calleeName(x)))
    // `frame['air']`: a column holding a fairness metric
    else if (x.k === 'sub') fair = x.items.some((i) => i.k === 'str' && metricName(i.value))
  })
  return fair
}

const isCompare = (op: string): boolean => /^(<|<=|>|>=)$/.test(op)
const flipOp = (op: string): string => ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' })[op] ?? op
const sense = (op: string): 'lt' | 'gt' => (op.startsWith('<') ? 'lt' : 'gt')

/** A group selected from a protected column: `group_a = df['sex'] == 'Female'`, `priv = data.race.isin([...])`. */
function groupMask(e: Expr): boolean {
  let found = false
  walk(e, (x) => {
    if (found) return
    if (x.k === 'sub') found = x.items.some((i) => i.k === 'str' && protectedOf(i.value) !== null)
    else if (x.k === 'attr') found = protectedOf(x.name) !== null && x.obj.k === 'name'
  })
  if (!found) return false
  let compares = false
  walk(e, (x) => {
    if (x.k === 'op' && x.ops.some((o) => /^(==|!=|<|<=|>|>=|in|not in)$/.test(o))) compares = true
    if (x.k === 'call' && /^(isin|eq|ne)$/.test(calleeName(x))) compares = true
  })
  return compares
}

interface GroupMask {
  text: string
  line: number
  /** what it selects, however written: `ethnicity_black==1` for `X.Ethnicity_Black == 1` and `X['Ethnicity_Black'] == 1` */
  selects: string
}

/** The protected columns a mask compares and the values it compares them with, in order. */
function selection(e: Expr): string {
  const parts: string[] = []
  walk(e, (x) => {
    if (x.k !== 'op' || x.parts.length !== 2) return
    const col = (c: Expr): string | null =>
      c.k === 'sub' && c.items.length === 1 && c.items[0].k === 'str'
        ? c.items[0].value
        : c.k === 'attr'
          ? c.name
          : null
    const name = col(x.parts[0])
    if (name && protectedOf(name) !== null) parts.push(`${name.toLowerCase()}${x.ops[0]}${flat(x.parts[1])}`)
  })
  return parts.join('&') || flat(e)
}

/** Numeric defaults of the file's own functions, by callee: a class's `__init__` under the class's name. */
function ownDefaults(statements: PyStatement[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  let klass: string | null = null
  for (const s of statements) {
    if (s.kind !== 'def' || s.targets[0]?.k !== 'name') continue
    const name = s.targets[0].id
    if (/^\s*class\b/.test(s.text)) {
      klass = name
      continue
    }
    const callee = name === '__init__' && klass ? klass : name
    const values = out.get(callee) ?? new Map<string, number>()
    for (const p of s.params ?? []) {
      const d = p.default
      if (d?.k === 'num') values.set(p.name, d.value)
    }
    if (values.size) out.set(callee, values)
  }
  return out
}

/**
 * Numbers under the keys of dict literals and `dict(...)` calls, with every key above them:
 * `params={"performance_bias": {"threshold": 0.3}}` → (['performance_bias', 'threshold'], 0.3).
 */
function dictNumbers(e: Expr, emit: (path: string[], value: number, line: number) => void): void {
  // a dict inside another is read with it
  const seen = new Set<Expr>()
  walk(e, (x) => {
    if ((x.k === 'dict' || isDictCall(x)) && !seen.has(x))
      literalNumbers(
        x,
        (path, value, line) => {
          // a list of numbers is no one bound
          if (path.every((p) => typeof p === 'string')) emit(path, value, line)
        },
        seen
      )
  })
}

/** A number written as a literal, negative ones too: `0.9`, `-0.1`. */
function signedNumber(e: Expr): { value: number; line: number } | null {
  if (e.k === 'num') return { value: e.value, line: e.line }
  if (e.k === 'op' && e.ops.length === 1 && e.ops[0] === '-' && e.parts.length === 1 && e.parts[0].k === 'num')
    return { value: -e.parts[0].value, line: e.line }
  return null
}

/** The (low, high) pairs of a dict of ranges: `{'MAE Ratio': (0.9, 1.1), 'Diff': (-d, d)}` (numbers only). */
function fairRanges(
  e: Expr
): Map<string, { low: { value: number; line: number }; high: { value: number; line: number } }> {
  const out = new Map<string, { low: { value: number; line: number }; high: { value: number; line: number } }>()
  if (e.k !== 'dict') return out
  for (const en of e.entries) {
    if (en.key?.k !== 'str') continue
    const v = en.value.k === 'other' && en.value.parts.length === 1 ? en.value.parts[0] : en.value
    if (v.k !== 'seq' || v.items.length !== 2) continue
    const low = signedNumber(v.items[0])
    const high = signedNumber(v.items[1])
    if (low && high && low.value < high.value) out.set(en.key.value, { low, high })
  }
  return out
}

function codeSide(side: Side): {
  bounds: Bound[]
  turns: Turn[]
  /** every definition of each mask, in order (a notebook defines `group_a` again in each experiment) */
  maskDefs: Map<string, GroupMask[]>
} {
  const statements = analyze(side).statements
  const names = fairNames(statements)
  const defaults = ownDefaults(statements)
  const numbers = new Map<string, { value: number; line: number }>()
  const bounds: Bound[] = []
  const turns: Turn[] = []
  const seen = new Set<string>()
  const numberOf = (e: Expr): { value: number; line: number; via?: string } | null => {
    const literal = signedNumber(e)
    if (literal) return literal
    if (e.k === 'name') {
      const n = numbers.get(e.id)
      return n ? { ...n, via: e.id } : null
    }
    return null
  }
  const addBound = (
    key: string,
    value: number,
    line: number,
    names: string[],
    label: string,
    owner?: string,
    fallback?: number
  ): void => {
    if (seen.has(key)) return
    seen.add(key)
    bounds.push({ key, value, line, looser: looserWay(names, value), label, owner, fallback })
  }
  const fairFile = FAIRNESS_FILE.test(side.text)
  const maskDefs = new Map<string, GroupMask[]>()
  const addStrength = (key: string, value: number, line: number, label: string): void => {
    if (seen.has(key)) return
    seen.add(key)
    bounds.push({ key, value, line, looser: 'down', label })
  }
  for (const s of statements) {
    if (s.kind === 'import' || s.kind === 'def') continue
    // constants first: a bound held in a variable is compared where it is defined
    if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name') {
      const n = numberOf(s.value)
      if (n && s.value.k !== 'name') numbers.set(s.targets[0].id, { value: n.value, line: s.value.line })
      // `min_diff_weight = 1.5`: the weight of a mitigation's loss term, set where it is defined
      const target = s.targets[0].id
      if (groupMask(s.value)) {
        const mask = { text: flat(s.value), line: s.line, selects: selection(s.value) }
        maskDefs.set(target, [...(maskDefs.get(target) ?? []), mask])
      }
      if (n && s.value.k !== 'name' && fairFile && strengthName(target) && mitigationName(target))
        addStrength(target, n.value, n.line, target)
      // `fairness_threshold = 1.3`, handed on by position (`ap.disparity(bdf, metrics, attr, fairness_threshold)`):
      // a variable named as a fairness bound is one where it is set
      if (n && s.value.k === 'num' && fairFile && boundName(target) && fairName(target))
        addBound(target, n.value, n.line, [target], target)
      // `custom_fair_range = {'MAE Ratio': (0.9, 1.1)}`: the range each fairness metric may take, low and high
      if (fairName(target) && words(target).some((w) => /^(range|ranges|bounds|limits|interval|intervals)$/.test(w)))
        for (const [metric, range] of fairRanges(s.value)) {
          addBound(`${target}.${metric}.low`, range.low.value, range.low.line, ['min'], `${target}['${metric}'] low`)
          addBound(
            `${target}.${metric}.high`,
            range.high.value,
            range.high.line,
            ['max'],
            `${target}['${metric}'] high`
          )
        }
    }
    // only a comparison, a division, a keyword or an assignment can hold a bound or a direction
    if (!/[<>/=]/.test(s.text)) continue
    let fairKnown: boolean | null = null
    const isFair = (): boolean => (fairKnown ??= s.exprs.some((e) => fairExpr(e, names)))
    const hasDict = /\{|\bdict\s*\(/.test(s.text)
    for (const e of s.exprs) {
      const owner = e.k === 'call' ? calleeName(e) : undefined
      // `scan(..., params={"performance_bias": {"threshold": 0.3}})`: a bound held in a fairness block of a dict
      if (hasDict)
        dictNumbers(e, (path, value, line) => {
          const leaf = path[path.length - 1]
          if (!boundName(leaf) || !(path.some((k) => fairName(k)) || isFair())) return
          const key = path.join('.')
          addBound(key, value, line, [...path].reverse(), key, owner)
        })
    }
    for (const e of s.exprs)
      walk(e, (x) => {
        // `DisparateImpactRemover(0.1)`: a repair level handed by position (1 repairs fully, 0 not at all)
        if (x.k === 'call' && REPAIR_CALL.test(calleeName(x))) {
          const first = x.args[0]
          const n = first && first.name === null ? numberOf(first.value) : null
          const key = `${calleeName(x)}(repair_level=)`
          if (n && !seen.has(key)) {
            seen.add(key)
            bounds.push({ key, value: n.value, line: n.line, looser: 'down', label: key })
          }
        }
        if (x.k === 'call' && x.args.some((a) => a.name !== null) && fairFile && mitigationName(calleeName(x))) {
          // `MinDiffModel(..., loss_weight=1.5)`, `AdversarialDebiasing(adversary_loss_weight=0.1)`
          const callee = calleeName(x)
          for (const a of x.args) {
            if (!a.name || a.name === '*' || a.name === '**' || !strengthName(a.name)) continue
            const n = numberOf(a.value)
            if (n) addStrength(n.via ?? `${callee}(${a.name}=)`, n.value, n.line, `${callee}(${a.name}=)`)
          }
        }
        if (x.k === 'call' && x.args.some((a) => a.name !== null)) {
          const callee = calleeName(x)
          const fairCall = isFair() || fairExpr(x, names)
          for (const a of x.args) {
            if (!a.name || a.name === '*' || a.name === '**') continue
            if (!boundName(a.name)) continue
            const fallback = defaults.get(callee)?.get(a.name)
            // a bound of the file's own fairness code (`Model(..., tpr_max_diff=0.25)`), by its definition's default
            if (!fairCall && !(fairFile && fallback !== undefined)) continue
            const n = numberOf(a.value)
            if (!n) continue
            const key = n.via ?? `${callee}(${a.name}=)`
            addBound(
              key,
              n.value,
              n.line,
              [a.name, ...(n.via ? [n.via] : []), callee],
              `${callee}(${a.name}=)`,
              callee,
              fallback
            )
          }
        }
        if (x.k === 'call') groupTurn(x, calleeName(x), turns)
        // a ratio of a fairness statement, by its two operands whichever way round: `sr_f / sr_m`
        if (x.k === 'op' && x.parts.length === 2 && x.ops.length === 1 && x.ops[0] === '/' && isFair()) {
          const [a, b] = x.parts.map(flat)
          turns.push({
            key: `ratio ${[a, b].sort().join('|')}`,
            shape: `${a}/${b}`,
            kind: 'ratio',
            line: x.line,
            detail: `${a} / ${b}`
          })
        }
        if (x.k === 'op' && x.parts.length === 2 && x.ops.length === 1 && isCompare(x.ops[0])) {
          const [lhs, rhs] = x.parts
          const ln = numberOf(lhs)
          const rn = numberOf(rhs)
          const lf = fairExpr(lhs, names)
          const rf = fairExpr(rhs, names)
          // the metric is the side that is not a number; with no number, the fair side (the other is a config value)
          const fairBound = (n: { via?: string } | null): boolean => n?.via !== undefined && fairName(n.via)
          const metric =
            rn && !ln
              ? lf || fairBound(rn)
                ? lhs
                : null
              : ln && !rn
                ? rf || fairBound(ln)
                  ? rhs
                  : null
                : !ln && !rn && lf !== rf
                  ? lf
                    ? lhs
                    : rhs
                  : !ln && !rn && lf && rf && boundText(rhs) !== boundText(lhs)
                    ? boundText(rhs)
                      ? lhs
                      : rhs
                    : null
          if (!metric) return
          const other = metric === lhs ? rhs : lhs
          const n = numberOf(other)
          // the operator read with the metric on the left: `0.8 > di` is `di < 0.8`
          const op = metric === lhs ? x.ops[0] : flipOp(x.ops[0])
          const what = flat(metric)
          // `assert abs(dpd) < 0.1` → `assert dpd < 0.1`: the gap's sign now decides
          const inner = absInner(metric)
          turns.push({
            key: `abs compare ${flat(inner ?? metric)} ${n?.via ?? (n ? 'number' : flat(other))}`,
            shape: inner ? `abs:${flat(inner)}` : `plain:${what}`,
            kind: 'abs',
            line: x.line,
            detail: `${what} ${op} ${flat(other)}`
          })
          turns.push({
            key: `compare ${what} ${n?.via ?? (n ? 'number' : flat(other))}`,
            shape: sense(op),
            kind: 'comparison',
            line: x.line,
            detail: `${what} ${op} ${flat(other)}`
          })
          if (!n) return
          // in an assertion the operator says which side passes; elsewhere the names and the value do
          const asserted = /^\s*assert\b/.test(s.text)
          const key = n.via ?? `${what} ${sense(op)}`
          const metricNames = [...(n.via ? [n.via] : []), what]
          if (asserted) {
            if (!seen.has(key)) {
              seen.add(key)
              bounds.push({
                key,
                value: n.value,
                line: n.line,
                looser: sense(op) === 'lt' ? 'up' : 'down',
                label: `${what} ${op}`
              })
            }
          } else addBound(key, n.value, n.line, metricNames, `${what} ${op}`)
        }
      })
    // abs() taken off: the same target computed without it
    if (s.kind === 'assign' && s.value && s.targets.length === 1 && isFair()) {
      const target = flat(s.targets[0])
      const v = s.value
      const inner = absInner(v)
      turns.push({
        key: `abs ${target}`,
        shape: inner ? `abs:${flat(inner)}` : `plain:${flat(v)}`,
        kind: 'abs',
        line: s.line,
        detail: `${target} = ${flat(v)}`
      })
    }
  }
  return { bounds, turns, maskDefs }
}

/** The functions a side's statements call, among those that can hold a bound (as `codeSide` reads them). */
function calleesOf(side: Side): Set<string> {
  const out = new Set<string>()
  for (const s of analyze(side).statements)
    if (s.kind !== 'import' && s.kind !== 'def' && /[<>/=]/.test(s.text))
      for (const c of callsIn(s)) out.add(calleeName(c))
  return out
}

/**
 * A bound written into a call the base already made without it, looser than what applied there: the default of the
 * file's own function, or of the fairness library. A bound with no known default is not judged.
 */
function newlyWritten(h: Bound, baseCallees: () => Set<string>): { value: number } | null {
  if (!h.owner) return null
  const known = LIBRARY_BOUND_DEFAULTS.get(h.key)
  const d = h.fallback !== undefined ? { value: h.fallback, looser: h.looser } : known
  if (!d || d.value === h.value || !(d.looser === 'up' ? h.value > d.value : h.value < d.value)) return null
  return baseCallees().has(h.owner) ? d : null
}

function absInner(v: Expr): Expr | null {
  if (v.k !== 'call' || !/^(abs|fabs|absolute)$/.test(calleeName(v)) || v.args.length !== 1) return null
  return v.args[0].value
}

/** `ClassificationMetric(..., unprivileged_groups=u, privileged_groups=p)`: which value each group keyword has. */
function groupTurn(call: Call, callee: string, turns: Turn[]): void {
  const kws = call.args.filter((a) => a.name !== null && /privileged|reference_group|ref_group/i.test(a.name))
  if (kws.length < 2) return
  const mapping = kws
    .map((a) => `${a.name}=${flat(a.value)}`)
    .sort()
    .join(',')
  const values = kws
    .map((a) => flat(a.value))
    .sort()
    .join(',')
  turns.push({ key: `groups ${callee} ${values}`, shape: mapping, kind: 'groups', line: call.line, detail: mapping })
}

/**
 * Keys of a hyper-parameter search space (`eps: {type: float, range: [0.005, 0.5]}`, `low:`/`high:`, `values:`): the
 * numbers under them are the values the parameter named by the key above takes.
 */
const SEARCH_LEAF = /^(range|ranges|low|high|lower|upper|values|choices|grid|options|min|max|start|stop|end)$/

/** Config bounds: numbers under a fairness key, named as bounds; a search space's numbers by the key they range. */
function configSide(entries: ConfigEntry[]): Bound[] {
  const out: Bound[] = []
  // a block whose values name a fairness method (`constraint: fairlearn.reductions.EqualizedOdds`) is a fairness block
  const top = (key: string): string => key.split('.')[0].replace(/\[\d+\]/g, '')
  const fairBlocks = new Set(
    entries
      .filter((e) => typeof e.value === 'string' && e.value.length <= 200 && fairnessWords(words(e.value)))
      .map((e) => top(e.key))
  )
  const byKey = new Map(entries.map((e) => [e.key, e.value]))
  for (const e of entries) {
    if (typeof e.value !== 'number') continue
    // a condition written as a triple, `["&group_fairness > statistical_parity_difference", ">=", -0.11]`: the
    // number bounds the fairness metric the first item names, from the side the operator says
    const triple = /^(.*\[\d+\])\[2\]$/.exec(e.key)
    const op = triple ? byKey.get(`${triple[1]}[1]`) : undefined
    const left = triple ? byKey.get(`${triple[1]}[0]`) : undefined
    if (typeof op === 'string' && isCompare(op.trim()) && typeof left === 'string' && left.length <= 200) {
      const ws = words(left)
      if (fairnessWords(ws) || ws.some((w) => METRIC_ACRONYM.test(w)) || metricName(left)) {
        const label = `${left.trim()} ${op.trim()}`
        out.push({ key: label, value: e.value, line: e.line, looser: sense(op.trim()) === 'gt' ? 'down' : 'up', label })
        continue
      }
    }
    const segments = e.key.split('.').map((s) => s.replace(/\[\d+\]/g, ''))
    const last = segments.length - 1
    // the parameter a search space ranges, when the leaf is one of its keys and a key sits above it
    const boundLike = (name: string): boolean => {
      const ws = words(name)
      return (
        boundName(name) ||
        (ws.some((w) => CEILING_WORD.test(w) || FLOOR_WORD.test(w)) && !ws.some((w) => NOT_BOUND_WORD.test(w)))
      )
    }
    const parent = last > 0 && SEARCH_LEAF.test(segments[last]) ? segments[last - 1] : null
    const ranged = parent !== null && (boundLike(parent) || strengthName(parent))
    const leaf = ranged && parent !== null ? parent : (segments[last] ?? '')
    const leafWords = words(leaf)
    const bound = boundLike(leaf)
    const fair =
      segments.some((s) => fairName(s)) ||
      leafWords.some((w) => METRIC_ACRONYM.test(w)) ||
      (segments.length > 1 && fairBlocks.has(top(e.key)))
    if (strengthName(leaf) && segments.some((s) => fairnessWords(words(s)) || mitigationName(s))) {
      // a mitigation's weight in the loss: lowering it (to 0: off) lets more disparity through
      out.push({ key: e.key, value: e.value, line: e.line, looser: 'down', label: e.key })
      continue
    }
    if (!bound || !fair) continue
    out.push({
      // a search space's two ends are two bounds; the items of a plain list are one
      key: ranged ? e.key : e.key.replace(/\[\d+\]/g, '[]'),
      value: e.value,
      line: e.line,
      looser: looserWay([leaf, ...segments.slice(0, last).reverse()], e.value),
      label: e.key
    })
  }
  return out
}

function boundFindings(view: FileView): Finding[] {
  if (!view.before || !view.after || !view.baseKnown) return []
  const code = view.kind === 'notebook' || view.kind === 'python'
  if (!code && view.kind !== 'config') return []
  const none = new Map<string, GroupMask[]>()
  const configOf = (side: Side): ReturnType<typeof codeSide> => ({
    bounds: configSide(side.entries),
    turns: [],
    maskDefs: none
  })
  const base = code ? codeSide(view.before) : configOf(view.before)
  const head = code ? codeSide(view.after) : configOf(view.after)
  // each mask as its last definition leaves it
  const lastMasks = (side: typeof head): Map<string, GroupMask> =>
    new Map([...side.maskDefs].map(([name, defs]) => [name, defs[defs.length - 1]]))
  const baseMasks = lastMasks(base)
  const headMasks = lastMasks(head)
  const out: Finding[] = []
  // two groups' definitions exchanged (`group_a` now selects what `group_b` did and the other way round): every
  // metric that tells the protected group from the reference group now reads them the wrong way round
  for (const [a, ha] of headMasks) {
    if (!view.isAddedLine(ha.line)) continue
    const ba = baseMasks.get(a)
    if (!ba || ba.text === ha.text) continue
    for (const [b, hb] of headMasks) {
      const bb = baseMasks.get(b)
      if (b === a || !bb || bb.text === ba.text) continue
      if (ha.text === bb.text && hb.text === ba.text && (ha.line < hb.line || !view.isAddedLine(hb.line)))
        out.push(
          makeFinding(FAIRNESS_BOUND_LOOSENED, view, ha.line, `groups swapped: ${a} and ${b} (base: ${a} = ${ba.text})`)
        )
    }
  }
  // one of two groups compared now selects other people while the other stays (`group_a = X.Ethnicity_Black == 1`
  // → `X.Ethnicity_White == 0`): the protected group is another one
  // each definition against the base's of the same place (the n-th `group_a =`), beside another group it is compared
  // with that did not change
  const nth = (side: typeof head, name: string, i: number): GroupMask | undefined => side.maskDefs.get(name)?.[i]
  const sameCount = (name: string): boolean =>
    (base.maskDefs.get(name)?.length ?? -1) === (head.maskDefs.get(name)?.length ?? -2)
  if (headMasks.size >= 2 && out.length === 0)
    outer: for (const [a, defs] of head.maskDefs) {
      if (!sameCount(a)) continue
      for (const [i, ha] of defs.entries()) {
        const ba = nth(base, a, i)
        if (!ba || ba.selects === ha.selects || !view.isAddedLine(ha.line)) continue
        // the group it is compared with: a mask defined next to it, unchanged
        const kept = [...head.maskDefs].some(
          ([b, bdefs]) =>
            b !== a &&
            sameCount(b) &&
            bdefs.some((hb, j) => Math.abs(hb.line - ha.line) <= 5 && nth(base, b, j)?.selects === hb.selects)
        )
        if (!kept) continue
        out.push(
          makeFinding(FAIRNESS_BOUND_LOOSENED, view, ha.line, `group ${a} now selects ${ha.text} (base: ${ba.text})`)
        )
        break outer
      }
    }
  const baseBounds = new Map(base.bounds.map((b) => [b.key, b]))
  // the base's calls, read only when a bound is new: a bound added to a call the base made without it
  let baseCallees: Set<string> | null = null
  const before = view.before
  const calledAtBase = (): Set<string> => (baseCallees ??= code ? calleesOf(before) : new Set())
  for (const h of head.bounds) {
    const b = baseBounds.get(h.key)
    if (!b) {
      const d = newlyWritten(h, calledAtBase)
      if (d && view.isAddedLine(h.line))
        out.push(
          makeFinding(
            FAIRNESS_BOUND_LOOSENED,
            view,
            h.line,
            `${h.label} = ${h.value} written where the default ${d.value} applied`
          )
        )
      continue
    }
    if (b.value === h.value) continue
    const looser = h.looser === 'up' ? h.value > b.value : h.value < b.value
    if (!looser || !view.isAddedLine(h.line)) continue
    out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${h.label} loosened: ${b.value} → ${h.value}`))
  }
  const baseTurns = new Map<string, Turn[]>()
  for (const t of base.turns) baseTurns.set(t.key, [...(baseTurns.get(t.key) ?? []), t])
  const headKeys = new Map<string, Turn[]>()
  for (const t of head.turns) headKeys.set(t.key, [...(headKeys.get(t.key) ?? []), t])
  for (const h of head.turns) {
    if (!view.isAddedLine(h.line)) continue
    const olds = baseTurns.get(h.key) ?? []
    // the base still computes it this way somewhere, or the head computes it both ways: not turned round
    if (olds.length === 0 || olds.some((o) => o.shape === h.shape)) continue
    if ((headKeys.get(h.key) ?? []).some((o) => o !== h && olds.some((b) => b.shape === o.shape))) continue
    const old = olds[0]
    const turned =
      h.kind === 'ratio'
        ? old.shape.split('/').reverse().join('/') === h.shape
        : h.kind === 'abs'
          ? old.shape.startsWith('abs:') && h.shape === `plain:${old.shape.slice(4)}`
          : h.kind === 'comparison'
            ? old.shape !== h.shape
            : true
    if (!turned) continue
    const what =
      h.kind === 'ratio'
        ? 'ratio turned round'
        : h.kind === 'abs'
          ? 'abs() removed'
          : h.kind === 'comparison'
            ? 'fairness comparison flipped'
            : 'group arguments swapped'
    out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${what}: ${h.detail} (base: ${old.detail})`))
  }
  // one item per line
  const byLine = new Map<number | null, Finding>()
  for (const f of out) if (!byLine.has(f.line)) byLine.set(f.line, f)
  return [...byLine.values()]
}

export const fairnessBounds: Check = (view) => {
  try {
    return [...boundFindings(view), ...groupMixups(view), ...attributeMixups(view)]
  } catch {
    return []
  }
}

/** A word that tells one group's variables from another's: `p0`/`p1`, `g1`, `a`/`b`, `male`/`female`, `priv`. */
const GROUP_MARK =
  /^(p\d|g\d|group\d|grp\d|[ab]|male|female|men|women|white|black|priv|unpriv|privileged|unprivileged|majority|minority)$/i

/**
 * `pr_p0` and `pr_p1`: the same name but for another group's mark at word `i`. A mark qualifies a name: a name that
 * is a mark alone (`b = Bias()`) has no siblings, nor has a name whose word there is no mark (`pr_df`).
 */
function siblings(name: string, parts: string[], i: number): boolean {
  const p = name.split('_')
  return (
    parts.length >= 2 &&
    p.length === parts.length &&
    GROUP_MARK.test(p[i]) &&
    p.every((w, j) => (j === i ? w !== parts[i] : w === parts[j]))
  )
}

/**
 * A group's result computed from the other group's data, a copy-paste slip: `pr_p1 = rate(freq_y0_p1 + freq_y1_p1)`
 * → `rate(freq_y0_p0 + freq_y1_p0)` beside `pr_p0 = rate(freq_y0_p0 + ...)`. The two groups now read the same
 * people, and any gap between them is gone.
 */
function groupMixups(view: FileView): Finding[] {
  if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.before || !view.after) return []
  const assigns = (side: Side): Array<{ target: string; names: string[]; line: number; stmt: PyStatement }> =>
    analyze(side).statements.flatMap((st) => {
      const t = st.targets[0]
      if (st.kind !== 'assign' || st.targets.length !== 1 || t?.k !== 'name' || !st.value) return []
      const names: string[] = []
      walk(st.value, (x) => x.k === 'name' && names.push(x.id))
      return [{ target: t.id, names, line: st.line, stmt: st }]
    })
  const head = assigns(view.after)
  const base = assigns(view.before)
  const marked = (name: string, mark: string): boolean => name.split('_').includes(mark)
  for (const h of head) {
    if (!view.isAddedLine(h.line)) continue
    const parts = h.target.split('_')
    for (const [i, own] of parts.entries()) {
      if (!GROUP_MARK.test(own)) continue
      // its sibling: the same name with another group's mark, assigned in the head
      const sibling = head.find((o) => o !== h && siblings(o.target, parts, i))
      if (!sibling) continue
      const other = sibling.target.split('_')[i]
      const mine = (ns: string[]): boolean => ns.some((n) => marked(n, own))
      const theirs = (ns: string[]): boolean => ns.some((n) => marked(n, other))
      if (mine(h.names) || !theirs(h.names)) continue
      // the base computed it from its own group's data
      const was = base.find((b) => b.target === h.target && mine(b.names) && !theirs(b.names))
      if (!was) continue
      return [
        makeFinding(
          FAIRNESS_BOUND_LOOSENED,
          view,
          h.line,
          `${h.target} is now computed from ${other}'s data (${h.names
            .filter((n) => marked(n, other))
            .slice(0, 3)
            .join(', ')}), as ${sibling.target} is`
        )
      ]
    }
  }
  // the two groups' results (`pr_p0`, `pr_p1`) removed, and one result made from both groups' data pooled in their
  // place
  // the statements the change removed or rewrote
  const removed = new Set(
    [...goneByKey(analyze(view.before).statements, analyze(view.after).statements).values()].flat()
  )
  const gone = (a: (typeof base)[number]): boolean => removed.has(a.stmt)
  for (const b of base) {
    const parts = b.target.split('_')
    for (const [i, own] of parts.entries()) {
      if (!GROUP_MARK.test(own) || !gone(b)) continue
      // its sibling next to it, removed with it
      const sibling = base.find((o) => o !== b && Math.abs(o.line - b.line) <= 3 && siblings(o.target, parts, i))
      if (!sibling || !gone(sibling)) continue
      const other = sibling.target.split('_')[i]
      const pooled = head.find(
        (h) =>
          view.isAddedLine(h.line) &&
          h.names.some((n) => marked(n, own)) &&
          h.names.some((n) => marked(n, other)) &&
          h.target.split('_').every((w) => !GROUP_MARK.test(w))
      )
      if (!pooled) continue
      return [
        makeFinding(
          FAIRNESS_METRIC_REMOVED,
          view,
          pooled.line,
          `${b.target} and ${sibling.target} replaced by ${pooled.target}, computed from both groups' data pooled`
        )
      ]
    }
  }
  return []
}

/**
 * A variable named for one protected attribute now filled from another attribute's column, where the base filled it
 * from its own (`race_test = df.loc[X_test.index, 'race_binary']` → `'sex'`): every evaluation by that attribute now
 * measures the other one, and the attribute itself is measured nowhere.
 */
function attributeMixups(view: FileView): Finding[] {
  if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.before || !view.after) return []
  const columns = (st: PyStatement): string[] => {
    const out: string[] = []
    if (st.value)
      walk(st.value, (x) => {
        if (x.k === 'str' && protectedOf(x.value) !== null) out.push(x.value)
      })
    return out
  }
  const single = (st: PyStatement): string | null =>
    st.kind === 'assign' && st.targets.length === 1 && st.targets[0].k === 'name' ? st.targets[0].id : null
  const baseColumns = new Map<string, string[]>()
  for (const st of analyze(view.before).statements) {
    const t = single(st)
    if (t) baseColumns.set(t, columns(st))
  }
  const out: Finding[] = []
  for (const st of analyze(view.after).statements) {
    const t = single(st)
    const own = t ? protectedOf(t) : null
    if (!t || own === null || !view.isAddedLine(st.line)) continue
    const now = columns(st)
    const was = baseColumns.get(t) ?? []
    if (now.length === 0 || now.some((c) => protectedOf(c) === own)) continue
    if (!was.some((c) => protectedOf(c) === own)) continue
    out.push(
      makeFinding(
        FAIRNESS_METRIC_REMOVED,
        view,
        st.line,
        `${t} now holds ${now.map((c) => `'${c}'`).join(', ')} (${protectedOf(now[0])}; base: ${was
          .map((c) => `'${c}'`)
          .join(', ')}): what is measured by ${own} reads another attribute`
      )
    )
  }
  return out.slice(0, 3)
}
