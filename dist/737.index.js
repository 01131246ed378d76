export const id = 737;
export const ids = [737];
export const modules = {

/***/ 4048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OF: () => (/* binding */ fenced),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   eC: () => (/* binding */ omitBlobs),
/* harmony export */   f5: () => (/* binding */ base64Bytes),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _compact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3903);
// Helpers that keep embedded binary data (base64 images, data URIs) out of everything we show.

/** A run this long of base64 alphabet is data, not code or prose. */
const BLOB = /[A-Za-z0-9+/]{200,}={0,2}/g;
/** Human size: `812 B`, `96 KB`, `1.4 MB`. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    if (bytes < 1024 * 1024)
        return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
/** Bytes encoded by a base64 string (whitespace ignored). */
function base64Bytes(data) {
    const compacted = _compact_js__WEBPACK_IMPORTED_MODULE_0__/* .COMPACTED_BLOB */ .ng.exec(data);
    if (compacted)
        return Number(compacted[1]);
    const clean = data.replace(/\s+/g, '');
    const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
    return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
/** Replaces every long base64 run with a short placeholder; never adds or removes line breaks. */
function omitBlobs(text) {
    return text.replace(BLOB, (run) => `[base64 ${formatBytes(base64Bytes(run))} omitted]`);
}
/** A markdown code fence longer than any backtick run inside `body`. */
function fenced(body, lang = '') {
    let longest = 0;
    for (const run of body.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${lang}\n${body.endsWith('\n') ? body : body + '\n'}${fence}`;
}
/** An inline code span that survives backticks in its content. */
function codeSpan(text) {
    if (!text.includes('`'))
        return `\`${text}\``;
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    const ticks = '`'.repeat(longest + 1);
    return `${ticks} ${text} ${ticks}`;
}


/***/ }),

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

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fs: () => (/* binding */ secretKindOfName),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   lr: () => (/* binding */ setKnownSecrets)
/* harmony export */ });
/* unused harmony export shannonEntropy */
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(186);
// Secrets never leave the runner: known token shapes and secret-named assignments become `[REDACTED:<kind>]`.
// Every pattern is linear on hostile input: names start only where a word starts, every repeat is bounded.

