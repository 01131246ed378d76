// The PR file list read at the network's pace: the pages a PR's file count implies are requested together (within
// the run's eight request slots), a stale count is followed past, and a list of exactly 3000 is complete.
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import type { FakeFile } from './fakes/github.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess } from './helpers/action.js'
import { BASE, HEAD, PASSING_REPORT, prPayload } from './helpers/scenario.js'

const fakes = useFakes('octo-org/ml-repo', (f) => {
  f.bridge.script(answer.text(200, PASSING_REPORT))
})

const FILES_ROUTE = '/repos/{owner}/{repo}/pulls/{pull_number}/files'
const config = (lr: string): string => `model: m\ntraining:\n  learning_rate: ${lr}\n  epochs: 3\n`

/** `total` plain files with a training config at each of `mlAt` (indexes into the list). */
function seed(total: number, mlAt: number[]): string[] {
  const files: FakeFile[] = []
  const ml: string[] = []
  for (let i = 0; i < total; i++) {
    if (mlAt.includes(i)) {
      const path = `configs/exp_${i}/train.yaml`
      files.push({ filename: path, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })
      fakes.gh.setContent(BASE, path, config('0.001'))
      fakes.gh.setContent(HEAD, path, config('0.0005'))
      ml.push(path)
    } else files.push({ filename: `src/pkg${i % 40}/m${i}.py`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })
  }
  fakes.gh.addPull({ number: 7, headSha: HEAD, baseSha: BASE, files })
  return ml
}

function run(changedFiles: number) {
  const payload = prPayload(7) as { pull_request: Record<string, unknown> }
  payload.pull_request.changed_files = changedFiles
  return runInProcess({
    apiUrl: fakes.gh.url,
    eventName: 'pull_request',
    payload,
    inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': 'tkn-0123456789' }
  })
}

const pagesAsked = (): number[] => fakes.gh.calls('GET', FILES_ROUTE).map((r) => Number(r.query.get('page') ?? 1))

describe('listing the files of a pull request', () => {
  it('asks for every page the PR counts at once, never more than 8 requests in flight, and reviews every page', async () => {
    const ml = seed(1000, [3, 450, 999])
    fakes.gh.latencyMs = 40
    const rec = await run(1000)
    expect(pagesAsked().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // together, not one after the other: the fake saw several pages at once, and never more than the run's slots
    expect(fakes.gh.maxInFlight(/\/pulls\/7\/files$/)).toBeGreaterThan(2)
    expect(fakes.gh.maxInFlight()).toBeLessThanOrEqual(8)
    const msg: string = fakes.bridge.requests[0].body.message
    for (const path of ml) expect(msg).toContain(path)
    expect(rec.logs.join('\n')).toMatch(/3 ML file\(s\) among 1000/)
  })

  it('follows a stale count past its pages while GitHub links a next one', async () => {
    const ml = seed(350, [5, 340])
    const rec = await run(150)
    expect(pagesAsked()).toEqual([1, 2, 3, 4])
    const msg: string = fakes.bridge.requests[0].body.message
    for (const path of ml) expect(msg).toContain(path)
    expect(rec.logs.join('\n')).toMatch(/2 ML file\(s\) among 350/)
  })

  it('a count above the list: the files listed are all reviewed and the comment says what GitHub listed', async () => {
    const ml = seed(120, [110])
    const rec = await run(500)
    expect(pagesAsked()).toContain(2)
    expect(fakes.bridge.requests[0].body.message).toContain(ml[0])
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body).toContain('The event counted 500 changed files; GitHub listed 120, all of which were considered.')
    expect(rec.outputs.skipped).toBe('false')
  })

  it('a list of exactly 3000 files that the PR counts as 3000 is complete: no tree comparison, no cap note', async () => {
    const ml = seed(3000, [2999])
    const rec = await run(3000)
    expect(pagesAsked()).toHaveLength(30)
    expect(fakes.gh.requests.filter((r) => r.route.includes('/git/trees/'))).toHaveLength(0)
    expect(fakes.bridge.requests[0].body.message).toContain(ml[0])
    expect((fakes.gh.comments.get(7) ?? [])[0].body).not.toMatch(/at most 3000 files/)
    expect(rec.outputs.skipped).toBe('false')
  }, 60_000)

  it('a listing page that fails fails the run with its error and completes the check', async () => {
    seed(500, [1])
    fakes.gh.fail('GET', FILES_ROUTE, { status: 422, body: { message: 'Unprocessable Entity' } }, 1, (r) =>
      ['3'].includes(r.query.get('page') ?? '')
    )
    const rec = await run(500)
    expect(rec.failed).toMatch(/Unprocessable Entity/)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(fakes.bridge.requests).toHaveLength(0)
  })
})
