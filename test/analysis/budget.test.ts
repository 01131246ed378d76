// The analysis's CPU budget: files whose turn comes after it is spent are named as not analysed (never dropped
// silently), and the time of each stage is counted where its work ran.
import { describe, expect, it } from 'vitest'
import { AnalysisBudget, CpuClock } from '../../src/analysis/budget.js'
import { analyseFiles } from '../../src/checks/index.js'
import { StageClock } from '../../src/timing.js'
import type { ChangedFile } from '../../src/types.js'
import { answer } from '../fakes/bridge.js'
import { useFakes } from '../helpers/fakes.js'
import { runInProcess } from '../helpers/action.js'
import { CONFIG_PATH, NOTEBOOK_PATH, PASSING_REPORT, prPayload, seedMlPull } from '../helpers/scenario.js'

/** A clock that moves only when told. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0
  return { now: () => t, advance: (ms) => (t += ms) }
}

const py = (path: string, body: string): ChangedFile => ({
  path,
  status: 'modified',
  before: 'import pandas as pd\n',
  after: `import pandas as pd\n${body}\n`
})

describe('AnalysisBudget', () => {
  it('admits files while the CPU spent is under the base plus the per-MB share of what it admitted', () => {
    const clock = manualClock()
    const budget = new AnalysisBudget(100, 1000, clock.now)
    const a: ChangedFile = { path: 'a.py', status: 'added', before: null, after: 'x'.repeat(500_000) }
    const b: ChangedFile = { path: 'b.py', status: 'added', before: null, after: 'y = 1\n' }
    expect(budget.admit(a)).toBe(true)
    expect(budget.limitMs).toBe(600)
    budget.charge(() => clock.advance(599))
    expect(budget.admit(b)).toBe(true)
    budget.charge(() => clock.advance(10))
    const c: ChangedFile = { path: 'c.py', status: 'added', before: null, after: 'z = 2\n' }
    expect(budget.admit(c)).toBe(false)
    // an admitted file stays admitted
    expect(budget.admit(a)).toBe(true)
    expect(budget.reason()).toMatch(/analysis budget of this run was spent before it \(0\.6 s of CPU for 0\.5 MB/)
    expect(budget.summary()).toMatch(
      /^Analysis: 0\.61 s of CPU for 0\.50 MB of source \(1218 ms per MB; budget 0\.6 s\)\.$/
    )
  })

  it('names the files past the budget as not analysed, and still scans them as raw text for bias', () => {
    // every piece of analysis (a file read, or its checks) costs 2.5 ms of CPU
    let t = 0
    const budget = new AnalysisBudget(6, 0, () => (t += 2.5))
    const first = py('a.py', 'df = pd.read_csv("x.csv")')
    const second = py('b.py', 'X = df[["age", "race", "income"]]')
    const result = analyseFiles([first, second], { budget })
    expect(result.unanalysed.map((u) => u.path)).toEqual(['b.py'])
    expect(result.unanalysed[0].reason).toMatch(/analysis budget of this run was spent before it/)
    // the raw-text scan still sees the protected attribute the unanalysed file introduces
    expect(result.findings.some((f) => f.path === 'b.py' && f.bias)).toBe(true)
    // with room, both are analysed
    expect(
      analyseFiles([py('a.py', 'x = 1'), py('b.py', 'y = 2')], { budget: new AnalysisBudget() }).unanalysed
    ).toEqual([])
  })
})

describe('CpuClock', () => {
  it('reads the CPU clock at most once per sampling period for short work, and exactly around long work', () => {
    const cpu = manualClock()
    const wall = manualClock()
    let reads = 0
    const clock = new CpuClock(
      () => {
        reads++
        return cpu.now()
      },
      wall.now,
      50
    )
    // a hundred pieces of 1 ms of work, with 1 ms of waiting between them: two readings, not two hundred
    let counted = 0
    for (let i = 0; i < 100; i++) {
      const w0 = clock.wallNow()
      const c0 = clock.start()
      cpu.advance(1)
      wall.advance(1)
      counted += clock.end(w0, c0) - c0
      wall.advance(1)
    }
    expect(reads).toBe(4)
    // short work counts its wall time, never more
    expect(counted).toBe(100)
    // long work is read at its end: what the clock says, other threads included
    const w0 = clock.wallNow()
    const c0 = clock.start()
    cpu.advance(120)
    wall.advance(60)
    expect(clock.end(w0, c0) - c0).toBeGreaterThanOrEqual(60)
    expect(clock.exact()).toBe(cpu.now())
    // never backwards, even when the estimate ran ahead of the clock (the work was preempted)
    const w1 = clock.wallNow()
    const before = clock.start()
    wall.advance(10)
    const after = clock.end(w1, before)
    expect(after).toBe(before + 10)
    expect(clock.start()).toBeGreaterThanOrEqual(after)
    expect(clock.exact()).toBeGreaterThanOrEqual(before)
  })
})

describe('StageClock', () => {
  it('counts synchronous work for its own stage, taken out of the window it ran in', async () => {
    const cpu = manualClock()
    const wall = manualClock()
    const clock = new StageClock(cpu.now, wall.now)
    await clock.window('collect', async () => {
      await Promise.resolve()
      cpu.advance(100)
      clock.sync('checks', () => cpu.advance(30))
      clock.sync('diff', () => cpu.advance(20))
      wall.advance(500)
    })
    expect(clock.cpuByStage()).toEqual({ collect: 100, diff: 20, checks: 30 })
    expect(clock.line()).toBe(
      'Time by stage, wall (CPU): collect 0.50 s (0.10 s), diff 0.00 s (0.02 s), checks 0.00 s (0.03 s).'
    )
  })
})

describe('the action under an analysis budget', () => {
  const fakes = useFakes('octo-org/ml-repo', (f) => {
    f.bridge.script(answer.text(200, PASSING_REPORT))
  })

  it('with no CPU to spend, names every ML file as not analysed and fails the check instead of passing', async () => {
    seedMlPull(fakes.gh)
    const rec = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: prPayload(7),
      inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': 'tkn-0123456789' },
      env: { ML_REVIEW_ANALYSIS_CPU_MS: '0', ML_REVIEW_ANALYSIS_CPU_MS_PER_MB: '0' }
    })
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    for (const path of [CONFIG_PATH, NOTEBOOK_PATH])
      expect(body).toContain(`\`${path}\` could not be analysed: the analysis budget of this run was spent before it`)
    expect(fakes.gh.checkRuns[0].conclusion).toBe('failure')
    expect(rec.failed).not.toBeNull()
  })

  it('says in the log what each stage and the analysis took', async () => {
    seedMlPull(fakes.gh)
    const rec = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: prPayload(7),
      inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': 'tkn-0123456789' }
    })
    const log = rec.logs.join('\n')
    expect(log).toMatch(
      /Time by stage, wall \(CPU\): collect [\d.]+ s \([\d.]+ s\), diff [\d.]+ s \([\d.]+ s\), checks [\d.]+ s \([\d.]+ s\), request [\d.]+ s \([\d.]+ s\), publish [\d.]+ s \([\d.]+ s\)\./
    )
    expect(log).toMatch(/Analysis: [\d.]+ s of CPU for 0\.\d\d MB of source \(\d+ ms per MB; budget 30\.\d s\)\./)
  })

  it('a budget that is not a whole number is a clear error naming the variable', async () => {
    seedMlPull(fakes.gh)
    const rec = await runInProcess({
      apiUrl: fakes.gh.url,
      eventName: 'pull_request',
      payload: prPayload(7),
      env: { ML_REVIEW_ANALYSIS_CPU_MS_PER_MB: 'lots' }
    })
    expect(rec.failed).toBe('Environment variable ML_REVIEW_ANALYSIS_CPU_MS_PER_MB must be a whole number; got "lots"')
  })
})
