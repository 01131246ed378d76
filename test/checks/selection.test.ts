// Evaluation made to reward the wrong thing or turned off: selection direction inverted, the class-balanced average
// dropped, the test split picking the model, validation removed from a training call or a Lightning trainer.
import { describe, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }
const METRIC = 'EVAL-METRIC-CHANGED'
const SPLIT = 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)'

describe('selection direction and averages', () => {
  it('greater_is_better flipped for F1 in TrainingArguments', () => {
    const before = "args = TrainingArguments('out', metric_for_best_model='f1', greater_is_better=True)\n"
    const after =
      "args = TrainingArguments(\n    'out',\n    metric_for_best_model='f1',\n    greater_is_better=False,\n)\n"
    expectOne(run(modified('t.py', before, after)), METRIC, { ...warn, path: 't.py', line: 4 })
  })

  it('a loss maximised in a config and in a Keras checkpoint', () => {
    const before = 'metric_for_best_model: eval_loss\ngreater_is_better: false\n'
    const after = 'metric_for_best_model: eval_loss\ngreater_is_better: true\n'
    expectOne(run(modified('c.yaml', before, after)), METRIC, { ...warn, path: 'c.yaml', line: 2 })
    const cb = (mode: string) =>
      `cb = ModelCheckpoint('m.h5', monitor='val_loss', mode='${mode}', save_best_only=True)\n`
    expectOne(run(modified('k.py', cb('min'), cb('max'))), METRIC, { ...warn, path: 'k.py', line: 1 })
  })

  it('a different metric chosen in its own direction is not a finding', () => {
    const before = "cb = ModelCheckpoint('m.h5', monitor='val_loss', mode='min')\n"
    const after = "cb = ModelCheckpoint('m.h5', monitor='val_accuracy', mode='max')\n"
    expectNone(run(modified('k.py', before, after)), METRIC)
  })

  it("average='macro' replaced by 'micro'; a new binary score beside the macro one is not", () => {
    const before = "print(f1_score(y_test, y_pred, average='macro'))\n"
    expectOne(run(modified('m.py', before, "print(f1_score(y_test, y_pred, average='micro'))\n")), METRIC, {
      ...warn,
      path: 'm.py',
      line: 1
    })
    expectNone(run(modified('m.py', before, `${before}print(f1_score(y_test, y_pred))\n`)), METRIC)
  })
})

describe('the test split picking the model', () => {
  const loop = (x: string, y: string) =>
    `best_k, best = None, 0\nfor k in range(1, 30):\n    knn = KNeighborsClassifier(n_neighbors=k).fit(X_tr, y_tr)\n    s = knn.score(${x}, ${y})\n    if s > best:\n        best, best_k = s, k`
  const head = [SPLIT, 'X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.2)']

  it('a hyper-parameter search scored on the test split instead of the validation split fails', () => {
    const after = notebook([...head, loop('X_test', 'y_test')])
    expectOne(run(modified('knn.ipynb', notebook([...head, loop('X_val', 'y_val')]), after)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'knn.ipynb',
      line: lineOf(after, 'knn.score(X_test')
    })
  })

  it('a final evaluation moved from the validation to the test split is not', () => {
    const before = notebook([...head, 'val_loss, val_acc = model.evaluate(X_val, y_val)'])
    const after = notebook([
      ...head,
      "test_loss, test_acc = model.evaluate(X_test, y_test)\nprint(f'Test accuracy -> {test_acc:.3f}')"
    ])
    expectNone(run(modified('final.ipynb', before, after)), 'DATA-FIT-ON-TEST')
  })

  it('not when the scores are only renamed: the base scored the test split with the same call', () => {
    const cell = (v: string, t: string) =>
      [
        `bl_${v} = model.predict_proba(val.drop('label', axis=1))[:, 1]`,
        `bl_${t} = model.predict_proba(test.drop('label', axis=1))[:, 1]`,
        `bl_test_pred = bl_${t} > 0.5`
      ].join('\n')
    const before = notebook([...head, cell('val_scores', 'test_scores')])
    expectNone(
      run(modified('rename.ipynb', before, notebook([...head, cell('val_probs', 'test_probs')]))),
      'DATA-FIT-ON-TEST'
    )
  })

  it('validation_split replaced by the test split as validation_data warns', () => {
    const before = notebook([SPLIT, 'history = model.fit(X_train, y_train, epochs=10, validation_split=0.1)'])
    const after = notebook([
      SPLIT,
      'history = model.fit(X_train, y_train, epochs=10, validation_data=(X_test, y_test))'
    ])
    expectOne(run(modified('keras.ipynb', before, after)), 'DATA-FIT-ON-TEST', {
      ...warn,
      path: 'keras.ipynb',
      line: lineOf(after, 'validation_data=')
    })
  })
})

