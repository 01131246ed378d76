// Reproducibility: seeds removed, random splits without a seed, notebooks run out of order or committed
// with errors.
import type { Finding } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { lastSegment, parentKey } from './params.js'
import { calleeName, clip, findCalls, kwarg, lineAt, snippetAt, toNumber, type Call, type Statement } from './python.js'
import { configFrameworks, configSeedsByDefault, seedsByDefault } from './defaults.js'
import { globalSeedCall, isMethodCall, isSplitCall, seedArg, seededLibraries } from './splits.js'
import { parser as pythonParser } from '@lezer/python'
import { UNDEFINED_NAME, checkUndefinedNames } from './names.js'
import { analyze, flatText, newStatements } from '../analysis/index.js'
import { calleeName as pyCallee, callsIn, walk, type PyStatement } from '../analysis/parse.js'
import { introducedStatements, type FileView, type Side } from './view.js'

const family = 'reproducibility' as const

export const SEED_REMOVED: CheckSpec = {
  id: 'REPRO-SEED-REMOVED',
  family,
  title: 'Random seed removed',
  status: 'warn',
  bias: false,
  flags:
    'seed / random_state / data_seed removed from a config, a global seed call (np.random.seed, torch.manual_seed, set_seed …) or a random_state= argument removed from code',
  fix: 'Keep a fixed seed (and log it) so runs can be repeated and compared.'
}
export const SPLIT_NO_SEED: CheckSpec = {
  id: 'REPRO-SPLIT-NO-SEED',
  family,
  title: 'Random split without a seed',
  status: 'warn',
  bias: false,
  flags:
    'a new train_test_split / random_split / randomSplit / shuffled KFold without random_state=, seed= or generator= (and no global seed before it)',
  fix: 'Pass random_state= (sklearn), seed= (datasets) or generator= (torch) so the split is the same on every run.'
}
export const OUT_OF_ORDER: CheckSpec = {
  id: 'REPRO-OUT-OF-ORDER',
  family,
  title: 'Notebook cells executed out of order',
  status: 'warn',
  bias: false,
  flags:
    'execution counts that go down from one code cell to the next, when the change touched the counts and the base ran in order',
  fix: 'Restart the kernel and run all cells top to bottom before committing (or strip the outputs).'
}
export const ERROR_OUTPUT: CheckSpec = {
  id: 'REPRO-ERROR-OUTPUT',
  family,
  title: 'Error output committed in notebook',
  status: 'warn',
  bias: false,
  flags: 'a new error output (traceback) in a notebook cell',
  fix: 'Fix the failing cell and re-run the notebook, or clear the stale error output.'
}

export const SYNTAX_ERROR: CheckSpec = {
  id: 'REPRO-SYNTAX-ERROR',
  family,
  title: 'Code that no longer parses',
  status: 'warn',
  bias: false,
  flags:
    'a statement the change wrote in a Python cell or file that is not valid Python (the cell stops there when run)',
  fix: 'Fix the statement and re-run the notebook; a cell that cannot run leaves every result after it stale.'
}

export const REPRO_CHECKS: CheckSpec[] = [
  SEED_REMOVED,
  SPLIT_NO_SEED,
  OUT_OF_ORDER,
  ERROR_OUTPUT,
  SYNTAX_ERROR,
  UNDEFINED_NAME
]

/**
 * Whether a statement the grammar flagged is invalid Python: read again with the forms the grammar does not know
 * written another way (`0.` as `0 `), and a compound header given a body.
 */
function reallyBroken(text: string): boolean {
  // a carriage return alone ends a line for Python, not for the grammar: such a statement cannot be judged
  if (text.includes('\r')) return false
  const code = text.replace(/(\d)\.(?![\d\w.])/g, '$1 ')
  // a compound statement's header stands without its colon and body
  const header = /^(if|elif|else|for|while|with|def|class|try|except|finally|async|match|case|@)\b/.test(
    code.trimStart()
  )
  const src = header ? `${code.trimEnd().replace(/:$/, '')}:\n    pass` : code
  let error = false
  pythonParser.parse(src).iterate({
    enter: (n) => {
      if (n.type.isError) error = true
      return !error
    }
  })
  return error
}

const PYTHON2_PRINT = /^\s*print\s+[^\s(=.,)[\]]/m

