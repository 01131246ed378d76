// Data flow over a notebook or script, in cell order: which columns each value holds and where they came
// from, which values are training or test data, and where data is fitted and split. Approximate by design:
// it follows the pandas / scikit-learn idioms notebooks use, and an unknown call passes its inputs through.
import {
  calleeName,
  callsIn,
  dotted,
  kwarg,
  positional,
  receiver,
  rootName,
  strings,
  walk,
  type Call,
  type Expr,
  type PyStatement
} from './parse.js'

export interface Column {
  /** the column name as written */
  name: string
  /** line where the column entered this value */
  line: number
  /** columns it was computed from (`age_group` from `age`) */
  from: string[]
  /** lines where it was joined onto another value on its way (`pd.concat`, `merge`, `join`) */
  joins?: number[]
}

/** What is known about a value: the columns it holds, those taken out, and what it derives from. */
export interface Frame {
  cols: Map<string, Column>
  /** columns explicitly removed (lowercased name → line of the removal) */
  dropped: Map<string, number>
  /** holds every column of a table whose columns are not all listed (read_csv, a whole frame) */
  whole: boolean
  /** the line where `whole` was narrowed or taken (the drop or the load) */
  wholeLine: number | null
  /** variables it derives from, transitively */
  sources: Set<string>
}

export type Role = 'train' | 'test' | 'val'

export type EstimatorKind =
  | 'model'
  | 'scaler'
  | 'encoder'
  | 'imputer'
  | 'decomposition'
  | 'vectorizer'
  | 'selector'
  | 'sampler'
  | 'target-encoder'
  | 'pipeline'
  /** a distance learned from the data (a fair metric: inFairness' `EXPLOREDistance`), not a predictor */
  | 'metric'
  | 'unknown'

export interface FitEvent {
  stmt: PyStatement
  call: Call
  method: string
  estimator: EstimatorKind
  /** constructor name of the estimator when known */
  estimatorName: string | null
  /** the data argument (X) */
  data: Expr | undefined
  frame: Frame
}

export interface SplitEvent {
  stmt: PyStatement
  how: string
  /** a split by hand (`valid = data[~mask]`): the part assigned and the table it was taken from */
  part?: { target: string; root: string }
}

/** A value handed to a model as its features. */
export interface ModelInput {
  stmt: PyStatement
  expr: Expr
  frame: Frame
  via: string
}

export interface FlowModel {
  statements: PyStatement[]
  /** alias → module, from import statements */
  imports: Map<string, string>
  fits: FitEvent[]
  splits: SplitEvent[]
  inputs: ModelInput[]
  /** variables known to hold training / test / validation data */
  roles: Map<string, Role>
  /** column names written anywhere as columns (lowercased → first line) */
  mentioned: Map<string, number>
  /** the frame of each variable after the last statement */
  env: Map<string, Frame>
  /** list variables of column names, after the last statement */
  lists: Map<string, Array<{ value: string; line: number }>>
  /** functions the file defines: what they return is read from their bodies, not from their arguments */
  functions: Set<string>
}

const ESTIMATORS: Array<[RegExp, EstimatorKind]> = [
  [
    /^(StandardScaler|MinMaxScaler|RobustScaler|MaxAbsScaler|Normalizer|QuantileTransformer|PowerTransformer|scale)$/,
    'scaler'
  ],
  [
    /^(TargetEncoder|CatBoostEncoder|WOEEncoder|LeaveOneOutEncoder|JamesSteinEncoder|MEstimateEncoder|GLMMEncoder)$/,
    'target-encoder'
  ],
  [
    /^(OneHotEncoder|OrdinalEncoder|LabelEncoder|LabelBinarizer|MultiLabelBinarizer|KBinsDiscretizer|BinaryEncoder|HashingEncoder|CountEncoder|DictVectorizer)$/,
    'encoder'
  ],
  [/^(SimpleImputer|KNNImputer|IterativeImputer|MissingIndicator)$/, 'imputer'],
  [
    /^(PCA|TruncatedSVD|IncrementalPCA|KernelPCA|FastICA|NMF|LatentDirichletAllocation|UMAP|TSNE|FactorAnalysis)$/,
    'decomposition'
  ],
  [/^(TfidfVectorizer|CountVectorizer|HashingVectorizer|TfidfTransformer)$/, 'vectorizer'],
  [
    /^(SelectKBest|SelectPercentile|SelectFpr|SelectFdr|SelectFwe|GenericUnivariateSelect|RFE|RFECV|SelectFromModel|SequentialFeatureSelector|VarianceThreshold|Boruta\w*|BorutaPy)$/,
    'selector'
  ],
  [
    /^(SMOTE|SMOTENC|SMOTEN|SVMSMOTE|BorderlineSMOTE|KMeansSMOTE|ADASYN|RandomOverSampler|RandomUnderSampler|NearMiss|TomekLinks|SMOTETomek|SMOTEENN|ClusterCentroids|EditedNearestNeighbours)$/,
    'sampler'
  ],
  [/^(Pipeline|make_pipeline|ColumnTransformer|make_column_transformer|FeatureUnion|make_union)$/, 'pipeline'],
  [/(Distance|SensitiveSubspace|DistanceMetric)$/, 'metric'],
  [
    /(Classifier|Regressor|Regression|Classification|SVC|SVR|NB|KNeighbors\w*|Booster|XGB\w+|LGBM\w+|CatBoost\w+|LinearSVC|Perceptron|Ridge|Lasso|ElasticNet|MLP\w*|Sequential|Model|Forest\w*|Tree\w*|Net|GridSearchCV|RandomizedSearchCV|HalvingGridSearchCV|TabularPredictor|Estimator|KMeans|DBSCAN|IsolationForest)$/,
    'model'
  ]
]

