/** Entries a memo keeps before it starts again: names repeat across checks, but a hostile file could hold millions. */
const MAX_ENTRIES = 50_000

/**
 * `fn` remembered by its text argument. The checks ask the same questions of the same names and keys, statement
 * after statement; each is answered once, within a bounded table.
 */
export function memoByText<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>()
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T
    if (seen.size >= MAX_ENTRIES) seen.clear()
    const value = fn(text)
    seen.set(text, value)
    return value
  }
}
