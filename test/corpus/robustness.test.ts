// The real corpus through the pure stages: compaction, parsing and the checks never throw, never change what they
// must keep, and map every line back to the file.
import { describe, expect, it } from 'vitest'
import { hasTrainingKeys } from '../../src/collect/select.js'
import { CHECKS, runChecks } from '../../src/checks/index.js'
import { compactNotebook } from '../../src/diff/compact.js'
import { diffNotebook, parseNotebook } from '../../src/diff/notebook.js'
import { BASE64_RUN, sourceLinesHold } from '../diff/helpers.js'
import { realChange, realChangedFiles, realChanges, standaloneAdded, standaloneNotebooks } from './fixtures.js'

const allFiles = () => [...realChangedFiles().values(), ...standaloneAdded().values()]

describe('the checks on the real corpus', () => {
  it('return findings sorted by path and line, each from a known check', () => {
    const found = runChecks(allFiles())
    expect(found.length).toBeGreaterThan(0)
    const known = new Set(CHECKS.map((c) => c.id))
    for (const f of found) expect(known.has(f.check)).toBe(true)
    const keys = found.map((f) => `${f.path}\u0000${String(f.line ?? 0).padStart(9, '0')}`)
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)))
  })

  it('never throw on truncated real files, and skip a side that does not parse (fixture 11)', () => {
    for (const f of allFiles()) {
      const text = f.after ?? f.before ?? ''
      for (const cut of [1, 0.5, 0.9]) {
        const part = text.slice(0, Math.floor(text.length * cut))
        expect(() => runChecks([{ ...f, after: part }])).not.toThrow()
        expect(() => runChecks([{ ...f, before: part }])).not.toThrow()
      }
    }
    expect(runChecks([realChangedFiles().get('11')!])).toEqual([])
  })
})

describe('notebooks of the real corpus', () => {
  it('compaction changes nothing but image data', () => {
    const texts = [
      ...realChanges().flatMap((c) => (c.meta.kind === 'notebook' ? [c.before, c.after] : [])),
      ...standaloneNotebooks().map((n) => n.text)
    ].filter((t): t is string => t !== null)
    expect(texts.length).toBeGreaterThan(10)
    for (const text of texts) {
      const out = compactNotebook(text)
      const strip = (s: string) => s.replace(/"image\/(?!svg)[^"]*": "[^"]*"/g, '"image": "…"')
      expect(strip(out)).toBe(strip(text))
      const a = parseNotebook(text)
      const b = parseNotebook(out)
      expect(b.cells.map((c) => [c.source, c.sourceLines, c.outputs.map((o) => [o.summary, o.line])])).toEqual(
        a.cells.map((c) => [c.source, c.sourceLines, c.outputs.map((o) => [o.summary, o.line])])
      )
    }
  })

  it('parses the 3 MB notebook with widgets and images', () => {
    const big = standaloneNotebooks().find((n) => n.name.startsWith('Fine_tune_BLIP2'))
    expect(big).toBeDefined()
    const text = big!.text
    expect(text.length).toBeGreaterThan(2_900_000)
    const nb = parseNotebook(text)
    expect(nb.cells.length).toBe(33)
    const summaries = nb.cells.flatMap((c) => c.outputs.map((o) => o.summary))
    expect(summaries.filter((s) => s.includes('widget')).length).toBe(45)
    expect(summaries.filter((s) => s.startsWith('image/png')).length).toBe(3)
    expect(JSON.stringify(nb)).not.toMatch(BASE64_RUN)
    const added = diffNotebook('peft/blip2.ipynb', null, text)
    expect(added.summary).toMatch(/^New notebook: 33 cells/)
    for (const part of [added.summary, added.cells ?? '']) expect(part).not.toMatch(BASE64_RUN)
  })

  it('maps source lines correctly in every standalone notebook', () => {
    const notebooks = standaloneNotebooks()
    expect(notebooks.length).toBe(5)
    for (const { text } of notebooks) sourceLinesHold(text)
  })
})

describe('ML file selection on the real corpus', () => {
  it('detects training keys in the axolotl configs that no glob matches', () => {
    expect(hasTrainingKeys(realChange('01').after!)).toBe(true)
    expect(hasTrainingKeys(realChange('03').after!)).toBe(true)
  })
})
