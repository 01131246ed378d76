// A pull request's comments as commands see them (every page), a commenter's role on the repository, and replies.
import type { CommandComment } from '../accept/commands.js'
import type { Permission } from '../accept/bind.js'
import type { GitHub, Repo } from './client.js'
import { statusOf } from './client.js'

const ROLES = new Set<Permission>(['admin', 'maintain', 'write', 'triage', 'read', 'none'])

/** Every comment of an issue or pull request, oldest first. */
export async function listIssueComments(gh: GitHub, repo: Repo, issue: number): Promise<CommandComment[]> {
  const out: CommandComment[] = []
  const pages = gh.paginate.iterator(gh.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })
  for await (const page of pages) {
    for (const c of page.data) {
      out.push({
        id: c.id,
        body: c.body ?? '',
        login: c.user?.login ?? '',
        userType: c.user?.type ?? '',
        createdAt: c.created_at,
        url: c.html_url
      })
    }
  }
  return out
}

/**
 * A user's role on the repository, asked of the API (`author_association` says nothing of write access). The
 * fine-grained `role_name` names `maintain` and `triage`, which the older `permission` folds into write and read.
 */
export async function permissionOf(gh: GitHub, repo: Repo, username: string): Promise<Permission> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username })
    const role = (data.role_name || data.permission) as Permission
    return ROLES.has(role) ? role : 'none'
  } catch (e) {
    // no such user, or not one GitHub will say anything of: no permission
    if (statusOf(e) === 404) return 'none'
    throw e
  }
}

/** The hidden line that marks our reply to a command comment, so a re-run never replies twice. */
export function replyMarker(commentId: number): string {
  return `<!-- ml-engineering-review:reply-to=${commentId} -->`
}

/**
 * Replies to a command comment once: when a comment already holds the marker, nothing is posted. (Anyone can write
 * the marker, which only keeps our reply to their own command away.)
 */
export async function replyOnce(
  gh: GitHub,
  repo: Repo,
  issue: number,
  commentId: number,
  text: string
): Promise<'posted' | 'already'> {
  const marker = replyMarker(commentId)
  const comments = await listIssueComments(gh, repo, issue)
  if (comments.some((c) => c.body.includes(marker))) return 'already'
  await gh.rest.issues.createComment({ ...repo, issue_number: issue, body: `${marker}\n${text}` })
  return 'posted'
}
