// run(): wires the stages for the action — inputs, event, collect, review, publish.
// Only what the first request needs is loaded up front; the rest (collecting, the checks, the bridge, rendering) is
// loaded while that request is in flight, so the check run starts as soon as the process does.
import type { Ledger, Verdict } from './accept/bind.js'
import type { CoveredPull } from './accept/ledger.js'
import type { ReviewSubject } from './bridge/request.js'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { readContext, type RunContext } from './context.js'
import type { BridgeConfig } from './bridge/client.js'
import { createGitHub, errorText, statusOf, timingFromEnv, type GitHub, type Repo } from './github/client.js'
import type { Comparison } from './github/compare.js'
import type { FilesPage, PullFile, PullInfo } from './github/pull.js'
import type { Inputs } from './inputs.js'
import { coreIO, logSafe, type ActionIO } from './io.js'
import { AnalysisBudget } from './analysis/budget.js'
import { lineCount } from './github/checks.js'
import { StageClock } from './timing.js'
import type { ReviewResult } from './pipeline.js'
import { failureMessage, Publisher, writeOutputs, writeSarifFile } from './publish.js'
import type { ChangedFile, ChecklistItem } from './types.js'

/** The modules of the review itself, loaded once, on first use (or ahead of it by `preload`). */
const lazy = {
  bind: () => import('./accept/bind.js'),
  commands: () => import('./accept/commands.js'),
  ledger: () => import('./accept/ledger.js'),
  prSource: () => import('./collect/pr-source.js'),
  treeSource: () => import('./collect/tree-source.js'),
  compare: () => import('./github/compare.js'),
  issueComments: () => import('./github/issue-comments.js'),
  pull: () => import('./github/pull.js'),
  inputs: () => import('./inputs.js'),
  policy: () => import('./policy.js'),
  pipeline: () => import('./pipeline.js'),
  render: () => import('./report/render.js')
}

/** Starts loading every module of a review (a failure shows where the module is used). */
function preload(): void {
  for (const load of Object.values(lazy)) load().catch(() => undefined)
}

/** undici's channel for a request whose headers are written: the request is on its way. */
const SENT = 'undici:client:sendHeaders'

/**
 * Calls `fn` once `n` requests are on their way, or after `ms` at the latest (or when `settle` is called).
 * Loading modules holds the thread: started earlier, it would hold back the requests it is meant to overlap.
 */
function whenSent(n: number, ms: number, fn: () => void): () => void {
  let left = n
  let done = false
  const settle = (): void => {
    if (done) return
    done = true
    clearTimeout(timer)
    unsubscribe(SENT, onSent)
    fn()
  }
  const onSent = (): void => {
    if (--left <= 0) settle()
  }
  const timer = setTimeout(settle, ms)
  timer.unref()
  subscribe(SENT, onSent)
  return settle
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])
const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review'])
const EVENTS = new Set([...PR_EVENTS, 'merge_group', 'workflow_dispatch', 'issue_comment'])
const SUPPORTED = 'pull_request, pull_request_target, merge_group, workflow_dispatch and issue_comment (/ml-review)'
const REPO_CONFIG_PATH = '.github/ml-review.yml'
const DEFAULT_CHECK_NAME = 'ML Engineering Review'
/** Who may re-run the review with a `/ml-review` comment. */
const COMMAND_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

/** The parts of a pull_request payload the action reads. */
interface PayloadPull {
  number: number
  title?: string
  html_url?: string
  changed_files?: number
  draft?: boolean
  user?: { login?: string }
  head?: { sha?: string; ref?: string }
  base?: { sha?: string; ref?: string }
}

/** The parts of a merge_group payload the action reads. */
interface PayloadMergeGroup {
  head_sha?: string
  head_ref?: string
  base_sha?: string
  base_ref?: string
}

/** A merge queue's commit: its change is base → head. */
interface MergeGroup {
  headSha: string
  headRef: string
  baseSha: string
  baseRef: string
}

/** An accept or revoke comment that started this run: it is answered when not all of it could be done. */
interface Trigger {
  commentId: number
  login: string
}

interface PayloadComment {
  id: number
  body?: string
  author_association?: string
  user?: { login?: string }
}

