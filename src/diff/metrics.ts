// Metric values a notebook prints or a metrics file holds, and how they moved: `accuracy: 0.91`, `F1 = 0.87`,
// `{'eval_loss': 0.52}`, sklearn's classification_report, per-group tables (fairlearn's MetricFrame.by_group, a
// DataFrame of scores per sex or race), and the numeric leaves of metrics.json / DVC / MLflow / W&B summaries.
// Everything here is line by line with bounded patterns: the text comes from the pull request.
import type { ConfigEntry, NotebookCell } from '../types.js'

export interface Metric {
  /** normalised metric name: `accuracy`, `f1`, `eval_loss`, `demographic_parity_difference` */
  name: string
  /** a demographic group (`Female`), a class of a classification report (`class 1`), or null for the whole set */
  group: string | null
  /** whether `group` is a group of people (from a per-group table) or a class label */
  groupKind: 'group' | 'class' | null
  value: number
  /** 1-based line of the file where the value is */
  line: number
  /** the cell it was printed by (notebooks) */
  cell: number | null
}

/** Metric names we recognise, after normalisation (lowercase, separators → `_`, `eval_`/`test_`/`val_` kept apart). */
const BASE_NAMES = new Set([
  'accuracy',
  'acc',
  'balanced_accuracy',
  'f1',
  'f1_score',
  'macro_f1',
  'micro_f1',
  'weighted_f1',
  'precision',
  'recall',
  'auc',
  'roc_auc',
  'auroc',
  'pr_auc',
  'average_precision',
  'log_loss',
  'logloss',
  'loss',
  'mse',
  'rmse',
  'mae',
  'mape',
  'r2',
  'r2_score',
  'perplexity',
  'bleu',
  'rouge1',
  'rouge2',
  'rougel',
  'rouge_l',
  'exact_match',
  'wer',
  'cer',
  'mean_iou',
  'map',
  'top1',
  'top5',
  'selection_rate',
  'true_positive_rate',
  'false_positive_rate',
  'false_negative_rate',
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'equalized_odds_difference',
  'equalized_odds_ratio',
  'equal_opportunity_difference',
  'disparate_impact',
  'statistical_parity_difference',
  'average_odds_difference',
  'theil_index',
  'mean_difference'
])
const PREFIXES = ['eval_', 'test_', 'val_', 'valid_', 'validation_', 'train_', 'final_', 'best_']

/** Fairness metrics that measure a gap directly (0 is parity) and ratios (1 is parity). */
export const GAP_METRICS = new Set([
  'demographic_parity_difference',
  'equalized_odds_difference',
  'equal_opportunity_difference',
  'statistical_parity_difference',
  'average_odds_difference',
  'mean_difference'
])
export const RATIO_METRICS = new Set(['disparate_impact', 'demographic_parity_ratio', 'equalized_odds_ratio'])
/** Metrics where lower is better. */
const LOWER_IS_BETTER = /(loss|mse|rmse|mae|mape|perplexity|wer|cer|error|false_)/

/** Index names of a per-group table that are protected attributes. */
const PROTECTED_INDEX =
  /^(sex|gender|race|ethnicity|ethnic_group|age|age_group|age_cat|age_bucket|religion|marital_status|nationality|national_origin|native_country|disability|sexual_orientation|group|sensitive_feature_\d+|subgroup)$/i
/** Row labels that name groups of people. */
const DEMOGRAPHIC_LABEL =
  /^(male|female|men|women|man|woman|non-binary|other|white|black|asian|hispanic|latino|latina|caucasian|african[- ]american|native american|amer-indian-eskimo|asian-pac-islander|privileged|unprivileged|young|old|senior|[<>]=?\s?\d{1,3}|\d{1,3}\s?[-–]\s?\d{1,3}|\d{1,3}\+)$/i

/** Longest line we look at for metrics; longer ones are data, not a printed score. */
const MAX_LINE = 2_000
/** Metrics kept per file: a notebook that prints thousands of numbers is not giving a headline. */
const MAX_METRICS = 2_000

export function normaliseName(raw: string): string | null {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_@]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
  if (name === '' || name.length > 60) return null
  if (BASE_NAMES.has(name)) return canonical(name)
  for (const p of PREFIXES) if (name.startsWith(p) && BASE_NAMES.has(name.slice(p.length))) return name
  return null
}

function canonical(name: string): string {
  if (name === 'acc') return 'accuracy'
  if (name === 'f1_score') return 'f1'
  if (name === 'r2_score') return 'r2'
  if (name === 'logloss') return 'log_loss'
  if (name === 'auroc') return 'roc_auc'
  return name
}

export const lowerIsBetter = (name: string): boolean => LOWER_IS_BETTER.test(name)

function number(raw: string): number | null {
  const percent = raw.endsWith('%')
  const value = Number(percent ? raw.slice(0, -1) : raw)
  if (!Number.isFinite(value)) return null
  return percent ? value / 100 : value
}

