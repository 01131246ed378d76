// Notebook contents read and compacted on a reading thread: the same text as compacted on the main thread, and
// GitHub's failures (missing files, dropped connections, slow answers) met as the main thread's fetch meets them.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { compactNotebook } from '../src/diff/compact.js'
import { createGitHub, DEFAULT_TIMING, notebookFetchOf } from '../src/github/client.js'
import { compactedBody, notebookFetch } from '../src/github/notebook-fetch.js'
import { getFileContent } from '../src/github/pull.js'
import { bigImageNotebook } from './data/notebooks.js'

const repo = { owner: 'o', repo: 'r' }
const timing = { ...DEFAULT_TIMING, writeGapMs: 0, retryBaseMs: 1, notebookThreadAfter: 0 }
const servers: Server[] = []

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r))
})

/** A contents API that answers with `answer` and counts the requests. */
async function serve(answer: (req: { url: string; headers: Record<string, unknown> }, res: any) => void) {
  const seen: { url: string; headers: Record<string, unknown> }[] = []
  const server = createServer((req, res) => {
    const r = { url: req.url ?? '', headers: req.headers as Record<string, unknown> }
    seen.push(r)
    answer(r, res)
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const raw =
  (text: string | Buffer, headers: Record<string, string> = {}) =>
  (_: unknown, res: any) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...headers })
    // in pieces, so that values are cut across reads
    const buf = Buffer.from(text)
    for (let at = 0; at < buf.length; at += 7777) res.write(buf.subarray(at, at + 7777))
    res.end()
  }

describe('notebooks read on a reading thread', () => {
  it('give the text the main thread gives, image data out, and the raw body never reaches this thread', async () => {
    const text = bigImageNotebook(2)
    const api = await serve(raw(text))
    const threaded = createGitHub('tkn', api.url, { ...timing, notebookThreads: 1 })
    const here = createGitHub('tkn', api.url, { ...timing, notebookThreads: 0 })
    expect(notebookFetchOf(threaded)).toBeTypeOf('function')
    expect(notebookFetchOf(here)).toBeUndefined()
    const a = await getFileContent(threaded, repo, 'nb/a.ipynb', 'abc1234')
    const b = await getFileContent(here, repo, 'nb/a.ipynb', 'abc1234')
    expect(a.text).toBe(compactNotebook(text))
    expect(b.text).toBe(a.text)
    expect(a.text!.length).toBeLessThan(text.length / 10)
    // what Octokit hands back is the thread's compacted text, not a body still to read
    const res = await threaded.rest.repos.getContent({
      ...repo,
      path: 'nb/a.ipynb',
      ref: 'abc1234',
      mediaType: { format: 'raw' },
      request: { parseSuccessResponseBody: false, fetch: notebookFetchOf(threaded) }
    })
    expect(compactedBody(res.data)).toBe(a.text)
    // the thread's request is Octokit's: its token, media type and user agent
    expect(api.seen[0].url).toBe('/repos/o/r/contents/nb%2Fa.ipynb?ref=abc1234')
    expect(api.seen[0].headers.authorization).toBe('token tkn')
    expect(String(api.seen[0].headers.accept)).toContain('raw')
    expect(String(api.seen[0].headers['user-agent'])).toContain('ml-engineering-review')
  })

  it('two threads read many notebooks at once, each to its own text', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => bigImageNotebook(1).replace('"cells"', `"n${i}": ${i}, "cells"`))
    const api = await serve((req, res) => raw(texts[Number(/n(\d)\.ipynb/.exec(req.url)![1])])(req, res))
    const gh = createGitHub('tkn', api.url, { ...timing, notebookThreads: 2 })
    const got = await Promise.all(texts.map((_, i) => getFileContent(gh, repo, `n${i}.ipynb`, 'abc1234')))
    expect(got.map((g) => g.text)).toEqual(texts.map(compactNotebook))
  })

  it('decodes a compressed answer and follows a redirect, without the token to another origin', async () => {
    const text = bigImageNotebook(1)
    const other = await serve(raw(gzipSync(text), { 'content-encoding': 'gzip' }))
    const api = await serve((_, res) => {
      res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/blob` })
      res.end()
    })
    const gh = createGitHub('tkn', api.url, { ...timing, notebookThreads: 1 })
    expect((await getFileContent(gh, repo, 'a.ipynb', 'abc1234')).text).toBe(compactNotebook(text))
    expect(other.seen[0].url).toBe('/blob')
    expect(other.seen[0].headers.authorization).toBeUndefined()
  })

  it('a missing notebook is noted, and a dropped connection is tried again', async () => {
    let calls = 0
    const text = bigImageNotebook(1)
    const api = await serve((req, res) => {
      if (req.url.includes('gone')) {
        res.writeHead(404, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ message: 'Not Found' }))
      }
      if (++calls === 1) {
        // half a body, then the connection drops
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(text.length) })
        res.write(text.slice(0, 100_000))
        return setTimeout(() => res.socket.destroy(), 20)
      }
      raw(text)(req, res)
    })
    const gh = createGitHub('tkn', api.url, { ...timing, notebookThreads: 1 })
    expect(await getFileContent(gh, repo, 'gone.ipynb', 'abc1234')).toEqual({
      text: null,
      note: 'not found at abc1234'
    })
    expect((await getFileContent(gh, repo, 'a.ipynb', 'abc1234')).text).toBe(compactNotebook(text))
    expect(calls).toBe(2)
  })

  it('a notebook that does not come in time fails with the timeout', async () => {
    const api = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('{"cells": [')
    })
    const gh = createGitHub('tkn', api.url, { ...timing, timeoutMs: 300, notebookThreads: 1 })
    await expect(getFileContent(gh, repo, 'slow.ipynb', 'abc1234')).rejects.toThrow(/did not answer within 300 ms/)
  })

  it('are read on this thread until the run has read enough of them to start a thread', async () => {
    const text = bigImageNotebook(2)
    const api = await serve(raw(text))
    const gh = createGitHub('tkn', api.url, { ...timing, notebookThreadAfter: Buffer.byteLength(text) + 1 })
    expect(notebookFetchOf(gh)).toBeUndefined()
    expect((await getFileContent(gh, repo, 'a.ipynb', 'abc1234')).text).toBe(compactNotebook(text))
    expect(notebookFetchOf(gh)).toBeUndefined()
    expect((await getFileContent(gh, repo, 'b.ipynb', 'abc1234')).text).toBe(compactNotebook(text))
    // past the bound: the next one goes to a thread
    expect(notebookFetchOf(gh)).toBeTypeOf('function')
    expect((await getFileContent(gh, repo, 'c.ipynb', 'abc1234')).text).toBe(compactNotebook(text))
  })

  it('are read on this thread behind a proxy, and when no thread is asked for', () => {
    const base = () => Promise.reject(new Error('unused'))
    const log = () => {}
    expect(notebookFetch(1, base, log, { HTTPS_PROXY: 'http://proxy:3128' })).toBeNull()
    expect(notebookFetch(0, base, log, {})).toBeNull()
    expect(notebookFetch(1, base, log, {})).toBeTypeOf('function')
    expect(compactedBody({})).toBeUndefined()
  })
})
