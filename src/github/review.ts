// Inline review comments: one pull-request review (event COMMENT) per reviewed head with a comment on each finding
// that sits on a line of the diff, a ```suggestion where the fix is mechanical, and file-level comments for the rest.
// Comments are ours by a hidden marker AND the token's identity; a re-run posts only what is not there yet, and a
// comment whose finding is gone or accepted is resolved (or, where the token may not resolve, edited to say so).
import { parsePatch } from 'diff'
import type { GitHub, Repo } from './client.js'
import { errorText, isPermissionError, statusOf } from './client.js'
import { findingsToItems } from '../report/builtin.js'
import { codeSpan } from '../report/escape.js'
import { neutraliseMentions, sanitizeInline } from '../report/sanitize.js'
import { verifiedSuggestion, type Suggestion } from '../report/suggestions.js'
import { whyItMatters } from '../report/why.js'
import type { ChangedFile, ChecklistItem, Finding } from '../types.js'

export type ReviewCommentsMode = 'failures' | 'all' | 'none'

/** Line comments in one review, and file-level comments (one request each) in one run: past these, the sticky comment. */
export const MAX_LINE_COMMENTS = 50
export const MAX_FILE_COMMENTS = 10
/** Suggestions checked by re-running the checks, per run. */
const MAX_SUGGESTIONS = 30

const MARKER_PREFIX = '<!-- ml-engineering-review:item='
const MARKER = /^<!-- ml-engineering-review:item=([\w-]{1,80})( agent)?( closed)? -->/

/** The hidden first line of our comments: the item, whether the agent reported it, whether it is closed. */
function marker(id: string, agent: boolean, closed = false): string {
  return `${MARKER_PREFIX}${id}${agent ? ' agent' : ''}${closed ? ' closed' : ''} -->`
}

/** A review comment to post: on a line (or a range, for a suggestion over several lines) or on the whole file. */
export interface PlannedComment {
  itemId: string
  path: string
  /** absent: a file-level comment */
  line?: number
  startLine?: number
  body: string
}

export interface ReviewPlan {
  lines: PlannedComment[]
  files: PlannedComment[]
  /** items that get a comment, placed or not (past a cap): their comments stay open */
  open: Set<string>
  /** why an item no longer gets one: accepted, suppressed (the rest are gone) */
  closedWhy: Map<string, string>
  /** open items past the caps, only in the sticky comment */
  overflow: number
}

/** Head lines of the diff that take a comment (added and context lines), each with its hunk; null: no patch. */
export function diffLines(patch: string | undefined): Map<number, number> | null {
  if (!patch) return null
  const lines = new Map<number, number>()
  try {
    parsePatch(patch)[0]?.hunks.forEach((h, i) => {
      let line = h.newStart
      for (const l of h.lines) {
        if (l.startsWith('+') || l.startsWith(' ')) lines.set(line++, i)
      }
    })
  } catch {
    return null
  }
  return lines
}

const ICON = { fail: '❌', warn: '⚠️' } as const

