// The check run: `in_progress` at start, then completed with the conclusion whatever else fails (retries, then a
// smaller output, then the conclusion alone), then the annotations in batches of 50 (the Checks API's limit per
// request), so a refused batch never loses the conclusion.
import type { GitHub, Repo } from './client.js'
import { errorText, isPermissionError, isRateLimited, statusOf } from './client.js'
import {
  ANNOTATIONS_PER_REQUEST,
  MAX_ANNOTATION_BYTES,
  MAX_ANNOTATION_TITLE_CHARS,
  MAX_CHECK_TEXT_CHARS,
  MAX_CHECK_TITLE_CHARS,
  clipChars,
  fitBytes,
  fitChars
} from '../limits.js'
import type { ChecklistItem, Conclusion } from '../types.js'

export { ANNOTATIONS_PER_REQUEST }

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

/**
 * One annotation per item; items without a location land on line 1 of the first ML file. A line past the end of its
 * file (`lineCounts`: lines of each file at the head) is moved to the file's last line, and the message says so.
 */
export function toAnnotations(
  items: ChecklistItem[],
  firstFile: string | null,
  lineCounts: Map<string, number | null>
): Annotation[] {
  const out: Annotation[] = []
  for (const item of items) {
    const located = item.path !== null && lineCounts.has(item.path)
    const path = located ? (item.path as string) : firstFile
    if (!path) continue
    let line = located && item.line && item.line > 0 ? item.line : 1
    let moved = ''
    const count = lineCounts.get(path)
    if (count !== undefined && count !== null && line > count) {
      moved = ` (line ${line} is past the end of the file, ${count} lines)`
      line = Math.max(1, count)
    }
    out.push({
      path,
      start_line: line,
      end_line: line,
      // an item silenced inline or accepted on the PR no longer asks for action on its line
      annotation_level: item.suppressed || item.accepted ? 'notice' : LEVEL[item.status],
      title: clipChars(
        `${item.accepted ? 'ACCEPTED' : item.status.toUpperCase()}${item.bias ? ' (bias)' : ''} ${item.id}${located && item.cell ? ` · ${item.cell}` : ''}`,
        MAX_ANNOTATION_TITLE_CHARS
      ),
      message: fitBytes(
        item.text + moved,
        MAX_ANNOTATION_BYTES - 64,
        '… (cut to fit an annotation; the job summary has the full text)'
      )
    })
  }
  return out
}

/** Lines of a text as GitHub numbers them (a final newline ends the last line, it does not start a new one). */
export function lineCount(text: string): number {
  if (text === '') return 0
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return text.endsWith('\n') ? n - 1 : n
}

/** Keeps an output within the Checks API's sizes. */
export function boundedOutput(output: CheckOutput): CheckOutput {
  const note = '> ✂️ Cut to fit a check run; the job summary has everything.'
  return {
    title: clipChars(output.title, MAX_CHECK_TITLE_CHARS),
    summary: fitChars(output.summary, MAX_CHECK_TEXT_CHARS, note),
    ...(output.text !== undefined ? { text: fitChars(output.text, MAX_CHECK_TEXT_CHARS, note) } : {})
  }
}

export interface CheckStart {
  id: number
  /** the GitHub App that owns the check run: an installation token writes comments as `<slug>[bot]` */
  appSlug: string | null
}

export async function startCheck(
  gh: GitHub,
  repo: Repo,
  name: string,
  headSha: string,
  detailsUrl?: string
): Promise<CheckStart> {
  const full = {
    ...repo,
    name,
    head_sha: headSha,
    status: 'in_progress' as const,
    started_at: new Date().toISOString(),
    details_url: detailsUrl,
    output: { title: 'Reviewing ML changes…', summary: 'The ML Engineering Review is running.' }
  }
  let data: { id: number; app?: { slug?: string } | null }
  try {
    ;({ data } = await gh.rest.checks.create(full))
  } catch (e) {
    if (statusOf(e) !== 422) throw e
    // something in the extras was refused (e.g. the details URL): a bare check still holds the place
    ;({ data } = await gh.rest.checks.create({ ...repo, name, head_sha: headSha, status: 'in_progress' }))
  }
  return { id: data.id, appSlug: data.app?.slug ?? null }
}