describe('validation turned off', () => {
  it('validation_split removed from a Keras fit', () => {
    const before = 'model.fit(X_train, y_train, epochs=10, validation_split=0.2)\n'
    expectOne(run(modified('k.py', before, 'model.fit(X_train, y_train, epochs=10)\n')), 'EVAL-SPLIT-REMOVED', {
      ...warn,
      path: 'k.py',
      line: 1
    })
    const kept = 'model.fit(X_train, y_train, epochs=20, batch_size=64, validation_split=0.2)\n'
    expectNone(run(modified('k.py', before, kept)), 'EVAL-SPLIT-REMOVED')
  })

  it("Lightning's limit_val_batches set to 0", () => {
    const before = 'trainer:\n  max_epochs: 10\n  limit_val_batches: 1.0\n'
    const after = 'trainer:\n  max_epochs: 10\n  limit_val_batches: 0\n'
    expectOne(run(modified('c.yaml', before, after)), 'EVAL-SPLIT-REMOVED', { ...warn, path: 'c.yaml', line: 3 })
  })
})

describe('evaluation through a fresh object', () => {
  it('ROC(model.predict_proba).explain_perf moved from the validation to the training split', () => {
    const cell = (part: string) =>
      `perf = ROC(best_ebm.predict_proba).explain_perf(${part}[x_names], ${part}[y_name])\nprint('Validation AUC: %.4f.' % perf.auc)`
    const split = 'train = data[split]\nvalid = data[~split]'
    const after = notebook([split, cell('train')])
    expectOne(run(modified('auc.ipynb', notebook([split, cell('valid')]), after)), 'EVAL-ON-TRAINING-DATA', {
      status: 'fail',
      bias: false,
      path: 'auc.ipynb',
      line: lineOf(after, 'explain_perf(train')
    })
  })
})

describe('selection metric switched to accuracy', () => {
  it("GridSearchCV(scoring='f1_macro') → 'accuracy' while a classification report stays elsewhere", () => {
    const search = (m: string) =>
      `gs = GridSearchCV(SVC(), grid, cv=5, scoring='${m}')\ngs.fit(X_train, y_train)\nprint(classification_report(y_test, gs.predict(X_test)))\n`
    expectOne(run(modified('gs.py', search('f1_macro'), search('accuracy'))), 'EVAL-ACCURACY-ONLY', {
      ...warn,
      path: 'gs.py',
      line: 1
    })
    expectNone(
      run(modified('gs.py', search('accuracy'), search('accuracy').replace('cv=5', 'cv=10'))),
      'EVAL-ACCURACY-ONLY'
    )
  })
})

describe('PyTorch evaluation loops', () => {
  const loop = (loader: string, evalMode = true) => [
    'import torch\ntorch.manual_seed(0)\nmodel = Net()\noptimizer = torch.optim.Adam(model.parameters(), lr=1e-3)',
    'for epoch in range(10):\n    model.train()\n    for xb, yb in train_loader:\n        optimizer.zero_grad()\n        loss = criterion(model(xb), yb)\n        loss.backward()\n        optimizer.step()',
    `${evalMode ? 'model.eval()\n' : ''}correct = 0\nwith torch.no_grad():\n    for xb, yb in ${loader}:\n        correct += (model(xb).argmax(1) == yb).sum().item()\nprint('accuracy', correct / len(${loader}.dataset))`
  ]

  it('the evaluation loop now iterating the training loader fails', () => {
    const after = notebook(loop('train_loader'))
    expectOne(run(modified('loop.ipynb', notebook(loop('test_loader')), after)), 'EVAL-ON-TRAINING-DATA', {
      status: 'fail',
      bias: false,
      path: 'loop.ipynb',
      line: lineOf(after, 'for xb, yb in train_loader', lineOf(after, 'model.eval()'))
    })
  })

  it('a training-accuracy loop added beside the test loop is not', () => {
    const after = notebook([
      ...loop('test_loader'),
      'correct = 0\nwith torch.no_grad():\n    for xb, yb in train_loader:\n        correct += (model(xb).argmax(1) == yb).sum().item()'
    ])
    expectNone(run(modified('loop.ipynb', notebook(loop('test_loader')), after)), 'EVAL-ON-TRAINING-DATA')
  })

  it('model.eval() removed before the evaluation warns', () => {
    const after = notebook(loop('test_loader', false))
    expectOne(run(modified('loop.ipynb', notebook(loop('test_loader')), after)), 'EVAL-MODE-REMOVED', {
      ...warn,
      path: 'loop.ipynb',
      line: lineOf(after, 'correct = 0')
    })
  })
})

describe('a training score added beside the held-out one', () => {
  it('is not evaluation on training data; replacing the held-out score is', () => {
    const base = notebook([
      SPLIT,
      "clf.fit(X_train, y_train)\nprint('test', roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))"
    ])
    const both = notebook([
      SPLIT,
      "clf.fit(X_train, y_train)\nprint('test', roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))",
      "print('train', roc_auc_score(y_train, clf.predict_proba(X_train)[:, 1]))"
    ])
    expectNone(run(modified('auc.ipynb', base, both)), 'EVAL-ON-TRAINING-DATA')
    const replaced = notebook([
      SPLIT,
      "clf.fit(X_train, y_train)\nprint('test', roc_auc_score(y_train, clf.predict_proba(X_train)[:, 1]))"
    ])
    expectOne(run(modified('auc.ipynb', base, replaced)), 'EVAL-ON-TRAINING-DATA', {
      status: 'fail',
      bias: false,
      path: 'auc.ipynb',
      line: lineOf(replaced, 'roc_auc_score(y_train')
    })
  })
})