/** New statements the grammar cannot read (IPython syntax and cells in other languages are blanked before). */
function checkSyntaxError(view: FileView): Finding[] {
  // a file the change adds may be written for another interpreter (Python 2 examples): only edits are judged
  if (!view.after || !view.before) return []
  const head = analyze(view.after)
  if (head.statements.some((s) => PYTHON2_PRINT.test(s.text))) return []
  const fresh = newStatements(analyze(view.before), head)
  // the grammar splits a bad line into pieces (`credit_mal e= …` → `credit_mal`, an error, `e= …`): judge the line
  const byLine = new Map<number, PyStatement[]>()
  for (const s of head.statements) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s])
  const lineText = (s: PyStatement): string => {
    const pieces = byLine.get(s.line) ?? [s]
    return pieces.some((x) => x.text.trim() === '') ? pieces.map((x) => x.text).join(' ') : s.text
  }
  const broken = head.statements.find((s) => s.broken && fresh.has(s) && reallyBroken(lineText(s)))
  return broken ? [makeFinding(SYNTAX_ERROR, view, broken.line, clip(lineText(broken).split('\n')[0], 120))] : []
}

const SEED_KEY =
  /^(seed|random_seed|random_state|data_seed|manual_seed|global_seed|rng_seed|shuffle_seed|sampler_seed|split_seed)$/

function hasValue(value: unknown): boolean {
  return (
    value !== null &&
    value !== undefined &&
    value !== '' &&
    !(typeof value === 'string' && /^(none|null)$/i.test(value))
  )
}

function checkSeedRemovedConfig(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const isSeed = (key: string): boolean => SEED_KEY.test(lastSegment(key))
  const afterSeeds = view.after.entries.filter((e) => isSeed(e.key))
  const frameworks = configFrameworks(view.after.entries)
  const out: Finding[] = []
  const baseKeys = new Set(view.before.entries.map((e) => e.key))
  const headKeys = view.after.entries.map((e) => e.key)
  for (const b of view.before.entries.filter((e) => isSeed(e.key) && hasValue(e.value))) {
    const same = afterSeeds.find((e) => e.key === b.key)
    if (same && hasValue(same.value)) continue
    // the trainer seeds every run by itself when the key is left out (transformers: 42)
    if (!same && configSeedsByDefault(frameworks, b.key)) continue
    // the seed of a block the head no longer has (`train_dataset.lm` replaced by `train_dataset.streaming_c4`)
    // went with what it seeded
    const parent = parentKey(b.key)
    if (!same && parent !== '' && !headKeys.some((k) => k.startsWith(`${parent}.`) || k.startsWith(`${parent}[`)))
      continue
    // moved to another key with the same value (a key the base did not have: the seed of another model in the
    // same grid seeds only that model)
    if (
      afterSeeds.some(
        (e) =>
          hasValue(e.value) &&
          !baseKeys.has(e.key) &&
          toNumber(e.value) === toNumber(b.value) &&
          lastSegment(e.key) === lastSegment(b.key)
      )
    )
      continue
    const line = same ? same.line : view.headLineFor(b.line)
    out.push(
      makeFinding(
        SEED_REMOVED,
        view,
        line,
        `${b.key}: ${JSON.stringify(b.value)} → ${same ? JSON.stringify(same.value) : 'removed'}`
      )
    )
  }
  return out
}

