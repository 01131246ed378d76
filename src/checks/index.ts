// Built-in deterministic ML checks: computed in code at exact head lines, run with or without the bridge.
// Each family reads a FileView (both sides parsed once) and reports only what the change introduced or removed.
import type { ChangedFile, Finding } from '../types.js'
import { DATA_CHECKS, dataPipeline } from './data-pipeline.js'
import { EVAL_CHECKS, evaluation } from './evaluation.js'
import { DEFAULT_EVIDENCE_LIMITS, EVIDENCE_CHECKS, evidenceChecks, type EvidenceLimits } from './evidence.js'
import type { Check, CheckSpec } from './finding.js'
import { REPRO_CHECKS, reproducibility } from './reproducibility.js'
import { RAI_CHECKS, deletedFile, responsibleAi } from './responsible-ai.js'
import { SUPPLY_CHECKS, supplyChain } from './supply-chain.js'
import { TRAINING_CHECKS, trainingConfig } from './training-config.js'
import { buildView, type FileView } from './view.js'
import { embeddedConfigViews } from './embedded.js'
import { rawTextBiasFindings } from './raw-text.js'
import { COVERAGE_CHECKS, fairnessCoverage, unparsedConfigCoverage } from './fairness-coverage.js'
import { PROTECTED_INPUT_CHECKS, protectedInput } from './protected-input.js'
import { BOUND_CHECKS, fairnessBounds } from './fairness-bounds.js'
import { formulaChecks } from './formulas.js'
import { mitigationChecks } from './mitigation.js'
import { recourseChecks } from './recourse.js'
import { MAX_ANALYSED_CHARS, MAX_RUN_CHARS } from '../bounds.js'
import type { CheckPolicy } from '../policy.js'
import { applyPolicy } from './apply-policy.js'
import { AnalysisBudget } from '../analysis/budget.js'

export type { CheckSpec } from './finding.js'

/** Every built-in check, in report order. */
export const CHECKS: readonly CheckSpec[] = [
  ...RAI_CHECKS,
  ...COVERAGE_CHECKS,
  ...PROTECTED_INPUT_CHECKS,
  ...BOUND_CHECKS,
  ...DATA_CHECKS,
  ...REPRO_CHECKS,
  ...TRAINING_CHECKS,
  ...EVAL_CHECKS,
  ...SUPPLY_CHECKS,
  ...EVIDENCE_CHECKS
]

const FAMILIES: Check[] = [
  responsibleAi,
  fairnessCoverage,
  protectedInput,
  fairnessBounds,
  mitigationChecks,
  recourseChecks,
  formulaChecks,
  dataPipeline,
  reproducibility,
  trainingConfig,
  evaluation,
  supplyChain
]
/** Checks that still apply to a deleted file: what it took away. */
const DELETED: Check[] = [deletedFile, fairnessCoverage, formulaChecks]

export type { EvidenceLimits } from './evidence.js'
export { DEFAULT_EVIDENCE_LIMITS } from './evidence.js'

export interface CheckOptions {
  /** limits of the checks on outputs and metrics */
  evidence?: EvidenceLimits
  /** the repository's levels and path ignores per check (inline ignores are read from the files either way) */
  policy?: CheckPolicy
  /** the run's CPU budget for analysis; a file whose turn comes after it is spent is not analysed */
  budget?: AnalysisBudget
}

const ORDER = new Map(CHECKS.map((c, i) => [c.id, i]))

/** An ML file on the head that the built-in checks could not cover, and why. */
export interface Unanalysed {
  path: string
  reason: string
  /** stopped by a bound on size (the file is not parsed at all), not by a parse error */
  overBound?: true
}

export interface Analysis {
  findings: Finding[]
  /** head files the checks could not read or parse: named in the report, failure by default (SPEC §8) */
  unanalysed: Unanalysed[]
  /** what the policy and the inline ignores did, for the report's notes */
  notes: string[]
}

/** Runs every check on every changed file; never throws. Findings are sorted by path, line, check. */
export function runChecks(files: ChangedFile[], options: CheckOptions = {}): Finding[] {
  return analyseFiles(files, options).findings
}

/** Why the head of a file is beyond the analysis before anything parses it, or null. */
export function overBound(file: ChangedFile, runCharsBefore: number): string | null {
  const chars = (file.before?.length ?? 0) + (file.after?.length ?? 0)
  for (const [side, text] of [
    ['head', file.after],
    ['base', file.before]
  ] as const) {
    if (text !== null && text.length > MAX_ANALYSED_CHARS) {
      return `the ${side} is ${text.length.toLocaleString('en-US')} characters, over the ${MAX_ANALYSED_CHARS.toLocaleString('en-US')} analysed per file`
    }
  }
  if (runCharsBefore + chars > MAX_RUN_CHARS) {
    return `the files before it already took the ${MAX_RUN_CHARS.toLocaleString('en-US')} characters analysed per run`
  }
  return null
}

