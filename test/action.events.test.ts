// The other ways in: workflow_dispatch (one PR or an audit of a ref), /ml-review comments, read-only tokens, forks
// without secrets, and a head that moves while the agent thinks.
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeBridge, answer } from './fakes/bridge.js'
import { FakeGitHub } from './fakes/github.js'
import { runInProcess } from './helpers/action.js'
import {
  BASE,
  CONFIG_PATH,
  FAILING_REPORT,
  HEAD,
  NOTEBOOK_PATH,
  PASSING_REPORT,
  fixture,
  prPayload,
  seedMlPull
} from './helpers/scenario.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[]
const dispatchPayload = examples.find((e) => e.name === 'workflow_dispatch')!.examples[0]
const commentPayload = examples.find((e) => e.name === 'issue_comment')!.examples.find((e) => e.action === 'created')

const MARKER = '<!-- ml-engineering-review -->'
let gh: FakeGitHub
let bridge: FakeBridge

beforeEach(async () => {
  gh = new FakeGitHub('octo-org/octo-repo')
  bridge = new FakeBridge()
  await gh.start()
  await bridge.start()
})
afterEach(async () => {
  await gh.stop()
  await bridge.stop()
})

const withBridge = () => ({ 'bridge-url': bridge.url, 'bridge-token': 'tok-123456789' })
const run = (
  eventName: string,
  payload: unknown,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) =>
  runInProcess({
    apiUrl: gh.url,
    eventName,
    payload,
    inputs,
    repository: 'octo-org/octo-repo',
    env: { GITHUB_SHA: HEAD, GITHUB_REF: 'refs/heads/main', ...env }
  })