function checkSeedRemovedCode(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const out: Finding[] = []
  interface Seed {
    stmt: Statement
    /** the callee with its import alias resolved: `rnd.seed` → `numpy.random.seed` */
    resolved: string | null
    args: string
  }
  const globalSeeds = (side: Side): Map<string, Seed> => {
    const imports = analyze(side).flow.imports
    const m = new Map<string, Seed>()
    for (const s of side.statements) {
      for (const c of findCalls(s)) {
        const g = globalSeedCall(c)
        if (!g || m.has(g)) continue
        const [head, ...rest] = g.split('.')
        const module = imports.get(head)
        m.set(g, {
          stmt: s,
          resolved: module ? [module, ...rest].join('.') : null,
          args: c.args.map((a) => a.value).join(',')
        })
      }
    }
    return m
  }
  const before = globalSeeds(view.before)
  const after = globalSeeds(view.after)
  const kept = [...after.values()]
  for (const [name, { stmt, resolved, args }] of before) {
    if (after.has(name)) continue
    // the same generator seeded under another name (`rnd.seed(42)` → `np.random.seed(42)`) is not a removal
    if (resolved !== null && kept.some((k) => k.resolved === resolved)) continue
    if (kept.some((k) => k.args === args && (resolved === null || k.resolved === null))) continue
    out.push(makeFinding(SEED_REMOVED, view, view.headLineFor(stmt.line), `${clip(stmt.flat, 100)} removed`))
  }
  out.push(...reseedsRemoved(view, out.length > 0))
  // random_state= dropped from a call that is still made
  const seeded = (statements: Statement[]): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const s of statements) {
      for (const c of findCalls(s)) if (seedArg(c)) counts.set(calleeName(c), (counts.get(calleeName(c)) ?? 0) + 1)
    }
    return counts
  }
  const seededBefore = seeded(view.before.statements)
  const seededAfter = seeded(view.after.statements)
  const fresh = introducedStatements(view)
  for (const [name, n] of seededBefore) {
    if ((seededAfter.get(name) ?? 0) >= n || seedsByDefault(name)) continue
    for (const stmt of fresh) {
      const call = findCalls(stmt).find((c) => calleeName(c) === name && !seedArg(c))
      if (!call) continue
      out.push(
        makeFinding(
          SEED_REMOVED,
          view,
          lineAt(stmt, call.start),
          `${snippetAt(stmt, call.start)} (was seeded at the base)`
        )
      )
      break
    }
  }
  return out
}

/** Calls that draw from a global generator: a split by mask or index, a shuffle, a sample. */
const DRAWS =
  /^(rand|randn|randint|random|choice|permutation|shuffle|sample|normal|uniform|train_test_split|random_split|split|randomSplit)$/
const SEEDING = /^(seed|manual_seed|manual_seed_all|set_seed|seed_everything|set_random_seed)$/

/**
 * `np.random.seed(SEED)` taken away right before a draw (`split = np.random.rand(len(df)) < 0.7`) while the same
 * call stays elsewhere: the draw is no longer repeatable though the name is still seeded somewhere.
 */
function reseedsRemoved(view: FileView, already: boolean): Finding[] {
  if (already || !view.before || !view.after) return []
  const base = analyze(view.before)
  const head = analyze(view.after)
  const count = (ss: PyStatement[]): Map<string, number> => {
    const m = new Map<string, number>()
    for (const s of ss) m.set(flatText(s), (m.get(flatText(s)) ?? 0) + 1)
    return m
  }
  const seeds = (ss: PyStatement[]): PyStatement[] =>
    ss.filter(
      (s) => s.kind === 'expr' && s.value?.k === 'call' && SEEDING.test(pyCallee(s.value)) && s.value.args.length > 0
    )
  const headCounts = count(seeds(head.statements))
  const baseCounts = count(seeds(base.statements))
  const headAt = new Map(head.statements.map((s) => [s.line, s]))
  for (const s of seeds(base.statements)) {
    const text = flatText(s)
    if ((headCounts.get(text) ?? 0) === 0 || (headCounts.get(text) ?? 0) >= (baseCounts.get(text) ?? 0)) continue
    const at = view.headLineFor(s.line)
    const there = at === null ? undefined : headAt.get(at)
    if (there && flatText(there) === text) continue
    // the draw it made repeatable: the next random call in the same cell, before any other seed
    const rest = base.statements.slice(s.index + 1).filter((x) => x.cell === s.cell)
    const stop = rest.findIndex((x) => seeds([x]).length > 0)
    const draw = (stop === -1 ? rest : rest.slice(0, stop)).find((x) => callsIn(x).some((c) => DRAWS.test(pyCallee(c))))
    if (!draw) continue
    return [
      makeFinding(
        SEED_REMOVED,
        view,
        at,
        `${clip(s.text, 80)} removed before ${clip(draw.text, 80)} (the draw is no longer repeatable)`
      )
    ]
  }
  return []
}

const SHUFFLED_CV = new Set(['KFold', 'StratifiedKFold', 'RepeatedKFold', 'RepeatedStratifiedKFold'])
const SHUFFLE_SPLITTERS = new Set(['ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit'])

