// The npm package as a user gets it: `npm pack` holds only what runs, installs without dependencies or engine
// warnings, and its `ml-review` works from the install.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')

describe('the npm package', () => {
  it('packs only what runs, installs with no engine warning and no dependencies, and ml-review runs', () => {
    const out = mkdtempSync(join(tmpdir(), 'ml-review-pack-'))
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })
    ) as { filename: string; files: { path: string }[] }[]
    const files = packed[0].files.map((f) => f.path).sort()
    // the chunks the bundles load on demand (dist/<id>.index.js, and the command's in dist/cli/) are all packed
    const chunk = /^dist\/(cli\/)?\d+\.index\.js$/
    expect(files.filter((f) => !chunk.test(f))).toEqual([
      'LICENSE',
      'README.md',
      'action.yml',
      'dist/cli.js',
      'dist/cli/index.js',
      'dist/index.js',
      'dist/licenses.txt',
      'dist/package.json',
      'ml-review.schema.json',
      'package.json'
    ])
    const built = [
      ...readdirSync(join(ROOT, 'dist')).map((f) => `dist/${f}`),
      ...readdirSync(join(ROOT, 'dist', 'cli')).map((f) => `dist/cli/${f}`)
    ].filter((f) => chunk.test(f))
    expect(built.length).toBeGreaterThan(0)
    expect(files.filter((f) => chunk.test(f))).toEqual(built.sort())

    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg.private).toBeUndefined()
    // the bundles carry everything: a user installs nothing else
    expect(pkg.dependencies ?? {}).toEqual({})

    const app = mkdtempSync(join(tmpdir(), 'ml-review-install-'))
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }))
    const install = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--offline', join(out, packed[0].filename)],
      { cwd: app, encoding: 'utf8' }
    )
    expect(install.status, install.stderr).toBe(0)
    expect(install.stderr).not.toContain('EBADENGINE')
    expect(install.stdout).toMatch(/added 1 package/)

    const bin = join(app, 'node_modules', '.bin', 'ml-review')
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' })
    expect(version.stdout.trim()).toBe(pkg.version)

    // npx, from the install and from the tarball itself
    const npx = spawnSync('npx', ['--offline', 'ml-engineering-review', '--version'], { cwd: app, encoding: 'utf8' })
    expect(npx.stdout.trim(), npx.stderr).toBe(pkg.version)
    const bare = mkdtempSync(join(tmpdir(), 'ml-review-npx-'))
    const fromTarball = spawnSync(
      'npx',
      ['--offline', '--yes', '--package', join(out, packed[0].filename), 'ml-review', '--version'],
      {
        cwd: bare,
        encoding: 'utf8'
      }
    )
    expect(fromTarball.stdout.trim(), fromTarball.stderr).toBe(pkg.version)

    cpSync(join(ROOT, 'examples'), join(app, 'examples'), { recursive: true })
    const review = spawnSync(bin, ['--before', 'examples/before', '--after', 'examples/after', '--json'], {
      cwd: app,
      encoding: 'utf8'
    })
    expect(review.status).toBe(1)
    expect(JSON.parse(review.stdout).conclusion).toBe('failure')
  })
})
