import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }

describe('EVAL-ACCURACY-ONLY', () => {
  it('flags macro F1 and a classification report replaced by accuracy in a notebook', () => {
    const before = notebook([
      'pred = clf.predict(X_test)',
      "print(f1_score(y_test, pred, average='macro'))\nprint(classification_report(y_test, pred))"
    ])
    const after = notebook(['pred = clf.predict(X_test)', 'print(accuracy_score(y_test, pred))'])
    const f = expectOne(run(modified('eval.ipynb', before, after)), 'EVAL-ACCURACY-ONLY', {
      ...warn,
      path: 'eval.ipynb',
      line: lineOf(after, 'accuracy_score')
    })
    expect(f.family).toBe('evaluation')
  })

  it('flags metric_for_best_model f1_macro → accuracy in a config', () => {
    expectOne(
      run(
        modified('c.yaml', 'metric_for_best_model: f1_macro\nseed: 1\n', 'metric_for_best_model: accuracy\nseed: 1\n')
      ),
      'EVAL-ACCURACY-ONLY',
      {
        ...warn,
        path: 'c.yaml',
        line: 1
      }
    )
  })

  it('does not flag accuracy added next to macro metrics', () => {
    const before = notebook(["print(f1_score(y_test, pred, average='macro'))"])
    const after = notebook(["print(f1_score(y_test, pred, average='macro'))\nprint(accuracy_score(y_test, pred))"])
    expectNone(run(modified('eval.ipynb', before, after)), 'EVAL-ACCURACY-ONLY')
  })
})

describe('EVAL-SPLIT-REMOVED', () => {
  it('flags val_set_size set to 0', () => {
    expectOne(
      run(modified('qlora.yml', 'adapter: qlora\nval_set_size: 0.05\n', 'adapter: qlora\nval_set_size: 0\n')),
      'EVAL-SPLIT-REMOVED',
      {
        ...warn,
        path: 'qlora.yml',
        line: 2
      }
    )
  })

  it('flags evaluation_strategy turned to no', () => {
    const before = 'do_eval: true\nevaluation_strategy: steps\neval_steps: 100\n'
    const after = 'do_eval: true\nevaluation_strategy: "no"\neval_steps: 100\n'
    expectOne(run(modified('c.yaml', before, after)), 'EVAL-SPLIT-REMOVED', { ...warn, path: 'c.yaml', line: 2 })
  })

  it('flags eval_dataset dropped from a Trainer', () => {
    const before = notebook([
      'trainer = Trainer(\n    model=model,\n    train_dataset=train_ds,\n    eval_dataset=val_ds,\n)'
    ])
    const after = notebook(['trainer = Trainer(\n    model=model,\n    train_dataset=train_ds,\n)'])
    expectOne(run(modified('t.ipynb', before, after)), 'EVAL-SPLIT-REMOVED', {
      ...warn,
      path: 't.ipynb',
      line: lineOf(after, 'trainer = Trainer(')
    })
  })

  it('does not flag a larger validation split (fixture 02) or a renamed eval dataset', () => {
    expectNone(run(modified('qlora.yml', 'val_set_size: 0.05\n', 'val_set_size: 0.1\n')), 'EVAL-SPLIT-REMOVED')
    const before = notebook(['trainer = Trainer(model=model, train_dataset=train_ds, eval_dataset=val_ds)'])
    const after = notebook(['trainer = Trainer(model=model, train_dataset=train_ds, eval_dataset=splits["test"])'])
    expectNone(run(modified('t.ipynb', before, after)), 'EVAL-SPLIT-REMOVED')
  })
})

describe('EVAL-ON-TRAINING-DATA: an eval loader reading the train split', () => {
  const foundry = (split: string, evalName = 'mosaicml/dolly_hhrlhf'): string =>
    [
      'train_loader:',
      '  name: finetuning',
      '  dataset:',
      '    hf_name: mosaicml/dolly_hhrlhf',
      '    split: train',
      '    shuffle: true',
      '  drop_last: true',
      'eval_loader:',
      '  name: finetuning',
      '  dataset:',
      `    hf_name: ${evalName}`,
      `    split: ${split}`,
      '    shuffle: false',
      '  drop_last: true',
      'max_duration: 2ep',
      ''
    ].join('\n')

  it('flags eval_loader.dataset.split moved to the split the train loader reads', () => {
    const f = expectOne(
      run(modified('scripts/train/yamls/finetune/sft.yaml', foundry('test'), foundry('train'))),
      'EVAL-ON-TRAINING-DATA',
      { status: 'fail', bias: false, path: 'scripts/train/yamls/finetune/sft.yaml', line: 12 }
    )
    expect(f.evidence).toContain('eval_loader.dataset.split: train')
  })

  it('leaves the train split of another dataset, and a validation split', () => {
    const path = 'scripts/train/yamls/finetune/sft.yaml'
    expectNone(run(modified(path, foundry('test'), foundry('validation'))), 'EVAL-ON-TRAINING-DATA')
    expectNone(
      run(modified(path, foundry('test', 'org/held_out'), foundry('train', 'org/held_out'))),
      'EVAL-ON-TRAINING-DATA'
    )
  })
})