const tag = (kind) => `[REDACTED:${kind}]`;
/** A base64 run this long around a match means the match is inside embedded data (an image), not a key. */
const BLOB_RUN = 100;
const BASE64_CHAR = /[A-Za-z0-9+/=]/;
function insideBlob(text, start, end) {
    // walk at most BLOB_RUN each way: many keys inside one long run must not rescan it per key
    let left = start;
    while (left > 0 && start - left < BLOB_RUN && BASE64_CHAR.test(text[left - 1]))
        left--;
    let right = end;
    while (right < text.length && right - end < BLOB_RUN && BASE64_CHAR.test(text[right]))
        right++;
    return right - left >= BLOB_RUN;
}
const TOKEN_RULES = [
    { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g },
    { kind: 'slack-webhook', pattern: /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,250}/g },
    { kind: 'stripe-key', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,250}/g },
    { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
    {
        kind: 'jwt',
        pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,4096}/g
    },
    { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
    { kind: 'pypi-token', pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,1000}/g },
    {
        kind: 'azure-storage-key',
        pattern: /(\b(?:AccountKey|SharedAccessKey|SharedAccessSignature)[ \t]{0,5}=[ \t]{0,5})([A-Za-z0-9+/%=]{20,500})/gi,
        group: 2
    },
    { kind: 'azure-sas-signature', pattern: /([?&]sig=)([A-Za-z0-9%+/=]{20,500})/g, group: 2 },
    { kind: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,100}/g },
    {
        kind: 'netrc-password',
        pattern: /(\bmachine[ \t\n]{1,20}[^\s]{1,256}(?:[ \t\n]{1,20}login[ \t\n]{1,20}[^\s]{1,256})?[ \t\n]{1,20}password[ \t\n]{1,20})([^\s]{1,1024})/g,
        group: 2
    },
    { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
    { kind: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
    {
        kind: 'openai-key',
        pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
        // Real keys are random: digits and capitals; a hyphenated slug such as sk-learn-… is not a key.
        accept: (m) => !m.startsWith('sk-ant-') && /\d/.test(m) && (/[A-Z]/.test(m) || m.length >= 40)
    },
    { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
    {
        kind: 'aws-access-key-id',
        pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}\b/g,
        blobCheck: true
    },
    {
        kind: 'wandb-api-key',
        pattern: /(\bWANDB_API_KEY\\?["']?\]?[ \t]{0,20}[:=][ \t]{0,20}\\?["']?|\bwandb\.login\([^)\n]{0,200}?\bkey[ \t]{0,20}=[ \t]{0,20}\\?["']|\bwandb[ \t]{1,20}login[ \t]{1,20}(?:--relogin[ \t]{1,20})?)([0-9a-f]{40})(?![0-9a-f])/gi,
        group: 2
    },
    {
        kind: 'bearer-token',
        pattern: /(\b(?:Bearer|Basic|token)[ \t]{1,20})([A-Za-z0-9._~+/-]{20,}=*)/g,
        group: 2,
        accept: (m) => /\d/.test(m) && !/^[a-z_.]+$/.test(m.split(/\s+/)[1] ?? '')
    }
];
/**
 * `scheme://user:password@host`, also with an empty user (`redis://:pass@host`) and an `@` inside the password (the
 * last `@` before the host ends it). Every part bounded, so a long run cannot make it backtrack for long.
 */
const URL_CREDENTIALS = /\b([a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/)([^\s:@/?#'"`<>\\]{0,256}):([^\s/?#'"`<>\\]{1,1024})@(?=[A-Za-z0-9[\]._-]{1,256}(?:[:/?#\s'"`<>\\]|$))/g;
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,20}-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,20}-----/g;
/** Replaces every secret with `[REDACTED:<kind>]`; `count` is how many were replaced. */
function redactSecrets(text) {
    let count = 0;
    let out = decodeTokenEscapes(text);
    out = redactKnown(out, () => count++);
    out = redactPemBlocks(out, () => count++);
    out = redactUnterminatedPem(out, () => count++);
    out = redactEnvLines(out, () => count++);
    out = out.replace(URL_CREDENTIALS, (_m, scheme, _user, _pass) => {
        count++;
        return `${scheme}${tag('url-credentials')}@`;
    });
    for (const rule of TOKEN_RULES) {
        out = out.replace(rule.pattern, (...args) => {
            const match = args[0];
            const groups = args.slice(1, -2);
            const offset = args[args.length - 2];
            if (rule.accept && !rule.accept(match))
                return match;
            if (rule.blobCheck && insideBlob(out, offset, offset + match.length))
                return match;
            count++;
            if (!rule.group)
                return tag(rule.kind);
            const secret = groups[rule.group - 1] ?? '';
            return match.slice(0, match.length - secret.length) + tag(rule.kind);
        });
    }
    const assigned = redactAssignments(out);
    return { text: assigned.text, count: count + assigned.count };
}
/** Every BEGIN…END private key block, found by position: a BEGIN without an END is left for the next step. */
function redactPemBlocks(text, counted) {
    PEM_BEGIN.lastIndex = 0;
    if (!PEM_BEGIN.test(text))
        return text;
    const parts = [];
    let last = 0;
    PEM_BEGIN.lastIndex = 0;
    let begin;
    while ((begin = PEM_BEGIN.exec(text)) !== null) {
        PEM_END.lastIndex = begin.index + begin[0].length;
        const end = PEM_END.exec(text);
        // no END after this BEGIN means none after any later BEGIN either: one scan, not one per BEGIN
        if (!end)
            break;
        counted();
        parts.push(text.slice(last, begin.index), tag('private-key'));
        last = end.index + end[0].length;
        PEM_BEGIN.lastIndex = last;
    }
    if (parts.length === 0)
        return text;
    parts.push(text.slice(last));
    return parts.join('');
}
const PEM_PREFIX = new Set([' ', '\t', '+', '-', '"', "'", ',']);
const PEM_SUFFIX = new Set([' ', '\t', '\r', '"', "'", ',']);
const BASE64_BODY = /^[A-Za-z0-9+/=]{16,}$/;
/** A line of a PEM body as it can appear in a patch or inside a JSON string (plain loops: no backtracking). */
function isPemBodyLine(line) {
    let from = 0;
    while (from < line.length && PEM_PREFIX.has(line[from]))
        from++;
    let to = line.length;
    while (to > from && PEM_SUFFIX.has(line[to - 1]))
        to--;
    if (line.endsWith('\\n', to))
        to -= 2;
    return BASE64_BODY.test(line.slice(from, to));
}
/** A BEGIN line without its END (a cut patch): drop it and the key lines that follow. */
function redactUnterminatedPem(text, counted) {
    PEM_BEGIN.lastIndex = 0;
    if (!PEM_BEGIN.test(text))
        return text;
    const lines = text.split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        PEM_BEGIN.lastIndex = 0;
        const begin = PEM_BEGIN.exec(lines[i]);
        if (!begin) {
            out.push(lines[i]);
            continue;
        }
        counted();
        out.push(lines[i].slice(0, begin.index) + tag('private-key'));
        while (i + 1 < lines.length && isPemBodyLine(lines[i + 1]))
            i++;
    }
    return out.join('\n');
}
/** `\u0067hp_…` in JSON text is `ghp_…` once read: decode escapes of token characters before matching. */
function decodeTokenEscapes(text) {
    if (!text.includes('\\u'))
        return text;
    return text.replace(/\\u(00[2-7][0-9A-Fa-f])/g, (escape, hex) => {
        const ch = String.fromCharCode(parseInt(hex, 16));
        // structure (quotes, backslashes) stays escaped: only characters a token is made of are decoded
        return /[A-Za-z0-9_\-+/=.:@]/.test(ch) ? ch : escape;
    });
}
/** `%env NAME=value`, `%env NAME value`, `%set_env`, `export NAME=value`, `setenv NAME value` with a secret name. */
const ENV_LINE = /((?:(?<![\w%])%(?:env|set_env)|\b(?:export|setenv|set))[ \t]{1,20}([A-Za-z_][A-Za-z0-9_]{0,100})(?:[ \t]{0,20}=[ \t]{0,20}|[ \t]{1,20}))(\\?["']?)([^\s"'\\]{1,4096})/g;
function redactEnvLines(text, counted) {
    if (!/%env|%set_env|export|setenv|\bset\b/.test(text))
        return text;
    return text.replace(ENV_LINE, (match, head, name, quote, value) => {
        const kind = secretKindOfName(name) ?? (/(^|_)(KEY|TOKEN|SECRET|PASSWORD|PASS|PWD)$/i.test(name) ? 'secret' : null);
        if (!kind || isPlaceholder(value))
            return match;
        counted();
        return `${head}${quote}${tag(kind)}`;
    });
}
// --- values known from parsed configs ------------------------------------------------------------
/**
 * Secret values read from the parsed configs of this run (a value under a secret-named key, or a token shape once
 * anchors, escapes and folded lines are resolved): each is redacted wherever its text appears.
 */
let knownSecrets = [];
/** Sets the values `redactSecrets` removes wherever they appear, for one review; longest first. */
function setKnownSecrets(values) {
    const unique = new Set();
    for (const v of values) {
        const value = v.trim();
        if (value.length < 6 || isPlaceholder(value))
            continue;
        unique.add(value);
        // a value folded or split across lines is also found line by line
        // (a folded YAML value is joined with single spaces: any long word of it may stand alone on a line of the file)
        for (const part of value.split(/\s+/))
            if (part.length >= 12 && !isPlaceholder(part))
                unique.add(part);
    }
    knownSecrets = [...unique].sort((a, b) => b.length - a.length);
}
function redactKnown(text, counted) {
    let out = text;
    for (const secret of knownSecrets) {
        if (!out.includes(secret))
            continue;
        out = out.split(secret).join(tag('config-secret'));
        counted();
    }
    return out;
}
// --- name = value ---------------------------------------------------------------------------------
/**
 * `name <sep> value` where name is an identifier, maybe quoted (also `\"name\"` inside notebook JSON).
 * The lookbehind lets a name follow a `\n` escape in a JSON string.
 */
const ASSIGNMENT = /(?<=^|[^A-Za-z0-9_$\\.-]|\\[nt]|(?:^|[^A-Za-z0-9_$\\.-])[.-]{1,2})(\\?["'])?([A-Za-z_][A-Za-z0-9_.-]{0,200})\1[ \t]{0,100}(:=|=>|=(?!=)|:(?![:/]))[ \t]{0,100}/gm;
const SPECIAL_TOKEN_WORDS = new Set([
    'pad',
    'bos',
    'eos',
    'unk',
    'sep',
    'cls',
    'mask',
    'special',
    'start',
    'end',
    'stop'
]);
const KEY_QUALIFIERS = new Set([
    'access',
    'private',
    'auth',
    'signing',
    'encryption',
    'master',
    'account',
    'service',
    'subscription',
    'client',
    'admin',
    'license',
    'storage'
]);
/** Names that may hold a random secret (checked together with the value's entropy). */
const ENTROPY_NAME_WORDS = new Set([
    'key',
    'token',
    'secret',
    'auth',
    'credential',
    'credentials',
    'signature',
    'salt',
    'sas',
    'dsn',
    'cookie',
    'session',
    'pass',
    'pw',
    'bearer',
    'passkey'
]);
/** Names of things that are long and random but not secret. */
const NOT_SECRET_WORDS = new Set([
    'sha',
    'sha1',
    'sha256',
    'sha512',
    'md5',
    'hash',
    'checksum',
    'digest',
    'revision',
    'commit',
    'etag',
    'id',
    'uuid',
    'fingerprint',
    'version',
    'path',
    'file',
    'url',
    'name'
]);
const TYPE_NAMES = new Set([
    'str',
    'string',
    'int',
    'float',
    'bool',
    'bytes',
    'optional',
    'any',
    'dict',
    'list',
    'none',
    'secretstr',
    'union'
]);
function nameWords(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
}
/** The kind of secret a name announces, or null. */
function secretKindOfName(name) {
    const words = nameWords(name);
    if (words.length === 0)
        return null;
    const last = words[words.length - 1];
    const prev = words[words.length - 2] ?? '';
    if (words.includes('aws') && words.includes('secret'))
        return 'aws-secret-access-key';
    if (['password', 'passwd', 'pwd', 'passphrase'].includes(last))
        return 'password';
    if (last === 'token' || last === 'accesstoken' || last === 'authtoken') {
        return words.some((w) => SPECIAL_TOKEN_WORDS.has(w)) ? null : 'token';
    }
    if (last === 'secret' || (last === 'key' && prev === 'secret') || last === 'secretkey')
        return 'secret';
    if (last === 'apikey' || (last === 'key' && prev === 'api'))
        return 'api-key';
    if (last === 'key' && KEY_QUALIFIERS.has(prev))
        return 'secret';
    if (last === 'credentials' || last === 'credential')
        return 'secret';
    return null;
}
/** Shannon entropy in bits per character. */
function shannonEntropy(text) {
    if (!text)
        return 0;
    const counts = new Map();
    for (const ch of text)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
const isHighEntropy = (value) => value.length >= 20 && !/\s/.test(value) && shannonEntropy(value) >= 3.5;
/** Values that are not secrets whatever the name: literals, placeholders, references. */
function isPlaceholder(value) {
    if (value === '' || value.startsWith('[REDACTED'))
        return true;
    if (/^(true|false|none|null|nil|undefined|yes|no|on|off)$/i.test(value))
        return true;
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value))
        return true;
    if (/^[<{$%]/.test(value) || /^\*+$/.test(value) || /^x+$/i.test(value))
        return true;
    return /^(\|[-+]?|>[-+]?|\.\.\.)$/.test(value);
}
/** An unquoted value that reads as code (a variable, a call, an attribute), not a literal. */
function looksLikeCode(value, name) {
    if (/[()[\]{}]/.test(value))
        return true;
    if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value))
        return true;
    // A type annotation: `token: str = None`, `api_key: Optional[str]`.
    const firstWord = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value)?.[0] ?? '';
    if (TYPE_NAMES.has(firstWord.toLowerCase()) || /^[A-Za-z_][\w.]*\s*(=|\|)/.test(value))
        return true;
    // `token=hf_token` is a variable; `API_TOKEN=abc` in an env file is a literal.
    const envStyle = /^[A-Z0-9_]+$/.test(name);
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !envStyle && !/\d/.test(value) && value.length < 12;
}
function readValue(text, start, sep) {
    // a credential is short: looking further would make each assignment rescan the rest of a long line
    const limit = Math.min(text.length, start + _bounds_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SECRET_VALUE_CHARS */ .CX);
    for (const quote of ['\\"', "\\'", '"', "'", '`']) {
        if (!text.startsWith(quote, start))
            continue;
        const from = start + quote.length;
        const close = text.indexOf(quote, from);
        // the closing quote on the same line and within the limit; only the text up to it is looked at
        if (close === -1 || close > limit || text.slice(from, close).includes('\n'))
            return null;
        return { start: from, end: close, quoted: true };
    }
    let end = start;
    // YAML/env values run to the end of the line (or a comment); code values stop at punctuation.
    const stops = sep === ':' ? /[\n\r,;)}\]"'`\\]|\s#/y : /[\s,;)}\]#&"'`\\]/y;
    while (end < limit) {
        stops.lastIndex = end;
        if (stops.test(text))
            break;
        end++;
    }
    while (end > start && /\s/.test(text[end - 1]))
        end--;
    return end > start ? { start, end, quoted: false } : null;
}
function redactAssignments(text) {
    const edits = [];
    ASSIGNMENT.lastIndex = 0;
    let match;
    while ((match = ASSIGNMENT.exec(text)) !== null) {
        const name = match[2];
        const sep = match[3];
        const after = match.index + match[0].length;
        const strong = secretKindOfName(name);
        const words = strong ? [] : nameWords(name);
        const weak = !strong && words.some((w) => ENTROPY_NAME_WORDS.has(w)) && !words.some((w) => NOT_SECRET_WORDS.has(w));
        if (!strong && !weak)
            continue;
        const value = readValue(text, after, sep);
        if (!value)
            continue;
        // a value read is never read again, whether it is redacted or not: `token: token: token: …` stays linear
        ASSIGNMENT.lastIndex = Math.max(ASSIGNMENT.lastIndex, value.end);
        const literal = text.slice(value.start, value.end);
        if (isPlaceholder(literal))
            continue;
        if (!value.quoted && looksLikeCode(literal, name))
            continue;
        // `credentials: small gap in …` is prose; unquoted secrets are one word, except a password (which may hold
        // spaces) and a change summary `old → new`, whose both sides are values
        if (!value.quoted && /\s/.test(literal) && strong !== 'password' && !literal.includes('→'))
            continue;
        if (!strong && !isHighEntropy(literal))
            continue;
        edits.push({ start: value.start, end: value.end, replacement: tag(strong ?? 'high-entropy') });
    }
    if (edits.length === 0)
        return { text, count: 0 };
    let out = '';
    let last = 0;
    for (const edit of edits) {
        out += text.slice(last, edit.start) + edit.replacement;
        last = edit.end;
    }
    return { text: out + text.slice(last), count: edits.length };
}


