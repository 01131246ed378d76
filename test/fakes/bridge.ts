// A local fake SuperClaude bridge. Each request is recorded and answered by the next scripted handler (the last one
// repeats), so a test can say "429 then 200" or "stall forever".
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LocalServer, readBody } from './server.js'

export interface BridgeRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  raw: string
  body: any
}

export type BridgeHandler = (req: BridgeRequest, res: ServerResponse) => void | Promise<void>

export class FakeBridge extends LocalServer {
  requests: BridgeRequest[] = []
  private handlers: BridgeHandler[] = []

  /** Answers the next requests with these handlers in order; the last one answers everything after. */
  script(...handlers: BridgeHandler[]): this {
    this.handlers = handlers
    return this
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : null
    } catch {
      body = null
    }
    const rec = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, raw, body }
    this.requests.push(rec)
    const handler = this.handlers[Math.min(this.requests.length - 1, this.handlers.length - 1)]
    if (!handler) {
      res.writeHead(500).end('no handler scripted')
      return
    }
    await handler(rec, res)
  }
}

/** Handler helpers. */
export const answer = {
  json:
    (status: number, data: unknown, headers: Record<string, string> = {}): BridgeHandler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(data))
    },
  text:
    (
      status: number,
      text: string,
      contentType = 'text/markdown; charset=utf-8',
      headers: Record<string, string> = {}
    ): BridgeHandler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': contentType, ...headers })
      res.end(text)
    },
  /** server-sent events, written in the given pieces */
  sse:
    (pieces: string[], delayMs = 0): BridgeHandler =>
    async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
      for (const p of pieces) {
        res.write(p)
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
      }
      res.end()
    },
  /** accepts and never answers */
  hang: (): BridgeHandler => () => undefined
}

/** Turns report text into an OpenAI-style SSE stream of small chunks, ended by [DONE]. */
export function sseStream(text: string, chunk = 7): string {
  const events = [`data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' } }] })}\n\n`]
  for (let i = 0; i < text.length; i += chunk) {
    events.push(
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: text.slice(i, i + chunk) } }] })}\n\n`
    )
  }
  events.push('data: [DONE]\n\n')
  return events.join('')
}
