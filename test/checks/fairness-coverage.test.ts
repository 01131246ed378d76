// The general bias layer on code written the ways real notebooks and configs write it: fairness coverage taken
// away or narrowed whatever the library, and protected attributes reaching the model by any route.
import { describe, expect, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run, withId } from './helpers.js'
import type { ChangedFile } from '../../src/types.js'

const COVER = 'RAI-FAIRNESS-COVERAGE-NARROWED'
const INPUT = 'RAI-PROTECTED-INPUT'
const bias = (path: string, line: number | null) => ({ status: 'fail' as const, bias: true, path, line })
const biasFindings = (files: ChangedFile[]) => run(...files).filter((f) => f.bias)

describe('fairness coverage removed or narrowed', () => {
  it('two named groups generalised to a loop over every value of the column cover the same; the evaluation after it still counts', () => {
    const before = notebook([
      "col = 'race'\nwhite_df = df[df[col] == 'White'].copy()\nblack_df = df[df[col] == 'Black'].copy()",
      "white_pp = white_df.head(k['White'])\nblack_pp = black_df.head(k['Black'])",
      'new_pp = pd.concat([white_pp, black_pp], axis=0)\nprint(recall_by_group(new_pp, col))'
    ])
    const loop = (groups: string, report = '\nprint(recall_by_group(new_pp, col))') =>
      notebook([
        `col = 'race'\ngroups = ${groups}\nsub_dfs = {}\nfor grp in groups:\n    sub_dfs[grp] = df[df[col] == grp].copy()`,
        'pp_dfs = []\nfor grp in groups:\n    pp_dfs.append(sub_dfs[grp].head(k[grp]))',
        `new_pp = pd.concat(pp_dfs, axis=0)${report}`
      ])
    expectNone(run(modified('recall.ipynb', before, loop('df[col].unique()'))), COVER)
    // the loop does not excuse the per-group evaluation taken away after it
    const dropped = loop('df[col].unique()', '\nprint(new_pp.shape)')
    expect(biasFindings([modified('recall.ipynb', before, dropped)]).length).toBeGreaterThan(0)
  })

  it('fairness metrics named as phrases dropped from the list the analysis keeps', () => {
    const cell = (names: string) =>
      `sims = sims[sims["Metric"].apply(lambda x: x in [${names}])]\nprint(sims.groupby("Metric").mean())`
    const all = "'Average Odds', 'Equal Opportunity', 'Predictive Equality', 'Statistical Parity'"
    const before = notebook([cell(all)])
    const after = notebook([cell("'Average Odds', 'Statistical Parity'")])
    const f = expectOne(run(modified('sim.ipynb', before, after)), COVER, bias('sim.ipynb', lineOf(after, 'sims = ')))
    expect(f.evidence.toLowerCase()).toContain('equal opportunity')
    // the same metrics in another order cover the same
    const reordered = notebook([
      cell("'Statistical Parity', 'Average Odds', 'Predictive Equality', 'Equal Opportunity'")
    ])
    expectNone(run(modified('sim.ipynb', before, reordered)), COVER)
  })
  it('a fairness entry cut from a scoring dict inside a function, where it stood', () => {
    const cell = (extra: string) =>
      `def get_metrics(estimator):\n    scores = cross_validate(estimator, X, y, cv=fair_cv, scoring={\n${extra}        "balanced accuracy": bal_scorer})\n    return scores`
    const before = notebook(['import lale', cell('        "disparate impact": di_scorer,\n')])
    const after = notebook(['import lale', cell('')])
    const f = expectOne(
      run(modified('b.ipynb', before, after)),
      COVER,
      bias('b.ipynb', lineOf(after, 'balanced accuracy'))
    )
    expect(f.evidence).toContain('disparate')
    // the same dict with its entries reordered covers the same
    const reordered = notebook([
      'import lale',
      `def get_metrics(estimator):\n    scores = cross_validate(estimator, X, y, cv=fair_cv, scoring={\n        "balanced accuracy": bal_scorer,\n        "disparate impact": di_scorer})\n    return scores`
    ])
    expectNone(run(modified('b.ipynb', before, reordered)), COVER)
  })

  it('a mitigation taken out of a pipeline by its variable, and a mitigation switched off', () => {
    const cell = (pipe: string) =>
      `di_remover = DisparateImpactRemover(**fairness_info, preparation=prep)\nplanned = ${pipe} >> (LR | Tree)\nplanned.visualize()`
    const before = notebook([cell('di_remover')])
    const after = notebook([cell('prep')])
    expectOne(run(modified('m.ipynb', before, after)), COVER, bias('m.ipynb', lineOf(after, 'planned = prep')))
    const off = (v: string) => `mitigator = AdversarialDebiasing(features_dim=10, use_debias=${v}, seed=42)`
    // one blocking item (a library-aware check may be the one that names it)
    expect(biasFindings([modified('a.ipynb', notebook([off('True')]), notebook([off('False')]))])).toHaveLength(1)
    // only the seed changed: not a narrowing
    const seeded = notebook([off('True').replace('seed=42', 'seed=7')])
    expectNone(run(modified('a.ipynb', notebook([off('True')]), seeded)), COVER)
  })

  it('a restriction or a looser tolerance added to a fairness call, and swapped group arguments', () => {
    const scan = (extra: string) => `results = scan(giskard_model, giskard_dataset${extra})\ndisplay(results)`
    const after = notebook(['from giskard import scan', scan(', only=["performance"]')])
    expectOne(
      run(modified('g.ipynb', notebook(['from giskard import scan', scan('')]), after)),
      COVER,
      bias('g.ipynb', lineOf(after, 'scan('))
    )
    const eg = (extra: string) => `mitigator = ExponentiatedGradientReduction(constraints="DemographicParity"${extra})`
    expect(withId(run(modified('e.ipynb', notebook([eg('')]), notebook([eg(', eps=0.5')]))), COVER)).toHaveLength(1)
    // an explicit bound equal to the tolerance the call already states restates it
    const both = (b: string) => `mitigator = ExponentiatedGradient(est, constraints=DemographicParity(${b}), eps=0.01)`
    expectNone(run(modified('e.ipynb', notebook([both('')]), notebook([both('difference_bound=0.01')]))), COVER)
    // a cosmetic keyword is not a restriction
    // nor is a plot's look taken away from a per-group plot
    const kde = (extra: string) =>
      notebook([
        `sns.kdeplot(test[test['sex'] == 'Female']['pred'], label='Female'${extra})\nsns.kdeplot(test[test['sex'] == 'Male']['pred'], label='Male'${extra})`
      ])
    expectNone(run(modified('k.ipynb', kde(', shade=True, bw_adjust=0.5'), kde(''))), COVER)
    expectNone(run(modified('e.ipynb', notebook([eg('')]), notebook([eg(', verbose=True')]))), COVER)
    const m = (a: string, b: string) => `metrics['model'] = classification_bias_metrics(${a}, ${b}, y_pred, y_true)`
    const swapped = notebook([m("test['group_b']", "test['group_a']")])
    expect(
      withId(run(modified('s.ipynb', notebook([m("test['group_a']", "test['group_b']")]), swapped)), COVER)
    ).toHaveLength(1)
  })

  it("a testing library's scan is an audit; its model and dataset wrappers and its hub client are not", () => {
    const setup =
      "import giskard\ngiskard_model = giskard.Model(model=clf, model_type='classification', feature_names=cols)"
    const scan = (line: string) => notebook([setup, line, 'display(report)'])
    // the scan narrowed to one detector, and the scan taken out, block
    const narrowed = scan("report = giskard.scan(giskard_model, giskard_dataset, only=['performance'])")
    const full = scan('report = giskard.scan(giskard_model, giskard_dataset)')
    expectOne(run(modified('s.ipynb', full, narrowed)), COVER, bias('s.ipynb', lineOf(narrowed, 'giskard.scan(')))
    const commented = scan('# report = giskard.scan(giskard_model, giskard_dataset)')
    expect(biasFindings([modified('s.ipynb', full, commented)]).length).toBeGreaterThan(0)
    // an alias of the library is the same scan
    const aliased = (extra: string) =>
      notebook(['import giskard as gsk', `report = gsk.scan(wrapped, ds${extra})`, 'display(report)'])
    expect(withId(run(modified('a.ipynb', aliased(''), aliased(', only=["robustness"]'))), COVER)).toHaveLength(1)
    // a column renamed in the dataset wrapper, or the hub client moved to another address, covers the same
    const wrap = (target: string) =>
      notebook([
        setup,
        `giskard_dataset = giskard.Dataset(df=test_df, target='${target}', name='titanic')`,
        'report = giskard.scan(giskard_model, giskard_dataset)'
      ])
    expectNone(run(modified('w.ipynb', wrap('Survived'), wrap('survived'))), COVER)
    const hub = (url: string) =>
      notebook([
        'from giskard import GiskardClient',
        `client = GiskardClient(url="${url}", key=api_key)`,
        'client.create_project("credit")'
      ])
    expectNone(run(modified('h.ipynb', hub('http://localhost:19000'), hub('https://hub.example.org'))), COVER)
  })

  it('a fairness list shrunk in place by an added statement', () => {
    const base = 'X, y, fairness_info = fetch_creditg_df()\nfairness_info'
    const after = notebook([
      'X, y, fairness_info = fetch_creditg_df()\nfairness_info["protected_attributes"] = [\n    pa for pa in fairness_info["protected_attributes"] if pa["feature"] != "age"]\nfairness_info'
    ])
    expectOne(run(modified('f.ipynb', notebook([base]), after)), COVER, bias('f.ipynb', lineOf(after, '] = [')))
    // printing it is not narrowing it
    expectNone(run(modified('f.ipynb', notebook([base]), notebook([`${base}\nprint(fairness_info)`]))), COVER)
  })

  it('a per-group breakdown of a metric by a protected attribute removed, whatever it is called', () => {
    const before = notebook(['df = load()', "df.groupby('race')['pred'].mean().plot.bar()", 'df.head()'])
    const after = notebook(['df = load()', 'df.head()'])
    expect(withId(run(modified('p.ipynb', before, after)), COVER)).toHaveLength(1)
    // a plain groupby by a non-protected column is not fairness
    const plain = notebook(['df = load()', "df.groupby('region')['pred'].mean().plot.bar()", 'df.head()'])
    expectNone(run(modified('p.ipynb', plain, after)), COVER)
  })

  it('a cell moved to another place, or into another changed file, is not a removal', () => {
    const audit = 'mf = MetricFrame(metrics=selection_rate, y_true=y, y_pred=p, sensitive_features=df["sex"])'
    const before = notebook(['df = load()', audit, 'print(mf.by_group)', 'done = True'])
    const moved = notebook(['df = load()', 'done = True', audit, 'print(mf.by_group)'])
    expectNone(run(modified('a.ipynb', before, moved)), COVER)
    const elsewhere: ChangedFile = {
      path: 'audit.ipynb',
      status: 'added',
      before: null,
      after: notebook([audit, 'print(mf.by_group)'])
    }
    expectNone(run(modified('a.ipynb', before, notebook(['df = load()', 'done = True'])), elsewhere), COVER)
    // an unused import removed computes nothing
    const imp = 'from fairlearn.metrics import MetricFrame\nimport pandas as pd'
    expectNone(run(modified('i.ipynb', notebook([imp, 'x = 1']), notebook(['import pandas as pd', 'x = 1']))), COVER)
  })

  it('a fairness object renamed, or the text of a print about it edited, covers the same', () => {
    const cell = (name: string, label: string) =>
      `${name} = MetricFrame(metrics=selection_rate, y_true=y, y_pred=p, sensitive_features=df["sex"])\nprint("${label}", ${name}.difference())`
    const before = notebook([cell('mf', 'Disparity in selection rate:')])
    expectNone(
      run(modified('r.ipynb', before, notebook([cell('metric_frame', 'Disparity in selection rate:')]))),
      COVER
    )
    expectNone(run(modified('r.ipynb', before, notebook([cell('mf', 'Gap:')]))), COVER)
    const header = notebook(['print("Fairness metrics by group:")', 'x = 1'])
    expectNone(run(modified('r.ipynb', header, notebook(['x = 1']))), COVER)
  })

  it('scores handed to a fairness dataset, renamed to a name that does not say what they are, cover the same', () => {
    const sds =
      "val_sds = StandardDataset(val, label_name='employed', favorable_classes=[1], protected_attribute_names=['race_white'], privileged_classes=[[1]])"
    const cell = (name: string) =>
      `${name} = baseline_model.predict_proba(val.drop('employed', axis=1))[:, 1]\nval_sds_pred = val_sds.copy(deepcopy=True)\nval_sds_pred.scores = ${name}.reshape(-1, 1)`
    const before = notebook(['from aif360.datasets import StandardDataset', sds, cell('bl_val_scores')])
    expectNone(
      run(
        modified(
          'k.ipynb',
          before,
          notebook(['from aif360.datasets import StandardDataset', sds, cell('bl_val_probs')])
        )
      ),
      COVER
    )
    // the new name computed another way holds other scores
    const other = cell('bl_val_probs').replace("predict_proba(val.drop('employed', axis=1))[:, 1]", 'predict(val)')
    expect(
      withId(
        run(modified('k.ipynb', before, notebook(['from aif360.datasets import StandardDataset', sds, other]))),
        COVER
      )
    ).toHaveLength(1)
  })

  it("an imbalance analysis by a protected feature taken out of a data analyzer's parameters blocks", () => {
    const params = (entries: string[]) =>
      `explanations = explainer.explain_global(\n    params={${entries.join(',\n            ')}}\n)`
    const kept = [
      '"imbalance#3": {"features": ["Marital Status", "Age"]}',
      '"imbalance#4": {"features": ["Workclass"]}'
    ]
    const before = notebook([params(['"imbalance#0": {"features": ["Sex"]}', ...kept])])
    const after = notebook([params(kept)])
    const f = expectOne(run(modified('d.ipynb', before, after)), COVER, bias('d.ipynb', lineOf(after, 'params={')))
    expect(f.evidence).toContain('sex')
    // an analyzer of plain features only is no fairness analysis
    const plain = (entries: string[]) => notebook([params(entries)])
    const workclass = '"imbalance#4": {"features": ["Workclass"]}'
    expectNone(
      run(modified('d.ipynb', plain(['"imbalance#0": {"features": ["Education"]}', workclass]), plain([workclass]))),
      COVER
    )
  })

  it('a slice of a protected group taken out of the list handed to SliceSpec blocks; a plain slice is apart', () => {
    const spec = (extra: string) =>
      `spec_list = [\n    {"age": {"min_value": 30, "max_value": 50}},\n    {"gender": {"value": "M"}},${extra}\n]\nslice_spec = SliceSpec(spec_list)`
    const before = notebook([spec('\n    {"gender": {"value": "F"}},')])
    const found = withId(run(modified('s.ipynb', before, notebook([spec('')]))), COVER)
    expect(found.map((f) => [f.status, f.bias])).toEqual([['fail', true]])
    expect(found[0].evidence).toContain('gender')
    const plain = (extra: string) =>
      `spec_list = [\n    {"admission_type": {"value": "urgent"}},${extra}\n]\nslice_spec = SliceSpec(spec_list)`
    expectNone(
      run(modified('s.ipynb', notebook([plain('\n    {"ward": {"value": "icu"}},')]), notebook([plain('')]))),
      COVER
    )
  })

  it('a result nothing read removed narrows nothing; one that is read, or a plot made on the way, does', () => {
    const cells = (extra: string, read = '') => [
      `${extra}rates = df_test.groupby("sex")["pred"].mean()\nprint(rates)${read}`
    ]
    const unused = 'rates_race = df_test.groupby("race")["pred"].mean()\n'
    const removedFrom = (before: string[], after: string[]) =>
      biasFindings([modified('d.ipynb', notebook(before), notebook(after))])
    expect(removedFrom(cells(unused), cells(''))).toEqual([])
    const read = '\nprint(rates_race)'
    expect(removedFrom(cells(unused, read), cells(''))).not.toHaveLength(0)
    const pre = "protected = ['ethnicity', 'gender', 'age']"
    const plotted = '_ = [xai.roc_plot(y_test, probs, df=x_test, cross_cols=[p]) for p in protected]'
    expect(removedFrom([pre, plotted, 'x = 1'], [pre, 'x = 1'])).not.toHaveLength(0)
  })

  it('a timeout added to a fairness job narrows nothing', () => {
    const job = (kw: string) =>
      `fairness_metrics = compute_metrics_as_job(spark_df, configuration${kw})\nprint(fairness_metrics)`
    expectNone(run(modified('j.ipynb', notebook([job('')]), notebook([job(', timeout=600')]))), COVER)
  })

  describe('identity groups listed by hand in a notebook that measures bias', () => {
    const list = (extra: string) =>
      `identity_terms = ['male', 'female', 'christian', 'muslim'${extra}, 'physical_disability']`
    const metrics =
      "bias_metrics = model_bias_analysis.compute_bias_metrics_for_models(df, identity_terms, ['Rock:TOXICITY'], 'Label')"
    const perGroup =
      'def print_percent_toxic(df, identity):\n    print(len(df.query(identity + " == True")))\n\nfor identity in identity_terms:\n    print_percent_toxic(df, identity)'
    const prep = 'for identity in identity_terms:\n    convert_to_bool_column(df, identity, identity)'
    it('groups taken out of the list block', () => {
      const before = notebook([list(", 'black', 'white', 'asian'"), prep, metrics])
      const after = notebook([list(''), prep, metrics])
      const f = expectOne(
        run(modified('b.ipynb', before, after)),
        COVER,
        bias('b.ipynb', lineOf(after, 'identity_terms = ['))
      )
      expect(f.evidence).toContain('black')
    })
    it('the loop reporting each group taken out blocks, though a loop over the list preparing the data stays', () => {
      const before = notebook([list(''), prep, metrics, perGroup])
      const found = withId(
        run(modified('b.ipynb', before, notebook([list(''), prep, metrics, perGroup.split('\n\n')[0]]))),
        COVER
      )
      expect(found.map((f) => [f.status, f.bias])).toEqual([['fail', true]])
      expect(found[0].evidence).toContain('print_percent_toxic')
    })
    it('not in a notebook that measures no bias, nor for groups added', () => {
      expectNone(run(modified('b.ipynb', notebook([list(", 'black'"), prep]), notebook([list(''), prep]))), COVER)
      expectNone(
        run(modified('b.ipynb', notebook([list(''), prep, metrics]), notebook([list(", 'black'"), prep, metrics]))),
        COVER
      )
    })
    it('a sexuality list dropped from the intersectional subgroups blocks', () => {
      const cell = (third: string) =>
        `intersectional = add_intersectional_subgroup_columns(madlibs, ethnicity_terms, ${third})\nresults = compute_bias_metrics_for_models(madlibs, intersectional, models, 'label')`
      const after = notebook([cell('gender_terms')])
      const f = expectOne(
        run(modified('m.ipynb', notebook([cell('gender_terms + sexuality_terms')]), after)),
        COVER,
        bias('m.ipynb', lineOf(after, 'intersectional ='))
      )
      expect(f.evidence).toContain('sexuality_terms')
    })
  })

  it('a path or a sentence that names a fairness library is not fairness code', () => {
    const before = notebook(['import sys\nsys.path.insert(0, "../holisticai/src")', 'x = 1'])
    expectNone(run(modified('p.ipynb', before, notebook(['x = 1']))), COVER)
    const f = (s: string) => `print(f"train data shape: {X.shape}")\nprint(${s})`
    expectNone(run(modified('p.ipynb', notebook([f('"a"')]), notebook([f('"b"')]))), COVER)
  })

  it('a benchmark task of a bias suite removed from an eval config, with its options, and an option of it', () => {
    const tasks = (bbq: string) =>
      `icl_tasks:\n-\n  label: arc_easy\n  dataset_uri: eval/arc.jsonl\n  has_categories: true\n-\n  label: bbq\n  dataset_uri: eval/bbq.jsonl\n${bbq}`
    const before = tasks('  num_fewshot: [3]\n  has_categories: true\n')
    const f = expectOne(
      run(modified('tasks.yaml', before, tasks('  num_fewshot: [3]\n'))),
      COVER,
      bias('tasks.yaml', 10)
    )
    expect(f.evidence).toContain('has_categories')
    const removed = `icl_tasks:\n-\n  label: arc_easy\n  dataset_uri: eval/arc.jsonl\n  has_categories: true\n`
    expect(withId(run(modified('tasks.yaml', before, removed)), COVER)).toHaveLength(1)
    // a change to another task, or reordered keys, does not touch the bias task
    expectNone(run(modified('tasks.yaml', before, before.replace('arc.jsonl', 'arc_v2.jsonl'))), COVER)
    const reordered = before.replace(
      '  num_fewshot: [3]\n  has_categories: true\n',
      '  has_categories: true\n  num_fewshot: [3]\n'
    )
    expectNone(run(modified('tasks.yaml', before, reordered)), COVER)
  })

  it('a tuning knob of a fairness method changed in its config is not a narrowing; its constraint is', () => {
    const cfg = (lr: string, c: string) =>
      `fairgbm:\n  args:\n    multiplier_learning_rate: ${lr}\n    constraint_type: ${c}\n    n_jobs: 1\n`
    expectNone(run(modified('fairgbm.yaml', cfg('0.01', 'FPR'), cfg('0.001', 'FPR'))), COVER)
    const audit = (cols: string) => `bias_audit_config:\n  attribute_columns: [${cols}]\n`
    expect(biasFindings([modified('exp.yaml', audit("'race', 'sex'"), audit("'sex'"))])).toHaveLength(1)
  })

  it('a bias benchmark read from another location covers what it did; another benchmark in its place does not', () => {
    const task = (name: string, path: string) =>
      `task: ${name}\ndataset_path: ${path}\ndataset_name: english\ntest_split: test\n`
    const before = task('crows_pairs_english', 'BigScienceBiasEval/crows_pairs_multilingual')
    const moved = task('crows_pairs_english', 'mirror/crows_pairs_multilingual')
    expectNone(run(modified('crows.yaml', before, moved)), COVER)
    const other = task('lambada_english', 'BigScienceBiasEval/crows_pairs_multilingual')
    expect(withId(run(modified('crows.yaml', before, other)), COVER)).toHaveLength(1)
  })

  it('a deleted config that held a bias benchmark blocks as deleting its lines does', () => {
    const text = 'icl_tasks:\n-\n  label: winogender_mc_male\n  num_fewshot: [0]\n'
    const found = biasFindings([{ path: 'safety.yaml', status: 'removed', before: text, after: null }])
    expect(found.map((f) => [f.check, f.line])).toEqual([[COVER, null]])
  })

  it('a config head that does not parse still shows the fairness entries it lost', () => {
    const before =
      'scoring:\n  subsets:\n    -\n      name: women\n      query: select id from demographics where gender = 1\n  metrics: [accuracy]\n'
    const after = 'scoring:\n  metrics: [accuracy]\n      query: where\n'
    const found = withId(run(modified('exp.yaml', before, after)), COVER)
    expect(found).toHaveLength(1)
    expect(found[0].evidence).toContain('women')
  })
})

