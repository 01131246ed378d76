export const id = 643;
export const ids = [643];
export const modules = {

/***/ 3024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sarifText: () => (/* binding */ sarifText),
/* harmony export */   toSarif: () => (/* binding */ toSarif)
/* harmony export */ });
/* unused harmony exports SARIF_LIMITS, SARIF_SCHEMA, TOOL_NAME, FINGERPRINT, builtinRules */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1957);
/* harmony import */ var _why_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7571);
// SARIF 2.1.0 for code scanning: one run whose driver holds a rule for every built-in check and whose extension holds
// the rules of the agent's checklist items; a result per failed or warned item, at its file and line, fingerprinted
// by the item's stable id so an alert survives its line moving. Within GitHub's limits on an upload: past them the
// least severe results are left out, and the run says how many.



/** What GitHub code scanning takes in one upload (per run): results, and the gzipped size of the file. */
const SARIF_LIMITS = { maxResults: 25_000, maxGzipBytes: 10 * 1024 * 1024 };
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const TOOL_NAME = 'ML Engineering Review';
/** partialFingerprints key of the item's stable id */
const FINGERPRINT = 'mlEngineeringReviewItem/v1';
const AGENT_RULES = [
    {
        id: 'AGENT-CHECKLIST-ITEM',
        name: 'AgentChecklistItem',
        shortDescription: { text: "An item of the agent's ML Engineering Report that failed or warned" },
        fullDescription: {
            text: 'The AI ML engineer reviewed the change and marked this checklist item as failed or as a warning.'
        },
        help: { text: "Read the item and the agent's report in the pull request comment, and fix what it names." },
        defaultConfiguration: { level: 'warning' },
        properties: { tags: ['ml', 'agent'] }
    },
    {
        id: 'AGENT-BIAS-ITEM',
        name: 'AgentBiasItem',
        shortDescription: { text: "A bias or fairness item of the agent's Responsible AI checklist that failed or warned" },
        fullDescription: {
            text: 'The AI ML engineer marked a bias or fairness item of the Responsible AI checklist as failed or as a warning; a failed one blocks the merge by default.'
        },
        help: { text: 'Fix the bias item (or accept it with a reason on the pull request) before merging.' },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['ml', 'agent', 'bias', 'responsible-ai'] }
    }
];
function pascal(id) {
    return id
        .toLowerCase()
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
}
/** A rule for every built-in check, in the order of the checks. */
function builtinRules() {
    return _checks_index_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECKS */ .ui.map((c) => {
        const why = (0,_why_js__WEBPACK_IMPORTED_MODULE_2__/* .whyItMatters */ .W)(c.id);
        return {
            id: c.id,
            name: pascal(c.id),
            shortDescription: { text: c.title },
            fullDescription: { text: `Flags ${c.flags}.${why ? ` ${why}` : ''}` },
            help: { text: `Fix: ${c.fix}`, markdown: `**Fix:** ${c.fix}` },
            defaultConfiguration: { level: c.status === 'fail' ? 'error' : 'warning' },
            properties: { tags: ['ml', c.family, ...(c.bias ? ['bias'] : [])], precision: 'high' }
        };
    });
}
/** `[CHECK] title: evidence` → CHECK, for the built-in items. */
function checkOf(item) {
    return item.source === 'builtin' ? (/^\[([A-Z][A-Z0-9-]+)\]/.exec(item.text)?.[1] ?? null) : null;
}
const SEVERITY = (i) => (i.status === 'fail' ? 0 : 2) + (i.bias ? 0 : 1);
/** The SARIF log of a review, within `limits` (GitHub's by default). */
function toSarif(input, limits = SARIF_LIMITS) {
    const rules = builtinRules();
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const agentIndex = new Map(AGENT_RULES.map((r, i) => [r.id, i]));
    const results = [];
    const open = input.items.filter((i) => i.status === 'fail' || i.status === 'warn');
    // the most severe first, so what the limits leave out is the least severe
    const ordered = open
        .map((item, at) => ({ item, at }))
        .sort((a, b) => SEVERITY(a.item) - SEVERITY(b.item) || a.at - b.at);
    for (const { item } of ordered) {
        const path = item.path ?? input.files[0];
        const check = checkOf(item);
        const builtin = check !== null && ruleIndex.has(check);
        const agentRule = item.bias ? 'AGENT-BIAS-ITEM' : 'AGENT-CHECKLIST-ITEM';
        const result = {
            ...(builtin
                ? { ruleId: check, ruleIndex: ruleIndex.get(check) }
                : {
                    ruleId: agentRule,
                    rule: { id: agentRule, index: agentIndex.get(agentRule), toolComponent: { index: 0 } }
                }),
            level: item.status === 'fail' ? 'error' : 'warning',
            message: { text: item.cell ? `${item.text} (${item.cell})` : item.text },
            partialFingerprints: { [FINGERPRINT]: item.id },
            properties: { itemId: item.id, bias: item.bias, source: item.source }
        };
        if (path) {
            result.locations = [
                {
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
                        region: { startLine: item.path && item.line ? item.line : 1 }
                    }
                }
            ];
        }
        if (item.accepted) {
            result.suppressions = [
                { kind: 'external', status: 'accepted', justification: `${item.accepted.by}: ${item.accepted.reason}` }
            ];
        }
        else if (item.suppressed) {
            result.suppressions = [{ kind: 'inSource', justification: item.suppressed.reason }];
        }
        results.push(result);
    }
    const run = {
        tool: {
            driver: { name: TOOL_NAME, semanticVersion: input.version, version: input.version, rules },
            extensions: [{ name: `${TOOL_NAME} agent`, rules: AGENT_RULES }]
        },
        automationDetails: { id: 'ml-engineering-review/' },
        columnKind: 'utf16CodeUnits',
        results
    };
    return fit({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, limits);
}
function gzippedBytes(log) {
    return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(JSON.stringify(log)).length;
}
/** Leaves out the least severe results past the limits, and says so in the run's invocation. */
function fit(log, limits) {
    const run = log.runs[0];
    const all = run.results ?? [];
    let kept = Math.min(all.length, limits.maxResults);
    const withKept = (n) => {
        const notes = [];
        if (n < all.length) {
            notes.push({
                level: 'warning',
                message: {
                    text: `${all.length - n} of ${all.length} results were left out to stay within GitHub's limits on a SARIF upload (${limits.maxResults} results, ${limits.maxGzipBytes} bytes gzipped); the least severe went first. The check run and the job summary list every item.`
                }
            });
        }
        return {
            ...log,
            runs: [
                {
                    ...run,
                    results: all.slice(0, n),
                    ...(notes.length > 0
                        ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notes }] }
                        : {})
                }
            ]
        };
    };
    if (gzippedBytes(withKept(kept)) <= limits.maxGzipBytes)
        return withKept(kept);
    // the most results that fit: a binary search on the count
    let low = 0;
    let high = kept;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (gzippedBytes(withKept(mid)) <= limits.maxGzipBytes)
            low = mid;
        else
            high = mid - 1;
    }
    kept = low;
    return withKept(kept);
}
/** The text of the file: stable key order, two-space indent. */
function sarifText(log) {
    return `${JSON.stringify(log, null, 2)}\n`;
}


