// The review itself, shared by the action and `ml-review`: diffs → built-in checks → bridge → report → decision.
// Sources (where files come from) and sinks (where results go) belong to the callers.
import { BridgeClient, requestBody, type BridgeConfig, type BridgeOutcome } from './bridge/client.js'
import { buildMessage, jsonBytes, type ReviewSubject } from './bridge/request.js'
import { AnalysisBudget, processCpu } from './analysis/budget.js'
import { analyze } from './analysis/index.js'
import { analyseFiles, overBound, type EvidenceLimits, type Unanalysed } from './checks/index.js'
import { buildView } from './checks/view.js'
import { configSecretValues } from './diff/config.js'
import { diffFile } from './diff/index.js'
import { cellPosition, parseNotebook } from './diff/notebook.js'
import { setKnownSecrets } from './diff/redact.js'
import type { FailOn, OnBridgeError, OnUnreadableFile } from './inputs.js'
import type { CheckPolicy } from './policy.js'
import { builtinReport, findingsToItems } from './report/builtin.js'
import { decide, type Decision } from './report/decide.js'
import { mergeItems } from './report/merge.js'
import { codeSpan } from './report/escape.js'
import { parseReport } from './report/parse.js'
import type { StageClock } from './timing.js'
import type { ChangedFile, ChecklistItem, FileDiff, Finding } from './types.js'

export interface ReviewOptions {
  subject: ReviewSubject
  files: ChangedFile[]
  /** notes from collection (caps, unreadable files) */
  notes: string[]
  /** what the collection could not reach at all (e.g. files past a capped list that could not be found otherwise) */
  unanalysed?: Unanalysed[]
  /** null: no bridge configured */
  bridge: Omit<BridgeConfig, 'idempotencyKey'> | null
  idempotencyKey: string
  /** why there is no bridge, when `bridge` is null */
  noBridgeReason?: string
  /** whether a bridge is configured at all (default: `bridge` is set); when not, `on-bridge-error` does not apply */
  bridgeConfigured?: boolean
  /** marks the items accepted on the pull request (`/ml-review accept`), before the decision */
  accept?: (items: ChecklistItem[]) => ChecklistItem[]
  maxRequestBytes: number
  failOn: FailOn
  onBridgeError: OnBridgeError
  /** an ML file on the head that cannot be read or analysed; default `fail` */
  onUnreadableFile?: OnUnreadableFile
  /** limits of the checks on outputs and metrics; defaults when absent */
  evidence?: EvidenceLimits
  /** `checks:` of `.github/ml-review.yml`: levels and path ignores per built-in check */
  checks?: CheckPolicy
  /** the run's CPU budget for analysis (shared with `prepareFile`); a default one when absent */
  budget?: AnalysisBudget
  /** where the time of each stage is counted */
  clock?: StageClock
  log: (line: string) => void
}

/**
 * The work on one file that needs no other file — its diff, both sides parsed and their data flow — done as soon as
 * it is collected, while the rest is still downloading; `review` then finds it done. Never throws.
 */
export function prepareFile(file: ChangedFile, budget: AnalysisBudget, clock?: StageClock): void {
  // over a per-file bound it is neither parsed nor diffed (review says why); the run-wide bound is review's
  if (overBound(file, 0) !== null) return
  // the run's CPU clock read sparingly (see CpuClock): there can be thousands of files
  const w0 = processCpu.wallNow()
  const c0 = processCpu.start()
  try {
    diffFile(file)
  } catch {
    // review meets the same error in its own time and reports it
  }
  const w1 = processCpu.wallNow()
  const c1 = processCpu.end(w0, c0)
  clock?.credit('diff', w1 - w0, c1 - c0)
  if (file.after === null || !budget.admit(file)) return
  try {
    const view = buildView(file)
    if (view.kind === 'notebook' || view.kind === 'python') {
      if (view.after) analyze(view.after)
      if (view.before) analyze(view.before)
    }
  } catch {
    // as above
  }
  const c2 = processCpu.end(w1, c1)
  clock?.credit('checks', processCpu.wallNow() - w1, c2 - c1)
  budget.spend(c2 - c1)
}

export interface ReviewResult {
  report: string
  items: ChecklistItem[]
  findings: Finding[]
  diffs: FileDiff[]
  decision: Decision
  notes: string[]
  /** the agent's own answer (whole, or the part that came); null when the report is the built-in one */
  agentReport: string | null
  /** the agent did not give a report */
  bridgeFailed: boolean
  bridgeMessage: string | null
  /** the agent answered, but without a Responsible AI checklist */
  checklistMissing: boolean
  /** request bytes sent to the bridge (last attempt) */
  requestBytes: number
  /** ML files on the head the built-in checks could not cover */
  unanalysed: Unanalysed[]
}

