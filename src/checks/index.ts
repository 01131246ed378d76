// Built-in deterministic ML checks: computed in code at exact head lines, run with or without the bridge.
// Each family reads a FileView (both sides parsed once) and reports only what the change introduced or removed.
import type { ChangedFile, Finding } from '../types.js'
import { DATA_CHECKS, dataPipeline } from './data-pipeline.js'
import { EVAL_CHECKS, evaluation } from './evaluation.js'
import type { Check, CheckSpec } from './finding.js'
import { REPRO_CHECKS, reproducibility } from './reproducibility.js'
import { RAI_CHECKS, deletedFile, responsibleAi } from './responsible-ai.js'
import { SUPPLY_CHECKS, supplyChain } from './supply-chain.js'
import { TRAINING_CHECKS, trainingConfig } from './training-config.js'
import { buildView, type FileView } from './view.js'

export type { CheckSpec } from './finding.js'

/** Every built-in check, in report order. */
export const CHECKS: readonly CheckSpec[] = [
  ...RAI_CHECKS,
  ...DATA_CHECKS,
  ...REPRO_CHECKS,
  ...TRAINING_CHECKS,
  ...EVAL_CHECKS,
  ...SUPPLY_CHECKS
]

const FAMILIES: Check[] = [responsibleAi, dataPipeline, reproducibility, trainingConfig, evaluation, supplyChain]

const ORDER = new Map(CHECKS.map((c, i) => [c.id, i]))

/** Runs every check on every changed file; never throws. Findings are sorted by path, line, check. */
export function runChecks(files: ChangedFile[]): Finding[] {
  const all: FileView[] = []
  for (const file of files) {
    try {
      const view = buildView(file)
      if (view.kind !== 'other' && (view.after || view.before)) all.push(view)
    } catch {
      // a file we cannot read is reported by the diff stage, not here
    }
  }
  const views = all.filter((v) => v.after)
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const view of all) {
    // a deleted file can only have taken something away
    for (const family of view.after ? FAMILIES : [deletedFile]) {
      let found: Finding[]
      try {
        found = family(view, view.after ? views : all)
      } catch {
        found = []
      }
      for (const f of found) {
        const key = `${f.check}\u0000${f.path}\u0000${f.line}\u0000${f.evidence}`
        if (seen.has(key)) continue
        seen.add(key)
        findings.push(f)
      }
    }
  }
  // a split whose seed was removed is one problem, not two
  const seedRemoved = new Set(
    findings.filter((f) => f.check === 'REPRO-SEED-REMOVED').map((f) => `${f.path}:${f.line}`)
  )
  return findings
    .filter((f) => !(f.check === 'REPRO-SPLIT-NO-SEED' && seedRemoved.has(`${f.path}:${f.line}`)))
    .sort(
      (a, b) =>
        a.path.localeCompare(b.path) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (ORDER.get(a.check) ?? 0) - (ORDER.get(b.check) ?? 0)
    )
}
