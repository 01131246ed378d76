// Protected attributes (and close proxies) reaching the model by any route the change wrote: a statement that
// puts a protected column, or a value derived from one, into the training frame, the feature matrix, a feature
// list or a fit, and a drop/exclusion list that stops excluding one. A protected column used as a group label
// (sensitive_features=, groupby, crosstab, hue, a MetricFrame) never reaches the model and is fine; a variable
// that holds the group labels (Z, s, sensitive_attributes) joined onto the features reaches it.
import { analyze, enclosingFunction } from '../analysis/index.js'
import { calleeName, callsIn, walk, type Expr, type PyStatement } from '../analysis/parse.js'
import type { Finding } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import type { FileView, Side } from './view.js'
import { sensitiveJoins, splitBase } from './sensitive-join.js'
import { simulatedCategories } from './protected.js'
import { FAIRNESS_FILE, fairnessWords, protectedOf, words } from './vocabulary.js'

export const PROTECTED_INPUT: CheckSpec = {
  id: 'RAI-PROTECTED-INPUT',
  family: 'responsible-ai',
  title: 'Protected attribute reaches the model',
  status: 'fail',
  bias: true,
  flags:
    'a protected attribute or close proxy (is_male, marital status, native country, …), or a column derived from one, newly put into the training frame, feature matrix, a feature list, a fit or config input features, or no longer excluded by a drop list',
  fix: 'Keep the attribute out of the model inputs (use it only as the group label of the fairness evaluation), or document why the model may use it and report per-group results.'
}

export const PROTECTED_INPUT_CHECKS: CheckSpec[] = [PROTECTED_INPUT]

/** Names of model inputs: X, X_train, train_x, features, feature_cols, NUMERICAL_FEATURES, input_columns … */
function inputName(name: string): boolean {
  const ws = words(name)
  // X_test_sex holds a group label for the evaluation; features_no_sex, X_without_race are the features without it
  if (ws.length === 0 || (protectedOf(name) !== null && !withoutName(name))) return false
  if (
    ws.some((w) =>
      /^(sensitive|protected|group|groups|privileged|unprivileged|label|labels|target|targets|drop|dropped|exclude|excluded|ignore|ignored|unused|removed|sens|fairness|audit|slice|slices|y)$/.test(
        w
      )
    )
  )
    return false
  if (ws.some((w) => /^(x|features?|feats?|predictors?|covariates?|regressors?|inputs?)$/.test(w))) return true
  // numeric_cols, categorical_columns, cat_cols, cols_to_use
  return ws.some((w) => /^(cols?|columns?)$/.test(w)) && ws.length > 1
}

/** Names that say what they leave out: `features_no_sex`, `X_without_race`, `df_wo_gender`. */
const withoutName = (name: string): boolean =>
  /(^|_)(no|without|wo|excl|excluding|minus|sans|except|non)_/.test(words(name).join('_'))

/** Names of exclusion lists: DROP_FEATURES, cols_to_drop, exclude_columns, ignored_features … */
function exclusionName(name: string): boolean {
  return words(name).some((w) =>
    /^(drop|dropped|exclude|excluded|exclusions?|ignore|ignored|remove|removed|unused|blacklist|denylist)$/.test(w)
  )
}

/** Keyword arguments and calls that use a column as a group label or drop it, not as an input. */
const LABEL_KW =
  /^(sensitive_features?|sensitive_attributes?|protected_attributes?|groups?|group_by|by|hue|stratify|sample_weight|y|labels?|target|columns_to_drop|drop|exclude|index|on|how)$/
const LABEL_CALL =
  /^(drop|pop|remove|groupby|crosstab|pivot_table|value_counts|MetricFrame|unique|nunique|print|display|plot|describe|difference|discard)$/

