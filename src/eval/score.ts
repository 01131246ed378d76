// Scores the built-in checks on a corpus of real and planted changes: each case is one pull request
// (`case/before/<path>`, `case/after/<path>`, `case/meta.json`), run through the checks and the merge decision.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { analyseFiles } from '../checks/index.js'
import { isMlConfigContent, makeSelector } from '../collect/select.js'
import { DEFAULT_PATHS } from '../inputs.js'
import { buildView } from '../checks/view.js'
import { findingsToItems } from '../report/builtin.js'
import { decide } from '../report/decide.js'
import type { ChangedFile, Finding } from '../types.js'

export interface Defect {
  path: string
  side: 'after' | 'before'
  line: number
  bias: boolean
  category?: string
  description?: string
}

export interface CaseMeta {
  kind: 'real' | 'planted'
  defects: Defect[]
}

export interface Case {
  name: string
  meta: CaseMeta
  files: ChangedFile[]
}

export interface DefectResult extends Defect {
  /** a finding on the defect's path within ±LINE_TOLERANCE of its (head) line */
  foundAtLine: boolean
  /** a blocking (failed, bias) finding on the defect's path */
  blocks: boolean
  /** the head line the defect was compared at (a base line maps to where it lands in the head) */
  headLine: number | null
}

export interface CaseResult {
  name: string
  kind: CaseMeta['kind']
  conclusion: string
  findings: Finding[]
  defects: DefectResult[]
  /** findings that match no defect (on a clean case: false alarms) */
  unmatched: Finding[]
  /** changed files of the case the action's default selection leaves out (not ML files by glob or content) */
  notReviewed: string[]
  /** ML files the checks could not analyse, with why: each fails the check by default */
  unanalysed: { path: string; reason: string }[]
  crashed: string | null
}

export interface Totals {
  cases: number
  plantedBias: number
  plantedBiasBlocked: number
  defects: number
  defectsAtLine: number
  cleanCases: number
  findingsOnClean: number
  cleanCasesWithFindings: number
  cleanCasesBlocked: number
  findings: number
  findingsMatchingDefects: number
  crashes: number
}

/** Per defect category: how many defects, found at their line, and (bias defects) blocking. */
export interface CategoryTotals {
  defects: number
  atLine: number
  bias: number
  biasBlocked: number
}

export interface Score {
  cases: CaseResult[]
  totals: Totals
  byCategory: Record<string, CategoryTotals>
}

/** A finding is at the defect's line when within this many lines. */
export const LINE_TOLERANCE = 2
/** Files larger than this are read as absent (the action would not read them either). */
const MAX_FILE_BYTES = 5_000_000

function listFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name)
      const st = statSync(full)
      if (st.isDirectory()) walk(full)
      else if (st.isFile() && st.size <= MAX_FILE_BYTES) out.push(relative(root, full).split(sep).join('/'))
    }
  }
  try {
    walk(root)
  } catch {
    // a missing side has no files
  }
  return out
}

/** Reads one case directory; throws with the case name when meta.json is missing or malformed. */
export function readCase(dir: string, name: string): Case {
  const caseDir = join(dir, name)
  let meta: CaseMeta
  try {
    meta = JSON.parse(readFileSync(join(caseDir, 'meta.json'), 'utf8')) as CaseMeta
  } catch (err) {
    throw new Error(`${name}/meta.json: ${(err as Error).message}`, { cause: err })
  }
  if (!Array.isArray(meta.defects)) throw new Error(`${name}/meta.json: "defects" must be a list`)
  const before = new Set(listFiles(join(caseDir, 'before')))
  const after = new Set(listFiles(join(caseDir, 'after')))
  const files: ChangedFile[] = []
  for (const path of [...new Set([...before, ...after])].sort()) {
    const b = before.has(path) ? readFileSync(join(caseDir, 'before', path), 'utf8') : null
    const a = after.has(path) ? readFileSync(join(caseDir, 'after', path), 'utf8') : null
    if (a === b) continue
    files.push({ path, status: b === null ? 'added' : a === null ? 'removed' : 'modified', before: b, after: a })
  }
  return { name, meta, files }
}

/** Every case of a corpus directory (subdirectories holding a meta.json), by name. */
export function readCorpus(dir: string): Case[] {
  return readdirSync(dir)
    .filter((n) => {
      try {
        return statSync(join(dir, n, 'meta.json')).isFile()
      } catch {
        return false
      }
    })
    .sort()
    .map((n) => readCase(dir, n))
}

const blocking = (f: Finding): boolean => f.status === 'fail' && f.bias

const defaultSelector = makeSelector(DEFAULT_PATHS, [])

/**
 * The files of a case the action reviews with its default settings: the default globs, plus configs outside them
 * whose content marks an ML file. A case scores what a user of the action would see, not every file it holds.
 */
export function reviewedFiles(files: ChangedFile[]): ChangedFile[] {
  return files.filter((f) => {
    if (defaultSelector.matchesGlobs(f.path)) return true
    if (!defaultSelector.isContentCandidate(f.path)) return false
    const probe = f.after ?? f.before
    return probe !== null && isMlConfigContent(f.path, probe)
  })
}