export function estimatorKind(ctor: string): EstimatorKind {
  for (const [re, kind] of ESTIMATORS) if (re.test(ctor)) return kind
  return 'unknown'
}

const LOADERS =
  /^(read_csv|read_parquet|read_excel|read_json|read_table|read_sql|read_sql_query|read_feather|read_pickle|read_hdf|load_dataset|fetch_openml|load_iris|load_breast_cancer|load_diabetes|load_wine|load_digits|fetch_adult|fetch_california_housing|load_boston|loadtxt|genfromtxt|read_stata|read_sas|read_orc|DataFrame)$/
const OWN_LOADER = /^(load|read|fetch)_\w+$|^get_\w*(data|dataset|df|frame|table)\w*$/
const ROW_METHODS = /^(head|tail|sample|query|nlargest|nsmallest|sort_values|sort_index|take|filter)$/
const PASS_METHODS =
  /^(copy|fillna|dropna|astype|reset_index|set_index|rename|to_numpy|values|select_dtypes|replace|apply|applymap|map|transform_df|drop_duplicates|clip|round|abs|interpolate|ffill|bfill|infer_objects|convert_dtypes|sort_values|sort_index|reindex|pipe|where|mask|loc|iloc|T|to_frame|squeeze|reshape|ravel|flatten|tolist|numpy|cpu|float|long|to|view|get_dummies)$/

const SPLIT_FUNCTIONS = /^(train_test_split|random_split|randomSplit|split_dataset|temporal_train_test_split)$/
const CV_EVAL =
  /^(cross_val_score|cross_validate|cross_val_predict|learning_curve|validation_curve|permutation_test_score)$/
const SPLITTER =
  /^(KFold|StratifiedKFold|GroupKFold|StratifiedGroupKFold|RepeatedKFold|RepeatedStratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|GroupShuffleSplit|TimeSeriesSplit|LeaveOneOut|LeaveOneGroupOut|LeavePGroupsOut|PredefinedSplit)$/

const TEST_TOKENS = new Set(['test', 'tst', 'holdout', 'heldout'])
const TRAIN_TOKENS = new Set(['train', 'trn', 'training'])
const VAL_TOKENS = new Set(['val', 'valid', 'validate', 'validation', 'dev', 'eval'])

function tokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
}

/** The split a variable's name says it holds: `X_test` → test, `train_df` → train. */
export function roleOfName(name: string): Role | null {
  const t = tokens(name)
  const test = t.some((x) => TEST_TOKENS.has(x))
  const train = t.some((x) => TRAIN_TOKENS.has(x))
  // `train_test_data`, `X_train_test`: the whole data before a split
  if (test && train) return null
  if (test) return 'test'
  if (t.some((x) => TRAIN_TOKENS.has(x))) return 'train'
  if (t.some((x) => VAL_TOKENS.has(x))) return 'val'
  return null
}

const empty = (): Frame => ({ cols: new Map(), dropped: new Map(), whole: false, wholeLine: null, sources: new Set() })

function union(frames: Frame[]): Frame {
  const out = empty()
  for (const f of frames) {
    for (const [k, c] of f.cols) if (!out.cols.has(k)) out.cols.set(k, c)
    for (const [k, l] of f.dropped) out.dropped.set(k, l)
    if (f.whole) {
      out.whole = true
      out.wholeLine ??= f.wholeLine
    }
    f.sources.forEach((s) => out.sources.add(s))
  }
  // a column dropped from one input but present in another is present
  for (const k of out.cols.keys()) out.dropped.delete(k)
  return out
}

