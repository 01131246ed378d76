export const id = 610;
export const ids = [610];
export const modules = {

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

/***/ 2610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_MARKER: () => (/* reexport */ marker/* COMMENT_MARKER */.JO),
  MAX_CHECK_TEXT_CHARS: () => (/* reexport */ limits/* MAX_CHECK_TEXT_CHARS */.Wj),
  MAX_COMMENT_CHARS: () => (/* reexport */ limits/* MAX_COMMENT_CHARS */.VK),
  checklistTable: () => (/* binding */ checklistTable),
  fitSections: () => (/* binding */ fitSections),
  headMarker: () => (/* reexport */ marker/* headMarker */.pU),
  neutraliseMentions: () => (/* reexport */ sanitize/* neutraliseMentions */.yY),
  renderChanges: () => (/* binding */ renderChanges),
  renderCheckOutput: () => (/* binding */ renderCheckOutput),
  renderComment: () => (/* binding */ renderComment),
  renderNoChangesComment: () => (/* binding */ renderNoChangesComment),
  renderSummary: () => (/* binding */ renderSummary),
  reviewedHead: () => (/* reexport */ marker/* reviewedHead */.Ey),
  splitSections: () => (/* binding */ splitSections)
});

// EXTERNAL MODULE: ./src/diff/blob.ts
var blob = __webpack_require__(4048);
// EXTERNAL MODULE: ./src/diff/redact.ts
var redact = __webpack_require__(4606);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/sanitize.ts
var sanitize = __webpack_require__(1211);
;// CONCATENATED MODULE: ./src/report/items.ts


