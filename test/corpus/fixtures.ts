// The real corpus beside the repository: byte-exact upstream configs and notebooks in ../shared/fixtures (or the
// folder ML_REVIEW_FIXTURES names). Only `npm run test:corpus` reads it; `npm test` never does.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ChangedFile, FileStatus } from '../../src/types.js'

export const FIXTURES = resolve(
  process.env.ML_REVIEW_FIXTURES ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')
)
export const REAL_CHANGES = join(FIXTURES, 'real-changes')
export const NOTEBOOKS = join(FIXTURES, 'notebooks')

export interface RealChange {
  dir: string
  number: string
  meta: {
    path: string
    kind: 'config' | 'notebook'
    change: 'modified' | 'added' | 'deleted' | 'renamed'
    previous_path?: string
    what: string
  }
  before: string | null
  after: string | null
}

const STATUS: Record<RealChange['meta']['change'], FileStatus> = {
  modified: 'modified',
  added: 'added',
  deleted: 'removed',
  renamed: 'renamed'
}

function readSide(dir: string, side: 'before' | 'after'): string | null {
  const file = readdirSync(dir).find((f) => f.startsWith(`${side}.`))
  return file ? readFileSync(join(dir, file), 'utf8') : null
}

/** The before/after pairs of real-changes/, in folder order (`01` … `20`). */
export function realChanges(): RealChange[] {
  return readdirSync(REAL_CHANGES)
    .filter((d) => /^\d\d-/.test(d))
    .sort()
    .map((d) => {
      const dir = join(REAL_CHANGES, d)
      return {
        dir: d,
        number: d.slice(0, 2),
        meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as RealChange['meta'],
        before: readSide(dir, 'before'),
        after: readSide(dir, 'after')
      }
    })
}

export function realChange(number: string): RealChange {
  const found = realChanges().find((c) => c.number === number)
  if (!found) throw new Error(`fixture ${number} not found under ${REAL_CHANGES}`)
  return found
}

/** A real change as the checks see it. */
export function asChangedFile(c: RealChange): ChangedFile {
  return {
    path: c.meta.path,
    ...(c.meta.previous_path ? { previousPath: c.meta.previous_path } : {}),
    status: STATUS[c.meta.change],
    before: c.before,
    after: c.after
  }
}

/** Every real change as a ChangedFile, keyed by its number. */
export function realChangedFiles(): Map<string, ChangedFile> {
  return new Map(realChanges().map((c) => [c.number, asChangedFile(c)]))
}

/** The standalone notebooks, with the repository path provenance.json gives each. */
export function standaloneNotebooks(): { name: string; path: string; text: string }[] {
  const provenance = JSON.parse(readFileSync(join(NOTEBOOKS, 'provenance.json'), 'utf8')) as Array<{
    file: string
    path: string
  }>
  return provenance
    .map((p) => ({ name: p.file, path: p.path, text: readFileSync(join(NOTEBOOKS, p.file), 'utf8') }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The standalone notebooks as added files, keyed by file name. */
export function standaloneAdded(): Map<string, ChangedFile> {
  return new Map(
    standaloneNotebooks().map((n) => [n.name, { path: n.path, status: 'added', before: null, after: n.text }])
  )
}

export const corpusPresent = (): boolean => existsSync(REAL_CHANGES) && existsSync(NOTEBOOKS)
