// The bias regressions a reviewer blocks, each written the several ways real notebooks and configs write it:
// fewer groups audited, a fairness metric or its report removed, a parity bound loosened, a reference level
// changed, a bias metric's direction inverted, a protected attribute passed straight into training; and the
// harmless rewrites beside each that must not block.
import { describe, expect, it } from 'vitest'
import { lineOf, modified, notebook, run } from './helpers.js'
import type { ChangedFile, Finding } from '../../src/types.js'

const blocking = (files: ChangedFile[]): Finding[] => run(...files).filter((f) => f.bias && f.status === 'fail')

/** A blocking bias item at the head line (a string: the first line of the first file holding it; null: a deleted file). */
function expectBlocked(files: ChangedFile[], at: string | number | null): void {
  const found = blocking(files)
  const line = typeof at === 'string' ? lineOf(files[0].after ?? '', at) : at
  const lines = found.map((f) => f.line)
  expect(lines, JSON.stringify(found, null, 1)).toContain(line)
}
function expectClean(files: ChangedFile[]): void {
  const found = blocking(files)
  expect(found, JSON.stringify(found, null, 1)).toEqual([])
}
const nb = (before: string[], after: string[], path = 'audit.ipynb'): ChangedFile =>
  modified(path, notebook(before), notebook(after))
const deleted = (path: string, before: string): ChangedFile => ({ path, status: 'removed', before, after: null })

describe('fewer groups audited', () => {
  const loop = (groups: string) =>
    `for g in [${groups}]:\n    mask = df['race'] == g\n    print(g, accuracy_score(y_test[mask], y_pred[mask]))`
  it('a loop over groups loses a member', () => {
    const after = notebook(['df = load()', loop("'White', 'Black'")])
    expectBlocked(
      [modified('a.ipynb', notebook(['df = load()', loop("'White', 'Black', 'Asian'")]), after)],
      lineOf(after, 'for g')
    )
    // a group added, or the list reordered, audits no fewer
    expectClean([nb(['df = load()', loop("'White', 'Black'")], ['df = load()', loop("'White', 'Black', 'Asian'")])])
    expectClean([
      nb(['df = load()', loop("'White', 'Black', 'Asian'")], ['df = load()', loop("'Asian', 'White', 'Black'")])
    ])
  })

  it('a list of audited attributes shrinks before a loop that evaluates each', () => {
    const cell = (attrs: string) =>
      `sensitive_attrs = [${attrs}]\nfor attr in sensitive_attrs:\n    mf = MetricFrame(metrics=accuracy_score, y_true=y_test, y_pred=y_pred, sensitive_features=X_test[attr])\n    print(attr, mf.difference())`
    const after = notebook([cell("'sex', 'race'")])
    expectBlocked(
      [modified('a.ipynb', notebook([cell("'sex', 'race', 'age'")]), after)],
      lineOf(after, 'sensitive_attrs =')
    )
    expectClean([nb([cell("'sex', 'race'")], [cell("'sex', 'race', 'age'")])])
  })

  it('a list of demographics evaluated by a function shrinks', () => {
    const cell = (groups: string) =>
      `demographics = [${groups}]\nresults = evaluate_by_group(model, test_df, groups=demographics)`
    const after = notebook([cell("'gender', 'age_group'")])
    expectBlocked(
      [modified('a.ipynb', notebook([cell("'gender', 'age_group', 'ethnicity'")]), after)],
      lineOf(after, 'demographics =')
    )
  })

  it('a dict of subgroups loses a key', () => {
    const cell = (extra: string) =>
      `subgroups = {\n    'women': df.sex == 'F',\n    'men': df.sex == 'M',\n${extra}}\nfor name, m in subgroups.items():\n    print(name, roc_auc_score(y[m], p[m]))`
    const after = notebook([cell('')])
    expectBlocked(
      [modified('a.ipynb', notebook([cell("    'over_60': df.age > 60,\n")]), after)],
      lineOf(after, "'men'") + 1
    )
    expectClean([nb([cell('')], [cell("    'over_60': df.age > 60,\n")])])
  })

  it('a bias benchmark config audits fewer categories', () => {
    const cfg = (cats: string) => `benchmark: bbq\ncategories:\n${cats}num_fewshot: 0\n`
    const all = '  - Age\n  - Gender_identity\n  - Race_ethnicity\n  - Religion\n'
    const less = '  - Age\n  - Gender_identity\n  - Religion\n'
    expectBlocked([modified('bbq.yaml', cfg(all), cfg(less))], '  - Religion')
    expectClean([modified('bbq.yaml', cfg(less), cfg(all))])
  })

  it('a fairness eval config lists fewer demographic groups', () => {
    const cfg = (groups: string) =>
      `fairness_eval:\n  metric: demographic_parity\n  groups: [${groups}]\n  batch_size: 32\n`
    expectBlocked([modified('eval.yaml', cfg('male, female, non_binary'), cfg('male, female'))], 3)
    expectClean([
      modified('eval.yaml', cfg('male, female, non_binary'), cfg('male, female, non_binary').replace('32', '64'))
    ])
  })

  it('a deleted notebook with a loop over groups blocks', () => {
    expectBlocked([deleted('g.ipynb', notebook(['df = load()', loop("'White', 'Black'")]))], null)
  })
})