describe('workflow_dispatch', () => {
  it('with pr-number reviews that PR and publishes on its head SHA', async () => {
    seedMlPull(gh, 12)
    bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const rec = await run(
      'workflow_dispatch',
      dispatchPayload,
      { ...withBridge(), 'pr-number': '12' },
      { GITHUB_SHA: 'c'.repeat(40) }
    )
    expect(gh.calls('GET', '/repos/{owner}/{repo}/pulls/{pull_number}')[0].path).toMatch(/\/pulls\/12$/)
    expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(gh.comments.get(12)).toHaveLength(1)
    expect(bridge.requests[0].headers['idempotency-key']).toBe(`octo-org/octo-repo#12@${HEAD}`)
    expect(rec.outputs.conclusion).toBe('success')
  })

  it('with an unknown pr-number stops with a clear message and publishes nothing', async () => {
    const rec = await run('workflow_dispatch', dispatchPayload, { 'pr-number': '404' })
    expect(rec.failed).toMatch(/pull request #404 was not found/)
    expect(gh.checkRuns).toHaveLength(0)
  })

  it('without pr-number audits every ML file at the ref, with a check on that SHA and the report in the summary', async () => {
    gh.trees.set(HEAD, [
      'README.md',
      'src/app.py',
      'configs/train.yaml',
      'notebooks/demo.ipynb',
      'examples/mistral/config.yml',
      'docs/mkdocs.yml',
      'package.json'
    ])
    gh.setContent(HEAD, 'configs/train.yaml', fixture('real-changes/04-alignment-handbook-dpo-qlora-rank/after.yaml'))
    gh.setContent(HEAD, 'notebooks/demo.ipynb', fixture('real-changes/18-aif360-privileged-groups-flipped/after.ipynb'))
    gh.setContent(
      HEAD,
      'examples/mistral/config.yml',
      fixture('real-changes/01-axolotl-mistral-lr-sample-packing/after.yml')
    )
    gh.setContent(HEAD, 'docs/mkdocs.yml', 'site_name: docs\ntheme: material\n')
    bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const rec = await run('workflow_dispatch', dispatchPayload, withBridge())
    const msg: string = bridge.requests[0].body.message
    expect(msg).toMatch(/Audit the machine-learning files/)
    expect(msg).toContain('Ref: refs/heads/main')
    for (const p of ['configs/train.yaml', 'notebooks/demo.ipynb', 'examples/mistral/config.yml'])
      expect(msg).toContain(`- ${p} (added)`)
    expect(msg).not.toContain('docs/mkdocs.yml (')
    expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(gh.calls('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toHaveLength(0)
    expect(rec.summary).toContain('ML Engineering Report')
    expect(rec.outputs.skipped).toBe('false')
    expect(bridge.requests[0].headers['idempotency-key']).toBe(`octo-org/octo-repo@${HEAD}`)
  })

  it('reads a truncated tree folder by folder', async () => {
    gh.treeLimit = 3
    gh.trees.set(HEAD, ['a/b/c/train.yaml', 'a/x.txt', 'nb/one.ipynb', 'z.md'])
    gh.setContent(HEAD, 'a/b/c/train.yaml', 'learning_rate: 0.1\n')
    gh.setContent(HEAD, 'nb/one.ipynb', fixture('real-changes/16-hf-sagemaker-fsdp-epochs/after.ipynb'))
    const rec = await run('workflow_dispatch', dispatchPayload, {})
    expect(rec.failed, rec.logs.join('\n')).toBeNull()
    expect(JSON.parse(rec.outputs.checklist)).toBeInstanceOf(Array)
    expect(rec.summary).toContain('a/b/c/train.yaml')
    expect(rec.summary).toContain('nb/one.ipynb')
    expect(gh.calls('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}').length).toBeGreaterThan(1)
  })

  it('ends skipped when the repository has no ML files', async () => {
    gh.trees.set(HEAD, ['README.md', 'src/app.py'])
    const rec = await run('workflow_dispatch', dispatchPayload, withBridge())
    expect(bridge.requests).toHaveLength(0)
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: 'skipped', head_sha: HEAD })
    expect(rec.outputs.skipped).toBe('true')
  })
})

describe('read-only token and forks', () => {
  it('on a read-only token: no crash, report to the summary and workflow-command annotations, failures first', async () => {
    seedMlPull(gh)
    gh.readOnly = true
    bridge.script(answer.json(200, { report: FAILING_REPORT }))
    const rec = await run('pull_request', prPayload(7), withBridge())
    expect(gh.checkRuns).toHaveLength(0)
    expect(gh.comments.get(7) ?? []).toHaveLength(0)
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
    seedMlPull(gh)
    const rec = await run('pull_request', prPayload(7), { 'bridge-url': bridge.url })
    expect(bridge.requests).toHaveLength(0)
    const body = (gh.comments.get(7) ?? [])[0].body
    expect(body).toContain('The agent review did not run')
    expect(body).toContain('No bridge-token is set')
    expect(['neutral', 'failure']).toContain(gh.checkRuns[0].conclusion)
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
    seedMlPull(gh)
    bridge.script(answer.json(200, { report: PASSING_REPORT }))
    const rec = await run('issue_comment', command('OWNER'), withBridge())
    expect(gh.reactions).toEqual([{ commentId: 555, content: 'eyes' }])
    expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(rec.outputs.conclusion).toBe('success')
  })

  it('does nothing but log for a stranger', async () => {
    seedMlPull(gh)
    const rec = await run('issue_comment', command('NONE'), withBridge())
    expect(gh.reactions).toHaveLength(0)
    expect(gh.checkRuns).toHaveLength(0)
    expect(bridge.requests).toHaveLength(0)
    expect(rec.logs.some((l) => /only owners, members and collaborators/.test(l))).toBe(true)
    expect(rec.failed).toBeNull()
  })
})

describe('races', () => {
  it('publishes on the reviewed SHA, marked stale, when the head moves during the review', async () => {
    seedMlPull(gh)
    const newer = 'd'.repeat(40)
    bridge.script((_req, res) => {
      gh.pulls.get(7)!.headSha = newer
      res.writeHead(200, { 'content-type': 'text/markdown' })
      res.end(PASSING_REPORT)
    })
    await run('pull_request', prPayload(7), withBridge())
    expect(gh.checkRuns[0].head_sha).toBe(HEAD)
    const body = (gh.comments.get(7) ?? [])[0].body
    expect(body).toContain(`the PR head is now \`${newer.slice(0, 7)}\``)
  })

  it("never overwrites a newer review's comment", async () => {
    seedMlPull(gh)
    const newer = 'd'.repeat(40)
    const newerComment = gh.addComment(
      7,
      `${MARKER}\n<!-- ml-engineering-review:head=${newer} -->\nreview of the newer head`
    )
    bridge.script((_req, res) => {
      gh.pulls.get(7)!.headSha = newer
      res.writeHead(200, { 'content-type': 'text/markdown' })
      res.end(FAILING_REPORT)
    })
    const rec = await run('pull_request', prPayload(7), withBridge())
    expect(newerComment.body).toContain('review of the newer head')
    expect(gh.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(0)
    expect(gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'failure' })
    expect(rec.outputs['comment-url']).toBe(newerComment.html_url)
  })
})

describe('other events', () => {
  it('logs the supported events and exits cleanly', async () => {
    const rec = await run('push', { ref: 'refs/heads/main' })
    expect(rec.failed).toBeNull()
    expect(rec.logs.join('\n')).toMatch(
      /runs on pull_request, pull_request_target, workflow_dispatch and issue_comment/
    )
    expect(gh.requests).toHaveLength(0)
  })

  it('ignores a closed pull_request', async () => {
    const rec = await run('pull_request', prPayload(7, 'closed'))
    expect(rec.logs.join('\n')).toMatch(/Nothing to review for a "closed"/)
    expect(gh.requests).toHaveLength(0)
  })
})

void BASE
void CONFIG_PATH