/** Every item in exactly one group. */
function groupItems(items, decision) {
    const blockingIds = new Set(decision.blocking.map((i) => i.id));
    const g = { blocking: [], failed: [], accepted: [], suppressed: [], warned: [], passed: [] };
    for (const item of items) {
        if (blockingIds.has(item.id))
            g.blocking.push(item);
        else if (item.accepted)
            g.accepted.push(item);
        else if (item.suppressed)
            g.suppressed.push(item);
        else if (item.status === 'fail')
            g.failed.push(item);
        else if (item.status === 'warn')
            g.warned.push(item);
        else
            g.passed.push(item);
    }
    // bias items first within a group, then by place
    const order = (a, b) => Number(b.bias) - Number(a.bias) ||
        (a.path ?? '\uffff').localeCompare(b.path ?? '\uffff') ||
        (a.line ?? 0) - (b.line ?? 0);
    for (const list of Object.values(g))
        list.sort(order);
    return g;
}
const ICON = { fail: '❌', warn: '⚠️', pass: '✅', na: '➖' };
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** Untrusted text for one list line. */
function inline(text, max = 300) {
    return (0,sanitize/* sanitizeInline */.nW)(clip(text, max));
}
/** A path segment by segment, as GitHub's blob URLs take it. */
function encodePath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
/** `path:line` as a link to the line at the reviewed head; a notebook item links the notebook and names its cell. */
function locationLink(item, ctx) {
    if (!item.path)
        return '';
    const notebook = item.path.toLowerCase().endsWith('.ipynb');
    const text = notebook ? item.path : `${item.path}${item.line ? `:${item.line}` : ''}`;
    const cell = item.cell ? ` ${inline(item.cell, 60)}` : notebook && item.line ? ` line ${item.line} of the .ipynb` : '';
    if (!ctx.repoUrl || !/^[0-9a-f]{7,64}$/.test(ctx.headSha))
        return `${(0,report_escape/* codeSpan */.SS)(text)}${cell}`;
    // GitHub renders a notebook, where line anchors mean nothing: the link opens it, the cell says where
    const url = `${ctx.repoUrl}/blob/${ctx.headSha}/${encodePath(item.path)}${!notebook && item.line ? `#L${item.line}` : ''}`;
    return `[${(0,report_escape/* codeSpan */.SS)(text)}](${url})${cell}`;
}
/** The topic of an item: the check's title, or the agent's words. */
function title(item) {
    return item.finding ? inline(item.finding.title, 200) : inline(item.text);
}
/** Who found it, when both the check and the agent did. */
function provenance(item) {
    if (!item.agent || !item.finding)
        return '';
    const check = (0,report_escape/* codeSpan */.SS)(item.finding.check);
    if (item.agent.status === item.finding.status)
        return ` — built-in check ${check}, confirmed by the agent`;
    return ` — built-in check ${check} says ${item.finding.status}, the agent says ${item.agent.status}: the stricter (${item.status}) stands`;
}
function levelNote(item) {
    return item.finding?.level ? ` (level \`${item.finding.level}\` in .github/ml-review.yml)` : '';
}
/** One item, once: status, what, where, its id (to accept it), then the evidence and, when asked, the fix. */
function itemEntry(item, ctx, opts = {}) {
    const where = locationLink(item, ctx);
    const head = `- ${opts.icon ?? ICON[item.status]} **${title(item)}**${item.bias ? ' (bias)' : ''}${where ? ` — ${where}` : ''} · ${(0,report_escape/* codeSpan */.SS)(item.id)}${provenance(item)}${levelNote(item)}`;
    const lines = [head];
    const evidence = item.finding ? item.finding.evidence : '';
    if (evidence)
        lines.push(`  ${(0,report_escape/* codeSpan */.SS)(clip(evidence, 300))}`);
    if (item.agent && item.agent.status !== item.finding?.status)
        lines.push(`  Agent: ${inline(item.agent.text)}`);
    if (opts.fix && item.finding?.fix)
        lines.push(`  Fix: ${inline(item.finding.fix)}`);
    if (item.accepted) {
        const a = item.accepted;
        const link = a.url ? ` ([comment](${a.url}))` : '';
        lines.push(`  Accepted by ${(0,report_escape/* codeSpan */.SS)(a.by)} on ${inline(a.at.slice(0, 10), 20)}: ${inline(a.reason)}${link}`);
    }
    if (item.suppressed) {
        const s = item.suppressed;
        lines.push(`  Suppressed at ${locationLink({ path: s.path, line: s.line }, ctx)}: ${inline(s.reason)}`);
    }
    // a backslash ends a line inside the list entry (a hard break), so each part keeps its own line
    return lines.join('\\\n');
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** The counts, from the groups the rows are drawn from. */
function countsLine(g) {
    const total = Object.values(g).reduce((n, list) => n + list.length, 0);
    if (total === 0)
        return '_No checklist items._';
    const parts = [
        g.blocking.length > 0 ? `❌ ${g.blocking.length} blocking` : '',
        g.failed.length > 0 ? `❌ ${g.failed.length} failed, not blocking` : '',
        g.accepted.length > 0 ? `☑️ ${g.accepted.length} accepted` : '',
        g.suppressed.length > 0 ? `🔕 ${g.suppressed.length} suppressed` : '',
        g.warned.length > 0 ? `⚠️ ${plural(g.warned.length, 'warning')}` : '',
        g.passed.length > 0 ? `✅ ${g.passed.length} passed or n/a` : ''
    ].filter((p) => p !== '');
    return `**${plural(total, 'item')}**: ${parts.join(' · ')}`;
}
function list(items, ctx, max, opts) {
    const shown = items.slice(0, max).map((i) => itemEntry(i, ctx, opts));
    if (items.length > max)
        shown.push(`- … and ${items.length - max} more${ctx.moreAt ? ` in the ${ctx.moreAt}` : ''}`);
    return shown.join('\n');
}
function collapsed(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/**
 * The items section: counts, then blocking items (with their fix), failures that do not block, accepted items in
 * the open; suppressed items, warnings and passes collapsed. `max` bounds each list (the rest is counted).
 */
function itemsSection(ctx, max = 20) {
    const g = groupItems(ctx.items, ctx.decision);
    const parts = ['### Checklist', countsLine(g)];
    if (g.blocking.length > 0)
        parts.push(`**Blocking (${g.blocking.length})**\n\n${list(g.blocking, ctx, max, { fix: true })}`);
    if (g.failed.length > 0) {
        const why = ctx.failOn ? ` under \`fail-on: ${ctx.failOn}\`` : '';
        parts.push(`**Failed, not blocking${why} (${g.failed.length})**\n\n${list(g.failed, ctx, max, {})}`);
    }
    if (g.accepted.length > 0)
        parts.push(`**Accepted, not blocking (${g.accepted.length})**\n\n${list(g.accepted, ctx, max, { icon: '☑️' })}`);
    if (g.suppressed.length > 0)
        parts.push(collapsed(`🔕 ${g.suppressed.length} suppressed in the changed files`, list(g.suppressed, ctx, max * 2, { icon: '🔕' })));
    if (g.warned.length > 0)
        parts.push(collapsed(`⚠️ ${plural(g.warned.length, 'warning')}`, list(g.warned, ctx, max * 3, { fix: true })));
    if (g.passed.length > 0)
        parts.push(collapsed(`✅ ${g.passed.length} passed or not applicable`, list(g.passed, ctx, max * 3, {})));
    return parts.join('\n\n');
}

// EXTERNAL MODULE: ./src/report/marker.ts
var marker = __webpack_require__(990);
;// CONCATENATED MODULE: ./src/report/render.ts
// Markdown for the sticky PR comment, the check run and the job summary. Every text from the PR or the bridge is
// escaped for where it goes: the report and diffs sanitized as markdown, names as code spans, items as table cells.











const STATUS_ICON = { pass: '✅', fail: '❌', warn: '⚠️', na: '➖' };
const CONCLUSION_LINE = {
    failure: '🔴 **Merge blocked**',
    success: '🟢 **No blocking issues**',
    neutral: '⚪ **Not decided**',
    skipped: '⚪ **Skipped**'
};
/** Untrusted text for one table cell or list entry: markdown sanitized, kept to one line, pipes escaped. */
function cell(text) {
    return (0,report_escape/* tableCell */.xR)((0,sanitize/* sanitizeInline */.nW)(text));
}
function where(item, table = false) {
    if (!item.path)
        return '';
    return `${(0,report_escape/* codeSpan */.SS)(`${item.path}${item.line ? `:${item.line}` : ''}`, { table })}${item.cell ? ` (${item.cell})` : ''}`;
}
function checklistTable(items) {
    if (items.length === 0)
        return '_No checklist items._';
    const rows = items.map((i) => `| ${STATUS_ICON[i.status]} ${i.status} | ${cell(i.text)}${i.bias ? ' `bias`' : ''} | ${where(i, true)} | ${i.source} | ${(0,report_escape/* codeSpan */.SS)(i.id, { table: true })} |`);
    return ['| Status | Item | Where | Source | Id |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
/** What changed, as a reviewer reads it: hyperparameter changes per config, cell changes per notebook. */
function renderChanges(diffs) {
    // the comment and the job summary both show the same diffs: sanitized once
    let hit = renderedChanges.get(diffs);
    if (hit === undefined)
        renderedChanges.set(diffs, (hit = renderChangesUncached(diffs)));
    return hit;
}
const renderedChanges = new WeakMap();
function renderChangesUncached(diffs) {
    const parts = [];
    for (const d of diffs) {
        const lines = [`#### ${(0,report_escape/* codeSpan */.SS)(d.path)}`];
        // the summaries and cells quote the repository: markdown from the PR, sanitized like the agent's
        if (d.summary.trim() !== '')
            lines.push('', (0,sanitize/* closeOpenFences */.ty)((0,sanitize/* sanitizeMarkdown */.LO)(d.summary.trim())));
        for (const n of d.notes)
            lines.push(`- _${(0,sanitize/* sanitizeInline */.nW)(n)}_`);
        if (d.cells)
            lines.push('', '<details><summary>Cell diffs</summary>', '', (0,sanitize/* closeOpenFences */.ty)((0,sanitize/* sanitizeMarkdown */.LO)(d.cells.trim())), '', '</details>');
        else if (d.summary.trim() === '' && d.patch)
            lines.push('', (0,blob/* fenced */.OF)(d.patch.trim(), 'diff'));
        parts.push(lines.join('\n'));
    }
    // repository content shown on GitHub: no secrets, no pings
    return (0,sanitize/* neutraliseMentions */.yY)((0,redact/* redactSecrets */.fp)(parts.join('\n\n')).text);
}
/** The changes inside a collapsed block, cut at a file or cell boundary to fit `budget`. */
function changesBlock(diffs, budget, runUrl) {
    if (!diffs || diffs.length === 0)
        return '';
    const open = `<details><summary>Changes reviewed (${diffs.length} file${diffs.length === 1 ? '' : 's'})</summary>\n\n`;
    const close = '\n\n</details>';
    const inner = fitSections(renderChanges(diffs), budget - open.length - close.length, `> ✂️ More changes in the [job summary](${runUrl}).`);
    // a cut inside an open <details> or code fence would swallow the rest of the comment
    const balanced = balance(inner);
    return `${open}${balanced}${close}`;
}
/** Closes a code fence (found by the markdown parser) or one of our own <details> blocks left open by a cut. */
function balance(markdown) {
    let out = (0,sanitize/* closeOpenFences */.ty)(markdown);
    const opened = (out.match(/<details>/g) ?? []).length - (out.match(/<\/details>/g) ?? []).length;
    for (let i = 0; i < opened; i++)
        out += '\n\n</details>';
    return out;
}
function render_clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** The notes as a list: at most 40, each at most 500 characters (the job summary keeps them all). */
function notesList(notes) {
    const shown = notes.slice(0, 40).map((n) => `- ${(0,sanitize/* sanitizeInline */.nW)(render_clip(n, 500))}`);
    if (notes.length > 40)
        shown.push(`- … and ${notes.length - 40} more notes in the job summary`);
    return shown.join('\n');
}
function statusLine(d) {
    return `${CONCLUSION_LINE[d.conclusion]} — ${d.reason}`;
}
function itemsContext(input, moreAt) {
    return {
        decision: input.decision,
        items: input.items,
        headSha: input.headSha,
        repoUrl: input.repoUrl,
        failOn: input.failOn,
        moreAt
    };
}
/** The agent's report when it answered; null when the items already are the (built-in) report. */
function agentReportOf(input) {
    return input.agentReport === undefined ? input.report : input.agentReport;
}
/** Why there is no agent report, as one quoted line. */
function noAgentLine(input) {
    // no message: nothing was asked (no ML changes), so there is nothing to explain
    if (agentReportOf(input) !== null || !input.bridgeMessage)
        return '';
    return `> The agent review did not run: ${(0,sanitize/* sanitizeInline */.nW)(render_clip(input.bridgeMessage, 500))} The items are those of the built-in checks.`;
}
/** Splits markdown into chunks that each start at a heading, so a cut never lands inside a section. */
function splitSections(markdown) {
    const parts = [];
    let current = [];
    for (const line of markdown.split('\n')) {
        if (/^#{1,6}\s/.test(line) && current.length > 0) {
            parts.push(current.join('\n'));
            current = [];
        }
        current.push(line);
    }
    if (current.length > 0)
        parts.push(current.join('\n'));
    return parts;
}
/** Keeps whole sections of `markdown` while they fit in `budget` characters; says what was cut. */
function fitSections(markdown, budget, cutNote) {
    if (markdown.length <= budget)
        return markdown;
    const room = budget - cutNote.length - 2;
    let out = '';
    for (const part of splitSections(markdown)) {
        const next = out === '' ? part : `${out}\n${part}`;
        if (next.length > room)
            break;
        out = next;
    }
    // a single first section longer than the whole budget: cut it at a line boundary
    if (out === '')
        out = markdown.slice(0, Math.max(0, room)).replace(/\n[^\n]*$/, '');
    return `${out}\n\n${cutNote}`;
}
function footer(input) {
    const short = input.headSha.slice(0, 7);
    return `<sub>Reviewed head \`${short}\` (${input.headSha}) · [workflow run](${input.runUrl}) · ML Engineering Review</sub>`;
}
function renderComment(input) {
    const head = [marker/* COMMENT_MARKER */.JO, (0,marker/* headMarker */.pU)(input.headSha), '## ML Engineering Review', '', statusLine(input.decision)];
    const noAgent = noAgentLine(input);
    if (noAgent)
        head.push('', noAgent);
    if (input.staleFor) {
        head.push('', `> [!WARNING]\n> This review is of \`${input.headSha.slice(0, 7)}\`; the PR head is now \`${input.staleFor.slice(0, 7)}\`. A newer run will update this comment.`);
    }
    const fixedHead = (0,sanitize/* neutraliseMentions */.yY)(head.join('\n'));
    // the decision and its items first, each once; the long parts collapsed
    const itemsPart = (0,sanitize/* neutraliseMentions */.yY)(fitSections(itemsSection(itemsContext(input, 'job summary')), Math.floor(limits/* MAX_COMMENT_CHARS */.VK / 3), `> ✂️ More items in the [job summary](${input.runUrl}).`));
    const notes = input.notes.length === 0
        ? ''
        : input.notes.length <= 3
            ? `**Notes**\n\n${notesList(input.notes)}`
            : `<details><summary>Notes (${input.notes.length})</summary>\n\n${notesList(input.notes)}\n\n</details>`;
    const tail = (0,sanitize/* neutraliseMentions */.yY)([notes, '---', footer(input)].filter((s) => s !== '').join('\n\n'));
    const changes = changesBlock(input.diffs, Math.floor(limits/* MAX_COMMENT_CHARS */.VK / 4), input.runUrl);
    const agent = agentReportOf(input);
    let reportPart = '';
    if (agent !== null) {
        const open = '<details><summary>Report of the agent</summary>\n\n';
        const close = '\n\n</details>';
        const cutNote = `> ✂️ The report was cut to fit a PR comment; the full report is in the [job summary](${input.runUrl}).`;
        const budget = limits/* MAX_COMMENT_CHARS */.VK -
            fixedHead.length -
            itemsPart.length -
            changes.length -
            tail.length -
            open.length -
            close.length -
            16;
        const report = (0,sanitize/* neutraliseMentions */.yY)((0,sanitize/* sanitizeMarkdown */.LO)(agent));
        reportPart = `${open}${balance(fitSections(report, Math.max(0, budget), cutNote))}${close}`;
    }
    const body = [fixedHead, itemsPart, reportPart, changes, tail].filter((p) => p !== '').join('\n\n');
    const cutNote = `> ✂️ Cut to fit a PR comment; the [job summary](${input.runUrl}) has everything.`;
    // the last guard: GitHub refuses anything longer
    return body.length <= limits/* MAX_COMMENT_CHARS */.VK ? body : balance(fitSections(body, limits/* MAX_COMMENT_CHARS */.VK - 200, cutNote));
}
/** What an earlier review's comment becomes when the PR no longer changes ML files. */
function renderNoChangesComment(headSha) {
    return [
        marker/* COMMENT_MARKER */.JO,
        (0,marker/* headMarker */.pU)(headSha),
        '## ML Engineering Review',
        '',
        `⚪ No ML changes in this pull request any more (head \`${headSha.slice(0, 7)}\`).`
    ].join('\n');
}
/** The check run's output: summary (decision and items, as in the comment) and text (the agent's report). */
function renderCheckOutput(input) {
    const g = groupItems(input.items, input.decision);
    const failed = g.blocking.length + g.failed.length;
    const title = input.decision.conclusion === 'failure' || input.decision.conclusion === 'skipped'
        ? input.decision.reason
        : `${input.items.length} checklist item${input.items.length === 1 ? '' : 's'}, ${failed} failed${g.accepted.length > 0 ? `, ${g.accepted.length} accepted` : ''}`;
    const summary = fitSections((0,sanitize/* neutraliseMentions */.yY)([
        statusLine(input.decision),
        itemsSection(itemsContext(input, 'job summary')),
        noAgentLine(input),
        input.notes.length > 0 ? `**Notes**\n\n${input.notes.map((n) => `- ${(0,sanitize/* sanitizeInline */.nW)(n)}`).join('\n')}` : ''
    ]
        .filter((p) => p !== '')
        .join('\n\n')), limits/* MAX_CHECK_TEXT_CHARS */.Wj, '> ✂️ Cut to fit; the job summary has everything.');
    const agent = agentReportOf(input);
    const text = fitSections(agent !== null
        ? (0,sanitize/* neutraliseMentions */.yY)((0,sanitize/* sanitizeMarkdown */.LO)(agent))
        : input.diffs && input.diffs.length > 0
            ? `### Changes reviewed\n\n${renderChanges(input.diffs)}`
            : '', limits/* MAX_CHECK_TEXT_CHARS */.Wj, '> ✂️ Cut to fit; the job summary has the full report.');
    return { title: title.slice(0, 1000), summary, text };
}
/** The job summary: the whole report and the checklist, cut only past what the runner accepts (1 MiB). */
function renderSummary(input) {
    const agent = agentReportOf(input);
    const whole = [
        '## ML Engineering Review',
        statusLine(input.decision),
        input.staleFor ? `> Reviewed \`${input.headSha}\`; the PR head is now \`${input.staleFor}\`.` : '',
        (0,sanitize/* neutraliseMentions */.yY)(itemsSection(itemsContext(input, ''), 1000)),
        noAgentLine(input),
        agent !== null ? `### Report of the agent\n\n${(0,sanitize/* neutraliseMentions */.yY)((0,sanitize/* sanitizeMarkdown */.LO)(agent))}` : '',
        input.diffs && input.diffs.length > 0 ? `### Changes reviewed\n\n${renderChanges(input.diffs)}` : '',
        input.notes.length > 0 ? `### Notes\n\n${input.notes.map((n) => `- ${(0,sanitize/* sanitizeInline */.nW)(n)}`).join('\n')}` : '',
        footer(input)
    ]
        .filter((s) => s !== '')
        .join('\n\n');
    const note = `> ✂️ The job summary was cut to the 1 MiB the runner accepts; the check run and the comment hold the decision.`;
    const budget = limits/* MAX_JOB_SUMMARY_BYTES */.mB - 8 * 1024;
    if (Buffer.byteLength(whole) <= budget)
        return whole;
    return `${balance((0,limits/* clipBytes */.Wp)(whole, budget - 1024).replace(/\n[^\n]*$/, ''))}\n\n${note}\n`;
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


/***/ })

};
