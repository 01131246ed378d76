// The analysis stage: each side of each code file parsed once (cells by content hash) and its data flow
// built once, for every check to query.
import type { ParsedNotebook } from '../types.js'
import { buildFlow, type FlowModel } from './flow.js'
import { callsIn, parseUnits, type Call, type PyStatement, type SourceUnit } from './parse.js'

export interface CodeAnalysis {
  statements: PyStatement[]
  flow: FlowModel
}

export interface CodeSource {
  text: string
  notebook: ParsedNotebook | null
}

const analyses = new WeakMap<CodeSource, CodeAnalysis>()

/** The code units of a side: its code cells in order, or the whole file. */
export function sourceUnits(side: CodeSource): SourceUnit[] {
  if (side.notebook) {
    return side.notebook.cells
      .filter((c) => c.type === 'code')
      .map((c) => ({ source: c.source, lines: c.sourceLines, cell: c.index }))
  }
  const text = side.text.replace(/\r\n?/g, '\n')
  return [{ source: text, lines: text.split('\n').map((_, i) => i + 1), cell: null }]
}

/** Parses and analyses a side once; later calls return the same result. Never throws. */
export function analyze(side: CodeSource): CodeAnalysis {
  const hit = analyses.get(side)
  if (hit) return hit
  let result: CodeAnalysis
  try {
    const statements = parseUnits(sourceUnits(side))
    result = { statements, flow: buildFlow(statements) }
  } catch {
    result = { statements: [], flow: buildFlow([]) }
  }
  analyses.set(side, result)
  return result
}

const flat = new WeakMap<PyStatement, string>()

/** Whitespace- and comment-insensitive text of a statement, to tell a new statement from an old one. */
export function flatText(stmt: PyStatement): string {
  const hit = flat.get(stmt)
  if (hit !== undefined) return hit
  const text = stmt.text
    .replace(/#[^\n'"]*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
  flat.set(stmt, text)
  return text
}

/** Per head analysis, its new statements against each base analysis: every check asks the same question. */
const fresh = new WeakMap<CodeAnalysis, WeakMap<CodeAnalysis, Set<PyStatement>>>()
const noBase: CodeAnalysis = { statements: [], flow: buildFlow([]) }

/** Statements of the head whose text the base does not have anywhere. */
export function newStatements(before: CodeAnalysis | null, after: CodeAnalysis): Set<PyStatement> {
  const base = before ?? noBase
  let byBase = fresh.get(after)
  if (!byBase) fresh.set(after, (byBase = new WeakMap()))
  const hit = byBase.get(base)
  if (hit) return hit
  const old = new Set(base.statements.map(flatText))
  const out = new Set(after.statements.filter((s) => !old.has(flatText(s))))
  byBase.set(base, out)
  return out
}

/** The calls of an analysis grouped by a key of the caller's choosing (calls whose key is null are left out). */
export function callsBy(analysis: CodeAnalysis, key: (call: Call) => string | null): Map<string, Call[]> {
  const out = new Map<string, Call[]>()
  for (const s of analysis.statements)
    for (const c of callsIn(s)) {
      const k = key(c)
      if (k === null) continue
      const list = out.get(k)
      if (list) list.push(c)
      else out.set(k, [c])
    }
  return out
}

const reruns = new WeakMap<CodeAnalysis, Set<string>>()

/**
 * Statement texts written twice in a row, word for word (a cell duplicated): the second copy reads the same
 * state as the first, so taking one away takes nothing away. Copies with other code between them may read
 * different data and are not reruns.
 */
export function rerunTexts(analysis: CodeAnalysis): Set<string> {
  const hit = reruns.get(analysis)
  if (hit) return hit
  const out = new Set<string>()
  const code = analysis.statements.filter((s) => s.text.trim() !== '')
  for (let i = 1; i < code.length; i++) if (flatText(code[i]) === flatText(code[i - 1])) out.add(flatText(code[i]))
  reruns.set(analysis, out)
  return out
}

/** A function the file defines itself: `def name(params):` and the lines of its body. */
export interface OwnFunction {
  name: string
  params: string[]
  stmt: PyStatement
  /** the last line of the `def` header, and of its body */
  headerEnd: number
  bodyEnd: number
}

const ownFunctionsOf = new WeakMap<PyStatement[], OwnFunction[]>()

/** The file's own named functions, in the order they are defined (a nested one after the one it is in). */
export function ownFunctions(statements: PyStatement[]): OwnFunction[] {
  let hit = ownFunctionsOf.get(statements)
  if (hit) return hit
  hit = statements.flatMap((s) =>
    s.kind === 'def' && s.bodyEnd !== undefined && s.targets[0]?.k === 'name'
      ? [
          {
            name: s.targets[0].id,
            params: (s.params ?? []).map((p) => p.name),
            stmt: s,
            headerEnd: s.endLine,
            bodyEnd: s.bodyEnd
          }
        ]
      : []
  )
  ownFunctionsOf.set(statements, hit)
  return hit
}

/** Whether `line` is in the body of `fn`. */
export const inBody = (fn: OwnFunction, line: number): boolean => line > fn.headerEnd && line <= fn.bodyEnd

/** The innermost of the file's own functions whose body holds `line`. */
export function enclosingFunction(statements: PyStatement[], line: number): OwnFunction | undefined {
  return ownFunctions(statements)
    .filter((f) => inBody(f, line))
    .at(-1)
}
