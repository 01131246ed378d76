// The hidden lines that make a comment ours and say which head it reviewed: kept apart from the renderer so that
// finding our comment does not load the markdown machinery.

export const COMMENT_MARKER = '<!-- ml-engineering-review -->'

/** A second hidden line that records which head a comment reviewed, so a stale run never overwrites a newer one. */
export function headMarker(sha: string): string {
  return `<!-- ml-engineering-review:head=${sha} -->`
}

export function reviewedHead(body: string): string | null {
  return /<!-- ml-engineering-review:head=([0-9a-f]{7,64}) -->/.exec(body)?.[1] ?? null
}
