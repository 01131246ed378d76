export const id = 957;
export const ids = [957];
export const modules = {

/***/ 1957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ui: () => (/* binding */ CHECKS),
  t4: () => (/* binding */ analyseFiles),
  JE: () => (/* binding */ overBound)
});

// UNUSED EXPORTS: DEFAULT_EVIDENCE_LIMITS, runChecks

// EXTERNAL MODULE: ./src/analysis/index.ts
var analysis = __webpack_require__(1914);
// EXTERNAL MODULE: ./src/analysis/flow.ts
var analysis_flow = __webpack_require__(7636);
// EXTERNAL MODULE: ./src/analysis/parse.ts
var parse = __webpack_require__(8037);
// EXTERNAL MODULE: ./src/checks/features.ts
var features = __webpack_require__(7546);
// EXTERNAL MODULE: ./src/checks/protected.ts
var checks_protected = __webpack_require__(2771);
// EXTERNAL MODULE: ./src/diff/notebook.ts + 2 modules
var diff_notebook = __webpack_require__(5974);
// EXTERNAL MODULE: ./src/diff/redact.ts
var redact = __webpack_require__(4606);
// EXTERNAL MODULE: ./src/checks/python.ts
var python = __webpack_require__(4719);
;// CONCATENATED MODULE: ./src/checks/finding.ts
// The description of each check and the one way a Finding is made from it.



function makeFinding(spec, view, line, evidence, override = {}) {
    return {
        check: spec.id,
        family: spec.family,
        title: override.title ?? spec.title,
        status: override.status ?? spec.status,
        bias: spec.bias,
        path: view.path,
        line: view.after ? line : null,
        evidence: (0,python/* clip */.$Q)(finding_redact(evidence), 200),
        fix: override.fix ?? spec.fix,
        ...cellOf(view, line)
    };
}
function cellOf(view, line) {
    const notebook = view.after?.notebook;
    if (view.kind !== 'notebook' || !notebook || line === null)
        return {};
    const cell = (0,diff_notebook/* cellPosition */.yj)(notebook, line);
    return cell ? { cell } : {};
}
/** Evidence is published in the PR comment: a token on the offending line must not be. */
function finding_redact(text) {
    try {
        return (0,redact/* redactSecrets */.fp)(text).text;
    }
    catch {
        return text;
    }
}

// EXTERNAL MODULE: ./src/checks/params.ts
var checks_params = __webpack_require__(4283);
;// CONCATENATED MODULE: ./src/checks/splits.ts
// Recognising data splits and seeds in Python statements.

const SPLIT_FUNCTIONS = new Set(['train_test_split', 'random_split', 'randomSplit']);
/** A call that splits data: train_test_split (sklearn or datasets), torch random_split, Spark randomSplit, aif360 `.split([..])`. */
function isSplitCall(call) {
    const name = (0,python/* calleeName */.wt)(call);
    if (SPLIT_FUNCTIONS.has(name))
        return true;
    // aif360 / dataset objects: ds.split([0.7], shuffle=True); str.split takes a string, never a list
    return name === 'split' && call.callee.includes('.') && /^\[/.test((0,python/* positional */.n8)(call, 0)?.value ?? '');
}
function splitCalls(stmt) {
    return findCalls(stmt).filter(isSplitCall);
}
/** `dataset.train_test_split(...)` (Hugging Face datasets) rather than sklearn's function. */
function isMethodCall(stmt, call) {
    const before = stmt.masked.slice(0, call.start).trimEnd();
    if (before.endsWith('.'))
        return true;
    const parts = call.callee.split('.');
    if (parts.length < 2)
        return false;
    return !/^(sklearn|model_selection|ms|skms|torch|utils|data|F)$/.test(parts[0]);
}
const SEED_KWARGS = ['random_state', 'seed', 'random_seed', 'generator', 'rng'];
/** The seed argument of a call, when it pins something (not None). */
function seedArg(call) {
    for (const name of SEED_KWARGS) {
        const a = (0,python/* kwarg */.Zk)(call, name);
        if (a && a.value !== 'None')
            return `${name}=${a.value}`;
    }
    return null;
}
const GLOBAL_SEED = /(^|\.)(seed|manual_seed|manual_seed_all|set_seed|seed_everything|set_random_seed)$/;
/** Global seeding: np.random.seed, random.seed, torch.manual_seed, set_seed, seed_everything, tf.random.set_seed. */
function globalSeedCall(call) {
    if (!GLOBAL_SEED.test(call.callee))
        return null;
    if (call.callee === 'seed')
        return null;
    if (call.args.length === 0)
        return null;
    return call.callee;
}
/** Which random generators a global seed call pins. */
function seededLibraries(callee) {
    if (/(^|\.)(set_seed|seed_everything|set_random_seed)$/.test(callee))
        return ['numpy', 'torch', 'python'];
    if (/(^|\.)(np|numpy)\.random\.seed$/.test(callee))
        return ['numpy'];
    if (/manual_seed(_all)?$/.test(callee))
        return ['torch'];
    if (/^random\.seed$/.test(callee))
        return ['python'];
    return [];
}
const TEST_TOKENS = new Set(['test', 'tst', 'holdout', 'heldout']);
const TRAIN_TOKENS = new Set(['train', 'trn', 'training']);
function splitRole(name) {
    const tokens = (0,python/* nameTokens */.mw)(name);
    if (tokens.some((t) => TEST_TOKENS.has(t)))
        return 'test';
    if (tokens.some((t) => TRAIN_TOKENS.has(t)))
        return 'train';
    return null;
}
/** Whether an expression names test/holdout data: `X_test`, `test_df`, `dataset_test_pred.features`. */
function namesTestData(expr) {
    const head = /^[A-Za-z_][\w.]*/.exec(expr.trim());
    if (!head)
        return false;
    const tokens = nameTokens(head[0]);
    return tokens.some((t) => TEST_TOKENS.has(t)) && !tokens.some((t) => TRAIN_TOKENS.has(t));
}
function namesTrainData(expr) {
    return nameTokens(expr).some((t) => TRAIN_TOKENS.has(t));
}

;// CONCATENATED MODULE: ./src/checks/split-design.ts





const family = 'data-pipeline';
const TIME_SERIES_SHUFFLE = {
    id: 'DATA-TIME-SERIES-SHUFFLE',
    family,
    title: 'Time-ordered data split with shuffling',
    status: 'warn',
    bias: false,
    flags: 'a train_test_split that shuffles (shuffle=True, or the default when TimeSeriesSplit/date sorting shows the data is time-ordered), shuffle=False taken away from a split, or a TimeSeriesSplit replaced by a shuffling splitter',
    fix: 'Split by time (shuffle=False or TimeSeriesSplit) so the model is not evaluated on the past it trained on.'
};
const GROUP_SPLIT_REMOVED = {
    id: 'DATA-GROUP-SPLIT-REMOVED',
    family,
    title: 'Group-aware split replaced by a plain one',
    status: 'warn',
    bias: false,
    flags: 'GroupKFold / StratifiedGroupKFold / GroupShuffleSplit / LeaveOneGroupOut (or a groups= argument) at the base, a split without groups in its place: rows of one patient, user or session can land in both train and test',
    fix: 'Keep splitting by group (GroupKFold, GroupShuffleSplit, groups=) so no group is on both sides of the split.'
};
const SPLIT_UNSHUFFLED = {
    id: 'DATA-SPLIT-UNSHUFFLED',
    family,
    title: 'Random split turned into a head/tail cut',
    status: 'warn',
    bias: false,
    flags: '`shuffle=False` newly given to a train_test_split of data nothing in the notebook dates or sorts by time: the test part is the last rows of the file in whatever order it was saved (with `stratify=`, scikit-learn raises an error)',
    fix: 'Keep the split shuffled with a seed (random_state=…), or sort by time first and say the split follows time.'
};
const SPLIT_OVERLAP = {
    id: 'DATA-SPLIT-OVERLAP',
    family,
    title: 'Test rows sliced from inside the training rows',
    status: 'fail',
    bias: false,
    flags: 'a test or validation part cut by hand from the same table as the training part (`data[:idx]` / `data[idx-2000:]`, `.iloc[...]`) whose bounds now overlap the training bounds: the overlapping rows are trained on and scored',
    fix: 'Make the test slice start where the training slice ends (or split with train_test_split) so no row is on both sides.'
};
const isCode = (view) => view.kind === 'notebook' || view.kind === 'python';
const GROUP_SPLITTER = /^(GroupKFold|StratifiedGroupKFold|GroupShuffleSplit|LeaveOneGroupOut|LeavePGroupsOut)$/;
const PLAIN_SPLITTER = /^(KFold|StratifiedKFold|RepeatedKFold|RepeatedStratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|train_test_split|cross_val_score|cross_validate|cross_val_predict|GridSearchCV|RandomizedSearchCV)$/;
const SHUFFLING_SPLITTER = /^(KFold|StratifiedKFold|RepeatedKFold|RepeatedStratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|train_test_split)$/;
const isConst = (e, value) => e?.k === 'const' && e.value === value;
/** sklearn's train_test_split, not `dataset.train_test_split` (Hugging Face datasets never sorts by time). */
function sklearnSplit(call) {
    if ((0,parse/* calleeName */.wt)(call) !== 'train_test_split')
        return false;
    const d = (0,parse/* dotted */.Bs)(call.fn);
    return d === 'train_test_split' || /^(sklearn|model_selection|ms|skms)\./.test(d ?? '');
}
function calls(a, keep) {
    const out = [];
    for (const stmt of a.statements)
        for (const call of (0,parse/* callsIn */.Tz)(stmt))
            if (keep(call))
                out.push({ stmt, call });
    return out;
}
const TIME_STRONG = /\bTimeSeriesSplit\b|sort_values\(\s*(?:by\s*=\s*)?\[?\s*['"][^'"]*(?:date|time|timestamp|datetime|ds)['"]|sort_index\(\s*\)|\bDatetimeIndex\b|\.asfreq\(|\.resample\(/i;
const TIME_WEAK = /parse_dates\s*=|to_datetime\(|\.dt\.(year|month|day|hour|dayofweek)|index_col\s*=\s*['"](date|time)/i;
/** `random_state=0` → `shuffle=False` on undated rows: the test rows are the file's tail, not a random sample. */
function checkSplitUnshuffled(view) {
    if (!isCode(view) || !view.after || !view.before || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const text = head.statements.map((s) => s.text).join('\n');
    if (TIME_STRONG.test(text) || TIME_WEAK.test(text))
        return [];
    const unshuffled = (a) => calls(a, (c) => sklearnSplit(c) && isConst((0,parse/* kwarg */.Zk)(c, 'shuffle'), 'False'));
    if (unshuffled(head).length <= unshuffled(base).length)
        return [];
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const now = unshuffled(head).find((l) => fresh.has(l.stmt));
    if (!now)
        return [];
    const shuffle = (0,parse/* kwarg */.Zk)(now.call, 'shuffle');
    const stratified = (0,parse/* kwarg */.Zk)(now.call, 'stratify') !== undefined && (0,parse/* kwarg */.Zk)(now.call, 'stratify')?.text !== 'None';
    const why = stratified
        ? 'with stratify=, scikit-learn refuses to split without shuffling'
        : 'the test part is the last rows in file order; nothing dates the rows';
    return [makeFinding(SPLIT_UNSHUFFLED, view, (shuffle ?? now.call).line, `${(0,python/* clip */.$Q)(now.call.text, 100)} (${why})`)];
}
function checkTimeSeriesShuffle(view) {
    if (!isCode(view) || !view.after || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = view.before ? (0,analysis/* analyze */.ns)(view.before) : null;
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const text = head.statements.map((s) => s.text).join('\n');
    const strong = TIME_STRONG.test(text);
    const weak = strong || TIME_WEAK.test(text);
    const unshuffled = (a) => a ? calls(a, (c) => sklearnSplit(c) && isConst((0,parse/* kwarg */.Zk)(c, 'shuffle'), 'False')).length : 0;
    // the base split in order on purpose: a split of the head that now shuffles undoes it
    const orderLost = unshuffled(base) > unshuffled(head);
    const out = [];
    for (const { stmt, call } of calls(head, sklearnSplit)) {
        if (!fresh.has(stmt))
            continue;
        const shuffle = (0,parse/* kwarg */.Zk)(call, 'shuffle');
        if (isConst(shuffle, 'False'))
            continue;
        const explicit = isConst(shuffle, 'True');
        if (!(orderLost || (explicit && weak) || (shuffle === undefined && strong)))
            continue;
        const why = orderLost ? ' (the base split with shuffle=False)' : '';
        out.push(makeFinding(TIME_SERIES_SHUFFLE, view, (shuffle ?? call).line, `${(0,python/* clip */.$Q)(call.text, 120)}${why}`));
    }
    // df = df.sample(frac=1) / shuffle(df) on dated rows before a split by position: the split no longer follows time
    if (out.length === 0 && weak && head.flow.splits.length > 0) {
        const lastSplit = head.flow.splits[head.flow.splits.length - 1].stmt.index;
        const shuffled = calls(head, (c) => {
            const name = (0,parse/* calleeName */.wt)(c);
            const frac = (0,parse/* kwarg */.Zk)(c, 'frac');
            return (name === 'sample' && frac?.k === 'num' && frac.value === 1) || /^(shuffle|permutation)$/.test(name);
        }).find((l) => fresh.has(l.stmt) && l.stmt.index < lastSplit);
        if (shuffled)
            out.push(makeFinding(TIME_SERIES_SHUFFLE, view, shuffled.call.line, `${(0,python/* clip */.$Q)(shuffled.call.text, 120)} (dated rows shuffled before the split)`));
    }
    // TimeSeriesSplit(...) → KFold(shuffle=True) / ShuffleSplit / train_test_split
    const timeSplits = (a) => a ? calls(a, (c) => (0,parse/* calleeName */.wt)(c) === 'TimeSeriesSplit').length : 0;
    if (out.length === 0 && timeSplits(base) > timeSplits(head)) {
        const replaced = calls(head, (c) => {
            const name = (0,parse/* calleeName */.wt)(c);
            if (!SHUFFLING_SPLITTER.test(name))
                return false;
            if (name === 'train_test_split')
                return sklearnSplit(c) && !isConst((0,parse/* kwarg */.Zk)(c, 'shuffle'), 'False');
            return /ShuffleSplit$/.test(name) || isConst((0,parse/* kwarg */.Zk)(c, 'shuffle'), 'True');
        }).find((l) => fresh.has(l.stmt));
        if (replaced)
            out.push(makeFinding(TIME_SERIES_SHUFFLE, view, replaced.call.line, `${(0,python/* clip */.$Q)(replaced.call.text, 120)} (the base split by time with TimeSeriesSplit)`));
    }
    return out.slice(0, 2);
}
/** Group-aware splits of a side: group splitters constructed, and splits or CV runs given groups=. */
function groupSplits(a) {
    return a ? calls(a, (c) => GROUP_SPLITTER.test((0,parse/* calleeName */.wt)(c)) || (0,parse/* kwarg */.Zk)(c, 'groups') !== undefined) : [];
}
function checkGroupSplitRemoved(view) {
    if (!isCode(view) || !view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const was = groupSplits(base);
    if (was.length === 0 || groupSplits(head).length >= was.length)
        return [];
    const splitters = groupSplits(base).filter((l) => GROUP_SPLITTER.test((0,parse/* calleeName */.wt)(l.call)));
    const hadSplitter = splitters.length > groupSplits(head).filter((l) => GROUP_SPLITTER.test((0,parse/* calleeName */.wt)(l.call))).length;
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const plain = calls(head, (c) => PLAIN_SPLITTER.test((0,parse/* calleeName */.wt)(c)) && (0,parse/* kwarg */.Zk)(c, 'groups') === undefined).find((l) => fresh.has(l.stmt));
    if (!plain)
        return [];
    const gone = (hadSplitter ? splitters[0] : was[0]).call;
    return [
        makeFinding(GROUP_SPLIT_REMOVED, view, plain.call.line, `${(0,python/* clip */.$Q)(plain.call.text, 100)} (base: ${(0,python/* clip */.$Q)(gone.text, 80)})`)
    ];
}
const START = { sym: null, off: 0 };
const END = { sym: '#len', off: 0 };
function bound(text, empty) {
    const t = text.replace(/\s+/g, '');
    if (t === '')
        return empty;
    if (/^-?\d+$/.test(t))
        return Number(t) < 0 ? { sym: '#len', off: Number(t) } : { sym: null, off: Number(t) };
    const m = /^(len\([A-Za-z_][\w.]*\)|[A-Za-z_][\w.]*)(?:([+-])(\d+))?$/.exec(t);
    if (!m)
        return null;
    const sym = /^len\(/.test(m[1]) ? '#len' : m[1];
    return { sym, off: m[2] ? (m[2] === '-' ? -1 : 1) * Number(m[3]) : 0 };
}
/** The rows `[start, stop)` a subscript takes: its first dimension, when it is a plain slice. */
function rowRange(sub) {
    const obj = sub.obj.k === 'attr' && /^i?loc$/.test(sub.obj.name) ? sub.obj.obj : sub.obj;
    if (obj.k !== 'name')
        return null;
    const inner = sub.text
        .slice(sub.obj.text.length)
        .replace(/^\s*\[/, '')
        .replace(/\]\s*$/, '');
    if (/[[({]/.test(inner))
        return null;
    const first = inner.split(',')[0];
    const parts = first.split(':');
    if (parts.length !== 2)
        return null;
    if (parts[0].trim() === '' && parts[1].trim() === '')
        return null;
    const start = bound(parts[0], START);
    const stop = bound(parts[1], END);
    return start && stop ? { start, stop } : null;
}
/** a < b when it can be told: the same symbol, or the start of the rows below / the end above a symbol. */
function below(a, b) {
    if (a.sym === b.sym)
        return a.off < b.off;
    if (a.sym === null && a.off === 0)
        return !(b.sym === null && b.off <= 0);
    if (b.sym === '#len' && b.off === 0)
        return !(a.sym === '#len' && a.off >= 0);
    return false;
}
function slices(a) {
    const out = [];
    for (const sp of a.flow.splits) {
        if (!sp.part || !sp.stmt.value)
            continue;
        const r = (0,analysis_flow/* roleOfName */.xD)(sp.part.target);
        const role = r === 'train' ? 'train' : r === 'test' || r === 'val' ? 'test' : null;
        if (!role)
            continue;
        const root = sp.part.root;
        let found = null;
        (0,parse/* walk */.GG)(sp.stmt.value, (x) => {
            if (found || x.k !== 'sub' || !x.slice || (0,parse/* rootName */.SX)(x) !== root)
                return;
            const range = rowRange(x);
            if (range)
                found = { stmt: sp.stmt, target: sp.part?.target ?? '', root, role, range, text: x.text };
        });
        if (found)
            out.push(found);
    }
    return out;
}
function overlaps(a) {
    const all = slices(a);
    const out = [];
    for (const test of all.filter((s) => s.role === 'test'))
        for (const train of all.filter((s) => s.role === 'train' && s.root === test.root))
            if (below(test.range.start, train.range.stop) && below(train.range.start, test.range.stop))
                out.push({ train, test });
    return out;
}
/** `X_train = data[:idx]` beside `X_test = data[idx-2000:]`: the test part now starts inside the training part. */
function checkSplitOverlap(view) {
    if (!isCode(view) || !view.after || !view.before || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const was = new Set(overlaps(base).map((o) => `${o.train.target}|${o.test.target}`));
    for (const o of overlaps(head)) {
        if (was.has(`${o.train.target}|${o.test.target}`))
            continue;
        const at = fresh.has(o.test.stmt) ? o.test : fresh.has(o.train.stmt) ? o.train : null;
        if (!at)
            continue;
        const line = at.stmt.line;
        return [
            makeFinding(SPLIT_OVERLAP, view, line, `${o.test.target} = ${(0,python/* clip */.$Q)(o.test.text, 50)} overlaps ${o.train.target} = ${(0,python/* clip */.$Q)(o.train.text, 50)} (rows on both sides of the split)`)
        ];
    }
    return [];
}

// EXTERNAL MODULE: ./src/checks/view.ts
var checks_view = __webpack_require__(1396);
;// CONCATENATED MODULE: ./src/checks/data-pipeline.ts











const data_pipeline_family = 'data-pipeline';
const FIT_BEFORE_SPLIT = {
    id: 'DATA-FIT-BEFORE-SPLIT',
    family: data_pipeline_family,
    title: 'Feature selection, resampling or target encoding fitted before the split',
    status: 'fail',
    bias: false,
    flags: 'feature selection (SelectKBest, RFE, SelectFromModel …), oversampling (SMOTE, ADASYN, RandomOverSampler …) or target encoding fitted on all data before the first split (train_test_split, a CV splitter, cross_val_score, or slicing/iloc/head/tail/sample into train and test)',
    fix: 'Split first and fit the selector / sampler / encoder on the training split only, or put it in a Pipeline (imblearn.pipeline for samplers) so cross-validation refits it per fold.'
};
const PREPROCESS_BEFORE_SPLIT = {
    id: 'DATA-PREPROCESS-BEFORE-SPLIT',
    family: data_pipeline_family,
    title: 'Preprocessing fitted before the train/test split',
    status: 'warn',
    bias: false,
    flags: 'a scaler, encoder, imputer, PCA/SVD or vectorizer fitted on all data before the first split (any split form, as above)',
    fix: 'Split first, fit the preprocessor on the training split only (or put it in a Pipeline), then transform the other splits.'
};
const FIT_ON_TEST = {
    id: 'DATA-FIT-ON-TEST',
    family: data_pipeline_family,
    title: 'Fitted on test data',
    status: 'fail',
    bias: false,
    flags: '.fit( / .fit_transform( whose data is the test/holdout split (X_test, test_df, …) or the whole data the test split was taken from, or the test split used for early stopping or best-model selection (validation_data=, eval_set=, eval_dataset=, valid_sets=)',
    fix: 'Fit on the training split and only call .transform() / .predict() on test data; early-stop on a validation split carved from the training data.'
};
const TARGET_IN_FEATURES = {
    id: 'DATA-TARGET-IN-FEATURES',
    family: data_pipeline_family,
    title: 'Target column among the features',
    status: 'fail',
    bias: false,
    flags: 'the label/target column listed among the features, or still in the table handed to a fit or split beside it (the data flow follows drops, copies and pipelines)',
    fix: 'Remove the target from the feature list (X = df.drop(columns=[target])).'
};
const STRATIFY_REMOVED = {
    id: 'DATA-STRATIFY-REMOVED',
    family: data_pipeline_family,
    title: 'Stratified split no longer stratified',
    status: 'warn',
    bias: false,
    flags: 'stratify= removed from train_test_split (or stratify keys removed from a config)',
    fix: 'Keep stratify=y so class proportions match across splits, or explain why it is not needed.'
};
const TRAIN_TEST_SWAPPED = {
    id: 'DATA-TRAIN-TEST-SWAPPED',
    family: data_pipeline_family,
    title: 'Train and test splits swapped',
    status: 'warn',
    bias: false,
    flags: 'split results assigned test-first (train_test_split returns train first), or the train/test order flipped against the base',
    fix: 'Check which part is which: the training split must come from the training portion of the split.'
};
const DATA_CHECKS = [
    FIT_BEFORE_SPLIT,
    PREPROCESS_BEFORE_SPLIT,
    FIT_ON_TEST,
    TARGET_IN_FEATURES,
    STRATIFY_REMOVED,
    TIME_SERIES_SHUFFLE,
    GROUP_SPLIT_REMOVED,
    SPLIT_OVERLAP,
    SPLIT_UNSHUFFLED,
    TRAIN_TEST_SWAPPED
];
const data_pipeline_isCode = (view) => view.kind === 'notebook' || view.kind === 'python';
const SEVERE = new Set(['selector', 'sampler', 'target-encoder']);
const PREPROCESSING = new Set(['scaler', 'encoder', 'imputer', 'decomposition', 'vectorizer']);
/** Selector / sampler / preprocessor fits that run before the first split, in statement order. */
function fitsBeforeSplit(flow) {
    const first = flow.splits[0];
    if (!first)
        return [];
    return flow.fits.filter((f) => {
        if (f.stmt.index >= first.stmt.index)
            return false;
        if (!SEVERE.has(f.estimator) && !PREPROCESSING.has(f.estimator))
            return false;
        if ((0,analysis_flow/* roleOf */.kp)(flow, f.data) !== null)
            return false;
        // encoding the label column before the split leaks nothing but the class names
        const label = /^(LabelEncoder|LabelBinarizer)$/.test(f.estimatorName ?? '');
        if (label && /^(y|labels?|targets?)\b|\[['"](label|target|class|y)/i.test(f.data?.text ?? ''))
            return false;
        return true;
    });
}
/** The label columns of a side: the single column of each y given to a fit or a split. */
function labelColumns(flow) {
    const out = new Set();
    const add = (y) => {
        const f = (0,analysis_flow/* frameOf */.Dm)(flow, y);
        if (f.cols.size === 1)
            out.add([...f.cols.keys()][0]);
    };
    for (const f of flow.fits)
        add((0,parse/* positional */.n8)(f.call, 1) ?? (0,parse/* kwarg */.Zk)(f.call, 'y'));
    for (const i of flow.inputs) {
        const call = (0,parse/* callsIn */.Tz)(i.stmt).find((c) => (0,parse/* calleeName */.wt)(c) === 'train_test_split');
        if (call)
            add((0,parse/* positional */.n8)(call, 1));
    }
    return out;
}
/** `df.groupby('city')['price'].transform('mean')` on the label before the split: target encoding by hand. */
function targetMeansBeforeSplit(flow) {
    const first = flow.splits[0];
    if (!first)
        return [];
    const labels = labelColumns(flow);
    if (labels.size === 0)
        return [];
    const out = [];
    for (const stmt of flow.statements) {
        if (stmt.index >= first.stmt.index)
            break;
        for (const call of (0,parse/* callsIn */.Tz)(stmt)) {
            if (!/^(mean|transform|agg|aggregate|median)$/.test((0,parse/* calleeName */.wt)(call)))
                continue;
            const on = call.fn.k === 'attr' ? call.fn.obj : null;
            const picked = on?.k === 'sub' ? (0,parse/* strings */.P$)(on.items[0]).map((x) => x.value) : on?.k === 'attr' ? [on.name] : [];
            const grouped = on && (on.k === 'sub' || on.k === 'attr') ? on.obj : null;
            if (!grouped || grouped.k !== 'call' || (0,parse/* calleeName */.wt)(grouped) !== 'groupby')
                continue;
            const label = picked.find((p) => labels.has(p.toLowerCase()));
            if (label)
                out.push({ stmt, expr: call, label });
        }
    }
    return out;
}
const STATISTIC = /^(mean|std|min|max|median|var|quantile|mode)$/;
/**
 * Statistics of the whole data taken by hand before the split and applied to it: `X = (X - X.mean()) / X.std()`,
 * `df['age'] = df['age'].fillna(df['age'].mean())`. The test rows shape what the training rows become.
 */
function statsBeforeSplit(flow) {
    const first = flow.splits[0];
    if (!first)
        return [];
    const out = [];
    for (const stmt of flow.statements) {
        if (stmt.index >= first.stmt.index)
            break;
        if (stmt.kind !== 'assign' || !stmt.value || stmt.targets.length !== 1)
            continue;
        const target = (0,parse/* rootName */.SX)(stmt.targets[0]);
        if (!target || (0,analysis_flow/* roleOfName */.xD)(target) !== null)
            continue;
        let hit = null;
        (0,parse/* walk */.GG)(stmt.value, (x) => {
            if (hit)
                return;
            // (X - X.mean()) / X.std(), (X - X.min()) / (X.max() - X.min())
            const scaled = x.k === 'op' &&
                x.ops.some((o) => o === '-' || o === '/') &&
                x.parts.some((p) => p.k === 'call' && STATISTIC.test((0,parse/* calleeName */.wt)(p)) && (0,parse/* rootName */.SX)(p) === target);
            // X.fillna(X.mean())
            const filled = x.k === 'call' &&
                (0,parse/* calleeName */.wt)(x) === 'fillna' &&
                x.args.some((a) => a.value.k === 'call' && STATISTIC.test((0,parse/* calleeName */.wt)(a.value)) && (0,parse/* rootName */.SX)(a.value) === target);
            if (scaled || filled)
                hit = x;
        });
        // only when what was scaled is what gets split
        if (hit && first.stmt.text.match(new RegExp(`\\b${target}\\b`)))
            out.push({ stmt, expr: hit });
    }
    return out;
}
function checkFitBeforeSplit(view) {
    if (!data_pipeline_isCode(view) || !view.after || !view.baseKnown)
        return [];
    const old = new Set(view.before ? fitsBeforeSplit((0,analysis/* analyze */.ns)(view.before).flow).map((f) => (0,analysis/* flatText */.PV)(f.stmt)) : []);
    const out = [];
    const oldMeans = new Set(view.before ? targetMeansBeforeSplit((0,analysis/* analyze */.ns)(view.before).flow).map((m) => (0,analysis/* flatText */.PV)(m.stmt)) : []);
    const oldStats = new Set(view.before ? statsBeforeSplit((0,analysis/* analyze */.ns)(view.before).flow).map((m) => (0,analysis/* flatText */.PV)(m.stmt)) : []);
    for (const m of statsBeforeSplit((0,analysis/* analyze */.ns)(view.after).flow).slice(0, 1)) {
        if (oldStats.has((0,analysis/* flatText */.PV)(m.stmt)))
            continue;
        out.push(makeFinding(PREPROCESS_BEFORE_SPLIT, view, m.expr.line, `${(0,python/* clip */.$Q)(m.expr.text, 120)} (statistics of all rows, test rows included, taken before the split)`));
    }
    for (const m of targetMeansBeforeSplit((0,analysis/* analyze */.ns)(view.after).flow)) {
        if (oldMeans.has((0,analysis/* flatText */.PV)(m.stmt)))
            continue;
        out.push(makeFinding(FIT_BEFORE_SPLIT, view, m.expr.line, `${(0,python/* clip */.$Q)(m.expr.text, 120)} (the mean of the label '${m.label}' per group, taken before the split)`));
    }
    for (const f of fitsBeforeSplit((0,analysis/* analyze */.ns)(view.after).flow)) {
        if (old.has((0,analysis/* flatText */.PV)(f.stmt)))
            continue;
        const spec = SEVERE.has(f.estimator) ? FIT_BEFORE_SPLIT : PREPROCESS_BEFORE_SPLIT;
        const what = f.estimatorName ? `${f.estimatorName} ${f.method}` : f.method;
        out.push(makeFinding(spec, view, f.call.line, `${(0,python/* clip */.$Q)(f.call.text, 120)} (${what} before the split)`));
    }
    return out.slice(0, 3);
}
const FIT_NAMES = /^(fit\w*|train|partial_fit)$/;
/** Preprocessors whose fit on the whole table, after a test part was split from it, leaks that part. */
const WHOLE_DATA_PREPROCESSORS = new Set([
    'scaler',
    'encoder',
    'imputer',
    'decomposition',
    'vectorizer',
    'pipeline',
    'selector',
    'sampler',
    'target-encoder'
]);
/** A notebook's or library's training call: `train_model`, `fit_model`, `train`, `fit` (not a split). */
const TRAINING_CALLEE = /^(?!train_test_split$)(train|fit)(_\w+)?$/;
/** Fits that take the features and the label: what the label reaches goes through one of these. */
const LABELLED_FIT = /^(fit|partial_fit|train)$/;
/** Keyword arguments that hand a model data to stop early on or pick the best model by. */
const EVAL_KWARGS = ['validation_data', 'eval_set', 'eval_dataset', 'valid_sets', 'evals', 'validation_set', 'val_data'];
const EARLY_STOPPING = /EarlyStopping|early_stopping|load_best_model_at_end|ModelCheckpoint|save_best_only|restore_best_weights|best_iteration|metric_for_best_model/;
/** Constructors of explanation methods (counterfactual trees, SHAP or LIME explainers). */
const EXPLAINER = /explain|counterfactual/i;
const receiverOf = (call) => call.fn.k === 'attr' && call.fn.obj.k === 'name' ? call.fn.obj.id : null;
/**
 * Objects built around a model the notebook trains (`cf_tree = T_GLANCE(model)`, `Explainer(clf)`): an explainer
 * fitted on the population explains the model's predictions there; it trains no model a test score is taken of.
 */
function explainers(flow) {
    const models = new Set(flow.fits.flatMap((f) => (f.estimator === 'model' || f.estimator === 'pipeline' ? [receiverOf(f.call) ?? ''] : [])));
    models.delete('');
    const out = new Set();
    for (const stmt of flow.statements) {
        const v = stmt.value;
        if (stmt.kind !== 'assign' || v?.k !== 'call')
            continue;
        const first = v.args.find((a) => a.name === null)?.value;
        if (first?.k !== 'name' || !models.has(first.id))
            continue;
        // a meta-estimator that refits the model it wraps (`CalibratedClassifierCV(clf)`) trains it again
        if (/CV$|calibrat/i.test((0,parse/* calleeName */.wt)(v)))
            continue;
        for (const t of stmt.targets)
            if (t.k === 'name' && t.id !== first.id)
                out.add(t.id);
    }
    return out;
}
function checkFitOnTest(view) {
    if (!data_pipeline_isCode(view) || !view.after || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = view.before ? (0,analysis/* analyze */.ns)(view.before) : null;
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const out = [];
    for (const f of head.flow.fits) {
        if (!fresh.has(f.stmt) || !f.data)
            continue;
        if ((0,analysis_flow/* roleOf */.kp)(head.flow, f.data) === 'test') {
            out.push(makeFinding(FIT_ON_TEST, view, f.call.line, (0,python/* clip */.$Q)(f.call.text, 140)));
            continue;
        }
        // enc.fit(pd.concat([X_train, X_test])): the test rows are part of what is fitted
        // directly, or through a variable built from it (X_all = pd.concat([X_train, X_test]))
        const test = [
            ...namesWithRole(head.flow, f.data, 'test'),
            ...[...f.frame.sources].filter((v) => (head.flow.roles.get(v) ?? (0,analysis_flow/* roleOfName */.xD)(v)) === 'test')
        ];
        if (test.length === 0)
            continue;
        const model = f.estimator === 'model' || f.estimator === 'unknown';
        out.push(makeFinding(FIT_ON_TEST, view, f.call.line, `${(0,python/* clip */.$Q)(f.call.text, 120)} (the data fitted includes ${test[0]})`, model ? {} : { status: 'warn' }));
    }
    // model.fit(X_all, y) after X_train, X_test = train_test_split(X_all, ...): the test rows are trained on
    const wrappers = explainers(head.flow);
    for (const f of head.flow.fits) {
        const modelFit = f.estimator === 'model' || (f.estimator === 'unknown' && (0,parse/* positional */.n8)(f.call, 1) !== undefined);
        // a preprocessor (a ColumnTransformer, an imputer) fitted on the whole table learns the test rows' statistics
        const preprocess = !modelFit && WHOLE_DATA_PREPROCESSORS.has(f.estimator) && /^fit(_transform)?$/.test(f.method);
        if (!fresh.has(f.stmt) || !(modelFit || preprocess) || !f.data)
            continue;
        if (modelFit && f.method !== 'fit')
            continue;
        // the classes of the label, not statistics of the rows
        if (preprocess && /^(Label|MultiLabel)(Encoder|Binarizer)$/.test(f.estimatorName ?? ''))
            continue;
        // a pipeline given the labels ends in a model: it trains on the test rows
        const trains = f.estimator === 'pipeline' && ((0,parse/* positional */.n8)(f.call, 1) ?? (0,parse/* kwarg */.Zk)(f.call, 'y')) !== undefined;
        const severity = preprocess && !SEVERE.has(f.estimator) && !trains ? { status: 'warn' } : {};
        const recv = receiverOf(f.call);
        // an explainer's own name may end like a model's (`CounterfactualTree`); a wrapper named as a model
        // (`BaggingClassifier(base)`, `GridSearchCV(clf)`) trains one
        const explainer = f.estimator === 'unknown' || EXPLAINER.test(f.estimatorName ?? '');
        if (explainer && recv && wrappers.has(recv))
            continue;
        const root = (0,parse/* rootName */.SX)(f.data);
        if (!root || (0,analysis_flow/* roleOf */.kp)(head.flow, f.data) !== null)
            continue;
        const split = head.flow.splits.find((sp) => sp.how === 'train_test_split' &&
            sp.stmt.index < f.stmt.index &&
            (0,parse/* callsIn */.Tz)(sp.stmt).some((c) => (0,parse/* calleeName */.wt)(c) === 'train_test_split' && c.args.some((a) => a.name === null && (0,parse/* rootName */.SX)(a.value) === root)));
        if (split) {
            out.push(makeFinding(FIT_ON_TEST, view, f.call.line, `${(0,python/* clip */.$Q)(f.call.text, 100)} (${root} is the whole data the test split was taken from at line ${split.stmt.line})`, severity));
            continue;
        }
        // valid = data[~mask] … model.fit(data[cols], data[y]) … model.predict(valid[cols]): scored on rows it saw
        const held = head.flow.splits.find((sp) => sp.part?.root === root && sp.stmt.index < f.stmt.index && (0,analysis_flow/* roleOfName */.xD)(sp.part.target) !== 'train');
        const scored = held?.part &&
            head.statements
                .slice(f.stmt.index + 1)
                .some((s) => (0,parse/* callsIn */.Tz)(s).some((c) => !FIT_NAMES.test((0,parse/* calleeName */.wt)(c)) && c.args.some((a) => (0,parse/* rootName */.SX)(a.value) === held.part?.target)));
        if (held?.part && scored)
            out.push(makeFinding(FIT_ON_TEST, view, f.call.line, `${(0,python/* clip */.$Q)(f.call.text, 100)} (${root} holds the rows of ${held.part.target}, split off at line ${held.stmt.line} and scored after this fit)`, severity));
    }
    const stopsEarly = EARLY_STOPPING.test(head.statements.map((s) => s.text).join('\n'));
    const baseStops = base !== null && EARLY_STOPPING.test(base.statements.map((s) => s.text).join('\n'));
    const baseEval = new Map();
    const baseOnTest = new Set();
    for (const s of base?.statements ?? [])
        for (const c of (0,parse/* callsIn */.Tz)(s))
            for (const k of EVAL_KWARGS) {
                const v = (0,parse/* kwarg */.Zk)(c, k);
                if (v && base && evalRole(base.flow, k, v) !== 'test')
                    baseEval.set(`${(0,parse/* calleeName */.wt)(c)}.${k}`, v.text);
                // the test set chose the model there already: by the call's own early stopping, or the notebook's
                if (v && base && evalRole(base.flow, k, v) === 'test') {
                    if (EARLY_STOPPING.test(c.text))
                        baseOnTest.add(`${(0,parse/* calleeName */.wt)(c)}.${k}`);
                    else if (baseStops)
                        baseOnTest.add(`${(0,parse/* calleeName */.wt)(c)}.${k}:notebook`);
                }
                // model.fit(..., validation_split=0.1) → validation_data=(X_test, y_test): the held-out part replaced by test
                const part = (0,parse/* kwarg */.Zk)(c, 'validation_split');
                if (part && !baseEval.has(`${(0,parse/* calleeName */.wt)(c)}.validation_data`))
                    baseEval.set(`${(0,parse/* calleeName */.wt)(c)}.validation_data`, `validation_split=${part.text}`);
            }
    // `train_model(train_df, validate_df, tok)` → `train_model(train_df, test_df, tok)`: a training call handed the
    // test split where the validation split was, by position
    const baseTrainCalls = new Map();
    for (const s of base?.statements ?? [])
        for (const c of (0,parse/* callsIn */.Tz)(s))
            if (TRAINING_CALLEE.test((0,parse/* calleeName */.wt)(c)))
                baseTrainCalls.set((0,parse/* calleeName */.wt)(c), [...(baseTrainCalls.get((0,parse/* calleeName */.wt)(c)) ?? []), c]);
    for (const s of head.statements) {
        if (!fresh.has(s))
            continue;
        for (const c of (0,parse/* callsIn */.Tz)(s)) {
            const olds = baseTrainCalls.get((0,parse/* calleeName */.wt)(c));
            if (!olds)
                continue;
            const now = c.args.filter((a) => a.name === null).map((a) => a.value);
            const turned = now.findIndex((v, i) => {
                const r = (0,parse/* rootName */.SX)(v);
                if (!r || (0,analysis_flow/* roleOfName */.xD)(r) !== 'test')
                    return false;
                return olds.some((o) => {
                    const was = o.args.filter((a) => a.name === null).map((a) => a.value);
                    const w = was.length === now.length ? (0,parse/* rootName */.SX)(was[i]) : null;
                    return w !== null && (0,analysis_flow/* roleOfName */.xD)(w) === 'val';
                });
            });
            if (turned === -1)
                continue;
            out.push(makeFinding(FIT_ON_TEST, view, now[turned].line, `${(0,python/* clip */.$Q)(c.text, 90)} (the test split handed where the validation split was)`, stopsEarly ? {} : { status: 'warn' }));
        }
    }
    for (const s of head.statements) {
        if (!fresh.has(s))
            continue;
        for (const c of (0,parse/* callsIn */.Tz)(s)) {
            for (const k of EVAL_KWARGS) {
                const v = (0,parse/* kwarg */.Zk)(c, k);
                if (!v || evalRole(head.flow, k, v) !== 'test')
                    continue;
                // the same test set already chose the model at the base: not this change
                const key = `${(0,parse/* calleeName */.wt)(c)}.${k}`;
                if (stopsEarly && (baseOnTest.has(key) || (!EARLY_STOPPING.test(c.text) && baseOnTest.has(`${key}:notebook`))))
                    continue;
                const was = baseEval.get(`${(0,parse/* calleeName */.wt)(c)}.${k}`);
                if (!stopsEarly && was === undefined)
                    continue;
                const why = stopsEarly
                    ? 'early stopping / best-model selection on the test split'
                    : `base: ${k}=${(0,python/* clip */.$Q)(was ?? '', 60)}`;
                out.push(makeFinding(FIT_ON_TEST, view, v.line, `${k}=${(0,python/* clip */.$Q)(v.text, 80)} (${why})`, stopsEarly ? {} : { status: 'warn' }));
            }
        }
    }
    return out;
}
/**
 * The data an evaluation argument stops or selects on. A list of eval sets (`evals=[(dtrain, 'train'), (dtest,
 * 'test')]`): XGBoost stops on the last one, LightGBM's `valid_sets` on any; a pair `(X_val, y_val)` is one set.
 */
function evalRole(flow, k, v) {
    const listed = v.k === 'seq' && (k === 'evals' || k === 'eval_set' || k === 'valid_sets');
    if (!listed || v.items.length === 0)
        return (0,analysis_flow/* roleOf */.kp)(flow, v);
    const sets = v.items;
    // eval_set=(X_val, y_val) written without the list is one set
    if (k === 'eval_set' && sets.every((i) => i.k !== 'seq'))
        return (0,analysis_flow/* roleOf */.kp)(flow, v);
    if (k === 'valid_sets')
        return sets.some((i) => (0,analysis_flow/* roleOf */.kp)(flow, i) === 'test') ? 'test' : (0,analysis_flow/* roleOf */.kp)(flow, sets[0]);
    return (0,analysis_flow/* roleOf */.kp)(flow, sets[sets.length - 1]);
}
/** Names an expression reads that hold data of a role: `X_test` of `pd.concat([X_train, X_test])`. */
function namesWithRole(flow, e, role) {
    const out = [];
    (0,parse/* walk */.GG)(e, (x) => {
        if (x.k === 'name' && (flow.roles.get(x.id) ?? (0,analysis_flow/* roleOfName */.xD)(x.id)) === role)
            out.push(x.id);
        else if (x.k === 'sub' && x.items.length === 1 && x.items[0].k === 'str' && (0,analysis_flow/* roleOfName */.xD)(x.items[0].value) === role)
            out.push(x.text);
    });
    return out;
}
/** Evaluation calls that read the validation split at the base and the test split in the head. */
const SCORING = /^(score|evaluate|predict|predict_proba|\w*_score|\w*_error|log_loss|evaluate_model|eval\w*)$/;
/** What picks the best of several runs: a comparison, max/argmax, a `best` variable. */
const SELECTS = /\w\s*[<>]=?\s*[\w(]|\b(max|argmax|idxmax|nanargmax|sorted)\s*\(|\bbest/i;
function checkSelectionOnTest(view) {
    if (!data_pipeline_isCode(view) || !view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const baseCalls = (0,analysis/* callsBy */.Li)(base, (c) => (SCORING.test((0,parse/* calleeName */.wt)(c)) ? (0,parse/* dotted */.Bs)(c.fn) : null));
    const out = [];
    for (const s of head.statements) {
        if (!fresh.has(s))
            continue;
        for (const c of (0,parse/* callsIn */.Tz)(s)) {
            const d = (0,parse/* dotted */.Bs)(c.fn);
            if (!d || !SCORING.test((0,parse/* calleeName */.wt)(c)))
                continue;
            // the base already made this very call (its result renamed, `bl_test_scores` → `bl_test_probs`): the test
            // split scored what it scored before, and the call on the validation split is another one
            const same = (baseCalls.get(d) ?? []).some((b) => b.args.length === c.args.length &&
                b.args.every((o, i) => o.name === c.args[i].name && o.value.text === c.args[i].value.text));
            if (same)
                continue;
            const was = (baseCalls.get(d) ?? []).find((b) => b.args.length === c.args.length &&
                c.args.some((a, i) => {
                    const old = b.args[i];
                    return (old.name === a.name &&
                        old.value.text !== a.value.text &&
                        namesWithRole(base.flow, old.value, 'val').length > 0 &&
                        namesWithRole(head.flow, a.value, 'test').length > 0);
                }));
            if (!was)
                continue;
            // only when the score picks something: a hyper-parameter, an epoch, a model
            const result = s.targets.find((t) => t.k === 'name');
            const after = head.statements.slice(s.index, s.index + 8);
            const picks = after.some((x) => SELECTS.test(x.text) && (x === s || (!!result && new RegExp(`\\b${result.text}\\b`).test(x.text))));
            if (!picks)
                continue;
            out.push(makeFinding(FIT_ON_TEST, view, c.line, `${(0,python/* clip */.$Q)(c.text, 100)} (base: ${(0,python/* clip */.$Q)(was.text, 60)}) — the test split now picks the model`));
            return out;
        }
    }
    return out;
}
/** Targets given beside features that still hold them: `model.fit(X, y)` or `train_test_split(X, y)` with y a column of X. */
function targetsFitted(flow) {
    const pairs = [];
    for (const f of flow.fits) {
        const y = (0,parse/* positional */.n8)(f.call, 1) ?? (0,parse/* kwarg */.Zk)(f.call, 'y');
        const modelFit = f.estimator === 'model' || (f.estimator === 'unknown' && y !== undefined);
        if (y && modelFit && LABELLED_FIT.test(f.method))
            pairs.push({ stmt: f.stmt, call: f.call, frame: f.frame, y });
    }
    for (const input of flow.inputs) {
        if (input.via !== 'train_test_split')
            continue;
        const call = (0,parse/* callsIn */.Tz)(input.stmt).find((c) => (0,parse/* calleeName */.wt)(c) === 'train_test_split');
        if (call)
            pairs.push({ stmt: input.stmt, call, frame: input.frame, y: (0,parse/* positional */.n8)(call, 1) });
    }
    const out = [];
    for (const { stmt, call, frame, y } of pairs) {
        const label = (0,analysis_flow/* frameOf */.Dm)(flow, y);
        if (label.cols.size !== 1)
            continue;
        const target = [...label.cols.keys()][0];
        const kept = frame.cols.has(target);
        const inWhole = frame.whole && !frame.dropped.has(target) && [...label.sources].some((s) => frame.sources.has(s));
        if (kept || inWhole)
            out.push({ stmt, call, frame, target });
    }
    return out;
}
/**
 * `model.fit(df.drop(['id', label_col], axis=1), y_train)` → `df.drop(['id'], axis=1)` where `y_train =
 * df[label_col]`: the key the target is selected by taken out of the list the features drop, read from the text (the
 * key may be a parameter whose value nothing here knows).
 */
function checkTargetNoLongerDropped(view) {
    if (!data_pipeline_isCode(view) || !view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const dropped = (e) => {
        const out = [];
        if (e)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k !== 'call' || (0,parse/* calleeName */.wt)(x) !== 'drop')
                    return;
                const list = x.args.find((a) => a.name === null || a.name === 'columns')?.value;
                if (list?.k === 'seq')
                    for (const item of list.items)
                        out.push(item.text.replace(/\s+/g, ''));
            });
        return out;
    };
    // `y_train = new_traindf[label_col].values`: the key a target name is selected by, on a side
    const selectedBy = (a, name) => {
        const keys = new Set();
        for (const st of a.statements) {
            if (st.kind !== 'assign' || !st.value || !st.targets.some((t) => t.k === 'name' && t.id === name))
                continue;
            (0,parse/* walk */.GG)(st.value, (x) => {
                if (x.k === 'sub' && x.items.length === 1)
                    keys.add(x.items[0].text.replace(/\s+/g, ''));
            });
        }
        return keys;
    };
    const baseFits = new Map();
    for (const st of base.statements)
        for (const c of (0,parse/* callsIn */.Tz)(st)) {
            const d = (0,parse/* dotted */.Bs)(c.fn);
            if (d && /^fit\w*$/.test((0,parse/* calleeName */.wt)(c)))
                baseFits.set(d, [...(baseFits.get(d) ?? []), c]);
        }
    for (const st of head.statements) {
        if (!fresh.has(st))
            continue;
        for (const c of (0,parse/* callsIn */.Tz)(st)) {
            const d = (0,parse/* dotted */.Bs)(c.fn);
            const x = (0,parse/* positional */.n8)(c, 0);
            const y = (0,parse/* positional */.n8)(c, 1);
            if (!d || !x || !y || y.k !== 'name' || !/^fit\w*$/.test((0,parse/* calleeName */.wt)(c)))
                continue;
            const now = new Set(dropped(x));
            const keys = selectedBy(head, y.id);
            for (const b of baseFits.get(d) ?? []) {
                const bx = (0,parse/* positional */.n8)(b, 0);
                if ((0,parse/* positional */.n8)(b, 1)?.text !== y.text)
                    continue;
                const lost = dropped(bx).find((k) => !now.has(k) && keys.has(k));
                if (!lost)
                    continue;
                return [
                    makeFinding(TARGET_IN_FEATURES, view, x.line, `${lost} is no longer dropped from the features of ${(0,python/* clip */.$Q)(c.text, 80)}, while ${y.id} is selected by it`)
                ];
            }
        }
    }
    return [];
}
/** A target column the change lets reach the features, at the new statement on its route (the data flow's view). */
function checkTargetFitted(view) {
    if (!data_pipeline_isCode(view) || !view.after || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = view.before ? (0,analysis/* analyze */.ns)(view.before) : null;
    const old = new Set(base ? targetsFitted(base.flow).map((t) => t.target) : []);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const out = [];
    const seen = new Set();
    for (const { stmt, call, frame, target } of targetsFitted(head.flow)) {
        if (old.has(target) || seen.has(target))
            continue;
        seen.add(target);
        // the last statement the change wrote on the way from the table to the fit
        const route = head.statements
            .filter((s) => (fresh.has(s) || view.isAddedLine(s.line)) &&
            s.index <= stmt.index &&
            s.targets.some((t) => t.k === 'name' && frame.sources.has(t.id)))
            .pop();
        out.push(makeFinding(TARGET_IN_FEATURES, view, route?.line ?? call.line, `target '${target}' is still in the features of ${(0,python/* clip */.$Q)(call.text, 80)}${route ? ` (${(0,python/* clip */.$Q)(route.text, 60)})` : ''}`));
    }
    return out.slice(0, 2);
}
/**
 * The label itself written into the feature frame: `X["Income"] = y.astype(int)` before `train_test_split(X, y)` or
 * `model.fit(X, y)`. The model is handed its answer as a column.
 */
function checkLabelWrittenIntoFeatures(view) {
    if (!data_pipeline_isCode(view) || !view.after || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const flow = head.flow;
    const fresh = (0,analysis/* newStatements */.rm)(view.before ? (0,analysis/* analyze */.ns)(view.before) : null, head);
    const pairs = [];
    for (const f of flow.fits)
        if (LABELLED_FIT.test(f.method))
            pairs.push({ stmt: f.stmt, x: (0,parse/* positional */.n8)(f.call, 0), y: (0,parse/* positional */.n8)(f.call, 1) ?? (0,parse/* kwarg */.Zk)(f.call, 'y') });
    for (const s of head.statements)
        for (const c of (0,parse/* callsIn */.Tz)(s))
            if ((0,parse/* calleeName */.wt)(c) === 'train_test_split')
                pairs.push({ stmt: s, x: (0,parse/* positional */.n8)(c, 0), y: (0,parse/* positional */.n8)(c, 1) });
    for (const { stmt, x, y } of pairs) {
        const yName = y ? (0,parse/* rootName */.SX)(y) : null;
        const xName = x ? (0,parse/* rootName */.SX)(x) : null;
        if (!yName || !xName)
            continue;
        // `train_test_split(x, x[:, -1])`: the label is a column of the array handed whole as the features
        if (yName === xName) {
            const whole = x?.k === 'name' || (x?.k === 'attr' && x.obj.k === 'name' && x.name === 'values');
            if (whole && y?.k === 'sub' && (fresh.has(stmt) || view.isAddedLine(stmt.line)))
                return [
                    makeFinding(TARGET_IN_FEATURES, view, x.line, `the label ${(0,python/* clip */.$Q)(y.text, 40)} is a column of the features ${x.text}, handed whole: ${(0,python/* clip */.$Q)(stmt.text, 90)}`)
                ];
            continue;
        }
        // the label and the label variables it was cut from (`y_train` from `y`), not every column it was computed from
        const labels = new Set([
            yName,
            ...[...(0,analysis_flow/* frameOf */.Dm)(flow, y).sources].filter((n) => /^(y|targets?|labels?)(_|$)/i.test(n))
        ]);
        const features = new Set([xName, ...(0,analysis_flow/* frameOf */.Dm)(flow, x).sources]);
        for (const s of head.statements) {
            if (s.index >= stmt.index || !(fresh.has(s) || view.isAddedLine(s.line)) || s.kind !== 'assign' || !s.value)
                continue;
            const into = s.targets.find((t) => t.k === 'sub' && t.obj.k === 'name' && features.has(t.obj.id) && !labels.has(t.obj.id));
            // `dataset['LIMIT_BAL'] = Y + np.random.normal(...)`: a feature simulated from the label, by design
            if (!into || checks_protected/* RANDOM_DRAW */.Pz.test(s.value.text))
                continue;
            let reads = false;
            (0,parse/* walk */.GG)(s.value, (e) => {
                if (e.k === 'name' && labels.has(e.id))
                    reads = true;
            });
            if (reads)
                return [
                    makeFinding(TARGET_IN_FEATURES, view, s.line, `the label ${yName} written into the features: ${(0,python/* clip */.$Q)(s.text, 90)}`)
                ];
        }
        const derived = sourceSelected(view, head, fresh, stmt, y, xName);
        if (derived)
            return [derived];
    }
    return [];
}
/**
 * The columns a label is computed from (`df['long_los'] = df['length_of_stay'].apply(...)`), newly named where the
 * features are selected: the model reads its answer before it was thresholded.
 */
function sourceSelected(view, head, fresh, at, y, xName) {
    const labelCols = new Set([...(0,analysis_flow/* frameOf */.Dm)(head.flow, y).cols.keys()].map((c) => c.toLowerCase()));
    // `y = df.loc[:, ['long_los']]`: the columns named where the label is selected
    const yName = y ? (0,parse/* rootName */.SX)(y) : null;
    for (const s of head.statements)
        if (s.index < at.index && s.kind === 'assign' && s.value && s.targets.some((t) => t.k === 'name' && t.id === yName))
            (0,parse/* walk */.GG)(s.value, (v) => {
                if (v.k === 'str')
                    labelCols.add(v.value.toLowerCase());
            });
    const sources = new Map();
    for (const s of head.statements) {
        if (s.kind !== 'assign' || !s.value || s.index >= at.index)
            continue;
        const col = s.targets.find((t) => t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str');
        const name = col?.k === 'sub' && col.items[0].k === 'str' ? col.items[0].value : null;
        if (!name || !labelCols.has(name.toLowerCase()))
            continue;
        // a forecast's target is a later value of a column (`df['price'].shift(-1)`): the column now is a fair feature
        if (/\.(shift|diff|pct_change|rolling|lead)\(/.test(s.value.text))
            continue;
        (0,parse/* walk */.GG)(s.value, (v) => {
            if (v.k === 'str' && /^[\w.-]{1,80}$/.test(v.value) && v.value.toLowerCase() !== name.toLowerCase())
                sources.set(v.value, name);
        });
    }
    if (sources.size === 0)
        return null;
    const named = (st) => {
        let hit = null;
        for (const e of st.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'str' && sources.has(x.value))
                    hit ??= x.value;
            });
        return hit;
    };
    const defines = (st) => st.kind === 'assign' && st.targets.some((t) => t.k === 'name' && t.id === xName);
    const baseNamed = new Set((view.before ? (0,analysis/* analyze */.ns)(view.before).statements : []).filter(defines).map(named));
    for (const s of head.statements) {
        if (s.index >= at.index || !defines(s))
            continue;
        const hit = named(s);
        if (!hit || baseNamed.has(hit))
            continue;
        const offset = s.text.split('\n').findIndex((l) => l.includes(hit));
        const line = s.line + Math.max(0, offset);
        if (!view.isAddedLine(line) && !fresh.has(s))
            continue;
        return makeFinding(TARGET_IN_FEATURES, view, view.isAddedLine(line) ? line : s.line, `'${hit}', from which the target '${sources.get(hit)}' is computed, is selected into ${xName}`);
    }
    return null;
}
function checkTargetInFeatures(view) {
    if (!view.after || !view.baseKnown)
        return [];
    const targets = (0,features/* targetColumns */.dr)(view, view.after);
    const out = [];
    if (targets.size > 0) {
        const beforeItems = new Map();
        for (const list of view.before ? (0,features/* featureLists */.s0)(view, view.before) : []) {
            const set = beforeItems.get(list.name) ?? new Set();
            for (const i of list.items)
                set.add(i.value);
            beforeItems.set(list.name, set);
        }
        for (const list of (0,features/* featureLists */.s0)(view, view.after)) {
            if (list.stmt && !list.stmt.added)
                continue;
            const hit = list.items.find((it) => targets.has(it.value) && !beforeItems.get(list.name)?.has(it.value));
            if (hit)
                out.push(makeFinding(TARGET_IN_FEATURES, view, hit.line, `target '${hit.value}' in ${list.name}`));
        }
    }
    return out;
}
const hasStratify = (call) => {
    const s = (0,python/* kwarg */.Zk)(call, 'stratify');
    return s !== undefined && s.value !== 'None';
};
function checkStratifyRemoved(view) {
    if (!view.before || !view.after)
        return [];
    if (view.kind === 'config') {
        const isStratifyKey = (key) => /^(stratify|stratified|stratify_by_column|stratify_column)$/.test((0,checks_params/* lastSegment */.mp)(key));
        const before = view.before.entries.filter((e) => isStratifyKey(e.key) && ((0,python/* isTruthy */.zz)(e.value) || (typeof e.value === 'string' && e.value !== '')));
        if (before.length === 0)
            return [];
        const after = view.after.entries.filter((e) => isStratifyKey(e.key));
        const still = after.some((e) => (0,python/* isTruthy */.zz)(e.value) || (typeof e.value === 'string' && !/^(false|no|none|null|)$/i.test(e.value)));
        if (still)
            return [];
        const line = after[0]?.line ?? view.headLineFor(before[0].line);
        return [
            makeFinding(STRATIFY_REMOVED, view, line, `${before[0].key}: ${JSON.stringify(before[0].value)} → ${after[0] ? JSON.stringify(after[0].value) : 'removed'}`)
        ];
    }
    if (!data_pipeline_isCode(view))
        return [];
    const tts = (s) => (0,python/* findCalls */.pr)(s).filter((c) => (0,python/* calleeName */.wt)(c) === 'train_test_split');
    const count = (ss) => ss.reduce((n, s) => n + tts(s).filter(hasStratify).length, 0);
    const lost = count(view.before.statements) - count(view.after.statements);
    if (lost <= 0)
        return [];
    const candidates = (0,checks_view/* introducedStatements */.em)(view).filter((s) => tts(s).some((c) => !hasStratify(c)));
    if (candidates.length > 0) {
        const stmt = candidates[0];
        const call = tts(stmt).find((c) => !hasStratify(c));
        return [makeFinding(STRATIFY_REMOVED, view, (0,python/* lineAt */.mh)(stmt, call.start), (0,python/* snippetAt */.Tw)(stmt, call.start))];
    }
    return [];
}
function splitAssignments(statements) {
    const out = [];
    for (const stmt of statements) {
        const a = (0,python/* assignment */.mU)(stmt);
        if (!a || a.targets.length < 2)
            continue;
        const call = (0,python/* findCalls */.pr)(stmt).find(isSplitCall);
        if (call)
            out.push({ stmt, targets: a.targets.map((t) => t.replace(/\s+/g, '')), call });
    }
    return out;
}
function order(targets) {
    const train = targets.findIndex((t) => splitRole(t) === 'train');
    const test = targets.findIndex((t) => splitRole(t) === 'test');
    if (train === -1 || test === -1)
        return null;
    return train < test ? 'train-first' : 'test-first';
}
function checkSwapped(view) {
    if (!data_pipeline_isCode(view) || !view.after)
        return [];
    const fresh = new Set((0,checks_view/* introducedStatements */.em)(view));
    const before = view.before ? splitAssignments(view.before.statements) : [];
    const out = [];
    for (const s of splitAssignments(view.after.statements)) {
        if (!fresh.has(s.stmt) || order(s.targets) !== 'test-first')
            continue;
        const sameNames = (b) => b.targets.length === s.targets.length && [...b.targets].sort().join() === [...s.targets].sort().join();
        const flipped = before.find((b) => sameNames(b) && order(b.targets) === 'train-first');
        const sklearn = (0,python/* calleeName */.wt)(s.call) === 'train_test_split' && !isMethodCall(s.stmt, s.call);
        if (!flipped && !sklearn)
            continue;
        const was = flipped ? ` (base: ${flipped.stmt.flat})` : ' (train_test_split returns the training part first)';
        out.push(makeFinding(TRAIN_TEST_SWAPPED, view, s.stmt.line, `${s.stmt.flat}${was}`));
    }
    return out;
}
const dataPipeline = (view) => {
    const out = [];
    for (const check of [
        checkFitBeforeSplit,
        checkFitOnTest,
        checkSelectionOnTest,
        checkTargetInFeatures,
        checkTargetFitted,
        checkTargetNoLongerDropped,
        checkLabelWrittenIntoFeatures,
        checkStratifyRemoved,
        checkTimeSeriesShuffle,
        checkGroupSplitRemoved,
        checkSplitOverlap,
        checkSplitUnshuffled,
        checkSwapped
    ]) {
        try {
            out.push(...check(view));
        }
        catch {
            // one check failing on odd input leaves the others standing
        }
    }
    return out;
};

;// CONCATENATED MODULE: ./src/analysis/rewrite.ts
// Statements a change rewrote, paired with what they were: the base statement of the same target (or the same
// call) that the head no longer has, and the head statement beyond the base's copies of its text. Checks that read
// what one token became (`roc_clf` → `baseline_clf`, `test_df` → `train_df`) compare the two token by token.

const TOKEN = /[rbuRBU]?"(?:[^"\\\n]|\\.)*"|[rbuRBU]?'(?:[^'\\\n]|\\.)*'|[A-Za-z_]\w*|\d+(?:\.\d+)?|\S/g;
const stripComments = (text) => text.replace(/#[^\n'"]*$/gm, '');
/** A keyword argument given a literal value: `, pred_type="classification"`, `, flag_oor=True`. */
const LITERAL_KEYWORD = /,\s*\w+\s*=\s*("[^"]*"|'[^']*'|[\w.]+)(?=\s*[,)])/g;
/**
 * A statement's text with the name of one callee and the keywords given literal values left out: the same call
 * under a library's new name reads the same (`r.classification_fairness_report(PA, y, p)` and
 * `r.bias_report(PA, y, p, pred_type="classification")`). Null when the text does not call it.
 */
function callShape(text, callee) {
    if (!/^\w+$/.test(callee))
        return null;
    const call = new RegExp(`(?<!\\w)${callee}(?=\\()`, 'g');
    if (!call.test(text))
        return null;
    return text.replace(call, '§').replace(LITERAL_KEYWORD, '');
}
/** Names, literals and single punctuation of a statement's (comment-free) text. */
const tokensOf = (text) => [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], at: m.index }));
/** A token's text without a literal's quotes and prefix. */
const bareToken = (token) => token.replace(/^[rbuf]*["']|["']$/gi, '');
/** What a statement is keyed by when it is rewritten: its targets, else its first call's text up to `(`. */
function statementKey(s) {
    if ((s.kind === 'assign' || s.kind === 'augassign') && s.targets.length > 0)
        return `=${s.targets.map((t) => t.text.replace(/\s+/g, '')).join(',')}`;
    const m = /^\s*([\w.]+)\s*\(/.exec(s.text);
    return m ? `(${m[1]}` : null;
}
/** The file line of an offset in a statement's text (a notebook's source lines are consecutive JSON lines). */
const lineAt = (s, text, at) => s.line + (text.slice(0, at).match(/\n/g)?.length ?? 0);
/**
 * Base statements the change rewrote or removed, by key (a statement whose key is null is left out): more copies
 * at the base than in the head.
 */
function goneByKey(base, head, keyOf = statementKey) {
    const count = new Map();
    for (const h of head)
        count.set((0,analysis/* flatText */.PV)(h), (count.get((0,analysis/* flatText */.PV)(h)) ?? 0) + 1);
    const out = new Map();
    for (const b of base) {
        const n = count.get((0,analysis/* flatText */.PV)(b)) ?? 0;
        if (n > 0) {
            count.set((0,analysis/* flatText */.PV)(b), n - 1);
            continue;
        }
        const key = keyOf(b);
        if (key)
            out.set(key, [...(out.get(key) ?? []), b]);
    }
    return out;
}
/**
 * Head statements beyond the base's copies of the same text, the copies the change wrote counted as the new ones:
 * a rewritten call may now read word for word like another one above it.
 */
function beyondBase(base, head, written) {
    const count = new Map();
    for (const b of base)
        count.set((0,analysis/* flatText */.PV)(b), (count.get((0,analysis/* flatText */.PV)(b)) ?? 0) + 1);
    const byText = new Map();
    for (const h of head)
        byText.set((0,analysis/* flatText */.PV)(h), [...(byText.get((0,analysis/* flatText */.PV)(h)) ?? []), h]);
    const out = new Set();
    for (const [text, copies] of byText) {
        const extra = copies.length - (count.get(text) ?? 0);
        if (extra <= 0)
            continue;
        [...copies.filter(written), ...copies.filter((c) => !written(c)).reverse()]
            .slice(0, extra)
            .forEach((c) => out.add(c));
    }
    return out;
}
/** Each rewritten head statement with the base statements of its key it may have been. */
function rewrittenPairs(base, head, written) {
    const gone = goneByKey(base, head);
    if (gone.size === 0)
        return [];
    const fresh = beyondBase(base, head, written);
    const out = [];
    for (const s of head) {
        if (s.kind === 'import' || s.kind === 'def' || !fresh.has(s))
            continue;
        const key = statementKey(s);
        const olds = key ? gone.get(key) : undefined;
        if (olds)
            out.push({ head: s, olds });
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/array.js
var array = __webpack_require__(1318);
// EXTERNAL MODULE: ./src/checks/file-role.ts
var file_role = __webpack_require__(8520);
// EXTERNAL MODULE: ./src/checks/vocabulary.ts
var vocabulary = __webpack_require__(1497);
;// CONCATENATED MODULE: ./src/checks/fairness-coverage.ts
// Fairness coverage, read the way a reviewer reads it whatever library or shape: every statement, config entry
// or cell that computes, reports, plots, constrains or mitigates fairness (fairness vocabulary in its names,
// strings, keys or comments, or a metric broken down by a protected attribute) is a piece of coverage. A change
// that removes such a piece, or rewrites it to cover less (an attribute, group, metric, slice or task gone, a
// constraint or mitigation changed, arguments swapped, a restriction added), blocks unless the same coverage
// reappears in the changed files. A statement moved or refactored with its coverage is not a finding.








const FAIRNESS_COVERAGE_NARROWED = {
    id: 'RAI-FAIRNESS-COVERAGE-NARROWED',
    family: 'responsible-ai',
    title: 'Fairness coverage removed or narrowed',
    status: 'fail',
    bias: true,
    flags: 'a statement, config entry or cell that computes, reports, plots, constrains or mitigates fairness (by its vocabulary, or a metric broken down by a protected attribute) removed, or rewritten to cover fewer attributes, groups, metrics, slices or tasks, with changed constraint values or swapped group arguments, without the same coverage reappearing in the change',
    fix: 'Keep the fairness evaluation or mitigation as it was, or say in the pull request where the same coverage is now and why the narrower one is enough.'
};
const COVERAGE_CHECKS = [FAIRNESS_COVERAGE_NARROWED];
/** Calls that break a value down by a column: with a protected column and a metric they audit groups. */
const BREAKDOWN = /^(groupby|crosstab|pivot_table|pivot|value_counts|barplot|boxplot|catplot|violinplot|histplot)$/;
const BREAKDOWN_KW = /^(by|hue|col|row|groups?|group_by|slice_by|columns|index)$/;
/** Keywords that restrict what a call covers, whatever their value. */
const RESTRICTING_KW = /^(only|exclude|excluded|include|subset|skip|select|selected|categories|detectors|tags|features|attributes|groups|metrics|metric_type|slices?)$/;
/**
 * Whether a keyword added to a fairness call can narrow it: a restriction, a switch turned off, or a tolerance
 * that is not one the statement already states (an explicit bound equal to the `eps` beside it restates it).
 */
function narrowingKeyword(name, value, text) {
    if (RESTRICTING_KW.test(name))
        return true;
    if (value.k === 'const')
        return value.value !== 'True';
    if (value.k === 'num') {
        const others = [...text.matchAll(/\b\w+\s*=\s*(-?[\d.]+(?:e-?\d+)?)/g)].filter((m) => !m[0].startsWith(name));
        return value.value === 0 || !others.some((m) => Number(m[1]) === value.value);
    }
    return false;
}
/** Calls that take a protected column to train on, split by, drop or show it, not to compare groups. */
const NOT_GROUP_CALL = /^(fit|fit_transform|fit_resample|partial_fit|train|transform|train_test_split|drop|pop|remove|astype|rename|print|display|head|tail|describe|info|read_csv|to_csv|merge|join|concat|get_dummies|map|replace|fillna|dropna|isin|unique|nunique|value_counts|append|extend|insert|set_index|reset_index|sort_values|loc|iloc|apply|format)$/;
/** Calls whose work is what they show, save or send, whatever they return. */
const SIDE_EFFECT = /plot|show|display|print|save|log|write|report|export|upload|dashboard|render|widget|fig|chart/i;
/** Calls that take the slices or groups an evaluation is broken down by: cyclops's `SliceSpec`, TFMA's slicing specs. */
const SLICER = /^(SliceSpec|SlicingSpec|slicing_specs?|slice_spec|FairnessConfig|GroupSpec)$/;
/** Identity groups named by religion or sexual orientation (`christian`, `homosexual_gay_or_lesbian`). */
const IDENTITY_WORD = /^(christian|jewish|muslim|hindu|buddhist|atheist|heterosexual|homosexual|gay|lesbian|bisexual|transgender|lgbt|lgbtq)$/i;
const identityGroup = (v) => vocabulary/* GROUP_VALUE */.IO.test(v.trim()) || (0,vocabulary/* words */.aL)(v).some((w) => vocabulary/* GROUP_VALUE */.IO.test(w) || IDENTITY_WORD.test(w));
/** Whether a call's arguments name a protected column or at least two groups of people. */
function groupArguments(call) {
    if (call.k !== 'call')
        return false;
    let columns = 0;
    const groups = new Set();
    for (const a of call.args)
        (0,parse/* walk */.GG)(a.value, (x) => {
            if (x.k !== 'str')
                return;
            const v = x.value.trim();
            if (vocabulary/* GROUP_VALUE */.IO.test(v))
                groups.add(v.toLowerCase());
            else if ((0,vocabulary/* protectedOf */.Qr)(v))
                columns++;
        });
    return columns > 0 || groups.size >= 2;
}
/** Literal items that are all protected attributes, or at least two groups of people. */
function groupList(items) {
    if (items.length === 0 || !items.every((i) => i.k === 'str'))
        return false;
    const values = items.map((i) => (i.k === 'str' ? i.value.trim() : ''));
    return values.every((v) => (0,vocabulary/* protectedOf */.Qr)(v) !== null) || values.filter((v) => vocabulary/* GROUP_VALUE */.IO.test(v)).length >= 2;
}
/** Calls that resample or reweigh data: by a protected column they mitigate imbalance between groups. */
const REBALANCE = /balance|sampl|reweigh|weight/i;
/** The strings of a shown expression, but not those of a call inside it (`print('%.3f' % air(cm, 'a', 'b'))`). */
function markShown(e, shown) {
    if (e.k === 'str')
        shown.add(e);
    else if (e.k === 'op' || e.k === 'other')
        e.parts.forEach((p) => markShown(p, shown));
    else if (e.k === 'seq')
        e.items.forEach((p) => markShown(p, shown));
    else if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name === 'format') {
        markShown(e.fn.obj, shown);
        e.args.forEach((a) => markShown(a.value, shown));
    }
}
/** Calls and keywords whose strings are shown to a reader, not evaluated. */
const SHOWN_CALL = /^(print|display|flag|highlight|title|set_title|suptitle|xlabel|ylabel|set_xlabel|set_ylabel|text|annotate|Markdown|HTML|markdown|write|info|debug|warning|warn|format|log|savefig)$/;
const SHOWN_KW = /^(title|xlabel|ylabel|label|name|id|step_name|caption|desc|description|fname|filename|path)$/;
/** Keyword arguments that say how a call runs or looks, not what it covers: added, removed or changed, they narrow nothing. */
const NEUTRAL_KW = /^(random_state|seed|verbose|verbosity|n_jobs|figsize|title|xlabel|ylabel|ax|color|colors|palette|fontsize|rot|height|width|dpi|show|save|path|filename|fname|cmap|alpha|legend|style|kind|marker|sort|ascending|round|decimals|precision|display|return_fig|output_dir|nrows|ncols|size|label|id|step_name|ptype|plot_type|chart_type|plot_kind|linestyle|linewidth|markersize|edgecolor|orient|orientation|layout|theme|template|fmt|grid|aspect|shade|fill|bins|bw_adjust|bw_method|lw|ls|zorder|element|multiple|cut|clip|xlim|ylim|xticks|yticks|left_index|right_index|copy|indicator|validate|suffixes|inplace|ignore_index|errors|dtype|engine|low_memory|encoding|compression|sep|index_col|header|timeout|background_mode|retries|max_retries|wait|poll_interval)$/;
/** Keywords that label a result for the reader (`name=`, `caption=`, `run_name=`). */
const DISPLAY_KW = /^(name|names|caption|description|desc|run_name|experiment_name|prefix|suffix|tag|tags|notes|comment|header)$/;
/**
 * A display keyword whose value names no protected attribute (`name='report_v2'`, not `name='race'`), or the names
 * shown for values the call is handed beside them.
 */
function displayLabel(name, value, call) {
    // `sensitive_feature_names=['Sex', 'Race']` beside `sensitive_features=A_test`: how the groups are shown
    const of = /^(\w+?)_names$/.exec(name)?.[1];
    if (of !== undefined && call.args.some((a) => a.name === of || a.name === `${of}s`))
        return true;
    if (!DISPLAY_KW.test(name))
        return false;
    let protectedName = false;
    (0,parse/* walk */.GG)(value, (x) => {
        if (x.k === 'str' && ((0,vocabulary/* protectedOf */.Qr)(x.value) !== null || (0,vocabulary/* words */.aL)(x.value).some((w) => (0,vocabulary/* protectedOf */.Qr)(w) !== null)))
            protectedName = true;
    });
    return !protectedName;
}
// ---------------------------------------------------------------------------------------------
// Code pieces
function nameWords(name) {
    return (0,vocabulary/* words */.aL)(name);
}
/** The comment text on a statement's own lines (the parser keeps it out of the expressions). */
function commentsOf(stmt) {
    return [...stmt.text.matchAll(/#([^\n'"]*)$/gm)].map((m) => m[1]).join(' ');
}
function literalText(e) {
    if (e.k === 'str')
        return `'${e.value.trim().toLowerCase()}'`;
    if (e.k === 'num')
        return String(e.value);
    if (e.k === 'const')
        return e.value;
    return null;
}
/** A name that says what is covered: fairness, protected or metric words. */
function meaningful(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    return (0,vocabulary/* fairnessWords */.hO)(ws) || (0,vocabulary/* protectedOf */.Qr)(name) !== null || ws.some((w) => vocabulary/* METRIC_WORD */.kq.test(w));
}
const calleeOf = (call) => call.k !== 'call' ? '' : call.fn.k === 'name' ? call.fn.id : call.fn.k === 'attr' ? call.fn.name : '';
/** Names that carry fairness one hop: what a fairness constructor or call returns (a mitigator, a MetricFrame). */
function carrierNames(statements, scans = (0,vocabulary/* scanNames */.Cs)(statements.flatMap((s) => s.imports))) {
    const carriers = new Set();
    // fairness results pass fairness on to what is computed from them; data and lists of groups do not (a model
    // trained on rebalanced data is not a fairness evaluation)
    const results = new Set();
    for (const stmt of statements) {
        if (stmt.kind !== 'assign' || !stmt.value)
            continue;
        const v = stmt.value;
        // `protected = ['ethnicity', 'gender', 'age']`: the attributes a notebook audits, named once
        const items = v.k === 'seq' ? v.items : [];
        if (items.length > 0 &&
            items.every((i) => i.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(i.value) !== null) &&
            stmt.targets.every((t) => t.k === 'name' && !/feature|drop|exclude|ignore|^x_|cols_to_use|predictor/i.test(t.id))) {
            for (const t of stmt.targets)
                if (t.k === 'name')
                    carriers.add(t.id);
            continue;
        }
        const call = v.k === 'call' ? v : null;
        const callee = call ? (call.fn.k === 'name' ? call.fn.id : call.fn.k === 'attr' ? call.fn.name : '') : '';
        // a value computed from a fairness result, or by a call that names its groups, carries fairness on
        // (`mf = MetricFrame(..., sensitive_features=A)`, `eo = mf.difference()`, `gap = eo * 100`)
        let fair = (callee !== '' && (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(callee))) || (call !== null && (0,vocabulary/* libraryScan */.x2)(call.fn, scans));
        (0,parse/* walk */.GG)(v, (x) => {
            if (fair)
                return;
            if (x.k === 'name')
                fair = results.has(x.id);
            else if (x.k === 'call')
                fair = x.args.some((a) => a.name !== null && (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(a.name)));
        });
        for (const t of stmt.targets) {
            if (t.k !== 'name')
                continue;
            if (fair || (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(t.id))) {
                carriers.add(t.id);
                results.add(t.id);
            }
        }
    }
    return carriers;
}
/** `bal_df = xai.balance(df, 'gender', upsample=0.8)`: data rebalanced between groups, by the names it was made from. */
function rebalancedData(statements) {
    const out = new Map();
    for (const stmt of statements) {
        const v = stmt.value;
        if (stmt.kind !== 'assign' || !v || v.k !== 'call' || !REBALANCE.test(calleeOf(v)) || !groupArguments(v))
            continue;
        const from = new Set();
        for (const a of v.args)
            (0,parse/* walk */.GG)(a.value, (x) => x.k === 'name' && from.add(x.id));
        for (const t of stmt.targets)
            if (t.k === 'name')
                out.set(t.id, from);
    }
    return out;
}
function codePieces(side) {
    const statements = (0,analysis/* analyze */.ns)(side).statements;
    const scans = (0,vocabulary/* scanNames */.Cs)(statements.flatMap((s) => s.imports));
    const carriers = carrierNames(statements, scans);
    const data = rebalancedData(statements);
    // `for attr in ['sex', 'race']` / `for g in ['White', 'Black']`: each turn of the loop is one attribute or group
    // `identity_columns = ['male', 'female', 'christian', 'black', ...]`: a list of identity groups
    const identityLists = new Map();
    statements.forEach((stmt, i) => {
        if (stmt.kind !== 'assign' || stmt.value?.k !== 'seq' || stmt.targets.length !== 1)
            return;
        const t = stmt.targets[0];
        const groups = stmt.value.items.filter((it) => it.k === 'str' && identityGroup(it.value));
        if (t.k === 'name' && groups.length >= 3)
            identityLists.set(t.id, i);
    });
    const groupVars = new Set();
    const loops = [];
    statements.forEach((stmt, i) => {
        if (stmt.kind !== 'for' || !stmt.value)
            return;
        // `for attr in ['sex', 'race']` / `for g in ['White', 'Black']` / `for identity in identity_columns`: each turn
        // of the loop is one attribute or group
        const overList = stmt.value.k === 'name' && identityLists.has(stmt.value.id);
        if (!overList && (stmt.value.k !== 'seq' || !groupList(stmt.value.items)))
            return;
        const vars = stmt.targets.flatMap((t) => (t.k === 'name' ? [t.id] : []));
        vars.forEach((v) => groupVars.add(v));
        loops.push({ at: i, vars, overList });
    });
    const out = statements.map((stmt) => codePiece(stmt, carriers, data, groupVars, scans));
    // `spec_list = [{"age": {...}}, {"gender": {"value": "F"}}]` handed to `SliceSpec(spec_list)`: the slices a
    // per-group evaluation reports, named where they are written
    const handed = new Set();
    for (const stmt of statements)
        for (const c of (0,parse/* callsIn */.Tz)(stmt))
            if (SLICER.test(calleeOf(c)))
                for (const a of c.args)
                    if (a.value.k === 'name')
                        handed.add(a.value.id);
    statements.forEach((stmt, i) => {
        const t = stmt.targets[0];
        if (stmt.kind !== 'assign' || t?.k !== 'name' || !handed.has(t.id) || !stmt.value)
            return;
        let named = false;
        (0,parse/* walk */.GG)(stmt.value, (x) => {
            if (x.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(x.value.trim()) !== null)
                named = true;
        });
        if (named)
            out[i].fairness = true;
    });
    // in a notebook that evaluates fairness, the identity lists are the groups its evaluation is broken down by, and a
    // loop over one that hands each group to a call of its own reports per group
    if (out.some((p) => p.fairness)) {
        for (const i of identityLists.values())
            out[i].fairness = true;
        for (const { at, vars, overList } of loops) {
            const end = statements[at].bodyEnd ?? statements[at].endLine;
            const body = statements.slice(at + 1, at + 20).filter((b) => b.line <= end);
            const perGroup = body.flatMap((b) => (0,parse/* callsIn */.Tz)(b).filter((c) => c.args.some((a) => vars.includes(a.value.text))));
            if (!overList || perGroup.length === 0)
                continue;
            out[at].fairness = true;
            // two loops over the same list are told apart by what they do with each group, which is what they cover
            const callees = [...new Set(perGroup.map((c) => calleeOf(c)).filter((c) => c !== ''))];
            out[at].flat += ` → ${callees.join(', ')}`;
            out[at].atoms.push(...callees.map((c) => `call:${c}`));
        }
    }
    // the header of a loop over groups is what the fairness evaluation in its body covers
    for (const { at, vars } of loops)
        if (out.slice(at + 1, at + 20).some((p) => p.fairness && vars.some((v) => p.names.has(v))))
            out[at].fairness = true;
    return out;
}
function codePiece(stmt, carriers, data = new Map(), groupVars = new Set(), scans = (0,vocabulary/* scanNames */.Cs)([])) {
    const atoms = [];
    const names = new Set();
    const positional = [];
    const keywords = new Set();
    const callees = new Set();
    const allWords = [nameWords(commentsOf(stmt))];
    const targetIds = new Set(stmt.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])));
    let protectedSeen = false;
    let metricSeen = false;
    let breakdown = false;
    let carried = false;
    let scan = false;
    const carriedNames = new Set();
    // text shown to a reader (a print, a title, a label) says nothing about what is covered
    const shownText = new Set();
    for (const e of stmt.exprs)
        (0,parse/* walk */.GG)(e, (x) => {
            // `(ModelFairness(metrics), "MyModelFairness")`, `('clf', LogisticRegression())`: a step and its label
            if (x.k === 'seq' && x.items.length === 2 && x.items.some((i) => i.k === 'call'))
                x.items.forEach((i) => i.k === 'str' && !(0,vocabulary/* protectedOf */.Qr)(i.value.trim()) && !vocabulary/* GROUP_VALUE */.IO.test(i.value.trim()) && shownText.add(i));
            if (x.k !== 'call')
                return;
            const callee = (0,parse/* calleeName */.wt)(x);
            if (SHOWN_CALL.test(callee))
                x.args.forEach((a) => markShown(a.value, shownText));
            else
                for (const a of x.args)
                    if (a.name && (SHOWN_KW.test(a.name) || NEUTRAL_KW.test(a.name) || displayLabel(a.name, a.value, x)))
                        (0,parse/* walk */.GG)(a.value, (y) => y.k === 'str' && shownText.add(y));
        });
    const noteName = (id, isTarget) => {
        names.add(id);
        const ws = nameWords(id);
        allWords.push(ws);
        if (ws.some((w) => vocabulary/* METRIC_WORD */.kq.test(w)))
            metricSeen = true;
        if (isTarget)
            return;
        if (carriers.has(id)) {
            carried = true;
            carriedNames.add(id);
        }
        if (meaningful(id) || carriers.has(id))
            atoms.push(`name:${id}`);
    };
    for (const e of stmt.exprs) {
        (0,parse/* walk */.GG)(e, (x) => {
            if (x.k === 'name')
                noteName(x.id, targetIds.has(x.id) && stmt.targets.includes(x));
            // `self._clf`: an object's own copy of a carrier is that carrier (`clf` → `self._clf` moves it into a class)
            else if (x.k === 'attr' && x.obj.k === 'name' && x.obj.id === 'self' && carriers.has(x.name.replace(/^_+/, '')))
                noteName(x.name.replace(/^_+/, ''), false);
            else if (x.k === 'attr') {
                names.add(x.name);
                const ws = nameWords(x.name);
                allWords.push(ws);
                if (ws.some((w) => vocabulary/* METRIC_WORD */.kq.test(w)))
                    metricSeen = true;
                if (meaningful(x.name))
                    atoms.push(`attr:${x.name}`);
            }
            else if (x.k === 'str') {
                const v = x.value.trim();
                // a path names where a file is, not what is evaluated
                if (v === '' || v.length > 200 || /[/\\]/.test(v))
                    return;
                const ws = (0,vocabulary/* words */.aL)(v);
                allWords.push(ws.filter((w) => !vocabulary/* LIBRARY_WORD */.Nm.has(w)));
                if ((0,vocabulary/* protectedOf */.Qr)(v))
                    protectedSeen = true;
                if (ws.some((w) => vocabulary/* METRIC_WORD */.kq.test(w)))
                    metricSeen = true;
                // a label or sentence counts by its fairness, protected and metric words; a bare literal is a value
                if (shownText.has(x))
                    return;
                if (/\s/.test(v)) {
                    // a fairness metric's name is what it covers, not a sentence about it
                    if (vocabulary/* FAIRNESS_METRIC_NAME */.bj.test(v))
                        atoms.push(`str:${v.toLowerCase().replace(/\s+/g, ' ')}`);
                    for (const w of ws)
                        if ((0,vocabulary/* fairnessWords */.hO)([w]) || (0,vocabulary/* protectedOf */.Qr)(w) || vocabulary/* METRIC_WORD */.kq.test(w))
                            atoms.push(`word:${w}`);
                }
                else {
                    atoms.push(`str:${v.toLowerCase()}`);
                    // `'SEX&RAC1P'`: an intersection covers each attribute it is made of
                    if (/[&|+]/.test(v))
                        for (const part of v.toLowerCase().split(/[&|+]/))
                            if (part)
                                atoms.push(`str:${part}`);
                }
            }
            else if (x.k === 'call') {
                const callee = (0,parse/* calleeName */.wt)(x);
                const isScan = (0,vocabulary/* libraryScan */.x2)(x.fn, scans);
                if (isScan)
                    scan = true;
                if (callee && (meaningful(callee) || isScan))
                    atoms.push(`call:${callee}`);
                if (BREAKDOWN.test(callee))
                    breakdown = true;
                // a call handed a protected column or two groups beside what it scores compares the groups
                if (!NOT_GROUP_CALL.test(callee) && groupArguments(x))
                    breakdown = true;
                const pos = [callee];
                if (callee)
                    callees.add(callee);
                // a keyword added to a fairness call changes what it covers (a restriction, a tolerance)
                const fairCall = (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(x.text.replace(/(['"])(?:(?!\1).)*\1/g, ' '))) ||
                    [...carriers].some((c) => x.text.includes(c)) ||
                    isScan;
                for (const a of x.args) {
                    if (a.name && a.name !== '*' && a.name !== '**') {
                        if (NEUTRAL_KW.test(a.name))
                            continue;
                        // `name='report_v2'`: a label for the reader, unless it names a protected attribute (a column's name)
                        if (displayLabel(a.name, a.value, x))
                            continue;
                        if (fairCall && narrowingKeyword(a.name, a.value, stmt.text))
                            keywords.add(`${callee}(${a.name}=)`);
                        if (meaningful(a.name))
                            atoms.push(`kw:${a.name}`);
                        if (BREAKDOWN_KW.test(a.name))
                            breakdown = true;
                        const lit = literalText(a.value);
                        // a path or address says where something is, not what is covered (as for a bare string)
                        if (lit !== null && !/[/\\]/.test(lit))
                            atoms.push(`kw:${a.name}=${lit}`);
                        allWords.push(nameWords(a.name));
                        if ((0,vocabulary/* protectedOf */.Qr)(a.name))
                            protectedSeen = true;
                    }
                    else if (a.name === null)
                        pos.push(a.value.text.replace(/\s+/g, ''));
                }
                if (pos.length > 2)
                    positional.push(pos);
            }
            else if (x.k === 'num' || x.k === 'const') {
                atoms.push(`lit:${String(x.value)}`);
            }
        });
    }
    for (const t of stmt.targets)
        (0,parse/* walk */.GG)(t, (x) => x.k === 'name' && names.add(x.id));
    for (const id of names)
        if ((0,vocabulary/* protectedOf */.Qr)(id) || groupVars.has(id))
            protectedSeen = true;
    const vocab = allWords.some((ws) => (0,vocabulary/* fairnessWords */.hO)(ws));
    // a metric broken down by a protected attribute audits the groups, whatever it is called
    const perGroup = breakdown && protectedSeen && metricSeen;
    // `sensitive_country_sex = ["country", "sex"]`: the attributes a sensitive grouping is made of
    const v = stmt.kind === 'assign' ? stmt.value : null;
    const sensitiveList = v?.k === 'seq' &&
        v.items.length > 0 &&
        v.items.every((i) => i.k === 'str') &&
        v.items.some((i) => i.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(i.value) !== null) &&
        stmt.targets.some((t) => t.k === 'name' && (0,vocabulary/* words */.aL)(t.id).some((w) => /^(sensitive|protected)$/.test(w)));
    return {
        line: stmt.line,
        text: stmt.text,
        endLine: stmt.endLine,
        cell: stmt.cell,
        flat: (0,analysis/* flatText */.PV)(stmt),
        atoms,
        names,
        positional,
        keywords,
        fairness: vocab || perGroup || carried || scan || sensitiveList,
        rebalanced: new Map([...data].filter(([d]) => names.has(d) && !targetIds.has(d))),
        targets: targetIds,
        callees,
        carried: carriedNames,
        importOnly: stmt.kind === 'import',
        shows: stmt.kind === 'expr' && targetIds.size === 0 && [...callees].every((c) => SHOWN_CALL.test(c))
            ? () => {
                const ids = [];
                // the module a display function is called through (`reports` in `reports.flag(m)`) is not shown
                const through = new Set((0,parse/* callsIn */.Tz)(stmt).flatMap((c) => (c.fn.k === 'attr' ? [c.fn.obj] : [])));
                for (const e of stmt.exprs)
                    (0,parse/* walk */.GG)(e, (x) => x.k === 'name' && !SHOWN_CALL.test(x.id) && !through.has(x) && ids.push(x.id));
                return ids;
            }
            : null
    };
}
// ---------------------------------------------------------------------------------------------
// Config pieces
/** The list item or mapping an entry belongs to: `tasks[3].label` → `tasks[3]`. */
function unitOf(key) {
    const item = /^(.*\[\d+\])./.exec(key);
    if (item)
        return item[1];
    const dot = key.lastIndexOf('.');
    return dot === -1 ? '' : key.slice(0, dot);
}
function configPieces(all) {
    const entries = (0,vocabulary/* withoutPackages */.mP)(all);
    const unitFair = new Map();
    const entryWords = (e) => (0,vocabulary/* words */.aL)(`${e.key} ${typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean' ? String(e.value) : ''}`);
    for (const e of entries) {
        if ((0,vocabulary/* fairnessWords */.hO)(entryWords(e)))
            unitFair.set(unitOf(e.key), true);
    }
    return entries.map((e) => {
        const key = e.key.replace(/\[\d+\]/g, '[]');
        const value = JSON.stringify(e.value) ?? 'null';
        const ws = entryWords(e);
        // every enclosing unit up the key counts: a task's options belong to the task
        let unit = unitOf(e.key);
        const leaf = (0,vocabulary/* words */.aL)(`${e.key.split('.').pop() ?? ''} ${typeof e.value === 'string' ? e.value : ''}`);
        const own = (0,vocabulary/* fairnessWords */.hO)(leaf) || leaf.some((w) => (0,vocabulary/* protectedOf */.Qr)(w) !== null);
        let fair = (0,vocabulary/* fairnessWords */.hO)(ws);
        while (!fair && unit !== '') {
            if (unitFair.get(unit))
                fair = true;
            unit = unitOf(unit);
        }
        // a group named in a file whose top level is a bias benchmark or audit (`benchmark: bbq`, `categories: [Race]`)
        if (!fair && own && unitFair.get(''))
            fair = true;
        return {
            line: e.line,
            text: '',
            endLine: e.line,
            cell: null,
            flat: `${key}=${value}`,
            atoms: [`${key}=${value}`],
            names: new Set(key.split(/[.[\]]+/).filter(Boolean)),
            positional: [],
            keywords: new Set(),
            fairness: fair,
            rebalanced: new Map(),
            targets: new Set(),
            callees: new Set(),
            carried: new Set(),
            ownWords: own,
            importOnly: false,
            shows: null
        };
    });
}
/** Pieces by side: every file's check reads the other files' pieces too (what they gained), so each is read once. */
const piecesOf = new WeakMap();
function pieces(view, side) {
    if (!side)
        return [];
    const hit = piecesOf.get(side);
    if (hit?.kind === view.kind)
        return hit.pieces;
    const read = piecesUncached(view, side);
    piecesOf.set(side, { kind: view.kind, pieces: read });
    return read;
}
function piecesUncached(view, side) {
    try {
        if (view.kind === 'config')
            return configPieces(side.entries);
        if (view.kind === 'notebook' || view.kind === 'python')
            return codePieces(side);
    }
    catch {
        // a side we cannot read covers nothing we could name
    }
    return [];
}
// ---------------------------------------------------------------------------------------------
// Comparison
const counts = (xs) => {
    const m = new Map();
    for (const x of xs)
        m.set(x, (m.get(x) ?? 0) + 1);
    return m;
};
/** Pieces of `from` whose text `to` does not hold (as many times). */
function missing(from, to, lineIn) {
    const taken = new Set();
    const matched = new Set();
    // first the piece that stands where the line alignment puts it, then any other copy
    if (lineIn) {
        const byLine = new Map();
        for (const p of to)
            byLine.set(`${p.line}\u0000${p.flat}`, [...(byLine.get(`${p.line}\u0000${p.flat}`) ?? []), p]);
        for (const p of from) {
            const line = lineIn(p.line);
            const hit = line === null ? undefined : byLine.get(`${line}\u0000${p.flat}`)?.find((q) => !taken.has(q));
            if (hit) {
                taken.add(hit);
                matched.add(p);
            }
        }
    }
    const left = new Map();
    for (const p of to)
        if (!taken.has(p))
            left.set(p.flat, (left.get(p.flat) ?? 0) + 1);
    const out = [];
    for (const p of from) {
        if (matched.has(p))
            continue;
        const n = left.get(p.flat) ?? 0;
        if (n > 0)
            left.set(p.flat, n - 1);
        else
            out.push(p);
    }
    return out;
}
/**
 * Classes of `old` that `now` replaced by one of the same kind it did not call (`FairClassifier` →
 * `DemographicParityClassifier`, `FairlearnDashboard` → `FairnessDashboard`): an API that moved, old → new.
 */
function movedClasses(old, now) {
    const out = new Map();
    for (const c of old.callees) {
        const kind = (0,vocabulary/* classKind */.$$)(c);
        if (kind === null || now.callees.has(c))
            continue;
        const to = [...now.callees].find((n) => !old.callees.has(n) && (0,vocabulary/* classKind */.$$)(n) === kind);
        if (to)
            out.set(c, to);
    }
    return out;
}
/** A name, or a `name:`/`call:` atom of it, under each new name the change gave it. */
function renamedForms(v, renames) {
    const m = /^((?:name|call):)?(.+)$/.exec(v);
    const prefix = m?.[1] ?? '';
    return [...(renames.get(m?.[2] ?? v) ?? [])].map((n) => prefix + n);
}
/** How alike two pieces are by what they name; a base name the change renamed counts as its new names. */
function similarity(a, b, renames) {
    const x = new Set([...a.names, ...a.atoms]);
    const y = new Set([...b.names, ...b.atoms]);
    let both = 0;
    for (const v of x)
        if (y.has(v) || (renames && renamedForms(v, renames).some((r) => y.has(r))))
            both++;
    return both / Math.max(1, Math.min(x.size, y.size) + Math.abs(x.size - y.size) / 2);
}
/** Atoms that say what is covered (a call name alone or a plain literal is how, not what). */
function coverage(atom) {
    return !/^lit:/.test(atom);
}
/** Words that name a split of the data: `sensitive_features_test` is `sensitive_features` on the test rows. */
const SPLIT_WORD = /^(test|val|valid|validation|holdout|eval|train)$/;
/** Whether `other` is `name` with a split's word on either end. */
function onSplit(name, other) {
    if (other.startsWith(`${name}_`))
        return SPLIT_WORD.test(other.slice(name.length + 1));
    if (other.endsWith(`_${name}`))
        return SPLIT_WORD.test(other.slice(0, -name.length - 1));
    return false;
}
function shown(atom) {
    return atom.replace(/^(name|attr|str|word|call|kw|lit):/, '');
}
/** Keys that say where something is (a path, a URL, a revision), not what an evaluation covers. */
const LOCATION_KEY = /(^|[._\-\s])(path|paths|url|uri|file|files|dir|directory|revision|repo|repo_id|data_files|location)$/i;
/** `.unique()`, `np.unique(...)`, `.value_counts().index`, `.groups`, `groupby(...)`: every value of a column. */
function everyValue(e) {
    if (e.k === 'call') {
        const callee = (0,parse/* calleeName */.wt)(e);
        if (callee === 'unique' || callee === 'groupby' || callee === 'drop_duplicates')
            return true;
        if ((callee === 'set' || callee === 'sorted' || callee === 'list') && e.args.length === 1)
            return everyValue(e.args[0].value) || e.args[0].value.k === 'sub';
    }
    if (e.k === 'attr' && (e.name === 'groups' || e.name === 'index') && e.obj.k === 'call')
        return ['value_counts', 'groupby'].includes((0,parse/* calleeName */.wt)(e.obj));
    if (e.k === 'attr' && e.name === 'groups')
        return true;
    return false;
}
/** The head's `for` loops over every value of a column, directly or through a name that holds them. */
function everyGroupLoops(statements) {
    const holders = new Set();
    for (const s of statements)
        if (s.kind === 'assign' && s.value && everyValue(s.value))
            for (const t of s.targets)
                if (t.k === 'name')
                    holders.add(t.id);
    const loops = statements.flatMap((s) => s.kind === 'for' &&
        s.value &&
        s.bodyEnd !== undefined &&
        (everyValue(s.value) || (s.value.k === 'name' && holders.has(s.value.id)))
        ? [{ line: s.line, bodyEnd: s.bodyEnd }]
        : []);
    const filled = new Set();
    for (const s of statements) {
        if (!loops.some((r) => s.line > r.line && s.line <= r.bodyEnd))
            continue;
        for (const t of s.targets)
            if (t.k === 'sub' && t.obj.k === 'name')
                filled.add(t.obj.id);
        for (const c of (0,parse/* callsIn */.Tz)(s))
            if (c.fn.k === 'attr' && c.fn.obj.k === 'name' && /^(append|extend|add|update|insert)$/.test(c.fn.name))
                filled.add(c.fn.obj.id);
    }
    return { loops, filled };
}
function narrowings(base, head, gainedElsewhere, config, lineIn, copies = [], reruns = new Set(), 
/** the head's own functions: a piece in one's body covers what its calls hand it */
headDefs = [], 
/** the head's loops over every value of a column: what they do, they do for each group */
everyGroup = { loops: [], filled: new Set() }) {
    const inEveryGroup = (p) => everyGroup.loops.some((r) => p.line > r.line && p.line <= r.bodyEnd);
    // one copy of a statement written twice in a row went while the other stays: nothing it covered went
    const headFlats = new Set(head.map((p) => p.flat));
    const removed = missing(base, head, lineIn).filter((p) => p.fairness && !p.importOnly && !(reruns.has(p.flat) && headFlats.has(p.flat)));
    if (removed.length === 0)
        return [];
    const introduced = missing(head, base);
    const fairer = (q) => [...q.callees].some((c) => vocabulary/* FAIR_CALL_NAME */.Mu.test(c));
    const headReads = new Set(head.flatMap((p) => [...p.names].filter((n) => !p.targets.has(n))));
    const introducedAtoms = new Set(introduced.flatMap((p) => p.atoms));
    // a result the base kept in a name to show it through a helper, the head shows as its call's own output:
    // `m = measure(X, y, g)` + `flag(m)` → `measure(X, y, g, flag_oor=True)` as a bare expression
    const shownDirectly = (name) => {
        const made = new Set(base.filter((p) => p.targets.has(name)).flatMap((p) => p.positional.map((c) => c.join('\u0000'))));
        return head.some((p) => p.targets.size === 0 && p.positional.some((c) => made.has(c.join('\u0000'))));
    };
    // every name of each side: a name the head no longer has anywhere, whose place a name new to the head takes,
    // was renamed throughout (`metrics` → `bias_metrics`), and the value it holds is computed as it was
    const baseNames = new Set(base.flatMap((p) => [...p.names]));
    const headNames = new Set(head.flatMap((p) => [...p.names]));
    const definitions = (side, name) => side
        .filter((p) => p.targets.has(name))
        .map((p) => p.flat)
        .sort();
    const word = (name) => new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g');
    /** the head defines `to` as the base defined `from`, written with the new name */
    const sameDefinition = (from, to) => {
        const was = definitions(base, from).map((f) => f.replace(word(from), to));
        const now = definitions(head, to);
        return was.length > 0 && was.join('\u0000') === now.join('\u0000');
    };
    const renames = config ? new Map() : renamedNames(base, head, baseNames, headNames);
    /** a name (or a call of it) the head writes under its new name */
    const writtenRenamed = (a) => renamedForms(a, renames).some((r) => introducedAtoms.has(r));
    const used = new Set();
    const out = [];
    for (const old of removed) {
        if (config) {
            if (gainedElsewhere.has(old.flat))
                continue;
            // a key whose value changed: the head's entry at the same key is the line to read
            const key = old.flat.slice(0, old.flat.indexOf('='));
            const now = introduced.find((p) => !used.has(p) && p.flat.slice(0, p.flat.indexOf('=')) === key);
            if (now)
                used.add(now);
            // a changed value matters when the entry itself speaks of fairness or a group (a tuning knob of a
            // fairness method's search space does not); a removed entry of a fairness block always does
            if (now && !old.ownWords)
                continue;
            // where the data comes from is not what it covers: a benchmark read from another path is the same audit
            if (now && LOCATION_KEY.test(key.trim()))
                continue;
            // so is an address given as a value: `environment: azureml://registries/.../responsibleai-0.20/versions/4`
            if (now && locationValue(old.flat.slice(key.length + 1)) && locationValue(now.flat.slice(key.length + 1)))
                continue;
            // a number for a number is a bound or a result moved: its direction is read where bounds are compared
            if (now && isNumber(old.flat.slice(key.length + 1)) && isNumber(now.flat.slice(key.length + 1)))
                continue;
            out.push({
                baseLine: old.line,
                headLine: now?.line ?? null,
                what: now ? `${old.flat} → ${now.flat.slice(key.length + 1)}` : `removed: ${old.flat}`
            });
            continue;
        }
        let best = null;
        let bestScore = 0;
        let bestRank = 0;
        let bestMoves = new Map();
        for (const p of introduced) {
            if (used.has(p))
                continue;
            // a statement that now assigns what it used, or calls nothing it called, is another statement
            if ([...old.names].some((n) => p.targets.has(n) && !old.targets.has(n)))
                continue;
            const moves = movedClasses(old, p);
            if (old.callees.size > 0 &&
                p.callees.size > 0 &&
                ![...old.callees].some((c) => p.callees.has(c)) &&
                moves.size === 0)
                continue;
            const s = similarity(old, p, moves.size > 0 ? new Map([...renames, ...[...moves].map(([a, b]) => [a, new Set([b])])]) : renames);
            // a fairness evaluation is rewritten as one: a candidate that calls one by its name (`bias_report`) goes first
            const rank = s + (fairer(p) ? 0.1 : 0);
            if (rank > bestRank) {
                best = p;
                bestScore = s;
                bestRank = rank;
                bestMoves = moves;
            }
        }
        if (best && bestScore >= 0.5) {
            used.add(best);
            const now = counts(best.atoms);
            // moved into a function of the notebook's own: the literals a call of it hands it (`audit(df, {'race':
            // 'white'})`) are what it covers; a name handed is not (the body may no longer read that parameter)
            const host = headDefs.find((d) => (0,analysis/* inBody */.Cp)(d, best.line));
            const literals = (p) => p.atoms.filter((a) => a.startsWith('str:'));
            const handed = new Set(host
                ? head
                    .filter((p) => p.callees.has(host.name))
                    .flatMap((call) => [
                    ...literals(call),
                    // and those of a mapping it hands by name (`audit(df, ref_groups_dict)`)
                    ...head
                        .filter((d) => [...d.targets].some((t) => call.names.has(t) && !call.targets.has(t)))
                        .flatMap(literals)
                ])
                : []);
            // a name a call hands it as the parameter the piece reads (`aequitas_audit(df, ref_group)` → `ref_groups_dict`)
            const passedIn = (a) => host !== undefined &&
                a.startsWith('name:') &&
                head.some((p) => p.positional.some((pos) => pos[0] === host.name &&
                    pos.slice(1).some((arg, j) => arg === a.slice(5) && best.names.has(host.params[j] ?? '\u0000'))));
            // written once in a loop over every group, a piece no longer names the groups (or their frames) one by one
            // or reads what such a loop filled for each group (`pd.concat([df_highest, df_lower])` → `pd.concat(pp_dfs)`)
            const perGroup = (a) => (inEveryGroup(best) || [...best.names].some((n) => everyGroup.filled.has(n))) &&
                (a.startsWith('str:') || a.startsWith('name:'));
            const lost = [...new Set(old.atoms)].filter((a) => (counts(old.atoms).get(a) ?? 0) > (now.get(a) ?? 0) &&
                !perGroup(a) &&
                !gainedElsewhere.has(a) &&
                !handed.has(a) &&
                !passedIn(a));
            // a fairness object renamed (mf → metric_frame) still covers what it did
            const renamed = [...best.carried].some((c) => !old.carried.has(c));
            // a keyword's number changed is a bound moved, compared with its direction where bounds are
            const renumbered = (a) => {
                const m = /^kw:([\w]+)=-?[\d.e-]+$/.exec(a);
                return m !== null && best.atoms.some((b) => b !== a && new RegExp(`^kw:${m[1]}=-?[\\d.e-]+$`).test(b));
            };
            // `sensitive_features` → `sensitive_features_test`: the same attributes, read on another split
            const resplit = (a) => a.startsWith('name:') && best.atoms.some((b) => b.startsWith('name:') && onSplit(a.slice(5), b.slice(5)));
            // a name the head no longer has, or has for another value; written under a name that is new, or that the
            // base used for another value it renamed in turn
            const renamedAway = (a) => a.startsWith('name:') &&
                (!headNames.has(a.slice(5)) || renames.has(a.slice(5))) &&
                // the new name need not say what it holds (`bl_val_scores` → `bl_val_probs`): any name the piece reads
                [...best.names].some((b) => (!baseNames.has(b) || renames.has(b)) &&
                    !old.names.has(b) &&
                    (sameDefinition(a.slice(5), b) || (renames.get(a.slice(5))?.has(b) ?? false)));
            // a class of one library replaced by its successor's of the same kind (`FairlearnDashboard` →
            // `FairnessDashboard`), handed the same values: an API that moved
            const movedTo = bestMoves;
            const moved = (a) => {
                const m = /^(?:call|name):(\w+)$/.exec(a);
                return m !== null && movedTo.has(m[1]);
            };
            // `mf.by_group[metrics_to_display]` → `mf.by_group`: the selection taken off shows every metric, not fewer
            const unselected = (a) => {
                if (!a.startsWith('name:'))
                    return false;
                const at = old.flat.indexOf(`[${a.slice(5)}]`);
                if (at === -1)
                    return false;
                const before = old.flat.slice(Math.max(0, at - 24), at);
                const after = old.flat.slice(at + a.length - 3, at + a.length - 3 + 12);
                return best.flat.includes(before + after);
            };
            // `X_test[['gender', 'col1']]` → `[['gender', 'col3']]`: a plain column exchanged for another, the
            // attributes and metrics kept, covers as much as it did
            const plain = (a) => {
                if (!a.startsWith('str:'))
                    return false;
                const v = a.slice(4);
                return ((0,vocabulary/* protectedOf */.Qr)(v) === null &&
                    !vocabulary/* GROUP_VALUE */.IO.test(v) &&
                    !(0,vocabulary/* words */.aL)(v).some((w) => vocabulary/* METRIC_WORD */.kq.test(w) || (0,vocabulary/* fairnessWords */.hO)([w]) || (0,vocabulary/* protectedOf */.Qr)(w) !== null));
            };
            // the library's new name for the call, handed the same values (`classification_fairness_report(PA, y, p)` →
            // `bias_report(PA, y, p, pred_type=...)`): an API that moved
            const callRenamed = (a) => {
                const m = /^(?:call|attr):(\w+)$/.exec(a);
                const was = m ? callShape(old.flat, m[1]) : null;
                if (was === null)
                    return false;
                return best.atoms.some((b) => {
                    const n = /^call:(\w+)$/.exec(b);
                    return n !== null && !old.atoms.includes(b) && callShape(best.flat, n[1]) === was;
                });
            };
            // `score(test, text_column='comment')` → `score_auc(test_df['comment'])`: the column a keyword named, now selected
            const keywordSelected = (a) => {
                const m = /^kw:\w+=(.+)$/.exec(a);
                return m !== null && best.atoms.includes(`str:${m[1].toLowerCase()}`);
            };
            // `A_train.Sex` → `A_train.sex`: a dataset whose columns are written in another case holds the same attribute
            const recased = (a) => best.atoms.some((b) => b !== a && b.toLowerCase() === a.toLowerCase());
            const plainLost = lost.filter(plain);
            const plainGained = new Set(best.atoms.filter((b) => plain(b) && !old.atoms.includes(b)));
            const exchanged = (a) => plainGained.size >= plainLost.length && plainLost.includes(a);
            const lostCoverage = lost.filter((a) => coverage(a) &&
                !exchanged(a) &&
                !callRenamed(a) &&
                !recased(a) &&
                !keywordSelected(a) &&
                !unselected(a) &&
                !moved(a) &&
                !renumbered(a) &&
                !resplit(a) &&
                !renamedAway(a) &&
                !(renamed && a.startsWith('name:') && old.carried.has(a.slice(5))));
            // a keyword the moved class takes as the old one did is not new
            const oldKw = new Set([...old.keywords].map((k) => {
                const c = k.slice(0, k.indexOf('('));
                return movedTo.has(c) ? `${movedTo.get(c)}${k.slice(c.length)}` : k;
            }));
            const addedKw = [...best.keywords].filter((k) => !oldKw.has(k));
            const swapped = best.positional.filter((pos) => old.positional.some((o) => o[0] === pos[0] &&
                o.length === pos.length &&
                o.join() !== pos.join() &&
                [...o].sort().join() === [...pos].sort().join()));
            // `y_true=y_test` → `y_test[:n]`, `A_test.race.head(200)`: the evaluation now reads the first rows only
            const cut = (flat, n) => new RegExp(`(?<![\\w.])${n}(\\.\\w+)*(\\[\\s*:|\\.(head|sample)\\(|\\.iloc\\[\\s*:)`).test(flat);
            const subsampled = [...old.names].filter((n) => /^\w+$/.test(n) && !cut(old.flat, n) && cut(best.flat, n));
            const parts = [];
            if (subsampled.length > 0)
                parts.push(`now reads a subsample of ${subsampled.slice(0, 3).join(', ')}`);
            if (lostCoverage.length > 0)
                parts.push(`no longer covers ${lostCoverage.slice(0, 4).map(shown).join(', ')}`);
            if (addedKw.length > 0)
                parts.push(`now restricted by ${addedKw.join(', ')}`);
            if (swapped.length > 0)
                parts.push(`arguments of ${swapped[0][0]} swapped`);
            if (parts.length > 0)
                out.push({ baseLine: old.line, headLine: removedLineIn(old, best, lineIn), what: parts.join('; ') });
            continue;
        }
        // a value shown or saved that the head still reads elsewhere (saves, reports, plots) was one display of it:
        // no evaluation went; the only report of a value leaves it computed for no one
        if (old.shows && old.shows().every((n) => headReads.has(n) || shownDirectly(n)))
            continue;
        // a result nothing after it read (`logits = dbvae.predict(test_faces)` left unused) evaluated nothing, unless
        // making it showed or saved something (`_ = [roc_plot(...) for p in protected]`)
        const readLater = (n) => base.some((p) => p.line > old.endLine && p.names.has(n));
        const shows = old.targets.has('_') || [...old.callees].some((c) => SIDE_EFFECT.test(c));
        if (old.targets.size > 0 && !config && !shows && old.rebalanced.size === 0 && ![...old.targets].some(readLater))
            continue;
        // done for every group in a loop the head writes, by the same calls (`.head(k)` per group → in the loop)
        if (old.callees.size > 0 && head.some((p) => inEveryGroup(p) && [...old.callees].every((c) => p.callees.has(c))))
            continue;
        // gone: unless what it covered is written again somewhere in the change
        const what = old.atoms.filter(coverage);
        // a call renamed (an API that changed) covers what it did when all else it covered is written again
        const named = what.filter((a) => !a.startsWith('call:') && !(a.startsWith('attr:') && what.includes(`call:${a.slice(5)}`)));
        // a deleted file's statement that another changed file holds, up to a count or size, was a copy
        const counted = (a) => /^kw:\w+=-?[\d.e-]+$/.test(a);
        if (copies.some((q) => [...old.callees].every((c) => q.callees.has(c)) && what.every((a) => counted(a) || q.atoms.includes(a))))
            continue;
        // a piece that named nothing it covered (a header print) takes nothing away
        if (what.length === 0 ||
            gainedElsewhere.has(old.flat) ||
            (named.length > 0 ? named : what).every((a) => introducedAtoms.has(a) || gainedElsewhere.has(a) || writtenRenamed(a)))
            continue;
        out.push({ baseLine: old.line, headLine: null, what: `removed: ${clipText(old.flat)}` });
    }
    return out;
}
/**
 * Names the change renamed throughout: gone from the head, each with the new head names defined as the base defined
 * it once every rename is applied — `network_fair` → `network_fair_LR`, then `fairalgo = SenSeI(network_fair, …)` →
 * `fairalgo_LR = SenSeI(network_fair_LR, …)`. A name may have several (a model trained twice under two names).
 */
function renamedNames(base, head, baseNames, headNames) {
    const out = new Map();
    const definitions = (side, name) => side.filter((p) => p.targets.has(name)).map((p) => p.flat.match(/[A-Za-z_]\w*|\S/g) ?? []);
    // a name both sides define differently may have been handed on (mf2 → mf, while mf → mf_err): it is renamed
    // away as well as renamed to
    const key = (defs) => defs.map((d) => d.join(' ')).join('\u0000');
    const redefined = [...baseNames].filter((n) => headNames.has(n) && key(definitions(base, n)) !== key(definitions(head, n)));
    const gone = [...baseNames]
        .filter((n) => !headNames.has(n))
        .concat(redefined)
        .map((n) => ({ n, defs: definitions(base, n) }));
    const fresh = [...headNames]
        .filter((n) => !baseNames.has(n))
        .concat(redefined)
        .map((n) => ({ n, defs: definitions(head, n) }));
    const from = gone.filter((g) => g.defs.length > 0);
    const to = fresh.filter((f) => f.defs.length > 0);
    // a notebook rewritten whole is not a rename; the pairs are bounded
    if (from.length === 0 || to.length === 0 || from.length * to.length > 2500)
        return out;
    const same = (b, h, g, n) => b === h || (b === g && h === n) || (out.get(b)?.has(h) ?? false);
    // a rename found lets the definitions that use it match: go again until none is new
    for (let found = true; found;) {
        found = false;
        for (const g of from)
            for (const f of to) {
                if (g.n === f.n || out.get(g.n)?.has(f.n) || g.defs.length !== f.defs.length)
                    continue;
                const match = g.defs.every((b, i) => b.length === f.defs[i].length && b.every((t, k) => same(t, f.defs[i][k], g.n, f.n)));
                if (!match)
                    continue;
                out.set(g.n, new Set([...(out.get(g.n) ?? []), f.n]));
                found = true;
            }
    }
    return out;
}
/** A value that is an address: a URI (`azureml://…`, `s3://…`, `https://…`) or a path. */
const locationValue = (json) => /^["']?([a-z][\w+.-]*:\/\/|\.{0,2}\/)\S*["']?$/i.test(json.trim());
const isNumber = (json) => json.trim() !== '' && Number.isFinite(Number(json));
/** Where a rewritten statement lost its first line (an entry cut from a dict): that line mapped into the head. */
function removedLineIn(old, now, lineIn) {
    const kept = new Set(now.text.split('\n').map((t) => t.trim()));
    const lost = old.text.split('\n').findIndex((t) => t.trim() !== '' && !kept.has(t.trim()));
    const line = lost > 0 ? lineIn(old.line + lost) : null;
    return line !== null && line >= now.line && line <= now.endLine ? line : now.line;
}
/** A statement rewritten to use the data a rebalancing was made from instead of the rebalanced data. */
function bypassed(base, head, lineIn) {
    const out = [];
    const removed = missing(base, head, lineIn);
    if (!removed.some((p) => p.rebalanced.size > 0))
        return out;
    const introduced = missing(head, base);
    for (const old of removed) {
        for (const [data, from] of old.rebalanced) {
            const now = introduced.find((p) => !p.names.has(data) &&
                [...from].some((f) => p.names.has(f) && !old.names.has(f)) &&
                [...old.callees].some((c) => p.callees.has(c)) &&
                similarity(old, p) >= 0.5 &&
                // and no other removed statement is the closer original of it
                !removed.some((o) => o !== old && similarity(o, p) > similarity(old, p)));
            if (now)
                out.push({
                    baseLine: old.line,
                    headLine: now.line,
                    what: `uses ${[...from].filter((f) => now.names.has(f)).join(', ')} instead of the rebalanced ${data}`
                });
        }
    }
    return out;
}
function clipText(text) {
    return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}
/** A statement the change added that shrinks a fairness value in place (a slice, a filter, a removal). */
function narrowedInPlace(base, head, view) {
    if (view.kind === 'config' || !view.after)
        return [];
    const out = [];
    const baseFlats = new Set(base.map((p) => p.flat));
    const stmts = (0,analysis/* analyze */.ns)(view.after).statements;
    const carriers = carrierNames(stmts);
    head.forEach((p, i) => {
        const stmt = stmts[i];
        if (!stmt)
            return;
        if (baseFlats.has(p.flat) || !p.fairness)
            return;
        const targets = stmt.targets.map((t) => t.text.replace(/\s+/g, ''));
        const valueText = stmt.value?.text.replace(/\s+/g, '') ?? '';
        // x = x[:1]; x = [a for a in x if ...]; x = x.drop(...); x.remove(...); del x[...]
        // the value slices the target itself (x[:1]), filters it in a comprehension, or drops from it
        let slicesItself = false;
        if (stmt.value)
            (0,parse/* walk */.GG)(stmt.value, (x) => {
                if (x.k === 'sub' && x.slice && targets.includes(x.obj.text.replace(/\s+/g, '')))
                    slicesItself = true;
            });
        // the target itself must be read by the value (`g = df.query(...)` makes a new `g`, it narrows nothing)
        const reads = (t) => {
            let found = false;
            if (stmt.value && valueText.includes(t))
                (0,parse/* walk */.GG)(stmt.value, (x) => {
                    if (!found && (x.k === 'name' || x.k === 'attr' || x.k === 'sub'))
                        found = x.text.replace(/\s+/g, '') === t;
                });
            return found;
        };
        // `X_train_df = X_train_df.drop(columns=protected_vars)`: the protected columns taken out of data that does not
        // carry the evaluation (the features) is an exclusion, the opposite of a narrowing
        const excludes = !slicesItself &&
            /\.drop\(/.test(valueText) &&
            !targets.some((t) => carriers.has(t) || (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(t))) &&
            dropsProtected(stmt, carriers);
        const selfShrink = stmt.kind === 'assign' &&
            !excludes &&
            targets.some(reads) &&
            (slicesItself || /\bif\b/.test(stmt.value?.text ?? '') || /\.(drop|filter|query|head)\(/.test(valueText));
        const mutation = stmt.kind === 'expr' &&
            /\.(remove|pop|discard|clear)\(/.test(stmt.text) &&
            [...p.names].some((n) => carriers.has(n) || (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(n)));
        const deletion = stmt.kind === 'other' && /^\s*del\b/.test(stmt.text);
        if (selfShrink || mutation || deletion)
            out.push({ baseLine: -1, headLine: p.line, what: `narrowed in place: ${clipText(p.flat)}` });
    });
    return out;
}
/** Whether every `.drop(...)` of a statement drops protected columns only: by name, or a list of them. */
function dropsProtected(stmt, carriers) {
    const drops = (0,parse/* callsIn */.Tz)(stmt).filter((c) => (0,parse/* calleeName */.wt)(c) === 'drop');
    return (drops.length > 0 &&
        drops.every((c) => {
            const cols = (0,parse/* kwarg */.Zk)(c, 'columns') ?? (0,parse/* kwarg */.Zk)(c, 'labels') ?? (0,parse/* positional */.n8)(c, 0);
            if (!cols)
                return false;
            if (cols.k === 'name')
                return carriers.has(cols.id);
            const named = (0,parse/* strings */.P$)(cols);
            return named.length > 0 && named.every((n) => (0,vocabulary/* protectedOf */.Qr)(n.value) !== null);
        }));
}
const gainedOf = new WeakMap();
/** The pieces a file's head has that its base does not (asked of every other file of the change). */
function gainedBy(view) {
    let hit = gainedOf.get(view);
    if (!hit)
        gainedOf.set(view, (hit = missing(pieces(view, view.after), pieces(view, view.before))));
    return hit;
}
/** Values that stand for every group but the ones named: `'Other'`, `'Non-White'`. */
const CATCH_ALL = /^(other|others|non[-_ ]?\w+|minority|minorities|rest|remaining|misc)$/i;
/** A protected attribute of many groups, not a binary one: merging its groups hides those merged. */
const MANY_GROUPS = /^(race|ethnicity|ethnic|religion|nationality|national|native|country|origin|age|marital)/i;
/**
 * A protected column's groups merged by a statement the change wrote, in a file that evaluates fairness:
 * `sf['race'] = sf['race'].where(sf['race'] == 'White', 'Other')`, a `replace`/`map` that sends several groups to one
 * value. Every metric by that attribute then compares fewer groups than the data holds.
 */
function groupsMerged(view) {
    if (!view.before || !view.after || view.kind === 'config' || !vocabulary/* FAIRNESS_FILE */.BV.test(view.after.text))
        return [];
    const baseTexts = new Set((0,analysis/* analyze */.ns)(view.before).statements.map(analysis/* flatText */.PV));
    const out = [];
    for (const s of (0,analysis/* analyze */.ns)(view.after).statements) {
        if (s.kind !== 'assign' || !s.value || baseTexts.has((0,analysis/* flatText */.PV)(s)) || !view.isAddedLine(s.line))
            continue;
        const col = s.targets.find((t) => t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str');
        const name = col?.k === 'sub' && col.items[0].k === 'str' ? col.items[0].value : null;
        if (!name || (0,vocabulary/* protectedOf */.Qr)(name) === null)
            continue;
        const text = s.value.text;
        // several groups sent to one catch-all value (`{'Black': 'Other', 'Asian': 'Other'}`), or one group kept and every
        // other turned into it (`where(race == 'White', 'Other')`); spellings of one group merged are a clean-up
        let merges = false;
        (0,parse/* walk */.GG)(s.value, (x) => {
            if (x.k !== 'dict' || x.entries.length < 2)
                return;
            const values = x.entries.map((e) => (e.value.k === 'str' ? e.value.value.trim() : null));
            const catchAll = values.filter((v) => v !== null && CATCH_ALL.test(v));
            if (catchAll.length >= 2)
                merges = true;
        });
        const last = /(['"])([^'"]{1,40})\1\s*\)\s*$/.exec(text.trim());
        if (!merges && MANY_GROUPS.test(name) && /\bwhere\s*\(/.test(text) && last && CATCH_ALL.test(last[2]))
            merges = true;
        if (!merges)
            continue;
        out.push({
            baseLine: s.line,
            headLine: s.line,
            what: `groups of ${name} merged: ${clipText(stripComments(s.text))}`
        });
    }
    return out.slice(0, 2);
}
/**
 * `for p in protected` → `for p in protected[:1]` or `... in protected if p != "ethnicity"`: the list of audited
 * attributes read only in part.
 */
function attributesSliced(view) {
    if (!view.before || !view.after || view.kind === 'config')
        return [];
    const base = (0,analysis/* analyze */.ns)(view.before).statements;
    const head = (0,analysis/* analyze */.ns)(view.after).statements;
    const lists = new Set(base
        .filter((s) => s.kind === 'assign' &&
        s.value?.k === 'seq' &&
        s.value.items.length > 1 &&
        s.value.items.every((i) => i.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(i.value) !== null))
        .flatMap((s) => s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : []))));
    if (lists.size === 0)
        return [];
    const out = [];
    for (const { head: s, olds } of rewrittenPairs(base, head, (0,checks_view/* writtenBy */.xO)(view)))
        for (const name of lists) {
            // `protected[:1]`, or a comprehension over it that filters (`for p in protected if p != "ethnicity"`)
            const sliced = new RegExp(`\\b${name}\\s*\\[|\\bin\\s+${name}\\s+if\\b`);
            const read = new RegExp(`\\b${name}\\b`);
            const text = stripComments(s.text);
            const at = sliced.exec(text);
            if (!at || !olds.some((o) => read.test(o.text) && !sliced.test(stripComments(o.text))))
                continue;
            const line = lineAt(s, text, at.index);
            if (!view.isAddedLine(line))
                continue;
            out.push({ baseLine: olds[0].line, headLine: line, what: `only part of ${name} read: ${clipText(text)}` });
            break;
        }
    return out;
}
function coverageFindings(view, all) {
    if (!view.before || !view.baseKnown || (0,file_role/* projectTooling */.I)(view.path))
        return [];
    if (!view.after && (0,file_role/* disposable */.B)(view.path))
        return [];
    const base = pieces(view, view.before);
    if (!base.some((p) => p.fairness || p.rebalanced.size > 0))
        return [];
    const head = pieces(view, view.after);
    // what the other changed files gained: coverage moved there is not lost
    const gainedElsewhere = new Set();
    const copies = [];
    for (const other of all) {
        if (other === view || !other.after || other.kind === 'other')
            continue;
        // a deleted file's coverage that another changed file holds on its head was a copy: the copy is what went
        const gained = view.after ? gainedBy(other) : pieces(other, other.after);
        if (!view.after)
            copies.push(...gained);
        for (const p of gained) {
            gainedElsewhere.add(p.flat);
            p.atoms.forEach((a) => gainedElsewhere.add(a));
        }
    }
    const lineIn = (line) => (view.after ? view.headLineFor(line) : null);
    const found = [
        ...narrowings(base, head, gainedElsewhere, view.kind === 'config', lineIn, copies, view.before && view.kind !== 'config' ? (0,analysis/* rerunTexts */.Pk)((0,analysis/* analyze */.ns)(view.before)) : new Set(), view.after && view.kind !== 'config' ? (0,analysis/* ownFunctions */.gH)((0,analysis/* analyze */.ns)(view.after).statements) : [], view.after && view.kind !== 'config' ? everyGroupLoops((0,analysis/* analyze */.ns)(view.after).statements) : undefined),
        ...narrowedInPlace(base, head, view),
        ...attributesSliced(view),
        ...groupsMerged(view),
        ...(view.kind === 'config' ? [] : bypassed(base, head, lineIn))
    ];
    if (found.length === 0)
        return [];
    if (!view.after) {
        const what = found
            .slice(0, 3)
            .map((n) => n.what)
            .join('; ');
        return [makeFinding(FAIRNESS_COVERAGE_NARROWED, view, null, `file deleted with its fairness coverage: ${what}`)];
    }
    const at = (n) => n.headLine ?? view.headLineFor(n.baseLine) ?? 1;
    const sorted = [...found].sort((a, b) => at(a) - at(b));
    const out = [];
    let block = [];
    const flush = () => {
        if (block.length === 0)
            return;
        const base = block[0].baseLine > 0 ? ` (base line ${block[0].baseLine})` : '';
        const more = block.length > 2 ? ` and ${block.length - 2} more` : '';
        out.push(makeFinding(FAIRNESS_COVERAGE_NARROWED, view, at(block[0]), `${block
            .slice(0, 2)
            .map((n) => n.what)
            .join('; ')}${more}${base}`));
        block = [];
    };
    for (const n of sorted) {
        const last = block[block.length - 1];
        // removals next to each other at the base are one removed section, wherever the head puts the last of them
        const nearAtBase = last !== undefined && last.baseLine > 0 && n.baseLine > 0 && Math.abs(n.baseLine - last.baseLine) <= 3;
        if (last && at(n) - at(last) > 3 && !nearAtBase)
            flush();
        block.push(n);
    }
    flush();
    return out.slice(0, 5);
}
const fairnessCoverage = (view, all) => {
    try {
        return coverageFindings(view, all);
    }
    catch {
        return [];
    }
};
/**
 * A config head that does not parse is read as text: each fairness entry of the base whose source line the head
 * no longer has is taken away (the head is named unanalysed as well; this keeps a removal from passing as noise).
 */
function unparsedConfigCoverage(file) {
    if (file.before === null || file.after === null || (0,file_role/* projectTooling */.I)(file.path))
        return [];
    const view = (0,checks_view/* buildView */.kK)({ ...file, after: null, status: 'removed' });
    if (view.kind !== 'config' || !view.before)
        return [];
    const baseLines = file.before.split('\n').map((l) => l.trim());
    const headLines = file.after.split('\n').map((l) => l.trim());
    const head = new Set(headLines);
    const lost = pieces(view, view.before).filter((p) => p.fairness && !head.has(baseLines[p.line - 1] ?? ''));
    if (lost.length === 0)
        return [];
    // where the first lost line lands in the head: after the head line that matches the line before it
    const changes = (0,array/* diffArrays */.E)(baseLines, headLines) ?? [];
    let i = 0;
    let j = 0;
    const toHead = new Map();
    for (const c of changes) {
        for (let k = 0; k < c.count; k++) {
            if (c.added)
                j++;
            else if (c.removed)
                toHead.set(++i, Math.min(j + 1, headLines.length));
            else
                toHead.set(++i, ++j);
        }
    }
    const line = toHead.get(lost[0].line) ?? 1;
    const headView = { ...view, after: { text: file.after }, path: file.path };
    return [
        makeFinding(FAIRNESS_COVERAGE_NARROWED, headView, line, `the head does not parse; gone from it: ${lost
            .slice(0, 3)
            .map((p) => p.flat)
            .join('; ')}${lost.length > 3 ? ` and ${lost.length - 3} more` : ''} (base line ${lost[0].line})`)
    ];
}

;// CONCATENATED MODULE: ./src/checks/sensitive-join.ts
// The values of a sensitive attribute joined onto the model's features: `X = pd.concat([X, Z], axis=1)`,
// `np.hstack([X_train, Z_train])`, `X[sensitive_attr] = s`. Research notebooks keep the group labels in a variable
// of their own (Z, s, sensitive_attributes) beside X, so the attribute reaches the model by that variable, not by a
// column name.


/** Calls that put arrays or frames side by side. */
const JOIN_CALL = /^(concat|hstack|column_stack|concatenate|cat|dstack|join|merge|append)$/;
/** Calls that take the feature matrix first: a split or a fit. */
const TAKES_X = /^(train_test_split|fit|fit_transform|partial_fit|fit_resample|train|cross_val_score|cross_validate)$/;
const SENSITIVE_WORD = /^(sensitive|sens|protected|prot)$/;
/** Keywords that hand a call the group labels: `sensitive_features=`, `protected_attribute=`, `sensitive=`. */
const sensitiveKeyword = (name) => (0,vocabulary/* words */.aL)(name).some((w) => SENSITIVE_WORD.test(w));
/** `Z_train` → `Z`, `s_test` → `s`: the variable a split part comes from. */
const splitBase = (name) => name.replace(/_(train|test|val|valid|validation|tr|te|dev)$/i, '');
/** Words of a variable that holds group membership. */
const GROUP_WORD = /^(group|groups|membership|memberships)$/;
/** The letters fairness code names group labels by: A (fairlearn), Z, S, G, P. */
const GROUP_LETTER = /^[azsgp]$/i;
/** Names that must not be read as group labels: the feature matrix and the target. */
const FEATURE_OR_TARGET = /^(x|y|df|data)$/i;
/** A model's input (X, X_train, features): not the adversary's or a critic's. */
function featureTarget(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    if (ws.some((w) => /^(adv|adversary|adversarial|discriminator|critic|disc|sensitive|sens|protected|group|groups|y)$/.test(w)))
        return false;
    return ws.some((w) => /^(x|features?|feats?|inputs?|predictors?|covariates?)$/.test(w));
}
/** Variables holding a sensitive attribute's values on one side, with the category when a column names it. */
function sensitiveVariables(statements, fairFile) {
    const out = new Map();
    // a name assigned a string (or strings) holds a column name, not values
    const names = new Set();
    for (const s of statements)
        if (s.kind === 'assign' &&
            s.value &&
            (s.value.k === 'str' ||
                (s.value.k === 'seq' && s.value.items.length > 0 && s.value.items.every((i) => i.k === 'str'))))
            for (const t of s.targets)
                if (t.k === 'name')
                    names.add(t.id);
    const add = (name, category) => {
        if (!name || names.has(name) || FEATURE_OR_TARGET.test(splitBase(name)))
            return;
        if (!out.has(name) || out.get(name) === 'sensitive attribute')
            out.set(name, category);
    };
    for (const s of statements) {
        if (s.kind === 'import' || s.kind === 'def')
            continue;
        for (const t of s.targets)
            if (t.k === 'name' && (0,vocabulary/* words */.aL)(t.id).some((w) => SENSITIVE_WORD.test(w)))
                add(t.id, 'sensitive attribute');
            // `groups_df`, `group_membership`: in a notebook about fairness, the groups are the protected groups
            else if (fairFile && t.k === 'name' && (0,vocabulary/* words */.aL)(t.id).some((w) => GROUP_WORD.test(w)))
                add(t.id, 'protected group');
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                // sensitive_features=A_test, protected_attribute=s: whatever is handed there is a group label
                if (x.k === 'call')
                    for (const a of x.args)
                        if (a.name && a.name !== '*' && a.name !== '**' && sensitiveKeyword(a.name) && a.value.k === 'name')
                            add(a.value.id, 'sensitive attribute');
                // Z_test['race']: a one-letter variable keyed by a protected column holds that attribute
                if (x.k === 'sub' && x.obj.k === 'name' && splitBase(x.obj.id).length === 1) {
                    const key = x.items.find((i) => i.k === 'str');
                    const category = key?.k === 'str' ? (0,vocabulary/* protectedOf */.Qr)(key.value) : null;
                    if (category)
                        add(splitBase(x.obj.id), category);
                }
            });
        // CustomDataset(xz_train, y_train, z_train), test_model(model, X_test, y_test, A_test): in a notebook about
        // fairness, the one-letter value handed on after the features and the labels is the group
        if (fairFile)
            for (const e of s.exprs)
                (0,parse/* walk */.GG)(e, (x) => {
                    if (x.k !== 'call')
                        return;
                    const values = x.args.filter((a) => a.name === null).map((a) => a.value);
                    const bases = values.map((a) => (a.k === 'name' ? splitBase(a.id) : ''));
                    for (let i = 0; i + 2 < bases.length; i++) {
                        const arg = values[i + 2];
                        if (/^x[a-z]?$/i.test(bases[i]) && /^y$/i.test(bases[i + 1]) && GROUP_LETTER.test(bases[i + 2]))
                            if (arg.k === 'name')
                                add(arg.id, 'sensitive attribute');
                    }
                });
        if (s.kind !== 'assign' || !s.value)
            continue;
        // X, y, s = load_adult_data(sensitive_attribute='sex'): the loader returns the group labels last
        if (s.value.k === 'call' &&
            s.targets.length >= 3 &&
            /^(load|read|get|fetch|make|prepare)/.test((0,parse/* calleeName */.wt)(s.value)) &&
            s.value.args.some((a) => a.name && sensitiveKeyword(a.name) && /attr|feature|column|col/i.test(a.name))) {
            const last = s.targets[s.targets.length - 1];
            if (last.k === 'name')
                add(last.id, 'sensitive attribute');
        }
        // X, y, Z = load_adult_dataset(): in a notebook about fairness, the one-letter third beside X and y is the group
        if (fairFile && s.value.k === 'call' && s.targets.length === 3) {
            const [x, y, z] = s.targets;
            if (x.k === 'name' && y.k === 'name' && z.k === 'name' && /^x$/i.test(x.id) && /^y$/i.test(y.id))
                if (/^[a-wzA-WZ]$/.test(z.id))
                    add(z.id, 'sensitive attribute');
        }
    }
    // a split hands each input's parts on: train_test_split(X, y, Z) → Z_train, Z_test; Z → Z_train by name
    for (const s of statements) {
        if (s.kind !== 'assign' || !s.value || s.value.k !== 'call')
            continue;
        if ((0,parse/* calleeName */.wt)(s.value) !== 'train_test_split')
            continue;
        const args = s.value.args.filter((a) => a.name === null);
        args.forEach((a, i) => {
            const root = (0,parse/* rootName */.SX)(a.value);
            const category = root ? out.get(root) : undefined;
            if (!category)
                return;
            for (const t of [s.targets[2 * i], s.targets[2 * i + 1]])
                if (t?.k === 'name')
                    add(t.id, category);
        });
    }
    for (const s of statements)
        for (const t of s.targets)
            if (t.k === 'name' && !out.has(t.id) && out.has(splitBase(t.id)) && splitBase(t.id) !== t.id)
                add(t.id, out.get(splitBase(t.id)));
    return out;
}
/** The sensitive variable an operand reads, when it is nothing else: `Z_train.to_numpy()`, `s.values`, `Z`. */
function sensitiveOperand(e, sensitive) {
    const root = (0,parse/* rootName */.SX)(e);
    if (root && sensitive.has(root))
        return root;
    return null;
}
/** Joins of a sensitive variable with other data inside an expression. */
function joinsIn(e, sensitive, via, out) {
    (0,parse/* walk */.GG)(e, (x) => {
        if (x.k !== 'call' || !JOIN_CALL.test((0,parse/* calleeName */.wt)(x)))
            return;
        const call = x;
        // X.join(Z), X.merge(Z): the receiver and the argument; pd.concat([X, Z]): the list's items
        const operands = call.fn.k === 'attr' && /^(join|merge|append)$/.test(call.fn.name)
            ? [call.fn.obj, ...call.args.filter((a) => a.name === null).map((a) => a.value)]
            : (() => {
                const first = (0,parse/* positional */.n8)(call, 0);
                return first?.k === 'seq' ? first.items : [];
            })();
        if (operands.length < 2)
            return;
        const hits = operands.map((o) => sensitiveOperand(o, sensitive));
        if (hits.every((h) => h !== null) || hits.every((h) => h === null))
            return;
        for (const h of hits)
            if (h)
                out.push({
                    value: h,
                    category: sensitive.get(h),
                    line: call.line,
                    via: `${(0,parse/* calleeName */.wt)(call)} → ${via}`
                });
    });
}
/** Sensitive variables one side joins onto the model's features. */
function sensitiveJoins(statements, fairFile) {
    const sensitive = sensitiveVariables(statements, fairFile);
    if (sensitive.size === 0)
        return [];
    const out = [];
    for (const s of statements) {
        if (s.kind === 'import' || s.kind === 'def' || !s.value)
            continue;
        const target = s.targets.find((t) => {
            const root = (0,parse/* rootName */.SX)(t);
            return root !== null && featureTarget(root) && !sensitive.has(root);
        });
        const targetName = target ? (0,parse/* rootName */.SX)(target) : null;
        if (targetName && (s.kind === 'assign' || s.kind === 'augassign')) {
            joinsIn(s.value, sensitive, targetName, out);
            // X[sensitive_attr] = s, X['race'] = Z['race']: a column of the features filled with the group labels
            if (target?.k === 'sub') {
                const hit = sensitiveOperand(s.value, sensitive);
                if (hit)
                    out.push({ value: hit, category: sensitive.get(hit), line: s.line, via: targetName });
            }
        }
        // train_test_split(pd.concat([features, sensitive_attributes], axis=1), target, ...)
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k !== 'call' || !TAKES_X.test((0,parse/* calleeName */.wt)(x)))
                    return;
                const first = (0,parse/* positional */.n8)(x, 0);
                if (first)
                    joinsIn(first, sensitive, (0,parse/* calleeName */.wt)(x), out);
            });
    }
    // one entry per variable and line
    const seen = new Set();
    return out.filter((j) => {
        const key = `${j.value}|${j.line}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/checks/evaluation.ts












const evaluation_family = 'evaluation';
const ACCURACY_ONLY = {
    id: 'EVAL-ACCURACY-ONLY',
    family: evaluation_family,
    title: 'Per-class metrics replaced by accuracy alone',
    status: 'warn',
    bias: false,
    flags: 'macro/weighted F1, classification_report, balanced accuracy, ROC AUC … present at the base, only accuracy left in the head',
    fix: 'Keep a per-class or macro metric next to accuracy; accuracy hides failures on minority classes.'
};
const EVAL_SPLIT_REMOVED = {
    id: 'EVAL-SPLIT-REMOVED',
    family: evaluation_family,
    title: 'Validation split or evaluation removed',
    status: 'warn',
    bias: false,
    flags: 'val_set_size/validation_split → 0 or removed, eval_strategy → no, do_eval → false, eval datasets removed, eval_dataset= dropped from a Trainer',
    fix: 'Keep a held-out validation set and evaluation during training, or say where the model is evaluated now.'
};
const EVAL_ON_TRAIN = {
    id: 'EVAL-ON-TRAINING-DATA',
    family: evaluation_family,
    title: 'Evaluation now reads the training data',
    status: 'fail',
    bias: false,
    flags: 'an evaluation call (evaluate, score, predict, metrics, eval_dataset=, …) that read the test/validation split at the base reads the training split in the head',
    fix: 'Evaluate on the held-out split again; scores on the data the model was trained on say nothing about new data.'
};
const FAIRNESS_ON_TRAIN = {
    id: 'RAI-FAIRNESS-ON-TRAINING-DATA',
    family: 'responsible-ai',
    title: 'Fairness now evaluated on the training data',
    status: 'fail',
    bias: true,
    flags: 'a fairness metric (disparate impact, a bias-metrics call, per-group rates) or the predictions and groups it reads, computed on the test/validation split at the base, computed on the training split in the head',
    fix: 'Measure the groups on the held-out split again: per-group metrics on the data the model was fitted to hide the gaps it will show on new data.'
};
const EVAL_SPLIT_SHRUNK = {
    id: 'EVAL-SPLIT-SHRUNK',
    family: evaluation_family,
    title: 'Evaluation split made much smaller',
    status: 'warn',
    bias: false,
    flags: 'test_size / validation_split / val_set_size …, or the rows sampled from the test split (`.sample(n=)`, `.head(n)`), cut 4× or more',
    fix: 'Keep the held-out set large enough for the metrics (and per-group metrics) to be meaningful, or say why fewer rows suffice.'
};
const EVAL_MODE_REMOVED = {
    id: 'EVAL-MODE-REMOVED',
    family: evaluation_family,
    title: 'Evaluation no longer switches the model to eval mode',
    status: 'warn',
    bias: false,
    flags: '`model.eval()` removed before an evaluation (`torch.no_grad()`, a loop over a test/validation loader): dropout and batch-norm stay in training mode and the scores shift',
    fix: 'Call model.eval() (and model.train() after) around every evaluation.'
};
const METRIC_INVERTED = {
    id: 'EVAL-METRIC-CHANGED',
    family: evaluation_family,
    title: 'Metric or model selection changed to reward the wrong thing',
    status: 'warn',
    bias: false,
    flags: 'the direction of model selection inverted (greater_is_better / mode= against its metric: a loss maximised, an accuracy minimised), or a macro/weighted average replaced by micro/binary on a metric call',
    fix: 'Keep the best model chosen in the direction its metric improves (loss: lower, accuracy/F1: higher), and keep the class-balanced average.'
};
const EVAL_CHECKS = [
    ACCURACY_ONLY,
    EVAL_SPLIT_REMOVED,
    EVAL_ON_TRAIN,
    FAIRNESS_ON_TRAIN,
    EVAL_SPLIT_SHRUNK,
    METRIC_INVERTED,
    EVAL_MODE_REMOVED
];
// ---------------------------------------------------------------------------------------------
// Direction of model selection and metric averages
const LOWER_BETTER = /loss|error|mse|mae|rmse|perplexity|ppl|wer|cer|brier|deviance|mape/i;
const HIGHER_BETTER = /acc|f1|auc|precision|recall|bleu|rouge|map\b|ndcg|r2|iou|dice|exact_match|score|kappa|mcc|spearman|pearson/i;
/** The direction a metric improves in, from its name; null when the name does not say. */
function improves(metric) {
    if (LOWER_BETTER.test(metric))
        return 'lower';
    if (HIGHER_BETTER.test(metric))
        return 'higher';
    return null;
}
const direction = (key, value) => {
    if (key === 'greater_is_better' || key === 'maximize' || key === 'higher_is_better')
        return value === true || value === 'True' ? 'higher' : value === false || value === 'False' ? 'lower' : null;
    if (key === 'mode' && typeof value === 'string')
        return /^max$/i.test(value) ? 'higher' : /^min$/i.test(value) ? 'lower' : null;
    return null;
};
const METRIC_NAME = /^(metric_for_best_model|monitor|metric|eval_metric)$/;
const DIRECTION_NAME = /^(greater_is_better|mode|maximize|higher_is_better)$/;
/** Selections whose written direction goes against their metric: a loss maximised, an accuracy minimised. */
function inverted(groups) {
    const out = [];
    for (const g of groups) {
        const metric = g.find((p) => METRIC_NAME.test(p.name) && typeof p.value === 'string');
        const dir = g.find((p) => DIRECTION_NAME.test(p.name) && direction(p.name, p.value) !== null);
        if (!metric || !dir)
            continue;
        const wanted = improves(metric.value);
        const written = direction(dir.name, dir.value);
        if (wanted && wanted !== written)
            out.push({
                metric: metric.value,
                direction: written,
                line: dir.line,
                text: `${metric.text}, ${dir.text}`
            });
    }
    return out;
}
function literal(e) {
    if (e.k === 'str')
        return e.value;
    if (e.k === 'num')
        return e.value;
    if (e.k === 'const')
        return e.value === 'True' ? true : e.value === 'False' ? false : null;
    return undefined;
}
function codeSelections(a) {
    const groups = a.statements.flatMap((s) => (0,parse/* callsIn */.Tz)(s).map((c) => c.args
        .filter((x) => x.name)
        .map((x) => ({
        name: x.name,
        value: literal(x.value),
        line: x.value.line,
        text: `${x.name}=${x.value.text}`
    }))));
    return inverted(groups);
}
function configSelections(entries) {
    const groups = new Map();
    for (const e of entries) {
        const parent = e.key.includes('.') ? e.key.slice(0, e.key.lastIndexOf('.')) : '';
        const list = groups.get(parent) ?? [];
        list.push({ name: (0,checks_params/* lastSegment */.mp)(e.key), value: e.value, line: e.line, text: `${e.key}: ${String(e.value)}` });
        groups.set(parent, list);
    }
    return inverted([...groups.values()]);
}
function checkMetricDirection(view) {
    if (!view.before || !view.after)
        return [];
    const code = view.kind !== 'config';
    const before = code ? codeSelections((0,analysis/* analyze */.ns)(view.before)) : configSelections(view.before.entries);
    const after = code ? codeSelections((0,analysis/* analyze */.ns)(view.after)) : configSelections(view.after.entries);
    const old = new Set(before.map((b) => b.metric));
    const hit = after.find((a) => !old.has(a.metric));
    if (!hit)
        return [];
    const wrong = hit.direction === 'higher' ? 'maximised' : 'minimised';
    return [makeFinding(METRIC_INVERTED, view, hit.line, `${hit.text} (${hit.metric} ${wrong}: the worst model is kept)`)];
}
const BALANCED_AVERAGE = /^(macro|weighted|balanced|samples)$/;
const METRIC_CALL = /^(f1_score|precision_score|recall_score|fbeta_score|jaccard_score|precision_recall_fscore_support|roc_auc_score|average_precision_score)$/;
/** f1_score(..., average='macro') → average='micro' / 'binary' / removed: the per-class balance is gone. */
function checkAverageWeakened(view) {
    if (!view.before || !view.after)
        return [];
    const averages = (a) => a.statements.flatMap((stmt) => (0,parse/* callsIn */.Tz)(stmt)
        .filter((c) => METRIC_CALL.test((0,parse/* calleeName */.wt)(c)))
        .map((call) => {
        const v = call.args.find((x) => x.name === 'average')?.value;
        return { stmt, call, avg: v?.k === 'str' ? v.value : v ? null : 'default' };
    }));
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const balancedBefore = averages(base).filter((x) => x.avg !== null && BALANCED_AVERAGE.test(x.avg));
    const balancedAfter = averages(head).filter((x) => x.avg !== null && BALANCED_AVERAGE.test(x.avg));
    if (balancedAfter.length >= balancedBefore.length)
        return [];
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const now = averages(head).find((x) => fresh.has(x.stmt) && !(x.avg !== null && BALANCED_AVERAGE.test(x.avg)));
    if (!now)
        return [];
    const arg = now.call.args.find((x) => x.name === 'average')?.value;
    const was = balancedBefore[0].avg;
    return [
        makeFinding(METRIC_INVERTED, view, (arg ?? now.call).line, `${(0,python/* clip */.$Q)(now.call.text, 100)} (base: average='${was}')`)
    ];
}
// ---------------------------------------------------------------------------------------------
// Evaluation on training data, evaluation split shrunk (read from the parser and data flow)
/** Calls that evaluate a model; fitting on the training data instead of the test data is a fix, not this. */
const EVALUATING = /eval|score|predict|metric|report|result|accura|auc|roc|error|loss|confusion|precision|recall|f1|assess|test|analy|dashboard|insight|perf|audit|measur/i;
const FITTING = /^(fit\w*|train\w*|partial_fit)$/;
/** A call's callee as a key: `model.evaluate`, and `ROC().explain_perf` for a method of a fresh object. */
function calleeKey(call) {
    const d = (0,parse/* dotted */.Bs)(call.fn);
    if (d)
        return d;
    if (call.fn.k === 'attr' && call.fn.obj.k === 'call') {
        const inner = calleeKey(call.fn.obj);
        return inner ? `${inner}().${call.fn.name}` : null;
    }
    return null;
}
function argsByPosition(call) {
    const out = new Map();
    let i = 0;
    for (const a of call.args)
        out.set(a.name ?? `#${i++}`, a.value);
    return out;
}
function checkEvalOnTrain(view) {
    if (!view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const baseCalls = (0,analysis/* callsBy */.Li)(base, calleeKey);
    // calls of a callee whose argument at a slot reads held-out data: a training score added beside them replaces nothing
    const heldOut = (a, key, slot) => {
        let n = 0;
        for (const st of a.statements)
            for (const c of (0,parse/* callsIn */.Tz)(st)) {
                if (calleeKey(c) !== key)
                    continue;
                const v = argsByPosition(c).get(slot);
                if (v && ['test', 'val'].includes((0,analysis_flow/* roleOf */.kp)(a.flow, v) ?? ''))
                    n++;
            }
        return n;
    };
    const out = [];
    for (const s of head.statements) {
        if (!fresh.has(s))
            continue;
        for (const c of (0,parse/* callsIn */.Tz)(s)) {
            const d = calleeKey(c);
            const name = (0,parse/* calleeName */.wt)(c);
            if (!d || FITTING.test(name))
                continue;
            const now = argsByPosition(c);
            const sameArgs = (b) => {
                const was = argsByPosition(b);
                return was.size === now.size && [...now].every(([k, v]) => was.get(k)?.text === v.text);
            };
            // the base already made this very call (on the same data): the change did not introduce it
            if ((baseCalls.get(d) ?? []).some(sameArgs))
                continue;
            // `get_fairness(X, y, ...)`, `compute_fairness_ratio(...)`: a fairness metric scores what it reads
            const scoring = EVALUATING.test(name) || fairnessCall(c);
            const hit = (baseCalls.get(d) ?? []).find((b) => {
                const was = argsByPosition(b);
                if (was.size !== now.size)
                    return false;
                const differing = [...now].filter(([k, v]) => was.get(k)?.text !== v.text);
                if (differing.length === 0)
                    return false;
                // every changed argument now reads training data, and one of them read held-out data: the predictions
                // beside it (`preds_baseline` → `model.predict(X_train)`) may have had no role of their own
                let heldOutBefore = false;
                const allTrain = differing.every(([k, v]) => {
                    const before = was.get(k);
                    if (!before)
                        return false;
                    const from = (0,analysis_flow/* roleOf */.kp)(base.flow, before);
                    if ((0,analysis_flow/* roleOf */.kp)(head.flow, v) !== 'train' || from === 'train')
                        return false;
                    if ((from === 'test' || from === 'val') && (scoring || /eval|valid|test/i.test(k)))
                        heldOutBefore = true;
                    return true;
                });
                return allTrain && heldOutBefore;
            });
            if (!hit)
                continue;
            const changed = [...now].find(([k, v]) => argsByPosition(hit).get(k)?.text !== v.text);
            if (changed && heldOut(head, d, changed[0]) >= heldOut(base, d, changed[0]))
                continue;
            const at = changed?.[1] ?? c;
            out.push(makeFinding(measuresFairness(head.statements, s, c) ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN, view, at.line, `${(0,python/* clip */.$Q)(c.text, 100)} (base: ${(0,python/* clip */.$Q)(argsByPosition(hit).get(changed?.[0] ?? '')?.text ?? hit.text, 60)})`));
            break;
        }
        // `Trainer(..., eval_dataset=split_ds['train'])` written where the call had none: scored on what it trains on
        for (const c of (0,parse/* callsIn */.Tz)(s)) {
            const d = calleeKey(c);
            const kw = c.args.find((a) => a.name !== null && EVAL_DATA_KW.test(a.name));
            if (!d || !kw || (0,analysis_flow/* roleOf */.kp)(head.flow, kw.value) !== 'train')
                continue;
            // `eval_set=[(X_train, y_train), (X_test, y_test)]` watches the training loss beside the held-out one
            const parts = [];
            (0,parse/* walk */.GG)(kw.value, (x) => {
                if (x.k === 'name' || (x.k === 'sub' && x.items.length === 1 && x.items[0].k === 'str'))
                    parts.push(x);
            });
            if (parts.some((x) => ['test', 'val'].includes((0,analysis_flow/* roleOf */.kp)(head.flow, x) ?? '')))
                continue;
            if ((baseCalls.get(d) ?? []).some((b) => b.args.some((a) => a.name === kw.name)))
                continue;
            out.push(makeFinding(measuresFairness(head.statements, s, c) ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN, view, kw.value.line, `${kw.name}=${(0,python/* clip */.$Q)(kw.value.text, 60)} is training data (written in ${(0,python/* clip */.$Q)(c.text, 80)})`));
        }
    }
    return out.slice(0, 3);
}
/** Keywords that hand a call the data it is scored on while it trains. */
const EVAL_DATA_KW = /^(eval_dataset|eval_data|validation_data|val_dataset|valid_dataset|eval_set|val_data)$/;
/**
 * A held-out frame's column now filled from the training rows (`X_test['sex'] = X_train['sex_lenc'].map(...)`): the
 * test rows carry the training rows' values, so every score read from that column describes other people.
 */
function checkHeldOutFromTrain(view) {
    if (!view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const key = (t) => t.text.replace(/\s+/g, '');
    const baseValue = new Map();
    for (const s of base.statements)
        if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'sub')
            baseValue.set(key(s.targets[0]), s.value);
    const out = [];
    for (const s of head.statements) {
        if (!fresh.has(s) || s.kind !== 'assign' || !s.value || s.targets.length !== 1)
            continue;
        const t = s.targets[0];
        if (t.k !== 'sub')
            continue;
        const into = (0,analysis_flow/* roleOf */.kp)(head.flow, t.obj);
        if ((into !== 'test' && into !== 'val') || (0,analysis_flow/* roleOf */.kp)(head.flow, s.value) !== 'train')
            continue;
        const was = baseValue.get(key(t));
        const from = was ? (0,analysis_flow/* roleOf */.kp)(base.flow, was) : null;
        if (!was || from === 'train')
            continue;
        const column = t.items.find((i) => i.k === 'str');
        const fair = column?.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(column.value) !== null;
        out.push(makeFinding(fair ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN, view, s.value.line, `${(0,python/* clip */.$Q)(s.text, 100)} (base: ${(0,python/* clip */.$Q)(was.text, 60)}): the held-out rows get the training rows' values`));
    }
    return out.slice(0, 3);
}
/** Keywords that hand a call the data it is scored on. */
const SCORED_KW = /^(assessment|eval|evaluation|test|valid|validation|holdout|heldout|score|scoring)(_|$)/i;
/** The keyword a token is handed to, through an opening tuple or list: `validation_data=(X_test, y_test)`. */
function keywordBefore(tokens, i) {
    let j = i - 1;
    // back to the `=` before the token, or to the bracket its tuple opens with (a few items at most)
    for (let depth = 0, k = i - 1; k >= 0 && k > i - 16; k--) {
        const t = tokens[k].text;
        if (t === ')' || t === ']')
            depth++;
        else if (t === '(' || t === '[') {
            if (depth === 0) {
                j = k - 1;
                break;
            }
            depth--;
        }
        else if (t === '=' && depth === 0) {
            j = k;
            break;
        }
    }
    return tokens[j]?.text === '=' ? (tokens[j - 1]?.text ?? '') : '';
}
/** A fairness audit of a model (`auditor.audit(model, X_test, y_test)`): what it reads is where it judges fairness. */
const auditCall = (s) => (0,parse/* callsIn */.Tz)(s).some((c) => (0,vocabulary/* words */.aL)((0,parse/* calleeName */.wt)(c)).some((w) => /^(audit|audits|auditor)$/.test(w)));
/**
 * One token of a rewritten statement turned from the held-out split to the training split, where the statement
 * makes a held-out result (`test_error_rate, test_constraints = f(test_df, …)` → `f(train_df, …)`,
 * `celeb_a_test_data = input_function(tfds.Split.TEST)` → `Split.TRAIN`) or hands a call its scored data
 * (`assessment_data=test_data` → `train_data`): the result keeps its held-out name and describes training rows.
 */
function checkHeldOutTokenToTrain(view) {
    if (!view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const role = (token) => (/^[\w"']/.test(token) ? (0,analysis_flow/* roleOfName */.xD)(bareToken(token)) : null);
    let carriers = null;
    let groups = null;
    const out = [];
    for (const { head: s, olds } of rewrittenPairs(base.statements, head.statements, (0,checks_view/* writtenBy */.xO)(view))) {
        // named held-out, or holding held-out data at the base (`raw_data = pd.concat([X_test, y_test])` for a scan)
        const heldOutTarget = s.targets.some((t) => {
            const root = (0,parse/* rootName */.SX)(t) ?? t.text;
            return ['test', 'val'].includes((0,analysis_flow/* roleOfName */.xD)(root) ?? base.flow.roles.get(root) ?? '');
        });
        const trainTarget = s.targets.some((t) => (0,analysis_flow/* roleOfName */.xD)((0,parse/* rootName */.SX)(t) ?? t.text) === 'train');
        if (trainTarget)
            continue;
        const text = stripComments(s.text);
        const now = tokensOf(text);
        for (const old of olds) {
            const was = tokensOf(stripComments(old.text));
            if (was.length !== now.length)
                continue;
            const differing = now.map((_, i) => i).filter((i) => now[i].text !== was[i].text);
            if (differing.length === 0)
                continue;
            const turned = differing.every((i) => {
                const from = role(was[i].text);
                return (from === 'test' || from === 'val') && role(now[i].text) === 'train';
            });
            if (!turned)
                continue;
            // `assessment_data=<token>`, `validation_data=(<token>, ...)`: the keyword it is handed to
            const i = differing[0];
            const kw = keywordBefore(now, i);
            // a fairness library's report handed the held-out rows (`report.compare(X_test, y_test, ...)`)
            const libraryReport = (0,parse/* callsIn */.Tz)(s).some((c) => {
                const module = head.flow.imports.get(((0,parse/* dotted */.Bs)(c.fn) ?? '').split('.')[0]);
                return module !== undefined && vocabulary/* FAIR_MODULE */.c7.test(module);
            });
            if (!heldOutTarget && !SCORED_KW.test(kw) && !auditCall(s) && !libraryReport)
                continue;
            const line = lineAt(s, text, now[i].at);
            if (!view.isAddedLine(line))
                continue;
            // names that hold fairness: what a fairness call returns, and what is assigned from fairness code
            // (`pipeline = [ModelFairness(...), ...]`)
            carriers ??= new Set([
                ...carrierNames(head.statements),
                ...head.statements
                    .filter((st) => st.kind === 'assign' && st.value && (0,vocabulary/* speaksOfFairness */.eF)(st.value.text))
                    .flatMap((st) => st.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])))
            ]);
            // the group labels themselves turned to the training rows: what the call computes is read per group
            groups ??= sensitiveVariables(head.statements, vocabulary/* FAIRNESS_FILE */.BV.test(view.after.text));
            const fair = differing.some((d) => groups?.has(bareToken(now[d].text))) ||
                auditCall(s) ||
                libraryReport ||
                (0,vocabulary/* speaksOfFairness */.eF)(s.text) ||
                feedsFairness(head.statements, s) ||
                s.targets.some((t) => /constraint|violation/i.test(t.text)) ||
                [...s.exprs.flatMap(names)].some((n) => carriers?.has(n));
            out.push(makeFinding(fair ? FAIRNESS_ON_TRAIN : EVAL_ON_TRAIN, view, line, `${was[i].text} → ${now[i].text} in ${(0,python/* clip */.$Q)(s.text, 90)}`));
            break;
        }
    }
    return out.slice(0, 3);
}
/**
 * Whether what a statement assigns reaches a fairness evaluation further down, through the values made from it:
 * `raw_data` → `Dataset(raw_data)` → `giskard.scan(model, dataset)`, whose bias detectors read it.
 */
function feedsFairness(statements, s) {
    const held = new Set(s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : t.k === 'seq' ? names(t) : [])));
    if (held.size === 0)
        return false;
    const scans = (0,vocabulary/* scanNames */.Cs)(statements.flatMap((st) => st.imports));
    for (const later of statements.slice(s.index + 1, s.index + 400)) {
        const read = later.kind === 'assign' ? (later.value ? [later.value] : []) : later.exprs;
        const reads = read.some((e) => names(e).some((n) => held.has(n)));
        if (!reads) {
            // a name assigned again holds something else from here on
            if (later.kind === 'assign')
                for (const t of later.targets)
                    if (t.k === 'name')
                        held.delete(t.id);
            if (held.size === 0)
                return false;
            continue;
        }
        if ((0,parse/* callsIn */.Tz)(later).some((c) => fairnessCall(c) || (0,vocabulary/* libraryScan */.x2)(c.fn, scans)))
            return true;
        if (later.kind === 'assign')
            for (const t of later.targets)
                if (t.k === 'name')
                    held.add(t.id);
    }
    return false;
}
/** A call that computes a fairness metric: by its name (`disparate_impact_scorer`, `classification_bias_metrics`). */
const fairnessCall = (c) => {
    const ws = (0,vocabulary/* words */.aL)((0,parse/* calleeName */.wt)(c));
    return (0,vocabulary/* fairnessWords */.hO)(ws) || ws.some((w) => /^(di|dir|dpd|spd|eod|aod|eopp|theil)$/.test(w));
};
/**
 * Whether an evaluation call measures fairness: it is a fairness metric itself, or what the statement assigns
 * (`y_pred = model.predict(X)`) is read by a fairness metric call further down.
 */
function measuresFairness(statements, s, c) {
    if (scoresFairness(statements, s, c))
        return true;
    // `ai.compute(model.predict(X_train), ...)`: the predictions are handed to what measures fairness
    return (0,parse/* callsIn */.Tz)(s).some((outer) => {
        if (outer === c)
            return false;
        let holds = false;
        for (const a of outer.args)
            (0,parse/* walk */.GG)(a.value, (x) => {
                if (x === c)
                    holds = true;
            });
        return holds && scoresFairness(statements, s, outer);
    });
}
function scoresFairness(statements, s, c) {
    if (fairnessCall(c))
        return true;
    // `print_model_results('XGBoost', y, p, df.loc[X.index, 'sex'])`: handed a protected column, it scores per group
    if (c.args.some((a) => a.name === null && a.value.k === 'sub' && protectedSelection(a.value)))
        return true;
    // a function of the notebook's own that measures fairness in its body
    const callee = c.fn.k === 'name' ? c.fn.id : null;
    if (callee !== null && ownFairFunctions(statements).has(callee))
        return true;
    // `ai.compute(preds, data_type='test')` on a system set up with a fairness configuration
    if (configuredForFairness(statements, c))
        return true;
    // `test(..., fair_criterion=fair_criterion)`, `evaluate(y, p, sensitive_features=groups)`: it scores fairness too
    // (the keyword, not the value: a model named `fair` scored for accuracy is an accuracy score)
    if (c.args.some((a) => a.name !== null && (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(a.name))))
        return true;
    // `metrics_plot(y, p, cross_cols=['gender', 'ethnicity'])`: scored per protected group
    if (c.args.some((a) => a.name !== null && (0,parse/* strings */.P$)(a.value).some((v) => (0,vocabulary/* protectedOf */.Qr)(v.value) !== null)))
        return true;
    const assigned = new Set(s.kind === 'assign' ? s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : t.k === 'seq' ? names(t) : [])) : []);
    if (assigned.size === 0)
        return false;
    for (const later of statements.slice(s.index + 1)) {
        if (assigned.size === 0)
            break;
        for (const call of (0,parse/* callsIn */.Tz)(later)) {
            if (!fairnessCall(call))
                continue;
            let reads = false;
            (0,parse/* walk */.GG)(call, (x) => {
                if (!reads && x.k === 'name' && assigned.has(x.id))
                    reads = true;
            });
            if (reads)
                return true;
        }
        // a name assigned again holds something else from here on
        if (later.kind === 'assign')
            for (const t of later.targets)
                if (t.k === 'name')
                    assigned.delete(t.id);
    }
    return false;
}
/** `df.loc[X_train.index, 'sex']`, `X_test['race']`: a protected column selected. */
function protectedSelection(e) {
    return e.k === 'sub' && e.items.some((i) => (0,parse/* strings */.P$)(i).some((v) => (0,vocabulary/* protectedOf */.Qr)(v.value) !== null));
}
const ownFair = new WeakMap();
/** The notebook's own functions whose body makes a fairness call, or calls one of them. */
function ownFairFunctions(statements) {
    let hit = ownFair.get(statements);
    if (hit)
        return hit;
    hit = new Set();
    const bodyCalls = (0,analysis/* ownFunctions */.gH)(statements).map((d) => ({
        name: d.name,
        calls: statements.filter((st) => (0,analysis/* inBody */.Cp)(d, st.line)).flatMap((st) => (0,parse/* callsIn */.Tz)(st))
    }));
    // a few rounds: a helper that calls a helper that measures fairness measures it too
    for (let round = 0; round < 3; round++)
        for (const d of bodyCalls)
            if (!hit.has(d.name) && d.calls.some((x) => fairnessCall(x) || (x.fn.k === 'name' && hit.has(x.fn.id))))
                hit.add(d.name);
    ownFair.set(statements, hit);
    return hit;
}
/** A mapping that configures fairness: `{"fairness": {"priv_group": ...}}`, `{'protected_attributes': [...]}`. */
const FAIRNESS_CONFIG_KEY = /^(fairness|bias|protected_(attributes?|features?)|sensitive_(attributes?|features?)|priv(ileged)?_groups?)$/i;
function fairnessMapping(e, statements, depth = 0) {
    if (depth > 2)
        return false;
    let found = false;
    (0,parse/* walk */.GG)(e, (x) => {
        if (found)
            return;
        if (x.k === 'dict')
            found = x.entries.some((en) => en.key?.k === 'str' && FAIRNESS_CONFIG_KEY.test(en.key.value));
        else if (x.k === 'name' && depth < 2)
            found = statements.some((st) => st.kind === 'assign' &&
                st.value !== null &&
                st.targets.some((t) => t.k === 'name' && t.id === x.id) &&
                fairnessMapping(st.value, statements, depth + 1));
    });
    return found;
}
/** A method call on an object that was built or set up with a fairness configuration. */
function configuredForFairness(statements, c) {
    if (c.fn.k !== 'attr' || c.fn.obj.k !== 'name')
        return false;
    const obj = c.fn.obj.id;
    return statements.some((st) => (0,parse/* callsIn */.Tz)(st).some((call) => {
        const onIt = (call.fn.k === 'attr' && call.fn.obj.k === 'name' && call.fn.obj.id === obj) ||
            (st.kind === 'assign' && st.value === call && st.targets.some((t) => t.k === 'name' && t.id === obj));
        return onIt && call !== c && call.args.some((a) => fairnessMapping(a.value, statements));
    }));
}
const names = (e) => {
    const out = [];
    (0,parse/* walk */.GG)(e, (x) => {
        if (x.k === 'name')
            out.push(x.id);
    });
    return out;
};
/** `for xb, yb in test_loader:` → `train_loader` in an evaluation cell (no_grad, eval mode, accuracy counted). */
function checkEvalLoopOnTrain(view) {
    if (!view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    // an evaluation loop: switched to eval mode or no_grad just before, or counting what it got right
    const evaluating = (a, s) => a.statements
        .slice(Math.max(0, s.index - 3), s.index + 6)
        .some((x) => x.cell === s.cell && /no_grad|inference_mode|\.eval\(\)|correct|accuracy|predict/.test(x.text));
    const loops = (a) => a.statements.filter((s) => s.kind === 'for' && s.value);
    const baseLoops = loops(base);
    // a training-accuracy loop added beside the held-out one is no change of what is reported
    const heldOut = (a, ls) => ls.filter((l) => ['test', 'val'].includes((0,analysis_flow/* roleOf */.kp)(a.flow, l.value ?? undefined) ?? '') && evaluating(a, l)).length;
    if (heldOut(head, loops(head)) >= heldOut(base, baseLoops))
        return [];
    for (const s of loops(head)) {
        // the same loop text trains elsewhere in the file: the line the change wrote is what counts
        if (!(fresh.has(s) || view.isAddedLine(s.line)))
            continue;
        if ((0,analysis_flow/* roleOf */.kp)(head.flow, s.value ?? undefined) !== 'train' || !evaluating(head, s))
            continue;
        const targets = s.targets.map((t) => t.text).join(',');
        const was = baseLoops.find((b) => b.targets.map((t) => t.text).join(',') === targets &&
            ['test', 'val'].includes((0,analysis_flow/* roleOf */.kp)(base.flow, b.value ?? undefined) ?? '') &&
            evaluating(base, b));
        if (was && s.value)
            return [
                makeFinding(EVAL_ON_TRAIN, view, s.value.line, `${(0,python/* clip */.$Q)(s.text, 100)} (base: ${(0,python/* clip */.$Q)(was.value?.text ?? '', 60)})`)
            ];
    }
    return [];
}
/** model.eval() taken away from a cell that evaluates. */
function checkEvalModeRemoved(view) {
    if (!view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const evalCalls = (a) => a.statements.filter((s) => s.kind === 'expr' &&
        s.value?.k === 'call' &&
        (0,parse/* calleeName */.wt)(s.value) === 'eval' &&
        s.value.args.length === 0 &&
        (0,parse/* receiver */.e6)(s.value) !== null);
    const now = evalCalls(head).length;
    const was = evalCalls(base);
    if (now >= was.length)
        return [];
    const kept = new Set(evalCalls(head).map((s) => s.cell));
    for (const s of was) {
        // the cell still switches to eval mode: nothing is lost here
        const at = view.headLineFor(s.line);
        const headStmt = head.statements.find((x) => x.line >= (at ?? 0));
        if (headStmt && kept.has(headStmt.cell) && view.kind === 'notebook')
            continue;
        const evaluates = base.statements.some((x) => x.cell === s.cell &&
            x.index > s.index &&
            /no_grad|inference_mode|test|valid|val_|eval_|predict|accuracy|correct/.test(x.text));
        if (!evaluates)
            continue;
        return [
            makeFinding(EVAL_MODE_REMOVED, view, at, `${(0,python/* clip */.$Q)(s.text, 60)} removed before the evaluation that follows it`)
        ];
    }
    return [];
}
const HOLDOUT_KWARG = /^(test_size|val_size|valid_size|validation_size|eval_size|test_split|val_split|validation_split|holdout_size|test_ratio|val_ratio|validation_fraction)$/;
const HOLDOUT_KEY = /^(test_size|test_split|test_ratio|max_eval_samples|eval_samples|num_eval_samples|n_eval_samples|max_test_samples|eval_max_samples)$/;
function numberOf(e) {
    return e?.k === 'num' ? e.value : null;
}
/** Sizes of held-out data in code: split fractions and rows taken from the test/validation split. */
function codeHoldouts(statements, flow) {
    const out = [];
    for (const s of statements) {
        const target = s.kind === 'assign' && s.targets[0]?.k === 'name' ? s.targets[0].id : '';
        for (const c of (0,parse/* callsIn */.Tz)(s)) {
            const name = (0,parse/* calleeName */.wt)(c);
            for (const a of c.args) {
                const n = numberOf(a.value);
                if (a.name && HOLDOUT_KWARG.test(a.name) && n !== null)
                    out.push({ key: `${name}.${a.name}`, value: n, line: a.value.line, text: `${a.name}=${a.value.text}` });
            }
            const r = (0,parse/* receiver */.e6)(c);
            if (!r || !/^(sample|head|take|select|shuffle)$/.test(name))
                continue;
            const role = (0,analysis_flow/* roleOf */.kp)(flow, r) ?? (target ? (flow.roles.get(target) ?? null) : null);
            if (role !== 'test' && role !== 'val')
                continue;
            const size = c.args.find((a) => a.name === null || a.name === 'n' || a.name === 'frac' || a.name === 'num_samples');
            const n = numberOf(size?.value);
            if (size && n !== null)
                out.push({
                    key: `${r.text}.${name}`,
                    value: n,
                    line: size.value.line,
                    text: `${r.text}.${name}(${size.value.text})`
                });
        }
    }
    return out;
}
function checkSplitShrunk(view) {
    if (!view.before || !view.after)
        return [];
    let before;
    let after;
    if (view.kind === 'config') {
        const read = (entries) => entries.flatMap((e) => {
            const n = (0,python/* toNumber */.Ro)(e.value);
            const name = (0,checks_params/* lastSegment */.mp)(e.key);
            return n !== null && (VAL_SIZE_KEY.test(name) || HOLDOUT_KEY.test(name))
                ? [{ key: e.key, value: n, line: e.line, text: `${e.key}: ${String(e.value)}` }]
                : [];
        });
        before = read(view.before.entries);
        after = read(view.after.entries);
    }
    else {
        before = codeHoldouts((0,analysis/* analyze */.ns)(view.before).statements, (0,analysis/* analyze */.ns)(view.before).flow);
        after = codeHoldouts((0,analysis/* analyze */.ns)(view.after).statements, (0,analysis/* analyze */.ns)(view.after).flow);
    }
    const out = [];
    for (const a of after) {
        const same = before.filter((b) => b.key === a.key);
        const afterSame = after.filter((x) => x.key === a.key);
        if (same.length !== 1 || afterSame.length !== 1)
            continue;
        const b = same[0];
        // a fraction and a row count are not comparable
        if (a.value <= 0 || b.value <= 0 || a.value < 1 !== b.value < 1)
            continue;
        if (b.value / a.value < 4 - 1e-9)
            continue;
        out.push(makeFinding(EVAL_SPLIT_SHRUNK, view, a.line, `${b.text} → ${a.text} (${(0,checks_params/* ratioText */.B9)(b.value, a.value)})`));
    }
    return out.slice(0, 1);
}
const RICH_METRIC_CODE = /\b(f1_score|classification_report|balanced_accuracy_score|roc_auc_score|precision_recall_fscore_support|precision_score|recall_score|confusion_matrix|matthews_corrcoef|cohen_kappa_score|average_precision_score|fbeta_score|multilabel_confusion_matrix)\b|(['"])(f1(_macro|_weighted|_micro)?|macro_f1|balanced_accuracy|roc_auc(_ovr|_ovo)?|precision(_macro)?|recall(_macro)?|mcc|matthews_correlation|average_precision)\2/;
const ACCURACY_CODE = /\b(accuracy_score)\b|(['"])(accuracy|acc)\2/;
const RICH_METRIC_VALUE = /macro|weighted|per[_-]?class|\bf1\b|f1[_-]|balanced|roc[_-]?auc|\bauc\b|precision|recall|classification_report|\bmcc\b|matthews|kappa|confusion/i;
const ACCURACY_VALUE = /^(eval_)?(acc|accuracy)$/i;
const METRIC_KEY = /^(metric|metrics|eval_metric|eval_metrics|metric_for_best_model|scoring|score|metric_names|evaluation_metrics|monitor)$/;
function codeMetrics(statements) {
    let rich = null;
    let accuracy = null;
    for (const s of statements) {
        // an import names a metric, it does not compute it
        if (/^\s*(from|import)\s/.test(s.text))
            continue;
        if (!rich && RICH_METRIC_CODE.test(s.text))
            rich = s;
        if (!accuracy && ACCURACY_CODE.test(s.text))
            accuracy = s;
    }
    return { rich, accuracy };
}
function configMetrics(entries) {
    let rich = null;
    let accuracy = null;
    for (const e of entries) {
        if (!METRIC_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)) || typeof e.value !== 'string')
            continue;
        if (!rich && RICH_METRIC_VALUE.test(e.value))
            rich = e;
        if (!accuracy && ACCURACY_VALUE.test(e.value.trim()))
            accuracy = e;
    }
    return { rich, accuracy };
}
/** Keyword arguments that name the metric a search, trainer or early stop selects by. */
const SELECTION_KWARG = /^(scoring|metric_for_best_model|eval_metric|monitor|metric|refit)$/;
/** GridSearchCV(scoring='f1_macro') → scoring='accuracy' in the same call, whatever the rest of the file computes. */
function checkSelectionByAccuracy(view) {
    if (!view.before || !view.after || (view.kind !== 'notebook' && view.kind !== 'python'))
        return [];
    const selections = (a) => a.statements.flatMap((stmt) => (0,parse/* callsIn */.Tz)(stmt).flatMap((c) => c.args
        .filter((x) => x.name && SELECTION_KWARG.test(x.name) && x.value.k === 'str')
        .map((x) => ({ stmt, key: `${calleeKey(c) ?? (0,parse/* calleeName */.wt)(c)}.${x.name}`, value: x.value }))));
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const was = new Map();
    for (const b of selections(base))
        if (b.value.k === 'str')
            was.set(b.key, [...(was.get(b.key) ?? []), b.value.value]);
    for (const a of selections(head)) {
        if (!fresh.has(a.stmt) || a.value.k !== 'str' || !ACCURACY_VALUE.test(a.value.value.trim()))
            continue;
        const rich = (was.get(a.key) ?? []).find((v) => RICH_METRIC_VALUE.test(v));
        if (rich)
            return [
                makeFinding(ACCURACY_ONLY, view, a.value.line, `${a.key.split('.').pop()}: '${rich}' → '${a.value.value}'`)
            ];
    }
    return [];
}
function checkAccuracyOnly(view) {
    if (!view.before || !view.after)
        return [];
    if (view.kind === 'config') {
        const b = configMetrics(view.before.entries);
        const a = configMetrics(view.after.entries);
        if (!b.rich || a.rich || !a.accuracy)
            return [];
        return [
            makeFinding(ACCURACY_ONLY, view, a.accuracy.line, `${b.rich.key}: ${String(b.rich.value)} → ${a.accuracy.key}: ${String(a.accuracy.value)}`)
        ];
    }
    if (view.kind !== 'notebook' && view.kind !== 'python')
        return [];
    const b = codeMetrics(view.before.statements);
    const a = codeMetrics(view.after.statements);
    if (!b.rich || a.rich || !a.accuracy)
        return checkSelectionByAccuracy(view);
    const match = RICH_METRIC_CODE.exec(b.rich.text);
    const name = match ? (match[1] ?? match[3]) : 'per-class metric';
    return [makeFinding(ACCURACY_ONLY, view, a.accuracy.line, `${name} removed; evaluation now: ${a.accuracy.flat}`)];
}
const VAL_SIZE_KEY = /^(val_set_size|validation_split|val_split|validation_split_percentage|val_size|valid_size|validation_size|eval_split_size|dev_size|val_ratio|validation_ratio|val_fraction)$/;
const EVAL_STRATEGY_KEY = /^(eval_strategy|evaluation_strategy)$/;
const EVAL_DATA_KEY = /^(eval_dataset|eval_datasets|validation_file|validation_files|val_data|valid_data|val_dataset|validation_dataset|eval_data|eval_data_path|val_data_path|test_datasets|eval_file)$/;
const SPLIT_LIST_KEY = /^(dataset_splits|splits)$/;
const isNo = (v) => v === false || (typeof v === 'string' && /^(no|none|false|off)$/i.test(v.trim()));
const present = (v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
function checkEvalSplitConfig(view) {
    const before = view.before?.entries ?? [];
    const after = view.after?.entries ?? [];
    const out = [];
    const afterByKey = new Map(after.map((e) => [e.key, e]));
    const lineFor = (b) => afterByKey.get(b.key)?.line ?? view.headLineFor(b.line);
    const now = (b) => afterByKey.has(b.key) ? JSON.stringify(afterByKey.get(b.key)?.value ?? null) : 'removed';
    for (const b of before) {
        const name = (0,checks_params/* lastSegment */.mp)(b.key);
        const a = afterByKey.get(b.key);
        if (VAL_SIZE_KEY.test(name) && ((0,python/* toNumber */.Ro)(b.value) ?? 0) > 0 && !(((0,python/* toNumber */.Ro)(a?.value) ?? 0) > 0)) {
            const moved = after.some((e) => VAL_SIZE_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)) && ((0,python/* toNumber */.Ro)(e.value) ?? 0) > 0);
            if (!moved)
                out.push(makeFinding(EVAL_SPLIT_REMOVED, view, lineFor(b), `${b.key}: ${JSON.stringify(b.value)} → ${now(b)}`));
        }
        else if (EVAL_STRATEGY_KEY.test(name) && present(b.value) && !isNo(b.value) && a && isNo(a.value)) {
            out.push(makeFinding(EVAL_SPLIT_REMOVED, view, a.line, `${b.key}: ${JSON.stringify(b.value)} → ${JSON.stringify(a.value)}`));
        }
        else if (name === 'limit_val_batches' && ((0,python/* toNumber */.Ro)(b.value) ?? 1) > 0 && a && (0,python/* toNumber */.Ro)(a.value) === 0) {
            out.push(makeFinding(EVAL_SPLIT_REMOVED, view, a.line, `${b.key}: ${JSON.stringify(b.value)} → 0 (no validation)`));
        }
        else if (name === 'do_eval' && (0,python/* isTruthy */.zz)(b.value) && a && !(0,python/* isTruthy */.zz)(a.value)) {
            out.push(makeFinding(EVAL_SPLIT_REMOVED, view, a.line, `${b.key}: true → ${JSON.stringify(a.value)}`));
        }
        else if (EVAL_DATA_KEY.test(name) && present(b.value) && !(a && present(a.value))) {
            const parent = b.key.split('.')[0];
            const stillThere = after.some((e) => e.key.split('.')[0] === parent && EVAL_DATA_KEY.test(parent) && present(e.value));
            if (!stillThere)
                out.push(makeFinding(EVAL_SPLIT_REMOVED, view, lineFor(b), `${b.key} removed`));
        }
    }
    // split.probabilities: [0.7, 0.1, 0.2] → [0.8, 0.2, 0.0]: a split that had rows gets none
    const fractions = (entries) => {
        const m = new Map();
        for (const e of entries) {
            if (!/^(probabilities|split_probabilities|splits|fractions|split_ratio|ratios)$/.test((0,checks_params/* lastSegment */.mp)(e.key)))
                continue;
            if (!/\[\d+\]$/.test(e.key) || (0,python/* toNumber */.Ro)(e.value) === null)
                continue;
            const list = e.key.replace(/\[\d+\]$/, '');
            m.set(list, [...(m.get(list) ?? []), e]);
        }
        return m;
    };
    const afterFractions = fractions(after);
    for (const [list, b] of fractions(before)) {
        const a = afterFractions.get(list);
        if (!a || a.length !== b.length || b.length < 2)
            continue;
        const i = b.findIndex((e, k) => ((0,python/* toNumber */.Ro)(e.value) ?? 0) > 0 && (0,python/* toNumber */.Ro)(a[k].value) === 0);
        if (i > 0)
            out.push(makeFinding(EVAL_SPLIT_REMOVED, view, a[i].line, `${list}[${i}]: ${String(b[i].value)} → 0 (that split gets no rows)`));
    }
    // dataset_splits: [train_prefs, test_prefs] → [train_prefs]
    const evalSplits = (entries) => entries.filter((e) => SPLIT_LIST_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)) &&
        typeof e.value === 'string' &&
        /test|val|valid|eval|dev/i.test(e.value));
    const gone = evalSplits(before).filter((b) => !evalSplits(after).some((a) => a.value === b.value));
    if (gone.length > 0 && evalSplits(after).length === 0) {
        out.push(makeFinding(EVAL_SPLIT_REMOVED, view, view.headLineFor(gone[0].line), `${gone[0].key.replace(/\[\d+\]$/, '')}: ${String(gone[0].value)} removed`));
    }
    // several keys often go together: one finding per file is enough
    return out.slice(0, 1);
}
const TRAINER = /^(Trainer|Seq2SeqTrainer|SFTTrainer|DPOTrainer|ORPOTrainer|KTOTrainer|RewardTrainer|PPOTrainer|GRPOTrainer|CPOTrainer)$/;
/** Keyword arguments that give a training call held-out data to validate on. */
const VALIDATES = /^(validation_split|validation_data|eval_set|valid_sets|evals|eval_dataset|val_dataloaders|validation_freq)$/;
/** model.fit(..., validation_split=0.2) → model.fit(...): the training call no longer validates. */
function checkValidationDropped(view) {
    if (!view.before || !view.after)
        return [];
    const validating = (a) => {
        const m = new Map();
        for (const s of a.statements)
            for (const c of (0,parse/* callsIn */.Tz)(s)) {
                const v = c.args.find((x) => x.name && VALIDATES.test(x.name));
                const off = !v || (v.value.k === 'const' && v.value.value === 'None') || (v.value.k === 'num' && v.value.value === 0);
                if (!off && /^(fit|train|fit_generator)$/.test((0,parse/* calleeName */.wt)(c)))
                    m.set((0,parse/* calleeName */.wt)(c), (m.get((0,parse/* calleeName */.wt)(c)) ?? 0) + 1);
            }
        return m;
    };
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const before = validating(base);
    const after = validating(head);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    for (const [name, n] of before) {
        if ((after.get(name) ?? 0) >= n)
            continue;
        for (const s of head.statements) {
            if (!fresh.has(s))
                continue;
            const call = (0,parse/* callsIn */.Tz)(s).find((c) => (0,parse/* calleeName */.wt)(c) === name &&
                !c.args.some((x) => x.name && VALIDATES.test(x.name) && !(x.value.k === 'num' && x.value.value === 0)));
            if (call)
                return [
                    makeFinding(EVAL_SPLIT_REMOVED, view, call.line, `${(0,python/* clip */.$Q)(call.text, 120)} (the base validated during training)`)
                ];
        }
    }
    return [];
}
function checkEvalSplitCode(view) {
    if (!view.before || !view.after)
        return [];
    const withEval = (ss) => ss.reduce((n, s) => n +
        (0,python/* findCalls */.pr)(s).filter((c) => TRAINER.test((0,python/* calleeName */.wt)(c)) && ((0,python/* kwarg */.Zk)(c, 'eval_dataset')?.value ?? 'None') !== 'None').length, 0);
    const out = [];
    const fresh = (0,checks_view/* introducedStatements */.em)(view);
    if (withEval(view.after.statements) < withEval(view.before.statements)) {
        for (const stmt of fresh) {
            const call = (0,python/* findCalls */.pr)(stmt).find((c) => TRAINER.test((0,python/* calleeName */.wt)(c)) && ((0,python/* kwarg */.Zk)(c, 'eval_dataset')?.value ?? 'None') === 'None');
            if (call) {
                out.push(makeFinding(EVAL_SPLIT_REMOVED, view, (0,python/* lineAt */.mh)(stmt, call.start), `${(0,python/* snippetAt */.Tw)(stmt, call.start)} (eval_dataset dropped)`));
                break;
            }
        }
    }
    const strategyNo = (s) => (0,python/* findCalls */.pr)(s).find((c) => ['eval_strategy', 'evaluation_strategy'].some((k) => isNo((0,python/* stringLiteral */.Hg)((0,python/* kwarg */.Zk)(c, k)?.value ?? '') ?? '')));
    const hadNo = view.before.statements.filter((s) => strategyNo(s)).length;
    const nowNo = fresh.filter((s) => strategyNo(s));
    if (nowNo.length > 0 && view.after.statements.filter((s) => strategyNo(s)).length > hadNo) {
        const call = strategyNo(nowNo[0]);
        const arg = (0,python/* kwarg */.Zk)(call, 'eval_strategy') ?? (0,python/* kwarg */.Zk)(call, 'evaluation_strategy');
        out.push(makeFinding(EVAL_SPLIT_REMOVED, view, (0,python/* lineAt */.mh)(nowNo[0], arg?.offset ?? call.start), (0,python/* snippetAt */.Tw)(nowNo[0], arg?.offset ?? call.start)));
    }
    return out.slice(0, 1);
}
/** Config keys of the data a run learns from, or draws its few-shot examples from. */
const TRAIN_USE_KEY = /^(train|train_(csv|json|jsonl|manifest|annotation|annotations|list|dataframe|df|path|data_path|data_file)|dataset|datasets|training_split|train_split|train_splits|train_dataset|train_datasets|train_file|train_files|train_data|fewshot_split)$/;
/** Config keys of the data a run is scored on (h2o's `validation_dataframe`, LAVIS's `valid_splits`). */
const SCORED_KEY = /^(val|test|(valid|val|validation|dev|test|eval)_(csv|json|jsonl|manifest|annotation|annotations|list|dataframe|df|path|data_path|data_file)|validation_split|test_split|eval_split|val_split|valid_split|valid_splits|val_splits|eval_splits|eval_dataset|eval_datasets|val_dataset|validation_dataset|test_dataset|eval_file|validation_file|test_file|eval_data|val_data)$/;
/** The dataset or split names a config value holds: `identity,alpaca_en_demo`, a list, one name. */
const dataNames = (value) => (Array.isArray(value) ? value : [value])
    .filter((v) => typeof v === 'string')
    .flatMap((v) => v.split(','))
    // detectron2 writes a tuple as a string: `("coco_2017_train",)`
    .map((v) => v.trim().replace(/^[([\s"']+|[)\]\s"']+$/g, ''))
    .filter((v) => v !== '' && !/^(none|null)$/i.test(v));
/**
 * `validation_split: train`, `eval_dataset: alpaca_en_demo` where `dataset:` trains on it, `fewshot_split: test` where
 * the test split is scored: in the head the data scored is data the run also learns or prompts from, at the base not.
 */
function checkEvalOnTrainConfig(view) {
    const overlaps = (entries) => {
        const out = [];
        const group = (e) => (0,checks_params/* parentKey */.C4)(e.key.replace(/\[\d+\]$/, ''));
        const used = entries.filter((e) => TRAIN_USE_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)));
        for (const sc of entries.filter((e) => SCORED_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)))) {
            const names = dataNames(sc.value);
            for (const u of used) {
                if (group(u) !== group(sc))
                    continue;
                const name = dataNames(u.value).find((n) => names.includes(n));
                if (name)
                    out.push({ scored: sc, used: u, name });
            }
            // the split scored is the one named train
            if (/_splits?$/.test((0,checks_params/* lastSegment */.mp)(sc.key)) && names.includes('train') && !used.some((u) => group(u) === group(sc)))
                out.push({ scored: sc, used: sc, name: 'train' });
        }
        return out;
    };
    const was = new Set(overlaps(view.before?.entries ?? []).map((o) => `${o.scored.key}|${o.used.key}|${o.name}`));
    for (const o of overlaps(view.after?.entries ?? [])) {
        if (was.has(`${o.scored.key}|${o.used.key}|${o.name}`))
            continue;
        // the line the change wrote: the scored key, or the training/few-shot key that now names the scored data
        const line = [o.scored.line, o.used.line].find((l) => view.isAddedLine(l));
        if (line === undefined)
            continue;
        const detail = o.used === o.scored ? `${o.scored.key}: ${o.name}` : `${o.scored.key} and ${o.used.key} both name ${o.name}`;
        return [
            makeFinding(EVAL_ON_TRAIN, view, line, `${detail} (the data scored is data the run learns or prompts from)`)
        ];
    }
    return [];
}
/** Top-level sections of a config that hold the data a run is scored on, and the data it trains on. */
const EVAL_SECTION = /^(eval|evaluation|val|valid|validation|test)(_?(loader|dataloader|data|dataset|datasets|set|ds))?$/i;
const TRAIN_SECTION = /^(train|training)(_?(loader|dataloader|data|dataset|datasets|set|ds))?$/i;
/** Keys that name where a loader's rows come from (besides the split). */
const SOURCE_KEY = /^(hf_name|path|name|dataset_name|data_dir|data_files|remote|local|local_path|uri|source)$/;
/** Keys of a loader section that name its whole dataset. */
const DATASET_KEY = /^(dataset|dataset_name|dataset_path|data_path|data_files|hf_name)$/;
/** A path inside a loader section that names its dataset: `c4.split`, not `dataset.split` or `split`. */
const GENERIC_BLOCK = /^(dataset|datasets|data|loader|dataloader|args|kwargs|params|config|cfg|hparams)$/;
const datasetBlock = (path) => path
    .split('.')
    .slice(0, -1)
    .some((seg) => !GENERIC_BLOCK.test(seg.replace(/\[\d+\]$/, '')));
/**
 * llm-foundry `eval_loader.dataset.split: train` beside `train_loader.dataset.split: train` of the same dataset: the
 * loader the run scores reads the rows it trains on.
 */
function checkEvalLoaderOnTrain(view) {
    const sections = (entries, re) => {
        const out = new Map();
        for (const e of entries) {
            const top = e.key.split('.')[0].replace(/\[\d+\]$/, '');
            if (!re.test(top) || !e.key.includes('.'))
                continue;
            const list = out.get(top) ?? [];
            list.push(e);
            out.set(top, list);
        }
        return out;
    };
    const rest = (e) => e.key.slice(e.key.indexOf('.') + 1);
    const overlaps = (entries) => {
        const out = [];
        const trains = [...sections(entries, TRAIN_SECTION).values()];
        for (const evalEntries of sections(entries, EVAL_SECTION).values())
            for (const sc of evalEntries) {
                if (typeof sc.value !== 'string')
                    continue;
                // the training loader's entry at the same place, with the same value
                const same = (trainEntries) => trainEntries.find((t) => rest(t) === rest(sc) && t.value === sc.value);
                // torchtitan's `[validation] dataset = "c4"` beside `[training] dataset = "c4"`: the same data, no split apart
                if (DATASET_KEY.test((0,checks_params/* lastSegment */.mp)(sc.key))) {
                    const split = (list, at) => list.find((e) => (0,checks_params/* parentKey */.C4)(e.key) === (0,checks_params/* parentKey */.C4)(at.key) && /^(split|splits)$/.test((0,checks_params/* lastSegment */.mp)(e.key)))
                        ?.value;
                    for (const trainEntries of trains) {
                        const tr = same(trainEntries);
                        if (tr && JSON.stringify(split(evalEntries, sc)) === JSON.stringify(split(trainEntries, tr)))
                            out.push({ scored: sc, train: tr });
                    }
                    continue;
                }
                if ((0,checks_params/* lastSegment */.mp)(sc.key) !== 'split')
                    continue;
                for (const trainEntries of trains) {
                    const tr = same(trainEntries);
                    if (!tr)
                        continue;
                    // the same rows: every source key both loaders write beside the split names the same data
                    const sourcesOf = (list, split) => new Map(list
                        .filter((e) => (0,checks_params/* parentKey */.C4)(e.key) === (0,checks_params/* parentKey */.C4)(split.key) && SOURCE_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)))
                        .map((e) => [rest(e), JSON.stringify(e.value)]));
                    const a = sourcesOf(evalEntries, sc);
                    const b = sourcesOf(trainEntries, tr);
                    // no source keys: the block the split sits in names the dataset (`val_dataset.c4.split`)
                    const named = a.size === 0 && b.size === 0 && datasetBlock(rest(sc));
                    if (!named && (a.size === 0 || a.size !== b.size || [...a].some(([k, v]) => b.get(k) !== v)))
                        continue;
                    out.push({ scored: sc, train: tr });
                }
            }
        return out;
    };
    const was = new Set(overlaps(view.before?.entries ?? []).map((o) => o.scored.key));
    for (const o of overlaps(view.after?.entries ?? [])) {
        if (was.has(o.scored.key) || !view.isAddedLine(o.scored.line))
            continue;
        return [
            makeFinding(EVAL_ON_TRAIN, view, o.scored.line, DATASET_KEY.test((0,checks_params/* lastSegment */.mp)(o.scored.key))
                ? `${o.scored.key}: ${String(o.scored.value)} is the dataset ${o.train.key} trains on`
                : `${o.scored.key}: ${String(o.scored.value)} is the split ${o.train.key} trains on, of the same dataset`)
        ];
    }
    return [];
}
const evaluation = (view) => {
    const out = [];
    const checks = view.kind === 'config'
        ? [
            checkAccuracyOnly,
            checkEvalSplitConfig,
            checkEvalOnTrainConfig,
            checkEvalLoaderOnTrain,
            checkSplitShrunk,
            checkMetricDirection
        ]
        : view.kind === 'notebook' || view.kind === 'python'
            ? [
                checkAccuracyOnly,
                checkEvalSplitCode,
                checkValidationDropped,
                checkEvalOnTrain,
                checkHeldOutFromTrain,
                checkHeldOutTokenToTrain,
                checkEvalLoopOnTrain,
                checkEvalModeRemoved,
                checkSplitShrunk,
                checkMetricDirection,
                checkAverageWeakened
            ]
            : [];
    const at = new Set();
    for (const check of checks) {
        try {
            // two readings of one evaluation (its call's arguments, one of its tokens) are one item
            if (view.before && view.after)
                for (const f of check(view)) {
                    const key = `${f.check}\u0000${f.line}`;
                    if (f.line !== null && at.has(key))
                        continue;
                    at.add(key);
                    out.push(f);
                }
        }
        catch {
            // one check failing on odd input leaves the others standing
        }
    }
    return out;
};

// EXTERNAL MODULE: ./src/diff/evidence.ts
var evidence = __webpack_require__(2298);
// EXTERNAL MODULE: ./src/diff/metrics.ts
var metrics = __webpack_require__(5638);
;// CONCATENATED MODULE: ./src/checks/evidence.ts
// Checks on what the outputs and metrics files say: outputs left over from old code, a fairness gap between groups
// that widened, and a better headline score measured on a changed evaluation split.





const DEFAULT_EVIDENCE_LIMITS = { groupGapLimit: 0.05, metricGainLimit: 0.02 };
/** A gap must grow by at least this much to count: re-running a notebook moves the last digits. */
const MIN_GAP_GROWTH = 0.01;
/** Parity ratios (disparate impact) below this fail the four-fifths rule. */
const FOUR_FIFTHS = 0.8;
const STALE_OUTPUTS = {
    id: 'EVAL-STALE-OUTPUTS',
    family: 'evaluation',
    title: 'Outputs do not come from the changed code',
    status: 'warn',
    bias: false,
    flags: 'a code cell changed but the metrics its outputs show, and its execution count, are the base’s: the numbers shown are from the old code',
    fix: 'Re-run the notebook (Restart & Run All) so the outputs shown are those of the code under review, or clear them.'
};
const GROUP_GAP_WIDENED = {
    id: 'RAI-GROUP-GAP-WIDENED',
    family: 'responsible-ai',
    title: 'Metric gap between groups widened',
    status: 'fail',
    bias: true,
    flags: 'a per-group metric gap (or a parity difference/ratio) in the outputs or a metrics file grew past `group-gap-limit`',
    fix: 'Find what widened the gap (features, data, threshold) and restore parity, or mitigate (reweighing, ThresholdOptimizer) before merging.'
};
const SCORE_UP_NEW_SPLIT = {
    id: 'EVAL-SCORE-UP-NEW-SPLIT',
    family: 'evaluation',
    title: 'Better score on a different test set',
    status: 'warn',
    bias: false,
    flags: 'a headline metric improved by more than `metric-gain-limit` while the evaluation split or data changed in the same change',
    fix: 'Compare both models on the same held-out split; report the old model on the new split (or the new one on the old split).'
};
const EVIDENCE_CHECKS = [GROUP_GAP_WIDENED, STALE_OUTPUTS, SCORE_UP_NEW_SPLIT];
const HEADLINE = /^(eval_|test_|val_|valid_|validation_|final_|best_)?(accuracy|balanced_accuracy|f1|macro_f1|weighted_f1|roc_auc|auc|pr_auc|average_precision|r2|precision|recall|exact_match|bleu|rouge1|rouge2|rougel|loss|log_loss|mse|rmse|mae|perplexity)$/;
/** Values printed as percentages (85.2) compared on the same scale as fractions (0.852). */
function unit(values) {
    const max = Math.max(...values.map(Math.abs));
    return max > 1 && max <= 100 ? 0.01 : 1;
}
const outputKey = (o) => JSON.stringify([o.outputType, o.summary, o.text, (o.images ?? []).map((i) => i.digest)]);
const codeOnly = (source) => source
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l !== '')
    .join('\n');
const evidence_TOKEN = /[A-Za-z_]\w*|(['"])(?:\\.|(?!\1).)*\1|\d[\w.]*|\S/g;
const PY_KEYWORD = /^(False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|print)$/;
/** Names a cell reads or binds; an attribute or a module's part after a dot (`holisticai.bias.metrics`) is not one. */
const identifiers = (source) => {
    const tokens = [...codeOnly(source).matchAll(evidence_TOKEN)].map((m) => m[0]);
    return new Set(tokens.filter((t, i) => /^[A-Za-z_]/.test(t) && tokens[i - 1] !== '.'));
};
/**
 * Whether `to` is `from` with names renamed one for one, each old name gone from the whole head and each new
 * one absent from the whole base (`metrics` → `bias_metrics` throughout): the cell computes and prints the same.
 */
function renamedOnly(from, to, baseNames, headNames, baseAssigned) {
    const a = [...codeOnly(from).matchAll(evidence_TOKEN)].map((m) => m[0]);
    const b = [...codeOnly(to).matchAll(evidence_TOKEN)].map((m) => m[0]);
    if (a.length !== b.length)
        return false;
    const forward = new Map();
    const backward = new Map();
    for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i])
            continue;
        const names = /^[A-Za-z_]\w*$/;
        if (!names.test(a[i]) || !names.test(b[i]) || PY_KEYWORD.test(a[i]) || PY_KEYWORD.test(b[i]))
            return false;
        // an attribute is the object's, not a name the notebook chose; a library function swapped is another call
        if (a[i - 1] === '.' || headNames.has(a[i]) || baseNames.has(b[i]) || !baseAssigned(a[i]))
            return false;
        if ((forward.get(a[i]) ?? b[i]) !== b[i] || (backward.get(b[i]) ?? a[i]) !== a[i])
            return false;
        forward.set(a[i], b[i]);
        backward.set(b[i], a[i]);
    }
    return forward.size > 0;
}
function staleOutputs(view) {
    const base = view.before?.notebook;
    const head = view.after?.notebook;
    if (view.kind !== 'notebook' || !base || !head)
        return [];
    const namesOf = (cells) => new Set(cells.filter((c) => c.type === 'code').flatMap((c) => [...identifiers(c.source)]));
    let names = null;
    let baseCode = null;
    /** a variable the notebook itself assigns (`name = ...`, `name[key] = ...`, `for name in ...`) */
    const baseAssigned = (name) => {
        baseCode ??= base.cells
            .filter((c) => c.type === 'code')
            .map((c) => codeOnly(c.source))
            .join('\n');
        return new RegExp(`(^|\\n)\\s*(${name}\\s*(\\[[^\\]\\n]*\\])?\\s*=(?!=)|for\\s+${name}\\s+in\\b)`).test(baseCode);
    };
    const out = [];
    for (const pair of (0,diff_notebook/* alignCells */.H6)(base.cells, head.cells)) {
        if (pair.kind !== 'modified' && !(pair.kind === 'moved' && pair.modified))
            continue;
        const from = base.cells[pair.base];
        const to = head.cells[pair.head];
        if (to.type !== 'code' || to.outputs.length === 0 || to.executionCount === null)
            continue;
        // a change to comments or blank lines alone cannot change what the cell prints
        if (codeOnly(from.source) === codeOnly(to.source))
            continue;
        names ??= { base: namesOf(base.cells), head: namesOf(head.cells) };
        if (renamedOnly(from.source, to.source, names.base, names.head, baseAssigned))
            continue;
        if (from.executionCount !== to.executionCount)
            continue;
        if (from.outputs.length !== to.outputs.length)
            continue;
        if (from.outputs.some((o, i) => outputKey(o) !== outputKey(to.outputs[i])))
            continue;
        // only numbers a reader takes as results mislead; stale prints, plots and reprs are a tidiness matter
        if (!to.outputs.some((o) => (0,metrics/* textMetrics */.dT)(o.text, (i) => i + 1).length > 0))
            continue;
        out.push(makeFinding(STALE_OUTPUTS, view, to.sourceLines[0] ?? null, `cell ${to.index + 1}: code changed, outputs and execution count [${to.executionCount}] are the base's`));
    }
    return out.slice(0, 5);
}
function format(v) {
    return String(Number(v.toFixed(4)));
}
function gapFindings(view, before, after, limits) {
    const out = [];
    const was = (0,metrics/* groupGaps */.RO)(before);
    const now = (0,metrics/* groupGaps */.RO)(after);
    for (const [name, g] of now) {
        const old = was.get(name);
        if (!old)
            continue;
        const scale = unit([
            ...after.filter((m) => m.name === name).map((m) => m.value),
            ...before.filter((m) => m.name === name).map((m) => m.value)
        ]);
        const gap = g.gap * scale;
        const oldGap = old.gap * scale;
        if (gap <= limits.groupGapLimit || gap - oldGap < MIN_GAP_GROWTH)
            continue;
        out.push(makeFinding(GROUP_GAP_WIDENED, view, g.line, `${name} gap between ${g.groups} groups ${format(oldGap)} → ${format(gap)} (limit ${limits.groupGapLimit})`));
    }
    // parity metrics reported directly: a difference away from 0, a ratio away from 1
    const a = (0,metrics/* latest */.IW)(before);
    const b = (0,metrics/* latest */.IW)(after);
    for (const [key, m] of b) {
        const old = a.get(key);
        if (!old)
            continue;
        if (metrics/* GAP_METRICS */.lw.has(m.name.replace(/^(eval_|test_|val_)/, ''))) {
            const gap = Math.abs(m.value);
            if (gap <= limits.groupGapLimit || gap - Math.abs(old.value) < MIN_GAP_GROWTH)
                continue;
            out.push(makeFinding(GROUP_GAP_WIDENED, view, m.line, `${(0,metrics/* metricKey */.Cc)(m)} ${format(old.value)} → ${format(m.value)}`));
        }
        else if (metrics/* RATIO_METRICS */.Gz.has(m.name.replace(/^(eval_|test_|val_)/, ''))) {
            const off = (v) => Math.abs(1 - (v > 1 ? 1 / v : v));
            if (off(m.value) <= 1 - FOUR_FIFTHS || off(m.value) - off(old.value) < MIN_GAP_GROWTH)
                continue;
            out.push(makeFinding(GROUP_GAP_WIDENED, view, m.line, `${(0,metrics/* metricKey */.Cc)(m)} ${format(old.value)} → ${format(m.value)} (four-fifths rule: ${FOUR_FIFTHS})`));
        }
    }
    return out.slice(0, 5);
}
const SPLIT_CODE = /train_test_split|test_size\s*=|train_size\s*=|validation_split|\.split\(|\.iloc\[|\.loc\[|\.head\(|\.tail\(|\.sample\(|K?Fold\(|ShuffleSplit\(|read_csv\(|read_parquet\(|load_dataset\(|_test\s*=|_val\s*=|_valid\s*=|test_df\s*=|eval_dataset\s*=/;
const SPLIT_KEY = /(^|[._])((test|val|valid|validation|eval|holdout)[a-z_]*(size|split|splits|ratio|fraction|file|files|path|paths|dataset|datasets|set|data)|split|splits|dataset_splits|val_set_size|test_size|validation_split)$/i;
/** Where this change moved the evaluation split or data: the first changed line that defines one, in any file. */
function splitChange(views) {
    for (const v of views) {
        if (v.kind === 'config') {
            const was = new Map((v.before?.entries ?? []).map((e) => [e.key, JSON.stringify(e.value)]));
            const now = new Map((v.after?.entries ?? []).map((e) => [e.key, e]));
            for (const [key, e] of now) {
                if (SPLIT_KEY.test(key) && was.get(key) !== JSON.stringify(e.value))
                    return { path: v.path, line: e.line, text: `${key}: ${JSON.stringify(e.value)}` };
            }
            for (const key of was.keys())
                if (SPLIT_KEY.test(key) && !now.has(key))
                    return { path: v.path, line: null, text: `${key} removed` };
        }
        else if (v.kind === 'notebook' || v.kind === 'python') {
            const old = new Set((v.before?.lines ?? []).map((l) => l.text.trim()));
            const neu = new Set((v.after?.lines ?? []).map((l) => l.text.trim()));
            for (const l of v.after?.lines ?? []) {
                const t = l.text.trim();
                if (t && !t.startsWith('#') && SPLIT_CODE.test(t) && !old.has(t))
                    return { path: v.path, line: l.line, text: t };
            }
            for (const l of v.before?.lines ?? []) {
                const t = l.text.trim();
                if (t && !t.startsWith('#') && SPLIT_CODE.test(t) && !neu.has(t))
                    return { path: v.path, line: null, text: `removed: ${t}` };
            }
        }
    }
    return null;
}
function scoreUpNewSplit(view, all, before, after, limits) {
    const a = (0,metrics/* latest */.IW)(before);
    const b = (0,metrics/* latest */.IW)(after);
    let best = null;
    for (const [key, m] of b) {
        const old = a.get(key);
        if (!old || m.group !== null || !HEADLINE.test(m.name))
            continue;
        const lower = (0,metrics/* lowerIsBetter */.cv)(m.name);
        // losses have no fixed scale: a relative gain; bounded scores: absolute, percentages as fractions
        const gain = lower
            ? old.value > 0
                ? (old.value - m.value) / old.value
                : 0
            : (m.value - old.value) * unit([m.value, old.value]);
        if (gain > limits.metricGainLimit && (!best || gain > best.gain))
            best = { m, old, gain };
    }
    if (!best)
        return [];
    const split = splitChange(all);
    if (!split)
        return [];
    const where = split.line ? `${split.path}:${split.line}` : split.path;
    return [
        makeFinding(SCORE_UP_NEW_SPLIT, view, best.m.line, `${best.m.name} ${format(best.old.value)} → ${format(best.m.value)} while the split changed (${where}: ${split.text})`)
    ];
}
function evidenceChecks(limits = DEFAULT_EVIDENCE_LIMITS) {
    return (view, all) => {
        if (!view.after || !view.baseKnown || view.kind === 'python' || view.kind === 'other')
            return [];
        const out = [];
        const guarded = (f) => {
            try {
                out.push(...f());
            }
            catch {
                // one check failing on odd input leaves the others standing
            }
        };
        guarded(() => staleOutputs(view));
        const { before, after } = (0,evidence/* metricsOf */.P)({ path: view.path, before: view.before?.text ?? null, after: view.after.text });
        if (before.length > 0 && after.length > 0) {
            guarded(() => gapFindings(view, before, after, limits));
            guarded(() => scoreUpNewSplit(view, all, before, after, limits));
        }
        return out;
    };
}

;// CONCATENATED MODULE: ./src/checks/defaults.ts

/**
 * transformers' TrainingArguments, which axolotl, LLaMA-Factory and TRL configs all end in; only the defaults that
 * have stayed the same across releases (the optimizer name and TRL's per-trainer learning rates have not).
 */
const TRANSFORMERS = {
    learning_rate: 5e-5,
    num_train_epochs: 3,
    max_steps: -1,
    lr_scheduler_type: 'linear',
    warmup_ratio: 0,
    warmup_steps: 0,
    weight_decay: 0,
    max_grad_norm: 1,
    adam_beta1: 0.9,
    adam_beta2: 0.999,
    adam_epsilon: 1e-8,
    seed: 42,
    per_device_train_batch_size: 8,
    per_device_eval_batch_size: 8,
    gradient_accumulation_steps: 1,
    gradient_checkpointing: false,
    fp16: false,
    bf16: false,
    label_smoothing_factor: 0,
    dataloader_num_workers: 0,
    logging_steps: 500,
    save_steps: 500
};
/** axolotl's own names (the rest of its config is TrainingArguments'). */
const AXOLOTL = {
    ...TRANSFORMERS,
    micro_batch_size: 1,
    // "empty for cosine" in axolotl's config reference
    lr_scheduler: 'cosine',
    lr_scheduler_type: 'cosine',
    lora_dropout: 0
};
/** LLaMA-Factory's FinetuningArguments on top of Seq2SeqTrainingArguments. */
const LLAMA_FACTORY = {
    ...TRANSFORMERS,
    finetuning_type: 'lora',
    lora_rank: 8,
    lora_dropout: 0,
    lora_target: 'all',
    pref_beta: 0.1
};
/** TRL's DPOConfig: the preference strength has been 0.1 since the trainer appeared. */
const TRL_DPO = { ...TRANSFORMERS, beta: 0.1, loss_type: 'sigmoid' };
/** Lightning's Trainer (under `trainer:` in LightningCLI and Hydra configs). */
const LIGHTNING = {
    max_epochs: 1000,
    accumulate_grad_batches: 1,
    precision: '32-true',
    check_val_every_n_epoch: 1,
    val_check_interval: 1,
    limit_val_batches: 1,
    limit_train_batches: 1,
    deterministic: false
};
const TABLES = {
    transformers: TRANSFORMERS,
    axolotl: AXOLOTL,
    'llama-factory': LLAMA_FACTORY,
    'trl-dpo': TRL_DPO,
    lightning: LIGHTNING,
    deepspeed: {}
};
/** Calls whose keyword defaults are TrainingArguments' (and so always seed the run with 42). */
const TRAINING_ARGUMENT_CALLS = /(^|\.)(TrainingArguments|Seq2SeqTrainingArguments|SFTConfig|DPOConfig|ORPOConfig|KTOConfig|CPOConfig|GRPOConfig|RewardConfig|PPOConfig)$/;
const TRANSFORMERS_KEYS = [
    'per_device_train_batch_size',
    'gradient_accumulation_steps',
    'num_train_epochs',
    'lr_scheduler_type',
    'warmup_ratio',
    'output_dir',
    'logging_steps',
    'save_steps',
    'eval_strategy',
    'evaluation_strategy',
    'save_strategy',
    'report_to'
];
/** The frameworks a config is written for, told by the keys only they use. */
function configFrameworks(entries) {
    const top = new Set(entries.filter((e) => (0,checks_params/* parentKey */.C4)(e.key) === '' || /^\w+\[\d+\]$/.test(e.key)).map((e) => (0,checks_params/* lastSegment */.mp)(e.key)));
    const all = new Set(entries.map((e) => e.key.replace(/\[\d+\]/g, '')));
    const out = new Set();
    const has = (k) => top.has(k);
    if (has('base_model') && (has('micro_batch_size') || has('sequence_len') || has('adapter') || has('datasets')))
        out.add('axolotl');
    if (has('stage') && (has('finetuning_type') || has('template')))
        out.add('llama-factory');
    if (has('beta') && (has('max_prompt_length') || has('loss_type')) && TRANSFORMERS_KEYS.some(has))
        out.add('trl-dpo');
    if (TRANSFORMERS_KEYS.filter(has).length >= 2)
        out.add('transformers');
    if ([...all].some((k) => /^trainer\.(max_epochs|accelerator|devices|precision|accumulate_grad_batches)$/.test(k)))
        out.add('lightning');
    if (has('zero_optimization') ||
        has('train_micro_batch_size_per_gpu') ||
        [...all].some((k) => k.startsWith('zero_optimization.')))
        out.add('deepspeed');
    return out;
}
/** The default a framework gives a config key (top level for the trainer frameworks, `trainer.*` for Lightning). */
function configDefault(frameworks, key) {
    for (const f of ['axolotl', 'llama-factory', 'trl-dpo', 'transformers', 'lightning']) {
        if (!frameworks.has(f))
            continue;
        const parent = (0,checks_params/* parentKey */.C4)(key);
        if (f === 'lightning' ? parent !== 'trainer' : parent !== '')
            continue;
        const name = (0,checks_params/* lastSegment */.mp)(key);
        if (Object.hasOwn(TABLES[f], name))
            return { value: TABLES[f][name] };
    }
    return null;
}
/** The default of a keyword argument of a training-arguments call (`TrainingArguments(seed=…)`). */
function callDefault(callee, name) {
    if (!callee || !TRAINING_ARGUMENT_CALLS.test(callee))
        return null;
    const table = /DPOConfig$/.test(callee) ? TRL_DPO : TRANSFORMERS;
    return Object.hasOwn(table, name) ? { value: table[name] } : null;
}
/** Whether a call seeds the run by itself when no seed is passed (TrainingArguments and its subclasses). */
function seedsByDefault(callee) {
    return TRAINING_ARGUMENT_CALLS.test(callee);
}
/** Whether a config's trainer seeds every run when the key is absent (transformers' seed=42). */
function configSeedsByDefault(frameworks, key) {
    return (0,checks_params/* lastSegment */.mp)(key) === 'seed' && configDefault(frameworks, key) !== null;
}
/** DeepSpeed's `auto`: the value is taken from the trainer's arguments, so it is neither a change nor a number. */
const isAuto = (value) => typeof value === 'string' && value.trim().toLowerCase() === 'auto';
const sameValue = (a, b) => {
    const n = (v) => typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : null;
    const x = n(a);
    const y = n(b);
    if (x !== null && y !== null)
        return x === y;
    return JSON.stringify(a) === JSON.stringify(b);
};
/**
 * Both sides as training will see them: a key present on one side only gets the framework's default on the other
 * (placed where the removal or addition sits), `auto` values are dropped, and a key whose value equals the default
 * on a side where the other side leaves it out is no change at all.
 */
function effectiveSides(before, after, defaultOf, headLineFor) {
    const keys = (ps) => new Set(ps.map((p) => `${p.callee ?? ''}|${p.key}`));
    const beforeKeys = keys(before);
    const afterKeys = keys(after);
    const b = before.filter((p) => !isAuto(p.value));
    const a = after.filter((p) => !isAuto(p.value));
    const outBefore = [];
    const outAfter = [];
    for (const p of b) {
        const d = afterKeys.has(`${p.callee ?? ''}|${p.key}`) ? null : defaultOf(p);
        if (d && sameValue(d.value, p.value))
            continue;
        outBefore.push(p);
        if (d)
            outAfter.push({ ...p, value: d.value, line: headLineFor(p.line) ?? p.line, fromDefault: true });
    }
    for (const p of a) {
        const d = beforeKeys.has(`${p.callee ?? ''}|${p.key}`) ? null : defaultOf(p);
        if (d && sameValue(d.value, p.value))
            continue;
        outAfter.push(p);
        if (d)
            outBefore.push({ ...p, value: d.value, fromDefault: true });
    }
    return { before: outBefore, after: outAfter };
}
const PEAK_NAMES = new Set(['max_lr', 'warmup_max_lr', 'peak_lr', 'max_learning_rate', 'peak_learning_rate']);
const OPTIMIZER = /optim|(^|\.)(Adam\w*|SGD|RMSprop|Adagrad|Adadelta|Adafactor|Lion|LAMB|Lamb|NAdam|RAdam)$/;
const OPTIMIZER_LR = new Set(['lr', 'learning_rate', 'base_lr', 'initial_lr', 'init_lr']);
/**
 * A scheduler that sets the peak rate itself (OneCycleLR's max_lr, DeepSpeed WarmupLR's warmup_max_lr) overrides the
 * optimizer's rate: on a side with one, the optimizer's value is not what training uses and is left out.
 */
function rateInUse(params) {
    if (!params.some((p) => PEAK_NAMES.has(p.name) && typeof p.value === 'number'))
        return params;
    return params.filter((p) => !(OPTIMIZER_LR.has(p.name) && OPTIMIZER.test((0,checks_params/* parentKey */.C4)(p.key) || p.callee || '')));
}

// EXTERNAL MODULE: ./node_modules/@lezer/python/dist/index.js + 3 modules
var dist = __webpack_require__(1283);
;// CONCATENATED MODULE: ./src/checks/names.ts




const UNDEFINED_NAME = {
    id: 'REPRO-UNDEFINED-NAME',
    family: 'reproducibility',
    title: 'Name used but never defined',
    status: 'warn',
    bias: false,
    flags: 'a variable the change reads that no statement, import, loop, parameter or magic in the file defines, and the base never used (a NameError when the cell runs)',
    fix: 'Use the name the value is bound to (a typo such as df_group for group_df), or define it before this cell.'
};
const BUILTINS = new Set(('abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr ' +
    'globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max ' +
    'memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice ' +
    'sorted staticmethod str sum super tuple type vars zip __import__ __name__ __file__ __doc__ __builtins__ ' +
    '__spec__ __loader__ __package__ __debug__ NotImplemented Ellipsis self cls ' +
    // notebook and platform globals
    'display get_ipython In Out _ __ ___ _i _ii _iii _oh _dh exit quit spark sc sqlContext dbutils displayHTML').split(' '));
/** Builtins of Python 2, known to a notebook whose kernel is Python 2 (`reload`, `xrange`, `unicode`). */
const PY2_BUILTINS = new Set('reload xrange unicode unichr basestring long raw_input execfile file cmp reduce buffer apply intern coerce'.split(' '));
/** A notebook saved by a Python 2 kernel (its kernelspec or language version says so). */
const python2Kernel = (side) => side.notebook !== null && /"(name|display_name)"\s*:\s*"python ?2"|"version"\s*:\s*"2\.\d/i.test(side.text);
const BUILTIN_EXCEPTION = /^([A-Z]\w*(Error|Exception|Warning)|BaseException|BaseExceptionGroup|ExceptionGroup|KeyboardInterrupt|StopIteration|StopAsyncIteration|GeneratorExit|SystemExit)$/;
/** Anything in a file that makes a name known in a way the statements do not show. */
const OPAQUE = /\bfrom\s+[\w.]+\s+import\s+\*|%run\b|%store\s+-r|\bexec\s*\(|\bglobals\s*\(\s*\)|\blocals\s*\(\s*\)|\bvars\s*\(\s*\)\s*\[|\bbuiltins\b|\b__builtins__\b|\bimport_module\b/;
const names_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether some text of the file could bind a name: parameters, comprehensions, walrus, `as`, magics, tuples. */
function mayBind(source, name) {
    const n = names_escape(name);
    return [
        `\\bfor\\b[^\\n:]*\\b${n}\\b[^\\n]*\\bin\\b`,
        `\\blambda\\b[^:\\n]*\\b${n}\\b[^:\\n]*:`,
        `\\bdef\\s+\\w+\\s*\\([^)]*\\b${n}\\b`,
        `\\bclass\\s+${n}\\b`,
        `\\b${n}\\s*:=`,
        `\\bas\\s+\\(?[\\w\\s,]*\\b${n}\\b`,
        `\\b(global|nonlocal)\\b[^\\n]*\\b${n}\\b`,
        `\\bimport\\b[^\\n]*\\b${n}\\b`,
        // an assignment's targets start the statement (a keyword argument `f(n, axis=0)` binds nothing)
        `(^|;)\\s*\\(?\\s*${n}\\s*(,\\s*[\\w*.\\[\\]'"]+\\s*)*\\)?\\s*(=(?!=)|[-+*/%&|^@]=|:\\s*\\w)`,
        // `a = n = 0`
        `=\\s*${n}\\s*=(?!=)`,
        `,\\s*\\*?${n}\\s*\\)?\\s*=(?!=)`,
        `%%capture\\s+${n}\\b`
    ].some((p) => new RegExp(p, 'm').test(source));
}
/** The names a statement reads (not those it assigns); none for definitions, whose parameters it binds. */
function reads(stmt) {
    if (stmt.kind === 'def' || stmt.kind === 'import')
        return [];
    const roots = [];
    if (stmt.kind === 'assign' || stmt.kind === 'for' || stmt.kind === 'with') {
        if (stmt.value)
            roots.push(stmt.value);
        // df['x'] = …, obj.attr = …: the object is read
        for (const t of stmt.targets)
            if (t.k === 'sub' || t.k === 'attr')
                roots.push(t);
    }
    else
        roots.push(...stmt.exprs);
    const out = [];
    for (const r of roots)
        (0,parse/* walk */.GG)(r, (x) => x.k === 'name' && out.push(x));
    return out;
}
function rawSource(side) {
    if (side.notebook)
        return side.notebook.cells
            .filter((c) => c.type === 'code')
            .map((c) => c.source)
            .join('\n');
    return side.text;
}
/** Distinct names judged per file at most: each costs a few scans of the file. */
const MAX_NAMES = 200;
/**
 * The first read of a name nothing in the side defines, in the given statements (all when none are given) and
 * passing `keep`. Each distinct name is judged once, at most MAX_NAMES of them, so the cost stays linear.
 */
function undefinedRead(side, only, keep = () => true) {
    const source = rawSource(side);
    if (OPAQUE.test(source) || /^\s*print\s+[^\s(=.,)[\]]/m.test(source))
        return null;
    const a = (0,analysis/* analyze */.ns)(side);
    const bound = new Set();
    for (const s of a.statements) {
        for (const t of s.targets)
            if (t.k === 'name')
                bound.add(t.id);
        for (const i of s.imports)
            bound.add(i.alias);
    }
    const judged = new Set();
    const py2 = python2Kernel(side);
    for (const s of a.statements) {
        if ((only && !only.has(s)) || s.broken)
            continue;
        for (const r of reads(s)) {
            if (r.k !== 'name')
                continue;
            const name = r.id;
            if (judged.has(name) ||
                bound.has(name) ||
                BUILTINS.has(name) ||
                (py2 && PY2_BUILTINS.has(name)) ||
                BUILTIN_EXCEPTION.test(name))
                continue;
            if (/^_/.test(name))
                continue;
            if (judged.size >= MAX_NAMES)
                return null;
            judged.add(name);
            if (keep(name) && !mayBind(source, name))
                return { stmt: s, name: r };
        }
    }
    return null;
}
function checkUndefinedNames(view) {
    if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.after || !view.before)
        return [];
    // a base that already reads names it never defines gets them from elsewhere (another notebook, a harness)
    if (undefinedRead(view.before) !== null)
        return [];
    const baseSource = rawSource(view.before);
    const fresh = (0,analysis/* newStatements */.rm)((0,analysis/* analyze */.ns)(view.before), (0,analysis/* analyze */.ns)(view.after));
    const hit = undefinedRead(view.after, fresh, (name) => !new RegExp(`\\b${names_escape(name)}\\b`).test(baseSource));
    return hit
        ? [makeFinding(UNDEFINED_NAME, view, hit.name.line, `${hit.name.id} in ${(0,python/* clip */.$Q)(hit.stmt.text.split('\n')[0], 100)}`)]
        : [];
}

;// CONCATENATED MODULE: ./src/checks/reproducibility.ts










const reproducibility_family = 'reproducibility';
const SEED_REMOVED = {
    id: 'REPRO-SEED-REMOVED',
    family: reproducibility_family,
    title: 'Random seed removed',
    status: 'warn',
    bias: false,
    flags: 'seed / random_state / data_seed removed from a config, a global seed call (np.random.seed, torch.manual_seed, set_seed …) or a random_state= argument removed from code',
    fix: 'Keep a fixed seed (and log it) so runs can be repeated and compared.'
};
const SPLIT_NO_SEED = {
    id: 'REPRO-SPLIT-NO-SEED',
    family: reproducibility_family,
    title: 'Random split without a seed',
    status: 'warn',
    bias: false,
    flags: 'a new train_test_split / random_split / randomSplit / shuffled KFold without random_state=, seed= or generator= (and no global seed before it)',
    fix: 'Pass random_state= (sklearn), seed= (datasets) or generator= (torch) so the split is the same on every run.'
};
const OUT_OF_ORDER = {
    id: 'REPRO-OUT-OF-ORDER',
    family: reproducibility_family,
    title: 'Notebook cells executed out of order',
    status: 'warn',
    bias: false,
    flags: 'execution counts that go down from one code cell to the next, when the change touched the counts and the base ran in order',
    fix: 'Restart the kernel and run all cells top to bottom before committing (or strip the outputs).'
};
const ERROR_OUTPUT = {
    id: 'REPRO-ERROR-OUTPUT',
    family: reproducibility_family,
    title: 'Error output committed in notebook',
    status: 'warn',
    bias: false,
    flags: 'a new error output (traceback) in a notebook cell',
    fix: 'Fix the failing cell and re-run the notebook, or clear the stale error output.'
};
const SYNTAX_ERROR = {
    id: 'REPRO-SYNTAX-ERROR',
    family: reproducibility_family,
    title: 'Code that no longer parses',
    status: 'warn',
    bias: false,
    flags: 'a statement the change wrote in a Python cell or file that is not valid Python (the cell stops there when run)',
    fix: 'Fix the statement and re-run the notebook; a cell that cannot run leaves every result after it stale.'
};
const REPRO_CHECKS = [
    SEED_REMOVED,
    SPLIT_NO_SEED,
    OUT_OF_ORDER,
    ERROR_OUTPUT,
    SYNTAX_ERROR,
    UNDEFINED_NAME
];
/**
 * Whether a statement the grammar flagged is invalid Python: read again with the forms the grammar does not know
 * written another way (`0.` as `0 `), and a compound header given a body.
 */
function reallyBroken(text) {
    // a carriage return alone ends a line for Python, not for the grammar: such a statement cannot be judged
    if (text.includes('\r'))
        return false;
    const code = text.replace(/(\d)\.(?![\d\w.])/g, '$1 ');
    // a compound statement's header stands without its colon and body
    const header = /^(if|elif|else|for|while|with|def|class|try|except|finally|async|match|case|@)\b/.test(code.trimStart());
    const src = header ? `${code.trimEnd().replace(/:$/, '')}:\n    pass` : code;
    let error = false;
    dist/* parser */.K.parse(src).iterate({
        enter: (n) => {
            if (n.type.isError)
                error = true;
            return !error;
        }
    });
    return error;
}
const PYTHON2_PRINT = /^\s*print\s+[^\s(=.,)[\]]/m;
/** New statements the grammar cannot read (IPython syntax and cells in other languages are blanked before). */
function checkSyntaxError(view) {
    // a file the change adds may be written for another interpreter (Python 2 examples): only edits are judged
    if (!view.after || !view.before)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    if (head.statements.some((s) => PYTHON2_PRINT.test(s.text)))
        return [];
    const fresh = (0,analysis/* newStatements */.rm)((0,analysis/* analyze */.ns)(view.before), head);
    // the grammar splits a bad line into pieces (`credit_mal e= …` → `credit_mal`, an error, `e= …`): judge the line
    const byLine = new Map();
    for (const s of head.statements)
        byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
    const lineText = (s) => {
        const pieces = byLine.get(s.line) ?? [s];
        return pieces.some((x) => x.text.trim() === '') ? pieces.map((x) => x.text).join(' ') : s.text;
    };
    const broken = head.statements.find((s) => s.broken && fresh.has(s) && reallyBroken(lineText(s)));
    return broken ? [makeFinding(SYNTAX_ERROR, view, broken.line, (0,python/* clip */.$Q)(lineText(broken).split('\n')[0], 120))] : [];
}
const SEED_KEY = /^(seed|random_seed|random_state|data_seed|manual_seed|global_seed|rng_seed|shuffle_seed|sampler_seed|split_seed)$/;
function hasValue(value) {
    return (value !== null &&
        value !== undefined &&
        value !== '' &&
        !(typeof value === 'string' && /^(none|null)$/i.test(value)));
}
function checkSeedRemovedConfig(view) {
    if (!view.before || !view.after)
        return [];
    const isSeed = (key) => SEED_KEY.test((0,checks_params/* lastSegment */.mp)(key));
    const afterSeeds = view.after.entries.filter((e) => isSeed(e.key));
    const frameworks = configFrameworks(view.after.entries);
    const out = [];
    const baseKeys = new Set(view.before.entries.map((e) => e.key));
    const headKeys = view.after.entries.map((e) => e.key);
    for (const b of view.before.entries.filter((e) => isSeed(e.key) && hasValue(e.value))) {
        const same = afterSeeds.find((e) => e.key === b.key);
        if (same && hasValue(same.value))
            continue;
        // the trainer seeds every run by itself when the key is left out (transformers: 42)
        if (!same && configSeedsByDefault(frameworks, b.key))
            continue;
        // the seed of a block the head no longer has (`train_dataset.lm` replaced by `train_dataset.streaming_c4`)
        // went with what it seeded
        const parent = (0,checks_params/* parentKey */.C4)(b.key);
        if (!same && parent !== '' && !headKeys.some((k) => k.startsWith(`${parent}.`) || k.startsWith(`${parent}[`)))
            continue;
        // moved to another key with the same value (a key the base did not have: the seed of another model in the
        // same grid seeds only that model)
        if (afterSeeds.some((e) => hasValue(e.value) &&
            !baseKeys.has(e.key) &&
            (0,python/* toNumber */.Ro)(e.value) === (0,python/* toNumber */.Ro)(b.value) &&
            (0,checks_params/* lastSegment */.mp)(e.key) === (0,checks_params/* lastSegment */.mp)(b.key)))
            continue;
        const line = same ? same.line : view.headLineFor(b.line);
        out.push(makeFinding(SEED_REMOVED, view, line, `${b.key}: ${JSON.stringify(b.value)} → ${same ? JSON.stringify(same.value) : 'removed'}`));
    }
    return out;
}
function checkSeedRemovedCode(view) {
    if (!view.before || !view.after)
        return [];
    const out = [];
    const globalSeeds = (side) => {
        const imports = (0,analysis/* analyze */.ns)(side).flow.imports;
        const m = new Map();
        for (const s of side.statements) {
            for (const c of (0,python/* findCalls */.pr)(s)) {
                const g = globalSeedCall(c);
                if (!g || m.has(g))
                    continue;
                const [head, ...rest] = g.split('.');
                const module = imports.get(head);
                m.set(g, {
                    stmt: s,
                    resolved: module ? [module, ...rest].join('.') : null,
                    args: c.args.map((a) => a.value).join(',')
                });
            }
        }
        return m;
    };
    const before = globalSeeds(view.before);
    const after = globalSeeds(view.after);
    const kept = [...after.values()];
    for (const [name, { stmt, resolved, args }] of before) {
        if (after.has(name))
            continue;
        // the same generator seeded under another name (`rnd.seed(42)` → `np.random.seed(42)`) is not a removal
        if (resolved !== null && kept.some((k) => k.resolved === resolved))
            continue;
        if (kept.some((k) => k.args === args && (resolved === null || k.resolved === null)))
            continue;
        out.push(makeFinding(SEED_REMOVED, view, view.headLineFor(stmt.line), `${(0,python/* clip */.$Q)(stmt.flat, 100)} removed`));
    }
    out.push(...reseedsRemoved(view, out.length > 0));
    // random_state= dropped from a call that is still made
    const seeded = (statements) => {
        const counts = new Map();
        for (const s of statements) {
            for (const c of (0,python/* findCalls */.pr)(s))
                if (seedArg(c))
                    counts.set((0,python/* calleeName */.wt)(c), (counts.get((0,python/* calleeName */.wt)(c)) ?? 0) + 1);
        }
        return counts;
    };
    const seededBefore = seeded(view.before.statements);
    const seededAfter = seeded(view.after.statements);
    const fresh = (0,checks_view/* introducedStatements */.em)(view);
    for (const [name, n] of seededBefore) {
        if ((seededAfter.get(name) ?? 0) >= n || seedsByDefault(name))
            continue;
        for (const stmt of fresh) {
            const call = (0,python/* findCalls */.pr)(stmt).find((c) => (0,python/* calleeName */.wt)(c) === name && !seedArg(c));
            if (!call)
                continue;
            out.push(makeFinding(SEED_REMOVED, view, (0,python/* lineAt */.mh)(stmt, call.start), `${(0,python/* snippetAt */.Tw)(stmt, call.start)} (was seeded at the base)`));
            break;
        }
    }
    return out;
}
/** Calls that draw from a global generator: a split by mask or index, a shuffle, a sample. */
const DRAWS = /^(rand|randn|randint|random|choice|permutation|shuffle|sample|normal|uniform|train_test_split|random_split|split|randomSplit)$/;
const SEEDING = /^(seed|manual_seed|manual_seed_all|set_seed|seed_everything|set_random_seed)$/;
/**
 * `np.random.seed(SEED)` taken away right before a draw (`split = np.random.rand(len(df)) < 0.7`) while the same
 * call stays elsewhere: the draw is no longer repeatable though the name is still seeded somewhere.
 */
function reseedsRemoved(view, already) {
    if (already || !view.before || !view.after)
        return [];
    const base = (0,analysis/* analyze */.ns)(view.before);
    const head = (0,analysis/* analyze */.ns)(view.after);
    const count = (ss) => {
        const m = new Map();
        for (const s of ss)
            m.set((0,analysis/* flatText */.PV)(s), (m.get((0,analysis/* flatText */.PV)(s)) ?? 0) + 1);
        return m;
    };
    const seeds = (ss) => ss.filter((s) => s.kind === 'expr' && s.value?.k === 'call' && SEEDING.test((0,parse/* calleeName */.wt)(s.value)) && s.value.args.length > 0);
    const headCounts = count(seeds(head.statements));
    const baseCounts = count(seeds(base.statements));
    const headAt = new Map(head.statements.map((s) => [s.line, s]));
    for (const s of seeds(base.statements)) {
        const text = (0,analysis/* flatText */.PV)(s);
        if ((headCounts.get(text) ?? 0) === 0 || (headCounts.get(text) ?? 0) >= (baseCounts.get(text) ?? 0))
            continue;
        const at = view.headLineFor(s.line);
        const there = at === null ? undefined : headAt.get(at);
        if (there && (0,analysis/* flatText */.PV)(there) === text)
            continue;
        // the draw it made repeatable: the next random call in the same cell, before any other seed
        const rest = base.statements.slice(s.index + 1).filter((x) => x.cell === s.cell);
        const stop = rest.findIndex((x) => seeds([x]).length > 0);
        const draw = (stop === -1 ? rest : rest.slice(0, stop)).find((x) => (0,parse/* callsIn */.Tz)(x).some((c) => DRAWS.test((0,parse/* calleeName */.wt)(c))));
        if (!draw)
            continue;
        return [
            makeFinding(SEED_REMOVED, view, at, `${(0,python/* clip */.$Q)(s.text, 80)} removed before ${(0,python/* clip */.$Q)(draw.text, 80)} (the draw is no longer repeatable)`)
        ];
    }
    return [];
}
const SHUFFLED_CV = new Set(['KFold', 'StratifiedKFold', 'RepeatedKFold', 'RepeatedStratifiedKFold']);
const SHUFFLE_SPLITTERS = new Set(['ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit']);
/** Whether a call draws a random split with nothing pinning it; `seeded` holds the generators seeded earlier. */
function unseededSplit(stmt, call, seeded) {
    const name = (0,python/* calleeName */.wt)(call);
    const numpy = seeded.has('numpy');
    if (seedArg(call))
        return false;
    if ((0,python/* kwarg */.Zk)(call, 'shuffle')?.value === 'False')
        return false;
    // sklearn's random_state=None and aif360's split draw from numpy's global generator
    if (SHUFFLED_CV.has(name))
        return (0,python/* kwarg */.Zk)(call, 'shuffle')?.value === 'True' && !numpy;
    if (SHUFFLE_SPLITTERS.has(name))
        return !numpy;
    if (!isSplitCall(call))
        return false;
    // datasets' Dataset.train_test_split draws from a fresh generator: only seed= pins it
    if (name === 'train_test_split')
        return isMethodCall(stmt, call) || !numpy;
    if (name === 'random_split')
        return !seeded.has('torch');
    if (name === 'split')
        return (0,python/* kwarg */.Zk)(call, 'shuffle')?.value === 'True' && !numpy;
    return true;
}
function checkSplitNoSeed(view) {
    if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.after)
        return [];
    const fresh = new Set((0,checks_view/* introducedStatements */.em)(view));
    const out = [];
    const seeded = new Set();
    for (const stmt of view.after.statements) {
        const calls = (0,python/* findCalls */.pr)(stmt);
        if (fresh.has(stmt)) {
            for (const call of calls) {
                if (unseededSplit(stmt, call, seeded)) {
                    out.push(makeFinding(SPLIT_NO_SEED, view, (0,python/* lineAt */.mh)(stmt, call.start), (0,python/* snippetAt */.Tw)(stmt, call.start)));
                    break;
                }
            }
        }
        for (const call of calls) {
            const g = globalSeedCall(call);
            if (g)
                seededLibraries(g).forEach((lib) => seeded.add(lib));
        }
    }
    return out;
}
/** Whether a code cell ran before the nearest cell above it that ran at all. */
function dropsAt(code, i) {
    const n = code[i].executionCount;
    if (n === null)
        return false;
    const previous = code
        .slice(0, i)
        .reverse()
        .find((c) => c.executionCount !== null);
    return previous?.executionCount != null && n < previous.executionCount;
}
/**
 * Whether the cell out of place at `i` leaves what its outputs and the outputs below show when the notebook runs top
 * to bottom: each name it reads is last bound above it by a cell that ran before it, and no cell below reads what
 * it bound (unless a nearer cell binds it again) while having run at a time that did not see it: before it, for a
 * cell re-run late; in the earlier session (after `oldSession`), for a cell run early in a fresh kernel.
 */
function selfContained(side, code, i, late, oldSession = Infinity) {
    const n = code[i].executionCount ?? 0;
    const countOf = new Map(code.map((c) => [c.index, c.executionCount]));
    const position = new Map(code.map((c, k) => [c.index, k]));
    const statements = (0,analysis/* analyze */.ns)(side).statements;
    const bound = new Set();
    const own = new Set();
    const imported = new Set();
    // for each position, the cell that last bound each name above it
    const binders = new Map();
    const nearest = code.map(() => new Map());
    let k = 0;
    for (const s of statements) {
        const at = position.get(s.cell ?? -1);
        if (at === undefined)
            continue;
        while (k < at)
            nearest[++k] = new Map(binders);
        const names = [...s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])), ...s.imports.map((m) => m.alias)];
        names.forEach((id) => bound.add(id));
        if (at === i)
            names.forEach((id) => own.add(id));
        // an import binds the same module however often it runs: re-running it changes nothing below
        if (at === i)
            s.imports.forEach((m) => imported.add(m.alias));
        names.forEach((id) => binders.set(id, s.cell ?? -1));
    }
    while (k < code.length - 1)
        nearest[++k] = new Map(binders);
    const stale = (count) => (late ? (count ?? Infinity) < n : (count ?? 0) > oldSession);
    // names a cell below binds before it reads them are its own
    const local = new Map();
    for (const s of statements) {
        const at = position.get(s.cell ?? -1);
        if (at === undefined || at <= i)
            continue;
        const mine = local.get(at) ?? new Set();
        local.set(at, mine);
        let reads = false;
        const assigned = new Set(s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])));
        if (stale(countOf.get(s.cell ?? -1) ?? null))
            for (const e of s.exprs)
                walkNames(e, (id) => (reads ||=
                    own.has(id) &&
                        !imported.has(id) &&
                        !mine.has(id) &&
                        !assigned.has(id) &&
                        nearest[at].get(id) === code[i].index));
        if (reads)
            return false;
        for (const t of s.targets)
            if (t.k === 'name')
                mine.add(t.id);
        s.imports.forEach((m) => mine.add(m.alias));
    }
    for (const s of statements) {
        if (position.get(s.cell ?? -1) !== i)
            continue;
        const called = new Set((0,parse/* callsIn */.Tz)(s).map((c) => (0,parse/* calleeName */.wt)(c)));
        for (const e of s.exprs) {
            let ok = true;
            walkNames(e, (id) => {
                if (own.has(id) || !ok)
                    return;
                const binder = nearest[i].get(id);
                if (binder === undefined)
                    ok = bound.has(id) ? false : called.has(id);
                else
                    ok = (countOf.get(binder) ?? Infinity) < n;
            });
            if (!ok)
                return false;
        }
    }
    return true;
}
function walkNames(e, visit) {
    (0,parse/* walk */.GG)(e, (x) => x.k === 'name' && visit(x.id));
}
function checkOutOfOrder(view) {
    const head = view.after?.notebook;
    if (view.kind !== 'notebook' || !head || !view.baseKnown)
        return [];
    const counts = (cells) => cells.filter((c) => c.type === 'code').map((c) => c.executionCount);
    const firstDrop = (cells) => {
        let last = -Infinity;
        const code = cells.filter((c) => c.type === 'code');
        for (let i = 0; i < code.length; i++) {
            const n = code[i].executionCount;
            if (n === null)
                continue;
            if (n < last)
                return i;
            last = n;
        }
        return -1;
    };
    const base = view.before?.notebook;
    if (base && JSON.stringify(counts(base.cells)) === JSON.stringify(counts(head.cells)))
        return [];
    if (base && firstDrop(base.cells) !== -1)
        return [];
    const code = head.cells.filter((c) => c.type === 'code');
    const ran = (i, step) => {
        let k = i + step;
        while (k >= 0 && k < code.length && code[k].executionCount === null)
            k += step;
        return k >= 0 && k < code.length ? k : -1;
    };
    // the cell out of place: the one above, re-run late (its own neighbours are in order), or this one, run early
    const harmless = (i) => {
        const prev = ran(i, -1);
        const before = prev === -1 ? -1 : ran(prev, -1);
        if (before === -1 || (code[before].executionCount ?? 0) < (code[i].executionCount ?? 0))
            return selfContained(view.after, code, prev, true);
        return selfContained(view.after, code, i, false, code[prev].executionCount ?? Infinity);
    };
    const at = code.findIndex((c, i) => i >= Math.max(0, firstDrop(head.cells)) && dropsAt(code, i) && !harmless(i));
    if (firstDrop(head.cells) === -1 || at === -1)
        return [];
    const cell = code[at];
    const previous = code
        .slice(0, at)
        .reverse()
        .find((c) => c.executionCount !== null);
    const line = cell.sourceLines[0] ?? cell.outputs[0]?.line ?? null;
    return [
        makeFinding(OUT_OF_ORDER, view, line, `cell ${cell.index + 1} ran as In [${cell.executionCount}] after cell ${(previous?.index ?? 0) + 1} ran as In [${previous?.executionCount}]`)
    ];
}
function checkErrorOutputs(view) {
    const head = view.after?.notebook;
    if (view.kind !== 'notebook' || !head || !view.baseKnown)
        return [];
    const old = new Set();
    for (const cell of view.before?.notebook?.cells ?? [])
        for (const o of cell.outputs)
            if (o.outputType === 'error')
                old.add(o.text);
    const out = [];
    for (const cell of head.cells) {
        for (const o of cell.outputs) {
            if (o.outputType !== 'error' || old.has(o.text))
                continue;
            old.add(o.text);
            out.push(makeFinding(ERROR_OUTPUT, view, o.line, `cell ${cell.index + 1}: ${o.summary}`));
        }
    }
    return out.slice(0, 5);
}
const reproducibility = (view) => {
    const out = [];
    const checks = view.kind === 'config'
        ? [checkSeedRemovedConfig]
        : view.kind === 'notebook' || view.kind === 'python'
            ? [
                checkSeedRemovedCode,
                checkSplitNoSeed,
                checkOutOfOrder,
                checkErrorOutputs,
                checkSyntaxError,
                checkUndefinedNames
            ]
            : [];
    for (const check of checks) {
        try {
            out.push(...check(view));
        }
        catch {
            // one check failing on odd input leaves the others standing
        }
    }
    return out;
};

;// CONCATENATED MODULE: ./src/checks/fairness.ts
// Fairness evaluations of one side of a file, counted per kind, attribute and metric: fairlearn (MetricFrame and
// its metrics, parity metrics, mitigators, dashboards), AIF360 (dataset/classification metrics, mitigators),
// aequitas (crosstabs, disparities, fairness), per-subgroup evaluation, and config bias-audit blocks.







const PARITY_METRIC = /^(demographic_parity_(difference|ratio)|equalized_odds_(difference|ratio)|equal_opportunity_(difference|ratio)|true_positive_rate_difference|false_positive_rate_difference|false_negative_rate_difference|true_negative_rate_difference|selection_rate_difference|error_rate_difference|error_rate_ratio|mean_prediction_difference)$/;
const MITIGATOR = /^(ThresholdOptimizer|ExponentiatedGradient|GridSearch|CorrelationRemover|AdversarialFairnessClassifier|AdversarialFairnessRegressor|Reweighing|DisparateImpactRemover|LFR|OptimPreproc|PrejudiceRemover|AdversarialDebiasing|MetaFairClassifier|GerryFairClassifier|ExponentiatedGradientReduction|GridSearchReduction|CalibratedEqOddsPostprocessing|EqOddsPostprocessing|RejectOptionClassification|FairAdaptation)$/;
const DASHBOARD = /^(FairnessDashboard|FairlearnDashboard|ResponsibleAIDashboard|RAIInsights|ErrorAnalysisDashboard|plot_model_comparison)$/;
const AIF_METRIC = /^(BinaryLabelDatasetMetric|ClassificationMetric|SampleDistortionMetric|MDSSClassificationMetric)$/;
const AIF_METHOD = /^(disparate_impact|statistical_parity_difference|mean_difference|equal_opportunity_difference|average_odds_difference|average_abs_odds_difference|average_predictive_value_difference|theil_index|generalized_entropy_index|coefficient_of_variation|between_group_\w+|false_positive_rate_difference|false_negative_rate_difference|false_discovery_rate_difference|false_omission_rate_difference|error_rate_difference|true_positive_rate_difference|smoothed_empirical_differential_fairness|differential_fairness_bias_amplification|equalized_odds_difference|consistency)$/;
const AIF_GROUP_METHOD = /^(base_rate|selection_rate|accuracy|true_positive_rate|false_positive_rate|num_positives|num_negatives)$/;
const AEQUITAS = /^(get_crosstabs|get_disparity_predefined_groups|get_disparity_major_group|get_disparity_min_metric|get_group_value_fairness|get_group_attribute_fairness|get_overall_fairness|plot_disparity|plot_fairness_group|plot_fairness_disparity|plot_group_metric|plot_disparity_all|plot_fairness_group_all|plot_group_metric_all)$/;
/** Calls that score predictions: a subgroup fed to one of these is a per-group evaluation. */
const fairness_SCORING = /(_score|_error|accuracy|evaluate|classification_report|confusion_matrix|roc_curve|precision_recall_curve|^score|^predict\w*|report|_rate)$/i;
function assignments(statements) {
    const vars = new Map();
    for (const s of statements) {
        if (s.kind !== 'assign' || !s.value || s.targets.length !== 1 || s.targets[0].k !== 'name')
            continue;
        const id = s.targets[0].id;
        vars.set(id, [...(vars.get(id) ?? []), { index: s.index, value: s.value }]);
    }
    return vars;
}
function resolve(e, vars, at, depth = 0) {
    if (!e || e.k !== 'name' || depth > 4)
        return e;
    const defs = vars.get(e.id)?.filter((d) => d.index < at);
    const last = defs?.[defs.length - 1];
    return last ? resolve(last.value, vars, last.index, depth + 1) : e;
}
/** Which attribute(s) an expression selects: `df['sex']` → sex; `[{'race': 1}]` → race; a name → its source. */
function attributeOf(e, vars, at, env) {
    const r = resolve(e, vars, at);
    if (!r)
        return '*';
    // a split or copy of a column selection (`A_test` from `A = df[['sex', 'race']]`): its columns
    const frame = r.k === 'name' ? env?.get(r.id) : undefined;
    if (frame && !frame.whole && frame.cols.size > 0 && frame.cols.size <= 10)
        return [...frame.cols.keys()].sort().join(',');
    const direct = (0,parse/* strings */.P$)(r);
    if (direct.length)
        return direct
            .map((s) => s.value.toLowerCase())
            .sort()
            .join(',');
    if (r.k === 'sub' && r.items.length >= 1) {
        const cols = (0,parse/* strings */.P$)(r.items[r.items.length - 1]);
        if (cols.length)
            return cols
                .map((s) => s.value.toLowerCase())
                .sort()
                .join(',');
        return attributeOf(r.obj, vars, at, env);
    }
    if (r.k === 'attr')
        return r.name.toLowerCase();
    if (r.k === 'seq' && r.items.every((i) => i.k === 'dict')) {
        const keys = r.items.flatMap((i) => (i.k === 'dict' ? i.entries.flatMap((en) => (0,parse/* strings */.P$)(en.key ?? undefined)) : []));
        return [...new Set(keys.map((k) => k.value.toLowerCase()))].sort().join(',') || '*';
    }
    if (r.k === 'dict')
        return (r.entries
            .flatMap((en) => (0,parse/* strings */.P$)(en.key ?? undefined).map((k) => k.value.toLowerCase()))
            .sort()
            .join(',') || '*');
    if (r.k === 'name')
        return r.id;
    return '*';
}
/** Metric names of a MetricFrame `metrics=` argument. */
function metricNames(e, vars, at) {
    const r = resolve(e, vars, at);
    if (!r)
        return [];
    const nameOf = (x) => x.k === 'name' ? x.id : x.k === 'attr' ? x.name : x.k === 'str' ? x.value : x.k === 'call' ? (0,parse/* calleeName */.wt)(x) : '*';
    if (r.k === 'dict')
        return r.entries.map((en) => ({ name: en.key?.k === 'str' ? en.key.value : nameOf(en.value), line: en.value.line }));
    if (r.k === 'seq')
        return r.items.map((i) => ({ name: nameOf(i), line: i.line }));
    return [{ name: nameOf(r), line: r.line }];
}
function constraintOf(call) {
    const c = (0,parse/* kwarg */.Zk)(call, 'constraints') ?? (0,parse/* positional */.n8)(call, 1);
    if (!c)
        return '';
    if (c.k === 'str')
        return c.value;
    if (c.k === 'call')
        return (0,parse/* calleeName */.wt)(c);
    return c.k === 'name' ? c.id : '';
}
/** `df['sex'] == 'Female'` / `X_test.gender == 0`: a comparison on a protected column, as `sex==Female`. */
function protectedComparison(e) {
    let found = null;
    (0,parse/* walk */.GG)(e, (x) => {
        if (found || x.k !== 'op' || !x.ops.some((o) => /^(==|!=|>|<|>=|<=|isin)$/.test(o)) || x.parts.length !== 2)
            return;
        const [lhs, rhs] = x.parts;
        const col = lhs.k === 'sub' ? (0,parse/* strings */.P$)(lhs.items[0])[0]?.value : lhs.k === 'attr' ? lhs.name : undefined;
        if (col && (0,checks_protected/* protectedCategory */.du)(col))
            found = `${col.toLowerCase()}${x.ops[0]}${rhs.text.replace(/\s+/g, '')}`;
    });
    return found;
}
/** A library's helpers that present a result: `flag`, `highlight`, `display_table`, `show`. */
const DISPLAY_HELPER = /^(flag|highlight|style\w*|display\w*|show\w*|print\w*|format\w*)$/;
/** `fetch_adult`, `load_compas`, `fetch_openml_with_retries`, `fetch_census_dataset`, `get_dataset`. */
const DATA_LOADER = /^(fetch|load|read|download)_\w+$|^get_\w*(data|dataset|df)$/;
/** Keyword arguments that switch a mitigation on or off. */
const MITIGATION_SWITCH = /^(use_debias|debias|use_fairness|fairness|fair|enable_\w+|use_constraints?|apply_\w+)$/i;
/** Config values naming a fairness method (mitigation or fairness-aware model): `fairgbm_folktables`, `group_threshold`. */
const FAIR_METHOD_VALUE = /^(?!fairseq|fairscale)(fair\w*|\w*_fair\w*|debias\w*|\w*reweigh\w*|group_threshold\w*|threshold_optimi[sz]er\w*|exponentiated_gradient\w*|prejudice_remover\w*|adversarial_debias\w*|min_?diff\w*|\w*equali[sz]ed_odds\w*|\w*demographic_parity\w*)$/i;
/** Keyword arguments that name the metrics of an evaluation call. */
const METRIC_KWARGS = ['metrics', 'metric', 'group_metric', 'metrics_list', 'metric_names', 'fairness_metrics'];
/** Keyword arguments that name the attributes (groups) an evaluation is by. */
const ATTRIBUTE_KWARGS = [
    'sensitive_features',
    'attribute',
    'attribute_name',
    'attributes',
    'attr_cols',
    'sensitive_attribute_column',
    'sensitive_attributes',
    'protected_attribute_names',
    'protected_attributes',
    'feature_keys',
    'slice_keys',
    'ref_groups_dict'
];
/** `thresholds: [0.25, 0.5]` / `"thresholds": [...]` in a string (TFMA text protos, JSON configs): the count. */
function thresholdCount(text) {
    const m = /["']?thresholds["']?\s*[:=]\s*\[([^\]]*)\]/.exec(text);
    return m ? m[1].split(',').filter((x) => x.trim() !== '').length : 0;
}
/** Fairness evaluation written as a TFMA text proto (or JSON) inside a Python string: slices, metrics, thresholds. */
function embeddedEvaluations(value, line) {
    const out = [];
    if (!/slicing_specs|feature_keys|FairnessIndicators|fairness/i.test(value))
        return out;
    const lines = value.split('\n');
    lines.forEach((text, i) => {
        const at = line + i;
        const keys = /feature_keys\s*:\s*(\[[^\]]*\]|["'][^"']*["'])/.exec(text);
        if (keys) {
            const names = [...keys[1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1].toLowerCase()).sort();
            out.push({ key: `slice by ${names.join(',')}`, line: at });
        }
        if (/class_name\s*:\s*["']?FairnessIndicators/.test(text))
            out.push({ key: 'FairnessIndicators', line: at });
        for (let n = thresholdCount(text); n > 0; n--)
            out.push({ key: 'FairnessIndicators threshold', line: at });
    });
    return out;
}
/** Lists of protected names that say what is removed or ignored, not what is audited. */
const AUDIT_LIST_EXCLUDED = /drop|exclude|remove|ignore|leak|unused|skip|feature|^x_|cols_to_use|predictor/i;
/** The protected column an expression reads: `df.religion`, `df['sex']`, `df['sex'].str` → its name. */
function protectedColumnOf(e) {
    for (let x = e; x; x = x.k === 'attr' || x.k === 'sub' ? x.obj : x.k === 'call' && x.fn.k === 'attr' ? x.fn.obj : null) {
        if (x.k === 'attr' && (0,checks_protected/* protectedCategory */.du)(x.name))
            return x.name.toLowerCase();
        if (x.k === 'sub' && x.items.length === 1) {
            const col = (0,parse/* strings */.P$)(x.items[0])[0]?.value;
            if (col && (0,checks_protected/* protectedCategory */.du)(col))
                return col.toLowerCase();
        }
    }
    return null;
}
/** Fairness evaluations in code, in statement order. */
/** By side: the evaluation checks and the filtered-groups check read the same side. */
const codeEvaluated = new WeakMap();
function codeEvaluations(side) {
    let hit = codeEvaluated.get(side);
    if (!hit)
        codeEvaluated.set(side, (hit = codeEvaluationsUncached(side)));
    return hit;
}
function codeEvaluationsUncached(side) {
    const { statements, flow } = (0,analysis/* analyze */.ns)(side);
    const vars = assignments(statements);
    const attribute = (e, v, at) => attributeOf(e, v, at, flow.env);
    const out = [];
    const aifMetricVars = new Map();
    const subgroupVars = new Map();
    // `for g in ['White', 'Black']`: the groups a loop variable takes, each a subgroup when a mask compares to it
    const loopGroups = new Map();
    /** objects built by a fairness library (`aqp = Plot()`, `rai = RAIInsights(...)`) → their class */
    const fairObjects = new Map();
    /** the library path of a call: `aqp.plot_group_metric` → `Plot.plot_group_metric`; null when not a fairness call */
    const fairPath = (call) => {
        const d = (0,parse/* dotted */.Bs)(call.fn);
        if (!d)
            return null;
        // a fairness library's (or a fairness notebook's helper module's) data loader reads data, it evaluates nothing
        if (DATA_LOADER.test((0,parse/* calleeName */.wt)(call)))
            return null;
        // nor does its helper that colours or shows a result it computed (`reports.flag(measures)`)
        if (DISPLAY_HELPER.test((0,parse/* calleeName */.wt)(call)))
            return null;
        const [root, ...rest] = d.split('.');
        const obj = fairObjects.get(root);
        if (obj)
            return [obj, ...rest].join('.');
        const module = flow.imports.get(root);
        if (module && vocabulary/* FAIR_MODULE */.c7.test(module))
            return [module.split('.').pop(), ...rest].join('.');
        return vocabulary/* FAIR_CALL_NAME */.Mu.test((0,parse/* calleeName */.wt)(call)) ? d.split('.').slice(-2).join('.') : null;
    };
    const featureItems = new Set((0,features/* codeFeatureLists */.lp)(side).flatMap((l) => l.items.map((i) => `${i.line}:${i.value.toLowerCase()}`)));
    const groupValues = [];
    /** variables holding a slice spec of a group */
    const sliceVars = new Set();
    for (const stmt of statements) {
        if (stmt.kind === 'for' && stmt.targets.length === 1 && stmt.targets[0].k === 'name' && stmt.value) {
            const it = resolve(stmt.value, vars, stmt.index + 1);
            const items = it?.k === 'seq' ? (0,parse/* strings */.P$)(it) : [];
            if (it?.k === 'seq' && items.length === it.items.length && items.length > 0)
                loopGroups.set(stmt.targets[0].id, items);
            else
                loopGroups.delete(stmt.targets[0].id);
        }
        if (stmt.kind === 'import')
            continue;
        const first = out.length;
        try {
            statementEvaluations(stmt);
        }
        finally {
            const sig = (0,analysis/* flatText */.PV)(stmt);
            for (let i = first; i < out.length; i++)
                out[i].sig = sig;
        }
    }
    inlineOwnFunctions(statements, out);
    // group values count only where the code evaluates or mitigates fairness: elsewhere a mask is just a filter
    return out.length ? [...out, ...groupValues] : out;
    function statementEvaluations(stmt) {
        const at = stmt.index + 1;
        const target = stmt.kind === 'assign' && stmt.targets.length === 1 && stmt.targets[0].k === 'name' ? stmt.targets[0].id : null;
        // IDENTITY_TERMS = ['gender', 'race', ...]: a list of the groups audited, not features
        if (target && stmt.value?.k === 'seq' && !AUDIT_LIST_EXCLUDED.test(target)) {
            const items = (0,parse/* strings */.P$)(stmt.value);
            const fair = items.filter((i) => (0,checks_protected/* protectedCategory */.du)(i.value) !== null);
            if (fair.length >= 2 &&
                fair.length === items.length &&
                !items.some((i) => featureItems.has(`${i.line}:${i.value.toLowerCase()}`)))
                for (const i of items)
                    out.push({ key: `audited attribute ${i.value.toLowerCase()}`, line: i.line });
        }
        // black_slice = (('race1', 'black'),): a slice key of a protected column
        if (target && stmt.value?.k === 'seq') {
            const pairs = stmt.value.items;
            const isPair = (p) => p.k === 'seq' && p.items.length === 2 && p.items[0].k === 'str';
            if (pairs.every(isPair) &&
                pairs.some((p) => p.k === 'seq' && p.items[0].k === 'str' && (0,checks_protected/* protectedCategory */.du)(p.items[0].value)))
                sliceVars.add(target);
        }
        const calls = (0,parse/* callsIn */.Tz)(stmt);
        // `data.religion.apply(lambda x: any(r in x for r in ('jewish', 'muslim')))`: the group values a mask selects
        for (const call of calls) {
            if (!/^(apply|isin|map|contains|eq|ne|where|filter)$/.test((0,parse/* calleeName */.wt)(call)))
                continue;
            const col = protectedColumnOf((0,parse/* receiver */.e6)(call));
            if (!col)
                continue;
            for (const a of call.args)
                (0,parse/* walk */.GG)(a.value, (x) => {
                    if (x.k === 'str' && x.value.length <= 60)
                        groupValues.push({ key: `${col} group ${x.value}`, line: x.line });
                });
        }
        // calls inside the arguments of a counted call belong to it (`MinDiffModel(loss=MMDLoss())`)
        const inside = new Set();
        for (const e of stmt.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'str' && x.value.length < 20_000)
                    out.push(...embeddedEvaluations(x.value, x.line));
            });
        for (const call of calls) {
            const name = (0,parse/* calleeName */.wt)(call);
            if (inside.has(call))
                continue;
            if (name === 'SlicingSpec' || name === 'SingleSliceSpec') {
                const keys = (0,parse/* kwarg */.Zk)(call, 'feature_keys') ?? (0,parse/* kwarg */.Zk)(call, 'columns') ?? (0,parse/* kwarg */.Zk)(call, 'features');
                if (keys)
                    out.push({ key: `slice by ${attribute(keys, vars, at)}`, line: call.line });
                if (keys && target && stmt.value === call)
                    sliceVars.add(target);
                continue;
            }
            // eval_result.get_metrics_for_slice(black_slice): the metrics of one group read out
            const slice = call.args.find((a) => a.value.k === 'name' && sliceVars.has(a.value.id));
            if (slice && slice.value.k === 'name') {
                out.push({ key: `${name} for slice ${slice.value.id}`, line: call.line });
                continue;
            }
            if (name === 'MetricConfig' || name === 'FairnessIndicators') {
                const cls = (0,parse/* kwarg */.Zk)(call, 'class_name');
                const config = (0,parse/* kwarg */.Zk)(call, 'config');
                const fair = name === 'FairnessIndicators' || (cls?.k === 'str' && vocabulary/* FAIR_CALL_NAME */.Mu.test(cls.value));
                if (fair) {
                    out.push({ key: 'FairnessIndicators', line: call.line });
                    const th = (0,parse/* kwarg */.Zk)(call, 'thresholds');
                    const n = th?.k === 'seq' ? th.items.length : config?.k === 'str' ? thresholdCount(config.value) : 0;
                    for (let i = 0; i < n; i++)
                        out.push({ key: 'FairnessIndicators threshold', line: call.line });
                    for (const a of call.args)
                        (0,parse/* walk */.GG)(a.value, (x) => x.k === 'call' && inside.add(x));
                }
                continue;
            }
            if (name === 'MetricFrame') {
                const attr = attribute((0,parse/* kwarg */.Zk)(call, 'sensitive_features'), vars, at);
                for (const m of metricNames((0,parse/* kwarg */.Zk)(call, 'metrics') ?? (0,parse/* kwarg */.Zk)(call, 'metric') ?? (0,parse/* positional */.n8)(call, 0), vars, at))
                    out.push({ key: `MetricFrame(${m.name}) by ${attr}`, line: m.line });
            }
            else if (PARITY_METRIC.test(name)) {
                out.push({ key: `${name} by ${attribute((0,parse/* kwarg */.Zk)(call, 'sensitive_features'), vars, at)}`, line: call.line });
            }
            else if (MITIGATOR.test(name)) {
                // AdversarialDebiasing(use_debias=False): the mitigation is switched off, it mitigates nothing
                const off = call.args.some((a) => a.name !== null && MITIGATION_SWITCH.test(a.name) && a.value.k === 'const' && a.value.value === 'False');
                if (!off)
                    out.push({ key: `${name}(${constraintOf(call)})`, line: call.line });
            }
            else if (DASHBOARD.test(name)) {
                out.push({
                    key: `${name} by ${attribute((0,parse/* kwarg */.Zk)(call, 'sensitive_features') ?? (0,parse/* positional */.n8)(call, 0), vars, at)}`,
                    line: call.line
                });
                // ResponsibleAIDashboard(rai, cohort_list=[...]): each cohort is a subgroup the dashboard evaluates
                const cohorts = resolve((0,parse/* kwarg */.Zk)(call, 'cohort_list') ?? (0,parse/* kwarg */.Zk)(call, 'cohorts'), vars, at);
                if (cohorts?.k === 'seq')
                    for (const c of cohorts.items)
                        out.push({ key: `${name} cohort ${c.text.replace(/\s+/g, '')}`, line: c.line });
            }
            else if (AIF_METRIC.test(name)) {
                const attr = attribute((0,parse/* kwarg */.Zk)(call, 'privileged_groups') ?? (0,parse/* kwarg */.Zk)(call, 'unprivileged_groups'), vars, at);
                if (target)
                    aifMetricVars.set(target, attr);
                out.push({ key: `${name} by ${attr}`, line: call.line });
            }
            else if (AEQUITAS.test(name)) {
                out.push(...libraryEvaluations(call, name, (e) => attribute(e, vars, at), crosstabAttributes(call, flow)));
            }
            else {
                const recv = (0,parse/* receiver */.e6)(call);
                const root = recv ? (0,parse/* rootName */.SX)(recv) : null;
                const metricVar = root !== null ? aifMetricVars.get(root) : undefined;
                const isAif = AIF_METHOD.test(name) || (metricVar !== undefined && AIF_GROUP_METHOD.test(name));
                if (isAif && (metricVar !== undefined || AIF_METHOD.test(name))) {
                    // the privileged= argument makes a per-group rate
                    const priv = (0,parse/* kwarg */.Zk)(call, 'privileged') ?? (0,parse/* positional */.n8)(call, 0);
                    out.push({ key: `${name}${priv ? `(privileged=${priv.text})` : ''} by ${metricVar ?? '*'}`, line: call.line });
                    continue;
                }
                const path = fairPath(call);
                if (path === null)
                    continue;
                // a library object: its later calls are evaluation steps (`aqp.plot_disparity`, `rai.error_analysis.add`)
                if (target && /^[A-Z]/.test(name) && stmt.value === call)
                    fairObjects.set(target, name);
                for (const a of call.args)
                    (0,parse/* walk */.GG)(a.value, (x) => x.k === 'call' && x !== call && inside.add(x));
                out.push(...libraryEvaluations(call, path, (e) => attribute(e, vars, at)));
                // the groups or terms a mitigation covers: `build_counterfactual_data(sensitive_terms_to_remove=TERMS)`
                for (const a of call.args) {
                    if (!a.name || METRIC_KWARGS.includes(a.name))
                        continue;
                    const list = resolve(a.value, vars, at);
                    if (list?.k === 'seq')
                        for (const item of (0,parse/* strings */.P$)(list))
                            out.push({ key: `${path} ${a.name} ${item.value}`, line: item.line });
                }
            }
            if (MITIGATOR.test(name) || DASHBOARD.test(name))
                for (const a of call.args)
                    (0,parse/* walk */.GG)(a.value, (x) => x.k === 'call' && inside.add(x));
        }
        // per-subgroup evaluation: a protected subset (by mask or by group-by) scored
        let subgroup = null;
        for (const e of stmt.exprs)
            subgroup ??= protectedComparison(e);
        const names = [];
        for (const e of stmt.exprs)
            (0,parse/* walk */.GG)(e, (x) => x.k === 'name' && names.push(x.id));
        subgroup ??= names.map((n) => subgroupVars.get(n)).find((g) => g !== undefined) ?? null;
        const scores = calls.some((c) => fairness_SCORING.test((0,parse/* calleeName */.wt)(c)));
        const groupBy = calls.find((c) => (0,parse/* calleeName */.wt)(c) === 'groupby' &&
            (0,parse/* strings */.P$)((0,parse/* positional */.n8)(c, 0) ?? (0,parse/* kwarg */.Zk)(c, 'by')).some((s) => (0,checks_protected/* protectedCategory */.du)(s.value)));
        // `male_acc = accuracy(pred[test.race_white == 1], ...)`: a result named for one attribute's group computed on
        // another attribute is a slip, not that attribute's evaluation (the fix that makes it read `sex` narrows nothing)
        const namedFor = target ? (0,vocabulary/* protectedOf */.Qr)(target) : null;
        const scoredOn = subgroup ? (0,checks_protected/* protectedCategory */.du)(subgroup.replace(/(==|!=|isin).*$/, '')) : null;
        const misnamed = namedFor !== null && scoredOn !== null && namedFor !== scoredOn;
        if (subgroup && target && !scores)
            subgroupVars.set(target, subgroup);
        else if (subgroup && scores && !misnamed) {
            const each = loopGroups.get(/(?:==|!=|isin)(\w+)$/.exec(subgroup)?.[1] ?? '');
            if (each) {
                const col = subgroup.replace(/(==|!=|isin)\w+$/, '$1');
                for (const g of each)
                    out.push({ key: `subgroup ${col}${g.value} scored`, line: g.line });
            }
            else
                out.push({ key: `subgroup ${subgroup} scored`, line: stmt.line });
        }
        if (groupBy && (scores || calls.some((c) => (0,parse/* calleeName */.wt)(c) === 'apply'))) {
            const cols = (0,parse/* strings */.P$)((0,parse/* positional */.n8)(groupBy, 0) ?? (0,parse/* kwarg */.Zk)(groupBy, 'by')).map((s) => s.value.toLowerCase());
            out.push({ key: `per-group ${cols.join(',')} scored`, line: stmt.line });
        }
    }
}
/** One evaluation per metric of a fairness library call, by the attributes it names. */
/** `g.get_crosstabs(df[['score', 'label_value', 'race']])`: without attr_cols, every column but the score and label. */
function crosstabAttributes(call, flow) {
    if ((0,parse/* calleeName */.wt)(call) !== 'get_crosstabs' || (0,parse/* kwarg */.Zk)(call, 'attr_cols'))
        return null;
    const frame = (0,analysis_flow/* frameOf */.Dm)(flow, (0,parse/* positional */.n8)(call, 0) ?? (0,parse/* kwarg */.Zk)(call, 'df'));
    if (frame.whole || frame.cols.size === 0)
        return null;
    const cols = [...frame.cols.keys()].filter((c) => !/^(score|label_value|entity_id|as_of_date|model_id)$/.test(c));
    return cols.length ? cols.sort().join(',') : null;
}
function libraryEvaluations(call, path, attribute, fallback = null) {
    const metricArg = METRIC_KWARGS.map((k) => (0,parse/* kwarg */.Zk)(call, k)).find((v) => v !== undefined);
    const attrArg = ATTRIBUTE_KWARGS.map((k) => (0,parse/* kwarg */.Zk)(call, k)).find((v) => v !== undefined);
    // a protected column named positionally: `ap.disparity(bdf, metrics, 'race')`
    const positionalAttr = call.args
        .filter((a) => a.name === null)
        .flatMap((a) => (0,parse/* strings */.P$)(a.value))
        .filter((s) => (0,checks_protected/* protectedCategory */.du)(s.value) !== null)
        .map((s) => s.value.toLowerCase());
    const by = attrArg ? attribute(attrArg) : positionalAttr.length ? positionalAttr.sort().join(',') : (fallback ?? '*');
    const metrics = metricArg ? (0,parse/* strings */.P$)(metricArg) : [];
    if (metrics.length === 0)
        return [{ key: `${path} by ${by}`, line: call.line }];
    return metrics.map((m) => ({ key: `${path}(${m.value}) by ${by}`, line: m.line }));
}
/** Items of a config's evaluation subsets/cohorts/slices that select a group of people (`where gender = 'woman'`). */
const SUBSET_SEGMENT = /^(subsets?|cohorts?|cohort_list|slices?|subgroups?|segments?|groups?)\[\d+\]$/;
function subgroupItems(entries) {
    const out = new Set();
    for (const e of entries) {
        if (typeof e.value !== 'string')
            continue;
        const segments = e.key.split('.');
        const at = segments.findIndex((s) => SUBSET_SEGMENT.test(s));
        if (at === -1)
            continue;
        const words = e.value.split(/[^A-Za-z_]+/).filter((w) => w.length > 1);
        if (words.some((w) => (0,checks_protected/* protectedCategory */.du)(w) !== null) || segments.slice(at + 1).some((s) => (0,checks_protected/* protectedCategory */.du)(s)))
            out.add(segments.slice(0, at + 1).join('.') + '.');
    }
    return out;
}
const FAIRNESS_KEY = /fair|bias_?(audit|eval|metric|detect|check|report|analysis|test)|audit_(config|attribute|group|column)|^audit$|sensitive_(feature|attribute|column|group)|protected_(attribute|feature|column|group|class)|subgroup|per_group|by_group|attribute_col|ref_group|reference_group|privileged|slicing_spec|slice_key|^slices$/i;
const FAIRNESS_VALUE = /demographic[_ -]?parity|equali[sz]ed[_ -]?odds|equal[_ -]?opportunity|disparate[_ -]?impact|statistical[_ -]?parity|average[_ -]?odds|fairness|per[_ -]?group|subgroup|by[_ -]?group/i;
/** Fairness evaluation of a config: every leaf of a bias-audit / fairness block, and fairness metric names. */
function configEvaluations(all) {
    const entries = (0,vocabulary/* withoutPackages */.mP)(all);
    const out = [];
    const subgroups = subgroupItems(entries);
    for (const e of entries) {
        const item = [...subgroups].find((p) => e.key.startsWith(p));
        if (item !== undefined && e.value !== null && typeof e.value !== 'object') {
            out.push({ key: `${e.key.replace(/\[\d+\]/g, '')}=${JSON.stringify(e.value)}`, line: e.line, sig: e.key });
            continue;
        }
        // a list of mappings and a mapping hold the same audit: `ref_groups[0].race` = `ref_groups.race`
        const norm = e.key.replace(/\[\d+\]/g, '');
        if (e.value === null || (typeof e.value === 'object' && Object.keys(e.value).length === 0))
            continue;
        // a number in a fairness block is a threshold or a measured result: a new value is not a removed evaluation
        const value = typeof e.value === 'number' ? '<number>' : JSON.stringify(e.value);
        if (norm.split('.').some((s) => FAIRNESS_KEY.test(s)))
            out.push({ key: `${norm}=${value}`, line: e.line });
        else if (typeof e.value === 'string' && FAIR_METHOD_VALUE.test(e.value.trim()))
            out.push({ key: `${norm}=${value}`, line: e.line });
        else if (/metric|scor|eval|report/i.test(norm) && typeof e.value === 'string' && FAIRNESS_VALUE.test(e.value))
            out.push({ key: `${norm}=${value}`, line: e.line });
    }
    return out;
}
/**
 * A function of the notebook's own whose body evaluates fairness (`def aequitas_audit(df, ref_groups): ... Bias()
 * ...`) evaluates it wherever it is called: its body's evaluations count once per call outside it, so that a
 * notebook that wraps its repeated audits into a function audits as often as before.
 */
function inlineOwnFunctions(statements, out) {
    const defs = (0,analysis/* ownFunctions */.gH)(statements);
    if (defs.length === 0 || out.length === 0)
        return;
    for (const d of defs) {
        const body = out.filter((e) => (0,analysis/* inBody */.Cp)(d, e.line));
        if (body.length === 0)
            continue;
        const calls = statements.filter((s) => s.kind !== 'def' &&
            !defs.some((o) => (0,analysis/* inBody */.Cp)(o, s.line)) &&
            (0,parse/* callsIn */.Tz)(s).some((c) => c.fn.k === 'name' && c.fn.id === d.name));
        if (calls.length === 0)
            continue;
        for (const e of body)
            out.splice(out.indexOf(e), 1);
        // each at its line in the body, where a reviewer reads what it evaluates (or at its call, once that is gone)
        for (const c of calls)
            for (const e of body)
                out.push({ ...e, sig: (0,analysis/* flatText */.PV)(c), callLine: c.line });
    }
}
/** Each side is evaluated once however many checks and files ask (every file asks about every other). */
const evaluated = new WeakMap();
function evaluations(view, side) {
    if (!side)
        return [];
    let hit = evaluated.get(side);
    if (!hit)
        evaluated.set(side, (hit = evaluationsOf(view, side)));
    return hit;
}
function evaluationsOf(view, side) {
    try {
        if (view.kind === 'config')
            return configEvaluations(side.entries);
        if (view.kind === 'notebook' || view.kind === 'python')
            return codeEvaluations(side);
    }
    catch {
        // an unreadable side evaluates nothing
    }
    return [];
}
/** The key with an attribute that is only a variable name left out: such names change with refactoring. */
function looseKey(key) {
    const m = / by ([A-Za-z_]\w*)$/.exec(key);
    return m && !protectedColumnLike(m[1]) ? key.slice(0, m.index) : key;
}
const protectedColumnLike = (name) => (0,checks_protected/* protectedCategory */.du)(name) !== null;
/** A key with the module its function was called through left out: `a.b.get_eval_results by *` → `get_eval_results by *`. */
function functionKey(key) {
    return key.replace(/^[A-Za-z_][\w.]*?\.(?=\w+(?:[( ]|$))/, '');
}
/**
 * Takes each of `wanted` out of `pool` (by key, then by loose key), returning those with no counterpart.
 * Both lists are consumed in order.
 */
function unmatched(wanted, pool) {
    const left = [...pool];
    const take = (match) => {
        const i = left.findIndex(match);
        if (i === -1)
            return false;
        left.splice(i, 1);
        return true;
    };
    // an unchanged statement matches itself before any other instance of the same evaluation
    const unsigned = wanted.filter((w) => !(w.sig !== undefined && take((p) => p.key === w.key && p.sig === w.sig)));
    const exact = unsigned.filter((w) => !take((p) => p.key === w.key));
    // the same function reached through another module (`utils.get_eval_results` → `fi_util.get_eval_results`): an
    // API that moved, the same evaluation
    const rest = exact.filter((w) => !take((p) => p.key !== w.key && functionKey(p.key) === functionKey(w.key)));
    // an attribute known only as a variable on one side matches any attribute of the same evaluation on the other
    const bare = (key) => key.replace(/ by [^ ]+$/, '');
    const loosened = (key) => looseKey(key) !== key;
    // an own function's evaluation by attributes unknown here: they are its parameters, the caller's arguments
    const open = (e) => e.callLine !== undefined && e.key.endsWith(' by *');
    const loose = rest.filter((w) => !take((p) => bare(p.key) === bare(w.key) && (loosened(p.key) || loosened(w.key) || open(p) || open(w))));
    // an evaluation now by more attributes still covers those it was by (`by sex` → `by race,sex`)
    const attrs = (key) => / by ([^ ]+)$/.exec(key)?.[1].split(',') ?? [];
    const wider = loose.filter((w) => !take((p) => {
        const was = attrs(w.key);
        const now = new Set(attrs(p.key));
        return bare(p.key) === bare(w.key) && was.length > 0 && was.every((a) => now.has(a));
    }));
    // a dashboard of one library replaced by another's (`FairlearnDashboard` → raiwidgets' `FairnessDashboard`) over
    // the same attributes: the same view of the groups, through the API that replaced it
    const kind = (key) => (0,vocabulary/* classKind */.$$)(bare(key).split('(')[0].split('.').pop() ?? '');
    // the same statement calling the library's new name for the evaluation on the same values
    // (`reports.classification_fairness_report(PA, y, p)` → `reports.bias_report(PA, y, p, pred_type=...)`)
    const callOf = (key) => bare(key).split('(')[0].split('.').pop() ?? '';
    const shape = (e) => (e.sig ? callShape(e.sig, callOf(e.key)) : null);
    const renamedCall = (w) => {
        const was = shape(w);
        return (was !== null &&
            take((p) => p.key !== w.key &&
                callOf(p.key) !== callOf(w.key) &&
                attrs(p.key).join() === attrs(w.key).join() &&
                shape(p) === was));
    };
    return wider
        .filter((w) => !renamedCall(w))
        .filter((w) => !(kind(w.key) === 'Dashboard' &&
        take((p) => p.key !== w.key && kind(p.key) === 'Dashboard' && attrs(p.key).join() === attrs(w.key).join())));
}
/** Evaluations the change took away: base count above head count, one entry per missing instance. */
function removedEvaluations(view) {
    const code = view.kind === 'notebook' || view.kind === 'python';
    const before = distinct(evaluations(view, view.before), code ? view.before : null);
    if (before.length === 0)
        return [];
    const gone = unmatched(before, distinct(evaluations(view, view.after), code ? view.after : null));
    if (!code || !view.after || !gone.some((e) => e.callLine !== undefined))
        return gone;
    // an own function's evaluation whose call the change took away went at that call; the body it is in may stay
    const headTexts = new Set((0,analysis/* analyze */.ns)(view.after).statements.map(analysis/* flatText */.PV));
    return gone.map((e) => e.callLine !== undefined && e.sig !== undefined && !headTexts.has(e.sig) ? { ...e, line: e.callLine } : e);
}
/** One instance per rerun: a cell run twice in a row word for word evaluates nothing the first did not. */
function distinct(evaluations, side) {
    if (!side || evaluations.length < 2)
        return evaluations;
    const reruns = (0,analysis/* rerunTexts */.Pk)((0,analysis/* analyze */.ns)(side));
    if (reruns.size === 0)
        return evaluations;
    const seen = new Set();
    return evaluations.filter((e) => {
        if (e.sig === undefined || !reruns.has(e.sig))
            return true;
        const key = `${e.key}\u0000${e.sig}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Evaluations a change added to a file: head instances with no counterpart at the base. */
function gainedEvaluations(view) {
    const after = evaluations(view, view.after);
    if (after.length === 0)
        return [];
    return unmatched(after, evaluations(view, view.before));
}
/** `df = df[df.race.isin(['African-American', 'Caucasian'])]` newly before a fairness evaluation: groups left out of the audit. */
function groupsFilteredOut(view) {
    if (!view.after || !view.before || (view.kind !== 'notebook' && view.kind !== 'python'))
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const fresh = (0,analysis/* newStatements */.rm)((0,analysis/* analyze */.ns)(view.before), head);
    const evaluated = codeEvaluations(view.after);
    const out = [];
    for (const s of head.statements) {
        if (!fresh.has(s) || s.kind !== 'assign' || s.targets[0]?.k !== 'name' || !s.value)
            continue;
        const target = s.targets[0].id;
        const v = s.value;
        const rows = v.k === 'sub' ? v.items[v.items.length - 1] : v.k === 'call' && (0,parse/* calleeName */.wt)(v) === 'query' ? v : null;
        if (!rows || (0,parse/* rootName */.SX)(v) !== target)
            continue;
        let col = protectedComparison(rows)?.replace(/[=!<>].*$/, '') ?? null;
        (0,parse/* walk */.GG)(rows, (x) => {
            if (!col && x.k === 'call' && /^(isin|eq|ne|between)$/.test((0,parse/* calleeName */.wt)(x)))
                col = protectedColumnOf((0,parse/* receiver */.e6)(x));
            if (!col && x.k === 'str' && (0,parse/* calleeName */.wt)(v) === 'query')
                col = x.value.split(/[^A-Za-z_]+/).find((w) => (0,checks_protected/* protectedCategory */.du)(w) !== null) ?? null;
        });
        if (!col)
            continue;
        const later = new RegExp(`\\b${target}\\b`);
        const audited = head.statements.some((t) => t.index > s.index && later.test(t.text) && evaluated.some((e) => e.sig === (0,analysis/* flatText */.PV)(t)));
        if (audited)
            out.push({ line: s.line, text: `${col}: ${s.text.replace(/\s+/g, ' ').slice(0, 100)}` });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/group-encoding.ts
// A group's encoding turned round by a statement that otherwise stays the same: the value a protected column is
// compared with (`Z_test['race'] == 1` → `== 0`), or two values of a group's coding exchanged
// (`{"male": 0, "female": 1}` → `{"male": 1, "female": 0}`, `'Under 30' if x == 1 else 'Over 30'` the other way
// round). Every metric that tells the protected group from the reference group then reads them the wrong way.





/** String, number and boolean literals of a statement's text, comments left out. */
const LITERAL = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|(?<![\w.])\d+(?:\.\d+)?(?![\w.])|\bTrue\b|\bFalse\b)/g;
/** A literal's value: `'a'` and `"a"` are one string. */
const group_encoding_valueOf = (lit) => (/^["']/.test(lit.text) ? `"${lit.text.slice(1, -1)}"` : lit.text);
function literals(text) {
    const out = [];
    for (const m of text.matchAll(LITERAL))
        out.push({ text: m[0], at: m.index });
    return out;
}
/** Ordered comparison operators, not shifts or arrows. */
const ORDER = /(?<![<>=!-])(<=|>=|<|>)(?![<>=])/g;
/**
 * The statement with every literal and ordered comparison replaced: two statements of one skeleton differ only in
 * their values or in which way they compare.
 */
const skeleton = (stmt) => (0,analysis/* flatText */.PV)(stmt).replace(LITERAL, '§').replace(ORDER, '≶');
/** The column an operand ending here reads, when it is protected: `X_test["customer_age"]`, `df.age`, `(age`. */
function protectedOperand(before) {
    const m = /(?:\[\s*(["'])([^"'\n]{1,60})\1\s*\]|\b([A-Za-z_]\w*))\s*\)?$/.exec(before);
    const name = m ? (m[2] ?? m[3]) : undefined;
    return name !== undefined && (0,vocabulary/* protectedOf */.Qr)(name) !== null ? name : null;
}
/** A protected column ordered against a number (`age >= 50`): the boundary of an age group. */
function orderedAgainstProtected(text, at) {
    const before = text.slice(0, at).trimEnd();
    const op = /(<=|>=|<|>)$/.exec(before);
    return op !== null && protectedOperand(before.slice(0, -op[0].length).trimEnd()) !== null;
}
/** The ordered comparisons of a protected column in a text, in order: `>=` of `X["customer_age"] >= 50`. */
function protectedOrders(text) {
    const out = [];
    for (const m of text.matchAll(ORDER))
        if (protectedOperand(text.slice(0, m.index).trimEnd()) !== null)
            out.push({ op: m[0], at: m.index });
    return out;
}
/** Where a literal stands as a value of the coding: after `:` `==` `!=` `else` `return`, or before `if` `==` `!=`. */
function codingSlot(text, lit) {
    const before = text.slice(0, lit.at).trimEnd();
    const after = text.slice(lit.at + lit.text.length).trimStart();
    if (/(==|!=)$/.test(before) || /^(==|!=)/.test(after))
        return 'compare';
    if (orderedAgainstProtected(text, lit.at))
        return 'boundary';
    if (/(:|\belse|\breturn|\bif)$/.test(before) || /^(if\b|else\b)/.test(after))
        return 'value';
    return null;
}
/** A statement about a group: a protected column or value, a sensitive attribute, a privileged group. */
function aboutGroup(text) {
    for (const m of text.matchAll(/[A-Za-z_][\w]*|"[^"\n]{1,60}"|'[^'\n]{1,60}'/g)) {
        const token = m[0].replace(/^["']|["']$/g, '');
        if ((0,vocabulary/* protectedOf */.Qr)(token) !== null || (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(token)))
            return true;
    }
    return false;
}
/** Output, plotting and logging calls: a label or colour changed in them codes nothing. */
const PRESENTATION = /^(print|display|plot|bar|barh|barplot|countplot|hist|scatter|title|set_title|xlabel|ylabel|set_xlabel|set_ylabel|legend|annotate|text|format|savefig|figure|subplots|log|info|warning|debug|write|markdown|HTML|Markdown)$/;
/** The text up to a place in a statement, for a finding's evidence. */
const around = (text, at, length = 1) => text
    .slice(Math.max(0, at - 50), at + length)
    .replace(/\s+/g, ' ')
    .trim();
/** The first protected comparison that now goes the other way: `>=` → `<`. */
function orderTurned(was, now) {
    if (was.length !== now.length)
        return null;
    const i = now.findIndex((n, j) => n.op !== was[j].op);
    return i === -1 ? null : { from: was[i].op, op: now[i].op, at: now[i].at };
}
/** A value of a protected attribute, not the attribute's column: `'Caucasian'`, `'Female'`; not `'race'`, `'age'`. */
function groupValue(value) {
    const category = (0,vocabulary/* protectedOf */.Qr)(value);
    if (category === null)
        return null;
    return (0,checks_protected/* protectedCategory */.du)(value) === null || /^(male|female|males|females|man|woman|men|women)$/i.test(value)
        ? category
        : null;
}
/** Two string literals naming groups of one protected attribute: `'Caucasian'` and `'African-American'`. */
function sameAttribute(a, b) {
    if (!/^["']/.test(a.text) || !/^["']/.test(b.text))
        return false;
    const ca = groupValue(a.text.slice(1, -1));
    return ca !== null && ca === groupValue(b.text.slice(1, -1));
}
/** Group codings the change turned round in statements it rewrote. */
function encodingTurns(view) {
    if (!view.before || !view.after || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    // base statements the change rewrote or removed, by the shape they keep when only their values change
    const gone = goneByKey(base.statements, head.statements, (b) => /==|!=|:|\belse\b|[<>"']/.test(b.text) ? skeleton(b) : null);
    // a group's boundary moved or turned (`age >= 50` → `>= 25`, `< 50`) is read where the file is about fairness:
    // elsewhere an age filter selects the data, not a group compared with another
    const fairFile = vocabulary/* FAIRNESS_FILE */.BV.test(view.after.text);
    const out = [
        ...exchangedBetweenNames(view, base.statements, head.statements),
        ...masksInverted(view, base.statements, head.statements)
    ];
    if (gone.size === 0)
        return out;
    const baseTexts = new Set(base.statements.map(analysis/* flatText */.PV));
    for (const s of head.statements) {
        if (baseTexts.has((0,analysis/* flatText */.PV)(s)) || s.kind === 'import' || s.kind === 'def')
            continue;
        const olds = gone.get(skeleton(s));
        if (!olds)
            continue;
        const text = stripComments(s.text);
        if (!aboutGroup(text) || (0,parse/* callsIn */.Tz)(s).some((c) => PRESENTATION.test((0,parse/* calleeName */.wt)(c))))
            continue;
        const now = literals(text);
        for (const old of olds) {
            const oldText = stripComments(old.text);
            const was = literals(oldText);
            if (was.length !== now.length)
                continue;
            const differing = now.map((_, i) => i).filter((i) => group_encoding_valueOf(now[i]) !== group_encoding_valueOf(was[i]));
            if (differing.length === 0) {
                const turned = fairFile ? orderTurned(protectedOrders(oldText), protectedOrders(text)) : null;
                if (!turned)
                    continue;
                const line = lineAt(s, text, turned.at);
                if (!view.isAddedLine(line))
                    continue;
                out.push({
                    line,
                    detail: `group boundary turned: ${turned.from} → ${turned.op} in …${around(text, turned.at)}`
                });
                break;
            }
            // one group's value for another of the same attribute, wherever it stands (`'Caucasian'` → `'African-American'`
            // as a reference group argument): the comparison now centres on another group
            const slots = differing.map((i) => codingSlot(text, now[i]) ?? (sameAttribute(was[i], now[i]) ? 'group' : null));
            if (slots.some((k) => k === null || (k === 'boundary' && !fairFile)))
                continue;
            const sorted = (xs) => xs
                .map((x) => x.text)
                .sort()
                .join('\u0000');
            const swapped = differing.length >= 2 && sorted(differing.map((i) => now[i])) === sorted(differing.map((i) => was[i]));
            const compared = slots.every((k) => k === 'compare' || k === 'boundary' || k === 'group');
            if (!swapped && !compared)
                continue;
            const first = now[differing[0]];
            const line = lineAt(s, text, first.at);
            if (!view.isAddedLine(line))
                continue;
            const pairs = differing.map((i) => `${was[i].text} → ${now[i].text}`).join(', ');
            const what = swapped
                ? 'group coding swapped'
                : slots.includes('boundary')
                    ? "group's boundary moved"
                    : slots.includes('group')
                        ? 'group exchanged for another'
                        : 'group compared with another value';
            out.push({ line, detail: `${what}: ${pairs} in …${around(text, first.at, first.text.length)}` });
            break;
        }
    }
    return out.slice(0, 3);
}
/** How many times each name is negated in a text: `~sex_A & ~young` → sex_A 1, young 1. */
function negations(text) {
    const out = new Map();
    for (const m of text.matchAll(/~\s*([A-Za-z_][\w.]*)/g))
        out.set(m[1], (out.get(m[1]) ?? 0) + 1);
    return out;
}
/**
 * A group mask negated, or its negation taken off, in a statement that stays otherwise the same:
 * `group_difference_plot(values, sex_A)` → `(values, ~sex_A)`. The groups the comparison takes are exchanged.
 */
function masksInverted(view, base, head) {
    const plain = (t) => t.replace(/~\s*/g, '');
    const baseByPlain = new Map();
    for (const b of base)
        baseByPlain.set(plain((0,analysis/* flatText */.PV)(b)), (0,analysis/* flatText */.PV)(b));
    const baseTexts = new Set(base.map(analysis/* flatText */.PV));
    const out = [];
    for (const s of head) {
        const flat = (0,analysis/* flatText */.PV)(s);
        if (baseTexts.has(flat) || s.kind === 'import' || s.kind === 'def')
            continue;
        const was = baseByPlain.get(plain(flat));
        if (was === undefined)
            continue;
        // the name whose negation changed: `~` in one text and not at the same place in the other
        const a = negations(was);
        const b = negations(flat);
        const turned = [...new Set([...a.keys(), ...b.keys()])].find((n) => (a.get(n) ?? 0) !== (b.get(n) ?? 0) && aboutGroup(n));
        if (!turned)
            continue;
        const text = stripComments(s.text);
        const at = Math.max(0, text.search(new RegExp(`(?<![\\w.])${turned.replace(/\./g, '\\.')}(?![\\w])`)));
        const line = lineAt(s, text, at);
        if (!view.isAddedLine(line))
            continue;
        out.push({
            line,
            detail: `group mask inverted: ${(a.get(turned) ?? 0) > (b.get(turned) ?? 0) ? `~${turned} → ${turned}` : `${turned} → ~${turned}`} in …${around(text, at, turned.length)}`
        });
    }
    return out;
}
/** Literal values assigned once, by name: `threshold_female = 0.45`, `t_a, t_b = 0.55, 0.45`. */
function literalAssignments(stmts) {
    const out = new Map();
    const put = (name, value, line) => void out.set(name, out.has(name) ? null : { value, line });
    for (const s of stmts) {
        if (s.kind !== 'assign' || !s.value)
            continue;
        const values = s.value.k === 'seq' && s.targets.length > 1 ? s.value.items : [s.value];
        if (values.length !== s.targets.length)
            continue;
        s.targets.forEach((t, i) => {
            const v = values[i];
            if (t.k === 'name' && (v.k === 'num' || v.k === 'str'))
                put(t.id, v.text, v.line);
            else if (t.k === 'name')
                out.set(t.id, null);
        });
    }
    return new Map([...out].flatMap(([k, v]) => (v ? [[k, v]] : [])));
}
/** Two per-group settings that exchanged their values across statements: `threshold_group_a = 0.55` and
 * `threshold_group_b = 0.45` the other way round. */
function exchangedBetweenNames(view, base, head) {
    const was = literalAssignments(base);
    const now = literalAssignments(head);
    // a name about a group: `thr_female`, or in a file about fairness `threshold_group_a`, `weight_privileged`
    const fairFile = vocabulary/* FAIRNESS_FILE */.BV.test(view.after?.text ?? '');
    const perGroup = (n) => aboutGroup(n) ||
        (fairFile && (0,vocabulary/* words */.aL)(n).some((w) => /^(groups?|grp|privileged|unprivileged|priv|unpriv|majority|minority)$/.test(w)));
    const changed = [...now].filter(([n, v]) => was.has(n) && was.get(n).value !== v.value && perGroup(n));
    const out = [];
    for (let i = 0; i < changed.length; i++)
        for (let j = i + 1; j < changed.length; j++) {
            const [a, va] = changed[i];
            const [b, vb] = changed[j];
            const shared = (0,vocabulary/* words */.aL)(a).some((w) => (0,vocabulary/* words */.aL)(b).includes(w));
            if (!shared || va.value !== was.get(b).value || vb.value !== was.get(a).value)
                continue;
            const line = view.isAddedLine(va.line) ? va.line : vb.line;
            if (!view.isAddedLine(line))
                continue;
            out.push({
                line,
                detail: `group coding swapped: ${a} ${was.get(a).value} → ${va.value}, ${b} ${was.get(b).value} → ${vb.value}`
            });
        }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/responsible-ai.ts








const responsible_ai_family = 'responsible-ai';
const PROTECTED_ATTRIBUTE = {
    id: 'RAI-PROTECTED-ATTRIBUTE',
    family: responsible_ai_family,
    title: 'Protected attribute added to model features',
    status: 'fail',
    bias: true,
    flags: 'gender/sex, race/ethnicity, age, religion, nationality/citizenship, disability, marital status, pregnancy, sexual orientation or a zip/postcode proxy newly added to a feature list, an X column selection or a config feature key',
    fix: 'Drop the attribute from the model inputs (keep it only as sensitive_features for fairness evaluation), or document the legal basis and per-group results.'
};
const FAIRNESS_METRIC_REMOVED = {
    id: 'RAI-FAIRNESS-METRIC-REMOVED',
    family: responsible_ai_family,
    title: 'Fairness / per-group evaluation removed',
    status: 'fail',
    bias: true,
    flags: 'fewer fairness evaluations per attribute, metric and group (fairlearn, AIF360, aequitas, TFMA / Fairness Indicators, MinDiff, TFCO, responsible-ai-toolbox, audited-attribute lists, group masks, scored subsets, config audit blocks and fairness methods), a mitigation switched off, groups filtered out before an audit, or a deleted file that held them',
    fix: 'Keep the per-group fairness metrics in the evaluation, or move them and link where they are reported now.'
};
const PRIVILEGED_GROUPS_CHANGED = {
    id: 'RAI-PRIVILEGED-GROUPS-CHANGED',
    family: responsible_ai_family,
    title: 'Privileged/unprivileged group definition changed',
    status: 'fail',
    bias: true,
    flags: 'privileged_groups / unprivileged_groups / privileged_classes, or a reference group (aequitas ref_groups_dict, ref_groups in configs) redefined, or the coding of a protected group turned round in code (the value a protected column is compared with, two codes of a group exchanged): every disparity is measured against it',
    fix: 'Confirm the new group encoding against the dataset documentation; swapped groups invert every fairness metric.'
};
const PII_IN_OUTPUT = {
    id: 'RAI-PII-IN-OUTPUT',
    family: responsible_ai_family,
    title: 'Personal data in committed notebook output',
    status: 'fail',
    bias: false,
    flags: 'e-mail addresses or phone numbers newly present in notebook outputs',
    fix: 'Clear the outputs (e.g. nbstripout) or mask the personal data before committing.'
};
const RAI_CHECKS = [
    PROTECTED_ATTRIBUTE,
    FAIRNESS_METRIC_REMOVED,
    PRIVILEGED_GROUPS_CHANGED,
    PII_IN_OUTPUT
];
// ---------------------------------------------------------------------------------------------
// Protected attributes

function checkProtected(view) {
    // a new notebook or script that itself measures fairness puts the attribute in on purpose: a fairness-unaware
    // baseline whose bias it evaluates (a fairness tutorial, a debiasing study)
    if (!view.before && view.after && evaluations(view, view.after).length > 0)
        return [];
    const byLine = new Map();
    for (const use of (0,checks_protected/* introducedProtected */.AB)(view)) {
        // the line of the route the change wrote, when the column itself was there before (a new concat, a new fit)
        const line = (use.route ?? []).find((l) => view.isAddedLine(l)) ?? use.line;
        byLine.set(line, [...(byLine.get(line) ?? []), use]);
    }
    return [...byLine].map(([line, uses]) => makeFinding(PROTECTED_ATTRIBUTE, view, line, uses.map((u) => `'${u.column}' (${u.category}) via ${u.via}`).join('; ')));
}
// ---------------------------------------------------------------------------------------------
// Fairness metrics removed
function checkFairnessRemoved(view, all) {
    // a package list, a CI job or a docs page that names fairness evaluates nothing; a fixture or scratch file
    // deleted takes away no evaluation a reviewer gates
    if (!view.before || (0,file_role/* projectTooling */.I)(view.path) || (!view.after && (0,file_role/* disposable */.B)(view.path)))
        return [];
    const filtered = groupsFilteredOut(view).map((g) => makeFinding(FAIRNESS_METRIC_REMOVED, view, g.line, `rows filtered to some groups of ${g.text} before the fairness evaluation`));
    return [...filtered, ...removedFairness(view, all)];
}
function removedFairness(view, all) {
    if (!view.before)
        return [];
    const own = removedEvaluations(view);
    // no evaluation left the file: the other files need not be read
    if (own.length === 0)
        return view.after ? [] : deletedFairnessWork(view, all);
    // what the other changed files gained is a move, not a removal
    // (a deleted file's evaluations that another changed file holds on its head: the deleted file was a copy)
    const elsewhere = all
        .filter((o) => o !== view)
        .flatMap((o) => (view.after ? gainedEvaluations(o) : evaluations(o, o.after)));
    const removed = unmatched(own, elsewhere);
    if (removed.length === 0)
        return [];
    if (!view.after) {
        const what = [...new Set(removed.map((e) => e.key))];
        const shown = what.slice(0, 4).join('; ') + (what.length > 4 ? ` and ${what.length - 4} more` : '');
        return [makeFinding(FAIRNESS_METRIC_REMOVED, view, null, `file deleted with its fairness evaluation: ${shown}`)];
    }
    // a removal inside a statement the head still has (a metric cut from its list) points at that statement
    const gained = gainedEvaluations(view);
    const slot = (key) => key.replace(/\([^)]*\)/, '(*)');
    const headLine = (e) => gained.find((g) => slot(g.key) === slot(e.key))?.line ?? view.headLineFor(e.line);
    // one finding per block of nearby removals
    const out = [];
    const sorted = [...removed].sort((a, b) => a.line - b.line);
    let block = [];
    const flush = () => {
        if (block.length === 0)
            return;
        const keys = [...new Set(block.map((e) => e.key))];
        const shown = keys.slice(0, 4).join('; ') + (keys.length > 4 ? ` and ${keys.length - 4} more` : '');
        out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, headLine(block[0]), `removed: ${shown} (base line ${block[0].line})`));
        block = [];
    };
    for (const e of sorted) {
        const last = block[block.length - 1];
        // removals far apart at the base that land on the same head line are one removed section
        if (last && e.line - last.line > 3 && headLine(e) !== headLine(last))
            flush();
        block.push(e);
    }
    flush();
    return out.slice(0, 5);
}
// ---------------------------------------------------------------------------------------------
// Privileged / unprivileged groups
const GROUP_NAME = /^(un)?priv(ileged)?_(groups?|classes?|values?|protected_attributes|attributes?|attrs?|labels?)$|^(un)?favou?rable_(label|labels|class|classes)$|^group_(base_values?|bins)$|^(ref_groups?(_dict)?|reference_groups?|reference_group_dict|base_groups?|ref_groups?_method)$|^(reference|ref|baseline|base)_(level|category|class|value|group)s?$|^facet_values?_or_threshold$/i;
const FORMULA_REFERENCE = /C\(\s*(\w+)\s*,\s*Treatment\(\s*(?:reference\s*=\s*)?(['"][^'"]*['"]|[\w.-]+)\s*\)/g;
function groupDefinitions(side, kind) {
    const out = [];
    if (kind === 'config') {
        for (const e of side.entries) {
            const path = e.key.split('.').map((s) => s.replace(/\[\d+\]/g, ''));
            // SageMaker Clarify's analysis config: `facet[0].value_or_threshold` is the group every bias metric measures
            const facet = path.at(-1) === 'value_or_threshold' && path.at(-2) === 'facet' ? 'facet.value_or_threshold' : null;
            const name = facet ?? path.find((s) => GROUP_NAME.test(s));
            // `ref_groups[0].race` and `ref_groups.race` define the same group
            if (name)
                out.push({ name, text: `${e.key.replace(/\[\d+\]/g, '')}=${JSON.stringify(e.value)}`, line: e.line });
        }
        return out;
    }
    const statements = (0,analysis/* analyze */.ns)(side).statements;
    // a variable handed to a group argument (`ref_groups_dict=attributes_and_reference_groups`) defines groups too
    const passedAsGroups = new Set();
    for (const stmt of statements)
        for (const call of (0,parse/* callsIn */.Tz)(stmt))
            for (const arg of call.args)
                if (arg.name && GROUP_NAME.test(arg.name) && arg.value.k === 'name')
                    passedAsGroups.add(arg.value.id);
    for (const [at, stmt] of statements.entries()) {
        // `def race(row): if row['HISPANX'] == 2 and row['RACEV2X'] == 1: return 'White'`: the rule that puts people
        // in a group is that group's definition
        const picked = groupPicked(statements, at);
        if (picked)
            out.push(picked);
        // a model formula's reference level of a protected column: `C(race, Treatment(reference='White'))`
        if (stmt.text.includes('Treatment'))
            for (const e of stmt.exprs)
                (0,parse/* walk */.GG)(e, (x) => {
                    if (x.k !== 'str' || !x.value.includes('Treatment'))
                        return;
                    for (const m of x.value.matchAll(FORMULA_REFERENCE)) {
                        if (!(0,checks_protected/* protectedCategory */.du)(m[1]))
                            continue;
                        out.push({ name: `reference level of ${m[1]}`, text: `${m[1]}: reference ${m[2]}`, line: x.line, stmt });
                    }
                });
        if (stmt.kind === 'assign') {
            for (const t of stmt.targets) {
                const name = t.k === 'name' ? t.id : t.k === 'attr' ? t.name : null;
                if (name && (GROUP_NAME.test(name) || passedAsGroups.has(name)))
                    out.push({ name, text: (0,analysis/* flatText */.PV)(stmt), line: stmt.line, stmt });
            }
        }
        // lale's protected_attributes=[{'feature': 'age', 'reference_group': [[26, 1000]]}]: a group named by a dict key,
        // told apart from its siblings by the attribute the same dict names
        for (const e of stmt.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k !== 'dict')
                    return;
                const attribute = x.entries.find((en) => en.value.k === 'str' && (0,checks_protected/* protectedCategory */.du)(en.value.value));
                for (const en of x.entries) {
                    if (en.key?.k !== 'str' || !GROUP_NAME.test(en.key.value) || en.value.k === 'name')
                        continue;
                    const of = attribute?.value.k === 'str' ? ` of ${attribute.value.value}` : '';
                    out.push({
                        name: `${en.key.value}${of}`,
                        text: `${en.key.value}${of}=${en.value.text.replace(/\s+/g, ' ')}`,
                        line: en.value.line,
                        stmt
                    });
                }
            });
        // get_disparity_predefined_groups(..., ref_groups_dict={'race': 'Caucasian'}): a literal given in the call
        for (const call of (0,parse/* callsIn */.Tz)(stmt)) {
            for (const arg of call.args) {
                if (!arg.name || !GROUP_NAME.test(arg.name) || arg.value.k === 'name' || arg.value.k === 'attr')
                    continue;
                out.push({
                    name: arg.name,
                    text: `${arg.name}=${arg.value.text.replace(/\s+/g, ' ')}`,
                    line: arg.value.line,
                    stmt
                });
            }
        }
    }
    return out;
}
/** An `if` whose body returns (or assigns) a group's name: its condition, named by the group and function. */
function groupPicked(statements, at) {
    const stmt = statements[at];
    const m = /^(?:el)?if\b([\s\S]*?):?\s*(?:#.*)?$/.exec(stmt.text.trim());
    if (!m || stmt.kind !== 'other')
        return null;
    // the statement after the header (the parser keeps its colon apart)
    const next = statements.slice(at + 1, at + 3).find((s) => s.text.trim() !== ':');
    const body = next?.text.trim() ?? '';
    const value = /^(?:return\s+|[\w.[\]'"]+\s*=\s*)(['"])([^'"]{1,40})\1\s*(?:#.*)?$/.exec(body)?.[2];
    if (!value || !vocabulary/* GROUP_VALUE */.IO.test(value.trim()))
        return null;
    const fn = (0,analysis/* enclosingFunction */.pG)(statements, stmt.line)?.name;
    const name = `condition for '${value}'${fn ? ` in ${fn}()` : ''}`;
    return { name, text: `${name}=${m[1].trim()}`, line: stmt.line, stmt };
}
/** A protected group's coding turned round in code: the value it is compared with, or two codes exchanged. */
function checkGroupEncoding(view) {
    if (view.kind !== 'notebook' && view.kind !== 'python')
        return [];
    return encodingTurns(view).map((t) => makeFinding(PRIVILEGED_GROUPS_CHANGED, view, t.line, t.detail));
}
function checkPrivilegedGroups(view) {
    if (!view.before || !view.after)
        return [];
    const before = groupDefinitions(view.before, view.kind);
    if (before.length === 0)
        return [];
    // spacing around punctuation is layout, not a different group
    const canonical = (text) => text.replace(/\s*([,:;{}[\]()=])\s*/g, '$1').trim();
    const beforeTexts = new Set(before.map((d) => canonical(d.text)));
    const code = view.kind !== 'config';
    const head = code ? (0,analysis/* analyze */.ns)(view.after) : null;
    const base = code ? (0,analysis/* analyze */.ns)(view.before) : null;
    // statements the change wrote (on its added lines), and base statements it rewrote or removed (fewer copies left)
    const headCount = new Map();
    for (const st of head?.statements ?? [])
        headCount.set((0,analysis/* flatText */.PV)(st), (headCount.get((0,analysis/* flatText */.PV)(st)) ?? 0) + 1);
    const gone = new Set();
    for (const st of base?.statements ?? []) {
        const n = headCount.get((0,analysis/* flatText */.PV)(st)) ?? 0;
        if (n > 0)
            headCount.set((0,analysis/* flatText */.PV)(st), n - 1);
        else
            gone.add(st);
    }
    const fresh = new Set((head?.statements ?? []).filter((st) => {
        for (let l = st.line; l <= st.endLine; l++)
            if (view.isAddedLine(l))
                return true;
        return false;
    }));
    const isNew = (d) => (d.stmt ? fresh.has(d.stmt) : view.isAddedLine(d.line));
    const rewritten = (b) => (b.stmt ? gone.has(b.stmt) : true);
    // code: a rewritten definition replaces a removed one of the same name; config: a changed value
    const replaced = (name, text) => !code
        ? !beforeTexts.has(canonical(text)) && before.some((b) => b.name.toLowerCase() === name.toLowerCase())
        : before.some((b) => rewritten(b) && b.name.toLowerCase() === name.toLowerCase() && canonical(b.text) !== canonical(text));
    const changed = groupDefinitions(view.after, view.kind).filter((d) => isNew(d) && replaced(d.name, d.text));
    // one finding per block of nearby redefinitions
    const out = [];
    let block = [];
    const flush = () => {
        if (block.length === 0)
            return;
        const was = (d) => {
            const old = before.find((b) => b.name.toLowerCase() === d.name.toLowerCase() && rewritten(b) && canonical(b.text) !== canonical(d.text));
            return old ? ` (base: ${old.text.replace(/^.*?=\s*/, '')})` : '';
        };
        out.push(makeFinding(PRIVILEGED_GROUPS_CHANGED, view, block[0].line, block.map((d) => `${d.text}${was(d)}`).join('; ')));
        block = [];
    };
    for (const d of changed) {
        if (block.length > 0 && d.line - block[block.length - 1].line > 3)
            flush();
        block.push(d);
    }
    flush();
    return out;
}
// ---------------------------------------------------------------------------------------------
// Personal data in outputs
const EMAIL = /(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)@((?:[A-Za-z0-9-]+\.)+([A-Za-z]{2,24}))(?![\w-])/g;
const PHONE = /(?<![\w+.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{4}|\d{3}-\d{3}-\d{4}|\d{3} \d{3} \d{4}|\+\d{1,3}[ -]\d{2,4}[ -]\d{3,4}[ -]\d{3,4})(?![\w.-]|\d)/g;
const NOT_EMAIL_TLD = /^(png|jpe?g|gif|svg|webp|bmp|ico|py|ipynb|js|ts|json|ya?ml|toml|txt|csv|html?|css|md|pt|bin|ckpt|safetensors|onnx|h5|pkl|zip|gz|tar|whl|so|dll|exe|lock|cfg|ini|log)$/i;
const PLACEHOLDER_DOMAIN = /(^|\.)(example\.(com|org|net)|test|invalid|localhost|local|users\.noreply\.github\.com|noreply\.github\.com)$/i;
const PLACEHOLDER_USER = /^(git|noreply|no-reply|user|username|name|email|your[._-]?email|you|foo|bar|test|example|john\.doe|jane\.doe)$/i;
function maskEmail(user, domain) {
    return `${user[0]}***@${domain}`;
}
function maskPhone(phone) {
    const digits = phone.replace(/\D/g, '');
    return `phone ending …${digits.slice(-2)}`;
}
function personalData(text) {
    const out = [];
    EMAIL.lastIndex = 0;
    let m;
    while ((m = EMAIL.exec(text)) !== null) {
        const [, user, domain, tld] = m;
        if (NOT_EMAIL_TLD.test(tld) || PLACEHOLDER_DOMAIN.test(domain) || PLACEHOLDER_USER.test(user))
            continue;
        out.push({ kind: 'e-mail', key: m[0].toLowerCase(), shown: maskEmail(user, domain), raw: m[0] });
    }
    PHONE.lastIndex = 0;
    while ((m = PHONE.exec(text)) !== null) {
        const digits = m[0].replace(/\D/g, '');
        if (digits.length < 10 || /^(\d)\1+$/.test(digits))
            continue;
        out.push({ kind: 'phone number', key: digits, shown: maskPhone(m[0]), raw: m[0] });
    }
    return out;
}
/** The .ipynb line, at or after an output's start, whose JSON string holds the value; the start when none does. */
function valueLine(ipynb, from, raw) {
    const needle = JSON.stringify(raw).slice(1, -1);
    const lines = ipynb.split('\n');
    for (let i = Math.max(0, from - 1); i < lines.length && i < from + 5_000; i++)
        if (lines[i].includes(needle))
            return i + 1;
    return from;
}
function checkPersonalData(view) {
    if (view.kind !== 'notebook' || !view.after?.notebook || !view.baseKnown)
        return [];
    const seen = new Set();
    for (const cell of view.before?.notebook?.cells ?? []) {
        for (const o of cell.outputs)
            for (const p of personalData(o.text))
                seen.add(p.key);
    }
    const out = [];
    for (const cell of view.after.notebook.cells) {
        for (const o of cell.outputs) {
            const fresh = personalData(o.text).filter((p) => !seen.has(p.key));
            if (fresh.length === 0)
                continue;
            fresh.forEach((p) => seen.add(p.key));
            const kinds = [...new Set(fresh.map((p) => p.kind))].join(' and ');
            const shown = fresh
                .slice(0, 3)
                .map((p) => p.shown)
                .join(', ');
            const more = fresh.length > 3 ? ` and ${fresh.length - 3} more` : '';
            out.push(makeFinding(PII_IN_OUTPUT, view, valueLine(view.after.text, o.line, fresh[0].raw), `${kinds} in cell ${cell.index + 1} output (${o.outputType}): ${shown}${more}`));
        }
    }
    return out;
}
const responsibleAi = (view, all) => {
    const out = [];
    for (const check of [
        checkProtected,
        checkFairnessRemoved,
        checkPrivilegedGroups,
        checkGroupEncoding,
        checkPersonalData
    ]) {
        try {
            out.push(...check(view, all));
        }
        catch {
            // one check failing on odd input leaves the others standing
        }
    }
    return out;
};
/**
 * A deleted notebook or script whose evaluation is not one the checks read (an exercise that imports a fairness
 * library's metrics and leaves their use to the reader, per-group rates written by hand) still held fairness work
 * when its name says so. The same name on another changed file is a move; a fairness notebook or script the change
 * adds (by its name or its fairness imports) is a replacement.
 */
function deletedFairnessWork(view, all) {
    if (!view.before || (view.kind !== 'notebook' && view.kind !== 'python'))
        return [];
    const name = view.path.split('/').pop() ?? view.path;
    if (!vocabulary/* FAIRNESS_FILE */.BV.test(name))
        return [];
    const moved = all.some((o) => {
        if (o === view || !o.after || (o.kind !== 'notebook' && o.kind !== 'python'))
            return false;
        const other = o.path.split('/').pop() ?? '';
        if (other === name)
            return true;
        // renamed (`Part2_Debiasing.ipynb` → `Part2_FaceDetection.ipynb`): most of its code is in the added file
        return !o.before && (vocabulary/* FAIRNESS_FILE */.BV.test(other) || fairnessImports(o.after).length > 0 || sharesCode(view, o));
    });
    if (moved)
        return [];
    return [makeFinding(FAIRNESS_METRIC_REMOVED, view, null, 'file deleted with its fairness work (by its name)')];
}
/** Whether most statements of a deleted file's code stand, word for word, in another file's head. */
function sharesCode(gone, other) {
    if (!gone.before || !other.after)
        return false;
    const was = (0,analysis/* analyze */.ns)(gone.before).statements.filter((st) => st.kind !== 'import');
    if (was.length === 0)
        return false;
    const now = new Set((0,analysis/* analyze */.ns)(other.after).statements.map(analysis/* flatText */.PV));
    return was.filter((st) => now.has((0,analysis/* flatText */.PV)(st))).length * 2 >= was.length;
}
/** The fairness libraries a side imports, by top-level package. */
function fairnessImports(side) {
    const out = new Set();
    for (const st of (0,analysis/* analyze */.ns)(side).statements)
        for (const imp of st.imports)
            if (vocabulary/* FAIR_MODULE */.c7.test(imp.module))
                out.add(imp.module.split('.')[0]);
    return [...out].sort();
}
/** Checks that still apply to a file the change deleted: the fairness evaluation it held. */
const deletedFile = (view, all) => {
    try {
        return checkFairnessRemoved(view, all);
    }
    catch {
        return [];
    }
};

;// CONCATENATED MODULE: ./src/checks/supply-chain.ts







const supply_chain_family = 'supply-chain';
const TRUST_REMOTE_CODE = {
    id: 'SUPPLY-TRUST-REMOTE-CODE',
    family: supply_chain_family,
    title: 'trust_remote_code enabled',
    status: 'fail',
    bias: false,
    flags: 'trust_remote_code: true / trust_remote_code=True introduced, or kept on while the model now comes from another owner (runs Python from the model repository)',
    fix: 'Use a model supported natively by the library, or pin revision= to a reviewed commit and vendor the code.'
};
const TORCH_LOAD_UNSAFE = {
    id: 'SUPPLY-TORCH-LOAD-UNSAFE',
    family: supply_chain_family,
    title: 'torch.load without weights_only=True',
    status: 'warn',
    bias: false,
    flags: 'a new torch.load( call without weights_only=True (unpickles arbitrary objects)',
    fix: 'Pass weights_only=True, or load safetensors files instead of pickles.'
};
const PICKLE_DOWNLOAD = {
    id: 'SUPPLY-PICKLE-DOWNLOAD',
    family: supply_chain_family,
    title: 'Pickle loaded from a download',
    status: 'warn',
    bias: false,
    flags: 'pickle.load / joblib.load / pd.read_pickle / dill.load of a file fetched with hf_hub_download, urlretrieve, requests, wget or a URL',
    fix: 'Do not unpickle downloaded files; use safetensors/JSON/Parquet, or verify a pinned checksum first.'
};
const UNPINNED_REVISION = {
    id: 'SUPPLY-UNPINNED-REVISION',
    family: supply_chain_family,
    title: 'Remote model loaded without a pinned revision',
    status: 'warn',
    bias: false,
    flags: 'a Hub model id newly loaded (from_pretrained, pipeline, model_name_or_path/base_model keys) without revision= / model_revision pinned to a commit or tag, in a file that pins revisions elsewhere (examples that never pin are not held to it)',
    fix: 'Pin revision= (a commit hash) so the weights and code cannot change under the same name.'
};
const REVISION_PIN_REMOVED = {
    id: 'SUPPLY-REVISION-PIN-REMOVED',
    family: supply_chain_family,
    title: 'Model revision pin removed',
    status: 'warn',
    bias: false,
    flags: 'model_revision / revision pin removed (or set to main) while the model is still loaded from the Hub',
    fix: 'Keep the revision pin, or replace it with a newer commit hash.'
};
const PIN_REMOVED = {
    id: 'SUPPLY-DEPENDENCY-PIN-REMOVED',
    family: supply_chain_family,
    title: 'Dependency version pin removed',
    status: 'warn',
    bias: false,
    flags: 'a package a notebook installs (`%pip install` / `!pip install` / `!uv pip install`) pinned to a version at the base (`==`, `~=`) and installed with no version in its place: the run gets whatever version is latest',
    fix: 'Keep the pin (or move it to a newer tested version) and note why it was there.'
};
const SECRET_COMMITTED = {
    id: 'SUPPLY-SECRET-COMMITTED',
    family: supply_chain_family,
    title: 'Credential committed',
    status: 'fail',
    bias: false,
    flags: 'a new line holding an access token or key (Hugging Face, OpenAI, W&B, AWS, GitHub …, or a long literal under a secret-named key), in code, configs or notebook outputs',
    fix: 'Revoke the credential now, remove it from the file and its history, and read it from the environment or a secret store instead.'
};
const SUPPLY_CHECKS = [
    TRUST_REMOTE_CODE,
    TORCH_LOAD_UNSAFE,
    PICKLE_DOWNLOAD,
    UNPINNED_REVISION,
    REVISION_PIN_REMOVED,
    PIN_REMOVED,
    SECRET_COMMITTED
];
const supply_chain_isCode = (view) => view.kind === 'notebook' || view.kind === 'python';
// ---------------------------------------------------------------------------------------------
// trust_remote_code
function checkTrustRemoteCode(view) {
    if (!view.after || !view.baseKnown)
        return [];
    if (view.kind === 'config') {
        const before = new Set(view.before?.entries
            .filter((e) => (0,checks_params/* lastSegment */.mp)(e.key) === 'trust_remote_code' && (0,python/* isTruthy */.zz)(e.value))
            .map((e) => e.key));
        const turnedOn = view.after.entries
            .filter((e) => (0,checks_params/* lastSegment */.mp)(e.key) === 'trust_remote_code' && (0,python/* isTruthy */.zz)(e.value) && !before.has(e.key))
            .map((e) => makeFinding(TRUST_REMOTE_CODE, view, e.line, `${e.key}: ${JSON.stringify(e.value)}`));
        if (turnedOn.length > 0 || before.size === 0)
            return turnedOn;
        // trust kept on while the model now comes from another owner: the code run is someone else's
        const owners = new Set(configModels(view.before?.entries ?? []).map((m) => m.repo.split('/')[0].toLowerCase()));
        return configModels(view.after.entries)
            .filter((m) => !owners.has(m.repo.split('/')[0].toLowerCase()))
            .slice(0, 1)
            .map((m) => makeFinding(TRUST_REMOTE_CODE, view, m.line, `${m.key}: ${m.repo} — trust_remote_code stays on for a model from a new owner (${m.repo.split('/')[0]})`));
    }
    if (!supply_chain_isCode(view))
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = view.before ? (0,analysis/* analyze */.ns)(view.before) : null;
    const before = base ? trustedIn(base.statements).length : 0;
    const now = trustedIn(head.statements);
    if (now.length <= before)
        return [];
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    return now
        .filter((t) => fresh.has(t.stmt) || (t.via !== undefined && fresh.has(t.via)))
        .slice(0, now.length - before)
        .map((t) => makeFinding(TRUST_REMOTE_CODE, view, t.value.line, (0,python/* clip */.$Q)(t.stmt.text.split('\n')[0], 160)));
}
/**
 * Every place code turns trust_remote_code on: the keyword (also through a variable set to True), a dict entry
 * (`model_kwargs={"trust_remote_code": True}`, `**{...}`), `dict(trust_remote_code=True)`.
 */
function trustedIn(statements) {
    /** variables holding True, with the statement that set them */
    const flags = new Map();
    const out = [];
    const on = (e) => (e.k === 'const' && e.value === 'True') || (e.k === 'name' && (flags.get(e.id) ?? null) !== null);
    const via = (e) => {
        const set = e.k === 'name' ? flags.get(e.id) : null;
        return set ? { via: set } : {};
    };
    for (const stmt of statements) {
        for (const e of stmt.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'call') {
                    for (const a of x.args)
                        if (a.name === 'trust_remote_code' && on(a.value))
                            out.push({ stmt, value: a.value, ...via(a.value) });
                }
                else if (x.k === 'dict') {
                    for (const en of x.entries)
                        if (en.key?.k === 'str' && en.key.value === 'trust_remote_code' && on(en.value))
                            out.push({ stmt, value: en.value, ...via(en.value) });
                }
            });
        // TRUST_REMOTE_CODE = True, later passed by name
        if (stmt.kind === 'assign' && stmt.value)
            for (const t of stmt.targets)
                if (t.k === 'name')
                    flags.set(t.id, stmt.value.k === 'const' && stmt.value.value === 'True' ? stmt : null);
    }
    return out;
}
// ---------------------------------------------------------------------------------------------
// torch.load and pickles
/** `torch.load(...)` (under any alias of torch) without weights_only=True. */
function unsafeTorchLoads(a) {
    const out = [];
    for (const stmt of a.statements)
        for (const call of (0,parse/* callsIn */.Tz)(stmt)) {
            const d = (0,parse/* dotted */.Bs)(call.fn);
            if (!d || !d.endsWith('.load'))
                continue;
            const head = d.split('.')[0];
            const module = a.flow.imports.get(head) ?? head;
            if (`${module}.${d.split('.').slice(1).join('.')}` !== 'torch.load')
                continue;
            const safe = (0,parse/* kwarg */.Zk)(call, 'weights_only');
            if (!(safe?.k === 'const' && safe.value === 'True'))
                out.push({ stmt, call });
        }
    return out;
}
function checkTorchLoad(view) {
    if (!supply_chain_isCode(view) || !view.after || !view.baseKnown)
        return [];
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = view.before ? (0,analysis/* analyze */.ns)(view.before) : null;
    const now = unsafeTorchLoads(head);
    const grown = now.length - (base ? unsafeTorchLoads(base).length : 0);
    if (grown <= 0)
        return [];
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    return now
        .filter((l) => fresh.has(l.stmt))
        .slice(0, grown)
        .map((l) => makeFinding(TORCH_LOAD_UNSAFE, view, l.call.line, (0,python/* clip */.$Q)(l.call.text, 160)));
}
const DOWNLOAD = /\b(hf_hub_download|cached_download|snapshot_download|urlretrieve|urlopen|wget\.download|requests\.get|httpx\.get|download_url|get_file)\s*\(/;
const PICKLE_LOAD = /^(pickle\.loads?|joblib\.load|pd\.read_pickle|pandas\.read_pickle|dill\.loads?|cloudpickle\.loads?|cPickle\.load|_pickle\.load)$/;
/** Names bound to downloaded files (and file handles opened on them), in statement order. */
function downloadedNames(statements) {
    const names = new Set();
    for (const s of statements) {
        const a = (0,python/* assignment */.mU)(s);
        const refersToDownload = (text) => DOWNLOAD.test(text) || [...names].some((n) => new RegExp(`\\b${supply_chain_escape(n)}\\b`).test(text));
        if (a && refersToDownload(a.value))
            a.targets.forEach((t) => names.add(t.replace(/\s+/g, '')));
        // with open(path, 'rb') as f:
        const w = /\bopen\s*\(([^)]*)\)\s*as\s+([A-Za-z_]\w*)/.exec(s.text);
        if (w && refersToDownload(w[1]))
            names.add(w[2]);
    }
    return names;
}
const supply_chain_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function checkPickleDownload(view) {
    if (!supply_chain_isCode(view) || !view.after)
        return [];
    const names = downloadedNames(view.after.statements);
    const risky = (s) => (0,python/* findCalls */.pr)(s).find((c) => {
        if (!PICKLE_LOAD.test(c.callee))
            return false;
        const arg = s.text.slice(c.open + 1, c.close);
        return (DOWNLOAD.test(arg) ||
            /['"]https?:\/\//.test(arg) ||
            [...names].some((n) => new RegExp(`\\b${supply_chain_escape(n)}\\b`).test(arg)));
    });
    return (0,checks_view/* introducedMatches */.Ps)(view, (s) => risky(s) !== undefined).map((s) => {
        const call = risky(s);
        return makeFinding(PICKLE_DOWNLOAD, view, (0,python/* lineAt */.mh)(s, call.start), (0,python/* snippetAt */.Tw)(s, call.start));
    });
}
// ---------------------------------------------------------------------------------------------
// Revisions
const LOCAL_PREFIX = /^(\.{0,2}\/|~|[A-Za-z]:\\|data\/|output|outputs\/|out\/|checkpoints?\/|ckpts?\/|ckpt|runs\/|models?\/|saved|tmp\/|results\/|content\/|drive\/|kaggle\/|mnt\/|home\/|workspace\/|artifacts?\/|weights\/|exp\/|experiments?\/|logs?\/|trained\w*\/|finetuned\w*\/|fine_tuned\w*\/)/;
const LOCAL_LEAF = /^(checkpoint|ckpt|epoch|step|global_step)[-_]?\d*$|^(best|final|last|latest)([-_](model|checkpoint|ckpt))?$/i;
const REPO_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
/** A Hugging Face Hub repo id such as `org/name`, not a local path. */
function isRemoteRepo(value) {
    const v = value.trim();
    if (!REPO_ID.test(v) || LOCAL_PREFIX.test(v))
        return false;
    // `my_model/checkpoint-500`, `run1/best_model`: what a training run writes, not a Hub repository
    if (LOCAL_LEAF.test(v.split('/')[1] ?? ''))
        return false;
    return !/\.(bin|pt|pth|ckpt|safetensors|json|ya?ml|onnx|gguf|h5|pkl)$/i.test(v);
}
/** A revision that pins something: not empty, not a moving branch. */
function isPin(value) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return false;
    const v = String(value).trim();
    return v !== '' && !/^(main|master|none|null|latest|head)$/i.test(v);
}
const MODEL_KEY = /^(model_name_or_path|base_model|base_model_name_or_path|pretrained_model_name_or_path|model_id|model_name|model|tokenizer_name_or_path|tokenizer_name|base_model_config|ref_model|reward_model|teacher_model|teacher_model_name_or_path|ref_model_name_or_path|reward_model_name_or_path)$/;
const REVISION_KEY = /^(revision|model_revision|base_model_revision|ref_model_revision|tokenizer_revision|hub_revision)$/;
function configModels(entries) {
    const revisions = entries.filter((e) => REVISION_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)));
    return entries
        .filter((e) => MODEL_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)) && typeof e.value === 'string' && isRemoteRepo(e.value))
        .map((e) => {
        const parent = (0,checks_params/* parentKey */.C4)(e.key);
        const rev = revisions.find((r) => (0,checks_params/* parentKey */.C4)(r.key) === parent);
        return {
            repo: e.value,
            line: e.line,
            pinned: rev ? isPin(rev.value) : false,
            key: e.key,
            pin: rev && isPin(rev.value) ? String(rev.value) : null
        };
    });
}
/** String assignments of a file, for resolving `from_pretrained(model_checkpoint)`. */
function stringVariables(statements) {
    const vars = new Map();
    for (const s of statements) {
        const a = (0,python/* assignment */.mU)(s);
        if (!a || a.targets.length !== 1)
            continue;
        const value = (0,python/* stringLiteral */.Hg)(a.value);
        if (value === null)
            continue;
        const known = vars.get(a.targets[0]);
        if (known)
            known.push({ index: s.index, value });
        else
            vars.set(a.targets[0], [{ index: s.index, value }]);
    }
    return vars;
}
function supply_chain_resolve(expr, at, vars) {
    const literal = (0,python/* stringLiteral */.Hg)(expr);
    if (literal !== null)
        return literal;
    const assigned = vars.get(expr.trim());
    if (!assigned)
        return null;
    const earlier = assigned.filter((v) => v.index <= at);
    return (earlier[earlier.length - 1] ?? assigned[0]).value;
}
/** Paths the code writes a model to (save_pretrained, output_dir=, save_model): loading them is local. */
function savedPaths(statements, vars) {
    const out = new Set();
    for (const s of statements) {
        for (const call of (0,python/* findCalls */.pr)(s)) {
            const name = (0,python/* calleeName */.wt)(call);
            const arg = /^(save_pretrained|save_model)$/.test(name) ? (0,python/* positional */.n8)(call, 0) : (0,python/* kwarg */.Zk)(call, 'output_dir');
            const path = arg ? supply_chain_resolve(arg.value, s.index, vars) : null;
            if (path)
                out.add(path.replace(/\/+$/, ''));
        }
    }
    return out;
}
function codeModels(statements) {
    const vars = stringVariables(statements);
    const saved = savedPaths(statements, vars);
    const out = [];
    for (const s of statements) {
        for (const call of (0,python/* findCalls */.pr)(s)) {
            const name = (0,python/* calleeName */.wt)(call);
            let arg;
            if (name === 'from_pretrained') {
                const owner = call.callee.split('.').slice(-2, -1)[0] ?? '';
                // PeftModel.from_pretrained(base_model, adapter_id): the id is the second argument
                const index = /^PeftModel/.test(owner) ? 1 : 0;
                arg =
                    (0,python/* kwarg */.Zk)(call, 'pretrained_model_name_or_path')?.value ??
                        (0,python/* kwarg */.Zk)(call, 'model_id')?.value ??
                        (0,python/* positional */.n8)(call, index)?.value;
            }
            else if (name === 'pipeline') {
                arg = (0,python/* kwarg */.Zk)(call, 'model')?.value ?? (0,python/* positional */.n8)(call, 1)?.value;
            }
            else
                continue;
            if (!arg)
                continue;
            const repo = supply_chain_resolve(arg, s.index, vars);
            if (!repo || !isRemoteRepo(repo))
                continue;
            // a checkpoint this code saved (or a folder under it) is read from disk
            if ([...saved].some((p) => repo === p || repo.startsWith(`${p}/`)))
                continue;
            const rev = (0,python/* kwarg */.Zk)(call, 'revision') ?? (0,python/* kwarg */.Zk)(call, 'commit_hash');
            const pin = rev ? (supply_chain_resolve(rev.value, s.index, vars) ?? rev.value) : null;
            out.push({
                repo,
                line: (0,python/* lineAt */.mh)(s, call.start),
                pinned: pin !== null && isPin(pin),
                key: name,
                pin: pin && isPin(pin) ? pin : null,
                stmt: s
            });
        }
    }
    return out;
}
function checkRevisions(view) {
    if (!view.after || !view.baseKnown)
        return [];
    let before;
    let after;
    if (view.kind === 'config') {
        before = view.before ? configModels(view.before.entries) : [];
        after = configModels(view.after.entries);
        // example and recipe configs name models without pins: only a config that pins revisions is held to it
        // (`model_revision: main` follows the branch: it pins nothing)
        const pins = (entries) => entries.some((e) => REVISION_KEY.test((0,checks_params/* lastSegment */.mp)(e.key)) && isPin(e.value));
        if (!pins(view.after.entries) && !pins(view.before?.entries ?? []))
            after = after.filter(() => false);
    }
    else if (supply_chain_isCode(view)) {
        before = view.before ? codeModels(view.before.statements) : [];
        after = codeModels(view.after.statements);
        // the same for notebooks and scripts: examples load models by name; one that pins any is held to pinning
        if (![...before, ...after].some((m) => m.pinned))
            after = [];
    }
    else
        return [];
    const out = [];
    const reported = new Set();
    for (const a of after) {
        if (a.pinned || reported.has(a.repo))
            continue;
        const old = before.filter((b) => b.repo === a.repo);
        if (old.length === 0) {
            reported.add(a.repo);
            const snippet = 'stmt' in a ? (0,python/* snippetAt */.Tw)(a.stmt, 0) : `${a.key}: ${a.repo}`;
            out.push(makeFinding(UNPINNED_REVISION, view, a.line, `${a.repo} without revision — ${snippet}`));
        }
        else if (old.some((b) => b.pinned)) {
            reported.add(a.repo);
            const pin = old.find((b) => b.pinned)?.pin;
            out.push(makeFinding(REVISION_PIN_REMOVED, view, a.line, `${a.repo}: revision ${pin} → unpinned`));
        }
    }
    return out;
}
// ---------------------------------------------------------------------------------------------
// Credentials
/** Redaction kinds that name a token by its shape; the generic ones (a secret-named key) need a key-like value. */
const GENERIC_SECRET = /^(secret|api-key|password|token|credential|config-secret)$/;
const SECRET_HINT = /key|token|secret|passw|pwd|auth|credential|hf_|sk-|sk_|rk_|pk_|AKIA|ASIA|gh[pousr]_|github_pat|glpat|xox|AIza|npm_|pypi-|eyJ|BEGIN|@|Bearer|Basic|wandb|sig=|machine/i;
/** A literal that looks like a key: long, one word, letters and digits, not a path or a sentence (in a notebook's
 * JSON its quotes are escaped). */
const KEY_LIKE = /(["'])([A-Za-z0-9_\-+=~.]{16,})\\?\1/;
/** Azure's client secrets hold `~` and `.`: a dotted value is key-like only when it mixes cases and digits as keys do
 * (`Qx8~kT2.vYp9_LmN4`), not a host or module name (`storage.core.windows.net`). */
const keyLikeValue = (v) => /\d/.test(v) && /[A-Za-z]/.test(v) && (!/[~.]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v) && !/\.\./.test(v)));
/** Added lines of the head that hold a credential; the redactor knows the shapes. */
function checkSecrets(view) {
    const head = view.file.after;
    // an embedded config's lines are its file's, which this check reads whole already
    if (head === null || !view.baseKnown || view.embedded)
        return [];
    const counts = new Map();
    for (const l of (view.file.before ?? '').split('\n'))
        counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1);
    const out = [];
    const lines = head.split('\n');
    for (let i = 0; i < lines.length && out.length < 3; i++) {
        const line = lines[i].length > 10_000 ? lines[i].slice(0, 10_000) : lines[i];
        const key = line.trim();
        const n = counts.get(key) ?? 0;
        if (n > 0) {
            counts.set(key, n - 1);
            continue;
        }
        // every shape the redactor knows has one of these words or prefixes: other lines cost one scan
        if (key === '' || !SECRET_HINT.test(line))
            continue;
        const { text, count } = (0,redact/* redactSecrets */.fp)(line);
        if (count === 0)
            continue;
        const kinds = [...text.matchAll(/\[REDACTED:([\w-]+)\]/g)].map((m) => m[1]);
        const shaped = kinds.some((k) => !GENERIC_SECRET.test(k));
        const keyLike = KEY_LIKE.exec(line);
        if (!shaped && !(keyLike && keyLikeValue(keyLike[2])))
            continue;
        out.push(makeFinding(SECRET_COMMITTED, view, i + 1, `${kinds.join(', ')}: ${(0,python/* clip */.$Q)(text.trim(), 120)}`));
    }
    return out;
}
/** `%pip install`, `!pip install -q`, `!python -m pip install`, `!uv pip install` at the start of a notebook line. */
const PIP_INSTALL = /^\s*[%!]\s*(?:python3?\s+-m\s+)?(?:uv\s+)?pip3?\s+install\s+(.*)$/;
/** pip options that take the next word as their value. */
const OPTION_WITH_VALUE = /^(-r|-c|-i|-f|-e|--requirement|--constraint|--index-url|--extra-index-url|--find-links|--target|-t|--editable|--prefix|--root|--upgrade-strategy|--platform|--python-version)$/;
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/;
/** Package name → its version spec, of every pip install line of a notebook side. */
function pipRequirements(side) {
    const out = new Map();
    for (const l of side.lines) {
        const m = PIP_INSTALL.exec(l.text);
        if (!m)
            continue;
        const words = m[1].replace(/#.*$/, '').match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
        for (let i = 0; i < words.length; i++) {
            const w = words[i].replace(/^["']|["']$/g, '');
            if (w.startsWith('-')) {
                if (OPTION_WITH_VALUE.test(w))
                    i++;
                continue;
            }
            // URLs, paths, wheels and shell that follows the install are no requirements
            if (/[/:$]|^[.&|;]|\.whl$/.test(w)) {
                if (/^[&|;]/.test(w))
                    break;
                continue;
            }
            const r = REQUIREMENT.exec(w);
            if (!r)
                continue;
            const name = r[1].toLowerCase().replace(/[._]/g, '-');
            if (!out.has(name))
                out.set(name, { spec: r[3].replace(/\s+/g, ''), line: l.line, text: l.text.trim() });
        }
    }
    return out;
}
/** `==3.5.3`, `~=2.1`: the version the notebook was run with. A bound (`<1`, `>=1`) is a range, moved on upgrades. */
const pins = (spec) => /^(===?|~=)/.test(spec);
/** `!pip install matplotlib==3.5.3` → `!pip install matplotlib`: the notebook now installs whatever is latest. */
function checkPinRemoved(view) {
    if (view.kind !== 'notebook' || !view.before || !view.after || !view.baseKnown)
        return [];
    const before = pipRequirements(view.before);
    const after = pipRequirements(view.after);
    const out = [];
    for (const [name, now] of after) {
        const was = before.get(name);
        // a pin replaced by a range is an upgrade the author wrote; a pin gone leaves no version at all
        if (!was || !pins(was.spec) || now.spec !== '' || !view.isAddedLine(now.line))
            continue;
        out.push(makeFinding(PIN_REMOVED, view, now.line, `${name}${was.spec} → no version (${(0,python/* clip */.$Q)(now.text, 80)})`));
    }
    return out.slice(0, 2);
}
const supplyChain = (view) => {
    const out = [];
    for (const check of [
        checkTrustRemoteCode,
        checkTorchLoad,
        checkPickleDownload,
        checkRevisions,
        checkSecrets,
        checkPinRemoved
    ]) {
        try {
            out.push(...check(view));
        }
        catch {
            // one check failing on odd input leaves the others standing
        }
    }
    return out;
};

;// CONCATENATED MODULE: ./src/checks/models.ts
// What well-known Hub models can take: the position embeddings they were trained with, by model id. Only
// families whose length is fixed by their architecture or training and the same for every size are listed.
const POSITIONS = [
    [/^(distil)?gpt2(-medium|-large|-xl)?$/i, 1024],
    [
        /^(bert|distilbert|roberta|distilroberta|xlm-roberta|albert|electra|camembert|biobert|scibert|bio_clinicalbert|finbert|all-mpnet|mpnet|all-minilm|paraphrase-minilm)\b/i,
        512
    ],
    [/^opt-\d+(\.\d+)?[mb]$/i, 2048],
    [/^(gpt-neo-|gpt-j-|pythia-|tinyllama-1\.1b|falcon-(7b|40b)\b|phi-(1|1_5|2)$)/i, 2048],
    [/^(llama-2-|llama2-)\d+b/i, 4096],
    [/^(meta-)?llama-3-\d+b/i, 8192],
    [/^gemma-(2b|7b)\b/i, 8192],
    [/^qwen2\.5-math-\d+(\.\d+)?b(-instruct)?$/i, 4096],
    [/^qwen2\.5-(coder-)?\d+(\.\d+)?b(-instruct)?$/i, 32768],
    [/^deepseek-r1-distill-(qwen|llama)-\d+(\.\d+)?b$/i, 131072]
];
/** The positions of a Hub model (`meta-llama/Llama-2-7b-hf` → 4096), or null when it is not a known family. */
function knownPositions(model) {
    const name = model.trim().split('/').pop() ?? '';
    for (const [re, positions] of POSITIONS) {
        const m = re.exec(name);
        if (m)
            return { positions, family: name };
    }
    return null;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/checks/config-keys.ts
// YAML configs with a key written twice in one mapping: the loader keeps the last value without a word (strict
// loaders reject the file), so one of the two settings the author wrote does nothing.



const DUPLICATE_KEY = {
    id: 'TRAIN-DUPLICATE-KEY',
    family: 'training-config',
    title: 'Config key written twice',
    status: 'warn',
    bias: false,
    flags: 'a key the change writes twice in one mapping of a YAML config (the later value silently wins)',
    fix: 'Keep one of the two entries, the one with the value the run should use.'
};
/** `key` of each `key:` line, by indentation: a repeat is the only way a duplicate can exist. */
function mayRepeat(lines) {
    const seen = new Set();
    for (const l of lines) {
        const m = /^(\s*)([A-Za-z_][\w.-]*)\s*:/.exec(l);
        if (!m)
            continue;
        const k = `${m[1].length}:${m[2]}`;
        if (seen.has(k))
            return true;
        seen.add(k);
    }
    return false;
}
/** The repeated keys of a YAML text: key name and the line of the later entry. */
function duplicates(text) {
    const lines = text.split(/\r?\n/);
    if (!mayRepeat(lines))
        return [];
    const counter = new yaml_dist/* LineCounter */.HN();
    const out = [];
    for (const doc of (0,yaml_dist/* parseAllDocuments */.hR)(text, { lineCounter: counter, uniqueKeys: true })) {
        if (!('errors' in doc))
            continue;
        for (const e of doc.errors) {
            if (e.code !== 'DUPLICATE_KEY' || !e.linePos)
                continue;
            const line = e.linePos[0].line;
            const key = /^\s*([^:#]+?)\s*:/.exec(lines[line - 1] ?? '')?.[1];
            if (key)
                out.push({ key, line, text: (lines[line - 1] ?? '').trim() });
        }
    }
    return out;
}
function checkDuplicateKeys(view) {
    if (view.kind !== 'config' || view.embedded || !view.after || !view.baseKnown)
        return [];
    if (!/\.ya?ml$/i.test(view.path))
        return [];
    try {
        const old = new Set(view.before ? duplicates(view.before.text).map((d) => d.key) : []);
        return duplicates(view.after.text)
            .filter((d) => !old.has(d.key))
            .slice(0, 2)
            .map((d) => makeFinding(DUPLICATE_KEY, view, d.line, `${(0,python/* clip */.$Q)(d.text, 100)} (${d.key} is already set above)`));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/checks/training-config.ts








const training_config_family = 'training-config';
const LR_CHANGED = {
    id: 'TRAIN-LR-CHANGED',
    family: training_config_family,
    title: 'Learning rate changed 5× or more',
    status: 'warn',
    bias: false,
    flags: 'a learning rate (learning_rate, lr, optimizer.lr, …) multiplied or divided by 5 or more (fail at 100×), or a schedule floor (min_lr, eta_min …) set above the peak rate',
    fix: 'Confirm the new learning rate with a short sweep or loss curve, and note the reason in the PR.'
};
const WARMUP_REMOVED = {
    id: 'TRAIN-WARMUP-REMOVED',
    family: training_config_family,
    title: 'Learning-rate warmup removed',
    status: 'warn',
    bias: false,
    flags: 'warmup_steps / warmup_ratio / warmup_num_steps … removed or set to 0',
    fix: 'Keep a warmup (e.g. warmup_ratio 0.03–0.1) unless the schedule provides one.'
};
const WARMUP_EXCEEDS_TRAINING = {
    id: 'TRAIN-WARMUP-EXCEEDS-TRAINING',
    family: training_config_family,
    title: 'Warmup as long as training',
    status: 'warn',
    bias: false,
    flags: "warmup_epochs at or above the epochs of the same block, warmup_steps / warmup_iters at or above max_steps / max_iters, or an RL agent's learning_starts at or above n_timesteps / total_timesteps, newly so after the change",
    fix: 'Shorten the warmup with the training run (a few per cent of it), or lengthen the run back.'
};
const SCHEDULE_BEYOND_TRAINING = {
    id: 'TRAIN-SCHEDULE-BEYOND-TRAINING',
    family: training_config_family,
    title: 'Learning-rate decay after the run ends',
    status: 'warn',
    bias: false,
    flags: 'the first learning-rate decay point (detectron2 `SOLVER.STEPS`, `milestones`, `lr_steps`) at or beyond max_iter / max_steps / epochs of the same block, newly so after the change',
    fix: 'Move the decay points with the run length (a shortened run needs earlier steps), or lengthen the run back.'
};
const SCHEDULER_CONSTANT = {
    id: 'TRAIN-SCHEDULER-CONSTANT',
    family: training_config_family,
    title: 'Scheduler switched to a constant learning rate',
    status: 'warn',
    bias: false,
    flags: 'lr_scheduler(_type) changed to constant while the learning rate did not go down',
    fix: 'Keep a decaying schedule, or lower the learning rate to match a constant schedule.'
};
const EPOCHS_INCREASED = {
    id: 'TRAIN-EPOCHS-INCREASED',
    family: training_config_family,
    title: 'Training epochs increased 3× or more',
    status: 'warn',
    bias: false,
    flags: 'num_train_epochs / epochs / max_epochs / Composer’s max_duration in epochs (`2ep`), or the bounds of a sweep’s epoch range, … multiplied by 3 or more (config keys, dict entries, kwargs, assignments)',
    fix: 'Watch validation loss for overfitting (early stopping / load_best_model_at_end) and budget the extra compute.'
};
const STEPS_CAPPED = {
    id: 'TRAIN-STEPS-CAPPED',
    family: training_config_family,
    title: 'Training epochs cut to a few steps',
    status: 'warn',
    bias: false,
    flags: 'a cap on the steps or batches of each epoch (torchtune max_steps_per_epoch, Lightning limit_train_batches) newly set where every batch was trained, or lowered 4× or more',
    fix: 'Remove the step cap (a debugging value) from the shipped config, or say why each epoch should stop early.'
};
const LORA_SCALE = {
    id: 'TRAIN-LORA-SCALE-CHANGED',
    family: training_config_family,
    title: 'LoRA scale (alpha / r) changed',
    status: 'warn',
    bias: false,
    flags: 'lora_alpha / lora_r (or alpha / r in adapter configs, LoraConfig kwargs) ratio changed 2× or more',
    fix: 'Retune the learning rate for the new LoRA scale, or keep alpha / r constant when changing the rank.'
};
const EFFECTIVE_BATCH = {
    id: 'TRAIN-EFFECTIVE-BATCH-SIZE',
    family: training_config_family,
    title: 'Effective batch size changed 2× or more',
    status: 'warn',
    bias: false,
    flags: 'per-device/micro batch size × gradient_accumulation_steps (or DeepSpeed train_batch_size) changed 2× or more',
    fix: 'Rescale the learning rate (and warmup steps) for the new effective batch size, or say why it is unchanged.'
};
const QUANTIZATION = {
    id: 'TRAIN-QUANTIZATION-TOGGLED',
    family: training_config_family,
    title: 'Model quantization toggled',
    status: 'warn',
    bias: false,
    flags: 'load_in_4bit / load_in_8bit / bnb_4bit_* / qlora adapter switched on or off',
    fix: 'Re-evaluate quality and memory with the new precision; QLoRA usually needs a different learning rate.'
};
const SEQ_EXCEEDS_POSITIONS = {
    id: 'TRAIN-SEQ-EXCEEDS-POSITIONS',
    family: training_config_family,
    title: 'Training sequences longer than the model’s positions',
    status: 'warn',
    bias: false,
    flags: 'seq_length / max_seq_length / cutoff_len / sequence_len … set above max_position_embeddings (n_positions) of the same config, without RoPE scaling',
    fix: 'Keep the sequence length within the position range, or extend it deliberately (rope_scaling / a longer max_position_embeddings) and say so.'
};
const TRAINING_CHECKS = [
    LR_CHANGED,
    WARMUP_REMOVED,
    WARMUP_EXCEEDS_TRAINING,
    SCHEDULE_BEYOND_TRAINING,
    SCHEDULER_CONSTANT,
    EPOCHS_INCREASED,
    STEPS_CAPPED,
    LORA_SCALE,
    EFFECTIVE_BATCH,
    QUANTIZATION,
    SEQ_EXCEEDS_POSITIONS,
    DUPLICATE_KEY
];
const LR_NAMES = new Set([
    'learning_rate',
    'lr',
    'base_lr',
    'max_lr',
    'peak_lr',
    'init_lr',
    'initial_lr',
    'lr0',
    'base_learning_rate',
    'max_learning_rate',
    'peak_learning_rate',
    'warmup_max_lr'
]);
/** A learning rate named for what it drives: `lr_adam`, `lr_wav2vec`, `encoder_lr` (not a schedule's knobs). */
const isLearningRate = (name) => LR_NAMES.has(name) ||
    (/^lr_[a-z0-9]+$|^[a-z0-9]+_lr$/.test(name) &&
        !MIN_LR_NAMES.has(name) &&
        !/^lr_(scheduler|schedule|decay|gamma|step|steps|patience|factor|warmup|min|end|final|ratio|policy|mult|multiplier|drop|milestones|annealing|type|decay_steps|cooldown)$/.test(name) &&
        !/^(min|end|final|last|lower)_lr$/.test(name));
const WARMUP_NAMES = new Set([
    'warmup_steps',
    'warmup_ratio',
    'num_warmup_steps',
    'warmup_num_steps',
    'warmup_epochs',
    'warmup_iters',
    'warmup_proportion',
    'lr_warmup_steps',
    'warmup_updates'
]);
const SCHEDULER_NAMES = new Set([
    'lr_scheduler_type',
    'lr_scheduler',
    'scheduler',
    'scheduler_type',
    'lr_schedule',
    'lr_scheduler_name'
]);
const EPOCH_NAMES = new Set([
    'num_train_epochs',
    'epochs',
    'num_epochs',
    'max_epochs',
    'n_epochs',
    'train_epochs',
    'nb_epochs'
]);
const BATCH_NAMES = [
    'per_device_train_batch_size',
    'micro_batch_size',
    'train_micro_batch_size_per_gpu',
    'per_gpu_train_batch_size',
    'train_batch_size',
    'batch_size'
];
const GLOBAL_BATCH_NAMES = ['global_batch_size', 'global_train_batch_size', 'ims_per_batch'];
const ACCUM_NAMES = new Set([
    'gradient_accumulation_steps',
    'gradient_accumulation',
    'accumulate_grad_batches',
    'grad_accum_steps',
    'grad_accumulation_steps',
    'accumulation_steps'
]);
function sourceOf(view) {
    if (view.kind === 'config')
        return 'config';
    if (view.kind === 'notebook' || view.kind === 'python')
        return 'code';
    return null;
}
/** Both sides, as named values; null when the change has no comparable base. */
function bothSides(view) {
    const source = sourceOf(view);
    if (!source || !view.before || !view.after)
        return null;
    const before = (0,checks_params/* sideParams */.KK)(view.before, source);
    const after = (0,checks_params/* sideParams */.KK)(view.after, source);
    const frameworks = source === 'config' ? configFrameworks(view.after.entries) : new Set();
    const defaultOf = (p) => source === 'config' ? configDefault(frameworks, p.key) : callDefault(p.callee, p.name);
    const effective = effectiveSides(before, after, defaultOf, (line) => view.headLineFor(line));
    return { source, before: rateInUse(effective.before), after: rateInUse(effective.after) };
}
const positive = (p) => {
    const n = (0,python/* toNumber */.Ro)(p.value);
    return n !== null && n > 0 ? n : null;
};
const MIN_LR_NAMES = new Set([
    'min_lr',
    'lr_min',
    'end_lr',
    'final_lr',
    'eta_min',
    'min_learning_rate',
    'lr_end',
    'min_lr_ratio'
]);
/** The floor of the schedule above its peak: the learning rate rises where it should decay. */
function checkMinAbovePeak(view, sides) {
    const inverted = (ps) => {
        const peak = ps.find((p) => LR_NAMES.has(p.name) && positive(p) !== null);
        const min = ps.find((p) => MIN_LR_NAMES.has(p.name) && p.name !== 'min_lr_ratio' && positive(p) !== null);
        if (!peak || !min)
            return null;
        return positive(min) > positive(peak) ? { min, peak } : null;
    };
    const now = inverted(sides.after);
    if (!now || inverted(sides.before))
        return [];
    return [
        makeFinding(LR_CHANGED, view, now.min.line, `${now.min.key}: ${(0,checks_params/* formatValue */.Fl)(now.min.value)} is above the peak ${now.peak.key}: ${(0,checks_params/* formatValue */.Fl)(now.peak.value)} (the schedule rises instead of decaying)`)
    ];
}
function checkLearningRate(view, sides) {
    const pick = (ps) => ps.filter((p) => isLearningRate(p.name) && (0,python/* toNumber */.Ro)(p.value) !== null);
    let worst = null;
    for (const pair of (0,checks_params/* pairChanges */.Iq)(pick(sides.before), pick(sides.after))) {
        const from = positive(pair.before);
        const to = positive(pair.after);
        if (from === null || to === null)
            continue;
        const ratio = Math.max(from / to, to / from);
        if (ratio >= 5 - 1e-9 && (!worst || ratio > worst.ratio))
            worst = { ...pair, ratio };
    }
    if (!worst)
        return [];
    const from = (0,python/* toNumber */.Ro)(worst.before.value);
    const to = (0,python/* toNumber */.Ro)(worst.after.value);
    return [
        makeFinding(LR_CHANGED, view, worst.after.line, `${worst.after.key}: ${(0,checks_params/* shownValue */.JJ)(worst.before)} → ${(0,checks_params/* shownValue */.JJ)(worst.after)} (${(0,checks_params/* ratioText */.B9)(from, to)})`, worst.ratio >= 100 ? { status: 'fail' } : {})
    ];
}
function checkWarmup(view, sides) {
    const pick = (ps) => ps.filter((p) => WARMUP_NAMES.has(p.name) && (0,python/* toNumber */.Ro)(p.value) !== null);
    const before = pick(sides.before).filter((p) => positive(p) !== null);
    const after = pick(sides.after);
    if (before.length === 0 || after.some((p) => positive(p) !== null))
        return [];
    // a schedule that warms up by itself still warms up
    if (sides.after.some((p) => typeof p.value === 'string' && /warmup/i.test(p.value) && SCHEDULER_NAMES.has(p.name)))
        return [];
    const zeroed = after.find((p) => p.name === before[0].name) ?? after[0];
    const line = zeroed ? zeroed.line : view.headLineFor(before[0].line);
    const now = zeroed ? `${zeroed.key}: ${(0,checks_params/* formatValue */.Fl)(zeroed.value)}` : 'removed';
    return [makeFinding(WARMUP_REMOVED, view, line, `${before[0].key}: ${(0,checks_params/* formatValue */.Fl)(before[0].value)} → ${now}`)];
}
/** A run's length counted in iterations. */
const ITERATION_LENGTHS = ['max_iter', 'max_iters', 'max_steps', 'train_iters', 'total_steps', 'num_training_steps'];
/** A warmup and the length it warms up within, in the same unit. */
const WARMUP_LENGTHS = [
    { warmup: new Set(['warmup_epochs', 'lr_warmup_epochs']), length: EPOCH_NAMES },
    {
        warmup: new Set(['warmup_steps', 'num_warmup_steps', 'warmup_num_steps', 'warmup_iters', 'lr_warmup_steps']),
        length: new Set(ITERATION_LENGTHS)
    },
    // an off-policy agent (stable-baselines3, rl-zoo) collects `learning_starts` steps before its first update
    {
        warmup: new Set(['learning_starts', 'learning_start']),
        length: new Set(['n_timesteps', 'total_timesteps']),
        ends: 'the run ends before its first update'
    }
];
/**
 * The first point of a schedule (`at`) the change newly put at or beyond the run's `length`, on a line it wrote:
 * reported at the length when the change moved it, else at the point.
 */
function newOverrun(view, before, after) {
    const was = new Set(before.map((o) => o.at.key));
    const overrun = after.find((x) => !was.has(x.at.key) && (view.isAddedLine(x.length.line) || view.isAddedLine(x.at.line)));
    if (!overrun)
        return null;
    return { overrun, line: view.isAddedLine(overrun.length.line) ? overrun.length.line : overrun.at.line };
}
/**
 * A warmup as long as the run it warms up (`epochs: 500 → 5` beside `warmup_epochs: 80`): the learning rate never
 * reaches its peak, and the schedule after it never runs. Read within one block, in one unit.
 */
function checkWarmupLength(view, sides) {
    const overlong = (ps) => WARMUP_LENGTHS.flatMap(({ warmup, length, ends }) => ps.flatMap((w) => {
        const wn = warmup.has(w.name) ? positive(w) : null;
        if (wn === null)
            return [];
        const run = ps.find((l) => length.has(l.name) && (0,checks_params/* parentKey */.C4)(l.key) === (0,checks_params/* parentKey */.C4)(w.key) && positive(l) !== null);
        return run && wn >= positive(run)
            ? [{ at: w, length: run, ends: ends ?? 'the run ends before its warmup does' }]
            : [];
    }));
    const found = newOverrun(view, overlong(sides.before), overlong(sides.after));
    if (!found)
        return [];
    const { overrun: o, line } = found;
    return [
        makeFinding(WARMUP_EXCEEDS_TRAINING, view, line, `${o.at.key}: ${(0,checks_params/* formatValue */.Fl)(o.at.value)} ≥ ${o.length.key}: ${(0,checks_params/* formatValue */.Fl)(o.length.value)} (${o.ends})`)
    ];
}
/** Decay points by name, with the run lengths of their unit: `STEPS` count iterations, `milestones` epochs or steps. */
const DECAY_POINTS = new Map([
    ['steps', new Set(ITERATION_LENGTHS)],
    ['lr_steps', new Set(ITERATION_LENGTHS)],
    ['milestones', new Set([...ITERATION_LENGTHS, 'epochs', 'max_epochs', 'num_epochs'])],
    ['lr_milestones', new Set([...ITERATION_LENGTHS, 'epochs', 'max_epochs', 'num_epochs'])]
]);
/**
 * `MAX_ITER: 180000 → 1800` beside `STEPS: (120000, 160000)`: the learning rate never decays in the run that is
 * left, which trains at its peak rate to the end. Read within one block; a list's entries count together.
 */
function checkScheduleLength(view, sides) {
    const beyond = (ps) => {
        const out = [];
        const listKey = (p) => p.key.replace(/\[\d+\]$/, '');
        for (const key of new Set(ps.filter((p) => DECAY_POINTS.has(p.name)).map(listKey))) {
            const entries = ps.filter((p) => DECAY_POINTS.has(p.name) && listKey(p) === key);
            const numbers = entries.flatMap((p) => typeof p.value === 'number'
                ? [p.value]
                : [...String(p.value).matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0])));
            if (numbers.length === 0)
                continue;
            const lengths = DECAY_POINTS.get(entries[0].name);
            const length = ps.find((l) => lengths.has(l.name) && (0,checks_params/* parentKey */.C4)(l.key) === (0,checks_params/* parentKey */.C4)(key) && positive(l) !== null);
            const first = Math.min(...numbers);
            if (length && first >= positive(length))
                out.push({ at: entries[0], first, length });
        }
        return out;
    };
    const found = newOverrun(view, beyond(sides.before), beyond(sides.after));
    if (!found)
        return [];
    const { overrun: o, line } = found;
    return [
        makeFinding(SCHEDULE_BEYOND_TRAINING, view, line, `${o.at.key.replace(/\[\d+\]$/, '')} decays first at ${o.first} ≥ ${o.length.key}: ${(0,checks_params/* formatValue */.Fl)(o.length.value)} (the learning rate never decays)`)
    ];
}
function isSchedulerParam(p) {
    if (typeof p.value !== 'string')
        return false;
    if (SCHEDULER_NAMES.has(p.name))
        return true;
    return (p.name === 'type' || p.name === 'name') && /sched/i.test((0,checks_params/* parentKey */.C4)(p.key));
}
const isConstant = (v) => typeof v === 'string' && /^(constant|constantlr|constant_lr)$/i.test(v.trim());
function checkScheduler(view, sides) {
    const pairs = (0,checks_params/* pairChanges */.Iq)(sides.before.filter(isSchedulerParam), sides.after.filter(isSchedulerParam));
    const pair = pairs.find((p) => isConstant(p.after.value) && !isConstant(p.before.value));
    if (!pair)
        return [];
    const lr = (ps) => {
        const p = ps.find((q) => LR_NAMES.has(q.name) && positive(q) !== null);
        return p ? positive(p) : null;
    };
    const lrBefore = lr(sides.before);
    const lrAfter = lr(sides.after);
    // a constant schedule at a clearly lower peak rate is a deliberate trade
    if (lrBefore !== null && lrAfter !== null && lrAfter < lrBefore / 1.5)
        return [];
    const rate = lrAfter !== null ? `, learning rate ${lrBefore ?? '?'} → ${lrAfter}` : '';
    return [
        makeFinding(SCHEDULER_CONSTANT, view, pair.after.line, `${pair.after.key}: ${(0,checks_params/* shownValue */.JJ)(pair.before)} → ${(0,checks_params/* shownValue */.JJ)(pair.after)}${rate}`)
    ];
}
/** The bounds of a search space under a key: ranges, choices, min/max. */
const SEARCH_BOUND = /^(range|values|choices|min|max|low|high|lower|upper)$/;
/** Epochs a value sets: a number, or a Composer duration in epochs (`max_duration: 2ep`). */
function epochsOf(p) {
    if (EPOCH_NAMES.has(p.name))
        return positive(p);
    // a sweep's search space for the epochs: `epochs: {type: int, range: [50, 1000]}`, `epochs: {min: 1, max: 10}`
    if (SEARCH_BOUND.test(p.name) && EPOCH_NAMES.has((0,checks_params/* lastSegment */.mp)((0,checks_params/* parentKey */.C4)(p.key)))) {
        const values = (Array.isArray(p.value) ? p.value : [p.value]).map((v) => (0,python/* toNumber */.Ro)(v));
        const top = Math.max(...values.map((v) => v ?? -1));
        return values.every((v) => v !== null) && top > 0 ? top : null;
    }
    if (p.name !== 'max_duration' || typeof p.value !== 'string')
        return null;
    const m = /^\s*(\d+(?:\.\d+)?)\s*ep\s*$/i.exec(p.value);
    return m && Number(m[1]) > 0 ? Number(m[1]) : null;
}
function checkEpochs(view, sides) {
    const pick = (ps) => ps.filter((p) => epochsOf(p) !== null);
    for (const pair of (0,checks_params/* pairChanges */.Iq)(pick(sides.before), pick(sides.after))) {
        const from = epochsOf(pair.before);
        const to = epochsOf(pair.after);
        if (from === null || to === null || to / from < 3 - 1e-9)
            continue;
        return [
            makeFinding(EPOCHS_INCREASED, view, pair.after.line, `${pair.after.key}: ${(0,checks_params/* shownValue */.JJ)(pair.before)} → ${(0,checks_params/* shownValue */.JJ)(pair.after)} (${(0,checks_params/* ratioText */.B9)(from, to)})`)
        ];
    }
    return [];
}
/** Keys that stop each epoch after a number of steps or batches (a fraction of them, for Lightning). */
const STEP_CAP_NAMES = new Set(['max_steps_per_epoch', 'limit_train_batches']);
/** The share of each epoch a cap trains: a count of steps, a fraction, or no cap (null, -1, 1.0 as a fraction). */
function stepCap(p) {
    if (!p || p.value === null || p.value === undefined || p.value === '')
        return 'none';
    if (typeof p.value === 'string' && /^(null|none|~)$/i.test(p.value.trim()))
        return 'none';
    const n = (0,python/* toNumber */.Ro)(p.value);
    if (n === null)
        return null;
    if (n < 0)
        return 'none';
    // Lightning: a float is the fraction of the epoch's batches, an int their number
    // (YAML reads `1.0` as 1: a limit of 1 is taken as the whole epoch)
    if (p.name === 'limit_train_batches' && (!Number.isInteger(n) || n === 1))
        return n >= 1 ? 'none' : { fraction: n };
    return n > 0 ? { count: n } : null;
}
/** torchtune `max_steps_per_epoch: null → 10`: every epoch now stops after a few steps, a debugging value. */
function checkStepsCapped(view, sides) {
    if (sides.source !== 'config')
        return [];
    for (const now of sides.after.filter((p) => STEP_CAP_NAMES.has(p.name) && !p.fromDefault)) {
        if (!view.isAddedLine(now.line))
            continue;
        const was = sides.before.find((p) => p.key === now.key && !p.fromDefault);
        const to = stepCap(now);
        const from = stepCap(was);
        if (to === null || to === 'none' || from === null)
            continue;
        let cut = false;
        if (from === 'none')
            cut = true;
        else if ('count' in to && 'count' in from)
            cut = from.count / to.count >= 4 - 1e-9;
        else if ('fraction' in to && 'fraction' in from)
            cut = from.fraction / to.fraction >= 4 - 1e-9;
        if (!cut)
            continue;
        const base = was ? (0,checks_params/* formatValue */.Fl)(was.value) : 'not set';
        const what = 'count' in to
            ? `each epoch stops after ${to.count} steps`
            : `each epoch trains ${to.fraction * 100} % of its batches`;
        return [makeFinding(STEPS_CAPPED, view, now.line, `${now.key}: ${base} → ${(0,checks_params/* formatValue */.Fl)(now.value)} (${what})`)];
    }
    return [];
}
function loraScales(params, source, path) {
    const out = new Map();
    const groups = new Map();
    for (const p of params) {
        // code: one LoraConfig(...) call is one group; config: one parent mapping
        const group = source === 'code' ? `stmt:${p.stmt?.index ?? -1}` : (0,checks_params/* parentKey */.C4)(p.key);
        const list = groups.get(group);
        if (list)
            list.push(p);
        else
            groups.set(group, [p]);
    }
    const adapterFile = /adapter_config\.json$/i.test(path);
    for (const [group, ps] of groups) {
        const has = (name) => ps.find((p) => p.name === name && positive(p) !== null);
        const loraContext = adapterFile ||
            /lora|peft|adapter/i.test(group) ||
            ps.some((p) => /^(lora_dropout|peft_type|target_modules|use_rslora)$/.test(p.name)) ||
            ps.some((p) => p.stmt && /\bLoraConfig\s*\(/.test(p.stmt.text));
        const r = has('lora_r') ?? has('lora_rank') ?? (loraContext ? has('r') : undefined);
        const alpha = has('lora_alpha') ?? (loraContext ? has('alpha') : undefined);
        if (!r || !alpha)
            continue;
        const rslora = ps.some((p) => p.name === 'use_rslora' && (0,python/* isTruthy */.zz)(p.value));
        const rank = positive(r);
        const scale = positive(alpha) / (rslora ? Math.sqrt(rank) : rank);
        const key = source === 'code' ? `call:${[...out.keys()].length}` : group;
        out.set(key, { scale, r, alpha });
    }
    return out;
}
function checkLora(view, sides) {
    const before = loraScales(sides.before, sides.source, view.file.previousPath ?? view.path);
    const after = loraScales(sides.after, sides.source, view.path);
    for (const [key, a] of after) {
        const b = before.get(key) ?? (before.size === 1 && after.size === 1 ? [...before.values()][0] : undefined);
        if (!b)
            continue;
        const ratio = Math.max(a.scale / b.scale, b.scale / a.scale);
        if (ratio < 2 - 1e-9)
            continue;
        const rChanged = (0,python/* toNumber */.Ro)(a.r.value) !== (0,python/* toNumber */.Ro)(b.r.value);
        const at = rChanged ? a.r : a.alpha;
        const fmt = (s) => `${(0,checks_params/* formatValue */.Fl)(s.alpha.value)}/${(0,checks_params/* formatValue */.Fl)(s.r.value)} = ${round(s.scale)}`;
        return [
            makeFinding(LORA_SCALE, view, at.line, `${a.alpha.key}/${a.r.key}: ${fmt(b)} → ${fmt(a)} (${(0,checks_params/* ratioText */.B9)(b.scale, a.scale)})`)
        ];
    }
    return [];
}
const round = (n) => (Math.round(n * 1000) / 1000).toString();
function effectiveFromConfig(params, path) {
    const deepspeed = /ds_config|deepspeed/i.test(path) ||
        params.some((p) => /^zero_optimization|^train_micro_batch_size_per_gpu$/.test(p.key));
    const shortest = (name) => params
        .filter((p) => p.name === name && positive(p) !== null && !/eval|test|valid/i.test(p.key))
        .sort((a, b) => a.key.length - b.key.length)[0];
    const accum = params.find((p) => ACCUM_NAMES.has(p.name) && positive(p) !== null) ?? null;
    if (deepspeed) {
        const global = shortest('train_batch_size');
        if (global)
            return { value: positive(global), basis: 'train_batch_size', batch: global, accum: null };
    }
    // litgpt, NeMo/Megatron, Composer: the batch of one optimizer step is written out, accumulation derived from it
    for (const name of GLOBAL_BATCH_NAMES) {
        const global = shortest(name);
        if (global)
            return { value: positive(global), basis: name, batch: global, accum: null };
    }
    for (const name of BATCH_NAMES) {
        const batch = shortest(name);
        if (batch) {
            return {
                value: positive(batch) * (accum ? positive(accum) : 1),
                basis: name,
                batch,
                accum
            };
        }
    }
    return null;
}
function checkEffectiveBatchConfig(view, sides) {
    const b = effectiveFromConfig(sides.before, view.file.previousPath ?? view.path);
    const a = effectiveFromConfig(sides.after, view.path);
    if (!b || !a || a.basis !== b.basis)
        return [];
    const ratio = Math.max(a.value / b.value, b.value / a.value);
    if (ratio < 2 - 1e-9)
        return [];
    const batchChanged = (0,python/* toNumber */.Ro)(a.batch?.value) !== (0,python/* toNumber */.Ro)(b.batch?.value);
    const at = (batchChanged ? a.batch : a.accum) ?? a.batch;
    const withAccum = a.accum !== null || b.accum !== null;
    const parts = (e) => withAccum ? `${(0,checks_params/* formatValue */.Fl)(e.batch?.value)}×${(0,checks_params/* formatValue */.Fl)(e.accum?.value ?? 1)} = ${e.value}` : `${e.value}`;
    const names = withAccum ? `${a.basis} × ${(a.accum ?? b.accum)?.key ?? 'gradient_accumulation_steps'}` : a.basis;
    return [
        makeFinding(EFFECTIVE_BATCH, view, at?.line ?? null, `${names}: ${parts(b)} → ${parts(a)} (${(0,checks_params/* ratioText */.B9)(b.value, a.value)})`)
    ];
}
/** A generic batch_size of code is a training batch in a loader, trainer or config call, never in .map() or inference. */
const TRAINING_CALL = /(data_?loader|trainer|trainingarguments|args|config|params|fit|train)\w*$/i;
/** Code names a batch size of evaluation or inference when its statement speaks of test/eval data. */
function isTrainBatch(p) {
    if (!BATCH_NAMES.includes(p.name))
        return false;
    if (p.name !== 'batch_size')
        return true;
    if (p.callee !== undefined && !TRAINING_CALL.test(p.callee.split('.').pop() ?? ''))
        return false;
    return !(p.stmt &&
        /\b\w*(eval|val|valid|validation|test|predict|inference|infer)\w*\b/i.test(p.stmt.text.replace(/\btrain\w*/gi, '')));
}
function checkEffectiveBatchCode(view, sides) {
    const numeric = (p) => positive(p) !== null;
    const batchPairs = (0,checks_params/* pairChanges */.Iq)(sides.before.filter((p) => isTrainBatch(p) && numeric(p)), sides.after.filter((p) => isTrainBatch(p) && numeric(p)));
    const accumPairs = (0,checks_params/* pairChanges */.Iq)(sides.before.filter((p) => ACCUM_NAMES.has(p.name) && numeric(p)), sides.after.filter((p) => ACCUM_NAMES.has(p.name) && numeric(p)));
    if (batchPairs.length > 1 || accumPairs.length > 1)
        return [];
    const batch = batchPairs[0];
    const accum = accumPairs[0];
    if (!batch && !accum)
        return [];
    const factor = (pair) => pair ? positive(pair.after) / positive(pair.before) : 1;
    const ratio = factor(batch) * factor(accum);
    if (Math.max(ratio, 1 / ratio) < 2 - 1e-9)
        return [];
    const changes = [batch, accum]
        .filter((p) => p !== undefined)
        .map((p) => `${p.after.key}: ${(0,checks_params/* formatValue */.Fl)(p.before.value)} → ${(0,checks_params/* formatValue */.Fl)(p.after.value)}`);
    const at = (batch ?? accum).after;
    return [makeFinding(EFFECTIVE_BATCH, view, at.line, `${changes.join(', ')} (${(0,checks_params/* ratioText */.B9)(1, ratio)} effective batch)`)];
}
/** Quantization modes a side turns on, with the value that turns each on. */
function quantModes(params) {
    const modes = new Map();
    const add = (mode, p) => {
        if (!modes.has(mode))
            modes.set(mode, p);
    };
    for (const p of params) {
        if (p.name === 'load_in_4bit' && (0,python/* isTruthy */.zz)(p.value))
            add('4-bit', p);
        else if (p.name === 'load_in_8bit' && (0,python/* isTruthy */.zz)(p.value))
            add('8-bit', p);
        else if (/^bnb_4bit_/.test(p.name) && p.value !== null && p.value !== undefined && p.value !== '')
            add('4-bit', p);
        else if ((p.name === 'quantization_bit' || p.name === 'load_in_nbits') &&
            ((0,python/* toNumber */.Ro)(p.value) ?? 0) > 0 &&
            ((0,python/* toNumber */.Ro)(p.value) ?? 0) < 16) {
            add(`${(0,python/* toNumber */.Ro)(p.value)}-bit`, p);
        }
        else if (p.name === 'adapter' && typeof p.value === 'string' && p.value.trim().toLowerCase() === 'qlora')
            add('4-bit', p);
    }
    return modes;
}
function checkQuantization(view, sides) {
    const before = quantModes(sides.before);
    const after = quantModes(sides.after);
    const on = [...after.keys()].filter((m) => !before.has(m));
    const off = [...before.keys()].filter((m) => !after.has(m));
    if (on.length === 0 && off.length === 0)
        return [];
    const describe = (modes) => (modes.size ? [...modes.keys()].join('+') : 'full precision');
    if (on.length > 0) {
        const p = after.get(on[0]);
        return [
            makeFinding(QUANTIZATION, view, p.line, `${p.key}: ${(0,checks_params/* formatValue */.Fl)(p.value)} (${describe(before)} → ${describe(after)})`)
        ];
    }
    const gone = before.get(off[0]);
    const same = sides.after.find((p) => p.key === gone.key);
    const line = same ? same.line : view.headLineFor(gone.line);
    const now = same ? (0,checks_params/* formatValue */.Fl)(same.value) : 'removed';
    return [
        makeFinding(QUANTIZATION, view, line, `${gone.key}: ${(0,checks_params/* formatValue */.Fl)(gone.value)} → ${now} (${describe(before)} → ${describe(after)})`)
    ];
}
const SEQ_NAMES = new Set([
    'seq_length',
    'max_seq_length',
    'seq_len',
    'max_seq_len',
    'sequence_len',
    'sequence_length',
    'cutoff_len',
    'model_max_length',
    'block_size',
    'context_length'
]);
const COMPLETION_NAMES = new Set(['max_completion_length', 'max_new_tokens', 'max_target_length']);
const PROMPT_NAMES = new Set(['max_prompt_length', 'max_source_length']);
const POSITION_NAMES = new Set(['max_position_embeddings', 'n_positions', 'max_positions', 'n_ctx']);
const MODEL_NAMES = new Set([
    'base_model',
    'model_name_or_path',
    'pretrained_model_name_or_path',
    'model_name',
    'model'
]);
const RESCALED = /rope_scaling|rotary_scaling|rope_scale|position_interpolation/;
/** What training does with a sequence longer than the positions the model has: one side's pair of values. */
function overlong(ps) {
    if (ps.some((p) => RESCALED.test(p.key)))
        return null;
    const written = (names) => ps.find((p) => names.has(p.name) && !p.fromDefault && positive(p) !== null);
    // GRPO / DPO: the prompt and the completion share the positions
    const completion = written(COMPLETION_NAMES);
    const prompt = written(PROMPT_NAMES);
    const seq = written(SEQ_NAMES) ?? completion;
    if (!seq)
        return null;
    const length = seq === completion && prompt ? positive(seq) + positive(prompt) : positive(seq);
    const pos = ps.find((p) => POSITION_NAMES.has(p.name) && !p.fromDefault && positive(p) !== null);
    // no positions written: those of the model the config names, when it is a known family
    const model = pos ? null : ps.find((p) => MODEL_NAMES.has(p.name) && typeof p.value === 'string');
    const known = model ? knownPositions(model.value) : null;
    const positions = pos ? positive(pos) : known?.positions;
    if (positions === undefined || length <= positions)
        return null;
    const limit = pos ? `${pos.key}: ${(0,checks_params/* formatValue */.Fl)(pos.value)}` : `${known?.family}'s ${positions} positions`;
    const shown = length === positive(seq) ? '' : ` (+ ${prompt?.key}: ${(0,checks_params/* formatValue */.Fl)(prompt?.value)})`;
    return { seq, limit: `${limit}${shown}`, positions };
}
function checkSequenceLength(view, sides) {
    if (sides.source !== 'config')
        return checkSequenceLengthCode(view);
    const now = overlong(sides.after);
    if (!now || overlong(sides.before))
        return [];
    return [
        makeFinding(SEQ_EXCEEDS_POSITIONS, view, now.seq.line, `${now.seq.key}: ${(0,checks_params/* formatValue */.Fl)(now.seq.value)} > ${now.limit}`)
    ];
}
/** Names code gives the length it tokenizes or trains at. */
const CODE_SEQ = /^(max_?len(gth)?|max_seq_len(gth)?|max_sequence_length|seq_len(gth)?|max_source_length|block_size|context_length|cutoff_len|model_max_length)$/i;
/** Code: a length set above the positions of the known model the file loads (`tok(..., max_length=1024)` on BERT). */
function checkSequenceLengthCode(view) {
    if (!view.after || !view.before)
        return [];
    const lengths = (a) => {
        const out = [];
        for (const s of a.statements) {
            if (s.kind === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name' && s.value?.k === 'num')
                if (CODE_SEQ.test(s.targets[0].id))
                    out.push({ value: s.value.value, line: s.value.line, text: s.text, stmt: s });
            for (const c of (0,parse/* callsIn */.Tz)(s)) {
                // max_length of a tokenizer call or a training config; generate(max_length=) is output length
                if (/^(generate|pipeline)$/.test((0,parse/* calleeName */.wt)(c)))
                    continue;
                for (const arg of c.args)
                    if (arg.name && CODE_SEQ.test(arg.name) && arg.value.k === 'num')
                        out.push({ value: arg.value.value, line: arg.value.line, text: `${arg.name}=${arg.value.text}`, stmt: s });
            }
        }
        return out;
    };
    const model = (a) => {
        if (a.statements.some((s) => RESCALED.test(s.text)))
            return null;
        for (const s of a.statements)
            for (const c of (0,parse/* callsIn */.Tz)(s)) {
                if ((0,parse/* calleeName */.wt)(c) !== 'from_pretrained')
                    continue;
                const id = (0,parse/* positional */.n8)(c, 0);
                const known = id?.k === 'str' ? knownPositions(id.value) : null;
                if (known)
                    return known;
            }
        return null;
    };
    const head = (0,analysis/* analyze */.ns)(view.after);
    const base = (0,analysis/* analyze */.ns)(view.before);
    const limit = model(head);
    if (!limit)
        return [];
    const baseLimit = model(base);
    const fresh = (0,analysis/* newStatements */.rm)(base, head);
    const was = new Set(baseLimit
        ? lengths(base)
            .filter((l) => l.value > baseLimit.positions)
            .map((l) => l.text)
        : []);
    const over = lengths(head).find((l) => l.value > limit.positions && fresh.has(l.stmt) && !was.has(l.text));
    if (!over)
        return [];
    return [
        makeFinding(SEQ_EXCEEDS_POSITIONS, view, over.line, `${(0,python/* clip */.$Q)(over.text, 80)} > ${limit.family}'s ${limit.positions} positions`)
    ];
}
const trainingConfig = (view) => {
    const out = [];
    try {
        out.push(...checkDuplicateKeys(view));
    }
    catch {
        // a check failing on odd input leaves the others standing
    }
    const sides = bothSides(view);
    if (!sides)
        return out;
    const run = (f) => {
        try {
            out.push(...f());
        }
        catch {
            // one check failing on odd input leaves the others standing
        }
    };
    run(() => checkLearningRate(view, sides));
    run(() => checkMinAbovePeak(view, sides));
    run(() => checkWarmup(view, sides));
    run(() => checkWarmupLength(view, sides));
    run(() => checkScheduleLength(view, sides));
    run(() => checkScheduler(view, sides));
    run(() => checkEpochs(view, sides));
    run(() => checkStepsCapped(view, sides));
    run(() => checkLora(view, sides));
    run(() => (sides.source === 'config' ? checkEffectiveBatchConfig(view, sides) : checkEffectiveBatchCode(view, sides)));
    run(() => checkQuantization(view, sides));
    run(() => checkSequenceLength(view, sides));
    return out;
};

// EXTERNAL MODULE: ./src/diff/config.ts + 1 modules
var config = __webpack_require__(6922);
;// CONCATENATED MODULE: ./src/checks/embedded.ts
// Configs written inside notebooks and scripts: a YAML/JSON string handed to a trainer (`yaml_string = """…"""`,
// as axolotl and LLaMA-Factory notebooks do) or a `%%writefile config.yaml` cell. Each becomes a config view at the
// lines of the notebook, so the config checks read it as they read a config file.


/** A string with fewer keys than this is a value, not a config. */
const MIN_KEYS = 3;
const WRITEFILE = /^\s*%%writefile\s+(?:-a\s+)?(\S+\.(?:ya?ml|json))\s*$/i;
function parsed(format, text) {
    try {
        return (0,config/* parseConfigEntries */.YM)(`embedded.${format}`, text);
    }
    catch {
        return [];
    }
}
/** File lines of the lines of a string starting at `line`: the cell's source lines from there on. */
function lineMap(notebook, line) {
    if (!notebook)
        return (k) => line + k - 1;
    for (const cell of notebook.cells) {
        const at = cell.sourceLines.indexOf(line);
        if (at !== -1)
            return (k) => cell.sourceLines[at + k - 1] ?? cell.sourceLines[cell.sourceLines.length - 1] ?? line;
    }
    return (k) => line + k - 1;
}
function embeddedOf(side) {
    const out = [];
    const seen = new Map();
    const unique = (key) => {
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        return n ? `${key}#${n}` : key;
    };
    for (const stmt of (0,analysis/* analyze */.ns)(side).statements) {
        const value = stmt.kind === 'assign' ? stmt.value : null;
        const target = stmt.targets[0];
        if (value?.k !== 'str' || target?.k !== 'name' || !value.value.includes('\n'))
            continue;
        const format = value.value.trimStart().startsWith('{') ? 'json' : 'yaml';
        const entries = parsed(format, value.value);
        if (entries.length < MIN_KEYS)
            continue;
        const map = lineMap(side.notebook, value.line);
        out.push({
            key: unique(target.id),
            text: value.value,
            entries: entries.map((e) => ({ ...e, line: map(e.line) }))
        });
    }
    for (const cell of side.notebook?.cells ?? []) {
        if (cell.type !== 'code')
            continue;
        const lines = cell.source.split('\n');
        const first = lines.findIndex((l) => l.trim() !== '');
        const m = first === -1 ? null : WRITEFILE.exec(lines[first]);
        if (!m)
            continue;
        const text = lines.slice(first + 1).join('\n');
        const entries = parsed(/json$/i.test(m[1]) ? 'json' : 'yaml', text);
        if (entries.length < MIN_KEYS)
            continue;
        const at = (k) => cell.sourceLines[first + k] ?? cell.sourceLines[cell.sourceLines.length - 1];
        out.push({ key: unique(m[1]), text, entries: entries.map((e) => ({ ...e, line: at(e.line) })) });
    }
    return out;
}
const configSide = (e) => ({
    text: e.text,
    notebook: null,
    entries: e.entries,
    lines: [],
    statements: []
});
/** Config views of the configs a code file writes, paired base to head by variable or file name. */
function embeddedConfigViews(view) {
    if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.after)
        return [];
    const head = embeddedOf(view.after);
    if (head.length === 0)
        return [];
    const base = new Map((view.before ? embeddedOf(view.before) : []).map((e) => [e.key, e]));
    return head.map((e) => {
        const b = base.get(e.key);
        return {
            ...view,
            kind: 'config',
            embedded: true,
            before: b ? configSide(b) : null,
            after: configSide(e),
            // a config the base did not write is new only when the file itself is
            baseKnown: b !== undefined || view.before === null
        };
    });
}

;// CONCATENATED MODULE: ./src/checks/raw-text.ts
// The bias checks over raw text, for a file the analysis could not cover (it does not parse, or is over a bound):
// a protected attribute on an added line, or a fairness metric on a removed line, still blocks the merge.
// Line by line, each pattern bounded, so a hostile file costs linear time.




/** Names as a config or code writes them: quoted strings, `key:`/`key =`, YAML list items. */
const QUOTED = /(["'])([A-Za-z_][\w .-]{0,100}?)\1/g;
const KEY = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_][\w.-]{0,100})["']?[ \t]{0,100}[:=]/;
const LIST_ITEM = /^[ \t]*-[ \t]+["']?([A-Za-z_][\w.-]{0,100})["']?,?[ \t]*$/;
/** A line longer than this is data (a blob, minified JSON): only its first part is read. */
const MAX_LINE = 10_000;
const FAIRNESS_TEXT = /\b(?:MetricFrame|demographic[_ -]?parity\w{0,40}|equali[sz]ed[_ -]?odds\w{0,40}|equal[_ -]?opportunity\w{0,40}|disparate[_ -]?impact\w{0,40}|statistical[_ -]?parity\w{0,40}|average[_ -]?odds\w{0,40}|fairness\w{0,40}|per[_ -]?group\w{0,40}|subgroup\w{0,40}|by[_ -]?group\w{0,40})/i;
function linesOf(text) {
    if (text === null)
        return [];
    return text.split('\n').map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l).replace(/\r$/, ''));
}
/** Lines of `side` that the other side does not have as often (a multiset difference: linear, order ignored). */
function extraLines(side, other) {
    const counts = new Map();
    for (const l of other)
        counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1);
    const out = [];
    side.forEach((l, i) => {
        const key = l.trim();
        const n = counts.get(key) ?? 0;
        if (n > 0)
            counts.set(key, n - 1);
        else if (key !== '')
            out.push({ text: l, line: i + 1 });
    });
    return out;
}
function namesOn(line) {
    const names = [];
    QUOTED.lastIndex = 0;
    let m;
    while ((m = QUOTED.exec(line)) !== null)
        names.push(m[2]);
    const key = KEY.exec(line);
    if (key)
        names.push(key[1]);
    const item = LIST_ITEM.exec(line);
    if (item)
        names.push(item[1]);
    return names;
}
const finding = (spec, file, line, evidence, why) => ({
    check: spec.id,
    family: spec.family,
    title: `${spec.title} (seen in the raw text: ${why})`,
    status: 'fail',
    bias: true,
    path: file.path,
    line,
    evidence: (0,python/* clip */.$Q)((0,redact/* redactSecrets */.fp)(evidence).text, 200),
    fix: spec.fix
});
/** Bias findings from the raw text of a file whose head could not be analysed; `why` says what stopped the analysis. */
function rawTextBiasFindings(file, why) {
    const head = linesOf(file.after);
    const base = linesOf(file.before);
    const out = [];
    const added = file.after === null ? [] : extraLines(head, base);
    const fresh = [];
    const seen = new Set();
    for (const { text, line } of added) {
        for (const name of namesOn(text)) {
            const category = (0,checks_protected/* protectedCategory */.du)(name);
            if (category === null || seen.has(name.toLowerCase()))
                continue;
            seen.add(name.toLowerCase());
            fresh.push({ name, category, line });
        }
    }
    if (fresh.length > 0) {
        const names = fresh
            .slice(0, 10)
            .map((f) => `'${f.name}' (${f.category})`)
            .join(', ');
        const more = fresh.length > 10 ? ` and ${fresh.length - 10} more` : '';
        out.push(finding(PROTECTED_ATTRIBUTE, file, fresh[0].line, `added lines name ${names}${more}`, why));
    }
    // a manifest, CI job or docs page that names a fairness metric evaluates nothing
    const removed = file.before === null || (0,file_role/* projectTooling */.I)(file.path) ? [] : extraLines(base, head);
    const gone = new Set();
    for (const { text } of removed) {
        const m = FAIRNESS_TEXT.exec(text);
        if (m)
            gone.add(m[0]);
    }
    // a metric that is still named somewhere in the head was moved, not removed
    const headText = file.after ?? '';
    const lost = [...gone].filter((name) => !headText.includes(name));
    if (lost.length > 0) {
        const evidence = `removed lines name ${lost.slice(0, 10).join(', ')}`;
        out.push(finding(FAIRNESS_METRIC_REMOVED, file, file.after === null ? null : 1, evidence, why));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/protected-input.ts
// Protected attributes (and close proxies) reaching the model by any route the change wrote: a statement that
// puts a protected column, or a value derived from one, into the training frame, the feature matrix, a feature
// list or a fit, and a drop/exclusion list that stops excluding one. A protected column used as a group label
// (sensitive_features=, groupby, crosstab, hue, a MetricFrame) never reaches the model and is fine; a variable
// that holds the group labels (Z, s, sensitive_attributes) joined onto the features reaches it.






const PROTECTED_INPUT = {
    id: 'RAI-PROTECTED-INPUT',
    family: 'responsible-ai',
    title: 'Protected attribute reaches the model',
    status: 'fail',
    bias: true,
    flags: 'a protected attribute or close proxy (is_male, marital status, native country, …), or a column derived from one, newly put into the training frame, feature matrix, a feature list, a fit or config input features, or no longer excluded by a drop list',
    fix: 'Keep the attribute out of the model inputs (use it only as the group label of the fairness evaluation), or document why the model may use it and report per-group results.'
};
const PROTECTED_INPUT_CHECKS = [PROTECTED_INPUT];
/** Names of model inputs: X, X_train, train_x, features, feature_cols, NUMERICAL_FEATURES, input_columns … */
function inputName(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    // X_test_sex holds a group label for the evaluation; features_no_sex, X_without_race are the features without it
    if (ws.length === 0 || ((0,vocabulary/* protectedOf */.Qr)(name) !== null && !withoutName(name)))
        return false;
    if (ws.some((w) => /^(sensitive|protected|group|groups|privileged|unprivileged|label|labels|target|targets|drop|dropped|exclude|excluded|ignore|ignored|unused|removed|sens|fairness|audit|slice|slices|y)$/.test(w)))
        return false;
    if (ws.some((w) => /^(x|features?|feats?|predictors?|covariates?|regressors?|inputs?)$/.test(w)))
        return true;
    // numeric_cols, categorical_columns, cat_cols, cols_to_use
    return ws.some((w) => /^(cols?|columns?)$/.test(w)) && ws.length > 1;
}
/** Names that say what they leave out: `features_no_sex`, `X_without_race`, `df_wo_gender`. */
const withoutName = (name) => /(^|_)(no|without|wo|excl|excluding|minus|sans|except|non)_/.test((0,vocabulary/* words */.aL)(name).join('_'));
/** Names of exclusion lists: DROP_FEATURES, cols_to_drop, exclude_columns, ignored_features … */
function exclusionName(name) {
    return (0,vocabulary/* words */.aL)(name).some((w) => /^(drop|dropped|exclude|excluded|exclusions?|ignore|ignored|remove|removed|unused|blacklist|denylist)$/.test(w));
}
/** Keyword arguments and calls that use a column as a group label or drop it, not as an input. */
const LABEL_KW = /^(sensitive_features?|sensitive_attributes?|protected_attributes?|groups?|group_by|by|hue|stratify|sample_weight|y|labels?|target|columns_to_drop|drop|exclude|index|on|how)$/;
const LABEL_CALL = /^(drop|pop|remove|groupby|crosstab|pivot_table|value_counts|MetricFrame|unique|nunique|print|display|plot|describe|difference|discard)$/;
/** Calls whose keywords name the columns they build: `df.assign(is_male=...)`, `pd.DataFrame(dict(sex=...))`. */
const COLUMN_KEYWORDS = /^(assign|with_columns|dict|DataFrame|Series|from_dict)$/;
/** A keyword that switches a protected column into the data: `include_sex=True`, `use_race=True`. */
const flagOn = (a) => /^(include|use|with|add|keep)_/.test(a.name ?? '') && a.value.k === 'const' && a.value.value === 'True';
/** Protected values that a statement writes into its model-input target (not drops, not group labels). */
function protectedIn(e, derived) {
    const out = [];
    const visit = (x) => {
        if (x.k === 'call') {
            const callee = (0,parse/* calleeName */.wt)(x);
            if (LABEL_CALL.test(callee)) {
                if (x.fn.k === 'attr')
                    visit(x.fn.obj);
                return;
            }
            visit(x.fn);
            for (const a of x.args) {
                if (a.name && LABEL_KW.test(a.name))
                    continue;
                if (a.name && a.name !== '*' && a.name !== '**' && (COLUMN_KEYWORDS.test(callee) || flagOn(a))) {
                    // df.assign(is_male=...): the keyword is the new column; build(include_sex=True) turns the column on
                    const cat = (0,vocabulary/* protectedOf */.Qr)(a.name) ?? derivedCategory(a.value, derived);
                    if (cat)
                        out.push({ value: a.name, category: cat, line: a.value.line });
                }
                visit(a.value);
            }
            return;
        }
        if (x.k === 'str') {
            const cat = (0,vocabulary/* protectedOf */.Qr)(x.value) ?? derived.get(x.value) ?? null;
            if (cat)
                out.push({ value: x.value, category: cat, line: x.line });
            return;
        }
        if (x.k === 'name') {
            const cat = derived.get(x.id);
            if (cat)
                out.push({ value: x.id, category: cat, line: x.line });
            return;
        }
        if (x.k === 'attr') {
            visit(x.obj);
            const cat = (0,vocabulary/* protectedOf */.Qr)(x.name);
            if (cat)
                out.push({ value: x.name, category: cat, line: x.line });
            return;
        }
        if (x.k === 'sub') {
            visit(x.obj);
            x.items.forEach(visit);
            return;
        }
        if (x.k === 'seq')
            return x.items.forEach(visit);
        if (x.k === 'dict')
            return x.entries.forEach((en) => (en.key ? visit(en.key) : undefined, visit(en.value)));
        if (x.k === 'op' || x.k === 'other') {
            // `[c for c in cols if c != 'race']`, `x != 'sex'`: a comparison excludes, it does not add
            if (x.k === 'op' && x.ops.some((o) => /^(!=|not in|==|in|is|is not)$/.test(o)))
                return;
            if (x.k === 'other' && /\bif\b/.test(x.text))
                return;
            return x.parts.forEach(visit);
        }
    };
    visit(e);
    return out;
}
function derivedCategory(e, derived) {
    let cat = null;
    (0,parse/* walk */.GG)(e, (x) => {
        if (cat)
            return;
        if (x.k === 'str')
            cat = (0,vocabulary/* protectedOf */.Qr)(x.value) ?? derived.get(x.value) ?? null;
        else if (x.k === 'name')
            cat = derived.get(x.id) ?? null;
        else if (x.k === 'attr')
            cat = (0,vocabulary/* protectedOf */.Qr)(x.name);
    });
    return cat;
}
/** Keywords that name the columns a fairness tool treats as sensitive: `sensitive_cols=['b']`, `protected_attribute_names=`. */
const SENSITIVE_KW = /^(sensitive_(features?|cols?|columns?|attrs?|attributes?|attribute_names|feature_names)|protected_(attributes?|attribute_names|cols?|columns?|features?)|(un)?privileged_groups)$/;
/** Constructors whose first argument lists the columns they remove the influence of. */
const SENSITIVE_CTOR = /^(InformationFilter|CorrelationRemover)$/;
/**
 * Columns the file itself declares sensitive, though no general vocabulary knows them: the race proxy `b` of the
 * Boston data handed to `InformationFilter(["lstat", "b"])`, `sensitive_cols=['b']`. Within that file they are
 * protected like `race`: used as a model input, or no longer dropped, they are reported.
 */
function declaredSensitive(side) {
    const out = new Map();
    const add = (e, via) => {
        if (!e)
            return;
        (0,parse/* walk */.GG)(e, (x) => {
            const col = x.k === 'str' ? x.value : null;
            if (col && /^[A-Za-z_][\w -]{0,40}$/.test(col) && (0,vocabulary/* protectedOf */.Qr)(col) === null)
                out.set(col, `declared sensitive by ${via}`);
        });
    };
    for (const s of (0,analysis/* analyze */.ns)(side).statements)
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k !== 'call')
                    return;
                const callee = (0,parse/* calleeName */.wt)(x);
                if (SENSITIVE_CTOR.test(callee)) {
                    const cols = x.args.find((a) => a.name === null || a.name === 'columns' || a.name === 'sensitive_feature_ids');
                    add(cols?.value, callee);
                }
                for (const a of x.args)
                    if (a.name && SENSITIVE_KW.test(a.name))
                        add(a.value, `${a.name}=`);
            });
    return out;
}
/** TensorFlow's feature columns: each names the input column an estimator or `DenseFeatures` layer reads. */
const FEATURE_COLUMN = /\b(categorical_column_with_\w+|numeric_column|bucketized_column|crossed_column|embedding_column|indicator_column|weighted_categorical_column|sequence_categorical_column_with_\w+)\s*\(/;
/** Column and variable names derived from protected columns on one side: `df['grp'] = pd.cut(df['age'], …)`. */
function derivedNames(stmts, declared) {
    const out = new Map(declared);
    for (const s of stmts) {
        if (s.kind !== 'assign' || !s.value)
            continue;
        const cat = derivedCategory(s.value, out);
        if (!cat)
            continue;
        for (const t of s.targets) {
            if (t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str') {
                if (!(0,vocabulary/* protectedOf */.Qr)(t.items[0].value))
                    out.set(t.items[0].value, cat);
            }
            else if (t.k === 'name' && !inputName(t.id) && !exclusionName(t.id) && !(0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(t.id))) {
                // a variable holding a derived value (not a group label kept for the evaluation)
                if (/\b(cut|qcut|map|apply|astype|replace|where|get_dummies|factorize|str)\b/.test(s.value.text))
                    out.set(t.id, cat);
                // a TensorFlow feature column built on the column: gender = categorical_column_with_vocabulary_list('gender', …)
                else if (FEATURE_COLUMN.test(s.value.text))
                    out.set(t.id, cat);
            }
        }
    }
    return out;
}
function targetChain(t) {
    if (t.k === 'name')
        return [t.id];
    if (t.k === 'attr')
        return [...targetChain(t.obj), t.name];
    // the last key of a subscript names the column written, not the frame it is written into
    if (t.k === 'sub')
        return targetChain(t.obj);
    return [];
}
/** The frame keys of a nested subscript: `train['X']` in `train['X']['is_female']`. */
function frameKeys(t) {
    if (t.k === 'sub') {
        const inner = t.obj.k === 'sub' && t.obj.items.length === 1 && t.obj.items[0].k === 'str' ? [t.obj.items[0].value] : [];
        return [...inner, ...frameKeys(t.obj)];
    }
    if (t.k === 'attr')
        return frameKeys(t.obj);
    return [];
}
/** A column list named for being columns, not features: `filter_col`, `cat_cols` (not `feature_cols`, not X). */
function columnListName(name) {
    return (inputName(name) &&
        !(0,vocabulary/* words */.aL)(name).some((w) => /^(x|features?|feats?|predictors?|covariates?|regressors?|inputs?)$/.test(w)));
}
/** Names of group labels: `dem`, `demographics`, `group_a`, `sensitive_df`, `protected_attrs`. */
const labelName = (name) => (0,vocabulary/* words */.aL)(name).some((w) => /^(sensitive|protected|groups?|privileged|unprivileged|sens|dem|demo|demographics?|fairness|audit)$/.test(w));
/**
 * Column lists that only ever build group labels: `filter_col = ['Ethnicity', 'Gender']` read only by
 * `dem = data[filter_col]`. Every later use of the list assigns a value that is no model input and is itself read
 * only that way (three steps deep at most); a list used any other way (a fit, a call, a loop, a model input) may
 * reach the model.
 */
function labelOnlyLists(stmts, lists) {
    const readers = (name, from) => stmts.filter((s) => {
        if (s.index <= from || s.kind === 'import' || s.kind === 'def')
            return false;
        let mentions = false;
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'name' && x.id === name)
                    mentions = true;
            });
        return mentions;
    });
    const fits = (e) => {
        let found = false;
        (0,parse/* walk */.GG)(e, (x) => {
            if (x.k === 'call' && (FIT.test((0,parse/* calleeName */.wt)(x)) || FIT_FUNCTION.test((0,parse/* calleeName */.wt)(x))))
                found = true;
        });
        return found;
    };
    // a name a statement assigns that is no model input and is itself read only as a label
    const labelTarget = (t, from, depth) => t.k === 'name' && (t.id === '_' || labelName(t.id) || (!inputName(t.id) && labelOnly(t.id, from, depth + 1)));
    const returned = (s, name, depth) => {
        const items = s.exprs.length === 1 && s.exprs[0].k === 'seq' ? s.exprs[0].items : s.exprs;
        const at = items.findIndex((e) => e.k === 'name' && e.id === name);
        const fname = (0,analysis/* enclosingFunction */.pG)(stmts, s.line)?.name ?? null;
        if (at === -1 || !fname)
            return false;
        // each caller unpacks the returned tuple: the name's place must hold a label there too
        const callers = stmts.filter((c) => c.kind === 'assign' && c.value?.k === 'call' && c.value.fn.k === 'name' && c.value.fn.id === fname);
        return (callers.length > 0 &&
            callers.every((c) => c.targets.length === items.length && labelTarget(c.targets[at], c.index, depth)));
    };
    // handed to a model as its inputs: `DNNClassifier(feature_columns=deep_columns)`
    const handedAsInput = (s, name) => (0,parse/* callsIn */.Tz)(s).some((c) => c.args.some((a) => a.name !== null && inputName(a.name) && a.value.k === 'name' && a.value.id === name));
    const labelOnly = (name, from, depth) => {
        if (depth > 3)
            return false;
        return readers(name, from).every((s) => {
            if (handedAsInput(s, name))
                return false;
            // shown: `dem` alone at the end of a cell
            if (s.kind === 'expr' && s.value?.k === 'name')
                return true;
            if (s.kind === 'other' && /^return\b/.test(s.text))
                return returned(s, name, depth);
            return ((s.kind === 'assign' || s.kind === 'augassign') &&
                s.targets.length > 0 &&
                !s.exprs.some(fits) &&
                s.targets.every((t) => t.k === 'name' && t.id !== name && labelTarget(t, s.index, depth)));
        });
    };
    const out = new Set();
    for (const name of lists) {
        const def = stmts.find((s) => s.kind === 'assign' && s.targets.some((t) => t.k === 'name' && t.id === name));
        // a list read nowhere is kept as an input: what it is for cannot be told
        if (def && readers(name, def.index).length > 0 && labelOnly(name, def.index, 0))
            out.add(name);
    }
    return out;
}
const FIT = /^(fit|fit_transform|fit_resample|train|partial_fit|fit_predict)$/;
/** Functions a notebook defines to train a model: `train(features + ['race'])`, `train_model(X, y)`. */
/** Keywords that hand a fit its inputs: `fit(X=...)`, `train(train_data=...)`. */
const INPUT_KW = /^(X|x|X_train|x_train|features|train_data|train_df|train_dataset|dataset|inputs)$/;
const CROSS_VALIDATION = /^(cross_val_score|cross_validate|cross_val_predict|learning_curve|validation_curve|permutation_test_score)$/;
const FIT_FUNCTION = /^(train|fit|train_model|fit_model|train_classifier|fit_classifier|train_and_evaluate|train_eval)$/;
/** Protected values each side puts into model inputs, and those its exclusion lists drop. */
function sideUses(side, declared) {
    const stmts = (0,analysis/* analyze */.ns)(side).statements;
    const derived = derivedNames(stmts, declared);
    // where a column is computed from a protected one: df['is_married'] = df['marital-status'].str…
    const derivedAt = new Map();
    for (const s of stmts) {
        if (s.kind !== 'assign' || !s.value || !derivedCategory(s.value, derived))
            continue;
        for (const t of s.targets)
            if (t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str')
                derivedAt.set(t.items[0].value.toLowerCase(), s.line);
    }
    const inputs = [];
    const excluded = [];
    for (const s of stmts) {
        if (s.kind === 'import' || s.kind === 'def')
            continue;
        // every name and key along a target: train['X']['is_female'] → train, X (the column is the last key)
        const targetNames = s.targets.flatMap((t) => [...targetChain(t), ...frameKeys(t)]);
        const toInput = targetNames.some((n) => n !== '' && inputName(n));
        // the value an exclusion builds: X_drop in `X_drop = df.drop(columns=[...])`
        const target = s.targets.length === 1 && s.targets[0].k === 'name' ? s.targets[0].id : undefined;
        if (s.value && (s.kind === 'assign' || s.kind === 'augassign') && targetNames.some((n) => exclusionName(n))) {
            for (const u of protectedIn(s.value, declared))
                excluded.push({ ...u, stmtLine: s.line, via: targetNames.join(', '), target });
        }
        // drop calls name what is excluded: X = df.drop(columns=[..., 'race']), np.delete(X, <index of 'race'>, axis=1)
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k !== 'call' || x.fn.k !== 'attr')
                    return;
                // `np.delete(X, df.columns.get_loc("race"), axis=1)`: the column whose index is deleted
                if (x.fn.name === 'delete') {
                    const index = x.args.filter((a) => a.name === null)[1]?.value;
                    if (index)
                        for (const u of protectedIn(index, declared))
                            excluded.push({ ...u, stmtLine: s.line, via: 'delete', target });
                    return;
                }
                if (x.fn.name !== 'drop')
                    return;
                for (const a of x.args)
                    if (a.name === null || a.name === 'columns' || a.name === 'labels')
                        for (const u of protectedIn(a.value, declared))
                            excluded.push({ ...u, stmtLine: s.line, via: 'drop', target });
            });
        if (toInput && s.value) {
            // `[c for c in df.columns if c not in [y, 'AGE', 'SEX']]`: the list a comprehension filters out is excluded
            (0,parse/* walk */.GG)(s.value, (x) => {
                if (x.k !== 'op' || x.parts.length !== 2 || !/^(not in|!=)$/.test(x.ops.join(' ')))
                    return;
                for (const part of x.parts)
                    if (part.k === 'seq' || part.k === 'str')
                        for (const u of protectedIn(part, declared))
                            excluded.push({ ...u, stmtLine: s.line, via: 'a filter', target });
            });
            const inputNames = targetNames.filter((n) => n !== '' && inputName(n));
            const list = s.kind === 'assign' && s.targets.every((t) => t.k === 'name') && inputNames.every(columnListName)
                ? inputNames[0]
                : undefined;
            for (const u of protectedIn(s.value, derived))
                inputs.push({ ...u, stmtLine: s.line, via: targetNames.join(', '), list });
            // a subscript target: X['is_male'] = ..., features.append('sex')
            for (const t of s.targets)
                if (t.k === 'sub')
                    for (const item of t.items)
                        for (const u of protectedIn(item, derived))
                            inputs.push({ ...u, stmtLine: s.line, via: targetNames.join(', ') });
        }
        // df['Gender'] = LabelEncoder().fit_transform(df['Gender']): the column recoded in place, no model fitted
        const recodes = s.targets.length > 0 &&
            s.targets.every((t) => t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str' && (0,vocabulary/* protectedOf */.Qr)(t.items[0].value) !== null);
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'call' && x.fn.k === 'name' && FIT_FUNCTION.test(x.fn.id)) {
                    const first = x.args.find((a) => a.name === null || INPUT_KW.test(a.name));
                    if (first)
                        for (const u of protectedIn(first.value, derived))
                            inputs.push({ ...u, stmtLine: s.line, via: x.fn.id });
                }
                // cross_val_score(model, X, y): the data is the second argument
                if (x.k === 'call' && CROSS_VALIDATION.test((0,parse/* calleeName */.wt)(x))) {
                    const data = x.args.filter((a) => a.name === null)[1] ?? x.args.find((a) => a.name === 'X');
                    if (data)
                        for (const u of protectedIn(data.value, derived))
                            inputs.push({ ...u, stmtLine: s.line, via: 'cross-validation' });
                }
                if (x.k !== 'call' || x.fn.k !== 'attr')
                    return;
                const name = x.fn.name;
                const obj = x.fn.obj.k === 'name' ? x.fn.obj.id : '';
                // features.append('sex'), feature_cols.extend([...]), model.fit(df[[..., 'race']], y)
                if (/^(append|extend|insert|add)$/.test(name) && obj && inputName(obj)) {
                    for (const a of x.args)
                        for (const u of protectedIn(a.value, derived))
                            inputs.push({ ...u, stmtLine: s.line, via: obj });
                }
                else if (FIT.test(name) && !recodes) {
                    const first = x.args.find((a) => a.name === null || INPUT_KW.test(a.name));
                    if (first)
                        for (const u of protectedIn(first.value, derived))
                            inputs.push({ ...u, stmtLine: s.line, via: name });
                }
            });
    }
    for (const j of sensitiveJoins(stmts, vocabulary/* FAIRNESS_FILE */.BV.test(side.text)))
        inputs.push({ value: j.value, category: j.category, line: j.line, stmtLine: j.line, via: j.via });
    const labelLists = labelOnlyLists(stmts, new Set(inputs.flatMap((u) => (u.list ? [u.list] : []))));
    return { inputs: inputs.filter((u) => !u.list || !labelLists.has(u.list)), excluded, derivedAt };
}
function protectedInputFindings(view) {
    if (!view.after || !view.before || !view.baseKnown)
        return [];
    if (view.kind !== 'notebook' && view.kind !== 'python')
        return [];
    const declared = new Map([...declaredSensitive(view.before), ...declaredSensitive(view.after)]);
    const base = sideUses(view.before, declared);
    const head = sideUses(view.after, declared);
    // Z_train joined where the base joined Z is the same attribute
    const key = (u) => splitBase(u.value).toLowerCase();
    const baseInputs = new Set(base.inputs.map(key));
    const headExcluded = new Set(head.excluded.map(key));
    const byLine = new Map();
    const note = (line, what) => {
        if (!view.isAddedLine(line))
            return;
        byLine.set(line, [...(byLine.get(line) ?? []), what]);
    };
    const reported = new Set();
    const simulated = (0,checks_protected/* simulatedCategories */.r7)(view.after);
    for (const u of head.inputs) {
        if (baseInputs.has(key(u)) || headExcluded.has(key(u)) || reported.has(key(u)) || simulated.has(u.category))
            continue;
        const at = view.isAddedLine(u.line) ? u.line : u.stmtLine;
        if (!view.isAddedLine(at))
            continue;
        // the first line of its route the change wrote: where the column was derived, else where it entered
        const from = head.derivedAt.get(key(u));
        const line = from !== undefined && view.isAddedLine(from) ? from : at;
        reported.add(key(u));
        note(line, `'${u.value}' (${u.category}) into ${u.via}`);
    }
    // an exclusion list that stops excluding a protected column, while the head still has the column in use
    const headAssigns = new Set((0,analysis/* analyze */.ns)(view.after).statements.flatMap((s) => s.kind === 'assign' ? s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : [])) : []));
    // still excluded: from the same variable, or from a variable the base did not build (a renamed one)
    const stillExcluded = (u) => {
        const same = head.excluded.filter((h) => key(h) === key(u));
        if (same.length === 0)
            return false;
        if (!u.target || !headAssigns.has(u.target))
            return true;
        const baseTargets = new Set(base.excluded.filter((b) => key(b) === key(u)).map((b) => b.target));
        return same.some((h) => h.target === u.target || !h.target || !baseTargets.has(h.target));
    };
    for (const u of base.excluded) {
        if (stillExcluded(u) || reported.has(key(u)))
            continue;
        // a filter over a whole frame's columns lets every column it stops naming through
        if (u.via !== 'a filter' && !view.after.text.includes(u.value))
            continue;
        const line = view.headLineFor(u.line);
        if (line === null)
            continue;
        reported.add(key(u));
        const list = byLine.get(line) ?? [];
        const from = u.target && headExcluded.has(key(u)) ? ` from ${u.target}` : '';
        byLine.set(line, [...list, `'${u.value}' (${u.category}) no longer excluded by ${u.via}${from}`]);
    }
    for (const w of withoutBroken(view)) {
        if (reported.has(w.key))
            continue;
        reported.add(w.key);
        byLine.set(w.line, [...(byLine.get(w.line) ?? []), w.what]);
    }
    return [...byLine].map(([line, what]) => makeFinding(PROTECTED_INPUT, view, line, what.join('; ')));
}
/** The attribute a `features_no_sex`-style name says it leaves out, with its category. */
function leftOut(name) {
    const m = /(?:^|_)(?:no|without|wo|excl|excluding|minus|sans|except|non)_(.+)$/.exec((0,vocabulary/* words */.aL)(name).join('_'));
    if (!m)
        return null;
    const category = (0,vocabulary/* protectedOf */.Qr)(m[1]);
    return category ? { attribute: m[1], category } : null;
}
/**
 * A value named for what it leaves out, no longer built without it: `X_no_sex = data[features_no_sex]` →
 * `X_no_sex = data[features]`. The models and results read under that name now see the attribute.
 */
function withoutBroken(view) {
    if (!view.before || !view.after)
        return [];
    const excludes = (e, category) => {
        let found = false;
        (0,parse/* walk */.GG)(e, (x) => {
            if (found)
                return;
            if (x.k === 'name')
                found = leftOut(x.id)?.category === category;
            else if (x.k === 'str')
                found = (0,vocabulary/* protectedOf */.Qr)(x.value) === category;
        });
        return found;
    };
    const assigned = (side) => {
        const out = new Map();
        for (const s of (0,analysis/* analyze */.ns)(side).statements)
            if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name')
                out.set(s.targets[0].id, s);
        return out;
    };
    const base = assigned(view.before);
    const out = [];
    for (const [name, s] of assigned(view.after)) {
        const left = leftOut(name);
        if (!left || !s.value || !view.isAddedLine(s.line))
            continue;
        const was = base.get(name);
        if (!was?.value || !excludes(was.value, left.category) || excludes(s.value, left.category))
            continue;
        out.push({
            key: left.attribute,
            line: s.line,
            what: `'${left.attribute}' (${left.category}) no longer left out of ${name}: ${s.value.text.replace(/\s+/g, ' ').slice(0, 60)} (base: ${was.value.text.replace(/\s+/g, ' ').slice(0, 60)})`
        });
    }
    return out;
}
const protectedInput = (view) => {
    try {
        return protectedInputFindings(view);
    }
    catch {
        return [];
    }
};

// EXTERNAL MODULE: ./src/checks/memo.ts
var memo = __webpack_require__(7111);
;// CONCATENATED MODULE: ./src/checks/fairness-bounds.ts
// Fairness bounds and the direction of bias metrics, compared across the change with their direction known: a
// parity bound, fairness threshold or tolerance (a keyword of a fairness call, a constant a fairness check compares
// against, a config value of a fairness block) moved the way that lets more disparity pass, and a bias metric
// turned around (a ratio's numerator and denominator swapped, privileged and unprivileged groups swapped in a
// call, `abs()` taken off a gap, the comparison of a fairness check flipped). A value tightened is not a finding.








const FAIRNESS_BOUND_LOOSENED = {
    id: 'RAI-FAIRNESS-BOUND-LOOSENED',
    family: 'responsible-ai',
    title: 'Fairness bound loosened or bias metric inverted',
    status: 'fail',
    bias: true,
    flags: 'a parity bound, fairness threshold or tolerance (difference_bound, ratio_bound, eps, a four-fifths value, a constant a fairness check compares against, a fairness config value, the search range of a sweep for it) moved the way that lets more disparity pass, the loss weight of a mitigation (min_diff_weight, a counterfactual loss_weight) lowered, or a bias metric inverted: a ratio swapped, privileged and unprivileged groups swapped, abs() removed from a gap, a fairness comparison flipped',
    fix: 'Keep the bound (or say in the pull request why the looser one is acceptable), and keep the metric the way round it was defined.'
};
const BOUND_CHECKS = [FAIRNESS_BOUND_LOOSENED];
/** Names of bounds: how far a fairness metric may go before the check fails. */
const BOUND_WORD = /^(bound|bounds|eps|epsilon|tol|tolerance|threshold|thresholds|limit|max|min|maximum|minimum|cutoff|margin|tau|fifths|fifth|slack|allowed|acceptable|repair)$/;
/** Words of counts and sizes: `max_iter`, `min_samples` bound how long or how much, not how unfair. */
const NOT_BOUND_WORD = /^(iter|iters|iteration|iterations|epoch|epochs|step|steps|depth|features?|samples?|len|length|size|n|num|count|trials?|leaf|leaves|grid|rounds?|retries|workers|jobs|tokens|batch|lr|learning|rate|seconds|time)$/;
/** `min_group_size`, `min_slice_count`: groups smaller than this are left out of the fairness evaluation. */
const groupSizeFloor = (ws) => ws.some((w) => /^(min|minimum)$/.test(w)) &&
    ws.some((w) => /^(group|groups|subgroup|cohort|slice|bucket)$/.test(w)) &&
    ws.some((w) => /^(size|count|samples|n|members)$/.test(w));
const boundName = (name) => {
    const ws = (0,vocabulary/* words */.aL)(name);
    return (ws.some((w) => BOUND_WORD.test(w)) && !ws.some((w) => NOT_BOUND_WORD.test(w))) || groupSizeFloor(ws);
};
/** Words that say a bigger value is stricter (a ratio's floor): lowering it loosens. */
const FLOOR_WORD = /^(ratio|impact|fifths|fifth|min|minimum|floor|lower|di|dir|dpr|eor|rule|repair)$/;
/** Words that say a smaller value is stricter (a gap's ceiling): raising it loosens. */
const CEILING_WORD = /^(difference|diff|gap|eps|epsilon|tol|tolerance|max|maximum|upper|violation|violations|dpd|eod|spd|aod|slack|margin|bound)$/;
/** Short names of fairness metrics that the vocabulary does not read as words. */
const METRIC_ACRONYM = /^(di|dir|dpd|dpr|eod|eor|spd|aod|eopp|eop|aaod|theil|air)$/;
/** Which way loosens a bound named by these words (most specific first), or by its value when they do not say. */
function looserWay(names, value) {
    for (const name of names) {
        const ws = (0,vocabulary/* words */.aL)(name);
        // a bigger smallest group leaves more groups out
        if (groupSizeFloor(ws))
            return 'up';
        // `ratio_bound`: the metric word says more than the bound word
        if (ws.some((w) => FLOOR_WORD.test(w) && w !== 'min' && w !== 'minimum'))
            return 'down';
        if (ws.some((w) => /^(min|minimum)$/.test(w)))
            return 'down';
        if (ws.some((w) => CEILING_WORD.test(w)))
            return 'up';
    }
    // a ratio's floor sits near 1, a difference's ceiling near 0
    return value >= 0.5 && value <= 1 ? 'down' : 'up';
}
/** Words of how strongly a mitigation's term weighs in the loss (`min_diff_weight`, `fairness_lambda`, `eta`). */
const STRENGTH_WORD = /^(weight|strength|lambda|lamda|lam|coef|coeff|coefficient|penalty|multiplier|eta)$/;
/** Words of a mitigation that the fairness vocabulary does not read on their own (MinDiff, counterfactual pairing). */
const MITIGATION_WORD = /^(mindiff|counterfactual|adversary|adversarial|debias|debiasing|remediation|prejudice|fair)$/;
const strengthName = (name) => {
    const ws = (0,vocabulary/* words */.aL)(name);
    return ws.some((w) => STRENGTH_WORD.test(w)) && !ws.some((w) => NOT_BOUND_WORD.test(w));
};
/** A name of a mitigation or its loss term: fairness words, MinDiff (`min_diff`), counterfactual logit pairing. */
const mitigationName = (name) => {
    const ws = (0,vocabulary/* words */.aL)(name);
    return ((0,vocabulary/* fairnessWords */.hO)(ws) ||
        ws.some((w) => MITIGATION_WORD.test(w)) ||
        ws.some((w, i) => w === 'min' && ws[i + 1] === 'diff'));
};
/**
 * Fairness libraries' defaults for bounds a call may leave out, and the way that loosens them: a bound newly written
 * looser than its default lets more disparity pass even though no written value changed.
 */
/** AIF360's `DisparateImpactRemover(repair_level)` and the wrappers named for it (`DIRemover(1.0)`). */
const REPAIR_CALL = /^(DisparateImpactRemover|DIRemover)$/;
const LIBRARY_BOUND_DEFAULTS = new Map([
    // giskard's scan detectors: the relative gap a slice may show before it is reported
    ['performance_bias.threshold', { value: 0.05, looser: 'up' }],
    ['ethical_bias.threshold', { value: 0.05, looser: 'up' }],
    // fairlearn's ExponentiatedGradient: the constraint violation allowed
    ['ExponentiatedGradient(eps=)', { value: 0.01, looser: 'up' }],
    // aequitas: the ratio to the reference group that still counts as fair
    ['get_group_value_fairness(tau=)', { value: 0.8, looser: 'down' }],
    ['Fairness(tau=)', { value: 0.8, looser: 'down' }],
    // AIF360's DisparateImpactRemover: how far the features are repaired
    ['DisparateImpactRemover(repair_level=)', { value: 1, looser: 'down' }]
]);
const flat = (e) => e.text.replace(/[\s()]+/g, '');
/** Names that hold or compute fairness on one side: fairness words, fairness results, values derived from groups. */
function fairNames(statements) {
    const out = carrierNames(statements);
    for (const s of statements) {
        if (s.kind !== 'assign' || !s.value)
            continue;
        let fair = false;
        (0,parse/* walk */.GG)(s.value, (x) => {
            if (fair)
                return;
            if (x.k === 'name')
                fair = out.has(x.id) || fairName(x.id);
            else if (x.k === 'attr')
                fair = fairName(x.name);
            else if (x.k === 'str')
                fair = (0,vocabulary/* protectedOf */.Qr)(x.value) !== null;
        });
        for (const t of s.targets)
            if (t.k === 'name' && (fair || fairName(t.id)))
                out.add(t.id);
    }
    return out;
}
const fairName = (0,memo/* memoByText */.H)(fairNameUncached);
function fairNameUncached(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    return (0,vocabulary/* fairnessWords */.hO)(ws) || (0,vocabulary/* protectedOf */.Qr)(name) !== null || ws.some((w) => METRIC_ACRONYM.test(w));
}
/** An expression named as a bound: `cfg['fairness']['max_gap']`, `PARITY_TOLERANCE`. */
const boundText = (e) => (0,vocabulary/* words */.aL)(e.text).some((w) => BOUND_WORD.test(w));
const metricName = (0,memo/* memoByText */.H)(metricNameUncached);
function metricNameUncached(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    return (0,vocabulary/* fairnessWords */.hO)(ws) || ws.some((w) => METRIC_ACRONYM.test(w));
}
function fairExpr(e, names) {
    let fair = false;
    (0,parse/* walk */.GG)(e, (x) => {
        if (fair)
            return;
        // a protected column compared (`df['age'] > 60`) selects a group; it is not a fairness metric
        if (x.k === 'name')
            fair = names.has(x.id) || metricName(x.id);
        else if (x.k === 'attr')
            fair = metricName(x.name);
        else if (x.k === 'call')
            fair = (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)((0,parse/* calleeName */.wt)(x)));
        // `frame['air']`: a column holding a fairness metric
        else if (x.k === 'sub')
            fair = x.items.some((i) => i.k === 'str' && metricName(i.value));
    });
    return fair;
}
const isCompare = (op) => /^(<|<=|>|>=)$/.test(op);
const flipOp = (op) => ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' })[op] ?? op;
const sense = (op) => (op.startsWith('<') ? 'lt' : 'gt');
/** A group selected from a protected column: `group_a = df['sex'] == 'Female'`, `priv = data.race.isin([...])`. */
function groupMask(e) {
    let found = false;
    (0,parse/* walk */.GG)(e, (x) => {
        if (found)
            return;
        if (x.k === 'sub')
            found = x.items.some((i) => i.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(i.value) !== null);
        else if (x.k === 'attr')
            found = (0,vocabulary/* protectedOf */.Qr)(x.name) !== null && x.obj.k === 'name';
    });
    if (!found)
        return false;
    let compares = false;
    (0,parse/* walk */.GG)(e, (x) => {
        if (x.k === 'op' && x.ops.some((o) => /^(==|!=|<|<=|>|>=|in|not in)$/.test(o)))
            compares = true;
        if (x.k === 'call' && /^(isin|eq|ne)$/.test((0,parse/* calleeName */.wt)(x)))
            compares = true;
    });
    return compares;
}
/** The protected columns a mask compares and the values it compares them with, in order. */
function selection(e) {
    const parts = [];
    (0,parse/* walk */.GG)(e, (x) => {
        if (x.k !== 'op' || x.parts.length !== 2)
            return;
        const col = (c) => c.k === 'sub' && c.items.length === 1 && c.items[0].k === 'str'
            ? c.items[0].value
            : c.k === 'attr'
                ? c.name
                : null;
        const name = col(x.parts[0]);
        if (name && (0,vocabulary/* protectedOf */.Qr)(name) !== null)
            parts.push(`${name.toLowerCase()}${x.ops[0]}${flat(x.parts[1])}`);
    });
    return parts.join('&') || flat(e);
}
/** Numeric defaults of the file's own functions, by callee: a class's `__init__` under the class's name. */
function ownDefaults(statements) {
    const out = new Map();
    let klass = null;
    for (const s of statements) {
        if (s.kind !== 'def' || s.targets[0]?.k !== 'name')
            continue;
        const name = s.targets[0].id;
        if (/^\s*class\b/.test(s.text)) {
            klass = name;
            continue;
        }
        const callee = name === '__init__' && klass ? klass : name;
        const values = out.get(callee) ?? new Map();
        for (const p of s.params ?? []) {
            const d = p.default;
            if (d?.k === 'num')
                values.set(p.name, d.value);
        }
        if (values.size)
            out.set(callee, values);
    }
    return out;
}
/**
 * Numbers under the keys of dict literals and `dict(...)` calls, with every key above them:
 * `params={"performance_bias": {"threshold": 0.3}}` → (['performance_bias', 'threshold'], 0.3).
 */
function dictNumbers(e, emit) {
    // a dict inside another is read with it
    const seen = new Set();
    (0,parse/* walk */.GG)(e, (x) => {
        if ((x.k === 'dict' || (0,parse/* isDictCall */.dg)(x)) && !seen.has(x))
            (0,parse/* literalNumbers */.aP)(x, (path, value, line) => {
                // a list of numbers is no one bound
                if (path.every((p) => typeof p === 'string'))
                    emit(path, value, line);
            }, seen);
    });
}
/** A number written as a literal, negative ones too: `0.9`, `-0.1`. */
function signedNumber(e) {
    if (e.k === 'num')
        return { value: e.value, line: e.line };
    if (e.k === 'op' && e.ops.length === 1 && e.ops[0] === '-' && e.parts.length === 1 && e.parts[0].k === 'num')
        return { value: -e.parts[0].value, line: e.line };
    return null;
}
/** The (low, high) pairs of a dict of ranges: `{'MAE Ratio': (0.9, 1.1), 'Diff': (-d, d)}` (numbers only). */
function fairRanges(e) {
    const out = new Map();
    if (e.k !== 'dict')
        return out;
    for (const en of e.entries) {
        if (en.key?.k !== 'str')
            continue;
        const v = en.value.k === 'other' && en.value.parts.length === 1 ? en.value.parts[0] : en.value;
        if (v.k !== 'seq' || v.items.length !== 2)
            continue;
        const low = signedNumber(v.items[0]);
        const high = signedNumber(v.items[1]);
        if (low && high && low.value < high.value)
            out.set(en.key.value, { low, high });
    }
    return out;
}
function codeSide(side) {
    const statements = (0,analysis/* analyze */.ns)(side).statements;
    const names = fairNames(statements);
    const defaults = ownDefaults(statements);
    const numbers = new Map();
    const bounds = [];
    const turns = [];
    const seen = new Set();
    const numberOf = (e) => {
        const literal = signedNumber(e);
        if (literal)
            return literal;
        if (e.k === 'name') {
            const n = numbers.get(e.id);
            return n ? { ...n, via: e.id } : null;
        }
        return null;
    };
    const addBound = (key, value, line, names, label, owner, fallback) => {
        if (seen.has(key))
            return;
        seen.add(key);
        bounds.push({ key, value, line, looser: looserWay(names, value), label, owner, fallback });
    };
    const fairFile = vocabulary/* FAIRNESS_FILE */.BV.test(side.text);
    const maskDefs = new Map();
    const addStrength = (key, value, line, label) => {
        if (seen.has(key))
            return;
        seen.add(key);
        bounds.push({ key, value, line, looser: 'down', label });
    };
    for (const s of statements) {
        if (s.kind === 'import' || s.kind === 'def')
            continue;
        // constants first: a bound held in a variable is compared where it is defined
        if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name') {
            const n = numberOf(s.value);
            if (n && s.value.k !== 'name')
                numbers.set(s.targets[0].id, { value: n.value, line: s.value.line });
            // `min_diff_weight = 1.5`: the weight of a mitigation's loss term, set where it is defined
            const target = s.targets[0].id;
            if (groupMask(s.value)) {
                const mask = { text: flat(s.value), line: s.line, selects: selection(s.value) };
                maskDefs.set(target, [...(maskDefs.get(target) ?? []), mask]);
            }
            if (n && s.value.k !== 'name' && fairFile && strengthName(target) && mitigationName(target))
                addStrength(target, n.value, n.line, target);
            // `fairness_threshold = 1.3`, handed on by position (`ap.disparity(bdf, metrics, attr, fairness_threshold)`):
            // a variable named as a fairness bound is one where it is set
            if (n && s.value.k === 'num' && fairFile && boundName(target) && fairName(target))
                addBound(target, n.value, n.line, [target], target);
            // `custom_fair_range = {'MAE Ratio': (0.9, 1.1)}`: the range each fairness metric may take, low and high
            if (fairName(target) && (0,vocabulary/* words */.aL)(target).some((w) => /^(range|ranges|bounds|limits|interval|intervals)$/.test(w)))
                for (const [metric, range] of fairRanges(s.value)) {
                    addBound(`${target}.${metric}.low`, range.low.value, range.low.line, ['min'], `${target}['${metric}'] low`);
                    addBound(`${target}.${metric}.high`, range.high.value, range.high.line, ['max'], `${target}['${metric}'] high`);
                }
        }
        // only a comparison, a division, a keyword or an assignment can hold a bound or a direction
        if (!/[<>/=]/.test(s.text))
            continue;
        let fairKnown = null;
        const isFair = () => (fairKnown ??= s.exprs.some((e) => fairExpr(e, names)));
        const hasDict = /\{|\bdict\s*\(/.test(s.text);
        for (const e of s.exprs) {
            const owner = e.k === 'call' ? (0,parse/* calleeName */.wt)(e) : undefined;
            // `scan(..., params={"performance_bias": {"threshold": 0.3}})`: a bound held in a fairness block of a dict
            if (hasDict)
                dictNumbers(e, (path, value, line) => {
                    const leaf = path[path.length - 1];
                    if (!boundName(leaf) || !(path.some((k) => fairName(k)) || isFair()))
                        return;
                    const key = path.join('.');
                    addBound(key, value, line, [...path].reverse(), key, owner);
                });
        }
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                // `DisparateImpactRemover(0.1)`: a repair level handed by position (1 repairs fully, 0 not at all)
                if (x.k === 'call' && REPAIR_CALL.test((0,parse/* calleeName */.wt)(x))) {
                    const first = x.args[0];
                    const n = first && first.name === null ? numberOf(first.value) : null;
                    const key = `${(0,parse/* calleeName */.wt)(x)}(repair_level=)`;
                    if (n && !seen.has(key)) {
                        seen.add(key);
                        bounds.push({ key, value: n.value, line: n.line, looser: 'down', label: key });
                    }
                }
                if (x.k === 'call' && x.args.some((a) => a.name !== null) && fairFile && mitigationName((0,parse/* calleeName */.wt)(x))) {
                    // `MinDiffModel(..., loss_weight=1.5)`, `AdversarialDebiasing(adversary_loss_weight=0.1)`
                    const callee = (0,parse/* calleeName */.wt)(x);
                    for (const a of x.args) {
                        if (!a.name || a.name === '*' || a.name === '**' || !strengthName(a.name))
                            continue;
                        const n = numberOf(a.value);
                        if (n)
                            addStrength(n.via ?? `${callee}(${a.name}=)`, n.value, n.line, `${callee}(${a.name}=)`);
                    }
                }
                if (x.k === 'call' && x.args.some((a) => a.name !== null)) {
                    const callee = (0,parse/* calleeName */.wt)(x);
                    const fairCall = isFair() || fairExpr(x, names);
                    for (const a of x.args) {
                        if (!a.name || a.name === '*' || a.name === '**')
                            continue;
                        if (!boundName(a.name))
                            continue;
                        const fallback = defaults.get(callee)?.get(a.name);
                        // a bound of the file's own fairness code (`Model(..., tpr_max_diff=0.25)`), by its definition's default
                        if (!fairCall && !(fairFile && fallback !== undefined))
                            continue;
                        const n = numberOf(a.value);
                        if (!n)
                            continue;
                        const key = n.via ?? `${callee}(${a.name}=)`;
                        addBound(key, n.value, n.line, [a.name, ...(n.via ? [n.via] : []), callee], `${callee}(${a.name}=)`, callee, fallback);
                    }
                }
                if (x.k === 'call')
                    groupTurn(x, (0,parse/* calleeName */.wt)(x), turns);
                // a ratio of a fairness statement, by its two operands whichever way round: `sr_f / sr_m`
                if (x.k === 'op' && x.parts.length === 2 && x.ops.length === 1 && x.ops[0] === '/' && isFair()) {
                    const [a, b] = x.parts.map(flat);
                    turns.push({
                        key: `ratio ${[a, b].sort().join('|')}`,
                        shape: `${a}/${b}`,
                        kind: 'ratio',
                        line: x.line,
                        detail: `${a} / ${b}`
                    });
                }
                if (x.k === 'op' && x.parts.length === 2 && x.ops.length === 1 && isCompare(x.ops[0])) {
                    const [lhs, rhs] = x.parts;
                    const ln = numberOf(lhs);
                    const rn = numberOf(rhs);
                    const lf = fairExpr(lhs, names);
                    const rf = fairExpr(rhs, names);
                    // the metric is the side that is not a number; with no number, the fair side (the other is a config value)
                    const fairBound = (n) => n?.via !== undefined && fairName(n.via);
                    const metric = rn && !ln
                        ? lf || fairBound(rn)
                            ? lhs
                            : null
                        : ln && !rn
                            ? rf || fairBound(ln)
                                ? rhs
                                : null
                            : !ln && !rn && lf !== rf
                                ? lf
                                    ? lhs
                                    : rhs
                                : !ln && !rn && lf && rf && boundText(rhs) !== boundText(lhs)
                                    ? boundText(rhs)
                                        ? lhs
                                        : rhs
                                    : null;
                    if (!metric)
                        return;
                    const other = metric === lhs ? rhs : lhs;
                    const n = numberOf(other);
                    // the operator read with the metric on the left: `0.8 > di` is `di < 0.8`
                    const op = metric === lhs ? x.ops[0] : flipOp(x.ops[0]);
                    const what = flat(metric);
                    // `assert abs(dpd) < 0.1` → `assert dpd < 0.1`: the gap's sign now decides
                    const inner = absInner(metric);
                    turns.push({
                        key: `abs compare ${flat(inner ?? metric)} ${n?.via ?? (n ? 'number' : flat(other))}`,
                        shape: inner ? `abs:${flat(inner)}` : `plain:${what}`,
                        kind: 'abs',
                        line: x.line,
                        detail: `${what} ${op} ${flat(other)}`
                    });
                    turns.push({
                        key: `compare ${what} ${n?.via ?? (n ? 'number' : flat(other))}`,
                        shape: sense(op),
                        kind: 'comparison',
                        line: x.line,
                        detail: `${what} ${op} ${flat(other)}`
                    });
                    if (!n)
                        return;
                    // in an assertion the operator says which side passes; elsewhere the names and the value do
                    const asserted = /^\s*assert\b/.test(s.text);
                    const key = n.via ?? `${what} ${sense(op)}`;
                    const metricNames = [...(n.via ? [n.via] : []), what];
                    if (asserted) {
                        if (!seen.has(key)) {
                            seen.add(key);
                            bounds.push({
                                key,
                                value: n.value,
                                line: n.line,
                                looser: sense(op) === 'lt' ? 'up' : 'down',
                                label: `${what} ${op}`
                            });
                        }
                    }
                    else
                        addBound(key, n.value, n.line, metricNames, `${what} ${op}`);
                }
            });
        // abs() taken off: the same target computed without it
        if (s.kind === 'assign' && s.value && s.targets.length === 1 && isFair()) {
            const target = flat(s.targets[0]);
            const v = s.value;
            const inner = absInner(v);
            turns.push({
                key: `abs ${target}`,
                shape: inner ? `abs:${flat(inner)}` : `plain:${flat(v)}`,
                kind: 'abs',
                line: s.line,
                detail: `${target} = ${flat(v)}`
            });
        }
    }
    return { bounds, turns, maskDefs };
}
/** The functions a side's statements call, among those that can hold a bound (as `codeSide` reads them). */
function calleesOf(side) {
    const out = new Set();
    for (const s of (0,analysis/* analyze */.ns)(side).statements)
        if (s.kind !== 'import' && s.kind !== 'def' && /[<>/=]/.test(s.text))
            for (const c of (0,parse/* callsIn */.Tz)(s))
                out.add((0,parse/* calleeName */.wt)(c));
    return out;
}
/**
 * A bound written into a call the base already made without it, looser than what applied there: the default of the
 * file's own function, or of the fairness library. A bound with no known default is not judged.
 */
function newlyWritten(h, baseCallees) {
    if (!h.owner)
        return null;
    const known = LIBRARY_BOUND_DEFAULTS.get(h.key);
    const d = h.fallback !== undefined ? { value: h.fallback, looser: h.looser } : known;
    if (!d || d.value === h.value || !(d.looser === 'up' ? h.value > d.value : h.value < d.value))
        return null;
    return baseCallees().has(h.owner) ? d : null;
}
function absInner(v) {
    if (v.k !== 'call' || !/^(abs|fabs|absolute)$/.test((0,parse/* calleeName */.wt)(v)) || v.args.length !== 1)
        return null;
    return v.args[0].value;
}
/** `ClassificationMetric(..., unprivileged_groups=u, privileged_groups=p)`: which value each group keyword has. */
function groupTurn(call, callee, turns) {
    const kws = call.args.filter((a) => a.name !== null && /privileged|reference_group|ref_group/i.test(a.name));
    if (kws.length < 2)
        return;
    const mapping = kws
        .map((a) => `${a.name}=${flat(a.value)}`)
        .sort()
        .join(',');
    const values = kws
        .map((a) => flat(a.value))
        .sort()
        .join(',');
    turns.push({ key: `groups ${callee} ${values}`, shape: mapping, kind: 'groups', line: call.line, detail: mapping });
}
/**
 * Keys of a hyper-parameter search space (`eps: {type: float, range: [0.005, 0.5]}`, `low:`/`high:`, `values:`): the
 * numbers under them are the values the parameter named by the key above takes.
 */
const SEARCH_LEAF = /^(range|ranges|low|high|lower|upper|values|choices|grid|options|min|max|start|stop|end)$/;
/** Config bounds: numbers under a fairness key, named as bounds; a search space's numbers by the key they range. */
function fairness_bounds_configSide(entries) {
    const out = [];
    // a block whose values name a fairness method (`constraint: fairlearn.reductions.EqualizedOdds`) is a fairness block
    const top = (key) => key.split('.')[0].replace(/\[\d+\]/g, '');
    const fairBlocks = new Set(entries
        .filter((e) => typeof e.value === 'string' && e.value.length <= 200 && (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(e.value)))
        .map((e) => top(e.key)));
    const byKey = new Map(entries.map((e) => [e.key, e.value]));
    for (const e of entries) {
        if (typeof e.value !== 'number')
            continue;
        // a condition written as a triple, `["&group_fairness > statistical_parity_difference", ">=", -0.11]`: the
        // number bounds the fairness metric the first item names, from the side the operator says
        const triple = /^(.*\[\d+\])\[2\]$/.exec(e.key);
        const op = triple ? byKey.get(`${triple[1]}[1]`) : undefined;
        const left = triple ? byKey.get(`${triple[1]}[0]`) : undefined;
        if (typeof op === 'string' && isCompare(op.trim()) && typeof left === 'string' && left.length <= 200) {
            const ws = (0,vocabulary/* words */.aL)(left);
            if ((0,vocabulary/* fairnessWords */.hO)(ws) || ws.some((w) => METRIC_ACRONYM.test(w)) || metricName(left)) {
                const label = `${left.trim()} ${op.trim()}`;
                out.push({ key: label, value: e.value, line: e.line, looser: sense(op.trim()) === 'gt' ? 'down' : 'up', label });
                continue;
            }
        }
        const segments = e.key.split('.').map((s) => s.replace(/\[\d+\]/g, ''));
        const last = segments.length - 1;
        // the parameter a search space ranges, when the leaf is one of its keys and a key sits above it
        const boundLike = (name) => {
            const ws = (0,vocabulary/* words */.aL)(name);
            return (boundName(name) ||
                (ws.some((w) => CEILING_WORD.test(w) || FLOOR_WORD.test(w)) && !ws.some((w) => NOT_BOUND_WORD.test(w))));
        };
        const parent = last > 0 && SEARCH_LEAF.test(segments[last]) ? segments[last - 1] : null;
        const ranged = parent !== null && (boundLike(parent) || strengthName(parent));
        const leaf = ranged && parent !== null ? parent : (segments[last] ?? '');
        const leafWords = (0,vocabulary/* words */.aL)(leaf);
        const bound = boundLike(leaf);
        const fair = segments.some((s) => fairName(s)) ||
            leafWords.some((w) => METRIC_ACRONYM.test(w)) ||
            (segments.length > 1 && fairBlocks.has(top(e.key)));
        if (strengthName(leaf) && segments.some((s) => (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(s)) || mitigationName(s))) {
            // a mitigation's weight in the loss: lowering it (to 0: off) lets more disparity through
            out.push({ key: e.key, value: e.value, line: e.line, looser: 'down', label: e.key });
            continue;
        }
        if (!bound || !fair)
            continue;
        out.push({
            // a search space's two ends are two bounds; the items of a plain list are one
            key: ranged ? e.key : e.key.replace(/\[\d+\]/g, '[]'),
            value: e.value,
            line: e.line,
            looser: looserWay([leaf, ...segments.slice(0, last).reverse()], e.value),
            label: e.key
        });
    }
    return out;
}
function boundFindings(view) {
    if (!view.before || !view.after || !view.baseKnown)
        return [];
    const code = view.kind === 'notebook' || view.kind === 'python';
    if (!code && view.kind !== 'config')
        return [];
    const none = new Map();
    const configOf = (side) => ({
        bounds: fairness_bounds_configSide(side.entries),
        turns: [],
        maskDefs: none
    });
    const base = code ? codeSide(view.before) : configOf(view.before);
    const head = code ? codeSide(view.after) : configOf(view.after);
    // each mask as its last definition leaves it
    const lastMasks = (side) => new Map([...side.maskDefs].map(([name, defs]) => [name, defs[defs.length - 1]]));
    const baseMasks = lastMasks(base);
    const headMasks = lastMasks(head);
    const out = [];
    // two groups' definitions exchanged (`group_a` now selects what `group_b` did and the other way round): every
    // metric that tells the protected group from the reference group now reads them the wrong way round
    for (const [a, ha] of headMasks) {
        if (!view.isAddedLine(ha.line))
            continue;
        const ba = baseMasks.get(a);
        if (!ba || ba.text === ha.text)
            continue;
        for (const [b, hb] of headMasks) {
            const bb = baseMasks.get(b);
            if (b === a || !bb || bb.text === ba.text)
                continue;
            if (ha.text === bb.text && hb.text === ba.text && (ha.line < hb.line || !view.isAddedLine(hb.line)))
                out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, ha.line, `groups swapped: ${a} and ${b} (base: ${a} = ${ba.text})`));
        }
    }
    // one of two groups compared now selects other people while the other stays (`group_a = X.Ethnicity_Black == 1`
    // → `X.Ethnicity_White == 0`): the protected group is another one
    // each definition against the base's of the same place (the n-th `group_a =`), beside another group it is compared
    // with that did not change
    const nth = (side, name, i) => side.maskDefs.get(name)?.[i];
    const sameCount = (name) => (base.maskDefs.get(name)?.length ?? -1) === (head.maskDefs.get(name)?.length ?? -2);
    if (headMasks.size >= 2 && out.length === 0)
        outer: for (const [a, defs] of head.maskDefs) {
            if (!sameCount(a))
                continue;
            for (const [i, ha] of defs.entries()) {
                const ba = nth(base, a, i);
                if (!ba || ba.selects === ha.selects || !view.isAddedLine(ha.line))
                    continue;
                // the group it is compared with: a mask defined next to it, unchanged
                const kept = [...head.maskDefs].some(([b, bdefs]) => b !== a &&
                    sameCount(b) &&
                    bdefs.some((hb, j) => Math.abs(hb.line - ha.line) <= 5 && nth(base, b, j)?.selects === hb.selects));
                if (!kept)
                    continue;
                out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, ha.line, `group ${a} now selects ${ha.text} (base: ${ba.text})`));
                break outer;
            }
        }
    const baseBounds = new Map(base.bounds.map((b) => [b.key, b]));
    // the base's calls, read only when a bound is new: a bound added to a call the base made without it
    let baseCallees = null;
    const before = view.before;
    const calledAtBase = () => (baseCallees ??= code ? calleesOf(before) : new Set());
    for (const h of head.bounds) {
        const b = baseBounds.get(h.key);
        if (!b) {
            const d = newlyWritten(h, calledAtBase);
            if (d && view.isAddedLine(h.line))
                out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${h.label} = ${h.value} written where the default ${d.value} applied`));
            continue;
        }
        if (b.value === h.value)
            continue;
        const looser = h.looser === 'up' ? h.value > b.value : h.value < b.value;
        if (!looser || !view.isAddedLine(h.line))
            continue;
        out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${h.label} loosened: ${b.value} → ${h.value}`));
    }
    const baseTurns = new Map();
    for (const t of base.turns)
        baseTurns.set(t.key, [...(baseTurns.get(t.key) ?? []), t]);
    const headKeys = new Map();
    for (const t of head.turns)
        headKeys.set(t.key, [...(headKeys.get(t.key) ?? []), t]);
    for (const h of head.turns) {
        if (!view.isAddedLine(h.line))
            continue;
        const olds = baseTurns.get(h.key) ?? [];
        // the base still computes it this way somewhere, or the head computes it both ways: not turned round
        if (olds.length === 0 || olds.some((o) => o.shape === h.shape))
            continue;
        if ((headKeys.get(h.key) ?? []).some((o) => o !== h && olds.some((b) => b.shape === o.shape)))
            continue;
        const old = olds[0];
        const turned = h.kind === 'ratio'
            ? old.shape.split('/').reverse().join('/') === h.shape
            : h.kind === 'abs'
                ? old.shape.startsWith('abs:') && h.shape === `plain:${old.shape.slice(4)}`
                : h.kind === 'comparison'
                    ? old.shape !== h.shape
                    : true;
        if (!turned)
            continue;
        const what = h.kind === 'ratio'
            ? 'ratio turned round'
            : h.kind === 'abs'
                ? 'abs() removed'
                : h.kind === 'comparison'
                    ? 'fairness comparison flipped'
                    : 'group arguments swapped';
        out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${what}: ${h.detail} (base: ${old.detail})`));
    }
    // one item per line
    const byLine = new Map();
    for (const f of out)
        if (!byLine.has(f.line))
            byLine.set(f.line, f);
    return [...byLine.values()];
}
const fairnessBounds = (view) => {
    try {
        return [...boundFindings(view), ...groupMixups(view), ...attributeMixups(view)];
    }
    catch {
        return [];
    }
};
/** A word that tells one group's variables from another's: `p0`/`p1`, `g1`, `a`/`b`, `male`/`female`, `priv`. */
const GROUP_MARK = /^(p\d|g\d|group\d|grp\d|[ab]|male|female|men|women|white|black|priv|unpriv|privileged|unprivileged|majority|minority)$/i;
/**
 * `pr_p0` and `pr_p1`: the same name but for another group's mark at word `i`. A mark qualifies a name: a name that
 * is a mark alone (`b = Bias()`) has no siblings, nor has a name whose word there is no mark (`pr_df`).
 */
function siblings(name, parts, i) {
    const p = name.split('_');
    return (parts.length >= 2 &&
        p.length === parts.length &&
        GROUP_MARK.test(p[i]) &&
        p.every((w, j) => (j === i ? w !== parts[i] : w === parts[j])));
}
/**
 * A group's result computed from the other group's data, a copy-paste slip: `pr_p1 = rate(freq_y0_p1 + freq_y1_p1)`
 * → `rate(freq_y0_p0 + freq_y1_p0)` beside `pr_p0 = rate(freq_y0_p0 + ...)`. The two groups now read the same
 * people, and any gap between them is gone.
 */
function groupMixups(view) {
    if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.before || !view.after)
        return [];
    const assigns = (side) => (0,analysis/* analyze */.ns)(side).statements.flatMap((st) => {
        const t = st.targets[0];
        if (st.kind !== 'assign' || st.targets.length !== 1 || t?.k !== 'name' || !st.value)
            return [];
        const names = [];
        (0,parse/* walk */.GG)(st.value, (x) => x.k === 'name' && names.push(x.id));
        return [{ target: t.id, names, line: st.line, stmt: st }];
    });
    const head = assigns(view.after);
    const base = assigns(view.before);
    const marked = (name, mark) => name.split('_').includes(mark);
    for (const h of head) {
        if (!view.isAddedLine(h.line))
            continue;
        const parts = h.target.split('_');
        for (const [i, own] of parts.entries()) {
            if (!GROUP_MARK.test(own))
                continue;
            // its sibling: the same name with another group's mark, assigned in the head
            const sibling = head.find((o) => o !== h && siblings(o.target, parts, i));
            if (!sibling)
                continue;
            const other = sibling.target.split('_')[i];
            const mine = (ns) => ns.some((n) => marked(n, own));
            const theirs = (ns) => ns.some((n) => marked(n, other));
            if (mine(h.names) || !theirs(h.names))
                continue;
            // the base computed it from its own group's data
            const was = base.find((b) => b.target === h.target && mine(b.names) && !theirs(b.names));
            if (!was)
                continue;
            return [
                makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${h.target} is now computed from ${other}'s data (${h.names
                    .filter((n) => marked(n, other))
                    .slice(0, 3)
                    .join(', ')}), as ${sibling.target} is`)
            ];
        }
    }
    // the two groups' results (`pr_p0`, `pr_p1`) removed, and one result made from both groups' data pooled in their
    // place
    // the statements the change removed or rewrote
    const removed = new Set([...goneByKey((0,analysis/* analyze */.ns)(view.before).statements, (0,analysis/* analyze */.ns)(view.after).statements).values()].flat());
    const gone = (a) => removed.has(a.stmt);
    for (const b of base) {
        const parts = b.target.split('_');
        for (const [i, own] of parts.entries()) {
            if (!GROUP_MARK.test(own) || !gone(b))
                continue;
            // its sibling next to it, removed with it
            const sibling = base.find((o) => o !== b && Math.abs(o.line - b.line) <= 3 && siblings(o.target, parts, i));
            if (!sibling || !gone(sibling))
                continue;
            const other = sibling.target.split('_')[i];
            const pooled = head.find((h) => view.isAddedLine(h.line) &&
                h.names.some((n) => marked(n, own)) &&
                h.names.some((n) => marked(n, other)) &&
                h.target.split('_').every((w) => !GROUP_MARK.test(w)));
            if (!pooled)
                continue;
            return [
                makeFinding(FAIRNESS_METRIC_REMOVED, view, pooled.line, `${b.target} and ${sibling.target} replaced by ${pooled.target}, computed from both groups' data pooled`)
            ];
        }
    }
    return [];
}
/**
 * A variable named for one protected attribute now filled from another attribute's column, where the base filled it
 * from its own (`race_test = df.loc[X_test.index, 'race_binary']` → `'sex'`): every evaluation by that attribute now
 * measures the other one, and the attribute itself is measured nowhere.
 */
function attributeMixups(view) {
    if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.before || !view.after)
        return [];
    const columns = (st) => {
        const out = [];
        if (st.value)
            (0,parse/* walk */.GG)(st.value, (x) => {
                if (x.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(x.value) !== null)
                    out.push(x.value);
            });
        return out;
    };
    const single = (st) => st.kind === 'assign' && st.targets.length === 1 && st.targets[0].k === 'name' ? st.targets[0].id : null;
    const baseColumns = new Map();
    for (const st of (0,analysis/* analyze */.ns)(view.before).statements) {
        const t = single(st);
        if (t)
            baseColumns.set(t, columns(st));
    }
    const out = [];
    for (const st of (0,analysis/* analyze */.ns)(view.after).statements) {
        const t = single(st);
        const own = t ? (0,vocabulary/* protectedOf */.Qr)(t) : null;
        if (!t || own === null || !view.isAddedLine(st.line))
            continue;
        const now = columns(st);
        const was = baseColumns.get(t) ?? [];
        if (now.length === 0 || now.some((c) => (0,vocabulary/* protectedOf */.Qr)(c) === own))
            continue;
        if (!was.some((c) => (0,vocabulary/* protectedOf */.Qr)(c) === own))
            continue;
        out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, st.line, `${t} now holds ${now.map((c) => `'${c}'`).join(', ')} (${(0,vocabulary/* protectedOf */.Qr)(now[0])}; base: ${was
            .map((c) => `'${c}'`)
            .join(', ')}): what is measured by ${own} reads another attribute`));
    }
    return out.slice(0, 3);
}

;// CONCATENATED MODULE: ./src/checks/formulas.ts





/** `y ~ a + b + c` up to the end of the argument; the right side may run over lines. Bounded, linear. */
const FORMULA = /([A-Za-z_][\w.]{0,60})\s{0,10}~\s{0,10}([^,)"'\n]{1,400}(?:\n[^,)"'\n]{0,400}){0,6})/g;
/** `relevel(race_factor, ref = 3)`, `relevel(x, "Caucasian")`, `contr.treatment(6, base = 3)` assigned to a factor. */
const RELEVEL = /relevel\(\s{0,10}([A-Za-z_][\w.]{0,60})\s{0,10},\s{0,10}(?:ref\s{0,10}=\s{0,10})?([^)\n]{1,60}?)\s{0,10}\)/g;
/** Outcomes that are a model's output: regressing them on attributes audits the model. */
const MODEL_OUTPUT = /^(score|scores|pred|preds|predicted|prediction|predictions|risk|decision|decisions|prob|proba|yhat|phat|decile|output|outputs)$/;
function cellsOf(side) {
    return side?.notebook?.cells.filter((c) => c.type === 'code') ?? [];
}
/** The file line of a character offset in a cell's source. */
function formulas_lineAt(cell, offset) {
    const index = cell.source.slice(0, offset).split('\n').length - 1;
    return cell.sourceLines[Math.min(index, cell.sourceLines.length - 1)] ?? cell.sourceLines[0] ?? 1;
}
function read(side) {
    const formulas = [];
    const references = [];
    for (const cell of cellsOf(side)) {
        const source = cell.source.length > 200_000 ? cell.source.slice(0, 200_000) : cell.source;
        if (!source.includes('~') && !source.includes('relevel'))
            continue;
        for (const m of source.matchAll(FORMULA)) {
            if (!(0,vocabulary/* words */.aL)(m[1]).some((w) => MODEL_OUTPUT.test(w)))
                continue;
            const terms = m[2]
                .split(/[+*:\s]+/)
                .map((t) => t.trim())
                .filter((t) => /^[A-Za-z_][\w.]*$/.test(t));
            formulas.push({ lhs: m[1], terms, line: formulas_lineAt(cell, m.index) });
        }
        for (const m of source.matchAll(RELEVEL))
            if ((0,checks_protected/* protectedCategory */.du)(m[1]))
                references.push({ factor: m[1], level: m[2].trim(), line: formulas_lineAt(cell, m.index) });
    }
    return { formulas, references };
}
const protectedTerms = (f) => f.terms.filter((t) => (0,checks_protected/* protectedCategory */.du)(t) !== null);
function formulaFindings(view, all) {
    if (view.kind !== 'notebook' || !view.before || !view.baseKnown)
        return [];
    const base = read(view.before);
    if (base.formulas.length === 0 && base.references.length === 0)
        return [];
    const head = read(view.after);
    const out = [];
    const audits = base.formulas.filter((f) => protectedTerms(f).length > 0);
    if (!view.after) {
        if (audits.length === 0)
            return [];
        const what = audits.map((f) => `${f.lhs} ~ ${protectedTerms(f).join(' + ')}`).slice(0, 3);
        return [
            makeFinding(FAIRNESS_COVERAGE_NARROWED, view, null, `file deleted with its audit regressions: ${what.join('; ')}`)
        ];
    }
    // each audit of the base against the head's formula of the same outcome, in order
    const left = [...head.formulas];
    for (const f of audits) {
        const i = left.findIndex((h) => h.lhs === f.lhs);
        if (i === -1) {
            // gone from the file, unless another changed file now holds the same audit
            const terms = protectedTerms(f).join(' + ');
            const moved = all.some((o) => o !== view && read(o.after).formulas.some((h) => h.lhs === f.lhs && protectedTerms(h).join(' + ') === terms));
            const line = view.headLineFor(f.line);
            if (!moved && line !== null)
                out.push(makeFinding(FAIRNESS_COVERAGE_NARROWED, view, line, `audit regression removed: ${f.lhs} ~ ${terms} (base line ${f.line})`));
            continue;
        }
        const [now] = left.splice(i, 1);
        const kept = new Set(protectedTerms(now));
        const lost = protectedTerms(f).filter((t) => !kept.has(t));
        if (lost.length > 0 && view.isAddedLine(now.line))
            out.push(makeFinding(FAIRNESS_COVERAGE_NARROWED, view, now.line, `${f.lhs} ~ …: audit no longer covers ${lost.join(', ')}`));
    }
    for (const r of head.references) {
        const was = base.references.find((b) => b.factor === r.factor);
        if (!was || was.level === r.level || !view.isAddedLine(r.line))
            continue;
        if (base.references.some((b) => b.factor === r.factor && b.level === r.level))
            continue;
        out.push(makeFinding(PRIVILEGED_GROUPS_CHANGED, view, r.line, `reference level of ${r.factor}: ${was.level} → ${r.level} (every coefficient is measured against it)`));
    }
    return out;
}
const formulaChecks = (view, all) => {
    try {
        return formulaFindings(view, all);
    }
    catch {
        return [];
    }
};

;// CONCATENATED MODULE: ./src/checks/mitigation.ts
// A bias mitigation written by hand and switched off without its names going away: the mitigated result now taken
// from the baseline (`roc_clf.predict` → `baseline_clf.predict`, `best_adversarial.h5` → `best_baseline.h5`, the
// reweighed `transformed_instance_weights` → the original `instance_weights`), the mitigation's term taken out of
// the loss (`clfloss = loss - adv_loss` → `clfloss = loss`), or its strength turned down (`lam = 0.88` → `0`,
// an `eta` sweep cut to `[0.0]`). Read only in files that speak of fairness: elsewhere these words mean other things.










/** Words that name a mitigation's model, data or weights. */
const mitigation_MITIGATION_WORD = /^(fair|fairer|mitigated|mitigation|mitgated|mitig|debiased|debias|debiasing|reweighed|reweighted|reweighing|reweighting|rw|repaired|adv|adversarial|adversary|constrained|postprocessed|roc|eqodds|cpp|lfr|expgrad|mitigator|prejudice|remover)$/;
/** AIF360's `dataset_transf_train`, `transformed_instance_weights`: the reweighed data, by what it is. */
const TRANSFORMED_WORD = /^(transf|transformed)$/;
const TRANSFORMED_OF = /^(dataset|data|weights|instance|labels|scores|preds|predictions)$/;
/** Words that name what a mitigation is compared against. */
const BASELINE_WORD = /^(baseline|baselines|orig|original|unmitigated|unconstrained|vanilla|plain|naive|unfair|biased|nominal)$/;
const tokenWords = (token) => (0,vocabulary/* words */.aL)(bareToken(token));
function mitigationToken(token) {
    const ws = tokenWords(token);
    if (ws.some((w) => mitigation_MITIGATION_WORD.test(w)))
        return true;
    return ws.some((w) => TRANSFORMED_WORD.test(w)) && ws.some((w) => TRANSFORMED_OF.test(w));
}
const baselineToken = (token) => tokenWords(token).some((w) => BASELINE_WORD.test(w));
/** The baseline standing in for the mitigation in a rewritten statement; the loss term of a mitigation dropped. */
function rewrites(view, head, pairs) {
    const out = [];
    const mitigated = mitigatedNames(head);
    for (const { head: s, olds } of pairs) {
        // a target about the baseline may well be computed from it
        if (s.targets.some((t) => baselineToken(t.text)))
            continue;
        const text = stripComments(s.text);
        const now = tokensOf(text);
        for (const old of olds) {
            const was = tokensOf(stripComments(old.text));
            const hit = substitution(was, now, view.before?.text ?? '', view.after?.text ?? '', mitigated);
            if (hit) {
                const line = lineAt(s, text, hit.at.at);
                if (view.isAddedLine(line))
                    out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, line, `${hit.from} → ${hit.at.text}: ${(0,python/* clip */.$Q)(s.text, 90)}`, {
                        title: 'Mitigation bypassed: the baseline stands in for the mitigated result'
                    }));
                break;
            }
            const term = droppedTerm(old, s);
            if (term && view.isAddedLine(s.line)) {
                out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, s.line, `${(0,python/* clip */.$Q)(s.text, 90)} (base: ${(0,python/* clip */.$Q)(old.text, 90)})`, {
                    title: `Mitigation term ${term} taken out of the loss`
                }));
                break;
            }
        }
    }
    return out.slice(0, 3);
}
/** A mitigation's token replaced by the baseline's, or by itself without the mitigation's words. */
function substitution(was, now, baseText, headText, mitigated = new Set()) {
    // both already there: the mitigated value still made in the head, the baseline one already made at the base (a
    // consistent rename is not a bypass)
    const parts = (0,array/* diffArrays */.E)(was.map((t) => t.text), now.map((t) => t.text));
    let headIndex = 0;
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (!p.removed) {
            headIndex += p.count ?? p.value.length;
            continue;
        }
        const next = parts[i + 1];
        if (!next?.added)
            continue;
        for (const r of p.value) {
            const made = mitigated.has(r);
            if ((!made && !mitigationToken(r)) || !headText.includes(bareToken(r)))
                continue;
            const rw = new Set(tokenWords(r));
            for (let j = 0; j < next.value.length; j++) {
                const a = next.value[j];
                if (mitigationToken(a) || mitigated.has(a) || !/^[\w"']/.test(a) || !baseText.includes(bareToken(a)))
                    continue;
                const aw = tokenWords(a);
                // `test_sds_pred_tranf` (what the post-processor returned) → `test_sds_pred` (what it was handed)
                const without = aw.length > 0 && aw.every((w) => rw.has(w));
                if (baselineToken(a) || without)
                    return { from: r, at: now[headIndex + j] };
            }
        }
    }
    return null;
}
/**
 * Names holding what a mitigation returned, whatever they are called: `out = eopp.predict(test_pred)` after
 * `eopp = EqOddsPostprocessing(...)`, `y_fair = ThresholdOptimizer(...).fit(...).predict(X)`.
 */
function mitigatedNames(statements) {
    const mitigators = new Set();
    const out = new Set();
    for (const s of statements) {
        if (s.kind !== 'assign' || s.value?.k !== 'call')
            continue;
        const names = s.targets.flatMap((t) => (t.k === 'name' ? [t.id] : []));
        const call = s.value;
        if (mitigationCall(call)) {
            names.forEach((n) => mitigators.add(n));
            continue;
        }
        // the object a chain of calls starts from: `ThresholdOptimizer(...).fit(X, y).predict(X)`
        let root = call;
        while (root.k === 'call' && root.fn.k === 'attr')
            root = root.fn.obj;
        const ctor = root.k === 'call' && mitigationCall(root);
        if (call.fn.k === 'attr') {
            const method = call.fn.name;
            const fromMitigator = (root.k === 'name' && mitigators.has(root.id)) || ctor;
            if (fromMitigator && /^(predict|predict_proba|transform|fit_transform|fit_predict|adjust)$/.test(method))
                names.forEach((n) => out.add(n));
            // `eopp = eopp.fit(val, val_pred)`: still the mitigator
            else if (fromMitigator && method === 'fit')
                names.forEach((n) => mitigators.add(n));
        }
    }
    return out;
}
/** `clfloss = loss - adv_loss` → `clfloss = loss`: the term of the mitigation gone from a loss's sum. */
function droppedTerm(old, s) {
    if (s.kind !== 'assign' || old.kind !== 'assign' || !old.value || !s.value)
        return null;
    if (!s.targets.some((t) => (0,vocabulary/* words */.aL)(t.text).some((w) => /^(loss|losses|objective|cost|clfloss)$/.test(w) || /loss$/.test(w))))
        return null;
    const terms = (e) => e.k === 'op' && e.ops.every((o) => o === '+' || o === '-')
        ? e.parts.map((p) => p.text.replace(/\s+/g, ''))
        : [e.text.replace(/\s+/g, '')];
    const before = terms(old.value);
    const after = new Set(terms(s.value));
    const removed = before.filter((t) => !after.has(t));
    // a term rewritten in place (`adv_criterion(p_adv, z)` → `adv_criterion(adv(p_y), z)`) is still in the loss
    if (removed.length === 0 || removed.length === before.length || after.size >= before.length)
        return null;
    const term = removed.find((t) => tokensOf(t).some((tok) => mitigationToken(tok.text) || (0,vocabulary/* fairnessWords */.hO)(tokenWords(tok.text))));
    return term ?? null;
}
/** Names that are a strength and nothing else: `lam`, `lamdas`, `eta_value`, `lambda_values`. */
const PURE_STRENGTH = /^(lam|lamda|lamdas|lambda|lambdas|lambd|lmbda|eta|etas|mu)$/;
const STRENGTH_SUFFIX = /^(value|values|vals|list|grid|range|s)$/;
const pureStrength = (name) => {
    const ws = (0,vocabulary/* words */.aL)(name);
    return ws.length > 0 && PURE_STRENGTH.test(ws[0]) && ws.slice(1).every((w) => STRENGTH_SUFFIX.test(w));
};
/** The adversary of adversarial debiasing, by the words that name it in a fairness notebook. */
const ADVERSARY_WORD = /^(adversary|adversarial|adv|discriminator|debias|debiasing|fairness|fair)$/;
const WEIGHT_OF = /^(weight|weights|strength|lambda|lam|coef|coeff|coefficient|alpha|beta|gamma|scale)$/;
/** A name that says it weighs the mitigation's term itself: `DISCRIMINATOR_LOSS_WEIGHT`, `adversary_loss_weight`. */
const mitigationWeight = (name) => {
    const ws = (0,vocabulary/* words */.aL)(name);
    return ws.length >= 2 && WEIGHT_OF.test(ws[ws.length - 1]) && ws.slice(0, -1).some((w) => ADVERSARY_WORD.test(w));
};
/** The numbers each pure strength name is assigned on a side, in order, when it is used with a mitigation. */
function strengths(statements, lines) {
    const assigned = new Map();
    const numberOf = (e) => {
        if (e.k === 'num')
            return e.value;
        if (e.k === 'seq' && e.items.length > 0 && e.items.every((i) => i.k === 'num'))
            return Math.max(...e.items.map((i) => (i.k === 'num' ? i.value : 0)));
        return null;
    };
    for (const s of statements) {
        if (s.kind !== 'assign' || !s.value || s.targets.length !== 1 || s.targets[0].k !== 'name')
            continue;
        const name = s.targets[0].id;
        const n = pureStrength(name) || mitigationWeight(name) ? numberOf(s.value) : null;
        if (n !== null)
            assigned.set(name, [...(assigned.get(name) ?? []), { value: n, line: s.value.line, sweep: s.value.k === 'seq' }]);
    }
    // used beside a mitigation or fairness term: `clf_loss + lam * fair_loss`, `fairness_plot(eta_value, ...)`
    const used = new Set();
    for (const s of statements) {
        if (s.kind === 'import')
            continue;
        const names = new Set();
        let fair = false;
        for (const e of [...s.exprs, ...s.targets])
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'name') {
                    if (assigned.has(x.id))
                        names.add(x.id);
                    else if (mitigationToken(x.id) || (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(x.id)))
                        fair = true;
                }
                else if (x.k === 'attr' && (mitigationToken(x.name) || (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(x.name))))
                    fair = true;
                else if (x.k === 'str' && (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)(x.value)))
                    fair = true;
            });
        // `eta_value = [...]  # Parameter for Prejudice Remover`: its own comment says what it weighs
        const own = lines[s.line - 1] ?? '';
        if (!fair && names.size > 0 && own.includes('#')) {
            const comment = (0,vocabulary/* words */.aL)(own.replace(/^[^#]*#/, ''));
            fair = (0,vocabulary/* fairnessWords */.hO)(comment) || comment.some((w) => mitigation_MITIGATION_WORD.test(w));
        }
        if (fair)
            names.forEach((n) => used.add(n));
    }
    for (const name of [...assigned.keys()])
        if (!used.has(name) && !mitigationWeight(name))
            assigned.delete(name);
    return assigned;
}
/** A pure strength name turned down: its n-th assignment at the base against the n-th in the head. */
function weakened(view, base, head) {
    const b = strengths(base, (view.before?.text ?? '').split('\n'));
    const out = [];
    for (const [name, list] of strengths(head, (view.after?.text ?? '').split('\n'))) {
        const was = b.get(name);
        if (!was || was.length !== list.length)
            continue;
        list.forEach((h, i) => {
            const old = was[i];
            if (h.value >= old.value || !view.isAddedLine(h.line))
                return;
            out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, h.line, `${name}${h.sweep ? ' (the largest value swept)' : ''} ${h.value === 0 ? 'set to 0, the mitigation is off' : 'lowered'}: ${old.value} → ${h.value}`));
        });
    }
    return out.slice(0, 3);
}
/** What to do about a mitigation left doing nothing. */
const MITIGATION_FIX = 'Keep the mitigation running as it did (its strength, its switch, the groups it balances), or say in the pull request why the unmitigated model is acceptable and report its per-group results.';
/** Words of a switch that turns the mitigation off when true: `unconstrained=True`, `skip_mitigation: true`. */
const OFF_WHEN_TRUE = /^(unconstrained|unmitigated|unfair)$/;
const NEGATING = /^(skip|disable|disabled|no|without|ignore|bypass|off)$/;
/** Words of a switch that turns it off when false: `constrained=False`, `apply_fairness: false`, `debias=False`. */
const ON_WORD = /^(constrained|constraint|constraints|fair|fairness|mitigate|mitigation|mitigated|debias|debiased|debiasing|reweigh|reweighing|reweighting|adversarial|adversary)$/;
/** The value that switches the mitigation off for a switch of this name, or null when the name is not one. */
function offValue(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    if (ws.some((w) => OFF_WHEN_TRUE.test(w)))
        return true;
    const on = ws.some((w) => ON_WORD.test(w));
    if (on && ws.some((w) => NEGATING.test(w)))
        return true;
    return on ? false : null;
}
/** Boolean keywords of a statement's calls, by callee and keyword. */
function switchesOf(s) {
    const out = [];
    for (const e of s.exprs)
        (0,parse/* walk */.GG)(e, (x) => {
            if (x.k !== 'call')
                return;
            const callee = (0,parse/* calleeName */.wt)(x);
            const mitigation = mitigationCall(x) || x.args.some((a) => a.value.k === 'str' && MITIGATION_CALL.test(a.value.value));
            for (const a of x.args)
                if (a.name && a.value.k === 'const' && a.value.value !== 'None')
                    out.push({ key: `${callee}(${a.name}=)`, value: a.value.value === 'True', line: a.value.line, mitigation });
        });
    return out;
}
/** A mitigation's switch turned to off in a rewritten call: `build_train_op(0.01, unconstrained=True)`. */
function switchedOff(view, pairs) {
    const out = [];
    for (const { head: s, olds } of pairs) {
        for (const sw of switchesOf(s)) {
            const off = offValue(sw.key.slice(sw.key.indexOf('(') + 1, -2));
            if (off === null || sw.value !== off || !view.isAddedLine(sw.line))
                continue;
            const was = olds.flatMap(switchesOf).find((o) => o.key === sw.key);
            // the same switch already off at the base, or a new keyword whose default we do not know to be on (a
            // mitigation's own switch, `debias=`, is on unless turned off)
            if (was ? was.value === off : !OFF_WHEN_TRUE.test((0,vocabulary/* words */.aL)(sw.key).join(' ')) && !sw.mitigation)
                continue;
            out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, sw.line, `${sw.key.replace('=)', `=${sw.value ? 'True' : 'False'})`)} (base: ${was ? (was.value ? 'True' : 'False') : 'not set'})`, { title: 'Mitigation switched off by its parameter', fix: MITIGATION_FIX }));
        }
    }
    return out.slice(0, 3);
}
/** Mitigation estimators and samplers of the fairness libraries (fairlearn, AIF360, FairBatch, FairGBM, inFairness). */
const MITIGATION_CALL = /^(ExponentiatedGradient|GridSearch|ThresholdOptimizer|CorrelationRemover|Reweighing|DisparateImpactRemover|AdversarialDebiasing|PrejudiceRemover|LFR|OptimPreproc|RejectOptionClassification|CalibratedEqOddsPostprocessing|EqOddsPostprocessing|MetaFairClassifier|GerryFairClassifier|ExponentiatedGradientReduction|GridSearchReduction|FairBatch|FairGBMClassifier|FairGBMRegressor|FairGBMRanker|SenSeI|SenSR|SenSTIR|InformationFilter|DemographicParityClassifier|EqualOpportunityClassifier)$/;
/** A rebalancing call, a mitigation when it is handed a protected column: `xai.balance(df, "gender", "loan", ...)`. */
const REBALANCE_WORD = /^(balance|balanced|rebalance|resample|upsample|oversample|reweigh|reweight|reweighing|reweighting)$/;
/** Keywords that count a mitigation's search or its rounds: one point or one round searches nothing. */
const COUNT_WORD = /^(grid|iter|iters|iterations|rounds|steps|points)$/;
/** Keywords of a mitigation call that tune other things than its strength. */
const NOT_STRENGTH_WORD = /^(seed|random|state|verbose|verbosity|jobs|workers|batch|epoch|epochs|lr|learning|print|log|patience|hidden|units|layers|dim|size|cv|folds|tol|tolerance|eps|epsilon|bound|threshold)$/;
function mitigationCall(x) {
    const callee = (0,parse/* calleeName */.wt)(x);
    // a library's mitigation, or a class named for one (`FairClassifier`, `DebiasedModel`)
    if (MITIGATION_CALL.test(callee) || (/^[A-Z]/.test(callee) && mitigationToken(callee)))
        return true;
    if (!(0,vocabulary/* words */.aL)(callee).some((w) => REBALANCE_WORD.test(w)))
        return false;
    return x.args.some((a) => a.value.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(a.value.value) !== null);
}
/** The numbers of a value in order, each by its place and the nearest name: `[{'k': 10, 'Az': 2.0}]` → k, Az. */
function numbersIn(e, key, name, out) {
    (0,parse/* literalNumbers */.aP)(e, (path, value, line) => {
        const place = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
        const nearest = path.filter((p) => typeof p === 'string').pop() ?? name;
        out.push({ key: key + place, name: nearest, value, line });
    });
}
/** Numbers of a statement's mitigation calls' keywords, by callee and keyword (lists item by item). */
function mitigationNumbers(s) {
    const out = [];
    for (const e of s.exprs)
        (0,parse/* walk */.GG)(e, (x) => {
            if (x.k !== 'call' || !mitigationCall(x))
                return;
            const callee = (0,parse/* calleeName */.wt)(x);
            for (const a of x.args)
                if (a.name && a.name !== '*' && a.name !== '**')
                    numbersIn(a.value, `${callee}(${a.name}=)`, a.name, out);
        });
    return out;
}
/** Names handed to a mitigation call: `SenSeI(network, distance_x, distance_y, lossfn, rho, eps)` → rho, eps. */
function handedToMitigation(statements) {
    const out = new Set();
    for (const s of statements)
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k === 'call' && mitigationCall(x))
                    for (const a of x.args)
                        if (a.value.k === 'name')
                            out.add(a.value.id);
            });
    return out;
}
/** `FAIR_INTERVENTION_PARAMS_LST = [0.7]`: a variable that holds a fairness intervention's parameters. */
const interventionName = (name) => {
    const ws = (0,vocabulary/* words */.aL)(name);
    return (((0,vocabulary/* fairnessWords */.hO)(ws) ||
        ws.some((w) => /^(intervention|interventions|mitigation|mitigator|debias|debiasing)$/.test(w))) &&
        ws.some((w) => /^(params?|parameters?|lst|list|grid|values|kwargs|config|args)$/.test(w)));
};
/** The numbers of a statement that parametrise a mitigation, by key. */
function strengthNumbers(s, handed) {
    const out = mitigationNumbers(s);
    if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name') {
        const target = s.targets[0].id;
        // `rho = 25.0` handed to `SenSeI(..., rho, ...)`; `FAIR_INTERVENTION_PARAMS_LST = [...]`
        // a group coding handed over (`privileged_groups = [{'sex': 1}]`) is not a strength: only a bare number is
        if ((handed.has(target) && s.value.k === 'num') || interventionName(target))
            numbersIn(s.value, target, target, out);
    }
    return out;
}
/**
 * A mitigation's parameter turned to a value that leaves it doing nothing: its rate or weight set to 0
 * (`FairBatch(alpha=0.0)`), its search cut to one point (`GridSearch(grid_size=1)`), or cut a hundredfold or more
 * (`'Az': 2.0` → `0.01`); a weight retuned within that range (`lambdas=[130, 30]` → `[5, 5]`) is a choice of
 * strength, not its removal. Bounds and tolerances are the bounds' to judge.
 */
function disabledByValue(view, head, pairs) {
    const out = [];
    let handed = null;
    for (const { head: s, olds } of pairs) {
        handed ??= handedToMitigation(head);
        const known = handed;
        const was = new Map(olds.flatMap((o) => strengthNumbers(o, known)).map((n) => [n.key, n.value]));
        for (const n of strengthNumbers(s, known)) {
            const old = was.get(n.key);
            if (old === undefined || old === n.value || !view.isAddedLine(n.line))
                continue;
            // one item per line: `lambdas=[0., 0.]` is one change
            if (out.some((f) => f.line === n.line))
                continue;
            const ws = (0,vocabulary/* words */.aL)(n.name);
            const count = ws.some((w) => COUNT_WORD.test(w));
            if (!count && ws.some((w) => NOT_STRENGTH_WORD.test(w)))
                continue;
            const how = count && n.value <= 1 && old > 1
                ? 'one point or round: the mitigation searches nothing'
                : !count && n.value === 0 && old > 0
                    ? 'set to 0: the mitigation does nothing'
                    : !count && n.value > 0 && old > 0 && n.value <= old / 100
                        ? `cut to 1/${Math.round(old / n.value)} of its value`
                        : null;
            if (!how)
                continue;
            out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, n.line, `${n.key.endsWith('=)') ? n.key.replace('=)', `=${n.value})`) : `${n.key} = ${n.value}`}: ${how} (base: ${old})`, {
                title: 'Mitigation switched off by its parameter',
                fix: MITIGATION_FIX
            }));
        }
    }
    return out.slice(0, 3);
}
/** The mitigation calls of a statement, by callee, with the protected columns each is handed. */
function mitigationCalls(s) {
    const out = new Map();
    for (const e of s.exprs)
        (0,parse/* walk */.GG)(e, (x) => {
            if (x.k !== 'call' || !mitigationCall(x))
                return;
            const callee = (0,parse/* calleeName */.wt)(x);
            const cols = out.get(callee) ?? new Set();
            for (const a of x.args)
                if (a.value.k === 'str' && (0,vocabulary/* protectedOf */.Qr)(a.value.value) !== null)
                    cols.add(a.value.value);
            out.set(callee, cols);
        });
    return out;
}
/**
 * A statement that ran a mitigation rewritten without it: its result now made another way (`bal_df =
 * xai.balance(df, "gender", ...)` → `bal_df = df.copy()`), or the protected column it balanced replaced
 * (`balanced_train_test_split(x, y, "gender")` → `"loan"`).
 */
function mitigationDropped(view, head, pairs) {
    const out = [];
    // mitigation calls the head still makes anywhere (a call moved is not removed)
    let made = null;
    for (const { head: s, olds } of pairs) {
        // the line the change wrote: a call's argument may sit lines below its start
        let line = s.line;
        while (line < s.endLine && !view.isAddedLine(line))
            line++;
        if (!view.isAddedLine(line))
            continue;
        const now = mitigationCalls(s);
        // another mitigation or fairness-constrained model in its place (`FairClassifier` → `DemographicParityClassifier`)
        const replaced = now.size > 0 || (0,parse/* callsIn */.Tz)(s).some((c) => /^[A-Z]/.test((0,parse/* calleeName */.wt)(c)) && (0,vocabulary/* fairnessWords */.hO)((0,vocabulary/* words */.aL)((0,parse/* calleeName */.wt)(c))));
        for (const old of olds) {
            let what = null;
            for (const [callee, cols] of mitigationCalls(old)) {
                const kept = now.get(callee);
                made ??= new Set(head.flatMap((h) => [...mitigationCalls(h).keys()]));
                const lost = [...cols].filter((c) => !kept?.has(c));
                // still called here, handed another column: no longer a mitigation by the group it balanced
                if ((0,parse/* callsIn */.Tz)(s).some((c) => (0,parse/* calleeName */.wt)(c) === callee)) {
                    if (lost.length)
                        what = `${callee}() no longer balances by ${lost.join(', ')}`;
                }
                else if (!made.has(callee) && !replaced)
                    what = `${callee}() no longer run`;
                if (what)
                    break;
            }
            if (!what)
                continue;
            out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, line, `${what}: ${(0,python/* clip */.$Q)(s.text, 90)} (base: ${(0,python/* clip */.$Q)(old.text, 90)})`, {
                title: 'Mitigation removed from the statement that ran it',
                fix: MITIGATION_FIX
            }));
            break;
        }
    }
    return out.slice(0, 3);
}
/** Words of the rates and gaps a fairness constraint bounds. */
const RATE_WORD = /^(rate|rates|fpr|tpr|fnr|tnr|ppr|parity|disparity|gap|violation|violations|fairness|positive|negative)$/;
function constraintsOf(statements) {
    const out = [];
    // a rate computed by a call (`tfco.false_positive_rate(ctx)`) or held in a name (`slice_fpr`, `self.fpr_max_diff`)
    const rated = (e) => {
        let found = false;
        (0,parse/* walk */.GG)(e, (x) => {
            if (found)
                return;
            const name = x.k === 'call' ? (x.fn.k === 'attr' ? x.fn.name : x.fn.k === 'name' ? x.fn.id : '') : x.k === 'name' ? x.id : '';
            found = name !== '' && (0,vocabulary/* words */.aL)(name).some((w) => RATE_WORD.test(w));
        });
        return found;
    };
    const constraint = (e) => e.k === 'op' && e.ops.length === 1 && /^(<=|>=|<|>)$/.test(e.ops[0]) && rated(e);
    for (const s of statements)
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                const items = x.k === 'seq'
                    ? x.items
                    : x.k === 'call' && x.fn.k === 'attr' && /^(append|extend|add)$/.test(x.fn.name)
                        ? x.args.map((a) => a.value)
                        : [];
                for (const i of items)
                    if (i.k === 'op' && constraint(i))
                        out.push({ flat: i.text.replace(/\s+/g, ''), line: i.line, expr: i });
            });
    return out;
}
function constraintsRemoved(view, base, head) {
    const was = constraintsOf(base);
    if (was.length === 0)
        return [];
    const left = new Map();
    for (const c of constraintsOf(head))
        left.set(c.flat, (left.get(c.flat) ?? 0) + 1);
    // of several copies of one constraint, the one gone is the one whose place in the head the change rewrote:
    // the copies elsewhere take the head's copies first
    const rewritten = (line) => {
        const at = view.headLineFor(line);
        return at !== null && view.isAddedLine(at);
    };
    const order = [...was.filter((c) => !rewritten(c.line)), ...was.filter((c) => rewritten(c.line))];
    const gone = order.filter((c) => {
        const n = left.get(c.flat) ?? 0;
        if (n > 0)
            left.set(c.flat, n - 1);
        return n === 0;
    });
    // a constraint rewritten (its bound or its rate changed) is for the bounds to judge; only a count that fell
    const fewer = was.length - constraintsOf(head).length;
    if (gone.length === 0 || fewer <= 0)
        return [];
    const first = gone[0];
    const line = view.headLineFor(first.line);
    if (line === null)
        return [];
    return [
        makeFinding(FAIRNESS_METRIC_REMOVED, view, line, `${fewer} of ${was.length} fairness constraint${was.length === 1 ? '' : 's'} removed: ${(0,python/* clip */.$Q)(first.flat, 80)} (base line ${first.line})`, { title: 'Fairness constraint removed from the optimisation' })
    ];
}
/**
 * The slack a constraint's numbers give, each with the way it loosens: `fpr(a) <= 0.05` (bigger is looser),
 * `fnr(a) <= fnr(all) + 0.01` (bigger), `fnr(a) >= fnr(all) - 0.01` (bigger), `tpr(a) >= 0.8` (smaller).
 */
function slack(c) {
    const [lhs, rhs] = c.expr.parts;
    const upper = c.expr.ops[0].startsWith('<');
    const out = [];
    const read = (side, onRight) => {
        // a number added on the side that bounds gives room when it grows; subtracted, when it shrinks
        const terms = side.k === 'op' && side.ops.every((o) => o === '+' || o === '-')
            ? side.parts.map((e, i) => ({ e, sign: i > 0 && side.ops[i - 1] === '-' ? -1 : 1 }))
            : [{ e: side, sign: 1 }];
        for (const t of terms) {
            if (t.e.k !== 'num')
                continue;
            // room grows with the right side of `<=` and shrinks with its left side; the other way for `>=`
            const grows = (upper === onRight) === (t.sign === 1);
            out.push({ value: t.e.value, looser: grows ? 'up' : 'down' });
        }
    };
    read(lhs, false);
    read(rhs, true);
    return out;
}
/** A rate constraint rewritten with more slack: `<= 0.05` → `<= 0.25`, `+ 0.01` → `+ 0.1`. */
function constraintsLoosened(view, base, head) {
    const shape = (c) => c.flat.replace(/(?<![\w.])\d+(?:\.\d+)?(?:e-?\d+)?/g, '#');
    const was = new Map();
    for (const c of constraintsOf(base))
        was.set(shape(c), [...(was.get(shape(c)) ?? []), c]);
    const out = [];
    for (const c of constraintsOf(head)) {
        if (!view.isAddedLine(c.line))
            continue;
        const olds = was.get(shape(c)) ?? [];
        // unchanged somewhere at the base: not rewritten
        if (olds.length === 0 || olds.some((o) => o.flat === c.flat))
            continue;
        const now = slack(c);
        const looser = olds.find((o) => {
            const before = slack(o);
            return (before.length === now.length &&
                now.some((n, i) => (n.looser === 'up' ? n.value > before[i].value : n.value < before[i].value)) &&
                now.every((n, i) => (n.looser === 'up' ? n.value >= before[i].value : n.value <= before[i].value)));
        });
        if (!looser)
            continue;
        out.push(makeFinding(FAIRNESS_BOUND_LOOSENED, view, c.line, `fairness constraint loosened: ${(0,python/* clip */.$Q)(c.flat, 70)} (base: ${(0,python/* clip */.$Q)(looser.flat, 70)})`));
    }
    return out.slice(0, 3);
}
/** Names of per-row weights: `weights`, `sample_weight`, `w_train`, `instance_wts`. */
const WEIGHT_WORD = /^(weights?|wts?|sw|reweights?)$/;
const weightName = (name) => (0,vocabulary/* words */.aL)(name).some((w) => WEIGHT_WORD.test(w));
/** Fits that take row weights. */
const WEIGHTED_FIT = /^(fit|partial_fit|train)$/;
/** Keywords that hand a fit its row weights. */
const WEIGHT_KW = /^(sample_weights?|weights?|instance_weights?)$/;
/** A protected column or group value named in an expression: `df["gender"] == "transgender"`, `df.race`. */
function namesGroup(e) {
    let found = false;
    (0,parse/* walk */.GG)(e, (x) => {
        if (found)
            return;
        if (x.k === 'str')
            found = (0,vocabulary/* protectedOf */.Qr)(x.value) !== null;
        else if (x.k === 'attr')
            found = (0,vocabulary/* protectedOf */.Qr)(x.name) !== null;
    });
    return found;
}
/**
 * Row weights a notebook sets by group, by hand: `weights[df["gender"] == "transgender"] = 5.0`,
 * `w = np.where(df.race == "Black", 2.0, 1.0)`, `df["w"] = df["sex"].map({...})`; by the weight variable.
 */
function groupWeights(statements) {
    const out = new Map();
    for (const s of statements) {
        if (s.kind !== 'assign' || !s.value)
            continue;
        for (const t of s.targets) {
            const name = t.k === 'sub' ? (t.obj.k === 'name' ? t.obj.id : null) : t.k === 'name' ? t.id : null;
            // a weight column written into a frame: df['weight'] = ...
            const column = t.k === 'sub' && t.items.length === 1 && t.items[0].k === 'str' ? t.items[0].value : null;
            if (column !== null && weightName(column) && namesGroup(s.value))
                out.set(column, s);
            else if (name && weightName(name) && (t.k === 'sub' ? t.items.some(namesGroup) : namesGroup(s.value)))
                out.set(name, s);
        }
    }
    return out;
}
/** Names handed to a fit as its row weights: `fit(X, y, sample_weight=weights)`, `sample_weight=df["w"]`. */
function handedWeights(statements) {
    const out = new Map();
    for (const s of statements)
        for (const c of (0,parse/* callsIn */.Tz)(s))
            for (const a of c.args) {
                if (!a.name || !WEIGHT_KW.test(a.name))
                    continue;
                const v = a.value;
                const name = v.k === 'name'
                    ? v.id
                    : v.k === 'sub' && v.items.length === 1 && v.items[0].k === 'str'
                        ? v.items[0].value
                        : v.k === 'attr'
                            ? v.name
                            : null;
                if (name && !out.has(name))
                    out.set(name, s);
            }
    return out;
}
/**
 * A group's row weights written by hand and taken away: the statement that upweighted the group removed, or the
 * weights no longer handed to the fit. The model then trains as if the group were as well represented as the rest.
 */
function groupWeightsDropped(view, base, head) {
    const was = groupWeights(base);
    if (was.size === 0)
        return [];
    const now = groupWeights(head);
    const handedBefore = handedWeights(base);
    const handedNow = handedWeights(head);
    const out = [];
    for (const [name, stmt] of was) {
        const used = handedBefore.get(name);
        if (!used)
            continue;
        const what = !now.has(name)
            ? { at: stmt.line, text: `${name} no longer set by group (base: ${(0,python/* clip */.$Q)(stmt.text, 80)})` }
            : !handedNow.has(name)
                ? { at: used.line, text: `${name}, set by group, no longer handed to the fit (base: ${(0,python/* clip */.$Q)(used.text, 80)})` }
                : null;
        if (!what)
            continue;
        const line = view.headLineFor(what.at);
        if (line === null)
            continue;
        out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, line, what.text, {
            title: 'Group reweighting removed',
            fix: MITIGATION_FIX
        }));
    }
    return out.slice(0, 3);
}
/**
 * In a notebook that reweighs its data for fairness (`Reweighing`, "reweighing weights"), a fit that was handed its
 * row weights and is rewritten without them: the mitigation's weights computed for nothing.
 */
function weightsNoLongerHanded(view, pairs) {
    if (!/reweigh/i.test(view.after?.text ?? ''))
        return [];
    const weighted = (st) => {
        for (const c of (0,parse/* callsIn */.Tz)(st)) {
            if (!WEIGHTED_FIT.test((0,parse/* calleeName */.wt)(c)))
                continue;
            const a = c.args.find((x) => x.name !== null && WEIGHT_KW.test(x.name));
            if (a)
                return a.value.text;
        }
        return null;
    };
    const out = [];
    for (const { head: s, olds } of pairs) {
        if (weighted(s) !== null || !(0,parse/* callsIn */.Tz)(s).some((c) => WEIGHTED_FIT.test((0,parse/* calleeName */.wt)(c))))
            continue;
        const old = olds.find((o) => weighted(o) !== null);
        if (!old)
            continue;
        let line = s.line;
        while (line < s.endLine && !view.isAddedLine(line))
            line++;
        if (!view.isAddedLine(line))
            continue;
        out.push(makeFinding(FAIRNESS_METRIC_REMOVED, view, line, `${(0,python/* clip */.$Q)(s.text, 80)} no longer handed ${(0,python/* clip */.$Q)(weighted(old) ?? '', 40)}`, {
            title: 'Reweighing weights no longer used by the fit',
            fix: MITIGATION_FIX
        }));
    }
    return out.slice(0, 2);
}
/** Row weights taken away, once a line: set by group by hand, or a reweighing's weights no longer handed. */
function weightsDropped(view, base, head, pairs) {
    const byGroup = groupWeightsDropped(view, base, head);
    const lines = new Set(byGroup.map((f) => f.line));
    return [...byGroup, ...weightsNoLongerHanded(view, pairs).filter((f) => !lines.has(f.line))];
}
const mitigationChecks = (view) => {
    if (view.kind !== 'notebook' && view.kind !== 'python')
        return [];
    if (!view.before || !view.after || !view.baseKnown)
        return [];
    try {
        const base = (0,analysis/* analyze */.ns)(view.before).statements;
        const head = (0,analysis/* analyze */.ns)(view.after).statements;
        // the head's statements that rewrite base ones, which four of the checks below read
        const pairs = rewrittenPairs(base, head, (0,checks_view/* writtenBy */.xO)(view));
        // a mitigation library's call says what it is anywhere; the words of hand-written ones only in a fairness file
        if (!vocabulary/* FAIRNESS_FILE */.BV.test(view.after.text))
            return [
                ...disabledByValue(view, head, pairs),
                ...mitigationDropped(view, head, pairs),
                ...groupWeightsDropped(view, base, head)
            ];
        return [
            ...rewrites(view, head, pairs),
            ...weakened(view, base, head),
            ...switchedOff(view, pairs),
            ...disabledByValue(view, head, pairs),
            ...mitigationDropped(view, head, pairs),
            ...constraintsRemoved(view, base, head),
            ...constraintsLoosened(view, base, head),
            ...weightsDropped(view, base, head, pairs)
        ];
    }
    catch {
        return [];
    }
};

;// CONCATENATED MODULE: ./src/checks/recourse.ts
// Counterfactual explanations and recourse (DiCE, alibi, CARLA) are told which features a suggested change may
// touch: `features_to_vary=[...]`, `immutable_features = [...]`. A protected attribute newly allowed to vary, or no
// longer held fixed, means the tool may now tell a person to change their race or sex to get another decision.





/** A list of the features a change may touch. */
const VARY = /^(vary|varied|mutable|actionable|changeable|modifiable|editable|adjustable)$/;
/** A list of the features a change must leave alone. */
const FIXED = /^(immutable|frozen|fixed|unchangeable|immutables|nonactionable|constant|locked)$/;
function listKind(name) {
    const ws = (0,vocabulary/* words */.aL)(name);
    if (ws.some((w) => FIXED.test(w)))
        return 'fixed';
    if (ws.some((w) => VARY.test(w)) &&
        ws.some((w) => /^(features?|cols?|columns?|vars?|variables?|attributes?)$/.test(w)))
        return 'vary';
    // `features_to_vary`, `to_vary`
    return ws.includes('vary') ? 'vary' : null;
}
function stringsOf(e) {
    if (e.k !== 'seq' || !e.items.every((i) => i.k === 'str'))
        return null;
    return new Map(e.items.flatMap((i) => (i.k === 'str' ? [[i.value.trim().toLowerCase(), i.line]] : [])));
}
function featureLists(statements) {
    const out = new Map();
    const add = (key, name, value) => {
        const kind = listKind(name);
        const values = kind ? stringsOf(value) : null;
        if (kind && values && !out.has(key))
            out.set(key, { key, kind, values, line: value.line });
    };
    for (const s of statements) {
        if (s.kind === 'import' || s.kind === 'def')
            continue;
        if (s.kind === 'assign' && s.value && s.targets.length === 1 && s.targets[0].k === 'name')
            add(s.targets[0].id, s.targets[0].id, s.value);
        for (const e of s.exprs)
            (0,parse/* walk */.GG)(e, (x) => {
                if (x.k !== 'call')
                    return;
                for (const a of x.args)
                    if (a.name && a.name !== '*' && a.name !== '**')
                        add(`${(0,parse/* calleeName */.wt)(x)}(${a.name}=)`, a.name, a.value);
            });
    }
    return out;
}
function recourseFindings(view) {
    if (!view.before || !view.after || !view.baseKnown)
        return [];
    const base = featureLists((0,analysis/* analyze */.ns)(view.before).statements);
    if (base.size === 0)
        return [];
    const out = [];
    for (const h of featureLists((0,analysis/* analyze */.ns)(view.after).statements).values()) {
        const b = base.get(h.key);
        if (!b || b.kind !== h.kind)
            continue;
        const turned = h.kind === 'vary'
            ? [...h.values.keys()].filter((v) => !b.values.has(v) && (0,vocabulary/* protectedOf */.Qr)(v) !== null)
            : [...b.values.keys()].filter((v) => !h.values.has(v) && (0,vocabulary/* protectedOf */.Qr)(v) !== null);
        if (turned.length === 0)
            continue;
        const line = h.kind === 'vary' ? (h.values.get(turned[0]) ?? h.line) : h.line;
        if (!view.isAddedLine(line))
            continue;
        out.push(makeFinding(PROTECTED_ATTRIBUTE, view, line, `${h.key} ${h.kind === 'vary' ? 'now lets a counterfactual change' : 'no longer holds fixed'} ${turned.join(', ')}`, { title: 'Protected attribute left open to counterfactual change' }));
    }
    return out.slice(0, 3);
}
const recourseChecks = (view) => {
    if (view.kind !== 'notebook' && view.kind !== 'python')
        return [];
    try {
        return recourseFindings(view);
    }
    catch {
        return [];
    }
};

// EXTERNAL MODULE: ./src/bounds.ts
var bounds = __webpack_require__(186);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/checks/apply-policy.ts
// The repository's policy applied to the built-in findings, after the checks and before any decision: the level of
// each check (`checks:` of `.github/ml-review.yml`, read at the base), the paths where a check is off, then the
// inline `# ml-review: ignore[CHECK] reason` comments of the changed files — which never silence a bias finding.


const IGNORE_RE = /#\s*ml-review:\s*ignore\[([^\]\n]{1,400})\][ \t]*(.{0,500})$/;
/** the files whose comments start with `#`: YAML, TOML, Python (and notebook code cells) */
const COMMENTED = /\.(ya?ml|toml|py|ipynb)$/i;
/** The inline ignores of one head file, by its lines (notebooks: code cells only, at their .ipynb lines). */
function inlineIgnores(file) {
    if (file.after === null || !COMMENTED.test(file.path) || !file.after.includes('ml-review:'))
        return [];
    const blocks = [];
    if (file.path.toLowerCase().endsWith('.ipynb')) {
        try {
            for (const cell of (0,diff_notebook/* parseNotebook */.fJ)(file.after).cells) {
                if (cell.type !== 'code')
                    continue;
                blocks.push(cell.source.split('\n').map((text, i) => ({ text, line: cell.sourceLines[i] })));
            }
        }
        catch {
            return []; // a head that does not parse is named elsewhere; it holds no ignores we could place
        }
    }
    else {
        blocks.push(file.after.split('\n').map((text, i) => ({ text, line: i + 1 })));
    }
    const out = [];
    for (const lines of blocks) {
        lines.forEach(({ text, line }, i) => {
            const m = IGNORE_RE.exec(text);
            if (!m)
                return;
            const covers = [line];
            if (/^\s*#/.test(text)) {
                const next = lines.slice(i + 1).find((l) => l.text.trim() !== '' && !/^\s*#/.test(l.text));
                if (next)
                    covers.push(next.line);
            }
            out.push({
                checks: m[1]
                    .split(',')
                    .map((c) => c.trim().toUpperCase())
                    .filter((c) => c !== ''),
                reason: m[2].trim(),
                path: file.path,
                line,
                covers,
                used: false
            });
        });
    }
    return out;
}
const LEVEL_STATUS = { warn: 'warn', fail: 'fail', bias: 'fail' };
function where(path, line) {
    return `\`${path}${line ? `:${line}` : ''}\``;
}
/** Levels, path ignores and inline ignores applied to the findings of the changed `files`. */
function applyPolicy(findings, files, policy = {}) {
    const notes = [];
    const off = new Map();
    const ignored = new Map();
    const matchers = new Map(Object.entries(policy).map(([id, rule]) => [
        id,
        rule.ignore.length > 0 ? picomatch_default()(rule.ignore, { dot: true }) : null
    ]));
    const kept = [];
    for (const f of findings) {
        const rule = policy[f.check];
        if (rule?.level === 'off') {
            off.set(f.check, (off.get(f.check) ?? 0) + 1);
            continue;
        }
        if (matchers.get(f.check)?.(f.path)) {
            ignored.set(f.check, (ignored.get(f.check) ?? 0) + 1);
            continue;
        }
        if (rule?.level) {
            const status = LEVEL_STATUS[rule.level];
            const bias = rule.level === 'bias' ? true : rule.level === 'fail' ? false : f.bias;
            kept.push(status === f.status && bias === f.bias ? f : { ...f, status, bias, level: rule.level });
        }
        else
            kept.push(f);
    }
    for (const [check, n] of off)
        notes.push(`Policy: ${n} finding${n === 1 ? '' : 's'} of \`${check}\` not shown (level off).`);
    for (const [check, n] of ignored) {
        notes.push(`Policy: ${n} finding${n === 1 ? '' : 's'} of \`${check}\` not shown (ignored in ${policy[check].ignore.map((g) => `\`${g}\``).join(', ')}).`);
    }
    const ignores = files.flatMap(inlineIgnores);
    const out = kept.map((f) => {
        if (f.line === null)
            return f;
        const match = ignores.find((s) => s.path === f.path && s.covers.includes(f.line) && s.checks.includes(f.check));
        if (!match)
            return f;
        match.used = true;
        if (f.bias) {
            notes.push(`${where(match.path, match.line)}: \`ignore[${f.check}]\` not honoured: a bias finding cannot be silenced in the changed file (a maintainer can accept it with \`/ml-review accept\`).`);
            return f;
        }
        if (match.reason === '') {
            notes.push(`${where(match.path, match.line)}: \`ignore[${f.check}]\` not honoured: it gives no reason.`);
            return f;
        }
        const suppressed = { reason: match.reason, path: match.path, line: match.line };
        return { ...f, suppressed };
    });
    for (const s of ignores.filter((i) => !i.used)) {
        notes.push(`${where(s.path, s.line)}: \`ignore[${s.checks.join(', ')}]\` matches no finding on its line.`);
    }
    return { findings: out, notes };
}

// EXTERNAL MODULE: ./src/analysis/budget.ts
var analysis_budget = __webpack_require__(9505);
;// CONCATENATED MODULE: ./src/checks/index.ts



















/** Every built-in check, in report order. */
const CHECKS = [
    ...RAI_CHECKS,
    ...COVERAGE_CHECKS,
    ...PROTECTED_INPUT_CHECKS,
    ...BOUND_CHECKS,
    ...DATA_CHECKS,
    ...REPRO_CHECKS,
    ...TRAINING_CHECKS,
    ...EVAL_CHECKS,
    ...SUPPLY_CHECKS,
    ...EVIDENCE_CHECKS
];
const FAMILIES = [
    responsibleAi,
    fairnessCoverage,
    protectedInput,
    fairnessBounds,
    mitigationChecks,
    recourseChecks,
    formulaChecks,
    dataPipeline,
    reproducibility,
    trainingConfig,
    evaluation,
    supplyChain
];
/** Checks that still apply to a deleted file: what it took away. */
const DELETED = [deletedFile, fairnessCoverage, formulaChecks];

const checks_ORDER = new Map(CHECKS.map((c, i) => [c.id, i]));
/** Runs every check on every changed file; never throws. Findings are sorted by path, line, check. */
function runChecks(files, options = {}) {
    return analyseFiles(files, options).findings;
}
/** Why the head of a file is beyond the analysis before anything parses it, or null. */
function overBound(file, runCharsBefore) {
    const chars = (file.before?.length ?? 0) + (file.after?.length ?? 0);
    for (const [side, text] of [
        ['head', file.after],
        ['base', file.before]
    ]) {
        if (text !== null && text.length > bounds/* MAX_ANALYSED_CHARS */.Ff) {
            return `the ${side} is ${text.length.toLocaleString('en-US')} characters, over the ${bounds/* MAX_ANALYSED_CHARS */.Ff.toLocaleString('en-US')} analysed per file`;
        }
    }
    if (runCharsBefore + chars > bounds/* MAX_RUN_CHARS */.zl) {
        return `the files before it already took the ${bounds/* MAX_RUN_CHARS */.zl.toLocaleString('en-US')} characters analysed per run`;
    }
    return null;
}
/** The checks plus what they could not cover; a file they could not parse is still scanned as raw text for bias. */
function analyseFiles(files, options = {}) {
    const families = [...FAMILIES, evidenceChecks(options.evidence ?? DEFAULT_EVIDENCE_LIMITS)];
    const budget = options.budget ?? new analysis_budget/* AnalysisBudget */.uP();
    const overBudget = (file) => {
        if (budget.admit(file))
            return false;
        unanalysed.push({ path: file.path, reason: budget.reason() });
        rawFindings.push(...safeRaw(file, budget.reason()));
        return true;
    };
    const views = [];
    const unanalysed = [];
    const rawFindings = [];
    let runChars = 0;
    const deleted = [];
    for (const file of files) {
        if (file.status === 'removed' || file.after === null) {
            // a deleted file can only have taken something away (a fairness evaluation): read its base
            if (file.before !== null && file.status === 'removed' && overBound(file, runChars) === null) {
                try {
                    if (overBudget(file))
                        continue;
                    const view = budget.charge(() => (0,checks_view/* buildView */.kK)(file));
                    if (view.kind !== 'other' && view.before)
                        deleted.push(view);
                }
                catch {
                    // a base we cannot read takes nothing away that we could name
                }
            }
            if (file.status === 'removed')
                continue;
        }
        const bound = overBound(file, runChars);
        if (bound) {
            unanalysed.push({ path: file.path, reason: bound, overBound: true });
            rawFindings.push(...safeRaw(file, bound));
            continue;
        }
        runChars += (file.before?.length ?? 0) + (file.after?.length ?? 0);
        if (file.after === null) {
            const why = (file.notes ?? []).find((n) => n.startsWith('head:'))?.replace(/^head:\s*/, '');
            unanalysed.push({
                path: file.path,
                reason: why ? `the head could not be read (${why})` : 'the head could not be read'
            });
            continue;
        }
        if (overBudget(file))
            continue;
        try {
            const view = budget.charge(() => (0,checks_view/* buildView */.kK)(file));
            if (view.afterError !== undefined) {
                const reason = `the head does not parse: ${view.afterError}`;
                unanalysed.push({ path: file.path, reason });
                rawFindings.push(...safeRaw(file, reason), ...safeUnparsed(file));
            }
            else if (view.kind !== 'other' && view.after)
                views.push(view);
        }
        catch (error) {
            const reason = `the analysis failed: ${error instanceof Error ? error.message : String(error)}`;
            unanalysed.push({ path: file.path, reason });
            rawFindings.push(...safeRaw(file, reason));
        }
    }
    const findings = [...rawFindings];
    const seen = new Set();
    const reportedBy = new Map();
    // configs written inside notebooks and scripts are read by the config checks too
    const embedded = views.flatMap((v) => {
        try {
            return embeddedConfigViews(v);
        }
        catch {
            return [];
        }
    });
    views.push(...embedded);
    const all = [...views, ...deleted];
    for (const view of all) {
        if (budget.spentMs >= budget.limitMs) {
            unanalysed.push({ path: view.path, reason: budget.reason() });
            findings.push(...safeRaw(view.file, budget.reason()));
            continue;
        }
        // one reading of the CPU clock per file, not per check: reading it is a system call
        budget.charge(() => {
            for (const family of view.embedded ? FAMILIES : view.after ? families : DELETED) {
                let found;
                try {
                    found = family(view, view.after ? views : all);
                }
                catch {
                    found = [];
                }
                for (const f of found) {
                    const key = `${f.check}\u0000${f.path}\u0000${f.line}\u0000${f.evidence}`;
                    // two families that read the same item at one line (a switch turned off) report it once
                    const at = `${f.check}\u0000${f.path}\u0000${f.line}`;
                    if (seen.has(key) || (f.line !== null && (reportedBy.get(at) ?? family) !== family))
                        continue;
                    seen.add(key);
                    if (f.line !== null)
                        reportedBy.set(at, family);
                    findings.push(f);
                }
            }
        });
    }
    // a split whose seed was removed is one problem, not two
    const seedRemoved = new Set(findings.filter((f) => f.check === 'REPRO-SEED-REMOVED').map((f) => `${f.path}:${f.line}`));
    const sorted = withoutRepeats(findings)
        .filter((f) => !(f.check === 'REPRO-SPLIT-NO-SEED' && seedRemoved.has(`${f.path}:${f.line}`)))
        .sort((a, b) => a.path.localeCompare(b.path) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (checks_ORDER.get(a.check) ?? 0) - (checks_ORDER.get(b.check) ?? 0));
    const applied = applyPolicy(sorted, files, options.policy);
    return { findings: applied.findings, unanalysed, notes: applied.notes };
}
function safeUnparsed(file) {
    try {
        return unparsedConfigCoverage(file);
    }
    catch {
        return [];
    }
}
function safeRaw(file, why) {
    try {
        return rawTextBiasFindings(file, why);
    }
    catch {
        return [];
    }
}
/** The general bias checks' ids: they stand back where a specific bias check already names the problem. */
const GENERAL_BIAS = new Set([...COVERAGE_CHECKS, ...PROTECTED_INPUT_CHECKS].map((c) => c.id));
/** One item per problem: a general bias finding within two lines of another bias finding on the file is dropped. */
function withoutRepeats(findings) {
    // the more specific a check, the lower its rank: library-aware checks, then protected inputs, then coverage
    const rank = (f) => PROTECTED_INPUT_CHECKS.some((c) => c.id === f.check) ? 1 : COVERAGE_CHECKS.some((c) => c.id === f.check) ? 2 : 0;
    const near = (a, b) => a.path === b.path && (a.line === null || b.line === null ? a.line === b.line : Math.abs(a.line - b.line) <= 2);
    return findings.filter((f) => !GENERAL_BIAS.has(f.check) || !findings.some((o) => o.bias && rank(o) < rank(f) && near(o, f)));
}


/***/ }),

/***/ 1396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ps: () => (/* binding */ introducedMatches),
/* harmony export */   em: () => (/* binding */ introducedStatements),
/* harmony export */   kK: () => (/* binding */ buildView),
/* harmony export */   xO: () => (/* binding */ writtenBy)
/* harmony export */ });
/* unused harmony export fileKind */
/* harmony import */ var diff__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1318);
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(186);
/* harmony import */ var _diff_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6922);
/* harmony import */ var _diff_notebook_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5974);
/* harmony import */ var _python_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4719);
// Turns a ChangedFile into what the checks read: both sides parsed once, code lines with their head line
// numbers, which head lines the change added, and where a removed base line lands in the head.





/** Above this many differing lines we stop aligning line by line and compare lines as multisets. */
const MAX_EDIT_LENGTH = 2000;
function fileKind(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.ipynb'))
        return 'notebook';
    if (lower.endsWith('.py'))
        return 'python';
    if (/\.(ya?ml|json|toml)$/.test(lower) || /(^|\/)mlproject$/.test(lower))
        return 'config';
    try {
        if ((0,_diff_config_js__WEBPACK_IMPORTED_MODULE_0__/* .isConfigPath */ .Co)(path))
            return 'config';
    }
    catch {
        // a helper that throws must not stop the checks
    }
    return 'other';
}
function readSide(kind, path, text, failed) {
    try {
        if (kind === 'notebook') {
            const notebook = (0,_diff_notebook_js__WEBPACK_IMPORTED_MODULE_1__/* .parseNotebook */ .fJ)(text);
            const lines = [];
            for (const cell of notebook.cells) {
                if (cell.type !== 'code')
                    continue;
                const parts = cell.source.split('\n');
                parts.forEach((part, i) => {
                    const line = cell.sourceLines[i] ?? cell.sourceLines[cell.sourceLines.length - 1] ?? 1;
                    lines.push({ text: part, line, cell: cell.index });
                });
            }
            return { text, notebook, entries: [], lines, statements: [] };
        }
        const split = text.split('\n');
        if (split.length > _bounds_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_ANALYSED_LINES */ .BG)
            throw new Error(`${split.length} lines, over the ${_bounds_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_ANALYSED_LINES */ .BG} analysed per file`);
        const lines = split.map((l, i) => ({ text: l.replace(/\r$/, ''), line: i + 1, cell: null }));
        if (kind === 'config') {
            const configPath = /(^|\/)mlproject$/i.test(path) ? `${path}.yaml` : path;
            return { text, notebook: null, entries: (0,_diff_config_js__WEBPACK_IMPORTED_MODULE_0__/* .parseConfigEntries */ .YM)(configPath, text), lines, statements: [] };
        }
        return { text, notebook: null, entries: [], lines, statements: [] };
    }
    catch (error) {
        failed?.(error instanceof Error ? error.message : String(error));
        return null;
    }
}
/** Marks added head lines and maps base line indexes to head line indexes. */
function alignLines(before, after) {
    const a = before.map((l) => l.text.trimEnd());
    const b = after.map((l) => l.text.trimEnd());
    const added = new Array(b.length).fill(false);
    const removed = new Array(a.length).fill(false);
    const baseToHead = new Array(a.length).fill(-1);
    const changes = (0,diff__WEBPACK_IMPORTED_MODULE_4__/* .diffArrays */ .E)(a, b, { maxEditLength: MAX_EDIT_LENGTH });
    if (!changes) {
        // Too different to align: a head line is added when it occurs more often than at the base.
        const tally = (lines) => {
            const counts = new Map();
            for (const t of lines)
                counts.set(t, (counts.get(t) ?? 0) + 1);
            return counts;
        };
        const mark = (lines, other, flags) => lines.forEach((t, k) => {
            const n = other.get(t) ?? 0;
            if (n > 0)
                other.set(t, n - 1);
            else
                flags[k] = true;
        });
        mark(b, tally(a), added);
        mark(a, tally(b), removed);
        a.forEach((_, i) => (baseToHead[i] = Math.min(i, b.length - 1)));
        return { added, removed, baseToHead };
    }
    let i = 0;
    let j = 0;
    for (const change of changes) {
        if (change.added) {
            for (let k = 0; k < change.count; k++)
                added[j++] = true;
        }
        else if (change.removed) {
            // a removed line lands on the head line that now stands where it stood
            for (let k = 0; k < change.count; k++) {
                removed[i] = true;
                baseToHead[i++] = Math.min(j, b.length - 1);
            }
        }
        else {
            for (let k = 0; k < change.count; k++)
                baseToHead[i++] = j++;
        }
    }
    return { added, removed, baseToHead };
}
/** Views already built: a file read ahead (while the others downloaded) is not read again. */
const built = new WeakMap();
function buildView(file) {
    let view = built.get(file);
    if (!view)
        built.set(file, (view = buildViewUncached(file)));
    return view;
}
function buildViewUncached(file) {
    const kind = fileKind(file.path);
    const beforePath = file.previousPath ?? file.path;
    const before = file.before === null ? null : readSide(kind, beforePath, file.before);
    let afterError;
    const after = file.after === null ? null : readSide(kind, file.path, file.after, (why) => (afterError = why));
    const baseKnown = file.before === null ? file.status === 'added' || file.status === 'copied' : before !== null;
    const { added, removed, baseToHead } = alignLines(before?.lines ?? [], after?.lines ?? []);
    if (after && (kind === 'notebook' || kind === 'python')) {
        // without a known base nothing can be called new
        after.statements = (0,_python_js__WEBPACK_IMPORTED_MODULE_2__/* .splitStatements */ .Xd)(after.lines, baseKnown ? added : []);
    }
    // on the base side the flag marks statements the change removed or rewrote
    if (before && (kind === 'notebook' || kind === 'python'))
        before.statements = (0,_python_js__WEBPACK_IMPORTED_MODULE_2__/* .splitStatements */ .Xd)(before.lines, after ? removed : []);
    const addedLines = new Set();
    if (after && baseKnown)
        after.lines.forEach((l, j) => added[j] && addedLines.add(l.line));
    const baseIndexByLine = new Map();
    before?.lines.forEach((l, i) => {
        if (!baseIndexByLine.has(l.line))
            baseIndexByLine.set(l.line, i);
    });
    const headLineFor = (baseLine) => {
        if (!after)
            return null;
        if (after.lines.length === 0)
            return 1;
        let index = baseIndexByLine.get(baseLine);
        if (index === undefined && before) {
            // a base line outside the code lines (notebook JSON): use the nearest code line before it
            let best = -1;
            before.lines.forEach((l, i) => {
                if (l.line <= baseLine)
                    best = i;
            });
            index = best === -1 ? 0 : best;
        }
        const head = index === undefined ? 0 : (baseToHead[index] ?? 0);
        return after.lines[Math.max(0, Math.min(head, after.lines.length - 1))].line;
    };
    return {
        file,
        path: file.path,
        kind,
        before,
        after,
        ...(afterError !== undefined ? { afterError } : {}),
        baseKnown,
        headLineFor,
        isAddedLine: (line) => addedLines.has(line)
    };
}
/** Statements of the head that the change introduced or rewrote: text the base did not have anywhere. */
function introducedStatements(view) {
    if (!view.after || !view.baseKnown)
        return [];
    const old = new Set(view.before?.statements.map((s) => s.flat) ?? []);
    return view.after.statements.filter((s) => !old.has(s.flat));
}
/**
 * Head statements matching a predicate that the change introduced, no more than the count grew by.
 * An edit elsewhere in a matching statement does not make it new.
 */
function introducedMatches(view, matches) {
    if (!view.after || !view.baseKnown)
        return [];
    const beforeCount = view.before?.statements.filter(matches).length ?? 0;
    const afterAll = view.after.statements.filter(matches);
    const grown = afterAll.length - beforeCount;
    if (grown <= 0)
        return [];
    return introducedStatements(view).filter(matches).slice(0, grown);
}
/** Whether the change wrote a statement: its first or last line is an added one. */
const writtenBy = (view) => (s) => view.isAddedLine(s.line) || view.isAddedLine(s.endLine);


/***/ }),

/***/ 6922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zH: () => (/* binding */ configSecretValues),
  O2: () => (/* binding */ diffConfig),
  Co: () => (/* binding */ isConfigPath),
  YM: () => (/* binding */ parseConfigEntries)
});

// UNUSED EXPORTS: MAX_CONFIG_ENTRIES, MAX_SUMMARY_CHANGES, formatConfigValue

// EXTERNAL MODULE: ./src/bounds.ts
var bounds = __webpack_require__(186);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/diff/yaml-lenient.ts
// YAML as PyYAML reads it, where the YAML library is stricter: a quoted value continued on lines indented no deeper
// than its key (rl-baselines3-zoo's `replay_buffer_kwargs: "dict(\n    goal_selection_strategy='future',\n  )"`).
// The spec asks continuation lines of a flow scalar to be indented; PyYAML, which trains these models, does not, so a
// config it runs must not read here as broken. Only the leading spaces of such lines change: the value is the same
// (a quoted scalar folds the leading white space of its continuation lines away) and every line keeps its number.
/** The text with the continuation lines of quoted values indented under their key; null when none needed it. */
function indentQuotedContinuations(text) {
    const lines = text.split('\n');
    let changed = false;
    for (let i = 0; i < lines.length; i++) {
        // `key: "` or `- key: '` opening a quoted value that does not close on its line
        const m = /^(\s*)(?:-\s+)?[^\s#'"][^:#]*:\s+(["'])(.*)$/.exec(lines[i]);
        if (!m || closes(m[3], m[2]))
            continue;
        const keyIndent = m[1].length;
        const quote = m[2];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j];
            const indent = line.length - line.trimStart().length;
            if (line.trim() !== '' && indent <= keyIndent) {
                lines[j] = ' '.repeat(keyIndent + 1 - indent) + line;
                changed = true;
            }
            if (closes(line, quote)) {
                i = j;
                break;
            }
        }
    }
    return changed ? lines.join('\n') : null;
}
/** Whether a quoted value's text (after its opening quote) closes on this line. */
function closes(rest, quote) {
    if (quote === '"') {
        for (let k = 0; k < rest.length; k++) {
            if (rest[k] === '\\')
                k++;
            else if (rest[k] === '"')
                return true;
        }
        return false;
    }
    // a single-quoted value escapes its quote by doubling it
    return rest.replace(/''/g, '').includes("'");
}

// EXTERNAL MODULE: ./src/diff/blob.ts
var blob = __webpack_require__(4048);
// EXTERNAL MODULE: ./src/diff/json.ts
var json = __webpack_require__(941);
// EXTERNAL MODULE: ./src/diff/redact.ts
var redact = __webpack_require__(4606);
// EXTERNAL MODULE: ./src/diff/text.ts
var diff_text = __webpack_require__(1632);
// EXTERNAL MODULE: ./src/diff/text-cache.ts
var text_cache = __webpack_require__(6367);
;// CONCATENATED MODULE: ./src/diff/config.ts
// Training configs as flattened keys (`training.optimizer.lr`), so a diff reads as hyperparameter changes.











/** Change lines listed in the summary before "… and N more". */
const MAX_SUMMARY_CHANGES = 200;
/** Longest value shown in the summary. */
const MAX_VALUE_CHARS = 120;
function isConfigPath(path) {
    return /\.(ya?ml|json|toml)$/i.test(path);
}
function formatOf(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.json'))
        return 'json';
    if (lower.endsWith('.toml'))
        return 'toml';
    return 'yaml';
}
/** Flattened leaves of a YAML (all documents), JSON or TOML config; throws when the text does not parse. */
function parseConfigEntries(path, text) {
    return parseRaw(path, text).map(({ key, value, line }) => ({ key, value, line }));
}
/** The diff, the checks and the secret scan each read every config: it is parsed once per run (a failure too). */
const parses = new Map();
function parseRaw(path, text) {
    const format = formatOf(path);
    let cache = parses.get(format);
    if (!cache)
        parses.set(format, (cache = new text_cache/* TextCache */.S()));
    const result = cache.get(text, (t) => {
        try {
            return parseUncached(format, t);
        }
        catch (error) {
            return error instanceof Error ? error : new Error(String(error));
        }
    });
    if (result instanceof Error)
        throw result;
    return result;
}
function parseUncached(format, text) {
    const out = new Entries();
    if (format === 'json')
        flattenJson(text, out);
    else if (format === 'toml')
        flattenToml(text, out);
    else
        flattenYaml(text, out);
    return out.list();
}
/** Ordered leaves; a repeated key keeps the last value (as YAML and JSON loaders do). */
class Entries {
    byKey = new Map();
    add(entry) {
        if (this.byKey.size >= bounds/* MAX_CONFIG_ENTRIES */.nq) {
            throw new Error(`more than ${bounds/* MAX_CONFIG_ENTRIES */.nq} keys: too large to compare key by key`);
        }
        this.byKey.delete(entry.key);
        this.byKey.set(entry.key, entry);
    }
    list() {
        return [...this.byKey.values()];
    }
}
const join = (prefix, key) => (prefix ? `${prefix}.${key}` : key);
const index = (prefix, i) => `${prefix}[${i}]`;
// --- YAML -------------------------------------------------------------------------------------
function flattenYaml(text, out) {
    const parse = (source) => {
        const lineCounter = new yaml_dist/* LineCounter */.HN();
        const docs = (0,yaml_dist/* parseAllDocuments */.hR)(source, { lineCounter, uniqueKeys: false });
        return { list: Array.isArray(docs) ? docs : [], lineCounter };
    };
    const firstError = (list) => list.find((d) => d.errors[0])?.errors[0].message;
    let { list, lineCounter } = parse(text);
    const error = firstError(list);
    if (error !== undefined) {
        // read as PyYAML reads it, where it is laxer (`src/diff/yaml-lenient.ts`); the first error is the one to name
        const lenient = indentQuotedContinuations(text);
        const again = lenient === null ? null : parse(lenient);
        if (!again || firstError(again.list) !== undefined)
            throw new Error(`not valid YAML: ${error.split('\n')[0]}`);
        ({ list, lineCounter } = again);
    }
    const lineOf = (offset) => lineCounter.linePos(offset).line;
    const budget = { aliases: 0, visits: 0, resolved: new Map(), items: new Map() };
    list.forEach((doc, n) => {
        const prefix = list.length > 1 && n >= 1 ? `doc${n}` : '';
        const contents = doc.contents;
        if (contents === null)
            return;
        budget.resolved = resolveAliases(doc);
        walkYaml(doc, contents, prefix, lineOf(contents.range?.[0] ?? 0), lineOf, out, 0, budget);
    });
}
/**
 * What every alias of a document points at (the last anchor of its name before it), in one visit: `Alias.resolve`
 * visits the whole document for each call, which a file of many aliases turns into quadratic work.
 */
function resolveAliases(doc) {
    const anchors = new Map();
    const resolved = new Map();
    (0,yaml_dist/* visit */.YR)(doc, {
        Node: (_key, node) => {
            if ((0,yaml_dist/* isAlias */.Vj)(node))
                resolved.set(node, anchors.get(node.source));
            else if (node.anchor)
                anchors.set(node.anchor, node);
        }
    });
    return resolved;
}
const keyName = (keyNode) => ((0,yaml_dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : String(keyNode));
/**
 * A mapping's own pairs with its merge keys (`<<: *base`, `<<: [*a, *b]`) expanded, in file order: its own keys win,
 * then earlier merged maps over later ones (YAML 1.1 merge). Computed once per mapping, so a chain of maps that each
 * merge the previous one many times costs linear work, not exponential.
 */
function mapItems(node, budget, depth) {
    const cached = budget.items.get(node);
    if (cached)
        return cached;
    if (depth > bounds/* MAX_CONFIG_DEPTH */.YK)
        throw new Error(`YAML merges nested more than ${bounds/* MAX_CONFIG_DEPTH */.YK} levels deep`);
    // a map that merges itself (through an alias inside it) contributes nothing to itself
    budget.items.set(node, []);
    const own = new Set();
    for (const pair of node.items)
        if (!isMergeKey(pair.key))
            own.add(keyName(pair.key));
    const taken = new Set(own);
    const out = [];
    for (const pair of node.items) {
        if (!isMergeKey(pair.key)) {
            out.push({ name: keyName(pair.key), keyNode: pair.key, value: pair.value });
            continue;
        }
        for (const source of (0,yaml_dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value]) {
            if ((0,yaml_dist/* isAlias */.Vj)(source))
                expandAlias(budget);
            const merged = (0,yaml_dist/* isAlias */.Vj)(source) ? budget.resolved.get(source) : source;
            if (!(0,yaml_dist/* isMap */.jh)(merged))
                continue;
            for (const item of mapItems(merged, budget, depth + 1)) {
                if (taken.has(item.name))
                    continue;
                taken.add(item.name);
                out.push(item);
            }
        }
    }
    budget.items.set(node, out);
    return out;
}
const isMergeKey = (keyNode) => (0,yaml_dist/* isScalar */.jn)(keyNode) && keyNode.value === '<<' && keyNode.source === '<<';
function expandAlias(budget) {
    if (++budget.aliases > bounds/* MAX_YAML_ALIAS_EXPANSIONS */.nh) {
        throw new Error(`more than ${bounds/* MAX_YAML_ALIAS_EXPANSIONS */.nh} alias or merge expansions (an alias bomb?)`);
    }
}
function walkYaml(doc, node, key, line, lineOf, out, depth, budget) {
    if (depth > bounds/* MAX_CONFIG_DEPTH */.YK)
        throw new Error(`YAML nested more than ${bounds/* MAX_CONFIG_DEPTH */.YK} levels deep`);
    if (++budget.visits > bounds/* MAX_YAML_NODE_VISITS */.DG) {
        throw new Error(`more than ${bounds/* MAX_YAML_NODE_VISITS */.DG} YAML nodes once aliases are expanded`);
    }
    if ((0,yaml_dist/* isAlias */.Vj)(node)) {
        expandAlias(budget);
        walkYaml(doc, budget.resolved.get(node), key, line, lineOf, out, depth + 1, budget);
        return;
    }
    if ((0,yaml_dist/* isMap */.jh)(node)) {
        if (node.items.length === 0) {
            out.add({ key: key || '(root)', value: {}, line, raw: '{}' });
            return;
        }
        for (const item of mapItems(node, budget, depth)) {
            const keyLine = lineOf(rangeStart(item.keyNode) ?? rangeStart(item.value) ?? 0);
            walkYaml(doc, item.value, join(key, item.name), keyLine, lineOf, out, depth + 1, budget);
        }
        return;
    }
    if ((0,yaml_dist/* isSeq */.oP)(node)) {
        if (node.items.length === 0) {
            out.add({ key: key || '(root)', value: [], line, raw: '[]' });
            return;
        }
        node.items.forEach((item, i) => {
            const itemLine = lineOf(rangeStart(item) ?? 0) || line;
            walkYaml(doc, item, index(key, i), itemLine, lineOf, out, depth + 1, budget);
        });
        return;
    }
    if ((0,yaml_dist/* isPair */.tO)(node)) {
        walkYaml(doc, node.value, key, line, lineOf, out, depth + 1, budget);
        return;
    }
    if ((0,yaml_dist/* isScalar */.jn)(node)) {
        const source = typeof node.source === 'string' ? node.source : undefined;
        // Plain scalars keep their spelling (2.0e-05, True, ~); an empty value reads as empty, not "null".
        const raw = node.type === 'PLAIN' && source !== undefined ? (source === '' ? '(empty)' : source) : undefined;
        out.add({ key: key || '(root)', value: node.value, line, raw });
        return;
    }
    out.add({ key: key || '(root)', value: null, line, raw: '(empty)' });
}
function rangeStart(node) {
    const range = node?.range;
    return range ? range[0] : undefined;
}
// --- JSON -------------------------------------------------------------------------------------
function flattenJson(text, out) {
    const errors = [];
    // Python's json (and so most training code) reads NaN/Infinity: parse them, keep their value by offset
    const standard = (0,json/* standardJson */.u)(text);
    const constants = new Map(standard.constants.map((c) => [c.offset, c.value]));
    const root = (0,main.parseTree)(standard.text, errors, { allowTrailingComma: true, disallowComments: false });
    const lines = new diff_text/* LineIndex */.rr(text);
    const error = errors[0];
    if (error) {
        const at = lines.lineOf(error.offset);
        throw new Error(`not valid JSON: ${(0,main.printParseErrorCode)(error.error)} at line ${at}`);
    }
    if (!root)
        throw new Error('not valid JSON: empty file');
    walkJson(root, '', lines.lineOf(root.offset), text, lines, out, constants);
}
function walkJson(node, key, line, text, lines, out, constants) {
    const children = node.children ?? [];
    if (node.type === 'object') {
        if (children.length === 0)
            return out.add({ key: key || '(root)', value: {}, line, raw: '{}' });
        for (const prop of children) {
            const [keyNode, valueNode] = prop.children ?? [];
            if (!keyNode || !valueNode)
                continue;
            walkJson(valueNode, join(key, String(keyNode.value)), lines.lineOf(keyNode.offset), text, lines, out, constants);
        }
        return;
    }
    if (node.type === 'array') {
        if (children.length === 0)
            return out.add({ key: key || '(root)', value: [], line, raw: '[]' });
        children.forEach((child, i) => walkJson(child, index(key, i), lines.lineOf(child.offset), text, lines, out, constants));
        return;
    }
    const raw = node.type === 'number' ? text.slice(node.offset, node.offset + node.length) : undefined;
    const value = constants.has(node.offset) ? constants.get(node.offset) : node.value;
    out.add({ key: key || '(root)', value, line, raw });
}
// --- TOML -------------------------------------------------------------------------------------
function flattenToml(text, out) {
    let data;
    try {
        // tomllib reads any 64-bit integer (and beyond): those past 2^53 stay exact as bigint
        data = (0,dist/* parse */.qg)(text, { integersAsBigInt: 'asNeeded' });
    }
    catch (error) {
        throw new Error(`not valid TOML: ${error.message.split('\n')[0]}`, { cause: error });
    }
    const located = locateTomlKeys(text);
    const leaves = [];
    flattenObject(data, '', leaves);
    for (const { key, value } of leaves) {
        const found = findTomlLine(located, key);
        out.add({ key, value, line: found.line, raw: found.exact ? found.raw : undefined });
    }
}
function flattenObject(value, key, out) {
    if (Array.isArray(value)) {
        if (value.length === 0)
            out.push({ key: key || '(root)', value: [] });
        value.forEach((item, i) => flattenObject(item, index(key, i), out));
        return;
    }
    if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
        const entries = Object.entries(value);
        if (entries.length === 0)
            out.push({ key: key || '(root)', value: {} });
        for (const [k, v] of entries)
            flattenObject(v, join(key, k), out);
        return;
    }
    out.push({ key: key || '(root)', value });
}
const TOML_KEY_PART = String.raw `(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const TOML_DOTTED = String.raw `${TOML_KEY_PART}(?:\s*\.\s*${TOML_KEY_PART})*`;
const TOML_TABLE = new RegExp(String.raw `^\s*\[\s*(${TOML_DOTTED})\s*\]\s*(?:#.*)?$`);
const TOML_ARRAY_TABLE = new RegExp(String.raw `^\s*\[\[\s*(${TOML_DOTTED})\s*\]\]\s*(?:#.*)?$`);
const TOML_ASSIGNMENT = new RegExp(String.raw `^\s*(${TOML_DOTTED})\s*=\s*(.*)$`);
const TOML_NUMBER = /^([+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|inf|nan|\d[\d_]*(?:\.[\d_]+)?(?:[eE][+-]?[\d_]+)?))\s*(?:#.*)?$/;
function splitTomlKey(dotted) {
    const parts = dotted.match(new RegExp(TOML_KEY_PART, 'g')) ?? [];
    return parts.map((part) => {
        if (part.startsWith('"')) {
            try {
                return JSON.parse(part);
            }
            catch {
                return part.slice(1, -1);
            }
        }
        return part.startsWith("'") ? part.slice(1, -1) : part;
    });
}
/** Line (and number spelling) of every `key = value` and table header, by the flattened path it defines. */
function locateTomlKeys(text) {
    const located = new Map();
    const arrayCounts = new Map();
    let table = '';
    let inMultiline = null;
    const resolve = (segments, appendLast) => {
        let path = '';
        segments.forEach((segment, i) => {
            path = join(path, segment);
            const count = arrayCounts.get(path);
            if (count !== undefined && (i < segments.length - 1 || appendLast))
                path = index(path, count - 1);
        });
        return path;
    };
    text.split('\n').forEach((rawLine, i) => {
        const lineNo = i + 1;
        const line = rawLine.replace(/\r$/, '');
        if (inMultiline) {
            if (countOf(line, inMultiline) % 2 === 1)
                inMultiline = null;
            return;
        }
        const arrayTable = TOML_ARRAY_TABLE.exec(line);
        if (arrayTable) {
            const name = resolve(splitTomlKey(arrayTable[1]), false);
            const count = (arrayCounts.get(name) ?? 0) + 1;
            arrayCounts.set(name, count);
            table = index(name, count - 1);
            if (!located.has(table))
                located.set(table, { line: lineNo });
            return;
        }
        const header = TOML_TABLE.exec(line);
        if (header) {
            table = resolve(splitTomlKey(header[1]), true);
            if (!located.has(table))
                located.set(table, { line: lineNo });
            return;
        }
        const assignment = TOML_ASSIGNMENT.exec(line);
        if (!assignment)
            return;
        const key = join(table, splitTomlKey(assignment[1]).join('.'));
        const value = assignment[2].trim();
        const number = TOML_NUMBER.exec(value);
        if (!located.has(key))
            located.set(key, { line: lineNo, raw: number ? number[1] : undefined });
        for (const quote of ['"""', "'''"]) {
            if (countOf(value, quote) % 2 === 1)
                inMultiline = quote;
        }
    });
    return located;
}
function countOf(text, needle) {
    return text.split(needle).length - 1;
}
/** The key's own line, else the line of its nearest located parent (inline tables and arrays). */
function findTomlLine(located, key) {
    const exact = located.get(key);
    if (exact)
        return { ...exact, exact: true };
    let path = key;
    while (path) {
        const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        if (cut <= 0)
            break;
        path = path.slice(0, cut);
        const found = located.get(path);
        if (found)
            return { line: found.line, exact: false };
    }
    return { line: 1, exact: false };
}
/** Compares flattened keys; a side that does not parse makes it a text diff with a note. */
function diffConfig(path, before, after) {
    const notes = [];
    const patch = (0,blob/* omitBlobs */.eC)((0,diff_text/* unifiedDiff */.WH)(path, before, after));
    const base = tryParse(path, before, 'before', notes);
    const head = tryParse(path, after, 'after', notes);
    if (base === 'failed' || head === 'failed') {
        const failed = [base === 'failed' ? 'before' : '', head === 'failed' ? 'after' : ''].filter(Boolean).join(' and ');
        const lines = (0,diff_text/* changedHeadLines */.mI)(before, after);
        return {
            path,
            kind: 'config',
            summary: `Compared as text: ${failed} does not parse as ${formatOf(path).toUpperCase()}. ${textStats(patch)}`,
            patch,
            changedLines: lines,
            notes
        };
    }
    if (!base && !head)
        return { path, kind: 'config', summary: 'No content on either side.', changedLines: [], notes };
    const changes = compareEntries(base ?? [], head ?? []);
    const changedLines = [...new Set(changes.flatMap((c) => (c.type === 'removed' ? [] : [c.to.line])))].sort((a, b) => a - b);
    const count = (type) => changes.filter((c) => c.type === type).length;
    let header;
    if (!base)
        header = `New config file: ${plural(head?.length ?? 0, 'key')}.`;
    else if (!head)
        header = `Config file deleted: it had ${plural(base.length, 'key')}.`;
    else if (changes.length === 0)
        header = 'No key changed (comments, formatting or order only).';
    else {
        header = `Config keys: ${count('changed')} changed, ${count('added')} added, ${count('removed')} removed, ${count('moved')} moved.`;
    }
    const lines = changes.map(describeChange);
    const shown = lines.slice(0, MAX_SUMMARY_CHANGES);
    if (lines.length > shown.length)
        shown.push(`- … and ${lines.length - shown.length} more`);
    return {
        path,
        kind: 'config',
        summary: [header, ...shown].join('\n'),
        ...(patch ? { patch } : {}),
        changedLines,
        notes
    };
}
function tryParse(path, text, side, notes) {
    if (text === null)
        return null;
    try {
        return parseRaw(path, text);
    }
    catch (error) {
        notes.push(`${side}: ${error.message} — compared as text`);
        return 'failed';
    }
}
function compareEntries(base, head) {
    const baseByKey = new Map(base.map((e) => [e.key, e]));
    const headKeys = new Set(head.map((e) => e.key));
    const removed = base.filter((e) => !headKeys.has(e.key));
    // A removed key whose last name and value reappear under a new path was moved (lr → optimizer.lr).
    const movable = new Map();
    for (const entry of removed) {
        const id = `${lastName(entry.key)}\u0000${canonical(entry.value)}`;
        const list = movable.get(id);
        if (list)
            list.push(entry);
        else
            movable.set(id, [entry]);
    }
    const movedFrom = new Set();
    const changes = [];
    for (const to of head) {
        const from = baseByKey.get(to.key);
        if (from) {
            if (canonical(from.value) !== canonical(to.value))
                changes.push({ type: 'changed', from, to });
            continue;
        }
        const source = base.length ? movable.get(`${lastName(to.key)}\u0000${canonical(to.value)}`)?.shift() : undefined;
        if (source) {
            movedFrom.add(source.key);
            changes.push({ type: 'moved', from: source, to });
        }
        else
            changes.push({ type: 'added', to });
    }
    for (const from of removed)
        if (!movedFrom.has(from.key))
            changes.push({ type: 'removed', from });
    return changes;
}
/** `optimizer.params.lr` → `lr`; `betas[1]` → `betas`. */
function lastName(key) {
    const withoutIndex = key.replace(/(\[\d+\])+$/, '');
    const dot = withoutIndex.lastIndexOf('.');
    return dot === -1 ? withoutIndex : withoutIndex.slice(dot + 1);
}
function canonical(value) {
    if (typeof value === 'bigint')
        return `${value}`;
    if (typeof value === 'number')
        return Number.isNaN(value) ? 'NaN' : String(value);
    if (value instanceof Date)
        return `date:${isNaN(value.getTime()) ? 'invalid' : value.toISOString()}`;
    if (value === undefined)
        return 'undefined';
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}` : v));
}
/** The value as the file spells it where we know it, else a compact rendering. */
function formatConfigValue(value, raw) {
    let text;
    if (raw !== undefined)
        text = raw;
    else if (value === null || value === undefined)
        text = 'null';
    else if (typeof value === 'string')
        text = value.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    else if (value instanceof Date)
        text = isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        text = String(value);
    else
        text = canonical(value);
    return text.length > MAX_VALUE_CHARS ? text.slice(0, MAX_VALUE_CHARS - 1) + '…' : text;
}
/** A value under a secret-named key is never shown, on either side of a change, whatever it looks like. */
const show = (entry) => {
    const kind = (0,redact/* secretKindOfName */.Fs)(lastName(entry.key));
    if (kind && !isEmptyValue(entry.value))
        return `[REDACTED:${kind}]`;
    return formatConfigValue(entry.value, entry.raw);
};
const isEmptyValue = (value) => value === null || value === undefined || value === '' || typeof value === 'boolean';
/**
 * The secret values of one config side, once parsed (anchors followed, escapes decoded, folded lines joined): values
 * under secret-named keys, and strings shaped like a token whatever their key. Empty when the text does not parse.
 */
function configSecretValues(path, text) {
    if (text === null || !isConfigPath(path) || text.length > bounds/* MAX_ANALYSED_CHARS */.Ff)
        return [];
    let entries;
    try {
        entries = parseRaw(path, text);
    }
    catch {
        return [];
    }
    const out = [];
    for (const e of entries) {
        const value = typeof e.value === 'string' ? e.value : typeof e.value === 'number' ? String(e.value) : null;
        if (value === null || value.length > 8192)
            continue;
        if ((0,redact/* secretKindOfName */.Fs)(lastName(e.key)))
            out.push(value);
        else if (value.length >= 16 && (0,redact/* redactSecrets */.fp)(value).count > 0)
            out.push(value);
    }
    return out;
}
function describeChange(change) {
    switch (change.type) {
        case 'changed':
            return `- ${(0,blob/* codeSpan */.SS)(`${change.to.key}: ${show(change.from)} → ${show(change.to)}`)} (line ${change.to.line})`;
        case 'added':
            return `- ${(0,blob/* codeSpan */.SS)(`+ ${change.to.key}: ${show(change.to)}`)} (line ${change.to.line})`;
        case 'removed':
            return `- ${(0,blob/* codeSpan */.SS)(`- ${change.from.key}: ${show(change.from)}`)}`;
        case 'moved': {
            const from = show(change.from);
            const to = show(change.to);
            const value = from === to ? to : `${from} → ${to}`;
            return `- ${(0,blob/* codeSpan */.SS)(`${change.from.key} → ${change.to.key}: ${value}`)} moved (line ${change.to.line})`;
        }
    }
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function textStats(patch) {
    let added = 0;
    let removed = 0;
    for (const line of patch.split('\n')) {
        if (line.startsWith('+') && !line.startsWith('+++'))
            added++;
        else if (line.startsWith('-') && !line.startsWith('---'))
            removed++;
    }
    return `+${added} −${removed} lines.`;
}


/***/ }),

/***/ 2298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ metricsOf),
/* harmony export */   n: () => (/* binding */ metricsBlock)
/* harmony export */ });
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6922);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5638);
/* harmony import */ var _notebook_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5974);



/** A notebook's metrics by its text: the diff shows them and the evidence checks read them. */
const notebookMetricsByText = new Map();
const MAX_CACHED_NOTEBOOKS = 64;
function notebookMetricsOf(text) {
    let hit = notebookMetricsByText.get(text);
    if (hit)
        return hit;
    hit = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .notebookMetrics */ .Dd)((0,_notebook_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNotebook */ .fJ)(text).cells);
    if (notebookMetricsByText.size >= MAX_CACHED_NOTEBOOKS)
        notebookMetricsByText.delete(notebookMetricsByText.keys().next().value);
    notebookMetricsByText.set(text, hit);
    return hit;
}
function sideMetrics(path, text) {
    if (text === null)
        return [];
    try {
        if (path.toLowerCase().endsWith('.ipynb'))
            return notebookMetricsOf(text);
        if ((0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .isMetricsFile */ .C_)(path) && (0,_config_js__WEBPACK_IMPORTED_MODULE_0__/* .isConfigPath */ .Co)(path))
            return (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .fileMetrics */ .U9)((0,_config_js__WEBPACK_IMPORTED_MODULE_0__/* .parseConfigEntries */ .YM)(path, text));
    }
    catch {
        // a side that does not parse shows no metrics; the diff says why it does not parse
    }
    return [];
}
/** Metrics of both sides of a file (empty for files that hold none). */
function metricsOf(file) {
    return { before: sideMetrics(file.path, file.before), after: sideMetrics(file.path, file.after) };
}
/** The "metric · before · after · Δ" block for a file's summary; null when no metric moved. */
function metricsBlock(file) {
    const { before, after } = metricsOf(file);
    if (before.length === 0 && after.length === 0)
        return null;
    const table = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricTable */ .Lc)(before, after);
    if (!table)
        return null;
    const where = file.path.toLowerCase().endsWith('.ipynb') ? 'printed by its outputs' : 'in the file';
    return `Metrics ${where} (last value of each):\n\n${table}`;
}


/***/ }),

/***/ 941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ standardJson)
/* harmony export */ });
// JSON as Python's `json` module and nbformat read it: besides standard JSON, the bare constants `NaN`,
// `Infinity` and `-Infinity` (pandas and numpy write them into configs and notebook outputs).
/**
 * The text with every bare `NaN`, `Infinity`, `-Infinity` outside strings replaced by a standard JSON number of the
 * same length (so every offset and line stays where it was), and where each one was. One pass, linear.
 */
function standardJson(text) {
    // most files hold neither word anywhere: found at memory speed, and the scan below is not needed
    if (!text.includes('NaN') && !text.includes('Infinity'))
        return { text, constants: [] };
    const constants = [];
    let out = null;
    let last = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
            continue;
        }
        if (c === 0x22) {
            inString = true;
            continue;
        }
        // N, I or -I after a value separator: a candidate constant
        if (c !== 0x4e && c !== 0x49 && c !== 0x2d)
            continue;
        let word = null;
        let value = 0;
        if (text.startsWith('NaN', i)) {
            word = 'NaN';
            value = NaN;
        }
        else if (text.startsWith('Infinity', i)) {
            word = 'Infinity';
            value = Infinity;
        }
        else if (text.startsWith('-Infinity', i)) {
            word = '-Infinity';
            value = -Infinity;
        }
        if (!word)
            continue;
        const next = text.charCodeAt(i + word.length);
        // `NaNx` is not the constant (it stays an error, as in Python)
        if (/[A-Za-z0-9_]/.test(String.fromCharCode(next || 0x20)))
            continue;
        out ??= [];
        out.push(text.slice(last, i), replacement(word));
        constants.push({ offset: i, value });
        last = i + word.length;
        i = last - 1;
    }
    if (!out)
        return { text, constants };
    out.push(text.slice(last));
    return { text: out.join(''), constants };
}
/** A standard JSON number as long as the constant it replaces. */
function replacement(word) {
    if (word === 'NaN')
        return '0e0';
    if (word === 'Infinity')
        return '1e999999';
    return '-1e999999';
}


/***/ }),

/***/ 5638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ isMetricsFile),
/* harmony export */   Cc: () => (/* binding */ metricKey),
/* harmony export */   Dd: () => (/* binding */ notebookMetrics),
/* harmony export */   Gz: () => (/* binding */ RATIO_METRICS),
/* harmony export */   IW: () => (/* binding */ latest),
/* harmony export */   Lc: () => (/* binding */ metricTable),
/* harmony export */   RO: () => (/* binding */ groupGaps),
/* harmony export */   U9: () => (/* binding */ fileMetrics),
/* harmony export */   cv: () => (/* binding */ lowerIsBetter),
/* harmony export */   dT: () => (/* binding */ textMetrics),
/* harmony export */   lw: () => (/* binding */ GAP_METRICS)
/* harmony export */ });
/* unused harmony export normaliseName */
/** Metric names we recognise, after normalisation (lowercase, separators → `_`, `eval_`/`test_`/`val_` kept apart). */
const BASE_NAMES = new Set([
    'accuracy',
    'acc',
    'balanced_accuracy',
    'f1',
    'f1_score',
    'macro_f1',
    'micro_f1',
    'weighted_f1',
    'precision',
    'recall',
    'auc',
    'roc_auc',
    'auroc',
    'pr_auc',
    'average_precision',
    'log_loss',
    'logloss',
    'loss',
    'mse',
    'rmse',
    'mae',
    'mape',
    'r2',
    'r2_score',
    'perplexity',
    'bleu',
    'rouge1',
    'rouge2',
    'rougel',
    'rouge_l',
    'exact_match',
    'wer',
    'cer',
    'mean_iou',
    'map',
    'top1',
    'top5',
    'selection_rate',
    'true_positive_rate',
    'false_positive_rate',
    'false_negative_rate',
    'demographic_parity_difference',
    'demographic_parity_ratio',
    'equalized_odds_difference',
    'equalized_odds_ratio',
    'equal_opportunity_difference',
    'disparate_impact',
    'statistical_parity_difference',
    'average_odds_difference',
    'theil_index',
    'mean_difference'
]);
const PREFIXES = ['eval_', 'test_', 'val_', 'valid_', 'validation_', 'train_', 'final_', 'best_'];
/** Fairness metrics that measure a gap directly (0 is parity) and ratios (1 is parity). */
const GAP_METRICS = new Set([
    'demographic_parity_difference',
    'equalized_odds_difference',
    'equal_opportunity_difference',
    'statistical_parity_difference',
    'average_odds_difference',
    'mean_difference'
]);
const RATIO_METRICS = new Set(['disparate_impact', 'demographic_parity_ratio', 'equalized_odds_ratio']);
/** Metrics where lower is better. */
const LOWER_IS_BETTER = /(loss|mse|rmse|mae|mape|perplexity|wer|cer|error|false_)/;
/** Index names of a per-group table that are protected attributes. */
const PROTECTED_INDEX = /^(sex|gender|race|ethnicity|ethnic_group|age|age_group|age_cat|age_bucket|religion|marital_status|nationality|national_origin|native_country|disability|sexual_orientation|group|sensitive_feature_\d+|subgroup)$/i;
/** Row labels that name groups of people. */
const DEMOGRAPHIC_LABEL = /^(male|female|men|women|man|woman|non-binary|other|white|black|asian|hispanic|latino|latina|caucasian|african[- ]american|native american|amer-indian-eskimo|asian-pac-islander|privileged|unprivileged|young|old|senior|[<>]=?\s?\d{1,3}|\d{1,3}\s?[-–]\s?\d{1,3}|\d{1,3}\+)$/i;
/** Longest line we look at for metrics; longer ones are data, not a printed score. */
const MAX_LINE = 2_000;
/** Metrics kept per file: a notebook that prints thousands of numbers is not giving a headline. */
const MAX_METRICS = 2_000;
function normaliseName(raw) {
    const name = raw
        .trim()
        .toLowerCase()
        .replace(/[\s\-./]+/g, '_')
        .replace(/[^a-z0-9_@]/g, '')
        .replace(/_+/g, '_')
        .replace(/^_|_$/g, '');
    if (name === '' || name.length > 60)
        return null;
    if (BASE_NAMES.has(name))
        return canonical(name);
    for (const p of PREFIXES)
        if (name.startsWith(p) && BASE_NAMES.has(name.slice(p.length)))
            return name;
    return null;
}
function canonical(name) {
    if (name === 'acc')
        return 'accuracy';
    if (name === 'f1_score')
        return 'f1';
    if (name === 'r2_score')
        return 'r2';
    if (name === 'logloss')
        return 'log_loss';
    if (name === 'auroc')
        return 'roc_auc';
    return name;
}
const lowerIsBetter = (name) => LOWER_IS_BETTER.test(name);
function number(raw) {
    const percent = raw.endsWith('%');
    const value = Number(percent ? raw.slice(0, -1) : raw);
    if (!Number.isFinite(value))
        return null;
    return percent ? value / 100 : value;
}
// `name: 0.91`, `name = 0.91`, `'name': 0.91`, `name 0.91` (one space, after a known name only)
const PAIR = /(["']?)([A-Za-z][A-Za-z0-9 _\-./@]{0,58}?)\1\s{0,4}(?:[:=]|\bis\b)\s{0,4}(-?\d{1,12}(?:\.\d{1,12})?(?:[eE][-+]?\d{1,3})?%?)(?![\d.])/g;
const NUMBER = /^-?\d{1,12}(?:\.\d{1,12})?(?:[eE][-+]?\d{1,3})?%?$/;
const NOT_A_SCORE = /\b(threshold|corresponding|index|epoch|step|iteration|number|count|rank|seed|size|at)\b/i;
/** `name: value` pairs on one line. */
function pairsOnLine(text) {
    const out = [];
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
        // the name is the last words before the separator: "Test set accuracy" → accuracy, "eval_loss" → eval_loss
        // "Threshold corresponding to best accuracy: 0.19" and "epoch of best f1: 3" name something else
        if (NOT_A_SCORE.test(m[2]))
            continue;
        const words = m[2].trim().split(/\s+/);
        let name = null;
        for (let take = Math.min(3, words.length); take >= 1 && !name; take--)
            name = normaliseName(words.slice(words.length - take).join('_'));
        const value = number(m[3]);
        if (name && value !== null)
            out.push({ name, value });
    }
    return out;
}
/** Splits a table row on runs of two or more spaces (pandas and sklearn pad with spaces). */
function cells(line) {
    return line
        .trim()
        .split(/\s{2,}|\t/)
        .filter((c) => c !== '');
}
/**
 * A table printed as text: a header of metric names, then rows of a label and one number per column. Covers
 * classification_report and DataFrames of metrics per group (MetricFrame.by_group, groupby().mean()).
 */
function tableMetrics(lines, cell) {
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const header = cells(lines[i].text);
        if (header.length === 0 || header.length > 20)
            continue;
        const names = header.map((h) => (h === 'f1-score' ? 'f1' : h === 'support' ? 'support' : normaliseName(h)));
        const metricCols = names.filter((n) => n && n !== 'support').length;
        if (metricCols === 0 || names.some((n) => n === null))
            continue;
        const isReport = header.includes('support') && header.includes('precision');
        let j = i + 1;
        // pandas prints the index name on its own line under the header: `sex`
        let indexName = null;
        if (j < lines.length && cells(lines[j].text).length === 1 && !NUMBER.test(cells(lines[j].text)[0])) {
            indexName = cells(lines[j].text)[0];
            j++;
        }
        const rows = [];
        for (; j < lines.length; j++) {
            const row = cells(lines[j].text);
            if (row.length === 0) {
                if (isReport)
                    continue;
                break;
            }
            const values = row.slice(1);
            if (!values.every((v) => NUMBER.test(v)))
                break;
            const label = row[0];
            if (isReport && (label === 'accuracy' || label === 'micro avg') && values.length >= 1) {
                const v = number(values[values.length - 2] ?? values[0]);
                if (v !== null)
                    rows.push(metric('accuracy', null, null, v, lines[j].line, cell));
                continue;
            }
            if (values.length !== names.length)
                break;
            const group = isReport && !label.endsWith(' avg') ? `class ${label}` : label;
            names.forEach((n, k) => {
                if (!n || n === 'support')
                    return;
                const v = number(values[k]);
                if (v !== null)
                    rows.push(metric(n, group, 'class', v, lines[j].line, cell));
            });
        }
        if (rows.length > 0) {
            // rows are groups of people when the index is a protected attribute or the labels name such groups;
            // otherwise (models, folds, classes) they are compared as labels, never as a fairness gap
            const labels = [...new Set(rows.map((r) => r.group ?? ''))];
            const people = !isReport &&
                ((indexName !== null && PROTECTED_INDEX.test(indexName)) ||
                    labels.filter((l) => DEMOGRAPHIC_LABEL.test(l)).length * 2 >= labels.length);
            out.push(...rows.map((r) => (people && r.group !== null ? { ...r, groupKind: 'group' } : r)));
            i = j - 1;
        }
    }
    return out;
}
function metric(name, group, groupKind, value, line, cell) {
    return { name, group, groupKind, value, line, cell };
}
/** Metrics in a piece of printed text whose lines sit at `lineOf(i)` of the file. */
function textMetrics(text, lineOf, cell = null) {
    const lines = text
        .split('\n')
        .map((t, i) => ({ text: t.length > MAX_LINE ? '' : t.replace(/\r$/, ''), line: lineOf(i) }));
    const tables = tableMetrics(lines, cell);
    const inTables = new Set(tables.map((m) => m.line));
    const out = [...tables];
    for (const l of lines) {
        if (inTables.has(l.line) || l.text === '')
            continue;
        for (const p of pairsOnLine(l.text))
            out.push(metric(p.name, null, null, p.value, l.line, cell));
    }
    return out;
}
/** Every metric a notebook's outputs print, in cell order. */
function notebookMetrics(cells) {
    const out = [];
    for (const cell of cells) {
        for (const o of cell.outputs) {
            if (o.outputType === 'error' || o.text === '')
                continue;
            const at = (i) => o.textLines?.[i] ?? o.line;
            out.push(...textMetrics(o.text, at, cell.index));
            if (out.length > MAX_METRICS)
                return out.slice(0, MAX_METRICS);
        }
    }
    return out;
}
/** Whether a config file is a metrics file rather than a training config. */
function isMetricsFile(path) {
    const name = path.split('/').pop()?.toLowerCase() ?? '';
    return (/\.(json|ya?ml)$/.test(name) &&
        /(^|[_\-.])(metrics?|scores?|results?|eval(uation)?|wandb-summary|summary)([_\-.]|$)/.test(name));
}
/** Numeric leaves of a metrics file whose last key is a metric name (`eval.accuracy`, `test_f1`). */
function fileMetrics(entries) {
    const out = [];
    for (const e of entries) {
        if (typeof e.value !== 'number' || !Number.isFinite(e.value))
            continue;
        const parts = e.key.split(/\.|\[\d+\]/).filter(Boolean);
        const last = parts[parts.length - 1] ?? '';
        const name = normaliseName(last);
        if (!name)
            continue;
        // `by_group.Female.accuracy` or `groups.race=black.f1`: the key before the metric is the group
        const parent = parts.length >= 2 ? parts[parts.length - 2] : null;
        const grouped = parent !== null && parts.length >= 3 && /group|by_|slice|subgroup|segment/i.test(parts.join('.'));
        out.push(metric(name, grouped ? parent : null, grouped ? 'group' : null, e.value, e.line, null));
        if (out.length > MAX_METRICS)
            break;
    }
    return out;
}
/** The last value of each metric and group: a notebook that prints a score per epoch ends on the one that counts. */
function latest(metrics) {
    const out = new Map();
    for (const m of metrics)
        out.set(metricKey(m), m);
    return out;
}
const metricKey = (m) => m.group === null ? m.name : `${m.name} [${m.group}]`;
function format(value) {
    if (Number.isInteger(value))
        return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 0.001 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toFixed(4)));
}
function delta(before, after) {
    const d = after - before;
    if (d === 0)
        return '0';
    return `${d > 0 ? '+' : '−'}${format(Math.abs(d))}`;
}
/** Rows of the "metric · before · after · Δ" table shown per file. */
const MAX_ROWS = 25;
/** A markdown table of the metrics that changed, appeared or disappeared; null when none did. */
function metricTable(before, after) {
    const a = latest(before);
    const b = latest(after);
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    const rows = [];
    for (const key of keys) {
        const was = a.get(key);
        const now = b.get(key);
        if (was && now && was.value === now.value)
            continue;
        rows.push(`| ${key} | ${was ? format(was.value) : '—'} | ${now ? format(now.value) : '—'} | ${was && now ? delta(was.value, now.value) : ''} |`);
    }
    if (rows.length === 0)
        return null;
    const shown = rows.slice(0, MAX_ROWS);
    if (rows.length > MAX_ROWS)
        shown.push(`| … ${rows.length - MAX_ROWS} more | | | |`);
    return ['| metric | before | after | Δ |', '| --- | --- | --- | --- |', ...shown].join('\n');
}
/** Largest minus smallest value of a metric across the groups of people it was measured on. */
function groupGaps(metrics) {
    const byName = new Map();
    for (const m of latest(metrics).values()) {
        if (m.groupKind !== 'group' || m.group === null)
            continue;
        const list = byName.get(m.name) ?? [];
        list.push(m);
        byName.set(m.name, list);
    }
    const out = new Map();
    for (const [name, list] of byName) {
        if (list.length < 2)
            continue;
        const values = list.map((m) => m.value);
        out.set(name, {
            gap: Math.max(...values) - Math.min(...values),
            line: Math.min(...list.map((m) => m.line)),
            groups: list.length
        });
    }
    return out;
}


/***/ }),

/***/ 5974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H6: () => (/* binding */ alignCells),
  yj: () => (/* binding */ cellPosition),
  Z1: () => (/* binding */ diffNotebook),
  fJ: () => (/* binding */ parseNotebook)
});

// UNUSED EXPORTS: MAX_CELL_CHARS, MAX_CELL_DIFF_CHARS, MAX_CELL_DIFF_LINES, MAX_CELL_LINES, MAX_SUMMARY_CELLS, htmlTableShape, summarizeOutput

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/array.js
var array = __webpack_require__(1318);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js
var create = __webpack_require__(4112);
;// CONCATENATED MODULE: ./src/diff/json-tree.ts
// Where each value of a JSON text sits: the nodes of jsonc-parser's tree (type, offset, children; a property's
// children are its key and its value), read from text that JSON.parse already accepted. Strings are skipped with
// `indexOf` and decoded only when asked for, so a notebook's megabyte reads at memory speed, not one character at a
// time through a general scanner. Iterative: no nesting is too deep for it.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The tree of `text`, which must be valid JSON (as `JSON.parse` accepts it). */
function jsonTree(text) {
    const containers = [];
    /** for each open object: whether the next string is a key */
    const expectKey = [];
    let root = null;
    const attach = (node) => {
        const top = containers[containers.length - 1];
        if (!top)
            root ??= node;
        else if (top.type === 'array')
            top.children.push(node);
        else {
            const props = top.children;
            props[props.length - 1]?.children?.push(node);
        }
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a) {
            i++;
        }
        else if (c === 0x2c) {
            if (containers[containers.length - 1]?.type === 'object')
                expectKey[expectKey.length - 1] = true;
            i++;
        }
        else if (c === 0x7b || c === 0x5b) {
            const node = { type: c === 0x7b ? 'object' : 'array', offset: i, end: i, children: [] };
            attach(node);
            containers.push(node);
            if (c === 0x7b)
                expectKey.push(true);
            i++;
        }
        else if (c === 0x7d || c === 0x5d) {
            const node = containers.pop();
            if (node)
                node.end = i + 1;
            if (c === 0x7d)
                expectKey.pop();
            i++;
        }
        else if (c === QUOTE) {
            const end = stringEnd(text, i);
            const node = { type: 'string', offset: i, end };
            const top = containers[containers.length - 1];
            if (top?.type === 'object' && expectKey[expectKey.length - 1]) {
                ;
                top.children.push({ type: 'property', offset: i, end, children: [node] });
                expectKey[expectKey.length - 1] = false;
            }
            else
                attach(node);
            i = end;
        }
        else {
            let end = i + 1;
            while (end < n && !DELIMITER.has(text.charCodeAt(end)))
                end++;
            attach({ type: c === 0x74 || c === 0x66 ? 'boolean' : c === 0x6e ? 'null' : 'number', offset: i, end });
            i = end;
        }
    }
    if (!root)
        throw new Error('no JSON value');
    return root;
}
const DELIMITER = new Set([0x2c, 0x7d, 0x5d, 0x20, 0x0a, 0x0d, 0x09, 0x3a]);
/** Offset just past the closing quote of the string opening at `start`. */
function stringEnd(text, start) {
    let at = text.indexOf('"', start + 1);
    while (at !== -1) {
        // a quote after an odd run of backslashes is escaped
        let slashes = 0;
        while (text.charCodeAt(at - 1 - slashes) === BACKSLASH)
            slashes++;
        if (slashes % 2 === 0)
            return at + 1;
        at = text.indexOf('"', at + 1);
    }
    return text.length;
}
/** The value of a string node (escapes read); undefined for any other node. */
function jsonString(text, node) {
    if (node?.type !== 'string')
        return undefined;
    const raw = text.slice(node.offset + 1, node.end - 1);
    return raw.includes('\\') ? JSON.parse(text.slice(node.offset, node.end)) : raw;
}
/** The value node of an object's first property named `name` (as jsonc-parser's tree finds it). */
function jsonProperty(text, node, name) {
    if (!node || node.type !== 'object')
        return undefined;
    for (const prop of node.children ?? []) {
        if (jsonString(text, prop.children?.[0]) === name)
            return prop.children?.[1];
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/diff/blob.ts
var blob = __webpack_require__(4048);
// EXTERNAL MODULE: ./src/bounds.ts
var bounds = __webpack_require__(186);
// EXTERNAL MODULE: ./src/diff/json.ts
var json = __webpack_require__(941);
// EXTERNAL MODULE: ./src/diff/compact.ts + 1 modules
var compact = __webpack_require__(3903);
// EXTERNAL MODULE: ./src/diff/text-cache.ts
var text_cache = __webpack_require__(6367);
;// CONCATENATED MODULE: ./src/diff/outputs.ts

/** Characters of text quoted from one output. */
const QUOTE_CHARS = 80;
/** Outputs described per side of one cell before "… N more". */
const MAX_OUTPUTS = 4;
function firstLine(text) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const first = (lines[0] ?? '').replace(/\s+/g, ' ').trim();
    return { line: first.length > QUOTE_CHARS ? `${first.slice(0, QUOTE_CHARS - 1)}…` : first, more: lines.length - 1 };
}
function quoted(text) {
    const { line, more } = firstLine(text);
    if (line === '')
        return '(empty)';
    return `"${line}"${more > 0 ? ` (+${more} line${more === 1 ? '' : 's'})` : ''}`;
}
/** One output, one line: `stdout "Accuracy: 0.91"`, `image/png 72 KB`, `error ValueError: …`, `HTML table 5×3`. */
function describeOutput(output, baseImages) {
    if (output.outputType === 'stream')
        return `${output.summary.split(' ')[0]} ${quoted(output.text)}`;
    if (output.outputType === 'error')
        return `error ${firstLine(output.text).line}`;
    const parts = [];
    for (const image of output.images ?? []) {
        const same = baseImages ? (baseImages.has(image.digest) ? ' (same bytes)' : ' (changed)') : '';
        parts.push(`${image.mime} ${(0,blob/* formatBytes */.z3)(image.bytes)}${same}`);
    }
    if (output.table)
        parts.push(`HTML table ${output.table.rows} rows × ${output.table.columns} columns`);
    if (output.summary.includes('widget'))
        parts.push('widget');
    if (parts.length === 0 && output.text !== '')
        parts.push(`result ${quoted(output.text)}`);
    if (parts.length === 0)
        parts.push(output.summary);
    return parts.join(', ');
}
function describeSide(outputs, baseImages) {
    if (outputs.length === 0)
        return 'no output';
    const shown = outputs.slice(0, MAX_OUTPUTS).map((o) => describeOutput(o, baseImages));
    if (outputs.length > MAX_OUTPUTS)
        shown.push(`… ${outputs.length - MAX_OUTPUTS} more`);
    return shown.join('; ');
}
/** How a cell's outputs changed, for the summary line under that cell; null when they did not. */
function outputChange(before, after) {
    const baseImages = new Set((before ?? []).flatMap((o) => (o.images ?? []).map((i) => i.digest)));
    const was = before === null ? null : describeSide(before);
    const now = describeSide(after, before === null ? undefined : baseImages);
    if (was === null)
        return after.length ? `outputs: ${now}` : null;
    if (before !== null && before.length > 0 && after.length === 0)
        return `outputs cleared (were: ${was})`;
    if (before !== null && before.length === 0)
        return `new outputs: ${now}`;
    return `outputs: ${was} → ${now}`;
}

// EXTERNAL MODULE: ./src/diff/text.ts
var diff_text = __webpack_require__(1632);
;// CONCATENATED MODULE: ./src/diff/notebook.ts
// Jupyter notebooks as cells, not JSON: parse with line numbers, align base and head cells, diff sources.










/** A cell with more source lines than this is not line-diffed (nor compared for similarity). */
const MAX_CELL_LINES = 5_000;
/** Nor is one whose source is longer than this many characters. */
const MAX_CELL_CHARS = 1_000_000;
/** Lines of one cell's diff shown in `cells`. */
const MAX_CELL_DIFF_LINES = 400;
/** Characters of one cell's diff shown in `cells`. */
const MAX_CELL_DIFF_CHARS = 40_000;
/** One-line entries listed in the summary before "… and N more". */
const MAX_SUMMARY_CELLS = 60;
/** Cells whose output-only change is described one line each, under the "outputs changed" line. */
const MAX_OUTPUT_LINES = 12;
/** Cells with at least this similarity (0..1) at the same place are one modified cell. */
const MODIFIED_SIMILARITY = 0.3;
/** Largest removed×added block we pair by similarity; bigger blocks are paired by position. */
const MAX_PAIRING_MATRIX = 10_000;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Parses .ipynb text; throws on malformed JSON or nbformat < 4. */
function parseNotebook(text) {
    return parseInternal(text).notebook;
}
/**
 * Where a line of the .ipynb text sits as a reader of the notebook sees it: `cell 7, line 3` for a source line,
 * `cell 7, outputs` for a line of its outputs; null outside every cell.
 */
function cellPosition(notebook, line) {
    let owner = null;
    for (const cell of notebook.cells) {
        const at = cell.sourceLines.indexOf(line);
        if (at >= 0)
            return `cell ${cell.index + 1}, line ${at + 1}`;
        const starts = [cell.sourceLines[0] ?? Infinity, ...cell.outputs.map((o) => o.line)];
        if (Math.min(...starts) <= line)
            owner = cell;
    }
    if (!owner)
        return null;
    return owner.outputs.some((o) => o.line <= line) ? `cell ${owner.index + 1}, outputs` : `cell ${owner.index + 1}`;
}
/** The diff, the checks and the cell locations each read every notebook: it is parsed once per run. */
const parses = new text_cache/* TextCache */.S();
function parseInternal(text) {
    const result = parses.get(text, (t) => {
        try {
            return parseUncached(t);
        }
        catch (error) {
            return error instanceof Error ? error : new Error(String(error));
        }
    });
    if (result instanceof Error)
        throw result;
    return result;
}
function parseUncached(text) {
    let data;
    // nbformat reads NaN and Infinity (pandas writes them into outputs): so do we, offsets unchanged
    const standard = (0,json/* standardJson */.u)(text).text;
    try {
        data = JSON.parse(standard);
    }
    catch (error) {
        throw new Error(`not valid JSON: ${error.message}`, { cause: error });
    }
    if (!isObject(data))
        throw new Error('not a Jupyter notebook: the top level is not a JSON object');
    const nbformat = data.nbformat;
    if (typeof nbformat !== 'number')
        throw new Error('not a Jupyter notebook: no numeric "nbformat" field');
    if (nbformat < 4)
        throw new Error(`nbformat ${nbformat} notebooks are not supported (only nbformat 4)`);
    if (!Array.isArray(data.cells))
        throw new Error('not a Jupyter notebook: no "cells" array');
    if (data.cells.length > bounds/* MAX_NOTEBOOK_CELLS */.vT) {
        throw new Error(`${data.cells.length} cells, over the ${bounds/* MAX_NOTEBOOK_CELLS */.vT} analysed per notebook`);
    }
    // JSON.parse gave the values; the tree gives where they sit in the text.
    const root = jsonTree(standard);
    const property = (node, name) => jsonProperty(standard, node, name);
    const lines = new diff_text/* LineIndex */.rr(text);
    const cellNodes = property(root, 'cells')?.children ?? [];
    const cells = [];
    const fingerprints = [];
    data.cells.forEach((raw, index) => {
        const cell = isObject(raw) ? raw : {};
        const node = cellNodes[index];
        const lineOfNode = (n, fallback) => (n ? lines.lineOf(n.offset) : fallback);
        const cellLine = lineOfNode(node, 1);
        const { source, sourceLines } = readSource(cell.source, property(node, 'source'), lines, cellLine);
        const outputNodes = property(node, 'outputs')?.children ?? [];
        const rawOutputs = Array.isArray(cell.outputs) ? cell.outputs : [];
        const outputs = rawOutputs.map((output, i) => {
            const summary = summarizeOutput(output, lineOfNode(outputNodes[i], cellLine));
            const textLines = outputTextLines(output, outputNodes[i], summary, lines, standard);
            return textLines ? { ...summary, textLines } : summary;
        });
        const cellType = cell.cell_type;
        cells.push({
            index,
            ...(typeof cell.id === 'string' && cell.id !== '' ? { id: cell.id } : {}),
            type: cellType === 'markdown' ? cellType : cellType === 'code' && !otherLanguage(cell) ? cellType : 'raw',
            source,
            sourceLines,
            executionCount: typeof cell.execution_count === 'number' ? cell.execution_count : null,
            outputs
        });
        fingerprints.push(fingerprint(cell, rawOutputs));
    });
    return {
        notebook: { nbformat, cells },
        fingerprints,
        metadata: JSON.stringify(data.metadata ?? null)
    };
}
/**
 * A code cell VS Code keeps in another language than the kernel's (`metadata.vscode.languageId`: plaintext, SQL,
 * shell): the kernel does not run it as Python, so it is read as nbformat's raw cell, text that is not run.
 */
function otherLanguage(cell) {
    const meta = cell.metadata;
    const vscode = isObject(meta) ? meta.vscode : undefined;
    const language = isObject(vscode) ? vscode.languageId : undefined;
    return typeof language === 'string' && language !== '' && !/^(python|ipython\d*)$/i.test(language);
}
/** Joins nbformat's "multiline string" (a string or an array of strings). */
function joinText(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map((part) => (typeof part === 'string' ? part : '')).join('');
    return '';
}
/** The source and, for each of its lines, the .ipynb line of the JSON string it starts in. */
function readSource(value, node, lines, cellLine) {
    const fallbackLine = node ? lines.lineOf(node.offset) : cellLine;
    const parts = [];
    if (typeof value === 'string')
        parts.push({ text: value, line: fallbackLine });
    else if (Array.isArray(value)) {
        value.forEach((part, i) => {
            const partNode = node?.children?.[i];
            parts.push({
                text: typeof part === 'string' ? part : '',
                line: partNode ? lines.lineOf(partNode.offset) : fallbackLine
            });
        });
    }
    const sourceLines = [];
    let lineStartPending = true;
    let lastLine = fallbackLine;
    for (const { text, line } of parts) {
        if (text === '')
            continue;
        lastLine = line;
        if (lineStartPending) {
            sourceLines.push(line);
            lineStartPending = false;
        }
        let at = text.indexOf('\n');
        while (at !== -1) {
            if (at + 1 < text.length)
                sourceLines.push(line);
            else
                lineStartPending = true;
            at = text.indexOf('\n', at + 1);
        }
    }
    if (lineStartPending)
        sourceLines.push(lastLine);
    return { source: parts.map((p) => p.text).join(''), sourceLines };
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function countLines(text) {
    if (text === '')
        return 0;
    const parts = text.split('\n');
    return parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
}
function oneLine(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
/** One-line description of an output; the data itself never leaves this function except as plain text. */
function summarizeOutput(raw, line) {
    const output = isObject(raw) ? raw : {};
    const outputType = typeof output.output_type === 'string' ? output.output_type : 'unknown';
    if (outputType === 'stream') {
        const text = joinText(output.text);
        const name = typeof output.name === 'string' ? output.name : 'stream';
        return { summary: `${name} ${plural(countLines(text), 'line')}`, outputType, text, line };
    }
    if (outputType === 'error') {
        const ename = typeof output.ename === 'string' ? output.ename : 'Error';
        const evalue = typeof output.evalue === 'string' ? output.evalue : '';
        const text = evalue ? `${ename}: ${evalue}` : ename;
        return { summary: `error ${oneLine(text)}`, outputType, text, line };
    }
    if (outputType === 'execute_result' || outputType === 'display_data') {
        const data = isObject(output.data) ? output.data : {};
        const parts = [];
        const images = [];
        let table;
        for (const [mime, value] of Object.entries(data)) {
            if (mime === 'text/plain')
                continue;
            parts.push(describeMime(mime, value));
            if (mime.startsWith('image/') && !mime.includes('svg')) {
                const text = typeof value === 'string' || Array.isArray(value) ? joinText(value) : '';
                images.push({ mime, bytes: (0,blob/* base64Bytes */.f5)(text), digest: imageDigest(text) });
            }
            if (mime === 'text/html' && !table) {
                const shape = htmlTableShape(typeof value === 'string' || Array.isArray(value) ? joinText(value) : '');
                if (shape)
                    table = shape;
            }
        }
        const text = joinText(data['text/plain']);
        if ('text/plain' in data)
            parts.push(`text/plain ${plural(countLines(text), 'line')}`);
        return {
            summary: parts.join(', ') || `${outputType} (empty)`,
            outputType,
            text,
            line,
            ...(images.length ? { images } : {}),
            ...(table ? { table } : {})
        };
    }
    return { summary: outputType, outputType, text: '', line };
}
/** Where each line of an output's text sits in the file: one line per element of a list of lines, as Jupyter writes. */
function outputTextLines(raw, node, summary, lines, json) {
    const property = (n, name) => jsonProperty(json, n, name);
    if (!node || !isObject(raw) || summary.text === '')
        return undefined;
    const textNode = summary.outputType === 'stream'
        ? property(node, 'text')
        : summary.outputType === 'error'
            ? property(node, 'evalue')
            : property(property(node, 'data'), 'text/plain');
    if (!textNode)
        return undefined;
    const count = countLines(summary.text) || 1;
    if (textNode.type === 'string')
        return Array.from({ length: count }, () => lines.lineOf(textNode.offset));
    const elements = textNode.children ?? [];
    const out = [];
    for (const element of elements) {
        const value = jsonString(json, element) ?? '';
        const at = lines.lineOf(element.offset);
        // an element holding several lines puts them all on its own line of the file
        const inside = Math.max(1, value.split('\n').length - (value.endsWith('\n') ? 1 : 0));
        for (let i = 0; i < inside; i++)
            out.push(at);
    }
    while (out.length < count)
        out.push(out[out.length - 1] ?? lines.lineOf(textNode.offset));
    return out.slice(0, count);
}
/** Rows and columns of the first `<table>` of an HTML output (a displayed DataFrame). */
function htmlTableShape(html) {
    const start = html.search(/<table/i);
    if (start < 0)
        return null;
    const end = html.indexOf('</table>', start);
    const table = html.slice(start, end < 0 ? undefined : end);
    const body = table.slice(Math.max(0, table.search(/<tbody/i)));
    const rows = body.match(/<tr[\s>]/gi) ?? [];
    const firstRow = /<tr[\s>][\s\S]*?<\/tr>/i.exec(body)?.[0] ?? '';
    const columns = (firstRow.match(/<td[\s>]/gi) ?? []).length;
    return { rows: rows.length, columns };
}
function imageDigest(text) {
    const compacted = /sha1 ([0-9a-f]{40})\]$/.exec(text);
    if (compacted && compact/* COMPACTED_BLOB */.ng.test(text))
        return compacted[1];
    return (0,external_node_crypto_.createHash)('sha1').update(text.replace(/\s+/g, '')).digest('hex');
}
function describeMime(mime, value) {
    if (mime.includes('widget-view'))
        return `${mime} widget`;
    const text = typeof value === 'string' || Array.isArray(value) ? joinText(value) : JSON.stringify(value);
    if (mime.startsWith('image/') && !mime.includes('svg'))
        return `${mime} ${(0,blob/* formatBytes */.z3)((0,blob/* base64Bytes */.f5)(text))}`;
    if (mime === 'text/html') {
        if (/<table/i.test(text))
            return 'text/html table';
        if (/<img/i.test(text))
            return 'text/html image';
        return `text/html ${(0,blob/* formatBytes */.z3)(text.length)}`;
    }
    return `${mime} ${(0,blob/* formatBytes */.z3)(text.length)}`;
}
function fingerprint(cell, outputs) {
    const counts = [cell.execution_count ?? null];
    const stripped = outputs.map((output) => {
        if (!isObject(output) || !('execution_count' in output))
            return output;
        const { execution_count: count, ...rest } = output;
        counts.push(count ?? null);
        return rest;
    });
    return {
        outputs: JSON.stringify(stripped),
        executionCounts: JSON.stringify(counts),
        metadata: JSON.stringify(cell.metadata ?? null)
    };
}
const cellKey = (cell) => `${cell.type}\u0000${cell.source}`;
const isHuge = (cell) => cell.source.length > MAX_CELL_CHARS || cell.sourceLines.length > MAX_CELL_LINES;
/** Pairs base and head cells: by id when both sides carry the same ids, else by sequence alignment of sources. */
function alignCells(base, head) {
    return usableIds(base, head) ? alignById(base, head) : alignBySource(base, head);
}
function usableIds(base, head) {
    if (base.length === 0 || head.length === 0)
        return false;
    const ids = (cells) => {
        const set = new Set();
        for (const cell of cells) {
            if (!cell.id || set.has(cell.id))
                return null;
            set.add(cell.id);
        }
        return set;
    };
    const baseIds = ids(base);
    const headIds = ids(head);
    if (!baseIds || !headIds)
        return false;
    let shared = 0;
    for (const id of headIds)
        if (baseIds.has(id))
            shared++;
    // Regenerated ids (a tool rewrote them all) would make every cell look new.
    return shared * 2 >= Math.min(base.length, head.length);
}
function alignById(base, head) {
    const baseById = new Map(base.map((cell) => [cell.id, cell.index]));
    const matched = head
        .map((cell) => ({ head: cell.index, base: baseById.get(cell.id) }))
        .filter((m) => m.base !== undefined);
    const inOrder = longestIncreasing(matched.map((m) => m.base));
    const stayed = new Set(inOrder.map((i) => matched[i].head));
    const pairs = [];
    const baseUsed = new Set(matched.map((m) => m.base));
    const headUsed = new Set(matched.map((m) => m.head));
    for (const m of matched) {
        const changed = base[m.base].source !== head[m.head].source;
        if (stayed.has(m.head))
            pairs.push({ kind: changed ? 'modified' : 'same', base: m.base, head: m.head });
        else
            pairs.push({ kind: 'moved', base: m.base, head: m.head, modified: changed });
    }
    const removed = base.filter((c) => !baseUsed.has(c.index)).map((c) => c.index);
    const added = head.filter((c) => !headUsed.has(c.index)).map((c) => c.index);
    // Cells whose id changed are paired like a source run.
    pairs.push(...pairRun(base, head, removed, added));
    return sortPairings(pairs);
}
function alignBySource(base, head) {
    const changes = (0,array/* diffArrays */.E)(base.map(cellKey), head.map(cellKey));
    const pairs = [];
    // Each run of removed/added cells between unchanged anchors is paired on its own.
    const runs = [];
    let run = { removed: [], added: [] };
    let b = 0;
    let h = 0;
    for (const change of changes) {
        if (change.removed)
            for (let i = 0; i < change.count; i++)
                run.removed.push(b++);
        else if (change.added)
            for (let i = 0; i < change.count; i++)
                run.added.push(h++);
        else {
            if (run.removed.length || run.added.length)
                runs.push(run);
            run = { removed: [], added: [] };
            for (let i = 0; i < change.count; i++)
                pairs.push({ kind: 'same', base: b++, head: h++ });
        }
    }
    if (run.removed.length || run.added.length)
        runs.push(run);
    // Identical cells that left one place and appeared in another were moved, not rewritten.
    const moves = findMoves(base, head, runs.flatMap((r) => r.removed), runs.flatMap((r) => r.added));
    const movedBase = new Set(moves.map((m) => m.base));
    const movedHead = new Set(moves.map((m) => m.head));
    for (const m of moves)
        pairs.push({ kind: 'moved', base: m.base, head: m.head, modified: false });
    for (const r of runs) {
        const removed = r.removed.filter((i) => !movedBase.has(i));
        const added = r.added.filter((i) => !movedHead.has(i));
        pairs.push(...pairRun(base, head, removed, added));
    }
    return sortPairings(pairs);
}
/** Removed and added cells with identical, non-blank source elsewhere in the notebook were moved. */
function findMoves(base, head, removed, added) {
    const byKey = new Map();
    for (const b of removed) {
        if (base[b].source.trim() === '')
            continue;
        const key = cellKey(base[b]);
        const list = byKey.get(key);
        if (list)
            list.push(b);
        else
            byKey.set(key, [b]);
    }
    const moves = [];
    for (const h of added) {
        const b = byKey.get(cellKey(head[h]))?.shift();
        if (b !== undefined)
            moves.push({ base: b, head: h });
    }
    return moves;
}
/** Pairs one block of removed and added cells: order-preserving, by similarity, same cell type. */
function pairRun(base, head, removed, added) {
    const out = [];
    if (removed.length === 0 || added.length === 0) {
        for (const b of removed)
            out.push({ kind: 'removed', base: b });
        for (const h of added)
            out.push({ kind: 'added', head: h });
        return out;
    }
    const n = removed.length;
    const m = added.length;
    const matchedPairs = [];
    if (n * m > MAX_PAIRING_MATRIX) {
        // Too big to score every pair: pair by position where the types agree.
        for (let i = 0; i < Math.min(n, m); i++) {
            if (base[removed[i]].type === head[added[i]].type)
                matchedPairs.push([i, i]);
        }
    }
    else {
        const baseTokens = removed.map((b) => tokenCounts(base[b]));
        const headTokens = added.map((h) => tokenCounts(head[h]));
        const score = (i, j) => {
            if (base[removed[i]].type !== head[added[j]].type)
                return 0;
            const s = similarity(baseTokens[i], headTokens[j]);
            // A one-for-one replacement at the same place is a modification unless nothing survived.
            const threshold = n === 1 && m === 1 ? 0.1 : MODIFIED_SIMILARITY;
            return s >= threshold ? s : 0;
        };
        // Max-weight order-preserving matching (weighted LCS).
        const dp = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
        const scores = Array.from({ length: n }, () => new Float64Array(m));
        for (let i = 1; i <= n; i++) {
            for (let j = 1; j <= m; j++) {
                const s = score(i - 1, j - 1);
                scores[i - 1][j - 1] = s;
                dp[i][j] = Math.max(dp[i - 1][j], dp[i][j - 1], s > 0 ? dp[i - 1][j - 1] + s : 0);
            }
        }
        let i = n;
        let j = m;
        while (i > 0 && j > 0) {
            const s = scores[i - 1][j - 1];
            if (s > 0 && dp[i][j] === dp[i - 1][j - 1] + s) {
                matchedPairs.push([i - 1, j - 1]);
                i--;
                j--;
            }
            else if (dp[i][j] === dp[i - 1][j])
                i--;
            else
                j--;
        }
    }
    const usedBase = new Set(matchedPairs.map(([i]) => i));
    const usedHead = new Set(matchedPairs.map(([, j]) => j));
    for (const [i, j] of matchedPairs) {
        const same = base[removed[i]].source === head[added[j]].source;
        out.push({ kind: same ? 'same' : 'modified', base: removed[i], head: added[j] });
    }
    removed.forEach((b, i) => usedBase.has(i) || out.push({ kind: 'removed', base: b }));
    added.forEach((h, j) => usedHead.has(j) || out.push({ kind: 'added', head: h }));
    return out;
}
function tokenCounts(cell) {
    const counts = new Map();
    if (isHuge(cell))
        return counts;
    for (const token of cell.source.match(/[A-Za-z0-9_]+|[^\sA-Za-z0-9_]/g) ?? []) {
        counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    return counts;
}
/** Dice coefficient of two token multisets. */
function similarity(a, b) {
    let sizeA = 0;
    let sizeB = 0;
    let common = 0;
    for (const count of a.values())
        sizeA += count;
    for (const [token, count] of b) {
        sizeB += count;
        common += Math.min(count, a.get(token) ?? 0);
    }
    if (sizeA === 0 && sizeB === 0)
        return 1;
    return (2 * common) / (sizeA + sizeB);
}
/** Indices (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values) {
    const tails = [];
    const previous = new Array(values.length).fill(-1);
    for (let i = 0; i < values.length; i++) {
        let lo = 0;
        let hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (values[tails[mid]] < values[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0)
            previous[i] = tails[lo - 1];
        tails[lo] = i;
    }
    const result = [];
    for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i])
        result.push(i);
    return result.reverse();
}
/** Head order; removed cells sit just before the head cell that followed them in the base. */
function sortPairings(pairs) {
    const headSide = pairs
        .filter((p) => p.kind !== 'removed')
        .sort((a, b) => a.head - b.head);
    const removed = pairs
        .filter((p) => p.kind === 'removed')
        .sort((a, b) => a.base - b.base);
    const result = [];
    let next = 0;
    for (const p of headSide) {
        if (p.kind === 'same' || p.kind === 'modified') {
            while (next < removed.length && removed[next].base < p.base)
                result.push(removed[next++]);
        }
        result.push(p);
    }
    while (next < removed.length)
        result.push(removed[next++]);
    return result;
}
// ---------------------------------------------------------------------------------------------
// Diff
/** Review-friendly diff of a notebook: changed cells with source diffs; output/metadata churn in one line each. */
function diffNotebook(path, before, after) {
    const notes = [];
    const base = tryParse(before, 'before', notes);
    const head = tryParse(after, 'after', notes);
    if (base === 'failed' || head === 'failed')
        return textFallback(path, before, after, base, head, notes);
    if (!base && !head)
        return { path, kind: 'notebook', summary: 'No notebook content on either side.', changedLines: [], notes };
    if (!head)
        return deletedNotebook(path, base, notes);
    const baseCells = base ? base.notebook.cells : [];
    const headCells = head.notebook.cells;
    const pairs = alignCells(baseCells, headCells);
    const lines = [];
    const blocks = [];
    const changedLines = new Set();
    const counts = { added: 0, removed: 0, moved: 0, modified: 0 };
    const outputsChanged = [];
    const outputsCleared = [];
    const countsChanged = [];
    const metadataChanged = [];
    const outputLines = [];
    for (const pair of pairs) {
        if (pair.kind === 'added') {
            counts.added++;
            const cell = headCells[pair.head];
            lines.push(`- ${cellLabel(cell)} added: ${plural(cell.source === '' ? 0 : cell.sourceLines.length, 'line')} (line ${cell.sourceLines[0]})`);
            const shown = outputChange(null, cell.outputs);
            if (shown)
                lines.push(`  - ${shown}`);
            blocks.push(cellBlock(`${cellLabel(cell)} added`, null, cell, changedLines, notes));
            continue;
        }
        if (pair.kind === 'removed') {
            counts.removed++;
            const cell = baseCells[pair.base];
            lines.push(`- ${cellLabel(cell)} removed (base numbering): ${plural(cell.source === '' ? 0 : cell.sourceLines.length, 'line')}`);
            if (base)
                blocks.push(cellBlock(`${cellLabel(cell)} removed (base numbering)`, cell, null, changedLines, notes));
            continue;
        }
        const from = baseCells[pair.base];
        const to = headCells[pair.head];
        const sourceChanged = from.source !== to.source || from.type !== to.type;
        const baseFp = base.fingerprints[pair.base];
        const headFp = head.fingerprints[pair.head];
        const outputsDiffer = baseFp.outputs !== headFp.outputs;
        if (pair.kind === 'moved') {
            counts.moved++;
            const how = sourceChanged ? ' and modified' : '';
            lines.push(`- ${cellLabel(to)} moved from cell ${from.index + 1}${how} (line ${to.sourceLines[0]})`);
            if (sourceChanged)
                blocks.push(cellBlock(`${cellLabel(to)} moved from cell ${from.index + 1}, modified`, from, to, changedLines, notes));
            continue;
        }
        if (sourceChanged) {
            counts.modified++;
            const { added, removed } = lineCounts(from.source, to.source);
            const typeChange = from.type !== to.type ? `, was ${from.type}` : '';
            const outputs = outputsDiffer ? ', outputs changed' : '';
            lines.push(`- ${cellLabel(to)} modified: +${added} −${removed} lines${typeChange}${outputs} (line ${to.sourceLines[0]})`);
            const change = outputsDiffer ? outputChange(from.outputs, to.outputs) : null;
            if (change)
                lines.push(`  - ${change}`);
            blocks.push(cellBlock(`${cellLabel(to)} modified`, from, to, changedLines, notes));
            continue;
        }
        if (outputsDiffer) {
            if (to.outputs.length === 0)
                outputsCleared.push(to.index + 1);
            else
                outputsChanged.push(to.index + 1);
            const change = outputChange(from.outputs, to.outputs);
            if (change)
                outputLines.push(`  - cell ${to.index + 1}: ${change}`);
        }
        else if (baseFp.executionCounts !== headFp.executionCounts)
            countsChanged.push(to.index + 1);
        if (baseFp.metadata !== headFp.metadata)
            metadataChanged.push(to.index + 1);
    }
    const total = outputsChanged.length + outputsCleared.length;
    if (total > 0) {
        const cleared = outputsCleared.length ? `; cleared in ${outputsCleared.length}` : '';
        lines.push(`- outputs changed in ${plural(total, 'cell')} (no source change${cleared}): ${cellList([...outputsChanged, ...outputsCleared])}`);
        lines.push(...outputLines.slice(0, MAX_OUTPUT_LINES));
        if (outputLines.length > MAX_OUTPUT_LINES)
            lines.push(`  - … and ${outputLines.length - MAX_OUTPUT_LINES} more cells`);
    }
    if (countsChanged.length)
        lines.push(`- execution counts changed in ${plural(countsChanged.length, 'cell')} (nothing else changed)`);
    if (metadataChanged.length)
        lines.push(`- cell metadata changed in ${plural(metadataChanged.length, 'cell')}: ${cellList(metadataChanged)}`);
    if (base && base.metadata !== head.metadata)
        lines.push('- notebook metadata changed (kernel, language or widget state)');
    const header = base
        ? `Notebook: ${headCells.length} cells (was ${baseCells.length}); ${counts.modified} modified, ${counts.added} added, ${counts.removed} removed, ${counts.moved} moved.`
        : `New notebook: ${headCells.length} cells (${typeCounts(headCells)}).`;
    const noSource = base && counts.added + counts.removed + counts.modified + counts.moved === 0;
    const summary = [header, ...(noSource ? ['No cell source changed.'] : []), ...capList(lines)].join('\n');
    return {
        path,
        kind: 'notebook',
        summary,
        ...(blocks.length ? { cells: blocks.join('\n\n') } : {}),
        changedLines: [...changedLines].sort((a, b) => a - b),
        notes
    };
}
function tryParse(text, side, notes) {
    if (text === null)
        return null;
    try {
        return parseInternal(text);
    }
    catch (error) {
        notes.push(`${side}: ${error.message}`);
        return 'failed';
    }
}
function cellLabel(cell) {
    return `cell ${cell.index + 1} (${cell.type})`;
}
function typeCounts(cells) {
    const code = cells.filter((c) => c.type === 'code').length;
    const markdown = cells.filter((c) => c.type === 'markdown').length;
    const raw = cells.length - code - markdown;
    return [`${code} code`, `${markdown} markdown`, ...(raw ? [`${raw} raw`] : [])].join(', ');
}
function cellList(numbers, max = 12) {
    const sorted = [...numbers].sort((a, b) => a - b);
    const shown = sorted.slice(0, max).join(', ');
    return `cells ${shown}${sorted.length > max ? `, … (${sorted.length - max} more)` : ''}`;
}
function capList(lines) {
    if (lines.length <= MAX_SUMMARY_CELLS)
        return lines;
    return [...lines.slice(0, MAX_SUMMARY_CELLS), `- … and ${lines.length - MAX_SUMMARY_CELLS} more`];
}
function lineCounts(before, after) {
    if (before.length + after.length > 2 * MAX_CELL_CHARS)
        return { added: countLines(after), removed: countLines(before) };
    const patch = (0,create/* structuredPatch */.YB)('', '', before, after, undefined, undefined, {
        context: 0,
        maxEditLength: MAX_CELL_LINES
    });
    if (!patch)
        return { added: countLines(after), removed: countLines(before) };
    let added = 0;
    let removed = 0;
    for (const hunk of patch.hunks) {
        for (const line of hunk.lines) {
            if (line.startsWith('+'))
                added++;
            else if (line.startsWith('-'))
                removed++;
        }
    }
    return { added, removed };
}
/** `#### cell N (type) …` and a fenced unified diff of the cell source; records head lines that changed. */
function cellBlock(title, from, to, changedLines, notes) {
    const line = to ? ` — line ${to.sourceLines[0]}` : '';
    const heading = `#### ${title}${line}`;
    const huge = (from && isHuge(from)) || (to && isHuge(to));
    if (huge) {
        const size = Math.max(from?.sourceLines.length ?? 0, to?.sourceLines.length ?? 0);
        notes.push(`${title}: source too large to diff (${size} lines); reported as changed without a line diff`);
        return `${heading}\n(source too large to diff: ${size} lines)`;
    }
    const oldSource = from ? (0,blob/* omitBlobs */.eC)(from.source) : '';
    const newSource = to ? (0,blob/* omitBlobs */.eC)(to.source) : '';
    const body = [];
    if (!from || !to) {
        // A whole cell added or removed: every line is one side.
        const cell = (to ?? from);
        const sign = to ? '+' : '-';
        const text = to ? newSource : oldSource;
        const sourceLines = text === '' ? [] : text.split('\n');
        if (sourceLines.length > 1 && sourceLines[sourceLines.length - 1] === '')
            sourceLines.pop();
        body.push(`@@ ${sign}1,${sourceLines.length} @@`);
        sourceLines.forEach((l, i) => {
            body.push(sign + l);
            if (to)
                changedLines.add(cell.sourceLines[i]);
        });
    }
    else {
        const patch = (0,create/* structuredPatch */.YB)('', '', ensureNewline(oldSource), ensureNewline(newSource), undefined, undefined, {
            context: 3,
            maxEditLength: MAX_CELL_LINES
        });
        if (!patch) {
            notes.push(`${title}: too many changed lines to diff; reported as changed`);
            return `${heading}\n(too many changed lines to diff)`;
        }
        for (const hunk of patch.hunks) {
            body.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
            let headLine = hunk.newStart;
            for (const l of hunk.lines) {
                if (l.startsWith('\\'))
                    continue;
                body.push(l);
                if (l.startsWith('+'))
                    changedLines.add(to.sourceLines[headLine - 1] ?? to.sourceLines[to.sourceLines.length - 1]);
                if (!l.startsWith('-'))
                    headLine++;
            }
        }
    }
    const shown = body.slice(0, MAX_CELL_DIFF_LINES).join('\n') + '\n';
    const more = body.length > MAX_CELL_DIFF_LINES ? `… ${body.length - MAX_CELL_DIFF_LINES} more diff lines not shown\n` : '';
    return `${heading}\n${(0,blob/* fenced */.OF)((0,diff_text/* truncateLines */.SV)(shown, MAX_CELL_DIFF_CHARS) + more, 'diff')}`;
}
function ensureNewline(text) {
    return text === '' || text.endsWith('\n') ? text : text + '\n';
}
function deletedNotebook(path, base, notes) {
    const cells = base.notebook.cells;
    const lines = cells.map((cell) => `- ${cellLabel(cell)} removed: ${plural(cell.source === '' ? 0 : cell.sourceLines.length, 'line')}`);
    const summary = [`Notebook deleted: it had ${cells.length} cells (${typeCounts(cells)}).`, ...capList(lines)].join('\n');
    return { path, kind: 'notebook', summary, changedLines: [], notes };
}
/** When a side is not a readable notebook: a size-capped text diff with binary data left out. */
function textFallback(path, before, after, base, head, notes) {
    const oldText = before === null ? null : (0,blob/* omitBlobs */.eC)(before);
    const newText = after === null ? null : (0,blob/* omitBlobs */.eC)(after);
    const failed = [base === 'failed' ? 'before' : '', head === 'failed' ? 'after' : ''].filter(Boolean).join(' and ');
    notes.push(`${failed} could not be read as a notebook: compared as text (base64 data left out)`);
    const headCells = head && head !== 'failed' ? ` The head notebook has ${head.notebook.cells.length} cells.` : '';
    return {
        path,
        kind: 'notebook',
        summary: `Compared as text: ${failed} is not a readable notebook.${headCells}`,
        patch: (0,diff_text/* unifiedDiff */.WH)(path, oldText, newText),
        changedLines: (0,diff_text/* changedHeadLines */.mI)(oldText, newText),
        notes
    };
}


/***/ }),

/***/ 1632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SV: () => (/* binding */ truncateLines),
/* harmony export */   WH: () => (/* binding */ unifiedDiff),
/* harmony export */   mI: () => (/* binding */ changedHeadLines),
/* harmony export */   rr: () => (/* binding */ LineIndex)
/* harmony export */ });
/* unused harmony exports MAX_DIFF_INPUT_CHARS, MAX_EDIT_LENGTH, MAX_PATCH_CHARS */
/* harmony import */ var diff__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4112);
/* harmony import */ var diff__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9493);
// Plain line diffs (jsdiff) with caps, so a huge or wildly different file never stalls the run.

/** Above this many characters (both sides together) we do not diff at all. */
const MAX_DIFF_INPUT_CHARS = 4_000_000;
/** Myers is O((N+M)·D): give up when more than this many lines differ. */
const MAX_EDIT_LENGTH = 3_000;
/** Longest patch text we return; the rest is cut at a line boundary. */
const MAX_PATCH_CHARS = 200_000;
/** Unified diff of one file (`--- a/path` / `+++ b/path`, `/dev/null` for a missing side); '' when equal. */
function unifiedDiff(path, before, after, context = 3, maxChars = MAX_PATCH_CHARS) {
    const oldText = before ?? '';
    const newText = after ?? '';
    if (oldText === newText)
        return '';
    const oldName = before === null ? '/dev/null' : `a/${path}`;
    const newName = after === null ? '/dev/null' : `b/${path}`;
    if (oldText.length + newText.length > MAX_DIFF_INPUT_CHARS) {
        return `--- ${oldName}\n+++ ${newName}\n(diff not computed: ${oldText.length + newText.length} characters is over the ${MAX_DIFF_INPUT_CHARS} limit)\n`;
    }
    // One side empty: every line is one hunk, no need for Myers (whose cost grows with the edit length).
    if (oldText === '' || newText === '')
        return truncateLines(wholeFilePatch(oldName, newName, oldText, newText), maxChars);
    const patch = (0,diff__WEBPACK_IMPORTED_MODULE_0__/* .structuredPatch */ .YB)(oldName, newName, oldText, newText, undefined, undefined, {
        context,
        maxEditLength: MAX_EDIT_LENGTH
    });
    if (!patch) {
        return `--- ${oldName}\n+++ ${newName}\n(diff not computed: more than ${MAX_EDIT_LENGTH} changed lines)\n`;
    }
    return truncateLines((0,diff__WEBPACK_IMPORTED_MODULE_0__/* .formatPatch */ .Gu)(patch, diff__WEBPACK_IMPORTED_MODULE_0__/* .FILE_HEADERS_ONLY */ .jr), maxChars);
}
/** 1-based line numbers of the head (`after`) lines that are new or changed; a final-newline change alone does not count. */
function changedHeadLines(before, after) {
    const oldText = before ?? '';
    const newText = after ?? '';
    if (oldText === newText || newText === '')
        return [];
    if (oldText === '')
        return newText
            .split('\n')
            .map((_, i) => i + 1)
            .slice(0, countLines(newText));
    if (oldText.length + newText.length > MAX_DIFF_INPUT_CHARS)
        return [];
    const changes = (0,diff__WEBPACK_IMPORTED_MODULE_1__/* .diffLines */ .Pp)(oldText, newText, { ignoreNewlineAtEof: true, maxEditLength: MAX_EDIT_LENGTH });
    if (!changes)
        return [];
    const lines = [];
    let line = 1;
    for (const change of changes) {
        if (change.removed)
            continue;
        if (change.added)
            for (let i = 0; i < change.count; i++)
                lines.push(line + i);
        line += change.count;
    }
    return lines;
}
function countLines(text) {
    if (text === '')
        return 0;
    return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}
function wholeFilePatch(oldName, newName, oldText, newText) {
    const added = oldText === '';
    const text = added ? newText : oldText;
    const n = countLines(text);
    const lines = text.split('\n').slice(0, n);
    const sign = added ? '+' : '-';
    const range = added ? `-0,0 +1,${n}` : `-1,${n} +0,0`;
    const body = lines.map((l) => sign + l).join('\n');
    const eof = text.endsWith('\n') ? '' : '\n\\ No newline at end of file';
    return `--- ${oldName}\n+++ ${newName}\n@@ ${range} @@\n${body}${eof}\n`;
}
/** Cuts `text` at the last line break before `maxChars` and says how much was left out. */
function truncateLines(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    const cut = text.lastIndexOf('\n', maxChars);
    const kept = cut > 0 ? text.slice(0, cut + 1) : text.slice(0, maxChars) + '\n';
    const dropped = text
        .slice(kept.length)
        .split('\n')
        .filter((l) => l !== '').length;
    return `${kept}… truncated: ${dropped} more lines not shown\n`;
}
/** 1-based line of any offset, by binary search over precomputed line starts. */
class LineIndex {
    starts = [0];
    constructor(text) {
        let at = text.indexOf('\n');
        while (at !== -1) {
            this.starts.push(at + 1);
            at = text.indexOf('\n', at + 1);
        }
    }
    lineOf(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
}


/***/ })

};
