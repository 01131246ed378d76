import { describe, expect, it } from 'vitest'
import { hasTrainingKeys, makeSelector } from '../src/collect/select.js'
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
})
