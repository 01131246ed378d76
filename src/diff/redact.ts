// Secrets never leave the runner: known token shapes and secret-named assignments become `[REDACTED:<kind>]`.

export interface RedactionResult {
  text: string
  count: number
}

const tag = (kind: string): string => `[REDACTED:${kind}]`

/** A base64 run this long around a match means the match is inside embedded data (an image), not a key. */
const BLOB_RUN = 100
const BASE64_CHAR = /[A-Za-z0-9+/=]/

function insideBlob(text: string, start: number, end: number): boolean {
  let left = start
  while (left > 0 && BASE64_CHAR.test(text[left - 1])) left--
  let right = end
  while (right < text.length && BASE64_CHAR.test(text[right])) right++
  return right - left >= BLOB_RUN
}

interface TokenRule {
  kind: string
  pattern: RegExp
  /** extra check on the whole match */
  accept?: (match: string) => boolean
  /** which capture group is the secret (0: the whole match) */
  group?: number
  /** skip matches that sit inside a long base64 run */
  blobCheck?: boolean
}

const TOKEN_RULES: TokenRule[] = [
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
    pattern:
      /(\bWANDB_API_KEY\\?["']?\]?\s*[:=]\s*\\?["']?|\bwandb\.login\([^)\n]*?\bkey\s*=\s*\\?["']|\bwandb\s+login\s+(?:--relogin\s+)?)([0-9a-f]{40})(?![0-9a-f])/gi,
    group: 2
  },
  {
    kind: 'bearer-token',
    pattern: /(\b(?:Bearer|Basic|token)\s+)([A-Za-z0-9._~+/-]{20,}=*)/g,
    group: 2,
    accept: (m) => /\d/.test(m) && !/^[a-z_.]+$/.test(m.split(/\s+/)[1] ?? '')
  }
]

const URL_CREDENTIALS = /\b([a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/)([^\s:@/?#'"`<>\\]+):([^\s@/?#'"`<>\\]+)@(?=[^\s@/])/g
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/g
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/g
/** A line of a PEM body as it can appear in a patch or inside a JSON string. */
const PEM_BODY_LINE = /^[\s+\-"',]*[A-Za-z0-9+/=]{16,}(?:\\n)?[\s"',]*$/

/** Replaces every secret with `[REDACTED:<kind>]`; `count` is how many were replaced. */
export function redactSecrets(text: string): RedactionResult {
  let count = 0
  let out = text.replace(PEM_BLOCK, () => {
    count++
    return tag('private-key')
  })
  out = redactUnterminatedPem(out, () => count++)
  out = out.replace(URL_CREDENTIALS, (_m, scheme: string, _user: string, _pass: string) => {
    count++
    return `${scheme}${tag('url-credentials')}@`
  })
  for (const rule of TOKEN_RULES) {
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string
      const groups = args.slice(1, -2) as (string | undefined)[]
      const offset = args[args.length - 2] as number
      if (rule.accept && !rule.accept(match)) return match
      if (rule.blobCheck && insideBlob(out, offset, offset + match.length)) return match
      count++
      if (!rule.group) return tag(rule.kind)
      const secret = groups[rule.group - 1] ?? ''
      return match.slice(0, match.length - secret.length) + tag(rule.kind)
    })
  }
  const assigned = redactAssignments(out)
  return { text: assigned.text, count: count + assigned.count }
}

/** A BEGIN line without its END (a cut patch): drop it and the key lines that follow. */
function redactUnterminatedPem(text: string, counted: () => void): string {
  if (!PEM_BEGIN.test(text)) return text
  PEM_BEGIN.lastIndex = 0
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].search(PEM_BEGIN)
    if (at === -1) continue
    counted()
    lines[i] = lines[i].slice(0, at) + tag('private-key')
    while (i + 1 < lines.length && PEM_BODY_LINE.test(lines[i + 1])) lines.splice(i + 1, 1)
  }
  return lines.join('\n')
}

// --- name = value ---------------------------------------------------------------------------------

/**
 * `name <sep> value` where name is an identifier, maybe quoted (also `\"name\"` inside notebook JSON).
 * The lookbehind lets a name follow a `\n` escape in a JSON string.
 */
const ASSIGNMENT =
  /(?<=^|[^A-Za-z0-9_$\\]|\\[nt])(\\?["'])?([A-Za-z_][A-Za-z0-9_.-]*)\1[ \t]*(:=|=>|=(?!=)|:(?![:/]))[ \t]*/gm

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
])
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
])
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
])
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
])
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
])

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
}

