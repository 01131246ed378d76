// What a merge queue's commit changes: the compare of the group's base and head (files and commits), and the queue's
// branches, which name the pull requests in the queue.
import type { GitHub, Repo } from './client.js'
import { toPullFile, type PullFile } from './pull.js'

/** The compare API lists at most this many files of a comparison. */
export const COMPARE_FILES_CAP = 300

export interface Comparison {
  files: PullFile[]
  /** the shas of the commits from base to head, as far as the API lists them (250) */
  commits: string[]
  totalCommits: number
}

export async function compareCommits(gh: GitHub, repo: Repo, base: string, head: string): Promise<Comparison> {
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}` })
  return {
    files: (data.files ?? []).map(toPullFile),
    commits: data.commits.map((c) => c.sha),
    totalCommits: data.total_commits
  }
}

/** The merge queue's branches for a base branch (`gh-readonly-queue/<base>/pr-<N>-<sha>`), each with its commit. */
export async function queueBranches(
  gh: GitHub,
  repo: Repo,
  baseBranch: string
): Promise<{ ref: string; sha: string }[]> {
  const { data } = await gh.rest.git.listMatchingRefs({ ...repo, ref: `heads/gh-readonly-queue/${baseBranch}/` })
  return data.map((r) => ({ ref: r.ref, sha: r.object.sha }))
}
