// Fairness evaluation weakened: counted per evaluation, attribute and metric, on both sides; a deleted file
// that held the evaluation blocks like deleting its lines, unless the evaluation moved to another changed file.
import { describe, expect, it } from 'vitest'
import type { ChangedFile } from '../../src/types.js'
import { added, expectNone, expectOne, lineOf, modified, notebook, run, withId } from './helpers.js'

const ID = 'RAI-FAIRNESS-METRIC-REMOVED'
const bias = (path: string, line: number | null) => ({ status: 'fail' as const, bias: true, path, line })

const setup = [
  'from fairlearn.metrics import MetricFrame, selection_rate, demographic_parity_difference',
  'from fairlearn.postprocessing import ThresholdOptimizer',
  'from sklearn.metrics import accuracy_score, recall_score',
  'y_pred = clf.predict(X_test)'
].join('\n')
const bySex =
  "mf_sex = MetricFrame(metrics={'accuracy': accuracy_score, 'selection_rate': selection_rate},\n                     y_true=y_test, y_pred=y_pred, sensitive_features=X_test['sex'])"
const byRace =
  "mf_race = MetricFrame(metrics={'accuracy': accuracy_score, 'selection_rate': selection_rate},\n                      y_true=y_test, y_pred=y_pred, sensitive_features=X_test['race'])"

describe('fairness evaluation removed', () => {
  it('one MetricFrame of two removed while the names survive in the file', () => {
    const before = notebook([setup, bySex, byRace, 'mf_sex.by_group'])
    const after = notebook([setup, bySex, 'mf_sex.by_group'])
    const f = expectOne(
      run(modified('fair.ipynb', before, after)),
      ID,
      bias('fair.ipynb', lineOf(after, 'mf_sex.by_group'))
    )
    expect(f.evidence).toContain('by race')
  })

  it('selection_rate dropped from metrics=', () => {
    const before = notebook([setup, bySex])
    const after = notebook([setup, bySex.replace(", 'selection_rate': selection_rate", '')])
    const f = expectOne(
      run(modified('m.ipynb', before, after)),
      ID,
      bias('m.ipynb', lineOf(after, 'mf_sex = MetricFrame'))
    )
    expect(f.evidence).toContain('MetricFrame(selection_rate) by sex')
  })

  it('a ThresholdOptimizer section deleted while its import stays', () => {
    const mitigation = [
      "to = ThresholdOptimizer(estimator=clf, constraints='demographic_parity', prefit=True)",
      "to.fit(X_train, y_train, sensitive_features=X_train['sex'])"
    ].join('\n')
    const before = notebook([setup, bySex, mitigation, 'print(1)'])
    const after = notebook([setup, bySex, 'print(1)'])
    expectOne(run(modified('t.ipynb', before, after)), ID, bias('t.ipynb', lineOf(after, 'print(1)')))
  })

  it('a women-only evaluation subset removed', () => {
    const subset = [
      "women = X_test[X_test['sex'] == 'Female']",
      'print(recall_score(y_test[women.index], clf.predict(women)))'
    ].join('\n')
    const before = notebook([setup, subset, "print('done')"])
    const after = notebook([setup, "print('done')"])
    expectOne(run(modified('s.ipynb', before, after)), ID, bias('s.ipynb', lineOf(after, "print('done')")))
  })

  it('a bias_audit_config block commented out, and audited attribute_columns narrowed', () => {
    const before =
      'model: xgb\nbias_audit_config:\n  attribute_columns: [race, sex, age_cat]\n  ref_groups_method: majority\nepochs: 3\n'
    const commented =
      'model: xgb\n# bias_audit_config:\n#   attribute_columns: [race, sex, age_cat]\n#   ref_groups_method: majority\nepochs: 3\n'
    expectOne(run(modified('audit.yaml', before, commented)), ID, bias('audit.yaml', 2))
    const narrowed = before.replace('[race, sex, age_cat]', '[sex]')
    const f = expectOne(run(modified('audit.yaml', before, narrowed)), ID, bias('audit.yaml', 3))
    expect(f.evidence).toContain('race')
  })

  it('aequitas disparities against predefined reference groups removed', () => {
    const aq = [
      'g = Group()',
      "xtab, _ = g.get_crosstabs(df, attr_cols=['race', 'sex'])",
      'b = Bias()',
      "bdf = b.get_disparity_predefined_groups(xtab, original_df=df, ref_groups_dict={'race': 'Caucasian', 'sex': 'Male'})"
    ].join('\n')
    const before = notebook([aq, 'bdf.head()'])
    const after = notebook([aq.split('\n').slice(0, 2).join('\n'), 'bdf.head()'])
    expect(withId(run(modified('aq.ipynb', before, after)), ID)).toHaveLength(1)
  })
})

