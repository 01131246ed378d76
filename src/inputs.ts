// Typed, validated inputs: action inputs win over `.github/ml-review.yml`, which wins over the defaults.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import picomatch from 'picomatch'
import { MAX_BRIDGE_TIMEOUT_SECONDS } from './bounds.js'
import { InputError } from './input-error.js'
import { checkPolicy, type CheckPolicy } from './policy.js'

export const DEFAULT_PATHS = [
  '**/*.ipynb',
  '**/{configs,config,conf,hparams,experiments,recipes}/**/*.{yaml,yml,json,toml}',
  '**/*{train,training,finetune,fine_tune,fine-tune,sft,dpo,lora,qlora,hparam,hyperparam,sweep}*.{yaml,yml,json,toml}',
  '**/{params,dvc}.yaml',
  '**/MLproject',
  '**/{ds_config,deepspeed,accelerate,fsdp}*.{json,yaml,yml}',
  '**/adapter_config.json'
]

export type BridgeProtocol = 'hooks' | 'openai'
export type FailOn = 'bias' | 'any' | 'never'
export type OnBridgeError = 'neutral' | 'fail' | 'skip'
export type OnUnreadableFile = 'fail' | 'neutral'
export type ReviewComments = 'failures' | 'all' | 'none'

export interface Inputs {
  bridgeUrl: string
  bridgeToken: string
  bridgeProtocol: BridgeProtocol
  agentId: string
  model: string
  thinking: string
  /** seconds */
  bridgeTimeout: number
  bridgeExtra: Record<string, unknown>
  bridgeResultUrl: string
  githubToken: string
  paths: string[]
  exclude: string[]
  failOn: FailOn
  onBridgeError: OnBridgeError
  /** an ML file on the head that cannot be read or analysed: `fail` (default) or `neutral` */
  onUnreadableFile: OnUnreadableFile
  prNumber: number | null
  comment: boolean
  annotations: boolean
  checkName: string
  maxRequestBytes: number
  /** largest gap of a metric between groups (0..1) that may widen without failing the bias gate */
  groupGapLimit: number
  /** headline-metric gain (0..1) past which a changed evaluation split is called out */
  metricGainLimit: number
  /** a draft pull request gets a `skipped` check and is reviewed once it is ready */
  skipDrafts: boolean
  /** policy: a PR's author may accept a bias item of their own PR (the two-person rule off) */
  authorCanAcceptBias: boolean
  /** inline review comments: on failed items (`failures`), failed and warned ones (`all`), or `none` */
  reviewComments: ReviewComments
  /** where the SARIF file is written (`${RUNNER_TEMP}/ml-review.sarif`); '' when `sarif` is off */
  sarifFile: string
  /** per-check levels and path ignores (`checks` of `.github/ml-review.yml`) */
  checks: CheckPolicy
}

export { InputError }

/** Where raw values come from: the action's inputs (empty string when unset) and the repository file. */
export interface InputSources {
  getInput: (name: string) => string
  env: Record<string, string | undefined>
  /** parsed `.github/ml-review.yml`, keys as in action.yml */
  repoConfig?: Record<string, unknown>
}

/** The action's inputs (action.yml); ml-review.schema.json says which of them `.github/ml-review.yml` may set. */
type InputName =
  | 'bridge-url'
  | 'bridge-token'
  | 'bridge-protocol'
  | 'agent-id'
  | 'model'
  | 'thinking'
  | 'bridge-timeout'
  | 'bridge-extra'
  | 'bridge-result-url'
  | 'github-token'
  | 'paths'
  | 'exclude'
  | 'fail-on'
  | 'on-bridge-error'
  | 'pr-number'
  | 'comment'
  | 'annotations'
  | 'check-name'
  | 'max-request-bytes'
  | 'group-gap-limit'
  | 'metric-gain-limit'
  | 'skip-drafts'
  | 'review-comments'
  | 'sarif'

/** Keys read from `.github/ml-review.yml` only (the trusted base's file), never as workflow inputs. */
type PolicyKey = 'on-unreadable-file' | 'author-can-accept-bias'

function repoValue(value: unknown): string {
  if (value == null) return ''
  if (Array.isArray(value)) return value.map(String).join('\n')
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim().toLowerCase()
  if ((allowed as readonly string[]).includes(v)) return v as T
  throw new InputError(`Input "${name}" must be one of ${allowed.join(', ')}; got "${value}"`)
}

