export const id = 327;
export const ids = [327,28,863];
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


/***/ }),

/***/ 8327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readLedger: () => (/* binding */ readLedger)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9652);
/* harmony import */ var _github_issue_comments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6863);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4028);



async function readLedger(gh, repo, pulls) {
    const commands = [];
    const notes = [];
    const authors = new Map();
    for (const pull of pulls) {
        if (pull.author)
            authors.set(pull.number, pull.author);
        try {
            for (const c of await (0,_github_issue_comments_js__WEBPACK_IMPORTED_MODULE_1__.listIssueComments)(gh, repo, pull.number))
                commands.push(...(0,_commands_js__WEBPACK_IMPORTED_MODULE_2__.parseCommands)(c, pull.number));
        }
        catch (e) {
            // fail closed: a listing that stopped half-way could hide a revoke, so none of its commands count
            notes.push(`The comments of #${pull.number} could not be read (${(0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}), so no finding counts as accepted there in this run.`);
        }
    }
    const permissions = new Map();
    for (const login of new Set(commands.map((c) => c.comment.login))) {
        try {
            permissions.set(login, await (0,_github_issue_comments_js__WEBPACK_IMPORTED_MODULE_1__.permissionOf)(gh, repo, login));
        }
        catch (e) {
            permissions.set(login, { error: (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e) });
        }
    }
    return { commands, permissions, authors, notes };
}


/***/ }),

/***/ 6863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listIssueComments: () => (/* binding */ listIssueComments),
/* harmony export */   permissionOf: () => (/* binding */ permissionOf),
/* harmony export */   replyMarker: () => (/* binding */ replyMarker),
/* harmony export */   replyOnce: () => (/* binding */ replyOnce)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9652);

const ROLES = new Set(['admin', 'maintain', 'write', 'triage', 'read', 'none']);
/** Every comment of an issue or pull request, oldest first. */
async function listIssueComments(gh, repo, issue) {
    const out = [];
    const pages = gh.paginate.iterator(gh.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
    for await (const page of pages) {
        for (const c of page.data) {
            out.push({
                id: c.id,
                body: c.body ?? '',
                login: c.user?.login ?? '',
                userType: c.user?.type ?? '',
                createdAt: c.created_at,
                url: c.html_url
            });
        }
    }
    return out;
}
/**
 * A user's role on the repository, asked of the API (`author_association` says nothing of write access). The
 * fine-grained `role_name` names `maintain` and `triage`, which the older `permission` folds into write and read.
 */
async function permissionOf(gh, repo, username) {
    try {
        const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
        const role = (data.role_name || data.permission);
        return ROLES.has(role) ? role : 'none';
    }
    catch (e) {
        // no such user, or not one GitHub will say anything of: no permission
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(e) === 404)
            return 'none';
        throw e;
    }
}
/** The hidden line that marks our reply to a command comment, so a re-run never replies twice. */
function replyMarker(commentId) {
    return `<!-- ml-engineering-review:reply-to=${commentId} -->`;
}
/**
 * Replies to a command comment once: when a comment already holds the marker, nothing is posted. (Anyone can write
 * the marker, which only keeps our reply to their own command away.)
 */
async function replyOnce(gh, repo, issue, commentId, text) {
    const marker = replyMarker(commentId);
    const comments = await listIssueComments(gh, repo, issue);
    if (comments.some((c) => c.body.includes(marker)))
        return 'already';
    await gh.rest.issues.createComment({ ...repo, issue_number: issue, body: `${marker}\n${text}` });
    return 'posted';
}


/***/ })

};
