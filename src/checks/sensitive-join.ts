// The values of a sensitive attribute joined onto the model's features: `X = pd.concat([X, Z], axis=1)`,
// `np.hstack([X_train, Z_train])`, `X[sensitive_attr] = s`. Research notebooks keep the group labels in a variable
// of their own (Z, s, sensitive_attributes) beside X, so the attribute reaches the model by that variable, not by a
// column name.
import { calleeName, positional, rootName, walk, type Expr, type PyStatement } from '../analysis/parse.js'
import { protectedOf, words } from './vocabulary.js'

export interface SensitiveJoin {
  /** the sensitive variable joined */
  value: string
  category: string
  line: number
  via: string
}

/** Calls that put arrays or frames side by side. */
const JOIN_CALL = /^(concat|hstack|column_stack|concatenate|cat|dstack|join|merge|append)$/
/** Calls that take the feature matrix first: a split or a fit. */
const TAKES_X = /^(train_test_split|fit|fit_transform|partial_fit|fit_resample|train|cross_val_score|cross_validate)$/

const SENSITIVE_WORD = /^(sensitive|sens|protected|prot)$/
/** Keywords that hand a call the group labels: `sensitive_features=`, `protected_attribute=`, `sensitive=`. */
const sensitiveKeyword = (name: string): boolean => words(name).some((w) => SENSITIVE_WORD.test(w))

/** `Z_train` → `Z`, `s_test` → `s`: the variable a split part comes from. */
export const splitBase = (name: string): string => name.replace(/_(train|test|val|valid|validation|tr|te|dev)$/i, '')

/** Words of a variable that holds group membership. */
const GROUP_WORD = /^(group|groups|membership|memberships)$/

/** The letters fairness code names group labels by: A (fairlearn), Z, S, G, P. */
const GROUP_LETTER = /^[azsgp]$/i

/** Names that must not be read as group labels: the feature matrix and the target. */
const FEATURE_OR_TARGET = /^(x|y|df|data)$/i

/** A model's input (X, X_train, features): not the adversary's or a critic's. */
function featureTarget(name: string): boolean {
  const ws = words(name)
  if (
    ws.some((w) =>
      /^(adv|adversary|adversarial|discriminator|critic|disc|sensitive|sens|protected|group|groups|y)$/.test(w)
    )
  )
    return false
  return ws.some((w) => /^(x|features?|feats?|inputs?|predictors?|covariates?)$/.test(w))
}

/** Variables holding a sensitive attribute's values on one side, with the category when a column names it. */
export function sensitiveVariables(statements: PyStatement[], fairFile: boolean): Map<string, string> {
  const out = new Map<string, string>()
  // a name assigned a string (or strings) holds a column name, not values
  const names = new Set<string>()
  for (const s of statements)
    if (
      s.kind === 'assign' &&
      s.value &&
      (s.value.k === 'str' ||
        (s.value.k === 'seq' && s.value.items.length > 0 && s.value.items.every((i) => i.k === 'str')))
    )
      for (const t of s.targets) if (t.k === 'name') names.add(t.id)
  const add = (name: string | null, category: string): void => {
    if (!name || names.has(name) || FEATURE_OR_TARGET.test(splitBase(name))) return
    if (!out.has(name) || out.get(name) === 'sensitive attribute') out.set(name, category)
  }
  for (const s of statements) {
    if (s.kind === 'import' || s.kind === 'def') continue
    for (const t of s.targets)
      if (t.k === 'name' && words(t.id).some((w) => SENSITIVE_WORD.test(w))) add(t.id, 'sensitive attribute')
      // `groups_df`, `group_membership`: in a notebook about fairness, the groups are the protected groups
      else if (fairFile && t.k === 'name' && words(t.id).some((w) => GROUP_WORD.test(w))) add(t.id, 'protected group')
    for (const e of s.exprs)
      walk(e, (x) => {
        // sensitive_features=A_test, protected_attribute=s: whatever is handed there is a group label
        if (x.k === 'call')
          for (const a of x.args)
            if (a.name && a.name !== '*' && a.name !== '**' && sensitiveKeyword(a.name) && a.value.k === 'name')
              add(a.value.id, 'sensitive attribute')
        // Z_test['race']: a one-letter variable keyed by a protected column holds that attribute
        if (x.k === 'sub' && x.obj.k === 'name' && splitBase(x.obj.id).length === 1) {
          const key = x.items.find((i) => i.k === 'str')
          const category = key?.k === 'str' ? protectedOf(key.value) : null
          if (category) add(splitBase(x.obj.id), category)
        }
      })
    // CustomDataset(xz_train, y_train, z_train), test_model(model, X_test, y_test, A_test): in a notebook about
    // fairness, the one-letter value handed on after the features and the labels is the group
    if (fairFile)
      for (const e of s.exprs)
        walk(e, (x) => {
          if (x.k !== 'call') return
          const values = x.args.filter((a) => a.name === null).map((a) => a.value)
          const bases = values.map((a) => (a.k === 'name' ? splitBase(a.id) : ''))
          for (let i = 0; i + 2 < bases.length; i++) {
            const arg = values[i + 2]
            if (/^x[a-z]?$/i.test(bases[i]) && /^y$/i.test(bases[i + 1]) && GROUP_LETTER.test(bases[i + 2]))
              if (arg.k === 'name') add(arg.id, 'sensitive attribute')
          }
        })
    if (s.kind !== 'assign' || !s.value) continue
    // X, y, s = load_adult_data(sensitive_attribute='sex'): the loader returns the group labels last
    if (
      s.value.k === 'call' &&
      s.targets.length >= 3 &&
      /^(load|read|get|fetch|make|prepare)/.test(calleeName(s.value)) &&
      s.value.args.some((a) => a.name && sensitiveKeyword(a.name) && /attr|feature|column|col/i.test(a.name))
    ) {
      const last = s.targets[s.targets.length - 1]
      if (last.k === 'name') add(last.id, 'sensitive attribute')
    }
    // X, y, Z = load_adult_dataset(): in a notebook about fairness, the one-letter third beside X and y is the group
    if (fairFile && s.value.k === 'call' && s.targets.length === 3) {
      const [x, y, z] = s.targets
      if (x.k === 'name' && y.k === 'name' && z.k === 'name' && /^x$/i.test(x.id) && /^y$/i.test(y.id))
        if (/^[a-wzA-WZ]$/.test(z.id)) add(z.id, 'sensitive attribute')
    }
  }
  // a split hands each input's parts on: train_test_split(X, y, Z) → Z_train, Z_test; Z → Z_train by name
  for (const s of statements) {
    if (s.kind !== 'assign' || !s.value || s.value.k !== 'call') continue
    if (calleeName(s.value) !== 'train_test_split') continue
    const args = s.value.args.filter((a) => a.name === null)
    args.forEach((a, i) => {
      const root = rootName(a.value)
      const category = root ? out.get(root) : undefined
      if (!category) return
      for (const t of [s.targets[2 * i], s.targets[2 * i + 1]]) if (t?.k === 'name') add(t.id, category)
    })
  }
  for (const s of statements)
    for (const t of s.targets)
      if (t.k === 'name' && !out.has(t.id) && out.has(splitBase(t.id)) && splitBase(t.id) !== t.id)
        add(t.id, out.get(splitBase(t.id)) as string)
  return out
}

