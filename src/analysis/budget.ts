// The analysis's share of CPU in one run: a base plus so much per million characters of source read. The files
// whose analysis would start past it are not analysed, and say so, rather than holding up the review.
import { ANALYSIS_CPU_MS, ANALYSIS_CPU_MS_PER_MB } from '../bounds.js'
import { envNumber } from '../env.js'
import type { ChangedFile } from '../types.js'

/** Process CPU time (user + system) in milliseconds: one system call. */
export function readProcessCpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Wall milliseconds between two readings of the process's CPU clock by `CpuClock.start` and `CpuClock.end`. */
export const CPU_SAMPLE_MS = 50

/**
 * The process's CPU clock, read sparingly. A reading sums the time of every thread of the process and, while the
 * other threads run (notebooks read and hashed), costs a third of a millisecond: read per file, thousands of files
 * took a second. The time of a piece of synchronous work is taken from `start` and `end`: `start` reads the clock
 * when the last reading is `everyMs` old, `end` when the work itself lasted that long; otherwise the work's CPU is
 * its wall time (the main thread's own work). What the other threads did meanwhile shows at the next reading, in
 * the window around the work (`exact` always reads). The values never go back.
 */
export class CpuClock {
  private realWall = Number.NEGATIVE_INFINITY
  private issued = Number.NEGATIVE_INFINITY

  constructor(
    private readonly read: () => number = readProcessCpuMs,
    private readonly wallMs: () => number = () => performance.now(),
    readonly everyMs: number = CPU_SAMPLE_MS
  ) {}

  /** The clock itself. */
  exact(): number {
    return this.take(this.wallMs())
  }

  /** A reading for the start of synchronous work. */
  start(): number {
    const wall = this.wallMs()
    return wall - this.realWall >= this.everyMs ? this.take(wall) : this.issued
  }

  /** A reading for the end of synchronous work that began at wall time `startWall` (`wallNow`) and CPU `startCpu`. */
  end(startWall: number, startCpu: number): number {
    const wall = this.wallMs()
    if (wall - startWall >= this.everyMs) return this.take(wall)
    this.issued = Math.max(this.issued, startCpu + (wall - startWall))
    return this.issued
  }

  /** The wall clock this clock estimates with. */
  wallNow(): number {
    return this.wallMs()
  }

  /** Times synchronous work: a reading for its start, and `end` to call when it is done. */
  span(): { end: () => number; start: number } {
    const w0 = this.wallMs()
    const start = this.start()
    return { start, end: () => this.end(w0, start) }
  }

  private take(wall: number): number {
    this.realWall = wall
    this.issued = Math.max(this.issued, this.read())
    return this.issued
  }
}

/** The run's CPU clock (one per process: its readings are shared by every stage and the budget). */
export const processCpu = new CpuClock()

/** Process CPU time (user + system) in milliseconds, read now. */
export function processCpuMs(): number {
  return processCpu.exact()
}

/** A clock, or an injected reading function as a clock that reads it at both ends of every span. */
export function cpuClockOf(clock: CpuClock | (() => number)): CpuClock {
  return typeof clock === 'function' ? new CpuClock(clock, undefined, 0) : clock
}

export class AnalysisBudget {
  /** CPU spent on analysis so far */
  spentMs = 0
  /** characters of source admitted */
  chars = 0
  private readonly admitted = new WeakSet<ChangedFile>()
  private readonly cpu: CpuClock

  constructor(
    readonly baseMs: number = ANALYSIS_CPU_MS,
    readonly msPerMB: number = ANALYSIS_CPU_MS_PER_MB,
    cpu: CpuClock | (() => number) = processCpu
  ) {
    this.cpu = cpuClockOf(cpu)
  }

  get limitMs(): number {
    return this.baseMs + (this.msPerMB * this.chars) / 1e6
  }

  /**
   * Whether the analysis of `file` may run: once admitted a file stays admitted; a new one is admitted while
   * the budget is not spent, its characters raising the limit.
   */
  admit(file: ChangedFile): boolean {
    if (this.admitted.has(file)) return true
    if (this.spentMs >= this.limitMs) return false
    this.admitted.add(file)
    this.chars += (file.before?.length ?? 0) + (file.after?.length ?? 0)
    return true
  }

  /** Counts CPU time the caller measured against the budget. */
  spend(cpuMs: number): void {
    this.spentMs += cpuMs
  }

  /** Runs `work`, counting its CPU time against the budget. */
  charge<T>(work: () => T): T {
    const span = this.cpu.span()
    try {
      return work()
    } finally {
      this.spentMs += span.end() - span.start
    }
  }

  /** Why a file was not analysed, for the report. */
  reason(): string {
    const mb = this.chars / 1e6
    return `the analysis budget of this run was spent before it (${(this.limitMs / 1000).toFixed(1)} s of CPU for ${mb.toFixed(1)} MB of source: ${(this.baseMs / 1000).toFixed(0)} s plus ${(this.msPerMB / 1000).toFixed(1)} s per MB)`
  }

  /** One log line: what the analysis took against what it may take. */
  summary(): string {
    const mb = this.chars / 1e6
    const perMB = mb > 0 ? this.spentMs / mb : 0
    return `Analysis: ${(this.spentMs / 1000).toFixed(2)} s of CPU for ${mb.toFixed(2)} MB of source (${perMB.toFixed(0)} ms per MB; budget ${(this.limitMs / 1000).toFixed(1)} s).`
  }
}

export interface AnalysisCpu {
  baseMs: number
  msPerMB: number
}

/** The budget's settings from `ML_REVIEW_ANALYSIS_CPU_MS` and `ML_REVIEW_ANALYSIS_CPU_MS_PER_MB` (whole numbers). */
export function analysisCpuFromEnv(env: Record<string, string | undefined>): AnalysisCpu {
  return {
    baseMs: envNumber(env, 'ML_REVIEW_ANALYSIS_CPU_MS', ANALYSIS_CPU_MS),
    msPerMB: envNumber(env, 'ML_REVIEW_ANALYSIS_CPU_MS_PER_MB', ANALYSIS_CPU_MS_PER_MB)
  }
}
