import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BridgeClient, NOT_RESPONDING, retryAfterMs, type BridgeConfig } from '../src/bridge/client.js'
import { parseSseText } from '../src/bridge/sse.js'
import { FakeBridge, answer, sseStream } from './fakes/bridge.js'
import { PASSING_REPORT } from './helpers/scenario.js'

const TOKEN = 'sk-bridge-TOKEN-abcdef123456'
let bridge: FakeBridge
let logs: string[]

beforeEach(async () => {
  bridge = new FakeBridge()
  await bridge.start()
  logs = []
})
afterEach(async () => {
  await bridge.stop()
})

function client(over: Partial<BridgeConfig> = {}): BridgeClient {
  return new BridgeClient(
    {
      url: bridge.url,
      token: TOKEN,
      protocol: 'hooks',
      agentId: 'ai-ml-engineer',
      model: 'opus',
      thinking: 'high',
      timeoutMs: 10_000,
      extra: {},
      resultUrl: '',
      idempotencyKey: 'o/r#1@abc',
      backoffMs: 20,
      ...over
    },
    (l) => logs.push(l)
  )
}
const build = (size: number) => `message within ${size}`
const fakes500 = () =>
  bridge.script(
    answer.json(500, {
      message: '1 of 2 specialists failed',
      results: [
        { agent: 'ml', text: PASSING_REPORT },
        { agent: 'sec', success: false }
      ]
    })
  )

