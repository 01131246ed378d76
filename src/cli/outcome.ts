// What one `ml-review` run found, and the formats other than the terminal's: markdown (as the comment reads), JSON
// for tools, SARIF for code scanning, and workflow commands for a CI log.
import * as core from '@actions/core'
import type { ReviewResult } from '../pipeline.js'
import pkg from '../../package.json' with { type: 'json' }
import { checklistOutput } from '../report/checklist-output.js'
import { checklistTable } from '../report/render.js'
import { sarifText, toSarif } from '../report/sarif.js'

export interface CliOutcome {
  result: ReviewResult
  /** what was compared, in words */
  label: string
  /** ML files not reviewed, with the reason */
  skipped: { path: string; reason: string }[]
  /** untracked ML files left out of a working-tree review */
  untrackedLeftOut: string[]
  /** Ctrl-C came before the agent answered: the result is the built-in one */
  interrupted: boolean
}

/** The markdown of earlier versions (the default when stdout is not a terminal). */
export function renderMarkdown(o: CliOutcome, verdict: string): string {
  const { result } = o
  return [
    result.report,
    '',
    '### Checklist',
    '',
    checklistTable(result.items),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
    `Decision: ${verdict} — ${result.decision.reason}`,
    ''
  ].join('\n')
}

/** One JSON object; `checklist` has the shape of the action's `checklist` output. */
export function renderJson(o: CliOutcome): string {
  const { result } = o
  return (
    JSON.stringify(
      {
        conclusion: result.decision.conclusion,
        reason: result.decision.reason,
        checklist: checklistOutput(result.items),
        report: result.report,
        findings: result.findings,
        files: result.diffs.map((d) => d.path),
        skipped: o.skipped,
        untracked: o.untrackedLeftOut,
        notes: result.notes,
        interrupted: o.interrupted
      },
      null,
      2
    ) + '\n'
  )
}

/** SARIF 2.1.0, as the action's `sarif` input writes it. */
export function renderSarif(o: CliOutcome): string {
  return sarifText(toSarif({ items: o.result.items, files: o.result.diffs.map((d) => d.path), version: pkg.version }))
}

/**
 * Workflow commands (written by @actions/core, which escapes them): an error per failed item, a warning per warned
 * one, each on its file and line, then the decision.
 */
export function emitGithub(o: CliOutcome): void {
  const { result } = o
  const files = new Set(result.diffs.map((d) => d.path))
  for (const item of result.items) {
    if (item.status !== 'fail' && item.status !== 'warn') continue
    const props = {
      title: `${item.id}${item.bias ? ' (bias)' : ''}`,
      ...(item.path && files.has(item.path) ? { file: item.path, startLine: item.line ?? 1 } : {})
    }
    if (item.status === 'fail') core.error(item.text, props)
    else core.warning(item.text, props)
  }
  for (const s of o.skipped) core.warning(`Not reviewed: ${s.reason}`, { title: 'ML Engineering Review', file: s.path })
  const line = `ML Engineering Review: ${result.decision.conclusion} — ${result.decision.reason}`
  if (result.decision.conclusion === 'failure') core.error(line, { title: 'ML Engineering Review' })
  else core.notice(line, { title: 'ML Engineering Review' })
}