export async function run(
  io: ActionIO = coreIO(),
  env: Record<string, string | undefined> = process.env
): Promise<void> {
  // file names, the bridge's answers and GitHub's messages reach the log: none may start a workflow command
  const safe = logSafe(io)
  try {
    await runAction(safe, env)
  } catch (e) {
    safe.setFailed(e instanceof Error ? e.message : String(e))
  }
}

/** `.github/ml-review.yml` at a trusted ref (the base, so a PR cannot loosen its own gate). */
export async function repoConfig(
  gh: GitHub,
  repo: Repo,
  ref: string,
  io: ActionIO,
  /** the file's text, when its read was started earlier */
  read: Promise<string | null> = readRepoConfig(gh, repo, ref)
): Promise<Record<string, unknown> | undefined> {
  let text: string | null
  try {
    text = await read
  } catch (e) {
    io.info(`Could not read ${REPO_CONFIG_PATH} (${(e as Error).message}); using the inputs alone.`)
    return undefined
  }
  if (text === null) return undefined
  io.info(`Using ${REPO_CONFIG_PATH} at ${ref.slice(0, 7)} (inputs win over it).`)
  return (await lazy.policy()).parseRepoConfig(text)
}

async function readRepoConfig(gh: GitHub, repo: Repo, ref: string): Promise<string | null> {
  const { getFileContent } = await lazy.pull()
  return (await getFileContent(gh, repo, REPO_CONFIG_PATH, ref)).text
}

/** Reads a run starts with, sent beside the check run's creation; their answers are used once the check is started. */
interface EarlyReads {
  config: Promise<string | null>
  /** the accept and revoke commands of the pull request (not read ahead for a draft, which may be skipped) */
  ledger?: Promise<Ledger>
  /** the first page of the pull request's files (likewise) */
  files?: Promise<FilesPage>
}

const ledgerAhead = (target: NonNullable<Target>): boolean => target.kind === 'pull' && !target.pull.draft

function earlyReads(gh: GitHub, repo: Repo, target: NonNullable<Target>): EarlyReads {
  const trustedRef =
    target.kind === 'pull' ? target.pull.baseSha : target.kind === 'group' ? target.group.baseSha : target.sha
  const reads: EarlyReads = { config: readRepoConfig(gh, repo, trustedRef) }
  if (target.kind === 'pull' && ledgerAhead(target)) {
    const { number, author } = target.pull
    reads.ledger = lazy.ledger().then((m) => m.readLedger(gh, repo, [{ number, author: author ?? null }]))
    reads.files = lazy.pull().then((m) => m.firstFilesPage(gh, repo, number))
    reads.files.catch(() => undefined)
  }
  // a run that fails before it uses them must not fail again on their rejections
  reads.config.catch(() => undefined)
  reads.ledger?.catch(() => undefined)
  return reads
}

function pullFromPayload(p: PayloadPull | undefined, eventName: string): PullInfo {
  if (!p?.head?.sha || !p.base?.sha)
    throw new Error(`The ${eventName} event payload has no pull_request with head and base`)
  return {
    number: p.number,
    title: p.title ?? '',
    headSha: p.head.sha,
    baseSha: p.base.sha,
    headRef: p.head.ref ?? '',
    baseRef: p.base.ref ?? '',
    changedFiles: p.changed_files ?? 0,
    htmlUrl: p.html_url ?? '',
    ...(p.user?.login ? { author: p.user.login } : {}),
    draft: p.draft ?? false
  }
}

/**
 * What this event asks for: a pull request (with the `/ml-review` comment to acknowledge), an audit of a commit, or
 * nothing (with the reason logged).
 */
type Target =
  | { kind: 'pull'; pull: PullInfo; commandComment?: number; trigger?: Trigger }
  | { kind: 'audit'; sha: string; ref: string }
  | { kind: 'group'; group: MergeGroup }
  | null

