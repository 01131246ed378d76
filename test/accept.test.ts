import { describe, expect, it } from 'vitest'
import { bindAcceptances, replyText, type Ledger, type Permission } from '../src/accept/bind.js'
import { hasCommands, parseCommands, type CommandComment } from '../src/accept/commands.js'
import type { ChecklistItem } from '../src/types.js'

let next = 1
const comment = (body: string, login = 'maint', userType = 'User'): CommandComment => {
  const id = next++
  return {
    id,
    body,
    login,
    userType,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
    url: `https://github.com/o/r/pull/7#issuecomment-${id}`
  }
}
const item = (id: string, status: ChecklistItem['status'], bias: boolean): ChecklistItem => ({
  id,
  text: `item ${id}`,
  status,
  bias,
  source: 'builtin',
  path: null,
  line: null
})
const ledger = (comments: CommandComment[], roles: Record<string, Permission> = { maint: 'maintain' }): Ledger => ({
  commands: comments.flatMap((c) => parseCommands(c, 7)),
  permissions: new Map(Object.entries(roles)),
  authors: new Map([[7, 'author']]),
  notes: []
})
const strict = { authorCanAcceptBias: false }
const ITEMS = [
  item('RAI-aaaaaaaa', 'fail', true),
  item('RAI-bbbbbbbb', 'warn', false),
  item('RAI-cccccccc', 'pass', true)
]

describe('parseCommands', () => {
  it('reads one command per line, ids in any case or in backticks, the rest of the line as the reason', () => {
    const c = comment('/ml-review accept `rai-AAAAAAAA`  a documented   model\nthanks\n/ML-REVIEW revoke RAI-bbbbbbbb')
    expect(parseCommands(c, 7).map(({ kind, id, reason, problem }) => ({ kind, id, reason, problem }))).toEqual([
      { kind: 'accept', id: 'RAI-aaaaaaaa', reason: 'a documented model', problem: undefined },
      { kind: 'revoke', id: 'RAI-bbbbbbbb', reason: '', problem: undefined }
    ])
  })

  it('names what is missing, and ignores quoted lines, other words and bots', () => {
    expect(parseCommands(comment('/ml-review accept'), 7)[0].problem).toMatch(/names no item id/)
    expect(parseCommands(comment('/ml-review accept RAI-aaaaaaaa'), 7)[0].problem).toMatch(/gives no reason/)
    expect(parseCommands(comment('> /ml-review accept RAI-aaaaaaaa ok'), 7)).toEqual([])
    expect(parseCommands(comment('/ml-review acceptance RAI-aaaaaaaa ok'), 7)).toEqual([])
    expect(parseCommands(comment('/ml-review accept RAI-aaaaaaaa ok', 'x[bot]', 'Bot'), 7)).toEqual([])
    expect(hasCommands('please\n/ml-review revoke RAI-1')).toBe(true)
    expect(hasCommands('/ml-review')).toBe(false)
  })
})

describe('bindAcceptances', () => {
  it('accepts a failed or warned item for a maintainer, with who, when, why and where', () => {
    const c = comment('/ml-review accept RAI-aaaaaaaa documented model')
    const b = bindAcceptances(ITEMS, ledger([c]), strict)
    expect(b.items[0].accepted).toEqual({ by: 'maint', at: c.createdAt, reason: 'documented model', url: c.url })
    expect(b.items[1].accepted).toBeUndefined()
    expect(b.notes).toEqual([])
  })

  it('takes the commands in the order they were written: the last word on an id stands', () => {
    const accept = comment('/ml-review accept RAI-aaaaaaaa first')
    const revoke = comment('/ml-review revoke RAI-aaaaaaaa')
    const again = comment('/ml-review accept RAI-aaaaaaaa second')
    // listed out of order: the creation time decides
    expect(bindAcceptances(ITEMS, ledger([revoke, accept]), strict).items[0].accepted).toBeUndefined()
    expect(bindAcceptances(ITEMS, ledger([again, revoke, accept]), strict).items[0].accepted?.reason).toBe('second')
  })

  it('refuses read, triage and unreadable permissions, the author on a bias item, and a passing item', () => {
    const read = comment('/ml-review accept RAI-aaaaaaaa ok', 'reader')
    const triage = comment('/ml-review accept RAI-aaaaaaaa ok', 'triager')
    const lost = comment('/ml-review accept RAI-aaaaaaaa ok', 'lost')
    const own = comment('/ml-review accept RAI-aaaaaaaa mine', 'author')
    const ownNonBias = comment('/ml-review accept RAI-bbbbbbbb mine', 'author')
    const passing = comment('/ml-review accept RAI-cccccccc ok')
    const l = ledger([read, triage, lost, own, ownNonBias, passing], {
      maint: 'maintain',
      reader: 'read',
      triager: 'triage',
      author: 'admin'
    })
    l.permissions.set('lost', { error: 'HTTP 500' })
    const b = bindAcceptances(ITEMS, l, strict)
    expect(b.items[0].accepted).toBeUndefined()
    expect(b.items[1].accepted?.by).toBe('author')
    expect(b.verdicts.map((v) => v.outcome)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
      'accepted',
      'refused'
    ])
    expect(b.notes.join('\n')).toContain('reader has read permission')
    expect(b.notes.join('\n')).toContain('triager has triage permission')
    expect(b.notes.join('\n')).toContain('the permission of lost could not be read (HTTP 500)')
    expect(b.notes.join('\n')).toContain('author cannot accept a bias item')
    expect(b.notes.join('\n')).toContain('`RAI-cccccccc` passes')
    expect(bindAcceptances(ITEMS, l, { authorCanAcceptBias: true }).items[0].accepted?.by).toBe('author')
  })

  it('an acceptance whose id no item has any more lapses, with a note; a revoked one says nothing', () => {
    const lapsed = comment('/ml-review accept RAI-dddddddd old finding')
    const gone = comment('/ml-review accept RAI-eeeeeeee other')
    const revoked = comment('/ml-review revoke RAI-eeeeeeee')
    const b = bindAcceptances(ITEMS, ledger([lapsed, gone, revoked]), strict)
    expect(b.items.some((i) => i.accepted)).toBe(false)
    expect(b.notes).toEqual([
      `The acceptance of \`RAI-dddddddd\` by maint ([comment](${lapsed.url})) matches no item of this review: its finding changed or is gone, so it no longer applies.`
    ])
  })

  it('replies only for what was not done', () => {
    const ok = comment('/ml-review accept RAI-aaaaaaaa fine')
    const bad = comment('/ml-review accept RAI-ffffffff fine')
    const b = bindAcceptances(ITEMS, ledger([ok, bad]), strict)
    expect(
      replyText(
        'maint',
        b.verdicts.filter((v) => v.command.comment.id === ok.id),
        'a'.repeat(40)
      )
    ).toBeNull()
    expect(
      replyText(
        'maint',
        b.verdicts.filter((v) => v.command.comment.id === bad.id),
        'a'.repeat(40)
      )
    ).toBe(
      '@maint, this was not done:\n\n- `/ml-review accept RAI-ffffffff`: no item of this review has the id `RAI-ffffffff` (review of `aaaaaaa`; the ids are in the checklist of the review comment).'
    )
  })
})
