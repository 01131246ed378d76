import { describe, expect, it } from 'vitest'
import { extractReport } from '../src/bridge/extract.js'

describe('extractReport', () => {
  it('takes the first text key in SPEC order', () => {
    expect(extractReport(JSON.stringify({ summary: 'S', report: 'R', text: 'T' })).text).toBe('R')
    expect(extractReport(JSON.stringify({ output: { text: 'O' } })).text).toBe('O')
    expect(extractReport(JSON.stringify({ reply: 'Y', markdown: 'M' })).text).toBe('Y')
    expect(extractReport(JSON.stringify({ choices: [{ message: { content: 'C' } }] })).text).toBe('C')
    expect(extractReport(JSON.stringify({ output_text: 'OT' })).text).toBe('OT')
    expect(extractReport(JSON.stringify({ data: { result: 'D' } })).text).toBe('D')
  })

  it('joins results[] one section per entry and names unavailable ones', () => {
    const ex = extractReport(
      JSON.stringify({
        results: [{ agent: 'ml', text: 'A' }, { agent: 'sec', success: false, error: 'timeout' }, { output: 'B' }]
      })
    )
    expect(ex.text).toBe('A\n\nB')
    expect(ex.unavailable).toEqual(['sec (timeout)'])
  })

  it('takes a non-JSON body as the report', () => {
    expect(extractReport('## ML Engineering Report\n', 'text/markdown').text).toBe('## ML Engineering Report\n')
    expect(extractReport('[link](x) first', 'text/plain').text).toBe('[link](x) first')
  })

  it('sees an accepted asynchronous run', () => {
    expect(extractReport(JSON.stringify({ ok: true, runId: 'r-1' }))).toEqual({
      text: null,
      runId: 'r-1',
      unavailable: []
    })
  })

  it('finds no report in an empty answer or a declared JSON that does not parse', () => {
    expect(extractReport('').text).toBeNull()
    expect(extractReport('{"report": "cut', 'application/json').text).toBeNull()
    expect(extractReport(JSON.stringify({ ok: true })).text).toBeNull()
  })
})