async function targetOf(io: ActionIO, gh: GitHub, ctx: RunContext, repo: Repo): Promise<Target> {
  const action = typeof ctx.payload.action === 'string' ? ctx.payload.action : ''
  if (PR_EVENTS.has(ctx.eventName)) {
    if (action && !PR_ACTIONS.has(action)) {
      io.info(
        `Nothing to review for a "${action}" ${ctx.eventName} event (reviews run on ${[...PR_ACTIONS].join(', ')}).`
      )
      return null
    }
    return { kind: 'pull', pull: pullFromPayload(ctx.payload.pull_request as PayloadPull | undefined, ctx.eventName) }
  }
  if (ctx.eventName === 'merge_group') {
    if (action !== 'checks_requested') {
      io.info(`Nothing to review for a "${action}" merge_group event (reviews run on checks_requested).`)
      return null
    }
    const g = ctx.payload.merge_group as PayloadMergeGroup | undefined
    if (!g?.head_sha || !g.base_sha)
      throw new Error('The merge_group event payload has no merge_group with head_sha and base_sha')
    return {
      kind: 'group',
      group: { headSha: g.head_sha, baseSha: g.base_sha, headRef: g.head_ref ?? '', baseRef: g.base_ref ?? '' }
    }
  }
  if (ctx.eventName === 'workflow_dispatch') {
    const dispatched = (ctx.payload.inputs as Record<string, unknown> | undefined)?.['pr-number']
    const raw =
      io.getInput('pr-number').trim() ||
      (typeof dispatched === 'string' || typeof dispatched === 'number' ? String(dispatched).trim() : '')
    if (raw === '') {
      if (!ctx.sha) throw new Error('GITHUB_SHA is not set: cannot tell which commit to audit')
      return { kind: 'audit', sha: ctx.sha, ref: ctx.ref }
    }
    const number = (await lazy.inputs()).parsePrNumber(raw) as number
    try {
      return { kind: 'pull', pull: await (await lazy.pull()).getPull(gh, repo, number) }
    } catch (e) {
      if (statusOf(e) === 404) {
        throw new Error(`Input "pr-number": pull request #${raw} was not found in ${repo.owner}/${repo.repo}`, {
          cause: e
        })
      }
      throw e
    }
  }
  // issue_comment: runAction lets no other event through
  const issue = ctx.payload.issue as { number: number; pull_request?: unknown } | undefined
  const comment = ctx.payload.comment as PayloadComment | undefined
  if (
    action !== 'created' ||
    !issue?.pull_request ||
    !comment ||
    !/^\/ml-review(\s|$)/.test((comment.body ?? '').trim())
  ) {
    io.info('This comment is not a /ml-review command on a pull request; nothing to do.')
    return null
  }
  const who = comment.user?.login ?? 'someone'
  if ((await lazy.commands()).hasCommands(comment.body ?? '')) return acceptTarget(io, gh, repo, issue.number, comment)
  if (!COMMAND_ASSOCIATIONS.has(comment.author_association ?? '')) {
    io.info(
      `/ml-review by ${who} (${comment.author_association ?? 'NONE'}) ignored: only owners, members and collaborators can run it.`
    )
    return null
  }
  io.info(`/ml-review by ${who}: reviewing #${issue.number} again.`)
  return { kind: 'pull', pull: await (await lazy.pull()).getPull(gh, repo, issue.number), commandComment: comment.id }
}

/**
 * An accept or revoke comment: its author's role is asked of the API first, so that a command nobody may give
 * costs no review (it gets a reply); otherwise the PR is reviewed again, which applies it.
 */
async function acceptTarget(
  io: ActionIO,
  gh: GitHub,
  repo: Repo,
  number: number,
  comment: PayloadComment
): Promise<Target> {
  const who = comment.user?.login ?? ''
  const [{ bindAcceptances, EMPTY_LEDGER, mayAccept }, { parseCommands }, { permissionOf }, { getPull }] =
    await Promise.all([lazy.bind(), lazy.commands(), lazy.issueComments(), lazy.pull()])
  const pull = await getPull(gh, repo, number)
  let role: Awaited<ReturnType<typeof permissionOf>> | { error: string }
  try {
    role = await permissionOf(gh, repo, who)
  } catch (e) {
    role = { error: errorText(e) }
  }
  if (typeof role === 'string' && mayAccept(role)) {
    io.info(`/ml-review accept or revoke by ${who} (${role}): reviewing #${number} again to apply it.`)
    return { kind: 'pull', pull, commandComment: comment.id, trigger: { commentId: comment.id, login: who } }
  }
  const commands = parseCommands(
    {
      id: comment.id,
      body: comment.body ?? '',
      login: who,
      userType: 'User',
      createdAt: '',
      url: ''
    },
    number
  )
  const { verdicts } = bindAcceptances(
    [],
    { ...EMPTY_LEDGER, commands, permissions: new Map([[who, role]]) },
    {
      authorCanAcceptBias: false
    }
  )
  io.info(`/ml-review accept or revoke by ${who} not honoured: ${verdicts[0]?.why ?? 'no permission'}.`)
  await answer(io, gh, repo, number, { commentId: comment.id, login: who }, verdicts, pull.headSha)
  return null
}

