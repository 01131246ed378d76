export const id = 863;
export const ids = [863];
export const modules = {

/***/ 6863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listIssueComments: () => (/* binding */ listIssueComments),
/* harmony export */   permissionOf: () => (/* binding */ permissionOf),
/* harmony export */   replyMarker: () => (/* binding */ replyMarker),
/* harmony export */   replyOnce: () => (/* binding */ replyOnce)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9952);

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