/***/ }),

/***/ 7571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ whyItMatters)
/* harmony export */ });
// Why each built-in finding matters, in one line: the second line of a review comment and the full description of
// its SARIF rule. A check without a line here is still published, without the why.
const WHY = {
    'DATA-FIT-BEFORE-SPLIT': 'The test rows shaped the features or the resampling, so the test score overstates how the model does on new data.',
    'DATA-PREPROCESS-BEFORE-SPLIT': 'Statistics of the test rows leak into training through the fitted preprocessor, so the test score is optimistic.',
    'DATA-FIT-ON-TEST': 'A model tuned or fitted on the test split has no unbiased test score left.',
    'DATA-TARGET-IN-FEATURES': 'The model can read the answer from its inputs: it scores well in evaluation and fails in production.',
    'DATA-STRATIFY-REMOVED': 'Without stratification a rare class can be thin or missing in one split, and its metrics swing from run to run.',
    'DATA-TIME-SERIES-SHUFFLE': 'Shuffled time-ordered data trains on the future and tests on the past.',
    'DATA-TRAIN-TEST-SWAPPED': 'A swapped split trains on the small part and reports a score on the data it learnt.',
    'EVAL-ACCURACY-ONLY': 'Accuracy alone hides how the model does on the minority classes.',
    'EVAL-SPLIT-REMOVED': 'Without a held-out evaluation nothing tells whether the change made the model better.',
    'EVAL-STALE-OUTPUTS': 'The committed results do not come from the committed code, so they prove nothing about it.',
    'RAI-GROUP-GAP-WIDENED': 'The model now serves one group of people measurably worse than another.',
    'EVAL-SCORE-UP-NEW-SPLIT': 'A better score on a different test set is not a better model.',
    'REPRO-SEED-REMOVED': 'Without a fixed seed the run cannot be repeated, and two results cannot be compared.',
    'REPRO-SPLIT-NO-SEED': 'An unseeded split draws other test rows on every run, so scores cannot be compared.',
    'REPRO-OUT-OF-ORDER': 'Cells run out of order give results that running the notebook top to bottom may not reproduce.',
    'REPRO-ERROR-OUTPUT': 'A committed error output means the notebook did not run through as committed.',
    'RAI-PROTECTED-ATTRIBUTE': 'A protected attribute (or its proxy) among the inputs lets the model treat people differently for who they are.',
    'RAI-FAIRNESS-METRIC-REMOVED': 'Without per-group evaluation a model that harms one group passes unnoticed.',
    'RAI-PRIVILEGED-GROUPS-CHANGED': 'Redefining who is privileged changes every fairness number computed from it.',
    'RAI-PII-IN-OUTPUT': 'Personal data committed in an output stays in the repository history for everyone who can read it.',
    'SUPPLY-TRUST-REMOTE-CODE': 'Every load runs Python from the model repository, which its owners can change at any time.',
    'SUPPLY-TORCH-LOAD-UNSAFE': 'torch.load unpickles arbitrary objects: a tampered checkpoint runs code on load.',
    'SUPPLY-PICKLE-DOWNLOAD': 'Unpickling a downloaded file runs whatever code its author put in it.',
    'SUPPLY-UNPINNED-REVISION': 'Without a pinned revision the weights and code can change under the same name.',
    'SUPPLY-REVISION-PIN-REMOVED': 'Without the pin the weights and code can change under the same name.',
    'TRAIN-LR-CHANGED': 'A learning rate several times off can stall or destabilise training.',
    'TRAIN-WARMUP-REMOVED': 'Without warmup the first large updates can destabilise fine-tuning.',
    'TRAIN-SCHEDULER-CONSTANT': 'A constant learning rate usually converges worse than a decaying one.',
    'TRAIN-EPOCHS-INCREASED': 'Many more epochs on the same data risk overfitting, and cost compute.',
    'TRAIN-LORA-SCALE-CHANGED': 'The LoRA scale (alpha / r) sets the size of every adapter update.',
    'TRAIN-EFFECTIVE-BATCH-SIZE': 'The effective batch size changes the right learning rate and the training dynamics.',
    'TRAIN-QUANTIZATION-TOGGLED': 'Quantization changes memory, speed and accuracy: results are not comparable across it.'
};
/** One line on why a finding of this check matters, or null for a check without one. */
function whyItMatters(check) {
    return WHY[check] ?? null;
}


/***/ })

};
