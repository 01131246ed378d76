// Loads the real before/after pairs and standalone notebooks of /work/shared/fixtures as ChangedFiles.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChangedFile, FileStatus } from '../../src/types.js'

export const FIXTURES = process.env.ML_REVIEW_FIXTURES ?? '/work/shared/fixtures'

interface Meta {
  path: string
  change: 'modified' | 'added' | 'deleted' | 'renamed'
  previous_path?: string
}

const STATUS: Record<Meta['change'], FileStatus> = {
  modified: 'modified',
  added: 'added',
  deleted: 'removed',
  renamed: 'renamed'
}

function side(dir: string, name: 'before' | 'after'): string | null {
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`))
  return file ? readFileSync(join(dir, file), 'utf8') : null
}

/** One ChangedFile per folder of real-changes/, keyed by the folder's number (`01` … `20`). */
export function realChanges(): Map<string, ChangedFile> {
  const root = join(FIXTURES, 'real-changes')
  const out = new Map<string, ChangedFile>()
  if (!existsSync(root)) return out
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder)
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta
    out.set(folder.slice(0, 2), {
      path: meta.path,
      ...(meta.previous_path ? { previousPath: meta.previous_path } : {}),
      status: STATUS[meta.change],
      before: side(dir, 'before'),
      after: side(dir, 'after')
    })
  }
  return out
}

/** The standalone notebooks as added files, keyed by file name. */
export function standaloneNotebooks(): Map<string, ChangedFile> {
  const root = join(FIXTURES, 'notebooks')
  const out = new Map<string, ChangedFile>()
  if (!existsSync(root)) return out
  const provenance = JSON.parse(readFileSync(join(root, 'provenance.json'), 'utf8')) as Array<{
    file: string
    path: string
  }>
  for (const p of provenance) {
    out.set(p.file, { path: p.path, status: 'added', before: null, after: readFileSync(join(root, p.file), 'utf8') })
  }
  return out
}
