// Effective configuration: a key removed from a framework's config means the framework's default, so removing a value
// equal to it is not a finding, and a removed value is compared with what training will actually use.
import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const hf = (extra: string) =>
  `model_name_or_path: meta-llama/Llama-3.2-1B\noutput_dir: out\nper_device_train_batch_size: 8\n${extra}logging_steps: 10\n`

describe('framework defaults (Hugging Face TrainingArguments, LLaMA-Factory, TRL)', () => {
  it('seed: 42 removed from a trainer config is not a removed seed; seed: 1234 removed is', () => {
    expectNone(run(modified('sft.yaml', hf('seed: 42\n'), hf(''))), 'REPRO-SEED-REMOVED')
    expectOne(run(modified('sft.yaml', hf('seed: 1234\n'), hf(''))), 'REPRO-SEED-REMOVED', {
      status: 'warn',
      bias: false,
      path: 'sft.yaml',
      line: 4
    })
  })

  it('a learning rate removed is compared with the default 5e-5; removing the default itself is nothing', () => {
    const f = expectOne(run(modified('sft.yaml', hf('learning_rate: 1.0e-6\n'), hf(''))), 'TRAIN-LR-CHANGED', {
      status: 'warn',
      bias: false,
      path: 'sft.yaml',
      line: 4
    })
    expect(f.evidence).toContain('(default)')
    expectNone(run(modified('sft.yaml', hf('learning_rate: 5.0e-5\n'), hf(''))), 'TRAIN-LR-CHANGED')
  })

  it('epochs removed fall back to 3: from 1 that triples training; from 3 nothing changes', () => {
    expectOne(run(modified('sft.yaml', hf('num_train_epochs: 1\n'), hf(''))), 'TRAIN-EPOCHS-INCREASED', {
      status: 'warn',
      bias: false,
      path: 'sft.yaml',
      line: 4
    })
    expectNone(run(modified('sft.yaml', hf('num_train_epochs: 3.0\n'), hf(''))), 'TRAIN-EPOCHS-INCREASED')
  })

  it('a config of no known framework keeps the plain rule: a removed seed is removed', () => {
    expectOne(run(modified('c.yaml', 'lr: 0.1\nseed: 42\n', 'lr: 0.1\n')), 'REPRO-SEED-REMOVED', {
      status: 'warn',
      bias: false,
      path: 'c.yaml',
      line: 2
    })
  })

  it('TrainingArguments(seed=42) → TrainingArguments() in code is not a removed seed', () => {
    const cell = (seed: string) =>
      `args = TrainingArguments(output_dir='out', learning_rate=2e-5${seed})\ntrainer = Trainer(model=model, args=args)`
    expectNone(run(modified('t.ipynb', notebook([cell(', seed=42')]), notebook([cell('')]))), 'REPRO-SEED-REMOVED')
    expectOne(run(modified('t.ipynb', notebook([cell(', seed=7')]), notebook([cell('')]))), 'REPRO-SEED-REMOVED', {
      status: 'warn',
      bias: false,
      path: 't.ipynb',
      line: lineOf(notebook([cell('')]), 'TrainingArguments(')
    })
  })
})

describe('DeepSpeed: the scheduler sets the rate', () => {
  const ds = (lr: string, peak: string) =>
    `train_micro_batch_size_per_gpu: auto\noptimizer:\n  type: AdamW\n  params:\n    lr: ${lr}\nscheduler:\n  type: WarmupDecayLR\n  params:\n    warmup_max_lr: ${peak}\n    warmup_num_steps: 100\nzero_optimization:\n  stage: 2\n`
  it("the optimizer's lr changed under a WarmupLR peak that did not change is not a learning-rate change", () => {
    expectNone(run(modified('ds_config.yaml', ds('1e-5', '3e-5'), ds('1e-3', '3e-5'))), 'TRAIN-LR-CHANGED')
  })
  it('the peak changed is', () => {
    expectOne(run(modified('ds_config.yaml', ds('3e-5', '3e-5'), ds('3e-5', '3e-3'))), 'TRAIN-LR-CHANGED', {
      status: 'fail',
      bias: false,
      path: 'ds_config.yaml',
      line: 9
    })
  })
  it('a micro batch size turned to auto is no effective-batch change', () => {
    const before = ds('3e-5', '3e-5').replace(
      'train_micro_batch_size_per_gpu: auto',
      'train_micro_batch_size_per_gpu: 4'
    )
    expectNone(run(modified('ds_config.yaml', before, ds('3e-5', '3e-5'))), 'TRAIN-EFFECTIVE-BATCH-SIZE')
  })
})

describe('TRAIN-SEQ-EXCEEDS-POSITIONS', () => {
  const cfg = (seq: number, extra = '') =>
    `{\n  "num_layers": 80,\n  "seq_length": ${seq},\n  "max_position_embeddings": 4096,\n  "pos_emb": "rotary"${extra}\n}\n`
  it('a sequence length doubled past the position range', () => {
    expectOne(run(modified('configs/70B.json', cfg(4096), cfg(8192))), 'TRAIN-SEQ-EXCEEDS-POSITIONS', {
      status: 'warn',
      bias: false,
      path: 'configs/70B.json',
      line: 3
    })
  })
  it('not within the range, nor with RoPE scaling that extends it', () => {
    expectNone(run(modified('configs/70B.json', cfg(2048), cfg(4096))), 'TRAIN-SEQ-EXCEEDS-POSITIONS')
    expectNone(
      run(modified('configs/70B.json', cfg(4096), cfg(8192, ',\n  "rope_scaling": {"type": "linear", "factor": 2.0}'))),
      'TRAIN-SEQ-EXCEEDS-POSITIONS'
    )
  })
})
