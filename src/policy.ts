// `.github/ml-review.yml`: parsed, then validated against ml-review.schema.json (the one list of the keys it may
// hold), with errors that name the key, the value and what is allowed. Per-check levels and path ignores come from
// here; every other key is an input that the workflow may override (src/inputs.ts).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parse as parseYaml } from 'yaml'
import schema from '../ml-review.schema.json' with { type: 'json' }
import { CHECKS } from './checks/index.js'
import { InputError } from './input-error.js'

export const REPO_CONFIG_PATH = '.github/ml-review.yml'

export type CheckLevel = 'off' | 'warn' | 'fail' | 'bias'

/** What the repository's policy says of one built-in check. */
export interface CheckRule {
  level?: CheckLevel
  /** globs of files where the check is off */
  ignore: string[]
}

/** Rules by check id. */
export type CheckPolicy = Readonly<Record<string, CheckRule>>

interface PropertySchema {
  description?: string
  enum?: string[]
  'x-allowed'?: string
  'x-workflow-only'?: string
}

const PROPERTIES = schema.properties as Record<string, PropertySchema>

/** The keys `.github/ml-review.yml` may hold, in the schema's order. */
export const REPO_CONFIG_KEYS: readonly string[] = Object.keys(PROPERTIES).filter(
  (k) => PROPERTIES[k]['x-workflow-only'] === undefined
)

/** Keys that only the workflow can set, with why. */
export const WORKFLOW_ONLY_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PROPERTIES)
    .filter(([, p]) => p['x-workflow-only'] !== undefined)
    .map(([k, p]) => [k, p['x-workflow-only'] as string])
)

let compiled: ValidateFunction | null = null

/** The schema's validator, compiled when a repository config is first read (most runs have none to read). */
function validator(): ValidateFunction {
  // the x- keywords are annotations for the messages below and for editors' hovers, not validation
  compiled ??= new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    keywords: ['x-allowed', 'x-workflow-only']
  }).compile(schema)
  return compiled
}

/** A value as a message shows it: short, on one line. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
  const line = (text ?? String(value)).replace(/\s+/g, ' ')
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

/** The closest of `names` to `name`, when it is a likely typo. */
function closest(name: string, names: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of names) {
    const d = distance(norm(name), norm(candidate))
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

/** The schema of a path such as ['checks', 'TRAIN-LR-CHANGED', 'level']. */
function allowedAt(path: string[]): string {
  if (path[0] === 'checks' && path.length >= 2) {
    if (path[2] === 'level' || path.length === 2) {
      const levels = schema.definitions.level.enum.join(', ')
      return path.length === 2 ? schema.properties.checks.additionalProperties['x-allowed'] : levels
    }
    if (path[2] === 'ignore') return 'a list of globs'
  }
  const p = PROPERTIES[path[0]]
  if (!p) return ''
  return p.enum ? p.enum.join(', ') : (p['x-allowed'] ?? '')
}

function valueAt(data: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = data
  for (const part of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
  return v
}

/** One message per key that is wrong, naming it, its value and what is allowed. */
function messages(errors: ErrorObject[], data: Record<string, unknown>, label: string): string[] {
  const out = new Map<string, string>()
  for (const e of errors) {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty
      const where = [...path, key].join('.')
      if (path.length === 0) {
        const hint = closest(key, REPO_CONFIG_KEYS)
        out.set(
          where,
          `${label}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${REPO_CONFIG_KEYS.join(', ')}`
        )
      } else {
        out.set(where, `${label}: unknown key "${where}"; allowed: level, ignore`)
      }
      continue
    }
    if (e.keyword === 'propertyNames' || (e.keyword === 'pattern' && e.propertyName !== undefined)) {
      const name = (e.params as { propertyName?: string }).propertyName ?? e.propertyName ?? ''
      out.set(`checks.${name}`, unknownCheck(name, label))
      continue
    }
    // inside `checks.ID`, the anyOf reports each branch: one message for the entry
    const key = (path[0] === 'checks' && path.length >= 2 ? path.slice(0, path.length >= 3 ? 3 : 2) : path.slice(0, 1))
      .filter((s) => s !== '')
      .join('.')
    if (key === '' || out.has(key)) continue
    const parts = key.split('.')
    const allowed = allowedAt(parts)
    out.set(key, `${label}: "${key}" is ${shown(valueAt(data, parts))}; allowed: ${allowed || e.message}`)
  }
  // a wrong entry of `checks` also fails the anyOf as a whole: keep the most precise message per entry
  for (const key of [...out.keys()]) {
    if (key.split('.').length === 2 && [...out.keys()].some((k) => k !== key && k.startsWith(`${key}.`)))
      out.delete(key)
  }
  return [...out.values()]
}

function unknownCheck(name: string, label: string): string {
  const ids = CHECKS.map((c) => c.id)
  const hint = closest(name, ids)
  return `${label}: "checks.${name}" is not a built-in check${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: the ids of the README's "Built-in checks" table (${ids.join(', ')})`
}

/**
 * Parses the text of `.github/ml-review.yml` (`label` names it in messages) and validates it against the schema:
 * a typo, a bad value, a key only the workflow can set or an unknown check id is an error, never dropped.
 */
export function parseRepoConfig(text: string, label = REPO_CONFIG_PATH): Record<string, unknown> {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (e) {
    throw new InputError(`${label} is not valid YAML: ${(e as Error).message}`)
  }
  if (data == null) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${label} must be a mapping of keys to values; got ${shown(data)}`)
  }
  const config = data as Record<string, unknown>
  const problems: string[] = []
  for (const key of Object.keys(config)) {
    const why = WORKFLOW_ONLY_KEYS[key]
    if (why !== undefined) problems.push(`${label}: "${key}" can only be set in the workflow: ${why}`)
  }
  const validate = problems.length === 0 ? validator() : null
  if (validate && !validate(config)) problems.push(...messages(validate.errors ?? [], config, label))
  if (problems.length === 0) {
    const ids = new Set(CHECKS.map((c) => c.id))
    for (const id of Object.keys((config.checks as Record<string, unknown> | undefined) ?? {})) {
      if (!ids.has(id)) problems.push(unknownCheck(id, label))
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'))
  return config
}

/** The per-check rules of a validated config (none when the file has no `checks`). */
export function checkPolicy(config: Record<string, unknown> | undefined): CheckPolicy {
  const raw = (config?.checks ?? {}) as Record<string, CheckLevel | { level?: CheckLevel; ignore?: string[] }>
  const out: Record<string, CheckRule> = {}
  for (const [id, rule] of Object.entries(raw)) {
    out[id] = typeof rule === 'string' ? { level: rule, ignore: [] } : { level: rule.level, ignore: rule.ignore ?? [] }
  }
  return Object.freeze(out)
}
