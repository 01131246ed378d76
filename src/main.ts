// run(): wires the stages for the action — inputs, event, collect, review, publish.
import { collectPullFiles } from './collect/pr-source.js'
import { readContext, type RunContext } from './context.js'
import { createGitHub, type GitHub, type Repo } from './github/client.js'
import { getFileContent, getPull, type PullInfo } from './github/pull.js'
import { getInputs, parseRepoConfig, type Inputs } from './inputs.js'
import { coreIO, type ActionIO } from './io.js'
import { review } from './pipeline.js'
import { failureMessage, Publisher, writeOutputs } from './publish.js'
import { COMMENT_MARKER } from './report/render.js'

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])
const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review'])
const REPO_CONFIG_PATH = '.github/ml-review.yml'

/** The parts of a pull_request payload the action reads. */
interface PayloadPull {
  number: number
  title?: string
  html_url?: string
  changed_files?: number
  head?: { sha?: string; ref?: string }
  base?: { sha?: string; ref?: string }
}

export async function run(io: ActionIO = coreIO(), env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    await runAction(io, env)
  } catch (e) {
    io.setFailed(e instanceof Error ? e.message : String(e))
  }
}

/** `.github/ml-review.yml` at a trusted ref (the base, so a PR cannot loosen its own gate). */
async function repoConfig(gh: GitHub, repo: Repo, ref: string, io: ActionIO): Promise<Record<string, unknown> | undefined> {
  let text: string | null
  try {
    text = (await getFileContent(gh, repo, REPO_CONFIG_PATH, ref)).text
  } catch (e) {
    io.info(`Could not read ${REPO_CONFIG_PATH} (${(e as Error).message}); using the inputs alone.`)
    return undefined
  }
  if (text === null) return undefined
  io.info(`Using ${REPO_CONFIG_PATH} at ${ref.slice(0, 7)} (inputs win over it).`)
  return parseRepoConfig(text)
}

async function runAction(io: ActionIO, env: Record<string, string | undefined>): Promise<void> {
  const ctx = readContext(env)
  const repo = { owner: ctx.owner, repo: ctx.repo }
  // secrets first, so nothing that follows can print them
  const early = { bridge: io.getInput('bridge-token') || env.SUPERCLAUDE_BRIDGE_TOKEN || '', gh: io.getInput('github-token') || env.GITHUB_TOKEN || '' }
  if (early.bridge) io.setSecret(early.bridge)
  if (early.gh) io.setSecret(early.gh)

  const supported = PR_EVENTS.has(ctx.eventName) || ctx.eventName === 'workflow_dispatch'
  if (!supported) {
    io.info(
      `ML Engineering Review runs on pull_request, pull_request_target and workflow_dispatch events; "${ctx.eventName || '(none)'}" is not one of them, so there is nothing to review.`
    )
    return
  }
  if (!early.gh) throw new Error('Input "github-token" is empty; pass ${{ github.token }} or a token that can read the repository')
  const gh = createGitHub(early.gh, ctx.apiUrl)

  let pull: PullInfo
  if (PR_EVENTS.has(ctx.eventName)) {
    const action = typeof ctx.payload.action === 'string' ? ctx.payload.action : ''
    if (action && !PR_ACTIONS.has(action)) {
      io.info(`Nothing to review for a "${action}" ${ctx.eventName} event (reviews run on ${[...PR_ACTIONS].join(', ')}).`)
      return
    }
    const p = ctx.payload.pull_request as PayloadPull | undefined
    if (!p?.head?.sha || !p.base?.sha) throw new Error(`The ${ctx.eventName} event payload has no pull_request with head and base`)
    pull = {
      number: p.number,
      title: p.title ?? '',
      headSha: p.head.sha,
      baseSha: p.base.sha,
      headRef: p.head.ref ?? '',
      baseRef: p.base.ref ?? '',
      changedFiles: p.changed_files ?? 0,
      htmlUrl: p.html_url ?? ''
    }
  } else {
    const prInput = io.getInput('pr-number').trim()
    const dispatched = (ctx.payload.inputs as Record<string, unknown> | undefined)?.['pr-number']
    const fromPayload = typeof dispatched === 'string' || typeof dispatched === 'number' ? String(dispatched).trim() : ''
    const pr = prInput || fromPayload
    if (!pr) {
      throw new Error('workflow_dispatch needs the "pr-number" input: the number of the pull request to review')
    }
    const inputs = getInputs({ getInput: (n) => (n === 'pr-number' ? pr : io.getInput(n)), env })
    pull = await getPull(gh, repo, inputs.prNumber as number)
  }

  const cfg = await repoConfig(gh, repo, pull.baseSha, io)
  const inputs = getInputs({ getInput: (n) => io.getInput(n), env, repoConfig: cfg })
  await reviewPull(io, gh, ctx, repo, pull, inputs)
}

