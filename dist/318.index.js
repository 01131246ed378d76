export const id = 318;
export const ids = [318,400];
export const modules = {

/***/ 4318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FETCH_CONCURRENCY: () => (/* binding */ FETCH_CONCURRENCY),
/* harmony export */   collectPullFiles: () => (/* binding */ collectPullFiles)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(370);
/* harmony import */ var _github_pull_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8400);
/* harmony import */ var _select_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5936);
// Gathers a pull request's ML files with both sides of their content, through the API only.



/** Parallel content fetches: enough to hide API latency, few enough to stay clear of secondary rate limits. */
const FETCH_CONCURRENCY = 8;
async function collectPullFiles(gh, repo, pr, globs, 
/** the changed files from elsewhere than the PR files API (a merge group's compare), with that list's cap */
listing, 
/** called with each ML file as soon as both of its sides are in, while the rest is still being read */
onFile) {
    const cap = listing?.cap ?? _github_pull_js__WEBPACK_IMPORTED_MODULE_0__.PR_FILES_CAP;
    const of = listing?.of ?? 'a pull request';
    const notes = [];
    const sel = (0,_select_js__WEBPACK_IMPORTED_MODULE_1__/* .makeSelector */ .qB)(globs.paths, globs.exclude);
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A)(FETCH_CONCURRENCY);
    // each (path, ref) is fetched once even when a rename and a content check both want it
    const cache = new Map();
    const fetch = (path, ref) => {
        const key = `${ref}\u0000${path}`;
        let p = cache.get(key);
        if (!p) {
            p = limit(() => (0,_github_pull_js__WEBPACK_IMPORTED_MODULE_0__.getFileContent)(gh, repo, path, ref));
            cache.set(key, p);
        }
        return p;
    };
    const one = async (f) => {
        const byGlob = sel.matchesGlobs(f.path) || (f.previousPath !== undefined && sel.matchesGlobs(f.previousPath));
        if (!byGlob && !sel.isContentCandidate(f.path))
            return null;
        const fileNotes = [];
        const basePath = f.previousPath ?? f.path;
        // a file the globs take needs both sides: they are read together (the cache hands the same read out below)
        if (byGlob && f.status !== 'added' && f.status !== 'removed')
            fetch(basePath, pr.baseSha).catch(() => undefined);
        const after = f.status === 'removed' ? { text: null } : await fetch(f.path, pr.headSha);
        if (!byGlob) {
            // outside the globs a config counts only when its content carries training or fairness-evaluation keys
            const probe = after.text ?? (f.status === 'removed' ? (await fetch(f.path, pr.baseSha)).text : null);
            if (probe === null || !(0,_select_js__WEBPACK_IMPORTED_MODULE_1__/* .isMlConfigContent */ .Rv)(f.path, probe))
                return null;
        }
        const before = f.status === 'added' ? { text: null } : await fetch(basePath, pr.baseSha);
        if (after.note && f.status !== 'removed')
            fileNotes.push(`head: ${after.note}`);
        if (before.note && f.status !== 'added')
            fileNotes.push(`base: ${before.note}`);
        const file = {
            path: f.path,
            previousPath: f.previousPath,
            status: f.status,
            patch: f.patch,
            before: before.text,
            after: after.text,
            notes: fileNotes.length > 0 ? fileNotes : undefined
        };
        onFile?.(file);
        return file;
    };
    // the files of a page are fetched while the next page is listed
    const pending = [];
    let total = 0;
    try {
        // listing pages share the fetch slots: the whole run keeps at most FETCH_CONCURRENCY requests in flight
        for await (const page of listing?.pages ??
            (0,_github_pull_js__WEBPACK_IMPORTED_MODULE_0__.pullFilePages)(gh, repo, pr.number, { changedFiles: pr.changedFiles, limit, first: pr.firstPage })) {
            for (const f of page) {
                const p = one(f);
                // handled now, awaited below: a fetch that fails while later pages are listed must not crash the process
                p.catch(() => undefined);
                pending.push(p);
            }
            total += page.length;
        }
    }
    catch (e) {
        // let the fetches already started settle, so that none of them rejects with nobody listening
        await Promise.allSettled(pending);
        throw e;
    }
    const picked = await Promise.all(pending);
    const changed = pr.changedFiles ?? 0;
    const unanalysed = [];
    const how = changed > total ? `this one changes ${changed}` : `this one changes at least ${total}`;
    if (total < cap && changed > total) {
        // a list shorter than the cap is complete: the count in the event is stale
        notes.push(`The event counted ${changed} changed files; GitHub listed ${total}, all of which were considered.`);
    }
    else if (total >= cap && changed !== total) {
        // exactly as many as the PR counts is the whole list, even at the cap
        // the rest is found by comparing the trees of the merge base and the head: a capped list must not hide an ML file
        const listed = new Set();
        for (const f of picked)
            if (f)
                listed.add(f.path);
        try {
            const rest = await unlistedChanges(gh, repo, pr, sel);
            const more = await Promise.all(rest.filter((f) => !listed.has(f.path)).map(one));
            const found = more.filter((f) => f !== null);
            picked.push(...found);
            notes.push(`GitHub lists at most ${cap} files of ${of}; ${how}, so the ML files were also found by comparing the trees of the base and the head (${found.length} past the list).`);
        }
        catch (e) {
            const reason = `GitHub lists at most ${cap} files of ${of}; ${how}, and the trees could not be compared (${e.message}), so files past the first ${total} were not reviewed`;
            notes.push(`${reason}.`);
            unanalysed.push({ path: `(files past the first ${total})`, reason });
        }
    }
    return {
        files: picked.filter((f) => f !== null),
        total,
        notes,
        ...(unanalysed.length > 0 ? { unanalysed } : {})
    };
}
/** ML-candidate paths whose blob differs between the merge base and the head, as PR files without patches. */
async function unlistedChanges(gh, repo, pr, sel) {
    const from = await (0,_github_pull_js__WEBPACK_IMPORTED_MODULE_0__.mergeBase)(gh, repo, pr.baseSha, pr.headSha).catch(() => pr.baseSha);
    const [base, head] = await Promise.all([(0,_github_pull_js__WEBPACK_IMPORTED_MODULE_0__.listTree)(gh, repo, from), (0,_github_pull_js__WEBPACK_IMPORTED_MODULE_0__.listTree)(gh, repo, pr.headSha)]);
    const wanted = (path) => sel.matchesGlobs(path) || sel.isContentCandidate(path);
    const baseByPath = new Map(base.files.filter((e) => wanted(e.path)).map((e) => [e.path, e]));
    const out = [];
    for (const e of head.files) {
        if (!wanted(e.path))
            continue;
        const old = baseByPath.get(e.path);
        baseByPath.delete(e.path);
        // without blob shas every candidate counts as changed: more is read, nothing is missed
        if (old && old.sha !== undefined && old.sha === e.sha)
            continue;
        out.push({ path: e.path, status: old ? 'modified' : 'added', additions: 0, deletions: 0 });
    }
    for (const e of baseByPath.values())
        out.push({ path: e.path, status: 'removed', additions: 0, deletions: 0 });
    return out;
}


