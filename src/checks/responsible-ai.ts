// Responsible AI: protected attributes entering the model's inputs, fairness evaluation taken away,
// privileged/unprivileged group definitions changed, and personal data committed in notebook outputs.
import type { Finding } from '../types.js'
import { introducedProtected, protectedCategory, type ProtectedUse } from './protected.js'
import {
  evaluations,
  gainedEvaluations,
  groupsFilteredOut,
  removedEvaluations,
  unmatched,
  type Evaluation
} from './fairness.js'
import { disposable, projectTooling } from './file-role.js'
import { FAIR_MODULE, FAIRNESS_FILE, GROUP_VALUE } from './vocabulary.js'
import { encodingTurns } from './group-encoding.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { analyze, enclosingFunction, flatText } from '../analysis/index.js'
import { callsIn, walk, type PyStatement } from '../analysis/parse.js'
import type { FileView, Side } from './view.js'

const family = 'responsible-ai' as const

export const PROTECTED_ATTRIBUTE: CheckSpec = {
  id: 'RAI-PROTECTED-ATTRIBUTE',
  family,
  title: 'Protected attribute added to model features',
  status: 'fail',
  bias: true,
  flags:
    'gender/sex, race/ethnicity, age, religion, nationality/citizenship, disability, marital status, pregnancy, sexual orientation or a zip/postcode proxy newly added to a feature list, an X column selection or a config feature key',
  fix: 'Drop the attribute from the model inputs (keep it only as sensitive_features for fairness evaluation), or document the legal basis and per-group results.'
}
export const FAIRNESS_METRIC_REMOVED: CheckSpec = {
  id: 'RAI-FAIRNESS-METRIC-REMOVED',
  family,
  title: 'Fairness / per-group evaluation removed',
  status: 'fail',
  bias: true,
  flags:
    'fewer fairness evaluations per attribute, metric and group (fairlearn, AIF360, aequitas, TFMA / Fairness Indicators, MinDiff, TFCO, responsible-ai-toolbox, audited-attribute lists, group masks, scored subsets, config audit blocks and fairness methods), a mitigation switched off, groups filtered out before an audit, or a deleted file that held them',
  fix: 'Keep the per-group fairness metrics in the evaluation, or move them and link where they are reported now.'
}
export const PRIVILEGED_GROUPS_CHANGED: CheckSpec = {
  id: 'RAI-PRIVILEGED-GROUPS-CHANGED',
  family,
  title: 'Privileged/unprivileged group definition changed',
  status: 'fail',
  bias: true,
  flags:
    'privileged_groups / unprivileged_groups / privileged_classes, or a reference group (aequitas ref_groups_dict, ref_groups in configs) redefined, or the coding of a protected group turned round in code (the value a protected column is compared with, two codes of a group exchanged): every disparity is measured against it',
  fix: 'Confirm the new group encoding against the dataset documentation; swapped groups invert every fairness metric.'
}
export const PII_IN_OUTPUT: CheckSpec = {
  id: 'RAI-PII-IN-OUTPUT',
  family,
  title: 'Personal data in committed notebook output',
  status: 'fail',
  bias: false,
  flags: 'e-mail addresses or phone numbers newly present in notebook outputs',
  fix: 'Clear the outputs (e.g. nbstripout) or mask the personal data before committing.'
}

export const RAI_CHECKS: CheckSpec[] = [
  PROTECTED_ATTRIBUTE,
  FAIRNESS_METRIC_REMOVED,
  PRIVILEGED_GROUPS_CHANGED,
  PII_IN_OUTPUT
]

// ---------------------------------------------------------------------------------------------
// Protected attributes

export { protectedCategory } from './protected.js'