function clone(f: Frame): Frame {
  return {
    cols: new Map(f.cols),
    dropped: new Map(f.dropped),
    whole: f.whole,
    wholeLine: f.wholeLine,
    sources: new Set(f.sources)
  }
}

const TRANSFORMS = /^(fit_transform|transform|fit_resample|fit_sample|resample|inverse_transform)$/
const MODEL_FIT = /^(fit|partial_fit|fit_predict|train)$/
const FIT_METHODS = /^(fit|fit_transform|fit_resample|partial_fit|fit_predict|fit_sample)$/

/** Builds the flow model of one side's statements; never throws. */
export function buildFlow(statements: PyStatement[]): FlowModel {
  const model: FlowModel = {
    statements,
    imports: new Map(),
    fits: [],
    splits: [],
    inputs: [],
    roles: new Map(),
    mentioned: new Map(),
    env: new Map(),
    lists: new Map(),
    functions: new Set(
      statements.flatMap((s) => (s.kind === 'def' && s.targets[0]?.k === 'name' ? [s.targets[0].id] : []))
    )
  }
  const estimators = new Map<string, string>()
  const flow = new Flow(model, estimators)
  for (const stmt of statements) {
    try {
      flow.statement(stmt)
    } catch {
      // a statement the model cannot follow changes nothing
    }
  }
  return model
}

class Flow {
  constructor(
    private readonly m: FlowModel,
    private readonly estimators: Map<string, string>
  ) {}

  /** the notebook's own functions whose bodies are being read (innermost last), each up to its last line */
  private inside: Array<{ name: string; endLine: number; shadowed: Map<string, Frame | undefined> }> = []
  /** what each of its functions returns, by position of a returned tuple */
  private readonly returns = new Map<string, Frame[]>()
  /** the parameters of each of its functions, in order */
  private readonly params = new Map<string, string[]>()

  /** A variable now holds `f`; its role is its name's, else that of the one split it was made from. */
  private bind(name: string, f: Frame): void {
    this.m.env.set(name, f)
    const from = [...f.sources].map((s) => this.m.roles.get(s)).filter((r): r is Role => !!r)
    const role = roleOfName(name) ?? (from.length && from.every((r) => r === from[0]) ? from[0] : null)
    if (role) this.m.roles.set(name, role)
  }

  /** Follows `def` bodies: a `return` inside one is what a call of that function gives back. */
  private scope(stmt: PyStatement): void {
    while (this.inside.length > 0 && stmt.line > this.inside[this.inside.length - 1].endLine) {
      const done = this.inside.pop()
      done?.shadowed.forEach((f, name) => (f ? this.m.env.set(name, f) : this.m.env.delete(name)))
    }
    if (stmt.kind === 'def' && stmt.targets[0]?.k === 'name') {
      // a parameter is whatever a caller hands in, not the notebook's variable of the same name (`data`)
      const shadowed = new Map<string, Frame | undefined>()
      for (const p of stmt.params ?? []) {
        shadowed.set(p.name, this.m.env.get(p.name))
        this.m.env.set(p.name, empty())
      }
      this.params.set(
        stmt.targets[0].id,
        (stmt.params ?? []).map((p) => p.name)
      )
      this.inside.push({ name: stmt.targets[0].id, endLine: stmt.bodyEnd ?? stmt.endLine, shadowed })
      return
    }
    const fn = this.inside[this.inside.length - 1]?.name
    if (!fn || stmt.kind !== 'other' || !/^return\b/.test(stmt.text)) return
    const frames = stmt.exprs.map((e) => this.value(e))
    const was = this.returns.get(fn)
    this.returns.set(fn, was && was.length === frames.length ? frames.map((f, i) => union([was[i], f])) : frames)
  }

  /** What a call of the notebook's own function returns (at `position` of a returned tuple), when its body says. */
  private returned(e: Call, position: number | null): Frame | null {
    if (e.fn.k !== 'name') return null
    const frames = this.returns.get(e.fn.id)
    if (!frames || frames.length === 0) return null
    const picked = position === null ? (frames.length === 1 ? frames[0] : union(frames)) : frames[position]
    if (!picked) return null
    const out = clone(picked)
    // what the body made from a parameter is made from what this call hands in for it
    const params = this.params.get(e.fn.id) ?? []
    params.forEach((p, i) => {
      if (!out.sources.delete(p)) return
      const arg = e.args.find((a) => a.name === p) ?? (e.args[i]?.name === null ? e.args[i] : undefined)
      if (arg) this.value(arg.value).sources.forEach((x) => out.sources.add(x))
    })
    return out
  }

  private mention(name: string, line: number): void {
    const k = name.toLowerCase()
    if (!this.m.mentioned.has(k)) this.m.mentioned.set(k, line)
  }