export function scoreCase(c: Case): CaseResult {
  let findings: Finding[] = []
  let unanalysed: { path: string; reason: string }[] = []
  let crashed: string | null = null
  const files = reviewedFiles(c.files)
  try {
    ;({ findings, unanalysed } = analyseFiles(files))
  } catch (err) {
    crashed = (err as Error).stack ?? String(err)
  }
  // decided as the action decides by default: a file it cannot analyse fails the check (on-unreadable-file: fail)
  const decision = decide({
    hasMlFiles: files.length > 0,
    items: findingsToItems(findings),
    unanalysed,
    failOn: 'bias',
    bridgeFailed: true,
    onBridgeError: 'neutral'
  })
  const matched = new Set<Finding>()
  const defects = c.meta.defects.map((d): DefectResult => {
    const file = files.find((f) => f.path === d.path)
    let headLine: number | null = d.line
    if (d.side === 'before') {
      try {
        headLine = file && file.after !== null ? buildView(file).headLineFor(d.line) : null
      } catch {
        headLine = null
      }
    }
    const onPath = findings.filter((f) => f.path === d.path)
    const atLine = onPath.filter((f) =>
      headLine === null ? f.line === null : f.line !== null && Math.abs(f.line - headLine) <= LINE_TOLERANCE
    )
    atLine.forEach((f) => matched.add(f))
    return { ...d, headLine, foundAtLine: atLine.length > 0, blocks: onPath.some(blocking) }
  })
  return {
    name: c.name,
    kind: c.meta.kind,
    conclusion: decision.conclusion,
    findings,
    defects,
    unmatched: findings.filter((f) => !matched.has(f)),
    notReviewed: c.files.filter((f) => !files.includes(f)).map((f) => f.path),
    unanalysed: unanalysed.map((u) => ({ path: u.path, reason: u.reason })),
    crashed
  }
}

export function score(cases: Case[]): Score {
  const results = cases.map(scoreCase)
  const planted = results.filter((r) => r.kind === 'planted')
  const clean = results.filter((r) => r.defects.length === 0)
  const plantedBias = planted.flatMap((r) => r.defects.filter((d) => d.bias))
  const allDefects = results.flatMap((r) => r.defects)
  const allFindings = results.flatMap((r) => r.findings)
  const byCategory: Record<string, CategoryTotals> = {}
  for (const d of allDefects) {
    const c = (byCategory[d.category ?? 'uncategorised'] ??= { defects: 0, atLine: 0, bias: 0, biasBlocked: 0 })
    c.defects++
    if (d.foundAtLine) c.atLine++
    if (d.bias) {
      c.bias++
      if (d.blocks) c.biasBlocked++
    }
  }
  return {
    cases: results,
    byCategory,
    totals: {
      cases: results.length,
      plantedBias: plantedBias.length,
      plantedBiasBlocked: plantedBias.filter((d) => d.blocks).length,
      defects: allDefects.length,
      defectsAtLine: allDefects.filter((d) => d.foundAtLine).length,
      cleanCases: clean.length,
      findingsOnClean: clean.reduce((n, r) => n + r.findings.length, 0),
      cleanCasesWithFindings: clean.filter((r) => r.findings.length > 0).length,
      cleanCasesBlocked: clean.filter((r) => r.conclusion === 'failure').length,
      findings: allFindings.length,
      findingsMatchingDefects: allFindings.length - results.reduce((n, r) => n + r.unmatched.length, 0),
      crashes: results.filter((r) => r.crashed !== null).length
    }
  }
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`)

/** The plain-text report: each case's findings and defects, then the totals. */
export function formatScore(s: Score): string {
  const out: string[] = []
  for (const r of s.cases) {
    out.push(`## ${r.name} (${r.kind}) → ${r.conclusion}${r.crashed ? ' CRASHED' : ''}`)
    for (const f of r.findings) {
      const match = r.unmatched.includes(f) ? '' : ' ✓'
      out.push(
        `  ${f.status.padEnd(4)} ${f.bias ? 'bias ' : '     '}${f.check} ${f.path}:${f.line ?? '-'}${match} — ${f.evidence}`
      )
    }
    for (const d of r.defects) {
      const state = `${d.foundAtLine ? 'found' : 'MISSED'}${d.bias ? (d.blocks ? ', blocks' : ', DOES NOT BLOCK') : ''}`
      out.push(
        `  defect ${d.path}:${d.line} (${d.side}${d.bias ? ', bias' : ''}) ${state} — ${d.description ?? d.category ?? ''}`
      )
    }
    if (r.notReviewed.length > 0) out.push(`  not reviewed (not ML files): ${r.notReviewed.join(', ')}`)
    for (const u of r.unanalysed) out.push(`  not analysed (blocks by default): ${u.path} — ${u.reason}`)
    if (r.crashed) out.push(`  crash: ${r.crashed.split('\n')[0]}`)
  }
  const t = s.totals
  out.push(
    '',
    '## Totals',
    `cases: ${t.cases} (${t.cleanCases} clean)`,
    `planted bias defects that block the merge (fail-on: bias): ${t.plantedBiasBlocked} / ${t.plantedBias} (${pct(t.plantedBiasBlocked, t.plantedBias)})`,
    `defects found at the right line (±${LINE_TOLERANCE}): ${t.defectsAtLine} / ${t.defects} (${pct(t.defectsAtLine, t.defects)})`,
    `findings on clean cases: ${t.findingsOnClean} in ${t.cleanCases} (${t.cleanCases ? (t.findingsOnClean / t.cleanCases).toFixed(2) : 'n/a'} per clean case; ${t.cleanCasesWithFindings} cases with any, ${t.cleanCasesBlocked} blocked)`,
    `findings that match a defect: ${t.findingsMatchingDefects} / ${t.findings} (${pct(t.findingsMatchingDefects, t.findings)})`,
    `crashes: ${t.crashes}`,
    '',
    '## By category (found at line / defects; bias defects that block / bias defects)'
  )
  for (const [name, c] of Object.entries(s.byCategory).sort(([a], [b]) => a.localeCompare(b)))
    out.push(`${name}: ${c.atLine} / ${c.defects} at line${c.bias > 0 ? `; ${c.biasBlocked} / ${c.bias} block` : ''}`)
  return out.join('\n')
}
