// GitHub's size limits on what the action publishes, in one place, and cutting text to fit them cleanly.

/** Issue comment body (422 above it); GitHub counts characters, a JS length is never fewer. */
export const MAX_COMMENT_CHARS = 65536
/** Check run output.summary and output.text. */
export const MAX_CHECK_TEXT_CHARS = 65535
/** Check run output.title (not documented; longer titles are cut by GitHub's UI anyway). */
export const MAX_CHECK_TITLE_CHARS = 1000
/** Annotation message and raw_details: 64 KB. */
export const MAX_ANNOTATION_BYTES = 64 * 1024
/** Annotation title. */
export const MAX_ANNOTATION_TITLE_CHARS = 255
/** The runner drops a job summary larger than 1 MiB (for the whole step) rather than cutting it. */
export const MAX_JOB_SUMMARY_BYTES = 1024 * 1024
/** The Checks API takes at most this many annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
export function clipChars(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max)
  const c = text.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return text.slice(0, end)
}

/** Cuts `text` to at most `maxBytes` of UTF-8 on a character boundary. */
export function clipBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  const buf = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes))
  // step back over a character whose bytes do not all fit
  let start = buf.length
  while (start > 0 && (buf[start - 1] & 0xc0) === 0x80) start--
  let end = buf.length
  if (start > 0) {
    const lead = buf[start - 1]
    const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
    if (buf.length - (start - 1) < size) end = start - 1
  }
  return buf.subarray(0, end).toString('utf8')
}

/** `text` within `maxBytes`, and when cut, ending in `note` (which fits in the budget too). */
export function fitBytes(text: string, maxBytes: number, note: string): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  const room = maxBytes - Buffer.byteLength(note) - 1
  return `${clipBytes(text, Math.max(0, room)).replace(/\s+$/, '')}\n${note}`
}

/** `text` within `max` characters, and when cut, ending in `note`. */
export function fitChars(text: string, max: number, note: string): string {
  if (text.length <= max) return text
  return `${clipChars(text, Math.max(0, max - note.length - 1)).replace(/\s+$/, '')}\n${note}`
}