  /** Column names of an expression used as a column list: a literal, a list variable, `df.columns` minus …. */
  columnNames(e: Expr | undefined): Array<{ value: string; line: number }> {
    if (!e) return []
    const lit = strings(e)
    if (lit.length) return lit
    if (e.k === 'name') {
      const l = this.m.lists.get(e.id)
      if (l) return l
    }
    if (e.k === 'op' && e.ops.includes('+')) return e.parts.flatMap((p) => this.columnNames(p))
    return []
  }

  private ctorOf(e: Expr | null | undefined): string | null {
    if (!e) return null
    if (e.k === 'call') {
      const name = calleeName(e)
      if (estimatorKind(name) !== 'unknown') return name
      // a method chain on a constructor: StandardScaler().set_output(...)
      const r = receiver(e)
      return r ? this.ctorOf(r) : null
    }
    if (e.k === 'name') return this.estimators.get(e.id) ?? null
    return null
  }

  private pipelineKind(e: Expr): EstimatorKind {
    // Pipeline([..., ('clf', LogisticRegression())]) / make_pipeline(scaler, model): the last step decides
    if (e.k !== 'call') return 'pipeline'
    const steps = e.args.flatMap((a) => (a.value.k === 'seq' ? a.value.items : [a.value]))
    const last = steps[steps.length - 1]
    const step = last?.k === 'seq' ? last.items[last.items.length - 1] : last
    const ctor = this.ctorOf(step)
    const kind = ctor ? estimatorKind(ctor) : 'unknown'
    return kind === 'pipeline' ? this.pipelineKind(step) : kind
  }

  kindOf(e: Expr | null): { kind: EstimatorKind; name: string | null } {
    const ctor = this.ctorOf(e)
    if (!ctor) return { kind: 'unknown', name: null }
    const kind = estimatorKind(ctor)
    if (kind === 'pipeline') {
      const src = e?.k === 'name' ? this.pipelines.get(e.id) : e
      const inner = src ? this.pipelineKind(src) : 'unknown'
      return { kind: inner === 'unknown' ? 'pipeline' : inner, name: ctor }
    }
    return { kind, name: ctor }
  }

  private readonly pipelines = new Map<string, Expr>()

  value(e: Expr | undefined): Frame {
    if (!e) return empty()
    switch (e.k) {
      case 'name': {
        const f = this.m.env.get(e.id)
        const out = f ? clone(f) : empty()
        out.sources.add(e.id)
        return out
      }
      case 'attr':
        return this.value(e.obj)
      case 'sub':
        return this.subscript(e)
      case 'call':
        return this.call(e)
      case 'dict':
        return union(e.entries.map((en) => this.value(en.value)))
      case 'seq':
        return union(e.items.map((i) => this.value(i)))
      case 'op':
      case 'other':
        return union(e.parts.map((p) => this.value(p)))
      default:
        return empty()
    }
  }

  private selected(obj: Frame, names: Array<{ value: string; line: number }>): Frame {
    const out = empty()
    obj.sources.forEach((s) => out.sources.add(s))
    for (const n of names) {
      const k = n.value.toLowerCase()
      const known = obj.cols.get(k)
      out.cols.set(k, known ? { ...known, line: n.line } : { name: n.value, line: n.line, from: [] })
      this.mention(n.value, n.line)
    }
    return out
  }

  private subscript(e: Extract<Expr, { k: 'sub' }>): Frame {
    // train['X'] of a dict of tables that a column was assigned into: that table
    const path = pathKey(e)
    const held = path ? this.m.env.get(path) : undefined
    if (held) return clone(held)
    // df.loc[rows, cols] / df.iloc[rows, cols]
    const isLoc = e.obj.k === 'attr' && (e.obj.name === 'loc' || e.obj.name === 'iloc' || e.obj.name === 'at')
    const base = this.value(isLoc && e.obj.k === 'attr' ? e.obj.obj : e.obj)
    // `both.iloc[:len(X_train_df)]` of `both = pd.concat([X_train_df, X_test_df])`: the rows of the first table
    // (encoded together so both get the same dummy columns), and `[len(X_train_df):]` the rows of the rest
    const rows = e.slice ? /\[\s*(?::\s*len\((\w+)\)|len\((\w+)\)\s*:)\s*\]$/.exec(e.text) : null
    const part = rows?.[1] ?? rows?.[2]
    if (part && base.sources.has(part)) {
      const own = new Set([part, ...(this.m.env.get(part)?.sources ?? [])])
      const out = clone(base)
      out.sources = rows?.[1] ? own : new Set([...base.sources].filter((x) => !own.has(x)))
      return out
    }
    if (isLoc) {
      const cols = e.items.length >= 2 ? this.columnNames(e.items[e.items.length - 1]) : []
      if (cols.length) return this.selected(base, cols)
      // df.iloc[:, :-1] / df.iloc[:, 1:5]: columns by position, which ones cannot be told
      if (e.items.length >= 2 || e.comma) return { ...empty(), sources: base.sources }
      return base
    }
    if (e.slice || e.items.length !== 1) return base
    const item = e.items[0]
    const names = this.columnNames(item)
    // `fetch_openml(...)['frame']`: a dataset bunch's whole table, not a column named frame
    if (names.length === 1 && names[0].value === 'frame') return { ...clone(base), whole: true, wholeLine: e.line }
    if (names.length) return this.selected(base, names)
    // boolean masks and integer indexes select rows
    return base
  }

