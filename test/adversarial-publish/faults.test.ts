// GitHub API faults while publishing: rate limits, refusals, server errors, lost comments, hangs. Whatever fails, the
// check run carries the decided conclusion (or the step fails saying it could not), and nothing published is lost.
import { describe, expect, it } from 'vitest'
import { faults } from '../fakes/github.js'
import { useFakes } from '../helpers/fakes.js'
import {
  CHECK_RUN,
  CHECK_RUNS,
  COMMENT,
  COMMENTS,
  CONFIG,
  CONTENTS,
  FAILING,
  MARKER,
  PASSING,
  PR,
  runPr,
  seed
} from './scenario.js'

const fakes = useFakes()
const READ_ONLY = /cannot write comments or checks/

function completed() {
  return fakes.gh.checkRuns.filter((r) => r.status === 'completed')
}

describe('rate limits are waited out, and never taken for a read-only token', () => {
  it('a secondary-rate-limit 403 with Retry-After on completing the check is retried; the check completes', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, faults.secondaryRateLimit(1), 1)
    const rec = await runPr(fakes, { report: FAILING })
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(rec.warnings.join('\n')).not.toMatch(READ_ONLY)
    expect(rec.logs.join('\n')).toMatch(/secondary rate limit .*retrying/)
    expect(rec.failed).toContain('Fairness metrics')
  })

  it('a secondary rate limit on the comment: the comment is still posted', async () => {
    seed(fakes)
    fakes.gh.fail('POST', COMMENTS, faults.secondaryRateLimit(1), 2)
    const rec = await runPr(fakes, { report: PASSING })
    expect(fakes.gh.comments.get(PR)).toHaveLength(1)
    expect(fakes.gh.calls('POST', COMMENTS)).toHaveLength(3)
    expect(rec.warnings.join('\n')).not.toMatch(READ_ONLY)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('success')
  })

  it('a primary rate limit (remaining 0, reset soon) on a content fetch is waited for', async () => {
    seed(fakes)
    fakes.gh.fail('GET', CONTENTS, faults.primaryRateLimit(1), 1)
    const rec = await runPr(fakes, { report: PASSING })
    expect(rec.logs.join('\n')).toMatch(/primary rate limit .*retrying/)
    expect(rec.outputs.conclusion).toBe('success')
  })

  it('a 403 with Retry-After worded otherwise on a content fetch is retried too', async () => {
    seed(fakes)
    fakes.gh.fail('GET', CONTENTS, { status: 403, headers: { 'retry-after': '1' }, body: { message: 'Forbidden' } }, 1)
    const rec = await runPr(fakes, { report: PASSING })
    expect(rec.outputs.conclusion).toBe('success')
    expect(fakes.bridge.requests[0].body.message).toContain('0.0005')
  })

  it('a 429 on the check start is retried with its Retry-After', async () => {
    seed(fakes)
    fakes.gh.fail('POST', CHECK_RUNS, faults.tooManyRequests(1), 1)
    await runPr(fakes, { report: PASSING })
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('success')
    expect(fakes.gh.calls('POST', CHECK_RUNS)).toHaveLength(2)
  })

  it('a rate limit that never lifts: bounded tries, no read-only blame, and the step fails saying why', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, faults.secondaryRateLimit(1))
    const t0 = Date.now()
    const rec = await runPr(fakes, { report: PASSING })
    expect(Date.now() - t0).toBeLessThan(30_000)
    expect(fakes.gh.calls('PATCH', CHECK_RUN).length).toBeLessThanOrEqual(30)
    expect(rec.warnings.join('\n')).not.toMatch(READ_ONLY)
    expect(rec.failed).toMatch(/check run "ML Engineering Review" could not be completed/)
    // the review itself is still in the comment
    expect(fakes.gh.comments.get(PR)?.[0].body).toContain('No blocking issues')
  })

  it('a real permission 403 is still a read-only token, with the report in the summary and annotations', async () => {
    seed(fakes)
    fakes.gh.readOnly = true
    const rec = await runPr(fakes, { report: FAILING })
    expect(rec.warnings.join('\n')).toMatch(READ_ONLY)
    expect(rec.annotations.some((a) => a.level === 'error' && a.message.includes('Fairness'))).toBe(true)
    expect(rec.summary).toContain('Fairness metrics')
  })
})

