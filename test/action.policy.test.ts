// The repository's policy and the comment a reviewer reads, run as the runner runs the action: the example change
// of `npm start` as a pull request, `.github/ml-review.yml` at the base, inline ignores in the changed files.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { runInProcess } from './helpers/action.js'
import { useFakes } from './helpers/fakes.js'
import { visiblePart } from './helpers/markdown.js'
import { BASE, HEAD, prPayload, report } from './helpers/scenario.js'

const fakes = useFakes('octo-org/ml-repo')
const example = (side: 'before' | 'after', path: string) =>
  readFileSync(new URL(`../examples/${side}/${path}`, import.meta.url), 'utf8')
const CONFIG = 'configs/train.yaml'
const NOTEBOOK = 'notebooks/churn.ipynb'
const BLOB = `https://github.com/octo-org/ml-repo/blob/${HEAD}`

/** PR #7: the example change of `npm start` (examples/before → examples/after). */
function seedExample(head: { config?: string; notebook?: string } = {}, policy?: string): void {
  fakes.gh.addPull({
    number: 7,
    title: 'Churn model: new features and a bigger learning rate',
    headSha: HEAD,
    baseSha: BASE,
    files: [
      { filename: CONFIG, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
      { filename: NOTEBOOK, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }
    ]
  })
  fakes.gh.setContent(BASE, CONFIG, example('before', CONFIG))
  fakes.gh.setContent(HEAD, CONFIG, head.config ?? example('after', CONFIG))
  fakes.gh.setContent(BASE, NOTEBOOK, example('before', NOTEBOOK))
  fakes.gh.setContent(HEAD, NOTEBOOK, head.notebook ?? example('after', NOTEBOOK))
  if (policy !== undefined) fakes.gh.setContent(BASE, '.github/ml-review.yml', policy)
}

const run = (inputs: Record<string, string> = {}) =>
  runInProcess({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload: prPayload(7), inputs })
const comment = () => (fakes.gh.comments.get(7) ?? [])[0]?.body ?? ''

/** The entries of a "**Heading (n)**" list of the comment. */
function entries(markdown: string, heading: string): string[] {
  const at = markdown.indexOf(`**${heading}`)
  if (at < 0) return []
  const block = markdown.slice(at).split('\n\n')[1] ?? ''
  return block.split('\n').filter((l) => l.startsWith('- '))
}

/** How many times each item id shows outside collapsed blocks. */
function idCounts(markdown: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of markdown.matchAll(/`(RAI-[0-9a-f]{8}(?:-\d+)?)`/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1)
  return counts
}

describe('the comment on the example change', () => {
  it('shows the decision and the blocking items first, each finding once, within half of the 8,114 visible characters of before', async () => {
    seedExample()
    const rec = await run()
    const body = comment()
    const visible = visiblePart(body)
    // measured on the comment before this layout: 10,850 characters, 8,114 of them outside <details>
    expect(visible.length).toBeLessThanOrEqual(4057)
    const lines = visible.split('\n').filter((l) => l.trim() !== '')
    expect(lines[1]).toBe(
      '🔴 **Merge blocked** — 3 bias/fairness items failed; 2 items failed, not blocking under fail-on: bias'
    )
    // the counts agree with the rows, and every failed item is in the open exactly once
    const items = JSON.parse(rec.outputs.checklist) as { id: string; status: string; bias: boolean }[]
    const failed = items.filter((i) => i.status === 'fail')
    const warned = items.filter((i) => i.status === 'warn')
    expect(visible).toContain(
      `**${items.length} items**: ❌ 3 blocking · ❌ ${failed.length - 3} failed, not blocking · ⚠️ ${warned.length} warnings`
    )
    const blocking = entries(visible, 'Blocking (3)')
    expect(blocking).toHaveLength(3)
    expect(entries(visible, 'Failed, not blocking under `fail-on: bias`')).toHaveLength(failed.length - 3)
    for (const [id, n] of idCounts(visible)) expect(n, id).toBe(1)
    expect([...idCounts(visible).keys()].sort()).toEqual(failed.map((i) => i.id).sort())
    // the warnings are in the comment once too, collapsed under their count
    expect(body).toContain(`<details><summary>⚠️ ${warned.length} warnings</summary>`)
    for (const [id, n] of idCounts(body)) expect(n, id).toBe(1)
    // every location is a link to its line at the reviewed head; notebook items name their cell
    expect(blocking[0]).toContain(`[\`${CONFIG}:9\`](${BLOB}/${CONFIG}#L9)`)
    expect(blocking.some((b) => b.includes(`[\`${NOTEBOOK}\`](${BLOB}/${NOTEBOOK}) cell 3, line 2`))).toBe(true)
    // without an agent the built-in items are the report: said once, not repeated as a second report
    expect(visible).toContain('> The agent review did not run: No bridge-url is set')
    expect(body).not.toContain('ML Engineering Report (built-in checks)')
  })

  it('the check run and the job summary follow the same rules', async () => {
    seedExample()
    const rec = await run()
    const check = fakes.gh.checkRuns[0]
    const summary = String(check.output?.summary ?? '')
    expect(check.output?.title).toBe('3 bias/fairness items failed; 2 items failed, not blocking under fail-on: bias')
    expect(summary.startsWith('🔴 **Merge blocked** — 3 bias/fairness items failed')).toBe(true)
    expect(entries(summary, 'Blocking (3)')).toHaveLength(3)
    for (const [id, n] of idCounts(summary)) expect(n, id).toBe(1)
    expect(summary).toContain(`(${BLOB}/${CONFIG}#L9)`)
    expect(entries(rec.summary, 'Blocking (3)')).toHaveLength(3)
    for (const [id, n] of idCounts(rec.summary)) expect(n, id).toBe(1)
    expect(rec.summary).toContain(`(${BLOB}/${CONFIG}#L9)`)
  })
})

describe('.github/ml-review.yml at the base', () => {
  it('sets per-check levels and path ignores, and the comment says what it did', async () => {
    seedExample(
      {},
      [
        'checks:',
        '  TRAIN-LR-CHANGED: off',
        '  SUPPLY-TRUST-REMOTE-CODE: warn',
        '  RAI-PII-IN-OUTPUT: bias',
        '  REPRO-SEED-REMOVED:',
        '    ignore: ["notebooks/**"]'
      ].join('\n')
    )
    const rec = await run()
    const body = comment()
    const items = JSON.parse(rec.outputs.checklist) as { text: string; status: string; bias: boolean }[]
    expect(items.some((i) => i.text.includes('[TRAIN-LR-CHANGED]'))).toBe(false)
    expect(items.filter((i) => i.text.includes('[REPRO-SEED-REMOVED]'))).toHaveLength(1) // the config's, not the notebook's two
    expect(items.find((i) => i.text.includes('[SUPPLY-TRUST-REMOTE-CODE]'))?.status).toBe('warn')
    expect(items.find((i) => i.text.includes('[RAI-PII-IN-OUTPUT]'))).toMatchObject({ status: 'fail', bias: true })
    // PII now blocks with the three bias items; nothing else fails
    expect(body).toContain('🔴 **Merge blocked** — 4 bias/fairness items failed')
    const blocking = entries(body, 'Blocking (4)')
    expect(blocking.find((b) => b.includes('Personal data in committed notebook output'))).toContain(
      '(level `bias` in .github/ml-review.yml)'
    )
    expect(body).not.toContain('Failed, not blocking')
    expect(body).toContain('Policy: 1 finding of `TRAIN-LR-CHANGED` not shown (level off).')
    expect(body).toContain('Policy: 2 findings of `REPRO-SEED-REMOVED` not shown (ignored in `notebooks/**`).')
  })

  it('a bad value fails the check with a message naming the key, the value and what is allowed', async () => {
    seedExample({}, 'fail-on: bias\nchecks:\n  TRAIN-LR-CHANGED: silent\n')
    const rec = await run()
    const message =
      '.github/ml-review.yml: "checks.TRAIN-LR-CHANGED" is "silent"; allowed: off, warn, fail, bias, or a mapping with level and ignore (a list of globs)'
    expect(rec.failed).toContain(message)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ conclusion: 'failure' })
    expect(String(fakes.gh.checkRuns[0].output?.summary)).toContain(message)
  })

  it('a key only the workflow can set is an error there, not dropped', async () => {
    seedExample({}, 'comment: false\n')
    const rec = await run()
    expect(rec.failed).toContain('.github/ml-review.yml: "comment" can only be set in the workflow')
    expect(fakes.gh.comments.get(7) ?? []).toHaveLength(0)
  })
})