describe('hooks protocol', () => {
  it('merges bridge-extra into the body and accepts 202 with markdown', async () => {
    bridge.script(answer.text(202, PASSING_REPORT))
    const out = await client({ extra: { waitForCompletion: true } }).review(build, 240000)
    expect(out).toMatchObject({ ok: true, text: PASSING_REPORT, attempts: 1 })
    expect(bridge.requests[0].body).toMatchObject({
      message: 'message within 240000',
      waitForCompletion: true,
      deliver: true
    })
  })

  it('retries 429 as Retry-After says, with the same idempotency key', async () => {
    bridge.script(
      answer.json(429, { error: 'slow down' }, { 'retry-after': '1' }),
      answer.json(200, { report: PASSING_REPORT })
    )
    const started = Date.now()
    const out = await client().review(build, 1000)
    expect(out.ok).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(bridge.requests.map((r) => r.headers['idempotency-key'])).toEqual(['o/r#1@abc', 'o/r#1@abc'])
    expect(logs[0]).toMatch(/attempt 1: 429 .*retrying in 1\.0 s as Retry-After asks/)
  })

  it('gives up after 3 tries of 502 HTML pages, quoting the body', async () => {
    bridge.script(answer.text(502, '<html><body>Bad Gateway</body></html>', 'text/html'))
    const out = await client().review(build, 1000)
    expect(bridge.requests).toHaveLength(3)
    expect(out).toMatchObject({ ok: false, kind: 'http', attempts: 3 })
    if (!out.ok) expect(out.message).toMatch(/answered 502.*Bad Gateway/)
  })

  it('does not retry 401 and never shows the token it echoes', async () => {
    bridge.script((req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' })
      res.end(`invalid token ${String(req.headers.authorization)}`)
    })
    const out = await client().review(build, 1000)
    expect(bridge.requests).toHaveLength(1)
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.message).toMatch(/answered 401/)
      expect(out.message).not.toContain(TOKEN)
      expect(out.message).toContain('***')
    }
    expect(logs.join('\n')).not.toContain(TOKEN)
  })

  it('retries a 413 once with half the request size', async () => {
    bridge.script(answer.text(413, 'too large'), answer.json(200, { result: PASSING_REPORT }))
    const out = await client().review(build, 240000)
    expect(out.ok).toBe(true)
    expect(bridge.requests.map((r) => r.body.message)).toEqual(['message within 240000', 'message within 120000'])
  })

  it('says the bridge is not responding when nothing listens', async () => {
    const port = (bridge as unknown as { server: { address(): AddressInfo } }).server.address().port
    await bridge.stop()
    const out = await new BridgeClient(
      {
        url: `http://127.0.0.1:${port}`,
        token: TOKEN,
        protocol: 'hooks',
        agentId: 'a',
        model: 'm',
        thinking: 't',
        timeoutMs: 5000,
        extra: {},
        resultUrl: '',
        idempotencyKey: 'k'
      },
      () => undefined
    ).review(build, 1000)
    expect(out).toMatchObject({ ok: false, kind: 'unreachable' })
    if (!out.ok) expect(out.message).toContain(NOT_RESPONDING)
    await bridge.start()
  })

  it('stops at bridge-timeout when the server never answers', async () => {
    bridge.script(answer.hang())
    const started = Date.now()
    const out = await client({ timeoutMs: 800 }).review(build, 1000)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(out).toMatchObject({ ok: false, kind: 'unreachable' })
    if (!out.ok) expect(out.message).toContain('Bridge server is not responding')
  })

  it('stops at bridge-timeout when headers come but the body stalls', async () => {
    bridge.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"report": "## ML')
    })
    const started = Date.now()
    const out = await client({ timeoutMs: 800 }).review(build, 1000)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(out.ok).toBe(false)
  })

  it('reports an empty 200 and truncated JSON as answers without a report', async () => {
    bridge.script(answer.text(200, '', 'application/json'))
    expect(await client().review(build, 1000)).toMatchObject({ ok: false, kind: 'empty' })
    bridge.script(answer.text(200, '{"report": "## ML Engineering', 'application/json'))
    expect(await client().review(build, 1000)).toMatchObject({ ok: false, kind: 'invalid' })
  })

  it('refuses an answer over the size cap', async () => {
    bridge.script(answer.text(200, 'x'.repeat(20 * 1024 * 1024)))
    const out = await client().review(build, 1000)
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.message).toMatch(/larger than 10 MB/)
  })

  it('does not follow a redirect to another origin with the token', async () => {
    let leaked = false
    const other = createServer((req, res) => {
      if (req.headers.authorization) leaked = true
      res.end('{}')
    })
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
    const port = (other.address() as AddressInfo).port
    bridge.script((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${port}/hooks/agent` })
      res.end()
    })
    const out = await client().review(build, 1000)
    other.close()
    expect(leaked).toBe(false)
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.message).toMatch(/redirected to another origin/)
  })

  it('keeps partial results of a 500 without retrying', async () => {
    bridge.script(
      answer.json(500, {
        results: [
          { agent: 'ml', text: PASSING_REPORT },
          { agent: 'sec', success: false }
        ]
      })
    )
    const out = await client().review(build, 1000)
    expect(bridge.requests).toHaveLength(1)
    expect(out).toMatchObject({ ok: false, kind: 'http', partialText: PASSING_REPORT })
  })

  it('keeps partial results of a 500 even when the body also has a message', async () => {
    fakes500()
    const out = await client().review(build, 1000)
    expect(out).toMatchObject({ ok: false, kind: 'http', partialText: PASSING_REPORT })
  })

  it('takes {ok, runId, message: "queued"} as an accepted run, not as a report', async () => {
    bridge.script(answer.json(200, { ok: true, runId: 'run-5', message: 'queued' }))
    expect(await client().review(build, 1000)).toMatchObject({ ok: false, kind: 'accepted', runId: 'run-5' })
  })

  it('never puts the bridge address in a published message, and names the timeout plainly', async () => {
    bridge.script(answer.text(404, 'nothing here'))
    const secretUrl = bridge.url.replace('http://', 'http://svc:p4ssw0rd@')
    const out = await client({ url: secretUrl }).review(build, 1000)
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.message).toContain('{bridge-url}/hooks/agent')
      expect(out.message).not.toContain('p4ssw0rd')
      expect(out.message).not.toContain(bridge.url.replace('http://', ''))
    }
    bridge.script(answer.hang())
    const slow = await client({ timeoutMs: 500 }).review(build, 1000)
    if (!slow.ok) {
      expect(slow.message).toMatch(/no answer within bridge-timeout\)$/)
      expect(slow.message).not.toContain(bridge.url)
    }
  })

  it('names the run of an accepted asynchronous answer and suggests the openai protocol', async () => {
    bridge.script(answer.json(200, { ok: true, runId: 'run-77' }))
    const out = await client().review(build, 1000)
    expect(out).toMatchObject({ ok: false, kind: 'accepted', runId: 'run-77' })
    if (!out.ok) expect(out.message).toMatch(/run-77.*bridge-protocol: openai/)
  })

  it('polls bridge-result-url until the report is there', async () => {
    bridge.script(
      answer.json(202, { ok: true, runId: 'run-9' }),
      answer.json(404, { status: 'pending' }),
      answer.json(200, { report: PASSING_REPORT })
    )
    const out = await client({ resultUrl: `${bridge.url}/runs/{runId}` }).review(build, 1000)
    expect(out).toMatchObject({ ok: true, text: PASSING_REPORT })
    expect(bridge.requests.slice(1).map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/runs/run-9', `Bearer ${TOKEN}`],
      ['GET', '/runs/run-9', `Bearer ${TOKEN}`]
    ])
  })
})

describe('openai protocol', () => {
  it('posts to /v1/chat/completions with model openclaw/{agent} and reads the stream to [DONE]', async () => {
    bridge.script(answer.sse([sseStream(PASSING_REPORT)]))
    const out = await client({ protocol: 'openai' }).review(build, 1000)
    expect(out).toMatchObject({ ok: true, text: PASSING_REPORT })
    const req = bridge.requests[0]
    expect(req.path).toBe('/v1/chat/completions')
    expect(req.body).toEqual({
      model: 'openclaw/ai-ml-engineer',
      messages: [{ role: 'user', content: 'message within 1000' }],
      stream: true
    })
    expect(req.headers['idempotency-key']).toBeUndefined()
  })

  it('reads events split at every byte, with comments and keep-alives', async () => {
    const stream = ': keep-alive\n\n' + sseStream(PASSING_REPORT).replace(/\n\n/g, '\r\n\r\n')
    bridge.script(answer.sse(stream.split(''), 0))
    const out = await client({ protocol: 'openai' }).review(build, 1000)
    expect(out).toMatchObject({ ok: true, text: PASSING_REPORT })
  })

  it('treats an error event after the role chunk as a bridge failure', async () => {
    const role = `data: ${JSON.stringify({ choices: [{ delta: { role: 'assistant' } }] })}\n\n`
    bridge.script(
      answer.sse([role, `data: ${JSON.stringify({ error: { message: 'provider down', type: 'api_error' } })}\n\n`])
    )
    const out = await client({ protocol: 'openai' }).review(build, 1000)
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.message).toContain('api_error: provider down')
  })

  it('accepts a plain JSON answer', async () => {
    bridge.script(answer.json(200, { choices: [{ message: { content: PASSING_REPORT } }] }))
    expect(await client({ protocol: 'openai' }).review(build, 1000)).toMatchObject({ ok: true, text: PASSING_REPORT })
  })
})

describe('helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000)
    expect(retryAfterMs('soon')).toBeNull()
    expect(retryAfterMs(undefined)).toBeNull()
  })
  it('parses SSE text', () => {
    expect(parseSseText(sseStream('hello world', 3)).text).toBe('hello world')
  })
})
