// A local fake of the GitHub REST API, faithful where the action depends on it: pagination with Link headers, the
// 3000-file cap of the PR files API, raw and JSON contents (no content past 1 MB), 403 on GET /user for
// installation tokens, 422 on comments over 65,536 characters and on more than 50 annotations per request, and
// request bodies checked against GitHub's OpenAPI description. Every request is recorded.
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LocalServer, readBody } from './server.js'
import { documented, validateBody } from './openapi.js'
import { FakeReviews } from './reviews.js'

export interface FakeFile {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed'
  previous_filename?: string
  patch?: string
  additions?: number
  deletions?: number
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
  created_at: string
  updated_at: string
}

export interface FakeCheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  output: { title?: string; summary?: string; text?: string }
  annotations: Record<string, unknown>[]
  details_url?: string
}

export interface Recorded {
  method: string
  path: string
  /** the documented route template, e.g. `/repos/{owner}/{repo}/check-runs` */
  route: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: unknown
}

export interface PullSpec {
  number: number
  title?: string
  headSha: string
  baseSha: string
  headRef?: string
  baseRef?: string
  files: FakeFile[]
  /** the author's login (default `octocat`) */
  author?: string
  draft?: boolean
}

/** A repository role, as `role_name` of the collaborator permission API names it. */
export type FakeRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** A fault the fake answers with instead of serving a request: an API error, a rate limit, or no answer at all. */
export interface Fault {
  method: string
  /** the documented route template */
  route: string
  status?: number
  headers?: Record<string, string>
  body?: unknown
  /** never answer (the connection stays open until the fake stops) */
  hang?: boolean
  /** how many matching requests get the fault (default: all) */
  times?: number
  /** only requests this accepts */
  when?: (r: Recorded) => boolean
}

class Injected extends Error {
  constructor(readonly fault: Fault) {
    super('injected fault')
  }
}

/** Ready-made faults as GitHub sends them. */
export const faults = {
  secondaryRateLimit: (retryAfter = 1): Partial<Fault> => ({
    status: 403,
    headers: { 'retry-after': String(retryAfter) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
    }
  }),
  primaryRateLimit: (resetInSeconds = 1): Partial<Fault> => ({
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
    },
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com' }
  }),
  tooManyRequests: (retryAfter = 1): Partial<Fault> => ({
    status: 429,
    headers: { 'retry-after': String(retryAfter) },
    body: { message: 'Too Many Requests' }
  }),
  readOnly: (): Partial<Fault> => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
  serverError: (): Partial<Fault> => ({ status: 500, body: { message: 'Server Error' } }),
  notFound: (): Partial<Fault> => ({ status: 404, body: { message: 'Not Found' } }),
  invalid: (message = 'Validation Failed'): Partial<Fault> => ({ status: 422, body: { message } })
}

const MAX_FILES = 3000

/** A changed file as the PR files and compare APIs list it. */
function fileEntry(f: FakeFile): Record<string, unknown> {
  return {
    sha: 'f'.repeat(40),
    filename: f.filename,
    status: f.status,
    additions: f.additions ?? 1,
    deletions: f.deletions ?? 0,
    changes: (f.additions ?? 1) + (f.deletions ?? 0),
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {})
  }
}
const now = (): number => performance.now()
const MAX_COMMENT = 65536
const BOT = { login: 'github-actions[bot]', type: 'Bot' }

