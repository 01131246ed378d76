import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../src/checks/index.js'
import { collectTrees } from '../src/collect/local-source.js'
import { DEFAULT_PATHS } from '../src/inputs.js'
import { review } from '../src/pipeline.js'
import { FINGERPRINT, SARIF_LIMITS, sarifText, toSarif } from '../src/report/sarif.js'
import type { ChecklistItem } from '../src/types.js'
import { validator } from './helpers/sarif-schema.js'

const EXAMPLES = join(import.meta.dirname, '..', 'examples')

const validate = validator()

async function exampleSarif(before: string, after: string): Promise<Log> {
  const collected = collectTrees(before, after, DEFAULT_PATHS, [])
  const result = await review({
    subject: { repository: 'local', pr: null, ref: '', sha: '' },
    files: collected.files,
    notes: [],
    bridge: null,
    idempotencyKey: 'x',
    maxRequestBytes: 240000,
    failOn: 'bias',
    onBridgeError: 'neutral',
    log: () => {}
  })
  return JSON.parse(
    sarifText(toSarif({ items: result.items, files: collected.files.map((f) => f.path), version: '1.0.0' }))
  ) as Log
}

const fingerprints = (log: Log): string[] =>
  (log.runs[0].results ?? []).map((r) => `${r.ruleId} ${r.partialFingerprints?.[FINGERPRINT]}`).sort()