/** The sensitive variable an operand reads, when it is nothing else: `Z_train.to_numpy()`, `s.values`, `Z`. */
function sensitiveOperand(e: Expr, sensitive: Map<string, string>): string | null {
  const root = rootName(e)
  if (root && sensitive.has(root)) return root
  return null
}

/** Joins of a sensitive variable with other data inside an expression. */
function joinsIn(e: Expr, sensitive: Map<string, string>, via: string, out: SensitiveJoin[]): void {
  walk(e, (x) => {
    if (x.k !== 'call' || !JOIN_CALL.test(calleeName(x))) return
    const call = x
    // X.join(Z), X.merge(Z): the receiver and the argument; pd.concat([X, Z]): the list's items
    const operands: Expr[] =
      call.fn.k === 'attr' && /^(join|merge|append)$/.test(call.fn.name)
        ? [call.fn.obj, ...call.args.filter((a) => a.name === null).map((a) => a.value)]
        : (() => {
            const first = positional(call, 0)
            return first?.k === 'seq' ? first.items : []
          })()
    if (operands.length < 2) return
    const hits = operands.map((o) => sensitiveOperand(o, sensitive))
    if (hits.every((h) => h !== null) || hits.every((h) => h === null)) return
    for (const h of hits)
      if (h)
        out.push({
          value: h,
          category: sensitive.get(h) as string,
          line: call.line,
          via: `${calleeName(call)} → ${via}`
        })
  })
}

/** Sensitive variables one side joins onto the model's features. */
export function sensitiveJoins(statements: PyStatement[], fairFile: boolean): SensitiveJoin[] {
  const sensitive = sensitiveVariables(statements, fairFile)
  if (sensitive.size === 0) return []
  const out: SensitiveJoin[] = []
  for (const s of statements) {
    if (s.kind === 'import' || s.kind === 'def' || !s.value) continue
    const target = s.targets.find((t) => {
      const root = rootName(t)
      return root !== null && featureTarget(root) && !sensitive.has(root)
    })
    const targetName = target ? rootName(target) : null
    if (targetName && (s.kind === 'assign' || s.kind === 'augassign')) {
      joinsIn(s.value, sensitive, targetName, out)
      // X[sensitive_attr] = s, X['race'] = Z['race']: a column of the features filled with the group labels
      if (target?.k === 'sub') {
        const hit = sensitiveOperand(s.value, sensitive)
        if (hit) out.push({ value: hit, category: sensitive.get(hit) as string, line: s.line, via: targetName })
      }
    }
    // train_test_split(pd.concat([features, sensitive_attributes], axis=1), target, ...)
    for (const e of s.exprs)
      walk(e, (x) => {
        if (x.k !== 'call' || !TAKES_X.test(calleeName(x))) return
        const first = positional(x, 0)
        if (first) joinsIn(first, sensitive, calleeName(x), out)
      })
  }
  // one entry per variable and line
  const seen = new Set<string>()
  return out.filter((j) => {
    const key = `${j.value}|${j.line}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