function checkProtected(view: FileView): Finding[] {
  // a new notebook or script that itself measures fairness puts the attribute in on purpose: a fairness-unaware
  // baseline whose bias it evaluates (a fairness tutorial, a debiasing study)
  if (!view.before && view.after && evaluations(view, view.after).length > 0) return []
  const byLine = new Map<number, ProtectedUse[]>()
  for (const use of introducedProtected(view)) {
    // the line of the route the change wrote, when the column itself was there before (a new concat, a new fit)
    const line = (use.route ?? []).find((l) => view.isAddedLine(l)) ?? use.line
    byLine.set(line, [...(byLine.get(line) ?? []), use])
  }
  return [...byLine].map(([line, uses]) =>
    makeFinding(
      PROTECTED_ATTRIBUTE,
      view,
      line,
      uses.map((u) => `'${u.column}' (${u.category}) via ${u.via}`).join('; ')
    )
  )
}

// ---------------------------------------------------------------------------------------------
// Fairness metrics removed

function checkFairnessRemoved(view: FileView, all: FileView[]): Finding[] {
  // a package list, a CI job or a docs page that names fairness evaluates nothing; a fixture or scratch file
  // deleted takes away no evaluation a reviewer gates
  if (!view.before || projectTooling(view.path) || (!view.after && disposable(view.path))) return []
  const filtered = groupsFilteredOut(view).map((g) =>
    makeFinding(
      FAIRNESS_METRIC_REMOVED,
      view,
      g.line,
      `rows filtered to some groups of ${g.text} before the fairness evaluation`
    )
  )
  return [...filtered, ...removedFairness(view, all)]
}

function removedFairness(view: FileView, all: FileView[]): Finding[] {
  if (!view.before) return []
  const own = removedEvaluations(view)
  // no evaluation left the file: the other files need not be read
  if (own.length === 0) return view.after ? [] : deletedFairnessWork(view, all)
  // what the other changed files gained is a move, not a removal
  // (a deleted file's evaluations that another changed file holds on its head: the deleted file was a copy)
  const elsewhere = all
    .filter((o) => o !== view)
    .flatMap((o) => (view.after ? gainedEvaluations(o) : evaluations(o, o.after)))
  const removed = unmatched(own, elsewhere)
  if (removed.length === 0) return []
  if (!view.after) {
    const what = [...new Set(removed.map((e) => e.key))]
    const shown = what.slice(0, 4).join('; ') + (what.length > 4 ? ` and ${what.length - 4} more` : '')
    return [makeFinding(FAIRNESS_METRIC_REMOVED, view, null, `file deleted with its fairness evaluation: ${shown}`)]
  }
  // a removal inside a statement the head still has (a metric cut from its list) points at that statement
  const gained = gainedEvaluations(view)
  const slot = (key: string): string => key.replace(/\([^)]*\)/, '(*)')
  const headLine = (e: Evaluation): number | null =>
    gained.find((g) => slot(g.key) === slot(e.key))?.line ?? view.headLineFor(e.line)
  // one finding per block of nearby removals
  const out: Finding[] = []
  const sorted = [...removed].sort((a, b) => a.line - b.line)
  let block: typeof sorted = []
  const flush = (): void => {
    if (block.length === 0) return
    const keys = [...new Set(block.map((e) => e.key))]
    const shown = keys.slice(0, 4).join('; ') + (keys.length > 4 ? ` and ${keys.length - 4} more` : '')
    out.push(
      makeFinding(FAIRNESS_METRIC_REMOVED, view, headLine(block[0]), `removed: ${shown} (base line ${block[0].line})`)
    )
    block = []
  }
  for (const e of sorted) {
    const last = block[block.length - 1]
    // removals far apart at the base that land on the same head line are one removed section
    if (last && e.line - last.line > 3 && headLine(e) !== headLine(last)) flush()
    block.push(e)
  }
  flush()
  return out.slice(0, 5)
}

// ---------------------------------------------------------------------------------------------
// Privileged / unprivileged groups

