// More routes of leakage as notebooks write them: test rows joined into what is fitted, the label's mean per group
// taken before the split, and resampled or selected features that must not be read as holding the label.
import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const load = "import pandas as pd\ndf = pd.read_csv('data.csv')\nX = df.drop(columns=['target'])\ny = df['target']"
const SPLIT = 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)'

describe('test rows in what is fitted', () => {
  it('not the training rows taken back out of a table encoded with the test rows; the test rows fitted are', () => {
    const encode = (part: string) => [
      "train_df = pd.read_csv('adult.data')\ntest_df = pd.read_csv('adult.test')",
      "X_train_df = train_df[features]\nX_test_df = test_df[features]\ny_train = train_df['income']",
      'both = pd.get_dummies(pd.concat([X_train_df, X_test_df], axis=0, ignore_index=True))',
      `X_fit = both.iloc[${part}].to_numpy()`,
      'rf = RandomForestClassifier(random_state=0)\nrf.fit(X_fit, y_train)'
    ]
    const before = notebook(['x = 1'])
    expectNone(run(modified('enc.ipynb', before, notebook(encode(':len(X_train_df)')))), 'DATA-FIT-ON-TEST')
    const rest = notebook(encode('len(X_train_df):'))
    expectOne(run(modified('enc.ipynb', before, rest)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'enc.ipynb',
      line: lineOf(rest, 'rf.fit(')
    })
  })

  it('an encoder fitted on train and test joined warns; a model fails', () => {
    const before = notebook([load, SPLIT, 'enc = OneHotEncoder()\nenc.fit(X_train)'])
    const after = notebook([load, SPLIT, 'enc = OneHotEncoder()\nenc.fit(pd.concat([X_train, X_test]))'])
    expectOne(run(modified('enc.ipynb', before, after)), 'DATA-FIT-ON-TEST', {
      status: 'warn',
      bias: false,
      path: 'enc.ipynb',
      line: lineOf(after, 'enc.fit(')
    })
    const joined = notebook([
      load,
      SPLIT,
      'X_all = pd.concat([X_train, X_test])\ny_all = pd.concat([y_train, y_test])',
      'clf.fit(X_all, y_all)'
    ])
    expectOne(run(modified('all.ipynb', before, joined)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'all.ipynb',
      line: lineOf(joined, 'clf.fit(')
    })
  })

  it('predictions on the test split gathered in a frame are not a fit', () => {
    const base = notebook([load, SPLIT, 'clf.fit(X_train, y_train)'])
    const after = notebook([
      load,
      SPLIT,
      "clf.fit(X_train, y_train)\npreds = clf.predict(X_test)\nresults = pd.DataFrame({'y': y_test, 'p': preds})"
    ])
    expectNone(run(modified('p.ipynb', base, after)), 'DATA-FIT-ON-TEST')
  })
})

describe('target encoding by hand before the split', () => {
  it("the label's mean per city mapped onto the rows before train_test_split fails", () => {
    const before = notebook([load, SPLIT])
    const after = notebook([
      "import pandas as pd\ndf = pd.read_csv('data.csv')",
      "means = df.groupby('city')['target'].mean()\ndf['city_te'] = df['city'].map(means)",
      "X = df.drop(columns=['target'])\ny = df['target']",
      SPLIT
    ])
    expectOne(run(modified('te.ipynb', before, after)), 'DATA-FIT-BEFORE-SPLIT', {
      status: 'fail',
      bias: false,
      path: 'te.ipynb',
      line: lineOf(after, "groupby('city')")
    })
  })

  it('the same mean on the training split after the split is not', () => {
    const after = notebook([load, SPLIT, "print(X_train.assign(t=y_train).groupby('city')['t'].mean())"])
    expectNone(run(modified('eda.ipynb', notebook([load, SPLIT]), after)), 'DATA-FIT-BEFORE-SPLIT')
  })
})

describe('resampled and selected features do not hold the label', () => {
  it('SMOTE and SelectKBest given X and y before the split: one leakage finding each, no target finding', () => {
    for (const [line, fit] of [
      ['sm.fit_resample', 'sm = SMOTE(random_state=42)\nX_res, y_res = sm.fit_resample(X, y)'],
      ['selector.fit_transform', 'selector = SelectKBest(chi2, k=20)\nX_res = selector.fit_transform(X, y)\ny_res = y']
    ]) {
      const after = notebook([
        load,
        fit,
        'X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.2, random_state=42)'
      ])
      const found = run(modified('r.ipynb', notebook([load, SPLIT]), after))
      expectOne(found, 'DATA-FIT-BEFORE-SPLIT', {
        status: 'fail',
        bias: false,
        path: 'r.ipynb',
        line: lineOf(after, line)
      })
      expectNone(found, 'DATA-TARGET-IN-FEATURES')
    }
  })
})

