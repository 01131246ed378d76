// Where results go on GitHub: the sticky comment, the check run, the job summary, workflow-command annotations when
// the token cannot write, and the step outputs. A refused write degrades; it never loses the report, and the check
// run, once started, is always completed with the conclusion (or the step fails saying it could not be).
import { writeFileSync } from 'node:fs'
import pkg from '../package.json' with { type: 'json' }
import type { GitHub, Repo } from './github/client.js'
import { errorText, isPermissionError } from './github/client.js'
import { completeCheck, startCheck, toAnnotations } from './github/checks.js'
import { findSticky, tokenLogin, upsertSticky } from './github/comment.js'
import type { ReviewInput } from './github/review.js'
import type { ActionIO } from './io.js'
import type { Decision } from './report/decide.js'
import { reviewedHead } from './report/marker.js'
import type { RenderInput } from './report/render.js'
import type { ChecklistItem, Conclusion } from './types.js'
import { checklistOutput } from './report/checklist-output.js'

// the renderer, the review comments and SARIF load when there is something to publish, not before the first request
const renderer = (): Promise<typeof import('./report/render.js')> => import('./report/render.js')

const VERSION = pkg.version

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
  /** wait unit between tries of a check update */
  retryBaseMs: number
}

/** A reviewed file as the check run sees it: its path and its number of lines at the head (null: not there). */
export interface PublishedFile {
  path: string
  lines: number | null
}

export class Publisher {
  checkId: number | null = null
  commentUrl = ''
  /** what could not be published and should fail the step: a check left unfinished */
  readonly problems: string[] = []
  private readOnly = false
  private appSlug: string | null = null
  private completed = false

  constructor(
    private readonly gh: GitHub,
    private readonly io: ActionIO,
    private target: PublishTarget
  ) {}

  /** Settings known only once the inputs (and the repository's config) are read. */
  configure(settings: Pick<PublishTarget, 'checkName' | 'comment' | 'annotations'>): void {
    this.target = { ...this.target, ...settings }
  }

  private refused(what: string, e: unknown): void {
    // one warning however many writes are refused
    if (!this.readOnly) this.io.warning(`Could not ${what} (${errorText(e)}). ${READ_ONLY_HINT}`)
    this.readOnly = true
  }

  private log = (line: string): void => this.io.info(line)

  /** Marks the check `in_progress`; a refusal switches to read-only mode, any other failure waits for the end. */
  async start(): Promise<void> {
    try {
      const started = await startCheck(
        this.gh,
        this.target.repo,
        this.target.checkName,
        this.target.headSha,
        this.target.runUrl
      )
      this.checkId = started.id
      this.appSlug = started.appSlug
      this.io.info(`Check run "${this.target.checkName}" started on ${this.target.headSha} (id ${this.checkId}).`)
    } catch (e) {
      if (isPermissionError(e)) return this.refused('create the check run', e)
      // the completion creates it instead
      this.io.warning(`Could not start the check run (${errorText(e)}); it is created when the review ends.`)
    } finally {
      this.askIdentity()
    }
  }

  /** Publishes everything. Each sink is tried on its own so one failure does not lose the others. */
  async publish(
    render: RenderInput,
    files: PublishedFile[],
    opts: { comment: boolean } = { comment: true }
  ): Promise<void> {
    const { renderSummary } = await renderer()
    let summaryWritten = false
    try {
      summaryWritten = await this.io.writeSummary(renderSummary(render))
    } catch (e) {
      this.io.warning(`Could not write the job summary: ${errorText(e)}`)
    }
    if (opts.comment && this.target.comment && this.target.issue !== null) await this.publishComment(render)
    await this.publishCheck(render, files)
    if (this.readOnly)
      this.fallbackAnnotations(
        render.items,
        files.map((f) => f.path)
      )
    if (!summaryWritten)
      this.io.info('No job summary file (GITHUB_STEP_SUMMARY); the report follows in the log.\n' + render.report)
  }

