// The stderr progress of ml-review: an elapsed-time line on a terminal while the agent thinks, plain lines elsewhere.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Progress } from '../src/cli/progress.js'

function stream(isTTY: boolean): { isTTY: boolean; text: string; write: (s: string) => boolean } {
  const s = { isTTY, text: '', write: (t: string) => ((s.text += t), true) }
  return s
}

describe('Progress', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('on a terminal, redraws the elapsed time in place and keeps log lines above it', () => {
    const s = stream(true)
    const p = new Progress(s)
    p.wait('waiting for the agent')
    vi.advanceTimersByTime(65_000)
    const CLEAR = '\r\u001b[2K'
    expect(s.text).toContain(' waiting for the agent 1 min 5 s')
    expect(s.text.startsWith(CLEAR)).toBe(true)
    p.line('attempt 1: 503; retrying')
    expect(s.text).toContain(`${CLEAR}ml-review: attempt 1: 503; retrying\n${CLEAR}`)
    p.stop()
    expect(s.text.endsWith(CLEAR)).toBe(true)
    const after = s.text.length
    vi.advanceTimersByTime(5_000)
    expect(s.text.length).toBe(after)
  })

  it('elsewhere, says it once and draws nothing', () => {
    const s = stream(false)
    const p = new Progress(s)
    p.wait('waiting for the agent')
    vi.advanceTimersByTime(10_000)
    p.stop()
    expect(s.text).toBe('ml-review: waiting for the agent…\n')
  })
})
