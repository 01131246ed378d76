// The Octokit the action talks to GitHub with: the runner's proxy settings (via @actions/github) and retries of
// transient failures (via @octokit/plugin-retry).
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'

export type GitHub = ReturnType<typeof getOctokit>

export interface Repo {
  owner: string
  repo: string
}

export function createGitHub(token: string, baseUrl: string): GitHub {
  return getOctokit(token, { baseUrl, userAgent: 'ml-engineering-review' }, retry)
}

/** HTTP status of an Octokit error, or 0 for network failures. */
export function statusOf(error: unknown): number {
  const s = (error as { status?: unknown })?.status
  return typeof s === 'number' ? s : 0
}

/** A write refused for lack of permission: a fork's read-only token, or a workflow without `permissions:`. */
export function isPermissionError(error: unknown): boolean {
  const s = statusOf(error)
  return s === 403 || s === 401
}
