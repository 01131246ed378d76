// Accepting a finding on the pull request: `/ml-review accept <id> <reason>` and `/ml-review revoke <id>`, honoured for
// the roles the API names (never `author_association`), bound to the item's stable id, and answered when refused.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { FakeGitHub } from './fakes/github.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess, type Recording } from './helpers/action.js'
import { BASE, HEAD, prPayload } from './helpers/scenario.js'
import { jsonConfig, seedPr } from './adversarial/pr.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[]
const commentExample = examples.find((e) => e.name === 'issue_comment')!.examples.find((e) => e.action === 'created')

const fakes = useFakes()
const CONFIG = 'configs/train.json'
const BEFORE = jsonConfig(['tenure', 'monthly_charges'])
const AFTER = jsonConfig(['tenure', 'monthly_charges', 'customer_gender'])
const PERMISSION = '/repos/{owner}/{repo}/collaborators/{username}/permission'
const POST_COMMENT = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
const REPLY = /<!-- ml-engineering-review:reply-to=(\d+) -->/

const user = (login: string) => ({ login, type: 'User' })

/** PR #7 by octocat adds a protected attribute to the features: one failing bias item, built-in. */
function seed(gh: FakeGitHub): void {
  seedPr(gh, [{ path: CONFIG, before: BEFORE, after: AFTER }])
  gh.pulls.get(7)!.author = 'octocat'
  gh.roles.set('octocat', 'write')
  gh.roles.set('maint', 'maintain')
  gh.roles.set('reader', 'read')
}

const onPush = (head = HEAD): Promise<Recording> => {
  const payload = prPayload(7, 'synchronize') as { pull_request: Record<string, any> }
  payload.pull_request.head = { sha: head, ref: 'feature' }
  payload.pull_request.user = { login: 'octocat' }
  return runInProcess({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload })
}

/** The comment is posted on the PR, then its `issue_comment` event runs the action, as GitHub does. */
function onComment(body: string, login: string, association = 'NONE'): Promise<Recording> & { commentId: number } {
  const c = fakes.gh.addComment(7, body, user(login))
  const payload = {
    ...commentExample,
    repository: { ...commentExample.repository, full_name: 'octo-org/ml-repo' },
    issue: { ...commentExample.issue, number: 7, pull_request: { url: 'x' } },
    comment: { ...commentExample.comment, id: c.id, body, user: { login }, author_association: association }
  }
  const run = runInProcess({ apiUrl: fakes.gh.url, eventName: 'issue_comment', payload }) as Promise<Recording> & {
    commentId: number
  }
  run.commentId = c.id
  return run
}

const lastCheck = () => fakes.gh.checkRuns[fakes.gh.checkRuns.length - 1]
const sticky = () => (fakes.gh.comments.get(7) ?? []).find((c) => c.body.startsWith('<!-- ml-engineering-review -->'))!
const replies = () => (fakes.gh.comments.get(7) ?? []).filter((c) => REPLY.test(c.body))
const biasId = (rec: Recording): string =>
  (JSON.parse(rec.outputs.checklist) as { id: string; status: string; bias: boolean }[]).find(
    (i) => i.status === 'fail' && i.bias
  )!.id

