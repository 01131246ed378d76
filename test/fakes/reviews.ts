// Pull-request reviews, review comments and their threads for the fake GitHub, as GitHub answers them: a review
// (or a single comment) is refused whole with 422 when one line is not on the diff's side (or GitHub will not take
// lines of a notebook), file-level comments take no line, only the author edits a comment, and the GraphQL API
// (GitHub's own schema, validated and executed with graphql-js) lists review threads and resolves them — or refuses
// to, as it does for the Actions GITHUB_TOKEN.
import type { ServerResponse } from 'node:http'
import { parsePatch } from 'diff'
import { schema as githubSchema, validate as validateQuery } from '@octokit/graphql-schema'
import { buildSchema, graphql, GraphQLError, type GraphQLSchema } from 'graphql'

export interface FakeReview {
  id: number
  node_id: string
  pull: number
  user: { login: string; type: string }
  body: string
  state: 'COMMENTED'
  commit_id: string
  html_url: string
}

export interface FakeReviewComment {
  id: number
  node_id: string
  pull: number
  pull_request_review_id: number
  path: string
  /** null for file-level comments */
  original_line: number | null
  original_start_line: number | null
  side: 'LEFT' | 'RIGHT'
  subject_type: 'line' | 'file'
  body: string
  user: { login: string; type: string }
  commit_id: string
  in_reply_to_id?: number
  html_url: string
}

export interface FakeThread {
  id: string
  pull: number
  /** first comment first */
  comments: number[]
  isResolved: boolean
}

let schema: GraphQLSchema | null = null
function graphqlSchema(): GraphQLSchema {
  schema ??= buildSchema(githubSchema.idl, { assumeValidSDL: true })
  return schema
}

/** What the review routes need of the fake: its pulls, contents, ids, identity and the way it answers. */
export interface ReviewHost {
  owner: string
  repo: string
  readOnly: boolean
  pulls: Map<number, { number: number; headSha: string; files: { filename: string; patch?: string }[] }>
  contents: Map<string, string | Buffer>
  identity(): { login: string; type: string }
  newId(): number
  send(res: ServerResponse, status: number, data: unknown): void
}

type Side = 'LEFT' | 'RIGHT'

/** Lines of a patch on each side, with the hunk they sit in. */
function sides(patch: string | undefined): Record<Side, Map<number, number>> | null {
  if (!patch) return null
  const out = { LEFT: new Map<number, number>(), RIGHT: new Map<number, number>() }
  parsePatch(patch)[0]?.hunks.forEach((h, i) => {
    let left = h.oldStart
    let right = h.newStart
    for (const l of h.lines) {
      if (l.startsWith(' ')) {
        out.LEFT.set(left++, i)
        out.RIGHT.set(right++, i)
      } else if (l.startsWith('-')) out.LEFT.set(left++, i)
      else if (l.startsWith('+')) out.RIGHT.set(right++, i)
    }
  })
  return out
}

interface DraftComment {
  path: string
  line?: number
  side?: string
  start_line?: number
  start_side?: string
  position?: number
  body: string
}

export class FakeReviews {
  reviews: FakeReview[] = []
  comments: FakeReviewComment[] = []
  threads: FakeThread[] = []
  /** GitHub will not place line comments on these paths (as it does with some notebook diffs) */
  refuseLinesOn = new Set<string>()
  /** whether the token may resolve threads (the Actions GITHUB_TOKEN may not) */
  canResolve = true
  graphqlRequests: { query: string; variables: Record<string, unknown> }[] = []

  constructor(private readonly host: ReviewHost) {}

  /** A comment by someone else (a person reviewing), in a thread of its own. */
  addForeign(pull: number, c: { path: string; line: number; body: string; login: string }): FakeReviewComment {
    const review = this.newReview(pull, '', { login: c.login, type: 'User' }, this.host.pulls.get(pull)?.headSha ?? '')
    return this.newComment(review, { path: c.path, line: c.line, body: c.body }, 'line')
  }

  /** The line of a comment at the PR's head now: kept while the file's line is unchanged, else null (outdated). */
  lineNow(c: FakeReviewComment): number | null {
    if (c.subject_type === 'file' || c.original_line === null) return null
    const head = this.host.pulls.get(c.pull)?.headSha
    if (!head || head === c.commit_id) return c.original_line
    const text = (sha: string): string[] | null => {
      const t = this.host.contents.get(`${sha}:${c.path}`)
      return t === undefined ? null : t.toString().split('\n')
    }
    const then = text(c.commit_id)
    const now = text(head)
    if (!then || !now) return null
    return then[c.original_line - 1] === now[c.original_line - 1] ? c.original_line : null
  }

