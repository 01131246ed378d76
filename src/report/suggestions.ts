// Committable fixes for the findings whose fix is mechanical: the head lines to replace and what to put there, for a
// review comment's ```suggestion block. Built from the finding and the file's two sides alone (the checks are not
// changed for it), and only offered when applying it to the head makes the finding go away without a new one:
// the checks are run again on the fixed file to make sure.
import { analyseFiles } from '../checks/index.js'
import { parseNotebook } from '../diff/notebook.js'
import type { ChangedFile, Finding } from '../types.js'

/** Head lines `startLine`..`line` (1-based, inclusive) replaced by `text` (its lines, no final newline). */
export interface Suggestion {
  startLine: number
  line: number
  text: string
}

/** A head line as code: for a notebook, the JSON string of one source line, decoded; else the line itself. */
interface CodeLine {
  code: string
  encode: (code: string) => string
}

const NOTEBOOK_LINE = /^(\s*)"((?:[^"\\]|\\.)*)"(,?)\s*$/

function codeLine(line: string, notebook: boolean): CodeLine | null {
  if (line.includes('\r')) return null
  if (!notebook) return { code: line, encode: (code) => code }
  const m = NOTEBOOK_LINE.exec(line)
  if (!m) return null
  let code: string
  try {
    code = JSON.parse(`"${m[2]}"`) as string
  } catch {
    return null
  }
  return { code, encode: (c) => `${m[1]}${JSON.stringify(c)}${m[3]}` }
}

/** Head lines `from`..`to` replaced by code lines, keeping a notebook's JSON shape (newlines, commas, indent). */
function replaceCode(lines: string[], from: number, to: number, code: string[], notebook: boolean): string | null {
  const first = codeLine(lines[from - 1], notebook)
  const last = codeLine(lines[to - 1], notebook)
  if (!first || !last) return null
  if (!notebook) return code.join('\n')
  const indent = /^\s*/.exec(lines[from - 1])?.[0] ?? ''
  const lastEndsLine = last.code.endsWith('\n')
  const lastComma = /,\s*$/.test(lines[to - 1])
  return code
    .map((c, i) => {
      const final = i === code.length - 1
      const text = final && !lastEndsLine ? c : `${c}\n`
      return `${indent}${JSON.stringify(text)}${final && !lastComma ? '' : ','}`
    })
    .join('\n')
}

const isNotebook = (path: string): boolean => path.toLowerCase().endsWith('.ipynb')

/** The code of every code cell of a notebook side, or the text itself for other files. */
function codeText(text: string, notebook: boolean): string {
  if (!notebook) return text
  try {
    return parseNotebook(text)
      .cells.filter((c) => c.type === 'code')
      .map((c) => c.source)
      .join('\n')
  } catch {
    return ''
  }
}

/** Where the call `callee(` on `code` closes, when it closes on the same line: index of `(` and of `)`. */
function callParens(code: string, callee: string): { open: number; close: number } | null {
  const re = new RegExp(`(?<![\\w.])${callee.replace(/[.]/g, '\\.')}\\s*\\(`, 'g')
  const m = re.exec(code)
  if (!m) return null
  const open = m.index + m[0].length - 1
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < code.length; i++) {
    const c = code[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      depth--
      if (depth === 0) return c === ')' ? { open, close: i } : null
    } else if (c === '#') return null
  }
  return null
}

/** `code` with `kw=value` added to the call of `callee` (which must close on the same line). */
function withKeyword(code: string, callee: string, kw: string, value: string): string | null {
  const at = callParens(code, callee)
  if (!at) return null
  const inside = code.slice(at.open + 1, at.close)
  if (new RegExp(`\\b${kw}\\s*=`).test(inside)) return null
  const trimmed = inside.replace(/\s+$/, '')
  const args = trimmed.trim() === '' ? `${kw}=${value}` : `${trimmed.replace(/,$/, '')}, ${kw}=${value}`
  return code.slice(0, at.open + 1) + args + code.slice(at.close)
}