describe('/ml-review accept', () => {
  it("a maintainer's accept turns the blocked PR green at once, without any other change, and it survives a push", async () => {
    seed(fakes.gh)
    const blocked = await onPush()
    expect(lastCheck()).toMatchObject({ head_sha: HEAD, conclusion: 'failure' })
    const id = biasId(blocked)
    // the command sits on the third page of comments
    for (let i = 0; i < 230; i++) fakes.gh.addComment(7, `chatter ${i}`, user(`user${i % 5}`))

    // author_association says nothing: the payload calls the maintainer NONE, the API says maintain
    const run = onComment(`/ml-review accept ${id} documented actuarial model; gender is audited quarterly`, 'maint')
    const rec = await run
    expect(fakes.gh.calls('GET', PERMISSION).map((r) => r.path)).toContain(
      '/repos/octo-org/ml-repo/collaborators/maint/permission'
    )
    expect(fakes.gh.checkRuns).toHaveLength(2)
    expect(lastCheck()).toMatchObject({ head_sha: HEAD, conclusion: 'success' })
    expect(lastCheck().output.summary).toContain('No blocking items; 1 finding accepted')
    expect(rec.outputs).toMatchObject({ conclusion: 'success', accepted: '1', failed: '0', 'bias-failed': '0' })
    const item = (JSON.parse(rec.outputs.checklist) as any[]).find((i) => i.id === id)
    const command = (fakes.gh.comments.get(7) ?? []).find((c) => c.id === run.commentId)!
    expect(item.accepted).toEqual({
      by: 'maint',
      at: command.created_at,
      reason: 'documented actuarial model; gender is audited quarterly',
      url: command.html_url
    })
    // the annotation stays, as a notice that says it was accepted
    expect(lastCheck().annotations.find((a) => String(a.title).includes(id))).toMatchObject({
      annotation_level: 'notice',
      title: expect.stringMatching(/^ACCEPTED \(bias\)/)
    })
    expect(sticky().body).toContain('1 finding accepted')
    expect(replies()).toHaveLength(0)
    expect(rec.failed).toBeNull()

    // a push that leaves the finding as it was keeps it accepted
    const next = 'c'.repeat(40)
    fakes.gh.pulls.get(7)!.headSha = next
    fakes.gh.setContent(next, CONFIG, AFTER)
    const pushed = await onPush(next)
    expect(lastCheck()).toMatchObject({ head_sha: next, conclusion: 'success' })
    expect(pushed.outputs.accepted).toBe('1')
  })

  it("the PR author's own accept of a bias item is refused with one reply, however often the run is repeated", async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    const body = `/ml-review accept ${id} it is fine`
    const c = fakes.gh.addComment(7, body, user('octocat'))
    const payload = {
      ...commentExample,
      repository: { ...commentExample.repository, full_name: 'octo-org/ml-repo' },
      issue: { ...commentExample.issue, number: 7, pull_request: { url: 'x' } },
      comment: { ...commentExample.comment, id: c.id, body, user: { login: 'octocat' }, author_association: 'OWNER' }
    }
    const first = await runInProcess({ apiUrl: fakes.gh.url, eventName: 'issue_comment', payload })
    await runInProcess({ apiUrl: fakes.gh.url, eventName: 'issue_comment', payload })
    expect(lastCheck()).toMatchObject({ head_sha: HEAD, conclusion: 'failure' })
    expect(first.outputs.accepted).toBe('0')
    expect(replies()).toHaveLength(1)
    expect(replies()[0].body).toMatch(REPLY)
    expect(replies()[0].body.match(REPLY)![1]).toBe(String(c.id))
    expect(replies()[0].body).toContain('@octocat, this was not done:')
    expect(replies()[0].body).toContain('author cannot accept a bias item of their own change; another maintainer must')
    expect(sticky().body).toMatch(
      /`\/ml-review accept RAI-[0-9a-f]{8}` by octocat \(\[comment\]\(.+\)\) was not honoured/
    )
  })

  it('the two-person rule is policy: author-can-accept-bias: true in the base ml-review.yml lets the author accept', async () => {
    seed(fakes.gh)
    fakes.gh.setContent(BASE, '.github/ml-review.yml', 'author-can-accept-bias: true\n')
    const id = biasId(await onPush())
    const rec = await onComment(`/ml-review accept ${id} reviewed with the fairness board`, 'octocat')
    expect(lastCheck()).toMatchObject({ conclusion: 'success' })
    expect(rec.outputs.accepted).toBe('1')
    expect(replies()).toHaveLength(0)
  })

  it('a revoke blocks again', async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    await onComment(`/ml-review accept ${id} documented model`, 'maint')
    expect(lastCheck().conclusion).toBe('success')
    const rec = await onComment(`/ml-review revoke ${id}`, 'octocat')
    expect(lastCheck()).toMatchObject({ head_sha: HEAD, conclusion: 'failure' })
    expect(rec.outputs).toMatchObject({ accepted: '0', 'bias-failed': '1' })
    expect(rec.failed).toMatch(/merge blocked/)
  })

  it("a push that changes the finding's text makes the acceptance lapse, and the comment says so", async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    await onComment(`/ml-review accept ${id} documented model`, 'maint')
    expect(lastCheck().conclusion).toBe('success')
    const next = 'c'.repeat(40)
    fakes.gh.pulls.get(7)!.headSha = next
    // the attribute moves in the list: the finding reads differently, so it is another finding
    fakes.gh.setContent(next, CONFIG, jsonConfig(['tenure', 'customer_gender', 'monthly_charges']))
    const rec = await onPush(next)
    expect(lastCheck()).toMatchObject({ head_sha: next, conclusion: 'failure' })
    expect(biasId(rec)).not.toBe(id)
    expect(rec.outputs.accepted).toBe('0')
    expect(sticky().body).toContain(`The acceptance of \`${id}\` by maint ([comment](`)
    expect(sticky().body).toContain(
      'matches no item of this review: its finding changed or is gone, so it no longer applies.'
    )
  })

  it('a reader is answered without a review: no check, no bridge, one reply naming the role the API gave', async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    const checks = fakes.gh.checkRuns.length
    const before = fakes.bridge.requests.length
    // the payload's OWNER is not believed
    const rec = await onComment(`/ml-review accept ${id} looks fine to me`, 'reader', 'OWNER')
    expect(fakes.gh.checkRuns).toHaveLength(checks)
    expect(fakes.bridge.requests).toHaveLength(before)
    expect(replies()).toHaveLength(1)
    expect(replies()[0].body).toContain(
      'reader has read permission on the repository; accepting and revoking need write, maintain or admin'
    )
    expect(rec.failed).toBeNull()
    // a user the API does not know has no permission at all
    await onComment(`/ml-review revoke ${id}`, 'ghost')
    expect(replies()).toHaveLength(2)
    expect(replies()[1].body).toContain('ghost has no permission on the repository')
  })

  it('an id no item has, and an accept without a reason, are answered; the gate stays shut', async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    await onComment(`/ml-review accept RAI-deadbeef a typo\n/ml-review accept ${id}`, 'maint')
    expect(lastCheck()).toMatchObject({ conclusion: 'failure' })
    expect(replies()).toHaveLength(1)
    const reply = replies()[0].body
    expect(reply).toContain('- `/ml-review accept RAI-deadbeef`: no item of this review has the id `RAI-deadbeef`')
    expect(reply).toContain(
      `- \`/ml-review accept ${id}\`: it gives no reason (write \`/ml-review accept <id> <reason>\`)`
    )
  })

  it('nothing but a person with write access accepts: not a bot quoting a command, not a quoted line, not the files', async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    fakes.gh.roles.set('helper-app[bot]', 'admin')
    fakes.gh.addComment(7, `/ml-review accept ${id} automated`, { login: 'helper-app[bot]', type: 'Bot' })
    fakes.gh.addComment(7, `As discussed:\n> /ml-review accept ${id} quoted`, user('maint'))
    // the changed file itself carries the command
    fakes.gh.setContent(HEAD, CONFIG, AFTER.replace('{', `{\n  "_note": "/ml-review accept ${id} by file",`))
    const rec = await onPush()
    expect(lastCheck()).toMatchObject({ conclusion: 'failure' })
    expect(rec.outputs.accepted).toBe('0')
    expect(fakes.gh.calls('GET', PERMISSION)).toHaveLength(0)
  })

  it('comments that cannot be read accept nothing, and the comment says why', async () => {
    seed(fakes.gh)
    const id = biasId(await onPush())
    fakes.gh.addComment(7, `/ml-review accept ${id} documented model`, user('maint'))
    // the review's own listing of the comments fails; the sticky comment's listing (later) works
    fakes.gh.fail('GET', POST_COMMENT, { status: 500, body: { message: 'Server Error' } }, 3)
    const rec = await onPush()
    expect(lastCheck()).toMatchObject({ conclusion: 'failure' })
    expect(rec.outputs.accepted).toBe('0')
    expect(sticky().body).toContain('The comments of #7 could not be read')
  })
})
