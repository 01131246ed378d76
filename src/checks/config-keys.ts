// YAML configs with a key written twice in one mapping: the loader keeps the last value without a word (strict
// loaders reject the file), so one of the two settings the author wrote does nothing.
import { LineCounter, parseAllDocuments } from 'yaml'
import type { Finding } from '../types.js'
import { makeFinding, type CheckSpec } from './finding.js'
import { clip } from './python.js'
import type { FileView } from './view.js'

export const DUPLICATE_KEY: CheckSpec = {
  id: 'TRAIN-DUPLICATE-KEY',
  family: 'training-config',
  title: 'Config key written twice',
  status: 'warn',
  bias: false,
  flags: 'a key the change writes twice in one mapping of a YAML config (the later value silently wins)',
  fix: 'Keep one of the two entries, the one with the value the run should use.'
}

/** `key` of each `key:` line, by indentation: a repeat is the only way a duplicate can exist. */
function mayRepeat(lines: string[]): boolean {
  const seen = new Set<string>()
  for (const l of lines) {
    const m = /^(\s*)([A-Za-z_][\w.-]*)\s*:/.exec(l)
    if (!m) continue
    const k = `${m[1].length}:${m[2]}`
    if (seen.has(k)) return true
    seen.add(k)
  }
  return false
}

/** The repeated keys of a YAML text: key name and the line of the later entry. */
function duplicates(text: string): Array<{ key: string; line: number; text: string }> {
  const lines = text.split(/\r?\n/)
  if (!mayRepeat(lines)) return []
  const counter = new LineCounter()
  const out: Array<{ key: string; line: number; text: string }> = []
  for (const doc of parseAllDocuments(text, { lineCounter: counter, uniqueKeys: true })) {
    if (!('errors' in doc)) continue
    for (const e of doc.errors) {
      if (e.code !== 'DUPLICATE_KEY' || !e.linePos) continue
      const line = e.linePos[0].line
      const key = /^\s*([^:#]+?)\s*:/.exec(lines[line - 1] ?? '')?.[1]
      if (key) out.push({ key, line, text: (lines[line - 1] ?? '').trim() })
    }
  }
  return out
}

export function checkDuplicateKeys(view: FileView): Finding[] {
  if (view.kind !== 'config' || view.embedded || !view.after || !view.baseKnown) return []
  if (!/\.ya?ml$/i.test(view.path)) return []
  try {
    const old = new Set(view.before ? duplicates(view.before.text).map((d) => d.key) : [])
    return duplicates(view.after.text)
      .filter((d) => !old.has(d.key))
      .slice(0, 2)
      .map((d) => makeFinding(DUPLICATE_KEY, view, d.line, `${clip(d.text, 100)} (${d.key} is already set above)`))
  } catch {
    return []
  }
}