describe('a fairness metric or its report removed', () => {
  const pre = 'from fairlearn.metrics import demographic_parity_difference, equalized_odds_difference'
  it('a printed parity metric removed', () => {
    const dp = 'print(demographic_parity_difference(y_test, y_pred, sensitive_features=A_test))'
    const eo = 'print(equalized_odds_difference(y_test, y_pred, sensitive_features=A_test))'
    const after = notebook([pre, eo, 'print("done")'])
    expectBlocked(
      [modified('m.ipynb', notebook([pre, dp + '\n' + eo, 'print("done")']), after)],
      lineOf(after, 'print(equalized')
    )
    expectBlocked([deleted('m.ipynb', notebook([pre, dp]))], null)
  })

  it('a column of a disparity table removed', () => {
    const cell = (cols: string) =>
      `disparity_table = bdf[['attribute_name', 'attribute_value', ${cols}]]\ndisparity_table`
    const after = notebook(['bdf = b.get_disparity_major_group(xtab, original_df=df)', cell("'fpr_disparity'")])
    const before = notebook([
      'bdf = b.get_disparity_major_group(xtab, original_df=df)',
      cell("'fpr_disparity', 'fnr_disparity'")
    ])
    expectBlocked([modified('t.ipynb', before, after)], lineOf(after, 'disparity_table ='))
  })

  it('a fairness score line removed from a results dict', () => {
    const cell = (extra: string) =>
      `results = {\n    'accuracy': accuracy_score(y_test, y_pred),\n${extra}    'f1': f1_score(y_test, y_pred),\n}`
    const dpd = "    'demographic_parity': demographic_parity_difference(y_test, y_pred, sensitive_features=s),\n"
    const after = notebook([cell('')])
    expectBlocked([modified('r.ipynb', notebook([cell(dpd)]), after)], lineOf(after, "'f1'"))
  })

  it('a per-group table column removed from a report DataFrame', () => {
    const cell = (extra: string) =>
      `report = pd.DataFrame({\n    'group': groups,\n    'tpr': tprs,\n${extra}    'selection_rate': rates,\n})\nreport.to_csv('fairness_report.csv')`
    const after = notebook([cell('')])
    expectBlocked(
      [modified('r.ipynb', notebook([cell("    'fpr': fprs,\n")]), after)],
      lineOf(after, "'selection_rate'")
    )
    // a non-fairness column renamed is a harmless refactor
    expectClean([nb([cell('')], [cell('').replace("'group': groups", "'group': group_names")])])
  })

  it('a fairness score written to a metrics file removed, in a script', () => {
    const code = (extra: string) =>
      `metrics = {}\nmetrics['auc'] = roc_auc_score(y, p)\n${extra}json.dump(metrics, open('metrics.json', 'w'))\n`
    const after = code('')
    expectBlocked([modified('evaluate.py', code("metrics['disparate_impact'] = di_ratio(y_pred, groups)\n"), after)], 3)
  })
})

describe('a parity bound or fairness constraint loosened', () => {
  const eg = (c: string, extra = '') =>
    `mitigator = ExponentiatedGradient(LogisticRegression(), constraints=${c}${extra})\nmitigator.fit(X, y, sensitive_features=A)`
  it('difference_bound raised, ratio_bound lowered, eps raised', () => {
    const a = notebook([eg('DemographicParity(difference_bound=0.01)')])
    const b = notebook([eg('DemographicParity(difference_bound=0.1)')])
    expectBlocked([modified('m.ipynb', a, b)], lineOf(b, 'mitigator ='))
    expectClean([modified('m.ipynb', b, a)])
    const r = (v: string) => notebook([eg(`DemographicParity(ratio_bound=${v})`)])
    expectBlocked([modified('m.ipynb', r('0.9'), r('0.7'))], 'mitigator =')
    expectClean([modified('m.ipynb', r('0.7'), r('0.9'))])
    const e = (v: string) => notebook([eg('EqualizedOdds()', `, eps=${v}`)])
    expectBlocked([modified('m.ipynb', e('0.01'), e('0.05'))], 'mitigator =')
    expectClean([modified('m.ipynb', e('0.05'), e('0.01'))])
  })

  it('a bound held in a variable is loosened', () => {
    const cell = (v: string) =>
      `DP_BOUND = ${v}\nconstraint = DemographicParity(difference_bound=DP_BOUND)\nmitigator = ExponentiatedGradient(est, constraints=constraint)`
    const after = notebook([cell('0.2')])
    expectBlocked([modified('m.ipynb', notebook([cell('0.05')]), after)], 'DP_BOUND =')
  })

  it('a fairness threshold in a config loosened; tightened is fine', () => {
    const cfg = (v: string) =>
      `fairness:\n  metric: disparate_impact\n  fairness_threshold: ${v}\n  attributes: [sex, race]\n`
    expectBlocked([modified('gate.yaml', cfg('0.8'), cfg('0.6'))], 3)
    expectClean([modified('gate.yaml', cfg('0.6'), cfg('0.8'))])
    const tol = (v: string) => `bias_check:\n  max_parity_difference: ${v}\n`
    expectBlocked([modified('gate.yaml', tol('0.05'), tol('0.15'))], 2)
    expectClean([modified('gate.yaml', tol('0.15'), tol('0.05'))])
  })

  it('a four-fifths rule value and a tolerance in code loosened', () => {
    const cell = (v: string) =>
      `FOUR_FIFTHS = ${v}\ndi = sr_unpriv / sr_priv\nif di < FOUR_FIFTHS:\n    raise ValueError('disparate impact')`
    expectBlocked([nb([cell('0.8')], [cell('0.6')])], 'FOUR_FIFTHS =')
    expectClean([nb([cell('0.6')], [cell('0.8')])])
    const tol = (v: string) =>
      `fairness_tolerance = ${v}\nassert abs(dpd) <= fairness_tolerance, 'parity gap too large'`
    expectBlocked([nb([tol('0.02')], [tol('0.1')])], 'fairness_tolerance =')
    expectClean([nb([tol('0.1')], [tol('0.02')])])
  })

  it('a literal in a fairness assertion loosened', () => {
    const cell = (v: string) =>
      `dpd = demographic_parity_difference(y, p, sensitive_features=A)\nassert dpd < ${v}, f'parity gap {dpd}'`
    const after = notebook([cell('0.3')])
    expectBlocked([nb([cell('0.1')], [cell('0.3')])], lineOf(after, 'assert'))
    expectClean([nb([cell('0.3')], [cell('0.1')])])
  })
})

