// The description of each check and the one way a Finding is made from it.
import { cellPosition } from '../diff/notebook.js'
import { redactSecrets } from '../diff/redact.js'
import type { Finding } from '../types.js'
import { clip } from './python.js'
import type { FileView } from './view.js'

export interface CheckSpec {
  id: string
  family: Finding['family']
  title: string
  status: Finding['status']
  bias: boolean
  /** what it flags, one line (for the docs table) */
  flags: string
  fix: string
}

export type Check = (view: FileView, all: FileView[]) => Finding[]

export function makeFinding(
  spec: CheckSpec,
  view: FileView,
  line: number | null,
  evidence: string,
  override: Partial<Pick<Finding, 'title' | 'fix' | 'status'>> = {}
): Finding {
  return {
    check: spec.id,
    family: spec.family,
    title: override.title ?? spec.title,
    status: override.status ?? spec.status,
    bias: spec.bias,
    path: view.path,
    line: view.after ? line : null,
    evidence: clip(redact(evidence), 200),
    fix: override.fix ?? spec.fix,
    ...cellOf(view, line)
  }
}

function cellOf(view: FileView, line: number | null): { cell?: string } {
  const notebook = view.after?.notebook
  if (view.kind !== 'notebook' || !notebook || line === null) return {}
  const cell = cellPosition(notebook, line)
  return cell ? { cell } : {}
}

/** Evidence is published in the PR comment: a token on the offending line must not be. */
function redact(text: string): string {
  try {
    return redactSecrets(text).text
  } catch {
    return text
  }
}
