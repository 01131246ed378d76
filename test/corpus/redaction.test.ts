// Redaction on the real corpus: files without secrets come back byte for byte.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../src/diff/redact.js'
import { NOTEBOOKS, REAL_CHANGES } from './fixtures.js'

describe('redactSecrets on the real corpus', () => {
  it('changes nothing in any real fixture file (configs and notebooks up to 3 MB)', () => {
    const files = [
      ...readdirSync(REAL_CHANGES).flatMap((d) =>
        readdirSync(join(REAL_CHANGES, d))
          .filter((f) => f !== 'meta.json')
          .map((f) => join(REAL_CHANGES, d, f))
      ),
      ...readdirSync(NOTEBOOKS)
        .filter((f) => f.endsWith('.ipynb'))
        .map((f) => join(NOTEBOOKS, f))
    ]
    expect(files.length).toBeGreaterThan(40)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const result = redactSecrets(text)
      expect(result.count, file).toBe(0)
      expect(result.text === text, file).toBe(true)
    }
  })
})
