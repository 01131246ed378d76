// Where protected attributes reach the model: every column the data flow hands to a fit (selected, derived,
// one-hot encoded, kept by a drop that no longer drops it), the named feature lists, and config feature
// definitions at any depth. A column used only as a fairness group label never reaches a fit.
import { memoByText } from './memo.js'
import { protectedOf } from './vocabulary.js'
import { analyze } from '../analysis/index.js'
import type { ConfigEntry } from '../types.js'
import { codeFeatureLists, configFeatureLists } from './features.js'
import { isTruthy } from './python.js'
import type { FileView, Side } from './view.js'

export interface ProtectedUse {
  /** the column as written */
  column: string
  category: string
  line: number
  /** how it reaches the model, for the evidence */
  via: string
  /** lines along its route (where it entered, was joined, was fitted): the finding goes to the first the change added */
  route?: number[]
}

const PROTECTED: Array<{ re: RegExp; label: string }> = [
  { re: /(^|_)(gender|sex|female|male|females|males|woman|women)(_|$)/, label: 'sex/gender' },
  { re: /(^|_)(race|racial|ethnicity|ethnic|ethnic_group|skin_colou?r)(_|$)/, label: 'race/ethnicity' },
  {
    re: /(^|_)(age|age_group|age_bucket|age_years|agegroup|date_of_birth|dob|birth_date|birthdate|birth_year|senior_citizen|seniorcitizen)(_|$)/,
    label: 'age'
  },
  { re: /(^|_)(religion|religious|faith)(_|$)/, label: 'religion' },
  {
    re: /(^|_)(nationality|citizenship|national_origin|native_country|country_of_birth|birth_country)(_|$)/,
    label: 'nationality'
  },
  { re: /(^|_)(disability|disabled|handicap|handicapped)(_|$)/, label: 'disability' },
  { re: /(^|_)(marital|marital_status|marriage|married|spouse)(_|$)/, label: 'marital status' },
  { re: /(^|_)(pregnant|pregnancy|maternity)(_|$)/, label: 'pregnancy' },
  { re: /(^|_)(sexual_orientation|orientation_sexual|sexuality|lgbt|lgbtq)(_|$)/, label: 'sexual orientation' },
  { re: /(^|_)(zip|zipcode|zip_code|postcode|post_code|postal_code|postalcode)(_|$)/, label: 'zip/postcode (proxy)' }
]

/**
 * The protected category a column name speaks of, or null. `customer_age` → age; `stage` → null. Asked of the same
 * names by every check, statement after statement: read once each.
 */
export const protectedCategory = memoByText(categoryUncached)

function categoryUncached(name: string): string | null {
  const norm = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    // race1, sex_2: a numbered copy of the column
    .replace(/_?\d+$/, '')
    // ZIP_FILE, zip_path, url_zip: an archive, not a postcode
    .replace(/(^|_)zip(?=_(files?|paths?|dirs?|urls?|archives?|folders?|names?|bytes|refs?|handle)(_|$))/g, '$1archive')
    .replace(/(^|_)(files?|paths?|dirs?|urls?|archives?|folders?|download|output|input)_zip(_|$)/g, '$1$2_archive$3')
  if (norm === '' || norm.length > 60) return null
  for (const p of PROTECTED) if (p.re.test(norm)) return p.label
  return null
}

/** Column names a side mentions as columns, for what a whole frame (read_csv, `df.drop(...)`) holds. */
export function mentionedColumns(side: Side | null): Map<string, string> {
  const out = new Map<string, string>()
  if (!side) return out
  for (const name of analyze(side).flow.mentioned.keys()) out.set(name, name)
  return out
}

