// Model formulas and reference levels, read from the source of every code cell (Python strings and R cells alike,
// `%%R` cells are not Python and the parser does not read them): a regression of a model's score on people's
// attributes is an audit, so a protected term taken out of it narrows the audit; the reference level of a
// protected factor (`relevel(race_factor, ref = 3)`, `C(race, Treatment(...))` in R's `contr.treatment`) is the
// group every coefficient is measured against, so changing it changes what the audit says.
import type { Finding, NotebookCell } from '../types.js'
import { FAIRNESS_COVERAGE_NARROWED } from './fairness-coverage.js'
import { makeFinding, type Check } from './finding.js'
import { protectedCategory } from './protected.js'
import { PRIVILEGED_GROUPS_CHANGED } from './responsible-ai.js'
import type { FileView, Side } from './view.js'
import { words } from './vocabulary.js'

/** `y ~ a + b + c` up to the end of the argument; the right side may run over lines. Bounded, linear. */
const FORMULA = /([A-Za-z_][\w.]{0,60})\s{0,10}~\s{0,10}([^,)"'\n]{1,400}(?:\n[^,)"'\n]{0,400}){0,6})/g
/** `relevel(race_factor, ref = 3)`, `relevel(x, "Caucasian")`, `contr.treatment(6, base = 3)` assigned to a factor. */
const RELEVEL =
  /relevel\(\s{0,10}([A-Za-z_][\w.]{0,60})\s{0,10},\s{0,10}(?:ref\s{0,10}=\s{0,10})?([^)\n]{1,60}?)\s{0,10}\)/g
/** Outcomes that are a model's output: regressing them on attributes audits the model. */
const MODEL_OUTPUT =
  /^(score|scores|pred|preds|predicted|prediction|predictions|risk|decision|decisions|prob|proba|yhat|phat|decile|output|outputs)$/

interface Formula {
  lhs: string
  terms: string[]
  line: number
}

interface Reference {
  factor: string
  level: string
  line: number
}

function cellsOf(side: Side | null): NotebookCell[] {
  return side?.notebook?.cells.filter((c) => c.type === 'code') ?? []
}

/** The file line of a character offset in a cell's source. */
function lineAt(cell: NotebookCell, offset: number): number {
  const index = cell.source.slice(0, offset).split('\n').length - 1
  return cell.sourceLines[Math.min(index, cell.sourceLines.length - 1)] ?? cell.sourceLines[0] ?? 1
}

function read(side: Side | null): { formulas: Formula[]; references: Reference[] } {
  const formulas: Formula[] = []
  const references: Reference[] = []
  for (const cell of cellsOf(side)) {
    const source = cell.source.length > 200_000 ? cell.source.slice(0, 200_000) : cell.source
    if (!source.includes('~') && !source.includes('relevel')) continue
    for (const m of source.matchAll(FORMULA)) {
      if (!words(m[1]).some((w) => MODEL_OUTPUT.test(w))) continue
      const terms = m[2]
        .split(/[+*:\s]+/)
        .map((t) => t.trim())
        .filter((t) => /^[A-Za-z_][\w.]*$/.test(t))
      formulas.push({ lhs: m[1], terms, line: lineAt(cell, m.index) })
    }
    for (const m of source.matchAll(RELEVEL))
      if (protectedCategory(m[1])) references.push({ factor: m[1], level: m[2].trim(), line: lineAt(cell, m.index) })
  }
  return { formulas, references }
}

const protectedTerms = (f: Formula): string[] => f.terms.filter((t) => protectedCategory(t) !== null)

function formulaFindings(view: FileView, all: FileView[]): Finding[] {
  if (view.kind !== 'notebook' || !view.before || !view.baseKnown) return []
  const base = read(view.before)
  if (base.formulas.length === 0 && base.references.length === 0) return []
  const head = read(view.after)
  const out: Finding[] = []
  const audits = base.formulas.filter((f) => protectedTerms(f).length > 0)
  if (!view.after) {
    if (audits.length === 0) return []
    const what = audits.map((f) => `${f.lhs} ~ ${protectedTerms(f).join(' + ')}`).slice(0, 3)
    return [
      makeFinding(FAIRNESS_COVERAGE_NARROWED, view, null, `file deleted with its audit regressions: ${what.join('; ')}`)
    ]
  }
  // each audit of the base against the head's formula of the same outcome, in order
  const left = [...head.formulas]
  for (const f of audits) {
    const i = left.findIndex((h) => h.lhs === f.lhs)
    if (i === -1) {
      // gone from the file, unless another changed file now holds the same audit
      const terms = protectedTerms(f).join(' + ')
      const moved = all.some(
        (o) =>
          o !== view && read(o.after).formulas.some((h) => h.lhs === f.lhs && protectedTerms(h).join(' + ') === terms)
      )
      const line = view.headLineFor(f.line)
      if (!moved && line !== null)
        out.push(
          makeFinding(
            FAIRNESS_COVERAGE_NARROWED,
            view,
            line,
            `audit regression removed: ${f.lhs} ~ ${terms} (base line ${f.line})`
          )
        )
      continue
    }
    const [now] = left.splice(i, 1)
    const kept = new Set(protectedTerms(now))
    const lost = protectedTerms(f).filter((t) => !kept.has(t))
    if (lost.length > 0 && view.isAddedLine(now.line))
      out.push(
        makeFinding(
          FAIRNESS_COVERAGE_NARROWED,
          view,
          now.line,
          `${f.lhs} ~ …: audit no longer covers ${lost.join(', ')}`
        )
      )
  }
  for (const r of head.references) {
    const was = base.references.find((b) => b.factor === r.factor)
    if (!was || was.level === r.level || !view.isAddedLine(r.line)) continue
    if (base.references.some((b) => b.factor === r.factor && b.level === r.level)) continue
    out.push(
      makeFinding(
        PRIVILEGED_GROUPS_CHANGED,
        view,
        r.line,
        `reference level of ${r.factor}: ${was.level} → ${r.level} (every coefficient is measured against it)`
      )
    )
  }
  return out
}

export const formulaChecks: Check = (view, all) => {
  try {
    return formulaFindings(view, all)
  } catch {
    return []
  }
}