/***/ }),

/***/ 6367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ TextCache)
/* harmony export */ });
// Results computed from a file's text, kept by that text for the run: the diff, the checks and the secret scan each
// read every notebook and config, and a file read ahead is not read again. Bounded by the characters it keeps.
/** Characters of text the results are kept for, all caches together; past it, each cache's oldest go first. */
const MAX_KEPT_CHARS = 32_000_000;
const caches = [];
let keptChars = 0;
class TextCache {
    entries = new Map();
    constructor() {
        caches.push(this);
    }
    /** The result for `text`, made once (to keep a failure, return it as a value). */
    get(text, make) {
        const hit = this.entries.get(text);
        if (hit !== undefined || this.entries.has(text))
            return hit;
        const value = make(text);
        this.entries.set(text, value);
        keptChars += text.length;
        while (keptChars > MAX_KEPT_CHARS && evictOne())
            ;
        return value;
    }
    /** The result kept for `text`, if any, without making one. */
    peek(text) {
        return this.entries.get(text);
    }
    /** Drops the oldest entry; false when empty. */
    drop() {
        const first = this.entries.keys().next();
        if (first.done)
            return false;
        this.entries.delete(first.value);
        keptChars -= first.value.length;
        return true;
    }
}
function evictOne() {
    for (const c of caches)
        if (c.drop())
            return true;
    return false;
}


/***/ })

};
