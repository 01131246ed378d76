// The checklist as a reviewer reads it, the same in the comment, the check run and the job summary: the decision's
// blocking items first, then the other failures, accepted and suppressed items; warnings and passes collapsed. Each
// item appears once, every location links to its line at the reviewed head, and the counts are those of the rows.
import type { ChecklistItem, ItemStatus } from '../types.js'
import type { Decision } from './decide.js'
import { codeSpan } from './escape.js'
import { sanitizeInline } from './sanitize.js'

export interface ItemsContext {
  decision: Decision
  items: ChecklistItem[]
  headSha: string
  /** `https://github.com/owner/repo`: locations become links at `headSha`; absent (a local review) they stay text */
  repoUrl?: string
  /** for "not blocking under fail-on: …" */
  failOn?: string
  /** where the items cut for length can be read in full */
  moreAt?: string
}

export interface ItemGroups {
  blocking: ChecklistItem[]
  /** failed, not accepted or suppressed, yet not blocking under `fail-on` */
  failed: ChecklistItem[]
  accepted: ChecklistItem[]
  suppressed: ChecklistItem[]
  warned: ChecklistItem[]
  passed: ChecklistItem[]
}

/** Every item in exactly one group. */
export function groupItems(items: ChecklistItem[], decision: Decision): ItemGroups {
  const blockingIds = new Set(decision.blocking.map((i) => i.id))
  const g: ItemGroups = { blocking: [], failed: [], accepted: [], suppressed: [], warned: [], passed: [] }
  for (const item of items) {
    if (blockingIds.has(item.id)) g.blocking.push(item)
    else if (item.accepted) g.accepted.push(item)
    else if (item.suppressed) g.suppressed.push(item)
    else if (item.status === 'fail') g.failed.push(item)
    else if (item.status === 'warn') g.warned.push(item)
    else g.passed.push(item)
  }
  // bias items first within a group, then by place
  const order = (a: ChecklistItem, b: ChecklistItem) =>
    Number(b.bias) - Number(a.bias) ||
    (a.path ?? '\uffff').localeCompare(b.path ?? '\uffff') ||
    (a.line ?? 0) - (b.line ?? 0)
  for (const list of Object.values(g) as ChecklistItem[][]) list.sort(order)
  return g
}

const ICON: Record<ItemStatus, string> = { fail: '❌', warn: '⚠️', pass: '✅', na: '➖' }

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Untrusted text for one list line. */
function inline(text: string, max = 300): string {
  return sanitizeInline(clip(text, max))
}

/** A path segment by segment, as GitHub's blob URLs take it. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** `path:line` as a link to the line at the reviewed head; a notebook item links the notebook and names its cell. */
export function locationLink(
  item: Pick<ChecklistItem, 'path' | 'line' | 'cell'>,
  ctx: Pick<ItemsContext, 'repoUrl' | 'headSha'>
): string {
  if (!item.path) return ''
  const notebook = item.path.toLowerCase().endsWith('.ipynb')
  const text = notebook ? item.path : `${item.path}${item.line ? `:${item.line}` : ''}`
  const cell = item.cell ? ` ${inline(item.cell, 60)}` : notebook && item.line ? ` line ${item.line} of the .ipynb` : ''
  if (!ctx.repoUrl || !/^[0-9a-f]{7,64}$/.test(ctx.headSha)) return `${codeSpan(text)}${cell}`
  // GitHub renders a notebook, where line anchors mean nothing: the link opens it, the cell says where
  const url = `${ctx.repoUrl}/blob/${ctx.headSha}/${encodePath(item.path)}${!notebook && item.line ? `#L${item.line}` : ''}`
  return `[${codeSpan(text)}](${url})${cell}`
}

/** The topic of an item: the check's title, or the agent's words. */
function title(item: ChecklistItem): string {
  return item.finding ? inline(item.finding.title, 200) : inline(item.text)
}

/** Who found it, when both the check and the agent did. */
function provenance(item: ChecklistItem): string {
  if (!item.agent || !item.finding) return ''
  const check = codeSpan(item.finding.check)
  if (item.agent.status === item.finding.status) return ` — built-in check ${check}, confirmed by the agent`
  return ` — built-in check ${check} says ${item.finding.status}, the agent says ${item.agent.status}: the stricter (${item.status}) stands`
}

function levelNote(item: ChecklistItem): string {
  return item.finding?.level ? ` (level \`${item.finding.level}\` in .github/ml-review.yml)` : ''
}