  private call(e: Call): Frame {
    const name = calleeName(e)
    const recv = receiver(e)
    const d = dotted(e.fn) ?? ''
    const args = e.args.map((a) => a.value)
    if (recv && !/^(pd|pandas|np|numpy|sklearn|torch|tf)$/.test(d.split('.')[0] ?? '')) {
      const obj = this.value(recv)
      if (name === 'drop') return this.drop(e, obj)
      if (name === 'pop') return this.selected(obj, this.columnNames(positional(e, 0)))
      if (name === 'assign') {
        const out = clone(obj)
        for (const a of e.args) {
          if (!a.name || a.name.startsWith('*')) continue
          const src = this.value(a.value)
          out.cols.set(a.name.toLowerCase(), { name: a.name, line: a.value.line, from: derivedFrom(src) })
          this.mention(a.name, a.value.line)
        }
        return out
      }
      // scaler.fit_transform(X, y), sampler.fit_resample(X, y): the rows and columns of X come back, never y's
      // (a ColumnTransformer or selector that names its columns gives those instead)
      if (TRANSFORMS.test(name) && obj.cols.size === 0 && !obj.whole) {
        const data = positional(e, 0) ?? kwarg(e, 'X') ?? kwarg(e, 'x')
        if (data) return this.value(data)
      }
      if (name === 'merge' || name === 'join' || name === 'append')
        return joined(union([obj, ...args.map((a) => this.value(a))]), e.line)
      if (ROW_METHODS.test(name) || PASS_METHODS.test(name)) return obj
      return union([obj, ...args.map((a) => this.value(a))])
    }
    if (name === 'DataFrame' || name === 'from_dict') {
      const data = positional(e, 0) ?? kwarg(e, 'data')
      const columns = this.columnNames(kwarg(e, 'columns'))
      if (data?.k === 'dict') {
        const out = empty()
        for (const en of data.entries) {
          if (en.key?.k !== 'str') continue
          const src = this.value(en.value)
          out.cols.set(en.key.value.toLowerCase(), { name: en.key.value, line: en.key.line, from: derivedFrom(src) })
          src.sources.forEach((s) => out.sources.add(s))
          this.mention(en.key.value, en.key.line)
        }
        return out
      }
      const inner = this.value(data)
      return columns.length ? this.selected(inner, columns) : inner
    }
    if (name === 'get_dummies') {
      const inner = this.value(positional(e, 0) ?? kwarg(e, 'data'))
      const cols = this.columnNames(kwarg(e, 'columns'))
      for (const c of cols) this.mention(c.value, c.line)
      return cols.length ? union([inner, this.selected(inner, cols)]) : inner
    }
    if (name === 'ColumnTransformer' || name === 'make_column_transformer') {
      const out = empty()
      const triples = name === 'ColumnTransformer' ? (args[0]?.k === 'seq' ? args[0].items : []) : args
      for (const t of triples) {
        if (t.k !== 'seq') continue
        const cols = this.columnNames(t.items[t.items.length - 1])
        for (const c of cols) {
          out.cols.set(c.value.toLowerCase(), { name: c.value, line: c.line, from: [] })
          this.mention(c.value, c.line)
        }
      }
      if (kwarg(e, 'remainder')?.k === 'str' && (kwarg(e, 'remainder') as { value: string }).value === 'passthrough')
        out.whole = true
      return out
    }
    // a notebook's own loader (`load_housing_data()`, `read_data(path)`) returns a whole table too
    if (LOADERS.test(name) || (e.fn.k === 'name' && OWN_LOADER.test(name))) {
      const use = this.columnNames(kwarg(e, 'usecols') ?? kwarg(e, 'columns'))
      if (use.length) return this.selected(empty(), use)
      const out = empty()
      out.whole = true
      out.wholeLine = e.line
      return out
    }
    const out = union(args.map((a) => this.value(a)))
    // `X, y, dem = split_data_from_df(data)`: a function of the notebook's own returns what its body selects, which
    // is not its argument's columns; what it derives from is kept
    if (e.fn.k === 'name' && this.m.functions.has(e.fn.id)) {
      return this.returned(e, null) ?? { ...empty(), sources: out.sources }
    }
    if (/^(concat|merge|hstack|column_stack|concatenate|join)$/.test(name)) return joined(out, e.line)
    // DataFrameSelector(['Pclass', 'Sex']), ItemSelector([...]): a transformer class given column names selects them
    if (e.fn.k === 'name' && /^[A-Z]/.test(e.fn.id)) {
      for (const a of e.args)
        if (a.name === null && a.value.k === 'seq') return union([out, this.selected(out, strings(a.value))])
    }
    return out
  }