function suggestionBlock(s: Suggestion): string {
  let longest = 2
  for (const run of s.text.match(/`{3,}/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  return `${fence}suggestion\n${s.text}\n${fence}`
}

function where(item: ChecklistItem): string {
  if (item.line === null) return ''
  return `Line ${item.line}${item.cell ? ` (${item.cell})` : ''}: `
}

/** The text a reviewer reads: the finding, why it matters, the fix (committable where it is mechanical). */
export function commentBody(
  item: ChecklistItem,
  finding: Finding | undefined,
  suggestion: Suggestion | null,
  fileLevel: boolean
): string {
  const icon = item.status === 'fail' ? ICON.fail : ICON.warn
  const lines = [marker(item.id, item.source === 'bridge')]
  const at = fileLevel ? where(item) : ''
  if (finding) {
    lines.push(
      `${icon} ${at}**${sanitizeInline(finding.title)}**${item.bias ? ' (bias)' : ''} · ${codeSpan(finding.check)}`
    )
    const why = whyItMatters(finding.check)
    if (why) lines.push(why)
    if (finding.evidence) lines.push('', `Evidence: ${codeSpan(finding.evidence)}`)
    lines.push('', suggestion ? `${suggestionBlock(suggestion)}\n${finding.fix}` : `Fix: ${finding.fix}`)
  } else {
    lines.push(
      `${icon} ${at}${sanitizeInline(item.text)}${item.bias ? ' (bias)' : ''}`,
      '',
      "_From the agent's review._"
    )
  }
  return neutraliseMentions(lines.join('\n'))
}

/**
 * Which items get a comment and where (pure): failed items (`failures`) or failed and warned ones (`all`) in a
 * reviewed file; on the diff line when the line is in the diff, else on the file.
 */
export function planReview(input: {
  items: ChecklistItem[]
  findings: Finding[]
  /** builtin item id → its finding */
  findingOf: Map<string, Finding>
  files: ChangedFile[]
  mode: ReviewCommentsMode
}): ReviewPlan {
  const plan: ReviewPlan = { lines: [], files: [], open: new Set(), closedWhy: new Map(), overflow: 0 }
  if (input.mode === 'none') return plan
  const files = new Map(input.files.filter((f) => f.after !== null).map((f) => [f.path, f]))
  const statuses = input.mode === 'all' ? ['fail', 'warn'] : ['fail']
  let suggestions = 0
  for (const item of input.items) {
    if (item.accepted) {
      plan.closedWhy.set(item.id, `Accepted by ${item.accepted.by}: ${item.accepted.reason}`)
      continue
    }
    if (item.suppressed) {
      plan.closedWhy.set(
        item.id,
        `Silenced in ${item.suppressed.path}:${item.suppressed.line}: ${item.suppressed.reason}`
      )
      continue
    }
    if (!statuses.includes(item.status) || !item.path || !files.has(item.path)) continue
    const file = files.get(item.path) as ChangedFile
    plan.open.add(item.id)
    const lines = diffLines(file.patch)
    const finding = input.findingOf.get(item.id)
    const onDiff = item.line !== null && lines?.has(item.line) === true
    if (onDiff && plan.lines.length < MAX_LINE_COMMENTS) {
      let suggestion: Suggestion | null = null
      if (finding && suggestions < MAX_SUGGESTIONS) {
        suggestions++
        suggestion = verifiedSuggestion(finding, file)
      }
      // a suggestion over several lines needs all of them in one hunk of the diff
      if (
        suggestion &&
        (lines?.get(suggestion.startLine) !== lines?.get(item.line as number) ||
          lines?.get(suggestion.line) !== lines?.get(item.line as number))
      )
        suggestion = null
      const range = suggestion
        ? { line: suggestion.line, startLine: suggestion.startLine }
        : { line: item.line as number }
      plan.lines.push({
        itemId: item.id,
        path: item.path,
        line: range.line,
        ...(range.startLine !== undefined && range.startLine !== range.line ? { startLine: range.startLine } : {}),
        body: commentBody(item, finding, suggestion, false)
      })
    } else if (!onDiff && plan.files.length < MAX_FILE_COMMENTS) {
      plan.files.push({ itemId: item.id, path: item.path, body: commentBody(item, finding, null, true) })
    } else plan.overflow++
  }
  return plan
}

/** A file-level comment for what GitHub would not take on a line (notebook diffs, lines it cannot resolve). */
function toFileLevel(c: PlannedComment, item: ChecklistItem | undefined, finding: Finding | undefined): PlannedComment {
  return { itemId: c.itemId, path: c.path, body: item ? commentBody(item, finding, null, true) : c.body }
}

interface OurComment {
  id: number
  itemId: string
  agent: boolean
  closed: boolean
  path: string
  line: number | null
  fileLevel: boolean
  body: string
}

interface ListedReviewComment {
  id: number
  body: string
  path: string
  line?: number | null
  subject_type?: string
  in_reply_to_id?: number
  user: { login: string } | null
}

async function listOurs(gh: GitHub, repo: Repo, pull: number, login: string): Promise<OurComment[]> {
  const ours: OurComment[] = []
  const pages = gh.paginate.iterator(gh.rest.pulls.listReviewComments, { ...repo, pull_number: pull, per_page: 100 })
  for await (const page of pages) {
    for (const c of page.data as ListedReviewComment[]) {
      const m = MARKER.exec(c.body ?? '')
      if (!m || c.user?.login !== login || c.in_reply_to_id !== undefined) continue
      ours.push({
        id: c.id,
        itemId: m[1],
        agent: m[2] !== undefined,
        closed: m[3] !== undefined,
        path: c.path,
        line: c.line ?? null,
        fileLevel: c.subject_type === 'file',
        body: c.body
      })
    }
  }
  return ours
}

interface Thread {
  id: string
  isResolved: boolean
  viewerCanResolve: boolean
}

const THREADS = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        nodes { id isResolved viewerCanResolve comments(first: 1) { nodes { fullDatabaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`

const RESOLVE = `mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }`

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        nodes: {
          id: string
          isResolved: boolean
          viewerCanResolve: boolean
          comments: { nodes: { fullDatabaseId: string | null }[] }
        }[]
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
      }
    } | null
  } | null
}