/** Whether a call draws a random split with nothing pinning it; `seeded` holds the generators seeded earlier. */
function unseededSplit(stmt: Statement, call: Call, seeded: Set<string>): boolean {
  const name = calleeName(call)
  const numpy = seeded.has('numpy')
  if (seedArg(call)) return false
  if (kwarg(call, 'shuffle')?.value === 'False') return false
  // sklearn's random_state=None and aif360's split draw from numpy's global generator
  if (SHUFFLED_CV.has(name)) return kwarg(call, 'shuffle')?.value === 'True' && !numpy
  if (SHUFFLE_SPLITTERS.has(name)) return !numpy
  if (!isSplitCall(call)) return false
  // datasets' Dataset.train_test_split draws from a fresh generator: only seed= pins it
  if (name === 'train_test_split') return isMethodCall(stmt, call) || !numpy
  if (name === 'random_split') return !seeded.has('torch')
  if (name === 'split') return kwarg(call, 'shuffle')?.value === 'True' && !numpy
  return true
}

function checkSplitNoSeed(view: FileView): Finding[] {
  if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.after) return []
  const fresh = new Set(introducedStatements(view))
  const out: Finding[] = []
  const seeded = new Set<string>()
  for (const stmt of view.after.statements) {
    const calls = findCalls(stmt)
    if (fresh.has(stmt)) {
      for (const call of calls) {
        if (unseededSplit(stmt, call, seeded)) {
          out.push(makeFinding(SPLIT_NO_SEED, view, lineAt(stmt, call.start), snippetAt(stmt, call.start)))
          break
        }
      }
    }
    for (const call of calls) {
      const g = globalSeedCall(call)
      if (g) seededLibraries(g).forEach((lib) => seeded.add(lib))
    }
  }
  return out
}

type CodeCell = NonNullable<Side['notebook']>['cells'][number]

/** Whether a code cell ran before the nearest cell above it that ran at all. */
function dropsAt(code: CodeCell[], i: number): boolean {
  const n = code[i].executionCount
  if (n === null) return false
  const previous = code
    .slice(0, i)
    .reverse()
    .find((c) => c.executionCount !== null)
  return previous?.executionCount != null && n < previous.executionCount
}

/**
 * Whether the cell out of place at `i` leaves what its outputs and the outputs below show when the notebook runs top
 * to bottom: each name it reads is last bound above it by a cell that ran before it, and no cell below reads what
 * it bound (unless a nearer cell binds it again) while having run at a time that did not see it: before it, for a
 * cell re-run late; in the earlier session (after `oldSession`), for a cell run early in a fresh kernel.
 */
function selfContained(side: Side, code: CodeCell[], i: number, late: boolean, oldSession = Infinity): boolean {
  const n = code[i].executionCount ?? 0
  const countOf = new Map(code.map((c) => [c.index, c.executionCount]))
  const position = new Map(code.map((c, k) => [c.index, k]))
  const statements = analyze(side).statements
  const bound = new Set<string>()
  const own = new Set<string>()
  const imported = new Set<string>()
  // for each position, the cell that last bound each name above it
  const binders = new Map<string, number>()
  const nearest: Array<Map<string, number>> = code.map(() => new Map<string, number>())
  let k = 0
  for (const s of statements) {
    const at = position.get(s.cell ?? -1)
    if (at === undefined) continue
    while (k < at) nearest[++k] = new Map(binders)
    const names = [...s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])), ...s.imports.map((m) => m.alias)]
    names.forEach((id) => bound.add(id))
    if (at === i) names.forEach((id) => own.add(id))
    // an import binds the same module however often it runs: re-running it changes nothing below
    if (at === i) s.imports.forEach((m) => imported.add(m.alias))
    names.forEach((id) => binders.set(id, s.cell ?? -1))
  }
  while (k < code.length - 1) nearest[++k] = new Map(binders)
  const stale = (count: number | null): boolean => (late ? (count ?? Infinity) < n : (count ?? 0) > oldSession)
  // names a cell below binds before it reads them are its own
  const local = new Map<number, Set<string>>()
  for (const s of statements) {
    const at = position.get(s.cell ?? -1)
    if (at === undefined || at <= i) continue
    const mine = local.get(at) ?? new Set<string>()
    local.set(at, mine)
    let reads = false
    const assigned = new Set(s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])))
    if (stale(countOf.get(s.cell ?? -1) ?? null))
      for (const e of s.exprs)
        walkNames(
          e,
          (id) =>
            (reads ||=
              own.has(id) &&
              !imported.has(id) &&
              !mine.has(id) &&
              !assigned.has(id) &&
              nearest[at].get(id) === code[i].index)
        )
    if (reads) return false
    for (const t of s.targets) if (t.k === 'name') mine.add(t.id)
    s.imports.forEach((m) => mine.add(m.alias))
  }
  for (const s of statements) {
    if (position.get(s.cell ?? -1) !== i) continue
    const called = new Set(callsIn(s).map((c) => pyCallee(c)))
    for (const e of s.exprs) {
      let ok = true
      walkNames(e, (id) => {
        if (own.has(id) || !ok) return
        const binder = nearest[i].get(id)
        if (binder === undefined) ok = bound.has(id) ? false : called.has(id)
        else ok = (countOf.get(binder) ?? Infinity) < n
      })
      if (!ok) return false
    }
  }
  return true
}