describe('inline ignores in the changed files', () => {
  const config = example('after', CONFIG)
    .replace(
      'learning_rate: 2.0e-04',
      'learning_rate: 2.0e-04  # ml-review: ignore[TRAIN-LR-CHANGED] sweep in #412 chose it'
    )
    .replace('  features:', '  # ml-review: ignore[RAI-PROTECTED-ATTRIBUTE] needed\n  features:')
    .replace(
      'trust_remote_code: true',
      'trust_remote_code: true # ml-review: ignore[SUPPLY-TRUST-REMOTE-CODE] vendor code reviewed'
    )

  it('silence a non-bias finding, listed as suppressed with its reason; a bias finding stays and says why', async () => {
    expect(config).toContain('ignore[TRAIN-LR-CHANGED]')
    expect(config).toContain('ignore[RAI-PROTECTED-ATTRIBUTE]')
    seedExample({ config })
    const rec = await run()
    const body = comment()
    expect(body).toContain('🔕 2 suppressed')
    const suppressed = body.slice(body.indexOf('<details><summary>🔕 2 suppressed in the changed files</summary>'))
    expect(suppressed).toMatch(/- 🔕 \*\*Learning rate changed 5× or more\*\*/)
    expect(suppressed).toMatch(/Suppressed at \[`configs\/train\.yaml:\d+`\]\([^)]+\): sweep in #412 chose it/)
    expect(body).toContain('🔴 **Merge blocked** — 3 bias/fairness items failed')
    expect(body).toMatch(
      /`configs\/train\.yaml:\d+`: `ignore\[RAI-PROTECTED-ATTRIBUTE\]` not honoured: a bias finding cannot be silenced/
    )
    expect(rec.outputs.conclusion).toBe('failure')
    // the outputs count it as the comment does: not failed
    const listed = JSON.parse(rec.outputs.checklist) as { status: string }[]
    expect(Number(rec.outputs.failed)).toBe(listed.filter((i) => i.status === 'fail').length - 1)
    // its annotation no longer asks for action; the refused one still does
    const annotations = fakes.gh.checkRuns[0].annotations
    const lr = annotations.find((a) => String(a.message).includes('[TRAIN-LR-CHANGED]'))
    expect(lr).toMatchObject({ annotation_level: 'notice' })
    const attribute = annotations.find((a) => String(a.message).includes('[RAI-PROTECTED-ATTRIBUTE]'))
    expect(attribute).toMatchObject({ annotation_level: 'failure' })
  })
})

