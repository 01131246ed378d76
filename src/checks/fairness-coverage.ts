// Fairness coverage, read the way a reviewer reads it whatever library or shape: every statement, config entry
// or cell that computes, reports, plots, constrains or mitigates fairness (fairness vocabulary in its names,
// strings, keys or comments, or a metric broken down by a protected attribute) is a piece of coverage. A change
// that removes such a piece, or rewrites it to cover less (an attribute, group, metric, slice or task gone, a
// constraint or mitigation changed, arguments swapped, a restriction added), blocks unless the same coverage
// reappears in the changed files. A statement moved or refactored with its coverage is not a finding.
import { analyze, flatText } from '../analysis/index.js'
import { walk, type Expr, type PyStatement } from '../analysis/parse.js'
import { diffArrays } from 'diff'
import type { ChangedFile, ConfigEntry, Finding } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { buildView, type FileView, type Side } from './view.js'
import { fairnessWords, LIBRARY_WORD, METRIC_WORD, protectedOf, words } from './vocabulary.js'

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

/** Calls and keywords whose strings are shown to a reader, not evaluated. */
const SHOWN_CALL =
  /^(print|display|title|set_title|suptitle|xlabel|ylabel|set_xlabel|set_ylabel|text|annotate|Markdown|HTML|markdown|write|info|debug|warning|warn|format|log|savefig)$/
const SHOWN_KW = /^(title|xlabel|ylabel|label|name|caption|desc|description|fname|filename|path)$/

/** Keyword arguments that narrow what a fairness call covers when they are added to it. */
const NEUTRAL_KW =
  /^(random_state|seed|verbose|verbosity|n_jobs|figsize|title|xlabel|ylabel|ax|color|colors|palette|fontsize|rot|height|width|dpi|show|save|path|filename|fname|cmap|alpha|legend|style|kind|marker|sort|ascending|round|decimals|precision|display|return_fig|output_dir|nrows|ncols|size|label)$/