describe('fairness evaluation in a deleted file', () => {
  const fairNb = notebook([setup, bySex])
  const removed = (path: string, before: string): ChangedFile => ({ path, status: 'removed', before, after: null })

  it('deleting the notebook that held the MetricFrame blocks like deleting its lines', () => {
    const f = expectOne(run(removed('eval/fairness.ipynb', fairNb)), ID, bias('eval/fairness.ipynb', null))
    expect(f.evidence).toMatch(/deleted.*MetricFrame/)
    const head = notebook([setup])
    const at = lineOf(head, 'y_pred = clf.predict')
    const cut = expectOne(run(modified('eval/fairness.ipynb', fairNb, head)), ID, bias('eval/fairness.ipynb', at))
    expect(cut.status).toBe(f.status)
  })

  it('deleting a bias-audit config blocks', () => {
    expectOne(
      run(removed('configs/audit.yaml', 'bias_audit:\n  attribute_columns: [race]\n')),
      ID,
      bias('configs/audit.yaml', null)
    )
  })

  it('not when the evaluation moved into another changed file of the change', () => {
    const moved = run(
      removed('old/fairness.ipynb', fairNb),
      added('eval/fairness_report.ipynb', notebook([setup, bySex]))
    )
    expectNone(moved, ID)
  })

  it('not when the deleted file held no fairness evaluation', () => {
    expectNone(run(removed('eda.ipynb', notebook([setup, "df['sex'].value_counts()"]))), ID)
  })

  // an exercise that sets the groups up and leaves the metrics to the reader, or rates computed by hand for
  // "group 0" and "group 1": no evaluation the checks read, but the notebook says what it is for
  const exercise = notebook([
    "group_a = data_test.Ethnicity == 'Black'\ngroup_b = data_test.Ethnicity == 'White'\n# TODO compute the metrics",
    'tau0 = tau1 = 0.0\npr_p0 = prob_get_loan(scores, freq_p0, tau0)\npr_p1 = prob_get_loan(scores, freq_p1, tau1)'
  ])

  it('a notebook named for fairness work, deleted, blocks though its evaluation is written by hand', () => {
    for (const path of ['course/Practice_3_Evaluate_fairness_metrics.ipynb', 'Chap21/21_1_Bias_Mitigation.ipynb']) {
      const f = expectOne(run(removed(path, exercise)), ID, bias(path, null))
      expect(f.evidence).toMatch(/deleted with its fairness work/)
    }
  })

  it('not when the change adds its replacement, or moves it', () => {
    const old = 'course/Practice_3_fairness_with_aif360.ipynb'
    const replacement = added('course/Practice_3_with_holisticai.ipynb', notebook(['import holisticai', 'x = 1']))
    expectNone(run(removed(old, exercise), replacement), ID)
    expectNone(run(removed(old, exercise), added('archive/Practice_3_fairness_with_aif360.ipynb', exercise)), ID)
    // renamed to a name that no longer says it, its code kept
    expectNone(run(removed(old, exercise), added('course/Practice_3_face_detection.ipynb', exercise)), ID)
    const other = added('course/Practice_4_face_detection.ipynb', notebook(['model.fit(X, y)', 'print(1)']))
    expectOne(run(removed(old, exercise), other), ID, bias(old, null))
  })

  it('not for a notebook whose name speaks of another bias', () => {
    expectNone(run(removed('notebooks/bias_variance_tradeoff.ipynb', exercise)), ID)
  })
})

