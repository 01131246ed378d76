// How the data is split: a time-ordered split made to shuffle, a group-aware split replaced by a plain one.
import { describe, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }
const SHUFFLE = 'DATA-TIME-SERIES-SHUFFLE'
const GROUP = 'DATA-GROUP-SPLIT-REMOVED'

describe('time-ordered split made to shuffle', () => {
  it('shuffle=False taken out of a split of dated sales', () => {
    const load = "df = pd.read_csv('sales.csv', parse_dates=['date'])"
    const before = notebook([
      load,
      'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)'
    ])
    const after = notebook([load, 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)'])
    expectOne(run(modified('sales.ipynb', before, after)), SHUFFLE, {
      ...warn,
      path: 'sales.ipynb',
      line: lineOf(after, 'train_test_split(')
    })
  })

  it('shuffle=False turned into shuffle=True points at the argument', () => {
    const before =
      "prices = pd.read_csv('prices.csv')\ntr, te = train_test_split(prices,\n    test_size=0.25,\n    shuffle=False)\n"
    const after =
      "prices = pd.read_csv('prices.csv')\ntr, te = train_test_split(prices,\n    test_size=0.25,\n    shuffle=True, random_state=1)\n"
    expectOne(run(modified('split.py', before, after)), SHUFFLE, { ...warn, path: 'split.py', line: 4 })
  })

  it('TimeSeriesSplit replaced by a shuffled KFold', () => {
    const before = notebook(['cv = TimeSeriesSplit(n_splits=5)\nscores = cross_val_score(model, X, y, cv=cv)'])
    const after = notebook([
      'cv = KFold(n_splits=5, shuffle=True, random_state=0)\nscores = cross_val_score(model, X, y, cv=cv)'
    ])
    expectOne(run(modified('cv.ipynb', before, after)), SHUFFLE, {
      ...warn,
      path: 'cv.ipynb',
      line: lineOf(after, 'KFold(')
    })
  })

  it('an edit that keeps shuffle=False, or a datasets train_test_split, is not a finding', () => {
    const before = 'a, b = train_test_split(X, shuffle=False)\n'
    expectNone(run(modified('s.py', before, 'a, b = train_test_split(X, shuffle=False, test_size=0.3)\n')), SHUFFLE)
    const hf = "ds = load_dataset('csv', data_files='t.csv', parse_dates=['d'])\n"
    expectNone(
      run(
        modified(
          'h.py',
          `${hf}s = ds['train'].train_test_split(test_size=0.1, seed=0, shuffle=False)\n`,
          `${hf}s = ds['train'].train_test_split(test_size=0.1, seed=0)\n`
        )
      ),
      SHUFFLE
    )
  })
})

describe('group-aware split replaced by a plain one', () => {
  it('GroupKFold over patients replaced by KFold', () => {
    const before = notebook([
      "gkf = GroupKFold(n_splits=5)\nfor tr, va in gkf.split(X, y, groups=df['patient_id']):\n    model.fit(X.iloc[tr], y.iloc[tr])"
    ])
    const after = notebook([
      'gkf = KFold(n_splits=5)\nfor tr, va in gkf.split(X, y):\n    model.fit(X.iloc[tr], y.iloc[tr])'
    ])
    expectOne(run(modified('cv.ipynb', before, after)), GROUP, {
      ...warn,
      path: 'cv.ipynb',
      line: lineOf(after, 'KFold(')
    })
  })

  it('GroupShuffleSplit replaced by train_test_split', () => {
    const before =
      'gss = GroupShuffleSplit(test_size=0.2, n_splits=1, random_state=0)\ntrain_idx, test_idx = next(gss.split(X, y, groups=users))\n'
    const after = 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)\n'
    expectOne(run(modified('split.py', before, after)), GROUP, { ...warn, path: 'split.py', line: 1 })
  })

  it('groups= dropped from cross_val_score', () => {
    const before = "scores = cross_val_score(model, X, y, groups=df['user'], cv=GroupKFold(5))\n"
    const after = 'scores = cross_val_score(model, X, y, cv=5)\n'
    expectOne(run(modified('cv.py', before, after)), GROUP, { ...warn, path: 'cv.py', line: 1 })
  })

  it('a group split kept beside a new plain split is not a finding', () => {
    const before = 'gkf = GroupKFold(n_splits=5)\nscores = cross_val_score(m, X, y, groups=g, cv=gkf)\n'
    const after =
      'gkf = GroupKFold(n_splits=10)\nscores = cross_val_score(m, X, y, groups=g, cv=gkf)\nX_tr, X_te = train_test_split(X, random_state=0)\n'
    expectNone(run(modified('cv.py', before, after)), GROUP)
  })
})

describe('dated rows shuffled before a split by position', () => {
  it('df.sample(frac=1) before slicing into train and test warns; without dates it does not', () => {
    const cells = (load: string, shuffle: boolean) =>
      notebook([
        load,
        `${shuffle ? 'df = df.sample(frac=1, random_state=0)\n' : ''}n = int(len(df) * 0.8)\ntrain = df.iloc[:n]\ntest = df.iloc[n:]`
      ])
    const dated = "df = pd.read_csv('energy.csv', parse_dates=['timestamp'])"
    const after = cells(dated, true)
    expectOne(run(modified('e.ipynb', cells(dated, false), after)), SHUFFLE, {
      ...warn,
      path: 'e.ipynb',
      line: lineOf(after, 'df.sample(frac=1')
    })
    const plain = "df = pd.read_csv('iris.csv')"
    expectNone(run(modified('i.ipynb', cells(plain, false), cells(plain, true))), SHUFFLE)
  })
})