/** Calls whose keywords name the columns they build: `df.assign(is_male=...)`, `pd.DataFrame(dict(sex=...))`. */
const COLUMN_KEYWORDS = /^(assign|with_columns|dict|DataFrame|Series|from_dict)$/
/** A keyword that switches a protected column into the data: `include_sex=True`, `use_race=True`. */
const flagOn = (a: { name: string | null; value: Expr }): boolean =>
  /^(include|use|with|add|keep)_/.test(a.name ?? '') && a.value.k === 'const' && a.value.value === 'True'

/** Protected values that a statement writes into its model-input target (not drops, not group labels). */
function protectedIn(e: Expr, derived: Map<string, string>): Array<{ value: string; category: string; line: number }> {
  const out: Array<{ value: string; category: string; line: number }> = []
  const visit = (x: Expr): void => {
    if (x.k === 'call') {
      const callee = calleeName(x)
      if (LABEL_CALL.test(callee)) {
        if (x.fn.k === 'attr') visit(x.fn.obj)
        return
      }
      visit(x.fn)
      for (const a of x.args) {
        if (a.name && LABEL_KW.test(a.name)) continue
        if (a.name && a.name !== '*' && a.name !== '**' && (COLUMN_KEYWORDS.test(callee) || flagOn(a))) {
          // df.assign(is_male=...): the keyword is the new column; build(include_sex=True) turns the column on
          const cat = protectedOf(a.name) ?? derivedCategory(a.value, derived)
          if (cat) out.push({ value: a.name, category: cat, line: a.value.line })
        }
        visit(a.value)
      }
      return
    }
    if (x.k === 'str') {
      const cat = protectedOf(x.value) ?? derived.get(x.value) ?? null
      if (cat) out.push({ value: x.value, category: cat, line: x.line })
      return
    }
    if (x.k === 'name') {
      const cat = derived.get(x.id)
      if (cat) out.push({ value: x.id, category: cat, line: x.line })
      return
    }
    if (x.k === 'attr') {
      visit(x.obj)
      const cat = protectedOf(x.name)
      if (cat) out.push({ value: x.name, category: cat, line: x.line })
      return
    }
    if (x.k === 'sub') {
      visit(x.obj)
      x.items.forEach(visit)
      return
    }
    if (x.k === 'seq') return x.items.forEach(visit)
    if (x.k === 'dict') return x.entries.forEach((en) => (en.key ? visit(en.key) : undefined, visit(en.value)))
    if (x.k === 'op' || x.k === 'other') {
      // `[c for c in cols if c != 'race']`, `x != 'sex'`: a comparison excludes, it does not add
      if (x.k === 'op' && x.ops.some((o) => /^(!=|not in|==|in|is|is not)$/.test(o))) return
      if (x.k === 'other' && /\bif\b/.test(x.text)) return
      return x.parts.forEach(visit)
    }
  }
  visit(e)
  return out
}

function derivedCategory(e: Expr, derived: Map<string, string>): string | null {
  let cat: string | null = null
  walk(e, (x) => {
    if (cat) return
    if (x.k === 'str') cat = protectedOf(x.value) ?? derived.get(x.value) ?? null
    else if (x.k === 'name') cat = derived.get(x.id) ?? null
    else if (x.k === 'attr') cat = protectedOf(x.name)
  })
  return cat
}

/** Keywords that name the columns a fairness tool treats as sensitive: `sensitive_cols=['b']`, `protected_attribute_names=`. */
const SENSITIVE_KW =
  /^(sensitive_(features?|cols?|columns?|attrs?|attributes?|attribute_names|feature_names)|protected_(attributes?|attribute_names|cols?|columns?|features?)|(un)?privileged_groups)$/
/** Constructors whose first argument lists the columns they remove the influence of. */
const SENSITIVE_CTOR = /^(InformationFilter|CorrelationRemover)$/

/**
 * Columns the file itself declares sensitive, though no general vocabulary knows them: the race proxy `b` of the
 * Boston data handed to `InformationFilter(["lstat", "b"])`, `sensitive_cols=['b']`. Within that file they are
 * protected like `race`: used as a model input, or no longer dropped, they are reported.
 */