/** Replies to a command comment once, when some of it was not done; a reply that cannot be posted is logged. */
async function answer(
  io: ActionIO,
  gh: GitHub,
  repo: Repo,
  issue: number,
  trigger: Trigger,
  verdicts: Verdict[],
  headSha: string
): Promise<void> {
  const [{ replyText }, { replyOnce }] = await Promise.all([lazy.bind(), lazy.issueComments()])
  const text = replyText(
    trigger.login,
    verdicts.filter((v) => v.command.comment.id === trigger.commentId),
    headSha
  )
  if (text === null) return
  try {
    const done = await replyOnce(gh, repo, issue, trigger.commentId, text)
    io.info(done === 'posted' ? 'Replied to the command comment.' : 'The command comment has its reply already.')
  } catch (e) {
    io.warning(`Could not reply to the command comment (${errorText(e)}): ${text}`)
  }
}

async function runAction(io: ActionIO, env: Record<string, string | undefined>): Promise<void> {
  const ctx = readContext(env)
  const repo = { owner: ctx.owner, repo: ctx.repo }
  // secrets first, so nothing that follows can print them
  const bridgeToken = io.getInput('bridge-token') || env.SUPERCLAUDE_BRIDGE_TOKEN || ''
  const githubToken = io.getInput('github-token') || env.GITHUB_TOKEN || ''
  if (bridgeToken) io.setSecret(bridgeToken)
  if (githubToken) io.setSecret(githubToken)

  if (!EVENTS.has(ctx.eventName)) {
    io.info(
      `ML Engineering Review runs on ${SUPPORTED} events; "${ctx.eventName || '(none)'}" is not one of them, so there is nothing to review.`
    )
    return
  }
  if (!githubToken)
    throw new Error('Input "github-token" is empty; pass ${{ github.token }} or a token that can read the repository')
  const timing = timingFromEnv(env)
  const gh = createGitHub(githubToken, ctx.apiUrl, timing, (line) => io.info(line))
  const target = await targetOf(io, gh, ctx, repo)
  if (!target) return

  // the check holds the place before anything else can fail, and is completed whatever fails after
  const publisher = new Publisher(gh, io, {
    repo,
    checkName: io.getInput('check-name').trim() || DEFAULT_CHECK_NAME,
    headSha: target.kind === 'pull' ? target.pull.headSha : target.kind === 'group' ? target.group.headSha : target.sha,
    runUrl: ctx.runUrl,
    // a merge queue's commit belongs to no one PR: no comment
    issue: target.kind === 'pull' ? target.pull.number : null,
    comment: true,
    annotations: true,
    retryBaseMs: timing.retryBaseMs
  })
  // the rest of the review loads while the check run is created and the first reads are answered
  // the reads go out once the check run's creation has (a read never overtakes it)
  const load = whenSent(ledgerAhead(target) ? 3 : 2, 100, preload)
  let early: EarlyReads | undefined
  const read = whenSent(1, 50, () => (early = earlyReads(gh, repo, target)))
  const started = publisher.start()
  await started
  read()
  load()
  await onStartedCheck(io, publisher, async () => {
    if (target.kind === 'pull' && target.commandComment !== undefined) {
      try {
        await gh.rest.reactions.createForIssueComment({ ...repo, comment_id: target.commandComment, content: 'eyes' })
      } catch (e) {
        io.info(`Could not react to the /ml-review comment (${(e as Error).message}).`)
      }
    }
    const trustedRef =
      target.kind === 'pull' ? target.pull.baseSha : target.kind === 'group' ? target.group.baseSha : target.sha
    const { getInputs } = await lazy.inputs()
    const inputs = getInputs({
      getInput: (n) => io.getInput(n),
      env,
      repoConfig: await repoConfig(gh, repo, trustedRef, io, early?.config)
    })
    publisher.configure({ checkName: inputs.checkName, comment: inputs.comment, annotations: inputs.annotations })
    if (target.kind === 'pull')
      await reviewPull(io, gh, ctx, repo, target.pull, inputs, publisher, target.trigger, early)
    else if (target.kind === 'group') await reviewGroup(io, gh, ctx, repo, target.group, inputs, publisher)
    else await reviewAudit(io, gh, ctx, repo, target.sha, target.ref, inputs, publisher)
  })
}

