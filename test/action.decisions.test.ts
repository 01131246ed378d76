// Decisions that say what happened: no bridge configured is not a failed bridge, failures that do not block are
// named, and a draft can be skipped with a check that says so until it is ready for review.
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess } from './helpers/action.js'
import { HEAD, PASSING_REPORT, prPayload, seedMlPull } from './helpers/scenario.js'
import { jsonConfig, seedPr } from './adversarial/pr.js'

const fakes = useFakes()
const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
const onPull = (inputs: Record<string, string> = {}, payload = prPayload(7)) =>
  runInProcess({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload, inputs })
const check = () => fakes.gh.checkRuns[fakes.gh.checkRuns.length - 1]

describe('no bridge configured', () => {
  it('the built-in checks decide alone: a clean change is a success that says so, on-bridge-error: fail or not', async () => {
    seedMlPull(fakes.gh)
    const rec = await onPull({ 'on-bridge-error': 'fail' })
    expect(fakes.bridge.requests).toHaveLength(0)
    expect(check()).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(check().output.summary).toContain('(built-in checks only: no bridge is configured)')
    expect(rec.outputs.conclusion).toBe('success')
    expect(rec.failed).toBeNull()
  })

  it('a built-in bias failure still blocks', async () => {
    seedPr(fakes.gh, [
      { path: 'configs/train.json', before: jsonConfig(['tenure']), after: jsonConfig(['tenure', 'customer_gender']) }
    ])
    const rec = await onPull()
    expect(check().conclusion).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
  })

  it('a configured bridge that fails is what on-bridge-error is for', async () => {
    seedMlPull(fakes.gh)
    fakes.bridge.script(answer.json(401, { error: 'bad token' }))
    const rec = await onPull({
      'bridge-url': fakes.bridge.url,
      'bridge-token': 'tok-123456789',
      'on-bridge-error': 'fail'
    })
    expect(fakes.bridge.requests.length).toBeGreaterThan(0)
    expect(check()).toMatchObject({
      conclusion: 'failure',
      output: { title: 'The agent review did not run (on-bridge-error: fail)' }
    })
    expect(rec.failed).toMatch(/on-bridge-error: fail/)
  })
})

describe('failures that do not block', () => {
  it('are named in the decision line: "1 item failed, not blocking under fail-on: bias"', async () => {
    seedMlPull(fakes.gh)
    fakes.bridge.script(
      answer.json(200, {
        report: PASSING_REPORT.replace('- [x] Model card updated — PASS', '- [ ] Model card updated — FAIL')
      })
    )
    const rec = await onPull({ 'bridge-url': fakes.bridge.url, 'bridge-token': 'tok-123456789' })
    expect(check().conclusion).toBe('success')
    expect(check().output.summary).toContain('No blocking items; 1 item failed, not blocking under fail-on: bias')
    const comment = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(comment).toContain('No blocking items; 1 item failed, not blocking under fail-on: bias')
    expect(rec.outputs.failed).toBe('1')
  })
})

describe('skip-drafts', () => {
  const draft = (action = 'opened') => {
    const p = prPayload(7, action) as { pull_request: Record<string, unknown> }
    p.pull_request.draft = action !== 'ready_for_review'
    return p
  }

  it('a draft gets a skipped check titled so, no comment and no bridge call; ready_for_review reviews it', async () => {
    seedMlPull(fakes.gh)
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const inputs = { 'skip-drafts': 'true', 'bridge-url': fakes.bridge.url, 'bridge-token': 'tok-123456789' }
    const rec = await onPull(inputs, draft())
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(check()).toMatchObject({
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'skipped',
      output: { title: 'Draft pull request: not reviewed until it is marked ready for review (skip-drafts)' }
    })
    expect(fakes.bridge.requests).toHaveLength(0)
    expect(fakes.gh.calls('POST', COMMENTS)).toHaveLength(0)
    expect(rec.outputs).toMatchObject({ conclusion: 'skipped', skipped: 'true' })

    const ready = await onPull(inputs, draft('ready_for_review'))
    expect(fakes.bridge.requests).toHaveLength(1)
    expect(check()).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(fakes.gh.calls('POST', COMMENTS)).toHaveLength(1)
    expect(ready.outputs.skipped).toBe('false')
  })

  it('without skip-drafts a draft is reviewed like any PR', async () => {
    seedMlPull(fakes.gh)
    await onPull({}, draft())
    expect(check().conclusion).toBe('success')
    expect(fakes.gh.calls('POST', COMMENTS)).toHaveLength(1)
  })

  it('a draft reviewed through workflow_dispatch is known as one from the API', async () => {
    seedMlPull(fakes.gh)
    fakes.gh.pulls.get(7)!.draft = true
    const rec = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'workflow_dispatch',
      payload: { inputs: { 'pr-number': '7' } },
      inputs: { 'skip-drafts': 'true' }
    })
    expect(check()).toMatchObject({ head_sha: HEAD, conclusion: 'skipped' })
    expect(rec.outputs.conclusion).toBe('skipped')
  })
})
