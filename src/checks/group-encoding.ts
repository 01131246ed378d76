// A group's encoding turned round by a statement that otherwise stays the same: the value a protected column is
// compared with (`Z_test['race'] == 1` → `== 0`), or two values of a group's coding exchanged
// (`{"male": 0, "female": 1}` → `{"male": 1, "female": 0}`, `'Under 30' if x == 1 else 'Over 30'` the other way
// round). Every metric that tells the protected group from the reference group then reads them the wrong way.
import { analyze, flatText } from '../analysis/index.js'
import { goneByKey, lineAt, stripComments } from '../analysis/rewrite.js'
import { callsIn, calleeName, type PyStatement } from '../analysis/parse.js'
import type { FileView } from './view.js'
import { protectedCategory } from './protected.js'
import { FAIRNESS_FILE, fairnessWords, protectedOf, words } from './vocabulary.js'

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

/** A literal's value: `'a'` and `"a"` are one string. */
const valueOf = (lit: Literal): string => (/^["']/.test(lit.text) ? `"${lit.text.slice(1, -1)}"` : lit.text)

function literals(text: string): Literal[] {
  const out: Literal[] = []
  for (const m of text.matchAll(LITERAL)) out.push({ text: m[0], at: m.index })
  return out
}

/** Ordered comparison operators, not shifts or arrows. */
const ORDER = /(?<![<>=!-])(<=|>=|<|>)(?![<>=])/g

/**
 * The statement with every literal and ordered comparison replaced: two statements of one skeleton differ only in
 * their values or in which way they compare.
 */
const skeleton = (stmt: PyStatement): string => flatText(stmt).replace(LITERAL, '§').replace(ORDER, '≶')

/** The column an operand ending here reads, when it is protected: `X_test["customer_age"]`, `df.age`, `(age`. */
function protectedOperand(before: string): string | null {
  const m = /(?:\[\s*(["'])([^"'\n]{1,60})\1\s*\]|\b([A-Za-z_]\w*))\s*\)?$/.exec(before)
  const name = m ? (m[2] ?? m[3]) : undefined
  return name !== undefined && protectedOf(name) !== null ? name : null
}

/** A protected column ordered against a number (`age >= 50`): the boundary of an age group. */
function orderedAgainstProtected(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd()
  const op = /(<=|>=|<|>)$/.exec(before)
  return op !== null && protectedOperand(before.slice(0, -op[0].length).trimEnd()) !== null
}

/** The ordered comparisons of a protected column in a text, in order: `>=` of `X["customer_age"] >= 50`. */
function protectedOrders(text: string): Array<{ op: string; at: number }> {
  const out: Array<{ op: string; at: number }> = []
  for (const m of text.matchAll(ORDER))
    if (protectedOperand(text.slice(0, m.index).trimEnd()) !== null) out.push({ op: m[0], at: m.index })
  return out
}

/** Where a literal stands as a value of the coding: after `:` `==` `!=` `else` `return`, or before `if` `==` `!=`. */
function codingSlot(text: string, lit: Literal): 'compare' | 'boundary' | 'value' | null {
  const before = text.slice(0, lit.at).trimEnd()
  const after = text.slice(lit.at + lit.text.length).trimStart()
  if (/(==|!=)$/.test(before) || /^(==|!=)/.test(after)) return 'compare'
  if (orderedAgainstProtected(text, lit.at)) return 'boundary'
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

/** The text up to a place in a statement, for a finding's evidence. */
const around = (text: string, at: number, length = 1): string =>
  text
    .slice(Math.max(0, at - 50), at + length)
    .replace(/\s+/g, ' ')
    .trim()

/** The first protected comparison that now goes the other way: `>=` → `<`. */
function orderTurned(
  was: Array<{ op: string; at: number }>,
  now: Array<{ op: string; at: number }>
): { from: string; op: string; at: number } | null {
  if (was.length !== now.length) return null
  const i = now.findIndex((n, j) => n.op !== was[j].op)
  return i === -1 ? null : { from: was[i].op, op: now[i].op, at: now[i].at }
}

/** A value of a protected attribute, not the attribute's column: `'Caucasian'`, `'Female'`; not `'race'`, `'age'`. */
function groupValue(value: string): string | null {
  const category = protectedOf(value)
  if (category === null) return null
  return protectedCategory(value) === null || /^(male|female|males|females|man|woman|men|women)$/i.test(value)
    ? category
    : null
}

/** Two string literals naming groups of one protected attribute: `'Caucasian'` and `'African-American'`. */
function sameAttribute(a: Literal, b: Literal): boolean {
  if (!/^["']/.test(a.text) || !/^["']/.test(b.text)) return false
  const ca = groupValue(a.text.slice(1, -1))
  return ca !== null && ca === groupValue(b.text.slice(1, -1))
}

/** Group codings the change turned round in statements it rewrote. */
export function encodingTurns(view: FileView): EncodingTurn[] {
  if (!view.before || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = analyze(view.before)
  // base statements the change rewrote or removed, by the shape they keep when only their values change
  const gone = goneByKey(base.statements, head.statements, (b) =>
    /==|!=|:|\belse\b|[<>"']/.test(b.text) ? skeleton(b) : null
  )
  // a group's boundary moved or turned (`age >= 50` → `>= 25`, `< 50`) is read where the file is about fairness:
  // elsewhere an age filter selects the data, not a group compared with another
  const fairFile = FAIRNESS_FILE.test(view.after.text)
  const out: EncodingTurn[] = [
    ...exchangedBetweenNames(view, base.statements, head.statements),
    ...masksInverted(view, base.statements, head.statements)
  ]
  if (gone.size === 0) return out
  const baseTexts = new Set(base.statements.map(flatText))
  for (const s of head.statements) {
    if (baseTexts.has(flatText(s)) || s.kind === 'import' || s.kind === 'def') continue
    const olds = gone.get(skeleton(s))
    if (!olds) continue
    const text = stripComments(s.text)
    if (!aboutGroup(text) || callsIn(s).some((c) => PRESENTATION.test(calleeName(c)))) continue
    const now = literals(text)
    for (const old of olds) {
      const oldText = stripComments(old.text)
      const was = literals(oldText)
      if (was.length !== now.length) continue
      const differing = now.map((_, i) => i).filter((i) => valueOf(now[i]) !== valueOf(was[i]))
      if (differing.length === 0) {
        const turned = fairFile ? orderTurned(protectedOrders(oldText), protectedOrders(text)) : null
        if (!turned) continue
        const line = lineAt(s, text, turned.at)
        if (!view.isAddedLine(line)) continue
        out.push({
          line,
          detail: `group boundary turned: ${turned.from} → ${turned.op} in …${around(text, turned.at)}`
        })
        break
      }
      // one group's value for another of the same attribute, wherever it stands (`'Caucasian'` → `'African-American'`
      // as a reference group argument): the comparison now centres on another group
      const slots = differing.map((i) => codingSlot(text, now[i]) ?? (sameAttribute(was[i], now[i]) ? 'group' : null))
      if (slots.some((k) => k === null || (k === 'boundary' && !fairFile))) continue
      const sorted = (xs: Literal[]): string =>
        xs
          .map((x) => x.text)
          .sort()
          .join('\u0000')
      const swapped =
        differing.length >= 2 && sorted(differing.map((i) => now[i])) === sorted(differing.map((i) => was[i]))
      const compared = slots.every((k) => k === 'compare' || k === 'boundary' || k === 'group')
      if (!swapped && !compared) continue
      const first = now[differing[0]]
      const line = lineAt(s, text, first.at)
      if (!view.isAddedLine(line)) continue
      const pairs = differing.map((i) => `${was[i].text} → ${now[i].text}`).join(', ')
      const what = swapped
        ? 'group coding swapped'
        : slots.includes('boundary')
          ? "group's boundary moved"
          : slots.includes('group')
            ? 'group exchanged for another'
            : 'group compared with another value'
      out.push({ line, detail: `${what}: ${pairs} in …${around(text, first.at, first.text.length)}` })
      break
    }
  }
  return out.slice(0, 3)
}

/** How many times each name is negated in a text: `~sex_A & ~young` → sex_A 1, young 1. */
function negations(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of text.matchAll(/~\s*([A-Za-z_][\w.]*)/g)) out.set(m[1], (out.get(m[1]) ?? 0) + 1)
  return out
}

/**
 * A group mask negated, or its negation taken off, in a statement that stays otherwise the same:
 * `group_difference_plot(values, sex_A)` → `(values, ~sex_A)`. The groups the comparison takes are exchanged.
 */
function masksInverted(view: FileView, base: PyStatement[], head: PyStatement[]): EncodingTurn[] {
  const plain = (t: string): string => t.replace(/~\s*/g, '')
  const baseByPlain = new Map<string, string>()
  for (const b of base) baseByPlain.set(plain(flatText(b)), flatText(b))
  const baseTexts = new Set(base.map(flatText))
  const out: EncodingTurn[] = []
  for (const s of head) {
    const flat = flatText(s)
    if (baseTexts.has(flat) || s.kind === 'import' || s.kind === 'def') continue
    const was = baseByPlain.get(plain(flat))
    if (was === undefined) continue
    // the name whose negation changed: `~` in one text and not at the same place in the other
    const a = negations(was)
    const b = negations(flat)
    const turned = [...new Set([...a.keys(), ...b.keys()])].find(
      (n) => (a.get(n) ?? 0) !== (b.get(n) ?? 0) && aboutGroup(n)
    )
    if (!turned) continue
    const text = stripComments(s.text)
    const at = Math.max(0, text.search(new RegExp(`(?<![\\w.])${turned.replace(/\./g, '\\.')}(?![\\w])`)))
    const line = lineAt(s, text, at)
    if (!view.isAddedLine(line)) continue
    out.push({
      line,
      detail: `group mask inverted: ${(a.get(turned) ?? 0) > (b.get(turned) ?? 0) ? `~${turned} → ${turned}` : `${turned} → ~${turned}`} in …${around(text, at, turned.length)}`
    })
  }
  return out
}

/** Literal values assigned once, by name: `threshold_female = 0.45`, `t_a, t_b = 0.55, 0.45`. */
function literalAssignments(stmts: PyStatement[]): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number } | null>()
  const put = (name: string, value: string, line: number): void =>
    void out.set(name, out.has(name) ? null : { value, line })
  for (const s of stmts) {
    if (s.kind !== 'assign' || !s.value) continue
    const values = s.value.k === 'seq' && s.targets.length > 1 ? s.value.items : [s.value]
    if (values.length !== s.targets.length) continue
    s.targets.forEach((t, i) => {
      const v = values[i]
      if (t.k === 'name' && (v.k === 'num' || v.k === 'str')) put(t.id, v.text, v.line)
      else if (t.k === 'name') out.set(t.id, null)
    })
  }
  return new Map([...out].flatMap(([k, v]) => (v ? [[k, v] as const] : [])))
}

/** Two per-group settings that exchanged their values across statements: `threshold_group_a = 0.55` and
 * `threshold_group_b = 0.45` the other way round. */
function exchangedBetweenNames(view: FileView, base: PyStatement[], head: PyStatement[]): EncodingTurn[] {
  const was = literalAssignments(base)
  const now = literalAssignments(head)
  // a name about a group: `thr_female`, or in a file about fairness `threshold_group_a`, `weight_privileged`
  const fairFile = FAIRNESS_FILE.test(view.after?.text ?? '')
  const perGroup = (n: string): boolean =>
    aboutGroup(n) ||
    (fairFile && words(n).some((w) => /^(groups?|grp|privileged|unprivileged|priv|unpriv|majority|minority)$/.test(w)))
  const changed = [...now].filter(([n, v]) => was.has(n) && was.get(n)!.value !== v.value && perGroup(n))
  const out: EncodingTurn[] = []
  for (let i = 0; i < changed.length; i++)
    for (let j = i + 1; j < changed.length; j++) {
      const [a, va] = changed[i]
      const [b, vb] = changed[j]
      const shared = words(a).some((w) => words(b).includes(w))
      if (!shared || va.value !== was.get(b)!.value || vb.value !== was.get(a)!.value) continue
      const line = view.isAddedLine(va.line) ? va.line : vb.line
      if (!view.isAddedLine(line)) continue
      out.push({
        line,
        detail: `group coding swapped: ${a} ${was.get(a)!.value} → ${va.value}, ${b} ${was.get(b)!.value} → ${vb.value}`
      })
    }
  return out
}
