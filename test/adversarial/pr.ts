// A pull request built from inline files, run through the action in-process against the fakes, for the
// adversarial suites: each case states the files of a hostile PR and asserts on what a reviewer sees.
import type { FakeGitHub } from '../fakes/github.js'
import { runInProcess, type Recording } from '../helpers/action.js'
import { BASE, HEAD, prPayload } from '../helpers/scenario.js'

export interface PrFile {
  path: string
  before?: string | Buffer | null
  after?: string | Buffer | null
  status?: 'added' | 'removed' | 'modified' | 'renamed'
}

/** Seeds PR #7 with these files (status from which sides exist); `padding` non-ML files are listed first. */
export function seedPr(gh: FakeGitHub, files: PrFile[], padding = 0): void {
  const listed = []
  for (let i = 0; i < padding; i++) listed.push({ filename: `src/pkg${i % 50}/m${i}.py`, status: 'modified' as const })
  for (const f of files) {
    const status = f.status ?? (f.before == null ? 'added' : f.after == null ? 'removed' : 'modified')
    listed.push({ filename: f.path, status })
    if (f.before != null) gh.setContent(BASE, f.path, f.before)
    if (f.after != null) gh.setContent(HEAD, f.path, f.after)
  }
  gh.addPull({ number: 7, title: 'Add a feature', headSha: HEAD, baseSha: BASE, files: listed })
  // the trees, for the routes that do not use the PR files list
  const at = (sha: string): string[] =>
    [...gh.contents.keys()].filter((k) => k.startsWith(`${sha}:`)).map((k) => k.slice(sha.length + 1))
  gh.trees.set(BASE, at(BASE))
  gh.trees.set(HEAD, at(HEAD))
}

export function runPr(gh: FakeGitHub, inputs: Record<string, string> = {}, changedFiles?: number): Promise<Recording> {
  const payload = prPayload(7) as { pull_request: Record<string, unknown> }
  if (changedFiles !== undefined) payload.pull_request.changed_files = changedFiles
  return runInProcess({ apiUrl: gh.url, eventName: 'pull_request', payload, inputs })
}

/** The conclusion the check ended with (the one a required check reads). */
export function conclusion(gh: FakeGitHub): string | null {
  const runs = gh.checkRuns
  return runs.length > 0 ? runs[runs.length - 1].conclusion : null
}

/** Everything a reviewer or a log reader can see of a run. */
export function published(gh: FakeGitHub, rec: Recording): string {
  return [
    ...[...gh.comments.values()].flat().map((c) => c.body),
    ...gh.checkRuns.flatMap((r) => [r.output.title ?? '', r.output.summary ?? '', r.output.text ?? '']),
    ...gh.checkRuns.flatMap((r) => r.annotations.map((a) => JSON.stringify(a))),
    rec.summary,
    ...Object.values(rec.outputs),
    ...rec.logs,
    ...rec.warnings,
    ...rec.annotations.map((a) => a.message),
    rec.failed ?? ''
  ].join('\n')
}

/** A JSON training config that lists `features`. */
export function jsonConfig(features: string[], extra = ''): string {
  return `{\n  "learning_rate": 0.001,\n  "epochs": 3,${extra}\n  "features": [\n${features.map((f) => `    "${f}"`).join(',\n')}\n  ]\n}\n`
}