describe('protected attributes reaching the model by any route', () => {
  it('a proxy column assigned into the training features, at the assignment', () => {
    const before = notebook(["train = data['train']\nmodel.fit(scaler.fit_transform(train['X']), train['y'])"])
    const after = notebook([
      "train = data['train']\ntrain['X']['is_female'] = train['group_a'].astype(int)\nmodel.fit(scaler.fit_transform(train['X']), train['y'])"
    ])
    // one blocking item at the assignment (a library-aware check may be the one that names it)
    const found = biasFindings([modified('t.ipynb', before, after)])
    expect(found.map((f) => f.line)).toEqual([lineOf(after, "train['X']['is_female']")])
    // the same group kept as a label for the evaluation is fine
    const label = notebook([
      "train = data['train']\nmodel.fit(scaler.fit_transform(train['X']), train['y'])\nmf = MetricFrame(metrics=accuracy_score, y_true=y, y_pred=p, sensitive_features=train['group_a'])"
    ])
    expectNone(run(modified('t.ipynb', before, label)), INPUT)
  })

  it('a column appended inline with assign, and a derived flag listed as a feature', () => {
    const fit = (x: string) => `X_train = scaler.fit_transform(${x})\nmodel.fit(X_train, y)`
    const after = notebook([fit("train['X'].assign(is_male=train['group_a'].astype(int))")])
    const inline = biasFindings([modified('a.ipynb', notebook([fit("train['X']")]), after)])
    expect(inline.map((f) => f.line)).toEqual([lineOf(after, 'assign')])
    const feats = (extra: string) => `NUMERICAL_FEATURES = [\n    "age_band",\n    "hours",\n${extra}]`
    const prep = (extra: string) => `def prep(df):\n    df = df.dropna()\n${extra}    return df.drop(columns=DROP)`
    const derived = '    df["is_married"] = df["marital-status"].str.startswith("Married").astype(int)\n'
    const head = notebook([feats('    "is_married",\n'), prep(derived)])
    const found = expectOne(
      run(modified('w.ipynb', notebook([feats(''), prep('')]), head)),
      INPUT,
      bias('w.ipynb', lineOf(head, 'startswith'))
    )
    expect(found.evidence).toContain('marital')
  })

  it('a protected column taken off the drop list and encoded as a feature: one item', () => {
    const cell = (drop: string, cat: string) => `DROP_FEATURES = [${drop}]\n\nCATEGORICAL_FEATURES = [${cat}]`
    const after = notebook([cell('"education"', '"workclass", "native-country"')])
    const found = biasFindings([
      modified('w.ipynb', notebook([cell('"education", "native-country"', '"workclass"')]), after)
    ])
    expect(found.map((f) => [f.check, f.line])).toEqual([[INPUT, lineOf(after, 'CATEGORICAL')]])
  })

  it('a group label split out for the evaluation, a comparison that excludes, and an unchanged feature list do not fire', () => {
    const before = notebook(['X = df[FEATURES]\ny = df["label"]'])
    const after = notebook([
      'X = df[FEATURES]\ny = df["label"]\nX_test_sex = df["sex"]\nfeatures = [c for c in df.columns if c != "race"]'
    ])
    expectNone(run(modified('l.ipynb', before, after)), INPUT)
    const same = notebook(['X = df[["age", "income"]]\ny = df["label"]'])
    expectNone(
      run(modified('l.ipynb', same, notebook(['X = df[["age", "income"]]\ny = df["label"]\nprint(X.shape)']))),
      INPUT
    )
  })
})
