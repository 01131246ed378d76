// Where `ml-review` finds changes: two folders, or a local git repository (two commits compared from their merge
// base, the index, or the working tree). Same ChangedFile shape as the pull request source; every file it cannot
// read is returned as skipped, with the reason, never dropped silently.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { ChangedFile, FileStatus } from '../types.js'
import { compactNotebook } from '../diff/compact.js'
import { isMlConfigContent, makeSelector } from './select.js'

const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.ipynb_checkpoints'])
/** Files larger than this are not read, in every mode alike (the API path has the same kind of cap through its budget). */
export const MAX_LOCAL_BYTES = 50 * 1024 * 1024
/** git's id of the empty tree: the base of a repository without commits. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

/** A problem with what the user asked for (a ref that does not exist, a folder that is not a repository). */
export class LocalSourceError extends Error {
  override name = 'LocalSourceError'
}

export interface SkippedFile {
  path: string
  reason: string
}

export interface LocalCollected {
  files: ChangedFile[]
  /** ML files (by glob, or config files that could not be read to tell) that were not reviewed, with why */
  skipped: SkippedFile[]
  /** untracked ML files left out of a working-tree review (without --untracked) */
  untrackedLeftOut: string[]
  /** what was compared, in words: `main (merge base 1a2b3c4) → feature` */
  label: string
  /** the commit whose `.github/ml-review.yml` the action would read (the tip of the base, as a PR's base), or null */
  configRef: string | null
}

/** One side of a file: its text, or why there is none. */
type Side = { text: string } | { missing: true } | { unreadable: string }

const MIB = 1024 * 1024

function decode(path: string, buf: Buffer): Side {
  if (buf.includes(0)) return { unreadable: 'binary file' }
  const text = buf.toString('utf8')
  if (text.startsWith('version https://git-lfs.github.com/spec/v1')) {
    return { unreadable: 'Git LFS pointer (content not in the repository)' }
  }
  return { text: path.toLowerCase().endsWith('.ipynb') ? compactNotebook(text) : text }
}

function tooLarge(size: number): Side {
  return { unreadable: `larger than ${MAX_LOCAL_BYTES / MIB} MiB (${(size / MIB).toFixed(1)} MiB), not read` }
}

function readDisk(full: string, path: string): Side {
  try {
    const size = statSync(full).size
    if (size > MAX_LOCAL_BYTES) return tooLarge(size)
    return decode(path, readFileSync(full))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { missing: true }
    return { unreadable: `cannot be read (${code ?? (e as Error).message})` }
  }
}

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

/** A change whose two sides have been read (or not). */
interface RawChange {
  path: string
  previousPath?: string
  status: FileStatus
  before: Side
  after: Side
}

const textOf = (s: Side): string | null => ('text' in s ? s.text : null)
const whyNot = (s: Side): string | null => ('unreadable' in s ? s.unreadable : null)

/**
 * Keeps the ML files of a list of changes (by glob, or by training or fairness-evaluation keys in a config's content). A change whose
 * head side (or base side, for a removal) cannot be read is skipped with the reason; an unreadable other side
 * becomes a note on the file.
 */
function selectMl(
  changes: RawChange[],
  paths: string[],
  exclude: string[]
): { files: ChangedFile[]; skipped: SkippedFile[] } {
  const sel = makeSelector(paths, exclude)
  const files: ChangedFile[] = []
  const skipped: SkippedFile[] = []
  for (const c of changes) {
    const byGlob = sel.matchesGlobs(c.path) || (c.previousPath !== undefined && sel.matchesGlobs(c.previousPath))
    if (!byGlob && !sel.isContentCandidate(c.path)) continue
    const main = c.status === 'removed' ? c.before : c.after
    const other = c.status === 'removed' ? c.after : c.before
    const mainWhy = whyNot(main)
    if (!byGlob) {
      // outside the globs a config counts only when its content carries training or fairness-evaluation keys
      const probe = textOf(main)
      if (probe === null) {
        if (mainWhy)
          skipped.push({ path: c.path, reason: `${mainWhy}; could not tell whether it is a training config` })
        continue
      }
      if (!isMlConfigContent(c.path, probe)) continue
    }
    if (mainWhy) {
      skipped.push({ path: c.path, reason: mainWhy })
      continue
    }
    const notes: string[] = []
    const otherWhy = whyNot(other)
    if (otherWhy) notes.push(`${c.status === 'removed' ? 'head' : 'base'}: ${otherWhy}`)
    files.push({
      path: c.path,
      previousPath: c.previousPath,
      status: c.status,
      before: textOf(c.before),
      after: textOf(c.after),
      notes: notes.length > 0 ? notes : undefined
    })
  }
  return { files, skipped }
}