export class FakeGitHub extends LocalServer {
  readonly owner: string
  readonly repo: string
  requests: Recorded[] = []
  pulls = new Map<number, PullSpec>()
  /** `${ref}:${path}` → content */
  contents = new Map<string, string | Buffer>()
  comments = new Map<number, FakeComment[]>()
  checkRuns: FakeCheckRun[] = []
  reactions: { commentId: number; content: string }[] = []
  /** contents requests for these paths fail with 422 */
  brokenPaths = new Set<string>()
  /** commit sha → every file path at it (for the git trees API) */
  trees = new Map<string, string[]>()
  /** recursive tree listings longer than this come back `truncated` (GitHub: 100,000 entries) */
  treeLimit = 100_000
  /** installation tokens get 403 from GET /user; a user token gets this login */
  userLogin: string | null = null
  /** every write answers 403, as for a fork's read-only GITHUB_TOKEN */
  readOnly = false
  /** added to every answer */
  latencyMs = 0
  /** when each request arrived and was answered (ms since the fake started): what the action asks for in parallel */
  spans: { path: string; start: number; end: number }[] = []
  /** called before each request is answered; may change state (e.g. move a PR head) */
  onRequest?: (r: Recorded) => void
  /** answered instead of the real thing, first match first */
  faults: Fault[] = []
  /** the GitHub App of installation tokens: its check runs carry it, its comments are by `<slug>[bot]` */
  appSlug = 'github-actions'
  /** login → role on the repository; unknown logins answer 404, as for a user GitHub does not know */
  roles = new Map<string, FakeRole>()
  /** `${base}...${head}` → the compare API's files and commits between them */
  compares = new Map<string, { files: FakeFile[]; commits: string[] }>()
  /** full ref (`refs/heads/…`) → commit sha, for the matching-refs API */
  refs = new Map<string, string>()
  private nextId = 1000
  /** comments get increasing creation times, one second apart */
  private clock = Date.parse('2026-01-01T00:00:00Z')
  /** pull-request reviews, review comments and threads (REST and GraphQL) */
  readonly review = ((fake: FakeGitHub) =>
    new FakeReviews({
      get owner() {
        return fake.owner
      },
      get repo() {
        return fake.repo
      },
      get readOnly() {
        return fake.readOnly
      },
      pulls: fake.pulls,
      contents: fake.contents,
      identity: () => fake.identity(),
      newId: () => fake.nextId++,
      send: (res, status, data) => fake.send(res, status, data)
    }))(this)

  constructor(full = 'octo-org/ml-repo') {
    super()
    const [o, r] = full.split('/')
    this.owner = o
    this.repo = r
  }

  /** Who the token writes as: the user of a user token, else the App's bot. */
  identity(): { login: string; type: string } {
    return this.userLogin ? { login: this.userLogin, type: 'User' } : { login: this.botLogin, type: 'Bot' }
  }

  /** Loads GitHub's API description before the first request, so no request waits for it. */
  override async start(): Promise<string> {
    documented('GET', '/user')
    return super.start()
  }

  addPull(p: PullSpec): void {
    this.pulls.set(p.number, p)
  }

  setContent(ref: string, path: string, text: string | Buffer): void {
    this.contents.set(`${ref}:${path}`, text)
  }

