// Checks on what the outputs and metrics files say: outputs left over from old code, a fairness gap between groups
// that widened, and a better headline score measured on a changed evaluation split.
import { metricsOf } from '../diff/evidence.js'
import {
  GAP_METRICS,
  RATIO_METRICS,
  groupGaps,
  latest,
  lowerIsBetter,
  metricKey,
  type Metric
} from '../diff/metrics.js'
import { textMetrics } from '../diff/metrics.js'
import { alignCells } from '../diff/notebook.js'
import type { Finding, NotebookOutput } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import type { FileView } from './view.js'

/** Limits the evidence checks compare against; the action's inputs set them. */
export interface EvidenceLimits {
  /** largest gap of a metric between groups of people (0..1 scale) that does not fail when it widened */
  groupGapLimit: number
  /** improvement of a headline metric (0..1 scale) past which a changed evaluation split is called out */
  metricGainLimit: number
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { groupGapLimit: 0.05, metricGainLimit: 0.02 }

/** A gap must grow by at least this much to count: re-running a notebook moves the last digits. */
const MIN_GAP_GROWTH = 0.01
/** Parity ratios (disparate impact) below this fail the four-fifths rule. */
const FOUR_FIFTHS = 0.8

export const STALE_OUTPUTS: CheckSpec = {
  id: 'EVAL-STALE-OUTPUTS',
  family: 'evaluation',
  title: 'Outputs do not come from the changed code',
  status: 'warn',
  bias: false,
  flags:
    'a code cell changed but the metrics its outputs show, and its execution count, are the base’s: the numbers shown are from the old code',
  fix: 'Re-run the notebook (Restart & Run All) so the outputs shown are those of the code under review, or clear them.'
}
export const GROUP_GAP_WIDENED: CheckSpec = {
  id: 'RAI-GROUP-GAP-WIDENED',
  family: 'responsible-ai',
  title: 'Metric gap between groups widened',
  status: 'fail',
  bias: true,
  flags:
    'a per-group metric gap (or a parity difference/ratio) in the outputs or a metrics file grew past `group-gap-limit`',
  fix: 'Find what widened the gap (features, data, threshold) and restore parity, or mitigate (reweighing, ThresholdOptimizer) before merging.'
}
export const SCORE_UP_NEW_SPLIT: CheckSpec = {
  id: 'EVAL-SCORE-UP-NEW-SPLIT',
  family: 'evaluation',
  title: 'Better score on a different test set',
  status: 'warn',
  bias: false,
  flags:
    'a headline metric improved by more than `metric-gain-limit` while the evaluation split or data changed in the same change',
  fix: 'Compare both models on the same held-out split; report the old model on the new split (or the new one on the old split).'
}

export const EVIDENCE_CHECKS: CheckSpec[] = [GROUP_GAP_WIDENED, STALE_OUTPUTS, SCORE_UP_NEW_SPLIT]

const HEADLINE =
  /^(eval_|test_|val_|valid_|validation_|final_|best_)?(accuracy|balanced_accuracy|f1|macro_f1|weighted_f1|roc_auc|auc|pr_auc|average_precision|r2|precision|recall|exact_match|bleu|rouge1|rouge2|rougel|loss|log_loss|mse|rmse|mae|perplexity)$/

/** Values printed as percentages (85.2) compared on the same scale as fractions (0.852). */
function unit(values: number[]): number {
  const max = Math.max(...values.map(Math.abs))
  return max > 1 && max <= 100 ? 0.01 : 1
}

const outputKey = (o: NotebookOutput): string =>
  JSON.stringify([o.outputType, o.summary, o.text, (o.images ?? []).map((i) => i.digest)])

const codeOnly = (source: string): string =>
  source
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l !== '')
    .join('\n')

