// Runs the action the way the runner does: in-process with a recording ActionIO, or as `node dist/index.js` with
// INPUT_* variables filled from action.yml's defaults.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { ActionIO, AnnotationProps } from '../../src/io.js'
import { run } from '../../src/main.js'

export const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef'

export interface Recording {
  outputs: Record<string, string>
  logs: string[]
  warnings: string[]
  annotations: { level: 'error' | 'warning' | 'notice'; message: string; props?: AnnotationProps }[]
  failed: string | null
  secrets: string[]
  summary: string
}

/** action.yml's input defaults, with `${{ github.token }}` given a fake token. */
export function actionDefaults(): Record<string, string> {
  const doc = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(doc.inputs)) {
    out[name] = String(spec.default ?? '').replace('${{ github.token }}', TOKEN)
  }
  return out
}

export function recorder(inputs: Record<string, string>): { io: ActionIO; rec: Recording } {
  const rec: Recording = {
    outputs: {},
    logs: [],
    warnings: [],
    annotations: [],
    failed: null,
    secrets: [],
    summary: ''
  }
  const all = { ...actionDefaults(), ...inputs }
  const io: ActionIO = {
    getInput: (n) => (all[n] ?? '').trim(),
    setOutput: (n, v) => void (rec.outputs[n] = v),
    setSecret: (s) => void rec.secrets.push(s),
    info: (m) => void rec.logs.push(m),
    warning: (m, p) => {
      rec.warnings.push(m)
      if (p?.file) rec.annotations.push({ level: 'warning', message: m, props: p })
    },
    error: (m, p) => void rec.annotations.push({ level: 'error', message: m, props: p }),
    notice: (m, p) => void rec.annotations.push({ level: 'notice', message: m, props: p }),
    setFailed: (m) => void (rec.failed = m),
    group: async (name, fn) => {
      rec.logs.push(`::group::${name}`)
      try {
        return await fn()
      } finally {
        rec.logs.push('::endgroup::')
      }
    },
    writeSummary: (md) => {
      rec.summary += md
      return Promise.resolve(true)
    }
  }
  return { io, rec }
}

export function eventFile(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-review-event-'))
  const path = join(dir, 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return path
}

export interface RunSpec {
  apiUrl: string
  eventName: string
  payload: unknown
  inputs?: Record<string, string>
  env?: Record<string, string>
  repository?: string
}

export function runnerEnv(spec: RunSpec): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: spec.eventName,
    GITHUB_EVENT_PATH: eventFile(spec.payload),
    GITHUB_REPOSITORY: spec.repository ?? 'octo-org/ml-repo',
    GITHUB_API_URL: spec.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'merge0000000000000000000000000000000000000',
    GITHUB_REF: 'refs/pull/1/merge',
    // the fakes answer at once: no spacing of writes, and retries after milliseconds instead of seconds
    ML_REVIEW_GITHUB_WRITE_GAP_MS: '0',
    ML_REVIEW_GITHUB_RETRY_BASE_MS: '5',
    ...spec.env
  }
}

/** The action in-process: fast, and every log line, output and annotation is recorded. */
export async function runInProcess(spec: RunSpec): Promise<Recording> {
  const { io, rec } = recorder(spec.inputs ?? {})
  await run(io, runnerEnv(spec))
  return rec
}

export interface DistRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
      out[m[1]] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const [k, ...v] = lines[i].split('=')
      out[k] = v.join('=')
    }
  }
  return out
}

/** `node dist/index.js` exactly as the runner starts it. */
export async function runDist(spec: RunSpec, entry = 'dist/index.js'): Promise<DistRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-review-runner-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const inputs = { ...actionDefaults(), ...spec.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...runnerEnv(spec)
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((r) => child.on('close', r))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}
