export const id = 480;
export const ids = [480];
export const modules = {

/***/ 480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMPARE_FILES_CAP: () => (/* binding */ COMPARE_FILES_CAP),
/* harmony export */   compareCommits: () => (/* binding */ compareCommits),
/* harmony export */   queueBranches: () => (/* binding */ queueBranches)
/* harmony export */ });
/* harmony import */ var _pull_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8400);

/** The compare API lists at most this many files of a comparison. */
const COMPARE_FILES_CAP = 300;
async function compareCommits(gh, repo, base, head) {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}` });
    return {
        files: (data.files ?? []).map(_pull_js__WEBPACK_IMPORTED_MODULE_0__.toPullFile),
        commits: data.commits.map((c) => c.sha),
        totalCommits: data.total_commits
    };
}
/** The merge queue's branches for a base branch (`gh-readonly-queue/<base>/pr-<N>-<sha>`), each with its commit. */
async function queueBranches(gh, repo, baseBranch) {
    const { data } = await gh.rest.git.listMatchingRefs({ ...repo, ref: `heads/gh-readonly-queue/${baseBranch}/` });
    return data.map((r) => ({ ref: r.ref, sha: r.object.sha }));
}


/***/ })

};