describe('a model refit on the table a held-out part was split from by hand', () => {
  const split =
    'np.random.seed(SEED)\nsplit = np.random.rand(len(data)) < 0.7\ntrain = data[split]\nvalid = data[~split]'
  const score = 'perf = ROC(ebm.predict_proba).explain_perf(valid[x_names], valid[y_name])'
  it('refit on data, then scored on valid: fails at the fit', () => {
    const before = notebook([split, `ebm.fit(train[x_names], train[y_name])\n${score}`])
    const after = notebook([split, `ebm.fit(data[x_names], data[y_name])\n${score}`])
    expectOne(run(modified('ebm.ipynb', before, after)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'ebm.ipynb',
      line: lineOf(after, 'ebm.fit(data')
    })
  })

  it('a final refit on all rows that nothing scores afterwards is not', () => {
    const before = notebook([split, `ebm.fit(train[x_names], train[y_name])\n${score}`])
    const after = notebook([
      split,
      `ebm.fit(train[x_names], train[y_name])\n${score}`,
      'final = ebm.fit(data[x_names], data[y_name])\njoblib.dump(final, "m.pkl")'
    ])
    expectNone(run(modified('ebm.ipynb', before, after)), 'DATA-FIT-ON-TEST')
  })
})

describe('statistics of all rows taken by hand before the split', () => {
  it('standardising X with its own mean and std before train_test_split warns', () => {
    const before = notebook([load, SPLIT, 'mu, sd = X_train.mean(), X_train.std()\nX_train = (X_train - mu) / sd'])
    const after = notebook([load, 'X = (X - X.mean()) / X.std()', SPLIT])
    expectOne(run(modified('norm.ipynb', before, after)), 'DATA-PREPROCESS-BEFORE-SPLIT', {
      status: 'warn',
      bias: false,
      path: 'norm.ipynb',
      line: lineOf(after, 'X = (X - X.mean())')
    })
  })

  it("filling gaps with the column's mean before the split warns; after the split, from the training rows, it does not", () => {
    const after = notebook([
      "import pandas as pd\ndf = pd.read_csv('data.csv')",
      "df['age'] = df['age'].fillna(df['age'].mean())",
      'train = df.sample(frac=0.8, random_state=0)\ntest = df.drop(train.index)'
    ])
    expectOne(
      run(modified('fill.ipynb', notebook(["import pandas as pd\ndf = pd.read_csv('data.csv')"]), after)),
      'DATA-PREPROCESS-BEFORE-SPLIT',
      {
        status: 'warn',
        bias: false,
        path: 'fill.ipynb',
        line: lineOf(after, 'fillna')
      }
    )
    const fine = notebook([load, SPLIT, "X_train['age'] = X_train['age'].fillna(X_train['age'].mean())"])
    expectNone(run(modified('fine.ipynb', notebook([load, SPLIT]), fine)), 'DATA-PREPROCESS-BEFORE-SPLIT')
  })
})

describe('the label written into the features', () => {
  const loadXy = 'X, y = shap.datasets.adult()'
  const fit = 'model = lgb.LGBMClassifier()\nmodel.fit(X_train, y_train)'
  it('a feature column computed from y before the split fails at its line', () => {
    const before = notebook([loadXy, SPLIT, fit])
    const after = notebook([`${loadXy}\nX["Income"] = y.astype(int)`, SPLIT, fit])
    expectOne(run(modified('census.ipynb', before, after)), 'DATA-TARGET-IN-FEATURES', {
      status: 'fail',
      bias: false,
      path: 'census.ipynb',
      line: lineOf(after, 'X[\\"Income')
    })
  })
  it('a column from another feature, or the label kept in a frame for display, is fine', () => {
    const before = notebook([loadXy, SPLIT, fit])
    const derived = notebook([`${loadXy}\nX["Age2"] = X["Age"] ** 2`, SPLIT, fit])
    expectNone(run(modified('census.ipynb', before, derived)), 'DATA-TARGET-IN-FEATURES')
    const shown = notebook([`${loadXy}\nshown = X.copy()\nshown["Income"] = y`, SPLIT, fit])
    expectNone(run(modified('census.ipynb', before, shown)), 'DATA-TARGET-IN-FEATURES')
  })
})