/** The one value the base passed as `kw=` to `callee` (or to any call when callee is null); null when not one. */
function baseKeyword(baseCode: string, callee: string | null, kw: string): string | null {
  const values = new Set<string>()
  const re = new RegExp(`\\b${kw}\\s*=\\s*([A-Za-z_][\\w.]*(?:\\[[^\\]\\n]*\\])?|-?\\d+)`, 'g')
  for (const line of baseCode.split('\n')) {
    if (callee !== null && !new RegExp(`(?<![\\w.])${callee}\\s*\\(`).test(line)) continue
    for (const m of line.matchAll(re)) values.add(m[1])
  }
  return values.size === 1 ? [...values][0] : null
}

const TRUE_VALUE = /(\btrust_remote_code\b["']?\s*[:=]\s*)(True|true|yes|Yes|on|1)\b/

function trustRemoteCode(f: Finding, lines: string[], notebook: boolean): Suggestion | null {
  const line = f.line as number
  const c = codeLine(lines[line - 1], notebook)
  if (!c || !TRUE_VALUE.test(c.code)) return null
  const fixed = c.code.replace(TRUE_VALUE, (_, key: string, v: string) => `${key}${v === 'True' ? 'False' : 'false'}`)
  return { startLine: line, line, text: c.encode(fixed) }
}

/** `key: VALUE → removed` (or `→ null`) of a config finding. */
const CONFIG_EVIDENCE = /^(.+?): (.+) → (.+)$/

/** Restores a config key the change removed: the base's line, put back above the line the finding points at. */
function restoreConfigKey(f: Finding, lines: string[], base: string | null): Suggestion | null {
  const m = CONFIG_EVIDENCE.exec(f.evidence)
  if (!m || base === null) return null
  const name =
    m[1]
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? ''
  let value: unknown
  try {
    value = JSON.parse(m[2])
  } catch {
    return null
  }
  const literal = (v: string): string =>
    v
      .replace(/\s+#.*$/, '')
      .replace(/,\s*$/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
  const keyLine = new RegExp(`^\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]\\s*(.+)$`)
  const found = base.split('\n').filter((l) => {
    const k = keyLine.exec(l)
    return k !== null && literal(k[1]) === String(value)
  })
  if (found.length !== 1 || found[0].includes('\r')) return null
  const line = f.line as number
  const at = lines[line - 1]
  if (m[3] === 'removed') return { startLine: line, line, text: `${found[0]}\n${at}` }
  // the key is still there with another value: the base's line replaces it when it is the same key at the same indent
  const indent = (l: string): string => /^\s*/.exec(l)?.[0] ?? ''
  if (!keyLine.test(at) || indent(at) !== indent(found[0])) return null
  return { startLine: line, line, text: found[0] }
}

/** A keyword argument the base passed and the head dropped, put back into the call on the finding's line. */
function restoreKeyword(
  f: Finding,
  lines: string[],
  base: string | null,
  notebook: boolean,
  kws: string[]
): Suggestion | null {
  if (base === null) return null
  const line = f.line as number
  const c = codeLine(lines[line - 1], notebook)
  if (!c) return null
  const baseCode = codeText(base, notebook)
  for (const m of c.code.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)) {
    const callee = m[1]
    for (const kw of kws) {
      const value = baseKeyword(baseCode, callee, kw)
      if (value === null) continue
      const fixed = withKeyword(c.code, callee, kw, value)
      if (fixed !== null) return { startLine: line, line, text: c.encode(fixed) }
    }
  }
  return null
}

function torchLoad(f: Finding, lines: string[], notebook: boolean): Suggestion | null {
  const line = f.line as number
  const c = codeLine(lines[line - 1], notebook)
  if (!c) return null
  const fixed = withKeyword(c.code, 'torch.load', 'weights_only', 'True')
  return fixed === null ? null : { startLine: line, line, text: c.encode(fixed) }
}

const FIT_TRANSFORM =
  /^(\s*)([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\.fit_transform\(\s*\2\s*(?:,\s*([A-Za-z_]\w*)\s*)?\)\s*$/
const SPLIT_TARGETS =
  /^(\s*)([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*=\s*train_test_split\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\b/

/**
 * `X = est.fit_transform(X)` right before `X_train, X_test, … = train_test_split(X, …)`: the split first, then the
 * fit on the training split and a transform of the test split.
 */
function fitAfterSplit(f: Finding, lines: string[], notebook: boolean): Suggestion | null {
  const line = f.line as number
  if (line >= lines.length) return null
  const fit = codeLine(lines[line - 1], notebook)
  const split = codeLine(lines[line], notebook)
  if (!fit || !split) return null
  const strip = (s: string): string => s.replace(/\n$/, '')
  const a = FIT_TRANSFORM.exec(strip(fit.code))
  const b = SPLIT_TARGETS.exec(strip(split.code))
  if (!a || !b || b[6] !== a[2] || a[1] !== b[1]) return null
  const [, indent, , est, y] = a
  const [, , xTrain, xTest, yTrain, , , yArg] = b
  if (y !== undefined && y !== yArg) return null
  const code = [
    strip(split.code),
    `${indent}${xTrain} = ${est}.fit_transform(${xTrain}${y !== undefined ? `, ${yTrain}` : ''})`,
    `${indent}${xTest} = ${est}.transform(${xTest})`
  ]
  const text = replaceCode(lines, line, line + 1, code, notebook)
  return text === null ? null : { startLine: line, line: line + 1, text }
}

/** The mechanical fix of a finding, from the head (and base) text; null when there is none to offer. */
export function suggestFix(f: Finding, head: string, base: string | null): Suggestion | null {
  if (f.line === null) return null
  const lines = head.split('\n')
  if (f.line < 1 || f.line > lines.length) return null
  const notebook = isNotebook(f.path)
  const code = notebook || /\.py$/i.test(f.path)
  switch (f.check) {
    case 'SUPPLY-TRUST-REMOTE-CODE':
      return trustRemoteCode(f, lines, notebook)
    case 'REPRO-SEED-REMOVED':
      return code
        ? restoreKeyword(f, lines, base, notebook, ['random_state', 'seed'])
        : restoreConfigKey(f, lines, base)
    case 'DATA-STRATIFY-REMOVED':
      return code ? restoreKeyword(f, lines, base, notebook, ['stratify']) : restoreConfigKey(f, lines, base)
    case 'SUPPLY-TORCH-LOAD-UNSAFE':
      return torchLoad(f, lines, notebook)
    case 'DATA-PREPROCESS-BEFORE-SPLIT':
    case 'DATA-FIT-BEFORE-SPLIT':
      return fitAfterSplit(f, lines, notebook)
    default:
      return null
  }
}

/** The head text with a suggestion applied, as GitHub's "Commit suggestion" does. */
export function applySuggestion(head: string, s: Suggestion): string {
  const lines = head.split('\n')
  return [...lines.slice(0, s.startLine - 1), ...s.text.split('\n'), ...lines.slice(s.line)].join('\n')
}

/** The file's own analysis, once per file however many of its findings get a suggestion. */
const baseline = new WeakMap<ChangedFile, ReturnType<typeof analyseFiles>>()

/** The checks of one file's findings, one entry per finding. */
function checksOf(findings: Finding[], path: string): string[] {
  return findings.filter((f) => f.path === path).map((f) => f.check)
}

/**
 * The suggestion for `f` when applying it to the head makes the checks lose `f` and add no finding to the file (by
 * check: the evidence of another finding on the same line may change with the line); null otherwise (no mechanical
 * fix, or one that does not do what it says).
 */
export function verifiedSuggestion(f: Finding, file: ChangedFile): Suggestion | null {
  if (file.after === null || file.path !== f.path) return null
  const s = suggestFix(f, file.after, file.before)
  if (!s) return null
  const before = baseline.get(file) ?? analyseFiles([file])
  baseline.set(file, before)
  const after = analyseFiles([{ ...file, after: applySuggestion(file.after, s) }])
  if (after.unanalysed.some((u) => u.path === file.path)) return null
  const was = checksOf(before.findings, file.path)
  const now = checksOf(after.findings, file.path)
  const count = (checks: string[], c: string): number => checks.filter((x) => x === c).length
  if (count(now, f.check) >= count(was, f.check)) return null
  if (now.some((c) => count(now, c) > count(was, c))) return null
  return s
}
