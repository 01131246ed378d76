// Where results go on GitHub: the sticky comment, the check run, the job summary, workflow-command annotations when
// the token cannot write, and the step outputs. A refused write degrades; it never loses the report.
import type { GitHub, Repo } from './github/client.js'
import { isPermissionError } from './github/client.js'
import { completeCheck, startCheck, toAnnotations } from './github/checks.js'
import { findSticky, tokenLogin, upsertSticky } from './github/comment.js'
import type { ActionIO } from './io.js'
import type { Decision } from './report/decide.js'
import { renderCheckOutput, renderComment, renderSummary, reviewedHead, type RenderInput } from './report/render.js'
import { checklistOutput } from './report/checklist-output.js'
import type { ChecklistItem } from './types.js'

/** The runner shows at most this many annotations of each level per step. */
const RUNNER_ANNOTATIONS_PER_LEVEL = 10

const READ_ONLY_HINT =
  'The token cannot write comments or checks (a pull request from a fork gets a read-only GITHUB_TOKEN, or the workflow lacks `permissions: pull-requests: write, checks: write`). The report is in the job summary and in annotations. For full comments on fork PRs, run on `pull_request_target` (without checking out PR code) or in a `workflow_run` follow-up.'

export interface PublishTarget {
  repo: Repo
  checkName: string
  headSha: string
  runUrl: string
  /** PR number for the comment; null for audits */
  issue: number | null
  comment: boolean
  annotations: boolean
}

export class Publisher {
  checkId: number | null = null
  commentUrl = ''
  private readOnly = false

  constructor(
    private readonly gh: GitHub,
    private readonly io: ActionIO,
    private readonly target: PublishTarget
  ) {}

  private refused(what: string, e: unknown): void {
    // one warning however many writes are refused
    if (!this.readOnly) this.io.warning(`Could not ${what} (${(e as Error).message}). ${READ_ONLY_HINT}`)
    this.readOnly = true
  }

  /** Marks the check `in_progress`; a refusal switches to read-only mode instead of failing. */
  async start(): Promise<void> {
    try {
      this.checkId = await startCheck(
        this.gh,
        this.target.repo,
        this.target.checkName,
        this.target.headSha,
        this.target.runUrl
      )
      this.io.info(`Check run "${this.target.checkName}" started on ${this.target.headSha} (id ${this.checkId}).`)
    } catch (e) {
      if (!isPermissionError(e)) throw e
      this.refused('create the check run', e)
    }
  }

  /** Publishes everything. Each sink is tried on its own so one refusal does not lose the others. */
  async publish(render: RenderInput, files: string[], opts: { comment: boolean } = { comment: true }): Promise<void> {
    const summaryWritten = await this.io.writeSummary(renderSummary(render))
    if (opts.comment && this.target.comment && this.target.issue !== null) await this.publishComment(render)
    await this.publishCheck(render, files)
    if (this.readOnly) this.fallbackAnnotations(render.items, files)
    if (!summaryWritten)
      this.io.info('No job summary file (GITHUB_STEP_SUMMARY); the report follows in the log.\n' + render.report)
  }

  /** Updates an existing sticky comment only: used when a PR no longer has ML changes. */
  async refreshExistingComment(body: string): Promise<void> {
    if (!this.target.comment || this.target.issue === null) return
    try {
      const login = await tokenLogin(this.gh)
      const existing = await findSticky(this.gh, this.target.repo, this.target.issue, login)
      if (existing) {
        const r = await upsertSticky(this.gh, this.target.repo, this.target.issue, login, body, existing)
        this.commentUrl = r.url
      }
    } catch (e) {
      if (!isPermissionError(e)) throw e
      this.refused('update the PR comment', e)
    }
  }

