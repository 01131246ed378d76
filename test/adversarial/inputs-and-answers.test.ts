// Hostile or broken inputs around the review: a bridge-timeout Node cannot wait for, an event payload that is not
// JSON, a policy value that is not allowed, and an SSE answer cut before [DONE]. Each ends with a clear message or a
// decision that is not a success.
import { writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { BridgeRequest } from '../fakes/bridge.js'
import { getInputs } from '../../src/inputs.js'
import { parseRepoConfig } from '../../src/policy.js'
import { decide } from '../../src/report/decide.js'
import { useFakes } from '../helpers/fakes.js'
import { eventFile, recorder, runnerEnv } from '../helpers/action.js'
import { run } from '../../src/main.js'
import { report } from '../helpers/scenario.js'
import { conclusion, jsonConfig, published, runPr, seedPr } from './pr.js'

const inputs = (values: Record<string, string>, repoConfig?: Record<string, unknown>) =>
  getInputs({ getInput: (n) => values[n] ?? '', env: {}, repoConfig })

describe('inputs', () => {
  it('bridge-timeout has a documented maximum, with an error naming the input', () => {
    expect(inputs({ 'bridge-timeout': '86400' }).bridgeTimeout).toBe(86400)
    expect(() => inputs({ 'bridge-timeout': '3000000' })).toThrow(
      /Input "bridge-timeout" must be a whole number of seconds from 1 to 86400/
    )
  })

  it('on-unreadable-file is a policy key of .github/ml-review.yml: fail by default, neutral allowed, nothing else', () => {
    expect(inputs({}).onUnreadableFile).toBe('fail')
    expect(inputs({}, parseRepoConfig('on-unreadable-file: neutral\n')).onUnreadableFile).toBe('neutral')
    expect(() => parseRepoConfig('on-unreadable-file: skip\n')).toThrow(
      '.github/ml-review.yml: "on-unreadable-file" is "skip"; allowed: fail, neutral'
    )
  })
})

describe('the decision with files out of reach', () => {
  const base = { hasMlFiles: true, items: [], bridgeFailed: false, onBridgeError: 'neutral' as const }
  const unanalysed = [{ path: 'configs/a.json', reason: 'the head does not parse' }]
  it('is failure by default, neutral only by policy or fail-on: never, never success or skipped', () => {
    expect(decide({ ...base, failOn: 'bias', unanalysed })).toMatchObject({
      conclusion: 'failure',
      reason: expect.stringMatching(/configs\/a\.json/) as unknown
    })
    expect(decide({ ...base, failOn: 'bias', unanalysed, onUnreadableFile: 'neutral' }).conclusion).toBe('neutral')
    expect(decide({ ...base, failOn: 'never', unanalysed }).conclusion).toBe('neutral')
    expect(decide({ ...base, failOn: 'bias', unanalysed, bridgeFailed: true, onBridgeError: 'skip' }).conclusion).toBe(
      'failure'
    )
  })
})

const fakes = useFakes()

describe('the run', () => {
  it('an event payload that is not JSON gives a clear error, not a stack trace', async () => {
    for (const text of ['{not json', 'null', '[1, 2]']) {
      const path = eventFile({})
      writeFileSync(path, text)
      const { io, rec } = recorder({})
      await run(io, {
        ...runnerEnv({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload: {} }),
        GITHUB_EVENT_PATH: path
      })
      expect(rec.failed).toMatch(/^Cannot read the event payload at GITHUB_EVENT_PATH \(.+\): /)
      expect(rec.failed).not.toMatch(/\n\s+at /)
    }
  })

  it('an SSE answer that closes without [DONE] is partial: never success, and says why', async () => {
    seedPr(fakes.gh, [{ path: 'configs/train.json', before: jsonConfig(['a']), after: jsonConfig(['a', 'b']) }])
    const text = report(['- [x] Fairness per group — PASS', '- [ ] Model card updated for the prot'])
    fakes.bridge.script((_req: BridgeRequest, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.end(`data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`)
    })
    const rec = await runPr(fakes.gh, {
      'bridge-url': fakes.bridge.url,
      'bridge-token': 'gateway-token-0123456789',
      'bridge-protocol': 'openai'
    })
    expect(conclusion(fakes.gh)).toBe('neutral')
    expect(published(fakes.gh, rec)).toMatch(/ended without `data: \[DONE\]`/)
  })
})
