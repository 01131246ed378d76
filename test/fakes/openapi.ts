// GitHub's own API description, used to check that the fake accepts exactly what GitHub documents.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  maxItems?: number
  maxLength?: number
  anyOf?: Schema[]
  oneOf?: Schema[]
  nullable?: boolean
}

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>
}

let spec: Spec | null = null
function load(): Spec {
  if (!spec) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.deref.json')
    spec = JSON.parse(readFileSync(file, 'utf8')) as Spec
  }
  return spec
}

/** Whether GitHub documents this method on this path template (e.g. `/repos/{owner}/{repo}/check-runs`). */
export function documented(method: string, template: string): boolean {
  return Boolean(load().paths[template]?.[method.toLowerCase()])
}

function typeOk(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value)
  if (type === 'array') return Array.isArray(value)
  if (type === 'null') return value === null
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value)
  return typeof value === type
}

/** A small JSON-schema check (type, required, enum, maxItems, maxLength, nested): the errors GitHub would give. */
export function validate(value: unknown, schema: Schema, at = 'body'): string[] {
  if (schema.anyOf || schema.oneOf) {
    const alts = (schema.anyOf ?? schema.oneOf) as Schema[]
    const results = alts.map((s) => validate(value, { ...schema, anyOf: undefined, oneOf: undefined, ...s }, at))
    return results.some((r) => r.length === 0) ? [] : results[0]
  }
  if (value === null && schema.nullable) return []
  const errors: string[] = []
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!types.some((t) => typeOk(value, t))) return [`${at} is not of type ${types.join('|')}`]
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at} must be one of ${schema.enum.join(', ')}`)
  if (typeof value === 'string' && schema.maxLength !== undefined && value.length > schema.maxLength) {
    errors.push(`${at} is longer than ${schema.maxLength}`)
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errors.push(`${at} has more than ${schema.maxItems} items`)
    if (schema.items) value.forEach((v, i) => errors.push(...validate(v, schema.items as Schema, `${at}[${i}]`)))
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    for (const r of schema.required ?? []) if (!(r in o)) errors.push(`${at}.${r} is required`)
    for (const [k, v] of Object.entries(o)) {
      const s = schema.properties?.[k]
      if (s) errors.push(...validate(v, s, `${at}.${k}`))
    }
  }
  return errors
}

/** Validates a request body against the documented schema of that operation. */
export function validateBody(method: string, template: string, body: unknown): string[] {
  const op = load().paths[template]?.[method.toLowerCase()]
  const schema = op?.requestBody?.content['application/json']?.schema
  return schema ? validate(body, schema) : []
}
