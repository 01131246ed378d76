// Turns built-in findings into checklist items and, when the agent did not answer, into a report of its own in the
// same six sections.
import type { ChecklistItem, Finding } from '../types.js'
import { codeSpan } from './escape.js'
import { itemId, uniqueIds } from './ids.js'

const SECTION_OF: Record<Finding['family'], string> = {
  'data-pipeline': 'Data Pipeline',
  'training-config': 'Training Strategy',
  reproducibility: 'Training Strategy',
  evaluation: 'Evaluation',
  'supply-chain': 'Deployment Plan',
  'responsible-ai': 'Responsible AI Checklist'
}

export const REPORT_SECTIONS = [
  'Data Pipeline',
  'Model Architecture',
  'Training Strategy',
  'Evaluation',
  'Deployment Plan',
  'Responsible AI Checklist'
]

export function findingText(f: Finding): string {
  return `[${f.check}] ${f.title}${f.evidence ? `: ${f.evidence}` : ''}`
}

export function findingsToItems(findings: Finding[]): ChecklistItem[] {
  return uniqueIds(
    findings.map((f) => ({
      id: itemId(`${f.check} ${f.path} ${f.title} ${f.evidence}`),
      text: findingText(f),
      status: f.status,
      bias: f.bias,
      source: 'builtin' as const,
      path: f.path,
      line: f.line,
      ...(f.cell ? { cell: f.cell } : {}),
      ...(f.suppressed ? { suppressed: f.suppressed } : {}),
      finding: {
        check: f.check,
        title: f.title,
        status: f.status,
        evidence: f.evidence,
        fix: f.fix,
        ...(f.level ? { level: f.level } : {})
      }
    }))
  )
}

function where(f: Finding): string {
  return f.line ? `${f.path}:${f.line}${f.cell ? ` (${f.cell})` : ''}` : f.path
}

function findingLine(f: Finding): string {
  const mark = f.status === 'fail' ? '❌' : '⚠️'
  const word = f.status === 'fail' ? 'FAIL' : 'WARN'
  return `- ${mark} ${f.title}${f.bias ? ' (bias)' : ''} (${codeSpan(where(f))}) — ${word}\n  - Evidence: ${codeSpan(f.evidence)}\n  - Fix: ${f.fix}`
}

/** A report in the agent's structure, built from the built-in findings alone. */
export function builtinReport(findings: Finding[], why: string, files: string[]): string {
  const out = ['## ML Engineering Report (built-in checks)', '', `> ${why}`, '']
  for (const section of REPORT_SECTIONS) {
    out.push(`### ${section}`)
    const here = findings.filter((f) => SECTION_OF[f.family] === section)
    if (section === 'Responsible AI Checklist') {
      // data-governance items (PII) belong to the checklist as well
      if (here.length === 0) out.push('- No built-in responsible-AI finding in the changed files — N/A')
    } else if (here.length === 0) {
      out.push(section === 'Model Architecture' ? '_Not covered by the built-in checks._' : '_No findings._')
    }
    for (const f of here) out.push(findingLine(f))
    out.push('')
  }
  out.push(`Files checked: ${files.map((f) => codeSpan(f)).join(', ') || 'none'}`)
  return out.join('\n')
}
