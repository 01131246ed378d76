import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const setup = [
  'import numpy as np\nimport xgboost as xgb\nfrom alibi.datasets import fetch_adult',
  'adult = fetch_adult()\ndata = adult.data\ntarget = adult.target',
  'np.random.seed(0)\ndata_perm = np.random.permutation(np.c_[data, target])\ndata = data_perm[:,:-1]\ntarget = data_perm[:,-1]'
]

describe('DATA-SPLIT-OVERLAP', () => {
  const cells = (testSlice: string): string[] => [
    ...setup,
    `idx = 30000\nX_train,y_train = data[:idx,:], target[:idx]\nX_test, y_test = data[${testSlice}:,:], target[${testSlice}:]`,
    'clf.fit(X_train, y_train)\nprint(clf.score(X_test, y_test))'
  ]

  it('flags a test slice that now starts inside the training slice', () => {
    const after = notebook(cells('idx-2000'))
    const f = expectOne(run(modified('xgb.ipynb', notebook(cells('idx+1')), after)), 'DATA-SPLIT-OVERLAP', {
      status: 'fail',
      bias: false,
      path: 'xgb.ipynb',
      line: lineOf(after, 'X_test, y_test')
    })
    expect(f.evidence).toContain('X_test = data[idx-2000:,:]')
  })

  it('flags iloc parts counted from the end that overlap', () => {
    const nb = (test: string): string =>
      notebook([
        'import pandas as pd\ndf = pd.read_csv("sales.csv")',
        `train_df = df.iloc[:-500]\ntest_df = df.iloc[${test}:]`,
        'model.fit(train_df[cols], train_df["y"])\nmodel.score(test_df[cols], test_df["y"])'
      ])
    expectOne(run(modified('a.ipynb', nb('-500'), nb('-800'))), 'DATA-SPLIT-OVERLAP', {
      status: 'fail',
      bias: false,
      path: 'a.ipynb',
      line: lineOf(nb('-800'), 'test_df = df.iloc')
    })
  })

  it('leaves slices that meet at the cut, a later test start, and bounds it cannot compare', () => {
    expectNone(run(modified('xgb.ipynb', notebook(cells('idx+1')), notebook(cells('idx')))), 'DATA-SPLIT-OVERLAP')
    expectNone(run(modified('xgb.ipynb', notebook(cells('idx')), notebook(cells('idx+500')))), 'DATA-SPLIT-OVERLAP')
    expectNone(
      run(modified('xgb.ipynb', notebook(cells('idx+1')), notebook(cells('int(0.8*len(data))')))),
      'DATA-SPLIT-OVERLAP'
    )
  })
})

describe('DATA-FIT-ON-TEST: a preprocessor fitted on the whole table after the split', () => {
  const cells = (fitted: string, enc = 'ColumnTransformer(transformers=[("num", num_pipe, num_cols)])'): string[] => [
    ...setup,
    'idx = 30000\nX_train,Y_train = data[:idx,:], target[:idx]\nX_test, Y_test = data[idx+1:,:], target[idx+1:]',
    `preprocessor = ${enc}\npreprocessor.fit(${fitted})`,
    'clf.fit(preprocessor.transform(X_train), Y_train)',
    "predict_fn = lambda x: clf.predict(preprocessor.transform(x))\nprint('Test accuracy: ', accuracy_score(Y_test, predict_fn(X_test)))"
  ]

  it('warns when the fit moves from the training part to the whole data', () => {
    const after = notebook(cells('data'))
    const f = expectOne(run(modified('anchor.ipynb', notebook(cells('X_train')), after)), 'DATA-FIT-ON-TEST', {
      status: 'warn',
      bias: false,
      path: 'anchor.ipynb',
      line: lineOf(after, 'preprocessor.fit(data)')
    })
    expect(f.evidence).toContain('holds the rows of X_test')
  })

  it('leaves a fit on the training part and a label encoder of the whole target', () => {
    expectNone(run(modified('anchor.ipynb', notebook(cells('data')), notebook(cells('X_train')))), 'DATA-FIT-ON-TEST')
    const le = (fitted: string): string => notebook(cells(fitted, 'LabelEncoder()'))
    expectNone(run(modified('anchor.ipynb', le('target[:idx]'), le('target'))), 'DATA-FIT-ON-TEST')
  })
})