function bool(name: string, value: string): boolean {
  const v = value.trim().toLowerCase()
  if (['true', 'yes', 'on', '1'].includes(v)) return true
  if (['false', 'no', 'off', '0'].includes(v)) return false
  throw new InputError(`Input "${name}" must be true or false; got "${value}"`)
}

function positiveInt(name: string, value: string, min: number): number {
  const v = value.trim()
  if (!/^\d+$/.test(v) || Number(v) < min) {
    throw new InputError(`Input "${name}" must be a whole number of at least ${min}; got "${value}"`)
  }
  return Number(v)
}

/** A share between 0 (exclusive) and 1: `0.05`, or a percentage `5%`. */
function fraction(name: string, value: string): number {
  const v = value.trim()
  const percent = v.endsWith('%')
  const n = Number(percent ? v.slice(0, -1) : v)
  const share = percent ? n / 100 : n
  if (v === '' || !Number.isFinite(n) || share <= 0 || share > 1) {
    throw new InputError(`Input "${name}" must be a share above 0 and at most 1, such as 0.05 or 5%; got "${value}"`)
  }
  return share
}

/** Seconds, at most MAX_BRIDGE_TIMEOUT_SECONDS: a Node timer past 2^31−1 ms fires at once instead of waiting. */
function bridgeTimeout(value: string): number {
  const seconds = positiveInt('bridge-timeout', value, 1)
  if (seconds > MAX_BRIDGE_TIMEOUT_SECONDS) {
    throw new InputError(
      `Input "bridge-timeout" must be a whole number of seconds from 1 to ${MAX_BRIDGE_TIMEOUT_SECONDS} (one day); got "${value}"`
    )
  }
  return seconds
}

/** Splits a newline- or comma-separated list, ignoring blanks and `#` comments, and checks each glob compiles. */
export function globList(name: string, value: string): string[] {
  const globs = splitList(value)
    .map((g) => g.trim())
    .filter((g) => g !== '' && !g.startsWith('#'))
  for (const g of globs) {
    try {
      picomatch.makeRe(g, { dot: true, strictBrackets: true })
    } catch (e) {
      throw new InputError(`Input "${name}" has a bad glob "${g}": ${(e as Error).message}`)
    }
    if (/[[{]/.test(g) && unbalanced(g)) {
      throw new InputError(`Input "${name}" has a bad glob "${g}": unbalanced brackets or braces`)
    }
  }
  return globs
}

/** Splits on newlines and on commas outside `{…}`, so `*.{yaml,yml}` stays one glob. */
function splitList(value: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const c of value) {
    if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    if (c === '\n' || (c === ',' && depth === 0)) {
      out.push(current)
      current = ''
      if (c === '\n') depth = 0
    } else current += c
  }
  out.push(current)
  return out
}

function unbalanced(glob: string): boolean {
  let braces = 0
  let brackets = 0
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '{') braces++
    else if (c === '}') braces--
    else if (c === '[') brackets++
    else if (c === ']') brackets--
    if (braces < 0 || brackets < 0) return true
  }
  return braces !== 0 || brackets !== 0
}

/** The `pr-number` input (from the workflow or the dispatch form): a pull request number, or null when empty. */
export function parsePrNumber(value: string): number | null {
  return value.trim() === '' ? null : positiveInt('pr-number', value, 1)
}

