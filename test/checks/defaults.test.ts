// What training will actually do: removing a value equal to the framework's default is no change; removing any
// other value compares against the default; a scheduler's own peak rate is the rate training uses.
import { describe, expect, it } from 'vitest'
import { configFrameworks } from '../../src/checks/defaults.js'
import { parseConfigEntries } from '../../src/diff/config.js'
import type { Finding } from '../../src/types.js'
import { expectNone, lineOf, modified, notebook, run, withId } from './helpers.js'

/** Exactly one finding of the check, with the fields given. */
function expectOne(findings: Finding[], id: string, expected: Partial<Finding>): Finding {
  const hits = withId(findings, id)
  expect(hits, `${id} in ${JSON.stringify(findings, null, 1)}`).toHaveLength(1)
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, hits[0][k as keyof Finding]]))
  expect(picked).toEqual(expected)
  return hits[0]
}

const sft = (extra: string): string =>
  [
    'model_name_or_path: meta-llama/Llama-3.1-8B',
    'output_dir: out/sft',
    'per_device_train_batch_size: 4',
    'gradient_accumulation_steps: 4',
    extra,
    'logging_steps: 10',
    ''
  ].join('\n')

describe('framework defaults in configs', () => {
  it('tells the frameworks apart by the keys only they use', () => {
    const kinds = (text: string): string[] => [...configFrameworks(parseConfigEntries('c.yaml', text))].sort()
    expect(kinds(sft('seed: 1'))).toEqual(['transformers'])
    expect(
      kinds('base_model: m\nmicro_batch_size: 2\nsequence_len: 4096\ndatasets:\n  - path: d\n    type: alpaca\n')
    ).toEqual(['axolotl'])
    expect(kinds('stage: sft\nfinetuning_type: lora\ntemplate: llama3\nlearning_rate: 1.0e-4\n')).toEqual([
      'llama-factory'
    ])
    expect(kinds('trainer:\n  max_epochs: 10\n  accelerator: gpu\nmodel:\n  lr: 0.001\n')).toEqual(['lightning'])
    expect(kinds('{"train_micro_batch_size_per_gpu": 4, "zero_optimization": {"stage": 2}}')).toEqual(['deepspeed'])
    expect(kinds('model:\n  hidden: 128\nseed: 3\n')).toEqual([])
  })

  it('a seed removed from a transformers recipe still seeds the run (42): no finding', () => {
    expectNone(run(modified('recipes/sft.yaml', sft('seed: 1234'), sft(''))), 'REPRO-SEED-REMOVED')
  })

  it('a seed removed from a config no trainer seeds by itself is still a finding', () => {
    const before = 'model:\n  hidden: 128\nseed: 3\ndata:\n  path: d\n'
    const after = 'model:\n  hidden: 128\ndata:\n  path: d\n'
    expectOne(run(modified('configs/exp.yaml', before, after)), 'REPRO-SEED-REMOVED', { path: 'configs/exp.yaml' })
  })

  it('removing num_train_epochs equal to the default (3) is no change', () => {
    const findings = run(modified('recipes/sft.yaml', sft('num_train_epochs: 3'), sft('')))
    expect(findings.filter((f) => f.family === 'training-config')).toEqual([])
  })

  it('removing num_train_epochs: 1 means 3 epochs now: flagged where the key was', () => {
    const after = sft('')
    const f = expectOne(
      run(modified('recipes/sft.yaml', sft('num_train_epochs: 1'), after)),
      'TRAIN-EPOCHS-INCREASED',
      {
        path: 'recipes/sft.yaml'
      }
    )
    expect(f.evidence).toContain('1 → 3 (default, not set)')
    // the removal sits between the batch settings and logging_steps in the head
    expect(f.line).toBeGreaterThanOrEqual(lineOf(after, 'gradient_accumulation_steps'))
    expect(f.line).toBeLessThanOrEqual(lineOf(after, 'logging_steps'))
  })

  it('removing a learning rate far from the default compares against the default (5e-5)', () => {
    const f = expectOne(run(modified('recipes/sft.yaml', sft('learning_rate: 1.0e-2'), sft(''))), 'TRAIN-LR-CHANGED', {
      path: 'recipes/sft.yaml',
      status: 'fail'
    })
    expect(f.evidence).toContain('0.00005 (default, not set)')
  })

  it('a learning rate written out equal to the default is no change either way', () => {
    expectNone(run(modified('recipes/sft.yaml', sft(''), sft('learning_rate: 5.0e-5'))), 'TRAIN-LR-CHANGED')
    expectNone(run(modified('recipes/sft.yaml', sft('learning_rate: 5.0e-5'), sft(''))), 'TRAIN-LR-CHANGED')
  })

  it('LLaMA-Factory: a removed lora_rank equal to its default (8) is no change; 64 → default is', () => {
    const lf = (extra: string): string =>
      `stage: sft\nfinetuning_type: lora\ntemplate: llama3\n${extra}lora_alpha: 16\nlearning_rate: 1.0e-4\n`
    expectNone(run(modified('examples/lora.yaml', lf('lora_rank: 8\n'), lf(''))), 'TRAIN-LORA-SCALE-CHANGED')
    expectOne(run(modified('examples/lora.yaml', lf('lora_rank: 64\n'), lf(''))), 'TRAIN-LORA-SCALE-CHANGED', {
      path: 'examples/lora.yaml'
    })
  })

  it('Lightning: max_epochs removed from trainer: falls back to 1000 epochs', () => {
    const before = 'trainer:\n  accelerator: gpu\n  max_epochs: 10\nmodel:\n  lr: 0.001\n'
    const after = 'trainer:\n  accelerator: gpu\nmodel:\n  lr: 0.001\n'
    const f = expectOne(run(modified('configs/train.yaml', before, after)), 'TRAIN-EPOCHS-INCREASED', {
      path: 'configs/train.yaml'
    })
    expect(f.evidence).toContain('10 → 1000 (default, not set)')
  })

  it('DeepSpeed auto values come from the trainer: a number → auto is no learning-rate change', () => {
    const ds = (lr: string): string =>
      `{\n  "train_micro_batch_size_per_gpu": "auto",\n  "optimizer": {\n    "type": "AdamW",\n    "params": {\n      "lr": ${lr}\n    }\n  },\n  "zero_optimization": {"stage": 2}\n}\n`
    expectNone(run(modified('ds_config.json', ds('0.01'), ds('"auto"'))), 'TRAIN-LR-CHANGED')
  })
})

