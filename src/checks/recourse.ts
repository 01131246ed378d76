// Counterfactual explanations and recourse (DiCE, alibi, CARLA) are told which features a suggested change may
// touch: `features_to_vary=[...]`, `immutable_features = [...]`. A protected attribute newly allowed to vary, or no
// longer held fixed, means the tool may now tell a person to change their race or sex to get another decision.
import { analyze } from '../analysis/index.js'
import { calleeName, walk, type Expr, type PyStatement } from '../analysis/parse.js'
import type { Finding } from '../types.js'
import { makeFinding, type Check } from './finding.js'
import { PROTECTED_ATTRIBUTE } from './responsible-ai.js'
import type { FileView } from './view.js'
import { protectedOf, words } from './vocabulary.js'

/** A list of the features a change may touch. */
const VARY = /^(vary|varied|mutable|actionable|changeable|modifiable|editable|adjustable)$/
/** A list of the features a change must leave alone. */
const FIXED = /^(immutable|frozen|fixed|unchangeable|immutables|nonactionable|constant|locked)$/

interface FeatureList {
  key: string
  kind: 'vary' | 'fixed'
  values: Map<string, number>
  line: number
}

function listKind(name: string): 'vary' | 'fixed' | null {
  const ws = words(name)
  if (ws.some((w) => FIXED.test(w))) return 'fixed'
  if (
    ws.some((w) => VARY.test(w)) &&
    ws.some((w) => /^(features?|cols?|columns?|vars?|variables?|attributes?)$/.test(w))
  )
    return 'vary'
  // `features_to_vary`, `to_vary`
  return ws.includes('vary') ? 'vary' : null
}

function stringsOf(e: Expr): Map<string, number> | null {
  if (e.k !== 'seq' || !e.items.every((i) => i.k === 'str')) return null
  return new Map(e.items.flatMap((i) => (i.k === 'str' ? [[i.value.trim().toLowerCase(), i.line] as const] : [])))
}

function featureLists(statements: PyStatement[]): Map<string, FeatureList> {
  const out = new Map<string, FeatureList>()
  const add = (key: string, name: string, value: Expr): void => {
    const kind = listKind(name)
    const values = kind ? stringsOf(value) : null
    if (kind && values && !out.has(key)) out.set(key, { key, kind, values, line: value.line })
  }
  for (const s of statements) {
    if (s.kind === 'import' || s.kind === 'def') continue
    if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name')
      add(s.targets[0].id, s.targets[0].id, s.value)
    for (const e of s.exprs)
      walk(e, (x) => {
        if (x.k !== 'call') return
        for (const a of x.args)
          if (a.name && a.name !== '*' && a.name !== '**') add(`${calleeName(x)}(${a.name}=)`, a.name, a.value)
      })
  }
  return out
}

function recourseFindings(view: FileView): Finding[] {
  if (!view.before || !view.after || !view.baseKnown) return []
  const base = featureLists(analyze(view.before).statements)
  if (base.size === 0) return []
  const out: Finding[] = []
  for (const h of featureLists(analyze(view.after).statements).values()) {
    const b = base.get(h.key)
    if (!b || b.kind !== h.kind) continue
    const turned =
      h.kind === 'vary'
        ? [...h.values.keys()].filter((v) => !b.values.has(v) && protectedOf(v) !== null)
        : [...b.values.keys()].filter((v) => !h.values.has(v) && protectedOf(v) !== null)
    if (turned.length === 0) continue
    const line = h.kind === 'vary' ? (h.values.get(turned[0]) ?? h.line) : h.line
    if (!view.isAddedLine(line)) continue
    out.push(
      makeFinding(
        PROTECTED_ATTRIBUTE,
        view,
        line,
        `${h.key} ${h.kind === 'vary' ? 'now lets a counterfactual change' : 'no longer holds fixed'} ${turned.join(', ')}`,
        { title: 'Protected attribute left open to counterfactual change' }
      )
    )
  }
  return out.slice(0, 3)
}

export const recourseChecks: Check = (view) => {
  if (view.kind !== 'notebook' && view.kind !== 'python') return []
  try {
    return recourseFindings(view)
  } catch {
    return []
  }
}
