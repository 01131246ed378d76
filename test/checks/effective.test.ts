// Effective configuration as a reviewer reads it: removed keys at their framework default, DeepSpeed's scheduler
// peak over the optimizer's rate, and training sequences longer than the model's positions.
import { describe, it } from 'vitest'
import { expectNone, expectOne, modified, run } from './helpers.js'

const hf = (extra: string) =>
  `model_name_or_path: meta-llama/Llama-3.2-1B\noutput_dir: out\nper_device_train_batch_size: 8\n${extra}logging_steps: 10\n`

describe('framework defaults (Hugging Face TrainingArguments, LLaMA-Factory, TRL)', () => {
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