describe('a reference level changed', () => {
  it('a privileged group value changed in code', () => {
    const cell = (v: string) =>
      `privileged_groups = [{'sex': ${v}}]\nunprivileged_groups = [{'sex': 0}]\nmetric = BinaryLabelDatasetMetric(ds, privileged_groups=privileged_groups, unprivileged_groups=unprivileged_groups)`
    expectBlocked([nb([cell('1')], [cell('2')])], 'privileged_groups =')
  })

  it("a certificate's condition on a fairness metric widened; tightened is fine", () => {
    const cert = (lo: string, hi: string) =>
      `{\n  "meta": {"display_name": "Fairness Statistical Parity", "tags": ["fairness"]},\n  "condition": {\n    "op": "and",\n    "terms": [\n      ["&group_fairness > statistical_parity_difference", ">=", ${lo}],\n      ["&group_fairness > statistical_parity_difference", "<=", ${hi}]\n    ]\n  }\n}\n`
    const path = 'certificates/fairness_statistical_parity.json'
    const found = blocking([modified(path, cert('-0.11', '0.11'), cert('-0.5', '0.5'))])
    expect(found.map((f) => f.line)).toEqual(expect.arrayContaining([6, 7]))
    expect(blocking([modified(path, cert('-0.11', '0.11'), cert('-0.05', '0.05'))])).toEqual([])
  })

  it('a reference group in a config changed', () => {
    const cfg = (v: string) => `audit:\n  protected_attribute: race\n  reference_group: ${v}\n  metrics: [fpr, fnr]\n`
    expectBlocked([modified('audit.yaml', cfg('White'), cfg('Black'))], 3)
    const base = (v: string) => `fairness:\n  attribute: gender\n  baseline_group: ${v}\n`
    expectBlocked([modified('audit.yaml', base('male'), base('female'))], 3)
  })

  it('a privileged value given as a mask or a variable', () => {
    const cell = (v: string) =>
      `privileged = df['sex'] == '${v}'\nsr_priv = y_pred[privileged].mean()\nsr_unpriv = y_pred[~privileged].mean()\nprint('disparate impact', sr_unpriv / sr_priv)`
    expectBlocked([nb([cell('Male')], [cell('Female')])], 'privileged =')
    const ref = (v: string) =>
      `REFERENCE_GROUP = '${v}'\nbdf = b.get_disparity_predefined_groups(xtab, original_df=df, ref_groups_dict={'race': REFERENCE_GROUP})`
    expectBlocked([nb([ref('Caucasian')], [ref('African-American')])], 'REFERENCE_GROUP =')
    // a mapping of any name, handed to the call as its reference groups
    const handed = (v: string) =>
      `attributes_and_reference_groups = {'poverty_level': 'lower', 'teacher_sex': '${v}'}\nbdf = b.get_disparity_predefined_groups(xtab, original_df=df, ref_groups_dict=attributes_and_reference_groups)`
    expectBlocked([nb([handed('male')], [handed('female')])], 'attributes_and_reference_groups =')
    expectClean([nb([handed('male')], [handed('male').replace("'lower'", "'lower' ")])])
  })

  it('the condition that puts people in a group changed', () => {
    const cell = (cond: string) =>
      `def race(row):\n    if ${cond}:  # non-Hispanic Whites are WHITE\n        return 'White'\n    return 'Non-White'\n\ndf['RACE'] = df.apply(lambda row: race(row), axis=1)`
    const strict = "((row['HISPANX'] == 2) and (row['RACEV2X'] == 1))"
    expectBlocked([nb([cell(strict)], [cell("row['RACEV2X'] == 1")])], 'if row')
    // the same condition written with other spacing, or another comment, is the same group
    expectClean([nb([cell(strict)], [cell("((row['HISPANX']==2) and (row['RACEV2X']==1))")])])
    // a condition that picks no group (a threshold on income) is not a group definition
    const band = (t: string) => `def band(row):\n    if row['income'] > ${t}:\n        return 'high'\n    return 'low'`
    expectClean([nb([band('50000')], [band('60000')])])
  })

  it('a categorical reference level changed in a model formula', () => {
    const cell = (v: string) =>
      `model = smf.logit("approved ~ income + C(race, Treatment(reference='${v}'))", data=df).fit()\nprint(model.summary())`
    expectBlocked([nb([cell('White')], [cell('Black')])], 'smf.logit')
    // the formula reformatted keeps the same reference
    expectClean([nb([cell('White')], [cell('White').replace('income + C', 'income+C')])])
  })
})

