import { describe, expect, it } from 'vitest'
import { changedHeadLines, truncateLines, unifiedDiff } from '../../src/diff/text.js'

describe('unifiedDiff', () => {
  it('makes a unified diff with file headers', () => {
    const patch = unifiedDiff('configs/a.yaml', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n')
    expect(patch).toBe('--- a/configs/a.yaml\n+++ b/configs/a.yaml\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 3\n')
  })

  it('uses /dev/null for a missing side and is empty when nothing changed', () => {
    expect(unifiedDiff('x.yaml', null, 'a: 1\n')).toMatch(
      /^--- \/dev\/null\n\+\+\+ b\/x.yaml\n@@ -0,0 \+1(,1)? @@\n\+a: 1\n$/
    )
    expect(unifiedDiff('x.yaml', 'a: 1\n', null)).toMatch(/^--- a\/x.yaml\n\+\+\+ \/dev\/null\n/)
    expect(unifiedDiff('x.yaml', 'same', 'same')).toBe('')
  })

  it('honours the context size and caps the output', () => {
    const before = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const after = before.replace('line 50', 'changed')
    expect(unifiedDiff('f', before, after, 0)).toContain('@@ -51,1 +51,1 @@\n-line 50\n+changed\n')
    const many = Array.from({ length: 5000 }, (_, i) => `v${i}`).join('\n')
    const capped = unifiedDiff('f', null, many, 3, 1000)
    expect(capped.length).toBeLessThan(1100)
    expect(capped).toMatch(/… truncated: \d+ more lines not shown\n$/)
  })

  it('refuses inputs that are too different instead of running for ever', () => {
    const a = Array.from({ length: 5_000 }, (_, i) => `a${i}`).join('\n')
    const b = Array.from({ length: 5_000 }, (_, i) => `b${i}`).join('\n')
    expect(unifiedDiff('f', a, b)).toMatch(/diff not computed: more than \d+ changed lines/)
  })
})

describe('changedHeadLines', () => {
  it('lists the head lines that are new or changed', () => {
    expect(changedHeadLines('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([2, 4])
    expect(changedHeadLines(null, 'x\ny')).toEqual([1, 2])
    expect(changedHeadLines('x\n', null)).toEqual([])
  })

  it('ignores a change of the final newline alone', () => {
    expect(changedHeadLines('a\nb\n', 'a\nb')).toEqual([])
  })
})

describe('truncateLines', () => {
  it('cuts at a line boundary', () => {
    expect(truncateLines('aaa\nbbb\nccc\n', 6)).toBe('aaa\n… truncated: 2 more lines not shown\n')
    expect(truncateLines('short', 100)).toBe('short')
  })
})
