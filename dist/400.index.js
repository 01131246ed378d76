export const id = 400;
export const ids = [400];
export const modules = {

/***/ 8400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PR_FILES_CAP: () => (/* binding */ PR_FILES_CAP),
/* harmony export */   firstFilesPage: () => (/* binding */ firstFilesPage),
/* harmony export */   getFileContent: () => (/* binding */ getFileContent),
/* harmony export */   getPull: () => (/* binding */ getPull),
/* harmony export */   listTree: () => (/* binding */ listTree),
/* harmony export */   mergeBase: () => (/* binding */ mergeBase),
/* harmony export */   pullFilePages: () => (/* binding */ pullFilePages),
/* harmony export */   toPullFile: () => (/* binding */ toPullFile)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9952);
/* harmony import */ var _notebook_fetch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(215);
/* harmony import */ var _diff_compact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3903);



/** GitHub's pull request files API lists at most this many files. */
const PR_FILES_CAP = 3000;
async function getPull(gh, repo, number) {
    const { data } = await gh.rest.pulls.get({ ...repo, pull_number: number });
    return {
        number: data.number,
        title: data.title,
        headSha: data.head.sha,
        baseSha: data.base.sha,
        headRef: data.head.ref,
        baseRef: data.base.ref,
        changedFiles: data.changed_files,
        htmlUrl: data.html_url,
        author: data.user.login,
        draft: data.draft ?? false
    };
}
/** Files per page of the PR files API (its maximum). */
const PER_PAGE = 100;
/** A changed file as the PR files and compare APIs both list it. */
const toPullFile = (f) => ({
    path: f.filename,
    previousPath: f.previous_filename,
    status: f.status,
    patch: f.patch,
    additions: f.additions,
    deletions: f.deletions
});
const toPullFiles = (data) => data.map(toPullFile);
/**
 * The PR's files page by page, in order, so that work on a page can start while the next ones are requested. When
 * the PR says how many files it changes, the pages that count implies are requested at once through `limit` (the
 * same Octokit, so retries and rate limits apply to each); past them the list is followed one page at a time for as
 * long as GitHub says there is a next page, since the count can be stale.
 */
async function* pullFilePages(gh, repo, number, opts = {}) {
    const known = Math.min(PR_FILES_CAP / PER_PAGE, Math.ceil((opts.changedFiles ?? 0) / PER_PAGE));
    const limit = opts.limit ?? ((fn) => fn());
    const page = (n) => limit(() => gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page: n }));
    if (known <= 1 && !opts.first) {
        const pages = gh.paginate.iterator(gh.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: PER_PAGE });
        for await (const { data } of pages)
            yield toPullFiles(data);
        return;
    }
    const count = Math.max(1, known);
    const ahead = Array.from({ length: count }, (_, i) => (i === 0 && opts.first ? opts.first : page(i + 1)));
    // pages not awaited (the list ended early, or an earlier page failed) must not reject with nobody listening
    for (const p of ahead)
        p.catch(() => undefined);
    let last;
    for (const p of ahead) {
        last = await p;
        yield toPullFiles(last.data);
        if (!hasNext(last))
            return;
    }
    for (let n = count + 1; last && hasNext(last); n++) {
        last = await page(n);
        yield toPullFiles(last.data);
    }
}
/** The request for the first page of a PR's files, made ahead (before the review's inputs are read). */
function firstFilesPage(gh, repo, number) {
    const first = gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page: 1 });
    // a run that never lists the files must not fail on its rejection
    first.catch(() => undefined);
    return first;
}
/** Whether GitHub links a next page (it stops linking at its cap, and after the last file). */
function hasNext(res) {
    return /\brel="next"/.test(String(res.headers.link ?? ''));
}
/** File content at a ref through the raw media type (works past the 1 MB limit of the JSON contents API). */
async function getFileContent(gh, repo, path, ref) {
    // a notebook is read as a stream and compacted on the way (image data out), never held whole: on a reading thread
    // when the client has them (its answer is the compacted text), else here
    const notebook = path.toLowerCase().endsWith('.ipynb');
    const fetch = notebook ? (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .notebookFetchOf */ .HV)(gh) : undefined;
    let data;
    try {
        const res = await gh.rest.repos.getContent({
            ...repo,
            path,
            ref,
            mediaType: { format: 'raw' },
            ...(notebook ? { request: { parseSuccessResponseBody: false, ...(fetch ? { fetch } : {}) } } : {})
        });
        data = notebook
            ? ((0,_notebook_fetch_js__WEBPACK_IMPORTED_MODULE_1__/* .compactedBody */ .ni)(res.data) ??
                (await (0,_diff_compact_js__WEBPACK_IMPORTED_MODULE_2__/* .compactNotebookStream */ .$y)((0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .countedNotebookBody */ .c7)(gh, res.data))))
            : res.data;
    }
    catch (e) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(e) === 404)
            return { text: null, note: `not found at ${ref.slice(0, 7)}` };
        throw e;
    }
    const text = typeof data === 'string'
        ? data
        : data instanceof ArrayBuffer
            ? new TextDecoder('utf-8').decode(data)
            : JSON.stringify(data);
    if (text.includes('\u0000'))
        return { text: null, note: 'binary file' };
    if (text.startsWith('version https://git-lfs.github.com/spec/v1')) {
        return { text: null, note: 'Git LFS pointer (content not in the repository)' };
    }
    return { text };
}
/**
 * The commit a pull request's change is measured from (the merge base of base and head), through the compare API;
 * the base sha when the API does not say.
 */
async function mergeBase(gh, repo, baseSha, headSha) {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${baseSha}...${headSha}`,
        per_page: 1
    });
    return data.merge_base_commit?.sha ?? baseSha;
}
/**
 * Every file (blob) at a commit through the git trees API. A recursive listing that GitHub truncated (over 100,000
 * entries or 7 MB) is completed by walking the subtrees one level at a time.
 */
async function listTree(gh, repo, sha) {
    const { data } = await gh.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' });
    const blobs = (entries, prefix = '') => entries
        .filter((e) => e.type === 'blob' && e.path)
        .map((e) => ({ path: prefix + e.path, size: e.size ?? 0, ...(e.sha ? { sha: e.sha } : {}) }));
    if (!data.truncated)
        return { files: blobs(data.tree), walked: false };
    const files = [];
    const queue = [{ sha, prefix: '' }];
    while (queue.length > 0) {
        const next = queue.shift();
        const { data: level } = await gh.rest.git.getTree({ ...repo, tree_sha: next.sha });
        files.push(...blobs(level.tree, next.prefix));
        for (const e of level.tree) {
            if (e.type === 'tree' && e.sha && e.path)
                queue.push({ sha: e.sha, prefix: `${next.prefix}${e.path}/` });
        }
    }
    return { files, walked: true };
}


/***/ })

};