function declaredSensitive(side: Side): Map<string, string> {
  const out = new Map<string, string>()
  const add = (e: Expr | undefined, via: string): void => {
    if (!e) return
    walk(e, (x) => {
      const col = x.k === 'str' ? x.value : null
      if (col && /^[A-Za-z_][\w -]{0,40}$/.test(col) && protectedOf(col) === null)
        out.set(col, `declared sensitive by ${via}`)
    })
  }
  for (const s of analyze(side).statements)
    for (const e of s.exprs)
      walk(e, (x) => {
        if (x.k !== 'call') return
        const callee = calleeName(x)
        if (SENSITIVE_CTOR.test(callee)) {
          const cols = x.args.find((a) => a.name === null || a.name === 'columns' || a.name === 'sensitive_feature_ids')
          add(cols?.value, callee)
        }
        for (const a of x.args) if (a.name && SENSITIVE_KW.test(a.name)) add(a.value, `${a.name}=`)
      })
  return out
}

/** TensorFlow's feature columns: each names the input column an estimator or `DenseFeatures` layer reads. */
const FEATURE_COLUMN =
  /\b(categorical_column_with_\w+|numeric_column|bucketized_column|crossed_column|embedding_column|indicator_column|weighted_categorical_column|sequence_categorical_column_with_\w+)\s*\(/

/** Column and variable names derived from protected columns on one side: `df['grp'] = pd.cut(df['age'], …)`. */
function derivedNames(stmts: PyStatement[], declared: Map<string, string>): Map<string, string> {
  const out = new Map(declared)
  for (const s of stmts) {
    if (s.kind !== 'assign' || !s.value) continue
    const cat = derivedCategory(s.value, out)
    if (!cat) continue
    for (const t of s.targets) {
      if (t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str') {
        if (!protectedOf(t.items[0].value)) out.set(t.items[0].value, cat)
      } else if (t.k === 'name' && !inputName(t.id) && !exclusionName(t.id) && !fairnessWords(words(t.id))) {
        // a variable holding a derived value (not a group label kept for the evaluation)
        if (/\b(cut|qcut|map|apply|astype|replace|where|get_dummies|factorize|str)\b/.test(s.value.text))
          out.set(t.id, cat)
        // a TensorFlow feature column built on the column: gender = categorical_column_with_vocabulary_list('gender', …)
        else if (FEATURE_COLUMN.test(s.value.text)) out.set(t.id, cat)
      }
    }
  }
  return out
}

function targetChain(t: Expr): string[] {
  if (t.k === 'name') return [t.id]
  if (t.k === 'attr') return [...targetChain(t.obj), t.name]
  // the last key of a subscript names the column written, not the frame it is written into
  if (t.k === 'sub') return targetChain(t.obj)
  return []
}

/** The frame keys of a nested subscript: `train['X']` in `train['X']['is_female']`. */
function frameKeys(t: Expr): string[] {
  if (t.k === 'sub') {
    const inner =
      t.obj.k === 'sub' && t.obj.items.length === 1 && t.obj.items[0].k === 'str' ? [t.obj.items[0].value] : []
    return [...inner, ...frameKeys(t.obj)]
  }
  if (t.k === 'attr') return frameKeys(t.obj)
  return []
}

interface InputUse {
  value: string
  category: string
  line: number
  /** the statement's first line, to tell the statement apart */
  stmtLine: number
  via: string
  /** for an exclusion: the variable it builds, when the statement assigns one name */
  target?: string
  /** a column list named only by `cols`/`columns` (`filter_col`, `numeric_cols`), not by what it is for */
  list?: string
}

/** A column list named for being columns, not features: `filter_col`, `cat_cols` (not `feature_cols`, not X). */
function columnListName(name: string): boolean {
  return (
    inputName(name) &&
    !words(name).some((w) => /^(x|features?|feats?|predictors?|covariates?|regressors?|inputs?)$/.test(w))
  )
}

/** Names of group labels: `dem`, `demographics`, `group_a`, `sensitive_df`, `protected_attrs`. */
const labelName = (name: string): boolean =>
  words(name).some((w) =>
    /^(sensitive|protected|groups?|privileged|unprivileged|sens|dem|demo|demographics?|fairness|audit)$/.test(w)
  )

/**
 * Column lists that only ever build group labels: `filter_col = ['Ethnicity', 'Gender']` read only by
 * `dem = data[filter_col]`. Every later use of the list assigns a value that is no model input and is itself read
 * only that way (three steps deep at most); a list used any other way (a fit, a call, a loop, a model input) may
 * reach the model.
 */
function labelOnlyLists(stmts: PyStatement[], lists: Set<string>): Set<string> {
  const readers = (name: string, from: number): PyStatement[] =>
    stmts.filter((s) => {
      if (s.index <= from || s.kind === 'import' || s.kind === 'def') return false
      let mentions = false
      for (const e of s.exprs)
        walk(e, (x) => {
          if (x.k === 'name' && x.id === name) mentions = true
        })
      return mentions
    })
  const fits = (e: Expr): boolean => {
    let found = false
    walk(e, (x) => {
      if (x.k === 'call' && (FIT.test(calleeName(x)) || FIT_FUNCTION.test(calleeName(x)))) found = true
    })
    return found
  }
  // a name a statement assigns that is no model input and is itself read only as a label
  const labelTarget = (t: Expr, from: number, depth: number): boolean =>
    t.k === 'name' && (t.id === '_' || labelName(t.id) || (!inputName(t.id) && labelOnly(t.id, from, depth + 1)))
  const returned = (s: PyStatement, name: string, depth: number): boolean => {
    const items = s.exprs.length === 1 && s.exprs[0].k === 'seq' ? s.exprs[0].items : s.exprs
    const at = items.findIndex((e) => e.k === 'name' && e.id === name)
    const fname = enclosingFunction(stmts, s.line)?.name ?? null
    if (at === -1 || !fname) return false
    // each caller unpacks the returned tuple: the name's place must hold a label there too
    const callers = stmts.filter(
      (c) => c.kind === 'assign' && c.value?.k === 'call' && c.value.fn.k === 'name' && c.value.fn.id === fname
    )
    return (
      callers.length > 0 &&
      callers.every((c) => c.targets.length === items.length && labelTarget(c.targets[at], c.index, depth))
    )
  }
  // handed to a model as its inputs: `DNNClassifier(feature_columns=deep_columns)`
  const handedAsInput = (s: PyStatement, name: string): boolean =>
    callsIn(s).some((c) =>
      c.args.some((a) => a.name !== null && inputName(a.name) && a.value.k === 'name' && a.value.id === name)
    )
  const labelOnly = (name: string, from: number, depth: number): boolean => {
    if (depth > 3) return false
    return readers(name, from).every((s) => {
      if (handedAsInput(s, name)) return false
      // shown: `dem` alone at the end of a cell
      if (s.kind === 'expr' && s.value?.k === 'name') return true
      if (s.kind === 'other' && /^return\b/.test(s.text)) return returned(s, name, depth)
      return (
        (s.kind === 'assign' || s.kind === 'augassign') &&
        s.targets.length > 0 &&
        !s.exprs.some(fits) &&
        s.targets.every((t) => t.k === 'name' && t.id !== name && labelTarget(t, s.index, depth))
      )
    })
  }
  const out = new Set<string>()
  for (const name of lists) {
    const def = stmts.find((s) => s.kind === 'assign' && s.targets.some((t) => t.k === 'name' && t.id === name))
    // a list read nowhere is kept as an input: what it is for cannot be told
    if (def && readers(name, def.index).length > 0 && labelOnly(name, def.index, 0)) out.add(name)
  }
  return out
}

const FIT = /^(fit|fit_transform|fit_resample|train|partial_fit|fit_predict)$/
/** Functions a notebook defines to train a model: `train(features + ['race'])`, `train_model(X, y)`. */
/** Keywords that hand a fit its inputs: `fit(X=...)`, `train(train_data=...)`. */
const INPUT_KW = /^(X|x|X_train|x_train|features|train_data|train_df|train_dataset|dataset|inputs)$/
const CROSS_VALIDATION =
  /^(cross_val_score|cross_validate|cross_val_predict|learning_curve|validation_curve|permutation_test_score)$/
const FIT_FUNCTION = /^(train|fit|train_model|fit_model|train_classifier|fit_classifier|train_and_evaluate|train_eval)$/

/** Protected values each side puts into model inputs, and those its exclusion lists drop. */
function sideUses(
  side: Side,
  declared: Map<string, string>
): { inputs: InputUse[]; excluded: InputUse[]; derivedAt: Map<string, number> } {
  const stmts = analyze(side).statements
  const derived = derivedNames(stmts, declared)
  // where a column is computed from a protected one: df['is_married'] = df['marital-status'].str…
  const derivedAt = new Map<string, number>()
  for (const s of stmts) {
    if (s.kind !== 'assign' || !s.value || !derivedCategory(s.value, derived)) continue
    for (const t of s.targets)
      if (t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str')
        derivedAt.set(t.items[0].value.toLowerCase(), s.line)
  }
  const inputs: InputUse[] = []
  const excluded: InputUse[] = []
  for (const s of stmts) {
    if (s.kind === 'import' || s.kind === 'def') continue
    // every name and key along a target: train['X']['is_female'] → train, X (the column is the last key)
    const targetNames = s.targets.flatMap((t) => [...targetChain(t), ...frameKeys(t)])
    const toInput = targetNames.some((n) => n !== '' && inputName(n))
    // the value an exclusion builds: X_drop in `X_drop = df.drop(columns=[...])`
    const target = s.targets.length === 1 && s.targets[0].k === 'name' ? s.targets[0].id : undefined
    if (s.value && (s.kind === 'assign' || s.kind === 'augassign') && targetNames.some((n) => exclusionName(n))) {
      for (const u of protectedIn(s.value, declared))
        excluded.push({ ...u, stmtLine: s.line, via: targetNames.join(', '), target })
    }
    // drop calls name what is excluded: X = df.drop(columns=[..., 'race']), np.delete(X, <index of 'race'>, axis=1)
    for (const e of s.exprs)
      walk(e, (x) => {
        if (x.k !== 'call' || x.fn.k !== 'attr') return
        // `np.delete(X, df.columns.get_loc("race"), axis=1)`: the column whose index is deleted
        if (x.fn.name === 'delete') {
          const index = x.args.filter((a) => a.name === null)[1]?.value
          if (index)
            for (const u of protectedIn(index, declared))
              excluded.push({ ...u, stmtLine: s.line, via: 'delete', target })
          return
        }
        if (x.fn.name !== 'drop') return
        for (const a of x.args)
          if (a.name === null || a.name === 'columns' || a.name === 'labels')
            for (const u of protectedIn(a.value, declared))
              excluded.push({ ...u, stmtLine: s.line, via: 'drop', target })
      })
    if (toInput && s.value) {
      // `[c for c in df.columns if c not in [y, 'AGE', 'SEX']]`: the list a comprehension filters out is excluded
      walk(s.value, (x) => {
        if (x.k !== 'op' || x.parts.length !== 2 || !/^(not in|!=)$/.test(x.ops.join(' '))) return
        for (const part of x.parts)
          if (part.k === 'seq' || part.k === 'str')
            for (const u of protectedIn(part, declared))
              excluded.push({ ...u, stmtLine: s.line, via: 'a filter', target })
      })
      const inputNames = targetNames.filter((n) => n !== '' && inputName(n))
      const list =
        s.kind === 'assign' && s.targets.every((t) => t.k === 'name') && inputNames.every(columnListName)
          ? inputNames[0]
          : undefined
      for (const u of protectedIn(s.value, derived))
        inputs.push({ ...u, stmtLine: s.line, via: targetNames.join(', '), list })
      // a subscript target: X['is_male'] = ..., features.append('sex')
      for (const t of s.targets)
        if (t.k === 'sub')
          for (const item of t.items)
            for (const u of protectedIn(item, derived))
              inputs.push({ ...u, stmtLine: s.line, via: targetNames.join(', ') })
    }
    // df['Gender'] = LabelEncoder().fit_transform(df['Gender']): the column recoded in place, no model fitted
    const recodes =
      s.targets.length > 0 &&
      s.targets.every(
        (t) => t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str' && protectedOf(t.items[0].value) !== null
      )
    for (const e of s.exprs)
      walk(e, (x) => {
        if (x.k === 'call' && x.fn.k === 'name' && FIT_FUNCTION.test(x.fn.id)) {
          const first = x.args.find((a) => a.name === null || INPUT_KW.test(a.name))
          if (first)
            for (const u of protectedIn(first.value, derived)) inputs.push({ ...u, stmtLine: s.line, via: x.fn.id })
        }
        // cross_val_score(model, X, y): the data is the second argument
        if (x.k === 'call' && CROSS_VALIDATION.test(calleeName(x))) {
          const data = x.args.filter((a) => a.name === null)[1] ?? x.args.find((a) => a.name === 'X')
          if (data)
            for (const u of protectedIn(data.value, derived))
              inputs.push({ ...u, stmtLine: s.line, via: 'cross-validation' })
        }
        if (x.k !== 'call' || x.fn.k !== 'attr') return
        const name = x.fn.name
        const obj = x.fn.obj.k === 'name' ? x.fn.obj.id : ''
        // features.append('sex'), feature_cols.extend([...]), model.fit(df[[..., 'race']], y)
        if (/^(append|extend|insert|add)$/.test(name) && obj && inputName(obj)) {
          for (const a of x.args)
            for (const u of protectedIn(a.value, derived)) inputs.push({ ...u, stmtLine: s.line, via: obj })
        } else if (FIT.test(name) && !recodes) {
          const first = x.args.find((a) => a.name === null || INPUT_KW.test(a.name))
          if (first)
            for (const u of protectedIn(first.value, derived)) inputs.push({ ...u, stmtLine: s.line, via: name })
        }
      })
  }
  for (const j of sensitiveJoins(stmts, FAIRNESS_FILE.test(side.text)))
    inputs.push({ value: j.value, category: j.category, line: j.line, stmtLine: j.line, via: j.via })
  const labelLists = labelOnlyLists(stmts, new Set(inputs.flatMap((u) => (u.list ? [u.list] : []))))
  return { inputs: inputs.filter((u) => !u.list || !labelLists.has(u.list)), excluded, derivedAt }
}

function protectedInputFindings(view: FileView): Finding[] {
  if (!view.after || !view.before || !view.baseKnown) return []
  if (view.kind !== 'notebook' && view.kind !== 'python') return []
  const declared = new Map([...declaredSensitive(view.before), ...declaredSensitive(view.after)])
  const base = sideUses(view.before, declared)
  const head = sideUses(view.after, declared)
  // Z_train joined where the base joined Z is the same attribute
  const key = (u: InputUse): string => splitBase(u.value).toLowerCase()
  const baseInputs = new Set(base.inputs.map(key))
  const headExcluded = new Set(head.excluded.map(key))
  const byLine = new Map<number, string[]>()
  const note = (line: number, what: string): void => {
    if (!view.isAddedLine(line)) return
    byLine.set(line, [...(byLine.get(line) ?? []), what])
  }
  const reported = new Set<string>()
  const simulated = simulatedCategories(view.after)
  for (const u of head.inputs) {
    if (baseInputs.has(key(u)) || headExcluded.has(key(u)) || reported.has(key(u)) || simulated.has(u.category))
      continue
    const at = view.isAddedLine(u.line) ? u.line : u.stmtLine
    if (!view.isAddedLine(at)) continue
    // the first line of its route the change wrote: where the column was derived, else where it entered
    const from = head.derivedAt.get(key(u))
    const line = from !== undefined && view.isAddedLine(from) ? from : at
    reported.add(key(u))
    note(line, `'${u.value}' (${u.category}) into ${u.via}`)
  }
  // an exclusion list that stops excluding a protected column, while the head still has the column in use
  const headAssigns = new Set(
    analyze(view.after).statements.flatMap((s) =>
      s.kind === 'assign' ? s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])) : []
    )
  )
  // still excluded: from the same variable, or from a variable the base did not build (a renamed one)
  const stillExcluded = (u: InputUse): boolean => {
    const same = head.excluded.filter((h) => key(h) === key(u))
    if (same.length === 0) return false
    if (!u.target || !headAssigns.has(u.target)) return true
    const baseTargets = new Set(base.excluded.filter((b) => key(b) === key(u)).map((b) => b.target))
    return same.some((h) => h.target === u.target || !h.target || !baseTargets.has(h.target))
  }
  for (const u of base.excluded) {
    if (stillExcluded(u) || reported.has(key(u))) continue
    // a filter over a whole frame's columns lets every column it stops naming through
    if (u.via !== 'a filter' && !view.after.text.includes(u.value)) continue
    const line = view.headLineFor(u.line)
    if (line === null) continue
    reported.add(key(u))
    const list = byLine.get(line) ?? []
    const from = u.target && headExcluded.has(key(u)) ? ` from ${u.target}` : ''
    byLine.set(line, [...list, `'${u.value}' (${u.category}) no longer excluded by ${u.via}${from}`])
  }
  for (const w of withoutBroken(view)) {
    if (reported.has(w.key)) continue
    reported.add(w.key)
    byLine.set(w.line, [...(byLine.get(w.line) ?? []), w.what])
  }
  return [...byLine].map(([line, what]) => makeFinding(PROTECTED_INPUT, view, line, what.join('; ')))
}