export async function review(opts: ReviewOptions): Promise<ReviewResult> {
  const { files } = opts
  const paths = files.map((f) => f.path)
  // secrets the parsed configs reveal (under anchors, escapes, folded lines) are redacted wherever they appear
  setKnownSecrets(
    files.flatMap((f) => [
      ...configSecretValues(f.previousPath ?? f.path, f.before),
      ...configSecretValues(f.path, f.after)
    ])
  )
  const clock = opts.clock
  const timed = <T>(stage: 'diff' | 'checks', work: () => T): T => (clock ? clock.sync(stage, work) : work())
  const analysis = timed('checks', () =>
    analyseFiles(files, { evidence: opts.evidence, policy: opts.checks, budget: opts.budget })
  )
  const { findings } = analysis
  const unanalysed = [...(opts.unanalysed ?? []), ...analysis.unanalysed]
  // a file over a bound is not parsed for its diff either: its patch (from the API) is all that is shown
  const overBounds = new Set(unanalysed.filter((u) => u.overBound).map((u) => u.path))
  const diffs = timed('diff', () =>
    files.map((f) =>
      overBounds.has(f.path) ? diffFile({ ...f, before: null, after: null, patch: f.patch ?? '' }) : diffFile(f)
    )
  )
  const builtinItems = findingsToItems(findings)
  const notes = [...opts.notes, ...analysis.notes]
  for (const u of unanalysed) notes.push(`${codeSpan(u.path)} could not be analysed: ${u.reason}.`)
  const onUnreadableFile = opts.onUnreadableFile ?? 'fail'

  if (files.length === 0 && unanalysed.length === 0) {
    return {
      report: 'No ML files changed.',
      items: [],
      findings,
      diffs,
      decision: decide({
        hasMlFiles: false,
        items: [],
        failOn: opts.failOn,
        bridgeFailed: false,
        onBridgeError: opts.onBridgeError
      }),
      notes,
      agentReport: null,
      bridgeFailed: false,
      bridgeMessage: null,
      checklistMissing: false,
      requestBytes: 0,
      unanalysed
    }
  }

  let outcome: BridgeOutcome | null = null
  let requestBytes = 0
  let omitted: string[] = []
  let redactions = 0
  // with nothing collected there is nothing to ask about (what was out of reach decides alone)
  if (opts.bridge && files.length > 0) {
    const bridge = opts.bridge
    // the rest of the body (agent, model, extra keys) takes its share of the budget too
    const overhead = Buffer.byteLength(requestBody(bridge, ''))
    const build = (maxBytes: number): string => {
      const built = buildMessage(
        {
          subject: opts.subject,
          files: files.map((f) => ({ path: f.path, status: f.status, previousPath: f.previousPath })),
          findings,
          diffs,
          notes: opts.notes.concat(unanalysed.map((u) => `${u.path} could not be analysed: ${u.reason}`))
        },
        maxBytes - overhead
      )
      omitted = built.omitted
      redactions = built.redactions
      requestBytes = overhead + jsonBytes(built.message)
      return built.message
    }
    const client = new BridgeClient({ ...bridge, idempotencyKey: opts.idempotencyKey }, opts.log)
    outcome = await client.review(build, opts.maxRequestBytes)
  }

  if (omitted.length > 0) {
    notes.push(
      `Not sent to the agent to stay within max-request-bytes (${omitted.length}): ${omitted.slice(0, 30).join(', ')}${omitted.length > 30 ? ', …' : ''}`
    )
  }
  if (redactions > 0)
    notes.push(`${redactions} secret${redactions === 1 ? ' was' : 's were'} redacted before anything left the runner.`)
  for (const d of diffs) for (const n of d.notes) notes.push(`${codeSpan(d.path)}: ${n}`)

  // an accepted asynchronous run is not a failure of the bridge: its result is neutral (SPEC §5.1)
  const onBridgeError = outcome && !outcome.ok && outcome.kind === 'accepted' ? 'neutral' : opts.onBridgeError
  const accept = opts.accept ?? ((items: ChecklistItem[]) => items)
  const finish = (
    report: string,
    items: ChecklistItem[],
    failure: string | null,
    checklistMissing = false,
    agentReport: string | null = null
  ): ReviewResult => ({
    report,
    items: withCells(items, files),
    findings,
    diffs,
    decision: decide({
      hasMlFiles: true,
      items,
      failOn: opts.failOn,
      bridgeFailed: failure !== null,
      bridgeConfigured: opts.bridgeConfigured ?? opts.bridge !== null,
      onBridgeError,
      checklistMissing,
      unanalysed,
      onUnreadableFile
    }),
    notes,
    agentReport,
    bridgeFailed: failure !== null,
    bridgeMessage: failure,
    checklistMissing,
    requestBytes,
    unanalysed
  })

  if (outcome && outcome.ok) {
    const parsed = parseReport(outcome.text, paths)
    if (outcome.unavailable.length > 0) notes.push(`Unavailable specialists: ${outcome.unavailable.join('; ')}`)
    if (!parsed.hasChecklist) {
      notes.push('The agent answered without a Responsible AI checklist; no bias item could be verified.')
    }
    return finish(
      outcome.text,
      accept(mergeItems(parsed.checklist, builtinItems)),
      null,
      !parsed.hasChecklist,
      outcome.text
    )
  }

  const why = outcome ? outcome.message : (opts.noBridgeReason ?? 'No bridge is configured.')
  const report = builtinReport(
    findings,
    `The agent review did not run: ${why} This report holds the built-in checks only.`,
    paths
  )
  if (outcome && !outcome.ok && outcome.partialText) {
    // a 500 with partial results: show what came, and take its checklist too
    const parsed = parseReport(outcome.partialText, paths)
    return finish(
      `${outcome.partialText}\n\n---\n\n${report}`,
      accept(mergeItems(parsed.checklist, builtinItems)),
      why,
      false,
      outcome.partialText
    )
  }
  return finish(report, accept(builtinItems), why)
}

/** Names the notebook cell of every located item on a notebook ("cell 5, line 3"), agent items included. */
function withCells(items: ChecklistItem[], files: ChangedFile[]): ChecklistItem[] {
  const heads = new Map(files.filter((f) => f.path.toLowerCase().endsWith('.ipynb')).map((f) => [f.path, f.after]))
  return items.map((item) => {
    const text = item.path ? heads.get(item.path) : undefined
    if (item.cell || !text || !item.line) return item
    try {
      const cell = cellPosition(parseNotebook(text), item.line)
      return cell ? { ...item, cell } : item
    } catch {
      return item // a head that is not a notebook: the item keeps its plain location
    }
  })
}
