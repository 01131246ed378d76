// The `checklist` output (and `ml-review --json`): exactly the SPEC's fields of each item, whatever else an item
// carries for rendering, plus who accepted it when a maintainer did.
import type { ChecklistItem } from '../types.js'

export function checklistOutput(items: ChecklistItem[]): Omit<ChecklistItem, 'cell' | 'suppressed'>[] {
  return items.map(({ id, text, status, bias, source, path, line, accepted }) => ({
    id,
    text,
    status,
    bias,
    source,
    path,
    line,
    ...(accepted ? { accepted } : {})
  }))
}
