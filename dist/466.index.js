export const id = 466;
export const ids = [466];
export const modules = {

/***/ 1466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ReadOnlyToken: () => (/* binding */ ReadOnlyToken),
  reviewComments: () => (/* binding */ reviewComments)
});

// UNUSED EXPORTS: MAX_FILE_COMMENTS, MAX_LINE_COMMENTS, closedBody, commentBody, diffLines, planReview, publishReview

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/parse.js
var parse = __webpack_require__(3857);
// EXTERNAL MODULE: ./src/github/client.ts + 26 modules
var client = __webpack_require__(9952);
// EXTERNAL MODULE: ./src/report/builtin.ts
var builtin = __webpack_require__(1953);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/sanitize.ts
var sanitize = __webpack_require__(1211);
// EXTERNAL MODULE: ./src/checks/index.ts + 27 modules
var checks = __webpack_require__(1957);
// EXTERNAL MODULE: ./src/diff/notebook.ts + 2 modules
var diff_notebook = __webpack_require__(5974);
;// CONCATENATED MODULE: ./src/report/suggestions.ts
// Committable fixes for the findings whose fix is mechanical: the head lines to replace and what to put there, for a
// review comment's ```suggestion block. Built from the finding and the file's two sides alone (the checks are not
// changed for it), and only offered when applying it to the head makes the finding go away without a new one:
// the checks are run again on the fixed file to make sure.


