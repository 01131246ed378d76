// Configs written inside notebooks and scripts: a YAML/JSON string handed to a trainer (`yaml_string = """…"""`,
// as axolotl and LLaMA-Factory notebooks do) or a `%%writefile config.yaml` cell. Each becomes a config view at the
// lines of the notebook, so the config checks read it as they read a config file.
import { parseConfigEntries } from '../diff/config.js'
import type { ConfigEntry, ParsedNotebook } from '../types.js'
import { analyze } from '../analysis/index.js'
import type { FileView, Side } from './view.js'

/** A string with fewer keys than this is a value, not a config. */
const MIN_KEYS = 3
const WRITEFILE = /^\s*%%writefile\s+(?:-a\s+)?(\S+\.(?:ya?ml|json))\s*$/i

interface Embedded {
  key: string
  text: string
  entries: ConfigEntry[]
}

function parsed(format: string, text: string): ConfigEntry[] {
  try {
    return parseConfigEntries(`embedded.${format}`, text)
  } catch {
    return []
  }
}

/** File lines of the lines of a string starting at `line`: the cell's source lines from there on. */
function lineMap(notebook: ParsedNotebook | null, line: number): (k: number) => number {
  if (!notebook) return (k) => line + k - 1
  for (const cell of notebook.cells) {
    const at = cell.sourceLines.indexOf(line)
    if (at !== -1) return (k) => cell.sourceLines[at + k - 1] ?? cell.sourceLines[cell.sourceLines.length - 1] ?? line
  }
  return (k) => line + k - 1
}

function embeddedOf(side: Side): Embedded[] {
  const out: Embedded[] = []
  const seen = new Map<string, number>()
  const unique = (key: string): string => {
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    return n ? `${key}#${n}` : key
  }
  for (const stmt of analyze(side).statements) {
    const value = stmt.kind === 'assign' ? stmt.value : null
    const target = stmt.targets[0]
    if (value?.k !== 'str' || target?.k !== 'name' || !value.value.includes('\n')) continue
    const format = value.value.trimStart().startsWith('{') ? 'json' : 'yaml'
    const entries = parsed(format, value.value)
    if (entries.length < MIN_KEYS) continue
    const map = lineMap(side.notebook, value.line)
    out.push({
      key: unique(target.id),
      text: value.value,
      entries: entries.map((e) => ({ ...e, line: map(e.line) }))
    })
  }
  for (const cell of side.notebook?.cells ?? []) {
    if (cell.type !== 'code') continue
    const lines = cell.source.split('\n')
    const first = lines.findIndex((l) => l.trim() !== '')
    const m = first === -1 ? null : WRITEFILE.exec(lines[first])
    if (!m) continue
    const text = lines.slice(first + 1).join('\n')
    const entries = parsed(/json$/i.test(m[1]) ? 'json' : 'yaml', text)
    if (entries.length < MIN_KEYS) continue
    const at = (k: number): number => cell.sourceLines[first + k] ?? cell.sourceLines[cell.sourceLines.length - 1]
    out.push({ key: unique(m[1]), text, entries: entries.map((e) => ({ ...e, line: at(e.line) })) })
  }
  return out
}

const configSide = (e: Embedded): Side => ({
  text: e.text,
  notebook: null,
  entries: e.entries,
  lines: [],
  statements: []
})

/** Config views of the configs a code file writes, paired base to head by variable or file name. */
export function embeddedConfigViews(view: FileView): FileView[] {
  if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.after) return []
  const head = embeddedOf(view.after)
  if (head.length === 0) return []
  const base = new Map((view.before ? embeddedOf(view.before) : []).map((e) => [e.key, e]))
  return head.map((e) => {
    const b = base.get(e.key)
    return {
      ...view,
      kind: 'config' as const,
      embedded: true,
      before: b ? configSide(b) : null,
      after: configSide(e),
      // a config the base did not write is new only when the file itself is
      baseKnown: b !== undefined || view.before === null
    }
  })
}
