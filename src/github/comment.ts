// The one sticky PR comment: found by marker AND author across every page, edited in place, never duplicated and
// never someone else's.
import type { GitHub, Repo } from './client.js'
import { statusOf } from './client.js'
import { COMMENT_MARKER } from '../report/render.js'

/**
 * The login of the token's user, or null for an installation token (GITHUB_TOKEN, a GitHub App), for which
 * `GET /user` answers 403: such a token comments as a bot (`github-actions[bot]`, `<app-slug>[bot]`).
 */
export async function tokenLogin(gh: GitHub): Promise<string | null> {
  try {
    const { data } = await gh.rest.users.getAuthenticated()
    return data.login
  } catch (e) {
    const s = statusOf(e)
    if (s === 403 || s === 401 || s === 404) return null
    throw e
  }
}

export interface StickyComment {
  id: number
  url: string
  body: string
}

/** Ours: it opens with the marker and its author is the token's user — or, for an installation token, a bot. */
export function isOurs(
  comment: { body?: string | null; user?: { login: string; type?: string } | null },
  login: string | null
): boolean {
  if (!(comment.body ?? '').trimStart().startsWith(COMMENT_MARKER) || !comment.user) return false
  return login !== null
    ? comment.user.login === login
    : comment.user.type === 'Bot' && comment.user.login.endsWith('[bot]')
}

export async function findSticky(
  gh: GitHub,
  repo: Repo,
  issue: number,
  login: string | null
): Promise<StickyComment | null> {
  const pages = gh.paginate.iterator(gh.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })
  for await (const page of pages) {
    const hit = page.data.find((c) => isOurs(c, login))
    if (hit) return { id: hit.id, url: hit.html_url, body: hit.body ?? '' }
  }
  return null
}

export interface UpsertResult {
  url: string
  id: number
  created: boolean
}

/** Edits our comment when there is one, else creates it. */
export async function upsertSticky(
  gh: GitHub,
  repo: Repo,
  issue: number,
  login: string | null,
  body: string,
  existing?: StickyComment | null
): Promise<UpsertResult> {
  const found = existing === undefined ? await findSticky(gh, repo, issue, login) : existing
  if (found) {
    const { data } = await gh.rest.issues.updateComment({ ...repo, comment_id: found.id, body })
    return { url: data.html_url, id: data.id, created: false }
  }
  const { data } = await gh.rest.issues.createComment({ ...repo, issue_number: issue, body })
  return { url: data.html_url, id: data.id, created: true }
}
