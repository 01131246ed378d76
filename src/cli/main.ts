// runCli(): ml-review's stages — arguments, policy, collect (git, folders or a pull request), review, print.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import pkg from '../../package.json' with { type: 'json' }
import type { BridgeConfig } from '../bridge/client.js'
import {
  collectGit,
  collectTrees,
  gitFileAt,
  gitTop,
  LocalSourceError,
  type GitMode,
  type LocalCollected
} from '../collect/local-source.js'
import { createGitHub, statusOf, type GitHub } from '../github/client.js'
import { getPull, type PullInfo } from '../github/pull.js'
import { getInputs, InputError, type Inputs } from '../inputs.js'
import { parseRepoConfig } from '../policy.js'
import type { ActionIO } from '../io.js'
import { bridgeConfig, executeOnNewCheck, pullJob, repoConfig } from '../main.js'
import { review, type ReviewOptions, type ReviewResult } from '../pipeline.js'
import type { ChangedFile } from '../types.js'
import { HELP, parseCli, parsePrRef, UsageError, type CliArgs, type Format } from './args.js'
import { emitGithub, renderJson, renderMarkdown, renderSarif, type CliOutcome } from './outcome.js'
import { Progress } from './progress.js'
import { renderText } from './terminal.js'

const CONFIG_PATH = '.github/ml-review.yml'

/** Ctrl-C while the review runs. */
class Interrupted extends Error {
  override name = 'Interrupted'
}

export interface CliStreams {
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

/** Exit codes (SPEC §10). */
export const EXIT = { ok: 0, blocked: 1, usage: 2, operational: 3, interrupted: 130 } as const

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliStreams): Promise<number> {
  try {
    return await runChecked(argv, env, io)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (e instanceof UsageError) {
      io.stderr.write(`ml-review: ${message}\nTry: ml-review --help\n`)
      return EXIT.usage
    }
    if (e instanceof Interrupted) {
      io.stderr.write(`ml-review: ${message}\n`)
      return EXIT.interrupted
    }
    if (e instanceof LocalSourceError) {
      io.stderr.write(`ml-review: ${message}\n`)
      return EXIT.usage
    }
    io.stderr.write(`ml-review: ${message}\n`)
    return EXIT.operational
  }
}

async function runChecked(argv: string[], env: NodeJS.ProcessEnv, io: CliStreams): Promise<number> {
  const args = parseCli(argv)
  if (args.help) {
    io.stdout.write(HELP + '\n')
    return EXIT.ok
  }
  if (args.version) {
    io.stdout.write(`${pkg.version}\n`)
    return EXIT.ok
  }
  const format: Format = args.format ?? (io.stdout.isTTY ? 'text' : 'markdown')
  const progress = new Progress(io.stderr)
  const interrupt = onInterrupt()
  try {
    const outcome =
      args.pr !== undefined
        ? await reviewRemote(args, env, progress, interrupt.promise)
        : await reviewLocal(args, env, progress, interrupt.promise)
    progress.stop()
    print(outcome, format, env, io)
    if (outcome.interrupted) return EXIT.interrupted
    return outcome.result.decision.conclusion === 'failure' && !args.exitZero ? EXIT.blocked : EXIT.ok
  } finally {
    progress.stop()
    interrupt.dispose()
  }
}

/** A promise that rejects on the first Ctrl-C (a second one ends the process as usual). */
function onInterrupt(): { promise: Promise<never>; dispose: () => void } {
  let handler: () => void = () => undefined
  const promise = new Promise<never>((_, reject) => {
    handler = () => reject(new Interrupted('interrupted (Ctrl-C) before the review finished'))
    process.once('SIGINT', handler)
  })
  promise.catch(() => undefined)
  return { promise, dispose: () => process.removeListener('SIGINT', handler) }
}

function race<T>(work: Promise<T>, interrupt: Promise<never>): Promise<T> {
  return Promise.race([work, interrupt])
}

// ---- policy: .github/ml-review.yml (or --config) and the flags, validated by src/inputs.ts

interface Policy {
  inputs: Inputs
  /** where the repository config came from, for messages */
  configLabel: string | null
}

const ENV_OF: Record<string, string> = {
  'bridge-url': 'SUPERCLAUDE_BRIDGE_URL',
  'bridge-token': 'SUPERCLAUDE_BRIDGE_TOKEN'
}