describe("a bias metric's direction inverted", () => {
  it('a ratio with its numerator and denominator swapped', () => {
    const cell = (r: string) =>
      `sr = MetricFrame(metrics=selection_rate, y_true=y, y_pred=p, sensitive_features=df['sex']).by_group\ndisparate_impact = ${r}\nprint(disparate_impact)`
    const after = notebook([cell("sr['Male'] / sr['Female']")])
    expectBlocked(
      [nb([cell("sr['Female'] / sr['Male']")], [cell("sr['Male'] / sr['Female']")])],
      lineOf(after, 'disparate_impact =')
    )
    // spaces and parentheses are not a swap
    expectClean([nb([cell("sr['Female'] / sr['Male']")], [cell("(sr['Female']) / (sr['Male'])")])])
  })

  it('privileged and unprivileged swapped in a call', () => {
    const cell = (a: string, b: string) =>
      `metric = ClassificationMetric(test_ds, pred_ds, unprivileged_groups=${a}, privileged_groups=${b})\nprint(metric.disparate_impact())`
    expectBlocked([nb([cell('unpriv', 'priv')], [cell('priv', 'unpriv')])], 'ClassificationMetric(')
    // keyword order changed, same values: not a swap
    expectClean([
      nb(
        [cell('unpriv', 'priv')],
        [
          'metric = ClassificationMetric(test_ds, pred_ds, privileged_groups=priv, unprivileged_groups=unpriv)\nprint(metric.disparate_impact())'
        ]
      )
    ])
  })

  it('abs() removed from a parity gap', () => {
    const cell = (gap: string) => `tpr_gap = ${gap}\nif tpr_gap > 0.05:\n    print('equal opportunity violated')`
    expectBlocked([nb([cell('abs(tpr_women - tpr_men)')], [cell('tpr_women - tpr_men')])], 'tpr_gap =')
    expectClean([nb([cell('tpr_women - tpr_men')], [cell('abs(tpr_women - tpr_men)')])])
  })

  it('a comparison on a fairness check flipped', () => {
    const cell = (op: string) =>
      `di = disparate_impact_ratio(y_pred, prot_attr=X_test['race'])\nif di ${op} 0.8:\n    print('fails the four-fifths rule')`
    expectBlocked([nb([cell('<')], [cell('>')])], 'if di')
    const assertion = (op: string) => `assert parity_gap ${op} 0.1, 'demographic parity gap'`
    expectBlocked([nb([assertion('<')], [assertion('>')])], 'assert')
  })
})

describe('a protected attribute passed straight into a training call', () => {
  it('a column selection with a protected column fitted', () => {
    const after = notebook(["model.fit(df[['age', 'sex', 'income']], y)"])
    expectBlocked(
      [nb(["model.fit(df[['income', 'hours']], y)"], ["model.fit(df[['age', 'sex', 'income']], y)"])],
      'model.fit'
    )
    void after
  })

  it('assign, concat and a feature list with a protected name added', () => {
    expectBlocked([nb(['model.fit(X, y)'], ["model.fit(X.assign(race=df['race']), y)"])], 'fit(')
    expectBlocked([nb(['clf.fit(X, y)'], ["clf.fit(pd.concat([X, df['gender']], axis=1), y)"])], 'fit(')
    expectBlocked([nb(['model = train(features)'], ["model = train(features + ['race'])"])], 'train(')
    expectBlocked(
      [nb(['model = train_model(df[cols], y)'], ["model = train_model(df[cols + ['sex']], y)"])],
      'train_model('
    )
  })

  it('a protected column into a DMatrix, a Dataset or a cross-validation', () => {
    expectBlocked(
      [
        nb(
          ['dtrain = xgb.DMatrix(df[feats], label=y)\nbst = xgb.train(params, dtrain)'],
          ["dtrain = xgb.DMatrix(df[feats + ['race']], label=y)\nbst = xgb.train(params, dtrain)"]
        )
      ],
      'DMatrix('
    )
    expectBlocked(
      [
        nb(['scores = cross_val_score(clf, X, y, cv=5)'], ["scores = cross_val_score(clf, X.join(df['sex']), y, cv=5)"])
      ],
      'cross_val_score('
    )
  })

  it('a protected column only as the group label of a fit or an evaluation is fine', () => {
    expectClean([nb(['mitigator.fit(X, y)'], ["mitigator.fit(X, y, sensitive_features=df['sex'])"])])
    expectClean([nb(['model = train(features)'], ["model = train(features, group_col='race')"])])
    expectClean([
      nb(
        ['model.fit(X, y)'],
        [
          "model.fit(X, y)\nmf = MetricFrame(metrics=accuracy_score, y_true=y, y_pred=model.predict(X), sensitive_features=df['race'])"
        ]
      )
    ])
  })
})