describe('EVAL-ON-TRAINING-DATA: a dataset config scoring its training images', () => {
  const yolo = (val: string) => `path: ../datasets/coco\ntrain: train2017.txt\nval: ${val}\nnames:\n  0: person\n`
  it("flags YOLO's val split pointed at the train list; a new val list is fine", () => {
    expectOne(run(modified('data/coco.yaml', yolo('val2017.txt'), yolo('train2017.txt'))), 'EVAL-ON-TRAINING-DATA', {
      status: 'fail',
      bias: false,
      path: 'data/coco.yaml',
      line: 3
    })
    expectNone(run(modified('data/coco.yaml', yolo('val2017.txt'), yolo('val2017-v2.txt'))), 'EVAL-ON-TRAINING-DATA')
  })
  it("flags detectron2's test datasets made the train ones (a tuple written as a string)", () => {
    const d2 = (test: string) =>
      `DATASETS:\n  TRAIN: ("coco_2017_train",)\n  TEST: ("${test}",)\nSOLVER:\n  BASE_LR: 0.02\n`
    expectOne(
      run(modified('configs/mask_rcnn.yaml', d2('coco_2017_val'), d2('coco_2017_train'))),
      'EVAL-ON-TRAINING-DATA',
      { status: 'fail', bias: false, path: 'configs/mask_rcnn.yaml', line: 3 }
    )
  })
  it('flags a composer val_dataset block reading the train split of the dataset its block names', () => {
    const composer = (split: string, name = 'c4') =>
      `train_dataset:\n  c4:\n    split: train\n    max_seq_len: 2048\nval_dataset:\n  ${name}:\n    split: ${split}\n    max_seq_len: 2048\n`
    expectOne(run(modified('yamls/gpt.yaml', composer('validation'), composer('train'))), 'EVAL-ON-TRAINING-DATA', {
      status: 'fail',
      bias: false,
      path: 'yamls/gpt.yaml',
      line: 7
    })
    expectNone(
      run(modified('yamls/gpt.yaml', composer('validation', 'wiki'), composer('train', 'wiki'))),
      'EVAL-ON-TRAINING-DATA'
    )
  })
})

describe('EVAL-ON-TRAINING-DATA: the training data written as what is scored', () => {
  const failure = { status: 'fail' as const, bias: false }
  it("a validation section's dataset set to the training section's, with no split apart", () => {
    const toml = (val: string) =>
      `[training]\ndataset = "c4"\nsteps = 1000\n\n[validation]\nenabled = true\ndataset = "${val}"\nfreq = 100\n`
    expectOne(run(modified('train.toml', toml('c4_validation'), toml('c4'))), 'EVAL-ON-TRAINING-DATA', {
      ...failure,
      path: 'train.toml',
      line: 7
    })
    expectNone(run(modified('train.toml', toml('c4_validation'), toml('c4_test'))), 'EVAL-ON-TRAINING-DATA')
  })

  it('an eval dataset newly handed to a trainer that is its training split; the held-out split is fine', () => {
    const cell = (evalArg: string) =>
      `split_ds = ds.train_test_split(test_size=0.5)\ntrain_ds = split_ds['train']\ntrainer = Trainer(model=model, args=args, train_dataset=train_ds${evalArg})`
    const before = notebook([cell('')])
    const after = notebook([cell(", eval_dataset=split_ds['train']")])
    expectOne(run(modified('ft.ipynb', before, after)), 'EVAL-ON-TRAINING-DATA', {
      ...failure,
      path: 'ft.ipynb',
      line: lineOf(after, 'trainer = Trainer')
    })
    expectNone(
      run(modified('ft.ipynb', before, notebook([cell(", eval_dataset=split_ds['test']")]))),
      'EVAL-ON-TRAINING-DATA'
    )
    // the training loss watched beside the held-out one
    const xgb = (evalArg: string) =>
      `X_train, X_test, y_train, y_test = train_test_split(X, y)\nmodel.fit(X_train, y_train${evalArg})`
    expectNone(
      run(
        modified('x.ipynb', notebook([xgb('')]), notebook([xgb(', eval_set=[(X_train, y_train), (X_test, y_test)]')]))
      ),
      'EVAL-ON-TRAINING-DATA'
    )
  })
})
