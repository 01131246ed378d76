// A realistic pull request for the fakes: a training config and an AIF360 notebook (test/data), plus a non-ML file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { recidivismNotebook } from '../data/notebooks.js'
import type { FakeGitHub } from '../fakes/github.js'

export const DATA = join(import.meta.dirname, '..', 'data')

/** A file of test/data, e.g. `configs/llm-qlora.before.yml`. */
export function testData(rel: string): string {
  return readFileSync(join(DATA, rel), 'utf8')
}

export const HEAD = 'a'.repeat(40)
export const BASE = 'b'.repeat(40)
export const CONFIG_PATH = 'configs/train.yaml'
export const NOTEBOOK_PATH = 'notebooks/reject_option.ipynb'

/** PR #7: a training YAML (learning rate 40× lower), an AIF360 notebook (train and test swapped), a README. */
export function seedMlPull(gh: FakeGitHub, number = 7): void {
  gh.addPull({
    number,
    title: 'Tune mistral LR and fix protected attribute groups',
    headSha: HEAD,
    baseSha: BASE,
    files: [
      {
        filename: CONFIG_PATH,
        status: 'modified',
        patch: '@@ -1 +1 @@\n-learning_rate: 0.0002\n+learning_rate: 0.000005'
      },
      { filename: NOTEBOOK_PATH, status: 'modified', patch: '@@ -10 +10 @@\n-x\n+y' },
      { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }
    ]
  })
  gh.setContent(BASE, CONFIG_PATH, testData('configs/llm-qlora.before.yml'))
  gh.setContent(HEAD, CONFIG_PATH, testData('configs/llm-qlora.after.yml'))
  gh.setContent(BASE, NOTEBOOK_PATH, recidivismNotebook('base'))
  gh.setContent(HEAD, NOTEBOOK_PATH, recidivismNotebook('train-test-swapped'))
  gh.setContent(HEAD, 'README.md', '# readme\n')
}

export function report(items: string[]): string {
  return [
    '## ML Engineering Report',
    '### Data Pipeline',
    'The COMPAS data is split 70/30 with a fixed seed.',
    '### Model Architecture',
    'Mistral 7B with QLoRA adapters.',
    '### Training Strategy',
    'The learning rate drops from 2e-4 to 5e-6 (configs/train.yaml:30).',
    '### Evaluation',
    'Balanced accuracy and disparate impact are reported.',
    '### Deployment Plan',
    'Shadow deployment first.',
    '### Responsible AI Checklist',
    ...items
  ].join('\n')
}

export const FAILING_REPORT = report([
  `- [x] Train/validation/test split is stratified (${CONFIG_PATH}:12) — PASS`,
  `- [ ] Fairness metrics reported per demographic group (${NOTEBOOK_PATH}:233) — FAIL`,
  '- [ ] ⚠️ Model card updated — WARN'
])

export const PASSING_REPORT = report([
  `- [x] Train/validation/test split is stratified (${CONFIG_PATH}:12) — PASS`,
  `- [x] Fairness metrics reported per demographic group (${NOTEBOOK_PATH}:233) — PASS`,
  '- [x] Model card updated — PASS'
])

/** A pull_request `opened` payload for PR `number` at HEAD/BASE. */
export function prPayload(number = 7, action = 'opened'): Record<string, unknown> {
  return {
    action,
    number,
    pull_request: {
      number,
      title: 'Tune mistral LR and fix protected attribute groups',
      html_url: `https://github.com/octo-org/ml-repo/pull/${number}`,
      head: { sha: HEAD, ref: 'feature' },
      base: { sha: BASE, ref: 'main' },
      changed_files: 3
    },
    repository: { full_name: 'octo-org/ml-repo', name: 'ml-repo', owner: { login: 'octo-org' } }
  }
}
