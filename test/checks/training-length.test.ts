import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, modified, run, withId } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }

const torchtune = (cap: string): string =>
  [
    'output_dir: /tmp/torchtune/llama3_2_1B/lora_single_device',
    'model:',
    '  _component_: torchtune.models.llama3_2.lora_llama3_2_1b',
    '  lora_rank: 64',
    'optimizer:',
    '  _component_: torch.optim.AdamW',
    '  lr: 3e-4',
    '# Training',
    'epochs: 1',
    `max_steps_per_epoch: ${cap}`,
    'gradient_accumulation_steps: 8',
    ''
  ].join('\n')

describe('TRAIN-STEPS-CAPPED', () => {
  it('flags a torchtune step cap set where the epoch ran in full', () => {
    const f = expectOne(
      run(modified('recipes/configs/llama3_2/1B_lora_single_device.yaml', torchtune('null'), torchtune('10'))),
      'TRAIN-STEPS-CAPPED',
      { ...warn, path: 'recipes/configs/llama3_2/1B_lora_single_device.yaml', line: 10 }
    )
    expect(f.evidence).toContain('10 steps')
  })

  it('flags a Lightning limit_train_batches fraction cut 4× or more', () => {
    const cfg = (v: string): string => `trainer:\n  max_epochs: 10\n  limit_train_batches: ${v}\n  accelerator: gpu\n`
    expectOne(run(modified('configs/train.yaml', cfg('1.0'), cfg('0.1'))), 'TRAIN-STEPS-CAPPED', {
      ...warn,
      path: 'configs/train.yaml',
      line: 3
    })
  })

  it('leaves a cap taken away, a cap kept, or a cap raised', () => {
    const path = 'recipes/configs/llama3_2/1B_lora_single_device.yaml'
    expectNone(run(modified(path, torchtune('10'), torchtune('null'))), 'TRAIN-STEPS-CAPPED')
    expectNone(run(modified(path, torchtune('100'), torchtune('200'))), 'TRAIN-STEPS-CAPPED')
    expectNone(run(modified(path, torchtune('100'), torchtune('50'))), 'TRAIN-STEPS-CAPPED')
    const other = torchtune('null').replace('lr: 3e-4', 'lr: 2e-4')
    expectNone(run(modified(path, torchtune('null'), other)), 'TRAIN-STEPS-CAPPED')
  })
})

describe('TRAIN-EPOCHS-INCREASED with Composer durations', () => {
  const foundry = (d: string): string =>
    `optimizer:\n  name: decoupled_adamw\n  lr: 5.0e-6\n\nmax_duration: ${d}  # 2-3 epochs seems like the sweet spot\neval_interval: 1ep\nglobal_train_batch_size: 48\n`

  it('reads max_duration in epochs', () => {
    const f = expectOne(
      run(modified('yamls/finetune/sft.yaml', foundry('2ep'), foundry('20ep'))),
      'TRAIN-EPOCHS-INCREASED',
      {
        ...warn,
        path: 'yamls/finetune/sft.yaml',
        line: 5
      }
    )
    expect(f.evidence).toContain('2ep → 20ep')
  })

  it('leaves a small change and a duration in batches', () => {
    expectNone(run(modified('yamls/finetune/sft.yaml', foundry('2ep'), foundry('3ep'))), 'TRAIN-EPOCHS-INCREASED')
    expectNone(run(modified('yamls/finetune/sft.yaml', foundry('1000ba'), foundry('5000ba'))), 'TRAIN-EPOCHS-INCREASED')
  })
})

describe('TRAIN-EFFECTIVE-BATCH-SIZE with a global batch size', () => {
  const litgpt = (global: number, micro = 1): string =>
    `checkpoint_dir: checkpoints/meta-llama/Llama-3.2-1B\ntrain:\n  save_interval: 200\n  log_interval: 1\n  global_batch_size: ${global}\n  micro_batch_size: ${micro}\n  epochs: 2\n`

  it('flags litgpt global_batch_size raised while micro_batch_size stays', () => {
    const f = expectOne(
      run(modified('config_hub/finetune/lora.yaml', litgpt(8), litgpt(8192))),
      'TRAIN-EFFECTIVE-BATCH-SIZE',
      {
        ...warn,
        path: 'config_hub/finetune/lora.yaml',
        line: 5
      }
    )
    expect(f.evidence).toContain('global_batch_size: 8 → 8192')
  })

  it('leaves a micro batch change under the same global batch (only accumulation changes)', () => {
    expectNone(
      run(modified('config_hub/finetune/lora.yaml', litgpt(16, 1), litgpt(16, 4))),
      'TRAIN-EFFECTIVE-BATCH-SIZE'
    )
  })
})