/** The action's inputs from the flags (they win), the repository config and the environment. */
function policyOf(
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  config: Record<string, unknown> | undefined,
  configLabel: string | null
): Policy {
  try {
    const inputs = getInputs({
      getInput: (name) => args.inputs[name as keyof CliArgs['inputs']] ?? '',
      env: { ...env, GITHUB_TOKEN: env.GITHUB_TOKEN || env.GH_TOKEN },
      repoConfig: config
    })
    return { inputs, configLabel }
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    // the same rule and words as in a workflow, naming where the value came from
    const message = e.message.replace(/^Input "([a-z-]+)"/, (whole, name: string) => {
      if (args.inputs[name as keyof CliArgs['inputs']] !== undefined) return `--${name}`
      if (config && config[name] !== undefined) return `${configLabel ?? CONFIG_PATH}: "${name}"`
      return ENV_OF[name] ?? whole
    })
    throw new UsageError(message, { cause: e })
  }
}

/** `--config FILE`, read from disk. */
function configFile(file: string): { config: Record<string, unknown>; label: string } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`--config: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
  return { config: parseConfigText(text, file), label: file }
}

function parseConfigText(text: string, label: string): Record<string, unknown> {
  try {
    return parseRepoConfig(text, label)
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    throw new UsageError(e.message, { cause: e })
  }
}

function bridgeOf(inputs: Inputs, offline: boolean): Omit<BridgeConfig, 'idempotencyKey'> | null {
  if (offline || !inputs.bridgeUrl) return null
  return bridgeConfig(inputs)
}

// ---- local changes: git or two folders

function gitModeOf(args: CliArgs): GitMode {
  if (args.head !== undefined)
    return { kind: 'commits', base: args.base as string, head: args.head, direct: args.direct }
  if (args.staged) return { kind: 'staged', base: args.base ?? null, direct: args.direct }
  return { kind: 'worktree', base: args.base ?? null, direct: args.direct, untracked: args.untracked }
}

function folder(flag: string, dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${flag}: not a folder: ${dir}`)
  return resolve(dir)
}

/** The config the action would use: the base's `.github/ml-review.yml`; a different working copy is pointed out. */
function localConfig(args: CliArgs, progress: Progress): { config?: Record<string, unknown>; label: string | null } {
  if (args.config !== undefined) {
    const { config, label } = configFile(args.config)
    progress.line(`policy from ${label} (flags win over it)`)
    return { config, label }
  }
  if (args.before !== undefined) {
    const file = join(args.before, CONFIG_PATH)
    if (!existsSync(file)) return { label: null }
    progress.line(`policy from ${file}, the base side (flags win over it)`)
    return { config: parseConfigText(readFileSync(file, 'utf8'), file), label: file }
  }
  const top = gitTop(resolve(args.repo ?? '.'))
  const ref = args.base ?? 'HEAD'
  const text = gitFileAt(top, ref, CONFIG_PATH)
  const working = existsSync(join(top, CONFIG_PATH)) ? readFileSync(join(top, CONFIG_PATH), 'utf8') : null
  const label = `${CONFIG_PATH} at ${ref}`
  if (working !== null && working !== text) {
    progress.line(
      `${CONFIG_PATH} in the working tree differs from ${ref}'s; the action reads the base's, so this does too (--config ${CONFIG_PATH} to try yours)`
    )
  }
  if (text === null) return { label: null }
  progress.line(`policy from ${label}, as the action reads it from the base (flags win over it)`)
  return { config: parseConfigText(text, label), label }
}

function collectionNotes(c: LocalCollected): string[] {
  const notes = c.skipped.map((s) => `Not reviewed: \`${s.path}\` — ${s.reason}.`)
  const n = c.untrackedLeftOut.length
  if (n > 0) {
    const list = c.untrackedLeftOut
      .slice(0, 10)
      .map((p) => `\`${p}\``)
      .join(', ')
    notes.push(
      `${n} untracked ML file${n === 1 ? '' : 's'} left out (\`git add\` ${n === 1 ? 'it' : 'them'}, or pass --untracked): ${list}${n > 10 ? ', …' : ''}`
    )
  }
  return notes
}