describe("a scheduler's peak rate is the rate training uses", () => {
  const ds = (optLr: string, peak: string): string =>
    [
      '{',
      '  "train_micro_batch_size_per_gpu": 8,',
      '  "optimizer": {"type": "Adam", "params": {"lr": ' + optLr + '}},',
      '  "scheduler": {"type": "WarmupLR", "params": {"warmup_min_lr": 0, "warmup_max_lr": ' + peak + '}}',
      '}',
      ''
    ].join('\n')

  it('the optimizer lr changed under an unchanged WarmupLR peak: no finding', () => {
    expectNone(run(modified('ds_config.json', ds('0.001', '0.001'), ds('0.1', '0.001'))), 'TRAIN-LR-CHANGED')
  })

  it('the WarmupLR peak itself raised 100×: flagged on the peak', () => {
    const after = ds('0.001', '0.1')
    expectOne(run(modified('ds_config.json', ds('0.001', '0.001'), after)), 'TRAIN-LR-CHANGED', {
      path: 'ds_config.json',
      status: 'fail',
      line: lineOf(after, 'warmup_max_lr')
    })
  })

  it('a notebook: SGD lr changed while OneCycleLR max_lr sets the peak: no finding', () => {
    const nb = (lr: string): string =>
      notebook([
        'import torch',
        `optimizer = torch.optim.SGD(model.parameters(), lr=${lr}, momentum=0.9)\nscheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=1000)`
      ])
    expectNone(run(modified('train.ipynb', nb('0.001'), nb('0.1'))), 'TRAIN-LR-CHANGED')
  })
})

describe('framework defaults in code', () => {
  it('seed= dropped from TrainingArguments still seeds the run (42): no finding', () => {
    const nb = (extra: string): string =>
      notebook([`args = TrainingArguments(output_dir="out", learning_rate=2e-5${extra}, num_train_epochs=3)`])
    expectNone(run(modified('ft.ipynb', nb(', seed=7'), nb(''))), 'REPRO-SEED-REMOVED')
  })

  it('random_state= dropped from a split is still a finding', () => {
    const nb = (extra: string): string => notebook([`X_train, X_test = train_test_split(X, test_size=0.2${extra})`])
    expectOne(run(modified('split.ipynb', nb(', random_state=0'), nb(''))), 'REPRO-SEED-REMOVED', {
      path: 'split.ipynb'
    })
  })

  it('num_train_epochs=3 dropped from TrainingArguments is no change; =1 dropped is 3× more', () => {
    const nb = (extra: string): string =>
      notebook([`args = TrainingArguments(output_dir="out", learning_rate=2e-5${extra})`])
    expectNone(run(modified('ft.ipynb', nb(', num_train_epochs=3'), nb(''))), 'TRAIN-EPOCHS-INCREASED')
    expectOne(run(modified('ft.ipynb', nb(', num_train_epochs=1'), nb(''))), 'TRAIN-EPOCHS-INCREASED', {
      path: 'ft.ipynb'
    })
  })
})
