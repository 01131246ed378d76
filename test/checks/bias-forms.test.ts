// Bias regressions in the forms real notebooks and configs take beyond the plain ones of bias-kinds: a parity
// constraint's search range in a sweep config, a mitigation's loss weight turned down, fairness measured on the
// training split; each beside the harmless change of the same text that must not block.
import { describe, expect, it } from 'vitest'
import { lineOf, modified, notebook, run } from './helpers.js'
import type { ChangedFile, Finding } from '../../src/types.js'

const blocking = (files: ChangedFile[]): Finding[] => run(...files).filter((f) => f.bias && f.status === 'fail')

function expectBlocked(files: ChangedFile[], at: string | number, check?: string): void {
  const found = blocking(files)
  const line = typeof at === 'string' ? lineOf(files[0].after ?? '', at) : at
  expect(
    found.filter((f) => check === undefined || f.check === check).map((f) => f.line),
    JSON.stringify(found, null, 1)
  ).toContain(line)
}
function expectClean(files: ChangedFile[]): void {
  const found = blocking(files)
  expect(found, JSON.stringify(found, null, 1)).toEqual([])
}
const nb = (before: string[], after: string[], path = 'audit.ipynb'): ChangedFile =>
  modified(path, notebook(before), notebook(after))

describe('a fairness constraint searched over a range', () => {
  const sweep = (lo: string, hi: string) =>
    [
      'expgrad:',
      '  reduction: fairlearn.reductions.ExponentiatedGradient',
      '  constraint: fairlearn.reductions.EqualizedOdds',
      '  eps:',
      '    type: float',
      `    range: [${lo}, ${hi}]`,
      '  max_iter:',
      '    type: int',
      '    range: [10, 50]',
      ''
    ].join('\n')
  it('the range of eps raised lets more violation pass; narrowed to stricter values is fine', () => {
    expectBlocked([modified('sweep.yaml', sweep('0.01', '0.1'), sweep('0.1', '1.0'))], 6)
    expectClean([modified('sweep.yaml', sweep('0.1', '1.0'), sweep('0.01', '0.1'))])
  })
  it('the iteration count searched is no fairness bound', () => {
    const a = sweep('0.01', '0.1')
    expectClean([modified('sweep.yaml', a, a.replace('[10, 50]', '[100, 500]'))])
  })
  it('low/high of a ratio floor lowered', () => {
    const cfg = (v: string) => `fairness:\n  ratio_bound:\n    low: ${v}\n    high: 0.95\n`
    expectBlocked([modified('search.yaml', cfg('0.8'), cfg('0.5'))], 3)
    expectClean([modified('search.yaml', cfg('0.5'), cfg('0.8'))])
  })
})

describe("a mitigation's loss weight turned down", () => {
  const mindiff = (w: string) => [
    'from tensorflow_model_remediation import min_diff',
    `min_diff_weight = ${w}`,
    'loss = min_diff.losses.MMDLoss()\nmodel = min_diff.keras.MinDiffModel(original_model, loss, min_diff_weight)'
  ]
  it('a MinDiff weight set to zero; raised is fine', () => {
    const after = notebook(mindiff('0.0'))
    expectBlocked([modified('m.ipynb', notebook(mindiff('1.5')), after)], lineOf(after, 'min_diff_weight ='))
    expectClean([nb(mindiff('1.5'), mindiff('3.0'))])
  })
  it('a keyword weight of a counterfactual model lowered', () => {
    const cell = (w: string) => [
      'from tensorflow_model_remediation import counterfactual',
      `cf_model = counterfactual.keras.CounterfactualModel(base, loss=counterfactual.losses.PairwiseMSELoss(), loss_weight=${w})`
    ]
    expectBlocked([nb(cell('1.0'), cell('0.1'))], 'cf_model =')
    expectClean([nb(cell('0.1'), cell('1.0'))])
  })
  it('a fairness weight in a training config lowered', () => {
    const cfg = (w: string) => `model:\n  hidden: 64\n  fairness_penalty_weight: ${w}\n  dropout: 0.1\n`
    expectBlocked([modified('train.yaml', cfg('0.5'), cfg('0'))], 3)
    expectClean([modified('train.yaml', cfg('0.5'), cfg('0.5').replace('dropout: 0.1', 'dropout: 0.2'))])
  })
  it('an ordinary weight or a weight in a file that never speaks of fairness is no mitigation', () => {
    expectClean([nb(['class_weight = 2.0\nclf.fit(X, y)'], ['class_weight = 1.0\nclf.fit(X, y)'])])
    expectClean([nb(['adversarial_weight = 0.5\ngan.train()'], ['adversarial_weight = 0.1\ngan.train()'])])
    const cfg = (w: string) => `features:\n  age:\n    weight: ${w}\n`
    expectClean([modified('f.yaml', cfg('1.0'), cfg('0.5'))])
  })
})