describe('the label is not every column it was computed from', () => {
  it('a simulated group column the label was computed from is no label written into the features', () => {
    const sim = (extra: string) =>
      notebook([
        `sex = np.random.randint(0, 2, N) == 1\nrate = np.random.rand(N) + sex * 0.1\ny = rate > 0.5\nX = pd.DataFrame({"a": np.random.rand(N)})${extra}`,
        'model.fit(X, y)'
      ])
    expectNone(run(modified('sim.ipynb', sim(''), sim('\nX["Sex"] = sex + 0'))), 'DATA-TARGET-IN-FEATURES')
  })
})

describe('a feature simulated from the label', () => {
  it('the label plus noise written as a feature is a demonstration, not leakage', () => {
    const nbk = (extra: string) =>
      notebook([`X, y = load()${extra}`, SPLIT, 'model = LGBMClassifier()\nmodel.fit(X_train, y_train)'])
    const noisy = "\nnp.random.seed(1)\nX['LIMIT_BAL'] = y + np.random.normal(scale=0.5, size=X.shape[0])"
    expectNone(run(modified('uci.ipynb', nbk(''), nbk(noisy))), 'DATA-TARGET-IN-FEATURES')
  })
})

describe('the column a target is computed from, selected into the features', () => {
  const cells = (extra: string) => [
    "import pandas as pd\ndf = pd.read_csv('stays.csv')\nmean_val = df['length_of_stay'].mean()\ndf['long_los'] = df['length_of_stay'].apply(lambda x: 1 if x > mean_val else 0)",
    `X = df.loc[:, [c for c in df.columns\n               if (c.startswith('AGE')\n               or c.startswith('DIAGNOSIS_')${extra})]]\ny = df.loc[:, ['long_los']]`,
    SPLIT
  ]
  it('fails at the line that names it', () => {
    const after = notebook(cells("\n               or c.startswith('length_of_stay')"))
    expectOne(run(modified('los.ipynb', notebook(cells('')), after)), 'DATA-TARGET-IN-FEATURES', {
      status: 'fail',
      bias: false,
      path: 'los.ipynb',
      line: lineOf(after, "c.startswith('length_of_stay')")
    })
  })
  it('another column selected is fine', () => {
    const after = notebook(cells("\n               or c.startswith('PROCEDURE_')"))
    expectNone(run(modified('los.ipynb', notebook(cells('')), after)), 'DATA-TARGET-IN-FEATURES')
  })
})

describe("a forecast's target", () => {
  it('the column whose later value is the target is a fair feature', () => {
    const cells = (cols: string) => [
      "df = pd.read_csv('prices.csv')\ndf['target'] = df['price'].shift(-1)",
      `X = df[[${cols}]]\ny = df['target']`,
      SPLIT
    ]
    expectNone(
      run(modified('f.ipynb', notebook(cells("'volume'")), notebook(cells("'volume', 'price'")))),
      'DATA-TARGET-IN-FEATURES'
    )
  })
})

describe("a dataset bunch's table and a notebook's own split helper", () => {
  it("bunch['frame'] is the table, and a helper's returned arrays are what its body selects, not its argument", () => {
    const cells = (extra: string) =>
      notebook([
        "bunch = fetch_openml(data_id=44270)\nraw_data = bunch['frame']",
        `def split_data_from_df(data):\n    y = data['Label'].values\n    X = data[np.arange(50).astype(str)].values\n    return X, y${extra}`,
        'data_train, data_test = train_test_split(raw_data, test_size=0.3, random_state=4)\nX_train, y_train = split_data_from_df(data_train)\nmodel.fit(X_train, y_train)'
      ])
    const found = run(modified('m.ipynb', cells(''), cells('\n# the 50 score columns')))
    expect(found.filter((f) => f.status === 'fail').map((f) => f.check)).toEqual([])
  })
})

describe("the test split handed to a notebook's training function by position", () => {
  it('in place of the validation split warns; the validation split renamed is fine', () => {
    const cells = (val: string) =>
      notebook([
        'train_df, validate_df, test_df = split(df)\ndef train_model(train, val, tok):\n    return model.fit(train, validation_data=val)',
        `model_v1 = train_model(train_v1_df, ${val}, tokenizer_v1)`
      ])
    const after = cells('test_df')
    expectOne(run(modified('t.ipynb', cells('validate_df'), after)), 'DATA-FIT-ON-TEST', {
      status: 'warn',
      bias: false,
      path: 't.ipynb',
      line: lineOf(after, 'model_v1 = train_model')
    })
    expectNone(run(modified('t.ipynb', cells('validate_df'), cells('valid_df'))), 'DATA-FIT-ON-TEST')
  })
})