const NOTEBOOK_LINE = /^(\s*)"((?:[^"\\]|\\.)*)"(,?)\s*$/;
function codeLine(line, notebook) {
    if (line.includes('\r'))
        return null;
    if (!notebook)
        return { code: line, encode: (code) => code };
    const m = NOTEBOOK_LINE.exec(line);
    if (!m)
        return null;
    let code;
    try {
        code = JSON.parse(`"${m[2]}"`);
    }
    catch {
        return null;
    }
    return { code, encode: (c) => `${m[1]}${JSON.stringify(c)}${m[3]}` };
}
/** Head lines `from`..`to` replaced by code lines, keeping a notebook's JSON shape (newlines, commas, indent). */
function replaceCode(lines, from, to, code, notebook) {
    const first = codeLine(lines[from - 1], notebook);
    const last = codeLine(lines[to - 1], notebook);
    if (!first || !last)
        return null;
    if (!notebook)
        return code.join('\n');
    const indent = /^\s*/.exec(lines[from - 1])?.[0] ?? '';
    const lastEndsLine = last.code.endsWith('\n');
    const lastComma = /,\s*$/.test(lines[to - 1]);
    return code
        .map((c, i) => {
        const final = i === code.length - 1;
        const text = final && !lastEndsLine ? c : `${c}\n`;
        return `${indent}${JSON.stringify(text)}${final && !lastComma ? '' : ','}`;
    })
        .join('\n');
}
const isNotebook = (path) => path.toLowerCase().endsWith('.ipynb');
/** The code of every code cell of a notebook side, or the text itself for other files. */
function codeText(text, notebook) {
    if (!notebook)
        return text;
    try {
        return (0,diff_notebook/* parseNotebook */.fJ)(text)
            .cells.filter((c) => c.type === 'code')
            .map((c) => c.source)
            .join('\n');
    }
    catch {
        return '';
    }
}
/** Where the call `callee(` on `code` closes, when it closes on the same line: index of `(` and of `)`. */
function callParens(code, callee) {
    const re = new RegExp(`(?<![\\w.])${callee.replace(/[.]/g, '\\.')}\\s*\\(`, 'g');
    const m = re.exec(code);
    if (!m)
        return null;
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let quote = null;
    for (let i = open; i < code.length; i++) {
        const c = code[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = null;
            continue;
        }
        if (c === '"' || c === "'")
            quote = c;
        else if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}') {
            depth--;
            if (depth === 0)
                return c === ')' ? { open, close: i } : null;
        }
        else if (c === '#')
            return null;
    }
    return null;
}
/** `code` with `kw=value` added to the call of `callee` (which must close on the same line). */
function withKeyword(code, callee, kw, value) {
    const at = callParens(code, callee);
    if (!at)
        return null;
    const inside = code.slice(at.open + 1, at.close);
    if (new RegExp(`\\b${kw}\\s*=`).test(inside))
        return null;
    const trimmed = inside.replace(/\s+$/, '');
    const args = trimmed.trim() === '' ? `${kw}=${value}` : `${trimmed.replace(/,$/, '')}, ${kw}=${value}`;
    return code.slice(0, at.open + 1) + args + code.slice(at.close);
}
/** The one value the base passed as `kw=` to `callee` (or to any call when callee is null); null when not one. */
function baseKeyword(baseCode, callee, kw) {
    const values = new Set();
    const re = new RegExp(`\\b${kw}\\s*=\\s*([A-Za-z_][\\w.]*(?:\\[[^\\]\\n]*\\])?|-?\\d+)`, 'g');
    for (const line of baseCode.split('\n')) {
        if (callee !== null && !new RegExp(`(?<![\\w.])${callee}\\s*\\(`).test(line))
            continue;
        for (const m of line.matchAll(re))
            values.add(m[1]);
    }
    return values.size === 1 ? [...values][0] : null;
}
const TRUE_VALUE = /(\btrust_remote_code\b["']?\s*[:=]\s*)(True|true|yes|Yes|on|1)\b/;
function trustRemoteCode(f, lines, notebook) {
    const line = f.line;
    const c = codeLine(lines[line - 1], notebook);
    if (!c || !TRUE_VALUE.test(c.code))
        return null;
    const fixed = c.code.replace(TRUE_VALUE, (_, key, v) => `${key}${v === 'True' ? 'False' : 'false'}`);
    return { startLine: line, line, text: c.encode(fixed) };
}
/** `key: VALUE → removed` (or `→ null`) of a config finding. */
const CONFIG_EVIDENCE = /^(.+?): (.+) → (.+)$/;
/** Restores a config key the change removed: the base's line, put back above the line the finding points at. */
function restoreConfigKey(f, lines, base) {
    const m = CONFIG_EVIDENCE.exec(f.evidence);
    if (!m || base === null)
        return null;
    const name = m[1]
        .split('.')
        .pop()
        ?.replace(/\[\d+\]$/, '') ?? '';
    let value;
    try {
        value = JSON.parse(m[2]);
    }
    catch {
        return null;
    }
    const literal = (v) => v
        .replace(/\s+#.*$/, '')
        .replace(/,\s*$/, '')
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2');
    const keyLine = new RegExp(`^\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]\\s*(.+)$`);
    const found = base.split('\n').filter((l) => {
        const k = keyLine.exec(l);
        return k !== null && literal(k[1]) === String(value);
    });
    if (found.length !== 1 || found[0].includes('\r'))
        return null;
    const line = f.line;
    const at = lines[line - 1];
    if (m[3] === 'removed')
        return { startLine: line, line, text: `${found[0]}\n${at}` };
    // the key is still there with another value: the base's line replaces it when it is the same key at the same indent
    const indent = (l) => /^\s*/.exec(l)?.[0] ?? '';
    if (!keyLine.test(at) || indent(at) !== indent(found[0]))
        return null;
    return { startLine: line, line, text: found[0] };
}
/** A keyword argument the base passed and the head dropped, put back into the call on the finding's line. */
function restoreKeyword(f, lines, base, notebook, kws) {
    if (base === null)
        return null;
    const line = f.line;
    const c = codeLine(lines[line - 1], notebook);
    if (!c)
        return null;
    const baseCode = codeText(base, notebook);
    for (const m of c.code.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)) {
        const callee = m[1];
        for (const kw of kws) {
            const value = baseKeyword(baseCode, callee, kw);
            if (value === null)
                continue;
            const fixed = withKeyword(c.code, callee, kw, value);
            if (fixed !== null)
                return { startLine: line, line, text: c.encode(fixed) };
        }
    }
    return null;
}
function torchLoad(f, lines, notebook) {
    const line = f.line;
    const c = codeLine(lines[line - 1], notebook);
    if (!c)
        return null;
    const fixed = withKeyword(c.code, 'torch.load', 'weights_only', 'True');
    return fixed === null ? null : { startLine: line, line, text: c.encode(fixed) };
}
const FIT_TRANSFORM = /^(\s*)([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\.fit_transform\(\s*\2\s*(?:,\s*([A-Za-z_]\w*)\s*)?\)\s*$/;
const SPLIT_TARGETS = /^(\s*)([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*=\s*train_test_split\(\s*([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\b/;
/**
 * `X = est.fit_transform(X)` right before `X_train, X_test, … = train_test_split(X, …)`: the split first, then the
 * fit on the training split and a transform of the test split.
 */
function fitAfterSplit(f, lines, notebook) {
    const line = f.line;
    if (line >= lines.length)
        return null;
    const fit = codeLine(lines[line - 1], notebook);
    const split = codeLine(lines[line], notebook);
    if (!fit || !split)
        return null;
    const strip = (s) => s.replace(/\n$/, '');
    const a = FIT_TRANSFORM.exec(strip(fit.code));
    const b = SPLIT_TARGETS.exec(strip(split.code));
    if (!a || !b || b[6] !== a[2] || a[1] !== b[1])
        return null;
    const [, indent, , est, y] = a;
    const [, , xTrain, xTest, yTrain, , , yArg] = b;
    if (y !== undefined && y !== yArg)
        return null;
    const code = [
        strip(split.code),
        `${indent}${xTrain} = ${est}.fit_transform(${xTrain}${y !== undefined ? `, ${yTrain}` : ''})`,
        `${indent}${xTest} = ${est}.transform(${xTest})`
    ];
    const text = replaceCode(lines, line, line + 1, code, notebook);
    return text === null ? null : { startLine: line, line: line + 1, text };
}
/** The mechanical fix of a finding, from the head (and base) text; null when there is none to offer. */
function suggestFix(f, head, base) {
    if (f.line === null)
        return null;
    const lines = head.split('\n');
    if (f.line < 1 || f.line > lines.length)
        return null;
    const notebook = isNotebook(f.path);
    const code = notebook || /\.py$/i.test(f.path);
    switch (f.check) {
        case 'SUPPLY-TRUST-REMOTE-CODE':
            return trustRemoteCode(f, lines, notebook);
        case 'REPRO-SEED-REMOVED':
            return code
                ? restoreKeyword(f, lines, base, notebook, ['random_state', 'seed'])
                : restoreConfigKey(f, lines, base);
        case 'DATA-STRATIFY-REMOVED':
            return code ? restoreKeyword(f, lines, base, notebook, ['stratify']) : restoreConfigKey(f, lines, base);
        case 'SUPPLY-TORCH-LOAD-UNSAFE':
            return torchLoad(f, lines, notebook);
        case 'DATA-PREPROCESS-BEFORE-SPLIT':
        case 'DATA-FIT-BEFORE-SPLIT':
            return fitAfterSplit(f, lines, notebook);
        default:
            return null;
    }
}
/** The head text with a suggestion applied, as GitHub's "Commit suggestion" does. */
function applySuggestion(head, s) {
    const lines = head.split('\n');
    return [...lines.slice(0, s.startLine - 1), ...s.text.split('\n'), ...lines.slice(s.line)].join('\n');
}
/** The file's own analysis, once per file however many of its findings get a suggestion. */
const baseline = new WeakMap();
/** The checks of one file's findings, one entry per finding. */
function checksOf(findings, path) {
    return findings.filter((f) => f.path === path).map((f) => f.check);
}
/**
 * The suggestion for `f` when applying it to the head makes the checks lose `f` and add no finding to the file (by
 * check: the evidence of another finding on the same line may change with the line); null otherwise (no mechanical
 * fix, or one that does not do what it says).
 */
function verifiedSuggestion(f, file) {
    if (file.after === null || file.path !== f.path)
        return null;
    const s = suggestFix(f, file.after, file.before);
    if (!s)
        return null;
    const before = baseline.get(file) ?? (0,checks/* analyseFiles */.t4)([file]);
    baseline.set(file, before);
    const after = (0,checks/* analyseFiles */.t4)([{ ...file, after: applySuggestion(file.after, s) }]);
    if (after.unanalysed.some((u) => u.path === file.path))
        return null;
    const was = checksOf(before.findings, file.path);
    const now = checksOf(after.findings, file.path);
    const count = (checks, c) => checks.filter((x) => x === c).length;
    if (count(now, f.check) >= count(was, f.check))
        return null;
    if (now.some((c) => count(now, c) > count(was, c)))
        return null;
    return s;
}

// EXTERNAL MODULE: ./src/report/why.ts
var report_why = __webpack_require__(7571);
;// CONCATENATED MODULE: ./src/github/review.ts
// Inline review comments: one pull-request review (event COMMENT) per reviewed head with a comment on each finding
// that sits on a line of the diff, a ```suggestion where the fix is mechanical, and file-level comments for the rest.
// Comments are ours by a hidden marker AND the token's identity; a re-run posts only what is not there yet, and a
// comment whose finding is gone or accepted is resolved (or, where the token may not resolve, edited to say so).







/** Line comments in one review, and file-level comments (one request each) in one run: past these, the sticky comment. */
const MAX_LINE_COMMENTS = 50;
const MAX_FILE_COMMENTS = 10;
/** Suggestions checked by re-running the checks, per run. */
const MAX_SUGGESTIONS = 30;
const MARKER_PREFIX = '<!-- ml-engineering-review:item=';
const MARKER = /^<!-- ml-engineering-review:item=([\w-]{1,80})( agent)?( closed)? -->/;
/** The hidden first line of our comments: the item, whether the agent reported it, whether it is closed. */
function marker(id, agent, closed = false) {
    return `${MARKER_PREFIX}${id}${agent ? ' agent' : ''}${closed ? ' closed' : ''} -->`;
}
/** Head lines of the diff that take a comment (added and context lines), each with its hunk; null: no patch. */
function diffLines(patch) {
    if (!patch)
        return null;
    const lines = new Map();
    try {
        (0,parse/* parsePatch */.i)(patch)[0]?.hunks.forEach((h, i) => {
            let line = h.newStart;
            for (const l of h.lines) {
                if (l.startsWith('+') || l.startsWith(' '))
                    lines.set(line++, i);
            }
        });
    }
    catch {
        return null;
    }
    return lines;
}
const ICON = { fail: '❌', warn: '⚠️' };
function suggestionBlock(s) {
    let longest = 2;
    for (const run of s.text.match(/`{3,}/g) ?? [])
        longest = Math.max(longest, run.length);
    const fence = '`'.repeat(longest + 1);
    return `${fence}suggestion\n${s.text}\n${fence}`;
}
function where(item) {
    if (item.line === null)
        return '';
    return `Line ${item.line}${item.cell ? ` (${item.cell})` : ''}: `;
}
/** The text a reviewer reads: the finding, why it matters, the fix (committable where it is mechanical). */
function commentBody(item, finding, suggestion, fileLevel) {
    const icon = item.status === 'fail' ? ICON.fail : ICON.warn;
    const lines = [marker(item.id, item.source === 'bridge')];
    const at = fileLevel ? where(item) : '';
    if (finding) {
        lines.push(`${icon} ${at}**${(0,sanitize/* sanitizeInline */.nW)(finding.title)}**${item.bias ? ' (bias)' : ''} · ${(0,report_escape/* codeSpan */.SS)(finding.check)}`);
        const why = (0,report_why/* whyItMatters */.W)(finding.check);
        if (why)
            lines.push(why);
        if (finding.evidence)
            lines.push('', `Evidence: ${(0,report_escape/* codeSpan */.SS)(finding.evidence)}`);
        lines.push('', suggestion ? `${suggestionBlock(suggestion)}\n${finding.fix}` : `Fix: ${finding.fix}`);
    }
    else {
        lines.push(`${icon} ${at}${(0,sanitize/* sanitizeInline */.nW)(item.text)}${item.bias ? ' (bias)' : ''}`, '', "_From the agent's review._");
    }
    return (0,sanitize/* neutraliseMentions */.yY)(lines.join('\n'));
}
/**
 * Which items get a comment and where (pure): failed items (`failures`) or failed and warned ones (`all`) in a
 * reviewed file; on the diff line when the line is in the diff, else on the file.
 */
function planReview(input) {
    const plan = { lines: [], files: [], open: new Set(), closedWhy: new Map(), overflow: 0 };
    if (input.mode === 'none')
        return plan;
    const files = new Map(input.files.filter((f) => f.after !== null).map((f) => [f.path, f]));
    const statuses = input.mode === 'all' ? ['fail', 'warn'] : ['fail'];
    let suggestions = 0;
    for (const item of input.items) {
        if (item.accepted) {
            plan.closedWhy.set(item.id, `Accepted by ${item.accepted.by}: ${item.accepted.reason}`);
            continue;
        }
        if (item.suppressed) {
            plan.closedWhy.set(item.id, `Silenced in ${item.suppressed.path}:${item.suppressed.line}: ${item.suppressed.reason}`);
            continue;
        }
        if (!statuses.includes(item.status) || !item.path || !files.has(item.path))
            continue;
        const file = files.get(item.path);
        plan.open.add(item.id);
        const lines = diffLines(file.patch);
        const finding = input.findingOf.get(item.id);
        const onDiff = item.line !== null && lines?.has(item.line) === true;
        if (onDiff && plan.lines.length < MAX_LINE_COMMENTS) {
            let suggestion = null;
            if (finding && suggestions < MAX_SUGGESTIONS) {
                suggestions++;
                suggestion = verifiedSuggestion(finding, file);
            }
            // a suggestion over several lines needs all of them in one hunk of the diff
            if (suggestion &&
                (lines?.get(suggestion.startLine) !== lines?.get(item.line) ||
                    lines?.get(suggestion.line) !== lines?.get(item.line)))
                suggestion = null;
            const range = suggestion
                ? { line: suggestion.line, startLine: suggestion.startLine }
                : { line: item.line };
            plan.lines.push({
                itemId: item.id,
                path: item.path,
                line: range.line,
                ...(range.startLine !== undefined && range.startLine !== range.line ? { startLine: range.startLine } : {}),
                body: commentBody(item, finding, suggestion, false)
            });
        }
        else if (!onDiff && plan.files.length < MAX_FILE_COMMENTS) {
            plan.files.push({ itemId: item.id, path: item.path, body: commentBody(item, finding, null, true) });
        }
        else
            plan.overflow++;
    }
    return plan;
}
/** A file-level comment for what GitHub would not take on a line (notebook diffs, lines it cannot resolve). */
function toFileLevel(c, item, finding) {
    return { itemId: c.itemId, path: c.path, body: item ? commentBody(item, finding, null, true) : c.body };
}
async function listOurs(gh, repo, pull, login) {
    const ours = [];
    const pages = gh.paginate.iterator(gh.rest.pulls.listReviewComments, { ...repo, pull_number: pull, per_page: 100 });
    for await (const page of pages) {
        for (const c of page.data) {
            const m = MARKER.exec(c.body ?? '');
            if (!m || c.user?.login !== login || c.in_reply_to_id !== undefined)
                continue;
            ours.push({
                id: c.id,
                itemId: m[1],
                agent: m[2] !== undefined,
                closed: m[3] !== undefined,
                path: c.path,
                line: c.line ?? null,
                fileLevel: c.subject_type === 'file',
                body: c.body
            });
        }
    }
    return ours;
}
const THREADS = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        nodes { id isResolved viewerCanResolve comments(first: 1) { nodes { fullDatabaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;
const RESOLVE = `mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }`;
/** The review threads of the PR by the id of their first comment. */
async function threadsByComment(gh, repo, pull) {
    const out = new Map();
    let cursor = null;
    // bounded: 50 pages of 100 threads
    for (let page = 0; page < 50; page++) {
        const data = await gh.graphql(THREADS, {
            owner: repo.owner,
            repo: repo.repo,
            number: pull,
            cursor
        });
        const threads = data.repository?.pullRequest?.reviewThreads;
        if (!threads)
            break;
        for (const t of threads.nodes) {
            const first = t.comments.nodes[0]?.fullDatabaseId;
            if (first)
                out.set(Number(first), { id: t.id, isResolved: t.isResolved, viewerCanResolve: t.viewerCanResolve });
        }
        if (!threads.pageInfo.hasNextPage)
            break;
        cursor = threads.pageInfo.endCursor;
    }
    return out;
}
/** Our comment's text once its finding is gone or accepted: the marker says so, the suggestion is dropped. */
function closedBody(body, itemId, agent, why) {
    const rest = body.replace(MARKER, '').replace(/\n`{3,}suggestion\n[\s\S]*?\n`{3,}(?=\n|$)/g, '');
    const headline = rest.trim().split('\n')[0] ?? '';
    return (0,sanitize/* neutraliseMentions */.yY)(`${marker(itemId, agent, true)}\n✅ ${(0,sanitize/* sanitizeInline */.nW)(why)}\n\n~~${headline.replace(/~/g, '\\~')}~~`);
}
class ReadOnlyToken extends Error {
    name = 'ReadOnlyToken';
}
function reviewBody(headSha, lines, files, overflow) {
    const parts = [`${lines} on the diff`];
    if (files > 0)
        parts.push(`${files} on files`);
    const more = overflow > 0 ? ` ${overflow} more findings are listed in the review comment only.` : '';
    return `<!-- ml-engineering-review:review head=${headSha} -->\n**ML Engineering Review** of ${(0,report_escape/* codeSpan */.SS)(headSha.slice(0, 7))}: ${parts.join(', ')}.${more} The full report is in the PR comment and the check run.`;
}
/**
 * Publishes the plan on the PR at `headSha`: new comments only, in one review; the rest moved to file-level when
 * GitHub refuses their lines (422); comments of ours whose finding is gone or accepted resolved or marked so.
 * Throws ReadOnlyToken when the token cannot write.
 */
async function publishReview(gh, repo, pull, headSha, login, plan, context, log) {
    const outcome = { posted: 0, fileLevel: 0, kept: 0, resolved: 0, edited: 0, reviewUrl: '' };
    const ours = await listOurs(gh, repo, pull, login);
    const active = ours.filter((c) => !c.closed);
    const matches = (c, p) => c.itemId === p.itemId && c.path === p.path && (p.line === undefined ? c.fileLevel : c.line === p.line);
    const keep = new Set();
    const fresh = (planned) => planned.filter((p) => {
        const there = active.find((c) => matches(c, p));
        if (there)
            keep.add(there.id);
        return !there;
    });
    let lines = fresh(plan.lines);
    const files = fresh(plan.files);
    outcome.kept = keep.size;
    const byId = new Map(context.items.map((i) => [i.id, i]));
    const moveToFile = (which) => {
        for (const c of lines.filter(which)) {
            const f = toFileLevel(c, byId.get(c.itemId), context.findingOf.get(c.itemId));
            if (!active.some((a) => matches(a, f)))
                files.push(f);
        }
        lines = lines.filter((c) => !which(c));
    };
    // one review with every new line comment; GitHub refuses the whole review for one line it cannot place
    const attempts = [(c) => c.path.toLowerCase().endsWith('.ipynb'), () => true];
    while (lines.length > 0) {
        try {
            const { data } = await gh.rest.pulls.createReview({
                ...repo,
                pull_number: pull,
                commit_id: headSha,
                event: 'COMMENT',
                body: reviewBody(headSha, lines.length, files.length, plan.overflow),
                comments: lines.map((c) => ({
                    path: c.path,
                    line: c.line,
                    side: 'RIGHT',
                    ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
                    body: c.body
                }))
            });
            outcome.posted = lines.length;
            outcome.reviewUrl = data.html_url;
            break;
        }
        catch (e) {
            if ((0,client/* isPermissionError */.gj)(e))
                throw new ReadOnlyToken((0,client/* errorText */.kc)(e), { cause: e });
            if ((0,client/* statusOf */.c2)(e) !== 422)
                throw e;
            const next = attempts.shift();
            if (!next)
                throw e;
            const before = lines.length;
            moveToFile(next);
            log(`GitHub refused the review's line comments (${(0,client/* errorText */.kc)(e)}); ${before - lines.length} of them go on their files instead.`);
        }
    }
    // file-level comments take a request each: lines GitHub refused do not lift the cap
    if (files.length > MAX_FILE_COMMENTS) {
        log(`${files.length - MAX_FILE_COMMENTS} more file-level comments are left to the PR comment, which lists every finding.`);
        files.splice(MAX_FILE_COMMENTS);
    }
    for (const c of files) {
        try {
            await gh.rest.pulls.createReviewComment({
                ...repo,
                pull_number: pull,
                commit_id: headSha,
                path: c.path,
                subject_type: 'file',
                body: c.body
            });
            outcome.fileLevel++;
        }
        catch (e) {
            if ((0,client/* isPermissionError */.gj)(e))
                throw new ReadOnlyToken((0,client/* errorText */.kc)(e), { cause: e });
            if ((0,client/* statusOf */.c2)(e) !== 422)
                throw e;
            log(`GitHub refused a comment on ${c.path} (${(0,client/* errorText */.kc)(e)}); the finding is in the PR comment and the check run.`);
        }
    }
    // comments whose finding is gone, accepted, or now commented elsewhere
    const placed = new Set([...plan.lines, ...plan.files].map((p) => p.itemId));
    const stale = active.filter((c) => !keep.has(c.id) &&
        (!plan.open.has(c.itemId) || placed.has(c.itemId)) &&
        (!c.agent || context.agentAnswered || plan.closedWhy.has(c.itemId)));
    if (stale.length === 0)
        return outcome;
    let threads = new Map();
    try {
        threads = await threadsByComment(gh, repo, pull);
    }
    catch (e) {
        log(`Could not read the review threads (${(0,client/* errorText */.kc)(e)}); comments are edited instead of resolved.`);
    }
    for (const c of stale) {
        const why = plan.closedWhy.get(c.itemId) ??
            (plan.open.has(c.itemId)
                ? `Moved: the finding is now commented at its new place (${headSha.slice(0, 7)}).`
                : `No longer found at ${headSha.slice(0, 7)}.`);
        const thread = threads.get(c.id);
        if (thread?.isResolved)
            continue;
        if (thread?.viewerCanResolve) {
            try {
                await gh.graphql(RESOLVE, { id: thread.id });
                outcome.resolved++;
                continue;
            }
            catch (e) {
                log(`Could not resolve the thread of comment ${c.id} (${(0,client/* errorText */.kc)(e)}); editing it instead.`);
            }
        }
        try {
            await gh.rest.pulls.updateReviewComment({
                ...repo,
                comment_id: c.id,
                body: closedBody(c.body, c.itemId, c.agent, why)
            });
            outcome.edited++;
        }
        catch (e) {
            if ((0,client/* isPermissionError */.gj)(e))
                throw new ReadOnlyToken((0,client/* errorText */.kc)(e), { cause: e });
            if ((0,client/* statusOf */.c2)(e) !== 404)
                throw e;
        }
    }
    return outcome;
}
/** Plans and publishes the review comments of one reviewed head. */
async function reviewComments(gh, repo, pull, headSha, login, input, log) {
    // the built-in items carry the ids findingsToItems gave their findings, in the same order
    const builtinIds = (0,builtin/* findingsToItems */._n)(input.findings).map((i) => i.id);
    const findingOf = new Map(builtinIds.map((id, i) => [id, input.findings[i]]));
    const plan = planReview({ ...input, findingOf });
    return publishReview(gh, repo, pull, headSha, login, plan, {
        items: input.items,
        findingOf,
        agentAnswered: input.agentAnswered
    }, log);
}


/***/ }),

/***/ 1953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _n: () => (/* binding */ findingsToItems),
/* harmony export */   a9: () => (/* binding */ builtinReport)
/* harmony export */ });
/* unused harmony exports REPORT_SECTIONS, findingText */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6412);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9456);


const SECTION_OF = {
    'data-pipeline': 'Data Pipeline',
    'training-config': 'Training Strategy',
    reproducibility: 'Training Strategy',
    evaluation: 'Evaluation',
    'supply-chain': 'Deployment Plan',
    'responsible-ai': 'Responsible AI Checklist'
};
const REPORT_SECTIONS = [
    'Data Pipeline',
    'Model Architecture',
    'Training Strategy',
    'Evaluation',
    'Deployment Plan',
    'Responsible AI Checklist'
];
function findingText(f) {
    return `[${f.check}] ${f.title}${f.evidence ? `: ${f.evidence}` : ''}`;
}
function findingsToItems(findings) {
    return (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .uniqueIds */ .Yj)(findings.map((f) => ({
        id: (0,_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .itemId */ .XG)(`${f.check} ${f.path} ${f.title} ${f.evidence}`),
        text: findingText(f),
        status: f.status,
        bias: f.bias,
        source: 'builtin',
        path: f.path,
        line: f.line,
        ...(f.cell ? { cell: f.cell } : {}),
        ...(f.suppressed ? { suppressed: f.suppressed } : {}),
        finding: {
            check: f.check,
            title: f.title,
            status: f.status,
            evidence: f.evidence,
            fix: f.fix,
            ...(f.level ? { level: f.level } : {})
        }
    })));
}
function where(f) {
    return f.line ? `${f.path}:${f.line}${f.cell ? ` (${f.cell})` : ''}` : f.path;
}
function findingLine(f) {
    const mark = f.status === 'fail' ? '❌' : '⚠️';
    const word = f.status === 'fail' ? 'FAIL' : 'WARN';
    return `- ${mark} ${f.title}${f.bias ? ' (bias)' : ''} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(where(f))}) — ${word}\n  - Evidence: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(f.evidence)}\n  - Fix: ${f.fix}`;
}
/** A report in the agent's structure, built from the built-in findings alone. */
function builtinReport(findings, why, files) {
    const out = ['## ML Engineering Report (built-in checks)', '', `> ${why}`, ''];
    for (const section of REPORT_SECTIONS) {
        out.push(`### ${section}`);
        const here = findings.filter((f) => SECTION_OF[f.family] === section);
        if (section === 'Responsible AI Checklist') {
            // data-governance items (PII) belong to the checklist as well
            if (here.length === 0)
                out.push('- No built-in responsible-AI finding in the changed files — N/A');
        }
        else if (here.length === 0) {
            out.push(section === 'Model Architecture' ? '_Not covered by the built-in checks._' : '_No findings._');
        }
        for (const f of here)
            out.push(findingLine(f));
        out.push('');
    }
    out.push(`Files checked: ${files.map((f) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(f)).join(', ') || 'none'}`);
    return out.join('\n');
}


/***/ }),

/***/ 6412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ neutraliseAllMentions),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   xR: () => (/* binding */ tableCell)
/* harmony export */ });
// Text from the PR or the bridge, escaped for the markdown it is placed in: code spans that nothing can break out
// of, one-line table cells and list entries, and mentions that ping nobody.
/** Control characters (newlines included) shown as escapes, so a value keeps to its one line. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    return text.replace(/\r\n|[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => c === '\t'
        ? ' '
        : c === '\r\n' || c === '\n'
            ? '\\n'
            : c === '\r'
                ? '\\r'
                : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * An inline code span that shows `text` as it is and cannot be broken out of: newlines shown as `\n`, a backtick
 * fence longer than any run inside, padding when the text starts or ends with a backtick, and in a table cell the
 * pipes escaped (GFM splits cells on `|` even inside code).
 */
function codeSpan(text, opts = {}) {
    let body = oneLine(text);
    if (opts.table)
        body = body.replace(/\|/g, '\\|');
    let longest = 0;
    for (const run of body.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const ticks = '`'.repeat(longest + 1);
    const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
    return `${ticks}${pad}${body}${pad}${ticks}`;
}
/** Text for one table cell: one line, pipes escaped. */
function tableCell(text) {
    return text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(/\|/g, '\\|');
}
/**
 * Stops every mention form from pinging, code included (see `neutraliseMentions` in sanitize.ts, which spares code): `@user`, `@org/team`, and the forms a word character or markup hides
 * (`_@team_`, `cc/@user`, `@@user`, `**@user**`, `\@user`), plus `@` written as an HTML entity. An `@` right after a
 * letter or digit (an e-mail address) is left alone: GitHub does not mention there.
 */
function neutraliseAllMentions(text) {
    return text.replace(/&(?:#0*64|#x0*40|commat);/gi, '@').replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@\u200b');
}


/***/ }),

/***/ 9456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XG: () => (/* binding */ itemId),
/* harmony export */   Yj: () => (/* binding */ uniqueIds)
/* harmony export */ });
/* unused harmony export normaliseItemText */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** Normalises an item's text so cosmetic changes (status marks, case, spacing, locations) keep the same id. */
function normaliseItemText(text) {
    return (text
        .toLowerCase()
        .replace(/\[[ x]\]/g, ' ')
        // a location starts where a path starts (bounded, so a 200 kB word is not rescanned from every character)
        .replace(/(?<![\w@+./-])[\w@+./-]{0,300}[\w-]\.[a-z]{1,8}(?::l?|#l)\d+/g, ' ')
        .replace(/\b(pass(ed)?|fail(ed)?|warn(ing)?|n\/a)\b/g, ' ')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim());
}
/** `RAI-` + a short hash of the normalised text: stable across runs for the same item. */
function itemId(text) {
    return 'RAI-' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(normaliseItemText(text)).digest('hex').slice(0, 8);
}
/** Gives repeated ids a numeric suffix so every id in one checklist is unique. */
function uniqueIds(items) {
    const seen = new Map();
    return items.map((item) => {
        const n = (seen.get(item.id) ?? 0) + 1;
        seen.set(item.id, n);
        return n === 1 ? item : { ...item, id: `${item.id}-${n}` };
    });
}


/***/ }),

/***/ 1211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LO: () => (/* binding */ sanitizeMarkdown),
/* harmony export */   nW: () => (/* binding */ sanitizeInline),
/* harmony export */   ty: () => (/* binding */ closeOpenFences),
/* harmony export */   yY: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/* unused harmony exports isGitHubUrl, byParser, textOutsideFences */
/* harmony import */ var mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6855);
/* harmony import */ var mdast_util_gfm__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8595);
/* harmony import */ var micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2297);
/* harmony import */ var _diff_blob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4048);
/* harmony import */ var _diff_text_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6367);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(351);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);







