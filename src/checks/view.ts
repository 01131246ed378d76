// Turns a ChangedFile into what the checks read: both sides parsed once, code lines with their head line
// numbers, which head lines the change added, and where a removed base line lands in the head.
import { diffArrays } from 'diff'
import { MAX_ANALYSED_LINES } from '../bounds.js'
import { isConfigPath, parseConfigEntries } from '../diff/config.js'
import { parseNotebook } from '../diff/notebook.js'
import type { ChangedFile, ConfigEntry, ParsedNotebook } from '../types.js'
import { splitStatements, type CodeLine, type Statement } from './python.js'

export type FileKind = 'notebook' | 'python' | 'config' | 'other'

export interface Side {
  text: string
  notebook: ParsedNotebook | null
  /** flattened config entries (config files only) */
  entries: ConfigEntry[]
  /** notebook: the source lines of code cells; python and config: every line of the file */
  lines: CodeLine[]
  /** logical Python statements (notebooks and .py only) */
  statements: Statement[]
}

export interface FileView {
  file: ChangedFile
  path: string
  kind: FileKind
  /** null when the file did not exist at the base, could not be read, or does not parse */
  before: Side | null
  after: Side | null
  /** why the head exists but could not be parsed for the checks (they cover it only as raw text) */
  afterError?: string
  /**
   * whether the base is known: true for an added file (nothing before) or a readable base;
   * false when the base exists but could not be read or parsed, so "introduced" cannot be told
   */
  baseKnown: boolean
  /** head line for a base line (the nearest surviving or following line); null when the head is gone */
  headLineFor(baseLine: number): number | null
  /** whether a head line was added or changed by this change */
  isAddedLine(headLine: number): boolean
  /** a config written inside this code file (a YAML string, a %%writefile cell), read as a config */
  embedded?: true
}

/** Above this many differing lines we stop aligning line by line and compare lines as multisets. */
const MAX_EDIT_LENGTH = 2000

export function fileKind(path: string): FileKind {
  const lower = path.toLowerCase()
  if (lower.endsWith('.ipynb')) return 'notebook'
  if (lower.endsWith('.py')) return 'python'
  if (/\.(ya?ml|json|toml)$/.test(lower) || /(^|\/)mlproject$/.test(lower)) return 'config'
  try {
    if (isConfigPath(path)) return 'config'
  } catch {
    // a helper that throws must not stop the checks
  }
  return 'other'
}

function readSide(kind: FileKind, path: string, text: string, failed?: (why: string) => void): Side | null {
  try {
    if (kind === 'notebook') {
      const notebook = parseNotebook(text)
      const lines: CodeLine[] = []
      for (const cell of notebook.cells) {
        if (cell.type !== 'code') continue
        const parts = cell.source.split('\n')
        parts.forEach((part, i) => {
          const line = cell.sourceLines[i] ?? cell.sourceLines[cell.sourceLines.length - 1] ?? 1
          lines.push({ text: part, line, cell: cell.index })
        })
      }
      return { text, notebook, entries: [], lines, statements: [] }
    }
    const split = text.split('\n')
    if (split.length > MAX_ANALYSED_LINES)
      throw new Error(`${split.length} lines, over the ${MAX_ANALYSED_LINES} analysed per file`)
    const lines: CodeLine[] = split.map((l, i) => ({ text: l.replace(/\r$/, ''), line: i + 1, cell: null }))
    if (kind === 'config') {
      const configPath = /(^|\/)mlproject$/i.test(path) ? `${path}.yaml` : path
      return { text, notebook: null, entries: parseConfigEntries(configPath, text), lines, statements: [] }
    }
    return { text, notebook: null, entries: [], lines, statements: [] }
  } catch (error) {
    failed?.(error instanceof Error ? error.message : String(error))
    return null
  }
}

