// What `ml-review` prints: the terminal report (decision first, coloured unless NO_COLOR, wrapped to the width),
// workflow commands, --version, and Ctrl-C while the agent thinks.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import { useFakes } from './helpers/fakes.js'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')
const EXAMPLES = join(import.meta.dirname, '..', 'examples')
const ex = ['--before', join(EXAMPLES, 'before'), '--after', join(EXAMPLES, 'after')]
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs the command; `onStderr` may act on the child (e.g. interrupt it) as progress lines arrive. */
function cli(args: string[], env: Record<string, string> = {}, onStderr?: (all: string, kill: () => void) => void) {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      onStderr?.(stderr, () => child.kill('SIGINT'))
    })
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

describe('ml-review --format text', () => {
  it('puts the decision first, colours it, and reads as text, not markdown', async () => {
    const r = await cli([...ex, '--format', 'text'], { FORCE_COLOR: '1' })
    expect(r.code).toBe(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toContain('\u001b[')
    expect(lines[0].replace(ANSI, '')).toMatch(/^✖ MERGE BLOCKED {2}3 bias\/fairness items failed; /)
    expect(lines[1].replace(ANSI, '')).toMatch(/^ {2}\S/)
    expect(`${lines[0]} ${lines[1]}`.replace(ANSI, '').replace(/ +/g, ' ')).toBe(
      '✖ MERGE BLOCKED 3 bias/fairness items failed; 2 items failed, not blocking under fail-on: bias'
    )
    const plain = r.stdout.replace(ANSI, '')
    expect(plain).toMatch(/^Blocking$/m)
    expect(plain).toMatch(/✖ fail {2}\[RAI-PROTECTED-ATTRIBUTE\] Protected attribute added/)
    expect(plain).toContain('configs/train.yaml:9 · builtin · RAI-')
    expect(plain).not.toMatch(/^#+ /m)
    expect(plain).not.toContain('| --- |')
    // the decision closes the output too, after a long report
    const strip = (l: string): string => l.replace(ANSI, '')
    expect(
      lines
        .filter((l) => l !== '')
        .slice(-2)
        .map(strip)
    ).toEqual(lines.slice(0, 2).map(strip))
  })

  it('respects NO_COLOR and the terminal width', async () => {
    const r = await cli([...ex, '--format', 'text'], { FORCE_COLOR: '1', NO_COLOR: '1', COLUMNS: '60' })
    expect(r.stdout).not.toContain('\u001b')
    const long = r.stdout.split('\n').filter((l) => [...l].length > 60)
    expect(long).toEqual([])
  })

  it('--format markdown stays the default into a pipe', async () => {
    const r = await cli(ex)
    expect(r.stdout).toContain('## ML Engineering Report (built-in checks)')
    expect(r.stdout).toMatch(/Decision: MERGE BLOCKED/)
  })
})

describe('ml-review --format github', () => {
  it('prints one workflow command per failed or warned item, on its file and line, then the decision', async () => {
    const r = await cli([...ex, '--format', 'github'])
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines.every((l) => /^::(error|warning|notice) /.test(l))).toBe(true)
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error title=RAI-[0-9a-f]+ \(bias\),file=configs\/train\.yaml,line=9::\[RAI-PROTECTED-ATTRIBUTE\]/
      )
    )
    expect(lines.some((l) => l.startsWith('::warning ') && l.includes('file=notebooks/churn.ipynb'))).toBe(true)
    expect(lines.at(-1)).toBe(
      '::error title=ML Engineering Review::ML Engineering Review: failure — 3 bias/fairness items failed; 2 items failed, not blocking under fail-on: bias'
    )
  })
})

describe('ml-review --version', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }
    const r = await cli(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe(pkg.version)
  })
})

describe('ml-review while the agent thinks', () => {
  const fakes = useFakes()

  it('Ctrl-C prints the built-in result at once and exits 130', async () => {
    fakes.bridge.script(answer.hang())
    let sent = false
    const r = await cli([...ex, '--bridge-url', fakes.bridge.url, '--json'], {}, (err, interrupt) => {
      if (sent || !err.includes('waiting for the agent')) return
      sent = true
      // once the request has reached the bridge
      const poll = setInterval(() => {
        if (fakes.bridge.requests.length === 0) return
        clearInterval(poll)
        interrupt()
      }, 20)
    })
    expect(sent).toBe(true)
    expect(r.code).toBe(130)
    expect(fakes.bridge.requests).toHaveLength(1)
    const out = JSON.parse(r.stdout)
    expect(out.interrupted).toBe(true)
    expect(out.conclusion).toBe('failure')
    expect(out.report).toContain('Interrupted (Ctrl-C) before the agent answered')
    expect(out.checklist.filter((i: { bias: boolean; status: string }) => i.bias && i.status === 'fail')).toHaveLength(
      3
    )
  })

  it('strips terminal control sequences from the agent’s text', async () => {
    fakes.bridge.script(
      answer.text(200, '## ML Engineering Report\n### Evaluation\nfine \u001b]0;pwned\u0007\u001b[2J ok\n')
    )
    const r = await cli([...ex, '--bridge-url', fakes.bridge.url, '--format', 'text'], { NO_COLOR: '1' })
    expect(r.stdout).toContain('fine  ok')
    expect(r.stdout).not.toContain('\u001b')
    expect(r.stdout).not.toContain('pwned')
  })

  it('never prints the bridge token or more of the URL than its origin and path', async () => {
    fakes.bridge.script(answer.text(200, '## ML Engineering Report\n'))
    const r = await cli([
      ...ex,
      '--bridge-url',
      `${fakes.bridge.url}/base?key=abc123secret`,
      '--bridge-token',
      'tok-XYZ987'
    ])
    expect(r.stderr).toContain(`asking the agent at ${fakes.bridge.url}/base`)
    expect(r.stderr + r.stdout).not.toContain('abc123secret')
    expect(r.stderr + r.stdout).not.toContain('tok-XYZ987')
  })
})
