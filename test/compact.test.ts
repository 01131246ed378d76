// Notebooks compacted while read (bench/proposals/01): image data out, everything else byte for byte, whatever the
// chunking of the stream.
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { base64Bytes } from '../src/diff/blob.js'
import { compactNotebook, compactNotebookStream, NotebookCompactor } from '../src/diff/compact.js'
import { parseNotebook } from '../src/diff/notebook.js'
import { bigImageNotebook, recidivismNotebook } from './data/notebooks.js'

const png = (n: number, seed: number): string => Buffer.alloc(n, seed).toString('base64')

function notebook(image: string): string {
  const cells = [
    {
      cell_type: 'code',
      id: 'a',
      metadata: {},
      execution_count: 1,
      source: ['x = "\\"quoted\\" \\\\"\n', 'y = 2'],
      outputs: []
    },
    {
      cell_type: 'code',
      id: 'b',
      metadata: {},
      execution_count: 2,
      source: ['plot()'],
      outputs: [
        { output_type: 'display_data', metadata: {}, data: { 'image/png': image + '\n', 'text/plain': ['<Figure>'] } }
      ]
    }
  ]
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)
}

function inChunks(text: string, size: number): string {
  const c = new NotebookCompactor()
  const buf = Buffer.from(text)
  for (let i = 0; i < buf.length; i += size) c.push(buf.subarray(i, i + size))
  return c.end()
}

describe('compactNotebook', () => {
  it('replaces image data by its size and hash, keeping every line where it was', () => {
    const text = notebook(png(30_000, 7))
    const out = compactNotebook(text)
    expect(out.length).toBeLessThan(2_000)
    expect(out.split('\n').length).toBe(text.split('\n').length)
    const cell = parseNotebook(out).cells[1]
    expect(cell.outputs[0].summary).toBe(parseNotebook(text).cells[1].outputs[0].summary)
    expect(base64Bytes(JSON.parse(out).cells[1].outputs[0].data['image/png'])).toBe(30_000)
    expect(parseNotebook(out).cells.map((c) => c.sourceLines)).toEqual(
      parseNotebook(text).cells.map((c) => c.sourceLines)
    )
  })

  it('tells different images apart and equal ones alike', () => {
    expect(compactNotebook(notebook(png(5000, 1)))).toBe(compactNotebook(notebook(png(5000, 1))))
    expect(compactNotebook(notebook(png(5000, 1)))).not.toBe(compactNotebook(notebook(png(5000, 2))))
  })

  it('gives the same text whatever the chunks, escapes across chunk edges included', () => {
    const text = notebook(png(20_000, 3))
    const whole = compactNotebook(text)
    for (const size of [1, 2, 3, 7, 64, 1000, 65536]) expect(inChunks(text, size)).toBe(whole)
  })

  it('read as a stream, gives the same text as the whole text, whatever the chunks', async () => {
    const text = notebook(png(60_000, 9)).replace(
      '"cells": [',
      `"cells": [${JSON.stringify({ cell_type: 'code', id: 'z', metadata: {}, source: [], outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/jpeg': png(5000, 4) } }] })},`
    )
    const whole = compactNotebook(text)
    expect(whole).toMatch(/image\/jpeg":"\[base64 5000 bytes omitted, sha1 [0-9a-f]{40}\]"/)
    for (const size of [3, 4096, 65536, 1 << 20]) {
      const buf = Buffer.from(text)
      const parts: Buffer[] = []
      for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size))
      expect(await compactNotebookStream(Readable.from(parts))).toBe(whole)
    }
    // unterminated image data at the end of the stream is left out there too
    const cut = text.slice(0, text.indexOf('image/png') + 4000)
    expect(await compactNotebookStream(Readable.from([Buffer.from(cut)]))).toBe(compactNotebook(cut))
  })

  it('leaves small images, SVG, sources, non-JSON and LFS pointers alone', () => {
    const small = notebook(png(200, 1))
    expect(compactNotebook(small)).toBe(small)
    const svg = JSON.stringify({ data: { 'image/svg+xml': 'A'.repeat(5000) } })
    expect(compactNotebook(svg)).toBe(svg)
    const lfs = 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n'
    expect(compactNotebook(lfs)).toBe(lfs)
    expect(compactNotebook('{"a": "b\\"')).toBe('{"a": "b\\"')
  })

  it('changes nothing but image data in notebooks with plots, widgets and streams', () => {
    for (const text of [recidivismNotebook('base'), recidivismNotebook('train-test-swapped'), bigImageNotebook(1)]) {
      const out = compactNotebook(text)
      expect(out.length).toBeLessThan(text.length)
      const strip = (t: string) => t.replace(/"image\/(?!svg)[^"]*": "[^"]*"/g, '"image": "…"')
      expect(strip(out)).toBe(strip(text))
      const a = parseNotebook(text)
      const b = parseNotebook(out)
      expect(b.cells.map((c) => [c.source, c.sourceLines, c.outputs.map((o) => [o.summary, o.line])])).toEqual(
        a.cells.map((c) => [c.source, c.sourceLines, c.outputs.map((o) => [o.summary, o.line])])
      )
    }
  })

  it('gives the same text when image data is hashed on the hashing thread, whatever the chunks', async () => {
    // two images, the second ending in an escaped quote's neighbourhood, and non-ASCII text around them
    const two = notebook(png(50_000, 5))
      .replace('plot()', 'plot("é – ✓")')
      .replace(
        '"cells": [',
        `"cells": [${JSON.stringify({ cell_type: 'code', id: 'y', metadata: {}, source: ['s = "\\"'], outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': png(40_000, 6) } }] })},`
      )
    for (const text of [two, notebook(png(200_000, 8))]) {
      const whole = compactNotebook(text)
      for (const size of [1000, 16 * 1024, 65_536, 1 << 20]) {
        const buf = Buffer.from(text)
        // chunks of their own, as a download gives them, and views of one buffer
        const parts: Buffer[] = []
        for (let i = 0; i < buf.length; i += size) {
          const part = Buffer.allocUnsafeSlow(Math.min(size, buf.length - i))
          buf.copy(part, 0, i, i + size)
          parts.push(part)
        }
        expect(await compactNotebookStream(Readable.from(parts), { threadAfter: 0 })).toBe(whole)
        const views: Buffer[] = []
        for (let i = 0; i < buf.length; i += size) views.push(buf.subarray(i, i + size))
        expect(await compactNotebookStream(Readable.from(views), { threadAfter: 0 })).toBe(whole)
        expect(buf.toString()).toBe(text)
      }
    }
    const cut = notebook(png(60_000, 2)).slice(0, 30_000)
    expect(await compactNotebookStream(Readable.from([Buffer.from(cut)]), { threadAfter: 0 })).toBe(
      compactNotebook(cut)
    )
  })
})
