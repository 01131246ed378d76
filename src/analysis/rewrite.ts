// Statements a change rewrote, paired with what they were: the base statement of the same target (or the same
// call) that the head no longer has, and the head statement beyond the base's copies of its text. Checks that read
// what one token became (`roc_clf` → `baseline_clf`, `test_df` → `train_df`) compare the two token by token.
import { flatText } from './index.js'
import type { PyStatement } from './parse.js'

const TOKEN = /[rbuRBU]?"(?:[^"\\\n]|\\.)*"|[rbuRBU]?'(?:[^'\\\n]|\\.)*'|[A-Za-z_]\w*|\d+(?:\.\d+)?|\S/g

export const stripComments = (text: string): string => text.replace(/#[^\n'"]*$/gm, '')

/** A keyword argument given a literal value: `, pred_type="classification"`, `, flag_oor=True`. */
const LITERAL_KEYWORD = /,\s*\w+\s*=\s*("[^"]*"|'[^']*'|[\w.]+)(?=\s*[,)])/g

/**
 * A statement's text with the name of one callee and the keywords given literal values left out: the same call
 * under a library's new name reads the same (`r.classification_fairness_report(PA, y, p)` and
 * `r.bias_report(PA, y, p, pred_type="classification")`). Null when the text does not call it.
 */
export function callShape(text: string, callee: string): string | null {
  if (!/^\w+$/.test(callee)) return null
  const call = new RegExp(`(?<!\\w)${callee}(?=\\()`, 'g')
  if (!call.test(text)) return null
  return text.replace(call, '§').replace(LITERAL_KEYWORD, '')
}

export interface Token {
  text: string
  /** offset in the text it was read from */
  at: number
}

/** Names, literals and single punctuation of a statement's (comment-free) text. */
export const tokensOf = (text: string): Token[] => [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], at: m.index }))

/** A token's text without a literal's quotes and prefix. */
export const bareToken = (token: string): string => token.replace(/^[rbuf]*["']|["']$/gi, '')

/** What a statement is keyed by when it is rewritten: its targets, else its first call's text up to `(`. */
export function statementKey(s: PyStatement): string | null {
  if ((s.kind === 'assign' || s.kind === 'augassign') && s.targets.length > 0)
    return `=${s.targets.map((t) => t.text.replace(/\s+/g, '')).join(',')}`
  const m = /^\s*([\w.]+)\s*\(/.exec(s.text)
  return m ? `(${m[1]}` : null
}

/** The file line of an offset in a statement's text (a notebook's source lines are consecutive JSON lines). */
export const lineAt = (s: PyStatement, text: string, at: number): number =>
  s.line + (text.slice(0, at).match(/\n/g)?.length ?? 0)

/**
 * Base statements the change rewrote or removed, by key (a statement whose key is null is left out): more copies
 * at the base than in the head.
 */
export function goneByKey(
  base: PyStatement[],
  head: PyStatement[],
  keyOf: (s: PyStatement) => string | null = statementKey
): Map<string, PyStatement[]> {
  const count = new Map<string, number>()
  for (const h of head) count.set(flatText(h), (count.get(flatText(h)) ?? 0) + 1)
  const out = new Map<string, PyStatement[]>()
  for (const b of base) {
    const n = count.get(flatText(b)) ?? 0
    if (n > 0) {
      count.set(flatText(b), n - 1)
      continue
    }
    const key = keyOf(b)
    if (key) out.set(key, [...(out.get(key) ?? []), b])
  }
  return out
}

/**
 * Head statements beyond the base's copies of the same text, the copies the change wrote counted as the new ones:
 * a rewritten call may now read word for word like another one above it.
 */
export function beyondBase(
  base: PyStatement[],
  head: PyStatement[],
  written: (s: PyStatement) => boolean
): Set<PyStatement> {
  const count = new Map<string, number>()
  for (const b of base) count.set(flatText(b), (count.get(flatText(b)) ?? 0) + 1)
  const byText = new Map<string, PyStatement[]>()
  for (const h of head) byText.set(flatText(h), [...(byText.get(flatText(h)) ?? []), h])
  const out = new Set<PyStatement>()
  for (const [text, copies] of byText) {
    const extra = copies.length - (count.get(text) ?? 0)
    if (extra <= 0) continue
    ;[...copies.filter(written), ...copies.filter((c) => !written(c)).reverse()]
      .slice(0, extra)
      .forEach((c) => out.add(c))
  }
  return out
}

/** A head statement the change wrote in place of base ones: the base statements of its key it may have been. */
export interface Rewritten {
  head: PyStatement
  olds: PyStatement[]
}

/** Each rewritten head statement with the base statements of its key it may have been. */
export function rewrittenPairs(
  base: PyStatement[],
  head: PyStatement[],
  written: (s: PyStatement) => boolean
): Rewritten[] {
  const gone = goneByKey(base, head)
  if (gone.size === 0) return []
  const fresh = beyondBase(base, head, written)
  const out: Rewritten[] = []
  for (const s of head) {
    if (s.kind === 'import' || s.kind === 'def' || !fresh.has(s)) continue
    const key = statementKey(s)
    const olds = key ? gone.get(key) : undefined
    if (olds) out.push({ head: s, olds })
  }
  return out
}
