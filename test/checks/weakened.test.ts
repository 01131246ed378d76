// Fairness evaluation and evaluation honesty weakened in the forms real notebooks and configs write them:
// library plots and slices, constraints, audited groups, mitigations switched off, evaluation moved onto the
// training data or a shrunk split, and training settings whose effect is not what the numbers say.
import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run, withId } from './helpers.js'

const FAIR = 'RAI-FAIRNESS-METRIC-REMOVED'
const bias = (path: string, line: number | null) => ({ status: 'fail' as const, bias: true, path, line })

describe('fairness evaluation through the libraries that make it', () => {
  const aqImports = 'from aequitas.group import Group\nfrom aequitas.plotting import Plot\naqp = Plot()'
  it('a metric cut from an aequitas plot of all groups, at the plot call', () => {
    const plot = (m: string) => `p = aqp.plot_group_metric_all(xtab, metrics=[${m}], ncols=4)`
    const before = notebook([aqImports, plot("'ppr', 'pprev', 'fnr', 'fpr'")])
    const after = notebook([aqImports, plot("'ppr', 'pprev', 'fpr'")])
    const f = expectOne(
      run(modified('aq.ipynb', before, after)),
      FAIR,
      bias('aq.ipynb', lineOf(after, 'plot_group_metric_all'))
    )
    expect(f.evidence).toContain('fnr')
    expectNone(run(modified('aq.ipynb', before, notebook([aqImports, plot("'fpr', 'fnr', 'ppr', 'pprev'")]))), FAIR)
  })

  it('a TFMA slicing spec by a group removed from an eval config written as a text proto', () => {
    const config = (slices: string) =>
      `eval_config = text_format.Parse("""\n  model_specs { label_key: 'toxicity' }\n  slicing_specs {}\n${slices}  metrics_specs { metrics { class_name: "AUC" } }\n""", tfma.EvalConfig())`
    const before = notebook([
      'import tensorflow_model_analysis as tfma',
      config('  slicing_specs { feature_keys: ["race"] }\n')
    ])
    const after = notebook(['import tensorflow_model_analysis as tfma', config('')])
    expect(withId(run(modified('fi.ipynb', before, after)), FAIR)).toHaveLength(1)
    expectNone(run(modified('fi.ipynb', before, before.replace("'toxicity'", "'toxic'"))), FAIR)
  })

  it('a TFCO rate constraint on a group replaced by an empty list', () => {
    const cell = (c: string) =>
      `import tensorflow_constrained_optimization as tfco\nobjective = tfco.error_rate(context)\nconstraint = ${c}\nproblem = tfco.RateMinimizationProblem(objective, constraint)`
    const before = notebook([cell('[tfco.false_positive_rate(context_subset) <= epsilon]')])
    const after = notebook([cell('[]')])
    expectOne(run(modified('c.ipynb', before, after)), FAIR, bias('c.ipynb', lineOf(after, 'constraint = []')))
  })

  it('the audited identity groups narrowed; a list of dropped columns narrowed is not an audit', () => {
    const before = notebook(["IDENTITY_TERMS = ['gender', 'sexual_orientation', 'race', 'religion', 'disability']"])
    const after = notebook(["IDENTITY_TERMS = ['gender', 'sexual_orientation']"])
    expectOne(run(modified('t.ipynb', before, after)), FAIR, bias('t.ipynb', lineOf(after, 'IDENTITY_TERMS')))
    const drops = (l: string) => notebook([`drop_cols = [${l}]\nX = df.drop(columns=drop_cols)`])
    expectNone(run(modified('d.ipynb', drops("'race', 'sex'"), drops("'race'"))), FAIR)
  })

  it('a MinDiff group mask loses a group; the same mask in code that evaluates no fairness is a filter', () => {
    const mask = (groups: string) =>
      `minority_mask = data_train.religion.apply(\n    lambda x: any(religion in x for religion in (${groups})))`
    const md =
      'from tensorflow_model_remediation import min_diff\nmodel = min_diff.keras.MinDiffModel(original_model, min_diff.losses.MMDLoss())'
    const before = notebook([mask("'jewish', 'muslim'"), md])
    const after = notebook([mask("'jewish',"), md])
    expectOne(run(modified('m.ipynb', before, after)), FAIR, bias('m.ipynb', lineOf(after, 'religion in (')))
    expectNone(run(modified('m.ipynb', notebook([mask("'jewish', 'muslim'")]), notebook([mask("'jewish',")]))), FAIR)
  })

  it('rows filtered to two groups before the crosstab; a filter on another column is not', () => {
    const cells = (filter: string) =>
      notebook([
        'from aequitas.group import Group\ng = Group()',
        `df = pd.read_csv('compas.csv')${filter}`,
        'xtab, _ = g.get_crosstabs(df)'
      ])
    const before = cells('')
    const after = cells("\ndf = df[df.race.isin(['African-American', 'Caucasian'])]")
    expectOne(run(modified('c.ipynb', before, after)), FAIR, bias('c.ipynb', lineOf(after, 'df = df[df.race')))
    expectNone(run(modified('c.ipynb', before, cells('\ndf = df[df.score.notna()]'))), FAIR)
  })

  it('a mitigation switched off by its flag', () => {
    const cell = (on: string) =>
      `from holisticai.bias.mitigation import AdversarialDebiasing\ninprocessing_model = AdversarialDebiasing(features_dim=10, batch_size=512, use_debias=${on})`
    expectOne(
      run(modified('a.ipynb', notebook([cell('True')]), notebook([cell('False')]))),
      FAIR,
      bias('a.ipynb', lineOf(notebook([cell('False')]), 'use_debias=False'))
    )
  })

  it('fairness-aware methods removed from an experiment config; not a fairseq/fairscale backend', () => {
    const before = 'methods:\n  - lightgbm_baseline\n  - fairgbm_folktables\n  - group_threshold_folktables\n'
    const after = 'methods:\n  - lightgbm_baseline\n'
    // the removed entries stood at the end of the list
    expectOne(run(modified('experiment.yaml', before, after)), FAIR, bias('experiment.yaml', 3))
    expectNone(run(modified('train.yaml', 'backend:\n  - fairscale\n  - ddp\n', 'backend:\n  - ddp\n')), FAIR)
  })
})

