// Fairness coverage, read the way a reviewer reads it whatever library or shape: every statement, config entry
// or cell that computes, reports, plots, constrains or mitigates fairness (fairness vocabulary in its names,
// strings, keys or comments, or a metric broken down by a protected attribute) is a piece of coverage. A change
// that removes such a piece, or rewrites it to cover less (an attribute, group, metric, slice or task gone, a
// constraint or mitigation changed, arguments swapped, a restriction added), blocks unless the same coverage
// reappears in the changed files. A statement moved or refactored with its coverage is not a finding.
import { analyze, flatText, inBody, ownFunctions, rerunTexts, type OwnFunction } from '../analysis/index.js'
import {
  calleeName,
  callsIn,
  kwarg,
  positional,
  strings,
  walk,
  type Call,
  type Expr,
  type PyStatement
} from '../analysis/parse.js'
import { callShape, lineAt, rewrittenPairs, stripComments } from '../analysis/rewrite.js'
import { diffArrays } from 'diff'
import type { ChangedFile, ConfigEntry, Finding } from '../types.js'
import { disposable, projectTooling } from './file-role.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { buildView, writtenBy, type FileView, type Side } from './view.js'
import {
  fairnessWords,
  libraryScan,
  withoutPackages,
  classKind,
  FAIR_CALL_NAME,
  FAIRNESS_FILE,
  FAIRNESS_METRIC_NAME,
  GROUP_VALUE,
  LIBRARY_WORD,
  METRIC_WORD,
  protectedOf,
  scanNames,
  words,
  type ScanNames
} from './vocabulary.js'

export const FAIRNESS_COVERAGE_NARROWED: CheckSpec = {
  id: 'RAI-FAIRNESS-COVERAGE-NARROWED',
  family: 'responsible-ai',
  title: 'Fairness coverage removed or narrowed',
  status: 'fail',
  bias: true,
  flags:
    'a statement, config entry or cell that computes, reports, plots, constrains or mitigates fairness (by its vocabulary, or a metric broken down by a protected attribute) removed, or rewritten to cover fewer attributes, groups, metrics, slices or tasks, with changed constraint values or swapped group arguments, without the same coverage reappearing in the change',
  fix: 'Keep the fairness evaluation or mitigation as it was, or say in the pull request where the same coverage is now and why the narrower one is enough.'
}

export const COVERAGE_CHECKS: CheckSpec[] = [FAIRNESS_COVERAGE_NARROWED]

/** Calls that break a value down by a column: with a protected column and a metric they audit groups. */
const BREAKDOWN = /^(groupby|crosstab|pivot_table|pivot|value_counts|barplot|boxplot|catplot|violinplot|histplot)$/
const BREAKDOWN_KW = /^(by|hue|col|row|groups?|group_by|slice_by|columns|index)$/

/** Keywords that restrict what a call covers, whatever their value. */
const RESTRICTING_KW =
  /^(only|exclude|excluded|include|subset|skip|select|selected|categories|detectors|tags|features|attributes|groups|metrics|metric_type|slices?)$/

/**
 * Whether a keyword added to a fairness call can narrow it: a restriction, a switch turned off, or a tolerance
 * that is not one the statement already states (an explicit bound equal to the `eps` beside it restates it).
 */
function narrowingKeyword(name: string, value: Expr, text: string): boolean {
  if (RESTRICTING_KW.test(name)) return true
  if (value.k === 'const') return value.value !== 'True'
  if (value.k === 'num') {
    const others = [...text.matchAll(/\b\w+\s*=\s*(-?[\d.]+(?:e-?\d+)?)/g)].filter((m) => !m[0].startsWith(name))
    return value.value === 0 || !others.some((m) => Number(m[1]) === value.value)
  }
  return false
}

/** Calls that take a protected column to train on, split by, drop or show it, not to compare groups. */
const NOT_GROUP_CALL =
  /^(fit|fit_transform|fit_resample|partial_fit|train|transform|train_test_split|drop|pop|remove|astype|rename|print|display|head|tail|describe|info|read_csv|to_csv|merge|join|concat|get_dummies|map|replace|fillna|dropna|isin|unique|nunique|value_counts|append|extend|insert|set_index|reset_index|sort_values|loc|iloc|apply|format)$/
/** Calls whose work is what they show, save or send, whatever they return. */
const SIDE_EFFECT = /plot|show|display|print|save|log|write|report|export|upload|dashboard|render|widget|fig|chart/i

/** Calls that take the slices or groups an evaluation is broken down by: cyclops's `SliceSpec`, TFMA's slicing specs. */
const SLICER = /^(SliceSpec|SlicingSpec|slicing_specs?|slice_spec|FairnessConfig|GroupSpec)$/

/** Identity groups named by religion or sexual orientation (`christian`, `homosexual_gay_or_lesbian`). */
const IDENTITY_WORD =
  /^(christian|jewish|muslim|hindu|buddhist|atheist|heterosexual|homosexual|gay|lesbian|bisexual|transgender|lgbt|lgbtq)$/i
const identityGroup = (v: string): boolean =>
  GROUP_VALUE.test(v.trim()) || words(v).some((w) => GROUP_VALUE.test(w) || IDENTITY_WORD.test(w))

/** Whether a call's arguments name a protected column or at least two groups of people. */
function groupArguments(call: Expr): boolean {
  if (call.k !== 'call') return false
  let columns = 0
  const groups = new Set<string>()
  for (const a of call.args)
    walk(a.value, (x) => {
      if (x.k !== 'str') return
      const v = x.value.trim()
      if (GROUP_VALUE.test(v)) groups.add(v.toLowerCase())
      else if (protectedOf(v)) columns++
    })
  return columns > 0 || groups.size >= 2
}

/** Literal items that are all protected attributes, or at least two groups of people. */
function groupList(items: Expr[]): boolean {
  if (items.length === 0 || !items.every((i) => i.k === 'str')) return false
  const values = items.map((i) => (i.k === 'str' ? i.value.trim() : ''))
  return values.every((v) => protectedOf(v) !== null) || values.filter((v) => GROUP_VALUE.test(v)).length >= 2
}

/** Calls that resample or reweigh data: by a protected column they mitigate imbalance between groups. */
const REBALANCE = /balance|sampl|reweigh|weight/i

/** The strings of a shown expression, but not those of a call inside it (`print('%.3f' % air(cm, 'a', 'b'))`). */
function markShown(e: Expr, shown: Set<Expr>): void {
  if (e.k === 'str') shown.add(e)
  else if (e.k === 'op' || e.k === 'other') e.parts.forEach((p) => markShown(p, shown))
  else if (e.k === 'seq') e.items.forEach((p) => markShown(p, shown))
  else if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'format') {
    markShown(e.fn.obj, shown)
    e.args.forEach((a) => markShown(a.value, shown))
  }
}

/** Calls and keywords whose strings are shown to a reader, not evaluated. */
const SHOWN_CALL =
  /^(print|display|flag|highlight|title|set_title|suptitle|xlabel|ylabel|set_xlabel|set_ylabel|text|annotate|Markdown|HTML|markdown|write|info|debug|warning|warn|format|log|savefig)$/
const SHOWN_KW = /^(title|xlabel|ylabel|label|name|id|step_name|caption|desc|description|fname|filename|path)$/

/** Keyword arguments that say how a call runs or looks, not what it covers: added, removed or changed, they narrow nothing. */
const NEUTRAL_KW =
  /^(random_state|seed|verbose|verbosity|n_jobs|figsize|title|xlabel|ylabel|ax|color|colors|palette|fontsize|rot|height|width|dpi|show|save|path|filename|fname|cmap|alpha|legend|style|kind|marker|sort|ascending|round|decimals|precision|display|return_fig|output_dir|nrows|ncols|size|label|id|step_name|ptype|plot_type|chart_type|plot_kind|linestyle|linewidth|markersize|edgecolor|orient|orientation|layout|theme|template|fmt|grid|aspect|shade|fill|bins|bw_adjust|bw_method|lw|ls|zorder|element|multiple|cut|clip|xlim|ylim|xticks|yticks|left_index|right_index|copy|indicator|validate|suffixes|inplace|ignore_index|errors|dtype|engine|low_memory|encoding|compression|sep|index_col|header|timeout|background_mode|retries|max_retries|wait|poll_interval)$/

/** Keywords that label a result for the reader (`name=`, `caption=`, `run_name=`). */
const DISPLAY_KW =
  /^(name|names|caption|description|desc|run_name|experiment_name|prefix|suffix|tag|tags|notes|comment|header)$/

