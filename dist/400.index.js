export const id = 400;
export const ids = [400];
export const modules = {

/***/ 3903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ng: () => (/* binding */ COMPACTED_BLOB),
  $y: () => (/* binding */ compactNotebookStream)
});

// UNUSED EXPORTS: NotebookCompactor, compactNotebook

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/diff/blob-hash.ts
// The SHA-1 of each image value the notebook compactor leaves out. Hashing is the one step of compaction that is not
// a byte search (SHA-1 runs at about 2 GB/s, a search at tens): on a big pull request it would be most of the main
// thread's work while the downloads wait. Past a run's first 64 MiB it runs on a worker thread instead: the bytes
// are copied (at memory speed) into blocks that go to the worker and come back to be filled again, so nothing the
// download still owns ever leaves this thread.


/** Hashes on the calling thread, at once. */
const inlineHasher = {
    start: () => {
        const h = (0,external_node_crypto_.createHash)('sha1');
        return { update: (part) => void h.update(part), digest: () => h.digest('hex') };
    },
    chunkDone: () => undefined,
    ready: () => null
};
// Kept as source text so that the bundle stays one file; plain CommonJS, Node's own modules only.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const hashes = new Map()
parentPort.on('message', ({ parts, done }) => {
  const buffers = []
  let bytes = 0
  for (const [id, buffer, offset, length] of parts) {
    let h = hashes.get(id)
    if (!h) hashes.set(id, (h = createHash('sha1')))
    h.update(new Uint8Array(buffer, offset, length))
    bytes += length
    if (!buffers.includes(buffer)) buffers.push(buffer)
  }
  const digests = done.map((id) => {
    const h = hashes.get(id) ?? createHash('sha1')
    hashes.delete(id)
    return [id, h.digest('hex')]
  })
  // the blocks go back to be filled again
  parentPort.postMessage({ bytes, digests, buffers }, buffers)
})
`;
/** Bytes hashed on the calling thread before the worker is started: a small review never starts it. */
const INLINE_FIRST = 64 * 1024 * 1024;
/** Size of the blocks that carry bytes to the worker. */
const BLOCK = 256 * 1024;
/** Bytes handed to the worker and not yet hashed, past which reading waits. */
const MAX_QUEUED = 4 * 1024 * 1024;
/** Blocks kept for reuse. */
const MAX_FREE = MAX_QUEUED / BLOCK + 8;
/** The one hashing thread of the process, started on first use, and its blocks. */
class HashThread {
    inlineBytes = 0;
    failure = null;
    worker = null;
    nextId = 1;
    queued = 0;
    free = [];
    waiting = new Map();
    wake = [];
    id() {
        return this.nextId++;
    }
    block() {
        return this.free.pop() ?? Buffer.allocUnsafeSlow(BLOCK);
    }
    /** Sends parts (in `block`) and the hashes whose parts are all sent; those resolve to their digests. */
    send(parts, done, block) {
        if (this.failure) {
            for (const d of done)
                d.reject(this.failure);
            return;
        }
        for (const d of done)
            this.waiting.set(d.id, d);
        for (const p of parts)
            this.queued += p[3];
        try {
            const w = this.spawned();
            w.postMessage({ parts, done: done.map((d) => d.id) }, block ? [block.buffer] : []);
            // the run does not wait for the worker, only for the digests it owes
            if (this.waiting.size > 0)
                w.ref();
        }
        catch (e) {
            this.fail(e);
        }
    }
    ready() {
        if (this.queued <= MAX_QUEUED || this.failure)
            return null;
        return new Promise((resolve) => this.wake.push(resolve));
    }
    spawned() {
        if (this.worker)
            return this.worker;
        const w = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true });
        w.unref();
        w.on('message', (reply) => this.received(reply));
        w.on('error', (e) => this.fail(e));
        w.on('exit', (code) => this.fail(new Error(`the hashing thread stopped (exit code ${code})`)));
        this.worker = w;
        return w;
    }
    received(reply) {
        this.queued -= reply.bytes;
        for (const b of reply.buffers)
            if (this.free.length < MAX_FREE)
                this.free.push(Buffer.from(b));
        for (const [id, hex] of reply.digests) {
            this.waiting.get(id)?.resolve(hex);
            this.waiting.delete(id);
        }
        if (this.waiting.size === 0)
            this.worker?.unref();
        if (this.queued <= MAX_QUEUED)
            for (const w of this.wake.splice(0))
                w();
    }
    fail(e) {
        if (this.failure)
            return;
        this.failure = e;
        for (const w of this.waiting.values())
            w.reject(e);
        this.waiting.clear();
        for (const w of this.wake.splice(0))
            w();
    }
}
const thread = new HashThread();
/**
 * The hasher of one stream: on this thread until the run has hashed `inlineFirst` bytes, on the hashing thread after.
 */
class StreamHasher {
    inlineFirst;
    parts = [];
    done = [];
    block = null;
    used = 0;
    constructor(inlineFirst = INLINE_FIRST) {
        this.inlineFirst = inlineFirst;
    }
    start() {
        if (thread.failure || thread.inlineBytes < this.inlineFirst) {
            const h = inlineHasher.start();
            return {
                update: (part) => {
                    thread.inlineBytes += part.length;
                    h.update(part);
                },
                digest: () => h.digest()
            };
        }
        const id = thread.id();
        return {
            update: (part) => this.copy(id, part),
            digest: () => new Promise((resolve, reject) => this.done.push({ id, resolve, reject }))
        };
    }
    chunkDone() {
        if (this.done.length > 0)
            this.flush();
    }
    ready() {
        return thread.ready();
    }
    copy(id, part) {
        for (let at = 0; at < part.length;) {
            if (!this.block) {
                this.block = thread.block();
                this.used = 0;
            }
            const n = Math.min(part.length - at, BLOCK - this.used);
            part.copy(this.block, this.used, at, at + n);
            this.parts.push([id, this.block.buffer, this.block.byteOffset + this.used, n]);
            this.used += n;
            at += n;
            if (this.used === BLOCK)
                this.flush();
        }
    }
    flush() {
        const { parts, done, block } = this;
        this.parts = [];
        this.done = [];
        this.block = null;
        thread.send(parts, done, block);
    }
}

;// CONCATENATED MODULE: ./src/diff/compact.ts
// Notebooks shrunk while they are read: the base64 data of image outputs (the bulk of a notebook's bytes) is replaced
// by a short placeholder that keeps its size and a hash, so nothing downstream (parse, align, "outputs changed",
// image sizes in summaries) ever holds or scans megabytes of pixels. A JSON string holds no raw line break, so the
// .ipynb line of every cell, source line and output is unchanged; everything that is not an image value passes
// through byte for byte (also when the text is not JSON at all).

/** Image data shorter than this (bytes of the JSON string) is left in place. */
const MIN_COMPACT = 1024;
/** `[base64 786432 bytes omitted, sha1 …]`: what `base64Bytes` reads back. */
const COMPACTED_BLOB = /^\[base64 (\d+) bytes omitted, sha1 [0-9a-f]{40}\]$/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const KEY_MAX = 256;
const isSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Feed the bytes of an .ipynb in any chunks; `end()` gives the compacted text. */
class NotebookCompactor {
    hasher;
    // a placeholder whose digest is still being computed elsewhere is a promise of its bytes
    out = [];
    pending = false;
    state = 'gap';
    // gap between strings: only whitespace and one colon means the next string is the value of the previous one
    colon = false;
    gapClean = true;
    lastKey = null;
    // the string being read
    imageValue = false;
    head = [];
    headLength = 0;
    length = 0;
    backslashRun = 0;
    escapes = 0;
    hash = null;
    tail = '';
    constructor(hasher = inlineHasher) {
        this.hasher = hasher;
    }
    push(chunk) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        this.scan(buf);
        this.hasher.chunkDone();
    }
    /** Whether the hasher asks the reader to wait (`await` it before the next chunk), else null. */
    ready() {
        return this.hasher.ready();
    }
    scan(buf) {
        let pos = 0;
        while (pos < buf.length) {
            if (this.state === 'gap') {
                const q = buf.indexOf(QUOTE, pos);
                const end = q === -1 ? buf.length : q;
                for (let k = pos; k < end && this.gapClean; k++) {
                    const c = buf[k];
                    if (c === COLON && !this.colon)
                        this.colon = true;
                    else if (!isSpace(c))
                        this.gapClean = false;
                }
                this.out.push(Buffer.from(buf.subarray(pos, q === -1 ? end : q + 1)));
                if (q === -1)
                    return;
                this.startString();
                pos = q + 1;
                continue;
            }
            // inside a string: its closing quote is the first one not escaped
            let q = buf.indexOf(QUOTE, pos);
            while (q !== -1 && this.escapedAt(buf, pos, q))
                q = buf.indexOf(QUOTE, q + 1);
            const end = q === -1 ? buf.length : q;
            this.take(buf.subarray(pos, end));
            if (q === -1)
                return;
            this.endString();
            pos = q + 1;
        }
    }
    /** The compacted text; only for the inline hasher (see `result` otherwise). */
    end() {
        this.finish();
        if (this.pending)
            throw new Error('image digests are still being computed: use result()');
        return Buffer.concat(this.out).toString('utf8');
    }
    /** The compacted text once every digest is in. */
    async result() {
        this.finish();
        return Buffer.concat(await Promise.all(this.out.map(async (p) => p))).toString('utf8');
    }
    finish() {
        // an unterminated string: not JSON; what was kept passes through, image data stays out
        if (this.state === 'blob')
            this.pushPlaceholder('');
        else if (this.state === 'string')
            this.flushHead();
        this.state = 'gap';
        this.hasher.chunkDone();
    }
    startString() {
        this.imageValue =
            this.colon &&
                this.gapClean &&
                this.lastKey !== null &&
                this.lastKey.startsWith('image/') &&
                !this.lastKey.startsWith('image/svg');
        this.state = 'string';
        this.head = [];
        this.headLength = 0;
        this.length = 0;
        this.backslashRun = 0;
        this.escapes = 0;
        this.hash = null;
        this.tail = '';
    }
    /** Whether the quote at q is escaped (an odd run of backslashes before it, maybe from earlier chunks). */
    escapedAt(buf, from, q) {
        let run = 0;
        let k = q - 1;
        while (k >= from && buf[k] === BACKSLASH) {
            run++;
            k--;
        }
        if (k < from)
            run += this.backslashRun;
        return run % 2 === 1;
    }
    take(part) {
        if (part.length === 0)
            return;
        // backslashes at the end of what was read so far, for a quote at the start of the next chunk
        let run = 0;
        for (let k = part.length - 1; k >= 0 && part[k] === BACKSLASH; k--)
            run++;
        this.backslashRun = run === part.length ? this.backslashRun + run : run;
        this.length += part.length;
        if (this.state === 'blob')
            return this.feedBlob(part);
        const copy = Buffer.from(part);
        if (this.imageValue || this.headLength < KEY_MAX + 1) {
            this.head.push(copy);
            this.headLength += copy.length;
            if (this.imageValue && this.headLength >= MIN_COMPACT) {
                // long enough: from now on hash and count instead of keeping
                this.state = 'blob';
                this.hash = this.hasher.start();
                const held = Buffer.concat(this.head);
                this.head = [];
                this.headLength = 0;
                this.feedBlob(held);
            }
            if (!this.imageValue && this.headLength > KEY_MAX)
                this.flushHead();
            return;
        }
        this.out.push(copy);
    }
    feedBlob(part) {
        this.hash?.update(part);
        for (let k = part.indexOf(BACKSLASH); k !== -1; k = part.indexOf(BACKSLASH, k + 1))
            this.escapes++;
        this.tail = (this.tail + part.subarray(Math.max(0, part.length - 8)).toString('latin1')).slice(-8);
    }
    /** The placeholder of the value just read, then `after`. */
    pushPlaceholder(after) {
        const clean = this.tail.replace(/(\\n)+$/, '');
        const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
        const bytes = Math.max(0, Math.floor(((this.length - 2 * this.escapes) * 3) / 4) - padding);
        const text = (hex) => Buffer.from(`[base64 ${bytes} bytes omitted, sha1 ${hex}]${after}`);
        const digest = this.hash?.digest() ?? '';
        if (typeof digest === 'string') {
            this.out.push(text(digest));
        }
        else {
            const piece = digest.then(text);
            // a failure is met by `result`; until then it must not count as unhandled
            piece.catch(() => undefined);
            this.out.push(piece);
            this.pending = true;
        }
        this.hash = null;
    }
    flushHead() {
        for (const h of this.head)
            this.out.push(h);
        this.head = [];
    }
    endString() {
        if (this.state === 'blob') {
            this.pushPlaceholder('"');
            this.lastKey = null;
        }
        else {
            const text = this.length <= KEY_MAX ? Buffer.concat(this.head).toString('utf8') : null;
            this.flushHead();
            this.out.push(Buffer.from('"'));
            this.lastKey = text;
        }
        this.state = 'gap';
        this.colon = false;
        this.gapClean = true;
    }
}
/**
 * Reads a body stream through the compactor, image data hashed on the hashing thread once the run has hashed
 * `threadAfter` bytes on this one (a default that keeps small reviews single-threaded).
 */
async function compactNotebookStream(body, opts = {}) {
    const c = new NotebookCompactor(new StreamHasher(opts.threadAfter));
    for await (const chunk of body) {
        c.push(chunk);
        const wait = c.ready();
        if (wait)
            await wait;
    }
    return c.result();
}
/** The same on a whole text (local files, tests). */
function compactNotebook(text) {
    const c = new NotebookCompactor();
    c.push(Buffer.from(text, 'utf8'));
    return c.end();
}


/***/ }),

/***/ 8400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PR_FILES_CAP: () => (/* binding */ PR_FILES_CAP),
/* harmony export */   getFileContent: () => (/* binding */ getFileContent),
/* harmony export */   getPull: () => (/* binding */ getPull),
/* harmony export */   listTree: () => (/* binding */ listTree),
/* harmony export */   mergeBase: () => (/* binding */ mergeBase),
/* harmony export */   pullFilePages: () => (/* binding */ pullFilePages),
/* harmony export */   toPullFile: () => (/* binding */ toPullFile)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2842);
/* harmony import */ var _diff_compact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3903);


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
    if (known <= 1) {
        const pages = gh.paginate.iterator(gh.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: PER_PAGE });
        for await (const { data } of pages)
            yield toPullFiles(data);
        return;
    }
    const limit = opts.limit ?? ((fn) => fn());
    const page = (n) => limit(() => gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page: n }));
    const ahead = Array.from({ length: known }, (_, i) => page(i + 1));
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
    for (let n = known + 1; last && hasNext(last); n++) {
        last = await page(n);
        yield toPullFiles(last.data);
    }
}
/** Whether GitHub links a next page (it stops linking at its cap, and after the last file). */
function hasNext(res) {
    return /\brel="next"/.test(String(res.headers.link ?? ''));
}
/** File content at a ref through the raw media type (works past the 1 MB limit of the JSON contents API). */
async function getFileContent(gh, repo, path, ref) {
    // a notebook is read as a stream and compacted on the way (image data out), never held whole
    const notebook = path.toLowerCase().endsWith('.ipynb');
    let data;
    try {
        const res = await gh.rest.repos.getContent({
            ...repo,
            path,
            ref,
            mediaType: { format: 'raw' },
            ...(notebook ? { request: { parseSuccessResponseBody: false } } : {})
        });
        data = notebook ? await (0,_diff_compact_js__WEBPACK_IMPORTED_MODULE_1__/* .compactNotebookStream */ .$y)(res.data) : res.data;
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