async function reviewPull(io: ActionIO, gh: GitHub, ctx: RunContext, repo: Repo, pull: PullInfo, inputs: Inputs): Promise<void> {
  const publisher = new Publisher(gh, io, {
    repo,
    checkName: inputs.checkName,
    headSha: pull.headSha,
    runUrl: ctx.runUrl,
    issue: pull.number,
    comment: inputs.comment,
    annotations: inputs.annotations
  })
  await publisher.start()
  try {
    const collected = await io.group('Collecting ML files', async () => {
      const c = await collectPullFiles(gh, repo, pull, { paths: inputs.paths, exclude: inputs.exclude })
      io.info(`${c.files.length} ML file(s) among ${c.total} changed: ${c.files.map((f) => f.path).join(', ') || 'none'}`)
      return c
    })
    const noBridge = !inputs.bridgeUrl
      ? 'No bridge-url is set (nor SUPERCLAUDE_BRIDGE_URL); a pull request from a fork gets no secrets.'
      : undefined
    const result = await io.group('Reviewing', () =>
      review({
        subject: {
          repository: `${repo.owner}/${repo.repo}`,
          pr: { number: pull.number, title: pull.title, baseRef: pull.baseRef, headRef: pull.headRef, baseSha: pull.baseSha, headSha: pull.headSha },
          sha: pull.headSha
        },
        files: collected.files,
        notes: collected.notes,
        bridge: noBridge
          ? null
          : {
              url: inputs.bridgeUrl,
              token: inputs.bridgeToken,
              protocol: inputs.bridgeProtocol,
              agentId: inputs.agentId,
              model: inputs.model,
              thinking: inputs.thinking,
              timeoutMs: inputs.bridgeTimeout * 1000,
              extra: inputs.bridgeExtra,
              resultUrl: inputs.bridgeResultUrl
            },
        noBridgeReason: noBridge,
        idempotencyKey: `${repo.owner}/${repo.repo}#${pull.number}@${pull.headSha}`,
        maxRequestBytes: inputs.maxRequestBytes,
        failOn: inputs.failOn,
        onBridgeError: inputs.onBridgeError,
        log: (line) => io.info(line)
      })
    )
    if (result.bridgeFailed && result.bridgeMessage) io.warning(`Agent review did not run: ${result.bridgeMessage}`)
    const skipped = collected.files.length === 0
    const render = {
      decision: result.decision,
      report: result.report,
      items: result.items,
      headSha: pull.headSha,
      runUrl: ctx.runUrl,
      notes: result.notes
    }
    if (skipped) {
      io.info('No ML files changed: the check is skipped and the bridge is not called.')
      await publisher.refreshExistingComment(`${COMMENT_MARKER}\n## ML Engineering Review\n\n⚪ No ML changes in this pull request any more (head \`${pull.headSha.slice(0, 7)}\`).`)
      await publisher.publish({ ...render, report: 'No ML changes.' }, [], { comment: false })
    } else {
      await publisher.publish(render, collected.files.map((f) => f.path))
    }
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
  } catch (e) {
    await publisher.abort(e instanceof Error ? e.message : String(e))
    throw e
  }
}