describe('fairness measured on the training split', () => {
  it('a disparate-impact scorer given the training split blocks; an accuracy scorer is a plain evaluation item', () => {
    const cell = (x: string, y: string, scorer: string) => [
      'train_X, test_X, train_y, test_y = train_test_split(X, y, test_size=0.3)\nfair = pipeline.fit(train_X, train_y)',
      `print(${scorer}(fair, ${x}, ${y}))`
    ]
    expectBlocked(
      [nb(cell('test_X', 'test_y', 'disparate_impact_scorer'), cell('train_X', 'train_y', 'disparate_impact_scorer'))],
      'print(',
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
    const acc = run(nb(cell('test_X', 'test_y', 'accuracy_scorer'), cell('train_X', 'train_y', 'accuracy_scorer')))
    expect(acc.map((f) => f.check)).toContain('EVAL-ON-TRAINING-DATA')
    expect(acc.filter((f) => f.bias)).toEqual([])
  })
  it('predictions on the training split fed to a bias-metrics call block', () => {
    const cells = (split: string) => [
      'X_train, X_test, y_train, y_test = train_test_split(X, y)\nmodel.fit(X_train, y_train)',
      `y_pred = model.predict(X_${split})`,
      'print(classification_bias_metrics(group_a, group_b, y_pred, y_true))'
    ]
    expectBlocked([nb(cells('test'), cells('train'))], 'y_pred =', 'RAI-FAIRNESS-ON-TRAINING-DATA')
  })
  it('predictions reassigned before the bias metrics do not make the first evaluation a fairness one', () => {
    const cells = (split: string) => [
      'X_train, X_test, y_train, y_test = train_test_split(X, y)\nmodel.fit(X_train, y_train)',
      `y_pred = model.predict(X_${split})\nprint(accuracy_score(y_${split}, y_pred))`,
      'y_pred = model.predict(X_test)\nprint(disparate_impact(group_a, group_b, y_pred))'
    ]
    const found = run(nb(cells('test'), cells('train')))
    expect(found.filter((f) => f.check === 'RAI-FAIRNESS-ON-TRAINING-DATA')).toEqual([])
  })
  it("the notebook's own report of fairness, handed the training split, blocks; its accuracy-only twin does not", () => {
    const split = 'X_train, X_test, y_train, y_test = train_test_split(X, y)\nclf.fit(X_train, y_train)'
    const report = (body: string) =>
      `def print_model_results(name, y_true, y_pred, sex):\n    print(name, accuracy_score(y_true, y_pred))\n${body}`
    const call = (s: string) => `print_model_results('XGBoost', y_${s}, clf.predict(X_${s}), sex_${s})`
    const fair = report('    print(demographic_parity_difference(y_true, y_pred, sensitive_features=sex))')
    expectBlocked(
      [nb([split, fair, call('test')], [split, fair, call('train')])],
      "print_model_results('XGBoost'",
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
    const plain = report('    print(f1_score(y_true, y_pred))')
    const acc = run(nb([split, plain, call('test')], [split, plain, call('train')]))
    expect(acc.map((f) => f.check)).toContain('EVAL-ON-TRAINING-DATA')
    expect(acc.filter((f) => f.bias)).toEqual([])
  })
  it('a protected column handed to an evaluation, or a system set up with a fairness configuration, measures fairness', () => {
    const split = 'X_train, X_test, y_train, y_test = train_test_split(X, y)\nclf.fit(X_train, y_train)'
    const byColumn = (s: string) => `show_results(y_${s}, clf.predict(X_${s}), df.loc[X_${s}.index, 'race'])`
    expectBlocked(
      [nb([split, byColumn('test')], [split, byColumn('train')])],
      'show_results(',
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
    const setup =
      'configuration = {"fairness": {"priv_group": {"race": {"privileged": 1}}}}\nai = AISystem("adult", dataset=dataset)\nai.initialize(user_config=configuration)'
    const compute = (s: string) => `ai.compute(clf.predict(X_${s}), data_type="${s}")`
    expectBlocked(
      [nb([split, setup, compute('test')], [split, setup, compute('train')])],
      'ai.compute(',
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
    const plainSetup = setup.replace('"fairness"', '"performance"').replace('"priv_group"', '"metrics"')
    const plain = run(nb([split, plainSetup, compute('test')], [split, plainSetup, compute('train')]))
    expect(plain.map((f) => f.check)).toContain('EVAL-ON-TRAINING-DATA')
    expect(plain.filter((f) => f.bias)).toEqual([])
  })
})

describe("an own function's call taken away", () => {
  it('is reported where the call was, not on the body that stays', () => {
    const helper = 'def spd(y, s):\n    return demographic_parity_difference(y, y, sensitive_features=s)'
    const calls = (race: boolean) =>
      `print('sex', spd(y_pred, sex_test))${race ? "\nprint('race', spd(y_pred, race_test))" : ''}`
    const after = notebook([helper, calls(false)])
    const found = run(modified('audit.ipynb', notebook([helper, calls(true)]), after)).filter((f) => f.bias)
    expect(found.length).toBeGreaterThan(0)
    expect(found.map((f) => f.line)).not.toContain(lineOf(after, 'return demographic_parity'))
  })
})

describe("one attribute's variable filled from another attribute's column", () => {
  it('race_test taken from the sex column blocks; a new variable for the sex column beside it is fine', () => {
    const cells = (race: string) => [
      `sex_test = df.loc[X_test.index, 'sex']\nrace_test = df.loc[X_test.index, '${race}']`,
      'print(demographic_parity_difference(y_test, y_pred, sensitive_features=race_test))'
    ]
    expectBlocked([nb(cells('race_binary'), cells('sex'))], 'race_test =', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean([nb(cells('race_binary'), [...cells('race_binary'), "gender_test = df.loc[X_test.index, 'sex']"])])
  })
})

describe('groups exchanged or a reference group moved', () => {
  it('the two group masks of a bias metric swapped; a mask rewritten the same way round is fine', () => {
    const cells = (a: string, b: string) => [
      `group_a = df["sex"] == "${a}"\ngroup_b = df["sex"] == "${b}"`,
      'print(disparate_impact(group_a, group_b, y_pred))'
    ]
    expectBlocked([nb(cells('Female', 'Male'), cells('Male', 'Female'))], 'group_a =', 'RAI-FAIRNESS-BOUND-LOOSENED')
    const same = (q: string) => [
      `group_a = df[${q}sex${q}] == ${q}Female${q}\ngroup_b = df[${q}sex${q}] == ${q}Male${q}`,
      'print(disparate_impact(group_a, group_b, y_pred))'
    ]
    expectClean([nb(same('"'), same("'"))])
  })
  it("one group's rate computed from the other group's data blocks; its own data renamed is fine", () => {
    const cell = (p1: string) =>
      [
        'pr_loan_p0 = loan_probability(scores, freq_y0_p0 + freq_y1_p0, tau0)',
        `pr_loan_p1 = loan_probability(scores, ${p1}, tau1)`,
        'print(pr_loan_p0, pr_loan_p1)'
      ].join('\n')
    expectBlocked(
      [nb([cell('freq_y0_p1 + freq_y1_p1')], [cell('freq_y0_p0 + freq_y1_p0')])],
      'pr_loan_p1 =',
      'RAI-FAIRNESS-BOUND-LOOSENED'
    )
    expectClean([nb([cell('freq_y0_p1 + freq_y1_p1')], [cell('freq_neg_p1 + freq_pos_p1')])])
    // a value both groups share (the scores, a threshold) is not the other group's data
    expectClean([nb([cell('freq_y0_p1 + freq_y1_p1')], [cell('freq_y0_p1 + freq_y1_p1 + offset')])])
  })
  it("the two groups' rates replaced by one rate over both groups' data blocks; rates kept beside it are fine", () => {
    const pair =
      'pr_loan_p0 = loan_probability(scores, freq_y0_p0 + freq_y1_p0, tau0)\npr_loan_p1 = loan_probability(scores, freq_y0_p1 + freq_y1_p1, tau1)'
    const pooled = 'pr_loan = loan_probability(scores, freq_y0_p0 + freq_y1_p0 + freq_y0_p1 + freq_y1_p1, tau0)'
    expectBlocked(
      [nb([pair, 'print(pr_loan_p0, pr_loan_p1)'], [pooled, 'print(pr_loan)'])],
      'pr_loan =',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
    expectClean([
      nb([pair, 'print(pr_loan_p0, pr_loan_p1)'], [`${pair}\n${pooled}`, 'print(pr_loan_p0, pr_loan_p1, pr_loan)'])
    ])
    // `b = Bias()` is no group's result, nor is `df` its sibling: an audit moved into a helper pools nothing
    const inline =
      "g = Group()\nb = Bias()\nxtab, _ = g.get_crosstabs(df[['score', 'label_value', 'race']])\nbdf = b.get_disparity_predefined_groups(xtab, original_df=df, ref_groups_dict={'race': 'white'})"
    const helper =
      "def audit(df, ref):\n    g = Group()\n    b = Bias()\n    xtab, _ = g.get_crosstabs(df[['score', 'label_value'] + list(ref.keys())])\n    return b.get_disparity_predefined_groups(xtab, df, ref)"
    const found = run(nb([`df = scored.copy()\n${inline}`], [helper, "bdf = audit(scored.copy(), {'race': 'white'})"]))
    expect(found.filter((f) => f.bias)).toEqual([])
    // the groups handed by name, as the parameter the helper's call reads
    const setup = "attr_col = 'race'\nprotected_ref = {attr_col: 'white'}"
    const byVariable =
      "g = Group()\nb = Bias()\nxtab_old, _ = g.get_crosstabs(old_df[['score', 'label_value', attr_col]].copy())\nbdf_old = b.get_disparity_predefined_groups(xtab_old, original_df=old_df, ref_groups_dict=protected_ref)"
    const audit =
      "def aequitas_audit(input_df, ref_groups_dict):\n    g = Group()\n    b = Bias()\n    xtab, _ = g.get_crosstabs(input_df[['score', 'label_value'] + list(ref_groups_dict.keys())].copy())\n    bdf = b.get_disparity_predefined_groups(xtab, input_df, ref_groups_dict)\n    return bdf"
    const byName = run(nb([setup, byVariable], [setup, audit, 'bdf_old = aequitas_audit(old_df, protected_ref)']))
    expect(byName.filter((f) => f.bias)).toEqual([])
    // the helper handed fewer attributes than the inline audit covered still narrows it
    const both = inline
      .replace("'race']]", "'race', 'sex']]")
      .replace("{'race': 'white'}", "{'race': 'white', 'sex': 'male'}")
    const narrowed = run(nb([`df = scored.copy()\n${both}`], [helper, "bdf = audit(scored.copy(), {'race': 'white'})"]))
    expect(narrowed.filter((f) => f.bias && f.status === 'fail').length).toBeGreaterThan(0)
  })
  it('one of two compared groups now selecting other people blocks; the same group written another way is fine', () => {
    const cells = (a: string) => [
      `group_a = X_test.${a}\ngroup_b = X_test.Ethnicity_White == 1`,
      'print(statistical_parity(group_a, group_b, y_pred))'
    ]
    expectBlocked(
      [nb(cells('Ethnicity_Black == 1'), cells('Ethnicity_White == 0'))],
      'group_a =',
      'RAI-FAIRNESS-BOUND-LOOSENED'
    )
    expectClean([nb(cells('Ethnicity_Black == 1'), cells('Ethnicity_Black == 1  # Black candidates'))])
    const sub = (a: string) => [
      `group_a = X_test[${a}] == 1\ngroup_b = X_test['Ethnicity_White'] == 1`,
      'print(statistical_parity(group_a, group_b, y_pred))'
    ]
    expectClean([nb(sub("'Ethnicity_Black'"), sub('"Ethnicity_Black"'))])
  })
  it("a fairness config's base group or group bins moved, or the favourable class turned round, blocks", () => {
    const cfg = (bins: string, base: string) =>
      `fairness_config = FairnessConfig(\n    metrics=fairness_metric_collection,\n    groups=["gender", "age"],\n    group_bins={"age": ${bins}},\n    group_base_values={"age": ${base}, "gender": "M"},\n    thresholds=[0.5],\n)`
    expectBlocked(
      [nb([cfg('[20, 40]', '40')], [cfg('[20, 40]', '80')])],
      'group_base_values=',
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
    expectBlocked([nb([cfg('[20, 40]', '40')], [cfg('[80]', '40')])], 'group_bins=', 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expectClean([nb([cfg('[20, 40]', '40')], [cfg('[20, 40]', '40').replace('0.5]', '0.5, 0.7]')])])
    const monitor = (fav: string, unfav: string) =>
      `parameters = {\n    "features": [{"feature": "sex", "majority": ["Male"], "minority": ["Female"]}],\n    "favourable_class": ["${fav}"],\n    "unfavourable_class": ["${unfav}"],\n    "min_records": 200\n}`
    expectBlocked(
      [nb([monitor('>50K', '<=50K')], [monitor('<=50K', '>50K')])],
      'favourable_class',
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
  })
  it("the reference group of a protected attribute given in a dict changes; another attribute's dict is apart", () => {
    const cell = (ref: string) => [
      'from lale.lib.aif360 import disparate_impact',
      `fairness_info = dict(favorable_labels=['good'], protected_attributes=[{'feature': 'age', 'reference_group': ${ref}}, {'feature': 'sex', 'reference_group': ['male']}])\nscorer = disparate_impact(**fairness_info)`
    ]
    expectBlocked([nb(cell('[[26, 1000]]'), cell('[[18, 25]]'))], 'fairness_info =', 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expectClean([
      nb(
        cell('[[26, 1000]]'),
        cell('[[26, 1000]]').map((c) => c.replace('scorer =', 'di_scorer ='))
      )
    ])
  })
})