export function collectTrees(
  beforeDir: string,
  afterDir: string,
  paths: string[],
  exclude: string[] = []
): LocalCollected {
  const before = walk(beforeDir)
  const after = walk(afterDir)
  const changes: RawChange[] = []
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b: Side = before.has(path) ? readDisk(before.get(path) as string, path) : { missing: true }
    const a: Side = after.has(path) ? readDisk(after.get(path) as string, path) : { missing: true }
    const status: FileStatus = !before.has(path) ? 'added' : !after.has(path) ? 'removed' : 'modified'
    if (status === 'modified' && 'text' in a && 'text' in b && a.text === b.text) continue
    changes.push({ path, status, before: b, after: a })
  }
  return { ...selectMl(changes, paths, exclude), untrackedLeftOut: [], label: '', configRef: null }
}

/** Runs git; a failure keeps git's own words for the log but callers turn the common ones into user terms. */
function git(repo: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', repo, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string }
    if (err.code === 'ENOENT') throw new Error('git is not installed (or not on PATH)', { cause: e })
    throw new Error(`git ${args[0]} failed: ${(err.stderr ?? err.message).trim()}`, { cause: e })
  }
}

function tryGit(repo: string, args: string[]): string | null {
  try {
    return git(repo, args)
  } catch {
    return null
  }
}

/** A ref's commit id, or a LocalSourceError that names the ref as the user typed it. */
function commitOf(repo: string, ref: string): string {
  const sha = tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  if (sha === null || sha.trim() === '') throw new LocalSourceError(`no such branch or commit: ${ref}`)
  return sha.trim()
}

