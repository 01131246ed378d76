// Protected attributes reaching the model by every route a notebook or config takes, and only what the change
// introduced; a protected column used only as a fairness group label never fires.
import { describe, expect, it } from 'vitest'
import { added, expectNone, expectOne, lineOf, modified, notebook, run, withId } from './helpers.js'

const ID = 'RAI-PROTECTED-ATTRIBUTE'
const bias = (path: string, line: number) => ({ status: 'fail' as const, bias: true, path, line })

const load = "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\ndf = pd.read_csv('loans.csv')"
const fit = [
  "y = df['approved']",
  'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)',
  'clf = LogisticRegression(max_iter=1000)',
  'clf.fit(X_train, y_train)'
].join('\n')

describe('protected attributes reaching the model', () => {
  it('a key of pd.DataFrame({...}) that becomes X', () => {
    const cell = (extra: string) =>
      `X = pd.DataFrame({\n    'income': df['income'],\n    'debt': df['debt'],${extra}\n})`
    const before = notebook([load, cell(''), fit])
    const after = notebook([load, cell("\n    'gender': df['gender'],"), fit])
    const f = expectOne(
      run(modified('loan.ipynb', before, after)),
      ID,
      bias('loan.ipynb', lineOf(after, "'gender': df"))
    )
    expect(f.evidence).toContain('gender')
  })

  it('a derived column (pd.cut of age) added to the selected features', () => {
    const before = notebook([load, "X = df[['income', 'debt']]", fit])
    const after = notebook([
      load,
      "df['life_stage'] = pd.cut(df['age'], bins=[0, 25, 45, 65, 120])",
      "X = df[['income', 'debt', 'life_stage']]",
      fit
    ])
    const f = expectOne(run(modified('a.ipynb', before, after)), ID, bias('a.ipynb', lineOf(after, "'life_stage']]")))
    expect(f.evidence).toMatch(/life_stage.*derived from age/)
  })

  it('pd.get_dummies of a selection that now holds sex', () => {
    const before = notebook([load, "X = pd.get_dummies(df[['income', 'purpose']])", fit])
    const after = notebook([load, "X = pd.get_dummies(df[['income', 'purpose', 'sex']])", fit])
    expectOne(run(modified('d.ipynb', before, after)), ID, bias('d.ipynb', lineOf(after, "'sex']]")))
  })

  it('a ColumnTransformer column list in a Pipeline', () => {
    const pre = (cats: string) =>
      [
        'pre = ColumnTransformer([',
        "    ('num', StandardScaler(), ['income', 'debt']),",
        `    ('cat', OneHotEncoder(), [${cats}]),`,
        '])',
        "model = Pipeline([('pre', pre), ('clf', LogisticRegression())])",
        'model.fit(X_train, y_train)'
      ].join('\n')
    const before = notebook([load, pre("'purpose'")])
    const after = notebook([load, pre("'purpose', 'race'")])
    expectOne(run(modified('ct.ipynb', before, after)), ID, bias('ct.ipynb', lineOf(after, "'race'")))
  })

  it('X = df.drop(columns=[...]) that stops dropping race', () => {
    const before = notebook([load, "X = df.drop(columns=['approved', 'race'])", fit])
    const after = notebook([load, "X = df.drop(columns=['approved'])", fit])
    const f = expectOne(
      run(modified('drop.ipynb', before, after)),
      ID,
      bias('drop.ipynb', lineOf(after, 'X = df.drop'))
    )
    expect(f.evidence).toContain('race')
  })

  it('a feature list that gains a column, in a .py file', () => {
    const src = (cols: string) => `${load}\nfeature_cols = [${cols}]\nX = df[feature_cols]\n${fit}\n`
    const after = src("'income', 'marital_status'")
    expectOne(run(modified('train.py', src("'income'"), after)), ID, bias('train.py', lineOf(after, 'feature_cols =')))
  })

  it('a nested config feature definition and an include_sex flag', () => {
    const before = [
      'feature_aggregations:',
      '  - name: applicant',
      '    categoricals:',
      '      - column: purpose',
      'include_sex: false',
      ''
    ].join('\n')
    const after = [
      'feature_aggregations:',
      '  - name: applicant',
      '    categoricals:',
      '      - column: purpose',
      '      - column: race',
      'include_sex: true',
      ''
    ].join('\n')
    const found = withId(run(modified('features.yaml', before, after)), ID)
    expect(found.map((f) => f.line).sort()).toEqual([5, 6])
    expect(found.every((f) => f.status === 'fail' && f.bias)).toBe(true)
  })
})

