// The checklist as the comment, the check summary and the job summary render it, asserted on the markdown.
import { describe, expect, it } from 'vitest'
import { decide } from '../src/report/decide.js'
import { mergeItems } from '../src/report/merge.js'
import { renderCheckOutput, renderComment, renderSummary, type RenderInput } from '../src/report/render.js'
import type { ChecklistItem } from '../src/types.js'
import { visiblePart } from './helpers/markdown.js'

const SHA = 'd'.repeat(40)
const builtin = (over: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'RAI-00000001',
  text: '[TRAIN-LR-CHANGED] Learning rate changed 5× or more: lr 0.1 → 1',
  status: 'warn',
  bias: false,
  source: 'builtin',
  path: 'configs/train.yaml',
  line: 4,
  finding: {
    check: 'TRAIN-LR-CHANGED',
    title: 'Learning rate changed 5× or more',
    status: 'warn',
    evidence: 'lr: 0.1 → 1',
    fix: 'Sweep.'
  },
  ...over
})
const agent = (over: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'RAI-a0000001',
  text: 'Model card updated — PASS',
  status: 'pass',
  bias: false,
  source: 'bridge',
  path: null,
  line: null,
  ...over
})

function render(items: ChecklistItem[], extra: Partial<RenderInput> = {}): RenderInput {
  const decision = decide({ hasMlFiles: true, items, failOn: 'bias', bridgeFailed: false, onBridgeError: 'neutral' })
  return {
    decision,
    report: '## ML Engineering Report\n### Evaluation\nfine',
    agentReport: '## ML Engineering Report\n### Evaluation\nfine',
    items,
    headSha: SHA,
    runUrl: 'https://github.com/o/r/actions/runs/1',
    repoUrl: 'https://github.com/o/r',
    notes: [],
    failOn: 'bias',
    ...extra
  }
}

const bias = builtin({
  id: 'RAI-0000000b',
  text: '[RAI-PROTECTED-ATTRIBUTE] Protected attribute added: gender',
  status: 'fail',
  bias: true,
  line: 9,
  finding: {
    check: 'RAI-PROTECTED-ATTRIBUTE',
    title: 'Protected attribute added to model features',
    status: 'fail',
    evidence: "'gender' via features[4]",
    fix: 'Drop it.'
  }
})

describe('items in the comment', () => {
  it('accepted items are not blocking and say who, when and why, with the comment link', () => {
    const accepted = {
      ...bias,
      accepted: {
        by: 'maintainer-1',
        at: '2026-11-30T10:00:00Z',
        reason: 'documented actuarial model',
        url: 'https://github.com/o/r/pull/7#issuecomment-5'
      }
    }
    const body = renderComment(
      render([accepted, builtin({})], { decision: { conclusion: 'success', reason: 'No failed items', blocking: [] } })
    )
    expect(body).toContain('**2 items**: ☑️ 1 accepted · ⚠️ 1 warning')
    expect(body).toContain('**Accepted, not blocking (1)**')
    expect(body).toContain(
      '- ☑️ **Protected attribute added to model features** (bias) — [`configs/train.yaml:9`](https://github.com/o/r/blob/' +
        SHA +
        '/configs/train.yaml#L9) · `RAI-0000000b`'
    )
    expect(body).toContain(
      'Accepted by `maintainer-1` on 2026-11-30: documented actuarial model ([comment](https://github.com/o/r/pull/7#issuecomment-5))'
    )
    expect(body).not.toContain('**Blocking')
  })

  it('suppressed items are listed as such with where and why, and do not count as failed', () => {
    const suppressed = builtin({
      status: 'fail',
      suppressed: { reason: 'sweep #12 chose it', path: 'configs/train.yaml', line: 4 }
    })
    const input = render([suppressed, bias])
    expect(input.decision.reason).toBe('1 bias/fairness item failed')
    const body = renderComment(input)
    expect(body).toContain('**2 items**: ❌ 1 blocking · 🔕 1 suppressed')
    expect(body).toContain('<details><summary>🔕 1 suppressed in the changed files</summary>')
    expect(body).toContain(
      `Suppressed at [\`configs/train.yaml:4\`](https://github.com/o/r/blob/${SHA}/configs/train.yaml#L4): sweep #12 chose it`
    )
    expect(body).not.toContain('Failed, not blocking')
  })

  it('the headline, the counts and the rows agree; each item shows once; the report is collapsed', () => {
    const items = [
      bias,
      builtin({
        id: 'RAI-0000000c',
        status: 'fail',
        text: 'trust',
        finding: {
          check: 'SUPPLY-TRUST-REMOTE-CODE',
          title: 'trust_remote_code enabled',
          status: 'fail',
          evidence: 'true',
          fix: 'Pin.'
        }
      }),
      builtin({}),
      agent({})
    ]
    const body = renderComment(render(items))
    const visible = visiblePart(body)
    expect(visible).toContain('🔴 **Merge blocked** — 1 bias/fairness item failed')
    expect(visible).toContain(
      '**4 items**: ❌ 1 blocking · ❌ 1 failed, not blocking · ⚠️ 1 warning · ✅ 1 passed or n/a'
    )
    expect(visible).toContain('**Blocking (1)**')
    expect(visible).toContain('**Failed, not blocking under `fail-on: bias` (1)**')
    for (const id of ['RAI-0000000b', 'RAI-0000000c']) expect(visible.split(`\`${id}\``)).toHaveLength(2)
    for (const id of ['RAI-00000001', 'RAI-a0000001']) {
      expect(visible).not.toContain(id)
      expect(body.split(`\`${id}\``)).toHaveLength(2)
    }
    expect(body).toContain('<details><summary>Report of the agent</summary>\n\n## ML Engineering Report')
    // the blocking item carries its fix; a notebook item links the notebook and names the cell
    expect(visible).toContain('Fix: Drop it.')
    const nb = renderComment(render([{ ...bias, path: 'nb/a b.ipynb', line: 40, cell: 'cell 5, line 3' }]))
    expect(nb).toContain(`[\`nb/a b.ipynb\`](https://github.com/o/r/blob/${SHA}/nb/a%20b.ipynb) cell 5, line 3`)
  })

  it('the check summary and the job summary use the same rows', () => {
    const items = [bias, builtin({})]
    const check = renderCheckOutput(render(items))
    expect(check.title).toBe('1 bias/fairness item failed')
    expect(check.summary).toContain('**2 items**: ❌ 1 blocking · ⚠️ 1 warning')
    expect(check.summary.split('`RAI-0000000b`')).toHaveLength(2)
    expect(check.text).toContain('## ML Engineering Report')
    const summary = renderSummary(render(items))
    expect(summary).toContain('**Blocking (1)**')
    expect(summary.split('`RAI-0000000b`')).toHaveLength(2)
    expect(summary).toContain('### Report of the agent')
  })
})

