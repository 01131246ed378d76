// Picks the review-friendly view of each changed file: notebook cells, config keys, or a text diff.
import type { ChangedFile, FileDiff } from '../types.js'
import { diffConfig, isConfigPath } from './config.js'
import { metricsBlock } from './evidence.js'
import { diffNotebook } from './notebook.js'
import { unifiedDiff } from './text.js'

/** Diffs already made: a file diffed ahead (while the others downloaded) is not diffed again. */
const diffed = new WeakMap<ChangedFile, FileDiff>()

export function diffFile(file: ChangedFile): FileDiff {
  let d = diffed.get(file)
  if (!d) diffed.set(file, (d = diffUncached(file)))
  return d
}

function diffUncached(file: ChangedFile): FileDiff {
  const notes = [...(file.notes ?? [])]
  if (file.before === null && file.after === null) {
    return {
      path: file.path,
      kind: 'other',
      summary: `${file.status} file; content not available`,
      patch: file.patch,
      changedLines: [],
      notes
    }
  }
  let d: FileDiff
  if (file.path.toLowerCase().endsWith('.ipynb')) d = diffNotebook(file.path, file.before, file.after)
  else if (isConfigPath(file.path)) d = diffConfig(file.path, file.before, file.after)
  else {
    const patch = file.patch ?? unifiedDiff(file.path, file.before ?? '', file.after ?? '')
    d = { path: file.path, kind: 'other', summary: '', patch, changedLines: [], notes: [] }
  }
  if (file.previousPath) notes.unshift(`renamed from ${file.previousPath}`)
  const metrics = metricsBlock(file)
  const summary = metrics ? [d.summary, metrics].filter((t) => t.trim() !== '').join('\n\n') : d.summary
  return { ...d, summary, notes: [...notes, ...d.notes] }
}
