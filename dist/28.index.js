export const id = 28;
export const ids = [28];
export const modules = {

/***/ 4028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_REASON_CHARS: () => (/* binding */ MAX_REASON_CHARS),
/* harmony export */   hasCommands: () => (/* binding */ hasCommands),
/* harmony export */   normaliseId: () => (/* binding */ normaliseId),
/* harmony export */   parseCommands: () => (/* binding */ parseCommands)
/* harmony export */ });
// The `/ml-review accept <id> <reason>` and `/ml-review revoke <id>` commands of a pull request's comments. Pure: the
// comments come in as plain data, in the order GitHub lists them.
const COMMAND_LINE = /^\/ml-review[ \t]+(accept|revoke)(?:[ \t]+(.*))?$/i;
/** The longest reason kept: a reason is a sentence, not a document. */
const MAX_REASON_CHARS = 500;
/** Whether a comment holds an accept or revoke command (a line of its own that starts with one). */
function hasCommands(body) {
    return body.split(/\r?\n/).some((line) => COMMAND_LINE.test(line.trim()));
}
/** `RAI-1A2B…` or `` `rai-1a2b…` `` as the ids are written; any other word as it is. */
function normaliseId(word) {
    const bare = word.replace(/^`+|`+$/g, '');
    return /^rai-/i.test(bare) ? `RAI-${bare.slice(4).toLowerCase()}` : bare;
}
/** The commands of one comment, one per line that starts with `/ml-review accept` or `/ml-review revoke`. */
function parseCommands(comment, pr) {
    if (comment.userType === 'Bot')
        return [];
    const out = [];
    for (const raw of comment.body.split(/\r?\n/)) {
        const m = COMMAND_LINE.exec(raw.trim());
        if (!m)
            continue;
        const kind = m[1].toLowerCase();
        const [word = '', ...rest] = (m[2] ?? '').trim().split(/\s+/);
        // an id is a short word; a longer one is kept short enough to quote
        const id = normaliseId(word).slice(0, 64);
        const reason = rest.join(' ').trim().slice(0, MAX_REASON_CHARS);
        const problem = id === ''
            ? `names no item id (write \`/ml-review ${kind} <id>${kind === 'accept' ? ' <reason>' : ''}\`)`
            : kind === 'accept' && reason === ''
                ? 'gives no reason (write `/ml-review accept <id> <reason>`)'
                : undefined;
        out.push({ kind, id, reason: kind === 'accept' ? reason : '', comment, pr, ...(problem ? { problem } : {}) });
    }
    return out;
}


/***/ })

};