describe('a fairness evaluation moved to another changed file is not a removal', () => {
  it('a printed parity metric moved into a new notebook', () => {
    const dp = 'print(demographic_parity_difference(y_test, y_pred, sensitive_features=A_test))'
    const moved: ChangedFile = { path: 'fair.ipynb', status: 'added', before: null, after: notebook([dp]) }
    expectClean([nb(['x = 1', dp], ['x = 1']), moved])
  })
})

describe('more of the ways notebooks and configs write them', () => {
  it('a MetricFrame over fewer sensitive columns, and a config list of sensitive attributes shrunk', () => {
    const mf = (cols: string) =>
      `mf = MetricFrame(metrics={'acc': accuracy_score, 'sr': selection_rate}, y_true=y_test, y_pred=y_pred, sensitive_features=X_test[[${cols}]])\nmf.by_group`
    expectBlocked([nb([mf("'sex', 'race'")], [mf("'sex'")])], 'mf = MetricFrame')
    expectClean([nb([mf("'sex'")], [mf("'sex', 'race'")])])
    const cfg = (a: string) => `evaluation:\n  sensitive_attributes: [${a}]\n  metrics: [accuracy]\n`
    expectBlocked([modified('eval.yaml', cfg('sex, race, age'), cfg('sex, race'))], 'sensitive_attributes')
  })

  it('a bias benchmark task list loses a task', () => {
    const cfg = (t: string) => `tasks:\n${t}  - hellaswag\nbatch_size: 8\n`
    const before = cfg('  - crows_pairs_english_gender\n  - crows_pairs_english_race_color\n')
    const after = cfg('  - crows_pairs_english_gender\n')
    expectBlocked([modified('eval.yaml', before, after)], 3)
    expectClean([modified('eval.yaml', before, before.replace('batch_size: 8', 'batch_size: 16'))])
  })

  it('the print of a fairness value computed from a MetricFrame removed', () => {
    const cells = (extra: string) => [
      "mf = MetricFrame(metrics=recall_score, y_true=y, y_pred=p, sensitive_features=df['sex'])",
      `eo_gap = mf.difference()\n${extra}print('done')`
    ]
    expectBlocked([nb(cells("print(f'Recall gap between groups: {eo_gap:.3f}')\n"), cells(''))], "print('done')")
    // the same print with its label edited reports the same value
    expectClean([nb(cells("print(f'Recall gap: {eo_gap:.3f}')\n"), cells("print(f'Gap in recall: {eo_gap:.3f}')\n"))])
  })

  it('a tolerance of a fairness threshold optimizer loosened; a count of iterations changed is not a bound', () => {
    const eg = (extra: string) =>
      `mitigator = ExponentiatedGradient(LogisticRegression(), constraints=EqualizedOdds(), ${extra})`
    expectClean([nb([eg('eps=0.01, max_iter=50')], [eg('eps=0.01, max_iter=100')])])
    expectBlocked([nb([eg('eps=0.01, max_iter=50')], [eg('eps=0.02, max_iter=50')])], 'mitigator =')
    // a tolerance of a model that is not a fairness call is not a fairness bound
    expectClean([nb(['clf = LogisticRegression(tol=1e-4)'], ['clf = LogisticRegression(tol=1e-2)'])])
  })

  it('an aequitas tau lowered, and a repair level lowered', () => {
    const f = (t: string) => `fdf = f.get_group_value_fairness(bdf, tau=${t})\nfdf.head()`
    expectBlocked([nb([f('0.8')], [f('0.6')])], 'fdf =')
    expectClean([nb([f('0.6')], [f('0.8')])])
    const r = (v: string) => `di = DisparateImpactRemover(repair_level=${v})\ntrain_repd = di.fit_transform(train)`
    expectBlocked([nb([r('1.0')], [r('0.3')])], 'di =')
  })

  it('a fairness comparison flipped against a bound read from a config', () => {
    const cell = (op: string) => `if dp_gap ${op} cfg['fairness']['max_gap']:\n    raise RuntimeError('parity gap')`
    const pre = 'dp_gap = demographic_parity_difference(y, p, sensitive_features=s)'
    expectBlocked([nb([pre, cell('>')], [pre, cell('<')])], 'if dp_gap')
    // the same check written the other way round is not a flip
    expectClean([
      nb([pre, cell('>')], [pre, "if cfg['fairness']['max_gap'] < dp_gap:\n    raise RuntimeError('parity gap')"])
    ])
  })

  it('privileged and unprivileged group definitions swapped, and an abbreviated privileged group changed', () => {
    const defs = (a: string, b: string) =>
      `privileged_groups = [{'race': ${a}}]\nunprivileged_groups = [{'race': ${b}}]`
    expectBlocked([nb([defs('1', '0')], [defs('0', '1')])], 'privileged_groups =')
    const priv = (v: string) =>
      `priv_group = {'sex': ${v}}\nm = BinaryLabelDatasetMetric(ds, privileged_groups=[priv_group])`
    expectBlocked([nb([priv('1')], [priv('0')])], 'priv_group =')
  })

  it('a protected column handed to a training function by keyword or into cross-validation', () => {
    expectBlocked(
      [nb(['model = train(train_data=df[FEATURES])'], ["model = train(train_data=df[FEATURES + ['ethnicity']])"])],
      'model = train('
    )
    expectBlocked(
      [nb(['s = cross_validate(clf, df[cols], y)'], ["s = cross_validate(clf, df[cols + ['age']], y)"])],
      's = cross_validate('
    )
    // train_test_split is not training
    expectClean([
      nb(['a, b = train_test_split(df[cols], y)'], ["a, b = train_test_split(df[cols], y, stratify=df['sex'])"])
    ])
  })

  it('a deleted notebook whose only fairness was an assertion on a parity gap blocks', () => {
    const text = notebook([
      "gap = demographic_parity_difference(y, p, sensitive_features=s)\nassert gap < 0.1, 'parity gap'"
    ])
    expectBlocked([deleted('check.ipynb', text)], null)
    const cfg = 'fairness:\n  fairness_threshold: 0.8\n  attributes: [sex]\n'
    expectBlocked([deleted('gate.yaml', cfg)], null)
  })

  it('a ratio renamed, or recomputed from the same rates, is not inverted', () => {
    const cell = (t: string, r: string) => `${t} = ${r}\nprint('disparate impact', ${t})`
    expectClean([nb([cell('di', 'sr_unpriv / sr_priv')], [cell('disparate_impact', 'sr_unpriv / sr_priv')])])
    expectClean([nb([cell('di', 'sr_unpriv / sr_priv')], [cell('di', 'sr_unpriv / (sr_priv + 1e-9)')])])
  })
})