/** Runs `work` on a started check: a failure completes the check with its reason; a check left open fails the step. */
async function onStartedCheck<T>(io: ActionIO, publisher: Publisher, work: () => Promise<T>): Promise<T> {
  let result: T
  try {
    result = await work()
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    await publisher.abort(message)
    const unfinished = publisher.unfinished()
    throw unfinished ? new Error(`${message}\n${unfinished}`, { cause: e }) : e
  }
  const unfinished = publisher.unfinished()
  if (unfinished) io.setFailed(unfinished)
  return result
}

/** The bridge settings of the inputs, as the client takes them (also for `ml-review`). */
export function bridgeConfig(inputs: Inputs): Omit<BridgeConfig, 'idempotencyKey'> {
  return {
    url: inputs.bridgeUrl,
    token: inputs.bridgeToken,
    protocol: inputs.bridgeProtocol,
    agentId: inputs.agentId,
    model: inputs.model,
    thinking: inputs.thinking,
    timeoutMs: inputs.bridgeTimeout * 1000,
    extra: inputs.bridgeExtra,
    resultUrl: inputs.bridgeResultUrl
  }
}

function bridgeOf(inputs: Inputs): { bridge: Omit<BridgeConfig, 'idempotencyKey'> | null; why?: string } {
  if (!inputs.bridgeUrl) {
    return {
      bridge: null,
      why: 'No bridge-url is set (nor SUPERCLAUDE_BRIDGE_URL); secrets are not passed to workflows on pull requests from forks.'
    }
  }
  if (!inputs.bridgeToken) {
    return {
      bridge: null,
      why: 'No bridge-token is set (nor SUPERCLAUDE_BRIDGE_TOKEN); secrets are not passed to workflows on pull requests from forks.'
    }
  }
  return { bridge: bridgeConfig(inputs) }
}

export interface Job {
  subject: ReviewSubject
  sha: string
  issue: number | null
  idempotencyKey: string
  /** `onFile` gets each ML file as soon as it is in, while the rest is still read */
  collect: (onFile?: (file: ChangedFile) => void) => Promise<{
    files: ChangedFile[]
    total: number
    notes: string[]
    unanalysed?: { path: string; reason: string }[]
  }>
  /** the PR head now, when it may have moved during the review */
  currentHead?: () => Promise<string>
  /** the accept and revoke commands of the pull requests the change belongs to */
  ledger?: Ledger
}

async function reviewPull(
  io: ActionIO,
  gh: GitHub,
  ctx: RunContext,
  repo: Repo,
  pull: PullInfo,
  inputs: Inputs,
  publisher: Publisher,
  trigger?: Trigger,
  /** the ledger and the first page of files, when their reads were started earlier */
  early?: Pick<EarlyReads, 'ledger' | 'files'>
): Promise<void> {
  if (pull.draft && inputs.skipDrafts) return skipDraft(io, ctx, publisher, pull)
  const ledger = await (early?.ledger ??
    lazy.ledger().then((m) => m.readLedger(gh, repo, [{ number: pull.number, author: pull.author ?? null }])))
  const job = pullJob(gh, repo, early?.files ? { ...pull, firstPage: early.files } : pull, inputs)
  const { verdicts } = await execute(io, ctx, publisher, inputs, { ...job, ledger })
  if (trigger) await answer(io, gh, repo, pull.number, trigger, verdicts, pull.headSha)
}