  private drop(e: Call, obj: Frame): Frame {
    const axis = kwarg(e, 'axis')
    const columnsKw = kwarg(e, 'columns')
    const byAxis = axis && ((axis.k === 'num' && axis.value === 1) || (axis.k === 'str' && axis.value === 'columns'))
    const target = columnsKw ?? (byAxis ? (positional(e, 0) ?? kwarg(e, 'labels')) : undefined)
    if (!target) return obj
    const out = clone(obj)
    // dropping columns from a table of unknown columns leaves all its other columns
    if (!out.whole && out.cols.size === 0) {
      out.whole = true
      out.wholeLine = e.line
    }
    for (const c of this.columnNames(target)) {
      out.cols.delete(c.value.toLowerCase())
      out.dropped.set(c.value.toLowerCase(), c.line)
      this.mention(c.value, c.line)
    }
    if (out.whole) out.wholeLine = e.line
    return out
  }

  statement(stmt: PyStatement): void {
    if (stmt.kind === 'import') {
      for (const imp of stmt.imports) this.m.imports.set(imp.alias, imp.module)
      return
    }
    this.scope(stmt)
    this.mentions(stmt)
    this.events(stmt)
    if (stmt.kind === 'assign' && stmt.value) this.assign(stmt, stmt.value)
    else if (stmt.kind === 'augassign' && stmt.value && stmt.targets[0]?.k === 'name') {
      const id = stmt.targets[0].id
      const extra = this.columnNames(stmt.value)
      if (extra.length && this.m.lists.has(id)) this.m.lists.set(id, [...(this.m.lists.get(id) ?? []), ...extra])
    } else if (stmt.kind === 'for' && stmt.value) {
      const f = this.value(stmt.value)
      for (const t of stmt.targets) if (t.k === 'name') this.m.env.set(t.id, f)
    } else if (stmt.kind === 'with' && stmt.value) {
      for (const t of stmt.targets) if (t.k === 'name') this.m.env.set(t.id, this.value(stmt.value))
    } else if (stmt.kind === 'expr' && stmt.value) this.mutate(stmt.value)
  }

  /** In-place changes: `cols.append('x')`, `df.drop(columns=[...], inplace=True)`. */
  private mutate(e: Expr): void {
    if (e.k !== 'call') return
    const r = receiver(e)
    if (!r || r.k !== 'name') return
    const name = calleeName(e)
    const list = this.m.lists.get(r.id)
    if (list && (name === 'append' || name === 'extend' || name === 'insert')) {
      const add = name === 'insert' ? positional(e, 1) : positional(e, 0)
      this.m.lists.set(r.id, [...list, ...this.columnNames(add)])
    } else if (list && name === 'remove') {
      const gone = new Set(this.columnNames(positional(e, 0)).map((x) => x.value))
      this.m.lists.set(
        r.id,
        list.filter((x) => !gone.has(x.value))
      )
    } else if (name === 'drop' && kwarg(e, 'inplace')?.text === 'True') {
      this.m.env.set(r.id, this.drop(e, this.value(r)))
    } else if (name === 'pop') {
      const f = this.value(r)
      for (const c of this.columnNames(positional(e, 0))) {
        f.cols.delete(c.value.toLowerCase())
        f.dropped.set(c.value.toLowerCase(), c.line)
      }
      this.m.env.set(r.id, f)
    }
  }

  private mentions(stmt: PyStatement): void {
    for (const e of stmt.exprs) {
      walk(e, (x) => {
        if (x.k === 'sub' && x.items.length === 1) for (const s of strings(x.items[0])) this.mention(s.value, s.line)
        if (x.k === 'call' && /^(groupby|value_counts|crosstab|countplot|histplot|boxplot)$/.test(calleeName(x)))
          for (const s of x.args.flatMap((a) => strings(a.value))) this.mention(s.value, s.line)
      })
    }
  }

