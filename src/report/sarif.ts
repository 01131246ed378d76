// SARIF 2.1.0 for code scanning: one run whose driver holds a rule for every built-in check and whose extension holds
// the rules of the agent's checklist items; a result per failed or warned item, at its file and line, fingerprinted
// by the item's stable id so an alert survives its line moving. Within GitHub's limits on an upload: past them the
// least severe results are left out, and the run says how many.
import { gzipSync } from 'node:zlib'
import type { Log, Notification, ReportingDescriptor, Result, Run } from 'sarif'
import { CHECKS } from '../checks/index.js'
import type { ChecklistItem } from '../types.js'
import { whyItMatters } from './why.js'

/** What GitHub code scanning takes in one upload (per run): results, and the gzipped size of the file. */
export const SARIF_LIMITS = { maxResults: 25_000, maxGzipBytes: 10 * 1024 * 1024 }

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
export const TOOL_NAME = 'ML Engineering Review'
/** partialFingerprints key of the item's stable id */
export const FINGERPRINT = 'mlEngineeringReviewItem/v1'

const AGENT_RULES: ReportingDescriptor[] = [
  {
    id: 'AGENT-CHECKLIST-ITEM',
    name: 'AgentChecklistItem',
    shortDescription: { text: "An item of the agent's ML Engineering Report that failed or warned" },
    fullDescription: {
      text: 'The AI ML engineer reviewed the change and marked this checklist item as failed or as a warning.'
    },
    help: { text: "Read the item and the agent's report in the pull request comment, and fix what it names." },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['ml', 'agent'] }
  },
  {
    id: 'AGENT-BIAS-ITEM',
    name: 'AgentBiasItem',
    shortDescription: { text: "A bias or fairness item of the agent's Responsible AI checklist that failed or warned" },
    fullDescription: {
      text: 'The AI ML engineer marked a bias or fairness item of the Responsible AI checklist as failed or as a warning; a failed one blocks the merge by default.'
    },
    help: { text: 'Fix the bias item (or accept it with a reason on the pull request) before merging.' },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['ml', 'agent', 'bias', 'responsible-ai'] }
  }
]

function pascal(id: string): string {
  return id
    .toLowerCase()
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}

/** A rule for every built-in check, in the order of the checks. */
export function builtinRules(): ReportingDescriptor[] {
  return CHECKS.map((c) => {
    const why = whyItMatters(c.id)
    return {
      id: c.id,
      name: pascal(c.id),
      shortDescription: { text: c.title },
      fullDescription: { text: `Flags ${c.flags}.${why ? ` ${why}` : ''}` },
      help: { text: `Fix: ${c.fix}`, markdown: `**Fix:** ${c.fix}` },
      defaultConfiguration: { level: c.status === 'fail' ? 'error' : 'warning' },
      properties: { tags: ['ml', c.family, ...(c.bias ? ['bias'] : [])], precision: 'high' }
    }
  })
}

/** `[CHECK] title: evidence` → CHECK, for the built-in items. */
function checkOf(item: ChecklistItem): string | null {
  return item.source === 'builtin' ? (/^\[([A-Z][A-Z0-9-]+)\]/.exec(item.text)?.[1] ?? null) : null
}

const SEVERITY = (i: ChecklistItem): number => (i.status === 'fail' ? 0 : 2) + (i.bias ? 0 : 1)

export interface SarifInput {
  items: ChecklistItem[]
  /** the reviewed files: an item without a path is placed on the first, line 1, as the check's annotations are */
  files: string[]
  version: string
}

/** The SARIF log of a review, within `limits` (GitHub's by default). */
export function toSarif(input: SarifInput, limits = SARIF_LIMITS): Log {
  const rules = builtinRules()
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]))
  const agentIndex = new Map(AGENT_RULES.map((r, i) => [r.id, i]))
  const results: Result[] = []
  const open = input.items.filter((i) => i.status === 'fail' || i.status === 'warn')
  // the most severe first, so what the limits leave out is the least severe
  const ordered = open
    .map((item, at) => ({ item, at }))
    .sort((a, b) => SEVERITY(a.item) - SEVERITY(b.item) || a.at - b.at)
  for (const { item } of ordered) {
    const path = item.path ?? input.files[0]
    const check = checkOf(item)
    const builtin = check !== null && ruleIndex.has(check)
    const agentRule = item.bias ? 'AGENT-BIAS-ITEM' : 'AGENT-CHECKLIST-ITEM'
    const result: Result = {
      ...(builtin
        ? { ruleId: check, ruleIndex: ruleIndex.get(check) }
        : {
            ruleId: agentRule,
            rule: { id: agentRule, index: agentIndex.get(agentRule), toolComponent: { index: 0 } }
          }),
      level: item.status === 'fail' ? 'error' : 'warning',
      message: { text: item.cell ? `${item.text} (${item.cell})` : item.text },
      partialFingerprints: { [FINGERPRINT]: item.id },
      properties: { itemId: item.id, bias: item.bias, source: item.source }
    }
    if (path) {
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
            region: { startLine: item.path && item.line ? item.line : 1 }
          }
        }
      ]
    }
    if (item.accepted) {
      result.suppressions = [
        { kind: 'external', status: 'accepted', justification: `${item.accepted.by}: ${item.accepted.reason}` }
      ]
    } else if (item.suppressed) {
      result.suppressions = [{ kind: 'inSource', justification: item.suppressed.reason }]
    }
    results.push(result)
  }
  const run: Run = {
    tool: {
      driver: { name: TOOL_NAME, semanticVersion: input.version, version: input.version, rules },
      extensions: [{ name: `${TOOL_NAME} agent`, rules: AGENT_RULES }]
    },
    automationDetails: { id: 'ml-engineering-review/' },
    columnKind: 'utf16CodeUnits',
    results
  }
  return fit({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, limits)
}

function gzippedBytes(log: Log): number {
  return gzipSync(JSON.stringify(log)).length
}

/** Leaves out the least severe results past the limits, and says so in the run's invocation. */
function fit(log: Log, limits: typeof SARIF_LIMITS): Log {
  const run = log.runs[0]
  const all = run.results ?? []
  let kept = Math.min(all.length, limits.maxResults)
  const withKept = (n: number): Log => {
    const notes: Notification[] = []
    if (n < all.length) {
      notes.push({
        level: 'warning',
        message: {
          text: `${all.length - n} of ${all.length} results were left out to stay within GitHub's limits on a SARIF upload (${limits.maxResults} results, ${limits.maxGzipBytes} bytes gzipped); the least severe went first. The check run and the job summary list every item.`
        }
      })
    }
    return {
      ...log,
      runs: [
        {
          ...run,
          results: all.slice(0, n),
          ...(notes.length > 0
            ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notes }] }
            : {})
        }
      ]
    }
  }
  if (gzippedBytes(withKept(kept)) <= limits.maxGzipBytes) return withKept(kept)
  // the most results that fit: a binary search on the count
  let low = 0
  let high = kept
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (gzippedBytes(withKept(mid)) <= limits.maxGzipBytes) low = mid
    else high = mid - 1
  }
  kept = low
  return withKept(kept)
}

/** The text of the file: stable key order, two-space indent. */
export function sarifText(log: Log): string {
  return `${JSON.stringify(log, null, 2)}\n`
}