/** The review threads of the PR by the id of their first comment. */
async function threadsByComment(gh: GitHub, repo: Repo, pull: number): Promise<Map<number, Thread>> {
  const out = new Map<number, Thread>()
  let cursor: string | null = null
  // bounded: 50 pages of 100 threads
  for (let page = 0; page < 50; page++) {
    const data: ThreadsPage = await gh.graphql<ThreadsPage>(THREADS, {
      owner: repo.owner,
      repo: repo.repo,
      number: pull,
      cursor
    })
    const threads = data.repository?.pullRequest?.reviewThreads
    if (!threads) break
    for (const t of threads.nodes) {
      const first = t.comments.nodes[0]?.fullDatabaseId
      if (first) out.set(Number(first), { id: t.id, isResolved: t.isResolved, viewerCanResolve: t.viewerCanResolve })
    }
    if (!threads.pageInfo.hasNextPage) break
    cursor = threads.pageInfo.endCursor
  }
  return out
}

/** Our comment's text once its finding is gone or accepted: the marker says so, the suggestion is dropped. */
export function closedBody(body: string, itemId: string, agent: boolean, why: string): string {
  const rest = body.replace(MARKER, '').replace(/\n`{3,}suggestion\n[\s\S]*?\n`{3,}(?=\n|$)/g, '')
  const headline = rest.trim().split('\n')[0] ?? ''
  return neutraliseMentions(
    `${marker(itemId, agent, true)}\n✅ ${sanitizeInline(why)}\n\n~~${headline.replace(/~/g, '\\~')}~~`
  )
}

export interface ReviewOutcome {
  /** line comments posted in the review */
  posted: number
  /** file-level comments posted */
  fileLevel: number
  /** comments already there for the same item and place */
  kept: number
  resolved: number
  edited: number
  reviewUrl: string
}

export class ReadOnlyToken extends Error {
  override name = 'ReadOnlyToken'
}

function reviewBody(headSha: string, lines: number, files: number, overflow: number): string {
  const parts = [`${lines} on the diff`]
  if (files > 0) parts.push(`${files} on files`)
  const more = overflow > 0 ? ` ${overflow} more findings are listed in the review comment only.` : ''
  return `<!-- ml-engineering-review:review head=${headSha} -->\n**ML Engineering Review** of ${codeSpan(headSha.slice(0, 7))}: ${parts.join(', ')}.${more} The full report is in the PR comment and the check run.`
}

/**
 * Publishes the plan on the PR at `headSha`: new comments only, in one review; the rest moved to file-level when
 * GitHub refuses their lines (422); comments of ours whose finding is gone or accepted resolved or marked so.
 * Throws ReadOnlyToken when the token cannot write.
 */