/** The kind of secret a name announces, or null. */
export function secretKindOfName(name: string): string | null {
  const words = nameWords(name)
  if (words.length === 0) return null
  const last = words[words.length - 1]
  const prev = words[words.length - 2] ?? ''
  if (words.includes('aws') && words.includes('secret')) return 'aws-secret-access-key'
  if (['password', 'passwd', 'pwd', 'passphrase'].includes(last)) return 'password'
  if (last === 'token' || last === 'accesstoken' || last === 'authtoken') {
    return words.some((w) => SPECIAL_TOKEN_WORDS.has(w)) ? null : 'token'
  }
  if (last === 'secret' || (last === 'key' && prev === 'secret') || last === 'secretkey') return 'secret'
  if (last === 'apikey' || (last === 'key' && prev === 'api')) return 'api-key'
  if (last === 'key' && KEY_QUALIFIERS.has(prev)) return 'secret'
  if (last === 'credentials' || last === 'credential') return 'secret'
  return null
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (!text) return 0
  const counts = new Map<string, number>()
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) {
    const p = n / text.length
    bits -= p * Math.log2(p)
  }
  return bits
}

const isHighEntropy = (value: string): boolean =>
  value.length >= 20 && !/\s/.test(value) && shannonEntropy(value) >= 3.5

/** Values that are not secrets whatever the name: literals, placeholders, references. */
function isPlaceholder(value: string): boolean {
  if (value === '' || value.startsWith('[REDACTED')) return true
  if (/^(true|false|none|null|nil|undefined|yes|no|on|off)$/i.test(value)) return true
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return true
  if (/^[<{$%]/.test(value) || /^\*+$/.test(value) || /^x+$/i.test(value)) return true
  return /^(\|[-+]?|>[-+]?|\.\.\.)$/.test(value)
}

/** An unquoted value that reads as code (a variable, a call, an attribute), not a literal. */
function looksLikeCode(value: string, name: string): boolean {
  if (/[()[\]{}]/.test(value)) return true
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value)) return true
  // A type annotation: `token: str = None`, `api_key: Optional[str]`.
  const firstWord = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value)?.[0] ?? ''
  if (TYPE_NAMES.has(firstWord.toLowerCase()) || /^[A-Za-z_][\w.]*\s*(=|\|)/.test(value)) return true
  // `token=hf_token` is a variable; `API_TOKEN=abc` in an env file is a literal.
  const envStyle = /^[A-Z0-9_]+$/.test(name)
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !envStyle && !/\d/.test(value) && value.length < 12
}

function readValue(text: string, start: number, sep: string): { start: number; end: number; quoted: boolean } | null {
  for (const quote of ['\\"', "\\'", '"', "'", '`']) {
    if (!text.startsWith(quote, start)) continue
    const from = start + quote.length
    const close = text.indexOf(quote, from)
    const newline = text.indexOf('\n', from)
    if (close === -1 || (newline !== -1 && newline < close)) return null
    return { start: from, end: close, quoted: true }
  }
  let end = start
  // YAML/env values run to the end of the line (or a comment); code values stop at punctuation.
  const stops = sep === ':' ? /[\n\r,;)}\]"'`\\]|\s#/y : /[\s,;)}\]#&"'`\\]/y
  while (end < text.length) {
    stops.lastIndex = end
    if (stops.test(text)) break
    end++
  }
  while (end > start && /\s/.test(text[end - 1])) end--
  return end > start ? { start, end, quoted: false } : null
}

function redactAssignments(text: string): RedactionResult {
  const edits: { start: number; end: number; replacement: string }[] = []
  ASSIGNMENT.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = ASSIGNMENT.exec(text)) !== null) {
    const name = match[2]
    const sep = match[3]
    const after = match.index + match[0].length
    const strong = secretKindOfName(name)
    const words = strong ? [] : nameWords(name)
    const weak = !strong && words.some((w) => ENTROPY_NAME_WORDS.has(w)) && !words.some((w) => NOT_SECRET_WORDS.has(w))
    if (!strong && !weak) continue
    const value = readValue(text, after, sep)
    if (!value) continue
    const literal = text.slice(value.start, value.end)
    if (isPlaceholder(literal)) continue
    if (!value.quoted && looksLikeCode(literal, name)) continue
    // `credentials: small gap in …` is prose; unquoted secrets are one word.
    if (!value.quoted && /\s/.test(literal)) continue
    if (!strong && !isHighEntropy(literal)) continue
    edits.push({ start: value.start, end: value.end, replacement: tag(strong ?? 'high-entropy') })
    ASSIGNMENT.lastIndex = value.end
  }
  if (edits.length === 0) return { text, count: 0 }
  let out = ''
  let last = 0
  for (const edit of edits) {
    out += text.slice(last, edit.start) + edit.replacement
    last = edit.end
  }
  return { text: out + text.slice(last), count: edits.length }
}
