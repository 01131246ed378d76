// The analysis's share of CPU in one run: a base plus so much per million characters of source read. The files
// whose analysis would start past it are not analysed, and say so, rather than holding up the review.
import { ANALYSIS_CPU_MS, ANALYSIS_CPU_MS_PER_MB } from '../bounds.js'
import { envNumber } from '../env.js'
import type { ChangedFile } from '../types.js'

/** Process CPU time (user + system) in milliseconds. */
export function processCpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

export class AnalysisBudget {
  /** CPU spent on analysis so far */
  spentMs = 0
  /** characters of source admitted */
  chars = 0
  private readonly admitted = new WeakSet<ChangedFile>()

  constructor(
    readonly baseMs: number = ANALYSIS_CPU_MS,
    readonly msPerMB: number = ANALYSIS_CPU_MS_PER_MB,
    private readonly cpuMs: () => number = processCpuMs
  ) {}

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
    const t0 = this.cpuMs()
    try {
      return work()
    } finally {
      this.spentMs += this.cpuMs() - t0
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
