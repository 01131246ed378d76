// Fairness evaluations of one side of a file, counted per kind, attribute and metric: fairlearn (MetricFrame and
// its metrics, parity metrics, mitigators, dashboards), AIF360 (dataset/classification metrics, mitigators),
// aequitas (crosstabs, disparities, fairness), per-subgroup evaluation, and config bias-audit blocks.
import { analyze, flatText, inBody, newStatements, ownFunctions, rerunTexts } from '../analysis/index.js'
import {
  calleeName,
  callsIn,
  dotted,
  kwarg,
  positional,
  receiver,
  rootName,
  strings,
  walk,
  type Call,
  type Expr,
  type PyStatement
} from '../analysis/parse.js'
import { frameOf, type Frame, type FlowModel } from '../analysis/flow.js'
import { callShape } from '../analysis/rewrite.js'
import type { ConfigEntry } from '../types.js'
import { codeFeatureLists } from './features.js'
import { protectedCategory } from './protected.js'
import type { FileView, Side } from './view.js'
import { classKind, FAIR_CALL_NAME, FAIR_MODULE, protectedOf, withoutPackages } from './vocabulary.js'

export interface Evaluation {
  /** what is evaluated, independent of the file and line: `MetricFrame(selection_rate) by sex` */
  key: string
  /** 1-based line on its side */
  line: number
  /** the statement (or config entry) it was read from, whitespace-insensitive: an unchanged one matches first */
  sig?: string
  /**
   * read from the body of the notebook's own function at one of its calls, on this line: attributes it takes as a
   * parameter are unknown
   */
  callLine?: number
}

const PARITY_METRIC =
  /^(demographic_parity_(difference|ratio)|equalized_odds_(difference|ratio)|equal_opportunity_(difference|ratio)|true_positive_rate_difference|false_positive_rate_difference|false_negative_rate_difference|true_negative_rate_difference|selection_rate_difference|error_rate_difference|error_rate_ratio|mean_prediction_difference)$/
const MITIGATOR =
  /^(ThresholdOptimizer|ExponentiatedGradient|GridSearch|CorrelationRemover|AdversarialFairnessClassifier|AdversarialFairnessRegressor|Reweighing|DisparateImpactRemover|LFR|OptimPreproc|PrejudiceRemover|AdversarialDebiasing|MetaFairClassifier|GerryFairClassifier|ExponentiatedGradientReduction|GridSearchReduction|CalibratedEqOddsPostprocessing|EqOddsPostprocessing|RejectOptionClassification|FairAdaptation)$/
const DASHBOARD =
  /^(FairnessDashboard|FairlearnDashboard|ResponsibleAIDashboard|RAIInsights|ErrorAnalysisDashboard|plot_model_comparison)$/
const AIF_METRIC = /^(BinaryLabelDatasetMetric|ClassificationMetric|SampleDistortionMetric|MDSSClassificationMetric)$/
const AIF_METHOD =
  /^(disparate_impact|statistical_parity_difference|mean_difference|equal_opportunity_difference|average_odds_difference|average_abs_odds_difference|average_predictive_value_difference|theil_index|generalized_entropy_index|coefficient_of_variation|between_group_\w+|false_positive_rate_difference|false_negative_rate_difference|false_discovery_rate_difference|false_omission_rate_difference|error_rate_difference|true_positive_rate_difference|smoothed_empirical_differential_fairness|differential_fairness_bias_amplification|equalized_odds_difference|consistency)$/
const AIF_GROUP_METHOD =
  /^(base_rate|selection_rate|accuracy|true_positive_rate|false_positive_rate|num_positives|num_negatives)$/
const AEQUITAS =
  /^(get_crosstabs|get_disparity_predefined_groups|get_disparity_major_group|get_disparity_min_metric|get_group_value_fairness|get_group_attribute_fairness|get_overall_fairness|plot_disparity|plot_fairness_group|plot_fairness_disparity|plot_group_metric|plot_disparity_all|plot_fairness_group_all|plot_group_metric_all)$/
/** Calls that score predictions: a subgroup fed to one of these is a per-group evaluation. */
const SCORING =
  /(_score|_error|accuracy|evaluate|classification_report|confusion_matrix|roc_curve|precision_recall_curve|^score|^predict\w*|report|_rate)$/i

type Vars = Map<string, Array<{ index: number; value: Expr }>>

function assignments(statements: PyStatement[]): Vars {
  const vars: Vars = new Map()
  for (const s of statements) {
    if (s.kind !== 'assign' || !s.value || s.targets.length !== 1 || s.targets[0].k !== 'name') continue
    const id = s.targets[0].id
    vars.set(id, [...(vars.get(id) ?? []), { index: s.index, value: s.value }])
  }
  return vars
}

function resolve(e: Expr | undefined, vars: Vars, at: number, depth = 0): Expr | undefined {
  if (!e || e.k !== 'name' || depth > 4) return e
  const defs = vars.get(e.id)?.filter((d) => d.index < at)
  const last = defs?.[defs.length - 1]
  return last ? resolve(last.value, vars, last.index, depth + 1) : e
}