describe('agent and built-in items on one problem', () => {
  it('agree: one item, the built-in id, confirmed by the agent', () => {
    const items = mergeItems(
      [
        agent({
          text: 'Protected attribute gender used as a feature (configs/train.yaml:9) — FAIL',
          status: 'fail',
          bias: true,
          path: 'configs/train.yaml',
          line: 9
        })
      ],
      [bias]
    )
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ id: 'RAI-0000000b', status: 'fail', source: 'builtin' })
    const body = renderComment(render(items))
    expect(body).toContain('· `RAI-0000000b` — built-in check `RAI-PROTECTED-ATTRIBUTE`, confirmed by the agent')
  })

  it('disagree: the stricter status stands, and the item says what each said', () => {
    const said = agent({
      text: 'The learning rate change was validated (configs/train.yaml:5) — FAIL',
      status: 'fail',
      path: 'configs/train.yaml',
      line: 5
    })
    const items = mergeItems([said], [builtin({})])
    expect(items).toHaveLength(1)
    expect(items[0].status).toBe('fail')
    const body = renderComment(render(items))
    expect(body).toContain(
      'built-in check `TRAIN-LR-CHANGED` says warn, the agent says fail: the stricter (fail) stands'
    )
    expect(body).toContain('Agent: The learning rate change was validated (configs/train.yaml:5) — FAIL')
  })

  it('another place or another topic stays apart; a suppressed built-in finding does not absorb the agent item', () => {
    const far = agent({ text: 'Learning rate too high — WARN', status: 'warn', path: 'configs/train.yaml', line: 30 })
    const other = agent({ text: 'Batch size halved — WARN', status: 'warn', path: 'configs/train.yaml', line: 4 })
    expect(mergeItems([far, other], [builtin({})])).toHaveLength(3)
    const same = agent({ text: 'Learning rate 10x — FAIL', status: 'fail', path: 'configs/train.yaml', line: 4 })
    const suppressed = builtin({ suppressed: { reason: 'r', path: 'configs/train.yaml', line: 4 } })
    const merged = mergeItems([same], [suppressed])
    expect(merged).toHaveLength(2)
    expect(
      decide({ hasMlFiles: true, items: merged, failOn: 'any', bridgeFailed: false, onBridgeError: 'neutral' }).blocking
    ).toEqual([same])
  })

  it('the agent naming the check id joins an item without a line', () => {
    const items = mergeItems(
      [agent({ text: 'RAI-PROTECTED-ATTRIBUTE confirmed — FAIL', status: 'fail', path: 'configs/train.yaml' })],
      [{ ...bias, line: null }]
    )
    expect(items).toHaveLength(1)
  })
})
