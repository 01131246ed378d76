// Notebook text as Jupyter writes it, what binary data leaking into text looks like, and a check that every source
// line maps to its line of the .ipynb.
import { expect } from 'vitest'
import { parseNotebook } from '../../src/diff/notebook.js'
/** A run of base64 alphabet this long means binary data leaked into text. */
export const BASE64_RUN = /[A-Za-z0-9+/]{200,}/

/** Builds a small nbformat 4 notebook, pretty-printed like Jupyter (indent 1, one source line per element). */
export function notebookText(
  cells: { source: string; type?: 'code' | 'markdown'; id?: string; outputs?: unknown[]; count?: number | null }[],
  extra: Record<string, unknown> = {}
): string {
  const nb = {
    cells: cells.map((c) => ({
      cell_type: c.type ?? 'code',
      ...(c.id ? { id: c.id } : {}),
      metadata: {},
      source: c.source === '' ? [] : c.source.split(/(?<=\n)/),
      ...((c.type ?? 'code') === 'code' ? { execution_count: c.count ?? null, outputs: c.outputs ?? [] } : {})
    })),
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
    ...extra
  }
  return JSON.stringify(nb, null, 1) + '\n'
}

/** Asserts that every ASCII source line of every cell sits on the .ipynb line its `sourceLines` names. */
export function sourceLinesHold(text: string): void {
  const lines = text.split('\n')
  for (const cell of parseNotebook(text).cells) {
    expect(cell.sourceLines).toHaveLength(cell.source.split('\n').length)
    cell.source.split('\n').forEach((line, i) => {
      // The file line holds the JSON-escaped text of the source line (ASCII lines: escaping is unambiguous).
      if (!/^[\x20-\x7e]*$/.test(line)) return
      const escaped = JSON.stringify(line).slice(1, -1).slice(0, 40)
      expect(lines[cell.sourceLines[i] - 1], `cell ${cell.index} line ${i}`).toContain(escaped)
    })
  }
}
