// Parses the agent's ML Engineering Report (SPEC §6): sections, then the Responsible AI checklist items with their
// status, bias flag and location. Tolerates heading levels, bold headings, emoji, numbering and tables.
import type { ChecklistItem, ItemStatus } from '../types.js'
import { itemId, uniqueIds } from './ids.js'

export interface ReportSection {
  title: string
  body: string
}

export interface ParsedReport {
  sections: ReportSection[]
  checklist: ChecklistItem[]
  /** whether a Responsible AI Checklist section with at least one item was found */
  hasChecklist: boolean
}

const KNOWN_SECTIONS: [RegExp, string][] = [
  [/data\s*pipeline/i, 'Data Pipeline'],
  [/model\s*architecture/i, 'Model Architecture'],
  [/training\s*strategy/i, 'Training Strategy'],
  [/evaluation/i, 'Evaluation'],
  [/deployment/i, 'Deployment Plan'],
  [/responsible\s*ai|rai\s*checklist/i, 'Responsible AI Checklist']
]

const BIAS_RE =
  /\bbias|\bfair(ness)?\b|\bunfair|demographic|protected\s+(attribute|group|class|characteristic|feature)s?|sensitive\s+(attribute|feature|group|characteristic)s?|disparate\s+impact|equali[sz]ed\s+odds|equal(ized)?\s+opportunit|demographic\s+parity|sub-?group|per[- ]group|group[- ]wise/i

// The answer is untrusted: every pattern here runs on text whose whitespace runs were squeezed to one space, or is
// anchored and bounded, so a heading of 10,000 spaces or a 200 kB item costs linear time.
const HEADING_RE = /^(#{1,6})[ \t]+(.*)$/
const BOLD_LINE_RE = /^(?:\d{1,9}[.)] ?)?(?:\*\*|__)(.{1,400}?)(?:\*\*|__) ?:? ?$/
/** A bold line longer than this is emphasis, not a heading (and is not matched at all). */
const MAX_BOLD_LINE = 400
const LIST_RE = /^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$/
const TABLE_SEP_RE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/

