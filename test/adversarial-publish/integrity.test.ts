// What a PR or the bridge can do to what is published: start workflow commands in the log, take over the sticky
// comment, duplicate it, or push texts past GitHub's limits.
import { describe, expect, it } from 'vitest'
import { answer } from '../fakes/bridge.js'
import { useFakes } from '../helpers/fakes.js'
import { runInProcess, type Recording } from '../helpers/action.js'
import { commandSafe, mayStartCommand } from '../../src/io.js'
import { AFTER, BEFORE, CONFIG, FAILING, MARKER, PASSING, PR, payload, reportWith, runPr, seed } from './scenario.js'

const fakes = useFakes()

/** The workflow commands the runner would act on in this log, as it reads it (stop-commands honoured). */
function commandsIn(log: string): string[] {
  const seen: string[] = []
  let resume: string | null = null
  for (const line of log.split(/\r\n|\r|\n/)) {
    const t = line.trimStart()
    if (resume !== null) {
      if (t === `::${resume}::`) resume = null
      continue
    }
    const v2 = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(t)
    if (v2) {
      if (v2[1] === 'stop-commands') resume = v2[2]
      else seen.push(v2[1])
      continue
    }
    const v1 = /##\[([A-Za-z-]+)/.exec(line)
    if (v1) seen.push(v1[1])
  }
  return seen
}

function logOf(rec: Recording): string {
  return rec.logs.join('\n')
}

const INJECTIONS = [
  '\n::stop-commands::pwned\n',
  '\n::error::all good\n',
  '\n::add-mask::configs\n',
  '\n  ::warning file=x::indented\n',
  '\r::set-output name=conclusion::success\r',
  '\n##[error]old form\n',
  'x ##[add-mask]inline old form',
  '\n::group::fake\n::endgroup::\n'
]

describe('nothing from the PR or the bridge starts a workflow command in the log', () => {
  it('commandSafe wraps only what needs it, and the runner would act on none of it', () => {
    for (const bad of INJECTIONS) {
      expect(mayStartCommand(bad)).toBe(true)
      expect(commandsIn(commandSafe(`file ${bad} end`))).toEqual([])
      expect(commandSafe(`file ${bad} end`)).toContain(bad)
    }
    expect(commandSafe('plain line: a::b')).toBe('plain line: a::b')
  })

  for (const bad of INJECTIONS) {
    it(`a file name holding ${JSON.stringify(bad)}`, async () => {
      const name = `configs/evil${bad}x.yaml`
      seed(fakes, { files: [{ path: name, before: BEFORE, after: AFTER }] })
      const rec = await runPr(fakes, { report: PASSING })
      expect(logOf(rec)).toContain('evil')
      expect(commandsIn(logOf(rec)).filter((c) => c !== 'group' && c !== 'endgroup')).toEqual([])
    })
  }

  it("the bridge's runId and its error bodies", async () => {
    seed(fakes)
    fakes.bridge.script(answer.json(200, { ok: true, runId: 'run-1\n::add-mask::ML\n::error::fake' }))
    const rec = await runPr(fakes)
    expect(commandsIn(logOf(rec)).filter((c) => c !== 'group' && c !== 'endgroup')).toEqual([])
    seed(fakes)
    fakes.bridge.script(answer.text(400, 'bad request\n::stop-commands::x\n::error::owned'))
    const rec2 = await runPr(fakes)
    expect(commandsIn(logOf(rec2)).filter((c) => c !== 'group' && c !== 'endgroup')).toEqual([])
  })
})

