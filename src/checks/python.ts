// A small, forgiving reader of Python source: logical statements, calls, arguments and literals.
// It is not a parser; it is enough to find the ML idioms the checks look for, and it never throws.

/** One physical source line with its 1-based line in the file (inside the .ipynb for notebooks). */
export interface CodeLine {
  text: string
  line: number
  /** notebook cell index; null for plain text files */
  cell: number | null
}

/** A logical statement: physical lines joined while brackets are open, comments removed. */
export interface Statement {
  /** code with comments removed, physical lines joined by '\n' */
  text: string
  /** same length as text, with string contents blanked, for matching structure only */
  masked: string
  /** whitespace-collapsed text, used to tell a new statement from an old one */
  flat: string
  /** 1-based file line of each '\n'-separated line of text */
  lineNumbers: number[]
  line: number
  cell: number | null
  /** order of the statement in its file */
  index: number
  /** head side: one of its physical lines is new; base side: one of its lines is gone from the head */
  added: boolean
}

export interface Call {
  /** dotted name before the parenthesis, e.g. `scaler.fit_transform` */
  callee: string
  /** offset of the callee in the statement text */
  start: number
  /** offset of the opening parenthesis */
  open: number
  /** offset of the closing parenthesis (or the end of the text when unbalanced) */
  close: number
  args: Arg[]
}

export interface Arg {
  /** keyword name, or null for a positional argument */
  name: string | null
  /** argument source text, trimmed */
  value: string
  /** offset of the value in the statement text */
  offset: number
}

const OPEN = '([{'
const CLOSE = ')]}'

/**
 * Blank string contents and drop comments, line by line, carrying triple-quoted strings across lines.
 * Returns for each line the comment-free code and its masked twin.
 */
function scanLines(lines: string[]): Array<{ code: string; masked: string; depthDelta: number; continues: boolean }> {
  const out: Array<{ code: string; masked: string; depthDelta: number; continues: boolean }> = []
  let inTriple: string | null = null
  for (const raw of lines) {
    // a line this long is a data literal: no check reads it, and scanning it costs seconds
    if (raw.length > MAX_STATEMENT_CHARS && inTriple === null) {
      out.push({ code: '', masked: '', depthDelta: 0, continues: false })
      continue
    }
    let code = ''
    let masked = ''
    let depth = 0
    let i = 0
    let quote: string | null = null
    while (i < raw.length) {
      const ch = raw[i]
      if (inTriple) {
        if (raw.startsWith(inTriple, i)) {
          code += inTriple
          masked += inTriple
          i += 3
          inTriple = null
        } else {
          code += ch
          masked += ' '
          i++
        }
        continue
      }
      if (quote) {
        if (ch === '\\' && i + 1 < raw.length) {
          code += raw.slice(i, i + 2)
          masked += '  '
          i += 2
          continue
        }
        if (ch === quote) {
          quote = null
          code += ch
          masked += ch
        } else {
          code += ch
          masked += ' '
        }
        i++
        continue
      }
      if (ch === '#') break
      if (raw.startsWith('"""', i) || raw.startsWith("'''", i)) {
        inTriple = raw.slice(i, i + 3)
        code += inTriple
        masked += inTriple
        i += 3
        continue
      }
      if (ch === '"' || ch === "'") {
        quote = ch
      } else if (OPEN.includes(ch)) {
        depth++
      } else if (CLOSE.includes(ch)) {
        depth--
      }
      code += ch
      masked += ch
      i++
    }
    const trimmed = code.trimEnd()
    const continues = inTriple !== null || trimmed.endsWith('\\')
    out.push({ code: code.trimEnd(), masked: masked.slice(0, code.trimEnd().length), depthDelta: depth, continues })
  }
  return out
}

function isMagic(text: string): boolean {
  const t = text.trimStart()
  return t.startsWith('!') || t.startsWith('%') || t.startsWith('?')
}

/**
 * Join physical lines into logical statements. `added[i]` says whether line i is new in the head.
 * Cells are separate: a statement never spans two notebook cells.
 */
export function splitStatements(lines: CodeLine[], added: boolean[] = []): Statement[] {
  const statements: Statement[] = []
  let start = 0
  while (start < lines.length) {
    let end = start
    const cell = lines[start].cell
    // group the lines of one cell (or the whole file)
    while (end < lines.length && lines[end].cell === cell) end++
    splitGroup(lines.slice(start, end), added.slice(start, end), statements)
    start = end
  }
  return statements
}