describe('EVAL-ON-TRAINING-DATA', () => {
  it('an evaluation that read the validation file now reads the training file', () => {
    const cell = (data: string) =>
      `example_model.evaluate_model(classifier,\n                             ${data},\n                             eval_result_path)`
    const before = notebook([
      "train_tf_file = get_file('train.tfrecord')\nvalidate_tf_file = get_file('validate.tfrecord')",
      cell('validate_tf_file')
    ])
    const after = notebook([
      "train_tf_file = get_file('train.tfrecord')\nvalidate_tf_file = get_file('validate.tfrecord')",
      cell('train_tf_file')
    ])
    expectOne(run(modified('e.ipynb', before, after)), 'EVAL-ON-TRAINING-DATA', {
      status: 'fail',
      bias: false,
      path: 'e.ipynb',
      line: lineOf(after, '  train_tf_file,')
    })
  })

  it('not a fit moved from the test split onto the training split (that is the fix)', () => {
    const before = notebook(['model.fit(X_test, y_test)', 'print(model.score(X_test, y_test))'])
    const after = notebook(['model.fit(X_train, y_train)', 'print(model.score(X_test, y_test))'])
    expectNone(run(modified('f.ipynb', before, after)), 'EVAL-ON-TRAINING-DATA')
  })

  it('not a training-set score the base computed too, in a cell edited around it', () => {
    const cells = (result: string) => [
      'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)',
      'y_pred = reg.predict(X_test)\ntest_rmse = root_mean_squared_error(y_test, y_pred)',
      `y_pred = reg.predict(X_train)\n${result} = root_mean_squared_error(y_train, y_pred)\n${result}`
    ]
    const before = notebook(cells('mse'))
    const after = notebook(cells('rmse'))
    expectNone(run(modified('svm.ipynb', before, after)), 'EVAL-ON-TRAINING-DATA')
  })
})