// `name: 0.91`, `name = 0.91`, `'name': 0.91`, `name 0.91` (one space, after a known name only)
const PAIR =
  /(["']?)([A-Za-z][A-Za-z0-9 _\-./@]{0,58}?)\1\s{0,4}(?:[:=]|\bis\b)\s{0,4}(-?\d{1,12}(?:\.\d{1,12})?(?:[eE][-+]?\d{1,3})?%?)(?![\d.])/g
const NUMBER = /^-?\d{1,12}(?:\.\d{1,12})?(?:[eE][-+]?\d{1,3})?%?$/

const NOT_A_SCORE = /\b(threshold|corresponding|index|epoch|step|iteration|number|count|rank|seed|size|at)\b/i

/** `name: value` pairs on one line. */
function pairsOnLine(text: string): { name: string; value: number }[] {
  const out: { name: string; value: number }[] = []
  PAIR.lastIndex = 0
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    // the name is the last words before the separator: "Test set accuracy" → accuracy, "eval_loss" → eval_loss
    // "Threshold corresponding to best accuracy: 0.19" and "epoch of best f1: 3" name something else
    if (NOT_A_SCORE.test(m[2])) continue
    const words = m[2].trim().split(/\s+/)
    let name: string | null = null
    for (let take = Math.min(3, words.length); take >= 1 && !name; take--)
      name = normaliseName(words.slice(words.length - take).join('_'))
    const value = number(m[3])
    if (name && value !== null) out.push({ name, value })
  }
  return out
}

/** Splits a table row on runs of two or more spaces (pandas and sklearn pad with spaces). */
function cells(line: string): string[] {
  return line
    .trim()
    .split(/\s{2,}|\t/)
    .filter((c) => c !== '')
}

/**
 * A table printed as text: a header of metric names, then rows of a label and one number per column. Covers
 * classification_report and DataFrames of metrics per group (MetricFrame.by_group, groupby().mean()).
 */
function tableMetrics(lines: { text: string; line: number }[], cell: number | null): Metric[] {
  const out: Metric[] = []
  for (let i = 0; i < lines.length; i++) {
    const header = cells(lines[i].text)
    if (header.length === 0 || header.length > 20) continue
    const names = header.map((h) => (h === 'f1-score' ? 'f1' : h === 'support' ? 'support' : normaliseName(h)))
    const metricCols = names.filter((n) => n && n !== 'support').length
    if (metricCols === 0 || names.some((n) => n === null)) continue
    const isReport = header.includes('support') && header.includes('precision')
    let j = i + 1
    // pandas prints the index name on its own line under the header: `sex`
    let indexName: string | null = null
    if (j < lines.length && cells(lines[j].text).length === 1 && !NUMBER.test(cells(lines[j].text)[0])) {
      indexName = cells(lines[j].text)[0]
      j++
    }
    const rows: Metric[] = []
    for (; j < lines.length; j++) {
      const row = cells(lines[j].text)
      if (row.length === 0) {
        if (isReport) continue
        break
      }
      const values = row.slice(1)
      if (!values.every((v) => NUMBER.test(v))) break
      const label = row[0]
      if (isReport && (label === 'accuracy' || label === 'micro avg') && values.length >= 1) {
        const v = number(values[values.length - 2] ?? values[0])
        if (v !== null) rows.push(metric('accuracy', null, null, v, lines[j].line, cell))
        continue
      }
      if (values.length !== names.length) break
      const group = isReport && !label.endsWith(' avg') ? `class ${label}` : label
      names.forEach((n, k) => {
        if (!n || n === 'support') return
        const v = number(values[k])
        if (v !== null) rows.push(metric(n, group, 'class', v, lines[j].line, cell))
      })
    }
    if (rows.length > 0) {
      // rows are groups of people when the index is a protected attribute or the labels name such groups;
      // otherwise (models, folds, classes) they are compared as labels, never as a fairness gap
      const labels = [...new Set(rows.map((r) => r.group ?? ''))]
      const people =
        !isReport &&
        ((indexName !== null && PROTECTED_INDEX.test(indexName)) ||
          labels.filter((l) => DEMOGRAPHIC_LABEL.test(l)).length * 2 >= labels.length)
      out.push(...rows.map((r) => (people && r.group !== null ? { ...r, groupKind: 'group' as const } : r)))
      i = j - 1
    }
  }
  return out
}

function metric(
  name: string,
  group: string | null,
  groupKind: Metric['groupKind'],
  value: number,
  line: number,
  cell: number | null
): Metric {
  return { name, group, groupKind, value, line, cell }
}

/** Metrics in a piece of printed text whose lines sit at `lineOf(i)` of the file. */
export function textMetrics(text: string, lineOf: (i: number) => number, cell: number | null = null): Metric[] {
  const lines = text
    .split('\n')
    .map((t, i) => ({ text: t.length > MAX_LINE ? '' : t.replace(/\r$/, ''), line: lineOf(i) }))
  const tables = tableMetrics(lines, cell)
  const inTables = new Set(tables.map((m) => m.line))
  const out: Metric[] = [...tables]
  for (const l of lines) {
    if (inTables.has(l.line) || l.text === '') continue
    for (const p of pairsOnLine(l.text)) out.push(metric(p.name, null, null, p.value, l.line, cell))
  }
  return out
}

/** Every metric a notebook's outputs print, in cell order. */
export function notebookMetrics(cells: NotebookCell[]): Metric[] {
  const out: Metric[] = []
  for (const cell of cells) {
    for (const o of cell.outputs) {
      if (o.outputType === 'error' || o.text === '') continue
      const at = (i: number) => o.textLines?.[i] ?? o.line
      out.push(...textMetrics(o.text, at, cell.index))
      if (out.length > MAX_METRICS) return out.slice(0, MAX_METRICS)
    }
  }
  return out
}

/** Whether a config file is a metrics file rather than a training config. */
export function isMetricsFile(path: string): boolean {
  const name = path.split('/').pop()?.toLowerCase() ?? ''
  return (
    /\.(json|ya?ml)$/.test(name) &&
    /(^|[_\-.])(metrics?|scores?|results?|eval(uation)?|wandb-summary|summary)([_\-.]|$)/.test(name)
  )
}

/** Numeric leaves of a metrics file whose last key is a metric name (`eval.accuracy`, `test_f1`). */
export function fileMetrics(entries: ConfigEntry[]): Metric[] {
  const out: Metric[] = []
  for (const e of entries) {
    if (typeof e.value !== 'number' || !Number.isFinite(e.value)) continue
    const parts = e.key.split(/\.|\[\d+\]/).filter(Boolean)
    const last = parts[parts.length - 1] ?? ''
    const name = normaliseName(last)
    if (!name) continue
    // `by_group.Female.accuracy` or `groups.race=black.f1`: the key before the metric is the group
    const parent = parts.length >= 2 ? parts[parts.length - 2] : null
    const grouped = parent !== null && parts.length >= 3 && /group|by_|slice|subgroup|segment/i.test(parts.join('.'))
    out.push(metric(name, grouped ? parent : null, grouped ? 'group' : null, e.value, e.line, null))
    if (out.length > MAX_METRICS) break
  }
  return out
}

/** The last value of each metric and group: a notebook that prints a score per epoch ends on the one that counts. */
export function latest(metrics: Metric[]): Map<string, Metric> {
  const out = new Map<string, Metric>()
  for (const m of metrics) out.set(metricKey(m), m)
  return out
}

export const metricKey = (m: Pick<Metric, 'name' | 'group'>): string =>
  m.group === null ? m.name : `${m.name} [${m.group}]`

function format(value: number): string {
  if (Number.isInteger(value)) return String(value)
  const abs = Math.abs(value)
  return abs !== 0 && (abs < 0.001 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toFixed(4)))
}