/** Passes over the text: each pass can only turn markup into text, so a few always suffice. */
const MAX_PASSES = 6;
/** A longer text is cut before parsing (the comment and check hold 65,536 characters; the job summary gets this). */
const MAX_INPUT_CHARS = 300_000;
/** Deeper nesting of quotes and lists than this, or more brackets, is not a report: it is shown as code. */
const MAX_NESTING = 16;
const MAX_BRACKETS = 5_000;
/** Text shaped to make a markdown parser slow (deep nesting, a flood of brackets), found in one linear scan. */
function hostileShape(text) {
    let brackets = 0;
    let depth = 0;
    let lineStart = true;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5b && ++brackets > MAX_BRACKETS)
            return true;
        if (c === 0x0a) {
            lineStart = true;
            depth = 0;
            continue;
        }
        if (!lineStart)
            continue;
        // leading markers: `>`, `-`, `*`, `+` (spaces between them do not end the run)
        if (c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b) {
            if (++depth > MAX_NESTING)
                return true;
        }
        else if (c !== 0x20 && c !== 0x09)
            lineStart = false;
    }
    return false;
}
/**
 * Texts already sanitized or neutralised, and texts known to hold no fence left open: the comment, the check run,
 * the job summary and the review comments each render the same items, notes and diffs, so each text is parsed once
 * per run, not once per place it is shown.
 */