/** Marks added head lines and maps base line indexes to head line indexes. */
function alignLines(
  before: CodeLine[],
  after: CodeLine[]
): { added: boolean[]; removed: boolean[]; baseToHead: number[] } {
  const a = before.map((l) => l.text.trimEnd())
  const b = after.map((l) => l.text.trimEnd())
  const added = new Array<boolean>(b.length).fill(false)
  const removed = new Array<boolean>(a.length).fill(false)
  const baseToHead = new Array<number>(a.length).fill(-1)
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH })
  if (!changes) {
    // Too different to align: a head line is added when it occurs more often than at the base.
    const tally = (lines: string[]): Map<string, number> => {
      const counts = new Map<string, number>()
      for (const t of lines) counts.set(t, (counts.get(t) ?? 0) + 1)
      return counts
    }
    const mark = (lines: string[], other: Map<string, number>, flags: boolean[]): void =>
      lines.forEach((t, k) => {
        const n = other.get(t) ?? 0
        if (n > 0) other.set(t, n - 1)
        else flags[k] = true
      })
    mark(b, tally(a), added)
    mark(a, tally(b), removed)
    a.forEach((_, i) => (baseToHead[i] = Math.min(i, b.length - 1)))
    return { added, removed, baseToHead }
  }
  let i = 0
  let j = 0
  for (const change of changes) {
    if (change.added) {
      for (let k = 0; k < change.count; k++) added[j++] = true
    } else if (change.removed) {
      // a removed line lands on the head line that now stands where it stood
      for (let k = 0; k < change.count; k++) {
        removed[i] = true
        baseToHead[i++] = Math.min(j, b.length - 1)
      }
    } else {
      for (let k = 0; k < change.count; k++) baseToHead[i++] = j++
    }
  }
  return { added, removed, baseToHead }
}

/** Views already built: a file read ahead (while the others downloaded) is not read again. */
const built = new WeakMap<ChangedFile, FileView>()

export function buildView(file: ChangedFile): FileView {
  let view = built.get(file)
  if (!view) built.set(file, (view = buildViewUncached(file)))
  return view
}

function buildViewUncached(file: ChangedFile): FileView {
  const kind = fileKind(file.path)
  const beforePath = file.previousPath ?? file.path
  const before = file.before === null ? null : readSide(kind, beforePath, file.before)
  let afterError: string | undefined
  const after = file.after === null ? null : readSide(kind, file.path, file.after, (why) => (afterError = why))
  const baseKnown = file.before === null ? file.status === 'added' || file.status === 'copied' : before !== null

  const { added, removed, baseToHead } = alignLines(before?.lines ?? [], after?.lines ?? [])
  if (after && (kind === 'notebook' || kind === 'python')) {
    // without a known base nothing can be called new
    after.statements = splitStatements(after.lines, baseKnown ? added : [])
  }
  // on the base side the flag marks statements the change removed or rewrote
  if (before && (kind === 'notebook' || kind === 'python'))
    before.statements = splitStatements(before.lines, after ? removed : [])

  const addedLines = new Set<number>()
  if (after && baseKnown) after.lines.forEach((l, j) => added[j] && addedLines.add(l.line))
  const baseIndexByLine = new Map<number, number>()
  before?.lines.forEach((l, i) => {
    if (!baseIndexByLine.has(l.line)) baseIndexByLine.set(l.line, i)
  })

  const headLineFor = (baseLine: number): number | null => {
    if (!after) return null
    if (after.lines.length === 0) return 1
    let index = baseIndexByLine.get(baseLine)
    if (index === undefined && before) {
      // a base line outside the code lines (notebook JSON): use the nearest code line before it
      let best = -1
      before.lines.forEach((l, i) => {
        if (l.line <= baseLine) best = i
      })
      index = best === -1 ? 0 : best
    }
    const head = index === undefined ? 0 : (baseToHead[index] ?? 0)
    return after.lines[Math.max(0, Math.min(head, after.lines.length - 1))].line
  }
  return {
    file,
    path: file.path,
    kind,
    before,
    after,
    ...(afterError !== undefined ? { afterError } : {}),
    baseKnown,
    headLineFor,
    isAddedLine: (line) => addedLines.has(line)
  }
}

/** Statements of the head that the change introduced or rewrote: text the base did not have anywhere. */
export function introducedStatements(view: FileView): Statement[] {
  if (!view.after || !view.baseKnown) return []
  const old = new Set(view.before?.statements.map((s) => s.flat) ?? [])
  return view.after.statements.filter((s) => !old.has(s.flat))
}

/**
 * Head statements matching a predicate that the change introduced, no more than the count grew by.
 * An edit elsewhere in a matching statement does not make it new.
 */
export function introducedMatches(view: FileView, matches: (stmt: Statement) => boolean): Statement[] {
  if (!view.after || !view.baseKnown) return []
  const beforeCount = view.before?.statements.filter(matches).length ?? 0
  const afterAll = view.after.statements.filter(matches)
  const grown = afterAll.length - beforeCount
  if (grown <= 0) return []
  return introducedStatements(view).filter(matches).slice(0, grown)
}

/** Whether the change wrote a statement: its first or last line is an added one. */
export const writtenBy =
  (view: FileView) =>
  (s: { line: number; endLine: number }): boolean =>
    view.isAddedLine(s.line) || view.isAddedLine(s.endLine)