describe('protected attributes: what must not fire', () => {
  it('sex used only as sensitive_features for a MetricFrame', () => {
    const eval_ = [
      "A_test = df.loc[X_test.index, 'sex']",
      'mf = MetricFrame(metrics=accuracy_score, y_true=y_test, y_pred=clf.predict(X_test), sensitive_features=A_test)'
    ].join('\n')
    const after = notebook([load, "X = df[['income', 'debt']]", fit, eval_])
    expectNone(run(added('fair.ipynb', after)), ID)
  })

  it('a protected column that already reached the model at the base', () => {
    const before = notebook([load, "X = df[['income', 'sex']]", fit])
    const after = notebook([load, "X = df[['income', 'debt', 'sex']]", fit])
    expectNone(run(modified('same.ipynb', before, after)), ID)
  })

  it('sex dropped from X, and a group-by for exploration', () => {
    const before = notebook([load, "X = df.drop(columns=['approved', 'sex'])", fit])
    const after = notebook([
      load,
      "df.groupby('sex')['approved'].mean()",
      "X = df.drop(columns=['approved', 'sex'])",
      fit
    ])
    expectNone(run(modified('eda.ipynb', before, after)), ID)
  })

  it('a config that lists the protected attributes for the bias audit', () => {
    const after = 'bias_audit:\n  attribute_columns: [race, sex]\nfeatures:\n  - income\n'
    expectNone(run(modified('audit.yaml', 'features:\n  - income\n', after)), ID)
  })

  it('a cell that does not parse keeps the rest of the notebook readable', () => {
    const after = notebook([
      load,
      'def broken(:\n    pass',
      '%matplotlib inline\n!pip install xgboost',
      "X = df[['income', 'race']]",
      fit
    ])
    expectOne(run(added('bad.ipynb', after)), ID, bias('bad.ipynb', lineOf(after, "'race']]")))
  })
})

describe('protected attributes already in the model by another route', () => {
  it('a custom selector at the base, a ColumnTransformer at the head: not new', () => {
    const before = notebook([
      load,
      "cat_pipeline = Pipeline([('select_cat', DataFrameSelector(['Pclass', 'Sex'])), ('enc', OneHotEncoder())])",
      'X_train = cat_pipeline.fit_transform(train_data)',
      'forest_clf.fit(X_train, y_train)'
    ])
    const after = notebook([
      load,
      "cat_attribs = ['Pclass', 'Sex']\npre = ColumnTransformer([('cat', OneHotEncoder(), cat_attribs)])",
      'X_train = pre.fit_transform(train_data)',
      'forest_clf.fit(X_train, y_train)'
    ])
    expectNone(run(modified('titanic.ipynb', before, after)), ID)
    expect(withId(run(added('titanic.ipynb', before)), ID)).toHaveLength(1)
  })
})

describe('protected attributes kept by a drop from a table of unknown columns', () => {
  it('sex no longer dropped from X_raw = data.data, then one-hot encoded and scaled', () => {
    const cell = (dropped: string) =>
      [
        'X_raw = data.data',
        "A = X_raw[['sex', 'race']]",
        `X = X_raw.drop(labels=[${dropped}], axis=1)`,
        'X = pd.get_dummies(X)',
        'X_scaled = StandardScaler().fit_transform(X)',
        'X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=0)',
        'clf.fit(X_train, y_train)'
      ].join('\n')
    const after = notebook([cell("'race'")])
    const f = expectOne(
      run(modified('loan.ipynb', notebook([cell("'sex', 'race'")]), after)),
      ID,
      bias('loan.ipynb', lineOf(after, 'X = X_raw.drop'))
    )
    expect(f.evidence).toContain('sex')
  })
})