function splitGroup(lines: CodeLine[], added: boolean[], out: Statement[]): void {
  const scanned = scanLines(lines.map((l) => l.text))
  let buf: number[] = []
  let depth = 0
  const flush = (): void => {
    if (buf.length === 0) return
    const text = buf.map((i) => scanned[i].code).join('\n')
    if (text.trim() !== '') {
      const masked = buf.map((i) => scanned[i].masked.padEnd(scanned[i].code.length, ' ')).join('\n')
      out.push({
        text,
        masked,
        flat: text.replace(/\s+/g, ' ').trim(),
        lineNumbers: buf.map((i) => lines[i].line),
        line: lines[buf[0]].line,
        cell: lines[buf[0]].cell,
        index: out.length,
        added: buf.some((i) => added[i] === true)
      })
    }
    buf = []
  }
  for (let i = 0; i < lines.length; i++) {
    if (buf.length === 0 && isMagic(lines[i].text)) continue
    buf.push(i)
    depth += scanned[i].depthDelta
    if (depth <= 0 && !scanned[i].continues) {
      flush()
      depth = 0
    }
  }
  flush()
}

/** Offsets of the line breaks of each statement, found once: a 100k-item list must not rescan per item. */
const breaksOf = new WeakMap<Statement, number[]>()

/** File line of a character offset in a statement. */
export function lineAt(stmt: Statement, offset: number): number {
  let breaks = breaksOf.get(stmt)
  if (!breaks) {
    breaks = []
    for (let at = stmt.text.indexOf('\n'); at !== -1; at = stmt.text.indexOf('\n', at + 1)) breaks.push(at)
    breaksOf.set(stmt, breaks)
  }
  // the row is the number of breaks before the offset
  let lo = 0
  let hi = breaks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (breaks[mid] < offset) lo = mid + 1
    else hi = mid
  }
  return stmt.lineNumbers[Math.min(lo, stmt.lineNumbers.length - 1)] ?? stmt.line
}

/** The physical line of a statement that holds an offset, trimmed, for evidence. */
export function snippetAt(stmt: Statement, offset: number, max = 140): string {
  const from = stmt.text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1
  const to = stmt.text.indexOf('\n', offset)
  return clip(stmt.text.slice(from, to === -1 ? undefined : to).trim(), max)
}

export function clip(text: string, max = 140): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? one.slice(0, max - 1) + '…' : one
}

/** Offset of the bracket that closes the one at `open`, using the masked text. */
function matchClose(masked: string, open: number): number {
  let depth = 0
  for (let i = open; i < masked.length; i++) {
    const ch = masked[i]
    if (OPEN.includes(ch)) depth++
    else if (CLOSE.includes(ch)) {
      depth--
      if (depth === 0) return i
    }
  }
  return masked.length
}

/** Split a bracketed region into top-level comma-separated pieces (offsets relative to the statement). */
export function splitTopLevel(stmt: Statement, from: number, to: number): Array<{ text: string; offset: number }> {
  const parts: Array<{ text: string; offset: number }> = []
  let depth = 0
  let partStart = from
  for (let i = from; i <= to; i++) {
    const ch = i === to ? ',' : stmt.masked[i]
    if (OPEN.includes(ch)) depth++
    else if (CLOSE.includes(ch)) depth--
    else if (ch === ',' && depth === 0) {
      const raw = stmt.text.slice(partStart, i)
      const lead = raw.length - raw.trimStart().length
      if (raw.trim() !== '') parts.push({ text: raw.trim(), offset: partStart + lead })
      partStart = i + 1
    }
  }
  return parts
}