/***/ }),

/***/ 5936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rv: () => (/* binding */ isMlConfigContent),
/* harmony export */   qB: () => (/* binding */ makeSelector)
/* harmony export */ });
/* unused harmony exports hasTrainingKeys, hasFairnessEvaluationKeys */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _checks_file_role_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8520);
/* harmony import */ var _checks_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1497);
// Which changed files are ML files: SPEC §4's globs (or the `paths` input), minus `exclude`, plus config files whose
// content carries training keys or sets up a fairness evaluation. Pure: contents come in as strings.



/** Never ML files, whatever the globs or content say. */
const NEVER = picomatch__WEBPACK_IMPORTED_MODULE_1___default()(['**/package.json', '**/tsconfig*.json', '**/*.lock', '**/*-lock.{json,yaml}', '.github/**'], {
    dot: true
});
const LOCK_NAMES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'poetry.lock']);
const CONFIG_EXT = /\.(ya?ml|json|toml)$/i;
/** Keys that on their own mark a training config. */
const STRONG_KEYS = [
    'learning_rate',
    'num_train_epochs',
    'per_device_train_batch_size',
    'gradient_accumulation_steps',
    'warmup_steps',
    'warmup_ratio',
    'lora_alpha',
    'lora_r',
    'train_batch_size',
    'micro_batch_size',
    'warmup_epochs',
    'lr0',
    'base_lr'
];
/** Keys common outside ML too: two of them together mark a training config. */
const WEAK_KEYS = [
    'lr',
    'epochs',
    'max_epochs',
    'batch_size',
    'optimizer',
    'weight_decay',
    'momentum',
    'max_steps',
    'seed',
    'r'
];
function makeSelector(paths, exclude) {
    const include = picomatch__WEBPACK_IMPORTED_MODULE_1___default()(paths, { dot: true });
    const exc = exclude.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_1___default()(exclude, { dot: true }) : () => false;
    const never = (p) => NEVER(p) || LOCK_NAMES.has(p.split('/').pop() ?? '');
    return {
        matchesGlobs: (p) => !never(p) && !exc(p) && include(p),
        isContentCandidate: (p) => !never(p) && !exc(p) && !include(p) && CONFIG_EXT.test(p),
        excluded: (p) => never(p) || exc(p)
    };
}
function keyPattern(key) {
    // YAML `key:`, JSON `"key":`, TOML `key =` at the start of a line (after indentation, list dash or JSON punctuation)
    return new RegExp(`(?:^|[\\s{,-])["']?${key}["']?\\s*[:=]`, 'm');
}
const STRONG_RE = STRONG_KEYS.map(keyPattern);
const WEAK_RE = WEAK_KEYS.map(keyPattern);
/** Whether a config's content marks it as a training config (SPEC §4). */
function hasTrainingKeys(text) {
    if (STRONG_RE.some((re) => re.test(text)))
        return true;
    return WEAK_RE.filter((re) => re.test(text)).length >= 2 || datasetSplits(text);
}
/** A key at the top level of a YAML file. */
const TOP_KEY = (key) => new RegExp(`^["']?${key}["']?\\s*:`, 'm');
const SPLIT_KEYS = [TOP_KEY('train'), TOP_KEY('val')];
const CLASS_KEYS = [TOP_KEY('names'), TOP_KEY('nc')];
/** A dataset config of a detection or classification trainer: its splits and its classes at the top level
 * (`train: train2017.txt`, `val: val2017.txt`, `names:` / `nc:`, as YOLO reads them): which images train and which
 * measure the model. */
