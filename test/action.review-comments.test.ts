import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { structuredPatch } from 'diff'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { analyseFiles } from '../src/checks/index.js'
import { reviewComments } from '../src/github/review.js'
import { findingsToItems } from '../src/report/builtin.js'
import { answer } from './fakes/bridge.js'
import type { FakeGitHub } from './fakes/github.js'
import { createGitHub, DEFAULT_TIMING } from '../src/github/client.js'
import { runInProcess, TOKEN } from './helpers/action.js'
import { useFakes } from './helpers/fakes.js'
import { report } from './helpers/scenario.js'
import { recidivismNotebook } from './data/notebooks.js'
import { validator } from './helpers/sarif-schema.js'

const fakes = useFakes('octo-org/ml-repo')
const REVIEWS = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'
const COMMENTS = '/repos/{owner}/{repo}/pulls/{pull_number}/comments'
const EDIT = '/repos/{owner}/{repo}/pulls/comments/{comment_id}'
const PATH = 'configs/train.yaml'
const BASE = 'b'.repeat(40)
const HEAD1 = '1'.repeat(40)
const HEAD2 = '2'.repeat(40)

const BEFORE = `model:
  name_or_path: acme/llm-7b
  revision: 6cdc0aad91f5ae2e6712e91bc7b65d1cf5c05411
  trust_remote_code: false

training:
  learning_rate: 2.0e-05
  num_train_epochs: 3
  seed: 42
  weight_decay: 0.01
`
const AFTER = BEFORE.replace('trust_remote_code: false', 'trust_remote_code: true').replace('  seed: 42\n', '')

/** The patch GitHub's files API gives: hunks only, no file headers. */
function githubPatch(before: string, after: string): string {
  const p = structuredPatch('a', 'b', before, after, '', '', { context: 3 })
  return p.hunks
    .map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n')
}

function setHead(gh: FakeGitHub, files: { path: string; before: string; after: string }[], head: string): void {
  gh.addPull({
    number: 9,
    title: 'Bigger model',
    headSha: head,
    baseSha: BASE,
    files: files.map((f) => ({ filename: f.path, status: 'modified', patch: githubPatch(f.before, f.after) }))
  })
  for (const f of files) {
    gh.setContent(BASE, f.path, f.before)
    gh.setContent(head, f.path, f.after)
  }
}

function run(head: string, inputs: Record<string, string> = {}) {
  return runInProcess({
    apiUrl: fakes.gh.url,
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 9,
      pull_request: {
        number: 9,
        title: 'Bigger model',
        head: { sha: head, ref: 'feature' },
        base: { sha: BASE, ref: 'main' },
        changed_files: 1
      }
    },
    inputs: { 'bridge-url': '', 'review-comments': 'all', ...inputs }
  })
}

/** The suggestion of a review comment applied to the file, as GitHub's "Commit suggestion" does. */
function applyFrom(body: string, text: string, startLine: number, line: number): string {
  const m = /```suggestion\n([\s\S]*?)\n```/.exec(body)
  if (!m) throw new Error(`no suggestion in ${body}`)
  const lines = text.split('\n')
  lines.splice(startLine - 1, line - startLine + 1, ...m[1].split('\n'))
  return lines.join('\n')
}

const checksOn = (after: string, path = PATH, before = BEFORE): string[] =>
  analyseFiles([{ path, status: 'modified', before, after }]).findings.map((f) => f.check)

