// Named values on one side of a change, from config entries and from Python code (assignments, keyword
// arguments, dict entries), and the pairing of base and head values that tells what changed.
import type { ConfigEntry } from '../types.js'
import { findCalls, lineAt, stringLiteral, toNumber, type Statement } from './python.js'
import type { Side } from './view.js'

export interface Param {
  /** config: the flattened key; code: the name */
  key: string
  /** last segment of the key, lowercased, without list indexes */
  name: string
  value: unknown
  line: number
  /** the statement it sits in (code only) */
  stmt?: Statement
  /** code: the call it is a keyword argument of; undefined for assignments and dict entries */
  callee?: string
  /** not written on this side: the framework's default that applies where the key was left out */
  fromDefault?: boolean
}

/** `training.optimizer.lr` → `lr`; `lora_target_modules[2]` → `lora_target_modules`. */
export function lastSegment(key: string): string {
  const parts = key.replace(/\[\d+\]/g, '').split('.')
  return (parts[parts.length - 1] ?? '').toLowerCase()
}

/** `training.optimizer.lr` → `training.optimizer`; top-level keys have the parent ''. */
export function parentKey(key: string): string {
  const at = key.replace(/\[\d+\]$/, '').lastIndexOf('.')
  return at === -1 ? '' : key.slice(0, at)
}

export function configParams(entries: ConfigEntry[]): Param[] {
  return entries.map((e) => ({ key: e.key, name: lastSegment(e.key), value: e.value, line: e.line }))
}

/** A Python literal: number, string, True/False/None; undefined for anything else. */
export function pythonLiteral(raw: string): unknown {
  const t = raw.trim()
  if (t === 'True') return true
  if (t === 'False') return false
  if (t === 'None') return null
  const n = toNumber(t)
  if (n !== null && !/^['"]/.test(t)) return n
  const s = stringLiteral(t)
  if (s !== null) return s
  return undefined
}

const DICT_ENTRY = /(['"])([A-Za-z_][\w.-]*)\1\s*:\s*/g

/** Literal-valued names of code: `lr = 1e-3`, `Adam(lr=1e-3)`, `{'lr': 1e-3}`. */
export function codeParams(side: Side): Param[] {
  const out: Param[] = []
  for (const stmt of side.statements) out.push(...statementParams(stmt))
  return out
}

export function statementParams(stmt: Statement): Param[] {
  const out: Param[] = []
  const lineOf = (offset: number): number => lineAt(stmt, offset)
  const push = (name: string, raw: string, offset: number, callee?: string): void => {
    const value = pythonLiteral(raw)
    if (value === undefined) return
    out.push({ key: name, name: name.toLowerCase(), value, line: lineOf(offset), stmt, ...(callee ? { callee } : {}) })
  }
  // simple assignment: name = literal (also attribute targets: args.lr = 1e-3)
  const assign = /^\s*([A-Za-z_][\w.]*)\s*=(?!=)\s*(.+)$/s.exec(stmt.text)
  if (assign && !/[([{,]/.test(stmt.masked.slice(0, stmt.masked.indexOf('=')))) {
    const name = assign[1].split('.').pop() as string
    push(name, assign[2], stmt.text.indexOf(assign[2]))
  }
  for (const call of findCalls(stmt)) {
    for (const arg of call.args) if (arg.name) push(arg.name, arg.value, arg.offset, call.callee)
  }
  DICT_ENTRY.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = DICT_ENTRY.exec(stmt.text)) !== null) {
    // only keys that are real string literals (the opening quote survives masking)
    if (stmt.masked[m.index] !== m[1]) continue
    const rest = stmt.text.slice(m.index + m[0].length)
    const value =
      /^(?:[rbu]?(['"])(?:\\.|(?!\1).)*\1|[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|True|False|None)(?=\s*[,}\n]|\s*$)/.exec(
        rest
      )
    if (value) push(m[2], value[0], m.index + m[0].length)
  }
  return out
}

export function sideParams(side: Side, kind: 'config' | 'code'): Param[] {
  return kind === 'config' ? configParams(side.entries) : codeParams(side)
}

function valueKey(value: unknown): string {
  const n = toNumber(value)
  if (n !== null) return `n:${n}`
  return `v:${JSON.stringify(value)}`
}

/**
 * Base → head pairs of values that changed: per key, the values that left and arrived when exactly one
 * did each; across keys, one leftover on each side (a key that moved, e.g. `lr` → `optimizer.lr`).
 */
export function pairChanges(before: Param[], after: Param[]): Array<{ before: Param; after: Param }> {
  // grouped once by key: a label map of 25,000 keys must not be rescanned per key
  const group = (ps: Param[]): Map<string, Param[]> => {
    const out = new Map<string, Param[]>()
    for (const p of ps) {
      const list = out.get(p.key)
      if (list) list.push(p)
      else out.set(p.key, [p])
    }
    return out
  }
  const beforeByKey = group(before)
  const afterByKey = group(after)
  const keys = new Set([...beforeByKey.keys(), ...afterByKey.keys()])
  const pairs: Array<{ before: Param; after: Param }> = []
  const leftBefore: Param[] = []
  const leftAfter: Param[] = []
  for (const key of keys) {
    const b = beforeByKey.get(key) ?? []
    const a = afterByKey.get(key) ?? []
    const pool = [...a]
    const removed: Param[] = []
    for (const p of b) {
      const at = pool.findIndex((q) => valueKey(q.value) === valueKey(p.value))
      if (at === -1) removed.push(p)
      else pool.splice(at, 1)
    }
    if (removed.length === 1 && pool.length === 1) pairs.push({ before: removed[0], after: pool[0] })
    else if (a.length === 0) leftBefore.push(...removed)
    else if (b.length === 0) leftAfter.push(...pool)
  }
  if (
    leftBefore.length === 1 &&
    leftAfter.length === 1 &&
    valueKey(leftBefore[0].value) !== valueKey(leftAfter[0].value)
  ) {
    pairs.push({ before: leftBefore[0], after: leftAfter[0] })
  }
  return pairs
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(unset)'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** A side's value as the evidence shows it: `3 (default, not set)` for a value the framework fills in. */
export function shownValue(p: Param): string {
  return p.fromDefault ? `${formatValue(p.value)} (default, not set)` : formatValue(p.value)
}

/** "40× lower", "10× higher" */
export function ratioText(from: number, to: number): string {
  const r = to >= from ? to / from : from / to
  const shown = r >= 10 ? Math.round(r).toString() : (Math.round(r * 10) / 10).toString()
  return `${shown}× ${to >= from ? 'higher' : 'lower'}`
}
