export const id = 350;
export const ids = [350];
export const modules = {

/***/ 6236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** A bad input or `.github/ml-review.yml` value: stops the run before anything is published, naming the problem. */
class InputError extends Error {
    name = 'InputError';
}


/***/ }),

/***/ 9350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REPO_CONFIG_KEYS: () => (/* binding */ REPO_CONFIG_KEYS),
  REPO_CONFIG_PATH: () => (/* binding */ REPO_CONFIG_PATH),
  WORKFLOW_ONLY_KEYS: () => (/* binding */ WORKFLOW_ONLY_KEYS),
  checkPolicy: () => (/* binding */ checkPolicy),
  parseRepoConfig: () => (/* binding */ parseRepoConfig)
});

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./ml-review.schema.json
const ml_review_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/ml-engineering-review/ml-engineering-review/blob/main/ml-review.schema.json","title":".github/ml-review.yml","description":"The policy of ML Engineering Review for one repository, read at the pull request\'s base. Workflow inputs win over these keys.","type":"object","additionalProperties":false,"properties":{"bridge-url":{"description":"Base URL of the SuperClaude bridge (its token stays a workflow secret).","type":"string","x-allowed":"an http(s) URL"},"bridge-protocol":{"description":"How to talk to the bridge.","enum":["hooks","openai"]},"agent-id":{"description":"Agent the bridge routes the review to.","type":"string","minLength":1,"x-allowed":"a non-empty text"},"model":{"description":"Model field sent to the bridge (hooks protocol).","type":"string","x-allowed":"a text"},"thinking":{"description":"Thinking field sent to the bridge (hooks protocol).","type":"string","x-allowed":"a text"},"bridge-timeout":{"description":"Seconds to wait for the whole bridge answer.","type":"integer","minimum":1,"maximum":86400,"x-allowed":"a whole number of seconds from 1 to 86400"},"bridge-extra":{"description":"Keys merged into the request body sent to the bridge.","type":"object","x-allowed":"a mapping, e.g. {waitForCompletion: true}"},"bridge-result-url":{"description":"URL template to poll for an asynchronous result; {runId} is replaced by the run id.","type":"string","x-allowed":"an http(s) URL"},"paths":{"description":"Globs of ML files, instead of the built-in list.","type":["array","string"],"items":{"type":"string"},"x-allowed":"a list of globs"},"exclude":{"description":"Globs removed from the ML files.","type":["array","string"],"items":{"type":"string"},"x-allowed":"a list of globs"},"fail-on":{"description":"When the check fails: a bias/fairness item failed, any item failed, or never.","enum":["bias","any","never"]},"on-bridge-error":{"description":"The conclusion when the bridge fails.","enum":["neutral","fail","skip"]},"check-name":{"description":"Name of the check run.","type":"string","minLength":1,"x-allowed":"a non-empty text"},"max-request-bytes":{"description":"Budget for the encoded request body sent to the bridge.","type":"integer","minimum":4096,"x-allowed":"a whole number of at least 4096"},"group-gap-limit":{"description":"Largest gap of a metric between groups that may widen without failing the bias gate.","type":["number","string"],"x-allowed":"a share above 0 and at most 1, such as 0.05 or 5%"},"metric-gain-limit":{"description":"Headline-metric gain past which a changed evaluation split is called out.","type":["number","string"],"x-allowed":"a share above 0 and at most 1, such as 0.02 or 2%"},"skip-drafts":{"description":"Skip draft pull requests with a `skipped` check; they are reviewed when marked ready for review.","type":"boolean","x-allowed":"true or false"},"review-comments":{"description":"Inline review comments on the diff: on failed items, on failed and warned items, or none.","enum":["failures","all","none"]},"sarif":{"description":"Write a SARIF 2.1.0 file for code scanning (output `sarif-file`).","type":"boolean","x-allowed":"true or false"},"author-can-accept-bias":{"description":"Whether a pull request\'s author may accept a bias item of their own pull request (this file only; default false: the two-person rule).","type":"boolean","x-allowed":"true or false"},"on-unreadable-file":{"description":"The conclusion when an ML file on the head cannot be read or analysed (this file only).","enum":["fail","neutral"]},"checks":{"description":"Per built-in check (by its id): a level, or a level and the paths where the check is off (this file only).","type":"object","x-allowed":"a mapping of check ids to off, warn, fail, bias, or to {level, ignore: [globs]}","propertyNames":{"pattern":"^[A-Z]+(-[A-Z0-9]+)+$"},"additionalProperties":{"anyOf":[{"$ref":"#/definitions/level"},{"type":"object","additionalProperties":false,"properties":{"level":{"$ref":"#/definitions/level"},"ignore":{"description":"Globs of files where this check is off.","type":"array","items":{"type":"string","minLength":1},"x-allowed":"a list of globs"}}}],"x-allowed":"off, warn, fail, bias, or a mapping with level and ignore (a list of globs)"}},"bridge-token":{"description":"A secret: pass it in the workflow from a repository secret.","not":{},"x-workflow-only":"it is a secret; pass it in the workflow (bridge-token: ${{ secrets.SUPERCLAUDE_BRIDGE_TOKEN }})"},"github-token":{"description":"A secret: the workflow passes it.","not":{},"x-workflow-only":"it is a secret; the workflow passes it (github-token: ${{ github.token }} by default)"},"comment":{"description":"Set in the workflow: the action always receives the workflow\'s value.","not":{},"x-workflow-only":"the action always receives the workflow\'s value (default true), so set it under with: in the workflow"},"annotations":{"description":"Set in the workflow: the action always receives the workflow\'s value.","not":{},"x-workflow-only":"the action always receives the workflow\'s value (default true), so set it under with: in the workflow"},"pr-number":{"description":"Set per run: the workflow_dispatch form or the workflow.","not":{},"x-workflow-only":"it names one pull request for one run; set it in the workflow_dispatch form or the workflow"}},"definitions":{"level":{"description":"off: not run; warn: a warning; fail: a failed item (blocks under fail-on: any); bias: a failed bias item (blocks under fail-on: bias).","enum":["off","warn","fail","bias"]}}}');
// EXTERNAL MODULE: ./src/checks/index.ts + 27 modules
var checks = __webpack_require__(1957);
// EXTERNAL MODULE: ./src/input-error.ts
var input_error = __webpack_require__(6236);
;// CONCATENATED MODULE: ./src/policy.ts
// `.github/ml-review.yml`: parsed, then validated against ml-review.schema.json (the one list of the keys it may
// hold), with errors that name the key, the value and what is allowed. Per-check levels and path ignores come from
// here; every other key is an input that the workflow may override (src/inputs.ts).