describe('inline review comments', () => {
  it('posts one review with a line comment per finding, each with a suggestion that fixes it', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    const rec = await run(HEAD1)
    // comments are published beside the decision, never instead of it: no bias item failed, so nothing blocks,
    // and with no bridge configured the built-in checks decide alone
    expect(rec.failed).toBeNull()
    expect(fakes.gh.checkRuns[0].conclusion).toBe('success')
    const reviews = fakes.gh.calls('POST', REVIEWS)
    expect(reviews).toHaveLength(1)
    const body = reviews[0].body as { event: string; commit_id: string; comments: any[] }
    expect(body.event).toBe('COMMENT')
    expect(body.commit_id).toBe(HEAD1)
    expect(body.comments.map((c) => c.path)).toEqual([PATH, PATH])
    const byCheck = (id: string) => body.comments.find((c) => String(c.body).includes(id))
    const trust = byCheck('SUPPLY-TRUST-REMOTE-CODE')
    const seed = byCheck('REPRO-SEED-REMOVED')
    expect(trust).toMatchObject({ line: 4, side: 'RIGHT' })
    expect(trust.body).toContain('trust_remote_code enabled')
    expect(trust.body).toContain('Every load runs Python from the model repository')
    expect(trust.body).toContain('```suggestion\n  trust_remote_code: false\n```')
    expect(seed.body).toContain('```suggestion\n  seed: 42\n')
    // each suggestion applied to the head file makes its finding go away, and only that one
    expect(checksOn(AFTER)).toEqual(expect.arrayContaining(['SUPPLY-TRUST-REMOTE-CODE', 'REPRO-SEED-REMOVED']))
    for (const [c, gone] of [
      [trust, 'SUPPLY-TRUST-REMOTE-CODE'],
      [seed, 'REPRO-SEED-REMOVED']
    ] as const) {
      const fixed = applyFrom(c.body, AFTER, c.start_line ?? c.line, c.line)
      const left = checksOn(fixed)
      expect(left).not.toContain(gone)
      expect(left.length).toBe(checksOn(AFTER).length - 1)
    }
    // one review on GitHub, holding both threads
    expect(fakes.gh.review.reviews).toHaveLength(1)
    expect(fakes.gh.review.threads).toHaveLength(2)
    expect(rec.logs.some((l) => l.startsWith('Review comments: 2 on lines, 0 on files'))).toBe(true)
  })

  it('adds nothing when run again on the same head', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    await run(HEAD1)
    const writes = () =>
      fakes.gh.requests.filter((r) => r.method !== 'GET' && /pulls|graphql/.test(r.route) && r.route !== '/graphql')
    const before = writes().length
    const rec = await run(HEAD1)
    expect(writes().length).toBe(before)
    expect(fakes.gh.review.reviews).toHaveLength(1)
    expect(fakes.gh.review.comments).toHaveLength(2)
    expect(rec.logs.some((l) => l.startsWith('Review comments: 0 on lines, 0 on files, 2 already there'))).toBe(true)
  })

  it('resolves the thread of a finding a push fixed and leaves the other open', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    await run(HEAD1)
    const trustComment = fakes.gh.review.comments.find((c) => c.body.includes('SUPPLY-TRUST-REMOTE-CODE'))
    const fixed = AFTER.replace('trust_remote_code: true', 'trust_remote_code: false')
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: fixed }], HEAD2)
    const rec = await run(HEAD2)
    const threads = fakes.gh.review.threads
    const trustThread = threads.find((t) => t.comments[0] === trustComment?.id)
    expect(trustThread?.isResolved).toBe(true)
    expect(threads.filter((t) => !t.isResolved)).toHaveLength(1)
    expect(
      fakes.gh.review.comments.find((c) => c.id === threads.find((t) => !t.isResolved)?.comments[0])?.body
    ).toContain('REPRO-SEED-REMOVED')
    // resolved through GraphQL, nothing new posted
    expect(fakes.gh.review.graphqlRequests.some((q) => q.query.includes('resolveReviewThread'))).toBe(true)
    expect(fakes.gh.calls('POST', REVIEWS)).toHaveLength(1)
    expect(rec.logs.some((l) => /1 already there, 1 resolved/.test(l))).toBe(true)
  })

  it('edits the comment to say so when the token may not resolve threads (GITHUB_TOKEN)', async () => {
    fakes.gh.review.canResolve = false
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    await run(HEAD1)
    const fixed = AFTER.replace('trust_remote_code: true', 'trust_remote_code: false')
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: fixed }], HEAD2)
    await run(HEAD2)
    const edits = fakes.gh.calls('PATCH', EDIT)
    expect(edits).toHaveLength(1)
    const trust = fakes.gh.review.comments.find((c) => c.body.includes('trust_remote_code enabled'))
    expect(trust?.body).toContain('closed -->')
    expect(trust?.body).toContain(`No longer found at ${HEAD2.slice(0, 7)}`)
    expect(trust?.body).not.toContain('```suggestion')
    // a third run leaves the closed comment alone
    await run(HEAD2)
    expect(fakes.gh.calls('PATCH', EDIT)).toHaveLength(1)
  })

  it('closes the comment of a finding accepted on the pull request (edited, as the token may not resolve)', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    await run(HEAD1)
    // the next run's review, with the trust_remote_code item accepted by a maintainer
    const file = {
      path: PATH,
      status: 'modified' as const,
      before: BEFORE,
      after: AFTER,
      patch: fakes.gh.pulls.get(9)?.files[0].patch
    }
    const findings = analyseFiles([file]).findings
    const items = findingsToItems(findings).map((i) =>
      i.text.startsWith('[SUPPLY-TRUST-REMOTE-CODE]')
        ? { ...i, accepted: { by: 'octocat', at: '2026-01-01T00:00:00Z', reason: 'revision pinned, code vendored' } }
        : i
    )
    const gh = createGitHub(TOKEN, fakes.gh.url, { ...DEFAULT_TIMING, retryBaseMs: 1, writeGapMs: 0 })
    fakes.gh.review.canResolve = false
    const outcome = await reviewComments(
      gh,
      { owner: 'octo-org', repo: 'ml-repo' },
      9,
      HEAD1,
      fakes.gh.botLogin,
      { mode: 'all', items, findings, files: [file], agentAnswered: true },
      () => {}
    )
    expect(outcome).toMatchObject({ posted: 0, kept: 1, edited: 1, resolved: 0 })
    const trust = fakes.gh.review.comments.find((c) => c.body.includes('trust_remote_code enabled'))
    expect(trust?.body).toContain('Accepted by octocat: revision pinned, code vendored')
    const seed = fakes.gh.review.comments.find((c) => c.body.includes('REPRO-SEED-REMOVED'))
    expect(seed?.body).not.toContain('closed -->')
  })

  it("never touches someone else's comment, even one that carries our marker", async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    const foreign = fakes.gh.review.addForeign(9, {
      path: PATH,
      line: 4,
      login: 'octocat',
      body: '<!-- ml-engineering-review:item=RAI-00000000 -->\nI copied this'
    })
    await run(HEAD1)
    const fixed = AFTER.replace('trust_remote_code: true', 'trust_remote_code: false')
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: fixed }], HEAD2)
    await run(HEAD2)
    expect(fakes.gh.review.comments.find((c) => c.id === foreign.id)?.body).toBe(
      '<!-- ml-engineering-review:item=RAI-00000000 -->\nI copied this'
    )
    expect(fakes.gh.review.threads.find((t) => t.comments[0] === foreign.id)?.isResolved).toBe(false)
    expect(fakes.gh.calls('PATCH', EDIT).filter((r) => r.path.endsWith(`/${foreign.id}`))).toHaveLength(0)
  })

  it('comments on failed items only by default, and on none with review-comments: none', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    await run(HEAD1, { 'review-comments': '' })
    const body = fakes.gh.calls('POST', REVIEWS)[0].body as { comments: { body: string }[] }
    expect(body.comments).toHaveLength(1)
    expect(body.comments[0].body).toContain('SUPPLY-TRUST-REMOTE-CODE')

    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD2)
    await run(HEAD2, { 'review-comments': 'none' })
    expect(fakes.gh.calls('POST', REVIEWS)).toHaveLength(1)
    expect(fakes.gh.calls('GET', COMMENTS)).toHaveLength(1)
  })

  it('puts a finding off the diff on its file, and agent items with their mentions neutralised', async () => {
    // the seed is removed far from the trust_remote_code change: with no context around it, only that line is on the diff
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    const pr = fakes.gh.pulls.get(9)
    if (pr) pr.files[0].patch = '@@ -4 +4 @@\n-  trust_remote_code: false\n+  trust_remote_code: true'
    fakes.bridge.script(
      answer.json(200, {
        ok: true,
        report: report([`- [ ] Ask @ml-team/reviewers about the revision (${PATH}:2) — FAIL`])
      })
    )
    const rec = await run(HEAD1, { 'bridge-url': fakes.bridge.url, 'bridge-token': 'tok-1234567890' })
    expect(rec.failed === null || !/review/i.test(rec.failed)).toBe(true)
    const review = fakes.gh.calls('POST', REVIEWS)[0].body as { comments: { body: string; line: number }[] }
    expect(review.comments.map((c) => c.line)).toEqual([4])
    const files = fakes.gh.calls('POST', COMMENTS).map((r) => r.body as Record<string, string>)
    expect(files.map((f) => f.subject_type)).toEqual(['file', 'file'])
    const seed = files.find((f) => f.body.includes('REPRO-SEED-REMOVED'))
    expect(seed?.body).toMatch(/Line \d+: \*\*Random seed removed\*\*/)
    expect(seed?.body).not.toContain('```suggestion')
    const agent = files.find((f) => f.body.includes('revision'))
    expect(agent?.body).toContain('@\u200bml-team/reviewers')
    expect(agent?.body).not.toMatch(/(^|[^\u200b])@ml-team/)
  })

  it('puts a notebook finding GitHub will not take on a line on its file, without an error', async () => {
    const nb = 'notebooks/reject_option.ipynb'
    const before = recidivismNotebook('base')
    const after = recidivismNotebook('privileged-flipped')
    setHead(fakes.gh, [{ path: nb, before, after }], HEAD1)
    fakes.gh.review.refuseLinesOn.add(nb)
    const rec = await run(HEAD1)
    expect(rec.warnings.filter((w) => /review comments/i.test(w))).toEqual([])
    // the review was tried once with the notebook lines, then they went on the file
    const tried = fakes.gh.calls('POST', REVIEWS)
    expect(tried.length).toBeGreaterThanOrEqual(1)
    expect(fakes.gh.review.reviews.filter((r) => r.body.includes('ML Engineering Review'))).toHaveLength(0)
    const files = fakes.gh.review.comments.filter((c) => c.subject_type === 'file')
    expect(files.length).toBeGreaterThan(0)
    expect(files.every((c) => c.path === nb)).toBe(true)
    expect(files.some((c) => c.body.includes('RAI-PRIVILEGED-GROUPS-CHANGED'))).toBe(true)
    expect(rec.logs.some((l) => /GitHub refused the review's line comments/.test(l))).toBe(true)
  })

  it('takes notebook findings on lines when GitHub does', async () => {
    const nb = 'notebooks/reject_option.ipynb'
    setHead(
      fakes.gh,
      [{ path: nb, before: recidivismNotebook('base'), after: recidivismNotebook('privileged-flipped') }],
      HEAD1
    )
    await run(HEAD1)
    const comments = (fakes.gh.calls('POST', REVIEWS)[0]?.body as { comments: { path: string }[] }).comments
    expect(comments.length).toBeGreaterThan(0)
    expect(comments.every((c) => c.path === nb)).toBe(true)
  })

  it('skips the review with one log line when the token is read-only (a fork)', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    fakes.gh.readOnly = true
    const rec = await run(HEAD1)
    expect(rec.logs.filter((l) => l.startsWith('Review comments skipped'))).toHaveLength(1)
    expect(fakes.gh.calls('POST', REVIEWS)).toHaveLength(0)
    expect(fakes.gh.review.comments).toHaveLength(0)
  })
})

