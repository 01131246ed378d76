// Notebook contents read on threads of their own. A big pull request's notebooks are gigabytes of base64 image data:
// read on the main thread, every byte would go through undici's HTTP parser and web streams, then be copied to the
// hashing thread, only to be left out of the compacted text. Here the request goes, as a `fetch` that Octokit calls
// (its retries, rate limits and timeout all stay in the path), to a reading thread that makes it with Node's own
// HTTP client, compacts the body as it arrives (`src/diff/compact.ts`, the same compactor from its source text) and
// answers with the compacted text only: the raw body never crosses into the main thread.
import { Worker } from 'node:worker_threads'
import { defineCompactor } from '../diff/compact.js'

type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** The compacted text of each body a reading thread answered with (read by `compactedBody`). */
const compacted = new WeakMap<object, string>()

/** The compacted text of a body that came from a reading thread, else undefined (a raw body, still to compact). */
export function compactedBody(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null ? compacted.get(body) : undefined
}

// Plain CommonJS, Node's own modules only, and the compactor from its source text: the bundle stays one file.
const workerSource = (): string => `
const { parentPort } = require('node:worker_threads')
const http = require('node:http')
const https = require('node:https')
const zlib = require('node:zlib')
const { createHash } = require('node:crypto')
const NotebookCompactor = (${defineCompactor.toString()})({
  start() {
    const h = createHash('sha1')
    return { update: (part) => void h.update(part), digest: () => h.digest('hex') }
  },
  chunkDone() {},
  ready() { return null }
})
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) }
const requests = new Map()
const REDIRECTS = [301, 302, 303, 307, 308]
// what a redirect to another origin must not carry
const CREDENTIALS = ['authorization', 'cookie', 'proxy-authorization']

parentPort.on('message', (m) => {
  if (m.cancel !== undefined) {
    const req = requests.get(m.cancel)
    requests.delete(m.cancel)
    if (req) req.destroy()
    return
  }
  get(m.id, m.url, m.headers, 0)
})

function reply(id, message) {
  if (!requests.has(id)) return
  requests.delete(id)
  parentPort.postMessage({ id, ...message })
}

function fail(id, e) {
  reply(id, { error: { message: String((e && e.message) || e), code: e && e.code } })
}

function decoded(id, res) {
  const coding = String(res.headers['content-encoding'] || '').trim().toLowerCase()
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? zlib.createGunzip()
      : coding === 'deflate'
        ? zlib.createInflate()
        : coding === 'br'
          ? zlib.createBrotliDecompress()
          : null
  if (!decoder) return res
  res.on('error', (e) => decoder.destroy(e))
  res.pipe(decoder)
  return decoder
}

function get(id, url, headers, hops) {
  let u
  let req
  try {
    u = new URL(url)
    const lib = u.protocol === 'https:' ? https : u.protocol === 'http:' ? http : null
    if (!lib) throw new Error('unsupported protocol ' + u.protocol)
    req = lib.request(u, { method: 'GET', headers, agent: agents[u.protocol] })
  } catch (e) {
    requests.set(id, null)
    return fail(id, e)
  }
  requests.set(id, req)
  req.on('error', (e) => {
    if (requests.get(id) === req) fail(id, e)
  })
  req.on('response', (res) => {
    if (requests.get(id) !== req) return res.destroy()
    const status = res.statusCode
    const location = res.headers.location
    if (REDIRECTS.includes(status) && location) {
      res.resume()
      if (hops >= 20) return fail(id, new Error('redirect count exceeded'))
      const next = new URL(location, u)
      const h = { ...headers }
      if (next.origin !== u.origin) for (const k of Object.keys(h)) if (CREDENTIALS.includes(k.toLowerCase())) delete h[k]
      return get(id, next.href, h, hops + 1)
    }
    const names = []
    for (let i = 0; i < res.rawHeaders.length; i += 2) names.push([res.rawHeaders[i], res.rawHeaders[i + 1]])
    const meta = { status, statusText: res.statusMessage || '', headers: names, url: u.href }
    const body = decoded(id, res)
    const ok = status >= 200 && status < 300
    const c = ok ? new NotebookCompactor() : null
    const parts = []
    body.on('data', (chunk) => {
      if (c) c.push(chunk)
      else parts.push(chunk)
    })
    body.on('end', () => {
      if (!res.complete) return fail(id, new Error('terminated'))
      if (c) reply(id, { ...meta, text: c.end() })
      else reply(id, { ...meta, body: new Uint8Array(Buffer.concat(parts)) })
    })
    body.on('error', (e) => fail(id, e))
    res.on('aborted', () => fail(id, new Error('terminated')))
  })
  req.end()
}
`

interface Answer {
  id: number
  status?: number
  statusText?: string
  headers?: [string, string][]
  url?: string
  text?: string
  body?: Uint8Array
  error?: { message: string; code?: string }
}

interface Owed {
  slot: Slot
  resolve: (res: Response) => void
  reject: (e: unknown) => void
  done: () => void
}

interface Slot {
  worker: Worker
  active: number
}

/** A reading thread that stayed idle this long is stopped (its memory goes back); the next notebook starts one. */
const IDLE_MS = 1000