describe("protected attributes added by the notebook's own feature builder and training function", () => {
  const builder = (extra: string) =>
    [
      'def make_features(df, stats=None):',
      '    out = pd.DataFrame(index=df.index)',
      "    out['is_married'] = (df['marital_status'] == 'Married-civ-spouse').astype(np.float32)",
      ...(extra ? [extra] : []),
      "    out['hours'] = df['hours_per_week'] / 40",
      '    return out, stats'
    ].join('\n')
  const train = [
    'def train_mlp(model, X_train, y_train, X_test, y_test, epochs=10):',
    '    for epoch in range(epochs):',
    '        model.step(model.backward(model.forward(X_train), y_train))',
    '    return model'
  ].join('\n')
  const use = [
    'X_train_df, stats = make_features(train_df)',
    'X_test_df, _ = make_features(test_df, stats)',
    'X_train_np = X_train_df.to_numpy(dtype=np.float32)',
    'X_test_np = X_test_df.to_numpy(dtype=np.float32)',
    'model = train_mlp(MLP([X_train_np.shape[1], 32, 2]), X_train_np, y_train, X_test_np, y_test)'
  ].join('\n')
  const cells = (extra: string) => [load, builder(extra), train, use]

  it('a column named for a group, or computed from one, written into the frame the builder returns', () => {
    for (const [extra, column] of [
      ["    out['is_male'] = (df['sex'] == 'Male').astype(np.float32)", 'is_male'],
      ["    out['is_husband'] = (df['relationship'] == 'Husband').astype(np.float32)", 'is_husband'],
      ["    out['is_us_native'] = (df['native_country'] == 'United-States').astype(np.float32)", 'is_us_native']
    ]) {
      const after = notebook(cells(extra))
      const f = expectOne(
        run(modified('fair.ipynb', notebook(cells('')), after)),
        ID,
        bias('fair.ipynb', lineOf(after, `out['${column}']`))
      )
      expect(f.evidence).toContain('train_mlp')
    }
  })

  it("an inner function's frame, returned by the outer one by position", () => {
    const outer = (extra: string) =>
      [
        'def add_occupation(train_df, test_df):',
        '    def transform(df, base_df):',
        '        out = base_df.copy()',
        "        out['occupation_x'] = (df['occupation'] == 'x').astype(np.float32)",
        ...(extra ? [extra] : []),
        '        return out',
        '    return transform(train_df, X_train_df), transform(test_df, X_test_df), []'
      ].join('\n')
    const fit =
      'X_occ, X_occ_test, cats = add_occupation(train_df, test_df)\nmodel = train_mlp(MLP(), X_occ, y_train, X_occ_test, y_test)'
    const after = notebook([
      load,
      outer("        out['sex_male'] = (df['sex'] == 'Male').astype(np.float32)"),
      train,
      fit
    ])
    expectOne(
      run(modified('fair.ipynb', notebook([load, outer(''), train, fit]), after)),
      ID,
      bias('fair.ipynb', lineOf(after, "out['sex_male']"))
    )
  })

  it('not for a plain column, nor a protected column the builder only hands the test frame', () => {
    expectNone(
      run(
        modified('fair.ipynb', notebook(cells('')), notebook(cells("    out['is_student'] = df['education'] == 'x'")))
      ),
      ID
    )
    const evalOnly = (extra: string) => [load, builder(''), train, use, `X_eval = X_test_df.copy()${extra}`]
    expectNone(
      run(modified('fair.ipynb', notebook(evalOnly('')), notebook(evalOnly("\nX_eval['sex'] = test_df['sex']")))),
      ID
    )
  })
})