/** One item, once: status, what, where, its id (to accept it), then the evidence and, when asked, the fix. */
export function itemEntry(item: ChecklistItem, ctx: ItemsContext, opts: { fix?: boolean; icon?: string } = {}): string {
  const where = locationLink(item, ctx)
  const head = `- ${opts.icon ?? ICON[item.status]} **${title(item)}**${item.bias ? ' (bias)' : ''}${where ? ` — ${where}` : ''} · ${codeSpan(item.id)}${provenance(item)}${levelNote(item)}`
  const lines = [head]
  const evidence = item.finding ? item.finding.evidence : ''
  if (evidence) lines.push(`  ${codeSpan(clip(evidence, 300))}`)
  if (item.agent && item.agent.status !== item.finding?.status) lines.push(`  Agent: ${inline(item.agent.text)}`)
  if (opts.fix && item.finding?.fix) lines.push(`  Fix: ${inline(item.finding.fix)}`)
  if (item.accepted) {
    const a = item.accepted
    const link = a.url ? ` ([comment](${a.url}))` : ''
    lines.push(`  Accepted by ${codeSpan(a.by)} on ${inline(a.at.slice(0, 10), 20)}: ${inline(a.reason)}${link}`)
  }
  if (item.suppressed) {
    const s = item.suppressed
    lines.push(`  Suppressed at ${locationLink({ path: s.path, line: s.line }, ctx)}: ${inline(s.reason)}`)
  }
  // a backslash ends a line inside the list entry (a hard break), so each part keeps its own line
  return lines.join('\\\n')
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The counts, from the groups the rows are drawn from. */
export function countsLine(g: ItemGroups): string {
  const total = (Object.values(g) as ChecklistItem[][]).reduce((n, list) => n + list.length, 0)
  if (total === 0) return '_No checklist items._'
  const parts = [
    g.blocking.length > 0 ? `❌ ${g.blocking.length} blocking` : '',
    g.failed.length > 0 ? `❌ ${g.failed.length} failed, not blocking` : '',
    g.accepted.length > 0 ? `☑️ ${g.accepted.length} accepted` : '',
    g.suppressed.length > 0 ? `🔕 ${g.suppressed.length} suppressed` : '',
    g.warned.length > 0 ? `⚠️ ${plural(g.warned.length, 'warning')}` : '',
    g.passed.length > 0 ? `✅ ${g.passed.length} passed or n/a` : ''
  ].filter((p) => p !== '')
  return `**${plural(total, 'item')}**: ${parts.join(' · ')}`
}

function list(items: ChecklistItem[], ctx: ItemsContext, max: number, opts: { fix?: boolean; icon?: string }): string {
  const shown = items.slice(0, max).map((i) => itemEntry(i, ctx, opts))
  if (items.length > max) shown.push(`- … and ${items.length - max} more${ctx.moreAt ? ` in the ${ctx.moreAt}` : ''}`)
  return shown.join('\n')
}

function collapsed(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/**
 * The items section: counts, then blocking items (with their fix), failures that do not block, accepted items in
 * the open; suppressed items, warnings and passes collapsed. `max` bounds each list (the rest is counted).
 */
export function itemsSection(ctx: ItemsContext, max = 20): string {
  const g = groupItems(ctx.items, ctx.decision)
  const parts = ['### Checklist', countsLine(g)]
  if (g.blocking.length > 0)
    parts.push(`**Blocking (${g.blocking.length})**\n\n${list(g.blocking, ctx, max, { fix: true })}`)
  if (g.failed.length > 0) {
    const why = ctx.failOn ? ` under \`fail-on: ${ctx.failOn}\`` : ''
    parts.push(`**Failed, not blocking${why} (${g.failed.length})**\n\n${list(g.failed, ctx, max, {})}`)
  }
  if (g.accepted.length > 0)
    parts.push(`**Accepted, not blocking (${g.accepted.length})**\n\n${list(g.accepted, ctx, max, { icon: '☑️' })}`)
  if (g.suppressed.length > 0)
    parts.push(
      collapsed(
        `🔕 ${g.suppressed.length} suppressed in the changed files`,
        list(g.suppressed, ctx, max * 2, { icon: '🔕' })
      )
    )
  if (g.warned.length > 0)
    parts.push(collapsed(`⚠️ ${plural(g.warned.length, 'warning')}`, list(g.warned, ctx, max * 3, { fix: true })))
  if (g.passed.length > 0)
    parts.push(collapsed(`✅ ${g.passed.length} passed or not applicable`, list(g.passed, ctx, max * 3, {})))
  return parts.join('\n\n')
}