interface Piece {
  /** the statement (code) or entry (config) */
  line: number
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
  /** fairness objects (MetricFrame, mitigator) the piece uses by name */
  carried: Set<string>
  /** config: the entry's own key or value speaks of fairness or a protected group (not only its block) */
  ownWords?: boolean
  /** a piece that only imports (it computes nothing) */
  importOnly: boolean
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

/** Names that carry fairness one hop: what a fairness constructor or call returns (a mitigator, a MetricFrame). */
export function carrierNames(statements: PyStatement[]): Set<string> {
  const carriers = new Set<string>()
  for (const stmt of statements) {
    if (stmt.kind !== 'assign' || !stmt.value) continue
    const v = stmt.value
    const call = v.k === 'call' ? v : null
    const callee = call ? (call.fn.k === 'name' ? call.fn.id : call.fn.k === 'attr' ? call.fn.name : '') : ''
    for (const t of stmt.targets) {
      if (t.k !== 'name') continue
      if (fairnessWords(words(t.id)) || (callee && fairnessWords(words(callee)))) carriers.add(t.id)
    }
  }
  return carriers
}

function codePieces(side: Side): Piece[] {
  const statements = analyze(side).statements
  const carriers = carrierNames(statements)
  return statements.map((stmt) => codePiece(stmt, carriers))
}

function codePiece(stmt: PyStatement, carriers: Set<string>): Piece {
  const atoms: string[] = []
  const names = new Set<string>()
  const positional: string[][] = []
  const keywords = new Set<string>()
  const allWords: string[][] = [nameWords(commentsOf(stmt))]
  const targetIds = new Set(stmt.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])))
  let protectedSeen = false
  let metricSeen = false
  let breakdown = false
  let carried = false
  const carriedNames = new Set<string>()
  // text shown to a reader (a print, a title, a label) says nothing about what is covered
  const shownText = new Set<Expr>()
  for (const e of stmt.exprs)
    walk(e, (x) => {
      if (x.k !== 'call') return
      const callee = x.fn.k === 'name' ? x.fn.id : x.fn.k === 'attr' ? x.fn.name : ''
      if (SHOWN_CALL.test(callee)) x.args.forEach((a) => walk(a.value, (y) => y.k === 'str' && shownText.add(y)))
      else
        for (const a of x.args)
          if (a.name && SHOWN_KW.test(a.name)) walk(a.value, (y) => y.k === 'str' && shownText.add(y))
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
          for (const w of ws) if (fairnessWords([w]) || protectedOf(w) || METRIC_WORD.test(w)) atoms.push(`word:${w}`)
        } else atoms.push(`str:${v.toLowerCase()}`)
      } else if (x.k === 'call') {
        const callee = x.fn.k === 'name' ? x.fn.id : x.fn.k === 'attr' ? x.fn.name : ''
        if (callee && meaningful(callee)) atoms.push(`call:${callee}`)
        if (BREAKDOWN.test(callee)) breakdown = true
        const pos: string[] = [callee]
        // a keyword added to a fairness call changes what it covers (a restriction, a tolerance)
        const fairCall =
          fairnessWords(words(x.text.replace(/(['"])(?:(?!\1).)*\1/g, ' '))) ||
          [...carriers].some((c) => x.text.includes(c))
        for (const a of x.args) {
          if (a.name && a.name !== '*' && a.name !== '**') {
            if (NEUTRAL_KW.test(a.name)) continue
            if (fairCall && narrowingKeyword(a.name, a.value, stmt.text)) keywords.add(`${callee}(${a.name}=)`)
            if (meaningful(a.name)) atoms.push(`kw:${a.name}`)
            if (BREAKDOWN_KW.test(a.name)) breakdown = true
            const lit = literalText(a.value)
            if (lit !== null) atoms.push(`kw:${a.name}=${lit}`)
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
  for (const id of names) if (protectedOf(id)) protectedSeen = true
  const vocab = allWords.some((ws) => fairnessWords(ws))
  // a metric broken down by a protected attribute audits the groups, whatever it is called
  const perGroup = breakdown && protectedSeen && metricSeen
  return {
    line: stmt.line,
    endLine: stmt.endLine,
    cell: stmt.cell,
    flat: flatText(stmt),
    atoms,
    names,
    positional,
    keywords,
    fairness: vocab || perGroup || carried,
    carried: carriedNames,
    importOnly: stmt.kind === 'import'
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

function configPieces(entries: ConfigEntry[]): Piece[] {
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
    return {
      line: e.line,
      endLine: e.line,
      cell: null,
      flat: `${key}=${value}`,
      atoms: [`${key}=${value}`],
      names: new Set(key.split(/[.[\]]+/).filter(Boolean)),
      positional: [],
      keywords: new Set(),
      fairness: fair,
      carried: new Set(),
      ownWords: own,
      importOnly: false
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

function similarity(a: Piece, b: Piece): number {
  const x = new Set([...a.names, ...a.atoms])
  const y = new Set([...b.names, ...b.atoms])
  let both = 0
  for (const v of x) if (y.has(v)) both++
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

function shown(atom: string): string {
  return atom.replace(/^(name|attr|str|word|call|kw|lit):/, '')
}

/** Keys that say where something is (a path, a URL, a revision), not what an evaluation covers. */
const LOCATION_KEY =
  /(^|[._\-\s])(path|paths|url|uri|file|files|dir|directory|revision|repo|repo_id|data_files|location)$/i

/** What a change took from the fairness pieces of one file; `gainedElsewhere` is what the change added anywhere. */
function narrowings(
  base: Piece[],
  head: Piece[],
  gainedElsewhere: Set<string>,
  config: boolean,
  lineIn: (line: number) => number | null
): Narrowing[] {
  const removed = missing(base, head, lineIn).filter((p) => p.fairness && !p.importOnly)
  if (removed.length === 0) return []
  const introduced = missing(head, base)
  const introducedAtoms = new Set(introduced.flatMap((p) => p.atoms))
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
      out.push({
        baseLine: old.line,
        headLine: now?.line ?? null,
        what: now ? `${old.flat} → ${now.flat.slice(key.length + 1)}` : `removed: ${old.flat}`
      })
      continue
    }
    let best: Piece | null = null
    let bestScore = 0
    for (const p of introduced) {
      if (used.has(p)) continue
      const s = similarity(old, p)
      if (s > bestScore) {
        best = p
        bestScore = s
      }
    }
    if (best && bestScore >= 0.5) {
      used.add(best)
      const now = counts(best.atoms)
      const lost = [...new Set(old.atoms)].filter(
        (a) => (counts(old.atoms).get(a) ?? 0) > (now.get(a) ?? 0) && !gainedElsewhere.has(a)
      )
      // a fairness object renamed (mf → metric_frame) still covers what it did
      const renamed = [...best.carried].some((c) => !old.carried.has(c))
      const lostCoverage = lost.filter(
        (a) => coverage(a) && !(renamed && a.startsWith('name:') && old.carried.has(a.slice(5)))
      )
      const addedKw = [...best.keywords].filter((k) => !old.keywords.has(k))
      const swapped = best.positional.filter((pos) =>
        old.positional.some(
          (o) =>
            o[0] === pos[0] &&
            o.length === pos.length &&
            o.join() !== pos.join() &&
            [...o].sort().join() === [...pos].sort().join()
        )
      )
      const parts: string[] = []
      if (lostCoverage.length > 0) parts.push(`no longer covers ${lostCoverage.slice(0, 4).map(shown).join(', ')}`)
      if (addedKw.length > 0) parts.push(`now restricted by ${addedKw.join(', ')}`)
      if (swapped.length > 0) parts.push(`arguments of ${swapped[0][0]} swapped`)
      if (parts.length > 0) out.push({ baseLine: old.line, headLine: best.line, what: parts.join('; ') })
      continue
    }
    // gone: unless what it covered is written again somewhere in the change
    const what = old.atoms.filter(coverage)
    // a piece that named nothing it covered (a header print) takes nothing away
    if (what.length === 0 || what.every((a) => introducedAtoms.has(a) || gainedElsewhere.has(a))) continue
    out.push({ baseLine: old.line, headLine: null, what: `removed: ${clipText(old.flat)}` })
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
    const selfShrink =
      stmt.kind === 'assign' &&
      targets.some((t) => valueText.includes(t)) &&
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

const gained = new WeakMap<FileView, Piece[]>()

/** The pieces a file's head has that its base does not (asked of every other file of the change). */
function gainedBy(view: FileView): Piece[] {
  let hit = gained.get(view)
  if (!hit) gained.set(view, (hit = missing(pieces(view, view.after), pieces(view, view.before))))
  return hit
}

function coverageFindings(view: FileView, all: FileView[]): Finding[] {
  if (!view.before || !view.baseKnown) return []
  const base = pieces(view, view.before)
  if (!base.some((p) => p.fairness)) return []
  const head = pieces(view, view.after)
  // what the other changed files gained: coverage moved there is not lost
  const gainedElsewhere = new Set<string>()
  for (const other of all) {
    if (other === view || !other.after || other.kind === 'other') continue
    for (const p of gainedBy(other)) {
      gainedElsewhere.add(p.flat)
      p.atoms.forEach((a) => gainedElsewhere.add(a))
    }
  }
  const lineIn = (line: number): number | null => (view.after ? view.headLineFor(line) : null)
  const found = [
    ...narrowings(base, head, gainedElsewhere, view.kind === 'config', lineIn),
    ...narrowedInPlace(base, head, view)
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
    if (last && at(n) - at(last) > 3) flush()
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
  if (file.before === null || file.after === null) return []
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