describe('fairness evaluation: what must not fire', () => {
  it('the evaluation reformatted, its cell moved, its prediction variable renamed', () => {
    const before = notebook([setup, bySex, 'print(mf_sex.by_group)'])
    const after = notebook([
      'print(mf_sex.by_group)',
      setup.replace('y_pred =', 'preds ='),
      bySex.replace('y_pred=y_pred', 'y_pred=preds').replace('\n                     ', ' ')
    ])
    expectNone(run(modified('r.ipynb', before, after)), ID)
  })

  it('a per-group evaluation added, a plain metric removed', () => {
    const before = notebook([setup, 'print(accuracy_score(y_test, y_pred))'])
    const after = notebook([setup, bySex])
    expectNone(run(modified('a.ipynb', before, after)), ID)
  })

  it('LoRA bias settings and unrelated config keys', () => {
    expectNone(run(modified('lora.yaml', 'lora_r: 8\nbias: none\naudit_log: true\n', 'lora_r: 8\n')), ID)
  })
})

describe('fairness evaluation refactored, not removed', () => {
  it('parity metrics moved into a helper module of the same change, called with other variable names', () => {
    const cell =
      'dp = demographic_parity_difference(y_test, y_pred, sensitive_features=sf_test)\neo = equalized_odds_difference(y_test, y_pred, sensitive_features=sf_test)'
    const helper = [
      'from fairlearn.metrics import demographic_parity_difference, equalized_odds_difference',
      'def baseline(y_true, y_pred, sensitive_features):',
      '    return {',
      "        'dp': demographic_parity_difference(y_true, y_pred, sensitive_features=sensitive_features),",
      "        'eo': equalized_odds_difference(y_true, y_pred, sensitive_features=sensitive_features),",
      '    }',
      ''
    ].join('\n')
    const found = run(
      modified(
        'nb/fair.ipynb',
        notebook([cell]),
        notebook(['from fairness_baseline import baseline\nplain = baseline(y_test, y_pred, sf_test)'])
      ),
      added('nb/fairness_baseline.py', helper)
    )
    expectNone(found, ID)
  })

  it('an audit config whose reference groups turn from a list into a mapping, or whose empty list gets a value', () => {
    const list = "bias_audit_config:\n  ref_groups:\n    - 'race': 'w'\n    - 'sex': 'm'\n  percentiles: []\n"
    const mapping = "bias_audit_config:\n  ref_groups:\n    'race': 'w'\n    'sex': 'm'\n  percentiles: [1]\n"
    const found = run(modified('experiment.yaml', list, mapping))
    expectNone(found, ID)
    expectNone(found, 'RAI-PRIVILEGED-GROUPS-CHANGED')
  })
})

describe('audited attributes narrowed upstream of the evaluation', () => {
  it('the sensitive-feature selection loses race before the split that feeds the dashboard', () => {
    const cell = (cols: string) =>
      [
        `A = X_raw[[${cols}]]`,
        'X_train, X_test, y_train, y_test, A_train, A_test = train_test_split(X, y, A, random_state=0)',
        'FairnessDashboard(sensitive_features=A_test, y_true=y_test, y_pred={"lr": clf.predict(X_test)})'
      ].join('\n')
    const found = run(modified('dash.ipynb', notebook([cell("'sex', 'race'")]), notebook([cell("'sex'")])))
    expect(withId(found, ID)).toHaveLength(1)
  })
})