const GROUP_NAME =
  /^(un)?priv(ileged)?_(groups?|classes?|values?|protected_attributes|attributes?|attrs?|labels?)$|^(un)?favou?rable_(label|labels|class|classes)$|^group_(base_values?|bins)$|^(ref_groups?(_dict)?|reference_groups?|reference_group_dict|base_groups?|ref_groups?_method)$|^(reference|ref|baseline|base)_(level|category|class|value|group)s?$|^facet_values?_or_threshold$/i

interface GroupDefinition {
  name: string
  text: string
  line: number
  stmt?: PyStatement
}

const FORMULA_REFERENCE = /C\(\s*(\w+)\s*,\s*Treatment\(\s*(?:reference\s*=\s*)?(['"][^'"]*['"]|[\w.-]+)\s*\)/g

function groupDefinitions(side: Side, kind: FileView['kind']): GroupDefinition[] {
  const out: GroupDefinition[] = []
  if (kind === 'config') {
    for (const e of side.entries) {
      const path = e.key.split('.').map((s) => s.replace(/\[\d+\]/g, ''))
      // SageMaker Clarify's analysis config: `facet[0].value_or_threshold` is the group every bias metric measures
      const facet = path.at(-1) === 'value_or_threshold' && path.at(-2) === 'facet' ? 'facet.value_or_threshold' : null
      const name = facet ?? path.find((s) => GROUP_NAME.test(s))
      // `ref_groups[0].race` and `ref_groups.race` define the same group
      if (name) out.push({ name, text: `${e.key.replace(/\[\d+\]/g, '')}=${JSON.stringify(e.value)}`, line: e.line })
    }
    return out
  }
  const statements = analyze(side).statements
  // a variable handed to a group argument (`ref_groups_dict=attributes_and_reference_groups`) defines groups too
  const passedAsGroups = new Set<string>()
  for (const stmt of statements)
    for (const call of callsIn(stmt))
      for (const arg of call.args)
        if (arg.name && GROUP_NAME.test(arg.name) && arg.value.k === 'name') passedAsGroups.add(arg.value.id)
  for (const [at, stmt] of statements.entries()) {
    // `def race(row): if row['HISPANX'] == 2 and row['RACEV2X'] == 1: return 'White'`: the rule that puts people
    // in a group is that group's definition
    const picked = groupPicked(statements, at)
    if (picked) out.push(picked)
    // a model formula's reference level of a protected column: `C(race, Treatment(reference='White'))`
    if (stmt.text.includes('Treatment'))
      for (const e of stmt.exprs)
        walk(e, (x) => {
          if (x.k !== 'str' || !x.value.includes('Treatment')) return
          for (const m of x.value.matchAll(FORMULA_REFERENCE)) {
            if (!protectedCategory(m[1])) continue
            out.push({ name: `reference level of ${m[1]}`, text: `${m[1]}: reference ${m[2]}`, line: x.line, stmt })
          }
        })
    if (stmt.kind === 'assign') {
      for (const t of stmt.targets) {
        const name = t.k === 'name' ? t.id : t.k === 'attr' ? t.name : null
        if (name && (GROUP_NAME.test(name) || passedAsGroups.has(name)))
          out.push({ name, text: flatText(stmt), line: stmt.line, stmt })
      }
    }
    // lale's protected_attributes=[{'feature': 'age', 'reference_group': [[26, 1000]]}]: a group named by a dict key,
    // told apart from its siblings by the attribute the same dict names
    for (const e of stmt.exprs)
      walk(e, (x) => {
        if (x.k !== 'dict') return
        const attribute = x.entries.find((en) => en.value.k === 'str' && protectedCategory(en.value.value))
        for (const en of x.entries) {
          if (en.key?.k !== 'str' || !GROUP_NAME.test(en.key.value) || en.value.k === 'name') continue
          const of = attribute?.value.k === 'str' ? ` of ${attribute.value.value}` : ''
          out.push({
            name: `${en.key.value}${of}`,
            text: `${en.key.value}${of}=${en.value.text.replace(/\s+/g, ' ')}`,
            line: en.value.line,
            stmt
          })
        }
      })
    // get_disparity_predefined_groups(..., ref_groups_dict={'race': 'Caucasian'}): a literal given in the call
    for (const call of callsIn(stmt)) {
      for (const arg of call.args) {
        if (!arg.name || !GROUP_NAME.test(arg.name) || arg.value.k === 'name' || arg.value.k === 'attr') continue
        out.push({
          name: arg.name,
          text: `${arg.name}=${arg.value.text.replace(/\s+/g, ' ')}`,
          line: arg.value.line,
          stmt
        })
      }
    }
  }
  return out
}

/** An `if` whose body returns (or assigns) a group's name: its condition, named by the group and function. */
function groupPicked(statements: PyStatement[], at: number): GroupDefinition | null {
  const stmt = statements[at]
  const m = /^(?:el)?if\b([\s\S]*?):?\s*(?:#.*)?$/.exec(stmt.text.trim())
  if (!m || stmt.kind !== 'other') return null
  // the statement after the header (the parser keeps its colon apart)
  const next = statements.slice(at + 1, at + 3).find((s) => s.text.trim() !== ':')
  const body = next?.text.trim() ?? ''
  const value = /^(?:return\s+|[\w.[\]'"]+\s*=\s*)(['"])([^'"]{1,40})\1\s*(?:#.*)?$/.exec(body)?.[2]
  if (!value || !GROUP_VALUE.test(value.trim())) return null
  const fn = enclosingFunction(statements, stmt.line)?.name
  const name = `condition for '${value}'${fn ? ` in ${fn}()` : ''}`
  return { name, text: `${name}=${m[1].trim()}`, line: stmt.line, stmt }
}

/** A protected group's coding turned round in code: the value it is compared with, or two codes exchanged. */
function checkGroupEncoding(view: FileView): Finding[] {
  if (view.kind !== 'notebook' && view.kind !== 'python') return []
  return encodingTurns(view).map((t) => makeFinding(PRIVILEGED_GROUPS_CHANGED, view, t.line, t.detail))
}

function checkPrivilegedGroups(view: FileView): Finding[] {
  if (!view.before || !view.after) return []
  const before = groupDefinitions(view.before, view.kind)
  if (before.length === 0) return []
  // spacing around punctuation is layout, not a different group
  const canonical = (text: string): string => text.replace(/\s*([,:;{}[\]()=])\s*/g, '$1').trim()
  const beforeTexts = new Set(before.map((d) => canonical(d.text)))
  const code = view.kind !== 'config'
  const head = code ? analyze(view.after) : null
  const base = code ? analyze(view.before) : null
  // statements the change wrote (on its added lines), and base statements it rewrote or removed (fewer copies left)
  const headCount = new Map<string, number>()
  for (const st of head?.statements ?? []) headCount.set(flatText(st), (headCount.get(flatText(st)) ?? 0) + 1)
  const gone = new Set<PyStatement>()
  for (const st of base?.statements ?? []) {
    const n = headCount.get(flatText(st)) ?? 0
    if (n > 0) headCount.set(flatText(st), n - 1)
    else gone.add(st)
  }
  const fresh = new Set(
    (head?.statements ?? []).filter((st) => {
      for (let l = st.line; l <= st.endLine; l++) if (view.isAddedLine(l)) return true
      return false
    })
  )
  const isNew = (d: GroupDefinition): boolean => (d.stmt ? fresh.has(d.stmt) : view.isAddedLine(d.line))
  const rewritten = (b: GroupDefinition): boolean => (b.stmt ? gone.has(b.stmt) : true)
  // code: a rewritten definition replaces a removed one of the same name; config: a changed value
  const replaced = (name: string, text: string): boolean =>
    !code
      ? !beforeTexts.has(canonical(text)) && before.some((b) => b.name.toLowerCase() === name.toLowerCase())
      : before.some(
          (b) => rewritten(b) && b.name.toLowerCase() === name.toLowerCase() && canonical(b.text) !== canonical(text)
        )
  const changed = groupDefinitions(view.after, view.kind).filter((d) => isNew(d) && replaced(d.name, d.text))
  // one finding per block of nearby redefinitions
  const out: Finding[] = []
  let block: typeof changed = []
  const flush = (): void => {
    if (block.length === 0) return
    const was = (d: GroupDefinition): string => {
      const old = before.find(
        (b) => b.name.toLowerCase() === d.name.toLowerCase() && rewritten(b) && canonical(b.text) !== canonical(d.text)
      )
      return old ? ` (base: ${old.text.replace(/^.*?=\s*/, '')})` : ''
    }
    out.push(
      makeFinding(PRIVILEGED_GROUPS_CHANGED, view, block[0].line, block.map((d) => `${d.text}${was(d)}`).join('; '))
    )
    block = []
  }
  for (const d of changed) {
    if (block.length > 0 && d.line - block[block.length - 1].line > 3) flush()
    block.push(d)
  }
  flush()
  return out
}

// ---------------------------------------------------------------------------------------------
// Personal data in outputs

const EMAIL = /(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)@((?:[A-Za-z0-9-]+\.)+([A-Za-z]{2,24}))(?![\w-])/g
const PHONE =
  /(?<![\w+.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{4}|\d{3}-\d{3}-\d{4}|\d{3} \d{3} \d{4}|\+\d{1,3}[ -]\d{2,4}[ -]\d{3,4}[ -]\d{3,4})(?![\w.-]|\d)/g
const NOT_EMAIL_TLD =
  /^(png|jpe?g|gif|svg|webp|bmp|ico|py|ipynb|js|ts|json|ya?ml|toml|txt|csv|html?|css|md|pt|bin|ckpt|safetensors|onnx|h5|pkl|zip|gz|tar|whl|so|dll|exe|lock|cfg|ini|log)$/i
const PLACEHOLDER_DOMAIN =
  /(^|\.)(example\.(com|org|net)|test|invalid|localhost|local|users\.noreply\.github\.com|noreply\.github\.com)$/i
const PLACEHOLDER_USER =
  /^(git|noreply|no-reply|user|username|name|email|your[._-]?email|you|foo|bar|test|example|john\.doe|jane\.doe)$/i

function maskEmail(user: string, domain: string): string {
  return `${user[0]}***@${domain}`
}

function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return `phone ending …${digits.slice(-2)}`
}

function personalData(text: string): Array<{ kind: string; key: string; shown: string; raw: string }> {
  const out: Array<{ kind: string; key: string; shown: string; raw: string }> = []
  EMAIL.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = EMAIL.exec(text)) !== null) {
    const [, user, domain, tld] = m
    if (NOT_EMAIL_TLD.test(tld) || PLACEHOLDER_DOMAIN.test(domain) || PLACEHOLDER_USER.test(user)) continue
    out.push({ kind: 'e-mail', key: m[0].toLowerCase(), shown: maskEmail(user, domain), raw: m[0] })
  }
  PHONE.lastIndex = 0
  while ((m = PHONE.exec(text)) !== null) {
    const digits = m[0].replace(/\D/g, '')
    if (digits.length < 10 || /^(\d)\1+$/.test(digits)) continue
    out.push({ kind: 'phone number', key: digits, shown: maskPhone(m[0]), raw: m[0] })
  }
  return out
}

/** The .ipynb line, at or after an output's start, whose JSON string holds the value; the start when none does. */
function valueLine(ipynb: string, from: number, raw: string): number {
  const needle = JSON.stringify(raw).slice(1, -1)
  const lines = ipynb.split('\n')
  for (let i = Math.max(0, from - 1); i < lines.length && i < from + 5_000; i++)
    if (lines[i].includes(needle)) return i + 1
  return from
}

function checkPersonalData(view: FileView): Finding[] {
  if (view.kind !== 'notebook' || !view.after?.notebook || !view.baseKnown) return []
  const seen = new Set<string>()
  for (const cell of view.before?.notebook?.cells ?? []) {
    for (const o of cell.outputs) for (const p of personalData(o.text)) seen.add(p.key)
  }
  const out: Finding[] = []
  for (const cell of view.after.notebook.cells) {
    for (const o of cell.outputs) {
      const fresh = personalData(o.text).filter((p) => !seen.has(p.key))
      if (fresh.length === 0) continue
      fresh.forEach((p) => seen.add(p.key))
      const kinds = [...new Set(fresh.map((p) => p.kind))].join(' and ')
      const shown = fresh
        .slice(0, 3)
        .map((p) => p.shown)
        .join(', ')
      const more = fresh.length > 3 ? ` and ${fresh.length - 3} more` : ''
      out.push(
        makeFinding(
          PII_IN_OUTPUT,
          view,
          valueLine(view.after.text, o.line, fresh[0].raw),
          `${kinds} in cell ${cell.index + 1} output (${o.outputType}): ${shown}${more}`
        )
      )
    }
  }
  return out
}

export const responsibleAi: Check = (view, all) => {
  const out: Finding[] = []
  for (const check of [
    checkProtected,
    checkFairnessRemoved,
    checkPrivilegedGroups,
    checkGroupEncoding,
    checkPersonalData
  ]) {
    try {
      out.push(...check(view, all))
    } catch {
      // one check failing on odd input leaves the others standing
    }
  }
  return out
}

/**
 * A deleted notebook or script whose evaluation is not one the checks read (an exercise that imports a fairness
 * library's metrics and leaves their use to the reader, per-group rates written by hand) still held fairness work
 * when its name says so. The same name on another changed file is a move; a fairness notebook or script the change
 * adds (by its name or its fairness imports) is a replacement.
 */
function deletedFairnessWork(view: FileView, all: FileView[]): Finding[] {
  if (!view.before || (view.kind !== 'notebook' && view.kind !== 'python')) return []
  const name = view.path.split('/').pop() ?? view.path
  if (!FAIRNESS_FILE.test(name)) return []
  const moved = all.some((o) => {
    if (o === view || !o.after || (o.kind !== 'notebook' && o.kind !== 'python')) return false
    const other = o.path.split('/').pop() ?? ''
    if (other === name) return true
    // renamed (`Part2_Debiasing.ipynb` → `Part2_FaceDetection.ipynb`): most of its code is in the added file
    return !o.before && (FAIRNESS_FILE.test(other) || fairnessImports(o.after).length > 0 || sharesCode(view, o))
  })
  if (moved) return []
  return [makeFinding(FAIRNESS_METRIC_REMOVED, view, null, 'file deleted with its fairness work (by its name)')]
}

/** Whether most statements of a deleted file's code stand, word for word, in another file's head. */
function sharesCode(gone: FileView, other: FileView): boolean {
  if (!gone.before || !other.after) return false
  const was = analyze(gone.before).statements.filter((st) => st.kind !== 'import')
  if (was.length === 0) return false
  const now = new Set(analyze(other.after).statements.map(flatText))
  return was.filter((st) => now.has(flatText(st))).length * 2 >= was.length
}

/** The fairness libraries a side imports, by top-level package. */
function fairnessImports(side: Side): string[] {
  const out = new Set<string>()
  for (const st of analyze(side).statements)
    for (const imp of st.imports) if (FAIR_MODULE.test(imp.module)) out.add(imp.module.split('.')[0])
  return [...out].sort()
}

/** Checks that still apply to a file the change deleted: the fairness evaluation it held. */
export const deletedFile: Check = (view, all) => {
  try {
    return checkFairnessRemoved(view, all)
  } catch {
    return []
  }
}