  json(c: FakeReviewComment): Record<string, unknown> {
    const line = this.lineNow(c)
    return {
      id: c.id,
      node_id: c.node_id,
      pull_request_review_id: c.pull_request_review_id,
      path: c.path,
      line,
      original_line: c.original_line,
      start_line: c.original_start_line !== null && line !== null ? c.original_start_line : null,
      original_start_line: c.original_start_line,
      side: c.side,
      subject_type: c.subject_type,
      body: c.body,
      user: c.user,
      commit_id: c.commit_id,
      ...(c.in_reply_to_id !== undefined ? { in_reply_to_id: c.in_reply_to_id } : {}),
      html_url: c.html_url
    }
  }

  private newReview(pull: number, body: string, user: FakeReview['user'], commit: string): FakeReview {
    const id = this.host.newId()
    const review: FakeReview = {
      id,
      node_id: `PRR_${id}`,
      pull,
      user,
      body,
      state: 'COMMENTED',
      commit_id: commit,
      html_url: `https://github.com/${this.host.owner}/${this.host.repo}/pull/${pull}#pullrequestreview-${id}`
    }
    this.reviews.push(review)
    return review
  }

  private newComment(review: FakeReview, d: DraftComment, subject: 'line' | 'file'): FakeReviewComment {
    const id = this.host.newId()
    const c: FakeReviewComment = {
      id,
      node_id: `PRRC_${id}`,
      pull: review.pull,
      pull_request_review_id: review.id,
      path: d.path,
      original_line: subject === 'file' ? null : (d.line ?? null),
      original_start_line: subject === 'file' ? null : (d.start_line ?? null),
      side: d.side === 'LEFT' ? 'LEFT' : 'RIGHT',
      subject_type: subject,
      body: d.body,
      user: review.user,
      commit_id: review.commit_id,
      html_url: `https://github.com/${this.host.owner}/${this.host.repo}/pull/${review.pull}#discussion_r${id}`
    }
    this.comments.push(c)
    this.threads.push({ id: `PRRT_${id}`, pull: review.pull, comments: [id], isResolved: false })
    return c
  }

  /** Why GitHub would not place this comment on its line, or null. */
  private unplaceable(pull: number, d: DraftComment): string | null {
    const pr = this.host.pulls.get(pull)
    const file = pr?.files.find((f) => f.filename === d.path)
    if (!file) return 'Path could not be resolved'
    if (d.position !== undefined) return 'position is not supported by this fake; use line'
    if (d.line === undefined) return 'line is required unless subject_type is file'
    if (this.refuseLinesOn.has(d.path)) return 'Line could not be resolved'
    const s = sides(file.patch)
    const side = (d.side ?? 'RIGHT') as Side
    if (!s || (side !== 'LEFT' && side !== 'RIGHT')) return 'Line could not be resolved'
    const hunk = s[side].get(d.line)
    if (hunk === undefined) return 'pull_request_review_thread.line must be part of the diff'
    if (d.start_line !== undefined) {
      const startSide = (d.start_side ?? side) as Side
      if (d.start_line >= d.line) return 'pull_request_review_thread.start_line must precede the end line'
      if (s[startSide]?.get(d.start_line) !== hunk)
        return 'pull_request_review_thread.start_line must be part of the same hunk as the line'
    }
    return null
  }

  private refuse(res: ServerResponse, errors: string[]): void {
    this.host.send(res, 422, { message: 'Unprocessable Entity', errors, status: '422' })
  }

  /** POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews (the body already matches the documented schema). */
  createReview(res: ServerResponse, pull: number, body: Record<string, any>): void {
    const pr = this.host.pulls.get(pull)
    if (!pr) return this.host.send(res, 404, { message: 'Not Found' })
    if ((body.event === 'COMMENT' || body.event === 'REQUEST_CHANGES') && !body.body)
      return this.refuse(res, ['Body is required for a review with COMMENT or REQUEST_CHANGES'])
    const drafts = (body.comments ?? []) as DraftComment[]
    const errors = drafts.map((d) => this.unplaceable(pull, d)).filter((e): e is string => e !== null)
    if (errors.length > 0) return this.refuse(res, errors)
    const review = this.newReview(pull, body.body ?? '', this.host.identity(), body.commit_id ?? pr.headSha)
    for (const d of drafts) this.newComment(review, d, 'line')
    this.host.send(res, 200, {
      id: review.id,
      node_id: review.node_id,
      user: review.user,
      body: review.body,
      state: review.state,
      commit_id: review.commit_id,
      html_url: review.html_url
    })
  }