  /**
   * The comment needs the token's identity: asked once the check run is started (the first request of a run), while
   * the files are collected, not among the publishing's round trips.
   */
  private askIdentity(): void {
    if (this.target.issue === null || this.askedUser) return
    this.askedUser = this.gh.rest.users.getAuthenticated()
    // met by `login`; until then it must not count as unhandled
    this.askedUser.catch(() => undefined)
  }

  private identity: Promise<string | null> | null = null
  private askedUser: ReturnType<GitHub['rest']['users']['getAuthenticated']> | undefined

  /** The token's login, asked once per run (the comment and the review both need it). */
  private async login(): Promise<string | null> {
    if (!this.identity) {
      // the answer asked ahead is used once: a failure is asked again next time
      this.identity = tokenLogin(this.gh, this.appSlug, this.askedUser)
      this.askedUser = undefined
    }
    try {
      return await this.identity
    } catch (e) {
      this.identity = null
      throw e
    }
  }

  /** Updates an existing sticky comment only: used when a PR no longer has ML changes. */
  async refreshExistingComment(body: string): Promise<void> {
    if (!this.target.comment || this.target.issue === null) return
    try {
      const login = await this.login()
      const existing = await findSticky(this.gh, this.target.repo, this.target.issue, login)
      if (existing) {
        const r = await upsertSticky(this.gh, this.target.repo, this.target.issue, login, body, existing, this.log)
        this.commentUrl = r.url
      }
    } catch (e) {
      if (isPermissionError(e)) return this.refused('update the PR comment', e)
      this.io.warning(`Could not update the PR comment: ${errorText(e)}`)
    }
  }

  private async publishComment(render: RenderInput): Promise<void> {
    const issue = this.target.issue as number
    try {
      const login = await this.login()
      const existing = await findSticky(this.gh, this.target.repo, issue, login)
      if (render.staleFor && existing && reviewedHead(existing.body) === render.staleFor) {
        // a run for the newer head already published: its comment stays
        this.commentUrl = existing.url
        this.io.info(
          `The comment already holds the review of the newer head ${render.staleFor.slice(0, 7)}; not overwriting it.`
        )
        return
      }
      const { renderComment } = await renderer()
      const r = await upsertSticky(this.gh, this.target.repo, issue, login, renderComment(render), existing, this.log)
      this.commentUrl = r.url
      this.io.info(`${r.created ? 'Created' : 'Updated'} the review comment: ${r.url}`)
    } catch (e) {
      if (isPermissionError(e)) return this.refused('write the PR comment', e)
      // the check run and the job summary still carry the result
      this.io.warning(
        `Could not write the PR comment (${errorText(e)}); the check run and the job summary hold the review.`
      )
    }
  }

  private async finish(
    conclusion: Conclusion,
    output: { title: string; summary: string; text?: string },
    annotations: ReturnType<typeof toAnnotations>
  ): Promise<void> {
    try {
      const done = await completeCheck(this.gh, this.target.repo, {
        id: this.checkId,
        name: this.target.checkName,
        headSha: this.target.headSha,
        conclusion,
        output,
        annotations,
        detailsUrl: this.target.runUrl,
        retryBaseMs: this.target.retryBaseMs,
        log: this.log
      })
      this.checkId = done.id
      this.completed = true
      const lost = done.annotationsFailed > 0 ? ` (${done.annotationsFailed} could not be sent)` : ''
      const held =
        done.output === 'full' ? '' : ` (${done.output === 'short' ? 'a short output' : 'the conclusion alone'})`
      this.io.info(`Check run completed: ${conclusion}${held} with ${done.annotationsSent} annotations${lost}.`)
      if (done.annotationsFailed > 0)
        this.io.warning(
          `${done.annotationsFailed} annotations could not be added to the check run; the job summary lists every item.`
        )
    } catch (e) {
      if (isPermissionError(e)) return this.refused('complete the check run', e)
      this.problems.push(
        `The check run "${this.target.checkName}" could not be completed with "${conclusion}" (${errorText(e)}).`
      )
    }
  }

