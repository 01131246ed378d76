// The one sticky PR comment: found by marker AND the token's identity across every page, edited in place, recreated
// when it was deleted meanwhile, never duplicated (two runs at once: the newer copy is deleted) and never someone
// else's — another bot's comment that carries our marker is not ours.
import type { GitHub, Repo } from './client.js'
import { errorText, isRateLimited, statusOf } from './client.js'
import { COMMENT_MARKER } from '../report/marker.js'

/**
 * The login the token comments as: the user of a personal token (`GET /user`), or for an installation token
 * (GITHUB_TOKEN, a GitHub App), for which `GET /user` answers 403, the bot of the App that owns our check run
 * (`<app-slug>[bot]`). Null when neither is known; then only a comment we create tells.
 */
export async function tokenLogin(
  gh: GitHub,
  appSlug: string | null,
  /** `GET /user` asked ahead (with the check run's start) */
  asked?: Promise<{ data: { login: string } }>
): Promise<string | null> {
  try {
    const { data } = await (asked ?? gh.rest.users.getAuthenticated())
    return data.login
  } catch (e) {
    const s = statusOf(e)
    if ((s === 403 || s === 401 || s === 404) && !isRateLimited(e)) return appSlug ? `${appSlug}[bot]` : null
    throw e
  }
}

export interface StickyComment {
  id: number
  url: string
  body: string
  /** newer comments of ours found beside it (left by runs at the same time) */
  duplicates?: number[]
}

interface ListedComment {
  id: number
  html_url: string
  body?: string | null
  user?: { login: string } | null
}

/** Ours: it opens with the marker and its author is the token's identity (never any bot by its `[bot]` alone). */
export function isOurs(
  comment: { body?: string | null; user?: { login: string } | null },
  login: string | null
): boolean {
  if (login === null || !comment.user) return false
  return (comment.body ?? '').trimStart().startsWith(COMMENT_MARKER) && comment.user.login === login
}

/** Every comment of ours on the PR, oldest first. */
async function listOurs(gh: GitHub, repo: Repo, issue: number, login: string | null): Promise<StickyComment[]> {
  if (login === null) return []
  const ours: StickyComment[] = []
  const pages = gh.paginate.iterator(gh.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })
  for await (const page of pages) {
    for (const c of page.data as ListedComment[]) {
      if (isOurs(c, login)) ours.push({ id: c.id, url: c.html_url, body: c.body ?? '' })
    }
  }
  return ours.sort((a, b) => a.id - b.id)
}

export async function findSticky(
  gh: GitHub,
  repo: Repo,
  issue: number,
  login: string | null
): Promise<StickyComment | null> {
  const [oldest, ...newer] = await listOurs(gh, repo, issue, login)
  return oldest ? { ...oldest, duplicates: newer.map((c) => c.id) } : null
}

export interface UpsertResult {
  url: string
  id: number
  created: boolean
  /** the login the comment was written as (learnt from GitHub's answer when it was not known) */
  login: string | null
}

async function deleteQuietly(gh: GitHub, repo: Repo, id: number, log: (line: string) => void): Promise<void> {
  try {
    await gh.rest.issues.deleteComment({ ...repo, comment_id: id })
    log(`Deleted a duplicate review comment (${id}).`)
  } catch (e) {
    // another run deleted it first
    if (statusOf(e) !== 404) log(`Could not delete the duplicate review comment ${id}: ${errorText(e)}`)
  }
}

/**
 * Edits our comment when there is one, else creates it; then makes sure exactly one is left: the oldest of ours
 * holds the body, newer copies (another run's, or ours) are deleted.
 */
export async function upsertSticky(
  gh: GitHub,
  repo: Repo,
  issue: number,
  login: string | null,
  body: string,
  existing?: StickyComment | null,
  log: (line: string) => void = () => {}
): Promise<UpsertResult> {
  const found = existing === undefined ? await findSticky(gh, repo, issue, login) : existing
  if (found) {
    try {
      const { data } = await gh.rest.issues.updateComment({ ...repo, comment_id: found.id, body })
      for (const dup of found.duplicates ?? []) await deleteQuietly(gh, repo, dup, log)
      return { url: data.html_url, id: data.id, created: false, login }
    } catch (e) {
      if (statusOf(e) !== 404) throw e
      log('The review comment was deleted meanwhile; posting it again.')
    }
  }
  const { data } = await gh.rest.issues.createComment({ ...repo, issue_number: issue, body })
  const me = login ?? data.user?.login ?? null
  // another run may have created its comment at the same moment: the oldest stays, the rest go
  const ours = await listOurs(gh, repo, issue, me)
  const keep = ours[0]
  if (!keep || keep.id === data.id) {
    for (const dup of ours.slice(1)) await deleteQuietly(gh, repo, dup.id, log)
    return { url: data.html_url, id: data.id, created: true, login: me }
  }
  await deleteQuietly(gh, repo, data.id, log)
  for (const dup of ours.slice(1).filter((c) => c.id !== data.id)) await deleteQuietly(gh, repo, dup.id, log)
  const { data: kept } = await gh.rest.issues.updateComment({ ...repo, comment_id: keep.id, body })
  return { url: kept.html_url, id: kept.id, created: false, login: me }
}