export async function publishReview(
  gh: GitHub,
  repo: Repo,
  pull: number,
  headSha: string,
  login: string,
  plan: ReviewPlan,
  context: {
    items: ChecklistItem[]
    findingOf: Map<string, Finding>
    /** the agent answered: without its answer, its items are not known to be gone */
    agentAnswered: boolean
  },
  log: (line: string) => void
): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = { posted: 0, fileLevel: 0, kept: 0, resolved: 0, edited: 0, reviewUrl: '' }
  const ours = await listOurs(gh, repo, pull, login)
  const active = ours.filter((c) => !c.closed)
  const matches = (c: OurComment, p: PlannedComment): boolean =>
    c.itemId === p.itemId && c.path === p.path && (p.line === undefined ? c.fileLevel : c.line === p.line)
  const keep = new Set<number>()
  const fresh = (planned: PlannedComment[]): PlannedComment[] =>
    planned.filter((p) => {
      const there = active.find((c) => matches(c, p))
      if (there) keep.add(there.id)
      return !there
    })
  let lines = fresh(plan.lines)
  const files = fresh(plan.files)
  outcome.kept = keep.size
  const byId = new Map(context.items.map((i) => [i.id, i]))
  const moveToFile = (which: (c: PlannedComment) => boolean): void => {
    for (const c of lines.filter(which)) {
      const f = toFileLevel(c, byId.get(c.itemId), context.findingOf.get(c.itemId))
      if (!active.some((a) => matches(a, f))) files.push(f)
    }
    lines = lines.filter((c) => !which(c))
  }

  // one review with every new line comment; GitHub refuses the whole review for one line it cannot place
  const attempts: ((c: PlannedComment) => boolean)[] = [(c) => c.path.toLowerCase().endsWith('.ipynb'), () => true]
  while (lines.length > 0) {
    try {
      const { data } = await gh.rest.pulls.createReview({
        ...repo,
        pull_number: pull,
        commit_id: headSha,
        event: 'COMMENT',
        body: reviewBody(headSha, lines.length, files.length, plan.overflow),
        comments: lines.map((c) => ({
          path: c.path,
          line: c.line as number,
          side: 'RIGHT',
          ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
          body: c.body
        }))
      })
      outcome.posted = lines.length
      outcome.reviewUrl = data.html_url
      break
    } catch (e) {
      if (isPermissionError(e)) throw new ReadOnlyToken(errorText(e), { cause: e })
      if (statusOf(e) !== 422) throw e
      const next = attempts.shift()
      if (!next) throw e
      const before = lines.length
      moveToFile(next)
      log(
        `GitHub refused the review's line comments (${errorText(e)}); ${before - lines.length} of them go on their files instead.`
      )
    }
  }

  // file-level comments take a request each: lines GitHub refused do not lift the cap
  if (files.length > MAX_FILE_COMMENTS) {
    log(
      `${files.length - MAX_FILE_COMMENTS} more file-level comments are left to the PR comment, which lists every finding.`
    )
    files.splice(MAX_FILE_COMMENTS)
  }
  for (const c of files) {
    try {
      await gh.rest.pulls.createReviewComment({
        ...repo,
        pull_number: pull,
        commit_id: headSha,
        path: c.path,
        subject_type: 'file',
        body: c.body
      })
      outcome.fileLevel++
    } catch (e) {
      if (isPermissionError(e)) throw new ReadOnlyToken(errorText(e), { cause: e })
      if (statusOf(e) !== 422) throw e
      log(
        `GitHub refused a comment on ${c.path} (${errorText(e)}); the finding is in the PR comment and the check run.`
      )
    }
  }

  // comments whose finding is gone, accepted, or now commented elsewhere
  const placed = new Set([...plan.lines, ...plan.files].map((p) => p.itemId))
  const stale = active.filter(
    (c) =>
      !keep.has(c.id) &&
      (!plan.open.has(c.itemId) || placed.has(c.itemId)) &&
      (!c.agent || context.agentAnswered || plan.closedWhy.has(c.itemId))
  )
  if (stale.length === 0) return outcome
  let threads = new Map<number, Thread>()
  try {
    threads = await threadsByComment(gh, repo, pull)
  } catch (e) {
    log(`Could not read the review threads (${errorText(e)}); comments are edited instead of resolved.`)
  }
  for (const c of stale) {
    const why =
      plan.closedWhy.get(c.itemId) ??
      (plan.open.has(c.itemId)
        ? `Moved: the finding is now commented at its new place (${headSha.slice(0, 7)}).`
        : `No longer found at ${headSha.slice(0, 7)}.`)
    const thread = threads.get(c.id)
    if (thread?.isResolved) continue
    if (thread?.viewerCanResolve) {
      try {
        await gh.graphql(RESOLVE, { id: thread.id })
        outcome.resolved++
        continue
      } catch (e) {
        log(`Could not resolve the thread of comment ${c.id} (${errorText(e)}); editing it instead.`)
      }
    }
    try {
      await gh.rest.pulls.updateReviewComment({
        ...repo,
        comment_id: c.id,
        body: closedBody(c.body, c.itemId, c.agent, why)
      })
      outcome.edited++
    } catch (e) {
      if (isPermissionError(e)) throw new ReadOnlyToken(errorText(e), { cause: e })
      if (statusOf(e) !== 404) throw e
    }
  }
  return outcome
}

export interface ReviewInput {
  mode: ReviewCommentsMode
  items: ChecklistItem[]
  findings: Finding[]
  files: ChangedFile[]
  /** the agent answered: without its answer, its items are not known to be gone */
  agentAnswered: boolean
}

/** Plans and publishes the review comments of one reviewed head. */
export async function reviewComments(
  gh: GitHub,
  repo: Repo,
  pull: number,
  headSha: string,
  login: string,
  input: ReviewInput,
  log: (line: string) => void
): Promise<ReviewOutcome> {
  // the built-in items carry the ids findingsToItems gave their findings, in the same order
  const builtinIds = findingsToItems(input.findings).map((i) => i.id)
  const findingOf = new Map(builtinIds.map((id, i) => [id, input.findings[i]]))
  const plan = planReview({ ...input, findingOf })
  return publishReview(
    gh,
    repo,
    pull,
    headSha,
    login,
    plan,
    {
      items: input.items,
      findingOf,
      agentAnswered: input.agentAnswered
    },
    log
  )
}
