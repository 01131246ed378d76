// A small PR of our own for the adversarial publishing tests: one training config, a passing agent report, and a
// run of the action in-process with short GitHub timeouts.
import { answer } from '../fakes/bridge.js'
import type { Fakes } from '../helpers/fakes.js'
import { runInProcess, type Recording } from '../helpers/action.js'

export const HEAD = '1'.repeat(40)
export const BASE = '2'.repeat(40)
export const PR = 5
export const CONFIG = 'configs/train.yaml'
export const MARKER = '<!-- ml-engineering-review -->'
export const BRIDGE_TOKEN = 'bridge-token-for-adversarial-tests-0123'

export const BEFORE = ['model: resnet50', 'learning_rate: 0.001', 'epochs: 10', 'seed: 42', 'batch_size: 64', ''].join(
  '\n'
)
export const AFTER = ['model: resnet50', 'learning_rate: 0.0005', 'epochs: 10', 'seed: 42', 'batch_size: 64', ''].join(
  '\n'
)

/** The agent's report with these checklist lines. */
export function reportWith(items: string[], body = 'The learning rate is halved (configs/train.yaml:2).'): string {
  return [
    '## ML Engineering Report',
    '### Data Pipeline',
    'Unchanged.',
    '### Model Architecture',
    'ResNet-50.',
    '### Training Strategy',
    body,
    '### Evaluation',
    'Per-group accuracy is reported.',
    '### Deployment Plan',
    'Canary.',
    '### Responsible AI Checklist',
    ...items
  ].join('\n')
}

export const PASSING = reportWith([
  `- [x] Learning rate change is justified (${CONFIG}:2) — PASS`,
  `- [x] Fairness metrics reported per demographic group (${CONFIG}:3) — PASS`
])

export const FAILING = reportWith([
  `- [x] Learning rate change is justified (${CONFIG}:2) — PASS`,
  `- [ ] Fairness metrics reported per demographic group (${CONFIG}:3) — FAIL`
])

export function seed(f: Fakes, opts: { files?: { path: string; before?: string; after?: string }[] } = {}): void {
  const files = opts.files ?? [{ path: CONFIG, before: BEFORE, after: AFTER }]
  f.gh.addPull({
    number: PR,
    title: 'Halve the learning rate',
    headSha: HEAD,
    baseSha: BASE,
    files: files.map((x) => ({
      filename: x.path,
      status: x.before === undefined ? 'added' : 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b'
    }))
  })
  for (const x of files) {
    if (x.before !== undefined) f.gh.setContent(BASE, x.path, x.before)
    if (x.after !== undefined) f.gh.setContent(HEAD, x.path, x.after)
  }
}

export function payload(): Record<string, unknown> {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      title: 'Halve the learning rate',
      html_url: `https://github.com/octo-org/ml-repo/pull/${PR}`,
      head: { sha: HEAD, ref: 'feature' },
      base: { sha: BASE, ref: 'main' },
      changed_files: 1
    },
    repository: { full_name: 'octo-org/ml-repo', name: 'ml-repo', owner: { login: 'octo-org' } }
  }
}

/** The action on PR #5 with the bridge answering `report` (or as scripted), GitHub requests given up after 5 s. */
export function runPr(
  f: Fakes,
  opts: { report?: string; inputs?: Record<string, string>; env?: Record<string, string> } = {}
): Promise<Recording> {
  if (opts.report !== undefined) f.bridge.script(answer.text(200, opts.report))
  return runInProcess({
    apiUrl: f.gh.url,
    eventName: 'pull_request',
    payload: payload(),
    inputs: { 'bridge-url': f.bridge.url, 'bridge-token': BRIDGE_TOKEN, ...opts.inputs },
    env: { ML_REVIEW_GITHUB_TIMEOUT_MS: '5000', ...opts.env }
  })
}

export const CHECK_RUNS = '/repos/{owner}/{repo}/check-runs'
export const CHECK_RUN = '/repos/{owner}/{repo}/check-runs/{check_run_id}'
export const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
export const COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}'
export const CONTENTS = '/repos/{owner}/{repo}/contents/{path}'