/** Content of `spec` (`<commit>:<path>` or `:<path>` for the index), within the size limit. */
function readBlob(repo: string, spec: string, path: string): Side {
  const size = tryGit(repo, ['cat-file', '-s', spec])
  if (size === null) return { missing: true }
  if (Number(size) > MAX_LOCAL_BYTES) return tooLarge(Number(size))
  try {
    const buf = execFileSync('git', ['-C', repo, 'cat-file', 'blob', spec], {
      maxBuffer: MAX_LOCAL_BYTES + 1024,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    return decode(path, buf)
  } catch (e) {
    return { unreadable: `cannot be read from git (${(e as Error).message.split('\n')[0]})` }
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

/** What to compare in a git repository. */
export type GitMode =
  /** two commits; from their merge base unless `direct` */
  | { kind: 'commits'; base: string; head: string; direct: boolean }
  /** the index against `base` (HEAD when null) */
  | { kind: 'staged'; base: string | null; direct: boolean }
  /** the working tree's tracked files against `base` (HEAD when null); untracked files too when asked */
  | { kind: 'worktree'; base: string | null; direct: boolean; untracked: boolean }

export interface GitSource {
  repo: string
  mode: GitMode
  paths: string[]
  exclude: string[]
}

/** The repository's top folder, or a LocalSourceError in words a user knows. */
export function gitTop(repo: string): string {
  const top = tryGit(repo, ['rev-parse', '--show-toplevel'])
  if (top === null) {
    // tell a missing git apart from a folder that is not a repository
    git(repo, ['--version'])
    throw new LocalSourceError(`not a git repository: ${repo} (use --before DIR --after DIR to compare two folders)`)
  }
  return top.trim()
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

/** Resolves the base of the comparison: `--base` against its merge base with the head, as a pull request does. */
function resolveBase(
  repo: string,
  base: string | null,
  head: string | null,
  direct: boolean
): { sha: string; label: string; tip: string | null } {
  if (base === null) {
    const sha = tryGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
    // a repository without commits: everything is new
    if (sha === null || sha.trim() === '') return { sha: EMPTY_TREE, label: 'no commits yet', tip: null }
    return { sha: sha.trim(), label: 'HEAD', tip: sha.trim() }
  }
  const baseSha = commitOf(repo, base)
  const headSha = head ? commitOf(repo, head) : tryGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
  if (direct || headSha === null || headSha.trim() === '') return { sha: baseSha, label: base, tip: baseSha }
  const mb = tryGit(repo, ['merge-base', baseSha, headSha.trim()])
  if (mb === null || mb.trim() === '') {
    throw new LocalSourceError(
      `${base} and ${head ?? 'HEAD'} have no common ancestor; use --direct to compare the two as they are`
    )
  }
  const sha = mb.trim()
  return { sha, label: sha === baseSha ? base : `${base} (merge base ${short(sha)})`, tip: baseSha }
}

/** Changes of a git repository, per mode. */
export function collectGit(src: GitSource): LocalCollected {
  const top = gitTop(src.repo)
  const { mode } = src
  const head = mode.kind === 'commits' ? commitOf(top, mode.head) : null
  const base = resolveBase(top, mode.base, mode.kind === 'commits' ? mode.head : null, mode.direct)
  const range =
    mode.kind === 'commits' ? [base.sha, head as string] : mode.kind === 'staged' ? ['--cached', base.sha] : [base.sha]
  const fields = git(top, ['diff', '--name-status', '-M', '-z', ...range, '--'])
    .split('\0')
    .filter((s) => s !== '')
  const afterSide = (path: string): Side =>
    mode.kind === 'commits'
      ? readBlob(top, `${head as string}:${path}`, path)
      : mode.kind === 'staged'
        ? readBlob(top, `:${path}`, path)
        : readDisk(join(top, path), path)
  const beforeSide = (path: string): Side => readBlob(top, `${base.sha}:${path}`, path)

  const changes: RawChange[] = []
  for (let i = 0; i < fields.length;) {
    const letter = fields[i++][0]
    if (letter === 'R' || letter === 'C') {
      const from = fields[i++]
      const to = fields[i++]
      changes.push({
        path: to,
        previousPath: from,
        status: STATUS[letter],
        before: beforeSide(from),
        after: afterSide(to)
      })
      continue
    }
    const path = fields[i++]
    const status = STATUS[letter] ?? 'modified'
    changes.push({
      path,
      status,
      before: status === 'added' ? { missing: true } : beforeSide(path),
      after: status === 'removed' ? { missing: true } : afterSide(path)
    })
  }

  const untrackedLeftOut: string[] = []
  if (mode.kind === 'worktree') {
    const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z'])
      .split('\0')
      .filter((s) => s !== '')
      .map((path): RawChange => ({ path, status: 'added', before: { missing: true }, after: afterSide(path) }))
    if (mode.untracked) changes.push(...untracked)
    else {
      const ml = selectMl(untracked, src.paths, src.exclude)
      untrackedLeftOut.push(...ml.files.map((f) => f.path), ...ml.skipped.map((s) => s.path))
    }
  }
  const headLabel =
    mode.kind === 'commits' ? mode.head : mode.kind === 'staged' ? 'the index (staged changes)' : 'the working tree'
  return {
    ...selectMl(changes, src.paths, src.exclude),
    untrackedLeftOut,
    label: `${base.label} → ${headLabel}`,
    configRef: base.tip
  }
}

/** `.github/ml-review.yml` at a commit, or null when it is not there. */
export function gitFileAt(repo: string, ref: string, path: string): string | null {
  const side = readBlob(gitTop(repo), `${ref}:${path}`, path)
  return 'text' in side ? side.text : null
}