describe('EVAL-SPLIT-SHRUNK', () => {
  it('the rows sampled from the test split cut from 500 to 20', () => {
    const cell = (n: number) => `test_data_sample = test_data.sample(n=${n}, random_state=5)`
    expectOne(run(modified('s.ipynb', notebook([cell(500)]), notebook([cell(20)]))), 'EVAL-SPLIT-SHRUNK', {
      status: 'warn',
      bias: false,
      path: 's.ipynb',
      line: lineOf(notebook([cell(20)]), 'sample(n=20')
    })
    expectNone(run(modified('s.ipynb', notebook([cell(500)]), notebook([cell(300)]))), 'EVAL-SPLIT-SHRUNK')
  })

  it('test_size from 0.2 to 0.01; not a training sample made smaller', () => {
    const split = (t: string) =>
      `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=${t}, random_state=0)`
    expect(withId(run(modified('t.py', split('0.2'), split('0.01'))), 'EVAL-SPLIT-SHRUNK')).toHaveLength(1)
    expectNone(
      run(modified('t.py', 'train_small = train_df.sample(n=5000)', 'train_small = train_df.sample(n=500)')),
      'EVAL-SPLIT-SHRUNK'
    )
  })
})

describe('effective training settings', () => {
  it('a schedule floor set above the peak learning rate; not a floor below it', () => {
    const cfg = (min: string) =>
      `optimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 4e-4\nmin_lr: ${min}\n`
    expectOne(run(modified('pretrain.yaml', cfg('4e-5'), cfg('4e-3'))), 'TRAIN-LR-CHANGED', {
      status: 'warn',
      bias: false,
      path: 'pretrain.yaml',
      line: 5
    })
    expectNone(run(modified('pretrain.yaml', cfg('4e-5'), cfg('1e-5'))), 'TRAIN-LR-CHANGED')
  })

  it('a split that had rows given none (Ludwig split probabilities); not a changed nonzero split', () => {
    const cfg = (p: string) => `preprocessing:\n  split:\n    type: random\n    probabilities: ${p}\n`
    expectOne(run(modified('config.yaml', cfg('[0.7, 0.1, 0.2]'), cfg('[0.8, 0.2, 0.0]'))), 'EVAL-SPLIT-REMOVED', {
      status: 'warn',
      bias: false,
      path: 'config.yaml',
      line: 4
    })
    expectNone(run(modified('config.yaml', cfg('[0.7, 0.1, 0.2]'), cfg('[0.8, 0.1, 0.1]'))), 'EVAL-SPLIT-REMOVED')
  })

  it('trust_remote_code kept on while the model moves to another owner; not another model of the same owner', () => {
    const cfg = (m: string) => `model_name_or_path: ${m}\ntrust_remote_code: true\nstage: sft\n`
    expectOne(
      run(modified('sft.yaml', cfg('Qwen/Qwen2.5-0.5B-Instruct'), cfg('qwen-mirror/Qwen2.5-0.5B-Instruct-fast'))),
      'SUPPLY-TRUST-REMOTE-CODE',
      { status: 'fail', bias: false, path: 'sft.yaml', line: 1 }
    )
    expectNone(
      run(modified('sft.yaml', cfg('Qwen/Qwen2.5-0.5B-Instruct'), cfg('Qwen/Qwen2.5-1.5B-Instruct'))),
      'SUPPLY-TRUST-REMOTE-CODE'
    )
  })
})

