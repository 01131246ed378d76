// The repository must work from any clone: no file in it names a folder of one particular machine.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
// Home and work folders of Linux, macOS and Windows machines; `../shared` style relative paths are fine.
const MACHINE_PATH =
  /(?:^|[\s'"`(=:,[])(?:\/(?:work|home|root|Users|mnt|opt\/[a-z]+\/work)\/[A-Za-z0-9._-]+|[A-Za-z]:\\(?:Users|work)\\)/m

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
  return out
    .toString('utf8')
    .split('\0')
    .filter((f) => f && f !== 'package-lock.json' && !f.endsWith('.png'))
}

describe('no machine paths in the repository', () => {
  it('finds the pattern where it is', () => {
    // assembled at run time, so that this file holds no such path itself
    const bad = [`const F = '/${'work'}/shared/fixtures'`, `see \`/${'home'}/alice/data\``, `path: C:\\${'Users'}\\bob`]
    for (const b of bad) expect(b).toMatch(MACHINE_PATH)
    for (const ok of ["join(ROOT, '..', 'shared')", '../shared/fixtures', `https://example.com/${'home'}/x`, '/tmp/x'])
      expect(ok).not.toMatch(MACHINE_PATH)
  })

  it('holds in every file of the repository, dist/ included', () => {
    const files = trackedFiles()
    expect(files.length).toBeGreaterThan(50)
    const hits: string[] = []
    for (const f of files) {
      let text: string
      try {
        text = readFileSync(join(ROOT, f), 'utf8')
      } catch {
        continue // listed but deleted in the working tree
      }
      const m = MACHINE_PATH.exec(text)
      if (m) hits.push(`${f}: ${m[0].trim()}`)
    }
    expect(hits).toEqual([])
  })
})