export interface CompleteArgs {
  id: number | null
  name: string
  headSha: string
  conclusion: Conclusion
  output: CheckOutput
  annotations: Annotation[]
  detailsUrl?: string
  /** wait unit between tries */
  retryBaseMs: number
  log: (line: string) => void
}

export interface Completion {
  id: number
  /** which output the check holds: the full one, a short one, or none (conclusion alone) */
  output: 'full' | 'short' | 'none'
  annotationsSent: number
  annotationsFailed: number
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Completes the check (creating it when `id` is null) with the conclusion, trying ever smaller updates until one
 * lands; then the annotations, 50 per request. Throws only when no update could carry the conclusion.
 */
export async function completeCheck(gh: GitHub, repo: Repo, args: CompleteArgs): Promise<Completion> {
  const output = boundedOutput(args.output)
  const short = {
    title: output.title,
    summary: `${clipChars(output.summary, 2000)}\n\n> ✂️ The full report could not be attached to this check; it is in the job summary of the workflow run.`
  }
  const stages: { kind: Completion['output']; output?: CheckOutput }[] = [
    { kind: 'full', output },
    { kind: 'short', output: short },
    { kind: 'none' }
  ]
  let id = args.id
  let last: unknown = null
  for (const stage of stages) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = {
        ...repo,
        status: 'completed' as const,
        conclusion: args.conclusion,
        ...(stage.kind !== 'none' ? { completed_at: new Date().toISOString(), output: stage.output } : {})
      }
      try {
        if (id === null) {
          const { data } = await gh.rest.checks.create({
            ...body,
            name: args.name,
            head_sha: args.headSha,
            ...(args.detailsUrl && stage.kind === 'full' ? { details_url: args.detailsUrl } : {})
          })
          id = data.id
        } else {
          await gh.rest.checks.update({ ...body, check_run_id: id, name: args.name })
        }
        const sent = await sendAnnotations(gh, repo, id, stage.output ?? short, args)
        return { id, output: stage.kind, ...sent }
      } catch (e) {
        last = e
        if (isPermissionError(e)) throw e
        args.log(`Completing the check run (${stage.kind} output) failed: ${errorText(e)}`)
        // the check was deleted meanwhile: a new one carries the conclusion
        if (statusOf(e) === 404 && id !== null) {
          id = null
          continue
        }
        // a refused body will be refused again: go to a smaller one
        if (statusOf(e) === 422) break
        if (attempt === 0) await sleep(args.retryBaseMs * (isRateLimited(e) ? 5 : 1))
      }
    }
  }
  throw last instanceof Error ? last : new Error(String(last))
}

async function sendAnnotations(
  gh: GitHub,
  repo: Repo,
  id: number,
  output: CheckOutput,
  args: CompleteArgs
): Promise<{ annotationsSent: number; annotationsFailed: number }> {
  let sent = 0
  let failed = 0
  for (let i = 0; i < args.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    const batch = args.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST)
    try {
      // the same output each time, so no update can blank the report text
      await gh.rest.checks.update({ ...repo, check_run_id: id, output: { ...output, annotations: batch } })
      sent += batch.length
    } catch (e) {
      failed += batch.length
      args.log(`A batch of ${batch.length} annotations was refused: ${errorText(e)}`)
      if (isPermissionError(e) || isRateLimited(e)) {
        failed += Math.max(0, args.annotations.length - i - ANNOTATIONS_PER_REQUEST)
        break
      }
    }
  }
  return { annotationsSent: sent, annotationsFailed: failed }
}
