// The `/ml-review accept <id> <reason>` and `/ml-review revoke <id>` commands of a pull request's comments. Pure: the
// comments come in as plain data, in the order GitHub lists them.

export interface CommandComment {
  id: number
  body: string
  login: string
  /** `Bot` comments (ours among them) never command anything: a report that quotes a command is not one */
  userType: string
  createdAt: string
  url: string
}

export interface Command {
  kind: 'accept' | 'revoke'
  /** the item id as the stable ids are spelt (`RAI-` then lower-case hex) */
  id: string
  /** why the finding is accepted (accept only) */
  reason: string
  comment: CommandComment
  /** what makes the command unusable as written (no id, no reason) */
  problem?: string
  /** the PR the comment is on */
  pr: number
}

const COMMAND_LINE = /^\/ml-review[ \t]+(accept|revoke)(?:[ \t]+(.*))?$/i
/** The longest reason kept: a reason is a sentence, not a document. */
export const MAX_REASON_CHARS = 500

/** Whether a comment holds an accept or revoke command (a line of its own that starts with one). */
export function hasCommands(body: string): boolean {
  return body.split(/\r?\n/).some((line) => COMMAND_LINE.test(line.trim()))
}

/** `RAI-1A2B…` or `` `rai-1a2b…` `` as the ids are written; any other word as it is. */
export function normaliseId(word: string): string {
  const bare = word.replace(/^`+|`+$/g, '')
  return /^rai-/i.test(bare) ? `RAI-${bare.slice(4).toLowerCase()}` : bare
}

/** The commands of one comment, one per line that starts with `/ml-review accept` or `/ml-review revoke`. */
export function parseCommands(comment: CommandComment, pr: number): Command[] {
  if (comment.userType === 'Bot') return []
  const out: Command[] = []
  for (const raw of comment.body.split(/\r?\n/)) {
    const m = COMMAND_LINE.exec(raw.trim())
    if (!m) continue
    const kind = m[1].toLowerCase() as Command['kind']
    const [word = '', ...rest] = (m[2] ?? '').trim().split(/\s+/)
    // an id is a short word; a longer one is kept short enough to quote
    const id = normaliseId(word).slice(0, 64)
    const reason = rest.join(' ').trim().slice(0, MAX_REASON_CHARS)
    const problem =
      id === ''
        ? `names no item id (write \`/ml-review ${kind} <id>${kind === 'accept' ? ' <reason>' : ''}\`)`
        : kind === 'accept' && reason === ''
          ? 'gives no reason (write `/ml-review accept <id> <reason>`)'
          : undefined
    out.push({ kind, id, reason: kind === 'accept' ? reason : '', comment, pr, ...(problem ? { problem } : {}) })
  }
  return out
}
