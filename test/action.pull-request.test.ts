import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess } from './helpers/action.js'
import {
  CONFIG_PATH,
  FAILING_REPORT,
  HEAD,
  NOTEBOOK_PATH,
  PASSING_REPORT,
  prPayload,
  seedMlPull
} from './helpers/scenario.js'

const MARKER = '<!-- ml-engineering-review -->'
const BRIDGE_TOKEN = 'bridge-secret-token-1234567890'

const fakes = useFakes('octo-org/ml-repo')

function runPr(inputs: Record<string, string> = {}, number = 7) {
  return runInProcess({
    apiUrl: fakes.gh.url,
    eventName: 'pull_request',
    payload: prPayload(number),
    inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': BRIDGE_TOKEN, ...inputs }
  })
}

describe('pull_request review', () => {
  it('posts one comment, an annotated failing check on the head SHA, and fails the step on a bias item', async () => {
    seedMlPull(fakes.gh)
    fakes.bridge.script(answer.json(200, { ok: true, report: FAILING_REPORT }))
    const rec = await runPr()

    // the bridge got the exact SPEC §5.1 request
    expect(fakes.bridge.requests).toHaveLength(1)
    const req = fakes.bridge.requests[0]
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/hooks/agent')
    expect(req.headers.authorization).toBe(`Bearer ${BRIDGE_TOKEN}`)
    expect(req.headers['content-type']).toBe('application/json')
    expect(req.headers['idempotency-key']).toBe(`octo-org/ml-repo#7@${HEAD}`)
    expect(Object.keys(req.body).sort()).toEqual(['agentId', 'deliver', 'message', 'model', 'thinking'])
    expect(req.body).toMatchObject({ agentId: 'ai-ml-engineer', model: 'opus', thinking: 'high', deliver: true })
    expect(req.body.message).toContain(CONFIG_PATH)
    expect(req.body.message).toContain(NOTEBOOK_PATH)
    expect(req.body.message).not.toContain('README.md (')
    expect(req.body.message).toMatch(/Pull request #7: Tune mistral LR/)

    // exactly one comment, ours, with the report
    const comments = fakes.gh.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0].body.startsWith(MARKER)).toBe(true)
    expect(comments[0].body).toContain('Merge blocked')
    expect(comments[0].body).toContain('Fairness metrics reported per demographic group')
    expect(comments[0].body).toContain(HEAD)
    expect(comments[0].body).toContain('https://github.com/octo-org/ml-repo/actions/runs/4242')

    // one check run: in_progress first, completed failure, one annotation per item at its path:line
    expect(fakes.gh.checkRuns).toHaveLength(1)
    const run = fakes.gh.checkRuns[0]
    expect(run.name).toBe('ML Engineering Review')
    expect(run.head_sha).toBe(HEAD)
    expect((fakes.gh.calls('POST', '/repos/{owner}/{repo}/check-runs')[0].body as any).status).toBe('in_progress')
    expect(run.conclusion).toBe('failure')
    const bridgeItems = JSON.parse(rec.outputs.checklist).filter((i: any) => i.source === 'bridge')
    expect(bridgeItems).toHaveLength(3)
    const fairness = run.annotations.find((a) => String(a.message).startsWith('Fairness metrics'))
    expect(fairness).toMatchObject({ path: NOTEBOOK_PATH, start_line: 233, annotation_level: 'failure' })
    const split = run.annotations.find((a) => String(a.message).startsWith('Train/validation'))
    expect(split).toMatchObject({ path: CONFIG_PATH, start_line: 12, annotation_level: 'notice' })
    const card = run.annotations.find((a) => String(a.message).startsWith('Model card'))
    // no location: line 1 of the first ML file
    expect(card).toMatchObject({ path: CONFIG_PATH, start_line: 1, annotation_level: 'warning' })
    expect(run.annotations).toHaveLength(JSON.parse(rec.outputs.checklist).length)

    // outputs and the failed step
    expect(rec.outputs.conclusion).toBe('failure')
    expect(Number(rec.outputs['bias-failed'])).toBeGreaterThanOrEqual(1)
    expect(rec.outputs['check-run-id']).toBe(String(run.id))
    expect(rec.outputs['comment-url']).toBe(comments[0].html_url)
    expect(rec.outputs.skipped).toBe('false')
    expect(rec.outputs.report).toBe(FAILING_REPORT)
    expect(rec.failed).toContain('Fairness metrics reported per demographic group')
    expect(rec.summary).toContain('Responsible AI Checklist')

    // the bridge token was masked and never logged
    expect(rec.secrets).toContain(BRIDGE_TOKEN)
    expect(rec.logs.join('\n')).not.toContain(BRIDGE_TOKEN)
  })

  it('edits the same comment on a re-run and ends success when the report passes', async () => {
    seedMlPull(fakes.gh)
    fakes.bridge.script(answer.json(200, { report: FAILING_REPORT }), answer.text(200, PASSING_REPORT))
    await runPr()
    const first = (fakes.gh.comments.get(7) ?? [])[0]
    const rec = await runPr()
    const comments = fakes.gh.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0].id).toBe(first.id)
    expect(comments[0].body).toContain('No blocking issues')
    expect(fakes.gh.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(1)
    expect(fakes.gh.calls('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(1)
    expect(rec.outputs.conclusion).toBe('success')
    expect(rec.failed).toBeNull()
    expect(fakes.gh.checkRuns.at(-1)?.conclusion).toBe('success')
  })

  it("never touches another user's comment that carries the marker, and finds its own among hundreds", async () => {
    seedMlPull(fakes.gh)
    const impostor = fakes.gh.addComment(7, `${MARKER}\nI copied the marker`, { login: 'mallory', type: 'User' })
    for (let i = 0; i < 230; i++) fakes.gh.addComment(7, `chatter ${i}`, { login: `user${i % 5}`, type: 'User' })
    const ours = fakes.gh.addComment(7, `${MARKER}\nold review`)
    for (let i = 0; i < 40; i++) fakes.gh.addComment(7, `more ${i}`, { login: 'user1', type: 'User' })
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    await runPr()
    expect(impostor.body).toBe(`${MARKER}\nI copied the marker`)
    expect(ours.body).toContain('No blocking issues')
    expect(fakes.gh.calls('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(0)
    const pages = fakes.gh.calls('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments')
    // 3 pages for the accept commands, 3 for the sticky comment
    expect(pages.length).toBe(6)
    expect(pages.every((p) => p.query.get('per_page') === '100')).toBe(true)
  })

  it('edits the comment a GitHub App token made before, and trusts a user token only with its own login', async () => {
    seedMlPull(fakes.gh)
    fakes.gh.appSlug = 'ml-review-app'
    const human = fakes.gh.addComment(7, `${MARKER}\nhand-made`, { login: 'octocat', type: 'User' })
    const app = fakes.gh.addComment(7, `${MARKER}\nold review`, { login: 'ml-review-app[bot]', type: 'Bot' })
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    await runPr()
    expect(human.body).toBe(`${MARKER}\nhand-made`)
    expect(app.body).toContain('No blocking issues')
    expect(fakes.gh.comments.get(7)).toHaveLength(2)

    // a personal token: GET /user names the login, and only that login's comment is ours
    fakes.gh.userLogin = 'octocat'
    await runPr()
    expect(human.body).toContain('No blocking issues')
    expect(fakes.gh.comments.get(7)).toHaveLength(2)
  })

  it('skips a PR with no ML files without calling the bridge', async () => {
    fakes.gh.addPull({
      number: 9,
      headSha: HEAD,
      baseSha: 'b'.repeat(40),
      files: [
        { filename: 'src/app.py', status: 'modified', patch: '@@' },
        { filename: 'package.json', status: 'modified', patch: '@@' },
        { filename: '.github/workflows/ci.yml', status: 'modified', patch: '@@' }
      ]
    })
    fakes.gh.setContent(HEAD, 'package.json', '{"name":"x","scripts":{"train":"python train.py"},"learning_rate":1}')
    fakes.gh.setContent(HEAD, '.github/workflows/ci.yml', 'epochs: 3\nlearning_rate: 1\n')
    const rec = await runPr({}, 9)
    expect(fakes.bridge.requests).toHaveLength(0)
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ conclusion: 'skipped', head_sha: HEAD })
    expect(fakes.gh.checkRuns[0].output.title).toBe('No ML changes')
    expect(rec.outputs.skipped).toBe('true')
    expect(rec.outputs.conclusion).toBe('skipped')
    expect(fakes.gh.comments.get(9) ?? []).toHaveLength(0)
    expect(rec.failed).toBeNull()
  })

  it('turns an earlier review comment into a "no ML changes" note when the ML files are gone, creating none', async () => {
    fakes.gh.addPull({
      number: 9,
      headSha: HEAD,
      baseSha: 'b'.repeat(40),
      files: [{ filename: 'src/app.py', status: 'modified' }]
    })
    const earlier = fakes.gh.addComment(9, `${MARKER}\nold review`)
    await runPr({}, 9)
    expect(fakes.gh.comments.get(9)).toHaveLength(1)
    expect(earlier.body).toContain('No ML changes in this pull request any more')
    expect(earlier.body).toContain(`<!-- ml-engineering-review:head=${HEAD} -->`)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('skipped')
  })

  it('sends annotations 50 per request when the checklist is long', async () => {
    seedMlPull(fakes.gh)
    const items = Array.from(
      { length: 120 },
      (_, i) => `- [x] Check number ${i} holds (${CONFIG_PATH}:${(i % 30) + 1}) — PASS`
    )
    fakes.bridge.script(answer.text(200, PASSING_REPORT.replace('- [x] Model card updated — PASS', items.join('\n'))))
    const rec = await runPr()
    const run = fakes.gh.checkRuns[0]
    const total = JSON.parse(rec.outputs.checklist).length
    expect(total).toBeGreaterThanOrEqual(122)
    expect(run.annotations).toHaveLength(total)
    const patches = fakes.gh.calls('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}')
    // the conclusion first, on its own, then the annotations 50 at a time
    expect(patches).toHaveLength(1 + Math.ceil(total / 50))
    expect((patches[0].body as any).conclusion).toBe('success')
    expect((patches[0].body as any).output.annotations).toBeUndefined()
    for (const p of patches) expect(((p.body as any).output.annotations ?? []).length).toBeLessThanOrEqual(50)
    expect(run.conclusion).toBe('success')
  })

  it('cuts a report longer than a PR comment at a section boundary and says where the rest is', async () => {
    seedMlPull(fakes.gh)
    const long = PASSING_REPORT.replace('Shadow deployment first.', 'Shadow deployment first. '.repeat(4000))
    fakes.bridge.script(answer.text(200, long))
    const rec = await runPr()
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toContain('full report is in the [job summary]')
    expect(body).not.toContain('### Deployment Plan')
    expect(rec.summary).toContain('Shadow deployment first. Shadow')
    expect(rec.summary.length).toBeGreaterThan(65536)
  })

  it('takes settings from .github/ml-review.yml at the base, with the workflow inputs winning', async () => {
    seedMlPull(fakes.gh)
    fakes.gh.setContent('b'.repeat(40), '.github/ml-review.yml', 'fail-on: never\ncheck-name: ML gate\n')
    fakes.gh.setContent(HEAD, '.github/ml-review.yml', 'fail-on: any\n')
    fakes.bridge.script(answer.json(200, { report: FAILING_REPORT }))
    const rec = await runPr()
    expect(fakes.gh.checkRuns[0]).toMatchObject({ name: 'ML gate', conclusion: 'success' })
    expect(rec.failed).toBeNull()
    fakes.bridge.script(answer.json(200, { report: FAILING_REPORT }))
    const overridden = await runPr({ 'fail-on': 'bias' })
    expect(overridden.outputs.conclusion).toBe('failure')
  })

  it('stops with a message naming the input when an input is bad', async () => {
    seedMlPull(fakes.gh)
    const rec = await runPr({ 'fail-on': 'sometimes' })
    expect(rec.failed).toMatch(/Input "fail-on" must be one of bias, any, never; got "sometimes"/)
    expect(fakes.bridge.requests).toHaveLength(0)
  })
})