  addComment(issue: number, body: string, user = BOT): FakeComment {
    const at = new Date((this.clock += 1000)).toISOString()
    const c = {
      id: this.nextId++,
      body,
      user,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue}#issuecomment-${this.nextId}`,
      created_at: at,
      updated_at: at
    }
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), c])
    return c
  }

  /** Answers matching requests with a fault (see `faults`) instead of serving them. */
  fail(method: string, route: string, fault: Partial<Fault>, times?: number, when?: (r: Recorded) => boolean): void {
    this.faults.push({ method, route, ...fault, ...(times !== undefined ? { times } : {}), ...(when ? { when } : {}) })
  }

  get botLogin(): string {
    return `${this.appSlug}[bot]`
  }

  /** The most requests whose path matches that were being answered at once. */
  maxInFlight(path: RegExp = /./): number {
    const edges = this.spans
      .filter((s) => path.test(s.path))
      .flatMap((s) => [
        [s.start, 1],
        [s.end || Infinity, -1]
      ])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    let now = 0
    let most = 0
    for (const [, d] of edges) most = Math.max(most, (now += d))
    return most
  }

  /** Requests to one route template (and method). */
  calls(method: string, route: string): Recorded[] {
    return this.requests.filter((r) => r.method === method && r.route === route)
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const span = { path: decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname), start: now(), end: 0 }
    this.spans.push(span)
    res.once('close', () => (span.end = now()))
    const raw = await readBody(req)
    const u = new URL(req.url ?? '/', 'http://x')
    let body: unknown = undefined
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        return this.send(res, 400, { message: 'Problems parsing JSON' })
      }
    }
    const rec: Recorded = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(u.pathname),
      route: '',
      query: u.searchParams,
      headers: req.headers,
      body
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs))
    const auth = req.headers.authorization ?? ''
    if (!/^(token|bearer) \S+/i.test(auth)) {
      this.requests.push(rec)
      return this.send(res, 401, { message: 'Requires authentication' })
    }
    try {
      if (rec.method === 'POST' && rec.path === '/graphql') {
        rec.route = '/graphql'
        this.requests.push(rec)
        this.onRequest?.(rec)
        const fault = this.faults.find(
          (f) => f.method === 'POST' && f.route === '/graphql' && (f.times ?? 1) > 0 && (!f.when || f.when(rec))
        )
        if (fault) {
          if (fault.times !== undefined) fault.times--
          throw new Injected(fault)
        }
        return await this.review.graphql(res, rec.body)
      }
      this.route(rec, res)
    } catch (e) {
      if (e instanceof Injected) {
        if (e.fault.hang) return
        return this.send(res, e.fault.status ?? 500, e.fault.body ?? { message: 'fault' }, e.fault.headers)
      }
      this.send(res, 500, { message: String(e) })
    }
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data)
    res.writeHead(status, {
      'content-type': typeof data === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...headers
    })
    res.end(text)
  }

  private paginate<T>(res: ServerResponse, rec: Recorded, all: T[]): void {
    const perPage = Math.min(100, Number(rec.query.get('per_page') ?? 30) || 30)
    const page = Math.max(1, Number(rec.query.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const links: string[] = []
    const link = (p: number, rel: string): string => {
      const q = new URLSearchParams(rec.query)
      q.set('page', String(p))
      q.set('per_page', String(perPage))
      return `<${this.url}${rec.path}?${q.toString()}>; rel="${rel}"`
    }
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    this.send(res, 200, all.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {})
  }

  private writeRefused(res: ServerResponse): boolean {
    if (!this.readOnly) return false
    this.send(res, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403'
    })
    return true
  }

  private route(rec: Recorded, res: ServerResponse): void {
    const repoPrefix = `/repos/${this.owner}/${this.repo}`
    const p = rec.path
    const m = rec.method
    const match = (re: RegExp): RegExpExecArray | null =>
      p.startsWith(repoPrefix) ? re.exec(p.slice(repoPrefix.length)) : null
    const record = (route: string): void => {
      rec.route = route
      if (!documented(m, route)) throw new Error(`the fake serves ${m} ${route}, which GitHub does not document`)
      this.requests.push(rec)
      this.onRequest?.(rec)
      const fault = this.faults.find(
        (f) => f.method === m && f.route === route && (f.times ?? 1) > 0 && (!f.when || f.when(rec))
      )
      if (fault) {
        if (fault.times !== undefined) fault.times--
        throw new Injected(fault)
      }
    }
    const invalid = (route: string): boolean => {
      const errors = validateBody(m, route, rec.body)
      if (errors.length === 0) return false
      this.send(res, 422, { message: 'Invalid request.', errors })
      return true
    }
    let g: RegExpExecArray | null

    if (m === 'GET' && p === '/user') {
      record('/user')
      if (!this.userLogin) return this.send(res, 403, { message: 'Resource not accessible by integration' })
      return this.send(res, 200, { login: this.userLogin, type: 'User' })
    }
    if (m === 'GET' && (g = match(/^\/pulls\/(\d+)$/))) {
      record('/repos/{owner}/{repo}/pulls/{pull_number}')
      const pr = this.pulls.get(Number(g[1]))
      if (!pr) return this.send(res, 404, { message: 'Not Found' })
      return this.send(res, 200, {
        number: pr.number,
        title: pr.title ?? `PR ${pr.number}`,
        state: 'open',
        html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pr.number}`,
        changed_files: pr.files.length,
        draft: pr.draft ?? false,
        user: { login: pr.author ?? 'octocat', type: 'User' },
        head: { sha: pr.headSha, ref: pr.headRef ?? 'feature' },
        base: { sha: pr.baseSha, ref: pr.baseRef ?? 'main' }
      })
    }
    if (m === 'GET' && (g = match(/^\/pulls\/(\d+)\/files$/))) {
      record('/repos/{owner}/{repo}/pulls/{pull_number}/files')
      const pr = this.pulls.get(Number(g[1]))
      if (!pr) return this.send(res, 404, { message: 'Not Found' })
      const files = pr.files.slice(0, MAX_FILES).map(fileEntry)
      return this.paginate(res, rec, files)
    }
    if (m === 'GET' && (g = match(/^\/contents\/(.+)$/))) {
      record('/repos/{owner}/{repo}/contents/{path}')
      const ref = rec.query.get('ref') ?? 'HEAD'
      if (this.brokenPaths.has(g[1])) return this.send(res, 422, { message: 'Unprocessable Entity (fake)' })
      const content = this.contents.get(`${ref}:${g[1]}`)
      if (content === undefined) return this.send(res, 404, { message: 'Not Found' })
      const buf = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')
      if (/raw/.test(String(rec.headers.accept ?? ''))) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        return void res.end(buf)
      }
      const big = buf.length > 1024 * 1024
      return this.send(res, 200, {
        type: 'file',
        path: g[1],
        size: buf.length,
        encoding: big ? 'none' : 'base64',
        content: big ? '' : buf.toString('base64')
      })
    }
    if (m === 'GET' && (g = match(/^\/issues\/(\d+)\/comments$/))) {
      record('/repos/{owner}/{repo}/issues/{issue_number}/comments')
      return this.paginate(res, rec, this.comments.get(Number(g[1])) ?? [])
    }
    if (m === 'POST' && (g = match(/^\/issues\/(\d+)\/comments$/))) {
      const route = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
      record(route)
      if (this.writeRefused(res) || invalid(route)) return
      const text = (rec.body as { body: string }).body
      if (this.commentTooLong(text, res)) return
      const author = this.identity()
      const c = this.addComment(Number(g[1]), text, author)
      return this.send(res, 201, c)
    }
    if (m === 'PATCH' && (g = match(/^\/issues\/comments\/(\d+)$/))) {
      const route = '/repos/{owner}/{repo}/issues/comments/{comment_id}'
      record(route)
      if (this.writeRefused(res) || invalid(route)) return
      const text = (rec.body as { body: string }).body
      const c = [...this.comments.values()].flat().find((x) => x.id === Number(g?.[1]))
      if (!c) return this.send(res, 404, { message: 'Not Found' })
      if (this.commentTooLong(text, res)) return
      c.body = text
      return this.send(res, 200, c)
    }
    if (m === 'DELETE' && (g = match(/^\/issues\/comments\/(\d+)$/))) {
      record('/repos/{owner}/{repo}/issues/comments/{comment_id}')
      if (this.writeRefused(res)) return
      for (const [issue, list] of this.comments) {
        const i = list.findIndex((x) => x.id === Number(g?.[1]))
        if (i >= 0) {
          this.comments.set(
            issue,
            list.filter((_, j) => j !== i)
          )
          res.writeHead(204)
          return void res.end()
        }
      }
      return this.send(res, 404, { message: 'Not Found' })
    }
    if (m === 'POST' && match(/^\/check-runs$/)) {
      const route = '/repos/{owner}/{repo}/check-runs'
      record(route)
      if (this.writeRefused(res) || invalid(route) || this.tooManyAnnotations(rec, res)) return
      const b = rec.body as Record<string, any>
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: b.name,
        head_sha: b.head_sha,
        status: b.conclusion ? 'completed' : (b.status ?? 'queued'),
        conclusion: b.conclusion ?? null,
        output: b.output ?? {},
        annotations: [...(b.output?.annotations ?? [])],
        details_url: b.details_url
      }
      this.checkRuns.push(run)
      return this.send(res, 201, {
        id: run.id,
        name: run.name,
        head_sha: run.head_sha,
        status: run.status,
        conclusion: run.conclusion,
        html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`,
        app: { id: 15368, slug: this.appSlug, name: this.appSlug }
      })
    }
    if (m === 'PATCH' && (g = match(/^\/check-runs\/(\d+)$/))) {
      const route = '/repos/{owner}/{repo}/check-runs/{check_run_id}'
      record(route)
      if (this.writeRefused(res) || invalid(route) || this.tooManyAnnotations(rec, res)) return
      const run = this.checkRuns.find((r) => r.id === Number(g?.[1]))
      if (!run) return this.send(res, 404, { message: 'Not Found' })
      const b = rec.body as Record<string, any>
      if (b.name) run.name = b.name
      if (b.status) run.status = b.status
      if (b.conclusion) {
        run.conclusion = b.conclusion
        run.status = 'completed'
      }
      if (b.output) {
        const { annotations, ...rest } = b.output
        run.output = { ...run.output, ...rest }
        run.annotations.push(...(annotations ?? []))
      }
      return this.send(res, 200, { id: run.id, status: run.status, conclusion: run.conclusion })
    }
    if (m === 'GET' && (g = match(/^\/collaborators\/([^/]+)\/permission$/))) {
      record('/repos/{owner}/{repo}/collaborators/{username}/permission')
      const role = this.roles.get(g[1])
      if (!role) return this.send(res, 404, { message: 'Not Found' })
      // `permission` is the older name, which folds maintain into write and triage into read
      const legacy = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read', none: 'none' }
      return this.send(res, 200, { permission: legacy[role], role_name: role, user: { login: g[1], type: 'User' } })
    }
    if (m === 'GET' && (g = match(/^\/git\/matching-refs\/(.+)$/))) {
      record('/repos/{owner}/{repo}/git/matching-refs/{ref}')
      const prefix = `refs/${g[1]}`
      const refs = [...this.refs].filter(([ref]) => ref.startsWith(prefix))
      return this.send(
        res,
        200,
        refs.map(([ref, sha]) => ({ ref, node_id: 'REF_1', url: '', object: { sha, type: 'commit', url: '' } }))
      )
    }
    if (m === 'GET' && (g = match(/^\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/))) {
      record('/repos/{owner}/{repo}/compare/{basehead}')
      const known = this.compares.get(`${g[1]}...${g[2]}`)
      if (known) {
        // as GitHub answers: at most 300 files, at most 250 commits
        const files = known.files.slice(0, 300).map(fileEntry)
        return this.send(res, 200, {
          status: 'ahead',
          ahead_by: known.commits.length,
          behind_by: 0,
          total_commits: known.commits.length,
          merge_base_commit: { sha: g[1] },
          commits: known.commits.slice(0, 250).map((sha) => ({ sha })),
          files
        })
      }
      if (!this.trees.has(g[1]) || !this.trees.has(g[2])) return this.send(res, 404, { message: 'Not Found' })
      return this.send(res, 200, { status: 'ahead', merge_base_commit: { sha: g[1] }, files: [], commits: [] })
    }
    if (m === 'GET' && (g = match(/^\/git\/trees\/([^/]+)$/))) {
      record('/repos/{owner}/{repo}/git/trees/{tree_sha}')
      return this.sendTree(res, g[1], rec.query.get('recursive') !== null)
    }
    if (m === 'POST' && (g = match(/^\/issues\/comments\/(\d+)\/reactions$/))) {
      const route = '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'
      record(route)
      if (this.writeRefused(res) || invalid(route)) return
      this.reactions.push({ commentId: Number(g[1]), content: (rec.body as { content: string }).content })
      return this.send(res, 201, { id: this.nextId++, content: (rec.body as { content: string }).content })
    }
    if ((g = match(/^\/pulls\/(\d+)\/reviews$/))) {
      const route = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'
      record(route)
      if (m === 'GET') {
        const reviews = this.review.reviews.filter((r) => r.pull === Number(g?.[1]))
        return this.paginate(
          res,
          rec,
          reviews.map(({ pull: _, ...r }) => r)
        )
      }
      if (m !== 'POST') return this.send(res, 404, { message: 'Not Found' })
      if (this.writeRefused(res) || invalid(route)) return
      return this.review.createReview(res, Number(g[1]), rec.body as Record<string, any>)
    }
    if ((g = match(/^\/pulls\/(\d+)\/comments$/))) {
      const route = '/repos/{owner}/{repo}/pulls/{pull_number}/comments'
      record(route)
      if (m === 'GET') {
        const comments = this.review.comments.filter((c) => c.pull === Number(g?.[1]))
        return this.paginate(
          res,
          rec,
          comments.map((c) => this.review.json(c))
        )
      }
      if (m !== 'POST') return this.send(res, 404, { message: 'Not Found' })
      if (this.writeRefused(res) || invalid(route)) return
      return this.review.createComment(res, Number(g[1]), rec.body as Record<string, any>)
    }
    if (m === 'PATCH' && (g = match(/^\/pulls\/comments\/(\d+)$/))) {
      const route = '/repos/{owner}/{repo}/pulls/comments/{comment_id}'
      record(route)
      if (this.writeRefused(res) || invalid(route)) return
      return this.review.updateComment(res, Number(g[1]), rec.body as Record<string, any>)
    }
    rec.route = `UNHANDLED ${p}`
    this.requests.push(rec)
    this.send(res, 404, { message: 'Not Found (fake)' })
  }

  private subtrees = new Map<string, { commit: string; dir: string }>()
  private subtreeSha(commit: string, dir: string): string {
    const sha = createHash('sha1').update(`${commit}:${dir}`).digest('hex')
    this.subtrees.set(sha, { commit, dir })
    return sha
  }

  /** Serves a tree: `treeSha` is a commit (the root) or a subtree sha this fake handed out. */
  private sendTree(res: ServerResponse, treeSha: string, recursive: boolean): void {
    const { commit, dir } = this.subtrees.get(treeSha) ?? { commit: treeSha, dir: '' }
    const paths = this.trees.get(commit)
    if (!paths) return this.send(res, 404, { message: 'Not Found' })
    const under = paths.filter((p) => p.startsWith(dir)).map((p) => p.slice(dir.length))
    const size = (p: string): number => {
      const c = this.contents.get(`${commit}:${dir}${p}`)
      return c === undefined ? 10 : c.length
    }
    // as git does: the same content has the same blob sha at any commit
    const blobSha = (p: string): string => {
      const c = this.contents.get(`${commit}:${dir}${p}`)
      return c === undefined ? 'e'.repeat(40) : createHash('sha1').update(c).digest('hex')
    }
    if (recursive) {
      const dirs = new Set<string>()
      for (const p of under) {
        const parts = p.split('/')
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
      }
      const tree = [
        ...[...dirs].map((d) => ({
          path: d,
          mode: '040000',
          type: 'tree',
          sha: this.subtreeSha(commit, `${dir}${d}/`)
        })),
        ...under.map((p) => ({ path: p, mode: '100644', type: 'blob', sha: blobSha(p), size: size(p) }))
      ]
      const truncated = tree.length > this.treeLimit
      return this.send(res, 200, { sha: treeSha, url: '', tree: tree.slice(0, this.treeLimit), truncated })
    }
    const level = new Map<string, Record<string, unknown>>()
    for (const p of under) {
      const [first, ...rest] = p.split('/')
      if (rest.length === 0)
        level.set(first, { path: first, mode: '100644', type: 'blob', sha: blobSha(p), size: size(p) })
      else
        level.set(first, { path: first, mode: '040000', type: 'tree', sha: this.subtreeSha(commit, `${dir}${first}/`) })
    }
    return this.send(res, 200, { sha: treeSha, url: '', tree: [...level.values()], truncated: false })
  }

  private commentTooLong(text: string, res: ServerResponse): boolean {
    if (text.length <= MAX_COMMENT) return false
    const error = {
      resource: 'IssueComment',
      code: 'custom',
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)'
    }
    this.send(res, 422, { message: 'Validation Failed', errors: [error] })
    return true
  }

  private tooManyAnnotations(rec: Recorded, res: ServerResponse): boolean {
    const annotations =
      (rec.body as { output?: { annotations?: { message?: string; raw_details?: string; title?: string }[] } })?.output
        ?.annotations ?? []
    if (annotations.length > 50) {
      this.send(res, 422, { message: 'Invalid request.\n\nOnly 50 annotations are allowed per request.' })
      return true
    }
    // the documented sizes: message and raw_details 64 KB, title 255 characters
    const tooBig = annotations.some(
      (a) =>
        Buffer.byteLength(a.message ?? '') > 64 * 1024 ||
        Buffer.byteLength(a.raw_details ?? '') > 64 * 1024 ||
        (a.title ?? '').length > 255
    )
    if (tooBig) {
      this.send(res, 422, { message: 'Invalid request.\n\nAn annotation is larger than GitHub allows.' })
      return true
    }
    return false
  }
}
