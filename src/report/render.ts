// Markdown for the sticky PR comment, the check run and the job summary. Every text from the PR or the bridge is
// escaped for where it goes: the report and diffs sanitized as markdown, names as code spans, items as table cells.
import { fenced } from '../diff/blob.js'
import { redactSecrets } from '../diff/redact.js'
import { MAX_JOB_SUMMARY_BYTES, clipBytes } from '../limits.js'
import type { ChecklistItem, Conclusion, FileDiff } from '../types.js'
import type { Decision } from './decide.js'
import { codeSpan, tableCell } from './escape.js'
import { groupItems, itemsSection, type ItemsContext } from './items.js'
import { closeOpenFences, neutraliseMentions, sanitizeInline, sanitizeMarkdown } from './sanitize.js'
import { COMMENT_MARKER, headMarker, reviewedHead } from './marker.js'

export { neutraliseMentions }

export { COMMENT_MARKER, headMarker, reviewedHead }
export { MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS } from '../limits.js'
import { MAX_CHECK_TEXT_CHARS, MAX_COMMENT_CHARS } from '../limits.js'

const STATUS_ICON: Record<ChecklistItem['status'], string> = { pass: '✅', fail: '❌', warn: '⚠️', na: '➖' }
const CONCLUSION_LINE: Record<Conclusion, string> = {
  failure: '🔴 **Merge blocked**',
  success: '🟢 **No blocking issues**',
  neutral: '⚪ **Not decided**',
  skipped: '⚪ **Skipped**'
}

/** Untrusted text for one table cell or list entry: markdown sanitized, kept to one line, pipes escaped. */
function cell(text: string): string {
  return tableCell(sanitizeInline(text))
}

function where(item: ChecklistItem, table = false): string {
  if (!item.path) return ''
  return `${codeSpan(`${item.path}${item.line ? `:${item.line}` : ''}`, { table })}${item.cell ? ` (${item.cell})` : ''}`
}

