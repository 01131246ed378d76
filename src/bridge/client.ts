// Talks to the SuperClaude bridge: the `hooks` protocol (SPEC §5.1) and the OpenAI-compatible `openai` protocol
// (§5.2), with the failure handling of §5.3. The token never appears in a log line, an error or a redirect.
import { redactSecrets } from '../diff/redact.js'
import { Agent, request, type Dispatcher } from 'undici'
import { extractReport, partialResults } from './extract.js'
import { readSse, type SseResult } from './sse.js'

export const NOT_RESPONDING =
  'Bridge server is not responding. Start it with: ./scripts/openclaw/quickstart.sh (Linux/macOS) or .\\scripts\\openclaw\\quickstart.ps1 (Windows)'

const RETRY_STATUSES = new Set([408, 409, 429, 502, 503, 504])
const MAX_TRIES = 3
/** Answers larger than this are refused rather than held in memory. */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024

export interface BridgeConfig {
  url: string
  token: string
  protocol: 'hooks' | 'openai'
  agentId: string
  model: string
  thinking: string
  /** the whole exchange, retries and polling included */
  timeoutMs: number
  extra: Record<string, unknown>
  resultUrl: string
  idempotencyKey: string
  /** base of the exponential backoff between tries (ms) */
  backoffMs?: number
}

export type BridgeOutcome =
  | { ok: true; text: string; unavailable: string[]; attempts: number }
  | {
      ok: false
      /** unreachable: no connection or no answer in time; http: an error status; accepted: async run, no text */
      kind: 'unreachable' | 'http' | 'accepted' | 'empty' | 'invalid'
      message: string
      runId?: string
      /** partial text from a failed answer (a 500 with `results`) */
      partialText?: string
      attempts: number
    }

/** Builds the message for a given byte budget: called again with half the budget after a 413. */
export type MessageBuilder = (maxRequestBytes: number) => string

export interface BridgeLog {
  (line: string): void
}

class Unreachable extends Error {}
/** The bridge answered, but not in a way we can use (redirect off-origin, oversized answer). */
class BadAnswer extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)))
}

/** `Retry-After` as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(header) ? header[0] : header
  if (!v) return null
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(Number(v) * 1000)
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : Math.max(0, t - now)
}

/** Removes the token from any text before it is shown. */
export function scrub(text: string, token: string): string {
  if (!token) return text
  let out = text.split(token).join('***')
  // also its URL-encoded and base64 forms, as echoed by some servers
  for (const form of [encodeURIComponent(token), Buffer.from(token).toString('base64')]) {
    if (form.length >= 8) out = out.split(form).join('***')
  }
  return out
}

function netCode(e: unknown): string {
  const err = e as { code?: unknown; cause?: { code?: unknown }; name?: string }
  // DOMExceptions (an aborted signal) carry a numeric legacy code: their name says more
  if (typeof err?.code === 'string') return err.code
  if (typeof err?.cause?.code === 'string') return err.cause.code
  return err?.name ?? ''
}

/** A failure of the connection itself (a system or undici error code, or an aborted or timed-out signal). */
function isNetworkError(e: unknown): boolean {
  const err = e as { code?: unknown; cause?: { code?: unknown }; name?: string }
  return (
    typeof err?.code === 'string' ||
    typeof err?.cause?.code === 'string' ||
    err?.name === 'AbortError' ||
    err?.name === 'TimeoutError'
  )
}

function describeNetError(e: unknown): string {
  const code = netCode(e)
  const map: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed',
    UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
    UND_ERR_BODY_TIMEOUT: 'the answer stalled',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed',
    AbortError: 'no answer within bridge-timeout',
    TimeoutError: 'no answer within bridge-timeout',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable'
  }
  return map[code] ?? (code || (e as Error)?.message || 'network error')
}

/** Errors worth another try: the connection dropped mid-way (a restart, an idle timeout on a proxy). */
function transientNet(e: unknown): boolean {
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(netCode(e))
}

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** set for SSE answers: the assembled text or the error event */
  sse?: SseResult
}

