// SARIF from the bundles, as a user gets it: `ml-review --format sarif` on the shipped example (what `npm start`
// reviews), and `node dist/index.js` with `sarif: true` writing into the runner's RUNNER_TEMP.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { runDist } from './helpers/action.js'
import { useFakes } from './helpers/fakes.js'
import { validator } from './helpers/sarif-schema.js'
import { CONFIG_PATH, prPayload, seedMlPull } from './helpers/scenario.js'

const ROOT = join(import.meta.dirname, '..')
const validate = validator()
const fakes = useFakes()

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('SARIF from the bundles', () => {
  it('ml-review --format sarif prints a valid log of the shipped example', async () => {
    const r = await cli(['--before', 'examples/before', '--after', 'examples/after', '--format', 'sarif'])
    expect(r.code).toBe(1) // the example is blocked; the format does not change the exit code
    const log = JSON.parse(r.stdout) as Log
    expect(validate(log)).toEqual([])
    const ids = (log.runs[0].results ?? []).map((x) => x.ruleId)
    expect(ids).toContain('SUPPLY-TRUST-REMOTE-CODE')
    expect(ids).toContain('RAI-PROTECTED-ATTRIBUTE')
  })

  it('node dist/index.js with sarif: true writes the file and names it in the sarif-file output', async () => {
    seedMlPull(fakes.gh)
    const r = await runDist({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: prPayload(),
      inputs: { sarif: 'true' }
    })
    const file = r.outputs['sarif-file']
    expect(file).toMatch(/ml-review\.sarif$/)
    const log = JSON.parse(readFileSync(file, 'utf8')) as Log
    expect(validate(log)).toEqual([])
    expect(
      log.runs[0].results?.some((x) => x.locations?.[0].physicalLocation?.artifactLocation?.uri === CONFIG_PATH)
    ).toBe(true)
  })
})
