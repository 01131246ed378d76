// Wall and CPU time of each stage of a review, for the log: where a run's time went. Synchronous work of one stage
// done inside another's window (a file analysed while the others are still downloading) counts for its own stage.
import { cpuClockOf, processCpu, type CpuClock } from './analysis/budget.js'

export const STAGES = ['collect', 'diff', 'checks', 'request', 'publish'] as const
export type Stage = (typeof STAGES)[number]

export class StageClock {
  private readonly wallMs = new Map<Stage, number>()
  private readonly cpu = new Map<Stage, number>()
  /** CPU of nested synchronous stages, taken out of the window they ran in */
  private nested = 0

  private readonly cpuClock: CpuClock

  constructor(
    cpu: CpuClock | (() => number) = processCpu,
    private readonly nowMs: () => number = () => performance.now()
  ) {
    this.cpuClock = cpuClockOf(cpu)
  }

  /** Times an asynchronous window (or any work) as one stage. */
  async window<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const w0 = this.nowMs()
    const c0 = this.cpuClock.exact()
    const n0 = this.nested
    try {
      return await work()
    } finally {
      this.add(stage, this.nowMs() - w0, this.cpuClock.exact() - c0 - (this.nested - n0))
    }
  }

  /** Times synchronous work as `stage`, wherever it runs. */
  sync<T>(stage: Stage, work: () => T): T {
    const w0 = this.nowMs()
    const span = this.cpuClock.span()
    const n0 = this.nested
    try {
      return work()
    } finally {
      const cpu = span.end() - span.start - (this.nested - n0)
      this.add(stage, this.nowMs() - w0, cpu)
      this.nested += cpu
    }
  }

  /** Counts synchronous work measured by the caller (its CPU taken out of the window it ran in, as `sync` does). */
  credit(stage: Stage, wallMs: number, cpuMs: number): void {
    this.add(stage, wallMs, cpuMs)
    this.nested += Math.max(0, cpuMs)
  }

  private add(stage: Stage, wall: number, cpu: number): void {
    this.wallMs.set(stage, (this.wallMs.get(stage) ?? 0) + wall)
    this.cpu.set(stage, (this.cpu.get(stage) ?? 0) + Math.max(0, cpu))
  }

  /** CPU milliseconds by stage (stages that did not run are absent). */
  cpuByStage(): Partial<Record<Stage, number>> {
    return Object.fromEntries(STAGES.filter((s) => this.cpu.has(s)).map((s) => [s, this.cpu.get(s) as number]))
  }

  /** `Time by stage (CPU): collect 1.20 s (0.31 s), diff …`. */
  line(): string {
    const parts = STAGES.filter((s) => this.cpu.has(s)).map(
      (s) => `${s} ${((this.wallMs.get(s) ?? 0) / 1000).toFixed(2)} s (${((this.cpu.get(s) ?? 0) / 1000).toFixed(2)} s)`
    )
    return `Time by stage, wall (CPU): ${parts.join(', ')}.`
  }
}