async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += (chunk as Buffer).length
    if (size > limit) {
      body.destroy()
      throw new BadAnswer(`the answer is larger than ${Math.round(limit / 1024 / 1024)} MB; refusing to read more`)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export class BridgeClient {
  private readonly agent: Agent
  private readonly deadline: number
  private readonly origin: string
  private attempts = 0

  constructor(
    private readonly cfg: BridgeConfig,
    private readonly log: BridgeLog
  ) {
    this.deadline = Date.now() + cfg.timeoutMs
    this.origin = new URL(cfg.url).origin
    this.agent = new Agent({
      connect: { timeout: Math.min(30_000, cfg.timeoutMs) },
      headersTimeout: cfg.timeoutMs,
      bodyTimeout: cfg.timeoutMs
    })
  }

  private remaining(): number {
    return this.deadline - Date.now()
  }

  private headers(withBody: boolean): Record<string, string> {
    const h: Record<string, string> = {
      authorization: `Bearer ${this.cfg.token}`,
      accept:
        this.cfg.protocol === 'openai'
          ? 'text/event-stream, application/json'
          : 'application/json, text/markdown, text/plain',
      'user-agent': 'ml-engineering-review'
    }
    if (!this.cfg.token) delete h.authorization
    if (withBody) h['content-type'] = 'application/json'
    // header values must be visible ASCII: anything else is percent-encoded
    if (this.cfg.protocol === 'hooks')
      h['idempotency-key'] = this.cfg.idempotencyKey.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c))
    return h
  }

  /** One HTTP exchange, following same-origin redirects only (the token never goes to another origin). */
  private async exchange(method: 'GET' | 'POST', url: string, body?: string): Promise<RawAnswer> {
    let target = url
    for (let hop = 0; hop < 4; hop++) {
      const left = this.remaining()
      if (left <= 0) throw new Unreachable('no answer within bridge-timeout')
      let res: Dispatcher.ResponseData
      try {
        res = await request(target, {
          method,
          dispatcher: this.agent,
          headers: this.headers(body !== undefined),
          body,
          signal: AbortSignal.timeout(left),
          headersTimeout: left,
          bodyTimeout: left
        })
      } catch (e) {
        if (transientNet(e)) throw e
        throw new Unreachable(describeNetError(e))
      }
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        await res.body.dump()
        const next = new URL(String(res.headers.location), target)
        if (next.origin !== this.origin) {
          throw new BadAnswer(
            `the bridge redirected to another origin (${next.origin}); not followed, so the token is not sent there. Set bridge-url to the final address`
          )
        }
        target = next.href
        continue
      }
      const ct = String(res.headers['content-type'] ?? '')
      if (res.statusCode < 300 && /text\/event-stream/i.test(ct)) {
        const sse = await readSse(res.body, MAX_ANSWER_BYTES)
        return { status: res.statusCode, headers: res.headers, body: '', sse }
      }
      let text: string
      try {
        text = await readBody(res.body, MAX_ANSWER_BYTES)
      } catch (e) {
        if (netCode(e) === 'UND_ERR_BODY_TIMEOUT' || netCode(e) === 'AbortError' || netCode(e) === 'TimeoutError') {
          throw new Unreachable(describeNetError(e))
        }
        throw e
      }
      return { status: res.statusCode, headers: res.headers, body: text }
    }
    throw new BadAnswer('the bridge redirected too many times')
  }

  /** The endpoint as shown to readers of the PR: relative to bridge-url, whose address may be a secret. */
  private endpointPath(): string {
    return this.cfg.protocol === 'openai' ? '{bridge-url}/v1/chat/completions' : '{bridge-url}/hooks/agent'
  }

  /**
   * Text that is published (comment, check run, summary): no token and no bridge address. The runner masks
   * secrets in logs only.
   */
  private published(text: string): string {
    let out = scrub(text, this.cfg.token)
    for (const u of [this.cfg.url, this.origin, new URL(this.cfg.url).host])
      if (u) out = out.split(u).join('{bridge-url}')
    return out
  }

  private endpoint(): string {
    return this.cfg.protocol === 'openai' ? `${this.cfg.url}/v1/chat/completions` : `${this.cfg.url}/hooks/agent`
  }

  private body(message: string): string {
    return requestBody(this.cfg, message)
  }

  /** Sends the review request and returns the report text or a described failure. */
  async review(build: MessageBuilder, maxRequestBytes: number): Promise<BridgeOutcome> {
    try {
      return await this.reviewInner(build, maxRequestBytes)
    } catch (e) {
      if (e instanceof BadAnswer || !(e instanceof Error)) {
        return {
          ok: false,
          kind: 'invalid',
          message: this.published(`The bridge's answer was refused: ${String((e as Error)?.message ?? e)}`),
          attempts: this.attempts
        }
      }
      if (e instanceof Unreachable || isNetworkError(e)) {
        const why = e instanceof Unreachable ? e.message : describeNetError(e)
        // the address goes to the log only (where the runner masks secrets), never into published text
        this.log(`${this.endpoint()}: ${why}`)
        return {
          ok: false,
          kind: 'unreachable',
          message: this.published(`${NOT_RESPONDING} (${why})`),
          attempts: this.attempts
        }
      }
      return { ok: false, kind: 'invalid', message: this.published(e.message), attempts: this.attempts }
    } finally {
      await this.agent.close().catch(() => undefined)
    }
  }

  private async reviewInner(build: MessageBuilder, maxRequestBytes: number): Promise<BridgeOutcome> {
    let budget = maxRequestBytes
    let shrunk = false
    let payload = this.body(build(budget))
    for (let tries = 1; ; tries++) {
      this.attempts++
      const started = Date.now()
      let answer: RawAnswer
      try {
        answer = await this.exchange('POST', this.endpoint(), payload)
      } catch (e) {
        if (transientNet(e) && tries < MAX_TRIES) {
          const wait = this.backoff(tries)
          this.log(`attempt ${this.attempts}: ${describeNetError(e)}; retrying in ${(wait / 1000).toFixed(1)} s`)
          await sleep(wait)
          continue
        }
        throw e
      }
      const took = ((Date.now() - started) / 1000).toFixed(1)
      const bytes = Buffer.byteLength(payload)
      const status = answer.status
      if (status === 413 && !shrunk) {
        shrunk = true
        budget = Math.floor(budget / 2)
        payload = this.body(build(budget))
        this.log(
          `attempt ${this.attempts}: 413 after ${took} s (${bytes} bytes sent); retrying with a request of at most ${budget} bytes`
        )
        tries--
        continue
      }
      if (RETRY_STATUSES.has(status) && tries < MAX_TRIES) {
        const told = retryAfterMs(answer.headers['retry-after'])
        const wait = told ?? this.backoff(tries)
        if (wait >= this.remaining()) {
          this.log(
            `attempt ${this.attempts}: ${status}; the wait asked for (${Math.ceil(wait / 1000)} s) passes bridge-timeout`
          )
          return this.httpFailure(answer)
        }
        this.log(
          `attempt ${this.attempts}: ${status} after ${took} s (${bytes} bytes sent); retrying in ${(wait / 1000).toFixed(1)} s${told !== null ? ' as Retry-After asks' : ''}`
        )
        await sleep(wait)
        continue
      }
      this.log(
        `attempt ${this.attempts}: ${status} after ${took} s (${bytes} bytes sent, ${answer.sse ? 'stream' : `${Buffer.byteLength(answer.body)} bytes received`})`
      )
      if (status === 200 || status === 202) return this.accept(answer)
      return this.httpFailure(answer)
    }
  }

  private backoff(tries: number): number {
    const base = this.cfg.backoffMs ?? 2000
    return base * 2 ** (tries - 1)
  }

  private httpFailure(answer: RawAnswer): BridgeOutcome {
    // scrubbed whole, then cut: a token echoed across the cut would otherwise survive in part
    const snippet = redactSecrets(this.published(answer.body)).text.slice(0, 500)
    const hint =
      answer.status === 401 || answer.status === 403
        ? ' Check bridge-token (SUPERCLAUDE_BRIDGE_TOKEN)' +
          (this.cfg.protocol === 'openai' ? ': the openai protocol takes the gateway token, not the hooks token.' : '.')
        : answer.status === 404 || answer.status === 405
          ? ` Check bridge-url and bridge-protocol (${this.cfg.protocol} posts to ${this.endpointPath()}).`
          : answer.status === 413
            ? ' Lower max-request-bytes.'
            : ''
    let partialText: string | undefined
    if (answer.status === 500) partialText = partialResults(answer.body) ?? undefined
    return {
      ok: false,
      kind: 'http',
      message: `The bridge answered ${answer.status}.${hint}${snippet ? ` Body: ${snippet}` : ''}`,
      partialText,
      attempts: this.attempts
    }
  }

  private async accept(answer: RawAnswer): Promise<BridgeOutcome> {
    if (answer.sse) {
      if (answer.sse.error) {
        return {
          ok: false,
          kind: 'http',
          message: this.published(`The bridge reported an error: ${answer.sse.error}`),
          attempts: this.attempts
        }
      }
      if (answer.sse.text.trim() === '')
        return {
          ok: false,
          kind: 'empty',
          message: 'The bridge streamed an answer with no text.',
          attempts: this.attempts
        }
      if (!answer.sse.done) {
        // a stream cut short can lose the very word that made an item a bias item: not a complete review
        return {
          ok: false,
          kind: 'invalid',
          message:
            'The bridge stream ended without `data: [DONE]`, so the answer may be cut; it is shown as partial and not taken as the review.',
          partialText: answer.sse.text,
          attempts: this.attempts
        }
      }
      return { ok: true, text: answer.sse.text, unavailable: [], attempts: this.attempts }
    }
    const ct = String(answer.headers['content-type'] ?? '')
    if (answer.body.trim() === '') {
      return {
        ok: false,
        kind: 'empty',
        message: `The bridge answered ${answer.status} with an empty body.`,
        attempts: this.attempts
      }
    }
    const bridgeError = errorOf(answer.body)
    if (bridgeError) {
      return {
        ok: false,
        kind: 'http',
        message: this.published(`The bridge reported an error: ${bridgeError}`),
        attempts: this.attempts
      }
    }
    if (/json/i.test(ct) && !isJson(answer.body)) {
      return {
        ok: false,
        kind: 'invalid',
        message: `The bridge answered ${answer.status} with JSON that does not parse (${answer.body.length} bytes; truncated?).`,
        attempts: this.attempts
      }
    }
    const ex = extractReport(answer.body, ct)
    if (ex.text) return { ok: true, text: ex.text, unavailable: ex.unavailable, attempts: this.attempts }
    if (ex.runId) {
      if (this.cfg.resultUrl) return this.poll(ex.runId)
      return {
        ok: false,
        kind: 'accepted',
        runId: ex.runId,
        message: `The bridge accepted run ${ex.runId} and delivers its reply to its own channel; no report came back. To get the report here, set bridge-result-url, or use bridge-protocol: openai with an OpenClaw gateway.`,
        attempts: this.attempts
      }
    }
    return {
      ok: false,
      kind: 'empty',
      message: `The bridge answered ${answer.status} with no report text.`,
      attempts: this.attempts
    }
  }

  /** Polls `bridge-result-url` for an accepted run until it yields text or the deadline passes. */
  private async poll(runId: string): Promise<BridgeOutcome> {
    const url = this.cfg.resultUrl.replace(/\{runId\}/g, encodeURIComponent(runId))
    let wait = this.cfg.backoffMs ?? 2000
    for (;;) {
      if (wait >= this.remaining()) {
        return {
          ok: false,
          kind: 'accepted',
          runId,
          message: `The bridge accepted run ${runId} but no result came from bridge-result-url within bridge-timeout.`,
          attempts: this.attempts
        }
      }
      await sleep(wait)
      this.attempts++
      const answer = await this.exchange('GET', url)
      this.log(`poll ${runId}: ${answer.status}`)
      if (answer.status === 200) {
        const ex = extractReport(answer.body, String(answer.headers['content-type'] ?? ''))
        if (ex.text) return { ok: true, text: ex.text, unavailable: ex.unavailable, attempts: this.attempts }
        const err = errorOf(answer.body)
        if (err)
          return {
            ok: false,
            kind: 'http',
            message: this.published(`Run ${runId} failed: ${err}`),
            attempts: this.attempts
          }
      } else if (![202, 404, 409, 425, 429, 502, 503, 504].includes(answer.status)) {
        return this.httpFailure(answer)
      }
      wait = Math.min(wait * 2, 30_000)
    }
  }
}

/** The JSON body of a review request for either protocol (SPEC §5.1 and §5.2), `bridge-extra` merged in. */
export function requestBody(
  cfg: Pick<BridgeConfig, 'protocol' | 'agentId' | 'model' | 'thinking' | 'extra'>,
  message: string
): string {
  if (cfg.protocol === 'openai') {
    return JSON.stringify({
      model: `openclaw/${cfg.agentId}`,
      messages: [{ role: 'user', content: message }],
      stream: true,
      ...cfg.extra
    })
  }
  return JSON.stringify({
    message,
    agentId: cfg.agentId,
    model: cfg.model,
    thinking: cfg.thinking,
    deliver: true,
    ...cfg.extra
  })
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** `{"error": {"message", "type"}}` or `{"ok": false, "error": "…"}`: a failure reported in a 200. */
function errorOf(body: string): string | null {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return null
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null
  const o = data as Record<string, unknown>
  const err = o.error
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>
    return [e.type, e.message].filter((x) => typeof x === 'string').join(': ') || JSON.stringify(err)
  }
  if (o.ok === false && typeof err === 'string') return err
  return null
}
