// The merge decision (SPEC §8), computed in code from the checklist — never taken from the model's prose.
import type { FailOn, OnBridgeError, OnUnreadableFile } from '../inputs.js'
import type { ChecklistItem, Conclusion } from '../types.js'

export interface DecisionInput {
  hasMlFiles: boolean
  items: ChecklistItem[]
  failOn: FailOn
  /** the bridge failed or was not configured */
  bridgeFailed: boolean
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

export function decide(d: DecisionInput): Decision {
  if (!d.hasMlFiles) return { conclusion: 'skipped', reason: 'No ML changes', blocking: [] }
  // an inline-suppressed item (never a bias one) is listed, not counted against the change
  const failed = d.items.filter((i) => i.status === 'fail' && !i.suppressed)
  const biasFailed = failed.filter((i) => i.bias)
  const blocking = d.failOn === 'bias' ? biasFailed : d.failOn === 'any' ? failed : []
  if (blocking.length > 0) {
    const what = d.failOn === 'bias' ? 'bias/fairness' : 'checklist'
    return {
      conclusion: 'failure',
      reason: `${blocking.length} ${what} item${blocking.length === 1 ? '' : 's'} failed`,
      blocking
    }
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
  if (d.bridgeFailed) {
    if (d.onBridgeError === 'fail') {
      return { conclusion: 'failure', reason: 'The agent review did not run (on-bridge-error: fail)', blocking: [] }
    }
    if (d.onBridgeError === 'skip') {
      return { conclusion: 'skipped', reason: 'The agent review did not run (on-bridge-error: skip)', blocking: [] }
    }
    return { conclusion: 'neutral', reason: 'The agent review did not run; built-in checks only', blocking: [] }
  }
  if (d.checklistMissing) {
    return {
      conclusion: 'neutral',
      reason: 'The agent answered without a Responsible AI checklist, so no bias item could be verified',
      blocking: []
    }
  }
  const warned = d.items.filter((i) => i.status === 'warn').length
  const reason =
    failed.length > 0
      ? `${failed.length} item${failed.length === 1 ? '' : 's'} failed, none blocking (fail-on: ${d.failOn})`
      : warned > 0
        ? `No failed items; ${warned} warning${warned === 1 ? '' : 's'}`
        : 'All checklist items passed'
  return { conclusion: 'success', reason, blocking: [] }
}