describe('leakage and protected routes', () => {
  it('a model fitted on the whole data after the test split was taken from it; not on the training split', () => {
    const cell = (x: string, y: string) =>
      `X_train, X_test, y_train, y_test = train_test_split(attritionXData, target, test_size=0.2, random_state=0)\nmodel = clf.fit(${x}, ${y})`
    const after = notebook([cell('attritionXData', 'target')])
    expectOne(run(modified('a.ipynb', notebook([cell('X_train', 'y_train')]), after)), 'DATA-FIT-ON-TEST', {
      status: 'fail',
      bias: false,
      path: 'a.ipynb',
      line: lineOf(after, 'clf.fit(')
    })
    expectNone(
      run(modified('a.ipynb', notebook([cell('X_train', 'y_train')]), notebook([cell('X_train', 'y_train') + '\n']))),
      'DATA-FIT-ON-TEST'
    )
  })

  it('protected columns concatenated back after the split point at the concat the change wrote', () => {
    const base = [
      "A = X_raw[['sex', 'race']]",
      "X = pd.get_dummies(X_raw.drop(labels=['sex', 'race'], axis=1))",
      'X_train, X_test, y_train, y_test, A_train, A_test = train_test_split(X, y, A, random_state=0)'
    ].join('\n')
    const fit = 'clf.fit(X_train, y_train)'
    const after = notebook([base, 'X_train = pd.concat([X_train, pd.get_dummies(A_train)], axis=1)', fit])
    const f = withId(run(modified('l.ipynb', notebook([base, fit]), after)), 'RAI-PROTECTED-ATTRIBUTE')
    expect(f.map((x) => x.line)).toEqual([lineOf(after, 'pd.concat')])
  })
})

describe('the target among the features, through the data flow', () => {
  const cells = (features: string) => [
    'housing = load_housing_data()',
    'train_set, test_set = train_test_split(housing, test_size=0.2, random_state=42)',
    `X = ${features}`,
    'y = train_set["median_house_value"].copy()',
    'X_prepared = full_pipeline.fit_transform(X)',
    'lin_reg.fit(X_prepared, y)'
  ]
  it('the label no longer dropped from the training table, at the line that stopped dropping it', () => {
    const before = notebook(cells('train_set.drop("median_house_value", axis=1)'))
    const after = notebook(cells('train_set.copy()'))
    const f = expectOne(run(modified('h.ipynb', before, after)), 'DATA-TARGET-IN-FEATURES', {
      status: 'fail',
      bias: false,
      path: 'h.ipynb',
      line: lineOf(after, 'X = train_set.copy()')
    })
    expect(f.evidence).toContain('median_house_value')
  })

  it('not when the label is dropped, or the columns are picked by position', () => {
    const before = notebook(cells('train_set.drop("median_house_value", axis=1)'))
    expectNone(
      run(modified('h.ipynb', before, notebook(cells('train_set.drop(columns=["median_house_value"])')))),
      'DATA-TARGET-IN-FEATURES'
    )
    expectNone(run(modified('h.ipynb', before, notebook(cells('train_set.iloc[:, :-1]')))), 'DATA-TARGET-IN-FEATURES')
  })
})

describe('a protected indicator assigned into one table of a dict of splits', () => {
  const cells = (extra: string) => [
    "dataset = load_dataset('adult', protected_attribute='sex')\ntrain_test = dataset.train_test_split(test_size=0.2, random_state=42)",
    `train = train_test['train']\ntest = train_test['test']${extra}`,
    "model = LogisticRegression()\nmodel.fit(train['X'], train['y'])"
  ]
  it("train['X']['is_female'] = train['group_a'] reaches the fit", () => {
    const after = notebook(cells("\ntrain['X']['is_female'] = train['group_a'].astype(int)"))
    expectOne(run(modified('h.ipynb', notebook(cells('')), after)), 'RAI-PROTECTED-ATTRIBUTE', {
      status: 'fail',
      bias: true,
      path: 'h.ipynb',
      line: lineOf(after, "train['X']['is_female']")
    })
  })
  it('not a group column kept beside the features for the fairness metrics', () => {
    const after = notebook(cells("\ngroup_test = test['group_a'].astype(int)"))
    expectNone(run(modified('h.ipynb', notebook(cells('')), after)), 'RAI-PROTECTED-ATTRIBUTE')
  })
})
