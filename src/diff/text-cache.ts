// Results computed from a file's text, kept by that text for the run: the diff, the checks and the secret scan each
// read every notebook and config, and a file read ahead is not read again. Bounded by the characters it keeps.

/** Characters of text the results are kept for, all caches together; past it, each cache's oldest go first. */
const MAX_KEPT_CHARS = 32_000_000

const caches: TextCache<unknown>[] = []
let keptChars = 0

export class TextCache<T> {
  private readonly entries = new Map<string, T>()

  constructor() {
    caches.push(this)
  }

  /** The result for `text`, made once (to keep a failure, return it as a value). */
  get(text: string, make: (text: string) => T): T {
    const hit = this.entries.get(text)
    if (hit !== undefined || this.entries.has(text)) return hit as T
    const value = make(text)
    this.entries.set(text, value)
    keptChars += text.length
    while (keptChars > MAX_KEPT_CHARS && evictOne());
    return value
  }

  /** The result kept for `text`, if any, without making one. */
  peek(text: string): T | undefined {
    return this.entries.get(text)
  }

  /** Drops the oldest entry; false when empty. */
  drop(): boolean {
    const first = this.entries.keys().next()
    if (first.done) return false
    this.entries.delete(first.value)
    keptChars -= first.value.length
    return true
  }
}

function evictOne(): boolean {
  for (const c of caches) if (c.drop()) return true
  return false
}
