import { createHash } from 'node:crypto'

/** Normalises an item's text so cosmetic changes (status marks, case, spacing, locations) keep the same id. */
export function normaliseItemText(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\[[ x]\]/g, ' ')
      // a location starts where a path starts (bounded, so a 200 kB word is not rescanned from every character)
      .replace(/(?<![\w@+./-])[\w@+./-]{0,300}[\w-]\.[a-z]{1,8}(?::l?|#l)\d+/g, ' ')
      .replace(/\b(pass(ed)?|fail(ed)?|warn(ing)?|n\/a)\b/g, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  )
}

/** `RAI-` + a short hash of the normalised text: stable across runs for the same item. */
export function itemId(text: string): string {
  return 'RAI-' + createHash('sha256').update(normaliseItemText(text)).digest('hex').slice(0, 8)
}

/** Gives repeated ids a numeric suffix so every id in one checklist is unique. */
export function uniqueIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1
    seen.set(item.id, n)
    return n === 1 ? item : { ...item, id: `${item.id}-${n}` }
  })
}