/** Columns a side writes into a table by assignment: `df['is_male'] = ...` (lowercased). */
function createdColumns(side: Side | null): Set<string> {
  const out = new Set<string>()
  if (!side) return out
  for (const s of analyze(side).statements)
    if (s.kind === 'assign')
      for (const t of s.targets)
        if (t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str') out.add(t.items[0].value.toLowerCase())
  return out
}

/** Protected columns that reach a fit in code, by every route the data flow knows. */
export function protectedInCode(side: Side, universe: Map<string, string>): ProtectedUse[] {
  const { flow } = analyze(side)
  const out: ProtectedUse[] = []
  for (const input of flow.inputs) {
    for (const col of input.frame.cols.values()) {
      // a column named for a group (`is_male`, `is_husband`) is that attribute, whatever it was computed from
      const direct = protectedOf(col.name)
      const source = direct ? null : col.from.find((f) => protectedCategory(f) !== null)
      const category = direct ?? (source ? protectedCategory(source) : null)
      if (!category) continue
      out.push({
        column: col.name,
        category,
        line: col.line,
        via: `${source ? `${col.name} (derived from ${source})` : col.name} → ${input.via}`,
        route: [col.line, ...(col.joins ?? []), input.stmt.line]
      })
    }
    if (!input.frame.whole) continue
    // a whole table minus what was dropped: every protected column the notebook knows of is still in it
    for (const [key, name] of universe) {
      const category = protectedCategory(name)
      if (!category || input.frame.dropped.has(key) || input.frame.cols.has(key)) continue
      out.push({
        column: name,
        category,
        line: input.frame.wholeLine ?? input.stmt.line,
        via: `${name} kept in the whole frame → ${input.via}`
      })
    }
  }
  // lists named as features (`feature_cols = [...]`) whose fit may sit in another file
  for (const list of codeFeatureLists(side)) {
    for (const it of list.items) {
      const category = protectedCategory(it.value)
      if (category) out.push({ column: it.value, category, line: it.line, via: list.name })
    }
  }
  return out
}

/** Keys that speak of fairness evaluation, not of model inputs: a protected value under them is a group label. */
const GROUP_CONTEXT =
  /sensitive|protected|fairness|fair_|bias|audit|privileged|subgroup|group_by|groupby|slice|slicing|exclude|excluded|drop|ignore|remove|blacklist|denylist|metadata|^id$|id_col|stratif|weight/i
const FEATURE_CONTEXT =
  /feature|categorical|numerical|numeric|continuous|column|input|predictor|covariate|embedding|aggregation|attributes?$|^x_|vars?$|cols?$/i

/** Protected columns a config feeds the model: feature definitions at any depth and `include_sex: true` flags. */
export function protectedInConfig(entries: ConfigEntry[], side: Side): ProtectedUse[] {
  const out: ProtectedUse[] = []
  for (const e of entries) {
    const segments = e.key.split('.').map((s) => s.replace(/\[\d+\]/g, ''))
    if (segments.some((s) => GROUP_CONTEXT.test(s))) continue
    const leaf = segments[segments.length - 1] ?? ''
    // include_sex: true / use_age_feature: yes
    const flag = /^(include|use|add|with|keep)_(.+?)(_feature|_column|_col)?$/i.exec(leaf)
    if (flag && protectedCategory(flag[2]) && (isTruthy(e.value) || e.value === true)) {
      out.push({ column: flag[2], category: protectedCategory(flag[2]) as string, line: e.line, via: e.key })
      continue
    }
    const inFeatures = segments.slice(0, -1).some((s) => FEATURE_CONTEXT.test(s)) || FEATURE_CONTEXT.test(leaf)
    if (!inFeatures) continue
    if (typeof e.value === 'string') {
      const category = protectedCategory(e.value)
      if (category && /^[\w.-]{1,60}$/.test(e.value)) {
        out.push({ column: e.value, category, line: e.line, via: e.key })
        continue
      }
    }
    // features: {sex: {type: categorical}}: the key under a feature section is the column
    const at = segments.findIndex((s) => FEATURE_CONTEXT.test(s))
    const child = at >= 0 ? segments[at + 1] : undefined
    if (child && protectedCategory(child) && !FEATURE_CONTEXT.test(child))
      out.push({ column: child, category: protectedCategory(child) as string, line: e.line, via: e.key })
  }
  const declared = declaredInConfig(entries)
  for (const list of configFeatureLists(side)) {
    for (const it of list.items) {
      const category = protectedCategory(it.value) ?? (declared.has(it.value) ? 'declared sensitive' : null)
      if (category) out.push({ column: it.value, category, line: it.line, via: list.name })
    }
  }
  return out
}

/** Keys that declare a config's sensitive columns: `sensitive: ["grp"]`, `protected_attributes: [...]`. */
const SENSITIVE_DECLARATION =
  /^(sensitive|sensitive_(features?|attributes?|attrs?|cols?|columns?)|protected_(attributes?|attrs?|features?|cols?|columns?))$/i

/** The columns a config declares sensitive, whatever they are called: protected within that config. */
function declaredInConfig(entries: ConfigEntry[]): Set<string> {
  const out = new Set<string>()
  for (const e of entries) {
    const leaf = (e.key.split('.').pop() ?? '').replace(/\[\d+\]$/, '')
    if (SENSITIVE_DECLARATION.test(leaf) && typeof e.value === 'string' && /^[\w.-]{1,60}$/.test(e.value))
      out.add(e.value)
  }
  return out
}

/** Random draws: `np.random.randint(0, 2, N)`, `rng.binomial(1, 0.5, n)`, `torch.bernoulli(p)`. */
export const RANDOM_DRAW =
  /\b(np\.random|numpy\.random|random\.(random|randint|choice|choices|sample)|rng\.\w+|default_rng|torch\.(rand|randn|randint|bernoulli|multinomial))\b|\b(bernoulli|binomial)\s*\(/

/**
 * Protected attributes a file simulates: `sex = np.random.randint(0, 2, N) == 1`. A simulated group is the design
 * of a study (how a model treats a group built to be treated differently), not a person's attribute reaching a model.
 */
export function simulatedCategories(side: Side | null): Set<string> {
  const out = new Set<string>()
  if (!side) return out
  for (const s of analyze(side).statements) {
    if (s.kind !== 'assign' || !s.value || !RANDOM_DRAW.test(s.value.text)) continue
    for (const t of s.targets) {
      const category = t.k === 'name' ? protectedCategory(t.id) : null
      if (category) out.add(category)
    }
  }
  return out
}

/** Protected columns the change makes reach the model: on the head and not on the base. */
export function introducedProtected(view: FileView): ProtectedUse[] {
  if (!view.after || !view.baseKnown) return []
  const code = view.kind === 'notebook' || view.kind === 'python'
  const uses = (side: Side | null, universe: Map<string, string>): ProtectedUse[] =>
    !side
      ? []
      : code
        ? protectedInCode(side, universe)
        : view.kind === 'config'
          ? protectedInConfig(side.entries, side)
          : []
  // the columns a whole table may hold: those either side names, but not one that only the other side creates
  // (`df['Gender_Male'] = ...` new in the head is not a column the base's table held)
  const universeFor = (own: Side | null, other: Side | null): Map<string, string> => {
    const created = createdColumns(other)
    const mine = mentionedColumns(own)
    return new Map([...mine, ...[...mentionedColumns(other)].filter(([k]) => !created.has(k) || mine.has(k))])
  }
  const universe = code ? universeFor(view.after, view.before) : new Map<string, string>()
  const baseUniverse = code ? universeFor(view.before, view.after) : new Map<string, string>()
  const before = new Set(uses(view.before, baseUniverse).map((u) => u.column.toLowerCase()))
  const simulated = code ? simulatedCategories(view.after) : new Set<string>()
  const seen = new Set<string>()
  return uses(view.after, universe).filter((u) => {
    const key = u.column.toLowerCase()
    if (before.has(key) || seen.has(key) || simulated.has(u.category)) return false
    seen.add(key)
    return true
  })
}
