// Small builders for check tests: nbformat-4 notebooks as Jupyter writes them, ChangedFiles, line lookup.
import { expect } from 'vitest'
import { runChecks } from '../../src/checks/index.js'
import type { ChangedFile, Finding } from '../../src/types.js'

export interface CellSpec {
  source: string
  type?: 'code' | 'markdown'
  executionCount?: number | null
  outputs?: unknown[]
  metadata?: Record<string, unknown>
}

/** nbformat-4 JSON, indented by one space like Jupyter, sources as lists of lines. */
export function notebook(cells: Array<string | CellSpec>): string {
  const toLines = (text: string): string[] => {
    const parts = text.split('\n')
    return parts.map((p, i) => (i < parts.length - 1 ? `${p}\n` : p)).filter((p) => p !== '')
  }
  const nb = {
    cells: cells.map((c, i) => {
      const spec = typeof c === 'string' ? { source: c } : c
      const type = spec.type ?? 'code'
      return type === 'code'
        ? {
            cell_type: 'code',
            execution_count: spec.executionCount === undefined ? null : spec.executionCount,
            id: `cell-${i}`,
            metadata: spec.metadata ?? {},
            outputs: spec.outputs ?? [],
            source: toLines(spec.source)
          }
        : { cell_type: type, id: `cell-${i}`, metadata: {}, source: toLines(spec.source) }
    }),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5
  }
  return JSON.stringify(nb, null, 1) + '\n'
}

export function stream(text: string): unknown {
  return { name: 'stdout', output_type: 'stream', text: text.split(/(?<=\n)/) }
}

export function errorOutput(ename: string, evalue: string): unknown {
  return { ename, evalue, output_type: 'error', traceback: [`${ename}: ${evalue}`] }
}

/** 1-based line of the first line of `text` that contains `needle` (after `from`, when given). */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n')
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i + 1
  throw new Error(`"${needle}" not found`)
}

export function modified(path: string, before: string, after: string): ChangedFile {
  return { path, status: 'modified', before, after }
}

export function added(path: string, after: string): ChangedFile {
  return { path, status: 'added', before: null, after }
}

export function run(...files: ChangedFile[]): Finding[] {
  return runChecks(files)
}

export function withId(findings: Finding[], id: string): Finding[] {
  return findings.filter((f) => f.check === id)
}

/** Exactly one finding of this check, with the expected status, bias, path and line. */
export function expectOne(
  findings: Finding[],
  id: string,
  expected: { status: Finding['status']; bias: boolean; path: string; line: number | null }
): Finding {
  const hits = withId(findings, id)
  expect(hits, `${id} in ${JSON.stringify(findings, null, 1)}`).toHaveLength(1)
  expect({ status: hits[0].status, bias: hits[0].bias, path: hits[0].path, line: hits[0].line }).toEqual(expected)
  expect(hits[0].evidence.length).toBeGreaterThan(0)
  expect(hits[0].fix.length).toBeGreaterThan(0)
  return hits[0]
}

export function expectNone(findings: Finding[], id: string): void {
  expect(withId(findings, id), JSON.stringify(findings, null, 1)).toEqual([])
}
