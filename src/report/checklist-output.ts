// The `checklist` output (and `ml-review --json`): exactly the SPEC's fields of each item, whatever else an item
// carries for rendering.
import type { ChecklistItem } from '../types.js'

export function checklistOutput(items: ChecklistItem[]): Omit<ChecklistItem, 'cell'>[] {
  return items.map(({ id, text, status, bias, source, path, line }) => ({ id, text, status, bias, source, path, line }))
}