describe('the check run is created first and always completed', () => {
  it('the very first request of a pull_request run creates the check, in_progress', async () => {
    seed(fakes)
    await runPr(fakes, { report: PASSING })
    expect(fakes.gh.requests[0].method).toBe('POST')
    expect(fakes.gh.requests[0].route).toBe(CHECK_RUNS)
    expect((fakes.gh.requests[0].body as any).status).toBe('in_progress')
  })

  it('a bad input still completes the check as a failure naming the input', async () => {
    seed(fakes)
    const rec = await runPr(fakes, { report: PASSING, inputs: { 'fail-on': 'sometimes' } })
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(fakes.gh.checkRuns[0].output.summary).toContain('fail-on')
    expect(rec.failed).toContain('fail-on')
  })

  it('a check-name from the repository config renames the check that was started under the workflow name', async () => {
    seed(fakes)
    fakes.gh.setContent('2'.repeat(40), '.github/ml-review.yml', 'check-name: ML gate\n')
    await runPr(fakes, { report: PASSING })
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ name: 'ML gate', conclusion: 'success' })
  })

  it('a 422 on creating the check: a bare check is created instead and completed', async () => {
    seed(fakes)
    fakes.gh.fail('POST', CHECK_RUNS, faults.invalid(), 1)
    await runPr(fakes, { report: FAILING })
    expect(fakes.gh.calls('POST', CHECK_RUNS)).toHaveLength(2)
    expect(fakes.gh.calls('POST', CHECK_RUNS)[1].body).not.toHaveProperty('output')
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
  })

  it('every create refused at the start: the check is created completed at the end', async () => {
    seed(fakes)
    fakes.gh.fail('POST', CHECK_RUNS, faults.serverError(), 3)
    const rec = await runPr(fakes, { report: FAILING })
    expect(completed()).toHaveLength(1)
    expect(completed()[0].conclusion).toBe('failure')
    expect(rec.outputs['check-run-id']).toBe(String(completed()[0].id))
  })

  it('a 422 on the full completion: a short output carries the conclusion', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, faults.invalid(), 1, (r) => (r.body as any)?.conclusion !== undefined)
    const rec = await runPr(fakes, { report: FAILING })
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(fakes.gh.checkRuns[0].output.summary).toContain('could not be attached')
    expect(rec.logs.join('\n')).toMatch(/a short output/)
  })

  it('every update with an output refused: the conclusion alone still lands', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, faults.invalid(), undefined, (r) => (r.body as any)?.output !== undefined)
    const rec = await runPr(fakes, { report: FAILING })
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    const last = fakes.gh.calls('PATCH', CHECK_RUN).find((c) => (c.body as any).output === undefined)
    expect(last?.body).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(rec.logs.join('\n')).toMatch(/the conclusion alone/)
  })

  it('persistent 500s on completing: bounded tries, then the step fails (never a silent in_progress)', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, faults.serverError())
    fakes.gh.fail('POST', CHECK_RUNS, faults.serverError(), undefined, (r) => (r.body as any)?.conclusion !== undefined)
    const rec = await runPr(fakes, { report: PASSING })
    expect(fakes.gh.checkRuns[0].status).toBe('in_progress')
    expect(rec.failed).toMatch(/could not be completed with "success"/)
  })

  it('a check deleted meanwhile (404 on update): a new one carries the conclusion', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, faults.notFound(), 1)
    await runPr(fakes, { report: FAILING })
    expect(completed()).toHaveLength(1)
    expect(completed()[0].conclusion).toBe('failure')
  })

  it('a 422 on the first annotation batch keeps the conclusion and sends the other batches', async () => {
    const items = Array.from({ length: 120 }, (_, i) => `- [x] Check ${i} holds (${CONFIG}:${(i % 5) + 1}) — PASS`)
    seed(fakes)
    let batches = 0
    fakes.gh.fail('PATCH', CHECK_RUN, faults.invalid('Invalid annotation'), 1, (r) => {
      const a = (r.body as any)?.output?.annotations
      return Array.isArray(a) && a.length > 0 && batches++ === 0
    })
    const rec = await runPr(fakes, { report: PASSING.replace(/- \[x\] Fair.*$/m, items.join('\n')) })
    const run = fakes.gh.checkRuns[0]
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' })
    const total = JSON.parse(rec.outputs.checklist).length
    expect(run.annotations).toHaveLength(total - 50)
    expect(rec.warnings.join('\n')).toMatch(/50 annotations could not be added/)
  })

  it('a hang on the check completion is given up after the timeout and tried again', async () => {
    seed(fakes)
    fakes.gh.fail('PATCH', CHECK_RUN, { hang: true }, 1)
    const t0 = Date.now()
    await runPr(fakes, { report: FAILING, env: { ML_REVIEW_GITHUB_TIMEOUT_MS: '800' } })
    expect(Date.now() - t0).toBeLessThan(30_000)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
  })

  it('a hang on every content fetch ends in bounded time with a completed check', async () => {
    seed(fakes)
    fakes.gh.fail('GET', CONTENTS, { hang: true })
    const t0 = Date.now()
    const rec = await runPr(fakes, { report: PASSING, env: { ML_REVIEW_GITHUB_TIMEOUT_MS: '500' } })
    expect(Date.now() - t0).toBeLessThan(40_000)
    expect(fakes.gh.checkRuns[0].status).toBe('completed')
    expect(fakes.gh.checkRuns[0].conclusion).not.toBe('success')
    expect(rec.failed ?? '').not.toBe('')
  })

  it('GitHub gone silent after the start: the run ends in bounded time and the step fails', async () => {
    seed(fakes)
    fakes.gh.fail('GET', CONTENTS, { hang: true })
    fakes.gh.fail('PATCH', CHECK_RUN, { hang: true })
    fakes.gh.fail('POST', CHECK_RUNS, { hang: true }, undefined, (r) => (r.body as any)?.conclusion !== undefined)
    const t0 = Date.now()
    const rec = await runPr(fakes, { report: PASSING, env: { ML_REVIEW_GITHUB_TIMEOUT_MS: '300' } })
    expect(Date.now() - t0).toBeLessThan(60_000)
    expect(rec.failed).toMatch(/could not be completed/)
  })
})