/** Which attribute(s) an expression selects: `df['sex']` → sex; `[{'race': 1}]` → race; a name → its source. */
function attributeOf(e: Expr | undefined, vars: Vars, at: number, env?: Map<string, Frame>): string {
  const r = resolve(e, vars, at)
  if (!r) return '*'
  // a split or copy of a column selection (`A_test` from `A = df[['sex', 'race']]`): its columns
  const frame = r.k === 'name' ? env?.get(r.id) : undefined
  if (frame && !frame.whole && frame.cols.size > 0 && frame.cols.size <= 10)
    return [...frame.cols.keys()].sort().join(',')
  const direct = strings(r)
  if (direct.length)
    return direct
      .map((s) => s.value.toLowerCase())
      .sort()
      .join(',')
  if (r.k === 'sub' && r.items.length >= 1) {
    const cols = strings(r.items[r.items.length - 1])
    if (cols.length)
      return cols
        .map((s) => s.value.toLowerCase())
        .sort()
        .join(',')
    return attributeOf(r.obj, vars, at, env)
  }
  if (r.k === 'attr') return r.name.toLowerCase()
  if (r.k === 'seq' && r.items.every((i) => i.k === 'dict')) {
    const keys = r.items.flatMap((i) => (i.k === 'dict' ? i.entries.flatMap((en) => strings(en.key ?? undefined)) : []))
    return [...new Set(keys.map((k) => k.value.toLowerCase()))].sort().join(',') || '*'
  }
  if (r.k === 'dict')
    return (
      r.entries
        .flatMap((en) => strings(en.key ?? undefined).map((k) => k.value.toLowerCase()))
        .sort()
        .join(',') || '*'
    )
  if (r.k === 'name') return r.id
  return '*'
}

/** Metric names of a MetricFrame `metrics=` argument. */
function metricNames(e: Expr | undefined, vars: Vars, at: number): Array<{ name: string; line: number }> {
  const r = resolve(e, vars, at)
  if (!r) return []
  const nameOf = (x: Expr): string =>
    x.k === 'name' ? x.id : x.k === 'attr' ? x.name : x.k === 'str' ? x.value : x.k === 'call' ? calleeName(x) : '*'
  if (r.k === 'dict')
    return r.entries.map((en) => ({ name: en.key?.k === 'str' ? en.key.value : nameOf(en.value), line: en.value.line }))
  if (r.k === 'seq') return r.items.map((i) => ({ name: nameOf(i), line: i.line }))
  return [{ name: nameOf(r), line: r.line }]
}

function constraintOf(call: Call): string {
  const c = kwarg(call, 'constraints') ?? positional(call, 1)
  if (!c) return ''
  if (c.k === 'str') return c.value
  if (c.k === 'call') return calleeName(c)
  return c.k === 'name' ? c.id : ''
}

/** `df['sex'] == 'Female'` / `X_test.gender == 0`: a comparison on a protected column, as `sex==Female`. */
function protectedComparison(e: Expr): string | null {
  let found: string | null = null
  walk(e, (x) => {
    if (found || x.k !== 'op' || !x.ops.some((o) => /^(==|!=|>|<|>=|<=|isin)$/.test(o)) || x.parts.length !== 2) return
    const [lhs, rhs] = x.parts
    const col = lhs.k === 'sub' ? strings(lhs.items[0])[0]?.value : lhs.k === 'attr' ? lhs.name : undefined
    if (col && protectedCategory(col)) found = `${col.toLowerCase()}${x.ops[0]}${rhs.text.replace(/\s+/g, '')}`
  })
  return found
}

/** A library's helpers that present a result: `flag`, `highlight`, `display_table`, `show`. */
const DISPLAY_HELPER = /^(flag|highlight|style\w*|display\w*|show\w*|print\w*|format\w*)$/
/** `fetch_adult`, `load_compas`, `fetch_openml_with_retries`, `fetch_census_dataset`, `get_dataset`. */
const DATA_LOADER = /^(fetch|load|read|download)_\w+$|^get_\w*(data|dataset|df)$/
/** Keyword arguments that switch a mitigation on or off. */
const MITIGATION_SWITCH = /^(use_debias|debias|use_fairness|fairness|fair|enable_\w+|use_constraints?|apply_\w+)$/i
/** Config values naming a fairness method (mitigation or fairness-aware model): `fairgbm_folktables`, `group_threshold`. */
const FAIR_METHOD_VALUE =
  /^(?!fairseq|fairscale)(fair\w*|\w*_fair\w*|debias\w*|\w*reweigh\w*|group_threshold\w*|threshold_optimi[sz]er\w*|exponentiated_gradient\w*|prejudice_remover\w*|adversarial_debias\w*|min_?diff\w*|\w*equali[sz]ed_odds\w*|\w*demographic_parity\w*)$/i