describe('one item per problem', () => {
  it('an agent item on the place and topic of a built-in finding is one item, confirmed by the agent', async () => {
    seedExample()
    fakes.bridge.script(
      answer.json(200, {
        report: report([
          `- [ ] Protected attribute gender added to the features (${CONFIG}:9) — FAIL`,
          `- [x] trust_remote_code is acceptable for this vendor model (${CONFIG}:4) — PASS`,
          '- [x] Model card updated — PASS'
        ])
      })
    )
    const rec = await run({ 'bridge-url': fakes.bridge.url, 'bridge-token': 'tkn-0123456789' })
    const body = comment()
    const visible = visiblePart(body)
    const items = JSON.parse(rec.outputs.checklist) as { text: string; source: string }[]
    expect(items.filter((i) => i.source === 'bridge').map((i) => i.text)).toEqual(['Model card updated'])
    const blocking = entries(visible, 'Blocking (3)')
    expect(blocking[0]).toContain('— built-in check `RAI-PROTECTED-ATTRIBUTE`, confirmed by the agent')
    // the agent disagrees on trust_remote_code: said so, and the stricter status stands
    const failed = entries(visible, 'Failed, not blocking under `fail-on: bias`')
    const trust = failed.find((f) => f.includes('trust_remote_code enabled'))
    expect(trust).toContain(
      'built-in check `SUPPLY-TRUST-REMOTE-CODE` says fail, the agent says pass: the stricter (fail) stands'
    )
    expect(body).toContain('<details><summary>Report of the agent</summary>')
  })
})
