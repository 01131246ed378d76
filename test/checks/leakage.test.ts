// Leakage by severity, on the split forms notebooks use: selection / oversampling / target encoding before the
// split fails, a scaler or PCA before it warns; the test split used to stop early or pick the best model fails.
import { describe, expect, it } from 'vitest'
import { added, expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const fail = { status: 'fail' as const, bias: false }
const warn = { status: 'warn' as const, bias: false }
const load = "import pandas as pd\ndf = pd.read_csv('churn.csv')\nX = df.drop(columns=['churn'])\ny = df['churn']"
const SPLIT = 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=7)'

describe('fitted before the split', () => {
  it('SMOTE on all rows before train_test_split fails', () => {
    const before = notebook([load, SPLIT, 'X_res, y_res = SMOTE(random_state=7).fit_resample(X_train, y_train)'])
    const after = notebook([load, 'X, y = SMOTE(random_state=7).fit_resample(X, y)', SPLIT])
    expectOne(run(modified('smote.ipynb', before, after)), 'DATA-FIT-BEFORE-SPLIT', {
      ...fail,
      path: 'smote.ipynb',
      line: lineOf(after, 'fit_resample(X, y)')
    })
  })

  it('SelectKBest before cross_val_score fails; a Pipeline does not', () => {
    const leaky = [
      load,
      'sel = SelectKBest(f_classif, k=10)',
      'X_sel = sel.fit_transform(X, y)',
      'scores = cross_val_score(LogisticRegression(), X_sel, y, cv=5)'
    ]
    const after = notebook(leaky)
    expectOne(run(added('sel.ipynb', after)), 'DATA-FIT-BEFORE-SPLIT', {
      ...fail,
      path: 'sel.ipynb',
      line: lineOf(after, 'sel.fit_transform')
    })
    const piped = notebook([
      load,
      "pipe = Pipeline([('sel', SelectKBest(k=10)), ('clf', LogisticRegression())])",
      'scores = cross_val_score(pipe, X, y, cv=5)'
    ])
    expectNone(run(added('pipe.ipynb', piped)), 'DATA-FIT-BEFORE-SPLIT')
  })

  it('a target encoder before the split fails', () => {
    const after = `${load}\nenc = TargetEncoder(cols=['city'])\nX = enc.fit_transform(X, y)\n${SPLIT}\n`
    expectOne(run(added('te.py', after)), 'DATA-FIT-BEFORE-SPLIT', { ...fail, path: 'te.py', line: 6 })
  })

  it('PCA fitted on all of MNIST before a split by slicing warns', () => {
    const after = notebook([
      "X, y = fetch_openml('mnist_784', version=1, return_X_y=True)",
      'pca = PCA(n_components=50)\nX_pca = pca.fit_transform(X)',
      'X_train, X_test = X_pca[:60000], X_pca[60000:]\ny_train, y_test = y[:60000], y[60000:]',
      'clf.fit(X_train, y_train)'
    ])
    const f = expectOne(run(added('mnist.ipynb', after)), 'DATA-PREPROCESS-BEFORE-SPLIT', {
      ...warn,
      path: 'mnist.ipynb',
      line: lineOf(after, 'pca.fit_transform(X)')
    })
    expect(f.evidence).toContain('PCA')
  })

  it('an imputer before a split with iloc / sample warns; after the split it does not', () => {
    const iloc = notebook([
      load,
      'imp = SimpleImputer()\nX = imp.fit_transform(X)',
      'train_df = df.iloc[:8000]\ntest_df = df.iloc[8000:]'
    ])
    expectOne(run(added('iloc.ipynb', iloc)), 'DATA-PREPROCESS-BEFORE-SPLIT', {
      ...warn,
      path: 'iloc.ipynb',
      line: lineOf(iloc, 'imp.fit_transform')
    })
    const fine = notebook([
      load,
      'train = df.sample(frac=0.8, random_state=1)\ntest = df.drop(train.index)',
      "imp = SimpleImputer().fit(train[['tenure']])"
    ])
    expectNone(run(added('fine.ipynb', fine)), 'DATA-PREPROCESS-BEFORE-SPLIT')
  })
})