describe('group comparisons, audited lists and exclusions written as notebooks write them', () => {
  it('an adverse impact ratio for two groups removed, and its groups swapped', () => {
    const line = (a: string, b: string) =>
      `print('Adverse impact ratio for %s vs. %s: %.3f' % ('${b}', '${a}', air(cm_dict, '${a}', '${b}')))`
    const before = [line('white', 'black'), line('male', 'female')]
    expectBlocked([nb([before.join('\n')], [line('white', 'black')])], "air(cm_dict, 'white'")
    expectBlocked([nb(before, [before[0], line('female', 'male')])], "'female', 'male'")
    // the same comparisons in another order are not a swap
    expectClean([nb([before.join('\n')], [[before[1], before[0]].join('\n')])])
  })

  it('an evaluation over an audited list removed, and a call narrowed from the list to one attribute', () => {
    const pre = "protected = ['ethnicity', 'gender', 'age']"
    const loop = '_ = [xai.roc_plot(y_test, probs, df=x_test, cross_cols=[p]) for p in protected]'
    expectBlocked([nb([pre, loop, 'x = 1'], [pre, 'x = 1'])], 'x = 1')
    expectBlocked(
      [nb([pre, 'ims = xai.show_imbalances(df, protected)'], [pre, "ims = xai.show_imbalance(df, 'gender')"])],
      'ims ='
    )
    // a group added to the audited list is not a narrowing
    expectClean([nb([pre, loop], ["protected = ['ethnicity', 'gender', 'age', 'religion']", loop])])
  })

  it('an intersectional breakdown narrowed to one column, and a bias plot by a protected column removed', () => {
    const cell = (cols: string) =>
      `xai.metrics_plot(y_test, probabilities, df=x_test_display, cross_cols=[${cols}], categorical_cols=cats)`
    expectBlocked([nb([cell('"gender", "ethnicity"')], [cell('"gender"')])], 'xai.metrics_plot')
    const plot = "plot_threshold_tests(results=df['credit_score'], labels=df['citizenship_status'])"
    expectBlocked([nb(['x = 1', plot], ['x = 1'])], 'x = 1')
    // a score plotted by a column that is not protected is not a fairness audit
    expectClean([nb(['x = 1', "plot_threshold_tests(results=df['credit_score'], labels=df['region'])"], ['x = 1'])])
  })

  it('data rebalanced between groups no longer used for the model', () => {
    const cells = (src: string) => [
      "bal_df = xai.balance(df, 'gender', upsample=0.8)",
      `proc_df = xai.normalize_numeric(${src})`
    ]
    expectBlocked([nb(cells('bal_df'), cells('df'))], 'proc_df =')
    expectClean([nb(cells('bal_df'), cells('bal_df').concat(['proc_df.head()']))])
  })

  it('protected columns taken off a comprehension that filters the inputs', () => {
    const cell = (names: string) =>
      `x_names = [name for name in data.columns if name not in [y_name, 'ID', ${names}]]\nmodel.fit(data[x_names], data[y_name])`
    expectBlocked([nb([cell("'AGE', 'MARRIAGE', 'SEX'")], [cell("'SEX'")])], 'x_names =')
    expectClean([nb([cell("'SEX'")], [cell("'AGE', 'SEX'")])])
  })

  it('a four-fifths cutoff on a fairness column of a frame lowered', () => {
    const cell = (v: string) =>
      `f1_frame = get_max_f1_frame(phat, y_name, 'phat', air_reference='white', air_protected='black')\nf1_frame[f1_frame['air'] > ${v}].sort_values(by='f1', ascending=False).head()`
    expectBlocked([nb([cell('0.8')], [cell('0.6')])], 'sort_values')
    expectClean([nb([cell('0.6')], [cell('0.8')])])
    // the groups it is computed for taken away
    const search = (extra: string) => `best, frame = ebm_grid(train, phat, x_names, y_name, seed=SEED${extra})`
    expectBlocked(
      [nb([search(", air_reference='white', air_protected='black', air_cut=0.17")], [search('')])],
      'best, frame'
    )
  })
})

