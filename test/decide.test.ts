import { describe, expect, it } from 'vitest'
import { decide, type DecisionInput } from '../src/report/decide.js'
import type { ChecklistItem } from '../src/types.js'

const item = (
  status: ChecklistItem['status'],
  bias: boolean,
  source: ChecklistItem['source'] = 'bridge'
): ChecklistItem => ({
  id: `RAI-${status}${bias}`,
  text: `${status} ${bias}`,
  status,
  bias,
  source,
  path: null,
  line: null
})
const base: DecisionInput = {
  hasMlFiles: true,
  items: [],
  failOn: 'bias',
  bridgeFailed: false,
  onBridgeError: 'neutral'
}

describe('decide (SPEC §8)', () => {
  it.each([
    ['no ML files', { hasMlFiles: false, items: [item('fail', true)] }, 'skipped'],
    ['bias item failed, fail-on bias', { items: [item('fail', true), item('pass', false)] }, 'failure'],
    ['non-bias item failed, fail-on bias', { items: [item('fail', false)] }, 'success'],
    ['non-bias item failed, fail-on any', { items: [item('fail', false)], failOn: 'any' }, 'failure'],
    ['bias item failed, fail-on never', { items: [item('fail', true)], failOn: 'never' }, 'success'],
    ['warnings only', { items: [item('warn', true)] }, 'success'],
    ['bridge failed, neutral', { bridgeFailed: true }, 'neutral'],
    ['bridge failed, fail', { bridgeFailed: true, onBridgeError: 'fail' }, 'failure'],
    ['bridge failed, skip', { bridgeFailed: true, onBridgeError: 'skip' }, 'skipped'],
    [
      'bridge failed, built-in bias failure',
      { bridgeFailed: true, onBridgeError: 'skip', items: [item('fail', true, 'builtin')] },
      'failure'
    ],
    [
      'bridge failed, built-in bias failure, fail-on never',
      { bridgeFailed: true, failOn: 'never', items: [item('fail', true, 'builtin')] },
      'neutral'
    ],
    ['answer without checklist', { checklistMissing: true }, 'neutral']
  ] as const)('%s → %s', (_name, over, conclusion) => {
    expect(decide({ ...base, ...over } as DecisionInput).conclusion).toBe(conclusion)
  })

  it('names the blocking items', () => {
    const d = decide({ ...base, items: [item('fail', true), item('fail', false)] })
    expect(d.blocking.map((i) => i.text)).toEqual(['fail true'])
    expect(d.reason).toBe('1 bias/fairness item failed; 1 item failed, not blocking under fail-on: bias')
  })

  it('an accepted failure never blocks, and the line counts it', () => {
    const accepted = { ...item('fail', true), accepted: { by: 'maint', at: '2026-01-01T00:00:00Z', reason: 'ok' } }
    const d = decide({ ...base, items: [accepted, item('pass', true)] })
    expect(d).toEqual({ conclusion: 'success', reason: 'No blocking items; 1 finding accepted', blocking: [] })
    const mixed = decide({ ...base, items: [accepted, { ...item('fail', true), id: 'RAI-other' }] })
    expect(mixed.conclusion).toBe('failure')
    expect(mixed.reason).toBe('1 bias/fairness item failed; 1 finding accepted')
    expect(mixed.blocking.map((i) => i.id)).toEqual(['RAI-other'])
  })

  it('names the failed items that do not block under fail-on', () => {
    expect(decide({ ...base, items: [item('fail', false)] }).reason).toBe(
      'No blocking items; 1 item failed, not blocking under fail-on: bias'
    )
    const d = decide({
      ...base,
      items: [item('fail', true), { ...item('fail', false), id: 'x' }, { ...item('fail', false), id: 'y' }]
    })
    expect(d.reason).toBe('1 bias/fairness item failed; 2 items failed, not blocking under fail-on: bias')
    expect(decide({ ...base, failOn: 'never', items: [item('fail', true)] }).reason).toBe(
      'No blocking items; 1 item failed, not blocking under fail-on: never'
    )
  })

  it('no bridge configured: on-bridge-error does not apply and the built-in checks can give success', () => {
    const none = { ...base, bridgeFailed: true, bridgeConfigured: false, onBridgeError: 'fail' as const }
    expect(decide({ ...none, items: [item('pass', false)] })).toEqual({
      conclusion: 'success',
      reason: 'All checklist items passed (built-in checks only: no bridge is configured)',
      blocking: []
    })
    expect(decide({ ...none, items: [item('fail', true)] }).conclusion).toBe('failure')
    expect(decide({ ...none, bridgeConfigured: true }).conclusion).toBe('failure')
  })
})
