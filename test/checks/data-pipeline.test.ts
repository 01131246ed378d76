import { describe, expect, it } from 'vitest'
import { added, expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const fail = { status: 'fail' as const, bias: false }
const warn = { status: 'warn' as const, bias: false }
const SPLIT = 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)'

describe('DATA-PREPROCESS-BEFORE-SPLIT', () => {
  it('flags a scaler fitted on all data before the split in a notebook', () => {
    const before = notebook([
      'from sklearn.preprocessing import StandardScaler',
      SPLIT,
      'scaler = StandardScaler()\nX_train = scaler.fit_transform(X_train)'
    ])
    const after = notebook([
      'from sklearn.preprocessing import StandardScaler',
      'scaler = StandardScaler()\nX = scaler.fit_transform(X)',
      SPLIT
    ])
    const f = expectOne(run(modified('prep.ipynb', before, after)), 'DATA-PREPROCESS-BEFORE-SPLIT', {
      ...warn,
      path: 'prep.ipynb',
      line: lineOf(after, 'X = scaler.fit_transform(X)')
    })
    expect(f.family).toBe('data-pipeline')
  })

  it('flags an inline fit_transform before the split in a script', () => {
    const after = `import x\nX = MinMaxScaler().fit_transform(X)\n${SPLIT}\n`
    expectOne(run(added('train.py', after)), 'DATA-PREPROCESS-BEFORE-SPLIT', { ...warn, path: 'train.py', line: 2 })
  })

  it('does not flag fits after the split, label encoding of y, or files with no split', () => {
    const ok = `le = LabelEncoder()\ny = le.fit_transform(y)\n${SPLIT}\nscaler = StandardScaler().fit(X_train)\n`
    expectNone(run(added('train.py', ok)), 'DATA-PREPROCESS-BEFORE-SPLIT')
    expectNone(
      run(added('infer.py', 'scaler = StandardScaler()\nX = scaler.fit_transform(X)\n')),
      'DATA-PREPROCESS-BEFORE-SPLIT'
    )
  })

  it('does not flag a fit-before-split that was already there', () => {
    const before = `scaler = StandardScaler()\nX = scaler.fit_transform(X)\n${SPLIT}\n`
    expectNone(run(modified('train.py', before, before + 'print(1)\n')), 'DATA-PREPROCESS-BEFORE-SPLIT')
  })
})

describe('DATA-FIT-ON-TEST', () => {
  it('flags fit_transform on the test split', () => {
    const before = notebook([SPLIT, 'X_test = scaler.transform(X_test)'])
    const after = notebook([SPLIT, 'X_test = scaler.fit_transform(X_test)'])
    expectOne(run(modified('prep.ipynb', before, after)), 'DATA-FIT-ON-TEST', {
      ...fail,
      path: 'prep.ipynb',
      line: lineOf(after, 'fit_transform(X_test)')
    })
  })

  it('flags fit on an attribute of a test dataset', () => {
    expectOne(
      run(added('a.py', 'import x\nX_test = sc.fit_transform(dataset_test_pred.features)\n')),
      'DATA-FIT-ON-TEST',
      {
        ...fail,
        path: 'a.py',
        line: 2
      }
    )
  })

  it('does not flag transform on test, eval_set, or an unchanged old line', () => {
    const code = 'X_test = scaler.transform(X_test)\nmodel.fit(X_train, y_train, eval_set=[(X_test, y_test)])\n'
    expectNone(run(added('a.py', code)), 'DATA-FIT-ON-TEST')
    const old = 'test.features = scaler.fit_transform(test.features)\n'
    expectNone(
      run(modified('a.py', 'train, test = ad.split([100])\n' + old, 'test, train = ad.split([50])\n' + old)),
      'DATA-FIT-ON-TEST'
    )
  })
})

describe('DATA-TARGET-IN-FEATURES', () => {
  it('flags the target column in the feature list', () => {
    const before = "y = df['churn']\nfeatures = ['tenure', 'plan']\n"
    const after = "y = df['churn']\nfeatures = ['tenure', 'plan', 'churn']\n"
    expectOne(run(modified('train.py', before, after)), 'DATA-TARGET-IN-FEATURES', {
      ...fail,
      path: 'train.py',
      line: 2
    })
  })

  it('flags X = df when y comes from the same frame', () => {
    const after = notebook(["df = pd.read_csv('data.csv')", "y = df['label']\nX = df", SPLIT])
    expectOne(run(added('t.ipynb', after)), 'DATA-TARGET-IN-FEATURES', {
      ...fail,
      path: 't.ipynb',
      line: lineOf(after, 'X = df')
    })
  })

  it('flags a config target listed among features', () => {
    const after = 'target: price\nfeatures:\n  - rooms\n  - price\n'
    expectOne(run(added('configs/data.yaml', after)), 'DATA-TARGET-IN-FEATURES', {
      ...fail,
      path: 'configs/data.yaml',
      line: 4
    })
  })

  it('does not flag a dropped or popped target', () => {
    expectNone(run(added('a.py', "y = df['label']\nX = df.drop(columns=['label'])\n")), 'DATA-TARGET-IN-FEATURES')
    expectNone(run(added('a.py', "y = df.pop('label')\nX = df\n")), 'DATA-TARGET-IN-FEATURES')
    expectNone(
      run(added('a.py', "y = df['label']\nX = df\nX = X.drop(columns=['label'])\n")),
      'DATA-TARGET-IN-FEATURES'
    )
  })
})

