// The README's checks table names every built-in check with its real status and bias flag, and nothing else.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../src/checks/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const block = /<!-- checks:start -->([\s\S]*?)<!-- checks:end -->/.exec(readme)?.[1] ?? ''
const rows = block
  .split('\n')
  .filter((l) => l.startsWith('| `'))
  .map((l) => l.split('|').map((c) => c.trim()))

describe('README checks table', () => {
  it('lists exactly the built-in checks, with their bias flag and status', () => {
    expect(rows.map((r) => r[1].replace(/`/g, '')).sort()).toEqual(CHECKS.map((c) => c.id).sort())
    for (const r of rows) {
      const spec = CHECKS.find((c) => c.id === r[1].replace(/`/g, ''))!
      expect([r[3], r[4]], spec.id).toEqual([spec.bias ? 'yes' : 'no', spec.status])
    }
  })
})