describe('TRAIN-EPOCHS-INCREASED in a sweep’s search space', () => {
  const sweep = (range: string): string =>
    `sweep_params:\n  model:\n    kwargs:\n      epochs:\n        type: int\n        range: ${range}\n        log: False\n\n      batch_size:\n        type: int\n        range: [ 100, 1000 ]\n        log: True\n`

  it('flags an epoch range raised tenfold', () => {
    expectOne(
      run(modified('notebooks/config-rs.yml', sweep('[ 50, 1000 ]'), sweep('[ 500, 10000 ]'))),
      'TRAIN-EPOCHS-INCREASED',
      {
        ...warn,
        path: 'notebooks/config-rs.yml',
        line: 6
      }
    )
  })

  it('leaves a range widened a little, and other keys’ ranges', () => {
    expectNone(
      run(modified('notebooks/config-rs.yml', sweep('[ 50, 1000 ]'), sweep('[ 50, 2000 ]'))),
      'TRAIN-EPOCHS-INCREASED'
    )
    const other = sweep('[ 50, 1000 ]').replace('[ 100, 1000 ]', '[ 100, 10000 ]')
    expectNone(run(modified('notebooks/config-rs.yml', sweep('[ 50, 1000 ]'), other)), 'TRAIN-EPOCHS-INCREASED')
  })
})

describe('TRAIN-WARMUP-EXCEEDS-TRAINING', () => {
  const optim = (epochs: number, warmup = 80) =>
    `optim:\n  epochs: ${epochs}\n  base_lr: 2.0e-04\n  warmup_epochs: ${warmup}\n`
  it('flags epochs cut below the warmup of the same block, at the epochs line', () => {
    const f = expectOne(
      run(modified('configs/train/vitl14.yaml', optim(500), optim(5))),
      'TRAIN-WARMUP-EXCEEDS-TRAINING',
      {
        ...warn,
        path: 'configs/train/vitl14.yaml',
        line: 2
      }
    )
    expect(f.evidence).toContain('warmup_epochs: 80')
  })
  it("flags an RL agent's run cut below the steps it collects before its first update", () => {
    const sac = (n: string) =>
      `HalfCheetah-v4: &mujoco-defaults\n  n_timesteps: !!float ${n}\n  policy: 'MlpPolicy'\n  learning_starts: 10000\n\nAnt-v4:\n  <<: *mujoco-defaults\n`
    const f = expectOne(run(modified('hyperparams/sac.yml', sac('1e6'), sac('1e3'))), 'TRAIN-WARMUP-EXCEEDS-TRAINING', {
      ...warn,
      path: 'hyperparams/sac.yml',
      line: 2
    })
    expect(f.evidence).toContain('first update')
    expectNone(run(modified('hyperparams/sac.yml', sac('1e6'), sac('5e5'))), 'TRAIN-WARMUP-EXCEEDS-TRAINING')
  })
  it('leaves a run still longer than its warmup, and steps beside epochs (other units)', () => {
    expectNone(run(modified('configs/train/vitl14.yaml', optim(500), optim(100))), 'TRAIN-WARMUP-EXCEEDS-TRAINING')
    expectNone(
      run(
        modified(
          'configs/t.yaml',
          'max_steps: 1000\nwarmup_epochs: 3\nlr: 1e-4\n',
          'max_steps: 2\nwarmup_epochs: 3\nlr: 1e-4\n'
        )
      ),
      'TRAIN-WARMUP-EXCEEDS-TRAINING'
    )
  })
  it('flags warmup_steps raised to max_steps', () => {
    const hf = (w: number) => `learning_rate: 2e-5\nmax_steps: 500\nwarmup_steps: ${w}\n`
    expectOne(run(modified('configs/sft.yaml', hf(50), hf(500))), 'TRAIN-WARMUP-EXCEEDS-TRAINING', {
      ...warn,
      path: 'configs/sft.yaml',
      line: 3
    })
  })
})

describe('TRAIN-SCHEDULE-BEYOND-TRAINING', () => {
  const solver = (maxIter: number, steps = '(120000, 160000)') =>
    `SOLVER:\n  BASE_LR: 0.005\n  STEPS: ${steps}\n  MAX_ITER: ${maxIter}\n  IMS_PER_BATCH: 8\n`
  it('flags a run cut short of its first decay step, at the run length', () => {
    const f = expectOne(
      run(modified('configs/retinanet_R-50-FPN_1x.yaml', solver(180000), solver(1800))),
      'TRAIN-SCHEDULE-BEYOND-TRAINING',
      { ...warn, path: 'configs/retinanet_R-50-FPN_1x.yaml', line: 4 }
    )
    expect(f.evidence).toContain('120000')
    // milestones written as a list, against the epochs of the same block
    const sched = (epochs: number) => `scheduler:\n  milestones:\n    - 30\n    - 60\n  epochs: ${epochs}\n`
    expect(withId(run(modified('c.yaml', sched(90), sched(20))), 'TRAIN-SCHEDULE-BEYOND-TRAINING')).toHaveLength(1)
  })
  it('leaves a run that still decays, steps moved with it, and steps beside epochs (other units)', () => {
    expectNone(run(modified('c.yaml', solver(180000), solver(140000))), 'TRAIN-SCHEDULE-BEYOND-TRAINING')
    expectNone(run(modified('c.yaml', solver(180000), solver(1800, '(1200, 1600)'))), 'TRAIN-SCHEDULE-BEYOND-TRAINING')
    const mixed = (epochs: number) => `train:\n  steps: [60000, 80000]\n  epochs: ${epochs}\n`
    expectNone(run(modified('c.yaml', mixed(24), mixed(12))), 'TRAIN-SCHEDULE-BEYOND-TRAINING')
  })
})