const sanitized = new _diff_text_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .TextCache */ .S();
const neutralised = new _diff_text_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .TextCache */ .S();
/** Sanitized texts whose last parse found no fence left open: `closeOpenFences` has nothing to close in them. */
const closed = new _diff_text_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .TextCache */ .S();
/**
 * What any edit of `collect` needs in the text: `<` (HTML, autolinks), `](` (an inline link or image), `]:` (a
 * definition, without which no reference is a link), a fence (```, ~~~), or what GFM reads as a link literal
 * (`www.`, `://`, `xmpp:`). A text with none of them parses to no edit, so it is not parsed.
 */
const MARKUP = /<|\]\(|\]:|```|~~~|www\.|:\/\/|xmpp:/i;
/** A fence anywhere: what `closeOpenFences` could find open. */
const FENCE = /```|~~~/;
/** A line that opens a backtick fence at the left margin: three or more backticks, an info string without any. */
const FENCE_OPEN = /^(`{3,})[^`]*$/;
/** A line that could close a fence: backticks and spaces or tabs only, the backticks after at most 3 spaces. */
const FENCE_CLOSE = /^( {0,3})(`{3,})[ \t]*$/;
const FENCE_CLOSE_LIKE = /^[ \t]*`{3,}[ \t]*$/;
/** HTML blocks that a blank line does not end (`<script`, `<pre`, `<style`, `<textarea`, `<!…`, `<?…`). */
const STICKY_HTML = /<(?:script|pre|style|textarea|!|\?)/i;
/**
 * The text of `markdown` outside its fenced code blocks, when every such block is read without a parser: a
 * backtick fence at the left margin, not inside an HTML block, closed before the end. The lines outside are
 * joined by newlines. Null when the shape is anything else (a carriage return, any other fence, a fence inside or
 * after an HTML block that may still be open, a line that may or may not close a fence, a fence left open): the
 * caller parses.
 *
 * A line of backticks at the left margin starts a fenced code block whatever precedes it (it interrupts a paragraph
 * and ends any list, quote or table, since only a paragraph continues lazily), unless an HTML block or another
 * fence holds it; inside, only its closing fence ends it. So a text with no markup outside these blocks has none at
 * all: the code is shown as typed.
 */
function outsideFences(markdown) {
    if (markdown.includes('\r'))
        return null;
    const outside = [];
    let fence = 0;
    let html = false;
    let stickyHtml = false;
    let at = 0;
    while (at <= markdown.length) {
        let end = markdown.indexOf('\n', at);
        if (end === -1)
            end = markdown.length;
        const line = markdown.slice(at, end);
        at = end + 1;
        if (fence > 0) {
            if (line.includes('```')) {
                const close = FENCE_CLOSE.exec(line);
                if (close && close[2].length >= fence)
                    fence = 0;
                else if (FENCE_CLOSE_LIKE.test(line) && (line.includes('\t') || !close))
                    return null;
            }
            continue;
        }
        if (line.startsWith('```')) {
            const open = FENCE_OPEN.exec(line);
            if (open) {
                if (html || stickyHtml)
                    return null;
                fence = open[1].length;
                continue;
            }
        }
        // a fence of any other shape (indented, of tildes, in a quote) may hold or end what follows
        if (FENCE.test(line))
            return null;
        outside.push(line);
        if (line.includes('<')) {
            html = true;
            if (STICKY_HTML.test(line))
                stickyHtml = true;
        }
        else if (/^[ \t]*$/.test(line))
            html = false;
    }
    return fence > 0 ? null : outside.join('\n');
}
/** What `neutraliseAllMentions` changes: an `@` that can start a mention, or `@` written as an entity. */
const MENTION = /(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/;
const MENTION_ENTITY = /&(?:#0*64|#x0*40|commat);/i;
/** Whether a link may stay a link: only to github.com (relative links resolve there too). */
function isGitHubUrl(url) {
    try {
        const u = new URL(url, 'https://github.com/');
        return u.protocol === 'https:' && (u.hostname === 'github.com' || u.hostname.endsWith('.github.com'));
    }
    catch {
        return false;
    }
}
const KEPT_TAG = /^<br\s*\/?>$/i;
/** Raw HTML as visible text: every `<` escaped, images named instead. */
function htmlAsText(raw) {
    if (KEPT_TAG.test(raw.trim()))
        return raw;
    return raw
        .replace(/<(img|image|picture|video|audio|source|svg|iframe|object|embed)\b[^>]{0,10000}>?/gi, '(image removed)')
        .replace(/</g, '&lt;');
}
function plain(node) {
    if ('value' in node && typeof node.value === 'string')
        return node.value;
    if ('alt' in node && typeof node.alt === 'string')
        return node.alt;
    if ('children' in node)
        return node.children.map(plain).join('');
    return '';
}
function span(node) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    return s === undefined || e === undefined ? null : [s, e];
}
/** A fenced code block whose closing fence is missing: it runs to the end of its container. */
function unclosedFence(source, start, end) {
    const text = source.slice(start, end);
    const open = /^[ \t>]*(`{3,}|~{3,})/.exec(text);
    if (!open)
        return null;
    const fence = open[1];
    const lines = text.split('\n');
    if (lines.length > 1) {
        const last = lines[lines.length - 1].replace(/^[ \t>]*/, '').trimEnd();
        if (last.length >= fence.length && [...last].every((c) => c === fence[0]))
            return null;
    }
    return start + open[0].length - fence.length;
}
function collect(source, node, edits, definitions) {
    const at = span(node);
    if (at) {
        const [start, end] = at;
        switch (node.type) {
            case 'html':
                if (!KEPT_TAG.test(node.value.trim()))
                    edits.push({ start, end, text: htmlAsText(source.slice(start, end)) });
                return;
            case 'image':
            case 'imageReference': {
                const alt = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(node.alt ?? '').trim();
                edits.push({ start, end, text: alt ? `${alt.replace(/[[\]<>]/g, '')} (image removed)` : '(image removed)' });
                return;
            }
            case 'link': {
                if (isGitHubUrl(node.url) || node.url.startsWith('mailto:'))
                    break;
                const label = plain(node).trim();
                const url = node.url.length > 200 ? `${node.url.slice(0, 200)}…` : node.url;
                const text = label && label !== node.url ? `${label.replace(/[[\]<>]/g, '')} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(url)})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(url);
                edits.push({ start, end, text });
                return;
            }
            case 'linkReference': {
                const url = definitions.get(node.identifier.toLowerCase());
                if (url !== undefined && isGitHubUrl(url))
                    break;
                const label = plain(node)
                    .trim()
                    .replace(/[[\]<>]/g, '');
                edits.push({ start, end, text: url ? `${label} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .codeSpan */ .SS)(url.slice(0, 200))})` : label });
                return;
            }
            case 'definition':
                if (!isGitHubUrl(node.url))
                    edits.push({ start, end, text: '' });
                return;
            case 'code': {
                const fenceAt = unclosedFence(source, start, end);
                // a backslash makes the opening fence literal text; the next pass reads what it held as markdown
                if (fenceAt !== null)
                    edits.push({ start: fenceAt, end: fenceAt, text: '\\' });
                return;
            }
        }
    }
    if ('children' in node)
        for (const child of node.children)
            collect(source, child, edits, definitions);
}
function definitionsOf(node, out) {
    if (node.type === 'definition')
        out.set(node.identifier.toLowerCase(), node.url);
    if ('children' in node)
        for (const child of node.children)
            definitionsOf(child, out);
    return out;
}
function parse(text) {
    return (0,mdast_util_from_markdown__WEBPACK_IMPORTED_MODULE_3__/* .fromMarkdown */ .Y)(text, { extensions: [(0,micromark_extension_gfm__WEBPACK_IMPORTED_MODULE_4__/* .gfm */ .T)()], mdastExtensions: [(0,mdast_util_gfm__WEBPACK_IMPORTED_MODULE_5__/* .gfmFromMarkdown */ .C)()] });
}
/** `markdown` with raw HTML shown as text, images dropped, outside links as text and open fences made literal. */
function sanitizeMarkdown(markdown) {
    // the comment, the check and the summary each render the same report: parse it once
    return sanitized.get(markdown, sanitizeUncached);
}
function sanitizeUncached(markdown, quick = true) {
    let text = markdown.length > MAX_INPUT_CHARS
        ? `${(0,_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .clipChars */ .uk)(markdown, MAX_INPUT_CHARS)}\n\n> ✂️ Cut at ${MAX_INPUT_CHARS} characters; the \`report\` output holds all of it.`
        : markdown;
    if (hostileShape(text))
        return (0,_diff_blob_js__WEBPACK_IMPORTED_MODULE_0__/* .fenced */ .OF)(text);
    if (quick && !MARKUP.test(text))
        return closedText(text);
    // markup only inside fenced code (a diff quoting a notebook): nothing to edit either
    if (quick) {
        const outside = outsideFences(text);
        if (outside !== null && !MARKUP.test(outside))
            return closedText(text);
    }
    for (let pass = 0; pass < MAX_PASSES; pass++) {
        const tree = parse(text);
        const edits = [];
        collect(text, tree, edits, definitionsOf(tree, new Map()));
        if (edits.length === 0)
            return closedText(text);
        text = applyEdits(text, edits);
    }
    // markup that keeps coming back: show all of it as text
    return text
        .replace(/</g, '&lt;')
        .replace(/^([ \t>]*)(`{3,}|~{3,})/gm, '$1\\$2')
        .replace(/!\[/g, '\\![');
}
/** `text` noted as having no fence left open (every code block of its last parse was closed). */
function closedText(text) {
    closed.get(text, () => true);
    return text;
}
/** The edits (which do not overlap) applied in one pass from the start: linear, however many there are. */
function applyEdits(text, edits) {
    edits.sort((a, b) => a.start - b.start);
    const parts = [];
    let at = 0;
    for (const e of edits) {
        if (e.start < at)
            return applyEditsFromTheEnd(text, edits);
        parts.push(text.slice(at, e.start), e.text);
        at = e.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}
/** Edits that overlap (none are known to): applied one by one from the last, as they always were. */
function applyEditsFromTheEnd(text, edits) {
    let out = text;
    for (const e of [...edits].sort((a, b) => b.start - a.start))
        out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
}
/** One line of untrusted text for a list entry or a table cell: sanitized and kept to its line. */
function sanitizeInline(text) {
    return sanitizeMarkdown(text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '));
}
function codeRanges(node, out) {
    if (node.type === 'inlineCode' || node.type === 'code') {
        const at = span(node);
        if (at)
            out.push(at);
        return out;
    }
    if ('children' in node)
        for (const child of node.children)
            codeRanges(child, out);
    return out;
}
/** Every mention form neutralised outside code (a mention in code pings nobody, and `@decorator` stays as typed). */
function neutraliseMentions(markdown) {
    // nothing to neutralise anywhere: nothing outside code either (a code node never ends on a letter or digit, so
    // the text after one has no new start of a mention), and the text is not parsed
    if (!MENTION.test(markdown) && !MENTION_ENTITY.test(markdown))
        return markdown;
    return neutralised.get(markdown, mentionsUncached);
}
function mentionsUncached(markdown, quick = true) {
    // too big or too deep to parse quickly: neutralise everywhere, code included
    if (markdown.length > MAX_INPUT_CHARS * 2 || hostileShape(markdown))
        return (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutraliseAllMentions */ .H9)(markdown);
    // every mention-like `@` inside fenced code (a decorator in a diff): nothing to neutralise (a fence's lines are
    // whole lines, so the text outside starts and ends beside a newline, as it does in the full text)
    if (quick) {
        const outside = outsideFences(markdown);
        if (outside !== null && !MENTION.test(outside) && !MENTION_ENTITY.test(outside))
            return markdown;
    }
    const ranges = codeRanges(parse(markdown), []);
    let out = '';
    let at = 0;
    for (const [start, end] of ranges) {
        out += (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutraliseAllMentions */ .H9)(markdown.slice(at, start)) + markdown.slice(start, end);
        at = end;
    }
    return out + (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutraliseAllMentions */ .H9)(markdown.slice(at));
}
/** Closes what a cut left open: a fenced code block that now runs to the end. */
function closeOpenFences(markdown) {
    return closeFences(markdown, true);
}
function closeFences(markdown, quick) {
    let text = markdown;
    if (quick && closed.peek(text))
        return text;
    if (text.length > MAX_INPUT_CHARS * 2 || hostileShape(text))
        return text;
    // every fence a closed block read without a parser (there is no other): none is open
    if (quick && outsideFences(text) !== null)
        return text;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
        const last = lastUnclosed(text, parse(text));
        if (!last)
            return text;
        text = `${text}\n${last}`;
    }
    return text;
}
function lastUnclosed(source, node) {
    if (node.type === 'code') {
        const at = span(node);
        if (!at)
            return null;
        const fenceAt = unclosedFence(source, at[0], at[1]);
        if (fenceAt === null)
            return null;
        return /^(`{3,}|~{3,})/.exec(source.slice(fenceAt))?.[1] ?? null;
    }
    if ('children' in node) {
        const children = node.children;
        for (let i = children.length - 1; i >= 0; i--) {
            const hit = lastUnclosed(source, children[i]);
            if (hit)
                return hit;
        }
    }
    return null;
}
/**
 * The three edits as the markdown parser alone decides them, with no cache and none of the quick answers that
 * skip it: what the quick answers must equal (the tests compare them).
 */
const byParser = {
    sanitizeMarkdown: (markdown) => sanitizeUncached(markdown, false),
    neutraliseMentions: (markdown) => mentionsUncached(markdown, false),
    closeOpenFences: (markdown) => closeFences(markdown, false)
};
/** `outsideFences`, for the tests that check it against the parser. */
const textOutsideFences = (/* unused pure expression or super */ null && (outsideFences));


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