/**
 * A display keyword whose value names no protected attribute (`name='report_v2'`, not `name='race'`), or the names
 * shown for values the call is handed beside them.
 */
function displayLabel(name: string, value: Expr, call: Call): boolean {
  // `sensitive_feature_names=['Sex', 'Race']` beside `sensitive_features=A_test`: how the groups are shown
  const of = /^(\w+?)_names$/.exec(name)?.[1]
  if (of !== undefined && call.args.some((a) => a.name === of || a.name === `${of}s`)) return true
  if (!DISPLAY_KW.test(name)) return false
  let protectedName = false
  walk(value, (x) => {
    if (x.k === 'str' && (protectedOf(x.value) !== null || words(x.value).some((w) => protectedOf(w) !== null)))
      protectedName = true
  })
  return !protectedName
}

interface Piece {
  /** the statement (code) or entry (config) */
  line: number
  /** its source text */
  text: string
  /** text that tells one piece from another, insensitive to whitespace and comments */
  flat: string
  /** what it covers: strings, keywords with literal values, calls, fairness and protected names */
  atoms: string[]
  /** every name, for matching a rewritten piece to its original */
  names: Set<string>
  /** the call and its positional arguments, for swapped group arguments */
  positional: string[][]
  /** keyword names of its calls */
  keywords: Set<string>
  fairness: boolean
  /** names it assigns */
  targets: Set<string>
  /** data rebalanced between groups that it uses, with the names that data was made from */
  rebalanced: Map<string, Set<string>>
  /** names of the functions it calls */
  callees: Set<string>
  /** fairness objects (MetricFrame, mitigator) the piece uses by name */
  carried: Set<string>
  /** config: the entry's own key or value speaks of fairness or a protected group (not only its block) */
  ownWords?: boolean
  /** a piece that only imports (it computes nothing) */
  importOnly: boolean
  /** an expression that only shows or saves values (a bare cell result, a print, a savefig): the names it reads */
  shows: (() => string[]) | null
  cell: number | null
  endLine: number
}

// ---------------------------------------------------------------------------------------------
// Code pieces

function nameWords(name: string): string[] {
  return words(name)
}

