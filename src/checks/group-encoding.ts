// A group's encoding turned round by a statement that otherwise stays the same: the value a protected column is
// compared with (`Z_test['race'] == 1` → `== 0`), or two values of a group's coding exchanged
// (`{"male": 0, "female": 1}` → `{"male": 1, "female": 0}`, `'Under 30' if x == 1 else 'Over 30'` the other way
// round). Every metric that tells the protected group from the reference group then reads them the wrong way.
import { analyze, flatText } from '../analysis/index.js'
import { goneByKey, lineAt, stripComments } from '../analysis/rewrite.js'
import { callsIn, calleeName, type PyStatement } from '../analysis/parse.js'
import type { FileView } from './view.js'
import { fairnessWords, protectedOf, words } from './vocabulary.js'

export interface EncodingTurn {
  line: number
  detail: string
}

/** String, number and boolean literals of a statement's text, comments left out. */
const LITERAL = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|(?<![\w.])\d+(?:\.\d+)?(?![\w.])|\bTrue\b|\bFalse\b)/g

interface Literal {
  text: string
  /** offset in the comment-free text */
  at: number
}

function literals(text: string): Literal[] {
  const out: Literal[] = []
  for (const m of text.matchAll(LITERAL)) out.push({ text: m[0], at: m.index })
  return out
}

/** The statement with every literal replaced: two statements of one skeleton differ only in their values. */
const skeleton = (stmt: PyStatement): string => flatText(stmt).replace(LITERAL, '§')

/** Where a literal stands as a value of the coding: after `:` `==` `!=` `else` `return`, or before `if` `==` `!=`. */
function codingSlot(text: string, lit: Literal): 'compare' | 'value' | null {
  const before = text.slice(0, lit.at).trimEnd()
  const after = text.slice(lit.at + lit.text.length).trimStart()
  if (/(==|!=)$/.test(before) || /^(==|!=)/.test(after)) return 'compare'
  if (/(:|\belse|\breturn|\bif)$/.test(before) || /^(if\b|else\b)/.test(after)) return 'value'
  return null
}

/** A statement about a group: a protected column or value, a sensitive attribute, a privileged group. */
function aboutGroup(text: string): boolean {
  for (const m of text.matchAll(/[A-Za-z_][\w]*|"[^"\n]{1,60}"|'[^'\n]{1,60}'/g)) {
    const token = m[0].replace(/^["']|["']$/g, '')
    if (protectedOf(token) !== null || fairnessWords(words(token))) return true
  }
  return false
}

/** Output, plotting and logging calls: a label or colour changed in them codes nothing. */
const PRESENTATION =
  /^(print|display|plot|bar|barh|barplot|countplot|hist|scatter|title|set_title|xlabel|ylabel|set_xlabel|set_ylabel|legend|annotate|text|format|savefig|figure|subplots|log|info|warning|debug|write|markdown|HTML|Markdown)$/

/** Group codings the change turned round in statements it rewrote. */
export function encodingTurns(view: FileView): EncodingTurn[] {
  if (!view.before || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  // base statements the change rewrote or removed, by the shape they keep when only their values change
  const gone = goneByKey(base.statements, head.statements, (b) =>
    /==|!=|:|\belse\b/.test(b.text) ? skeleton(b) : null
  )
  if (gone.size === 0) return []
  const baseTexts = new Set(base.statements.map(flatText))
  const out: EncodingTurn[] = []
  for (const s of head.statements) {
    if (baseTexts.has(flatText(s)) || s.kind === 'import' || s.kind === 'def') continue
    const olds = gone.get(skeleton(s))
    if (!olds) continue
    const text = stripComments(s.text)
    if (!aboutGroup(text) || callsIn(s).some((c) => PRESENTATION.test(calleeName(c)))) continue
    const now = literals(text)
    for (const old of olds) {
      const was = literals(stripComments(old.text))
      if (was.length !== now.length) continue
      const differing = now.map((_, i) => i).filter((i) => now[i].text !== was[i].text)
      if (differing.length === 0) continue
      const slots = differing.map((i) => codingSlot(text, now[i]))
      if (slots.some((k) => k === null)) continue
      const sorted = (xs: Literal[]): string =>
        xs
          .map((x) => x.text)
          .sort()
          .join('\u0000')
      const swapped =
        differing.length >= 2 && sorted(differing.map((i) => now[i])) === sorted(differing.map((i) => was[i]))
      const compared = slots.every((k) => k === 'compare')
      if (!swapped && !compared) continue
      const first = now[differing[0]]
      const line = lineAt(s, text, first.at)
      if (!view.isAddedLine(line)) continue
      const pairs = differing.map((i) => `${was[i].text} → ${now[i].text}`).join(', ')
      const around = text
        .slice(Math.max(0, first.at - 50), first.at + first.text.length)
        .replace(/\s+/g, ' ')
        .trim()
      out.push({
        line,
        detail: `${swapped ? 'group coding swapped' : 'group compared with another value'}: ${pairs} in …${around}`
      })
      break
    }
  }
  return out.slice(0, 3)
}