describe('test data used to fit or stop early', () => {
  it('early stopping on validation_data=(X_test, y_test)', () => {
    const fitCall = (val: string) =>
      `es = EarlyStopping(monitor='val_loss', patience=3, restore_best_weights=True)\nmodel.fit(X_train, y_train, epochs=50, validation_data=${val}, callbacks=[es])`
    const before = notebook([
      load,
      SPLIT,
      'X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.2)',
      fitCall('(X_val, y_val)')
    ])
    const after = notebook([load, SPLIT, fitCall('(X_test, y_test)')])
    expectOne(run(modified('keras.ipynb', before, after)), 'DATA-FIT-ON-TEST', {
      ...fail,
      path: 'keras.ipynb',
      line: lineOf(after, 'validation_data=(X_test')
    })
  })

  it('eval_set switched from the validation split to the test split warns without early stopping', () => {
    const before = `${SPLIT}\nmodel.fit(X_train, y_train, eval_set=[(X_val, y_val)])\n`
    const after = `${SPLIT}\nmodel.fit(X_train, y_train, eval_set=[(X_test, y_test)])\n`
    expectOne(run(modified('xgb.py', before, after)), 'DATA-FIT-ON-TEST', { ...warn, path: 'xgb.py', line: 2 })
  })

  it('early_stopping_rounds on a test eval_set in a new notebook fails; monitoring alone does not', () => {
    const stop = notebook([
      SPLIT,
      'model = XGBClassifier(early_stopping_rounds=20)\nmodel.fit(X_train, y_train, eval_set=[(X_test, y_test)])'
    ])
    expectOne(run(added('stop.ipynb', stop)), 'DATA-FIT-ON-TEST', {
      ...fail,
      path: 'stop.ipynb',
      line: lineOf(stop, 'eval_set=[(X_test')
    })
    const watch = notebook([SPLIT, 'model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)'])
    expectNone(run(added('watch.ipynb', watch)), 'DATA-FIT-ON-TEST')
  })

  it('a Trainer that keeps the best checkpoint by the test split fails', () => {
    const nb = notebook([
      "ds = load_dataset('imdb')",
      "args = TrainingArguments('out', eval_strategy='epoch', save_strategy='epoch', load_best_model_at_end=True)",
      "trainer = Trainer(model=model, args=args, train_dataset=ds['train'], eval_dataset=ds['test'])"
    ])
    expectOne(run(added('hf.ipynb', nb)), 'DATA-FIT-ON-TEST', {
      ...fail,
      path: 'hf.ipynb',
      line: lineOf(nb, "eval_dataset=ds['test']")
    })
  })
})

describe('DATA-TARGET-IN-FEATURES: the key the target is selected by taken out of the features’ drop list', () => {
  const cell = (drop: string) =>
    `def retrain_and_test(model, label_col, new_traindf, testdf):\n    y_train = new_traindf[label_col].values\n    model.fit(new_traindf.drop([${drop}], axis=1), y_train)\n    return model.predict_proba(testdf.drop(['entity_id', label_col], axis=1))`
  it('at the fit whose features no longer drop it; another column taken out is fine', () => {
    const after = notebook([cell("'entity_id'")])
    expectOne(run(modified('r.ipynb', notebook([cell("'entity_id', label_col")]), after)), 'DATA-TARGET-IN-FEATURES', {
      status: 'fail',
      bias: false,
      path: 'r.ipynb',
      line: lineOf(after, 'model.fit(')
    })
    expectNone(
      run(
        modified(
          'r.ipynb',
          notebook([cell("'entity_id', 'as_of_date', label_col")]),
          notebook([cell("'entity_id', label_col")])
        )
      ),
      'DATA-TARGET-IN-FEATURES'
    )
  })
})
