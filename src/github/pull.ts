// Reading a pull request through the API: the PR itself, its files (paginated, capped by GitHub at 3000) and file
// contents at a ref. Never checks out or runs PR code.
import type { GitHub, Repo } from './client.js'
import { countedNotebookBody, notebookFetchOf, statusOf } from './client.js'
import { compactedBody } from './notebook-fetch.js'
import { compactNotebookStream } from '../diff/compact.js'
import type { FileStatus } from '../types.js'

/** GitHub's pull request files API lists at most this many files. */
export const PR_FILES_CAP = 3000

export interface PullInfo {
  number: number
  title: string
  headSha: string
  baseSha: string
  headRef: string
  baseRef: string
  changedFiles: number
  htmlUrl: string
  /** the PR's author (for the two-person rule on accepting bias items) */
  author?: string
  draft?: boolean
}

export interface PullFile {
  path: string
  previousPath?: string
  status: FileStatus
  patch?: string
  additions: number
  deletions: number
}

export async function getPull(gh: GitHub, repo: Repo, number: number): Promise<PullInfo> {
  const { data } = await gh.rest.pulls.get({ ...repo, pull_number: number })
  return {
    number: data.number,
    title: data.title,
    headSha: data.head.sha,
    baseSha: data.base.sha,
    headRef: data.head.ref,
    baseRef: data.base.ref,
    changedFiles: data.changed_files,
    htmlUrl: data.html_url,
    author: data.user.login,
    draft: data.draft ?? false
  }
}

/** Files per page of the PR files API (its maximum). */
const PER_PAGE = 100

export type FilesPage = Awaited<ReturnType<GitHub['rest']['pulls']['listFiles']>>

/** A changed file as the PR files and compare APIs both list it. */
export const toPullFile = (f: FilesPage['data'][number]): PullFile => ({
  path: f.filename,
  previousPath: f.previous_filename,
  status: f.status,
  patch: f.patch,
  additions: f.additions,
  deletions: f.deletions
})

const toPullFiles = (data: FilesPage['data']): PullFile[] => data.map(toPullFile)

/**
 * The PR's files page by page, in order, so that work on a page can start while the next ones are requested. When
 * the PR says how many files it changes, the pages that count implies are requested at once through `limit` (the
 * same Octokit, so retries and rate limits apply to each); past them the list is followed one page at a time for as
 * long as GitHub says there is a next page, since the count can be stale.
 */
export async function* pullFilePages(
  gh: GitHub,
  repo: Repo,
  number: number,
  opts: {
    changedFiles?: number
    limit?: <T>(fn: () => Promise<T>) => Promise<T>
    /** the first page, when its request was made earlier (`firstFilesPage`) */
    first?: Promise<FilesPage>
  } = {}
): AsyncGenerator<PullFile[]> {
  const known = Math.min(PR_FILES_CAP / PER_PAGE, Math.ceil((opts.changedFiles ?? 0) / PER_PAGE))
  const limit = opts.limit ?? (<T>(fn: () => Promise<T>): Promise<T> => fn())
  const page = (n: number): Promise<FilesPage> =>
    limit(() => gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page: n }))
  if (known <= 1 && !opts.first) {
    const pages = gh.paginate.iterator(gh.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: PER_PAGE })
    for await (const { data } of pages) yield toPullFiles(data)
    return
  }
  const count = Math.max(1, known)
  const ahead = Array.from({ length: count }, (_, i) => (i === 0 && opts.first ? opts.first : page(i + 1)))
  // pages not awaited (the list ended early, or an earlier page failed) must not reject with nobody listening
  for (const p of ahead) p.catch(() => undefined)
  let last: FilesPage | undefined
  for (const p of ahead) {
    last = await p
    yield toPullFiles(last.data)
    if (!hasNext(last)) return
  }
  for (let n = count + 1; last && hasNext(last); n++) {
    last = await page(n)
    yield toPullFiles(last.data)
  }
}

