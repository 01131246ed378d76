// Plain line diffs (jsdiff) with caps, so a huge or wildly different file never stalls the run.
import { diffLines, formatPatch, structuredPatch, FILE_HEADERS_ONLY } from 'diff'

/** Above this many characters (both sides together) we do not diff at all. */
export const MAX_DIFF_INPUT_CHARS = 4_000_000
/** Myers is O((N+M)·D): give up when more than this many lines differ. */
export const MAX_EDIT_LENGTH = 3_000
/** Longest patch text we return; the rest is cut at a line boundary. */
export const MAX_PATCH_CHARS = 200_000

/** Unified diff of one file (`--- a/path` / `+++ b/path`, `/dev/null` for a missing side); '' when equal. */
export function unifiedDiff(
  path: string,
  before: string | null,
  after: string | null,
  context = 3,
  maxChars = MAX_PATCH_CHARS
): string {
  const oldText = before ?? ''
  const newText = after ?? ''
  if (oldText === newText) return ''
  const oldName = before === null ? '/dev/null' : `a/${path}`
  const newName = after === null ? '/dev/null' : `b/${path}`
  if (oldText.length + newText.length > MAX_DIFF_INPUT_CHARS) {
    return `--- ${oldName}\n+++ ${newName}\n(diff not computed: ${oldText.length + newText.length} characters is over the ${MAX_DIFF_INPUT_CHARS} limit)\n`
  }
  // One side empty: every line is one hunk, no need for Myers (whose cost grows with the edit length).
  if (oldText === '' || newText === '')
    return truncateLines(wholeFilePatch(oldName, newName, oldText, newText), maxChars)
  const patch = structuredPatch(oldName, newName, oldText, newText, undefined, undefined, {
    context,
    maxEditLength: MAX_EDIT_LENGTH
  })
  if (!patch) {
    return `--- ${oldName}\n+++ ${newName}\n(diff not computed: more than ${MAX_EDIT_LENGTH} changed lines)\n`
  }
  return truncateLines(formatPatch(patch, FILE_HEADERS_ONLY), maxChars)
}

/** 1-based line numbers of the head (`after`) lines that are new or changed; a final-newline change alone does not count. */
export function changedHeadLines(before: string | null, after: string | null): number[] {
  const oldText = before ?? ''
  const newText = after ?? ''
  if (oldText === newText || newText === '') return []
  if (oldText === '')
    return newText
      .split('\n')
      .map((_, i) => i + 1)
      .slice(0, countLines(newText))
  if (oldText.length + newText.length > MAX_DIFF_INPUT_CHARS) return []
  const changes = diffLines(oldText, newText, { ignoreNewlineAtEof: true, maxEditLength: MAX_EDIT_LENGTH })
  if (!changes) return []
  const lines: number[] = []
  let line = 1
  for (const change of changes) {
    if (change.removed) continue
    if (change.added) for (let i = 0; i < change.count; i++) lines.push(line + i)
    line += change.count
  }
  return lines
}

function countLines(text: string): number {
  if (text === '') return 0
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length
}

function wholeFilePatch(oldName: string, newName: string, oldText: string, newText: string): string {
  const added = oldText === ''
  const text = added ? newText : oldText
  const n = countLines(text)
  const lines = text.split('\n').slice(0, n)
  const sign = added ? '+' : '-'
  const range = added ? `-0,0 +1,${n}` : `-1,${n} +0,0`
  const body = lines.map((l) => sign + l).join('\n')
  const eof = text.endsWith('\n') ? '' : '\n\\ No newline at end of file'
  return `--- ${oldName}\n+++ ${newName}\n@@ ${range} @@\n${body}${eof}\n`
}

/** Cuts `text` at the last line break before `maxChars` and says how much was left out. */
export function truncateLines(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.lastIndexOf('\n', maxChars)
  const kept = cut > 0 ? text.slice(0, cut + 1) : text.slice(0, maxChars) + '\n'
  const dropped = text
    .slice(kept.length)
    .split('\n')
    .filter((l) => l !== '').length
  return `${kept}… truncated: ${dropped} more lines not shown\n`
}

/** 1-based line of any offset, by binary search over precomputed line starts. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    let at = text.indexOf('\n')
    while (at !== -1) {
      this.starts.push(at + 1)
      at = text.indexOf('\n', at + 1)
    }
  }

  lineOf(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
