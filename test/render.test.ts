import { describe, expect, it } from 'vitest'
import type { Decision } from '../src/report/decide.js'
import {
  COMMENT_MARKER,
  fitSections,
  MAX_COMMENT_CHARS,
  neutraliseMentions,
  renderCheckOutput,
  renderComment
} from '../src/report/render.js'
import type { ChecklistItem } from '../src/types.js'

const fail: ChecklistItem = {
  id: 'RAI-1',
  text: 'Fairness per group — FAIL',
  status: 'fail',
  bias: true,
  source: 'bridge',
  path: 'a.ipynb',
  line: 3
}
const decision: Decision = { conclusion: 'failure', reason: '1 bias/fairness item failed', blocking: [fail] }
const input = {
  decision,
  report: '## ML Engineering Report\n### Data Pipeline\nok',
  items: [fail],
  headSha: 'c'.repeat(40),
  runUrl: 'https://run',
  notes: ['2 secrets were redacted']
}

describe('renderComment', () => {
  it('starts with the marker and holds status, report, items, head SHA and run link', () => {
    const body = renderComment(input)
    expect(body.startsWith(COMMENT_MARKER)).toBe(true)
    expect(body).toContain('Merge blocked')
    expect(body).toContain('Fairness per group')
    // no repository URL (a local review): the location is text, the notebook line named as such
    expect(body).toContain('`a.ipynb` line 3 of the .ipynb')
    expect(body).toContain('c'.repeat(40))
    expect(body).toContain('(https://run)')
    expect(body).toContain('2 secrets were redacted')
  })

  it('stays within 65,536 characters, cutting at a section boundary', () => {
    const sections = Array.from({ length: 40 }, (_, i) => `### Section ${i}\n${'x'.repeat(3000)}`).join('\n')
    const body = renderComment({ ...input, report: sections })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).toContain('### Section 0')
    expect(body).not.toContain('### Section 39')
    // the cut lands before a heading: the last kept section is whole
    const kept = body.match(/### Section (\d+)\n(x+)/g) ?? []
    expect(kept.every((s) => s.endsWith('x'.repeat(3000)))).toBe(true)
    expect(body).toContain('full report is in the [job summary](https://run)')
  })

  it('cuts a single enormous section at a line boundary', () => {
    const body = renderComment({
      ...input,
      report: Array.from({ length: 9000 }, (_, i) => `line ${i} of text`).join('\n')
    })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).toMatch(/line \d+ of text\n\n> ✂️/)
  })

  it('neutralises @mentions in the report but not emails', () => {
    const body = renderComment({ ...input, report: 'ping @octocat and @org/team, mail a@b.com' })
    expect(body).not.toMatch(/(^|\s)@octocat/)
    expect(body).toContain('@\u200boctocat')
    expect(body).toContain('@\u200borg/team')
    expect(body).toContain('a@b.com')
  })
})

describe('fitSections', () => {
  it('returns short text unchanged', () => {
    expect(fitSections('# a\nb', 100, 'cut')).toBe('# a\nb')
  })
})

describe('renderCheckOutput', () => {
  it('titles a failure with its reason and keeps summary and text within the API limit', () => {
    const out = renderCheckOutput({ ...input, report: 'y'.repeat(200_000) })
    expect(out.title).toBe('1 bias/fairness item failed')
    expect(out.text.length).toBeLessThanOrEqual(65535)
    expect(out.summary.length).toBeLessThanOrEqual(65535)
  })
  it('mentions: neutraliseMentions leaves code spans alone', () => {
    expect(neutraliseMentions('`@decorator`')).toBe('`@decorator`')
  })
})

describe('changes in the comment', () => {
  const diff = {
    path: 'configs/train.yaml',
    kind: 'config' as const,
    summary:
      '- `learning_rate: 0.0002 → 0.000005` (line 33)\n- `hf_token: hf_abcdefghijklmnopqrstuvwxyzABCDEF12` (line 4)\n- owner: @octocat',
    changedLines: [33],
    notes: []
  }
  it('shows config key changes in a collapsed block, without secrets or pings', () => {
    const body = renderComment({ ...input, diffs: [diff] })
    expect(body).toContain('<summary>Changes reviewed (1 file)</summary>')
    expect(body).toContain('`learning_rate: 0.0002 → 0.000005` (line 33)')
    expect(body).not.toContain('hf_abcdefghijklmnopqrstuvwxyzABCDEF12')
    expect(body).toContain('@\u200boctocat')
  })
  it('keeps <details> and code fences balanced when the changes are cut', () => {
    const cells = Array.from(
      { length: 400 },
      (_, i) => `#### cell ${i} (code) modified\n\`\`\`diff\n${'+x = 1\n'.repeat(40)}\`\`\``
    ).join('\n')
    const body = renderComment({ ...input, diffs: [{ ...diff, kind: 'notebook', summary: 'many cells', cells }] })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length)
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0)
    expect(body).toContain('More changes in the [job summary]')
  })
})

describe('comment size and pings, whatever the input', () => {
  it('stays within 65,536 characters with a thousand notes and long blocking items, and pings nobody', () => {
    const long: ChecklistItem = { ...fail, text: `Fairness sign-off by @alice missing ${'z'.repeat(8000)}` }
    const body = renderComment({
      ...input,
      decision: { ...decision, blocking: Array.from({ length: 20 }, () => long) },
      items: Array.from({ length: 20 }, () => long),
      notes: Array.from(
        { length: 1000 },
        (_, i) => `\`configs/f${i}.yaml\`: renamed from old/f${i}.yaml ${'n'.repeat(200)}`
      )
    })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).not.toMatch(/(^|\s)@alice/)
    expect(body).toContain('more notes in the job summary')
  })
})