function datasetSplits(text) {
    return SPLIT_KEYS.every((re) => re.test(text)) && CLASS_KEYS.some((re) => re.test(text));
}
/** A config's keys: YAML `key:`, JSON `"key":` (anywhere on a line), TOML `key =`. */
const CONFIG_KEY = /(?:^|[\s{,[])["']?([A-Za-z_][\w.-]{0,80})["']?\s*[:=](?!:)/gm;
/** Its identifier-like scalar values (a task, dataset or metric name, not prose): after `:`, `=`, a list dash or a list's opening bracket. */
const CONFIG_NAME_VALUE = /(?:[:=]|^\s*-)[ \t]*(?:\[[ \t]*)?["']?([A-Za-z_][\w./-]{0,120})["']?[ \t]*(?=[,\]}]|$)/gm;
/** How much of a config the fairness probe reads: evaluation settings sit near the top, data tables do not count. */
const FAIRNESS_PROBE_CHARS = 256 * 1024;
/**
 * Whether a config sets up a fairness evaluation: a key or a named value speaks of fairness (`sensitive_features`,
 * `ref_groups_method`, `fairness_measures`, a bias benchmark's task or dataset such as `crows_pairs_*` or `bbq`).
 * Such a config holds no training keys, yet a change to it changes what the merge gate audits.
 */
function hasFairnessEvaluationKeys(text) {
    const head = text.length > FAIRNESS_PROBE_CHARS ? text.slice(0, FAIRNESS_PROBE_CHARS) : text;
    for (const m of head.matchAll(CONFIG_KEY))
        if ((0,_checks_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .speaksOfFairness */ .eF)(m[1]))
            return true;
    for (const m of head.matchAll(CONFIG_NAME_VALUE))
        if ((0,_checks_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .speaksOfFairness */ .eF)(m[1]))
            return true;
    return false;
}
/**
 * Whether a config outside the globs counts as an ML file by its content (SPEC §4): training keys, or a fairness
 * evaluation's settings in a file that is not project tooling (a manifest, CI pipeline or docs-site config).
 */
function isMlConfigContent(path, text) {
    if (hasTrainingKeys(text))
        return true;
    if ((0,_checks_file_role_js__WEBPACK_IMPORTED_MODULE_2__/* .projectTooling */ .I)(path))
        return false;
    // a config named for a fairness criterion (`fairness_statistical_parity.json`) is one, whatever its keys say
    return hasFairnessEvaluationKeys(text) || _checks_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .FAIRNESS_FILE */ .BV.test(path.slice(path.lastIndexOf('/') + 1));
}


/***/ }),

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


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	validateConcurrency(concurrency);

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		if (activeCount < concurrency && queue.size > 0) {
			queue.dequeue()();
			// Since `pendingCount` has been decreased by one, increase `activeCount` by one.
			activeCount++;
		}
	};

	const next = () => {
		activeCount--;

		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		const result = (async () => function_(...arguments_))();

		resolve(result);

		try {
			await result;
		} catch {}

		next();
	};

	const enqueue = (function_, resolve, arguments_) => {
		// Queue `internalResolve` instead of the `run` function
		// to preserve asynchronous context.
		new Promise(internalResolve => {
			queue.enqueue(internalResolve);
		}).then(
			run.bind(undefined, function_, resolve, arguments_),
		);

		(async () => {
			// This function needs to wait until the next microtask before comparing
			// `activeCount` to `concurrency`, because `activeCount` is updated asynchronously
			// after the `internalResolve` function is dequeued and called. The comparison in the if-statement
			// needs to happen asynchronously as well to get an up-to-date value for `activeCount`.
			await Promise.resolve();

			if (activeCount < concurrency) {
				resumeNext();
			}
		})();
	};

	const generator = (function_, ...arguments_) => new Promise(resolve => {
		enqueue(function_, resolve, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				queue.clear();
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
	});

	return generator;
}

function limitFunction(function_, option) {
	const {concurrency} = option;
	const limit = pLimit(concurrency);

	return (...arguments_) => limit(() => function_(...arguments_));
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