/** Strips markdown decoration and leading emoji/numbering from a heading to compare it. */
function headingText(raw: string): string {
  const text = raw
    .replace(/[*_`]/g, '')
    .replace(/^[\p{Extended_Pictographic}\uFE0F\u200d\s]+/u, '')
    .replace(/^\d+(\.\d+)*[.)]?\s+/, '')
  return trimEndWhere(text, /[:\s]/).trim()
}

/** Whitespace runs as one space: what every later pattern sees, so none of them can backtrack over a long run. */
const squeeze = (text: string): string => text.replace(/\s+/g, ' ')

/** `text` without the trailing characters that `drop` accepts, one at a time (no backtracking). */
function trimEndWhere(text: string, drop: RegExp): string {
  const chars = [...text.slice(-4096)]
  let cut = chars.length
  while (cut > 0 && drop.test(chars[cut - 1])) cut--
  return text.slice(0, text.length - chars.slice(cut).join('').length)
}

function knownSection(text: string): string | null {
  for (const [re, name] of KNOWN_SECTIONS) if (re.test(text)) return name
  return null
}

const EXACT_SECTIONS = new Set(
  ['data pipeline', 'model architecture', 'training strategy', 'evaluation', 'deployment plan', 'deployment'].map((t) =>
    t.replace(/\s/g, '')
  )
)

/** A bold line inside the checklist ends it only when it is exactly the name of another section. */
function isExactOtherSection(text: string): boolean {
  return EXACT_SECTIONS.has(text.toLowerCase().replace(/[^a-z]/g, ''))
}

interface Heading {
  level: number
  text: string
}

function asHeading(line: string): Heading | null {
  const h = HEADING_RE.exec(line)
  if (h) return { level: h[1].length, text: headingText(trimEndWhere(squeeze(h[2]), /[\s#]/)) }
  const trimmed = squeeze(line).trim()
  if (trimmed.length > MAX_BOLD_LINE) return null
  const b = BOLD_LINE_RE.exec(trimmed)
  // a bold line is a heading only when it is short; long bold lines are emphasis
  if (b && b[1].length <= 80) return { level: 7, text: headingText(b[1]) }
  return null
}

/** How an item ends: a status word after a dash, colon or bracket (any case), an upper-case word, or a mark. */
function trailing(words: string, marks: string): RegExp[] {
  return [
    new RegExp(`[—–:(|-]\\s*(?:${words})\\s*\\)?\\.?$`, 'i'),
    new RegExp(`(?:^|\\s)(?:${words.toUpperCase()})\\s*\\)?\\.?$`),
    new RegExp(`(?:${marks})\\s*$`, 'u')
  ]
}

const TRAILING: [RegExp[], ItemStatus][] = [
  [trailing('fail|failed|fails|failure', '❌|✗|✘|🚫|⛔|🔴'), 'fail'],
  [trailing('warn|warning|warns', '⚠️?|🟡|🟠'), 'warn'],
  [trailing('pass|passed|passes|ok', '✅|✔️?|✓|☑️?|🟢'), 'pass'],
  [trailing('n/a', '➖'), 'na']
]

/** The explicit status of an item text, or null when it carries none. */
export function explicitStatus(raw: string): ItemStatus | null {
  const text = squeeze(raw)
  // the word or mark that ends the item is its verdict; prose before it may mention anything
  const tail = text.replace(/\*\*|__/g, '').trim()
  for (const [res, status] of TRAILING) if (res.some((re) => re.test(tail))) return status
  const found: ItemStatus[] = []
  if (/\bFAIL(ED|S|URE)?\b|❌|✗|✘|🚫|⛔|🔴/.test(text) || /[—–:-]\s*fail(ed|s|ure)?\s*\**\s*$/i.test(text))
    found.push('fail')
  if (/\bWARN(ING|S)?\b|⚠|🟡|🟠/.test(text) || /[—–:-]\s*warn(ing)?\s*\**\s*$/i.test(text)) found.push('warn')
  if (/\bPASS(ED|ES)?\b|✅|✔|✓|☑|🟢/.test(text) || /[—–:-]\s*pass(ed)?\s*\**\s*$/i.test(text)) found.push('pass')
  if (/(^|[\s(|])N\/A\b|\bnot applicable\b/i.test(text)) found.push('na')
  // one item with several marks: the most severe wins, so a failure is never hidden by a tick
  for (const s of ['fail', 'warn', 'pass', 'na'] as const) if (found.includes(s)) return s
  return null
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Finds `path:line`, `path#Lline`, or a changed file's path named in the text. */
export function locate(text: string, changedPaths: string[]): { path: string | null; line: number | null } {
  const at = (candidate: string): RegExpExecArray | null =>
    new RegExp(
      `(?:^|[\\s\`'"(\\[])${escapeRe(candidate)}(?![\\w/-]|\\.\\w)(?:(?::|#L|\\s+line\\s+|:L)(\\d+))?`,
      'i'
    ).exec(text)
  // every full path first, longest first, so `a/b/train.yaml` wins over `b/train.yaml`
  const sorted = [...changedPaths].sort((a, b) => b.length - a.length)
  for (const p of sorted) {
    const m = at(p)
    if (m) return { path: p, line: m[1] ? Number(m[1]) : null }
  }
  // then a bare file name, when only one changed file has it
  for (const p of sorted) {
    const base = p.split('/').pop() ?? p
    if (base === p || sorted.filter((q) => q.endsWith(`/${base}`) || q === base).length > 1) continue
    const m = at(base)
    if (m) return { path: p, line: m[1] ? Number(m[1]) : null }
  }
  const generic = /(?<![\w@+./-])([\w@+./-]{0,300}[\w-]\.[A-Za-z]{1,8})(?::|#L)(\d{1,9})/.exec(text)
  if (generic) return { path: generic[1], line: Number(generic[2]) }
  return { path: null, line: null }
}

/** Cleans an item's display text: checkbox, leading emoji and bold markers go, the words stay. */
function cleanItemText(raw: string): string {
  return trimEndWhere(
    squeeze(raw)
      .replace(/^\[[ xX]\]\s*/, '')
      .replace(/\*\*|__/g, '')
      .replace(/^[\p{Extended_Pictographic}\uFE0F\u200d\s]+/u, '')
      // the status and the location have columns of their own wherever items are shown
      .replace(/\s*\(\s*`?[^()\s`]+(?::|#L)\d+`?\s*\)/g, '')
      .replace(/(\s*[—–:-]\s*(PASS(ED)?|FAIL(ED)?|WARN(ING)?|N\/A)\b\.?)+\s*$/i, ''),
    /[\s\p{Extended_Pictographic}\uFE0F\u200d]/u
  ).trim()
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim())
}

interface RawItem {
  text: string
  subheading: string
  checkbox: 'checked' | 'unchecked' | null
}

function itemFrom(raw: RawItem, changedPaths: string[]): ChecklistItem {
  const text = cleanItemText(raw.text)
  const status: ItemStatus =
    explicitStatus(raw.text) ?? (raw.checkbox === 'checked' ? 'pass' : raw.checkbox === 'unchecked' ? 'fail' : 'warn')
  const { path, line } = locate(squeeze(raw.text), changedPaths)
  return {
    id: itemId(text),
    text,
    status,
    bias: BIAS_RE.test(text) || BIAS_RE.test(raw.subheading),
    source: 'bridge',
    path,
    line
  }
}

/** Parses the rows of a markdown table inside the checklist section into items. */
function tableItems(rows: string[], subheading: string): RawItem[] {
  if (rows.length === 0) return []
  const isSeparator = (row: string): boolean => row.length <= 2000 && TABLE_SEP_RE.test(squeeze(row))
  const hasHeader = rows.length > 1 && isSeparator(rows[1])
  const header = hasHeader ? tableCells(rows[0]).map((c) => c.toLowerCase()) : []
  const statusCol = header.findIndex((c) => /status|result|verdict|pass/.test(c))
  const body = hasHeader ? rows.slice(2) : rows.filter((r) => !isSeparator(r))
  return body.map((row) => {
    const cells = tableCells(row)
    const statusCell = statusCol >= 0 ? (cells[statusCol] ?? '') : ''
    const rest = cells.filter((_, i) => i !== statusCol && cells[i] !== '')
    const checkbox = /\[[xX]\]/.test(row) ? 'checked' : /\[ \]/.test(row) ? 'unchecked' : null
    // the status column speaks first; a bare word there ("Fail", "ok") counts even in lower case
    let text = rest.join(' — ')
    const st = statusCell.toLowerCase()
    if (statusCell !== '') {
      if (/^(fail|failed|no|✗)/.test(st)) text += ' — FAIL'
      else if (/^(warn|warning|partial)/.test(st)) text += ' — WARN'
      else if (/^(pass|passed|yes|ok|done)/.test(st)) text += ' — PASS'
      else if (/^n\/?a/.test(st)) text += ' — N/A'
      else text += ` — ${statusCell}`
    }
    return { text, subheading, checkbox }
  })
}

/** Parses a report. `changedPaths` lets items that name a changed file get a location. */
export function parseReport(markdown: string, changedPaths: string[] = []): ParsedReport {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const sections: ReportSection[] = []
  let current: { title: string; level: number; body: string[] } | null = null
  let inChecklist = false
  let checklistLevel = 0
  let subheading = ''
  const raw: RawItem[] = []
  let table: string[] = []
  let inFence = false

  const flushTable = (): void => {
    if (table.length > 0) raw.push(...tableItems(table, subheading))
    table = []
  }
  const closeSection = (): void => {
    if (current) sections.push({ title: current.title, body: current.body.join('\n').trim() })
  }

  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    const heading = inFence ? null : asHeading(line)
    if (heading) {
      const known = knownSection(heading.text)
      // a `#` heading ends the checklist at its level or above; a bold line only when it names another section
      const endsChecklist =
        inChecklist && (heading.level < 7 ? heading.level <= checklistLevel : isExactOtherSection(heading.text))
      if (inChecklist && !endsChecklist && known !== 'Responsible AI Checklist') {
        flushTable()
        subheading = heading.text
        current?.body.push(line)
        continue
      }
      if (known || !current || heading.level <= current.level) {
        flushTable()
        closeSection()
        current = { title: known ?? heading.text, level: heading.level, body: [] }
        inChecklist = known === 'Responsible AI Checklist'
        checklistLevel = heading.level
        subheading = ''
        continue
      }
      current.body.push(line)
      continue
    }
    current?.body.push(line)
    if (!inChecklist || inFence) continue
    if (/^\s*\|/.test(line)) {
      table.push(line)
      continue
    }
    flushTable()
    const li = LIST_RE.exec(line)
    if (li) {
      const body = li[2].trim()
      const checkbox = /^\[[xX]\]/.test(body) ? 'checked' : /^\[ \]/.test(body) ? 'unchecked' : null
      raw.push({ text: body, subheading, checkbox })
    } else if (/^\s{2,}\S/.test(line) && raw.length > 0 && !/^\s*$/.test(line)) {
      // an indented continuation line belongs to the item above
      raw[raw.length - 1].text += ' ' + line.trim()
    }
  }
  flushTable()
  closeSection()

  const checklist = uniqueIds(raw.filter((r) => cleanItemText(r.text) !== '').map((r) => itemFrom(r, changedPaths)))
  return { sections, checklist, hasChecklist: checklist.length > 0 }
}
