// Runs the bundled action exactly as the runner does: `node dist/index.js` with INPUT_* from action.yml defaults,
// a real pull_request payload, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_API_URL pointing at the fake.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { useFakes } from './helpers/fakes.js'
import { runDist } from './helpers/action.js'
import { recidivismNotebook } from './data/notebooks.js'
import { FAILING_REPORT, testData } from './helpers/scenario.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[]
const opened = examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'opened')
const repoName: string = opened.repository.full_name
const number: number = opened.number
const head: string = opened.pull_request.head.sha
const base: string = opened.pull_request.base.sha

const fakes = useFakes(repoName, (f) => {
  f.gh.addPull({
    number,
    headSha: head,
    baseSha: base,
    files: [
      { filename: 'recipes/zephyr/dpo/config_qlora.yaml', status: 'modified', patch: '@@' },
      { filename: 'notebooks/demo.ipynb', status: 'modified', patch: '@@' }
    ]
  })
  f.gh.setContent(base, 'recipes/zephyr/dpo/config_qlora.yaml', testData('configs/dpo-lora.before.yaml'))
  f.gh.setContent(head, 'recipes/zephyr/dpo/config_qlora.yaml', testData('configs/dpo-lora.after.yaml'))
  f.gh.setContent(base, 'notebooks/demo.ipynb', recidivismNotebook('base'))
  f.gh.setContent(head, 'notebooks/demo.ipynb', recidivismNotebook('train-test-swapped'))
})

describe('node dist/index.js', () => {
  it('reviews a real pull_request payload end to end and fails the step on a bias item', async () => {
    fakes.bridge.script(
      answer.json(200, { report: FAILING_REPORT.replaceAll('notebooks/reject_option.ipynb', 'notebooks/demo.ipynb') })
    )
    const r = await runDist({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: opened,
      repository: repoName,
      env: {
        SUPERCLAUDE_BRIDGE_URL: fakes.bridge.url,
        SUPERCLAUDE_BRIDGE_TOKEN: 'e2e-bridge-token-xyz',
        // the notebook on a reading thread, as on a big pull request
        ML_REVIEW_NOTEBOOK_THREAD_AFTER: '0'
      }
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::ML Engineering Review: merge blocked/)
    // the notebook was read on the bundle's reading thread (its compactor from source text), not after it failed
    expect(r.stdout).not.toContain('a reading thread failed')
    // the runner masks what ::add-mask:: names; nothing else may print the token
    expect(r.stdout).toContain('::add-mask::e2e-bridge-token-xyz')
    expect(r.stdout.replace('::add-mask::e2e-bridge-token-xyz', '')).not.toContain('e2e-bridge-token-xyz')
    expect(fakes.bridge.requests).toHaveLength(1)
    expect(fakes.bridge.requests[0].headers['idempotency-key']).toBe(`${repoName}#${number}@${head}`)
    expect(fakes.gh.comments.get(number)).toHaveLength(1)
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({
      name: 'ML Engineering Review',
      head_sha: head,
      conclusion: 'failure'
    })
    expect(
      fakes.gh.checkRuns[0].annotations.some((a) => a.path === 'notebooks/demo.ipynb' && a.start_line === 233)
    ).toBe(true)
    expect(r.outputs.conclusion).toBe('failure')
    expect(r.outputs.skipped).toBe('false')
    expect(JSON.parse(r.outputs.checklist).length).toBeGreaterThanOrEqual(3)
    expect(r.outputs['check-run-id']).toBe(String(fakes.gh.checkRuns[0].id))
    expect(r.summary).toContain('ML Engineering Report')
    // GET /user is refused for installation tokens: the bot's comments are recognised anyway
    expect(fakes.gh.calls('GET', '/user')).toHaveLength(1)
    // asked while the files are read, not among the round trips of publishing: before the head is read again
    const order = fakes.gh.requests.map((q) => `${q.method} ${q.route}`)
    expect(order.indexOf('GET /user')).toBeGreaterThan(order.indexOf('POST /repos/{owner}/{repo}/check-runs'))
    expect(order.indexOf('GET /user')).toBeLessThan(order.lastIndexOf('GET /repos/{owner}/{repo}/pulls/{pull_number}'))
  })

  it('ignores an event it does not support, naming the supported ones', async () => {
    const r = await runDist({ apiUrl: fakes.gh.url, eventName: 'push', payload: {}, repository: repoName })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /runs on pull_request, pull_request_target, merge_group, workflow_dispatch and issue_comment \(\/ml-review\) events; "push" is not one of them/
    )
    expect(fakes.gh.requests).toHaveLength(0)
  })
})
