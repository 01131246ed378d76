// The Octokit the action talks to GitHub with: the runner's proxy settings (via @actions/github), a timeout on every
// request (Octokit has none), rate limits waited out within bounds (via @octokit/plugin-throttling), and retries of
// transient failures (via @octokit/plugin-retry).
import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { envNumber } from '../env.js'
import { yieldWithoutTimers } from './limiter-yield.js'
import { DEFAULT_NOTEBOOK_THREADS, notebookFetch } from './notebook-fetch.js'

export type GitHub = ReturnType<typeof getOctokit>

export interface Repo {
  owner: string
  repo: string
}

/** How long to wait for GitHub, and how often to try again. */
export interface GitHubTiming {
  /** one request, answer and body included */
  timeoutMs: number
  /** unit of every wait: `Retry-After: 2` waits 2 × this; plugin-retry's backoff is (n + 1)² × this */
  retryBaseMs: number
  /** retries of a rate-limited request (primary or secondary limit) */
  rateLimitRetries: number
  /** a rate limit that resets later than this (in units of retryBaseMs) is not waited for */
  maxRateLimitWait: number
  /** gap between two writes, which GitHub asks of integrations to stay clear of secondary limits */
  writeGapMs: number
  /** threads that read and compact notebook contents (`src/github/notebook-fetch.ts`); 0 reads them on this one */
  notebookThreads?: number
  /** notebook bytes read on this thread before the reading threads are used: a small review never starts one */
  notebookThreadAfter?: number
}

export const DEFAULT_TIMING: GitHubTiming = {
  timeoutMs: 60_000,
  retryBaseMs: 1000,
  rateLimitRetries: 3,
  maxRateLimitWait: 120,
  writeGapMs: 1000
}