  private assign(stmt: PyStatement, value: Expr, targets: Expr[] = stmt.targets): void {
    // a, b = x[:n], x[n:]: each target takes its own value
    if (value.k === 'seq' && targets.length > 1 && targets.length === value.items.length) {
      targets.forEach((t, i) => this.assign(stmt, value.items[i], [t]))
      return
    }
    const ctor = this.ctorOf(value)
    const call = value.k === 'call' ? value : null
    // split outputs: train_test_split(X, y) → X_train, X_test, y_train, y_test
    if (call && SPLIT_FUNCTIONS.test(calleeName(call)) && targets.length >= 2) {
      const arrays = call.args.filter((a) => a.name === null).map((a) => a.value)
      targets.forEach((t, i) => {
        const src = arrays.length ? arrays[Math.min(Math.floor(i / 2), arrays.length - 1)] : value
        const name = rootName(t)
        if (!name) return
        this.m.env.set(name, this.value(src))
        this.m.roles.set(name, roleOfName(name) ?? (i % 2 === 0 ? 'train' : 'test'))
      })
      return
    }
    // `X_df, stats = make_features(df)`: each target takes what the function's body returns at its position
    if (call && targets.length > 1 && call.fn.k === 'name' && this.returns.get(call.fn.id)?.length === targets.length) {
      targets.forEach((t, i) => {
        const name = rootName(t)
        const f = this.returned(call, i)
        if (name && f && t.k === 'name') this.bind(name, f)
      })
      return
    }
    // X_res, y_res = SMOTE().fit_resample(X, y): each output is its own input resampled
    if (call && /^(fit_resample|fit_sample)$/.test(calleeName(call)) && targets.length === 2) {
      const inputs = call.args.filter((a) => a.name === null).map((a) => a.value)
      if (inputs.length === 2) {
        targets.forEach((t, i) => this.assign(stmt, inputs[i], [t]))
        return
      }
    }
    for (const t of targets) {
      if (t.k === 'name') {
        const lit = this.columnNames(value)
        if ((value.k === 'seq' || value.k === 'op') && lit.length) this.m.lists.set(t.id, lit)
        if (ctor) {
          this.estimators.set(t.id, ctor)
          if (estimatorKind(ctor) === 'pipeline') this.pipelines.set(t.id, value)
        }
        this.bind(t.id, this.value(value))
        this.splitBySlice(stmt, t.id, value)
      } else if (t.k === 'sub' && t.items.length === 1) {
        // df['age_group'] = pd.cut(df['age'], ...): a derived column; train['X']['is_female'] = ...: one of a dict's tables
        const nested = t.obj.k === 'sub' ? pathKey(t.obj) : null
        const frameName = nested ?? rootName(t.obj)
        const names = this.columnNames(t.items[0])
        if (!frameName || !names.length) continue
        const src = this.value(value)
        const f = this.m.env.get(frameName) ?? (nested ? { ...empty(), whole: true, wholeLine: t.line } : empty())
        for (const n of names) {
          f.cols.set(n.value.toLowerCase(), { name: n.value, line: n.line, from: derivedFrom(src) })
          f.dropped.delete(n.value.toLowerCase())
          this.mention(n.value, n.line)
        }
        f.sources.add(frameName)
        this.m.env.set(frameName, f)
      }
    }
  }

  /** `X_train = X[:60000]`, `train = df.sample(frac=0.8)`, `test = df.drop(train.index)`: a split by hand. */
  private splitBySlice(stmt: PyStatement, target: string, value: Expr): void {
    const role = roleOfName(target)
    if (!role) return
    const root = rootName(value)
    if (!root || roleOfName(root)) return
    const isRows =
      (value.k === 'sub' && (value.slice || (value.obj.k === 'attr' && /^i?loc$/.test(value.obj.name)))) ||
      (value.k === 'sub' && value.items[0]?.k === 'op') ||
      (value.k === 'call' && /^(head|tail|sample|query|drop|iloc|take)$/.test(calleeName(value)))
    if (isRows) this.m.splits.push({ stmt, how: `${target} = ${value.text.slice(0, 60)}`, part: { target, root } })
  }