describe('one sticky comment, and only ours', () => {
  it("another App's comment with our marker is not ours: ours is created beside it, theirs untouched", async () => {
    seed(fakes)
    const other = fakes.gh.addComment(PR, `${MARKER}\nother bot`, { login: 'other-app[bot]', type: 'Bot' })
    await runPr(fakes, { report: PASSING })
    const comments = fakes.gh.comments.get(PR) ?? []
    expect(other.body).toBe(`${MARKER}\nother bot`)
    expect(comments).toHaveLength(2)
    expect(comments[1].user.login).toBe('github-actions[bot]')
  })

  it('under a GitHub App token, the App is learnt from the check run it owns', async () => {
    seed(fakes)
    fakes.gh.appSlug = 'ml-review-app'
    const actions = fakes.gh.addComment(PR, `${MARKER}\nby github-actions`, {
      login: 'github-actions[bot]',
      type: 'Bot'
    })
    const mine = fakes.gh.addComment(PR, `${MARKER}\nold`, { login: 'ml-review-app[bot]', type: 'Bot' })
    await runPr(fakes, { report: PASSING })
    expect(actions.body).toBe(`${MARKER}\nby github-actions`)
    expect(mine.body).toContain('No blocking issues')
  })

  it('two copies of ours (an earlier race): the oldest is updated, the newer deleted', async () => {
    seed(fakes)
    const first = fakes.gh.addComment(PR, `${MARKER}\nfirst`)
    fakes.gh.addComment(PR, `${MARKER}\nsecond`)
    await runPr(fakes, { report: PASSING })
    const comments = fakes.gh.comments.get(PR) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0].id).toBe(first.id)
    expect(comments[0].body).toContain('No blocking issues')
  })

  it('two runs at once leave one comment', async () => {
    seed(fakes)
    fakes.gh.latencyMs = 15
    fakes.bridge.script(answer.text(200, PASSING), answer.text(200, PASSING))
    const run = () =>
      runInProcess({
        apiUrl: fakes.gh.url,
        eventName: 'pull_request',
        payload: payload(),
        inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': 'bridge-token-for-adversarial-tests-0123' },
        env: { ML_REVIEW_GITHUB_TIMEOUT_MS: '10000' }
      })
    await Promise.all([run(), run()])
    expect(fakes.gh.comments.get(PR)).toHaveLength(1)
    expect(fakes.gh.calls('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments').length).toBeGreaterThan(0)
  })

  it('identity unknown (the check could not start): the comment we create tells who we are, and no copy stays', async () => {
    seed(fakes)
    const old = fakes.gh.addComment(PR, `${MARKER}\nold`)
    fakes.gh.fail('POST', '/repos/{owner}/{repo}/check-runs', { status: 500, body: { message: 'boom' } }, 3)
    await runPr(fakes, { report: PASSING })
    const comments = fakes.gh.comments.get(PR) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0].id).toBe(old.id)
    expect(comments[0].body).toContain('No blocking issues')
  })

  it('a personal token is trusted only with its own login', async () => {
    seed(fakes)
    fakes.gh.userLogin = 'octocat'
    const bot = fakes.gh.addComment(PR, `${MARKER}\nbot`)
    await runPr(fakes, { report: PASSING })
    expect(bot.body).toBe(`${MARKER}\nbot`)
    expect((fakes.gh.comments.get(PR) ?? []).filter((c) => c.user.login === 'octocat')).toHaveLength(1)
  })
})

describe("every text within GitHub's limits", () => {
  it('an annotation line past the end of the file is moved to its last line, and says so', async () => {
    seed(fakes)
    await runPr(fakes, { report: reportWith([`- [ ] Fairness metrics per demographic group (${CONFIG}:999) — FAIL`]) })
    const a = fakes.gh.checkRuns[0].annotations.find((x) => String(x.message).startsWith('Fairness'))
    expect(a).toMatchObject({ start_line: 5, end_line: 5 })
    expect(String(a?.message)).toContain('line 999 is past the end of the file')
  })

  it('a 90 kB annotation message (multi-byte) is cut under 64 KB with a note', async () => {
    seed(fakes)
    const huge = 'Fairness 🙂 '.repeat(9000)
    await runPr(fakes, { report: reportWith([`- [ ] ${huge} (${CONFIG}:2) — FAIL`]) })
    const run = fakes.gh.checkRuns[0]
    expect(run.conclusion).toBe('failure')
    const a = run.annotations.find((x) => String(x.message).startsWith('Fairness'))
    expect(Buffer.byteLength(String(a?.message))).toBeLessThanOrEqual(64 * 1024)
    expect(String(a?.message)).toContain('cut to fit an annotation')
  })

  it('a 1.7 MiB report: summary under 1 MiB, comment under 65,536, check texts under 65,535', async () => {
    seed(fakes)
    const body = Array.from({ length: 1200 }, (_, i) => `#### Part ${i}\n${'ü data ü '.repeat(150)}`).join('\n')
    const rec = await runPr(fakes, { report: reportWith([`- [x] Fairness ok (${CONFIG}:2) — PASS`], body) })
    expect(Buffer.byteLength(rec.summary)).toBeLessThanOrEqual(1024 * 1024)
    expect(rec.summary).toMatch(/cut/i)
    const comment = (fakes.gh.comments.get(PR) ?? [])[0].body
    expect(comment.length).toBeLessThanOrEqual(65536)
    const run = fakes.gh.checkRuns[0]
    expect(run.output.summary?.length ?? 0).toBeLessThanOrEqual(65535)
    expect(run.output.text?.length ?? 0).toBeLessThanOrEqual(65535)
    expect(run.conclusion).toBe('success')
  })

  it('a comment of multi-byte text fits too', async () => {
    seed(fakes)
    const body = Array.from({ length: 300 }, (_, i) => `#### 部分 ${i}\n${'数据'.repeat(400)}`).join('\n')
    await runPr(fakes, { report: reportWith([`- [x] Fairness ok (${CONFIG}:2) — PASS`], body) })
    const comment = (fakes.gh.comments.get(PR) ?? [])[0].body
    expect(comment.length).toBeLessThanOrEqual(65536)
    expect(comment).toContain('### Checklist')
  })

  it('a failing review with a huge report still blocks', async () => {
    seed(fakes)
    const rec = await runPr(fakes, { report: FAILING.replace('Unchanged.', 'x '.repeat(400_000)) })
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
    expect(rec.failed).toContain('Fairness')
  })
})
