// The other ways in: workflow_dispatch (one PR or an audit of a ref), /ml-review comments, read-only tokens, forks
// without secrets, and a head that moves while the agent thinks.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { recidivismNotebook } from './data/notebooks.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess } from './helpers/action.js'
import {
  BASE,
  CONFIG_PATH,
  FAILING_REPORT,
  HEAD,
  NOTEBOOK_PATH,
  PASSING_REPORT,
  prPayload,
  seedMlPull,
  testData
} from './helpers/scenario.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[]
const dispatchPayload = examples.find((e) => e.name === 'workflow_dispatch')!.examples[0]
const commentPayload = examples.find((e) => e.name === 'issue_comment')!.examples.find((e) => e.action === 'created')

const MARKER = '<!-- ml-engineering-review -->'
const fakes = useFakes('octo-org/octo-repo')

const withBridge = () => ({ 'bridge-url': fakes.bridge.url, 'bridge-token': 'tok-123456789' })
const run = (
  eventName: string,
  payload: unknown,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) =>
  runInProcess({
    apiUrl: fakes.gh.url,
    eventName,
    payload,
    inputs,
    repository: 'octo-org/octo-repo',
    env: { GITHUB_SHA: HEAD, GITHUB_REF: 'refs/heads/main', ...env }
  })

describe('workflow_dispatch', () => {
  it('with pr-number reviews that PR and publishes on its head SHA', async () => {
    seedMlPull(fakes.gh, 12)
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const rec = await run(
      'workflow_dispatch',
      dispatchPayload,
      { ...withBridge(), 'pr-number': '12' },
      { GITHUB_SHA: 'c'.repeat(40) }
    )
    expect(fakes.gh.calls('GET', '/repos/{owner}/{repo}/pulls/{pull_number}')[0].path).toMatch(/\/pulls\/12$/)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(fakes.gh.comments.get(12)).toHaveLength(1)
    expect(fakes.bridge.requests[0].headers['idempotency-key']).toBe(`octo-org/octo-repo#12@${HEAD}`)
    expect(rec.outputs.conclusion).toBe('success')
  })

  it('with a pr-number that is not a number stops with a message naming the input', async () => {
    const rec = await run('workflow_dispatch', { ...dispatchPayload, inputs: { 'pr-number': 'abc' } })
    expect(rec.failed).toMatch(/Input "pr-number" must be a whole number of at least 1; got "abc"/)
    expect(fakes.gh.requests).toHaveLength(0)
  })

  it('with an unknown pr-number stops with a clear message and publishes nothing', async () => {
    const rec = await run('workflow_dispatch', dispatchPayload, { 'pr-number': '404' })
    expect(rec.failed).toMatch(/pull request #404 was not found/)
    expect(fakes.gh.checkRuns).toHaveLength(0)
  })

  it('without pr-number audits every ML file at the ref, with a check on that SHA and the report in the summary', async () => {
    fakes.gh.trees.set(HEAD, [
      'README.md',
      'src/app.py',
      'configs/train.yaml',
      'notebooks/demo.ipynb',
      'examples/mistral/config.yml',
      'docs/mkdocs.yml',
      'package.json'
    ])
    fakes.gh.setContent(HEAD, 'configs/train.yaml', testData('configs/dpo-lora.after.yaml'))
    fakes.gh.setContent(HEAD, 'notebooks/demo.ipynb', recidivismNotebook('train-test-swapped'))
    fakes.gh.setContent(HEAD, 'examples/mistral/config.yml', testData('configs/llm-qlora.after.yml'))
    fakes.gh.setContent(HEAD, 'docs/mkdocs.yml', 'site_name: docs\ntheme: material\n')
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const rec = await run('workflow_dispatch', dispatchPayload, withBridge())
    const msg: string = fakes.bridge.requests[0].body.message
    expect(msg).toMatch(/Audit the machine-learning files/)
    expect(msg).toContain('Ref: refs/heads/main')
    for (const p of ['configs/train.yaml', 'notebooks/demo.ipynb', 'examples/mistral/config.yml'])
      expect(msg).toContain(`- ${p} (added)`)
    expect(msg).not.toContain('docs/mkdocs.yml (')
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(fakes.gh.calls('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(0)
    expect(rec.summary).toContain('ML Engineering Report')
    expect(rec.outputs.skipped).toBe('false')
    expect(fakes.bridge.requests[0].headers['idempotency-key']).toBe(`octo-org/octo-repo@${HEAD}`)
  })

  it('reads a truncated tree folder by folder', async () => {
    fakes.gh.treeLimit = 3
    fakes.gh.trees.set(HEAD, ['a/b/c/train.yaml', 'a/x.txt', 'nb/one.ipynb', 'z.md'])
    fakes.gh.setContent(HEAD, 'a/b/c/train.yaml', 'learning_rate: 0.1\n')
    fakes.gh.setContent(HEAD, 'nb/one.ipynb', recidivismNotebook('base'))
    const rec = await run('workflow_dispatch', dispatchPayload, {})
    expect(rec.failed, rec.logs.join('\n')).toBeNull()
    expect(JSON.parse(rec.outputs.checklist)).toBeInstanceOf(Array)
    expect(rec.summary).toContain('a/b/c/train.yaml')
    expect(rec.summary).toContain('nb/one.ipynb')
    expect(fakes.gh.calls('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}').length).toBeGreaterThan(1)
  })

  it('ends skipped when the repository has no ML files', async () => {
    fakes.gh.trees.set(HEAD, ['README.md', 'src/app.py'])
    const rec = await run('workflow_dispatch', dispatchPayload, withBridge())
    expect(fakes.bridge.requests).toHaveLength(0)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ conclusion: 'skipped', head_sha: HEAD })
    expect(rec.outputs.skipped).toBe('true')
  })
})

describe('read-only token and forks', () => {
  it('on a read-only token: no crash, report to the summary and workflow-command annotations, failures first', async () => {
    seedMlPull(fakes.gh)
    fakes.gh.readOnly = true
    fakes.bridge.script(answer.json(200, { report: FAILING_REPORT }))
    const rec = await run('pull_request', prPayload(7), withBridge())
    expect(fakes.gh.checkRuns).toHaveLength(0)
    expect(fakes.gh.comments.get(7) ?? []).toHaveLength(0)
    expect(rec.summary).toContain('Fairness metrics reported per demographic group')
    const errors = rec.annotations.filter((a) => a.level === 'error')
    expect(errors.length).toBeGreaterThanOrEqual(1)
    expect(errors.length).toBeLessThanOrEqual(10)
    expect(rec.annotations[0].level).toBe('error')
    const fairness = errors.find((a) => a.message.startsWith('Fairness metrics'))
    expect(fairness?.props).toMatchObject({ file: NOTEBOOK_PATH, startLine: 233 })
    expect(rec.warnings.filter((w) => /pull_request_target/.test(w))).toHaveLength(1)
    expect(rec.outputs.conclusion).toBe('failure')
    expect(rec.outputs['check-run-id']).toBe('')
    expect(rec.failed).toMatch(/merge blocked/)
  })

  it('a fork PR without a bridge token gets an honest built-in review, never a green check', async () => {
    seedMlPull(fakes.gh)
    const rec = await run('pull_request', prPayload(7), { 'bridge-url': fakes.bridge.url })
    expect(fakes.bridge.requests).toHaveLength(0)
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body).toContain('The agent review did not run')
    expect(body).toContain('No bridge-token is set')
    expect(['neutral', 'failure']).toContain(fakes.gh.checkRuns[0].conclusion)
    expect(rec.logs.some((l) => /Running the built-in checks only/.test(l))).toBe(true)
  })
})

