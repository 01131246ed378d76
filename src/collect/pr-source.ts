// Gathers a pull request's ML files with both sides of their content, through the API only.
import pLimit from 'p-limit'
import type { GitHub, Repo } from '../github/client.js'
import {
  getFileContent,
  listTree,
  mergeBase,
  PR_FILES_CAP,
  pullFilePages,
  type FilesPage,
  type PullFile
} from '../github/pull.js'
import type { ChangedFile } from '../types.js'
import { isMlConfigContent, makeSelector } from './select.js'

/** Parallel content fetches: enough to hide API latency, few enough to stay clear of secondary rate limits. */
export const FETCH_CONCURRENCY = 8

export interface Collected {
  files: ChangedFile[]
  /** every file of the PR, ML or not (for the log) */
  total: number
  notes: string[]
  /** what could not be collected at all: a review that cannot see it must not pass (SPEC §8) */
  unanalysed?: { path: string; reason: string }[]
}

export async function collectPullFiles(
  gh: GitHub,
  repo: Repo,
  pr: {
    number: number
    baseSha: string
    headSha: string
    changedFiles?: number
    /** the first page of the PR's files, requested ahead */
    firstPage?: Promise<FilesPage>
  },
  globs: { paths: string[]; exclude: string[] },
  /** the changed files from elsewhere than the PR files API (a merge group's compare), with that list's cap */
  listing?: { pages: AsyncIterable<PullFile[]>; cap: number; of: string },
  /** called with each ML file as soon as both of its sides are in, while the rest is still being read */
  onFile?: (file: ChangedFile) => void
): Promise<Collected> {
  const cap = listing?.cap ?? PR_FILES_CAP
  const of = listing?.of ?? 'a pull request'
  const notes: string[] = []
  const sel = makeSelector(globs.paths, globs.exclude)
  const limit = pLimit(FETCH_CONCURRENCY)
  // each (path, ref) is fetched once even when a rename and a content check both want it
  const cache = new Map<string, Promise<{ text: string | null; note?: string }>>()
  const fetch = (path: string, ref: string): Promise<{ text: string | null; note?: string }> => {
    const key = `${ref}\u0000${path}`
    let p = cache.get(key)
    if (!p) {
      p = limit(() => getFileContent(gh, repo, path, ref))
      cache.set(key, p)
    }
    return p
  }

  const one = async (f: PullFile): Promise<ChangedFile | null> => {
    const byGlob = sel.matchesGlobs(f.path) || (f.previousPath !== undefined && sel.matchesGlobs(f.previousPath))
    if (!byGlob && !sel.isContentCandidate(f.path)) return null
    const fileNotes: string[] = []
    const basePath = f.previousPath ?? f.path
    // a file the globs take needs both sides: they are read together (the cache hands the same read out below)
    if (byGlob && f.status !== 'added' && f.status !== 'removed') fetch(basePath, pr.baseSha).catch(() => undefined)
    const after = f.status === 'removed' ? { text: null } : await fetch(f.path, pr.headSha)
    if (!byGlob) {
      // outside the globs a config counts only when its content carries training or fairness-evaluation keys
      const probe = after.text ?? (f.status === 'removed' ? (await fetch(f.path, pr.baseSha)).text : null)
      if (probe === null || !isMlConfigContent(f.path, probe)) return null
    }
    const before = f.status === 'added' ? { text: null } : await fetch(basePath, pr.baseSha)
    if (after.note && f.status !== 'removed') fileNotes.push(`head: ${after.note}`)
    if (before.note && f.status !== 'added') fileNotes.push(`base: ${before.note}`)
    const file: ChangedFile = {
      path: f.path,
      previousPath: f.previousPath,
      status: f.status,
      patch: f.patch,
      before: before.text,
      after: after.text,
      notes: fileNotes.length > 0 ? fileNotes : undefined
    }
    onFile?.(file)
    return file
  }
  // the files of a page are fetched while the next page is listed
  const pending: Promise<ChangedFile | null>[] = []
  let total = 0
  try {
    // listing pages share the fetch slots: the whole run keeps at most FETCH_CONCURRENCY requests in flight
    for await (const page of listing?.pages ??
      pullFilePages(gh, repo, pr.number, { changedFiles: pr.changedFiles, limit, first: pr.firstPage })) {
      for (const f of page) {
        const p = one(f)
        // handled now, awaited below: a fetch that fails while later pages are listed must not crash the process
        p.catch(() => undefined)
        pending.push(p)
      }
      total += page.length
    }
  } catch (e) {
    // let the fetches already started settle, so that none of them rejects with nobody listening
    await Promise.allSettled(pending)
    throw e
  }
  const picked = await Promise.all(pending)
  const changed = pr.changedFiles ?? 0
  const unanalysed: { path: string; reason: string }[] = []
  const how = changed > total ? `this one changes ${changed}` : `this one changes at least ${total}`
  if (total < cap && changed > total) {
    // a list shorter than the cap is complete: the count in the event is stale
    notes.push(`The event counted ${changed} changed files; GitHub listed ${total}, all of which were considered.`)
  } else if (total >= cap && changed !== total) {
    // exactly as many as the PR counts is the whole list, even at the cap
    // the rest is found by comparing the trees of the merge base and the head: a capped list must not hide an ML file
    const listed = new Set<string>()
    for (const f of picked) if (f) listed.add(f.path)
    try {
      const rest = await unlistedChanges(gh, repo, pr, sel)
      const more = await Promise.all(rest.filter((f) => !listed.has(f.path)).map(one))
      const found = more.filter((f): f is ChangedFile => f !== null)
      picked.push(...found)
      notes.push(
        `GitHub lists at most ${cap} files of ${of}; ${how}, so the ML files were also found by comparing the trees of the base and the head (${found.length} past the list).`
      )
    } catch (e) {
      const reason = `GitHub lists at most ${cap} files of ${of}; ${how}, and the trees could not be compared (${(e as Error).message}), so files past the first ${total} were not reviewed`
      notes.push(`${reason}.`)
      unanalysed.push({ path: `(files past the first ${total})`, reason })
    }
  }
  return {
    files: picked.filter((f): f is ChangedFile => f !== null),
    total,
    notes,
    ...(unanalysed.length > 0 ? { unanalysed } : {})
  }
}

/** ML-candidate paths whose blob differs between the merge base and the head, as PR files without patches. */
async function unlistedChanges(
  gh: GitHub,
  repo: Repo,
  pr: { baseSha: string; headSha: string },
  sel: ReturnType<typeof makeSelector>
): Promise<PullFile[]> {
  const from = await mergeBase(gh, repo, pr.baseSha, pr.headSha).catch(() => pr.baseSha)
  const [base, head] = await Promise.all([listTree(gh, repo, from), listTree(gh, repo, pr.headSha)])
  const wanted = (path: string): boolean => sel.matchesGlobs(path) || sel.isContentCandidate(path)
  const baseByPath = new Map(base.files.filter((e) => wanted(e.path)).map((e) => [e.path, e]))
  const out: PullFile[] = []
  for (const e of head.files) {
    if (!wanted(e.path)) continue
    const old = baseByPath.get(e.path)
    baseByPath.delete(e.path)
    // without blob shas every candidate counts as changed: more is read, nothing is missed
    if (old && old.sha !== undefined && old.sha === e.sha) continue
    out.push({ path: e.path, status: old ? 'modified' : 'added', additions: 0, deletions: 0 })
  }
  for (const e of baseByPath.values()) out.push({ path: e.path, status: 'removed', additions: 0, deletions: 0 })
  return out
}