  private events(stmt: PyStatement): void {
    for (const call of callsIn(stmt)) {
      const name = calleeName(call)
      const recv = receiver(call)
      if (SPLIT_FUNCTIONS.test(name)) this.m.splits.push({ stmt, how: name })
      else if (CV_EVAL.test(name)) this.m.splits.push({ stmt, how: name })
      else if (name === 'split' && recv && SPLITTER.test(this.ctorOf(recv) ?? ''))
        this.m.splits.push({ stmt, how: 'split' })
      else if (name === 'split' && recv && positional(call, 0)?.k === 'seq') this.m.splits.push({ stmt, how: 'split' })
      if (CV_EVAL.test(name)) {
        const x = positional(call, 1) ?? kwarg(call, 'X')
        if (x) this.m.inputs.push({ stmt, expr: x, frame: this.value(x), via: name })
      }
      if (/^(DMatrix|Dataset|Pool|TabularDataset)$/.test(name) && (kwarg(call, 'label') || positional(call, 1))) {
        const x = positional(call, 0) ?? kwarg(call, 'data')
        if (x) this.m.inputs.push({ stmt, expr: x, frame: this.value(x), via: name })
      }
      if (
        SPLIT_FUNCTIONS.test(name) &&
        name === 'train_test_split' &&
        call.args.filter((a) => a.name === null).length >= 2
      ) {
        const x = positional(call, 0)
        if (x) this.m.inputs.push({ stmt, expr: x, frame: this.value(x), via: name })
      }
      // `train_mlp(model, X_train, y_train, X_test, y_test)`: the notebook's own training function takes the features
      // as the argument named like them
      if (!recv && call.fn.k === 'name' && OWN_TRAINING.test(name) && this.m.functions.has(name)) {
        const data = call.args.find((a) => {
          const n = a.value.k === 'name' ? a.value.id : ''
          return (
            (a.name === null || /^(X|x|X_train|x_train|features|inputs)$/.test(a.name)) &&
            FEATURES_NAME.test(n) &&
            !/test|val|dev|eval|holdout/i.test(n)
          )
        })
        if (data) this.m.inputs.push({ stmt, expr: data.value, frame: this.value(data.value), via: name })
      }
      if (!FIT_METHODS.test(name) || !recv) continue
      const { kind, name: ctor } = this.kindOf(recv)
      const data = positional(call, 0) ?? kwarg(call, 'X') ?? kwarg(call, 'x')
      // a Pipeline / ColumnTransformer names the columns it takes itself
      const frame = union([this.value(data), this.value(recv)])
      this.m.fits.push({ stmt, call, method: name, estimator: kind, estimatorName: ctor, data, frame })
      const isModel =
        MODEL_FIT.test(name) &&
        (kind === 'model' ||
          (kind === 'unknown' && (positional(call, 1) !== undefined || kwarg(call, 'y') !== undefined)))
      if (isModel && data) this.m.inputs.push({ stmt, expr: data, frame, via: `${recv.text}.${name}` })
    }
  }
}

/** A notebook's own function that trains a model: `train_mlp`, `fit_model`, `train_network`. */
const OWN_TRAINING = /^(train|fit)(_[a-z0-9]+)*$/i
/** The name a training set's features go by: `X_train`, `x_tr`, `features_train` (not a test or validation set). */
const FEATURES_NAME = /^(X|x|features|inputs)(_?(train|tr|trn|fit))?(_\w+)?$/

/** `train['X']` → "train['X']": a table held under a string key of a variable; null for anything else. */
function pathKey(e: Expr): string | null {
  if (e.k !== 'sub' || e.items.length !== 1 || e.items[0].k !== 'str' || e.obj.k !== 'name') return null
  return `${e.obj.id}['${e.items[0].value}']`
}

/** A value whose columns were joined together at a line: each column remembers it. */
function joined(f: Frame, line: number): Frame {
  for (const [k, c] of f.cols) f.cols.set(k, { ...c, joins: [...(c.joins ?? []), line] })
  return f
}

/** The columns a derived value was computed from, with what they in turn came from. */
function derivedFrom(src: Frame): string[] {
  const out: string[] = []
  for (const c of src.cols.values()) out.push(c.name, ...c.from)
  return [...new Set(out)]
}

/** The columns an expression holds, read against the model's final variables; changes nothing in the model. */
export function frameOf(model: FlowModel, e: Expr | undefined): Frame {
  try {
    const scratch: FlowModel = { ...model, mentioned: new Map(model.mentioned), fits: [], splits: [], inputs: [] }
    return new Flow(scratch, new Map()).value(e)
  } catch {
    return empty()
  }
}

/** The role of the data an expression reads: a split variable it starts at or derives from. */
export function roleOf(model: FlowModel, e: Expr | undefined): Role | null {
  if (!e) return null
  const names: string[] = []
  walk(e, (x) => {
    if (x.k === 'name') names.push(x.id)
    // ds['test'], splits['validation']
    else if (x.k === 'sub' && x.items.length === 1 && x.items[0].k === 'str') names.push(x.items[0].value)
  })
  for (const n of names) {
    const r = model.roles.get(n) ?? roleOfName(n)
    if (r) return r
  }
  return null
}
