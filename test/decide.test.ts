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
    expect(d.reason).toBe('1 bias/fairness item failed')
  })
})
