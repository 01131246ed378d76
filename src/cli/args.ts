// ml-review's command line: the options, the help text, and how flags become the action's inputs (src/inputs.ts
// validates them, with the same rules and messages as in a workflow).
import { parseArgs } from 'node:util'

/** Bad usage: exit code 2, with a hint to --help. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Action inputs the command line sets by a flag of the same name (`--fail-on` → input `fail-on`). */
export const INPUT_FLAGS = [
  'paths',
  'exclude',
  'fail-on',
  'on-bridge-error',
  'bridge-url',
  'bridge-token',
  'bridge-protocol',
  'bridge-timeout',
  'bridge-result-url',
  'bridge-extra',
  'agent-id',
  'model',
  'thinking',
  'max-request-bytes',
  'group-gap-limit',
  'metric-gain-limit',
  'check-name',
  'comment',
  'annotations',
  'review-comments'
] as const

/** Inputs only a workflow has: its token, the PR of a dispatch, drafts (a review asked for by hand is wanted), SARIF (--format sarif). */
export const NOT_FLAGS = ['github-token', 'pr-number', 'skip-drafts', 'sarif'] as const

export const FORMATS = ['text', 'markdown', 'json', 'github', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

export const HELP = `ml-review — review ML training configs and notebooks, locally, with the same policy as the action

Usage:
  ml-review [--repo DIR] [--base REF] [--head REF] [--direct] [options]   git changes
  ml-review --staged [--base REF] [options]                               the index only (pre-commit)
  ml-review --before DIR --after DIR [options]                            two folders
  ml-review --pr OWNER/REPO#N [--post] [options]                          a GitHub pull request

What to review:
  --repo DIR              git repository (default: the current folder)
  --base REF              compare from REF's merge base with the head, as a pull request does (default: HEAD)
  --head REF              compare to this commit (default: the working tree's tracked files)
  --direct                compare the two tips as they are (git diff A B), not from the merge base
  --staged                review the index only: what \`git commit\` would record (unstaged and untracked left out)
  --untracked             in working-tree mode, review untracked files too (they are counted, not reviewed, without it)
  --before DIR            folder with the files before the change
  --after DIR             folder with the files after the change
  --pr OWNER/REPO#N       a GitHub pull request (or its URL), read through the API with $GITHUB_TOKEN or $GH_TOKEN;
                          $GITHUB_API_URL for GitHub Enterprise
  --post                  with --pr: publish the sticky comment and the check run, exactly as the action does

Policy (as the action's inputs; .github/ml-review.yml at the base is read as the action does, flags win over it):
  --config FILE           read this file instead of .github/ml-review.yml
  --paths GLOBS           globs of ML files (comma- or newline-separated; repeatable)
  --exclude GLOBS         globs to leave out (comma- or newline-separated; repeatable)
  --fail-on MODE          bias (default), any or never: which failed items make the decision "failure"
  --on-bridge-error MODE  neutral (default), fail or skip: the decision when the agent does not answer

Bridge (the agent that writes the ML Engineering Report; without one the built-in checks review the change):
  --bridge-url URL        base URL (default: $SUPERCLAUDE_BRIDGE_URL); credentials never go in the URL
  --bridge-token T        bearer token (default: $SUPERCLAUDE_BRIDGE_TOKEN, which keeps it out of shell history)
  --bridge-protocol P     hooks (default) or openai
  --bridge-timeout S      seconds to wait for the whole answer (default: 900)
  --bridge-result-url T   template to fetch an asynchronous result, {runId} substituted
  --bridge-extra JSON     JSON object merged into the request body
  --agent-id ID           agent to route to (default: ai-ml-engineer)
  --model M               model field sent to the bridge (default: opus)
  --thinking T            thinking field sent to the bridge (default: high)
  --max-request-bytes N   budget of the request body (default: 240000)
  --group-gap-limit S     largest gap of a metric between groups that may widen (default: 0.05)
  --metric-gain-limit S   score gain flagged when the evaluation split changed too (default: 0.02)
  --offline               built-in checks only, even when a bridge URL is set

Publishing (with --post):
  --check-name NAME       name of the check run (default: ML Engineering Review)
  --comment BOOL          create/update the sticky comment (default: true)
  --annotations BOOL      publish checklist items as check annotations (default: true)
  --review-comments M     inline review comments: failures (default), all or none

Output:
  --format F              text (default on a terminal), markdown (default otherwise), json, github
                          (workflow commands: one ::error/::warning per failed/warned item) or sarif
                          (SARIF 2.1.0 for code scanning)
  --json                  the same as --format json: {conclusion, checklist, report, findings, ...}
  --exit-zero             exit 0 even when the decision is "failure"
  --version               print the version
  -h, --help              show this help

Exit codes: 0 not blocked, 1 merge blocked, 2 bad usage, 3 operational error (git, GitHub, files),
130 interrupted (Ctrl-C prints the built-in result first). NO_COLOR turns colours off.`

export interface CliArgs {
  repo?: string
  base?: string
  head?: string
  direct: boolean
  staged: boolean
  untracked: boolean
  before?: string
  after?: string
  pr?: string
  post: boolean
  config?: string
  offline: boolean
  format?: Format
  exitZero: boolean
  version: boolean
  help: boolean
  /** values of the input flags given, by input name */
  inputs: Partial<Record<(typeof INPUT_FLAGS)[number], string>>
}

const MULTIPLE = new Set<string>(['paths', 'exclude'])

export function parseCli(argv: string[]): CliArgs {
  let values: Record<string, string | string[] | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      options: {
        repo: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        direct: { type: 'boolean', default: false },
        staged: { type: 'boolean', default: false },
        untracked: { type: 'boolean', default: false },
        before: { type: 'string' },
        after: { type: 'string' },
        pr: { type: 'string' },
        post: { type: 'boolean', default: false },
        config: { type: 'string' },
        offline: { type: 'boolean', default: false },
        format: { type: 'string' },
        json: { type: 'boolean', default: false },
        'exit-zero': { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...Object.fromEntries(
          INPUT_FLAGS.map((name) => [name, { type: 'string' as const, multiple: MULTIPLE.has(name) }])
        )
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const str = (k: string): string | undefined => values[k] as string | undefined
  const flag = (k: string): boolean => values[k] === true

  let format = str('format') as Format | undefined
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}"`)
  }
  if (flag('json')) {
    if (format !== undefined && format !== 'json') throw new UsageError(`--json and --format ${format} disagree`)
    format = 'json'
  }
  const inputs: CliArgs['inputs'] = {}
  for (const name of INPUT_FLAGS) {
    const v = values[name]
    if (v !== undefined) inputs[name] = Array.isArray(v) ? v.join('\n') : (v as string)
  }
  const args: CliArgs = {
    repo: str('repo'),
    base: str('base'),
    head: str('head'),
    direct: flag('direct'),
    staged: flag('staged'),
    untracked: flag('untracked'),
    before: str('before'),
    after: str('after'),
    pr: str('pr'),
    post: flag('post'),
    config: str('config'),
    offline: flag('offline'),
    format,
    exitZero: flag('exit-zero'),
    version: flag('version'),
    help: flag('help'),
    inputs
  }
  checkCombinations(args)
  return args
}

function checkCombinations(a: CliArgs): void {
  const git = ['repo', 'base', 'head'].filter((k) => a[k as 'repo'] !== undefined).map((k) => `--${k}`)
  const gitModes = [...git, ...(a.staged ? ['--staged'] : []), ...(a.untracked ? ['--untracked'] : [])]
  if ((a.before === undefined) !== (a.after === undefined)) throw new UsageError('--before and --after go together')
  if (a.before !== undefined && gitModes.length > 0) {
    throw new UsageError(`--before/--after compare two folders; they cannot be combined with ${gitModes.join(', ')}`)
  }
  if (a.pr !== undefined && (gitModes.length > 0 || a.before !== undefined || a.direct)) {
    throw new UsageError('--pr reviews a pull request on GitHub; it cannot be combined with local sources')
  }
  if (a.post && a.pr === undefined) throw new UsageError('--post publishes a pull request review; it needs --pr')
  if (a.staged && a.head !== undefined) throw new UsageError('--staged reviews the index; it cannot take --head')
  if (a.untracked && (a.staged || a.head !== undefined)) {
    throw new UsageError('--untracked belongs to the working-tree mode; it cannot be combined with --staged or --head')
  }
  if (a.direct && a.base === undefined) throw new UsageError('--direct needs --base (it compares --base to the head)')
  if (a.head !== undefined && a.base === undefined) {
    throw new UsageError('--head needs --base (e.g. --base main --head my-branch)')
  }
}

/** Where a pull request lives: `OWNER/REPO#N` or a pull request URL. */
export interface PrRef {
  owner: string
  repo: string
  number: number
  /** the web host of a URL, for GitHub Enterprise: `github.example.com` */
  host: string | null
}

export function parsePrRef(text: string): PrRef {
  const t = text.trim()
  const short = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(t)
  if (short) return { owner: short[1], repo: short[2], number: Number(short[3]), host: null }
  try {
    const u = new URL(t)
    const m = /^\/([\w.-]+)\/([\w.-]+)\/pulls?\/(\d+)(?:\/.*)?$/.exec(u.pathname)
    if ((u.protocol === 'https:' || u.protocol === 'http:') && m && Number(m[3]) > 0) {
      return { owner: m[1], repo: m[2], number: Number(m[3]), host: u.host === 'github.com' ? null : u.host }
    }
  } catch {
    // not a URL: the message below says what is expected
  }
  throw new UsageError(
    `--pr must be OWNER/REPO#NUMBER or a pull request URL (https://github.com/OWNER/REPO/pull/NUMBER); got "${t}"`
  )
}