  private async publishComment(render: RenderInput): Promise<void> {
    const issue = this.target.issue as number
    try {
      const login = await tokenLogin(this.gh)
      const existing = await findSticky(this.gh, this.target.repo, issue, login)
      if (render.staleFor && existing && reviewedHead(existing.body) === render.staleFor) {
        // a run for the newer head already published: its comment stays
        this.commentUrl = existing.url
        this.io.info(
          `The comment already holds the review of the newer head ${render.staleFor.slice(0, 7)}; not overwriting it.`
        )
        return
      }
      const r = await upsertSticky(this.gh, this.target.repo, issue, login, renderComment(render), existing)
      this.commentUrl = r.url
      this.io.info(`${r.created ? 'Created' : 'Updated'} the review comment: ${r.url}`)
    } catch (e) {
      if (!isPermissionError(e)) throw e
      this.refused('write the PR comment', e)
    }
  }

  private async publishCheck(render: RenderInput, files: string[]): Promise<void> {
    const annotations = this.target.annotations ? toAnnotations(render.items, files[0] ?? null, new Set(files)) : []
    try {
      this.checkId = await completeCheck(this.gh, this.target.repo, {
        id: this.checkId,
        name: this.target.checkName,
        headSha: this.target.headSha,
        conclusion: render.decision.conclusion,
        output: renderCheckOutput(render),
        annotations,
        detailsUrl: this.target.runUrl
      })
      this.io.info(`Check run completed: ${render.decision.conclusion} with ${annotations.length} annotations.`)
    } catch (e) {
      if (!isPermissionError(e)) throw e
      this.refused('complete the check run', e)
    }
  }

  /** Workflow-command annotations within the runner's limits: failures first. */
  private fallbackAnnotations(items: ChecklistItem[], files: string[]): void {
    if (!this.target.annotations) return
    const levels = [
      { status: 'fail', emit: this.io.error.bind(this.io) },
      { status: 'warn', emit: this.io.warning.bind(this.io) },
      { status: 'pass', emit: this.io.notice.bind(this.io) }
    ] as const
    for (const { status, emit } of levels) {
      const of = items.filter((i) => i.status === status || (status === 'pass' && i.status === 'na'))
      for (const item of of.slice(0, RUNNER_ANNOTATIONS_PER_LEVEL)) {
        const file = item.path && files.includes(item.path) ? item.path : files[0]
        emit(item.text, {
          title: `${item.id}${item.bias ? ' (bias)' : ''}`,
          file,
          startLine: file === item.path ? (item.line ?? 1) : 1
        })
      }
      if (of.length > RUNNER_ANNOTATIONS_PER_LEVEL) {
        this.io.info(`${of.length - RUNNER_ANNOTATIONS_PER_LEVEL} more ${status} items are in the job summary.`)
      }
    }
  }

  /** Ends a check that was started when the run crashes, so a required check never hangs `in_progress`. */
  async abort(message: string): Promise<void> {
    if (this.checkId === null || this.readOnly) return
    try {
      await completeCheck(this.gh, this.target.repo, {
        id: this.checkId,
        name: this.target.checkName,
        headSha: this.target.headSha,
        conclusion: 'failure',
        output: { title: 'The review could not finish', summary: message.slice(0, 60000) },
        annotations: []
      })
    } catch {
      // the run is failing already; the step's error says why
    }
  }
}

export function writeOutputs(
  io: ActionIO,
  o: {
    report: string
    items: ChecklistItem[]
    decision: Decision
    commentUrl: string
    checkRunId: number | null
    skipped: boolean
  }
): void {
  io.setOutput('report', o.report)
  io.setOutput('checklist', JSON.stringify(checklistOutput(o.items)))
  io.setOutput('failed', String(o.items.filter((i) => i.status === 'fail').length))
  io.setOutput('bias-failed', String(o.items.filter((i) => i.status === 'fail' && i.bias).length))
  io.setOutput('conclusion', o.decision.conclusion)
  io.setOutput('comment-url', o.commentUrl)
  io.setOutput('check-run-id', o.checkRunId === null ? '' : String(o.checkRunId))
  io.setOutput('skipped', String(o.skipped))
}

export function failureMessage(decision: Decision): string {
  const lines = decision.blocking.map((i) => `- ${i.text}${i.path ? ` (${i.path}${i.line ? `:${i.line}` : ''})` : ''}`)
  return [`ML Engineering Review: merge blocked — ${decision.reason}`, ...lines].join('\n')
}