async function reviewLocal(
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  progress: Progress,
  interrupt: Promise<never>
): Promise<CliOutcome> {
  let collect: (inputs: Inputs) => LocalCollected
  let label: string
  let sha: string
  if (args.before !== undefined && args.after !== undefined) {
    const before = folder('--before', args.before)
    const after = folder('--after', args.after)
    label = `${args.before} → ${args.after}`
    sha = 'after'
    collect = (inputs) => collectTrees(before, after, inputs.paths, inputs.exclude)
  } else {
    const repo = resolve(args.repo ?? '.')
    if (!existsSync(repo)) throw new UsageError(`--repo: no such folder: ${args.repo ?? '.'}`)
    const mode = gitModeOf(args)
    label = ''
    sha = mode.kind === 'commits' ? mode.head : mode.kind === 'staged' ? 'index' : 'working-tree'
    collect = (inputs) => collectGit({ repo, mode, paths: inputs.paths, exclude: inputs.exclude })
  }
  // a bad flag is named before anything is read
  policyOf(args, env, undefined, null)
  const cfg = localConfig(args, progress)
  const { inputs } = policyOf(args, env, cfg.config, cfg.label)
  const collected = collect(inputs)
  if (collected.label) label = collected.label
  progress.line(`comparing ${label}`)
  const notes = collectionNotes(collected)
  const bridge = bridgeOf(inputs, args.offline)
  return run(
    {
      subject: { repository: 'local', pr: null, ref: label, sha },
      files: collected.files,
      notes,
      bridge,
      noBridgeReason: args.offline
        ? 'Offline mode (--offline).'
        : 'No bridge URL (--bridge-url or SUPERCLAUDE_BRIDGE_URL).',
      idempotencyKey: `local@${label.replace(' → ', '..')}`,
      maxRequestBytes: inputs.maxRequestBytes,
      failOn: inputs.failOn,
      onBridgeError: inputs.onBridgeError,
      evidence: { groupGapLimit: inputs.groupGapLimit, metricGainLimit: inputs.metricGainLimit },
      checks: inputs.checks,
      log: (line) => progress.line(line)
    },
    { label, skipped: collected.skipped, untrackedLeftOut: collected.untrackedLeftOut },
    progress,
    interrupt
  )
}

/** Runs the review; on Ctrl-C the same files get the built-in result at once. */
async function run(
  opts: ReviewOptions,
  meta: Omit<CliOutcome, 'result' | 'interrupted'>,
  progress: Progress,
  interrupt: Promise<never>
): Promise<CliOutcome> {
  progress.line(`${opts.files.length} ML file(s): ${opts.files.map((f) => f.path).join(', ') || 'none'}`)
  if (opts.bridge && opts.files.length > 0) {
    progress.line(`asking the agent at ${safeUrl(opts.bridge.url)}`)
    progress.wait('waiting for the agent')
  }
  try {
    return { ...meta, result: await race(review(opts), interrupt), interrupted: false }
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e
    progress.stop()
    return { ...meta, result: await builtinOnly(opts), interrupted: true }
  }
}

function builtinOnly(opts: ReviewOptions): Promise<ReviewResult> {
  return review({
    ...opts,
    bridge: null,
    // a bridge that was asked and did not answer is not one that was never configured
    bridgeConfigured: opts.bridgeConfigured ?? opts.bridge !== null,
    noBridgeReason: 'Interrupted (Ctrl-C) before the agent answered.'
  })
}