/** The comment text on a statement's own lines (the parser keeps it out of the expressions). */
function commentsOf(stmt: PyStatement): string {
  return [...stmt.text.matchAll(/#([^\n'"]*)$/gm)].map((m) => m[1]).join(' ')
}

function literalText(e: Expr): string | null {
  if (e.k === 'str') return `'${e.value.trim().toLowerCase()}'`
  if (e.k === 'num') return String(e.value)
  if (e.k === 'const') return e.value
  return null
}

/** A name that says what is covered: fairness, protected or metric words. */
function meaningful(name: string): boolean {
  const ws = words(name)
  return fairnessWords(ws) || protectedOf(name) !== null || ws.some((w) => METRIC_WORD.test(w))
}

const calleeOf = (call: Expr): string =>
  call.k !== 'call' ? '' : call.fn.k === 'name' ? call.fn.id : call.fn.k === 'attr' ? call.fn.name : ''

/** Names that carry fairness one hop: what a fairness constructor or call returns (a mitigator, a MetricFrame). */
export function carrierNames(
  statements: PyStatement[],
  scans: ScanNames = scanNames(statements.flatMap((s) => s.imports))
): Set<string> {
  const carriers = new Set<string>()
  // fairness results pass fairness on to what is computed from them; data and lists of groups do not (a model
  // trained on rebalanced data is not a fairness evaluation)
  const results = new Set<string>()
  for (const stmt of statements) {
    if (stmt.kind !== 'assign' || !stmt.value) continue
    const v = stmt.value
    // `protected = ['ethnicity', 'gender', 'age']`: the attributes a notebook audits, named once
    const items = v.k === 'seq' ? v.items : []
    if (
      items.length > 0 &&
      items.every((i) => i.k === 'str' && protectedOf(i.value) !== null) &&
      stmt.targets.every((t) => t.k === 'name' && !/feature|drop|exclude|ignore|^x_|cols_to_use|predictor/i.test(t.id))
    ) {
      for (const t of stmt.targets) if (t.k === 'name') carriers.add(t.id)
      continue
    }
    const call = v.k === 'call' ? v : null
    const callee = call ? (call.fn.k === 'name' ? call.fn.id : call.fn.k === 'attr' ? call.fn.name : '') : ''
    // a value computed from a fairness result, or by a call that names its groups, carries fairness on
    // (`mf = MetricFrame(..., sensitive_features=A)`, `eo = mf.difference()`, `gap = eo * 100`)
    let fair = (callee !== '' && fairnessWords(words(callee))) || (call !== null && libraryScan(call.fn, scans))
    walk(v, (x) => {
      if (fair) return
      if (x.k === 'name') fair = results.has(x.id)
      else if (x.k === 'call') fair = x.args.some((a) => a.name !== null && fairnessWords(words(a.name)))
    })
    for (const t of stmt.targets) {
      if (t.k !== 'name') continue
      if (fair || fairnessWords(words(t.id))) {
        carriers.add(t.id)
        results.add(t.id)
      }
    }
  }
  return carriers
}

/** `bal_df = xai.balance(df, 'gender', upsample=0.8)`: data rebalanced between groups, by the names it was made from. */
function rebalancedData(statements: PyStatement[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const stmt of statements) {
    const v = stmt.value
    if (stmt.kind !== 'assign' || !v || v.k !== 'call' || !REBALANCE.test(calleeOf(v)) || !groupArguments(v)) continue
    const from = new Set<string>()
    for (const a of v.args) walk(a.value, (x) => x.k === 'name' && from.add(x.id))
    for (const t of stmt.targets) if (t.k === 'name') out.set(t.id, from)
  }
  return out
}

function codePieces(side: Side): Piece[] {
  const statements = analyze(side).statements
  const scans = scanNames(statements.flatMap((s) => s.imports))
  const carriers = carrierNames(statements, scans)
  const data = rebalancedData(statements)
  // `for attr in ['sex', 'race']` / `for g in ['White', 'Black']`: each turn of the loop is one attribute or group
  // `identity_columns = ['male', 'female', 'christian', 'black', ...]`: a list of identity groups
  const identityLists = new Map<string, number>()
  statements.forEach((stmt, i) => {
    if (stmt.kind !== 'assign' || stmt.value?.k !== 'seq' || stmt.targets.length !== 1) return
    const t = stmt.targets[0]
    const groups = stmt.value.items.filter((it) => it.k === 'str' && identityGroup(it.value))
    if (t.k === 'name' && groups.length >= 3) identityLists.set(t.id, i)
  })
  const groupVars = new Set<string>()
  const loops: Array<{ at: number; vars: string[]; overList: boolean }> = []
  statements.forEach((stmt, i) => {
    if (stmt.kind !== 'for' || !stmt.value) return
    // `for attr in ['sex', 'race']` / `for g in ['White', 'Black']` / `for identity in identity_columns`: each turn
    // of the loop is one attribute or group
    const overList = stmt.value.k === 'name' && identityLists.has(stmt.value.id)
    if (!overList && (stmt.value.k !== 'seq' || !groupList(stmt.value.items))) return
    const vars = stmt.targets.flatMap((t) => (t.k === 'name' ? [t.id] : []))
    vars.forEach((v) => groupVars.add(v))
    loops.push({ at: i, vars, overList })
  })
  const out = statements.map((stmt) => codePiece(stmt, carriers, data, groupVars, scans))
  // `spec_list = [{"age": {...}}, {"gender": {"value": "F"}}]` handed to `SliceSpec(spec_list)`: the slices a
  // per-group evaluation reports, named where they are written
  const handed = new Set<string>()
  for (const stmt of statements)
    for (const c of callsIn(stmt))
      if (SLICER.test(calleeOf(c))) for (const a of c.args) if (a.value.k === 'name') handed.add(a.value.id)
  statements.forEach((stmt, i) => {
    const t = stmt.targets[0]
    if (stmt.kind !== 'assign' || t?.k !== 'name' || !handed.has(t.id) || !stmt.value) return
    let named = false
    walk(stmt.value, (x) => {
      if (x.k === 'str' && protectedOf(x.value.trim()) !== null) named = true
    })
    if (named) out[i].fairness = true
  })
  // in a notebook that evaluates fairness, the identity lists are the groups its evaluation is broken down by, and a
  // loop over one that hands each group to a call of its own reports per group
  if (out.some((p) => p.fairness)) {
    for (const i of identityLists.values()) out[i].fairness = true
    for (const { at, vars, overList } of loops) {
      const end = statements[at].bodyEnd ?? statements[at].endLine
      const body = statements.slice(at + 1, at + 20).filter((b) => b.line <= end)
      const perGroup = body.flatMap((b) => callsIn(b).filter((c) => c.args.some((a) => vars.includes(a.value.text))))
      if (!overList || perGroup.length === 0) continue
      out[at].fairness = true
      // two loops over the same list are told apart by what they do with each group, which is what they cover
      const callees = [...new Set(perGroup.map((c) => calleeOf(c)).filter((c) => c !== ''))]
      out[at].flat += ` → ${callees.join(', ')}`
      out[at].atoms.push(...callees.map((c) => `call:${c}`))
    }
  }
  // the header of a loop over groups is what the fairness evaluation in its body covers
  for (const { at, vars } of loops)
    if (out.slice(at + 1, at + 20).some((p) => p.fairness && vars.some((v) => p.names.has(v)))) out[at].fairness = true
  return out
}

function codePiece(
  stmt: PyStatement,
  carriers: Set<string>,
  data = new Map<string, Set<string>>(),
  groupVars = new Set<string>(),
  scans: ScanNames = scanNames([])
): Piece {
  const atoms: string[] = []
  const names = new Set<string>()
  const positional: string[][] = []
  const keywords = new Set<string>()
  const callees = new Set<string>()
  const allWords: string[][] = [nameWords(commentsOf(stmt))]
  const targetIds = new Set(stmt.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])))
  let protectedSeen = false
  let metricSeen = false
  let breakdown = false
  let carried = false
  let scan = false
  const carriedNames = new Set<string>()
  // text shown to a reader (a print, a title, a label) says nothing about what is covered
  const shownText = new Set<Expr>()
  for (const e of stmt.exprs)
    walk(e, (x) => {
      // `(ModelFairness(metrics), "MyModelFairness")`, `('clf', LogisticRegression())`: a step and its label
      if (x.k === 'seq' && x.items.length === 2 && x.items.some((i) => i.k === 'call'))
        x.items.forEach(
          (i) => i.k === 'str' && !protectedOf(i.value.trim()) && !GROUP_VALUE.test(i.value.trim()) && shownText.add(i)
        )
      if (x.k !== 'call') return
      const callee = calleeName(x)
      if (SHOWN_CALL.test(callee)) x.args.forEach((a) => markShown(a.value, shownText))
      else
        for (const a of x.args)
          if (a.name && (SHOWN_KW.test(a.name) || NEUTRAL_KW.test(a.name) || displayLabel(a.name, a.value, x)))
            walk(a.value, (y) => y.k === 'str' && shownText.add(y))
    })
  const noteName = (id: string, isTarget: boolean): void => {
    names.add(id)
    const ws = nameWords(id)
    allWords.push(ws)
    if (ws.some((w) => METRIC_WORD.test(w))) metricSeen = true
    if (isTarget) return
    if (carriers.has(id)) {
      carried = true
      carriedNames.add(id)
    }
    if (meaningful(id) || carriers.has(id)) atoms.push(`name:${id}`)
  }
  for (const e of stmt.exprs) {
    walk(e, (x) => {
      if (x.k === 'name') noteName(x.id, targetIds.has(x.id) && stmt.targets.includes(x))
      // `self._clf`: an object's own copy of a carrier is that carrier (`clf` → `self._clf` moves it into a class)
      else if (x.k === 'attr' && x.obj.k === 'name' && x.obj.id === 'self' && carriers.has(x.name.replace(/^_+/, '')))
        noteName(x.name.replace(/^_+/, ''), false)
      else if (x.k === 'attr') {
        names.add(x.name)
        const ws = nameWords(x.name)
        allWords.push(ws)
        if (ws.some((w) => METRIC_WORD.test(w))) metricSeen = true
        if (meaningful(x.name)) atoms.push(`attr:${x.name}`)
      } else if (x.k === 'str') {
        const v = x.value.trim()
        // a path names where a file is, not what is evaluated
        if (v === '' || v.length > 200 || /[/\\]/.test(v)) return
        const ws = words(v)
        allWords.push(ws.filter((w) => !LIBRARY_WORD.has(w)))
        if (protectedOf(v)) protectedSeen = true
        if (ws.some((w) => METRIC_WORD.test(w))) metricSeen = true
        // a label or sentence counts by its fairness, protected and metric words; a bare literal is a value
        if (shownText.has(x)) return
        if (/\s/.test(v)) {
          // a fairness metric's name is what it covers, not a sentence about it
          if (FAIRNESS_METRIC_NAME.test(v)) atoms.push(`str:${v.toLowerCase().replace(/\s+/g, ' ')}`)
          for (const w of ws) if (fairnessWords([w]) || protectedOf(w) || METRIC_WORD.test(w)) atoms.push(`word:${w}`)
        } else {
          atoms.push(`str:${v.toLowerCase()}`)
          // `'SEX&RAC1P'`: an intersection covers each attribute it is made of
          if (/[&|+]/.test(v)) for (const part of v.toLowerCase().split(/[&|+]/)) if (part) atoms.push(`str:${part}`)
        }
      } else if (x.k === 'call') {
        const callee = calleeName(x)
        const isScan = libraryScan(x.fn, scans)
        if (isScan) scan = true
        if (callee && (meaningful(callee) || isScan)) atoms.push(`call:${callee}`)
        if (BREAKDOWN.test(callee)) breakdown = true
        // a call handed a protected column or two groups beside what it scores compares the groups
        if (!NOT_GROUP_CALL.test(callee) && groupArguments(x)) breakdown = true
        const pos: string[] = [callee]
        if (callee) callees.add(callee)
        // a keyword added to a fairness call changes what it covers (a restriction, a tolerance)
        const fairCall =
          fairnessWords(words(x.text.replace(/(['"])(?:(?!\1).)*\1/g, ' '))) ||
          [...carriers].some((c) => x.text.includes(c)) ||
          isScan
        for (const a of x.args) {
          if (a.name && a.name !== '*' && a.name !== '**') {
            if (NEUTRAL_KW.test(a.name)) continue
            // `name='report_v2'`: a label for the reader, unless it names a protected attribute (a column's name)
            if (displayLabel(a.name, a.value, x)) continue
            if (fairCall && narrowingKeyword(a.name, a.value, stmt.text)) keywords.add(`${callee}(${a.name}=)`)
            if (meaningful(a.name)) atoms.push(`kw:${a.name}`)
            if (BREAKDOWN_KW.test(a.name)) breakdown = true
            const lit = literalText(a.value)
            // a path or address says where something is, not what is covered (as for a bare string)
            if (lit !== null && !/[/\\]/.test(lit)) atoms.push(`kw:${a.name}=${lit}`)
            allWords.push(nameWords(a.name))
            if (protectedOf(a.name)) protectedSeen = true
          } else if (a.name === null) pos.push(a.value.text.replace(/\s+/g, ''))
        }
        if (pos.length > 2) positional.push(pos)
      } else if (x.k === 'num' || x.k === 'const') {
        atoms.push(`lit:${String(x.value)}`)
      }
    })
  }
  for (const t of stmt.targets) walk(t, (x) => x.k === 'name' && names.add(x.id))
  for (const id of names) if (protectedOf(id) || groupVars.has(id)) protectedSeen = true
  const vocab = allWords.some((ws) => fairnessWords(ws))
  // a metric broken down by a protected attribute audits the groups, whatever it is called
  const perGroup = breakdown && protectedSeen && metricSeen
  // `sensitive_country_sex = ["country", "sex"]`: the attributes a sensitive grouping is made of
  const v = stmt.kind === 'assign' ? stmt.value : null
  const sensitiveList =
    v?.k === 'seq' &&
    v.items.length > 0 &&
    v.items.every((i) => i.k === 'str') &&
    v.items.some((i) => i.k === 'str' && protectedOf(i.value) !== null) &&
    stmt.targets.some((t) => t.k === 'name' && words(t.id).some((w) => /^(sensitive|protected)$/.test(w)))
  return {
    line: stmt.line,
    text: stmt.text,
    endLine: stmt.endLine,
    cell: stmt.cell,
    flat: flatText(stmt),
    atoms,
    names,
    positional,
    keywords,
    fairness: vocab || perGroup || carried || scan || sensitiveList,
    rebalanced: new Map([...data].filter(([d]) => names.has(d) && !targetIds.has(d))),
    targets: targetIds,
    callees,
    carried: carriedNames,
    importOnly: stmt.kind === 'import',
    shows:
      stmt.kind === 'expr' && targetIds.size === 0 && [...callees].every((c) => SHOWN_CALL.test(c))
        ? () => {
            const ids: string[] = []
            // the module a display function is called through (`reports` in `reports.flag(m)`) is not shown
            const through = new Set<Expr>(callsIn(stmt).flatMap((c) => (c.fn.k === 'attr' ? [c.fn.obj] : [])))
            for (const e of stmt.exprs)
              walk(e, (x) => x.k === 'name' && !SHOWN_CALL.test(x.id) && !through.has(x) && ids.push(x.id))
            return ids
          }
        : null
  }
}

// ---------------------------------------------------------------------------------------------
// Config pieces

/** The list item or mapping an entry belongs to: `tasks[3].label` → `tasks[3]`. */
function unitOf(key: string): string {
  const item = /^(.*\[\d+\])./.exec(key)
  if (item) return item[1]
  const dot = key.lastIndexOf('.')
  return dot === -1 ? '' : key.slice(0, dot)
}

function configPieces(all: ConfigEntry[]): Piece[] {
  const entries = withoutPackages(all)
  const unitFair = new Map<string, boolean>()
  const entryWords = (e: ConfigEntry): string[] =>
    words(
      `${e.key} ${typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean' ? String(e.value) : ''}`
    )
  for (const e of entries) {
    if (fairnessWords(entryWords(e))) unitFair.set(unitOf(e.key), true)
  }
  return entries.map((e): Piece => {
    const key = e.key.replace(/\[\d+\]/g, '[]')
    const value = JSON.stringify(e.value) ?? 'null'
    const ws = entryWords(e)
    // every enclosing unit up the key counts: a task's options belong to the task
    let unit = unitOf(e.key)
    const leaf = words(`${e.key.split('.').pop() ?? ''} ${typeof e.value === 'string' ? e.value : ''}`)
    const own = fairnessWords(leaf) || leaf.some((w) => protectedOf(w) !== null)
    let fair = fairnessWords(ws)
    while (!fair && unit !== '') {
      if (unitFair.get(unit)) fair = true
      unit = unitOf(unit)
    }
    // a group named in a file whose top level is a bias benchmark or audit (`benchmark: bbq`, `categories: [Race]`)
    if (!fair && own && unitFair.get('')) fair = true
    return {
      line: e.line,
      text: '',
      endLine: e.line,
      cell: null,
      flat: `${key}=${value}`,
      atoms: [`${key}=${value}`],
      names: new Set(key.split(/[.[\]]+/).filter(Boolean)),
      positional: [],
      keywords: new Set(),
      fairness: fair,
      rebalanced: new Map(),
      targets: new Set(),
      callees: new Set(),
      carried: new Set(),
      ownWords: own,
      importOnly: false,
      shows: null
    }
  })
}

/** Pieces by side: every file's check reads the other files' pieces too (what they gained), so each is read once. */
const piecesOf = new WeakMap<Side, { kind: FileView['kind']; pieces: Piece[] }>()

export function pieces(view: FileView, side: Side | null): Piece[] {
  if (!side) return []
  const hit = piecesOf.get(side)
  if (hit?.kind === view.kind) return hit.pieces
  const read = piecesUncached(view, side)
  piecesOf.set(side, { kind: view.kind, pieces: read })
  return read
}

function piecesUncached(view: FileView, side: Side): Piece[] {
  try {
    if (view.kind === 'config') return configPieces(side.entries)
    if (view.kind === 'notebook' || view.kind === 'python') return codePieces(side)
  } catch {
    // a side we cannot read covers nothing we could name
  }
  return []
}

// ---------------------------------------------------------------------------------------------
// Comparison

const counts = (xs: string[]): Map<string, number> => {
  const m = new Map<string, number>()
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1)
  return m
}

/** Pieces of `from` whose text `to` does not hold (as many times). */
function missing(from: Piece[], to: Piece[], lineIn?: (line: number) => number | null): Piece[] {
  const taken = new Set<Piece>()
  const matched = new Set<Piece>()
  // first the piece that stands where the line alignment puts it, then any other copy
  if (lineIn) {
    const byLine = new Map<string, Piece[]>()
    for (const p of to) byLine.set(`${p.line}\u0000${p.flat}`, [...(byLine.get(`${p.line}\u0000${p.flat}`) ?? []), p])
    for (const p of from) {
      const line = lineIn(p.line)
      const hit = line === null ? undefined : byLine.get(`${line}\u0000${p.flat}`)?.find((q) => !taken.has(q))
      if (hit) {
        taken.add(hit)
        matched.add(p)
      }
    }
  }
  const left = new Map<string, number>()
  for (const p of to) if (!taken.has(p)) left.set(p.flat, (left.get(p.flat) ?? 0) + 1)
  const out: Piece[] = []
  for (const p of from) {
    if (matched.has(p)) continue
    const n = left.get(p.flat) ?? 0
    if (n > 0) left.set(p.flat, n - 1)
    else out.push(p)
  }
  return out
}

/**
 * Classes of `old` that `now` replaced by one of the same kind it did not call (`FairClassifier` →
 * `DemographicParityClassifier`, `FairlearnDashboard` → `FairnessDashboard`): an API that moved, old → new.
 */
function movedClasses(old: Piece, now: Piece): Map<string, string> {
  const out = new Map<string, string>()
  for (const c of old.callees) {
    const kind = classKind(c)
    if (kind === null || now.callees.has(c)) continue
    const to = [...now.callees].find((n) => !old.callees.has(n) && classKind(n) === kind)
    if (to) out.set(c, to)
  }
  return out
}

/** A name, or a `name:`/`call:` atom of it, under each new name the change gave it. */
function renamedForms(v: string, renames: Map<string, Set<string>>): string[] {
  const m = /^((?:name|call):)?(.+)$/.exec(v)
  const prefix = m?.[1] ?? ''
  return [...(renames.get(m?.[2] ?? v) ?? [])].map((n) => prefix + n)
}

/** How alike two pieces are by what they name; a base name the change renamed counts as its new names. */
function similarity(a: Piece, b: Piece, renames?: Map<string, Set<string>>): number {
  const x = new Set([...a.names, ...a.atoms])
  const y = new Set([...b.names, ...b.atoms])
  let both = 0
  for (const v of x) if (y.has(v) || (renames && renamedForms(v, renames).some((r) => y.has(r)))) both++
  return both / Math.max(1, Math.min(x.size, y.size) + Math.abs(x.size - y.size) / 2)
}

/** Atoms that say what is covered (a call name alone or a plain literal is how, not what). */
function coverage(atom: string): boolean {
  return !/^lit:/.test(atom)
}

interface Narrowing {
  /** base line of the piece */
  baseLine: number
  /** head line to report at, when the head still has a rewritten piece */
  headLine: number | null
  what: string
}

/** Words that name a split of the data: `sensitive_features_test` is `sensitive_features` on the test rows. */
const SPLIT_WORD = /^(test|val|valid|validation|holdout|eval|train)$/

/** Whether `other` is `name` with a split's word on either end. */
function onSplit(name: string, other: string): boolean {
  if (other.startsWith(`${name}_`)) return SPLIT_WORD.test(other.slice(name.length + 1))
  if (other.endsWith(`_${name}`)) return SPLIT_WORD.test(other.slice(0, -name.length - 1))
  return false
}

function shown(atom: string): string {
  return atom.replace(/^(name|attr|str|word|call|kw|lit):/, '')
}

/** Keys that say where something is (a path, a URL, a revision), not what an evaluation covers. */
const LOCATION_KEY =
  /(^|[._\-\s])(path|paths|url|uri|file|files|dir|directory|revision|repo|repo_id|data_files|location)$/i

/** What a change took from the fairness pieces of one file; `gainedElsewhere` is what the change added anywhere. */
interface LineRange {
  line: number
  bodyEnd: number
}

/** `.unique()`, `np.unique(...)`, `.value_counts().index`, `.groups`, `groupby(...)`: every value of a column. */
function everyValue(e: Expr): boolean {
  if (e.k === 'call') {
    const callee = calleeName(e)
    if (callee === 'unique' || callee === 'groupby' || callee === 'drop_duplicates') return true
    if ((callee === 'set' || callee === 'sorted' || callee === 'list') && e.args.length === 1)
      return everyValue(e.args[0].value) || e.args[0].value.k === 'sub'
  }
  if (e.k === 'attr' && (e.name === 'groups' || e.name === 'index') && e.obj.k === 'call')
    return ['value_counts', 'groupby'].includes(calleeName(e.obj))
  if (e.k === 'attr' && e.name === 'groups') return true
  return false
}

interface EveryGroup {
  loops: LineRange[]
  /** what the loops fill, one entry per group: `pp_dfs.append(...)`, `frames[grp] = ...` */
  filled: Set<string>
}

/** The head's `for` loops over every value of a column, directly or through a name that holds them. */
function everyGroupLoops(statements: PyStatement[]): EveryGroup {
  const holders = new Set<string>()
  for (const s of statements)
    if (s.kind === 'assign' && s.value && everyValue(s.value))
      for (const t of s.targets) if (t.k === 'name') holders.add(t.id)
  const loops = statements.flatMap((s) =>
    s.kind === 'for' &&
    s.value &&
    s.bodyEnd !== undefined &&
    (everyValue(s.value) || (s.value.k === 'name' && holders.has(s.value.id)))
      ? [{ line: s.line, bodyEnd: s.bodyEnd }]
      : []
  )
  const filled = new Set<string>()
  for (const s of statements) {
    if (!loops.some((r) => s.line > r.line && s.line <= r.bodyEnd)) continue
    for (const t of s.targets) if (t.k === 'sub' && t.obj.k === 'name') filled.add(t.obj.id)
    for (const c of callsIn(s))
      if (c.fn.k === 'attr' && c.fn.obj.k === 'name' && /^(append|extend|add|update|insert)$/.test(c.fn.name))
        filled.add(c.fn.obj.id)
  }
  return { loops, filled }
}

function narrowings(
  base: Piece[],
  head: Piece[],
  gainedElsewhere: Set<string>,
  config: boolean,
  lineIn: (line: number) => number | null,
  copies: Piece[] = [],
  reruns: Set<string> = new Set(),
  /** the head's own functions: a piece in one's body covers what its calls hand it */
  headDefs: OwnFunction[] = [],
  /** the head's loops over every value of a column: what they do, they do for each group */
  everyGroup: EveryGroup = { loops: [], filled: new Set() }
): Narrowing[] {
  const inEveryGroup = (p: Piece): boolean => everyGroup.loops.some((r) => p.line > r.line && p.line <= r.bodyEnd)
  // one copy of a statement written twice in a row went while the other stays: nothing it covered went
  const headFlats = new Set(head.map((p) => p.flat))
  const removed = missing(base, head, lineIn).filter(
    (p) => p.fairness && !p.importOnly && !(reruns.has(p.flat) && headFlats.has(p.flat))
  )
  if (removed.length === 0) return []
  const introduced = missing(head, base)
  const fairer = (q: Piece): boolean => [...q.callees].some((c) => FAIR_CALL_NAME.test(c))
  const headReads = new Set(head.flatMap((p) => [...p.names].filter((n) => !p.targets.has(n))))
  const introducedAtoms = new Set(introduced.flatMap((p) => p.atoms))
  // a result the base kept in a name to show it through a helper, the head shows as its call's own output:
  // `m = measure(X, y, g)` + `flag(m)` → `measure(X, y, g, flag_oor=True)` as a bare expression
  const shownDirectly = (name: string): boolean => {
    const made = new Set(
      base.filter((p) => p.targets.has(name)).flatMap((p) => p.positional.map((c) => c.join('\u0000')))
    )
    return head.some((p) => p.targets.size === 0 && p.positional.some((c) => made.has(c.join('\u0000'))))
  }
  // every name of each side: a name the head no longer has anywhere, whose place a name new to the head takes,
  // was renamed throughout (`metrics` → `bias_metrics`), and the value it holds is computed as it was
  const baseNames = new Set(base.flatMap((p) => [...p.names]))
  const headNames = new Set(head.flatMap((p) => [...p.names]))
  const definitions = (side: Piece[], name: string): string[] =>
    side
      .filter((p) => p.targets.has(name))
      .map((p) => p.flat)
      .sort()
  const word = (name: string): RegExp => new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g')
  /** the head defines `to` as the base defined `from`, written with the new name */
  const sameDefinition = (from: string, to: string): boolean => {
    const was = definitions(base, from).map((f) => f.replace(word(from), to))
    const now = definitions(head, to)
    return was.length > 0 && was.join('\u0000') === now.join('\u0000')
  }
  const renames = config ? new Map<string, Set<string>>() : renamedNames(base, head, baseNames, headNames)
  /** a name (or a call of it) the head writes under its new name */
  const writtenRenamed = (a: string): boolean => renamedForms(a, renames).some((r) => introducedAtoms.has(r))
  const used = new Set<Piece>()
  const out: Narrowing[] = []
  for (const old of removed) {
    if (config) {
      if (gainedElsewhere.has(old.flat)) continue
      // a key whose value changed: the head's entry at the same key is the line to read
      const key = old.flat.slice(0, old.flat.indexOf('='))
      const now = introduced.find((p) => !used.has(p) && p.flat.slice(0, p.flat.indexOf('=')) === key)
      if (now) used.add(now)
      // a changed value matters when the entry itself speaks of fairness or a group (a tuning knob of a
      // fairness method's search space does not); a removed entry of a fairness block always does
      if (now && !old.ownWords) continue
      // where the data comes from is not what it covers: a benchmark read from another path is the same audit
      if (now && LOCATION_KEY.test(key.trim())) continue
      // so is an address given as a value: `environment: azureml://registries/.../responsibleai-0.20/versions/4`
      if (now && locationValue(old.flat.slice(key.length + 1)) && locationValue(now.flat.slice(key.length + 1)))
        continue
      // a number for a number is a bound or a result moved: its direction is read where bounds are compared
      if (now && isNumber(old.flat.slice(key.length + 1)) && isNumber(now.flat.slice(key.length + 1))) continue
      out.push({
        baseLine: old.line,
        headLine: now?.line ?? null,
        what: now ? `${old.flat} → ${now.flat.slice(key.length + 1)}` : `removed: ${old.flat}`
      })
      continue
    }
    let best: Piece | null = null
    let bestScore = 0
    let bestRank = 0
    let bestMoves = new Map<string, string>()
    for (const p of introduced) {
      if (used.has(p)) continue
      // a statement that now assigns what it used, or calls nothing it called, is another statement
      if ([...old.names].some((n) => p.targets.has(n) && !old.targets.has(n))) continue
      const moves = movedClasses(old, p)
      if (
        old.callees.size > 0 &&
        p.callees.size > 0 &&
        ![...old.callees].some((c) => p.callees.has(c)) &&
        moves.size === 0
      )
        continue
      const s = similarity(
        old,
        p,
        moves.size > 0 ? new Map([...renames, ...[...moves].map(([a, b]) => [a, new Set([b])] as const)]) : renames
      )
      // a fairness evaluation is rewritten as one: a candidate that calls one by its name (`bias_report`) goes first
      const rank = s + (fairer(p) ? 0.1 : 0)
      if (rank > bestRank) {
        best = p
        bestScore = s
        bestRank = rank
        bestMoves = moves
      }
    }
    if (best && bestScore >= 0.5) {
      used.add(best)
      const now = counts(best.atoms)
      // moved into a function of the notebook's own: the literals a call of it hands it (`audit(df, {'race':
      // 'white'})`) are what it covers; a name handed is not (the body may no longer read that parameter)
      const host = headDefs.find((d) => inBody(d, best.line))
      const literals = (p: Piece): string[] => p.atoms.filter((a) => a.startsWith('str:'))
      const handed = new Set(
        host
          ? head
              .filter((p) => p.callees.has(host.name))
              .flatMap((call) => [
                ...literals(call),
                // and those of a mapping it hands by name (`audit(df, ref_groups_dict)`)
                ...head
                  .filter((d) => [...d.targets].some((t) => call.names.has(t) && !call.targets.has(t)))
                  .flatMap(literals)
              ])
          : []
      )
      // a name a call hands it as the parameter the piece reads (`aequitas_audit(df, ref_group)` → `ref_groups_dict`)
      const passedIn = (a: string): boolean =>
        host !== undefined &&
        a.startsWith('name:') &&
        head.some((p) =>
          p.positional.some(
            (pos) =>
              pos[0] === host.name &&
              pos.slice(1).some((arg, j) => arg === a.slice(5) && best.names.has(host.params[j] ?? '\u0000'))
          )
        )
      // written once in a loop over every group, a piece no longer names the groups (or their frames) one by one
      // or reads what such a loop filled for each group (`pd.concat([df_highest, df_lower])` → `pd.concat(pp_dfs)`)
      const perGroup = (a: string): boolean =>
        (inEveryGroup(best) || [...best.names].some((n) => everyGroup.filled.has(n))) &&
        (a.startsWith('str:') || a.startsWith('name:'))
      const lost = [...new Set(old.atoms)].filter(
        (a) =>
          (counts(old.atoms).get(a) ?? 0) > (now.get(a) ?? 0) &&
          !perGroup(a) &&
          !gainedElsewhere.has(a) &&
          !handed.has(a) &&
          !passedIn(a)
      )
      // a fairness object renamed (mf → metric_frame) still covers what it did
      const renamed = [...best.carried].some((c) => !old.carried.has(c))
      // a keyword's number changed is a bound moved, compared with its direction where bounds are
      const renumbered = (a: string): boolean => {
        const m = /^kw:([\w]+)=-?[\d.e-]+$/.exec(a)
        return m !== null && best.atoms.some((b) => b !== a && new RegExp(`^kw:${m[1]}=-?[\\d.e-]+$`).test(b))
      }
      // `sensitive_features` → `sensitive_features_test`: the same attributes, read on another split
      const resplit = (a: string): boolean =>
        a.startsWith('name:') && best.atoms.some((b) => b.startsWith('name:') && onSplit(a.slice(5), b.slice(5)))
      // a name the head no longer has, or has for another value; written under a name that is new, or that the
      // base used for another value it renamed in turn
      const renamedAway = (a: string): boolean =>
        a.startsWith('name:') &&
        (!headNames.has(a.slice(5)) || renames.has(a.slice(5))) &&
        // the new name need not say what it holds (`bl_val_scores` → `bl_val_probs`): any name the piece reads
        [...best.names].some(
          (b) =>
            (!baseNames.has(b) || renames.has(b)) &&
            !old.names.has(b) &&
            (sameDefinition(a.slice(5), b) || (renames.get(a.slice(5))?.has(b) ?? false))
        )
      // a class of one library replaced by its successor's of the same kind (`FairlearnDashboard` →
      // `FairnessDashboard`), handed the same values: an API that moved
      const movedTo = bestMoves
      const moved = (a: string): boolean => {
        const m = /^(?:call|name):(\w+)$/.exec(a)
        return m !== null && movedTo.has(m[1])
      }
      // `mf.by_group[metrics_to_display]` → `mf.by_group`: the selection taken off shows every metric, not fewer
      const unselected = (a: string): boolean => {
        if (!a.startsWith('name:')) return false
        const at = old.flat.indexOf(`[${a.slice(5)}]`)
        if (at === -1) return false
        const before = old.flat.slice(Math.max(0, at - 24), at)
        const after = old.flat.slice(at + a.length - 3, at + a.length - 3 + 12)
        return best.flat.includes(before + after)
      }
      // `X_test[['gender', 'col1']]` → `[['gender', 'col3']]`: a plain column exchanged for another, the
      // attributes and metrics kept, covers as much as it did
      const plain = (a: string): boolean => {
        if (!a.startsWith('str:')) return false
        const v = a.slice(4)
        return (
          protectedOf(v) === null &&
          !GROUP_VALUE.test(v) &&
          !words(v).some((w) => METRIC_WORD.test(w) || fairnessWords([w]) || protectedOf(w) !== null)
        )
      }
      // the library's new name for the call, handed the same values (`classification_fairness_report(PA, y, p)` →
      // `bias_report(PA, y, p, pred_type=...)`): an API that moved
      const callRenamed = (a: string): boolean => {
        const m = /^(?:call|attr):(\w+)$/.exec(a)
        const was = m ? callShape(old.flat, m[1]) : null
        if (was === null) return false
        return best.atoms.some((b) => {
          const n = /^call:(\w+)$/.exec(b)
          return n !== null && !old.atoms.includes(b) && callShape(best.flat, n[1]) === was
        })
      }
      // `score(test, text_column='comment')` → `score_auc(test_df['comment'])`: the column a keyword named, now selected
      const keywordSelected = (a: string): boolean => {
        const m = /^kw:\w+=(.+)$/.exec(a)
        return m !== null && best.atoms.includes(`str:${m[1].toLowerCase()}`)
      }
      // `A_train.Sex` → `A_train.sex`: a dataset whose columns are written in another case holds the same attribute
      const recased = (a: string): boolean => best.atoms.some((b) => b !== a && b.toLowerCase() === a.toLowerCase())
      const plainLost = lost.filter(plain)
      const plainGained = new Set(best.atoms.filter((b) => plain(b) && !old.atoms.includes(b)))
      const exchanged = (a: string): boolean => plainGained.size >= plainLost.length && plainLost.includes(a)
      const lostCoverage = lost.filter(
        (a) =>
          coverage(a) &&
          !exchanged(a) &&
          !callRenamed(a) &&
          !recased(a) &&
          !keywordSelected(a) &&
          !unselected(a) &&
          !moved(a) &&
          !renumbered(a) &&
          !resplit(a) &&
          !renamedAway(a) &&
          !(renamed && a.startsWith('name:') && old.carried.has(a.slice(5)))
      )
      // a keyword the moved class takes as the old one did is not new
      const oldKw = new Set(
        [...old.keywords].map((k) => {
          const c = k.slice(0, k.indexOf('('))
          return movedTo.has(c) ? `${movedTo.get(c)}${k.slice(c.length)}` : k
        })
      )
      const addedKw = [...best.keywords].filter((k) => !oldKw.has(k))
      const swapped = best.positional.filter((pos) =>
        old.positional.some(
          (o) =>
            o[0] === pos[0] &&
            o.length === pos.length &&
            o.join() !== pos.join() &&
            [...o].sort().join() === [...pos].sort().join()
        )
      )
      // `y_true=y_test` → `y_test[:n]`, `A_test.race.head(200)`: the evaluation now reads the first rows only
      const cut = (flat: string, n: string): boolean =>
        new RegExp(`(?<![\\w.])${n}(\\.\\w+)*(\\[\\s*:|\\.(head|sample)\\(|\\.iloc\\[\\s*:)`).test(flat)
      const subsampled = [...old.names].filter((n) => /^\w+$/.test(n) && !cut(old.flat, n) && cut(best.flat, n))
      const parts: string[] = []
      if (subsampled.length > 0) parts.push(`now reads a subsample of ${subsampled.slice(0, 3).join(', ')}`)
      if (lostCoverage.length > 0) parts.push(`no longer covers ${lostCoverage.slice(0, 4).map(shown).join(', ')}`)
      if (addedKw.length > 0) parts.push(`now restricted by ${addedKw.join(', ')}`)
      if (swapped.length > 0) parts.push(`arguments of ${swapped[0][0]} swapped`)
      if (parts.length > 0)
        out.push({ baseLine: old.line, headLine: removedLineIn(old, best, lineIn), what: parts.join('; ') })
      continue
    }
    // a value shown or saved that the head still reads elsewhere (saves, reports, plots) was one display of it:
    // no evaluation went; the only report of a value leaves it computed for no one
    if (old.shows && old.shows().every((n) => headReads.has(n) || shownDirectly(n))) continue
    // a result nothing after it read (`logits = dbvae.predict(test_faces)` left unused) evaluated nothing, unless
    // making it showed or saved something (`_ = [roc_plot(...) for p in protected]`)
    const readLater = (n: string): boolean => base.some((p) => p.line > old.endLine && p.names.has(n))
    const shows = old.targets.has('_') || [...old.callees].some((c) => SIDE_EFFECT.test(c))
    if (old.targets.size > 0 && !config && !shows && old.rebalanced.size === 0 && ![...old.targets].some(readLater))
      continue
    // done for every group in a loop the head writes, by the same calls (`.head(k)` per group → in the loop)
    if (old.callees.size > 0 && head.some((p) => inEveryGroup(p) && [...old.callees].every((c) => p.callees.has(c))))
      continue
    // gone: unless what it covered is written again somewhere in the change
    const what = old.atoms.filter(coverage)
    // a call renamed (an API that changed) covers what it did when all else it covered is written again
    const named = what.filter(
      (a) => !a.startsWith('call:') && !(a.startsWith('attr:') && what.includes(`call:${a.slice(5)}`))
    )
    // a deleted file's statement that another changed file holds, up to a count or size, was a copy
    const counted = (a: string): boolean => /^kw:\w+=-?[\d.e-]+$/.test(a)
    if (
      copies.some(
        (q) => [...old.callees].every((c) => q.callees.has(c)) && what.every((a) => counted(a) || q.atoms.includes(a))
      )
    )
      continue
    // a piece that named nothing it covered (a header print) takes nothing away
    if (
      what.length === 0 ||
      gainedElsewhere.has(old.flat) ||
      (named.length > 0 ? named : what).every(
        (a) => introducedAtoms.has(a) || gainedElsewhere.has(a) || writtenRenamed(a)
      )
    )
      continue
    out.push({ baseLine: old.line, headLine: null, what: `removed: ${clipText(old.flat)}` })
  }
  return out
}

/**
 * Names the change renamed throughout: gone from the head, each with the new head names defined as the base defined
 * it once every rename is applied — `network_fair` → `network_fair_LR`, then `fairalgo = SenSeI(network_fair, …)` →
 * `fairalgo_LR = SenSeI(network_fair_LR, …)`. A name may have several (a model trained twice under two names).
 */
function renamedNames(
  base: Piece[],
  head: Piece[],
  baseNames: Set<string>,
  headNames: Set<string>
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const definitions = (side: Piece[], name: string): string[][] =>
    side.filter((p) => p.targets.has(name)).map((p) => p.flat.match(/[A-Za-z_]\w*|\S/g) ?? [])
  // a name both sides define differently may have been handed on (mf2 → mf, while mf → mf_err): it is renamed
  // away as well as renamed to
  const key = (defs: string[][]): string => defs.map((d) => d.join(' ')).join('\u0000')
  const redefined = [...baseNames].filter(
    (n) => headNames.has(n) && key(definitions(base, n)) !== key(definitions(head, n))
  )
  const gone = [...baseNames]
    .filter((n) => !headNames.has(n))
    .concat(redefined)
    .map((n) => ({ n, defs: definitions(base, n) }))
  const fresh = [...headNames]
    .filter((n) => !baseNames.has(n))
    .concat(redefined)
    .map((n) => ({ n, defs: definitions(head, n) }))
  const from = gone.filter((g) => g.defs.length > 0)
  const to = fresh.filter((f) => f.defs.length > 0)
  // a notebook rewritten whole is not a rename; the pairs are bounded
  if (from.length === 0 || to.length === 0 || from.length * to.length > 2500) return out
  const same = (b: string, h: string, g: string, n: string): boolean =>
    b === h || (b === g && h === n) || (out.get(b)?.has(h) ?? false)
  // a rename found lets the definitions that use it match: go again until none is new
  for (let found = true; found;) {
    found = false
    for (const g of from)
      for (const f of to) {
        if (g.n === f.n || out.get(g.n)?.has(f.n) || g.defs.length !== f.defs.length) continue
        const match = g.defs.every(
          (b, i) => b.length === f.defs[i].length && b.every((t, k) => same(t, f.defs[i][k], g.n, f.n))
        )
        if (!match) continue
        out.set(g.n, new Set([...(out.get(g.n) ?? []), f.n]))
        found = true
      }
  }
  return out
}

/** A value that is an address: a URI (`azureml://…`, `s3://…`, `https://…`) or a path. */
const locationValue = (json: string): boolean => /^["']?([a-z][\w+.-]*:\/\/|\.{0,2}\/)\S*["']?$/i.test(json.trim())
const isNumber = (json: string): boolean => json.trim() !== '' && Number.isFinite(Number(json))

/** Where a rewritten statement lost its first line (an entry cut from a dict): that line mapped into the head. */
function removedLineIn(old: Piece, now: Piece, lineIn: (line: number) => number | null): number {
  const kept = new Set(now.text.split('\n').map((t) => t.trim()))
  const lost = old.text.split('\n').findIndex((t) => t.trim() !== '' && !kept.has(t.trim()))
  const line = lost > 0 ? lineIn(old.line + lost) : null
  return line !== null && line >= now.line && line <= now.endLine ? line : now.line
}

/** A statement rewritten to use the data a rebalancing was made from instead of the rebalanced data. */
function bypassed(base: Piece[], head: Piece[], lineIn: (line: number) => number | null): Narrowing[] {
  const out: Narrowing[] = []
  const removed = missing(base, head, lineIn)
  if (!removed.some((p) => p.rebalanced.size > 0)) return out
  const introduced = missing(head, base)
  for (const old of removed) {
    for (const [data, from] of old.rebalanced) {
      const now = introduced.find(
        (p) =>
          !p.names.has(data) &&
          [...from].some((f) => p.names.has(f) && !old.names.has(f)) &&
          [...old.callees].some((c) => p.callees.has(c)) &&
          similarity(old, p) >= 0.5 &&
          // and no other removed statement is the closer original of it
          !removed.some((o) => o !== old && similarity(o, p) > similarity(old, p))
      )
      if (now)
        out.push({
          baseLine: old.line,
          headLine: now.line,
          what: `uses ${[...from].filter((f) => now.names.has(f)).join(', ')} instead of the rebalanced ${data}`
        })
    }
  }
  return out
}

function clipText(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87)}…` : text
}

/** A statement the change added that shrinks a fairness value in place (a slice, a filter, a removal). */
function narrowedInPlace(base: Piece[], head: Piece[], view: FileView): Narrowing[] {
  if (view.kind === 'config' || !view.after) return []
  const out: Narrowing[] = []
  const baseFlats = new Set(base.map((p) => p.flat))
  const stmts = analyze(view.after).statements
  const carriers = carrierNames(stmts)
  head.forEach((p, i) => {
    const stmt = stmts[i]
    if (!stmt) return
    if (baseFlats.has(p.flat) || !p.fairness) return
    const targets = stmt.targets.map((t) => t.text.replace(/\s+/g, ''))
    const valueText = stmt.value?.text.replace(/\s+/g, '') ?? ''
    // x = x[:1]; x = [a for a in x if ...]; x = x.drop(...); x.remove(...); del x[...]
    // the value slices the target itself (x[:1]), filters it in a comprehension, or drops from it
    let slicesItself = false
    if (stmt.value)
      walk(stmt.value, (x) => {
        if (x.k === 'sub' && x.slice && targets.includes(x.obj.text.replace(/\s+/g, ''))) slicesItself = true
      })
    // the target itself must be read by the value (`g = df.query(...)` makes a new `g`, it narrows nothing)
    const reads = (t: string): boolean => {
      let found = false
      if (stmt.value && valueText.includes(t))
        walk(stmt.value, (x) => {
          if (!found && (x.k === 'name' || x.k === 'attr' || x.k === 'sub')) found = x.text.replace(/\s+/g, '') === t
        })
      return found
    }
    // `X_train_df = X_train_df.drop(columns=protected_vars)`: the protected columns taken out of data that does not
    // carry the evaluation (the features) is an exclusion, the opposite of a narrowing
    const excludes =
      !slicesItself &&
      /\.drop\(/.test(valueText) &&
      !targets.some((t) => carriers.has(t) || fairnessWords(words(t))) &&
      dropsProtected(stmt, carriers)
    const selfShrink =
      stmt.kind === 'assign' &&
      !excludes &&
      targets.some(reads) &&
      (slicesItself || /\bif\b/.test(stmt.value?.text ?? '') || /\.(drop|filter|query|head)\(/.test(valueText))
    const mutation =
      stmt.kind === 'expr' &&
      /\.(remove|pop|discard|clear)\(/.test(stmt.text) &&
      [...p.names].some((n) => carriers.has(n) || fairnessWords(words(n)))
    const deletion = stmt.kind === 'other' && /^\s*del\b/.test(stmt.text)
    if (selfShrink || mutation || deletion)
      out.push({ baseLine: -1, headLine: p.line, what: `narrowed in place: ${clipText(p.flat)}` })
  })
  return out
}

/** Whether every `.drop(...)` of a statement drops protected columns only: by name, or a list of them. */
function dropsProtected(stmt: PyStatement, carriers: Set<string>): boolean {
  const drops = callsIn(stmt).filter((c) => calleeName(c) === 'drop')
  return (
    drops.length > 0 &&
    drops.every((c) => {
      const cols = kwarg(c, 'columns') ?? kwarg(c, 'labels') ?? positional(c, 0)
      if (!cols) return false
      if (cols.k === 'name') return carriers.has(cols.id)
      const named = strings(cols)
      return named.length > 0 && named.every((n) => protectedOf(n.value) !== null)
    })
  )
}

const gainedOf = new WeakMap<FileView, Piece[]>()

/** The pieces a file's head has that its base does not (asked of every other file of the change). */
function gainedBy(view: FileView): Piece[] {
  let hit = gainedOf.get(view)
  if (!hit) gainedOf.set(view, (hit = missing(pieces(view, view.after), pieces(view, view.before))))
  return hit
}

/** Values that stand for every group but the ones named: `'Other'`, `'Non-White'`. */
const CATCH_ALL = /^(other|others|non[-_ ]?\w+|minority|minorities|rest|remaining|misc)$/i
/** A protected attribute of many groups, not a binary one: merging its groups hides those merged. */
const MANY_GROUPS = /^(race|ethnicity|ethnic|religion|nationality|national|native|country|origin|age|marital)/i

/**
 * A protected column's groups merged by a statement the change wrote, in a file that evaluates fairness:
 * `sf['race'] = sf['race'].where(sf['race'] == 'White', 'Other')`, a `replace`/`map` that sends several groups to one
 * value. Every metric by that attribute then compares fewer groups than the data holds.
 */
function groupsMerged(view: FileView): Narrowing[] {
  if (!view.before || !view.after || view.kind === 'config' || !FAIRNESS_FILE.test(view.after.text)) return []
  const baseTexts = new Set(analyze(view.before).statements.map(flatText))
  const out: Narrowing[] = []
  for (const s of analyze(view.after).statements) {
    if (s.kind !== 'assign' || !s.value || baseTexts.has(flatText(s)) || !view.isAddedLine(s.line)) continue
    const col = s.targets.find((t) => t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str')
    const name = col?.k === 'sub' && col.items[0].k === 'str' ? col.items[0].value : null
    if (!name || protectedOf(name) === null) continue
    const text = s.value.text
    // several groups sent to one catch-all value (`{'Black': 'Other', 'Asian': 'Other'}`), or one group kept and every
    // other turned into it (`where(race == 'White', 'Other')`); spellings of one group merged are a clean-up
    let merges = false
    walk(s.value, (x) => {
      if (x.k !== 'dict' || x.entries.length < 2) return
      const values = x.entries.map((e) => (e.value.k === 'str' ? e.value.value.trim() : null))
      const catchAll = values.filter((v) => v !== null && CATCH_ALL.test(v))
      if (catchAll.length >= 2) merges = true
    })
    const last = /(['"])([^'"]{1,40})\1\s*\)\s*$/.exec(text.trim())
    if (!merges && MANY_GROUPS.test(name) && /\bwhere\s*\(/.test(text) && last && CATCH_ALL.test(last[2])) merges = true
    if (!merges) continue
    out.push({
      baseLine: s.line,
      headLine: s.line,
      what: `groups of ${name} merged: ${clipText(stripComments(s.text))}`
    })
  }
  return out.slice(0, 2)
}

/**
 * `for p in protected` → `for p in protected[:1]` or `... in protected if p != "ethnicity"`: the list of audited
 * attributes read only in part.
 */
function attributesSliced(view: FileView): Narrowing[] {
  if (!view.before || !view.after || view.kind === 'config') return []
  const base = analyze(view.before).statements
  const head = analyze(view.after).statements
  const lists = new Set(
    base
      .filter(
        (s) =>
          s.kind === 'assign' &&
          s.value?.k === 'seq' &&
          s.value.items.length > 1 &&
          s.value.items.every((i) => i.k === 'str' && protectedOf(i.value) !== null)
      )
      .flatMap((s) => s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])))
  )
  if (lists.size === 0) return []
  const out: Narrowing[] = []
  for (const { head: s, olds } of rewrittenPairs(base, head, writtenBy(view)))
    for (const name of lists) {
      // `protected[:1]`, or a comprehension over it that filters (`for p in protected if p != "ethnicity"`)
      const sliced = new RegExp(`\\b${name}\\s*\\[|\\bin\\s+${name}\\s+if\\b`)
      const read = new RegExp(`\\b${name}\\b`)
      const text = stripComments(s.text)
      const at = sliced.exec(text)
      if (!at || !olds.some((o) => read.test(o.text) && !sliced.test(stripComments(o.text)))) continue
      const line = lineAt(s, text, at.index)
      if (!view.isAddedLine(line)) continue
      out.push({ baseLine: olds[0].line, headLine: line, what: `only part of ${name} read: ${clipText(text)}` })
      break
    }
  return out
}

function coverageFindings(view: FileView, all: FileView[]): Finding[] {
  if (!view.before || !view.baseKnown || projectTooling(view.path)) return []
  if (!view.after && disposable(view.path)) return []
  const base = pieces(view, view.before)
  if (!base.some((p) => p.fairness || p.rebalanced.size > 0)) return []
  const head = pieces(view, view.after)
  // what the other changed files gained: coverage moved there is not lost
  const gainedElsewhere = new Set<string>()
  const copies: Piece[] = []
  for (const other of all) {
    if (other === view || !other.after || other.kind === 'other') continue
    // a deleted file's coverage that another changed file holds on its head was a copy: the copy is what went
    const gained = view.after ? gainedBy(other) : pieces(other, other.after)
    if (!view.after) copies.push(...gained)
    for (const p of gained) {
      gainedElsewhere.add(p.flat)
      p.atoms.forEach((a) => gainedElsewhere.add(a))
    }
  }
  const lineIn = (line: number): number | null => (view.after ? view.headLineFor(line) : null)
  const found = [
    ...narrowings(
      base,
      head,
      gainedElsewhere,
      view.kind === 'config',
      lineIn,
      copies,
      view.before && view.kind !== 'config' ? rerunTexts(analyze(view.before)) : new Set(),
      view.after && view.kind !== 'config' ? ownFunctions(analyze(view.after).statements) : [],
      view.after && view.kind !== 'config' ? everyGroupLoops(analyze(view.after).statements) : undefined
    ),
    ...narrowedInPlace(base, head, view),
    ...attributesSliced(view),
    ...groupsMerged(view),
    ...(view.kind === 'config' ? [] : bypassed(base, head, lineIn))
  ]
  if (found.length === 0) return []
  if (!view.after) {
    const what = found
      .slice(0, 3)
      .map((n) => n.what)
      .join('; ')
    return [makeFinding(FAIRNESS_COVERAGE_NARROWED, view, null, `file deleted with its fairness coverage: ${what}`)]
  }
  const at = (n: Narrowing): number => n.headLine ?? view.headLineFor(n.baseLine) ?? 1
  const sorted = [...found].sort((a, b) => at(a) - at(b))
  const out: Finding[] = []
  let block: Narrowing[] = []
  const flush = (): void => {
    if (block.length === 0) return
    const base = block[0].baseLine > 0 ? ` (base line ${block[0].baseLine})` : ''
    const more = block.length > 2 ? ` and ${block.length - 2} more` : ''
    out.push(
      makeFinding(
        FAIRNESS_COVERAGE_NARROWED,
        view,
        at(block[0]),
        `${block
          .slice(0, 2)
          .map((n) => n.what)
          .join('; ')}${more}${base}`
      )
    )
    block = []
  }
  for (const n of sorted) {
    const last = block[block.length - 1]
    // removals next to each other at the base are one removed section, wherever the head puts the last of them
    const nearAtBase =
      last !== undefined && last.baseLine > 0 && n.baseLine > 0 && Math.abs(n.baseLine - last.baseLine) <= 3
    if (last && at(n) - at(last) > 3 && !nearAtBase) flush()
    block.push(n)
  }
  flush()
  return out.slice(0, 5)
}

export const fairnessCoverage: Check = (view, all) => {
  try {
    return coverageFindings(view, all)
  } catch {
    return []
  }
}

/**
 * A config head that does not parse is read as text: each fairness entry of the base whose source line the head
 * no longer has is taken away (the head is named unanalysed as well; this keeps a removal from passing as noise).
 */
export function unparsedConfigCoverage(file: ChangedFile): Finding[] {
  if (file.before === null || file.after === null || projectTooling(file.path)) return []
  const view = buildView({ ...file, after: null, status: 'removed' })
  if (view.kind !== 'config' || !view.before) return []
  const baseLines = file.before.split('\n').map((l) => l.trim())
  const headLines = file.after.split('\n').map((l) => l.trim())
  const head = new Set(headLines)
  const lost = pieces(view, view.before).filter((p) => p.fairness && !head.has(baseLines[p.line - 1] ?? ''))
  if (lost.length === 0) return []
  // where the first lost line lands in the head: after the head line that matches the line before it
  const changes = diffArrays(baseLines, headLines) ?? []
  let i = 0
  let j = 0
  const toHead = new Map<number, number>()
  for (const c of changes) {
    for (let k = 0; k < c.count; k++) {
      if (c.added) j++
      else if (c.removed) toHead.set(++i, Math.min(j + 1, headLines.length))
      else toHead.set(++i, ++j)
    }
  }
  const line = toHead.get(lost[0].line) ?? 1
  const headView = { ...view, after: { text: file.after }, path: file.path } as unknown as FileView
  return [
    makeFinding(
      FAIRNESS_COVERAGE_NARROWED,
      headView,
      line,
      `the head does not parse; gone from it: ${lost
        .slice(0, 3)
        .map((p) => p.flat)
        .join('; ')}${lost.length > 3 ? ` and ${lost.length - 3} more` : ''} (base line ${lost[0].line})`
    )
  ]
}
