// action.yml against SPEC §2, §3 and §7: names, every input with a description and a quoted-string default, every
// output, the node24 runtime; and package.json's names.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'

const text = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
const doc = parseDocument(text)
const action = doc.toJS() as {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description: string; default: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

/** SPEC §3 defaults; those not in action.yml itself are applied in code and written in the description. */
const SPEC_INPUTS: Record<string, string> = {
  'bridge-url': '',
  'bridge-token': '',
  'bridge-protocol': 'hooks',
  'agent-id': 'ai-ml-engineer',
  model: 'opus',
  thinking: 'high',
  'bridge-timeout': '900',
  'bridge-extra': '',
  'bridge-result-url': '',
  'github-token': '${{ github.token }}',
  paths: '',
  exclude: '',
  'fail-on': 'bias',
  'on-bridge-error': 'neutral',
  'pr-number': '',
  comment: 'true',
  annotations: 'true',
  'check-name': 'ML Engineering Review',
  'max-request-bytes': '240000',
  // the evidence checks' limits (outputs and metrics files)
  'group-gap-limit': '0.05',
  'metric-gain-limit': '0.02',
  'skip-drafts': 'false',
  // inline review comments and SARIF for code scanning
  'review-comments': 'failures',
  sarif: 'false'
}

describe('action.yml', () => {
  it('its described defaults are the ones the code applies', async () => {
    const { getInputs } = await import('../src/inputs.js')
    const i = getInputs({ getInput: (n) => String(action.inputs[n]?.default ?? ''), env: {} })
    expect([
      i.bridgeProtocol,
      i.agentId,
      i.model,
      i.thinking,
      i.bridgeTimeout,
      i.failOn,
      i.onBridgeError,
      i.checkName,
      i.maxRequestBytes,
      i.reviewComments,
      i.sarifFile
    ]).toEqual([
      'hooks',
      'ai-ml-engineer',
      'opus',
      'high',
      900,
      'bias',
      'neutral',
      'ML Engineering Review',
      240000,
      'failures',
      ''
    ])
  })

  it('has the fixed names and runs dist/index.js on node24', () => {
    expect(action.name).toBe('ML Engineering Review')
    expect(action.description.length).toBeGreaterThan(20)
    expect(action.description).not.toContain('\n')
    expect(action.branding.icon).toBeTruthy()
    expect(action.branding.color).toBeTruthy()
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the SPEC inputs, each described, optional, with a quoted-string default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(SPEC_INPUTS).sort())
    const inputsNode = doc.get('inputs', true) as any
    for (const [name, def] of Object.entries(SPEC_INPUTS)) {
      const input = action.inputs[name]
      expect(input.description, name).toMatch(/\S{3,}/)
      expect(input.required ?? false, name).toBe(false)
      const inCode = !['comment', 'annotations', 'github-token', 'skip-drafts'].includes(name) && def !== ''
      if (inCode) {
        expect(input.default, name).toBe('')
        expect(input.description, name).toContain(`Default: \`${def}\`.`)
      } else {
        expect(input.default, name).toBe(def)
      }
      const node = inputsNode.get(name, true).get('default', true)
      expect(node.type, `${name} default is a quoted string`).toMatch(/QUOTE/)
    }
  })

  it('declares every SPEC output with a description', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'report',
        'checklist',
        'failed',
        'bias-failed',
        'accepted',
        'conclusion',
        'comment-url',
        'check-run-id',
        'skipped',
        'sarif-file'
      ].sort()
    )
    for (const o of Object.values(action.outputs)) expect(o.description).toMatch(/\S{3,}/)
  })

  it('package.json names the package and the ml-review command', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(pkg.name).toBe('ml-engineering-review')
    expect(pkg.bin).toEqual({ 'ml-review': 'dist/cli.js' })
    expect(pkg.type).toBe('module')
  })
})