/** Timing from the environment (`ML_REVIEW_GITHUB_*`), for runners behind slow proxies and for tests. */
export function timingFromEnv(env: Record<string, string | undefined>): GitHubTiming {
  return {
    timeoutMs: envNumber(env, 'ML_REVIEW_GITHUB_TIMEOUT_MS', DEFAULT_TIMING.timeoutMs),
    retryBaseMs: envNumber(env, 'ML_REVIEW_GITHUB_RETRY_BASE_MS', DEFAULT_TIMING.retryBaseMs),
    rateLimitRetries: envNumber(env, 'ML_REVIEW_GITHUB_RATE_LIMIT_RETRIES', DEFAULT_TIMING.rateLimitRetries),
    maxRateLimitWait: DEFAULT_TIMING.maxRateLimitWait,
    writeGapMs: envNumber(env, 'ML_REVIEW_GITHUB_WRITE_GAP_MS', DEFAULT_TIMING.writeGapMs),
    notebookThreads: envNumber(env, 'ML_REVIEW_NOTEBOOK_THREADS', DEFAULT_NOTEBOOK_THREADS),
    notebookThreadAfter: envNumber(env, 'ML_REVIEW_NOTEBOOK_THREAD_AFTER', NOTEBOOK_THREAD_AFTER)
  }
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/**
 * Each answer's Response, kept for as long as its body is. A body read as a stream (`parseSuccessResponseBody: false`)
 * reaches us without its Response, and undici cancels the body of a Response collected before the body is read: a
 * collection at the wrong moment would read a 13 MB notebook as empty.
 */
const responseOfBody = new WeakMap<object, Response>()

/** `base` (the proxy-aware fetch of @actions/github), given up after `ms` (the answer's body included). */
function fetchWithTimeout(ms: number, base: Fetch): Fetch {
  return (url, init = {}) => {
    const timeout = AbortSignal.timeout(ms)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return base(url, { ...init, signal }).then(
      (res) => {
        if (res.body) responseOfBody.set(res.body, res)
        return res
      },
      (e: unknown) => {
        if (timeout.aborted) throw new Error(`GitHub did not answer within ${ms} ms (${init.method ?? 'GET'} ${url})`)
        throw e
      }
    )
  }
}

/**
 * Notebook bytes read on the main thread before the reading threads are started: enough for a review of a few small
 * notebooks, little enough that the main thread's allocator keeps little of a big review's reads besides the thread's.
 */
const NOTEBOOK_THREAD_AFTER = 8 * 1024 * 1024

interface NotebookReads {
  fetch: Fetch
  after: number
  readHere: number
}

/** Each client's fetch for notebook contents and what it has read without it (see `notebookFetchOf`). */
const notebookReads = new WeakMap<object, NotebookReads>()

/**
 * The `request.fetch` that reads a notebook's content and answers with it compacted (`compactedBody`), with the
 * client's timeout; undefined when the client reads notebooks as other files (then compact the body as it arrives,
 * through `countedNotebookBody`): it has no reading threads, or has not yet read enough to start one.
 */
export function notebookFetchOf(gh: GitHub): Fetch | undefined {
  const r = notebookReads.get(gh)
  return r && r.readHere >= r.after ? r.fetch : undefined
}

/** A notebook body read on this thread, its bytes counted towards starting the reading threads. */
export function countedNotebookBody(gh: GitHub, body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const r = notebookReads.get(gh)
  if (!r || r.readHere >= r.after) return body
  return (async function* () {
    for await (const chunk of body) {
      r.readHere += chunk.byteLength
      yield chunk
    }
  })()
}

export function createGitHub(
  token: string,
  baseUrl: string,
  timing: GitHubTiming = DEFAULT_TIMING,
  log: (line: string) => void = () => {}
): GitHub {
  const retryIf =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < timing.rateLimitRetries && retryAfter <= timing.maxRateLimitWait
      log(
        `GitHub ${kind} rate limit on ${options.method ?? 'GET'} ${options.url ?? ''}: ${
          again ? `retrying in ${retryAfter} s (try ${retryCount + 2})` : 'giving up'
        }.`
      )
      return again
    }
  const quiet = (m: string): void => log(m)
  // GitHub's secondary limits come as 403 or 429 with Retry-After, not always worded as plugin-throttling expects
  const rateLimitWording = (octokit: { hook: { error: (name: 'request', fn: (e: Error) => never) => void } }): void => {
    octokit.hook.error('request', (e: Error) => {
      const s = statusOf(e)
      if (
        (s === 429 || (s === 403 && headerOf(e, 'retry-after') !== undefined)) &&
        !/\bsecondary rate\b/i.test(e.message)
      ) {
        e.message = `${e.message} (secondary rate limit)`
      }
      throw e
    })
  }
  yieldWithoutTimers()
  const base = (defaults.request as { fetch: Fetch }).fetch
  const notebooks = notebookFetch(timing.notebookThreads ?? DEFAULT_NOTEBOOK_THREADS, base, log)
  const gh = getOctokit(
    token,
    {
      baseUrl,
      userAgent: 'ml-engineering-review',
      request: { ...defaults.request, fetch: fetchWithTimeout(timing.timeoutMs, base) },
      log: { debug: () => {}, info: () => {}, warn: quiet, error: quiet },
      // rate limits (403, 429) are plugin-throttling's, which honours Retry-After
      retry: {
        retries: 2,
        retryAfterBaseValue: timing.retryBaseMs,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
      },
      throttle: {
        onRateLimit: retryIf('primary'),
        onSecondaryRateLimit: retryIf('secondary'),
        retryAfterBaseValue: timing.retryBaseMs,
        fallbackSecondaryRateRetryAfter: 60,
        // groups of our own, so the spacing of writes is this run's and not the process's
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: timing.writeGapMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: timing.writeGapMs })
      }
    },
    rateLimitWording,
    retry,
    throttling
  )
  if (notebooks) {
    notebookReads.set(gh, {
      fetch: fetchWithTimeout(timing.timeoutMs, notebooks),
      after: timing.notebookThreadAfter ?? NOTEBOOK_THREAD_AFTER,
      readHere: 0
    })
  }
  return gh
}

/** HTTP status of an Octokit error, or 0 for network failures. */
export function statusOf(error: unknown): number {
  const s = (error as { status?: unknown })?.status
  return typeof s === 'number' ? s : 0
}

function headerOf(error: unknown, name: string): string | undefined {
  const h = (error as { response?: { headers?: Record<string, unknown> } })?.response?.headers?.[name]
  return typeof h === 'string' || typeof h === 'number' ? String(h) : undefined
}

/**
 * A rate limit, primary or secondary: GitHub answers those with 403 or 429 too, and they say nothing about the
 * token's permissions.
 */
export function isRateLimited(error: unknown): boolean {
  const s = statusOf(error)
  if (s === 429) return true
  if (s !== 403) return false
  return (
    headerOf(error, 'x-ratelimit-remaining') === '0' ||
    headerOf(error, 'retry-after') !== undefined ||
    /\brate limit/i.test((error as Error)?.message ?? '')
  )
}

/** A write refused for lack of permission: a fork's read-only token, or a workflow without `permissions:`. */
export function isPermissionError(error: unknown): boolean {
  const s = statusOf(error)
  return (s === 403 || s === 401) && !isRateLimited(error)
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
