// Where `ml-review` finds changes: two folders, or two git refs of a local repository (base vs head or the
// working tree). Same ChangedFile shape as the pull request source.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { ChangedFile, FileStatus } from '../types.js'
import { compactNotebook } from '../diff/compact.js'
import { hasTrainingKeys, makeSelector } from './select.js'

const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.ipynb_checkpoints'])
/** Files larger than this are not read (the API path has the same kind of cap through its budget). */
const MAX_LOCAL_BYTES = 50 * 1024 * 1024

function walk(root: string): Map<string, string> {
  const out = new Map<string, string>()
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) visit(full)
      } else if (entry.isFile()) {
        out.set(relative(root, full).split(sep).join('/'), full)
      }
    }
  }
  visit(root)
  return out
}

/** A file's text; notebooks compacted as the action reads them (image data replaced by its size and hash). */
function readText(full: string): string | null {
  if (statSync(full).size > MAX_LOCAL_BYTES) return null
  const buf = readFileSync(full)
  if (buf.includes(0)) return null
  return full.toLowerCase().endsWith('.ipynb') ? compactNotebook(buf.toString('utf8')) : buf.toString('utf8')
}

/** Keeps the ML files of a list of changes: by glob, or by training keys in a config's content. */
function selectMl(changes: ChangedFile[], paths: string[], exclude: string[]): ChangedFile[] {
  const sel = makeSelector(paths, exclude)
  return changes.filter((c) => {
    if (sel.matchesGlobs(c.path) || (c.previousPath && sel.matchesGlobs(c.previousPath))) return true
    if (!sel.isContentCandidate(c.path)) return false
    const text = c.after ?? c.before
    return text !== null && hasTrainingKeys(text)
  })
}

export function collectTrees(
  beforeDir: string,
  afterDir: string,
  paths: string[],
  exclude: string[] = []
): ChangedFile[] {
  const before = walk(beforeDir)
  const after = walk(afterDir)
  const changes: ChangedFile[] = []
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.has(path) ? readText(before.get(path) as string) : null
    const a = after.has(path) ? readText(after.get(path) as string) : null
    const status: FileStatus = !before.has(path) ? 'added' : !after.has(path) ? 'removed' : 'modified'
    if (status === 'modified' && a === b) continue
    changes.push({ path, status, before: b, after: a })
  }
  return selectMl(changes, paths, exclude)
}

function git(repo: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', repo, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  } catch (e) {
    const err = e as { stderr?: string; message: string }
    throw new Error(`git ${args.join(' ')} failed: ${(err.stderr ?? err.message).trim()}`, { cause: e })
  }
}

function gitShow(repo: string, ref: string, path: string): string | null {
  try {
    const out = execFileSync('git', ['-C', repo, 'show', `${ref}:${path}`], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    if (out.includes(0)) return null
    return path.toLowerCase().endsWith('.ipynb') ? compactNotebook(out.toString('utf8')) : out.toString('utf8')
  } catch {
    return null
  }
}

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed'
}

/** Changes between `base` and `head` (a ref, or the working tree when head is null). */
export function collectGit(
  repo: string,
  base: string,
  head: string | null,
  paths: string[],
  exclude: string[] = []
): ChangedFile[] {
  git(repo, ['rev-parse', '--verify', `${base}^{commit}`])
  if (head) git(repo, ['rev-parse', '--verify', `${head}^{commit}`])
  const range = head ? [base, head] : [base]
  const fields = git(repo, ['diff', '--name-status', '-M', '-z', ...range, '--'])
    .split('\0')
    .filter((s) => s !== '')
  const changes: ChangedFile[] = []
  const top = git(repo, ['rev-parse', '--show-toplevel']).trim()
  const headText = (path: string): string | null => {
    if (head) return gitShow(repo, head, path)
    try {
      return readText(join(top, path))
    } catch {
      return null
    }
  }
  for (let i = 0; i < fields.length;) {
    const code = fields[i++]
    const letter = code[0]
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++]
      const to = fields[i++]
      changes.push({
        path: to,
        previousPath: from,
        status: STATUS[letter],
        before: gitShow(repo, base, from),
        after: headText(to)
      })
    } else {
      const path = fields[i++]
      const status = STATUS[letter] ?? 'modified'
      changes.push({
        path,
        status,
        before: status === 'added' ? null : gitShow(repo, base, path),
        after: status === 'removed' ? null : headText(path)
      })
    }
  }
  if (!head) {
    // new files not yet added to git are changes too
    for (const path of git(repo, ['ls-files', '--others', '--exclude-standard', '-z'])
      .split('\0')
      .filter((s) => s !== '')) {
      changes.push({ path, status: 'added', before: null, after: headText(path) })
    }
  }
  return selectMl(changes, paths, exclude)
}
