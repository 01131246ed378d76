import { describe, expect, it } from 'vitest'
import { protectedCategory } from '../../src/checks/responsible-ai.js'
import {
  added,
  errorOutput,
  expectNone,
  expectOne,
  lineOf,
  modified,
  notebook,
  run,
  stream,
  withId
} from './helpers.js'

const bias = { status: 'fail' as const, bias: true }

describe('RAI-PROTECTED-ATTRIBUTE', () => {
  it('flags a protected attribute added to a python feature list, at the item line', () => {
    const before = "import pandas as pd\nfeatures = ['income', 'debt']\nX = df[features]\n"
    const after = "import pandas as pd\nfeatures = [\n    'income',\n    'debt',\n    'gender',\n]\nX = df[features]\n"
    const f = expectOne(run(modified('train.py', before, after)), 'RAI-PROTECTED-ATTRIBUTE', {
      ...bias,
      path: 'train.py',
      line: 5
    })
    expect(f.family).toBe('responsible-ai')
    expect(f.evidence).toContain('gender')
  })

  it('flags a df[[...]] selection used as X in a notebook, at the line inside the .ipynb', () => {
    const before = notebook(['import pandas as pd', "X = df[['income', 'debt']]\ny = df['default']"])
    const after = notebook(['import pandas as pd', "X = df[['income', 'debt', 'zip_code']]\ny = df['default']"])
    expectOne(run(modified('nb/credit.ipynb', before, after)), 'RAI-PROTECTED-ATTRIBUTE', {
      ...bias,
      path: 'nb/credit.ipynb',
      line: lineOf(after, 'zip_code')
    })
  })

  it('flags config feature keys', () => {
    const before = 'data:\n  feature_columns:\n    - income\n    - tenure\n'
    const after = 'data:\n  feature_columns:\n    - income\n    - tenure\n    - ethnicity\n'
    expectOne(run(modified('configs/model.yaml', before, after)), 'RAI-PROTECTED-ATTRIBUTE', {
      ...bias,
      path: 'configs/model.yaml',
      line: 5
    })
  })

  it('flags every protected attribute of a new feature list in an added file', () => {
    const after = "selected_features = ['age', 'marital_status', 'balance']\n"
    const f = expectOne(run(added('src/select.py', after)), 'RAI-PROTECTED-ATTRIBUTE', {
      ...bias,
      path: 'src/select.py',
      line: 1
    })
    expect(f.evidence).toContain('marital status')
  })

  it('does not flag fairness measurement (sensitive_features, protected attribute names, groups)', () => {
    const before = notebook(['from fairlearn.metrics import MetricFrame'])
    const after = notebook([
      'from fairlearn.metrics import MetricFrame',
      "A = df['sex']\nsensitive_features = ['sex', 'race']\nmf = MetricFrame(metrics=acc, y_true=y, y_pred=p, sensitive_features=A)",
      "ds = StandardDataset(df, label_name='y', protected_attribute_names=['sex'], privileged_classes=[[1]])",
      "X = df.drop(columns=['sex', 'default'])"
    ])
    expectNone(run(modified('fair.ipynb', before, after)), 'RAI-PROTECTED-ATTRIBUTE')
  })

  it('does not flag attributes that were already features, type groupings, or look-alike names', () => {
    const before = "features = ['age', 'income']\n"
    const after =
      "features = ['age', 'income', 'stage', 'page_views', 'usage', 'average_balance']\ncategorical_features = ['MARRIAGE', 'EDUCATION']\ncolumns = ['age', 'sex', 'race']\ndf = pd.read_csv(path, names=columns)\n"
    expectNone(run(modified('prep.py', before, after)), 'RAI-PROTECTED-ATTRIBUTE')
  })

  it('flags a generic column list once it selects X', () => {
    const after = "columns = ['income', 'religion']\nX = df[columns]\n"
    expectOne(run(added('prep.py', after)), 'RAI-PROTECTED-ATTRIBUTE', { ...bias, path: 'prep.py', line: 1 })
  })

  it('knows protected names and their proxies', () => {
    expect(protectedCategory('customer_age')).toBe('age')
    expect(protectedCategory('ZipCode')).toBe('zip/postcode (proxy)')
    expect(protectedCategory('national_origin')).toBe('nationality')
    expect(protectedCategory('is_pregnant')).toBe('pregnancy')
    expect(protectedCategory('stage')).toBeNull()
    // an archive is not a postcode; a postcode beside a file is
    expect(protectedCategory('ZIP_FILE')).toBeNull()
    expect(protectedCategory('download_zip')).toBeNull()
    expect(protectedCategory('zip_path')).toBeNull()
    expect(protectedCategory('zip')).toBe('zip/postcode (proxy)')
    expect(protectedCategory('zip_code_file')).toBe('zip/postcode (proxy)')
    expect(protectedCategory('message')).toBeNull()
  })
})