describe('/ml-review comment command', () => {
  const command = (association: string) => ({
    ...commentPayload,
    repository: { ...commentPayload.repository, full_name: 'octo-org/octo-repo' },
    issue: { ...commentPayload.issue, number: 7, pull_request: { url: 'x' } },
    comment: { ...commentPayload.comment, id: 555, body: '/ml-review please', author_association: association }
  })

  it('re-runs the review for an OWNER and reacts with eyes', async () => {
    seedMlPull(fakes.gh)
    fakes.bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const rec = await run('issue_comment', command('OWNER'), withBridge())
    expect(fakes.gh.reactions).toEqual([{ commentId: 555, content: 'eyes' }])
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(rec.outputs.conclusion).toBe('success')
  })

  it('does nothing but log for a stranger', async () => {
    seedMlPull(fakes.gh)
    const rec = await run('issue_comment', command('NONE'), withBridge())
    expect(fakes.gh.reactions).toHaveLength(0)
    expect(fakes.gh.checkRuns).toHaveLength(0)
    expect(fakes.bridge.requests).toHaveLength(0)
    expect(rec.logs.some((l) => /only owners, members and collaborators/.test(l))).toBe(true)
    expect(rec.failed).toBeNull()
  })
})

describe('races', () => {
  it('publishes on the reviewed SHA, marked stale, when the head moves during the review', async () => {
    seedMlPull(fakes.gh)
    const newer = 'd'.repeat(40)
    fakes.bridge.script((_req, res) => {
      fakes.gh.pulls.get(7)!.headSha = newer
      res.writeHead(200, { 'content-type': 'text/markdown' })
      res.end(PASSING_REPORT)
    })
    await run('pull_request', prPayload(7), withBridge())
    expect(fakes.gh.checkRuns[0].head_sha).toBe(HEAD)
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body).toContain(`the PR head is now \`${newer.slice(0, 7)}\``)
  })

  it("never overwrites a newer review's comment", async () => {
    seedMlPull(fakes.gh)
    const newer = 'd'.repeat(40)
    const newerComment = fakes.gh.addComment(
      7,
      `${MARKER}\n<!-- ml-engineering-review:head=${newer} -->\nreview of the newer head`
    )
    fakes.bridge.script((_req, res) => {
      fakes.gh.pulls.get(7)!.headSha = newer
      res.writeHead(200, { 'content-type': 'text/markdown' })
      res.end(FAILING_REPORT)
    })
    const rec = await run('pull_request', prPayload(7), withBridge())
    expect(newerComment.body).toContain('review of the newer head')
    expect(fakes.gh.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(0)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'failure' })
    expect(rec.outputs['comment-url']).toBe(newerComment.html_url)
  })
})

describe('other events', () => {
  it('logs the supported events and exits cleanly', async () => {
    const rec = await run('push', { ref: 'refs/heads/main' })
    expect(rec.failed).toBeNull()
    expect(rec.logs.join('\n')).toMatch(
      /runs on pull_request, pull_request_target, merge_group, workflow_dispatch and issue_comment/
    )
    expect(fakes.gh.requests).toHaveLength(0)
  })

  it('ignores a closed pull_request', async () => {
    const rec = await run('pull_request', prPayload(7, 'closed'))
    expect(rec.logs.join('\n')).toMatch(/Nothing to review for a "closed"/)
    expect(fakes.gh.requests).toHaveLength(0)
  })
})

void BASE
void CONFIG_PATH