describe('sarif input', () => {
  it('writes the SARIF file into RUNNER_TEMP and names it in the sarif-file output', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    const temp = mkdtempSync(join(tmpdir(), 'ml-review-runner-temp-'))
    const rec = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: {
        action: 'opened',
        number: 9,
        pull_request: { number: 9, head: { sha: HEAD1, ref: 'f' }, base: { sha: BASE, ref: 'main' } }
      },
      inputs: { sarif: 'true', 'review-comments': 'none' },
      env: { RUNNER_TEMP: temp }
    })
    expect(rec.outputs['sarif-file']).toBe(join(temp, 'ml-review.sarif'))
    const log = JSON.parse(readFileSync(rec.outputs['sarif-file'], 'utf8')) as Log
    expect(validator()(log)).toEqual([])
    expect(log.runs[0].results?.map((r) => r.ruleId).sort()).toEqual(['REPRO-SEED-REMOVED', 'SUPPLY-TRUST-REMOTE-CODE'])
  })

  it('writes no SARIF by default', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    const rec = await run(HEAD1, { 'review-comments': 'none' })
    expect(rec.outputs['sarif-file']).toBeUndefined()
  })
})

describe('the fake GitHub takes reviews as GitHub does', () => {
  it('refuses a line off the diff, a file-level comment with a line, an undocumented event and an invalid query', async () => {
    setHead(fakes.gh, [{ path: PATH, before: BEFORE, after: AFTER }], HEAD1)
    const gh = createGitHub(TOKEN, fakes.gh.url, { ...DEFAULT_TIMING, retryBaseMs: 1, writeGapMs: 0 })
    const repo = { owner: 'octo-org', repo: 'ml-repo', pull_number: 9 }
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { status?: number }) => e.status
      )
    const review = (line: number) =>
      gh.rest.pulls.createReview({
        ...repo,
        commit_id: HEAD1,
        event: 'COMMENT',
        body: 'x',
        comments: [{ path: PATH, line, body: 'b' }]
      })
    expect(await status(review(1))).toBe(200) // context line of the first hunk
    expect(await status(review(14))).toBe(422)
    expect(
      await status(
        gh.rest.pulls.createReviewComment({
          ...repo,
          commit_id: HEAD1,
          path: PATH,
          subject_type: 'file',
          line: 4,
          body: 'b'
        })
      )
    ).toBe(422)
    expect(
      await status(
        gh.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
          ...repo,
          event: 'MAYBE' as 'COMMENT',
          body: 'x'
        })
      )
    ).toBe(422)
    await expect(gh.graphql('query { repository(owner: "a", name: "b") { nope } }')).rejects.toThrow(/nope/)
    expect(fakes.gh.review.reviews).toHaveLength(1)
  })
})
