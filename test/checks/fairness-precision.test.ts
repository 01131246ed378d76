// What does not reduce a fairness evaluation: labels, displays, a split switch, a new notebook's baseline.
import { describe, expect, it } from 'vitest'
import { added, expectNone, lineOf, modified, notebook, run, withId } from './helpers.js'

const COVER = 'RAI-FAIRNESS-COVERAGE-NARROWED'
const PROTECTED = 'RAI-PROTECTED-ATTRIBUTE'

describe('changes that keep the fairness evaluation', () => {
  it('an evaluator id or a step label removed covers the same; the evaluator removed does not', () => {
    const lens = (extra: string) =>
      `lens = Lens(model=credo_model, assessment_data=credo_data)\nlens.add(ModelFairness(metrics=metrics)${extra})\nlens.add(Performance(metrics=metrics))\nlens.run()`
    const base = notebook(['metrics = ["precision_score", "demographic_parity_ratio"]', lens(", id='MyModelFairness'")])
    expectNone(
      run(modified('q.ipynb', base, notebook(['metrics = ["precision_score", "demographic_parity_ratio"]', lens('')]))),
      COVER
    )
    const steps = (a: string) =>
      `pipeline = [\n    ${a},\n    (Performance(metrics)),\n]\nlens = Lens(model=credo_model, assessment_data=credo_data, pipeline=pipeline)`
    expectNone(
      run(
        modified(
          'q.ipynb',
          notebook([steps('(ModelFairness(metrics), "MyModelFairness")')]),
          notebook([steps('(ModelFairness(metrics))')])
        )
      ),
      COVER
    )
    // dropping the evaluator itself blocks
    const gone = notebook([
      'metrics = ["precision_score", "demographic_parity_ratio"]',
      lens('').replace('lens.add(ModelFairness(metrics=metrics))\n', '')
    ])
    expect(run(modified('q.ipynb', base, gone)).filter((f) => f.bias)).not.toHaveLength(0)
  })

  it('a display cell or a savefig removed while the metric is still computed and saved', () => {
    const compute = `mf = MetricFrame(metrics=recall_score, y_true=y_test, y_pred=y_pred, sensitive_features=A_test)\nmf.by_group.to_pickle('results/recall_by_group.pkl')`
    const before = notebook([
      compute,
      'mf.by_group',
      'g = mf.by_group.plot.bar()\ng.figure.savefig("IMG/recall_by_group.png", dpi=300)'
    ])
    const after = notebook([compute, 'g = mf.by_group.plot.bar()\ng.set_ylabel("recall")'])
    expectNone(run(modified('f.ipynb', before, after)), COVER)
    // the metric computation itself removed is reported
    const noMetric = notebook([
      'mf = None',
      'mf.by_group',
      'g = mf.by_group.plot.bar()\ng.figure.savefig("IMG/recall_by_group.png", dpi=300)'
    ])
    expect(
      withId(run(modified('f.ipynb', before, noMetric)), COVER).length +
        withId(run(modified('f.ipynb', before, noMetric)), 'RAI-FAIRNESS-METRIC-REMOVED').length
    ).toBeGreaterThan(0)
  })

  it('a plot restricted to one model is a new frame, not a group list narrowed in place', () => {
    const plot = (q: string) =>
      `g = (\n    experiment_results\n    .query("${q}")\n    .pipe(sns.FacetGrid, row="protected_class", col="metric")\n)\ng.map(sns.pointplot, "mean_diff")`
    const before = notebook([plot("fold_type == 'test'")])
    const after = notebook([plot("fold_type == 'test' and estimator == 'LogisticRegression'")])
    expectNone(run(modified('p.ipynb', before, after)), COVER)
    // a group list that drops from itself is still narrowed in place
    const groups = (extra: string) =>
      `protected_classes = ["female", "foreign_worker", "age_below_25"]${extra}\nresults = {c: mean_difference(y_pred, X[c]) for c in protected_classes}`
    const shrunk = notebook([groups('\nprotected_classes = protected_classes[:1]')])
    expect(withId(run(modified('p.ipynb', notebook([groups('')]), shrunk)), COVER)).toHaveLength(1)
  })

  it('sensitive features switched to the test split are the same attributes; dropped they are not', () => {
    const mf = (a: string) =>
      `mf = MetricFrame(metrics=accuracy_score, y_true=y_test, y_pred=y_pred, sensitive_features=${a})`
    expectNone(
      run(modified('s.ipynb', notebook([mf('sensitive_features')]), notebook([mf('sensitive_features_test')]))),
      COVER
    )
    const none = `mf = MetricFrame(metrics=accuracy_score, y_true=y_test, y_pred=y_pred)`
    expect(
      run(modified('s.ipynb', notebook([mf('sensitive_features')]), notebook([none]))).filter((f) => f.bias)
    ).not.toHaveLength(0)
  })
})

describe('a protected attribute in a fairness-unaware baseline', () => {
  const baseline = `X = credit_df[["age_in_years", "personal_status_and_sex_female", "duration_in_month"]]\nbaseline_clf = LogisticRegression()\nbaseline_clf.fit(X, y)\ny_pred = baseline_clf.predict(X_test)`
  it('a new notebook that measures the bias of that baseline is not blocked', () => {
    const nb = notebook([baseline, `print(mean_difference(y_pred, X_test["personal_status_and_sex_female"]))`])
    expectNone(run(added('tutorial.ipynb', nb)), PROTECTED)
  })
  it('a new notebook that only trains on the attribute is blocked', () => {
    const nb = notebook([baseline, 'print(accuracy_score(y_test, y_pred))'])
    const f = withId(run(added('train.ipynb', nb)), PROTECTED)
    expect(f.length).toBeGreaterThan(0)
    expect(f[0].line).toBeGreaterThanOrEqual(lineOf(nb, 'age_in_years') - 5)
  })
})