describe('DATA-FIT-ON-TEST: early stopping on the last eval set', () => {
  const cells = (evals: string, extra: string): string[] => [
    ...setup,
    'from sklearn.model_selection import train_test_split\nX_train, X_test, y_train, y_test = train_test_split(data, target, random_state=0)',
    'dtrain = xgb.DMatrix(X_train, label=y_train)\ndtest = xgb.DMatrix(X_test, label=y_test)',
    // a cross-validation with early stopping earlier in the notebook, as tuning notebooks do
    'cv_results = xgb.cv(params, dtrain, num_boost_round=999, nfold=5, early_stopping_rounds=10)',
    `model = xgb.train(\n    params,\n    dtrain,\n    num_boost_round=boost_rounds,\n    evals=${evals},${extra}\n)`,
    'y_pred_test = model.predict(dtest)'
  ]
  const both = '[(dtrain, "Train"), (dtest, "Test")]'

  it('fails when early stopping is added with the test DMatrix last in evals', () => {
    const after = notebook(cells(both, '\n    early_stopping_rounds=20,'))
    expectOne(run(modified('xgb.ipynb', notebook(cells(both, '')), after)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'xgb.ipynb',
      line: lineOf(after, 'evals=')
    })
  })

  it('leaves the test set only monitored, and early stopping on a train set listed last', () => {
    const base = notebook(cells(both, ''))
    expectNone(run(modified('xgb.ipynb', base, notebook(cells(both, '\n    verbose_eval=10,')))), 'DATA-FIT-ON-TEST')
    const trainLast = '[(dtest, "Test"), (dtrain, "Train")]'
    expectNone(
      run(modified('xgb.ipynb', base, notebook(cells(trainLast, '\n    early_stopping_rounds=20,')))),
      'DATA-FIT-ON-TEST'
    )
  })
})

describe('DATA-SPLIT-UNSHUFFLED', () => {
  const nb = (
    args: string,
    load = 'df = pd.read_csv(DATA_URL, keep_default_na=False, na_values=["_GSK_NA_"])'
  ): string =>
    notebook([
      'import pandas as pd\nfrom sklearn.model_selection import train_test_split',
      load,
      `X_train, X_test, Y_train, Y_test = train_test_split(\n    df.drop(columns=TARGET_COLUMN_NAME),\n    df[TARGET_COLUMN_NAME],\n    test_size=0.2,\n    ${args}\n)`
    ])

  it('warns when a seeded stratified split is replaced by shuffle=False', () => {
    const after = nb('shuffle=False,\n    stratify=df[TARGET_COLUMN_NAME],')
    const f = expectOne(
      run(modified('credit.ipynb', nb('random_state=0,\n    stratify=df[TARGET_COLUMN_NAME],'), after)),
      'DATA-SPLIT-UNSHUFFLED',
      { status: 'warn', bias: false, path: 'credit.ipynb', line: lineOf(after, 'shuffle=False') }
    )
    expect(f.evidence).toContain('stratify=')
  })

  it('leaves dated rows split in order and a split that was already unshuffled', () => {
    const dated = 'df = pd.read_csv("prices.csv", parse_dates=["date"]).sort_values("date")'
    expectNone(
      run(modified('p.ipynb', nb('random_state=0,', dated), nb('shuffle=False,', dated))),
      'DATA-SPLIT-UNSHUFFLED'
    )
    expectNone(
      run(modified('p.ipynb', nb('shuffle=False,'), nb('shuffle=False,\n    # keep the file order'))),
      'DATA-SPLIT-UNSHUFFLED'
    )
  })
})

describe('DATA-FIT-ON-TEST: a model pipeline fitted on the whole table', () => {
  const nb = (fit: string): string =>
    notebook([
      'import pandas as pd\nfrom sklearn.pipeline import Pipeline\nfrom sklearn.preprocessing import StandardScaler\nfrom sklearn.linear_model import LogisticRegression',
      'df = pd.read_csv("churn.csv")\nX = df.drop(columns=["churn"])\ny = df["churn"]',
      'n = int(len(X) * 0.8)\nX_train, y_train = X[:n], y[:n]\nX_test, y_test = X[n:], y[n:]',
      `pipe = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())])\n${fit}`,
      'print(pipe.score(X_test, y_test))'
    ])

  it('fails when the pipeline now learns from every row', () => {
    const after = nb('pipe.fit(X, y)')
    expectOne(run(modified('churn.ipynb', nb('pipe.fit(X_train, y_train)'), after)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'churn.ipynb',
      line: lineOf(after, 'pipe.fit(X, y)')
    })
  })
})

describe('DATA-TARGET-IN-FEATURES: the label cut from the array handed whole as the features', () => {
  const cell = (features: string) =>
    [
      'x = transformer.transform(tabular_data)',
      `train, test, train_labels, test_labels = train_test_split(${features}, x[:, -1], train_size=0.80)`,
      'gbtree = xgboost.XGBClassifier(n_estimators=300)\ngbtree.fit(train, train_labels)'
    ].join('\n')
  it('fails when the label column is no longer cut from the features', () => {
    const after = notebook([cell('x')])
    expectOne(run(modified('t.ipynb', notebook([cell('x[:, :-1]')]), after)), 'DATA-TARGET-IN-FEATURES', {
      status: 'fail',
      bias: false,
      path: 't.ipynb',
      line: lineOf(after, 'train_test_split(x,')
    })
  })
  it('not while the features leave the label column out', () => {
    expectNone(
      run(modified('t.ipynb', notebook([cell('x[:, 1:-1]')]), notebook([cell('x[:, :-1]')]))),
      'DATA-TARGET-IN-FEATURES'
    )
  })
})