describe('RAI-FAIRNESS-METRIC-REMOVED', () => {
  it('flags per-group metrics removed from a notebook, at the nearest head line', () => {
    const before = notebook([
      'model.fit(X_train, y_train)',
      'mf = MetricFrame(metrics=recall_score, y_true=y_test, y_pred=pred, sensitive_features=A_test)\nmf.by_group',
      'print(accuracy_score(y_test, pred))'
    ])
    const after = notebook(['model.fit(X_train, y_train)', 'print(accuracy_score(y_test, pred))'])
    const found = run(modified('eval.ipynb', before, after))
    const hits = found.filter((f) => f.check === 'RAI-FAIRNESS-METRIC-REMOVED')
    expect(hits.length).toBeGreaterThan(0)
    for (const f of hits) {
      expect(f).toMatchObject({
        status: 'fail',
        bias: true,
        path: 'eval.ipynb',
        line: lineOf(after, 'print(accuracy_score')
      })
    }
  })

  it('flags a fairness metric dropped from a config metric list', () => {
    const before = 'eval:\n  metrics:\n    - accuracy\n    - demographic_parity_difference\n  batch_size: 32\n'
    const after = 'eval:\n  metrics:\n    - accuracy\n  batch_size: 32\n'
    expectOne(run(modified('configs/eval.yaml', before, after)), 'RAI-FAIRNESS-METRIC-REMOVED', {
      ...bias,
      path: 'configs/eval.yaml',
      line: 4
    })
  })

  it('does not flag a tightened fairness constraint or an unchanged evaluation', () => {
    const before = notebook(['eg = ExponentiatedGradient(lr, constraints=DemographicParity(), eps=0.01)'])
    const after = notebook([
      'eg = ExponentiatedGradient(lr, constraints=DemographicParity(difference_bound=0.01), eps=0.01)'
    ])
    expectNone(run(modified('rank.ipynb', before, after)), 'RAI-FAIRNESS-METRIC-REMOVED')
  })
})

describe('RAI-PRIVILEGED-GROUPS-CHANGED', () => {
  const cell = (priv: number, unpriv: number): string =>
    `if protected_attribute_used == 1:\n    privileged_groups = [{'sex': ${priv}}]\n    unprivileged_groups = [{'sex': ${unpriv}}]\nelse:\n    privileged_groups = [{'race': 1}]\n    unprivileged_groups = [{'race': 0}]`

  it('flags swapped groups once, as a blocking bias item at the first changed line', () => {
    const before = notebook(['import numpy as np', cell(0, 1)])
    const after = notebook(['import numpy as np', cell(1, 0)])
    const f = expectOne(run(modified('demo.ipynb', before, after)), 'RAI-PRIVILEGED-GROUPS-CHANGED', {
      status: 'fail',
      bias: true,
      path: 'demo.ipynb',
      line: lineOf(after, "privileged_groups = [{'sex': 1}]")
    })
    expect(f.evidence).toContain("base: [{'sex': 0}]")
  })

  it('does not flag new or unchanged definitions', () => {
    const nb = notebook(['import numpy as np', cell(1, 0)])
    expectNone(
      run(modified('demo.ipynb', nb, nb.replace('import numpy', 'import pandas'))),
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
    expectNone(run(added('demo.ipynb', nb)), 'RAI-PRIVILEGED-GROUPS-CHANGED')
  })
})

describe('RAI-PII-IN-OUTPUT', () => {
  it('flags e-mail addresses and phone numbers in new outputs, masked', () => {
    const before = notebook(['df.head()'])
    const after = notebook([
      {
        source: 'df.head()',
        executionCount: 1,
        outputs: [stream('name,email,phone\nJane,jane.smith@acme-corp.com,(415) 555-0134\n')]
      }
    ])
    const f = expectOne(run(modified('explore.ipynb', before, after)), 'RAI-PII-IN-OUTPUT', {
      status: 'fail',
      bias: false,
      path: 'explore.ipynb',
      line: lineOf(after, 'jane.smith@acme-corp.com') // the line holding the value, not the output's brace
    })
    expect(f.family).toBe('responsible-ai')
    expect(f.evidence).not.toContain('jane.smith')
    expect(f.evidence).toContain('e-mail and phone number')
  })

  it('does not flag placeholders, file names, dates, shapes or personal data already committed', () => {
    const noise = stream(
      'Cloning git@github.com:org/repo.git\nmail user@example.com\nicon@2x.png\n2023-01-05 12:00:00\n(100, 200)\nsteps 1234567890\n'
    )
    const old = stream('owner: jane.smith@acme-corp.com\n')
    const before = notebook([{ source: 'print(owner)', executionCount: 1, outputs: [old] }])
    const after = notebook([
      { source: 'print(owner)', executionCount: 1, outputs: [old] },
      { source: 'run()', executionCount: 2, outputs: [noise, errorOutput('ValueError', 'bad')] }
    ])
    expectNone(run(modified('explore.ipynb', before, after)), 'RAI-PII-IN-OUTPUT')
  })
})

describe('protected proxies', () => {
  it('reads SeniorCitizen as age', () => {
    expect(protectedCategory('SeniorCitizen')).toBe('age')
  })
})

describe('RAI-PRIVILEGED-GROUPS-CHANGED: reference groups outside AIF360 names', () => {
  it("flags aequitas' reference group redefined in the call", () => {
    const call = (ref: string) =>
      `bdf = b.get_disparity_predefined_groups(xtab, original_df=df,\n    ref_groups_dict={'race': '${ref}', 'sex': 'Male'}, alpha=0.05)`
    const before = notebook(['b = Bias()', call('Caucasian')])
    const after = notebook(['b = Bias()', call('African-American')])
    const f = expectOne(run(modified('aq.ipynb', before, after)), 'RAI-PRIVILEGED-GROUPS-CHANGED', {
      status: 'fail',
      bias: true,
      path: 'aq.ipynb',
      line: lineOf(after, 'ref_groups_dict=')
    })
    expect(f.evidence).toContain('African-American')
  })

  it('flags ref_groups in a config; not another argument of the same call', () => {
    const found = run(modified('audit.yaml', 'ref_groups:\n  race: white\n', 'ref_groups:\n  race: black\n'))
    expect(withId(found, 'RAI-PRIVILEGED-GROUPS-CHANGED')).toHaveLength(1)
    const call = (alpha: string) =>
      `bdf = b.get_disparity_predefined_groups(xtab, original_df=df, ref_groups_dict={'race': 'Caucasian'}, alpha=${alpha})`
    expectNone(
      run(modified('aq.ipynb', notebook([call('0.05')]), notebook([call('0.01')]))),
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
  })
})
