// Validation against the SARIF 2.1.0 JSON Schema, with ajv.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'

// both are CommonJS modules whose class / plugin is their `default` export
const Ajv = ajvDraft04.default
const addFormats = ajvFormats.default

/**
 * The SARIF 2.1.0 JSON Schema (draft-04) as Microsoft's SARIF SDK ships it: 2.1.0-rtm.5, the schema of the OASIS
 * standard; its errata only add `"type": "string"` to enums and fix the `language` pattern, which is written for
 * regular expressions without the `u` flag.
 */
export function validator(): (log: unknown) => string[] {
  const require = createRequire(import.meta.url)
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
  ) as Record<string, unknown>
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
  addFormats(ajv)
  const check = ajv.compile(schema)
  return (log) =>
    check(log)
      ? []
      : (check.errors ?? []).map(
          (e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message ?? ''}`
        )
}
