#!/usr/bin/env node
// ml-review: the same review pipeline on local changes, printed to the terminal.
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { collectGit, collectTrees } from './collect/local-source.js'
import { DEFAULT_PATHS, type FailOn } from './inputs.js'
import { review } from './pipeline.js'
import { checklistOutput } from './report/checklist-output.js'
import { checklistTable } from './report/render.js'
import type { ChangedFile } from './types.js'

const HELP = `ml-review — review ML training configs and notebooks, locally

Usage:
  ml-review [--repo DIR] [--base REF] [--head REF] [options]
  ml-review --before DIR --after DIR [options]

Sources (one of):
  --repo DIR            git repository to review (default: the current folder)
  --base REF            base of the comparison (default: HEAD)
  --head REF            head of the comparison (default: the working tree, untracked files included)
  --before DIR          folder with the files before the change
  --after DIR           folder with the files after the change

Review:
  --bridge-url URL      SuperClaude bridge to ask for the ML Engineering Report
                        (default: $SUPERCLAUDE_BRIDGE_URL; token from $SUPERCLAUDE_BRIDGE_TOKEN)
  --bridge-protocol P   hooks (default) or openai
  --offline             built-in checks only, even when a bridge URL is set
  --fail-on MODE        bias (default), any or never: which failed items make the decision "failure"

Output:
  --json                print one JSON object {conclusion, checklist, report, findings}
  --exit-zero           exit 0 even when the decision is "failure" (for demos)
  -h, --help            show this help

Exit code: 0 when the decision is not "failure", 1 when it is, 2 on bad usage or an error.
Without a bridge the built-in deterministic checks review the change: data leakage, protected attributes,
reproducibility, training-config jumps, evaluation and supply-chain risks.`

class UsageError extends Error {}

function color(enabled: boolean): (code: string, s: string) => string {
  return (code, s) => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s)
}

async function main(argv: string[]): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      options: {
        repo: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        before: { type: 'string' },
        after: { type: 'string' },
        'bridge-url': { type: 'string' },
        'bridge-protocol': { type: 'string' },
        'fail-on': { type: 'string' },
        json: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        'exit-zero': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  if (args.help) {
    process.stdout.write(HELP + '\n')
    return 0
  }
  const failOn = (args['fail-on'] ?? 'bias') as FailOn
  if (!['bias', 'any', 'never'].includes(failOn))
    throw new UsageError(`--fail-on must be bias, any or never; got "${failOn}"`)
  const protocol = args['bridge-protocol'] ?? 'hooks'
  if (protocol !== 'hooks' && protocol !== 'openai')
    throw new UsageError(`--bridge-protocol must be hooks or openai; got "${protocol}"`)
  if ((args.before === undefined) !== (args.after === undefined))
    throw new UsageError('--before and --after go together')
  if (args.before && (args.base || args.head || args.repo))
    throw new UsageError('--before/--after cannot be combined with --repo/--base/--head')

  const progress = (line: string): void => {
    if (!args.json || process.stderr.isTTY) process.stderr.write(line + '\n')
  }
  let files: ChangedFile[]
  let label: string
  if (args.before && args.after) {
    for (const d of [args.before, args.after]) {
      if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`not a folder: ${d}`)
    }
    progress(`ml-review: comparing ${args.before} → ${args.after}`)
    files = collectTrees(resolve(args.before), resolve(args.after), DEFAULT_PATHS)
    label = `${args.before} → ${args.after}`
  } else {
    const repo = resolve(args.repo ?? '.')
    const base = args.base ?? 'HEAD'
    progress(`ml-review: comparing ${base} → ${args.head ?? 'working tree'} in ${repo}`)
    files = collectGit(repo, base, args.head ?? null, DEFAULT_PATHS)
    label = `${base} → ${args.head ?? 'working tree'}`
  }
  progress(`ml-review: ${files.length} ML file(s): ${files.map((f) => f.path).join(', ') || 'none'}`)

  const bridgeUrl = args.offline
    ? ''
    : (args['bridge-url'] ?? process.env.SUPERCLAUDE_BRIDGE_URL ?? '').replace(/\/+$/, '')
  if (bridgeUrl) progress(`ml-review: asking the bridge at ${bridgeUrl} (this can take minutes)…`)
  const result = await review({
    subject: { repository: 'local', pr: null, ref: label, sha: args.head ?? 'working-tree' },
    files,
    notes: [],
    bridge: bridgeUrl
      ? {
          url: bridgeUrl,
          token: process.env.SUPERCLAUDE_BRIDGE_TOKEN ?? '',
          protocol,
          agentId: 'ai-ml-engineer',
          model: 'opus',
          thinking: 'high',
          timeoutMs: 900_000,
          extra: {},
          resultUrl: ''
        }
      : null,
    noBridgeReason: args.offline
      ? 'Offline mode (--offline).'
      : 'No bridge URL (--bridge-url or SUPERCLAUDE_BRIDGE_URL).',
    idempotencyKey: `local@${label.replace(' → ', '..')}`,
    maxRequestBytes: 240_000,
    failOn,
    onBridgeError: 'neutral',
    log: (line) => progress(`ml-review: ${line}`)
  })

  if (args.json) {
    process.stdout.write(
      JSON.stringify(
        {
          conclusion: result.decision.conclusion,
          checklist: checklistOutput(result.items),
          report: result.report,
          findings: result.findings
        },
        null,
        2
      ) + '\n'
    )
  } else {
    const c = color(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
    const verdict =
      result.decision.conclusion === 'failure'
        ? c('1;31', 'MERGE BLOCKED')
        : result.decision.conclusion === 'success'
          ? c('1;32', 'OK')
          : c('1;33', result.decision.conclusion.toUpperCase())
    process.stdout.write(
      [
        result.report,
        '',
        '### Checklist',
        '',
        checklistTable(result.items),
        '',
        ...result.notes.map((n) => `- ${n}`),
        '',
        `Decision: ${verdict} — ${result.decision.reason}`,
        ''
      ].join('\n')
    )
  }
  return result.decision.conclusion === 'failure' && !args['exit-zero'] ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(
      `ml-review: ${e instanceof Error ? e.message : String(e)}${e instanceof UsageError ? '\nTry: ml-review --help' : ''}\n`
    )
    process.exitCode = 2
  }
)
