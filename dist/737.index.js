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
        // `kms_key: arn:aws:kms:…:key/6e99…`: the name of a key held elsewhere, not key material
        if (/^arn:[\w-]+:[\w-]+:/.test(literal))
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
