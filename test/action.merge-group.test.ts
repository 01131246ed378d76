// merge_group (checks_requested): the queue commit's change is reviewed base → head, the check lands on the group's
// head SHA with a real conclusion and no comment, and findings accepted on the PRs in the group stay accepted.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { FakeGitHub } from './fakes/github.js'
import { useFakes } from './helpers/fakes.js'
import { runDist, runInProcess, type Recording } from './helpers/action.js'
import { BASE, HEAD, prPayload } from './helpers/scenario.js'
import { jsonConfig, seedPr } from './adversarial/pr.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[]
const groupExample = examples
  .find((e) => e.name === 'merge_group')!
  .examples.find((e) => e.action === 'checks_requested')

const fakes = useFakes()
const CONFIG = 'configs/train.json'
const BEFORE = jsonConfig(['tenure', 'monthly_charges'])
const BIASED = jsonConfig(['tenure', 'monthly_charges', 'customer_gender'])
const CLEAN = jsonConfig(['tenure', 'monthly_charges', 'contract_length'])
const GROUP_HEAD = '9'.repeat(40)
/** the commit of #6's queue entry, ahead of #7 in the queue */
const AHEAD = '8'.repeat(40)
const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'

/** The real payload, pointed at our queue commit: #7 on top of main, behind #6 when `ahead` is set. */
function groupPayload(action = 'checks_requested'): Record<string, unknown> {
  return {
    ...groupExample,
    action,
    repository: { ...groupExample.repository, full_name: 'octo-org/ml-repo' },
    merge_group: {
      ...groupExample.merge_group,
      head_sha: GROUP_HEAD,
      base_sha: BASE,
      head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${HEAD}`,
      base_ref: 'refs/heads/main'
    }
  }
}

/** main at BASE; the group's commit changes the training config to `after`; #6 and #7 are in the queue. */
function seedGroup(gh: FakeGitHub, after: string): void {
  seedPr(gh, [{ path: CONFIG, before: BEFORE, after }])
  gh.addPull({ number: 6, title: 'Earlier change', headSha: 'e'.repeat(40), baseSha: BASE, files: [], author: 'alice' })
  gh.setContent(GROUP_HEAD, CONFIG, after)
  gh.compares.set(`${BASE}...${GROUP_HEAD}`, {
    files: [
      { filename: CONFIG, status: 'modified', patch: '@@ -5,2 +5,3 @@' },
      { filename: 'README.md', status: 'modified' }
    ],
    commits: [AHEAD, GROUP_HEAD]
  })
  gh.refs.set(`refs/heads/gh-readonly-queue/main/pr-6-${'e'.repeat(40)}`, AHEAD)
  gh.refs.set(`refs/heads/gh-readonly-queue/main/pr-7-${HEAD}`, GROUP_HEAD)
  // a queue entry of another group (not an ancestor of this one) does not count
  gh.refs.set(`refs/heads/gh-readonly-queue/main/pr-5-${'d'.repeat(40)}`, 'd'.repeat(40))
  gh.roles.set('maint', 'maintain')
}

const onGroup = (inputs: Record<string, string> = {}, action?: string): Promise<Recording> =>
  runInProcess({ apiUrl: fakes.gh.url, eventName: 'merge_group', payload: groupPayload(action), inputs })

describe('merge_group', () => {
  it('a bias regression in the queue commit ends failure on its head SHA, with no comment', async () => {
    seedGroup(fakes.gh, BIASED)
    const rec = await onGroup()
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({
      head_sha: GROUP_HEAD,
      status: 'completed',
      conclusion: 'failure'
    })
    expect(fakes.gh.checkRuns[0].output.summary).toContain('customer_gender')
    expect(fakes.gh.calls('POST', COMMENTS)).toHaveLength(0)
    expect(fakes.gh.calls('GET', '/repos/{owner}/{repo}/compare/{basehead}')[0].path).toBe(
      `/repos/octo-org/ml-repo/compare/${BASE}...${GROUP_HEAD}`
    )
    // both sides read at the group's base and head, never at a PR's
    const refs = fakes.gh.calls('GET', '/repos/{owner}/{repo}/contents/{path}').map((r) => r.query.get('ref'))
    expect(new Set(refs)).toEqual(new Set([BASE, GROUP_HEAD]))
    expect(rec.outputs).toMatchObject({ conclusion: 'failure', 'bias-failed': '1', skipped: 'false' })
    expect(rec.failed).toMatch(/merge blocked/)
  })

  it('a clean queue commit ends success', async () => {
    seedGroup(fakes.gh, CLEAN)
    const rec = await onGroup()
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: GROUP_HEAD, conclusion: 'success' })
    expect(rec.outputs.conclusion).toBe('success')
    expect(rec.failed).toBeNull()
  })

  it('a finding accepted on a PR ahead in the group stays accepted; the PR of another group does not count', async () => {
    seedGroup(fakes.gh, BIASED)
    // the id is the one the PR's own review showed
    const pr = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: prPayload(7)
    })
    const id = (JSON.parse(pr.outputs.checklist) as { id: string; bias: boolean }[]).find((i) => i.bias)!.id
    fakes.gh.addComment(6, `/ml-review accept ${id} documented actuarial model`, { login: 'maint', type: 'User' })
    fakes.gh.addComment(5, `/ml-review revoke ${id}`, { login: 'maint', type: 'User' })
    const before = fakes.gh.checkRuns.length
    const rec = await onGroup()
    const check = fakes.gh.checkRuns[before]
    expect(check).toMatchObject({ head_sha: GROUP_HEAD, conclusion: 'success' })
    expect(rec.outputs.accepted).toBe('1')
    const read = fakes.gh.calls('GET', COMMENTS).map((r) => r.path)
    expect(read).toContain('/repos/octo-org/ml-repo/issues/6/comments')
    expect(read).toContain('/repos/octo-org/ml-repo/issues/7/comments')
    expect(read).not.toContain('/repos/octo-org/ml-repo/issues/5/comments')
  })

  it("the author's own accept of a bias item does not count in the queue either", async () => {
    seedGroup(fakes.gh, BIASED)
    fakes.gh.roles.set('alice', 'admin')
    const pr = await runInProcess({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload: prPayload(7) })
    const id = (JSON.parse(pr.outputs.checklist) as { id: string; bias: boolean }[]).find((i) => i.bias)!.id
    fakes.gh.addComment(6, `/ml-review accept ${id} mine`, { login: 'alice', type: 'User' })
    const before = fakes.gh.checkRuns.length
    const rec = await onGroup()
    expect(fakes.gh.checkRuns[before]).toMatchObject({ head_sha: GROUP_HEAD, conclusion: 'failure' })
    expect(fakes.gh.checkRuns[before].output.summary).toContain('author cannot accept a bias item')
    expect(rec.outputs.accepted).toBe('0')
  })

  it('costs what the PR review of the same change costs: one bridge call, about as many API requests', async () => {
    seedGroup(fakes.gh, BIASED)
    const bridge = { 'bridge-url': fakes.bridge.url, 'bridge-token': 'tok-123456789' }
    let t = Date.now()
    await runInProcess({ apiUrl: fakes.gh.url, eventName: 'pull_request', payload: prPayload(7), inputs: bridge })
    const prMs = Date.now() - t
    const prRequests = fakes.gh.requests.length
    fakes.gh.requests = []
    t = Date.now()
    await onGroup(bridge)
    const groupMs = Date.now() - t
    expect(fakes.bridge.requests).toHaveLength(2)
    expect(fakes.bridge.requests[1].headers['idempotency-key']).toBe(`octo-org/ml-repo@${BASE}...${GROUP_HEAD}`)
    // no comment to find and write; the queue's branches, the PRs in the group and their comments to read instead
    expect(fakes.gh.requests.length).toBeLessThanOrEqual(prRequests + 4)
    expect(groupMs).toBeLessThan(prMs * 3 + 2000)
  })

  it('other merge_group actions review nothing', async () => {
    const rec = await onGroup({}, 'destroyed')
    expect(rec.logs.join('\n')).toMatch(/Nothing to review for a "destroyed" merge_group event/)
    expect(fakes.gh.requests).toHaveLength(0)
  })

  it('dist/index.js on the real payload: failure on the head SHA, never left in progress', async () => {
    seedGroup(fakes.gh, BIASED)
    const r = await runDist({ apiUrl: fakes.gh.url, eventName: 'merge_group', payload: groupPayload() })
    expect(r.code).toBe(1)
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: GROUP_HEAD, status: 'completed', conclusion: 'failure' })
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.summary).toContain('customer_gender')
  }, 30_000)
})