function walkNames(e: PyStatement['exprs'][number], visit: (id: string) => void): void {
  walk(e, (x) => x.k === 'name' && visit(x.id))
}

function checkOutOfOrder(view: FileView): Finding[] {
  const head = view.after?.notebook
  if (view.kind !== 'notebook' || !head || !view.baseKnown) return []
  const counts = (cells: typeof head.cells): Array<number | null> =>
    cells.filter((c) => c.type === 'code').map((c) => c.executionCount)
  const firstDrop = (cells: typeof head.cells): number => {
    let last = -Infinity
    const code = cells.filter((c) => c.type === 'code')
    for (let i = 0; i < code.length; i++) {
      const n = code[i].executionCount
      if (n === null) continue
      if (n < last) return i
      last = n
    }
    return -1
  }
  const base = view.before?.notebook
  if (base && JSON.stringify(counts(base.cells)) === JSON.stringify(counts(head.cells))) return []
  if (base && firstDrop(base.cells) !== -1) return []
  const code = head.cells.filter((c) => c.type === 'code')
  const ran = (i: number, step: number): number => {
    let k = i + step
    while (k >= 0 && k < code.length && code[k].executionCount === null) k += step
    return k >= 0 && k < code.length ? k : -1
  }
  // the cell out of place: the one above, re-run late (its own neighbours are in order), or this one, run early
  const harmless = (i: number): boolean => {
    const prev = ran(i, -1)
    const before = prev === -1 ? -1 : ran(prev, -1)
    if (before === -1 || (code[before].executionCount ?? 0) < (code[i].executionCount ?? 0))
      return selfContained(view.after!, code, prev, true)
    return selfContained(view.after!, code, i, false, code[prev].executionCount ?? Infinity)
  }
  const at = code.findIndex((c, i) => i >= Math.max(0, firstDrop(head.cells)) && dropsAt(code, i) && !harmless(i))
  if (firstDrop(head.cells) === -1 || at === -1) return []
  const cell = code[at]
  const previous = code
    .slice(0, at)
    .reverse()
    .find((c) => c.executionCount !== null)
  const line = cell.sourceLines[0] ?? cell.outputs[0]?.line ?? null
  return [
    makeFinding(
      OUT_OF_ORDER,
      view,
      line,
      `cell ${cell.index + 1} ran as In [${cell.executionCount}] after cell ${(previous?.index ?? 0) + 1} ran as In [${previous?.executionCount}]`
    )
  ]
}

function checkErrorOutputs(view: FileView): Finding[] {
  const head = view.after?.notebook
  if (view.kind !== 'notebook' || !head || !view.baseKnown) return []
  const old = new Set<string>()
  for (const cell of view.before?.notebook?.cells ?? [])
    for (const o of cell.outputs) if (o.outputType === 'error') old.add(o.text)
  const out: Finding[] = []
  for (const cell of head.cells) {
    for (const o of cell.outputs) {
      if (o.outputType !== 'error' || old.has(o.text)) continue
      old.add(o.text)
      out.push(makeFinding(ERROR_OUTPUT, view, o.line, `cell ${cell.index + 1}: ${o.summary}`))
    }
  }
  return out.slice(0, 5)
}

export const reproducibility: Check = (view) => {
  const out: Finding[] = []
  const checks =
    view.kind === 'config'
      ? [checkSeedRemovedConfig]
      : view.kind === 'notebook' || view.kind === 'python'
        ? [
            checkSeedRemovedCode,
            checkSplitNoSeed,
            checkOutOfOrder,
            checkErrorOutputs,
            checkSyntaxError,
            checkUndefinedNames
          ]
        : []
  for (const check of checks) {
    try {
      out.push(...check(view))
    } catch {
      // one check failing on odd input leaves the others standing
    }
  }
  return out
}
