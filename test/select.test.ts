import { describe, expect, it } from 'vitest'
import { hasFairnessEvaluationKeys, hasTrainingKeys, isMlConfigContent, makeSelector } from '../src/collect/select.js'
import { DEFAULT_PATHS } from '../src/inputs.js'
import { testData } from './helpers/scenario.js'

const sel = makeSelector(DEFAULT_PATHS, [])

describe('ML file selection (SPEC §4)', () => {
  it.each([
    'nb.ipynb',
    'a/b/Mitigating Disparities.ipynb',
    'configs/model/mnist.yaml',
    'recipes/zephyr-7b-beta/dpo/config_qlora.yaml',
    'conf/x.toml',
    'hparams/a/b.json',
    'experiments/e1/run.yml',
    'train.yaml',
    'scripts/finetune_llama.yml',
    'sft-config.json',
    'my_lora.toml',
    'sweep.yaml',
    'params.yaml',
    'pipelines/dvc.yaml',
    'MLproject',
    'deep/MLproject',
    'ds_config_zero3.json',
    'accelerate_config.yaml',
    'fsdp.yml',
    'out/adapter_config.json',
    '.hidden/configs/train.yaml'
  ])('%s is an ML file', (p) => expect(sel.matchesGlobs(p)).toBe(true))

  it.each([
    'README.md',
    'src/train.py',
    'package.json',
    'tsconfig.build.json',
    '.github/workflows/train.yml',
    'configs/package-lock.json',
    'yarn.lock'
  ])('%s is not', (p) => expect(sel.matchesGlobs(p)).toBe(false))

  it('content detection applies to other configs, never to package.json or .github', () => {
    expect(sel.isContentCandidate('examples/mistral/config.yml')).toBe(true)
    expect(sel.isContentCandidate('package.json')).toBe(false)
    expect(sel.isContentCandidate('.github/ml-review.yml')).toBe(false)
    expect(sel.isContentCandidate('src/app.py')).toBe(false)
  })

  it('exclude removes matches', () => {
    const s = makeSelector(DEFAULT_PATHS, ['legacy/**'])
    expect(s.matchesGlobs('legacy/nb.ipynb')).toBe(false)
    expect(s.matchesGlobs('new/nb.ipynb')).toBe(true)
  })

  it('detects training keys in configs that no glob matches', () => {
    expect(hasTrainingKeys(testData('configs/llm-qlora.after.yml'))).toBe(true)
    expect(hasTrainingKeys(testData('configs/dpo-lora.before.yaml'))).toBe(true)
    expect(hasTrainingKeys('name: ci\non: push\njobs: {}\n')).toBe(false)
    expect(hasTrainingKeys('{"seed": 1}')).toBe(false)
    expect(hasTrainingKeys('lr = 0.1\nepochs = 3\n')).toBe(true)
  })

  it("reads YOLO's hyperparameter and dataset configs by their keys", () => {
    expect(hasTrainingKeys('lr0: 0.01 # initial learning rate\nlrf: 0.01\nmomentum: 0.937\n')).toBe(true)
    expect(
      hasTrainingKeys('path: ../datasets/coco\ntrain: train2017.txt\nval: val2017.txt\nnames:\n  0: person\n')
    ).toBe(true)
    // splits without classes, or classes without splits, are any other file's keys
    expect(hasTrainingKeys('train: train2017.txt\nval: val2017.txt\n')).toBe(false)
    expect(hasTrainingKeys('names:\n  - a\nval: 3\n')).toBe(false)
  })

  describe('fairness-evaluation configs outside the globs', () => {
    it.each([
      [
        'an aequitas audit',
        'score_column: score\nattr_cols:\n  - race\n  - sex\nref_groups_method: predefined\nfairness_threshold: 0.8\n'
      ],
      [
        'a bias benchmark task (its name and dataset speak of it, its keys do not)',
        'task: crows_pairs_english_race_color\ndataset_path: BigScienceBiasEval/crows_pairs_multilingual\noutput_type: multiple_choice\n'
      ],
      ['a JSON evaluation setting', '{"model": "m.pkl", "sensitive_features": ["gender"], "metrics": ["accuracy"]}'],
      ['a TOML evaluation table', '[evaluation]\nprotected_attributes = ["age"]\n'],
      ['a BBQ run', 'tasks:\n  - bbq\nlimit: 100\n']
    ])('%s counts', (_, text) => {
      expect(hasTrainingKeys(text)).toBe(false)
      expect(hasFairnessEvaluationKeys(text)).toBe(true)
      expect(isMlConfigContent('eval/run.yaml', text)).toBe(true)
    })

    it.each([
      ['a service config', 'server:\n  host: 0.0.0.0\n  port: 8080\nlogging:\n  level: info\n'],
      [
        'prose that mentions fairness in a value with spaces',
        'title: "A fair comparison of two schedulers"\nauthor: x\n'
      ],
      ['a data table of protected columns', 'columns:\n  race: category\n  sex: category\n  income: float\n']
    ])('%s does not', (_, text) => {
      expect(hasFairnessEvaluationKeys(text)).toBe(false)
      expect(isMlConfigContent('conf.yaml', text)).toBe(false)
    })

    it('a config named for a fairness criterion counts whatever its keys say; one named otherwise does not', () => {
      const cert = '{"meta": {"display_name": "Statistical Parity"}, "condition": {"terms": [["&x", ">=", -0.1]]}}'
      expect(isMlConfigContent('RAI/certificates/fairness_statistical_parity.json', cert)).toBe(true)
      expect(isMlConfigContent('RAI/certificates/robustness_noise.json', cert)).toBe(false)
      expect(isMlConfigContent('.github/fairness-bot.yml', 'on: push\n')).toBe(false)
    })

    it('project tooling that names fairness pages or packages does not', () => {
      const nav = 'nav:\n  - Fairness: fairness.md\n  - Mitigation: mitigation.md\n'
      expect(hasFairnessEvaluationKeys(nav)).toBe(true)
      expect(isMlConfigContent('docs/mkdocs.yml', nav)).toBe(false)
      expect(isMlConfigContent('environment.yml', 'dependencies:\n  - fairlearn\n')).toBe(false)
    })

    it('reads only the head of a very large config', () => {
      const rows = 'row: 1\n'.repeat(60_000)
      expect(hasFairnessEvaluationKeys(`${rows}sensitive_features: [sex]\n`)).toBe(false)
      expect(hasFairnessEvaluationKeys(`sensitive_features: [sex]\n${rows}`)).toBe(true)
    })
  })
})
