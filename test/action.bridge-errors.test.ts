// What a user sees on the PR when the bridge misbehaves: the conclusion, the comment, the log.
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess } from './helpers/action.js'
import { prPayload, report, seedMlPull } from './helpers/scenario.js'

const fakes = useFakes('octo-org/ml-repo', (f) => {
  seedMlPull(f.gh)
})

const run = (inputs: Record<string, string> = {}, url = fakes.bridge.url) =>
  runInProcess({
    apiUrl: fakes.gh.url,
    eventName: 'pull_request',
    payload: prPayload(7),
    inputs: { 'bridge-url': url, 'bridge-token': 'tkn-0123456789', ...inputs }
  })
const comment = () => (fakes.gh.comments.get(7) ?? [])[0]?.body ?? ''

describe('when the bridge fails', () => {
  it('is down: the built-in review is published, neutral, and the comment says how to start the bridge', async () => {
    const rec = await run({}, 'http://127.0.0.1:9')
    expect(fakes.gh.checkRuns[0].conclusion).toBe('neutral')
    expect(comment()).toContain('Bridge server is not responding. Start it with: ./scripts/openclaw/quickstart.sh')
    // the built-in items are the report: said once, in the open, right under the decision
    expect(comment()).toMatch(
      /⚪ \*\*Not decided\*\* — .*\n\n> The agent review did not run: Bridge server is not responding\. .* The items are those of the built-in checks\./
    )
    expect(rec.warnings.some((w) => /Agent review did not run/.test(w))).toBe(true)
    expect(rec.failed).toBeNull()
  })

  it('on-bridge-error: fail turns it into a failure', async () => {
    fakes.bridge.script(answer.text(503, 'down', 'text/plain', { 'retry-after': '0' }))
    const rec = await run({ 'on-bridge-error': 'fail' })
    expect(fakes.bridge.requests).toHaveLength(3)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
    expect(rec.outputs.conclusion).toBe('failure')
    expect(rec.logs.filter((l) => /^attempt \d: 503/.test(l))).toHaveLength(3)
  })

  it('on-bridge-error: skip ends skipped', async () => {
    fakes.bridge.script(answer.text(404, 'no such route'))
    const rec = await run({ 'on-bridge-error': 'skip' })
    expect(fakes.gh.checkRuns[0].conclusion).toBe('skipped')
    expect(comment()).toMatch(/answered 404.*Check bridge-url and bridge-protocol/)
    expect(rec.outputs.skipped).toBe('false')
  })

  it('a built-in bias failure still blocks whatever on-bridge-error says', async () => {
    fakes.gh.setContent('a'.repeat(40), 'configs/train.yaml', 'features: [income, gender]\nlearning_rate: 0.001\n')
    fakes.gh.setContent('b'.repeat(40), 'configs/train.yaml', 'features: [income]\nlearning_rate: 0.001\n')
    const rec = await run({ 'on-bridge-error': 'skip' }, 'http://127.0.0.1:9')
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
    expect(rec.failed).toMatch(/gender/)
  })

  it('answers only {ok, runId}: neutral, naming the run and suggesting the openai protocol', async () => {
    fakes.bridge.script(answer.json(200, { ok: true, runId: 'run-abc' }))
    await run()
    expect(fakes.gh.checkRuns[0].conclusion).toBe('neutral')
    expect(comment()).toMatch(/accepted run run-abc.*bridge-protocol: openai/)
  })

  it('an accepted-only answer is neutral even with on-bridge-error: fail', async () => {
    fakes.bridge.script(answer.json(200, { ok: true, runId: 'run-abc' }))
    await run({ 'on-bridge-error': 'fail' })
    expect(fakes.gh.checkRuns[0].conclusion).toBe('neutral')
  })

  it('answers without a checklist: the report is shown, a warning, and no success', async () => {
    fakes.bridge.script(answer.text(200, '## ML Engineering Report\n### Data Pipeline\nLooks fine to me.'))
    const rec = await run()
    expect(comment()).toContain('Looks fine to me.')
    expect(comment()).toContain('without a Responsible AI checklist')
    expect(rec.warnings.some((w) => /without a Responsible AI checklist/.test(w))).toBe(true)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('neutral')
    expect(rec.outputs.conclusion).toBe('neutral')
  })

  it('openai protocol delivers a report from a well-behaved gateway', async () => {
    const text = report(['- [x] Fairness evaluated per group — PASS'])
    const events = [
      `data: ${JSON.stringify({ choices: [{ delta: { role: 'assistant' } }] })}\n\n`,
      `data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`,
      'data: [DONE]\n\n'
    ]
    fakes.bridge.script(answer.sse(events))
    const rec = await run({ 'bridge-protocol': 'openai' })
    expect(fakes.bridge.requests[0].path).toBe('/v1/chat/completions')
    expect(fakes.bridge.requests[0].body.model).toBe('openclaw/ai-ml-engineer')
    expect(rec.outputs.report).toBe(text)
  })
})