function delta(before: number, after: number): string {
  const d = after - before
  if (d === 0) return '0'
  return `${d > 0 ? '+' : '−'}${format(Math.abs(d))}`
}

/** Rows of the "metric · before · after · Δ" table shown per file. */
const MAX_ROWS = 25

/** A markdown table of the metrics that changed, appeared or disappeared; null when none did. */
export function metricTable(before: Metric[], after: Metric[]): string | null {
  const a = latest(before)
  const b = latest(after)
  const keys = [...new Set([...a.keys(), ...b.keys()])]
  const rows: string[] = []
  for (const key of keys) {
    const was = a.get(key)
    const now = b.get(key)
    if (was && now && was.value === now.value) continue
    rows.push(
      `| ${key} | ${was ? format(was.value) : '—'} | ${now ? format(now.value) : '—'} | ${was && now ? delta(was.value, now.value) : ''} |`
    )
  }
  if (rows.length === 0) return null
  const shown = rows.slice(0, MAX_ROWS)
  if (rows.length > MAX_ROWS) shown.push(`| … ${rows.length - MAX_ROWS} more | | | |`)
  return ['| metric | before | after | Δ |', '| --- | --- | --- | --- |', ...shown].join('\n')
}

/** Largest minus smallest value of a metric across the groups of people it was measured on. */
export function groupGaps(metrics: Metric[]): Map<string, { gap: number; line: number; groups: number }> {
  const byName = new Map<string, Metric[]>()
  for (const m of latest(metrics).values()) {
    if (m.groupKind !== 'group' || m.group === null) continue
    const list = byName.get(m.name) ?? []
    list.push(m)
    byName.set(m.name, list)
  }
  const out = new Map<string, { gap: number; line: number; groups: number }>()
  for (const [name, list] of byName) {
    if (list.length < 2) continue
    const values = list.map((m) => m.value)
    out.set(name, {
      gap: Math.max(...values) - Math.min(...values),
      line: Math.min(...list.map((m) => m.line)),
      groups: list.length
    })
  }
  return out
}