/** The checks plus what they could not cover; a file they could not parse is still scanned as raw text for bias. */
export function analyseFiles(files: ChangedFile[], options: CheckOptions = {}): Analysis {
  const families = [...FAMILIES, evidenceChecks(options.evidence ?? DEFAULT_EVIDENCE_LIMITS)]
  const budget = options.budget ?? new AnalysisBudget()
  const overBudget = (file: ChangedFile): boolean => {
    if (budget.admit(file)) return false
    unanalysed.push({ path: file.path, reason: budget.reason() })
    rawFindings.push(...safeRaw(file, budget.reason()))
    return true
  }
  const views: FileView[] = []
  const unanalysed: Unanalysed[] = []
  const rawFindings: Finding[] = []
  let runChars = 0
  const deleted: FileView[] = []
  for (const file of files) {
    if (file.status === 'removed' || file.after === null) {
      // a deleted file can only have taken something away (a fairness evaluation): read its base
      if (file.before !== null && file.status === 'removed' && overBound(file, runChars) === null) {
        try {
          if (overBudget(file)) continue
          const view = budget.charge(() => buildView(file))
          if (view.kind !== 'other' && view.before) deleted.push(view)
        } catch {
          // a base we cannot read takes nothing away that we could name
        }
      }
      if (file.status === 'removed') continue
    }
    const bound = overBound(file, runChars)
    if (bound) {
      unanalysed.push({ path: file.path, reason: bound, overBound: true })
      rawFindings.push(...safeRaw(file, bound))
      continue
    }
    runChars += (file.before?.length ?? 0) + (file.after?.length ?? 0)
    if (file.after === null) {
      const why = (file.notes ?? []).find((n) => n.startsWith('head:'))?.replace(/^head:\s*/, '')
      unanalysed.push({
        path: file.path,
        reason: why ? `the head could not be read (${why})` : 'the head could not be read'
      })
      continue
    }
    if (overBudget(file)) continue
    try {
      const view = budget.charge(() => buildView(file))
      if (view.afterError !== undefined) {
        const reason = `the head does not parse: ${view.afterError}`
        unanalysed.push({ path: file.path, reason })
        rawFindings.push(...safeRaw(file, reason), ...safeUnparsed(file))
      } else if (view.kind !== 'other' && view.after) views.push(view)
    } catch (error) {
      const reason = `the analysis failed: ${error instanceof Error ? error.message : String(error)}`
      unanalysed.push({ path: file.path, reason })
      rawFindings.push(...safeRaw(file, reason))
    }
  }
  const findings: Finding[] = [...rawFindings]
  const seen = new Set<string>()
  const reportedBy = new Map<string, Check>()
  // configs written inside notebooks and scripts are read by the config checks too
  const embedded = views.flatMap((v) => {
    try {
      return embeddedConfigViews(v)
    } catch {
      return []
    }
  })
  views.push(...embedded)
  const all = [...views, ...deleted]
  for (const view of all) {
    if (budget.spentMs >= budget.limitMs) {
      unanalysed.push({ path: view.path, reason: budget.reason() })
      findings.push(...safeRaw(view.file, budget.reason()))
      continue
    }
    // one reading of the CPU clock per file, not per check: reading it is a system call
    budget.charge(() => {
      for (const family of view.embedded ? FAMILIES : view.after ? families : DELETED) {
        let found: Finding[]
        try {
          found = family(view, view.after ? views : all)
        } catch {
          found = []
        }
        for (const f of found) {
          const key = `${f.check}\u0000${f.path}\u0000${f.line}\u0000${f.evidence}`
          // two families that read the same item at one line (a switch turned off) report it once
          const at = `${f.check}\u0000${f.path}\u0000${f.line}`
          if (seen.has(key) || (f.line !== null && (reportedBy.get(at) ?? family) !== family)) continue
          seen.add(key)
          if (f.line !== null) reportedBy.set(at, family)
          findings.push(f)
        }
      }
    })
  }
  // a split whose seed was removed is one problem, not two
  const seedRemoved = new Set(
    findings.filter((f) => f.check === 'REPRO-SEED-REMOVED').map((f) => `${f.path}:${f.line}`)
  )
  const sorted = withoutRepeats(findings)
    .filter((f) => !(f.check === 'REPRO-SPLIT-NO-SEED' && seedRemoved.has(`${f.path}:${f.line}`)))
    .sort(
      (a, b) =>
        a.path.localeCompare(b.path) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (ORDER.get(a.check) ?? 0) - (ORDER.get(b.check) ?? 0)
    )
  const applied = applyPolicy(sorted, files, options.policy)
  return { findings: applied.findings, unanalysed, notes: applied.notes }
}

function safeUnparsed(file: ChangedFile): Finding[] {
  try {
    return unparsedConfigCoverage(file)
  } catch {
    return []
  }
}

function safeRaw(file: ChangedFile, why: string): Finding[] {
  try {
    return rawTextBiasFindings(file, why)
  } catch {
    return []
  }
}

/** The general bias checks' ids: they stand back where a specific bias check already names the problem. */
const GENERAL_BIAS = new Set([...COVERAGE_CHECKS, ...PROTECTED_INPUT_CHECKS].map((c) => c.id))

/** One item per problem: a general bias finding within two lines of another bias finding on the file is dropped. */
function withoutRepeats(findings: Finding[]): Finding[] {
  // the more specific a check, the lower its rank: library-aware checks, then protected inputs, then coverage
  const rank = (f: Finding): number =>
    PROTECTED_INPUT_CHECKS.some((c) => c.id === f.check) ? 1 : COVERAGE_CHECKS.some((c) => c.id === f.check) ? 2 : 0
  const near = (a: Finding, b: Finding): boolean =>
    a.path === b.path && (a.line === null || b.line === null ? a.line === b.line : Math.abs(a.line - b.line) <= 2)
  return findings.filter(
    (f) => !GENERAL_BIAS.has(f.check) || !findings.some((o) => o.bias && rank(o) < rank(f) && near(o, f))
  )
}
