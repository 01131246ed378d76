// Loads the real before/after pairs of /work/shared/fixtures (read-only, byte-exact upstream files).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export const FIXTURES = process.env.ML_REVIEW_FIXTURES ?? '/work/shared/fixtures'
export const REAL_CHANGES = join(FIXTURES, 'real-changes')
export const NOTEBOOKS = join(FIXTURES, 'notebooks')

export interface RealChange {
  dir: string
  number: string
  meta: { path: string; kind: 'config' | 'notebook'; change: string; what: string }
  before: string | null
  after: string | null
}

function readSide(dir: string, side: 'before' | 'after'): string | null {
  const file = readdirSync(dir).find((f) => f.startsWith(`${side}.`))
  return file ? readFileSync(join(dir, file), 'utf8') : null
}

export function realChanges(): RealChange[] {
  if (!existsSync(REAL_CHANGES)) return []
  return readdirSync(REAL_CHANGES)
    .filter((d) => /^\d\d-/.test(d))
    .sort()
    .map((d) => {
      const dir = join(REAL_CHANGES, d)
      return {
        dir: d,
        number: d.slice(0, 2),
        meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as RealChange['meta'],
        before: readSide(dir, 'before'),
        after: readSide(dir, 'after')
      }
    })
}

export function realChange(number: string): RealChange {
  const found = realChanges().find((c) => c.number === number)
  if (!found) throw new Error(`fixture ${number} not found under ${REAL_CHANGES}`)
  return found
}

export function standaloneNotebooks(): { name: string; text: string }[] {
  if (!existsSync(NOTEBOOKS)) return []
  return readdirSync(NOTEBOOKS)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(NOTEBOOKS, name), 'utf8') }))
}

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