  private async publishCheck(render: RenderInput, files: PublishedFile[]): Promise<void> {
    if (this.readOnly) return
    const lines = new Map(files.map((f) => [f.path, f.lines]))
    const annotations = this.target.annotations ? toAnnotations(render.items, files[0]?.path ?? null, lines) : []
    const { renderCheckOutput } = await renderer()
    await this.finish(render.decision.conclusion, renderCheckOutput(render), annotations)
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

  /** Inline review comments, after the comment and the check; what fails here is logged and loses nothing else. */
  async publishReview(input: ReviewInput, staleFor?: string): Promise<void> {
    if (input.mode === 'none' || this.target.issue === null) return
    const skip = (why: string): void => this.io.info(`Review comments skipped: ${why}`)
    if (this.readOnly) return skip('the token cannot write to this pull request.')
    if (staleFor) return skip(`the head moved to ${staleFor.slice(0, 7)}; its own run comments on it.`)
    const { ReadOnlyToken, reviewComments } = await import('./github/review.js')
    try {
      const login = await this.login()
      if (login === null) return skip("the token's identity is unknown, so its earlier comments cannot be told apart.")
      const { issue, repo, headSha } = { ...this.target, issue: this.target.issue }
      const r = await reviewComments(this.gh, repo, issue, headSha, login, input, this.log)
      this.io.info(
        `Review comments: ${r.posted} on lines, ${r.fileLevel} on files, ${r.kept} already there, ${r.resolved} resolved, ${r.edited} marked as closed.${r.reviewUrl ? ` ${r.reviewUrl}` : ''}`
      )
    } catch (e) {
      if (e instanceof ReadOnlyToken || isPermissionError(e))
        return skip(`the token cannot write review comments (${errorText(e)}).`)
      this.io.warning(
        `Could not publish the review comments (${errorText(e)}); the PR comment and the check run hold every finding.`
      )
    }
  }

  /** Ends the check when the run crashes, so a required check never hangs `in_progress`. */
  async abort(message: string): Promise<void> {
    if (this.readOnly || this.completed) return
    await this.finish('failure', { title: 'The review could not finish', summary: message }, [])
  }

  /** A check that was started and never completed: the step must say so. */
  unfinished(): string | null {
    if (this.completed || this.readOnly) return null
    return this.problems.join(' ') || `The check run "${this.target.checkName}" was not completed.`
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
  // an accepted finding counts as passed (SPEC §8); one suppressed inline is listed, not counted (as in the comment)
  const failed = o.items.filter((i) => i.status === 'fail' && !i.accepted && !i.suppressed)
  io.setOutput('failed', String(failed.length))
  io.setOutput('bias-failed', String(failed.filter((i) => i.bias).length))
  io.setOutput('accepted', String(o.items.filter((i) => i.accepted).length))
  io.setOutput('conclusion', o.decision.conclusion)
  io.setOutput('comment-url', o.commentUrl)
  io.setOutput('check-run-id', o.checkRunId === null ? '' : String(o.checkRunId))
  io.setOutput('skipped', String(o.skipped))
}

export function failureMessage(decision: Decision): string {
  const lines = decision.blocking.map((i) => `- ${i.text}${i.path ? ` (${i.path}${i.line ? `:${i.line}` : ''})` : ''}`)
  return [`ML Engineering Review: merge blocked — ${decision.reason}`, ...lines].join('\n')
}

/** The SARIF file when `sarif` is on (output `sarif-file`); a file that cannot be written is a warning, not a failure. */
export async function writeSarifFile(
  io: ActionIO,
  file: string,
  items: ChecklistItem[],
  files: { path: string }[]
): Promise<void> {
  if (!file) return
  const { sarifText, toSarif } = await import('./report/sarif.js')
  try {
    writeFileSync(file, sarifText(toSarif({ items, files: files.map((f) => f.path), version: VERSION })))
    io.setOutput('sarif-file', file)
    io.info(`SARIF written to ${file}.`)
  } catch (e) {
    io.warning(`Could not write the SARIF file ${file}: ${errorText(e)}`)
  }
}