const CALL_RE = /([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*\(/g

/** Longer statements are data literals, not code worth reading (and would make the scan slow). */
export const MAX_STATEMENT_CHARS = 50_000

const callCache = new WeakMap<Statement, Call[]>()

/** Every call in a statement, outermost and nested, in source order. */
export function findCalls(stmt: Statement): Call[] {
  const cached = callCache.get(stmt)
  if (cached) return cached
  const calls: Call[] = []
  callCache.set(stmt, calls)
  if (stmt.masked.length > MAX_STATEMENT_CHARS) return calls
  CALL_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = CALL_RE.exec(stmt.masked)) !== null) {
    const open = m.index + m[0].length - 1
    const close = matchClose(stmt.masked, open)
    const args: Arg[] = splitTopLevel(stmt, open + 1, close).map((p) => {
      const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(p.text)
      if (kw && !/^\*/.test(p.text)) {
        return { name: kw[1], value: p.text.slice(kw[0].length).trim(), offset: p.offset + kw[0].length }
      }
      return { name: null, value: p.text, offset: p.offset }
    })
    calls.push({ callee: m[1].replace(/\s+/g, ''), start: m.index, open, close, args })
    // continue inside the arguments so nested calls are found too
    CALL_RE.lastIndex = open + 1
  }
  return calls
}

/** The last dotted component of a callee: `sklearn.model_selection.train_test_split` → `train_test_split`. */
export function calleeName(call: Call): string {
  const parts = call.callee.split('.')
  return parts[parts.length - 1]
}

export function kwarg(call: Call, name: string): Arg | undefined {
  return call.args.find((a) => a.name === name)
}

export function positional(call: Call, index: number): Arg | undefined {
  return call.args.filter((a) => a.name === null)[index]
}

/** A top-level assignment `targets = value`; augmented assignments and comparisons are not assignments. */
export interface Assignment {
  targets: string[]
  /** raw left-hand side */
  lhs: string
  value: string
  valueOffset: number
}

export function assignment(stmt: Statement): Assignment | null {
  let depth = 0
  for (let i = 0; i < stmt.masked.length; i++) {
    const ch = stmt.masked[i]
    if (OPEN.includes(ch)) depth++
    else if (CLOSE.includes(ch)) depth--
    else if (ch === '=' && depth === 0) {
      const prev = stmt.masked[i - 1] ?? ''
      const next = stmt.masked[i + 1] ?? ''
      if (next === '=' || '=!<>+-*/%&|^@:'.includes(prev)) return null
      const lhs = stmt.text.slice(0, i).trim()
      if (/^(if|elif|while|for|return|with|assert|def|class|lambda|print)\b/.test(lhs)) return null
      const rawValue = stmt.text.slice(i + 1)
      const lead = rawValue.length - rawValue.trimStart().length
      const targets = lhs
        .replace(/^\(|\)$/g, '')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '')
      return { targets, lhs, value: rawValue.trim(), valueOffset: i + 1 + lead }
    }
  }
  return null
}

/** String literals of a Python list/tuple/set literal; null when the text is not such a literal. */
export function stringItems(text: string, baseOffset = 0): Array<{ value: string; offset: number }> | null {
  const t = text.trim()
  const lead = text.length - text.trimStart().length
  if (!/^[[({]/.test(t)) return null
  const items: Array<{ value: string; offset: number }> = []
  const re = /(?:[rRbBuU]{0,2})(['"])((?:\\.|(?!\1).)*)\1/g
  let m: RegExpExecArray | null
  while ((m = re.exec(t)) !== null) items.push({ value: m[2], offset: baseOffset + lead + m.index })
  return items
}

/** A Python string literal's value, or null. */
export function stringLiteral(text: string): string | null {
  const m = /^(?:[rRbBuU]{0,2})(['"])((?:\\.|(?!\1).)*)\1$/.exec(text.trim())
  return m ? m[2] : null
}

const NUMBER_RE = /^[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/

/** A number from a config value or a Python literal: 2.0e-05, '5e-6', 1_000, "0.1"; null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'bigint') return Number(value)
  if (typeof value !== 'string') return null
  let t = value.trim()
  const q = /^(['"])(.*)\1$/.exec(t)
  if (q) t = q[2].trim()
  if (!NUMBER_RE.test(t)) return null
  const n = Number(t.replace(/_/g, ''))
  return Number.isFinite(n) ? n : null
}

/** Truthiness of a config or Python value: true/True/"true"/1/yes. */
export function isTruthy(value: unknown): boolean {
  if (value === true) return true
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return /^(true|yes|on|1)$/i.test(value.trim().replace(/^(['"])(.*)\1$/, '$2'))
  return false
}

/** Identifier tokens of a name: `dataset_transf_test_pred.features` → dataset, transf, test, pred, features. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
}
