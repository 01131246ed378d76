// The check run: `in_progress` at start, completed with the conclusion, then the annotations in batches of 50 (the
// Checks API's limit per request).
import type { GitHub, Repo } from './client.js'
import type { ChecklistItem, Conclusion } from '../types.js'

export const ANNOTATIONS_PER_REQUEST = 50

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

export interface CheckOutput {
  title: string
  summary: string
  text?: string
}

const LEVEL: Record<ChecklistItem['status'], Annotation['annotation_level']> = {
  fail: 'failure',
  warn: 'warning',
  pass: 'notice',
  na: 'notice'
}

/** One annotation per item; items without a location land on line 1 of the first ML file. */
export function toAnnotations(items: ChecklistItem[], firstFile: string | null, knownPaths: Set<string>): Annotation[] {
  const out: Annotation[] = []
  for (const item of items) {
    const located = item.path !== null && knownPaths.has(item.path)
    const path = located ? item.path : firstFile
    if (!path) continue
    const line = located && item.line && item.line > 0 ? item.line : 1
    out.push({
      path,
      start_line: line,
      end_line: line,
      annotation_level: LEVEL[item.status],
      title:
        `${item.status.toUpperCase()}${item.bias ? ' (bias)' : ''} ${item.id}${located && item.cell ? ` · ${item.cell}` : ''}`.slice(
          0,
          255
        ),
      message: item.text.slice(0, 65000)
    })
  }
  return out
}

export async function startCheck(
  gh: GitHub,
  repo: Repo,
  name: string,
  headSha: string,
  detailsUrl?: string
): Promise<number> {
  const { data } = await gh.rest.checks.create({
    ...repo,
    name,
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    details_url: detailsUrl,
    output: { title: 'Reviewing ML changes…', summary: 'The ML Engineering Review is running.' }
  })
  return data.id
}

/**
 * Completes the check (creating it when `id` is null), conclusion first so the check never hangs `in_progress`
 * if a later batch of annotations fails; then the remaining annotations, 50 per request.
 */
export async function completeCheck(
  gh: GitHub,
  repo: Repo,
  args: {
    id: number | null
    name: string
    headSha: string
    conclusion: Conclusion
    output: CheckOutput
    annotations: Annotation[]
    detailsUrl?: string
  }
): Promise<number> {
  const batches: Annotation[][] = []
  for (let i = 0; i < args.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(args.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  }
  const first = { ...args.output, annotations: batches[0] ?? [] }
  const completed = {
    status: 'completed' as const,
    conclusion: args.conclusion,
    completed_at: new Date().toISOString(),
    output: first
  }
  let id = args.id
  if (id === null) {
    const { data } = await gh.rest.checks.create({
      ...repo,
      name: args.name,
      head_sha: args.headSha,
      details_url: args.detailsUrl,
      ...completed
    })
    id = data.id
  } else {
    await gh.rest.checks.update({ ...repo, check_run_id: id, ...completed })
  }
  for (const batch of batches.slice(1)) {
    await gh.rest.checks.update({
      ...repo,
      check_run_id: id,
      // the whole output each time, so no update can blank the report text
      output: { ...args.output, annotations: batch }
    })
  }
  return id
}
