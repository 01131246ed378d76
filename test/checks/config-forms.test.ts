// Non-bias regressions in the forms real configs take: a seed removed from one model of a grid whose other models
// keep the same seed, an evaluation dataset or split that is also one the run trains on.
import { describe, expect, it } from 'vitest'
import { modified, run } from './helpers.js'

const checks = (before: string, after: string, path = 'config.yaml') =>
  run(modified(path, before, after)).map((f) => `${f.check}:${f.line}`)

describe('a seed removed from one model of a grid', () => {
  const grid = (seed: boolean) =>
    [
      'small:',
      '  grid:',
      "    'sklearn.ensemble.RandomForestClassifier':",
      '      n_estimators: [50]',
      ...(seed ? ['      random_state: [7]'] : []),
      '      n_jobs: [-1]',
      'large:',
      '  grid:',
      "    'sklearn.ensemble.RandomForestClassifier':",
      '      n_estimators: [500]',
      '      random_state: [7]',
      ''
    ].join('\n')
  it('is reported although another model keeps the same seed', () => {
    expect(checks(grid(true), grid(false))).toContain('REPRO-SEED-REMOVED:5')
  })
  it('a seed moved to a new key with its value is no removal', () => {
    const before = 'training:\n  seed: 13\n  epochs: 3\n'
    const after = 'seed: 13\ntraining:\n  epochs: 3\n'
    expect(checks(before, after).filter((c) => c.startsWith('REPRO-SEED-REMOVED'))).toEqual([])
  })
})

describe('the data scored is data the run trains on', () => {
  const lf = (evalLine: string) =>
    [
      'model_name_or_path: some/model',
      'stage: sft',
      'finetuning_type: lora',
      'template: default',
      'dataset: identity,alpaca_demo',
      evalLine,
      'per_device_eval_batch_size: 1',
      'eval_strategy: steps',
      ''
    ].join('\n')
  it('eval_dataset set to one of the training datasets', () => {
    expect(checks(lf('# eval_dataset: alpaca_demo'), lf('eval_dataset: alpaca_demo'))).toContain(
      'EVAL-ON-TRAINING-DATA:6'
    )
  })
  it('a held-out eval dataset, or one that was already the same, is fine', () => {
    expect(checks(lf('# eval_dataset: alpaca_demo'), lf('eval_dataset: alpaca_eval'))).not.toContain(
      'EVAL-ON-TRAINING-DATA:6'
    )
    const same = lf('eval_dataset: alpaca_demo')
    expect(checks(same, same.replace('per_device_eval_batch_size: 1', 'per_device_eval_batch_size: 2'))).toEqual(
      expect.not.arrayContaining(['EVAL-ON-TRAINING-DATA:6'])
    )
  })
})

describe('a column a config declares sensitive', () => {
  const cfg = (features: string) =>
    `sensitive: ["grp"]\nfeatures: [${features}]\ntarget: "y_true"\nsteps:\n  - name: di_repair\n    params:\n      sensitive_col: "grp"\n`
  it('put among the features blocks at its line, whatever it is called', () => {
    const found = run(modified('config.yml', cfg('"x1", "x2"'), cfg('"x1", "x2", "grp"')))
    expect(found.filter((f) => f.bias && f.status === 'fail').map((f) => `${f.check}:${f.line}`)).toEqual([
      'RAI-PROTECTED-ATTRIBUTE:2'
    ])
  })
  it('another plain feature added is fine', () => {
    const found = run(modified('config.yml', cfg('"x1", "x2"'), cfg('"x1", "x2", "x3"')))
    expect(found.filter((f) => f.bias)).toEqual([])
  })
})

describe('an address given as a value', () => {
  it("a responsible-AI job's environment moved to another registry URI narrows nothing", () => {
    const job = (env: string) =>
      `$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py\nenvironment: ${env}\ncompute: azureml:cpu-cluster\n`
    const found = run(
      modified(
        'train_housing.yml',
        job('azureml://registries/azureml/environments/AzureML-responsibleai-0.20-ubuntu20.04-py38-cpu/versions/4'),
        job('azureml://registries/azureml/environments/responsibleai-ubuntu20.04-py38-cpu/versions/2')
      )
    )
    expect(found.filter((f) => f.bias)).toEqual([])
  })
})

describe('speechbrain-style data lists and learning rates', () => {
  const hp = (valid: string, lr = '0.001') =>
    `seed: 1234\ntrain_csv: !ref <save_folder>/train.csv\nvalid_csv: !ref <save_folder>/${valid}.csv\nlr_adam: ${lr}\nnumber_of_epochs: 30\n`
  it('the validation list pointed at the training list fails; another list is fine', () => {
    expect(checks(hp('dev'), hp('train'), 'hparams/train.yaml')).toContain('EVAL-ON-TRAINING-DATA:3')
    expect(checks(hp('dev'), hp('dev_clean'), 'hparams/train.yaml')).not.toContain('EVAL-ON-TRAINING-DATA:3')
  })
  it("an optimizer's own learning rate raised 100× is read as a learning rate; a schedule knob is not", () => {
    expect(checks(hp('dev'), hp('dev', '0.1'), 'hparams/train.yaml')).toContain('TRAIN-LR-CHANGED:4')
    const decay = (g: string) => `lr_adam: 0.001\nlr_gamma: ${g}\nnumber_of_epochs: 30\n`
    expect(checks(decay('0.1'), decay('0.9'), 'hparams/train.yaml')).not.toContain('TRAIN-LR-CHANGED:2')
  })
})

describe('validation data named by a dataframe path or a list of splits', () => {
  it("h2o's validation_dataframe set to the training dataframe fails; its own file is fine", () => {
    const cfg = (v: string) =>
      `dataset:\n    train_dataframe: /tmp/train_full.pq\n    validation_dataframe: ${v}\n    validation_strategy: custom\n`
    expect(checks(cfg('None'), cfg('/tmp/train_full.pq'), 'cfg.yaml')).toContain('EVAL-ON-TRAINING-DATA:3')
    expect(checks(cfg('None'), cfg('/tmp/valid.pq'), 'cfg.yaml')).not.toContain('EVAL-ON-TRAINING-DATA:3')
  })
  it("LAVIS's valid_splits naming the split train_splits trains on fails; val and test are fine", () => {
    const run = (v: string) => `run:\n  train_splits: ["train"]\n  valid_splits: ${v}\n  test_splits: ["test"]\n`
    expect(checks(run('["val", "test"]'), run('["train"]'), 'nlvr_ft.yaml')).toContain('EVAL-ON-TRAINING-DATA:3')
    expect(checks(run('["val", "test"]'), run('["val"]'), 'nlvr_ft.yaml')).not.toContain('EVAL-ON-TRAINING-DATA:3')
  })
})