describe('the comment survives faults', () => {
  it('a persistent 500 on the comment update leaves a passing review passing', async () => {
    seed(fakes)
    const old = fakes.gh.addComment(PR, `${MARKER}\nold review`)
    fakes.gh.fail('PATCH', COMMENT, faults.serverError())
    const rec = await runPr(fakes, { report: PASSING })
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(fakes.gh.checkRuns[0].output.title).not.toMatch(/could not finish/)
    expect(rec.failed).toBeNull()
    expect(rec.warnings.join('\n')).toMatch(/Could not write the PR comment/)
    expect(old.body).toBe(`${MARKER}\nold review`)
    expect(fakes.gh.comments.get(PR)).toHaveLength(1)
  })

  it('a comment deleted between the listing and the update is posted again, once', async () => {
    seed(fakes)
    const old = fakes.gh.addComment(PR, `${MARKER}\nold review`)
    fakes.gh.onRequest = (r) => {
      if (r.method === 'GET' && r.route === COMMENTS) {
        fakes.gh.comments.set(
          PR,
          (fakes.gh.comments.get(PR) ?? []).filter((c) => c.id !== old.id)
        )
        fakes.gh.onRequest = undefined
      }
    }
    const rec = await runPr(fakes, { report: PASSING })
    const comments = fakes.gh.comments.get(PR) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0].id).not.toBe(old.id)
    expect(comments[0].body).toContain('No blocking issues')
    expect(rec.outputs['comment-url']).toBe(comments[0].html_url)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('success')
  })

  it('a 404 on the update (deleted meanwhile) is followed by a create', async () => {
    seed(fakes)
    fakes.gh.addComment(PR, `${MARKER}\nold review`)
    fakes.gh.fail('PATCH', COMMENT, faults.notFound(), 1)
    await runPr(fakes, { report: PASSING })
    expect(fakes.gh.calls('POST', COMMENTS)).toHaveLength(1)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('success')
  })

  it('a 500 on creating the comment does not fail a failing review differently: the gate still blocks', async () => {
    seed(fakes)
    fakes.gh.fail('POST', COMMENTS, faults.serverError())
    const rec = await runPr(fakes, { report: FAILING })
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
    expect(rec.failed).toContain('Fairness metrics')
  })
})
