// The audit's source: every ML file at a commit, whole contents, read through the API.
import pLimit from 'p-limit'
import type { GitHub, Repo } from '../github/client.js'
import { getFileContent, listTree } from '../github/pull.js'
import type { ChangedFile } from '../types.js'
import { FETCH_CONCURRENCY } from './pr-source.js'
import { isMlConfigContent, makeSelector } from './select.js'

/** Config files outside the globs probed for training or fairness-evaluation keys, at most; past this the audit says what it skipped. */
export const MAX_CONTENT_PROBES = 400

export async function collectTreeFiles(
  gh: GitHub,
  repo: Repo,
  sha: string,
  globs: { paths: string[]; exclude: string[] }
): Promise<{ files: ChangedFile[]; total: number; notes: string[] }> {
  const { files: tree, walked } = await listTree(gh, repo, sha)
  const notes: string[] = []
  if (walked) notes.push('The repository tree is larger than one API listing; it was read folder by folder.')
  const sel = makeSelector(globs.paths, globs.exclude)
  const byGlob = tree.filter((e) => sel.matchesGlobs(e.path))
  let probes = tree.filter((e) => sel.isContentCandidate(e.path))
  if (probes.length > MAX_CONTENT_PROBES) {
    notes.push(
      `${probes.length - MAX_CONTENT_PROBES} config files outside the ML globs were not read for training or fairness-evaluation keys (limit ${MAX_CONTENT_PROBES}); add them to \`paths\` to audit them.`
    )
    // smaller configs first: training configs are rarely the biggest files
    probes = [...probes].sort((a, b) => a.size - b.size).slice(0, MAX_CONTENT_PROBES)
  }
  const limit = pLimit(FETCH_CONCURRENCY)
  const read = (path: string, mustHaveKeys: boolean): Promise<ChangedFile | null> =>
    limit(async () => {
      const c = await getFileContent(gh, repo, path, sha)
      if (mustHaveKeys && (c.text === null || !isMlConfigContent(path, c.text))) return null
      return { path, status: 'added', before: null, after: c.text, notes: c.note ? [c.note] : undefined }
    })
  const found = await Promise.all([...byGlob.map((e) => read(e.path, false)), ...probes.map((e) => read(e.path, true))])
  return { files: found.filter((f): f is ChangedFile => f !== null), total: tree.length, notes }
}