/** Keyword arguments that name the metrics of an evaluation call. */
const METRIC_KWARGS = ['metrics', 'metric', 'group_metric', 'metrics_list', 'metric_names', 'fairness_metrics']
/** Keyword arguments that name the attributes (groups) an evaluation is by. */
const ATTRIBUTE_KWARGS = [
  'sensitive_features',
  'attribute',
  'attribute_name',
  'attributes',
  'attr_cols',
  'sensitive_attribute_column',
  'sensitive_attributes',
  'protected_attribute_names',
  'protected_attributes',
  'feature_keys',
  'slice_keys',
  'ref_groups_dict'
]

/** `thresholds: [0.25, 0.5]` / `"thresholds": [...]` in a string (TFMA text protos, JSON configs): the count. */
function thresholdCount(text: string): number {
  const m = /["']?thresholds["']?\s*[:=]\s*\[([^\]]*)\]/.exec(text)
  return m ? m[1].split(',').filter((x) => x.trim() !== '').length : 0
}

/** Fairness evaluation written as a TFMA text proto (or JSON) inside a Python string: slices, metrics, thresholds. */
function embeddedEvaluations(value: string, line: number): Evaluation[] {
  const out: Evaluation[] = []
  if (!/slicing_specs|feature_keys|FairnessIndicators|fairness/i.test(value)) return out
  const lines = value.split('\n')
  lines.forEach((text, i) => {
    const at = line + i
    const keys = /feature_keys\s*:\s*(\[[^\]]*\]|["'][^"']*["'])/.exec(text)
    if (keys) {
      const names = [...keys[1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1].toLowerCase()).sort()
      out.push({ key: `slice by ${names.join(',')}`, line: at })
    }
    if (/class_name\s*:\s*["']?FairnessIndicators/.test(text)) out.push({ key: 'FairnessIndicators', line: at })
    for (let n = thresholdCount(text); n > 0; n--) out.push({ key: 'FairnessIndicators threshold', line: at })
  })
  return out
}

/** Lists of protected names that say what is removed or ignored, not what is audited. */
const AUDIT_LIST_EXCLUDED = /drop|exclude|remove|ignore|leak|unused|skip|feature|^x_|cols_to_use|predictor/i

/** The protected column an expression reads: `df.religion`, `df['sex']`, `df['sex'].str` → its name. */
function protectedColumnOf(e: Expr | null): string | null {
  for (
    let x = e;
    x;
    x = x.k === 'attr' || x.k === 'sub' ? x.obj : x.k === 'call' && x.fn.k === 'attr' ? x.fn.obj : null
  ) {
    if (x.k === 'attr' && protectedCategory(x.name)) return x.name.toLowerCase()
    if (x.k === 'sub' && x.items.length === 1) {
      const col = strings(x.items[0])[0]?.value
      if (col && protectedCategory(col)) return col.toLowerCase()
    }
  }
  return null
}

/** Fairness evaluations in code, in statement order. */
/** By side: the evaluation checks and the filtered-groups check read the same side. */
const codeEvaluated = new WeakMap<Side, Evaluation[]>()

export function codeEvaluations(side: Side): Evaluation[] {
  let hit = codeEvaluated.get(side)
  if (!hit) codeEvaluated.set(side, (hit = codeEvaluationsUncached(side)))
  return hit
}

function codeEvaluationsUncached(side: Side): Evaluation[] {
  const { statements, flow } = analyze(side)
  const vars = assignments(statements)
  const attribute = (e: Expr | undefined, v: Vars, at: number): string => attributeOf(e, v, at, flow.env)
  const out: Evaluation[] = []
  const aifMetricVars = new Map<string, string>()
  const subgroupVars = new Map<string, string>()
  // `for g in ['White', 'Black']`: the groups a loop variable takes, each a subgroup when a mask compares to it
  const loopGroups = new Map<string, Array<{ value: string; line: number }>>()
  /** objects built by a fairness library (`aqp = Plot()`, `rai = RAIInsights(...)`) → their class */
  const fairObjects = new Map<string, string>()
  /** the library path of a call: `aqp.plot_group_metric` → `Plot.plot_group_metric`; null when not a fairness call */
  const fairPath = (call: Call): string | null => {
    const d = dotted(call.fn)
    if (!d) return null
    // a fairness library's (or a fairness notebook's helper module's) data loader reads data, it evaluates nothing
    if (DATA_LOADER.test(calleeName(call))) return null
    // nor does its helper that colours or shows a result it computed (`reports.flag(measures)`)
    if (DISPLAY_HELPER.test(calleeName(call))) return null
    const [root, ...rest] = d.split('.')
    const obj = fairObjects.get(root)
    if (obj) return [obj, ...rest].join('.')
    const module = flow.imports.get(root)
    if (module && FAIR_MODULE.test(module)) return [module.split('.').pop(), ...rest].join('.')
    return FAIR_CALL_NAME.test(calleeName(call)) ? d.split('.').slice(-2).join('.') : null
  }
  const featureItems = new Set(
    codeFeatureLists(side).flatMap((l) => l.items.map((i) => `${i.line}:${i.value.toLowerCase()}`))
  )
  const groupValues: Evaluation[] = []
  /** variables holding a slice spec of a group */
  const sliceVars = new Set<string>()
  for (const stmt of statements) {
    if (stmt.kind === 'for' && stmt.targets.length === 1 && stmt.targets[0].k === 'name' && stmt.value) {
      const it = resolve(stmt.value, vars, stmt.index + 1)
      const items = it?.k === 'seq' ? strings(it) : []
      if (it?.k === 'seq' && items.length === it.items.length && items.length > 0)
        loopGroups.set(stmt.targets[0].id, items)
      else loopGroups.delete(stmt.targets[0].id)
    }
    if (stmt.kind === 'import') continue
    const first = out.length
    try {
      statementEvaluations(stmt)
    } finally {
      const sig = flatText(stmt)
      for (let i = first; i < out.length; i++) out[i].sig = sig
    }
  }
  inlineOwnFunctions(statements, out)
  // group values count only where the code evaluates or mitigates fairness: elsewhere a mask is just a filter
  return out.length ? [...out, ...groupValues] : out

  function statementEvaluations(stmt: PyStatement): void {
    const at = stmt.index + 1
    const target =
      stmt.kind === 'assign' && stmt.targets.length === 1 && stmt.targets[0].k === 'name' ? stmt.targets[0].id : null
    // IDENTITY_TERMS = ['gender', 'race', ...]: a list of the groups audited, not features
    if (target && stmt.value?.k === 'seq' && !AUDIT_LIST_EXCLUDED.test(target)) {
      const items = strings(stmt.value)
      const fair = items.filter((i) => protectedCategory(i.value) !== null)
      if (
        fair.length >= 2 &&
        fair.length === items.length &&
        !items.some((i) => featureItems.has(`${i.line}:${i.value.toLowerCase()}`))
      )
        for (const i of items) out.push({ key: `audited attribute ${i.value.toLowerCase()}`, line: i.line })
    }
    // black_slice = (('race1', 'black'),): a slice key of a protected column
    if (target && stmt.value?.k === 'seq') {
      const pairs = stmt.value.items
      const isPair = (p: Expr): boolean => p.k === 'seq' && p.items.length === 2 && p.items[0].k === 'str'
      if (
        pairs.every(isPair) &&
        pairs.some((p) => p.k === 'seq' && p.items[0].k === 'str' && protectedCategory(p.items[0].value))
      )
        sliceVars.add(target)
    }
    const calls = callsIn(stmt)
    // `data.religion.apply(lambda x: any(r in x for r in ('jewish', 'muslim')))`: the group values a mask selects
    for (const call of calls) {
      if (!/^(apply|isin|map|contains|eq|ne|where|filter)$/.test(calleeName(call))) continue
      const col = protectedColumnOf(receiver(call))
      if (!col) continue
      for (const a of call.args)
        walk(a.value, (x) => {
          if (x.k === 'str' && x.value.length <= 60) groupValues.push({ key: `${col} group ${x.value}`, line: x.line })
        })
    }
    // calls inside the arguments of a counted call belong to it (`MinDiffModel(loss=MMDLoss())`)
    const inside = new Set<Expr>()
    for (const e of stmt.exprs)
      walk(e, (x) => {
        if (x.k === 'str' && x.value.length < 20_000) out.push(...embeddedEvaluations(x.value, x.line))
      })
    for (const call of calls) {
      const name = calleeName(call)
      if (inside.has(call)) continue
      if (name === 'SlicingSpec' || name === 'SingleSliceSpec') {
        const keys = kwarg(call, 'feature_keys') ?? kwarg(call, 'columns') ?? kwarg(call, 'features')
        if (keys) out.push({ key: `slice by ${attribute(keys, vars, at)}`, line: call.line })
        if (keys && target && stmt.value === call) sliceVars.add(target)
        continue
      }
      // eval_result.get_metrics_for_slice(black_slice): the metrics of one group read out
      const slice = call.args.find((a) => a.value.k === 'name' && sliceVars.has(a.value.id))
      if (slice && slice.value.k === 'name') {
        out.push({ key: `${name} for slice ${slice.value.id}`, line: call.line })
        continue
      }
      if (name === 'MetricConfig' || name === 'FairnessIndicators') {
        const cls = kwarg(call, 'class_name')
        const config = kwarg(call, 'config')
        const fair = name === 'FairnessIndicators' || (cls?.k === 'str' && FAIR_CALL_NAME.test(cls.value))
        if (fair) {
          out.push({ key: 'FairnessIndicators', line: call.line })
          const th = kwarg(call, 'thresholds')
          const n = th?.k === 'seq' ? th.items.length : config?.k === 'str' ? thresholdCount(config.value) : 0
          for (let i = 0; i < n; i++) out.push({ key: 'FairnessIndicators threshold', line: call.line })
          for (const a of call.args) walk(a.value, (x) => x.k === 'call' && inside.add(x))
        }
        continue
      }
      if (name === 'MetricFrame') {
        const attr = attribute(kwarg(call, 'sensitive_features'), vars, at)
        for (const m of metricNames(kwarg(call, 'metrics') ?? kwarg(call, 'metric') ?? positional(call, 0), vars, at))
          out.push({ key: `MetricFrame(${m.name}) by ${attr}`, line: m.line })
      } else if (PARITY_METRIC.test(name)) {
        out.push({ key: `${name} by ${attribute(kwarg(call, 'sensitive_features'), vars, at)}`, line: call.line })
      } else if (MITIGATOR.test(name)) {
        // AdversarialDebiasing(use_debias=False): the mitigation is switched off, it mitigates nothing
        const off = call.args.some(
          (a) => a.name !== null && MITIGATION_SWITCH.test(a.name) && a.value.k === 'const' && a.value.value === 'False'
        )
        if (!off) out.push({ key: `${name}(${constraintOf(call)})`, line: call.line })
      } else if (DASHBOARD.test(name)) {
        out.push({
          key: `${name} by ${attribute(kwarg(call, 'sensitive_features') ?? positional(call, 0), vars, at)}`,
          line: call.line
        })
        // ResponsibleAIDashboard(rai, cohort_list=[...]): each cohort is a subgroup the dashboard evaluates
        const cohorts = resolve(kwarg(call, 'cohort_list') ?? kwarg(call, 'cohorts'), vars, at)
        if (cohorts?.k === 'seq')
          for (const c of cohorts.items) out.push({ key: `${name} cohort ${c.text.replace(/\s+/g, '')}`, line: c.line })
      } else if (AIF_METRIC.test(name)) {
        const attr = attribute(kwarg(call, 'privileged_groups') ?? kwarg(call, 'unprivileged_groups'), vars, at)
        if (target) aifMetricVars.set(target, attr)
        out.push({ key: `${name} by ${attr}`, line: call.line })
      } else if (AEQUITAS.test(name)) {
        out.push(...libraryEvaluations(call, name, (e) => attribute(e, vars, at), crosstabAttributes(call, flow)))
      } else {
        const recv = receiver(call)
        const root = recv ? rootName(recv) : null
        const metricVar = root !== null ? aifMetricVars.get(root) : undefined
        const isAif = AIF_METHOD.test(name) || (metricVar !== undefined && AIF_GROUP_METHOD.test(name))
        if (isAif && (metricVar !== undefined || AIF_METHOD.test(name))) {
          // the privileged= argument makes a per-group rate
          const priv = kwarg(call, 'privileged') ?? positional(call, 0)
          out.push({ key: `${name}${priv ? `(privileged=${priv.text})` : ''} by ${metricVar ?? '*'}`, line: call.line })
          continue
        }
        const path = fairPath(call)
        if (path === null) continue
        // a library object: its later calls are evaluation steps (`aqp.plot_disparity`, `rai.error_analysis.add`)
        if (target && /^[A-Z]/.test(name) && stmt.value === call) fairObjects.set(target, name)
        for (const a of call.args) walk(a.value, (x) => x.k === 'call' && x !== call && inside.add(x))
        out.push(...libraryEvaluations(call, path, (e) => attribute(e, vars, at)))
        // the groups or terms a mitigation covers: `build_counterfactual_data(sensitive_terms_to_remove=TERMS)`
        for (const a of call.args) {
          if (!a.name || METRIC_KWARGS.includes(a.name)) continue
          const list = resolve(a.value, vars, at)
          if (list?.k === 'seq')
            for (const item of strings(list)) out.push({ key: `${path} ${a.name} ${item.value}`, line: item.line })
        }
      }
      if (MITIGATOR.test(name) || DASHBOARD.test(name))
        for (const a of call.args) walk(a.value, (x) => x.k === 'call' && inside.add(x))
    }
    // per-subgroup evaluation: a protected subset (by mask or by group-by) scored
    let subgroup: string | null = null
    for (const e of stmt.exprs) subgroup ??= protectedComparison(e)
    const names: string[] = []
    for (const e of stmt.exprs) walk(e, (x) => x.k === 'name' && names.push(x.id))
    subgroup ??= names.map((n) => subgroupVars.get(n)).find((g) => g !== undefined) ?? null
    const scores = calls.some((c) => SCORING.test(calleeName(c)))
    const groupBy = calls.find(
      (c) =>
        calleeName(c) === 'groupby' &&
        strings(positional(c, 0) ?? kwarg(c, 'by')).some((s) => protectedCategory(s.value))
    )
    // `male_acc = accuracy(pred[test.race_white == 1], ...)`: a result named for one attribute's group computed on
    // another attribute is a slip, not that attribute's evaluation (the fix that makes it read `sex` narrows nothing)
    const namedFor = target ? protectedOf(target) : null
    const scoredOn = subgroup ? protectedCategory(subgroup.replace(/(==|!=|isin).*$/, '')) : null
    const misnamed = namedFor !== null && scoredOn !== null && namedFor !== scoredOn
    if (subgroup && target && !scores) subgroupVars.set(target, subgroup)
    else if (subgroup && scores && !misnamed) {
      const each = loopGroups.get(/(?:==|!=|isin)(\w+)$/.exec(subgroup)?.[1] ?? '')
      if (each) {
        const col = subgroup.replace(/(==|!=|isin)\w+$/, '$1')
        for (const g of each) out.push({ key: `subgroup ${col}${g.value} scored`, line: g.line })
      } else out.push({ key: `subgroup ${subgroup} scored`, line: stmt.line })
    }
    if (groupBy && (scores || calls.some((c) => calleeName(c) === 'apply'))) {
      const cols = strings(positional(groupBy, 0) ?? kwarg(groupBy, 'by')).map((s) => s.value.toLowerCase())
      out.push({ key: `per-group ${cols.join(',')} scored`, line: stmt.line })
    }
  }
}

/** One evaluation per metric of a fairness library call, by the attributes it names. */
/** `g.get_crosstabs(df[['score', 'label_value', 'race']])`: without attr_cols, every column but the score and label. */
function crosstabAttributes(call: Call, flow: FlowModel): string | null {
  if (calleeName(call) !== 'get_crosstabs' || kwarg(call, 'attr_cols')) return null
  const frame = frameOf(flow, positional(call, 0) ?? kwarg(call, 'df'))
  if (frame.whole || frame.cols.size === 0) return null
  const cols = [...frame.cols.keys()].filter((c) => !/^(score|label_value|entity_id|as_of_date|model_id)$/.test(c))
  return cols.length ? cols.sort().join(',') : null
}

function libraryEvaluations(
  call: Call,
  path: string,
  attribute: (e: Expr) => string,
  fallback: string | null = null
): Evaluation[] {
  const metricArg = METRIC_KWARGS.map((k) => kwarg(call, k)).find((v) => v !== undefined)
  const attrArg = ATTRIBUTE_KWARGS.map((k) => kwarg(call, k)).find((v) => v !== undefined)
  // a protected column named positionally: `ap.disparity(bdf, metrics, 'race')`
  const positionalAttr = call.args
    .filter((a) => a.name === null)
    .flatMap((a) => strings(a.value))
    .filter((s) => protectedCategory(s.value) !== null)
    .map((s) => s.value.toLowerCase())
  const by = attrArg ? attribute(attrArg) : positionalAttr.length ? positionalAttr.sort().join(',') : (fallback ?? '*')
  const metrics = metricArg ? strings(metricArg) : []
  if (metrics.length === 0) return [{ key: `${path} by ${by}`, line: call.line }]
  return metrics.map((m) => ({ key: `${path}(${m.value}) by ${by}`, line: m.line }))
}

/** Items of a config's evaluation subsets/cohorts/slices that select a group of people (`where gender = 'woman'`). */
const SUBSET_SEGMENT = /^(subsets?|cohorts?|cohort_list|slices?|subgroups?|segments?|groups?)\[\d+\]$/
function subgroupItems(entries: ConfigEntry[]): Set<string> {
  const out = new Set<string>()
  for (const e of entries) {
    if (typeof e.value !== 'string') continue
    const segments = e.key.split('.')
    const at = segments.findIndex((s) => SUBSET_SEGMENT.test(s))
    if (at === -1) continue
    const words = e.value.split(/[^A-Za-z_]+/).filter((w) => w.length > 1)
    if (words.some((w) => protectedCategory(w) !== null) || segments.slice(at + 1).some((s) => protectedCategory(s)))
      out.add(segments.slice(0, at + 1).join('.') + '.')
  }
  return out
}

const FAIRNESS_KEY =
  /fair|bias_?(audit|eval|metric|detect|check|report|analysis|test)|audit_(config|attribute|group|column)|^audit$|sensitive_(feature|attribute|column|group)|protected_(attribute|feature|column|group|class)|subgroup|per_group|by_group|attribute_col|ref_group|reference_group|privileged|slicing_spec|slice_key|^slices$/i
const FAIRNESS_VALUE =
  /demographic[_ -]?parity|equali[sz]ed[_ -]?odds|equal[_ -]?opportunity|disparate[_ -]?impact|statistical[_ -]?parity|average[_ -]?odds|fairness|per[_ -]?group|subgroup|by[_ -]?group/i

/** Fairness evaluation of a config: every leaf of a bias-audit / fairness block, and fairness metric names. */
export function configEvaluations(all: ConfigEntry[]): Evaluation[] {
  const entries = withoutPackages(all)
  const out: Evaluation[] = []
  const subgroups = subgroupItems(entries)
  for (const e of entries) {
    const item = [...subgroups].find((p) => e.key.startsWith(p))
    if (item !== undefined && e.value !== null && typeof e.value !== 'object') {
      out.push({ key: `${e.key.replace(/\[\d+\]/g, '')}=${JSON.stringify(e.value)}`, line: e.line, sig: e.key })
      continue
    }
    // a list of mappings and a mapping hold the same audit: `ref_groups[0].race` = `ref_groups.race`
    const norm = e.key.replace(/\[\d+\]/g, '')
    if (e.value === null || (typeof e.value === 'object' && Object.keys(e.value).length === 0)) continue
    // a number in a fairness block is a threshold or a measured result: a new value is not a removed evaluation
    const value = typeof e.value === 'number' ? '<number>' : JSON.stringify(e.value)
    if (norm.split('.').some((s) => FAIRNESS_KEY.test(s))) out.push({ key: `${norm}=${value}`, line: e.line })
    else if (typeof e.value === 'string' && FAIR_METHOD_VALUE.test(e.value.trim()))
      out.push({ key: `${norm}=${value}`, line: e.line })
    else if (/metric|scor|eval|report/i.test(norm) && typeof e.value === 'string' && FAIRNESS_VALUE.test(e.value))
      out.push({ key: `${norm}=${value}`, line: e.line })
  }
  return out
}

/**
 * A function of the notebook's own whose body evaluates fairness (`def aequitas_audit(df, ref_groups): ... Bias()
 * ...`) evaluates it wherever it is called: its body's evaluations count once per call outside it, so that a
 * notebook that wraps its repeated audits into a function audits as often as before.
 */
function inlineOwnFunctions(statements: PyStatement[], out: Evaluation[]): void {
  const defs = ownFunctions(statements)
  if (defs.length === 0 || out.length === 0) return
  for (const d of defs) {
    const body = out.filter((e) => inBody(d, e.line))
    if (body.length === 0) continue
    const calls = statements.filter(
      (s) =>
        s.kind !== 'def' &&
        !defs.some((o) => inBody(o, s.line)) &&
        callsIn(s).some((c) => c.fn.k === 'name' && c.fn.id === d.name)
    )
    if (calls.length === 0) continue
    for (const e of body) out.splice(out.indexOf(e), 1)
    // each at its line in the body, where a reviewer reads what it evaluates (or at its call, once that is gone)
    for (const c of calls) for (const e of body) out.push({ ...e, sig: flatText(c), callLine: c.line })
  }
}

/** Each side is evaluated once however many checks and files ask (every file asks about every other). */
const evaluated = new WeakMap<Side, Evaluation[]>()

export function evaluations(view: FileView, side: Side | null): Evaluation[] {
  if (!side) return []
  let hit = evaluated.get(side)
  if (!hit) evaluated.set(side, (hit = evaluationsOf(view, side)))
  return hit
}

function evaluationsOf(view: FileView, side: Side): Evaluation[] {
  try {
    if (view.kind === 'config') return configEvaluations(side.entries)
    if (view.kind === 'notebook' || view.kind === 'python') return codeEvaluations(side)
  } catch {
    // an unreadable side evaluates nothing
  }
  return []
}

/** The key with an attribute that is only a variable name left out: such names change with refactoring. */
export function looseKey(key: string): string {
  const m = / by ([A-Za-z_]\w*)$/.exec(key)
  return m && !protectedColumnLike(m[1]) ? key.slice(0, m.index) : key
}

const protectedColumnLike = (name: string): boolean => protectedCategory(name) !== null

/** A key with the module its function was called through left out: `a.b.get_eval_results by *` → `get_eval_results by *`. */
function functionKey(key: string): string {
  return key.replace(/^[A-Za-z_][\w.]*?\.(?=\w+(?:[( ]|$))/, '')
}

/**
 * Takes each of `wanted` out of `pool` (by key, then by loose key), returning those with no counterpart.
 * Both lists are consumed in order.
 */
export function unmatched(wanted: Evaluation[], pool: Evaluation[]): Evaluation[] {
  const left = [...pool]
  const take = (match: (p: Evaluation) => boolean): boolean => {
    const i = left.findIndex(match)
    if (i === -1) return false
    left.splice(i, 1)
    return true
  }
  // an unchanged statement matches itself before any other instance of the same evaluation
  const unsigned = wanted.filter((w) => !(w.sig !== undefined && take((p) => p.key === w.key && p.sig === w.sig)))
  const exact = unsigned.filter((w) => !take((p) => p.key === w.key))
  // the same function reached through another module (`utils.get_eval_results` → `fi_util.get_eval_results`): an
  // API that moved, the same evaluation
  const rest = exact.filter((w) => !take((p) => p.key !== w.key && functionKey(p.key) === functionKey(w.key)))
  // an attribute known only as a variable on one side matches any attribute of the same evaluation on the other
  const bare = (key: string): string => key.replace(/ by [^ ]+$/, '')
  const loosened = (key: string): boolean => looseKey(key) !== key
  // an own function's evaluation by attributes unknown here: they are its parameters, the caller's arguments
  const open = (e: Evaluation): boolean => e.callLine !== undefined && e.key.endsWith(' by *')
  const loose = rest.filter(
    (w) => !take((p) => bare(p.key) === bare(w.key) && (loosened(p.key) || loosened(w.key) || open(p) || open(w)))
  )
  // an evaluation now by more attributes still covers those it was by (`by sex` → `by race,sex`)
  const attrs = (key: string): string[] => / by ([^ ]+)$/.exec(key)?.[1].split(',') ?? []
  const wider = loose.filter(
    (w) =>
      !take((p) => {
        const was = attrs(w.key)
        const now = new Set(attrs(p.key))
        return bare(p.key) === bare(w.key) && was.length > 0 && was.every((a) => now.has(a))
      })
  )
  // a dashboard of one library replaced by another's (`FairlearnDashboard` → raiwidgets' `FairnessDashboard`) over
  // the same attributes: the same view of the groups, through the API that replaced it
  const kind = (key: string): string | null => classKind(bare(key).split('(')[0].split('.').pop() ?? '')
  // the same statement calling the library's new name for the evaluation on the same values
  // (`reports.classification_fairness_report(PA, y, p)` → `reports.bias_report(PA, y, p, pred_type=...)`)
  const callOf = (key: string): string => bare(key).split('(')[0].split('.').pop() ?? ''
  const shape = (e: Evaluation): string | null => (e.sig ? callShape(e.sig, callOf(e.key)) : null)
  const renamedCall = (w: Evaluation): boolean => {
    const was = shape(w)
    return (
      was !== null &&
      take(
        (p) =>
          p.key !== w.key &&
          callOf(p.key) !== callOf(w.key) &&
          attrs(p.key).join() === attrs(w.key).join() &&
          shape(p) === was
      )
    )
  }
  return wider
    .filter((w) => !renamedCall(w))
    .filter(
      (w) =>
        !(
          kind(w.key) === 'Dashboard' &&
          take((p) => p.key !== w.key && kind(p.key) === 'Dashboard' && attrs(p.key).join() === attrs(w.key).join())
        )
    )
}

/** Evaluations the change took away: base count above head count, one entry per missing instance. */
export function removedEvaluations(view: FileView): Evaluation[] {
  const code = view.kind === 'notebook' || view.kind === 'python'
  const before = distinct(evaluations(view, view.before), code ? view.before : null)
  if (before.length === 0) return []
  const gone = unmatched(before, distinct(evaluations(view, view.after), code ? view.after : null))
  if (!code || !view.after || !gone.some((e) => e.callLine !== undefined)) return gone
  // an own function's evaluation whose call the change took away went at that call; the body it is in may stay
  const headTexts = new Set(analyze(view.after).statements.map(flatText))
  return gone.map((e) =>
    e.callLine !== undefined && e.sig !== undefined && !headTexts.has(e.sig) ? { ...e, line: e.callLine } : e
  )
}

/** One instance per rerun: a cell run twice in a row word for word evaluates nothing the first did not. */
function distinct(evaluations: Evaluation[], side: Side | null): Evaluation[] {
  if (!side || evaluations.length < 2) return evaluations
  const reruns = rerunTexts(analyze(side))
  if (reruns.size === 0) return evaluations
  const seen = new Set<string>()
  return evaluations.filter((e) => {
    if (e.sig === undefined || !reruns.has(e.sig)) return true
    const key = `${e.key}\u0000${e.sig}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Evaluations a change added to a file: head instances with no counterpart at the base. */
export function gainedEvaluations(view: FileView): Evaluation[] {
  const after = evaluations(view, view.after)
  if (after.length === 0) return []
  return unmatched(after, evaluations(view, view.before))
}

/** `df = df[df.race.isin(['African-American', 'Caucasian'])]` newly before a fairness evaluation: groups left out of the audit. */
export function groupsFilteredOut(view: FileView): Array<{ line: number; text: string }> {
  if (!view.after || !view.before || (view.kind !== 'notebook' && view.kind !== 'python')) return []
  const head = analyze(view.after)
  const fresh = newStatements(analyze(view.before), head)
  const evaluated = codeEvaluations(view.after)
  const out: Array<{ line: number; text: string }> = []
  for (const s of head.statements) {
    if (!fresh.has(s) || s.kind !== 'assign' || s.targets[0]?.k !== 'name' || !s.value) continue
    const target = s.targets[0].id
    const v = s.value
    const rows = v.k === 'sub' ? v.items[v.items.length - 1] : v.k === 'call' && calleeName(v) === 'query' ? v : null
    if (!rows || rootName(v) !== target) continue
    let col: string | null = protectedComparison(rows)?.replace(/[=!<>].*$/, '') ?? null
    walk(rows, (x) => {
      if (!col && x.k === 'call' && /^(isin|eq|ne|between)$/.test(calleeName(x))) col = protectedColumnOf(receiver(x))
      if (!col && x.k === 'str' && calleeName(v as Call) === 'query')
        col = x.value.split(/[^A-Za-z_]+/).find((w) => protectedCategory(w) !== null) ?? null
    })
    if (!col) continue
    const later = new RegExp(`\\b${target}\\b`)
    const audited = head.statements.some(
      (t) => t.index > s.index && later.test(t.text) && evaluated.some((e) => e.sig === flatText(t))
    )
    if (audited) out.push({ line: s.line, text: `${col}: ${s.text.replace(/\s+/g, ' ').slice(0, 100)}` })
  }
  return out
}