describe('refactors that keep the coverage', () => {
  it('a deleted copy of a notebook whose audit another changed notebook still holds', () => {
    const audit = notebook([
      "mf = MetricFrame(metrics=selection_rate, y_true=y, y_pred=p, sensitive_features=df['sex'])",
      "print('Adverse impact ratio: %.3f' % air(cm_dict, 'white', 'black'))"
    ])
    const edited = audit.replace('"mf = MetricFrame', '"import os\\n",\n    "mf = MetricFrame')
    expectClean([deleted('final.ipynb', audit), modified('template.ipynb', audit, edited)])
    // the only copy deleted blocks
    expectBlocked([deleted('final.ipynb', audit)], null)
  })

  it('a model trained on rebalanced data, rewritten, is not a fairness evaluation', () => {
    const cells = (fit: string) => [
      "bal_df = xai.balance(df, 'gender', upsample=0.8)",
      'proc_df = xai.normalize_numeric(bal_df)',
      "x = proc_df.drop('loan', axis=1)",
      fit
    ]
    expectClean([nb(cells("model = build_model(x.drop('y', axis=1))"), cells('model = build_model(x_train)'))])
  })
})

describe('audit regressions and reference levels in R cells', () => {
  const prep = (ref: string) =>
    `%%R\ndf <- mutate(df, race_factor = factor(race)) %>%\n      within(race_factor <- relevel(race_factor, ref = ${ref}))`
  const model = (terms: string) =>
    `%%R\nmodel <- glm(score_factor ~ gender_factor + age_factor + ${terms}\n             priors_count, family="binomial", data=df)\nsummary(model)`
  it('a protected term taken out of a regression of the score', () => {
    const after = notebook([prep('3'), model('')])
    expectBlocked([modified('c.ipynb', notebook([prep('3'), model('race_factor +')]), after)], 'model <- glm')
    // another covariate dropped, or a regression of the outcome (not the score) losing race, is not an audit narrowed
    expectClean([nb([prep('3'), model('race_factor + crime_factor +')], [prep('3'), model('race_factor +')])])
    const outcome = (t: string) => `%%R\nfit <- glm(two_year_recid ~ priors_count + ${t}age, data=df)`
    expectClean([nb([outcome('race + ')], [outcome('')])])
  })

  it('the reference level of a protected factor changed', () => {
    expectBlocked([nb([prep('3'), model('race_factor +')], [prep('1'), model('race_factor +')])], 'relevel')
    expectClean([nb([prep('3'), model('race_factor +')], [prep('3'), model('race_factor + crime_factor +')])])
  })

  it('an audit regression removed from a notebook, unless it moved to another changed notebook', () => {
    const before = notebook([prep('3'), model('race_factor +')])
    const after = notebook([prep('3'), '%%R\nsummary(df)'])
    expectBlocked([modified('c.ipynb', before, after)], 'summary(df)')
    expectClean([modified('c.ipynb', before, after), { path: 'm.ipynb', status: 'added', before: null, after: before }])
  })

  it('a deleted notebook with an audit regression blocks', () => {
    expectBlocked([deleted('c.ipynb', notebook([prep('3'), model('race_factor +')]))], null)
  })
})

describe('clean changes to fairness notebooks', () => {
  it('a decision threshold changed, a constant named, a plot restyled', () => {
    const pre = "mf = MetricFrame(metrics=selection_rate, y_true=y, y_pred=p, sensitive_features=df['sex'])"
    expectClean([
      nb(
        [pre, 'y_pred = model.predict_proba(X_test)[:, 1] > 0.5'],
        [pre, 'y_pred = model.predict_proba(X_test)[:, 1] > 0.6']
      )
    ])
    const check = (b: string) => `di = mf.ratio()\nif di < ${b}:\n    print('fails the four-fifths rule')`
    expectClean([nb([pre, check('0.8')], [pre, `FOUR_FIFTHS = 0.8\n${check('FOUR_FIFTHS')}`])])
    const plot = (size: string) => `mf.by_group.plot.bar(figsize=(${size}), title='Selection rate by sex')`
    expectClean([nb([pre, plot('8, 4')], [pre, plot('12, 6')])])
  })

  it('a fairness check tightened or reformatted', () => {
    const check = (b: string, sep = ' ') =>
      `gap = demographic_parity_difference(y, p, sensitive_features=A)\nif gap${sep}>${sep}${b}:\n    warnings.warn('parity gap')`
    expectClean([nb([check('0.1')], [check('0.05')])])
    expectClean([nb([check('0.1')], [check('0.1', '')])])
    const abs = (f: string) => `tpr_gap = ${f}(tpr_women - tpr_men)\nprint('equal opportunity gap', tpr_gap)`
    expectClean([nb([abs('abs')], [abs('np.abs')])])
  })
})