/** The request for the first page of a PR's files, made ahead (before the review's inputs are read). */
export function firstFilesPage(gh: GitHub, repo: Repo, number: number): Promise<FilesPage> {
  const first = gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page: 1 })
  // a run that never lists the files must not fail on its rejection
  first.catch(() => undefined)
  return first
}

/** Whether GitHub links a next page (it stops linking at its cap, and after the last file). */
function hasNext(res: FilesPage): boolean {
  return /\brel="next"/.test(String(res.headers.link ?? ''))
}

export interface FileContent {
  text: string | null
  /** why there is no text: absent, binary, Git LFS pointer */
  note?: string
}

/** File content at a ref through the raw media type (works past the 1 MB limit of the JSON contents API). */
export async function getFileContent(gh: GitHub, repo: Repo, path: string, ref: string): Promise<FileContent> {
  // a notebook is read as a stream and compacted on the way (image data out), never held whole: on a reading thread
  // when the client has them (its answer is the compacted text), else here
  const notebook = path.toLowerCase().endsWith('.ipynb')
  const fetch = notebook ? notebookFetchOf(gh) : undefined
  let data: unknown
  try {
    const res = await gh.rest.repos.getContent({
      ...repo,
      path,
      ref,
      mediaType: { format: 'raw' },
      ...(notebook ? { request: { parseSuccessResponseBody: false, ...(fetch ? { fetch } : {}) } } : {})
    })
    data = notebook
      ? (compactedBody(res.data) ??
        (await compactNotebookStream(countedNotebookBody(gh, res.data as unknown as AsyncIterable<Uint8Array>))))
      : res.data
  } catch (e) {
    if (statusOf(e) === 404) return { text: null, note: `not found at ${ref.slice(0, 7)}` }
    throw e
  }
  const text =
    typeof data === 'string'
      ? data
      : data instanceof ArrayBuffer
        ? new TextDecoder('utf-8').decode(data)
        : JSON.stringify(data)
  if (text.includes('\u0000')) return { text: null, note: 'binary file' }
  if (text.startsWith('version https://git-lfs.github.com/spec/v1')) {
    return { text: null, note: 'Git LFS pointer (content not in the repository)' }
  }
  return { text }
}

/**
 * The commit a pull request's change is measured from (the merge base of base and head), through the compare API;
 * the base sha when the API does not say.
 */
export async function mergeBase(gh: GitHub, repo: Repo, baseSha: string, headSha: string): Promise<string> {
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${baseSha}...${headSha}`,
    per_page: 1
  })
  return data.merge_base_commit?.sha ?? baseSha
}

export interface TreeEntry {
  path: string
  size: number
  /** the blob's sha: two commits hold the same content at a path when it is equal */
  sha?: string
}

/**
 * Every file (blob) at a commit through the git trees API. A recursive listing that GitHub truncated (over 100,000
 * entries or 7 MB) is completed by walking the subtrees one level at a time.
 */
export async function listTree(gh: GitHub, repo: Repo, sha: string): Promise<{ files: TreeEntry[]; walked: boolean }> {
  const { data } = await gh.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' })
  const blobs = (entries: typeof data.tree, prefix = ''): TreeEntry[] =>
    entries
      .filter((e) => e.type === 'blob' && e.path)
      .map((e) => ({ path: prefix + e.path, size: e.size ?? 0, ...(e.sha ? { sha: e.sha } : {}) }))
  if (!data.truncated) return { files: blobs(data.tree), walked: false }
  const files: TreeEntry[] = []
  const queue: { sha: string; prefix: string }[] = [{ sha, prefix: '' }]
  while (queue.length > 0) {
    const next = queue.shift() as { sha: string; prefix: string }
    const { data: level } = await gh.rest.git.getTree({ ...repo, tree_sha: next.sha })
    files.push(...blobs(level.tree, next.prefix))
    for (const e of level.tree) {
      if (e.type === 'tree' && e.sha && e.path) queue.push({ sha: e.sha, prefix: `${next.prefix}${e.path}/` })
    }
  }
  return { files, walked: true }
}
