import { describe, expect, it } from 'vitest'
import { diffNotebook, parseNotebook } from '../../src/diff/notebook.js'
import { bigImageNotebook, recidivismNotebook } from '../data/notebooks.js'
import { BASE64_RUN, notebookText, sourceLinesHold } from './helpers.js'

const PNG = 'iVBORw0KGgo' + 'A'.repeat(4000) + '=='

describe('parseNotebook', () => {
  it('maps every source line to its line in the .ipynb text', () => {
    const text = notebookText([
      { source: 'import torch\nlr = 1e-3\nprint(lr)' },
      { source: '# Title\n\nSome text\n', type: 'markdown' },
      { source: '' }
    ])
    const nb = parseNotebook(text)
    expect(nb.nbformat).toBe(4)
    expect(nb.cells.map((c) => c.type)).toEqual(['code', 'markdown', 'code'])
    expect(nb.cells[0].source).toBe('import torch\nlr = 1e-3\nprint(lr)')
    const lines = text.split('\n')
    expect(lines[nb.cells[0].sourceLines[1] - 1]).toContain('lr = 1e-3')
    expect(nb.cells[1].sourceLines).toHaveLength(4)
    expect(nb.cells[2].source).toBe('')
    expect(nb.cells[2].sourceLines).toHaveLength(1)
    sourceLinesHold(text)
  })

  it('maps all lines of a single-string source to the line of that string', () => {
    const text = JSON.stringify(
      {
        cells: [{ cell_type: 'code', metadata: {}, execution_count: 1, outputs: [], source: 'a = 1\nb = 2\n' }],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 2
      },
      null,
      2
    )
    const cell = parseNotebook(text).cells[0]
    const line = text.split('\n').findIndex((l) => l.includes('"source"')) + 1
    expect(cell.sourceLines).toEqual([line, line, line])
    expect(cell.executionCount).toBe(1)
  })

  it('summarises outputs without keeping their data', () => {
    const text = notebookText([
      {
        source: 'plot()',
        count: 3,
        outputs: [
          { output_type: 'stream', name: 'stdout', text: ['epoch 1\n', 'epoch 2\n', 'epoch 3\n'] },
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'image/png': PNG, 'text/plain': ['<Figure size 640x480>'] }
          },
          {
            output_type: 'execute_result',
            execution_count: 3,
            metadata: {},
            data: { 'text/html': '<table><tr><td>1</td></tr></table>', 'text/plain': 'df' }
          },
          {
            output_type: 'error',
            ename: 'ValueError',
            evalue: 'bad shape',
            traceback: ['\u001b[31mValueError\u001b[0m']
          },
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'application/vnd.jupyter.widget-view+json': { model_id: 'abc', version_major: 2 } }
          }
        ]
      }
    ])
    const outputs = parseNotebook(text).cells[0].outputs
    expect(outputs.map((o) => o.summary)).toEqual([
      'stdout 3 lines',
      'image/png 3 KB, text/plain 1 line',
      'text/html table, text/plain 1 line',
      'error ValueError: bad shape',
      'application/vnd.jupyter.widget-view+json widget'
    ])
    expect(outputs.map((o) => o.text)).toEqual([
      'epoch 1\nepoch 2\nepoch 3\n',
      '<Figure size 640x480>',
      'df',
      'ValueError: bad shape',
      ''
    ])
    expect(outputs.map((o) => o.outputType)).toEqual([
      'stream',
      'display_data',
      'execute_result',
      'error',
      'display_data'
    ])
    const lines = text.split('\n')
    for (const o of outputs) expect(lines[o.line - 1].trim()).toBe('{')
    expect(JSON.stringify(outputs)).not.toMatch(BASE64_RUN)
  })

  it('rejects malformed JSON and old nbformat with a clear message', () => {
    expect(() => parseNotebook('{"cells": [')).toThrow(/^not valid JSON: /)
    expect(() => parseNotebook('{"nbformat": 3, "worksheets": []}')).toThrow('nbformat 3 notebooks are not supported')
    expect(() => parseNotebook('[]')).toThrow(/not a Jupyter notebook/)
    expect(() => parseNotebook('{"nbformat": 4}')).toThrow(/no "cells" array/)
  })

  it('parses a 3 MB notebook with widgets and images without keeping their data', () => {
    const text = bigImageNotebook(3)
    expect(text.length).toBeGreaterThan(3_000_000)
    const nb = parseNotebook(text)
    expect(nb.cells.length).toBe(7)
    const summaries = nb.cells.flatMap((c) => c.outputs.map((o) => o.summary))
    expect(summaries.filter((s) => s.includes('widget')).length).toBe(4)
    expect(summaries.filter((s) => s.startsWith('image/png')).length).toBe(3)
    expect(JSON.stringify(nb)).not.toMatch(BASE64_RUN)
    const added = diffNotebook('peft/blip2.ipynb', null, text)
    expect(added.summary).toMatch(/^New notebook: 7 cells/)
    for (const part of [added.summary, added.cells ?? '']) expect(part).not.toMatch(BASE64_RUN)
  })

  it('maps source lines correctly in notebooks as Jupyter writes them', () => {
    for (const text of [recidivismNotebook('base'), recidivismNotebook('privileged-flipped'), bigImageNotebook(1)])
      sourceLinesHold(text)
  })
})

