// The bundled `ml-review` command, run as a user would.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeBridge, answer } from './fakes/bridge.js'
import { bigImageNotebook } from './data/notebooks.js'
import { PASSING_REPORT } from './helpers/scenario.js'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')
const EXAMPLES = join(import.meta.dirname, '..', 'examples')

function cli(
  args: string[],
  env: Record<string, string> = {},
  cwd?: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const ex = ['--before', join(EXAMPLES, 'before'), '--after', join(EXAMPLES, 'after')]

describe('ml-review', () => {
  it('documents every option in --help', async () => {
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    for (const o of [
      '--repo',
      '--base',
      '--head',
      '--before',
      '--after',
      '--bridge-url',
      '--bridge-protocol',
      '--fail-on',
      '--json',
      '--offline',
      '--exit-zero'
    ]) {
      expect(r.stdout).toContain(o)
    }
  })

  it('reviews the shipped example offline: findings at exact lines, blocked, exit 1', async () => {
    const r = await cli(ex)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('## ML Engineering Report (built-in checks)')
    expect(r.stdout).toContain('The agent review did not run')
    expect(r.stdout).toMatch(/Decision: MERGE BLOCKED/)
    const nb = readFileSync(join(EXAMPLES, 'after/notebooks/churn.ipynb'), 'utf8').split('\n')
    const m = /Protected attribute added to model features.*`notebooks\/churn\.ipynb:(\d+)`/.exec(r.stdout)
    expect(m).not.toBeNull()
    expect(nb[Number(m![1]) - 1]).toContain("'gender'")
    // no colours when stdout is not a terminal
    expect(r.stdout).not.toContain('\u001b[')
  })

  it('--exit-zero shows the blocked decision but exits 0 (npm start)', async () => {
    const r = await cli([...ex, '--exit-zero'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/MERGE BLOCKED/)
  })

  it('--json prints {conclusion, checklist, report} in the shape of the checklist output', async () => {
    const r = await cli([...ex, '--json'])
    const out = JSON.parse(r.stdout)
    expect(out.conclusion).toBe('failure')
    expect(out.report).toContain('Responsible AI Checklist')
    expect(out.checklist.length).toBeGreaterThan(3)
    for (const i of out.checklist) {
      expect(Object.keys(i).sort()).toEqual(['bias', 'id', 'line', 'path', 'source', 'status', 'text'])
      expect(i.source).toBe('builtin')
    }
    const bias = out.checklist.filter((i: any) => i.bias && i.status === 'fail')
    expect(bias.map((i: any) => i.path)).toContain('configs/train.yaml')
  })

  it('--fail-on never turns the same findings into a passing exit code and a decision that still names them', async () => {
    const r = await cli([...ex, '--fail-on', 'never', '--json'])
    expect(r.code).toBe(0)
    // offline, the built-in checks decide alone
    expect(JSON.parse(r.stdout).conclusion).toBe('success')
  })

  it('reviews git changes between refs and in the working tree', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'ml-review-git-'))
    const git = (...a: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { stdio: 'pipe' })
    git('init', '-q', '-b', 'main')
    cpSync(join(EXAMPLES, 'before'), repo, { recursive: true })
    writeFileSync(join(repo, 'app.py'), 'print(1)\n')
    git('add', '.')
    git('commit', '-qm', 'base')
    cpSync(join(EXAMPLES, 'after'), repo, { recursive: true })
    const working = await cli(['--repo', repo, '--json'])
    expect(JSON.parse(working.stdout).conclusion).toBe('failure')
    git('add', '.')
    git('commit', '-qm', 'head')
    const refs = await cli(['--repo', repo, '--base', 'HEAD~1', '--head', 'HEAD', '--json'])
    const out = JSON.parse(refs.stdout)
    expect(out.conclusion).toBe('failure')
    expect(new Set(out.checklist.map((i: any) => i.path))).toEqual(
      new Set(['configs/train.yaml', 'notebooks/churn.ipynb'])
    )
    const none = await cli(['--repo', repo, '--base', 'HEAD', '--head', 'HEAD', '--json'])
    expect(JSON.parse(none.stdout).conclusion).toBe('skipped')
  })

  it('reviews a multi-megabyte notebook with image outputs without showing their data', async () => {
    const before = mkdtempSync(join(tmpdir(), 'ml-review-before-'))
    const after = mkdtempSync(join(tmpdir(), 'ml-review-after-'))
    // the processor is pinned and the model is not: the review reads the code between megabytes of images
    const pinned = bigImageNotebook(3).replace(
      'AutoProcessor.from_pretrained(\\"acme-labs/blip2-small\\")',
      'AutoProcessor.from_pretrained(\\"acme-labs/blip2-small\\", revision=\\"4f2a9c1\\")'
    )
    writeFileSync(join(after, 'forecast.ipynb'), pinned)
    const r = await cli(['--before', before, '--after', after, '--json'])
    const out = JSON.parse(r.stdout)
    expect(out.checklist).toContainEqual(
      expect.objectContaining({
        path: 'forecast.ipynb',
        text: expect.stringMatching(/UNPINNED-REVISION.*Blip2ForConditionalGeneration/)
      })
    )
    expect(r.stdout).not.toMatch(/[A-Za-z0-9+/]{200,}/)
  })

  it('says what is wrong with bad usage, exit 2', async () => {
    const a = await cli(['--fail-on', 'sometimes'])
    expect(a.code).toBe(2)
    expect(a.stderr).toMatch(/--fail-on must be one of bias, any, never; got "sometimes"/)
    const b = await cli(['--before', '/nonexistent', '--after', '/tmp'])
    expect(b.code).toBe(2)
    expect(b.stderr).toMatch(/--before: not a folder: \/nonexistent/)
    const empty = mkdtempSync(join(tmpdir(), 'ml-review-empty-'))
    const c = await cli(['--base', 'no-such-ref'], {}, empty)
    expect(c.code).toBe(2)
    expect(c.stderr).toContain(`not a git repository: ${empty}`)
    expect(c.stderr).not.toMatch(/rev-parse|fatal:/)
  })
})

describe('ml-review with a bridge', () => {
  let bridge: FakeBridge
  beforeEach(async () => {
    bridge = new FakeBridge()
    await bridge.start()
  })
  afterEach(async () => {
    await bridge.stop()
  })

  it('asks the bridge and prints its report', async () => {
    bridge.script(answer.text(200, PASSING_REPORT))
    const r = await cli([...ex, '--bridge-url', bridge.url, '--json'], { SUPERCLAUDE_BRIDGE_TOKEN: 'local-token' })
    expect(bridge.requests).toHaveLength(1)
    expect(bridge.requests[0].headers.authorization).toBe('Bearer local-token')
    expect(bridge.requests[0].headers['idempotency-key']).toMatch(/^local@.*before\.\..*after$/)
    const out = JSON.parse(r.stdout)
    expect(out.report).toBe(PASSING_REPORT)
    expect(out.checklist.some((i: any) => i.source === 'bridge')).toBe(true)
    // built-in bias failures still block, whatever the agent says
    expect(out.conclusion).toBe('failure')
  })

  it('--offline never calls the bridge', async () => {
    bridge.script(answer.text(200, PASSING_REPORT))
    await cli([...ex, '--bridge-url', bridge.url, '--offline', '--json'])
    expect(bridge.requests).toHaveLength(0)
  })
})
