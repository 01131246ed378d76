// Bottleneck, the limiter under Octokit's retry and throttling plugins, yields to the event loop with `setTimeout(0)`
// at every step of a job (submit, register, free), and Node holds each such timer for at least 1 ms. A request goes
// through three of its limiters (plugin-retry's, plugin-throttling's retry limiter and its global group), which adds
// about 9 ms to every request (SGrondin/bottleneck#144): a fifth of a 50 ms round trip, on each of a thousand
// content fetches. Its in-process store yields with `setImmediate` instead: still after the I/O of the same turn of
// the event loop, without the timer's clamp. A wait the store asks for (a delay above 0) stays a timer; the limits,
// retries and spacing of writes are untouched.
import Bottleneck from 'bottleneck/light.js'

interface Store {
  yieldLoop(t?: number): Promise<void>
  Promise: PromiseConstructor
}

const done = new WeakSet<object>()

/** Makes the in-process store of `limiter` (and of every Bottleneck limiter) yield without a timer; false if it has no such step. */
export function yieldWithoutTimers(limiter: Bottleneck = new Bottleneck()): boolean {
  const store = Object.getPrototypeOf((limiter as unknown as { _store?: object })._store ?? {}) as Partial<Store>
  if (typeof store.yieldLoop !== 'function') return false
  if (done.has(store)) return true
  const timed = store.yieldLoop
  store.yieldLoop = function (this: Store, t = 0) {
    if (t > 0) return timed.call(this, t)
    const P = this.Promise ?? Promise
    return new P<void>((resolve) => setImmediate(resolve))
  }
  done.add(store)
  return true
}
