// What the runner tells the action about this run, read from the environment when run() starts (never at import).
import { readFileSync } from 'node:fs'
import { analysisCpuFromEnv, type AnalysisCpu } from './analysis/budget.js'

export interface RunContext {
  eventName: string
  payload: Record<string, unknown>
  owner: string
  repo: string
  sha: string
  ref: string
  runUrl: string
  apiUrl: string
  /** `https://github.com/owner/repo`, for links to files at a commit */
  repoUrl?: string
  /** the analysis's CPU budget (`ML_REVIEW_ANALYSIS_CPU_MS`, `…_PER_MB`); the defaults when absent */
  analysisCpu?: AnalysisCpu
}

export function readContext(env: Record<string, string | undefined>): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  let payload: Record<string, unknown> = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
      // `null`, a number or an array parses, but is no event: say so instead of failing on a property later
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('the payload is not a JSON object')
      payload = parsed as Record<string, unknown>
    } catch (e) {
      throw new Error(
        `Cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(e as Error).message}`,
        {
          cause: e
        }
      )
    }
  }
  const full = env.GITHUB_REPOSITORY ?? (payload.repository as { full_name?: string } | undefined)?.full_name ?? ''
  const [owner, repo] = full.split('/')
  if (!owner || !repo)
    throw new Error('GITHUB_REPOSITORY is not set (expected owner/repo); is this running on GitHub Actions?')
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  return {
    eventName,
    payload,
    owner,
    repo,
    analysisCpu: analysisCpuFromEnv(env),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    repoUrl: `${server}/${full}`,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${full}/actions/runs/${env.GITHUB_RUN_ID}` : `${server}/${full}/actions`,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  }
}
