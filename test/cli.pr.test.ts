// `ml-review --pr` against the fake GitHub: the same collect stage, files and findings as the action, nothing
// written unless --post, and with --post the comment and check the action would publish.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { runInProcess } from './helpers/action.js'
import { useFakes } from './helpers/fakes.js'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')
const EXAMPLES = join(import.meta.dirname, '..', 'examples')
const HEAD = 'c'.repeat(40)
const BASE = 'd'.repeat(40)
const CONFIG = 'configs/train.yaml'
const NOTEBOOK = 'notebooks/churn.ipynb'
const TOKEN = 'ghp_fakeUserToken0123456789abcdefghij'
const BRIDGE_TOKEN = 'bridge-secret-for-cli-tests'

const REPORT = [
  '## ML Engineering Report',
  '### Data Pipeline',
  'Features now include gender.',
  '### Model Architecture',
  'Gradient boosting.',
  '### Training Strategy',
  `The learning rate rises tenfold (${CONFIG}:13).`,
  '### Evaluation',
  'Accuracy only.',
  '### Deployment Plan',
  'None given.',
  '### Responsible AI Checklist',
  `- [ ] Fairness metrics reported per demographic group (${NOTEBOOK}:32) — FAIL`,
  '- [x] Model card updated — PASS'
].join('\n')

const fakes = useFakes('octo-org/ml-repo', ({ gh }) => {
  gh.addPull({
    number: 7,
    title: 'Churn model: more features',
    headSha: HEAD,
    baseSha: BASE,
    headRef: 'feature',
    baseRef: 'main',
    files: [
      { filename: CONFIG, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
      { filename: NOTEBOOK, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
      { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }
    ]
  })
  for (const [ref, side] of [
    [BASE, 'before'],
    [HEAD, 'after']
  ]) {
    for (const path of [CONFIG, NOTEBOOK]) gh.setContent(ref, path, readFileSync(join(EXAMPLES, side, path), 'utf8'))
  }
  gh.setContent(HEAD, 'README.md', '# readme\n')
})

function cli(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (all: string, interrupt: () => void) => void
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        GITHUB_API_URL: fakes.gh.url,
        GITHUB_TOKEN: TOKEN,
        SUPERCLAUDE_BRIDGE_TOKEN: BRIDGE_TOKEN,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      onStderr?.(stderr, () => child.kill('SIGINT'))
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const writes = (): string[] => fakes.gh.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.route}`)

describe('ml-review --pr', () => {
  it('reviews the same files with the same findings as the action, and writes nothing to GitHub', async () => {
    fakes.bridge.script(answer.text(200, REPORT))
    const action = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: {
        action: 'opened',
        number: 7,
        pull_request: {
          number: 7,
          title: 'Churn model: more features',
          html_url: 'https://github.com/octo-org/ml-repo/pull/7',
          head: { sha: HEAD, ref: 'feature' },
          base: { sha: BASE, ref: 'main' },
          changed_files: 3
        },
        repository: { full_name: 'octo-org/ml-repo' }
      },
      inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': BRIDGE_TOKEN }
    })
    const actionChecklist = JSON.parse(action.outputs.checklist)
    const before = writes().length
    fakes.gh.requests = []

    const r = await cli(['--pr', 'octo-org/ml-repo#7', '--bridge-url', fakes.bridge.url, '--json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.files).toEqual([CONFIG, NOTEBOOK])
    expect(out.checklist).toEqual(actionChecklist)
    expect(out.conclusion).toBe(action.outputs.conclusion)
    expect(out.findings.length).toBeGreaterThan(3)
    // one request each, the same review request
    expect(fakes.bridge.requests).toHaveLength(2)
    // the same review request, but for its random boundary
    const same = (body: unknown) => JSON.stringify(body).replace(/UNTRUSTED-[0-9a-f]{24}/g, 'UNTRUSTED-*')
    expect(same(fakes.bridge.requests[1].body)).toBe(same(fakes.bridge.requests[0].body))
    expect(fakes.bridge.requests[1].headers['idempotency-key']).toBe(`octo-org/ml-repo#7@${HEAD}`)
    expect(before).toBeGreaterThan(0)
    expect(writes()).toEqual([])
    expect(fakes.gh.requests[0].headers.authorization).toBe(`token ${TOKEN}`)
  })

  it('takes a pull request URL and GH_TOKEN; reads .github/ml-review.yml at the base', async () => {
    fakes.gh.setContent(BASE, '.github/ml-review.yml', 'fail-on: never\n')
    const r = await cli(['--pr', 'https://github.com/octo-org/ml-repo/pull/7', '--json'], {
      GITHUB_TOKEN: '',
      GH_TOKEN: TOKEN
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).conclusion).toBe('success')
    expect(fakes.gh.calls('GET', '/repos/{owner}/{repo}/contents/{path}').map((c) => c.query.get('ref'))).toContain(
      BASE
    )
  })

  it('--post publishes the comment and the check exactly once, as the action does', async () => {
    fakes.gh.userLogin = 'octocat'
    const r = await cli(['--pr', 'octo-org/ml-repo#7', '--post'])
    expect(r.code).toBe(1)
    expect(fakes.gh.comments.get(7)).toHaveLength(1)
    const body = fakes.gh.comments.get(7)?.[0].body ?? ''
    expect(body.startsWith('<!-- ml-engineering-review -->')).toBe(true)
    expect(body).toContain('Merge blocked')
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure' })
    expect(fakes.gh.checkRuns[0].annotations.length).toBeGreaterThan(0)
    // a second run updates the same comment
    await cli(['--pr', 'octo-org/ml-repo#7', '--post'])
    expect(fakes.gh.comments.get(7)).toHaveLength(1)
  })

  it('--post and Ctrl-C: the started check is completed, never left in progress; the built-in result is printed', async () => {
    fakes.gh.userLogin = 'octocat'
    fakes.bridge.script(answer.hang())
    let sent = false
    const r = await cli(
      ['--pr', 'octo-org/ml-repo#7', '--post', '--bridge-url', fakes.bridge.url, '--json'],
      {},
      (_err, interrupt) => {
        if (sent) return
        sent = true
        const poll = setInterval(() => {
          if (fakes.bridge.requests.length === 0) return
          clearInterval(poll)
          interrupt()
        }, 20)
      }
    )
    expect(r.code).toBe(130)
    expect(JSON.parse(r.stdout)).toMatchObject({ interrupted: true, conclusion: 'failure' })
    expect(fakes.gh.checkRuns).toHaveLength(1)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(fakes.gh.checkRuns[0].output.summary).toContain('interrupted')
  })

  it('says what is wrong in user terms: no token, no such PR (exit 2), GitHub unreachable (exit 3)', async () => {
    const none = await cli(['--pr', 'octo-org/ml-repo#7'], { GITHUB_TOKEN: '' })
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('--pr needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN')
    const missing = await cli(['--pr', 'octo-org/ml-repo#99'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('pull request octo-org/ml-repo#99 was not found')
    const down = await cli(['--pr', 'octo-org/ml-repo#7'], { GITHUB_API_URL: 'http://127.0.0.1:9' })
    expect(down.code).toBe(3)
    expect(down.stderr).toMatch(/cannot reach the GitHub API/)
  })
})