/** `skip-drafts`: a draft gets a `skipped` check that says so, and no comment; `ready_for_review` reviews it. */
async function skipDraft(io: ActionIO, ctx: RunContext, publisher: Publisher, pull: PullInfo): Promise<void> {
  const decision = {
    conclusion: 'skipped' as const,
    reason: 'Draft pull request: not reviewed until it is marked ready for review (skip-drafts)',
    blocking: []
  }
  io.info(`#${pull.number} is a draft and skip-drafts is on: the check is skipped; it is reviewed when marked ready.`)
  await publisher.publish(
    { decision, report: decision.reason, items: [], headSha: pull.headSha, runUrl: ctx.runUrl, notes: [] },
    [],
    { comment: false }
  )
  writeOutputs(io, {
    report: decision.reason,
    items: [],
    decision,
    commentUrl: '',
    checkRunId: publisher.checkId,
    skipped: true
  })
}

/** The branch of a merge queue entry names its pull request: `gh-readonly-queue/<base>/pr-<N>-<sha>`. */
export function queuedPull(ref: string): number | null {
  const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{7,64}$/.exec(ref)
  return m ? Number(m[1]) : null
}

/**
 * The pull requests whose changes a merge group holds: its own (from its branch) and those ahead of it in the queue
 * (queue branches whose commit lies between the group's base and head).
 */