export function checklistTable(items: ChecklistItem[]): string {
  if (items.length === 0) return '_No checklist items._'
  const rows = items.map(
    (i) =>
      `| ${STATUS_ICON[i.status]} ${i.status} | ${cell(i.text)}${i.bias ? ' `bias`' : ''} | ${where(i, true)} | ${i.source} | ${codeSpan(i.id, { table: true })} |`
  )
  return ['| Status | Item | Where | Source | Id |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

export interface RenderInput {
  decision: Decision
  /** the agent's report, or the built-in report when the agent did not answer */
  report: string
  items: ChecklistItem[]
  headSha: string
  runUrl: string
  /** lines for the "what was not reviewed / redacted / why the agent did not run" part */
  notes: string[]
  /** the head moved while the review ran */
  staleFor?: string
  /** the review-friendly diffs of the files reviewed */
  diffs?: FileDiff[]
  /** `https://github.com/owner/repo`: every location links to its line at `headSha` */
  repoUrl?: string
  /**
   * the agent's own answer (null: the agent did not answer, and the items are the built-in report). When absent,
   * `report` is shown as the report.
   */
  agentReport?: string | null
  /** why the agent did not answer, when it did not */
  bridgeMessage?: string | null
  /** the `fail-on` the decision was taken under */
  failOn?: string
}

/** What changed, as a reviewer reads it: hyperparameter changes per config, cell changes per notebook. */
export function renderChanges(diffs: FileDiff[]): string {
  // the comment and the job summary both show the same diffs: sanitized once
  let hit = renderedChanges.get(diffs)
  if (hit === undefined) renderedChanges.set(diffs, (hit = renderChangesUncached(diffs)))
  return hit
}
const renderedChanges = new WeakMap<FileDiff[], string>()

function renderChangesUncached(diffs: FileDiff[]): string {
  const parts: string[] = []
  for (const d of diffs) {
    const lines = [`#### ${codeSpan(d.path)}`]
    // the summaries and cells quote the repository: markdown from the PR, sanitized like the agent's
    if (d.summary.trim() !== '') lines.push('', closeOpenFences(sanitizeMarkdown(d.summary.trim())))
    for (const n of d.notes) lines.push(`- _${sanitizeInline(n)}_`)
    if (d.cells)
      lines.push(
        '',
        '<details><summary>Cell diffs</summary>',
        '',
        closeOpenFences(sanitizeMarkdown(d.cells.trim())),
        '',
        '</details>'
      )
    else if (d.summary.trim() === '' && d.patch) lines.push('', fenced(d.patch.trim(), 'diff'))
    parts.push(lines.join('\n'))
  }
  // repository content shown on GitHub: no secrets, no pings
  return neutraliseMentions(redactSecrets(parts.join('\n\n')).text)
}

/** The changes inside a collapsed block, cut at a file or cell boundary to fit `budget`. */
function changesBlock(diffs: FileDiff[] | undefined, budget: number, runUrl: string): string {
  if (!diffs || diffs.length === 0) return ''
  const open = `<details><summary>Changes reviewed (${diffs.length} file${diffs.length === 1 ? '' : 's'})</summary>\n\n`
  const close = '\n\n</details>'
  const inner = fitSections(
    renderChanges(diffs),
    budget - open.length - close.length,
    `> ✂️ More changes in the [job summary](${runUrl}).`
  )
  // a cut inside an open <details> or code fence would swallow the rest of the comment
  const balanced = balance(inner)
  return `${open}${balanced}${close}`
}

/** Closes a code fence (found by the markdown parser) or one of our own <details> blocks left open by a cut. */
function balance(markdown: string): string {
  let out = closeOpenFences(markdown)
  const opened = (out.match(/<details>/g) ?? []).length - (out.match(/<\/details>/g) ?? []).length
  for (let i = 0; i < opened; i++) out += '\n\n</details>'
  return out
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** The notes as a list: at most 40, each at most 500 characters (the job summary keeps them all). */
function notesList(notes: string[]): string {
  const shown = notes.slice(0, 40).map((n) => `- ${sanitizeInline(clip(n, 500))}`)
  if (notes.length > 40) shown.push(`- … and ${notes.length - 40} more notes in the job summary`)
  return shown.join('\n')
}

function statusLine(d: Decision): string {
  return `${CONCLUSION_LINE[d.conclusion]} — ${d.reason}`
}

function itemsContext(input: RenderInput, moreAt: string): ItemsContext {
  return {
    decision: input.decision,
    items: input.items,
    headSha: input.headSha,
    repoUrl: input.repoUrl,
    failOn: input.failOn,
    moreAt
  }
}

/** The agent's report when it answered; null when the items already are the (built-in) report. */
function agentReportOf(input: RenderInput): string | null {
  return input.agentReport === undefined ? input.report : input.agentReport
}

/** Why there is no agent report, as one quoted line. */
function noAgentLine(input: RenderInput): string {
  // no message: nothing was asked (no ML changes), so there is nothing to explain
  if (agentReportOf(input) !== null || !input.bridgeMessage) return ''
  return `> The agent review did not run: ${sanitizeInline(clip(input.bridgeMessage, 500))} The items are those of the built-in checks.`
}

/** Splits markdown into chunks that each start at a heading, so a cut never lands inside a section. */
export function splitSections(markdown: string): string[] {
  const parts: string[] = []
  let current: string[] = []
  for (const line of markdown.split('\n')) {
    if (/^#{1,6}\s/.test(line) && current.length > 0) {
      parts.push(current.join('\n'))
      current = []
    }
    current.push(line)
  }
  if (current.length > 0) parts.push(current.join('\n'))
  return parts
}

/** Keeps whole sections of `markdown` while they fit in `budget` characters; says what was cut. */
export function fitSections(markdown: string, budget: number, cutNote: string): string {
  if (markdown.length <= budget) return markdown
  const room = budget - cutNote.length - 2
  let out = ''
  for (const part of splitSections(markdown)) {
    const next = out === '' ? part : `${out}\n${part}`
    if (next.length > room) break
    out = next
  }
  // a single first section longer than the whole budget: cut it at a line boundary
  if (out === '') out = markdown.slice(0, Math.max(0, room)).replace(/\n[^\n]*$/, '')
  return `${out}\n\n${cutNote}`
}

function footer(input: RenderInput): string {
  const short = input.headSha.slice(0, 7)
  return `<sub>Reviewed head \`${short}\` (${input.headSha}) · [workflow run](${input.runUrl}) · ML Engineering Review</sub>`
}

export function renderComment(input: RenderInput): string {
  const head = [COMMENT_MARKER, headMarker(input.headSha), '## ML Engineering Review', '', statusLine(input.decision)]
  const noAgent = noAgentLine(input)
  if (noAgent) head.push('', noAgent)
  if (input.staleFor) {
    head.push(
      '',
      `> [!WARNING]\n> This review is of \`${input.headSha.slice(0, 7)}\`; the PR head is now \`${input.staleFor.slice(0, 7)}\`. A newer run will update this comment.`
    )
  }
  const fixedHead = neutraliseMentions(head.join('\n'))
  // the decision and its items first, each once; the long parts collapsed
  const itemsPart = neutraliseMentions(
    fitSections(
      itemsSection(itemsContext(input, 'job summary')),
      Math.floor(MAX_COMMENT_CHARS / 3),
      `> ✂️ More items in the [job summary](${input.runUrl}).`
    )
  )
  const notes =
    input.notes.length === 0
      ? ''
      : input.notes.length <= 3
        ? `**Notes**\n\n${notesList(input.notes)}`
        : `<details><summary>Notes (${input.notes.length})</summary>\n\n${notesList(input.notes)}\n\n</details>`
  const tail = neutraliseMentions([notes, '---', footer(input)].filter((s) => s !== '').join('\n\n'))
  const changes = changesBlock(input.diffs, Math.floor(MAX_COMMENT_CHARS / 4), input.runUrl)
  const agent = agentReportOf(input)
  let reportPart = ''
  if (agent !== null) {
    const open = '<details><summary>Report of the agent</summary>\n\n'
    const close = '\n\n</details>'
    const cutNote = `> ✂️ The report was cut to fit a PR comment; the full report is in the [job summary](${input.runUrl}).`
    const budget =
      MAX_COMMENT_CHARS -
      fixedHead.length -
      itemsPart.length -
      changes.length -
      tail.length -
      open.length -
      close.length -
      16
    const report = neutraliseMentions(sanitizeMarkdown(agent))
    reportPart = `${open}${balance(fitSections(report, Math.max(0, budget), cutNote))}${close}`
  }
  const body = [fixedHead, itemsPart, reportPart, changes, tail].filter((p) => p !== '').join('\n\n')
  const cutNote = `> ✂️ Cut to fit a PR comment; the [job summary](${input.runUrl}) has everything.`
  // the last guard: GitHub refuses anything longer
  return body.length <= MAX_COMMENT_CHARS ? body : balance(fitSections(body, MAX_COMMENT_CHARS - 200, cutNote))
}

/** What an earlier review's comment becomes when the PR no longer changes ML files. */
export function renderNoChangesComment(headSha: string): string {
  return [
    COMMENT_MARKER,
    headMarker(headSha),
    '## ML Engineering Review',
    '',
    `⚪ No ML changes in this pull request any more (head \`${headSha.slice(0, 7)}\`).`
  ].join('\n')
}

/** The check run's output: summary (decision and items, as in the comment) and text (the agent's report). */
export function renderCheckOutput(input: RenderInput): { title: string; summary: string; text: string } {
  const g = groupItems(input.items, input.decision)
  const failed = g.blocking.length + g.failed.length
  const title =
    input.decision.conclusion === 'failure' || input.decision.conclusion === 'skipped'
      ? input.decision.reason
      : `${input.items.length} checklist item${input.items.length === 1 ? '' : 's'}, ${failed} failed${g.accepted.length > 0 ? `, ${g.accepted.length} accepted` : ''}`
  const summary = fitSections(
    neutraliseMentions(
      [
        statusLine(input.decision),
        itemsSection(itemsContext(input, 'job summary')),
        noAgentLine(input),
        input.notes.length > 0 ? `**Notes**\n\n${input.notes.map((n) => `- ${sanitizeInline(n)}`).join('\n')}` : ''
      ]
        .filter((p) => p !== '')
        .join('\n\n')
    ),
    MAX_CHECK_TEXT_CHARS,
    '> ✂️ Cut to fit; the job summary has everything.'
  )
  const agent = agentReportOf(input)
  const text = fitSections(
    agent !== null
      ? neutraliseMentions(sanitizeMarkdown(agent))
      : input.diffs && input.diffs.length > 0
        ? `### Changes reviewed\n\n${renderChanges(input.diffs)}`
        : '',
    MAX_CHECK_TEXT_CHARS,
    '> ✂️ Cut to fit; the job summary has the full report.'
  )
  return { title: title.slice(0, 1000), summary, text }
}

/** The job summary: the whole report and the checklist, cut only past what the runner accepts (1 MiB). */
export function renderSummary(input: RenderInput): string {
  const agent = agentReportOf(input)
  const whole = [
    '## ML Engineering Review',
    statusLine(input.decision),
    input.staleFor ? `> Reviewed \`${input.headSha}\`; the PR head is now \`${input.staleFor}\`.` : '',
    neutraliseMentions(itemsSection(itemsContext(input, ''), 1000)),
    noAgentLine(input),
    agent !== null ? `### Report of the agent\n\n${neutraliseMentions(sanitizeMarkdown(agent))}` : '',
    input.diffs && input.diffs.length > 0 ? `### Changes reviewed\n\n${renderChanges(input.diffs)}` : '',
    input.notes.length > 0 ? `### Notes\n\n${input.notes.map((n) => `- ${sanitizeInline(n)}`).join('\n')}` : '',
    footer(input)
  ]
    .filter((s) => s !== '')
    .join('\n\n')
  const note = `> ✂️ The job summary was cut to the 1 MiB the runner accepts; the check run and the comment hold the decision.`
  const budget = MAX_JOB_SUMMARY_BYTES - 8 * 1024
  if (Buffer.byteLength(whole) <= budget) return whole
  return `${balance(clipBytes(whole, budget - 1024).replace(/\n[^\n]*$/, ''))}\n\n${note}\n`
}
