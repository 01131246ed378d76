// Reads what the accept and revoke commands need from GitHub: the comments of each pull request the review covers
// (every page) and each commander's role. Nothing else can accept a finding: not the PR's files, not its text.
import type { GitHub, Repo } from '../github/client.js'
import { errorText } from '../github/client.js'
import { listIssueComments, permissionOf } from '../github/issue-comments.js'
import type { Ledger, Permission } from './bind.js'
import { parseCommands, type Command } from './commands.js'

export interface CoveredPull {
  number: number
  /** the PR's author, for the two-person rule (null: unknown, so nobody counts as the author) */
  author: string | null
}

export async function readLedger(gh: GitHub, repo: Repo, pulls: CoveredPull[]): Promise<Ledger> {
  const commands: Command[] = []
  const notes: string[] = []
  const authors = new Map<number, string>()
  for (const pull of pulls) {
    if (pull.author) authors.set(pull.number, pull.author)
    try {
      for (const c of await listIssueComments(gh, repo, pull.number)) commands.push(...parseCommands(c, pull.number))
    } catch (e) {
      // fail closed: a listing that stopped half-way could hide a revoke, so none of its commands count
      notes.push(
        `The comments of #${pull.number} could not be read (${errorText(e)}), so no finding counts as accepted there in this run.`
      )
    }
  }
  const permissions = new Map<string, Permission | { error: string }>()
  for (const login of new Set(commands.map((c) => c.comment.login))) {
    try {
      permissions.set(login, await permissionOf(gh, repo, login))
    } catch (e) {
      permissions.set(login, { error: errorText(e) })
    }
  }
  return { commands, permissions, authors, notes }
}
