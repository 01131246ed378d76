// The GitHub client's handling of answers read as streams (notebooks are compacted while they download).
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createGitHub, DEFAULT_TIMING } from '../src/github/client.js'
import { useFakes } from './helpers/fakes.js'
import { HEAD } from './helpers/scenario.js'

const fakes = useFakes('octo-org/ml-repo')

/** A full garbage collection, then time for finalizers to run. */
async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('createGitHub', () => {
  it('keeps a streamed body readable however long it waits to be read', async () => {
    const text = JSON.stringify({ cells: [], pad: 'x'.repeat(200_000) })
    fakes.gh.setContent(HEAD, 'nb.ipynb', text)
    const gh = createGitHub('t', fakes.gh.url, { ...DEFAULT_TIMING, writeGapMs: 0 })
    const res = await gh.rest.repos.getContent({
      owner: 'octo-org',
      repo: 'ml-repo',
      path: 'nb.ipynb',
      ref: HEAD,
      mediaType: { format: 'raw' },
      request: { parseSuccessResponseBody: false }
    })
    // the Response itself is out of reach here: only its body stream is held
    await collectGarbage()
    const parts: Buffer[] = []
    for await (const chunk of res.data as unknown as AsyncIterable<Uint8Array>) parts.push(Buffer.from(chunk))
    expect(Buffer.concat(parts).toString()).toBe(text)
  })
})