describe('fewer groups in configs written other ways', () => {
  it('a JSON fairness config audits fewer attributes', () => {
    const cfg = (a: string) =>
      `{\n  "model": "xgb",\n  "fairness": {\n    "protected_attributes": [${a}],\n    "metrics": ["demographic_parity"]\n  }\n}\n`
    expectBlocked([modified('config.json', cfg('"sex", "race"'), cfg('"sex"'))], 4)
    expectClean([modified('config.json', cfg('"sex"'), cfg('"sex", "race"'))])
  })

  it('a bias benchmark task loses a subset, and an eval task list loses a bias task', () => {
    const bbq = (s: string) => `bias_eval:\n  dataset: bbq\n  subsets: [${s}]\n  num_fewshot: 0\n`
    expectBlocked([modified('eval.yaml', bbq('age, gender_identity, race_ethnicity'), bbq('age, gender_identity'))], 3)
    const tasks = (t: string) => `eval:\n  tasks:\n    - name: hellaswag\n${t}    - name: winogender\n`
    expectBlocked([modified('eval.yaml', tasks('    - name: bbq_race\n'), tasks(''))], 4)
    expectClean([modified('eval.yaml', tasks(''), tasks('    - name: bbq_race\n'))])
    expectBlocked([modified('eval.yaml', tasks('    - name: holistic_bias\n'), tasks(''))], 4)
  })
})

describe('protected columns into training by library-specific routes', () => {
  it('a LightGBM dataset, a CatBoost pool and a Keras fit by keyword', () => {
    expectBlocked(
      [
        nb(
          ['bst = lgb.train(params, lgb.Dataset(df[feats], label=y))'],
          ["bst = lgb.train(params, lgb.Dataset(df[feats + ['sex']], label=y))"]
        )
      ],
      'bst = lgb.train'
    )
    expectBlocked([nb(['model.fit(Pool(df[cols], y))'], ["model.fit(Pool(df[cols + ['gender']], y))"])], 'model.fit')
    expectBlocked(
      [nb(['model.fit(x=df[cols].values, y=y, epochs=5)'], ["model.fit(x=df[cols + ['race']].values, y=y, epochs=5)"])],
      'model.fit'
    )
    // the label of a dataset is not an input
    expectClean([
      nb(
        ['bst = lgb.train(params, lgb.Dataset(X, label=y))'],
        ["bst = lgb.train(params, lgb.Dataset(X, label=df['sex']))"]
      )
    ])
  })
})

describe('direction inverted inside a report or an assertion', () => {
  it('a ratio turned round inside a print, and abs() taken off inside an assertion', () => {
    const pre = "sr = MetricFrame(metrics=selection_rate, y_true=y, y_pred=p, sensitive_features=df['sex']).by_group"
    const show = (r: string) => `print('Disparate impact:', ${r})`
    expectBlocked(
      [nb([pre, show("sr['Female'] / sr['Male']")], [pre, show("sr['Male'] / sr['Female']")])],
      "print('Disparate"
    )
    expectClean([
      nb(
        [pre, show("sr['Female'] / sr['Male']")],
        [pre, `${show("sr['Female'] / sr['Male']")}\nprint(sr['Male'] / sr['Female'])`]
      )
    ])
    const check = (g: string) =>
      `dpd = demographic_parity_difference(y, p, sensitive_features=A)\nassert ${g} < 0.1, 'parity gap'`
    expectBlocked([nb([check('abs(dpd)')], [check('dpd')])], 'assert')
    expectClean([nb([check('dpd')], [check('abs(dpd)')])])
  })
})

describe('groups a loop audits, inline', () => {
  it('an inline list of attributes a loop evaluates loses one', () => {
    const cell = (attrs: string) =>
      `for attr in [${attrs}]:\n    mf = MetricFrame(metrics=recall_score, y_true=y_test, y_pred=y_pred, sensitive_features=X_test[attr])\n    print(attr, mf.difference())`
    expectBlocked([nb([cell("'sex', 'race', 'age'")], [cell("'sex', 'race'")])], 'for attr')
    expectClean([nb([cell("'sex', 'race'")], [cell("'sex', 'race', 'age'")])])
    const groupby = (attrs: string) => `for col in [${attrs}]:\n    print(df.groupby(col)['y_pred'].mean())`
    expectBlocked([nb([groupby("'gender', 'ethnicity'")], [groupby("'gender'")])], 'for col')
    // a loop that cleans protected columns is not an audit of them
    const clean = (attrs: string) => `for col in [${attrs}]:\n    df[col] = df[col].fillna('unknown')`
    expectClean([nb([clean("'gender', 'ethnicity'")], [clean("'gender'")])])
  })
})
