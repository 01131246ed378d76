// Helpers that keep embedded binary data (base64 images, data URIs) out of everything we show.
import { COMPACTED_BLOB } from './compact.js'

/** A run this long of base64 alphabet is data, not code or prose. */
const BLOB = /[A-Za-z0-9+/]{200,}={0,2}/g

/** Human size: `812 B`, `96 KB`, `1.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Bytes encoded by a base64 string (whitespace ignored). */
export function base64Bytes(data: string): number {
  const compacted = COMPACTED_BLOB.exec(data)
  if (compacted) return Number(compacted[1])
  const clean = data.replace(/\s+/g, '')
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding)
}

/** Replaces every long base64 run with a short placeholder; never adds or removes line breaks. */
export function omitBlobs(text: string): string {
  return text.replace(BLOB, (run) => `[base64 ${formatBytes(base64Bytes(run))} omitted]`)
}

/** A markdown code fence longer than any backtick run inside `body`. */
export function fenced(body: string, lang = ''): string {
  let longest = 0
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${lang}\n${body.endsWith('\n') ? body : body + '\n'}${fence}`
}

/** An inline code span that survives backticks in its content. */
export function codeSpan(text: string): string {
  if (!text.includes('`')) return `\`${text}\``
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const ticks = '`'.repeat(longest + 1)
  return `${ticks} ${text} ${ticks}`
}