const REPO_CONFIG_PATH = '.github/ml-review.yml';
const PROPERTIES = ml_review_schema_namespaceObject.properties;
/** The keys `.github/ml-review.yml` may hold, in the schema's order. */
const REPO_CONFIG_KEYS = Object.keys(PROPERTIES).filter((k) => PROPERTIES[k]['x-workflow-only'] === undefined);
/** Keys that only the workflow can set, with why. */
const WORKFLOW_ONLY_KEYS = Object.fromEntries(Object.entries(PROPERTIES)
    .filter(([, p]) => p['x-workflow-only'] !== undefined)
    .map(([k, p]) => [k, p['x-workflow-only']]));
let compiled = null;
/** The schema's validator, compiled when a repository config is first read (most runs have none to read). */
function validator() {
    // the x- keywords are annotations for the messages below and for editors' hovers, not validation
    compiled ??= new ajv.Ajv({
        allErrors: true,
        strict: true,
        allowUnionTypes: true,
        keywords: ['x-allowed', 'x-workflow-only']
    }).compile(ml_review_schema_namespaceObject);
    return compiled;
}
/** A value as a message shows it: short, on one line. */
function shown(value) {
    const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
    const line = (text ?? String(value)).replace(/\s+/g, ' ');
    return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
/** The closest of `names` to `name`, when it is a likely typo. */
function closest(name, names) {
    const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    let best = null;
    let bestDistance = Infinity;
    for (const candidate of names) {
        const d = distance(norm(name), norm(candidate));
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
/** The schema of a path such as ['checks', 'TRAIN-LR-CHANGED', 'level']. */
function allowedAt(path) {
    if (path[0] === 'checks' && path.length >= 2) {
        if (path[2] === 'level' || path.length === 2) {
            const levels = ml_review_schema_namespaceObject.definitions.level["enum"].join(', ');
            return path.length === 2 ? ml_review_schema_namespaceObject.properties.checks.additionalProperties["x-allowed"] : levels;
        }
        if (path[2] === 'ignore')
            return 'a list of globs';
    }
    const p = PROPERTIES[path[0]];
    if (!p)
        return '';
    return p.enum ? p.enum.join(', ') : (p['x-allowed'] ?? '');
}
function valueAt(data, path) {
    let v = data;
    for (const part of path)
        v = v !== null && typeof v === 'object' ? v[part] : undefined;
    return v;
}
/** One message per key that is wrong, naming it, its value and what is allowed. */
function messages(errors, data, label) {
    const out = new Map();
    for (const e of errors) {
        const path = e.instancePath
            .split('/')
            .slice(1)
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        if (e.keyword === 'additionalProperties') {
            const key = e.params.additionalProperty;
            const where = [...path, key].join('.');
            if (path.length === 0) {
                const hint = closest(key, REPO_CONFIG_KEYS);
                out.set(where, `${label}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${REPO_CONFIG_KEYS.join(', ')}`);
            }
            else {
                out.set(where, `${label}: unknown key "${where}"; allowed: level, ignore`);
            }
            continue;
        }
        if (e.keyword === 'propertyNames' || (e.keyword === 'pattern' && e.propertyName !== undefined)) {
            const name = e.params.propertyName ?? e.propertyName ?? '';
            out.set(`checks.${name}`, unknownCheck(name, label));
            continue;
        }
        // inside `checks.ID`, the anyOf reports each branch: one message for the entry
        const key = (path[0] === 'checks' && path.length >= 2 ? path.slice(0, path.length >= 3 ? 3 : 2) : path.slice(0, 1))
            .filter((s) => s !== '')
            .join('.');
        if (key === '' || out.has(key))
            continue;
        const parts = key.split('.');
        const allowed = allowedAt(parts);
        out.set(key, `${label}: "${key}" is ${shown(valueAt(data, parts))}; allowed: ${allowed || e.message}`);
    }
    // a wrong entry of `checks` also fails the anyOf as a whole: keep the most precise message per entry
    for (const key of [...out.keys()]) {
        if (key.split('.').length === 2 && [...out.keys()].some((k) => k !== key && k.startsWith(`${key}.`)))
            out.delete(key);
    }
    return [...out.values()];
}
function unknownCheck(name, label) {
    const ids = checks/* CHECKS */.ui.map((c) => c.id);
    const hint = closest(name, ids);
    return `${label}: "checks.${name}" is not a built-in check${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: the ids of the README's "Built-in checks" table (${ids.join(', ')})`;
}
/**
 * Parses the text of `.github/ml-review.yml` (`label` names it in messages) and validates it against the schema:
 * a typo, a bad value, a key only the workflow can set or an unknown check id is an error, never dropped.
 */
function parseRepoConfig(text, label = REPO_CONFIG_PATH) {
    let data;
    try {
        data = (0,dist/* parse */.qg)(text);
    }
    catch (e) {
        throw new input_error/* InputError */.d(`${label} is not valid YAML: ${e.message}`);
    }
    if (data == null)
        return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new input_error/* InputError */.d(`${label} must be a mapping of keys to values; got ${shown(data)}`);
    }
    const config = data;
    const problems = [];
    for (const key of Object.keys(config)) {
        const why = WORKFLOW_ONLY_KEYS[key];
        if (why !== undefined)
            problems.push(`${label}: "${key}" can only be set in the workflow: ${why}`);
    }
    const validate = problems.length === 0 ? validator() : null;
    if (validate && !validate(config))
        problems.push(...messages(validate.errors ?? [], config, label));
    if (problems.length === 0) {
        const ids = new Set(checks/* CHECKS */.ui.map((c) => c.id));
        for (const id of Object.keys(config.checks ?? {})) {
            if (!ids.has(id))
                problems.push(unknownCheck(id, label));
        }
    }
    if (problems.length > 0)
        throw new input_error/* InputError */.d(problems.join('\n'));
    return config;
}
/** The per-check rules of a validated config (none when the file has no `checks`). */
function checkPolicy(config) {
    const raw = (config?.checks ?? {});
    const out = {};
    for (const [id, rule] of Object.entries(raw)) {
        out[id] = typeof rule === 'string' ? { level: rule, ignore: [] } : { level: rule.level, ignore: rule.ignore ?? [] };
    }
    return Object.freeze(out);
}


/***/ })

};
