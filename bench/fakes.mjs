// Plain-JS fakes for the benchmark: a GitHub REST API that answers the few routes the action uses, with an injected
// per-request latency and a timing record of every request, and a bridge that answers at once. Contents are served
// from shared Buffers (a 20 MB notebook is a list of chunks), so thousands of big files cost the bench no memory.
// Listens on 127.0.0.1 only.
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { URL, URLSearchParams } from 'node:url'

const json = (res, status, data, headers = {}) => {
  const body = Buffer.from(JSON.stringify(data))
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    ...headers
  })
  res.end(body)
  return body.length
}

/** Writes a list of Buffers (a content) with backpressure. */
async function writeChunks(res, chunks) {
  let length = 0
  for (const c of chunks) length += c.length
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': length })
  for (const c of chunks) {
    if (!res.write(c)) await new Promise((r) => res.once('drain', r))
  }
  res.end()
  return length
}

/** An HTTP server on 127.0.0.1 at a free port; subclasses answer in `handle`. */
class LocalServer {
  url = ''
  server = null

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.keepAliveTimeout = 60_000
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${this.server.address().port}`
    return this.url
  }

  async stop() {
    this.server.closeAllConnections()
    await new Promise((r) => this.server.close(() => r()))
  }
}

export class BenchGitHub extends LocalServer {
  /**
   * @param {{ owner?: string, repo?: string, latencyMs?: number }} opts
   */
  constructor(opts = {}) {
    super()
    this.owner = opts.owner ?? 'octo-org'
    this.repo = opts.repo ?? 'ml-repo'
    this.latencyMs = opts.latencyMs ?? 0
    /** number → { number, title, headSha, baseSha, files: [{filename, status, patch?, previous_filename?}] } */
    this.pulls = new Map()
    /** `${ref}:${path}` → () => Buffer[] */
    this.contents = new Map()
    this.reset()
  }

  /** Forgets the requests and the state a run created (comments, check runs). */
  reset() {
    /** @type {{ method: string, route: string, path: string, start: number, end: number, bytes: number }[]} */
    this.requests = []
    this.firstRequestAt = null
    this.comments = new Map()
    this.checkRuns = new Map()
    this.nextId = 1000
  }

  addPull(p) {
    this.pulls.set(p.number, p)
  }

  /** `content` is a string, a Buffer, or a function returning the Buffers to send. */
  setContent(ref, path, content) {
    const fn =
      typeof content === 'function'
        ? content
        : () => [Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')]
    this.contents.set(`${ref}:${path}`, fn)
  }

  async handle(req, res) {
    const start = performance.now()
    if (this.firstRequestAt === null) this.firstRequestAt = start
    const chunks = []
    for await (const c of req) chunks.push(c)
    const raw = Buffer.concat(chunks).toString('utf8')
    const rec = { method: req.method ?? 'GET', route: '', path: '', start, end: start, bytes: 0 }
    this.requests.push(rec)
    if (this.latencyMs > 0) await sleep(this.latencyMs)
    try {
      rec.bytes = await this.route(req, res, rec, raw)
    } catch (e) {
      rec.route ||= 'ERROR'
      if (!res.headersSent) json(res, 500, { message: String(e) })
      else res.destroy()
    }
    // when the answer was flushed to the socket (for big bodies, when the client has read most of it)
    if (!res.writableFinished) await new Promise((r) => res.once('finish', r).once('close', r))
    rec.end = performance.now()
  }

  paginate(res, u, rec, all) {
    const perPage = Math.min(100, Number(u.searchParams.get('per_page') ?? 30) || 30)
    const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const link = (p, rel) => {
      const q = new URLSearchParams(u.searchParams)
      q.set('page', String(p))
      q.set('per_page', String(perPage))
      return `<${this.url}${u.pathname}?${q.toString()}>; rel="${rel}"`
    }
    const links = []
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    return json(
      res,
      200,
      all.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(', ') } : {}
    )
  }

  async route(req, res, rec, raw) {
    const u = new URL(req.url ?? '/', 'http://x')
    const p = decodeURIComponent(u.pathname)
    rec.path = p
    const m = rec.method
    const prefix = `/repos/${this.owner}/${this.repo}`
    const sub = p.startsWith(prefix) ? p.slice(prefix.length) : null
    const body = raw ? JSON.parse(raw) : undefined
    let g

    if (m === 'GET' && p === '/user') {
      rec.route = 'GET /user'
      return json(res, 403, { message: 'Resource not accessible by integration' })
    }
    if (sub === null) {
      rec.route = `UNHANDLED ${m} ${p}`
      return json(res, 404, { message: 'Not Found (bench fake)' })
    }
    if (m === 'GET' && (g = /^\/contents\/(.+)$/.exec(sub))) {
      rec.route = 'GET contents'
      const fn = this.contents.get(`${u.searchParams.get('ref') ?? 'HEAD'}:${g[1]}`)
      if (!fn) return json(res, 404, { message: 'Not Found' })
      if (!/raw/.test(String(req.headers.accept ?? ''))) throw new Error('the bench fake serves contents as raw only')
      return writeChunks(res, fn())
    }
    if (m === 'GET' && (g = /^\/pulls\/(\d+)$/.exec(sub))) {
      rec.route = 'GET pull'
      const pr = this.pulls.get(Number(g[1]))
      if (!pr) return json(res, 404, { message: 'Not Found' })
      return json(res, 200, {
        number: pr.number,
        title: pr.title,
        state: 'open',
        html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pr.number}`,
        changed_files: pr.files.length,
        head: { sha: pr.headSha, ref: 'feature' },
        base: { sha: pr.baseSha, ref: 'main' }
      })
    }
    if (m === 'GET' && (g = /^\/pulls\/(\d+)\/files$/.exec(sub))) {
      rec.route = 'GET pull files (page)'
      const pr = this.pulls.get(Number(g[1]))
      if (!pr) return json(res, 404, { message: 'Not Found' })
      const files = pr.files.slice(0, 3000).map((f) => ({
        sha: 'f'.repeat(40),
        filename: f.filename,
        status: f.status,
        additions: 1,
        deletions: 1,
        changes: 2,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {})
      }))
      return this.paginate(res, u, rec, files)
    }
    if (m === 'GET' && (g = /^\/issues\/(\d+)\/comments$/.exec(sub))) {
      rec.route = 'GET comments (page)'
      return this.paginate(res, u, rec, this.comments.get(Number(g[1])) ?? [])
    }
    if (m === 'POST' && (g = /^\/issues\/(\d+)\/comments$/.exec(sub))) {
      rec.route = 'POST comment'
      const c = {
        id: this.nextId++,
        body: body.body,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        html_url: `https://github.com/${this.owner}/${this.repo}/pull/${g[1]}#issuecomment-${this.nextId}`
      }
      this.comments.set(Number(g[1]), [...(this.comments.get(Number(g[1])) ?? []), c])
      return json(res, 201, c)
    }
    if (m === 'PATCH' && (g = /^\/issues\/comments\/(\d+)$/.exec(sub))) {
      rec.route = 'PATCH comment'
      const c = [...this.comments.values()].flat().find((x) => x.id === Number(g[1]))
      if (!c) return json(res, 404, { message: 'Not Found' })
      c.body = body.body
      return json(res, 200, c)
    }
    if (m === 'POST' && sub === '/check-runs') {
      rec.route = 'POST check-run'
      const id = this.nextId++
      this.checkRuns.set(id, { ...body, annotations: [...(body.output?.annotations ?? [])] })
      return json(res, 201, {
        id,
        name: body.name,
        head_sha: body.head_sha,
        status: body.status ?? 'queued',
        conclusion: body.conclusion ?? null,
        html_url: `https://github.com/${this.owner}/${this.repo}/runs/${id}`
      })
    }
    if (m === 'PATCH' && (g = /^\/check-runs\/(\d+)$/.exec(sub))) {
      rec.route = 'PATCH check-run'
      const run = this.checkRuns.get(Number(g[1]))
      if (!run) return json(res, 404, { message: 'Not Found' })
      if (body.conclusion) run.conclusion = body.conclusion
      if (body.output) run.output = { ...body.output, annotations: undefined }
      run.annotations.push(...(body.output?.annotations ?? []))
      return json(res, 200, {
        id: Number(g[1]),
        status: run.conclusion ? 'completed' : 'in_progress',
        conclusion: run.conclusion ?? null
      })
    }
    rec.route = `UNHANDLED ${m} ${p}`
    return json(res, 404, { message: 'Not Found (bench fake)' })
  }
}

/** A hooks-protocol bridge that answers at once with a fixed report; counts the request bytes it received. */
export class BenchBridge extends LocalServer {
  constructor(report) {
    super()
    this.report = report
    /** keep each request body (for --dump) */
    this.keepBodies = false
    this.reset()
  }

  reset() {
    /** @type {{ path: string, bytes: number }[]} */
    this.requests = []
  }

  async handle(req, res) {
    const chunks = []
    for await (const c of req) chunks.push(c)
    const body = Buffer.concat(chunks)
    this.requests.push({
      path: req.url ?? '/',
      bytes: body.length,
      body: this.keepBodies ? body.toString('utf8') : undefined
    })
    json(res, 200, { report: this.report })
  }
}