/** The attribute a `features_no_sex`-style name says it leaves out, with its category. */
function leftOut(name: string): { attribute: string; category: string } | null {
  const m = /(?:^|_)(?:no|without|wo|excl|excluding|minus|sans|except|non)_(.+)$/.exec(words(name).join('_'))
  if (!m) return null
  const category = protectedOf(m[1])
  return category ? { attribute: m[1], category } : null
}

/**
 * A value named for what it leaves out, no longer built without it: `X_no_sex = data[features_no_sex]` →
 * `X_no_sex = data[features]`. The models and results read under that name now see the attribute.
 */
function withoutBroken(view: FileView): Array<{ key: string; line: number; what: string }> {
  if (!view.before || !view.after) return []
  const excludes = (e: Expr, category: string): boolean => {
    let found = false
    walk(e, (x) => {
      if (found) return
      if (x.k === 'name') found = leftOut(x.id)?.category === category
      else if (x.k === 'str') found = protectedOf(x.value) === category
    })
    return found
  }
  const assigned = (side: Side): Map<string, PyStatement> => {
    const out = new Map<string, PyStatement>()
    for (const s of analyze(side).statements)
      if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name')
        out.set(s.targets[0].id, s)
    return out
  }
  const base = assigned(view.before)
  const out: Array<{ key: string; line: number; what: string }> = []
  for (const [name, s] of assigned(view.after)) {
    const left = leftOut(name)
    if (!left || !s.value || !view.isAddedLine(s.line)) continue
    const was = base.get(name)
    if (!was?.value || !excludes(was.value, left.category) || excludes(s.value, left.category)) continue
    out.push({
      key: left.attribute,
      line: s.line,
      what: `'${left.attribute}' (${left.category}) no longer left out of ${name}: ${s.value.text.replace(/\s+/g, ' ').slice(0, 60)} (base: ${was.value.text.replace(/\s+/g, ' ').slice(0, 60)})`
    })
  }
  return out
}

export const protectedInput: Check = (view) => {
  try {
    return protectedInputFindings(view)
  } catch {
    return []
  }
}
