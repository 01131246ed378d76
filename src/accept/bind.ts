// Binds the accept and revoke commands of a pull request's comments to the items of this review, by stable id, in
// the order they were written. Pure: who may do what was asked of the API beforehand (see ledger.ts).
import { codeSpan } from '../report/escape.js'
import type { Acceptance, ChecklistItem } from '../types.js'
import type { Command } from './commands.js'

/** A user's role on the repository, as `GET …/collaborators/{username}/permission` names it. */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** The roles whose accept and revoke commands count. */
const MAY_ACCEPT = new Set<Permission>(['admin', 'maintain', 'write'])

/** What the review needs to know about the comments of the pull requests it covers. */
export interface Ledger {
  commands: Command[]
  /** each commander's role, or why it could not be read */
  permissions: Map<string, Permission | { error: string }>
  /** pull request number → its author's login */
  authors: Map<number, string>
  /** what could not be read (then nothing from there is accepted) */
  notes: string[]
}

export interface AcceptPolicy {
  /** the two-person rule off: a PR's author may accept a bias item of their own PR */
  authorCanAcceptBias: boolean
}

export interface Verdict {
  command: Command
  /** `unknown`: no item of this review has the id */
  outcome: 'accepted' | 'revoked' | 'refused' | 'unknown'
  /** for refused and unknown: the reason, as one clause */
  why?: string
}

export interface Binding {
  items: ChecklistItem[]
  verdicts: Verdict[]
  /** lines for the report's notes: refused commands and acceptances that no longer match an item */
  notes: string[]
}

export const EMPTY_LEDGER: Ledger = { commands: [], permissions: new Map(), authors: new Map(), notes: [] }

const acceptable = (i: ChecklistItem): boolean => i.status === 'fail' || i.status === 'warn'

function refusal(c: Command, ledger: Ledger, item: ChecklistItem | undefined, policy: AcceptPolicy): string | null {
  const role = ledger.permissions.get(c.comment.login)
  if (role === undefined || typeof role === 'object') {
    return `the permission of ${c.comment.login} could not be read${role ? ` (${role.error})` : ''}`
  }
  if (!MAY_ACCEPT.has(role)) {
    return `${c.comment.login} has ${role === 'none' ? 'no' : role} permission on the repository; accepting and revoking need write, maintain or admin`
  }
  if (c.problem) return `it ${c.problem}`
  if (c.kind === 'accept' && item) {
    if (!acceptable(item))
      return `${codeSpan(item.id)} ${item.status === 'pass' ? 'passes' : 'does not apply'}; only a failed or warned item can be accepted`
    if (item.bias && !policy.authorCanAcceptBias && ledger.authors.get(c.pr) === c.comment.login) {
      return 'the pull request’s author cannot accept a bias item of their own change; another maintainer must (policy key `author-can-accept-bias`)'
    }
  }
  return null
}

export function bindAcceptances(items: ChecklistItem[], ledger: Ledger, policy: AcceptPolicy): Binding {
  const byId = new Map(items.map((i) => [i.id, i]))
  const accepted = new Map<string, Command>()
  // accepts of ids this review does not have, still standing (not revoked later): they lapsed
  const unmatched = new Map<string, Command>()
  const verdicts: Verdict[] = []
  // the order they were written in; a stable sort keeps the lines of one comment in order
  const ordered = [...ledger.commands].sort(
    (a, b) => a.comment.createdAt.localeCompare(b.comment.createdAt) || a.comment.id - b.comment.id
  )
  for (const c of ordered) {
    const item = byId.get(c.id)
    const why = refusal(c, ledger, item, policy)
    if (why !== null) {
      verdicts.push({ command: c, outcome: 'refused', why })
      continue
    }
    if (c.kind === 'accept') {
      if (!item) {
        unmatched.set(c.id, c)
        verdicts.push({ command: c, outcome: 'unknown', why: `no item of this review has the id ${codeSpan(c.id)}` })
        continue
      }
      accepted.set(c.id, c)
      verdicts.push({ command: c, outcome: 'accepted' })
    } else {
      accepted.delete(c.id)
      unmatched.delete(c.id)
      verdicts.push(
        item
          ? { command: c, outcome: 'revoked' }
          : { command: c, outcome: 'unknown', why: `no item of this review has the id ${codeSpan(c.id)}` }
      )
    }
  }
  const bound = items.map((i) => {
    const c = accepted.get(i.id)
    if (!c) return i
    const acceptance: Acceptance = {
      by: c.comment.login,
      at: c.comment.createdAt,
      reason: c.reason,
      url: c.comment.url
    }
    return { ...i, accepted: acceptance }
  })
  const notes = [...ledger.notes]
  for (const v of verdicts) {
    if (v.outcome !== 'refused') continue
    notes.push(
      `${commandText(v.command)} by ${v.command.comment.login} ([comment](${v.command.comment.url})) was not honoured: ${v.why ?? ''}.`
    )
  }
  for (const c of unmatched.values()) {
    notes.push(
      `The acceptance of ${codeSpan(c.id)} by ${c.comment.login} ([comment](${c.comment.url})) matches no item of this review: its finding changed or is gone, so it no longer applies.`
    )
  }
  return { items: bound, verdicts, notes }
}

/** The command as its author wrote it, short: `/ml-review accept RAI-…`. */
export function commandText(c: Command): string {
  return codeSpan(`/ml-review ${c.kind}${c.id ? ` ${c.id}` : ''}`)
}

/** Whether a role may accept and revoke. */
export function mayAccept(role: Permission): boolean {
  return MAY_ACCEPT.has(role)
}

/** The reply to a command comment whose commands were not all carried out, or null when they were. */
export function replyText(login: string, verdicts: Verdict[], headSha: string): string | null {
  const failed = verdicts.filter((v) => v.outcome === 'refused' || v.outcome === 'unknown')
  if (failed.length === 0) return null
  const lines = failed.map(
    (v) =>
      `- ${commandText(v.command)}: ${v.why ?? ''}${v.outcome === 'unknown' ? ` (review of \`${headSha.slice(0, 7)}\`; the ids are in the checklist of the review comment)` : ''}.`
  )
  return [`@${login}, this was not done:`, '', ...lines].join('\n')
}