describe('diffNotebook', () => {
  const cells = [
    { source: 'import torch\nimport numpy as np' },
    { source: '# Training', type: 'markdown' as const },
    { source: 'model = Net()\noptimizer = Adam(model.parameters(), lr=1e-3)' },
    { source: 'for epoch in range(10):\n    train(model)' },
    { source: 'evaluate(model, test_set)' }
  ]

  it('reports exactly one added cell when a cell is inserted at the top', () => {
    const before = notebookText(cells)
    const after = notebookText([{ source: '!pip install transformers==4.40.0' }, ...cells])
    const d = diffNotebook('nb.ipynb', before, after)
    expect(d.summary).toContain('0 modified, 1 added, 0 removed, 0 moved')
    expect(d.summary.split('\n').filter((l) => l.startsWith('- cell'))).toEqual([
      expect.stringMatching(/^- cell 1 \(code\) added: 1 line/)
    ])
    const line = after.split('\n').findIndex((l) => l.includes('pip install')) + 1
    expect(d.changedLines).toEqual([line])
    expect(d.cells).toContain('#### cell 1 (code) added')
    expect(d.cells).toContain('+!pip install transformers==4.40.0')
  })

  it('reports one added cell by id alignment too', () => {
    const withIds = cells.map((c, i) => ({ ...c, id: `id-${i}` }))
    const d = diffNotebook(
      'nb.ipynb',
      notebookText(withIds),
      notebookText([{ source: 'x = 1', id: 'new' }, ...withIds])
    )
    expect(d.summary).toContain('0 modified, 1 added, 0 removed, 0 moved')
  })

  it('pairs an edited cell as modified, with a unified diff of its source', () => {
    const after = cells.map((c, i) => (i === 3 ? { source: 'for epoch in range(40):\n    train(model)' } : c))
    const d = diffNotebook('nb.ipynb', notebookText(cells), notebookText(after))
    expect(d.summary).toMatch(/^- cell 4 \(code\) modified: \+1 −1 lines/m)
    expect(d.cells).toMatch(/^#### cell 4 \(code\) modified — line \d+$/m)
    expect(d.cells).toContain('-for epoch in range(10):\n+for epoch in range(40):\n     train(model)')
    expect(d.cells).toMatch(/^```diff$/m)
  })

  it('pairs by id even when the edit is large, and detects moves', () => {
    const withIds = cells.map((c, i) => ({ ...c, id: `id-${i}` }))
    const after = [withIds[0], withIds[4], withIds[1], withIds[2], { ...withIds[3], source: 'completely different' }]
    const d = diffNotebook('nb.ipynb', notebookText(withIds), notebookText(after))
    expect(d.summary).toContain('1 modified, 0 added, 0 removed, 1 moved')
    expect(d.summary).toMatch(/^- cell 2 \(code\) moved from cell 5/m)
  })

  it('detects a moved cell without ids', () => {
    const after = [cells[0], cells[4], cells[1], cells[2], cells[3]]
    const d = diffNotebook('nb.ipynb', notebookText(cells), notebookText(after))
    expect(d.summary).toContain('0 modified, 0 added, 0 removed, 1 moved')
    expect(d.changedLines).toEqual([])
  })

  it('reports a removed cell with its base source', () => {
    const d = diffNotebook('nb.ipynb', notebookText(cells), notebookText(cells.filter((_, i) => i !== 1)))
    expect(d.summary).toContain('0 modified, 0 added, 1 removed, 0 moved')
    expect(d.cells).toContain('#### cell 2 (markdown) removed (base numbering)')
    expect(d.cells).toContain('-# Training')
  })

  it('collapses output-only, execution-count-only and metadata-only changes', () => {
    const run = (n: number, text: string) => ({ output_type: 'stream', name: 'stdout', text })
    const before = notebookText(
      cells.map((c, i) => ({ ...c, count: i, outputs: c.type ? undefined : [run(i, 'old\n')] }))
    )
    const after = notebookText(
      cells.map((c, i) => ({ ...c, count: i + 10, outputs: c.type ? undefined : [run(i, i < 2 ? 'old\n' : 'new\n')] })),
      {
        metadata: { kernelspec: { name: 'python3', display_name: 'Python 3.11', language: 'python' } }
      }
    )
    const d = diffNotebook('nb.ipynb', before, after)
    expect(d.summary).toContain('0 modified, 0 added, 0 removed, 0 moved')
    expect(d.summary).toContain('- outputs changed in 3 cells (no source change): cells 3, 4, 5')
    expect(d.summary).toContain('- execution counts changed in 1 cell (nothing else changed)')
    expect(d.summary).toContain('- notebook metadata changed')
    expect(d.cells).toBeUndefined()
    expect(d.changedLines).toEqual([])
  })

  it('never puts image data in the diff when outputs change', () => {
    const before = notebookText([{ source: 'plot()', outputs: [] }])
    const after = notebookText([
      { source: 'plot()', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': PNG } }] }
    ])
    const d = diffNotebook('nb.ipynb', before, after)
    expect(d.summary).toContain('outputs changed in 1 cell')
    expect(JSON.stringify(d)).not.toMatch(BASE64_RUN)
  })

  it('leaves base64 out of cell sources (markdown data URIs)', () => {
    const md = `![plot](data:image/png;base64,${PNG})`
    const d = diffNotebook('nb.ipynb', notebookText(cells), notebookText([...cells, { source: md, type: 'markdown' }]))
    expect(d.cells).toContain('+![plot](data:image/png;base64,[base64 3 KB omitted])')
    expect(JSON.stringify(d)).not.toMatch(BASE64_RUN)
  })

  it('handles added and deleted notebooks', () => {
    const text = notebookText(cells)
    const added = diffNotebook('nb.ipynb', null, text)
    expect(added.summary).toMatch(/^New notebook: 5 cells \(4 code, 1 markdown\)\./)
    expect(added.summary.split('\n').filter((l) => / added: /.test(l))).toHaveLength(5)
    expect(added.changedLines).toHaveLength(8)
    const deleted = diffNotebook('nb.ipynb', text, null)
    expect(deleted.summary).toMatch(/^Notebook deleted: it had 5 cells/)
    expect(deleted.changedLines).toEqual([])
    expect(deleted.cells).toBeUndefined()
  })

  it('falls back to a text diff with a note when a side does not parse', () => {
    const before = notebookText(cells).replace('"cells": [', '"cells": [,')
    const after = notebookText([
      ...cells,
      { source: 'x = 1', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': PNG } }] }
    ])
    const d = diffNotebook('nb.ipynb', before, after)
    expect(d.notes[0]).toMatch(/^before: not valid JSON: /)
    expect(d.summary).toMatch(/^Compared as text: before is not a readable notebook/)
    expect(d.patch).toContain('+   "source": [')
    expect(d.patch).toContain('[base64 3 KB omitted]')
    expect(JSON.stringify(d)).not.toMatch(BASE64_RUN)
    expect(d.changedLines.length).toBeGreaterThan(0)
    const old = diffNotebook('nb.ipynb', '{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}', after)
    expect(old.notes[0]).toBe('before: nbformat 3 notebooks are not supported (only nbformat 4)')
  })

  it('caps the work on huge cells and says so', () => {
    const huge = Array.from({ length: 6000 }, (_, i) => `x${i} = ${i}`).join('\n')
    const d = diffNotebook('nb.ipynb', notebookText([{ source: huge }]), notebookText([{ source: huge + '\ny = 1' }]))
    expect(d.notes.join('\n')).toMatch(/source too large to diff \(600\d lines\)/)
    expect(d.summary).toMatch(/^- cell 1 \(code\) modified/m)
  })
})
