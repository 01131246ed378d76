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
// EXTERNAL MODULE: ./src/github/client.ts + 27 modules
var client = __webpack_require__(9652);
// EXTERNAL MODULE: ./src/report/builtin.ts
var builtin = __webpack_require__(1953);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/sanitize.ts + 75 modules
var sanitize = __webpack_require__(2072);
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
var report_why = __webpack_require__(9952);
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


/***/ })

};