async function groupPulls(
  gh: GitHub,
  repo: Repo,
  group: MergeGroup,
  comparison: Comparison
): Promise<{ pulls: PullInfo[]; notes: string[] }> {
  const notes: string[] = []
  const numbers: number[] = []
  const own = queuedPull(group.headRef)
  if (own !== null) numbers.push(own)
  const base = group.baseRef.replace(/^refs\/heads\//, '')
  try {
    const inGroup = new Set([...comparison.commits, group.headSha])
    for (const b of await (await lazy.compare()).queueBranches(gh, repo, base)) {
      const n = queuedPull(b.ref)
      if (n !== null && inGroup.has(b.sha) && !numbers.includes(n)) numbers.push(n)
    }
  } catch (e) {
    notes.push(
      `The merge queue's branches could not be listed (${errorText(e)}): only the acceptances of #${own ?? '?'} count.`
    )
  }
  if (comparison.totalCommits > comparison.commits.length)
    notes.push(
      `The merge group holds ${comparison.totalCommits} commits, more than the ${comparison.commits.length} GitHub lists: acceptances of pull requests further ahead in the queue may not count.`
    )
  const pulls: PullInfo[] = []
  const { getPull } = await lazy.pull()
  for (const n of numbers) {
    try {
      pulls.push(await getPull(gh, repo, n))
    } catch (e) {
      // without its author the two-person rule cannot be kept: its acceptances do not count
      notes.push(`#${n} could not be read (${errorText(e)}), so no finding counts as accepted there in this run.`)
    }
  }
  return { pulls, notes }
}

/** merge_group: the queue commit's change, on a check of its head SHA; acceptances of the PRs in the group count. */
async function reviewGroup(
  io: ActionIO,
  gh: GitHub,
  ctx: RunContext,
  repo: Repo,
  group: MergeGroup,
  inputs: Inputs,
  publisher: Publisher
): Promise<void> {
  io.info(
    `Reviewing the merge queue commit ${group.headSha.slice(0, 7)} (${group.headRef || 'merge group'}) against ${group.baseSha.slice(0, 7)}.`
  )
  const { compareCommits, COMPARE_FILES_CAP } = await lazy.compare()
  const comparison = await compareCommits(gh, repo, group.baseSha, group.headSha)
  const { pulls, notes } = await groupPulls(gh, repo, group, comparison)
  const covered: CoveredPull[] = pulls.map((p) => ({ number: p.number, author: p.author ?? null }))
  const ledger = await (await lazy.ledger()).readLedger(gh, repo, covered)
  if (pulls.length > 0)
    io.info(`Acceptances are read from ${pulls.map((p) => `#${p.number}`).join(', ')}, the pull requests in the group.`)
  const own = pulls.find((p) => p.number === queuedPull(group.headRef))
  await execute(io, ctx, publisher, inputs, {
    subject: {
      repository: `${repo.owner}/${repo.repo}`,
      pr: own
        ? {
            number: own.number,
            title: `${own.title} (merge queue)`,
            baseRef: group.baseRef,
            headRef: group.headRef,
            baseSha: group.baseSha,
            headSha: group.headSha
          }
        : null,
      ref: group.headRef,
      sha: group.headSha
    },
    sha: group.headSha,
    issue: null,
    idempotencyKey: `${repo.owner}/${repo.repo}@${group.baseSha}...${group.headSha}`,
    collect: async (onFile) =>
      (await lazy.prSource()).collectPullFiles(
        gh,
        repo,
        { number: own?.number ?? 0, baseSha: group.baseSha, headSha: group.headSha },
        { paths: inputs.paths, exclude: inputs.exclude },
        { pages: onePage(comparison.files), cap: COMPARE_FILES_CAP, of: 'a comparison' },
        onFile
      ),
    ledger: { ...ledger, notes: [...notes, ...ledger.notes] }
  })
}

async function* onePage(files: PullFile[]): AsyncGenerator<PullFile[]> {
  yield await Promise.resolve(files)
}

/** The review of one pull request (also `ml-review --pr --post`). */
export function pullJob(
  gh: GitHub,
  repo: Repo,
  pull: PullInfo & { firstPage?: Promise<FilesPage> },
  inputs: Inputs
): Job {
  return {
    subject: {
      repository: `${repo.owner}/${repo.repo}`,
      pr: {
        number: pull.number,
        title: pull.title,
        baseRef: pull.baseRef,
        headRef: pull.headRef,
        baseSha: pull.baseSha,
        headSha: pull.headSha
      },
      sha: pull.headSha
    },
    sha: pull.headSha,
    issue: pull.number,
    idempotencyKey: `${repo.owner}/${repo.repo}#${pull.number}@${pull.headSha}`,
    collect: async (onFile) =>
      (await lazy.prSource()).collectPullFiles(
        gh,
        repo,
        pull,
        { paths: inputs.paths, exclude: inputs.exclude },
        undefined,
        onFile
      ),
    currentHead: async () => (await (await lazy.pull()).getPull(gh, repo, pull.number)).headSha
  }
}

async function reviewAudit(
  io: ActionIO,
  gh: GitHub,
  ctx: RunContext,
  repo: Repo,
  sha: string,
  ref: string,
  inputs: Inputs,
  publisher: Publisher
): Promise<void> {
  io.info(`Auditing every ML file of ${repo.owner}/${repo.repo} at ${ref || sha} (${sha.slice(0, 7)}).`)
  await execute(io, ctx, publisher, inputs, {
    subject: { repository: `${repo.owner}/${repo.repo}`, pr: null, ref, sha },
    sha,
    issue: null,
    idempotencyKey: `${repo.owner}/${repo.repo}@${sha}`,
    collect: async () =>
      (await lazy.treeSource()).collectTreeFiles(gh, repo, sha, { paths: inputs.paths, exclude: inputs.exclude })
  })
}

/** `ml-review --pr --post`: one job reviewed and published exactly as the action does, on a check started first. */
export async function executeOnNewCheck(
  io: ActionIO,
  gh: GitHub,
  ctx: RunContext,
  repo: Repo,
  inputs: Inputs,
  job: Job
): Promise<ReviewResult> {
  const publisher = new Publisher(gh, io, {
    repo,
    checkName: inputs.checkName,
    headSha: job.sha,
    runUrl: ctx.runUrl,
    issue: job.issue,
    comment: inputs.comment,
    annotations: inputs.annotations,
    retryBaseMs: timingFromEnv(process.env).retryBaseMs
  })
  await publisher.start()
  return onStartedCheck(io, publisher, () => execute(io, ctx, publisher, inputs, job))
}

/** Collects, reviews and publishes one job on a started check; returns the result (also for `ml-review --post`). */
export async function execute(
  io: ActionIO,
  ctx: RunContext,
  publisher: Publisher,
  inputs: Inputs,
  job: Job
): Promise<ReviewResult & { verdicts: Verdict[] }> {
  const [{ prepareFile, review }, { bindAcceptances }] = await Promise.all([lazy.pipeline(), lazy.bind()])
  const clock = new StageClock()
  const budget = new AnalysisBudget(ctx.analysisCpu?.baseMs, ctx.analysisCpu?.msPerMB)
  const collected = await io.group('Collecting ML files', async () => {
    const c = await clock.window('collect', () => job.collect((file) => prepareFile(file, budget, clock)))
    io.info(`${c.files.length} ML file(s) among ${c.total}: ${c.files.map((f) => f.path).join(', ') || 'none'}`)
    return c
  })
  const { bridge, why } = bridgeOf(inputs)
  if (!bridge && collected.files.length > 0) io.info(`${why} Running the built-in checks only.`)
  let verdicts: Verdict[] = []
  let acceptNotes: string[] = []
  const ledger = job.ledger
  const accept = ledger
    ? (items: ChecklistItem[]): ChecklistItem[] => {
        const bound = bindAcceptances(items, ledger, { authorCanAcceptBias: inputs.authorCanAcceptBias })
        verdicts = bound.verdicts
        acceptNotes = bound.notes
        return bound.items
      }
    : undefined
  const result = await io.group('Reviewing', () =>
    clock.window('request', () =>
      review({
        subject: job.subject,
        files: collected.files,
        notes: collected.notes,
        unanalysed: collected.unanalysed,
        bridge,
        noBridgeReason: why,
        // not configured is not failed: the built-in checks then decide alone
        bridgeConfigured: inputs.bridgeUrl !== '',
        accept,
        idempotencyKey: job.idempotencyKey,
        maxRequestBytes: inputs.maxRequestBytes,
        failOn: inputs.failOn,
        onBridgeError: inputs.onBridgeError,
        onUnreadableFile: inputs.onUnreadableFile,
        evidence: { groupGapLimit: inputs.groupGapLimit, metricGainLimit: inputs.metricGainLimit },
        checks: inputs.checks,
        budget,
        clock,
        log: (line) => io.info(line)
      })
    )
  )
  if (result.bridgeFailed && bridge) io.warning(`Agent review did not run: ${result.bridgeMessage ?? ''}`)
  if (result.checklistMissing) {
    io.warning(
      'The agent answered without a Responsible AI checklist: no bias item could be verified, so the check is not a success.'
    )
  }

  result.notes.push(...acceptNotes)
  // the bridge can think for minutes: a newer push may have landed meanwhile
  let staleFor: string | undefined
  if (job.currentHead) {
    const head = job.currentHead
    const now = await clock.window('publish', () => head().catch(() => job.sha))
    if (now !== job.sha) {
      staleFor = now
      io.warning(
        `The PR head moved to ${now.slice(0, 7)} during the review of ${job.sha.slice(0, 7)}; publishing on the reviewed commit, marked stale.`
      )
    }
  }
  // nothing to review only when nothing was out of reach either: a skipped check passes a required one
  const skipped = collected.files.length === 0 && (collected.unanalysed?.length ?? 0) === 0
  const render = {
    decision: result.decision,
    report: result.report,
    items: result.items,
    headSha: job.sha,
    runUrl: ctx.runUrl,
    notes: result.notes,
    staleFor,
    diffs: result.diffs,
    repoUrl: ctx.repoUrl,
    agentReport: result.agentReport,
    bridgeMessage: result.bridgeMessage,
    failOn: inputs.failOn
  }
  await clock.window('publish', async () => {
    if (skipped) {
      io.info('No ML files: the check is skipped and the bridge is not called.')
      await publisher.refreshExistingComment((await lazy.render()).renderNoChangesComment(job.sha))
      await publisher.publish({ ...render, report: 'No ML changes.' }, [], { comment: false })
    } else {
      await publisher.publish(
        render,
        collected.files.map((f) => ({ path: f.path, lines: f.after === null ? null : lineCount(f.after) }))
      )
      await publisher.publishReview(
        {
          mode: inputs.reviewComments,
          items: result.items,
          findings: result.findings,
          files: collected.files,
          agentAnswered: !result.bridgeFailed
        },
        staleFor
      )
    }
  })
  await writeSarifFile(io, inputs.sarifFile, result.items, collected.files)
  io.info(clock.line())
  if (budget.chars > 0) io.info(budget.summary())
  writeOutputs(io, {
    report: result.report,
    items: result.items,
    decision: result.decision,
    commentUrl: publisher.commentUrl,
    checkRunId: publisher.checkId,
    skipped
  })
  io.info(`Conclusion: ${result.decision.conclusion} — ${result.decision.reason}`)
  if (result.decision.conclusion === 'failure') io.setFailed(failureMessage(result.decision))
  return { ...result, verdicts }
}