describe('DATA-STRATIFY-REMOVED', () => {
  it('flags stratify= removed from train_test_split', () => {
    const before =
      'X_train, X_test, y_train, y_test = train_test_split(\n    X, y, test_size=0.2, stratify=y, random_state=0)\n'
    const after = 'X_train, X_test, y_train, y_test = train_test_split(\n    X, y, test_size=0.2, random_state=0)\n'
    expectOne(run(modified('split.py', before, after)), 'DATA-STRATIFY-REMOVED', { ...warn, path: 'split.py', line: 1 })
  })

  it('flags a stratify key removed from a config', () => {
    const before = 'split:\n  test_size: 0.2\n  stratify: label\nseed: 1\n'
    const after = 'split:\n  test_size: 0.2\nseed: 1\n'
    expectOne(run(modified('configs/split.yaml', before, after)), 'DATA-STRATIFY-REMOVED', {
      ...warn,
      path: 'configs/split.yaml',
      line: 3
    })
  })

  it('does not flag a split that keeps stratify', () => {
    const before = 'a = train_test_split(X, y, stratify=y)\n'
    const after = 'a = train_test_split(X, y, stratify=y, random_state=1)\n'
    expectNone(run(modified('split.py', before, after)), 'DATA-STRATIFY-REMOVED')
  })
})

describe('DATA-TIME-SERIES-SHUFFLE', () => {
  it('flags a shuffled split of date-sorted data', () => {
    const after =
      "df = df.sort_values('date')\nX_train, X_test, y_train, y_test = train_test_split(X, y, shuffle=True, random_state=0)\n"
    expectOne(run(added('ts.py', after)), 'DATA-TIME-SERIES-SHUFFLE', { ...warn, path: 'ts.py', line: 2 })
  })

  it('flags the default shuffle when TimeSeriesSplit shows the data is time-ordered', () => {
    const after = notebook(['from sklearn.model_selection import TimeSeriesSplit, train_test_split', SPLIT])
    expectOne(run(added('ts.ipynb', after)), 'DATA-TIME-SERIES-SHUFFLE', {
      ...warn,
      path: 'ts.ipynb',
      line: lineOf(after, 'train_test_split(X')
    })
  })

  it('does not flag shuffle=False or data with no time order', () => {
    expectNone(
      run(added('ts.py', "df = df.sort_values('date')\na = train_test_split(X, y, shuffle=False)\n")),
      'DATA-TIME-SERIES-SHUFFLE'
    )
    expectNone(run(added('iid.py', SPLIT + '\n')), 'DATA-TIME-SERIES-SHUFFLE')
  })
})

describe('DATA-TRAIN-TEST-SWAPPED', () => {
  it('flags train and test flipped against the base (fixture 19 shape)', () => {
    const before = notebook([
      'ad = AdultDataset()',
      'train, test = ad.split([32561])\ntrain.features = scaler.fit_transform(train.features)'
    ])
    const after = notebook([
      'ad = AdultDataset()',
      'test, train = ad.split([16281])\ntrain.features = scaler.fit_transform(train.features)'
    ])
    expectOne(run(modified('demo.ipynb', before, after)), 'DATA-TRAIN-TEST-SWAPPED', {
      ...warn,
      path: 'demo.ipynb',
      line: lineOf(after, 'test, train = ad.split')
    })
  })

  it('flags sklearn results unpacked test-first', () => {
    expectOne(
      run(added('s.py', 'import x\nX_test, X_train, y_test, y_train = train_test_split(X, y, random_state=0)\n')),
      'DATA-TRAIN-TEST-SWAPPED',
      {
        ...warn,
        path: 's.py',
        line: 2
      }
    )
  })

  it('does not flag the usual order', () => {
    expectNone(run(added('s.py', SPLIT + '\n')), 'DATA-TRAIN-TEST-SWAPPED')
    expectNone(run(added('s.py', 'test, train = ds.split([0.3], shuffle=True, seed=1)\n')), 'DATA-TRAIN-TEST-SWAPPED')
  })
})
