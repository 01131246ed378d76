// Notebook text as Jupyter writes it, and what binary data leaking into text looks like.
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