function httpUrl(name: string, value: string): string {
  const v = value.trim()
  if (v === '') return ''
  let url: URL
  // what the message may show of the value: never a password written into it
  const shown = v.replace(/\/\/[^/@]*@/, '//***@')
  try {
    url = new URL(v)
  } catch {
    throw new InputError(`Input "${name}" must be an http(s) URL; got "${shown}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`Input "${name}" must be an http(s) URL; got "${shown}"`)
  }
  if (url.username || url.password) {
    // fetch refuses such URLs, and they end up in logs: the secret belongs in bridge-token
    throw new InputError(
      `Input "${name}" must not hold credentials (user:password@); pass the secret as bridge-token (SUPERCLAUDE_BRIDGE_TOKEN)`
    )
  }
  return v.replace(/\/+$/, '')
}

export function getInputs(src: InputSources): Readonly<Inputs> {
  const policy = (name: PolicyKey, fallback: string): string => {
    const fromRepo = src.repoConfig ? repoValue(src.repoConfig[name]) : ''
    return fromRepo.trim() !== '' ? fromRepo : fallback
  }
  const raw = (name: InputName, fallback: string): string => {
    const fromInput = src.getInput(name)
    if (fromInput.trim() !== '') return fromInput
    const fromRepo = src.repoConfig ? repoValue(src.repoConfig[name]) : ''
    return fromRepo.trim() !== '' ? fromRepo : fallback
  }

  const extraText = raw('bridge-extra', '').trim()
  let bridgeExtra: Record<string, unknown> = {}
  if (extraText !== '') {
    let parsed: unknown
    try {
      parsed = JSON.parse(extraText)
    } catch (e) {
      throw new InputError(`Input "bridge-extra" must be a JSON object: ${(e as Error).message}`)
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new InputError('Input "bridge-extra" must be a JSON object, e.g. {"waitForCompletion":true}')
    }
    bridgeExtra = parsed as Record<string, unknown>
  }

  const prText = raw('pr-number', '').trim()
  const resultUrl = raw('bridge-result-url', '').trim()
  if (resultUrl !== '') httpUrl('bridge-result-url', resultUrl.replace(/\{runId\}/g, 'x'))

  const inputs: Inputs = {
    bridgeUrl: httpUrl('bridge-url', raw('bridge-url', src.env.SUPERCLAUDE_BRIDGE_URL ?? '')),
    bridgeToken: raw('bridge-token', src.env.SUPERCLAUDE_BRIDGE_TOKEN ?? '').trim(),
    bridgeProtocol: oneOf('bridge-protocol', raw('bridge-protocol', 'hooks'), ['hooks', 'openai'] as const),
    agentId: raw('agent-id', 'ai-ml-engineer').trim(),
    model: raw('model', 'opus').trim(),
    thinking: raw('thinking', 'high').trim(),
    bridgeTimeout: bridgeTimeout(raw('bridge-timeout', '900')),
    bridgeExtra,
    bridgeResultUrl: resultUrl,
    githubToken: raw('github-token', src.env.GITHUB_TOKEN ?? '').trim(),
    paths: globList('paths', raw('paths', DEFAULT_PATHS.join('\n'))),
    exclude: globList('exclude', raw('exclude', '')),
    failOn: oneOf('fail-on', raw('fail-on', 'bias'), ['bias', 'any', 'never'] as const),
    onBridgeError: oneOf('on-bridge-error', raw('on-bridge-error', 'neutral'), ['neutral', 'fail', 'skip'] as const),
    onUnreadableFile: oneOf('.github/ml-review.yml: on-unreadable-file', policy('on-unreadable-file', 'fail'), [
      'fail',
      'neutral'
    ] as const),
    prNumber: parsePrNumber(prText),
    comment: bool('comment', raw('comment', 'true')),
    annotations: bool('annotations', raw('annotations', 'true')),
    checkName: raw('check-name', 'ML Engineering Review').trim(),
    maxRequestBytes: positiveInt('max-request-bytes', raw('max-request-bytes', '240000'), 4096),
    groupGapLimit: fraction('group-gap-limit', raw('group-gap-limit', '0.05')),
    metricGainLimit: fraction('metric-gain-limit', raw('metric-gain-limit', '0.02')),
    skipDrafts: bool('skip-drafts', raw('skip-drafts', 'false')),
    authorCanAcceptBias: bool(
      '.github/ml-review.yml: author-can-accept-bias',
      policy('author-can-accept-bias', 'false')
    ),
    reviewComments: oneOf('review-comments', raw('review-comments', 'failures'), ['failures', 'all', 'none'] as const),
    sarifFile: bool('sarif', raw('sarif', 'false')) ? join(src.env.RUNNER_TEMP || tmpdir(), 'ml-review.sarif') : '',
    checks: checkPolicy(src.repoConfig)
  }
  if (inputs.agentId === '') throw new InputError('Input "agent-id" must not be empty')
  if (inputs.checkName === '') throw new InputError('Input "check-name" must not be empty')
  if (inputs.paths.length === 0) throw new InputError('Input "paths" must hold at least one glob')
  for (const [id, rule] of Object.entries(inputs.checks)) globList(`checks.${id}.ignore`, rule.ignore.join('\n'))
  return Object.freeze(inputs)
}
