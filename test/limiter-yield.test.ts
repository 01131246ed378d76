// Bottleneck's store steps yield without Node's 1 ms timer clamp; the waits it asks for stay timers.
import Bottleneck from 'bottleneck/light.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { yieldWithoutTimers } from '../src/github/limiter-yield.js'

/** The zero-delay timers set while one job runs through `limiter`. */
async function zeroTimersOfOneJob(limiter: Bottleneck): Promise<number> {
  const spy = vi.spyOn(globalThis, 'setTimeout')
  try {
    await limiter.schedule(() => Promise.resolve(1))
    return spy.mock.calls.filter(([, ms]) => (ms ?? 0) === 0).length
  } finally {
    spy.mockRestore()
  }
}

describe('yieldWithoutTimers', () => {
  afterEach(() => vi.restoreAllMocks())

  it('leaves a job one zero-delay timer (its start) instead of one per store step, and its result unchanged', async () => {
    const stock = await zeroTimersOfOneJob(new Bottleneck())
    expect(stock).toBeGreaterThanOrEqual(3)
    expect(yieldWithoutTimers()).toBe(true)
    // idempotent: a second call does not wrap the step again
    expect(yieldWithoutTimers()).toBe(true)
    expect(await zeroTimersOfOneJob(new Bottleneck())).toBe(1)
    const g = new Bottleneck.Group({ maxConcurrent: 2 })
    await expect(g.key('x').schedule(() => Promise.resolve('answer'))).resolves.toBe('answer')
  })

  it('keeps the spacing a limiter asks for (minTime) and its concurrency', async () => {
    yieldWithoutTimers()
    const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 40 })
    const starts: number[] = []
    let running = 0
    let most = 0
    const job = async (): Promise<void> => {
      starts.push(performance.now())
      most = Math.max(most, ++running)
      await new Promise((r) => setImmediate(r))
      running--
    }
    await Promise.all([limiter.schedule(job), limiter.schedule(job), limiter.schedule(job)])
    expect(most).toBe(1)
    // timers may fire a little early on a busy machine; 40 ms apart, not back to back
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(35)
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(35)
  })

  it('does nothing to a limiter without an in-process store step', () => {
    expect(yieldWithoutTimers({ _store: {} } as unknown as Bottleneck)).toBe(false)
  })
})
