export const id = 433;
export const ids = [433];
export const modules = {

/***/ 2433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EMPTY_LEDGER: () => (/* binding */ EMPTY_LEDGER),
/* harmony export */   bindAcceptances: () => (/* binding */ bindAcceptances),
/* harmony export */   commandText: () => (/* binding */ commandText),
/* harmony export */   mayAccept: () => (/* binding */ mayAccept),
/* harmony export */   replyText: () => (/* binding */ replyText)
/* harmony export */ });
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
// Binds the accept and revoke commands of a pull request's comments to the items of this review, by stable id, in
// the order they were written. Pure: who may do what was asked of the API beforehand (see ledger.ts).

/** The roles whose accept and revoke commands count. */
const MAY_ACCEPT = new Set(['admin', 'maintain', 'write']);
const EMPTY_LEDGER = { commands: [], permissions: new Map(), authors: new Map(), notes: [] };
const acceptable = (i) => i.status === 'fail' || i.status === 'warn';
function refusal(c, ledger, item, policy) {
    const role = ledger.permissions.get(c.comment.login);
    if (role === undefined || typeof role === 'object') {
        return `the permission of ${c.comment.login} could not be read${role ? ` (${role.error})` : ''}`;
    }
    if (!MAY_ACCEPT.has(role)) {
        return `${c.comment.login} has ${role === 'none' ? 'no' : role} permission on the repository; accepting and revoking need write, maintain or admin`;
    }
    if (c.problem)
        return `it ${c.problem}`;
    if (c.kind === 'accept' && item) {
        if (!acceptable(item))
            return `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(item.id)} ${item.status === 'pass' ? 'passes' : 'does not apply'}; only a failed or warned item can be accepted`;
        if (item.bias && !policy.authorCanAcceptBias && ledger.authors.get(c.pr) === c.comment.login) {
            return 'the pull request’s author cannot accept a bias item of their own change; another maintainer must (policy key `author-can-accept-bias`)';
        }
    }
    return null;
}
function bindAcceptances(items, ledger, policy) {
    const byId = new Map(items.map((i) => [i.id, i]));
    const accepted = new Map();
    // accepts of ids this review does not have, still standing (not revoked later): they lapsed
    const unmatched = new Map();
    const verdicts = [];
    // the order they were written in; a stable sort keeps the lines of one comment in order
    const ordered = [...ledger.commands].sort((a, b) => a.comment.createdAt.localeCompare(b.comment.createdAt) || a.comment.id - b.comment.id);
    for (const c of ordered) {
        const item = byId.get(c.id);
        const why = refusal(c, ledger, item, policy);
        if (why !== null) {
            verdicts.push({ command: c, outcome: 'refused', why });
            continue;
        }
        if (c.kind === 'accept') {
            if (!item) {
                unmatched.set(c.id, c);
                verdicts.push({ command: c, outcome: 'unknown', why: `no item of this review has the id ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(c.id)}` });
                continue;
            }
            accepted.set(c.id, c);
            verdicts.push({ command: c, outcome: 'accepted' });
        }
        else {
            accepted.delete(c.id);
            unmatched.delete(c.id);
            verdicts.push(item
                ? { command: c, outcome: 'revoked' }
                : { command: c, outcome: 'unknown', why: `no item of this review has the id ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(c.id)}` });
        }
    }
    const bound = items.map((i) => {
        const c = accepted.get(i.id);
        if (!c)
            return i;
        const acceptance = {
            by: c.comment.login,
            at: c.comment.createdAt,
            reason: c.reason,
            url: c.comment.url
        };
        return { ...i, accepted: acceptance };
    });
    const notes = [...ledger.notes];
    for (const v of verdicts) {
        if (v.outcome !== 'refused')
            continue;
        notes.push(`${commandText(v.command)} by ${v.command.comment.login} ([comment](${v.command.comment.url})) was not honoured: ${v.why ?? ''}.`);
    }
    for (const c of unmatched.values()) {
        notes.push(`The acceptance of ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(c.id)} by ${c.comment.login} ([comment](${c.comment.url})) matches no item of this review: its finding changed or is gone, so it no longer applies.`);
    }
    return { items: bound, verdicts, notes };
}
/** The command as its author wrote it, short: `/ml-review accept RAI-…`. */
function commandText(c) {
    return (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(`/ml-review ${c.kind}${c.id ? ` ${c.id}` : ''}`);
}
/** Whether a role may accept and revoke. */
function mayAccept(role) {
    return MAY_ACCEPT.has(role);
}
/** The reply to a command comment whose commands were not all carried out, or null when they were. */
function replyText(login, verdicts, headSha) {
    const failed = verdicts.filter((v) => v.outcome === 'refused' || v.outcome === 'unknown');
    if (failed.length === 0)
        return null;
    const lines = failed.map((v) => `- ${commandText(v.command)}: ${v.why ?? ''}${v.outcome === 'unknown' ? ` (review of \`${headSha.slice(0, 7)}\`; the ids are in the checklist of the review comment)` : ''}.`);
    return [`@${login}, this was not done:`, '', ...lines].join('\n');
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


/***/ })

};