/** Threads that read notebooks: at most `size`, started as the requests need them, each reading many at once. */
class ReadingThreads {
  failure: Error | null = null
  private readonly slots: Slot[] = []
  private readonly owed = new Map<number, Owed>()
  private nextId = 1
  private idle: NodeJS.Timeout | null = null

  constructor(
    private readonly size: number,
    private readonly base: Fetch,
    private readonly log: (line: string) => void
  ) {}

  fetch(url: string, init: RequestInit = {}): Promise<Response> {
    if (this.failure) return this.base(url, init)
    let slot: Slot
    try {
      slot = this.slot()
    } catch (e) {
      this.failed(e as Error)
      return this.base(url, init)
    }
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined
      if (signal?.aborted) return reject(signal.reason as Error)
      const id = this.nextId++
      const onAbort = (): void => {
        if (!this.owed.has(id)) return
        slot.worker.postMessage({ cancel: id })
        this.settle(id)
        reject(signal?.reason as Error)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      const done = (): void => signal?.removeEventListener('abort', onAbort)
      this.owed.set(id, { slot, resolve, reject, done })
      if (slot.active++ === 0) slot.worker.ref()
      if (this.idle) clearTimeout(this.idle)
      this.idle = null
      slot.worker.postMessage({ id, url, headers: plainHeaders(init.headers) })
    })
  }

  /** The least busy thread, a new one while there are fewer than `size` and all are busy. */
  private slot(): Slot {
    let best: Slot | null = null
    for (const s of this.slots) if (!best || s.active < best.active) best = s
    if (best && (best.active === 0 || this.slots.length >= this.size)) return best
    const worker = new Worker(workerSource(), { eval: true })
    worker.unref()
    const slot: Slot = { worker, active: 0 }
    worker.on('message', (a: Answer) => this.answered(a))
    // a thread that fails fails the reads it had (Octokit tries them again), and the main thread reads the rest
    worker.on('error', (e) => this.stopped(slot, e))
    worker.on('exit', (code) => this.stopped(slot, new Error(`a notebook reading thread stopped (exit code ${code})`)))
    this.slots.push(slot)
    return slot
  }

  private settle(id: number): Owed | undefined {
    const o = this.owed.get(id)
    if (!o) return undefined
    this.owed.delete(id)
    o.done()
    if (--o.slot.active === 0) o.slot.worker.unref()
    if (this.owed.size === 0 && this.slots.length > 0) {
      this.idle = setTimeout(() => this.stopIdle(), IDLE_MS)
      this.idle.unref()
    }
    return o
  }

  private answered(a: Answer): void {
    const o = this.settle(a.id)
    if (!o) return
    if (a.error) {
      // as undici's fetch fails, so that Octokit words (and retries) it the same
      const cause = Object.assign(new Error(a.error.message), a.error.code ? { code: a.error.code } : {})
      o.reject(Object.assign(new TypeError('fetch failed'), { cause }))
      return
    }
    const status = a.status ?? 500
    const nullBody = status === 204 || status === 205 || status === 304
    const res = new Response(nullBody ? null : (a.text ?? a.body ?? null), {
      status,
      statusText: a.statusText,
      headers: a.headers
    })
    Object.defineProperty(res, 'url', { value: a.url ?? '' })
    if (a.text !== undefined && res.body) compacted.set(res.body, a.text)
    o.resolve(res)
  }

  private stopped(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot)
    if (i === -1) return
    this.slots.splice(i, 1)
    this.failed(e)
    for (const [id, o] of this.owed) {
      if (o.slot !== slot) continue
      this.settle(id)
      o.reject(Object.assign(new TypeError('fetch failed'), { cause: e }))
    }
  }

  private failed(e: Error): void {
    if (this.failure) return
    this.failure = e
    this.log(`Notebooks are read on the main thread from now on: a reading thread failed (${e.message}).`)
  }

  private stopIdle(): void {
    this.idle = null
    if (this.owed.size > 0) return
    for (const s of this.slots.splice(0)) void s.worker.terminate()
  }
}

function plainHeaders(h: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  if (!h) return out
  const pairs: Iterable<[string, unknown]> =
    h instanceof Headers || Array.isArray(h) ? (h as Iterable<[string, string]>) : Object.entries(h)
  for (const [k, v] of pairs) out[k] = String(v)
  // as undici's fetch asks
  if (!Object.keys(out).some((k) => k.toLowerCase() === 'accept-encoding')) out['accept-encoding'] = 'gzip, deflate, br'
  return out
}

/**
 * Threads that read notebooks by default: one reads and hashes faster than GitHub serves, and each thread keeps the
 * memory its reads went through (its own allocator arena) until the process ends.
 */
export const DEFAULT_NOTEBOOK_THREADS = 1

/**
 * A `fetch` for notebook contents that reads and compacts them on up to `threads` threads; null when they are not to
 * be used: none asked for, or a proxy configured (the proxy-aware fetch of @actions/github then reads them). Should
 * the threads fail, `base` reads the rest.
 */
export function notebookFetch(
  threads: number,
  base: Fetch,
  log: (line: string) => void = () => {},
  env: Record<string, string | undefined> = process.env
): Fetch | null {
  if (threads <= 0) return null
  const proxied = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((k) => (env[k] ?? '').trim() !== '')
  if (proxied) return null
  const pool = new ReadingThreads(threads, base, log)
  return (url, init) => pool.fetch(url, init)
}
