// The merge decision (SPEC §8), computed in code from the checklist — never taken from the model's prose.
import type { FailOn, OnBridgeError, OnUnreadableFile } from '../inputs.js'
import type { ChecklistItem, Conclusion } from '../types.js'

export interface DecisionInput {
  hasMlFiles: boolean
  items: ChecklistItem[]
  failOn: FailOn
  /** the agent review did not give a report (it failed, or no bridge is configured) */
  bridgeFailed: boolean
  /** false: no bridge is configured, so the built-in checks decide alone and `on-bridge-error` does not apply */
  bridgeConfigured?: boolean
  onBridgeError: OnBridgeError
  /** the bridge answered but its answer held no checklist: bias items could not be verified */
  checklistMissing?: boolean
  /** ML files on the head that could not be read or analysed (SPEC §8) */
  unanalysed?: { path: string; reason: string }[]
  /** `on-unreadable-file`: `fail` (default) or `neutral` */
  onUnreadableFile?: OnUnreadableFile
}

export interface Decision {
  conclusion: Conclusion
  /** one line that says why */
  reason: string
  /** the items that made the conclusion `failure` */
  blocking: ChecklistItem[]
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function decide(d: DecisionInput): Decision {
  if (!d.hasMlFiles) return { conclusion: 'skipped', reason: 'No ML changes', blocking: [] }
  // an inline-suppressed item (never a bias one) is listed, not counted against the change
  const failed = d.items.filter((i) => i.status === 'fail' && !i.suppressed)
  // an accepted finding is listed, never blocking
  const open = failed.filter((i) => !i.accepted)
  const blocking = d.failOn === 'bias' ? open.filter((i) => i.bias) : d.failOn === 'any' ? open : []
  const accepted = d.items.filter((i) => i.accepted && (i.status === 'fail' || i.status === 'warn')).length
  // what else failed, so the line never hides a failure behind the policy
  const aside = [
    open.length > blocking.length
      ? `${plural(open.length - blocking.length, 'item')} failed, not blocking under fail-on: ${d.failOn}`
      : '',
    accepted > 0 ? `${plural(accepted, 'finding')} accepted` : ''
  ].filter((s) => s !== '')
  const also = aside.length > 0 ? `; ${aside.join('; ')}` : ''
  if (blocking.length > 0) {
    const what = d.failOn === 'bias' ? 'bias/fairness item' : 'checklist item'
    return { conclusion: 'failure', reason: `${plural(blocking.length, what)} failed${also}`, blocking }
  }
  const unanalysed = d.unanalysed ?? []
  if (unanalysed.length > 0) {
    const names = unanalysed
      .slice(0, 5)
      .map((u) => u.path)
      .join(', ')
    const what = `${unanalysed.length} ML file${unanalysed.length === 1 ? '' : 's'} could not be analysed (${names}${unanalysed.length > 5 ? ', …' : ''})`
    // neutral and skipped pass a required check: only an explicit policy (or fail-on: never) may give less than failure
    if ((d.onUnreadableFile ?? 'fail') === 'fail' && d.failOn !== 'never') {
      return { conclusion: 'failure', reason: `${what}; on-unreadable-file: fail`, blocking: [] }
    }
    const policy = d.failOn === 'never' ? 'fail-on: never' : 'on-unreadable-file: neutral'
    return { conclusion: 'neutral', reason: `${what}; ${policy}, so the check is neutral, not a success`, blocking: [] }
  }
  const configured = d.bridgeConfigured ?? true
  if (d.bridgeFailed && configured) {
    if (d.onBridgeError === 'fail') {
      return {
        conclusion: 'failure',
        reason: `The agent review did not run (on-bridge-error: fail)${also}`,
        blocking: []
      }
    }
    if (d.onBridgeError === 'skip') {
      return {
        conclusion: 'skipped',
        reason: `The agent review did not run (on-bridge-error: skip)${also}`,
        blocking: []
      }
    }
    return { conclusion: 'neutral', reason: `The agent review did not run; built-in checks only${also}`, blocking: [] }
  }
  if (d.checklistMissing) {
    return {
      conclusion: 'neutral',
      reason: `The agent answered without a Responsible AI checklist, so no bias item could be verified${also}`,
      blocking: []
    }
  }
  const warned = d.items.filter((i) => i.status === 'warn' && !i.accepted).length
  const builtInOnly = configured ? '' : ' (built-in checks only: no bridge is configured)'
  const reason =
    failed.length > 0
      ? `No blocking items${also}`
      : warned > 0
        ? `No failed items; ${plural(warned, 'warning')}${also}`
        : `All checklist items passed${also}`
  return { conclusion: 'success', reason: reason + builtInOnly, blocking: [] }
}