const TOKEN = /[A-Za-z_]\w*|(['"])(?:\\.|(?!\1).)*\1|\d[\w.]*|\S/g
const PY_KEYWORD =
  /^(False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|print)$/
/** Names a cell reads or binds; an attribute or a module's part after a dot (`holisticai.bias.metrics`) is not one. */
const identifiers = (source: string): Set<string> => {
  const tokens = [...codeOnly(source).matchAll(TOKEN)].map((m) => m[0])
  return new Set(tokens.filter((t, i) => /^[A-Za-z_]/.test(t) && tokens[i - 1] !== '.'))
}

/**
 * Whether `to` is `from` with names renamed one for one, each old name gone from the whole head and each new
 * one absent from the whole base (`metrics` → `bias_metrics` throughout): the cell computes and prints the same.
 */
function renamedOnly(
  from: string,
  to: string,
  baseNames: Set<string>,
  headNames: Set<string>,
  baseAssigned: (name: string) => boolean
): boolean {
  const a = [...codeOnly(from).matchAll(TOKEN)].map((m) => m[0])
  const b = [...codeOnly(to).matchAll(TOKEN)].map((m) => m[0])
  if (a.length !== b.length) return false
  const forward = new Map<string, string>()
  const backward = new Map<string, string>()
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue
    const names = /^[A-Za-z_]\w*$/
    if (!names.test(a[i]) || !names.test(b[i]) || PY_KEYWORD.test(a[i]) || PY_KEYWORD.test(b[i])) return false
    // an attribute is the object's, not a name the notebook chose; a library function swapped is another call
    if (a[i - 1] === '.' || headNames.has(a[i]) || baseNames.has(b[i]) || !baseAssigned(a[i])) return false
    if ((forward.get(a[i]) ?? b[i]) !== b[i] || (backward.get(b[i]) ?? a[i]) !== a[i]) return false
    forward.set(a[i], b[i])
    backward.set(b[i], a[i])
  }
  return forward.size > 0
}

function staleOutputs(view: FileView): Finding[] {
  const base = view.before?.notebook
  const head = view.after?.notebook
  if (view.kind !== 'notebook' || !base || !head) return []
  const namesOf = (cells: typeof base.cells): Set<string> =>
    new Set(cells.filter((c) => c.type === 'code').flatMap((c) => [...identifiers(c.source)]))
  let names: { base: Set<string>; head: Set<string> } | null = null
  let baseCode: string | null = null
  /** a variable the notebook itself assigns (`name = ...`, `name[key] = ...`, `for name in ...`) */
  const baseAssigned = (name: string): boolean => {
    baseCode ??= base.cells
      .filter((c) => c.type === 'code')
      .map((c) => codeOnly(c.source))
      .join('\n')
    return new RegExp(`(^|\\n)\\s*(${name}\\s*(\\[[^\\]\\n]*\\])?\\s*=(?!=)|for\\s+${name}\\s+in\\b)`).test(baseCode)
  }
  const out: Finding[] = []
  for (const pair of alignCells(base.cells, head.cells)) {
    if (pair.kind !== 'modified' && !(pair.kind === 'moved' && pair.modified)) continue
    const from = base.cells[pair.base]
    const to = head.cells[pair.head]
    if (to.type !== 'code' || to.outputs.length === 0 || to.executionCount === null) continue
    // a change to comments or blank lines alone cannot change what the cell prints
    if (codeOnly(from.source) === codeOnly(to.source)) continue
    names ??= { base: namesOf(base.cells), head: namesOf(head.cells) }
    if (renamedOnly(from.source, to.source, names.base, names.head, baseAssigned)) continue
    if (from.executionCount !== to.executionCount) continue
    if (from.outputs.length !== to.outputs.length) continue
    if (from.outputs.some((o, i) => outputKey(o) !== outputKey(to.outputs[i]))) continue
    // only numbers a reader takes as results mislead; stale prints, plots and reprs are a tidiness matter
    if (!to.outputs.some((o) => textMetrics(o.text, (i) => i + 1).length > 0)) continue
    out.push(
      makeFinding(
        STALE_OUTPUTS,
        view,
        to.sourceLines[0] ?? null,
        `cell ${to.index + 1}: code changed, outputs and execution count [${to.executionCount}] are the base's`
      )
    )
  }
  return out.slice(0, 5)
}

function format(v: number): string {
  return String(Number(v.toFixed(4)))
}

function gapFindings(view: FileView, before: Metric[], after: Metric[], limits: EvidenceLimits): Finding[] {
  const out: Finding[] = []
  const was = groupGaps(before)
  const now = groupGaps(after)
  for (const [name, g] of now) {
    const old = was.get(name)
    if (!old) continue
    const scale = unit([
      ...after.filter((m) => m.name === name).map((m) => m.value),
      ...before.filter((m) => m.name === name).map((m) => m.value)
    ])
    const gap = g.gap * scale
    const oldGap = old.gap * scale
    if (gap <= limits.groupGapLimit || gap - oldGap < MIN_GAP_GROWTH) continue
    out.push(
      makeFinding(
        GROUP_GAP_WIDENED,
        view,
        g.line,
        `${name} gap between ${g.groups} groups ${format(oldGap)} → ${format(gap)} (limit ${limits.groupGapLimit})`
      )
    )
  }
  // parity metrics reported directly: a difference away from 0, a ratio away from 1
  const a = latest(before)
  const b = latest(after)
  for (const [key, m] of b) {
    const old = a.get(key)
    if (!old) continue
    if (GAP_METRICS.has(m.name.replace(/^(eval_|test_|val_)/, ''))) {
      const gap = Math.abs(m.value)
      if (gap <= limits.groupGapLimit || gap - Math.abs(old.value) < MIN_GAP_GROWTH) continue
      out.push(
        makeFinding(GROUP_GAP_WIDENED, view, m.line, `${metricKey(m)} ${format(old.value)} → ${format(m.value)}`)
      )
    } else if (RATIO_METRICS.has(m.name.replace(/^(eval_|test_|val_)/, ''))) {
      const off = (v: number) => Math.abs(1 - (v > 1 ? 1 / v : v))
      if (off(m.value) <= 1 - FOUR_FIFTHS || off(m.value) - off(old.value) < MIN_GAP_GROWTH) continue
      out.push(
        makeFinding(
          GROUP_GAP_WIDENED,
          view,
          m.line,
          `${metricKey(m)} ${format(old.value)} → ${format(m.value)} (four-fifths rule: ${FOUR_FIFTHS})`
        )
      )
    }
  }
  return out.slice(0, 5)
}

const SPLIT_CODE =
  /train_test_split|test_size\s*=|train_size\s*=|validation_split|\.split\(|\.iloc\[|\.loc\[|\.head\(|\.tail\(|\.sample\(|K?Fold\(|ShuffleSplit\(|read_csv\(|read_parquet\(|load_dataset\(|_test\s*=|_val\s*=|_valid\s*=|test_df\s*=|eval_dataset\s*=/
const SPLIT_KEY =
  /(^|[._])((test|val|valid|validation|eval|holdout)[a-z_]*(size|split|splits|ratio|fraction|file|files|path|paths|dataset|datasets|set|data)|split|splits|dataset_splits|val_set_size|test_size|validation_split)$/i

/** Where this change moved the evaluation split or data: the first changed line that defines one, in any file. */
function splitChange(views: FileView[]): { path: string; line: number | null; text: string } | null {
  for (const v of views) {
    if (v.kind === 'config') {
      const was = new Map((v.before?.entries ?? []).map((e) => [e.key, JSON.stringify(e.value)]))
      const now = new Map((v.after?.entries ?? []).map((e) => [e.key, e]))
      for (const [key, e] of now) {
        if (SPLIT_KEY.test(key) && was.get(key) !== JSON.stringify(e.value))
          return { path: v.path, line: e.line, text: `${key}: ${JSON.stringify(e.value)}` }
      }
      for (const key of was.keys())
        if (SPLIT_KEY.test(key) && !now.has(key)) return { path: v.path, line: null, text: `${key} removed` }
    } else if (v.kind === 'notebook' || v.kind === 'python') {
      const old = new Set((v.before?.lines ?? []).map((l) => l.text.trim()))
      const neu = new Set((v.after?.lines ?? []).map((l) => l.text.trim()))
      for (const l of v.after?.lines ?? []) {
        const t = l.text.trim()
        if (t && !t.startsWith('#') && SPLIT_CODE.test(t) && !old.has(t)) return { path: v.path, line: l.line, text: t }
      }
      for (const l of v.before?.lines ?? []) {
        const t = l.text.trim()
        if (t && !t.startsWith('#') && SPLIT_CODE.test(t) && !neu.has(t))
          return { path: v.path, line: null, text: `removed: ${t}` }
      }
    }
  }
  return null
}

function scoreUpNewSplit(
  view: FileView,
  all: FileView[],
  before: Metric[],
  after: Metric[],
  limits: EvidenceLimits
): Finding[] {
  const a = latest(before)
  const b = latest(after)
  let best: { m: Metric; old: Metric; gain: number } | null = null
  for (const [key, m] of b) {
    const old = a.get(key)
    if (!old || m.group !== null || !HEADLINE.test(m.name)) continue
    const lower = lowerIsBetter(m.name)
    // losses have no fixed scale: a relative gain; bounded scores: absolute, percentages as fractions
    const gain = lower
      ? old.value > 0
        ? (old.value - m.value) / old.value
        : 0
      : (m.value - old.value) * unit([m.value, old.value])
    if (gain > limits.metricGainLimit && (!best || gain > best.gain)) best = { m, old, gain }
  }
  if (!best) return []
  const split = splitChange(all)
  if (!split) return []
  const where = split.line ? `${split.path}:${split.line}` : split.path
  return [
    makeFinding(
      SCORE_UP_NEW_SPLIT,
      view,
      best.m.line,
      `${best.m.name} ${format(best.old.value)} → ${format(best.m.value)} while the split changed (${where}: ${split.text})`
    )
  ]
}

export function evidenceChecks(limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS): Check {
  return (view, all) => {
    if (!view.after || !view.baseKnown || view.kind === 'python' || view.kind === 'other') return []
    const out: Finding[] = []
    const guarded = (f: () => Finding[]) => {
      try {
        out.push(...f())
      } catch {
        // one check failing on odd input leaves the others standing
      }
    }
    guarded(() => staleOutputs(view))
    const { before, after } = metricsOf({ path: view.path, before: view.before?.text ?? null, after: view.after.text })
    if (before.length > 0 && after.length > 0) {
      guarded(() => gapFindings(view, before, after, limits))
      guarded(() => scoreUpNewSplit(view, all, before, after, limits))
    }
    return out
  }
}