describe('SARIF 2.1.0', () => {
  it('the shipped example validates against the schema, with a rule for every built-in check', async () => {
    const log = await exampleSarif(join(EXAMPLES, 'before'), join(EXAMPLES, 'after'))
    expect(validate(log)).toEqual([])
    // the schema does refuse what is not SARIF
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }).length).toBeGreaterThan(0)
    expect(
      validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {}, level: 'severe' }] }] }).length
    ).toBeGreaterThan(0)
    const run = log.runs[0]
    expect(log.runs).toHaveLength(1)
    const rules = run.tool.driver.rules ?? []
    expect(rules.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id))
    for (const r of rules) {
      expect(r.shortDescription?.text).toBeTruthy()
      expect(r.fullDescription?.text).toBeTruthy()
      expect(r.help?.text).toMatch(/^Fix: /)
      expect(['error', 'warning']).toContain(r.defaultConfiguration?.level)
    }
    const protectedRule = rules.find((r) => r.id === 'RAI-PROTECTED-ATTRIBUTE')
    expect(protectedRule?.properties?.tags).toContain('bias')
    expect(run.tool.extensions?.[0].rules?.map((r) => r.id)).toEqual(['AGENT-CHECKLIST-ITEM', 'AGENT-BIAS-ITEM'])
    // the example's findings, each at its file and line
    const trust = run.results?.find((r) => r.ruleId === 'SUPPLY-TRUST-REMOTE-CODE')
    expect(trust?.level).toBe('error')
    expect(trust?.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('configs/train.yaml')
    expect(trust?.locations?.[0].physicalLocation?.region?.startLine).toBe(4)
    expect(run.results?.length).toBe(14)
    expect(run.results?.every((r) => r.ruleIndex !== undefined && rules[r.ruleIndex].id === r.ruleId)).toBe(true)
  })

  it('keeps every fingerprint when a blank line is inserted above every finding', async () => {
    const original = await exampleSarif(join(EXAMPLES, 'before'), join(EXAMPLES, 'after'))
    const dir = mkdtempSync(join(tmpdir(), 'ml-review-sarif-'))
    cpSync(EXAMPLES, dir, { recursive: true })
    const byFile = new Map<string, Set<number>>()
    for (const r of original.runs[0].results ?? []) {
      const loc = r.locations?.[0].physicalLocation
      const uri = loc?.artifactLocation?.uri as string
      byFile.set(uri, (byFile.get(uri) ?? new Set()).add(loc?.region?.startLine as number))
    }
    for (const [uri, lines] of byFile) {
      const file = join(dir, 'after', uri)
      const text = readFileSync(file, 'utf8').split('\n')
      for (const line of [...lines].sort((a, b) => b - a)) text.splice(line - 1, 0, '')
      writeFileSync(file, text.join('\n'))
    }
    const moved = await exampleSarif(join(dir, 'before'), join(dir, 'after'))
    expect(validate(moved)).toEqual([])
    expect(fingerprints(moved)).toEqual(fingerprints(original))
    // the regions did move: the fingerprints do not depend on them
    const lineOf = (log: Log, rule: string) =>
      log.runs[0].results?.find((r) => r.ruleId === rule)?.locations?.[0].physicalLocation?.region?.startLine
    expect(lineOf(moved, 'SUPPLY-TRUST-REMOTE-CODE')).toBe((lineOf(original, 'SUPPLY-TRUST-REMOTE-CODE') ?? 0) + 1)
  })

  it('puts agent items in the extension, accepted items as suppressed, and located items without a path on the first file', () => {
    const items: ChecklistItem[] = [
      {
        id: 'RAI-aaaa0001',
        text: 'Fairness metrics reported per group',
        status: 'fail',
        bias: true,
        source: 'bridge',
        path: null,
        line: null
      },
      {
        id: 'RAI-aaaa0002',
        text: '[SUPPLY-TRUST-REMOTE-CODE] trust_remote_code enabled: model.trust_remote_code: true',
        status: 'fail',
        bias: false,
        source: 'builtin',
        path: 'configs/train.yaml',
        line: 4,
        accepted: { by: 'octocat', at: '2026-01-01T00:00:00Z', reason: 'vendored and pinned' }
      },
      { id: 'RAI-aaaa0003', text: 'All good', status: 'pass', bias: false, source: 'bridge', path: null, line: null }
    ]
    const log = toSarif({ items, files: ['configs/train.yaml'], version: '1.2.3' })
    expect(validate(log)).toEqual([])
    const [agent, accepted] = log.runs[0].results ?? []
    expect(log.runs[0].results).toHaveLength(2)
    expect(agent.rule).toEqual({ id: 'AGENT-BIAS-ITEM', index: 1, toolComponent: { index: 0 } })
    expect(agent.locations?.[0].physicalLocation?.region?.startLine).toBe(1)
    expect(accepted.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'octocat: vendored and pinned' }
    ])
  })

  it('stays within GitHub limits: past 25,000 results the least severe are left out, and the run says so', () => {
    const items: ChecklistItem[] = Array.from({ length: 25_010 }, (_, i) => ({
      id: `RAI-${i.toString(16).padStart(8, '0')}`,
      text: `item ${i}`,
      status: i < 5 ? 'fail' : 'warn',
      bias: i < 5,
      source: 'bridge' as const,
      path: 'a.yaml',
      line: i + 1
    }))
    // failures come last in the input: they are kept anyway
    items.reverse()
    const log = toSarif({ items, files: ['a.yaml'], version: '1' })
    const results = log.runs[0].results ?? []
    expect(results).toHaveLength(SARIF_LIMITS.maxResults)
    expect(results.filter((r) => r.level === 'error')).toHaveLength(5)
    const note = log.runs[0].invocations?.[0].toolExecutionNotifications?.[0].message.text
    expect(note).toMatch(/^10 of 25010 results were left out/)
    expect(validate(log)).toEqual([])
  })

  it('stays within the gzipped size limit by leaving results out', () => {
    const items: ChecklistItem[] = Array.from({ length: 400 }, (_, i) => ({
      id: `RAI-${i.toString(16).padStart(8, '0')}`,
      // text that does not compress: distinct random-looking words
      text: Array.from({ length: 40 }, (_, j) => ((i * 7919 + j * 104729) % 1_000_003).toString(36)).join(' '),
      status: 'warn',
      bias: false,
      source: 'bridge' as const,
      path: 'a.yaml',
      line: 1
    }))
    const limits = { maxResults: 25_000, maxGzipBytes: 20_000 }
    const log = toSarif({ items, files: ['a.yaml'], version: '1' }, limits)
    const bytes = gzipSync(JSON.stringify(log)).length
    expect(bytes).toBeLessThanOrEqual(limits.maxGzipBytes)
    const kept = log.runs[0].results?.length ?? 0
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(400)
    // one more would not have fitted (`more` lacks the note on left-out results, a few hundred bytes gzipped)
    const more = toSarif(
      { items: items.slice(0, kept + 1), files: ['a.yaml'], version: '1' },
      { ...limits, maxGzipBytes: 1e9 }
    )
    expect(gzipSync(JSON.stringify(more)).length).toBeGreaterThan(limits.maxGzipBytes - 400)
    expect(gunzipSync(gzipSync(sarifText(log))).toString()).toContain(`${400 - kept} of 400 results were left out`)
  })
})