/** A URL as it may be printed: origin and path, nothing else. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`
  } catch {
    return '(bridge URL)'
  }
}

// ---- a pull request on GitHub, through the action's own collect stage

function cliActionIO(progress: Progress, interrupt: Promise<never>): ActionIO {
  return {
    getInput: () => '',
    setOutput: () => undefined,
    setSecret: () => undefined,
    info: (m) => progress.line(m),
    warning: (m) => progress.line(`warning: ${m}`),
    error: (m) => progress.line(`error: ${m}`),
    notice: (m) => progress.line(m),
    // the decision sets the exit code; the failing items are printed with the report
    setFailed: () => undefined,
    group: (_name, fn) => race(fn(), interrupt),
    // the command prints the report itself
    writeSummary: () => Promise.resolve(true)
  }
}

function githubError(e: unknown, what: string): Error {
  const status = statusOf(e)
  const detail = (e as Error).message
  if (status === 404) {
    return new UsageError(
      `${what} was not found (a private repository needs GITHUB_TOKEN or GH_TOKEN with access to it)`,
      {
        cause: e
      }
    )
  }
  if (status === 401)
    return new UsageError(`GitHub refused the token (${detail}): check GITHUB_TOKEN / GH_TOKEN`, { cause: e })
  // Octokit reports a request that got no answer at all as a 500 without a response
  if (status === 0 || (e as { response?: unknown }).response === undefined) {
    return new Error(`cannot reach the GitHub API: ${detail}`, { cause: e })
  }
  return new Error(`GitHub answered ${status} for ${what}: ${detail}`, { cause: e })
}

async function reviewRemote(
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  progress: Progress,
  interrupt: Promise<never>
): Promise<CliOutcome> {
  const ref = parsePrRef(args.pr as string)
  policyOf(args, env, undefined, null)
  const token = env.GITHUB_TOKEN || env.GH_TOKEN || ''
  if (!token) {
    throw new UsageError(
      '--pr needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (for example GH_TOKEN=$(gh auth token))'
    )
  }
  const apiUrl = (env.GITHUB_API_URL || (ref.host ? `https://${ref.host}/api/v3` : 'https://api.github.com')).replace(
    /\/+$/,
    ''
  )
  const repo = { owner: ref.owner, repo: ref.repo }
  const name = `${ref.owner}/${ref.repo}#${ref.number}`
  const gh: GitHub = createGitHub(token, apiUrl)
  let pull: PullInfo
  try {
    pull = await race(getPull(gh, repo, ref.number), interrupt)
  } catch (e) {
    if (e instanceof Interrupted) throw new Interrupted('interrupted before the pull request was read')
    throw githubError(e, `pull request ${name}`)
  }
  const io = cliActionIO(progress, interrupt)
  const cfg =
    args.config !== undefined
      ? configFile(args.config)
      : {
          config: await repoConfig(gh, repo, pull.baseSha, io),
          label: `${CONFIG_PATH} at ${pull.baseRef || 'the base'}`
        }
  const { inputs } = policyOf(args, env, cfg.config, cfg.label)
  const label = `${name}: ${pull.baseRef} → ${pull.headRef}`
  progress.line(`reviewing ${label} (${pull.headSha.slice(0, 7)})`)
  const job = pullJob(gh, repo, pull, inputs)

  if (!args.post) {
    let collected
    try {
      collected = await race(job.collect(), interrupt)
    } catch (e) {
      if (e instanceof Interrupted) throw new Interrupted('interrupted before the files were read')
      throw githubError(e, `the files of ${name}`)
    }
    return run(
      {
        subject: job.subject,
        files: collected.files,
        notes: collected.notes,
        bridge: bridgeOf(inputs, args.offline),
        noBridgeReason: args.offline
          ? 'Offline mode (--offline).'
          : 'No bridge URL (--bridge-url or SUPERCLAUDE_BRIDGE_URL).',
        idempotencyKey: job.idempotencyKey,
        maxRequestBytes: inputs.maxRequestBytes,
        failOn: inputs.failOn,
        onBridgeError: inputs.onBridgeError,
        evidence: { groupGapLimit: inputs.groupGapLimit, metricGainLimit: inputs.metricGainLimit },
        checks: inputs.checks,
        log: (line) => progress.line(line)
      },
      { label, skipped: [], untrackedLeftOut: [] },
      progress,
      interrupt
    )
  }

  // --post: the action's own run, with this terminal as its log
  let files: ChangedFile[] | null = null
  const collect = job.collect
  job.collect = async () => {
    const c = await collect()
    files = c.files
    return c
  }
  const postInputs: Inputs = args.offline ? { ...inputs, bridgeUrl: '' } : inputs
  const ctx = {
    eventName: 'ml-review',
    payload: {},
    owner: ref.owner,
    repo: ref.repo,
    sha: pull.headSha,
    ref: '',
    runUrl: pull.htmlUrl,
    repoUrl: pull.htmlUrl.replace(/\/pull\/\d+$/, ''),
    apiUrl
  }
  if (postInputs.bridgeUrl) progress.wait('reviewing and waiting for the agent')
  try {
    const result = await executeOnNewCheck(io, gh, ctx, repo, postInputs, job)
    return { label, skipped: [], untrackedLeftOut: [], result, interrupted: false }
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e
    progress.stop()
    // the started check was completed as "could not finish" by the action's own error path
    if (files === null) throw new Interrupted('interrupted before the files were read')
    const result = await review({
      subject: job.subject,
      files,
      notes: [],
      bridge: null,
      noBridgeReason: 'Interrupted (Ctrl-C) before the agent answered.',
      idempotencyKey: job.idempotencyKey,
      maxRequestBytes: inputs.maxRequestBytes,
      failOn: inputs.failOn,
      onBridgeError: inputs.onBridgeError,
      evidence: { groupGapLimit: inputs.groupGapLimit, metricGainLimit: inputs.metricGainLimit },
      checks: inputs.checks,
      log: () => undefined
    })
    return { label, skipped: [], untrackedLeftOut: [], result, interrupted: true }
  }
}

// ---- output

function colorEnabled(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0'
  return stream.isTTY === true
}

function print(o: CliOutcome, format: Format, env: NodeJS.ProcessEnv, io: CliStreams): void {
  const color = colorEnabled(env, io.stdout)
  if (format === 'json') io.stdout.write(renderJson(o))
  else if (format === 'sarif') io.stdout.write(renderSarif(o))
  else if (format === 'github') emitGithub(o)
  else if (format === 'text') {
    const columns = io.stdout.columns || Number(env.COLUMNS) || 80
    io.stdout.write(renderText(o, { color, width: Math.max(40, Math.min(columns, 160)) }))
  } else {
    const conclusion = o.result.decision.conclusion
    const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s)
    const verdict =
      conclusion === 'failure'
        ? paint('1;31', 'MERGE BLOCKED')
        : conclusion === 'success'
          ? paint('1;32', 'OK')
          : paint('1;33', conclusion.toUpperCase())
    io.stdout.write(renderMarkdown(o, verdict))
  }
}