  /** POST /repos/{owner}/{repo}/pulls/{pull_number}/comments: one comment, a review of its own. */
  createComment(res: ServerResponse, pull: number, body: Record<string, any>): void {
    const pr = this.host.pulls.get(pull)
    if (!pr) return this.host.send(res, 404, { message: 'Not Found' })
    if (body.in_reply_to !== undefined) {
      const parent = this.comments.find((c) => c.id === body.in_reply_to && c.pull === pull)
      if (!parent) return this.host.send(res, 404, { message: 'Not Found' })
      const review = this.newReview(pull, '', this.host.identity(), parent.commit_id)
      const c = this.newComment(review, { path: parent.path, body: body.body }, parent.subject_type)
      c.in_reply_to_id = parent.id
      this.threads.pop()
      this.threads.find((t) => t.comments[0] === parent.id)?.comments.push(c.id)
      return this.host.send(res, 201, this.json(c))
    }
    if (body.subject_type === 'file') {
      if (!pr.files.some((f) => f.filename === body.path)) return this.refuse(res, ['Path could not be resolved'])
      if (body.line !== undefined) return this.refuse(res, ['line must not be given for a file-level comment'])
      const review = this.newReview(pull, '', this.host.identity(), body.commit_id)
      return this.host.send(res, 201, this.json(this.newComment(review, body as DraftComment, 'file')))
    }
    const why = this.unplaceable(pull, body as DraftComment)
    if (why) return this.refuse(res, [why])
    const review = this.newReview(pull, '', this.host.identity(), body.commit_id)
    this.host.send(res, 201, this.json(this.newComment(review, body as DraftComment, 'line')))
  }

  /** PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}: only its author may edit a comment. */
  updateComment(res: ServerResponse, id: number, body: Record<string, any>): void {
    const c = this.comments.find((x) => x.id === id)
    if (!c) return this.host.send(res, 404, { message: 'Not Found' })
    if (c.user.login !== this.host.identity().login)
      return this.host.send(res, 403, { message: 'Resource not accessible by integration' })
    c.body = body.body
    this.host.send(res, 200, this.json(c))
  }

  /** POST /graphql: GitHub's schema, validated, then executed on the fake's threads. */
  async graphql(res: ServerResponse, body: unknown): Promise<void> {
    const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> }
    if (typeof query !== 'string') return this.host.send(res, 400, { message: 'A query attribute must be specified' })
    this.graphqlRequests.push({ query, variables: variables ?? {} })
    const invalid = validateQuery(query)
    if (invalid.length > 0) {
      return this.host.send(res, 200, { errors: invalid.map((e) => ({ message: e.message, type: 'INVALID' })) })
    }
    const result = await graphql({
      schema: graphqlSchema(),
      source: query,
      variableValues: variables ?? {},
      rootValue: this.root()
    })
    const errors = result.errors?.map((e) => ({
      message: e.message,
      path: e.path,
      type: (e.extensions?.type as string | undefined) ?? 'INTERNAL'
    }))
    this.host.send(res, 200, { data: result.data ?? null, ...(errors ? { errors } : {}) })
  }

  private threadNode(t: FakeThread): Record<string, unknown> {
    const first = this.comments.find((c) => c.id === t.comments[0]) as FakeReviewComment
    const me = this.host.identity().login
    return {
      id: t.id,
      isResolved: t.isResolved,
      isOutdated: first.subject_type === 'line' && this.lineNow(first) === null,
      path: first.path,
      line: this.lineNow(first),
      viewerCanResolve: this.canResolve && !this.host.readOnly,
      comments: ({ first: n }: { first?: number }) => {
        const nodes = t.comments
          .slice(0, n ?? 100)
          .map((id) => this.comments.find((c) => c.id === id) as FakeReviewComment)
          .map((c) => ({
            id: c.node_id,
            databaseId: c.id,
            fullDatabaseId: String(c.id),
            body: c.body,
            viewerDidAuthor: c.user.login === me,
            // GraphQL names a bot without the `[bot]` that REST adds
            author: { __typename: c.user.type === 'Bot' ? 'Bot' : 'User', login: c.user.login.replace(/\[bot\]$/, '') }
          }))
        return { nodes, totalCount: t.comments.length, pageInfo: { hasNextPage: false, endCursor: null } }
      }
    }
  }

  private root(): Record<string, unknown> {
    const host = this.host
    return {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        if (owner !== host.owner || name !== host.repo) return null
        return {
          pullRequest: ({ number }: { number: number }) => {
            if (!host.pulls.has(number)) return null
            const threads = this.threads.filter((t) => t.pull === number)
            return {
              reviewThreads: ({ first, after }: { first?: number; after?: string }) => {
                const start = after ? Number(Buffer.from(after, 'base64').toString()) : 0
                const size = Math.min(first ?? 100, 100)
                const page = threads.slice(start, start + size)
                const end = start + page.length
                return {
                  nodes: page.map((t) => this.threadNode(t)),
                  totalCount: threads.length,
                  pageInfo: {
                    hasNextPage: end < threads.length,
                    endCursor: page.length ? Buffer.from(String(end)).toString('base64') : null
                  }
                }
              }
            }
          }
        }
      },
      resolveReviewThread: ({ input }: { input: { threadId: string } }) => {
        const t = this.threads.find((x) => x.id === input.threadId)
        if (!t)
          throw new GraphQLError(`Could not resolve to a node with the global id of '${input.threadId}'`, {
            extensions: { type: 'NOT_FOUND' }
          })
        if (!this.canResolve || host.readOnly)
          throw new GraphQLError('Resource not accessible by integration', { extensions: { type: 'FORBIDDEN' } })
        t.isResolved = true
        return { thread: this.threadNode(t) }
      }
    }
  }
}
