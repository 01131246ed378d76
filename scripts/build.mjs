// Bundles the action (dist/index.js) and the ml-review command (dist/cli.js) with ncc.
//
// What a run does not need before its first request is imported dynamically, and ncc emits it as chunk files
// (`<id>.index.js`) beside the bundle that loads them. The two bundles are built apart and their chunk ids can
// coincide, so the command's bundle and its chunks live in dist/cli/, and dist/cli.js only starts it.
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = join('node_modules', '.bin', 'ncc')
rmSync('dist', { recursive: true, force: true })
const tmp = mkdtempSync(join(tmpdir(), 'ml-review-cli-'))
const stats = join(tmp, 'stats.json')
execFileSync(
  ncc,
  ['build', 'src/index.ts', '-o', 'dist', '--stats-out', stats, '--quiet', '--minify', '--target', 'es2022'],
  { stdio: 'inherit' }
)
writeFileSync(join('dist', 'licenses.txt'), licenses(JSON.parse(readFileSync(stats, 'utf8'))))
rmSync(stats)
execFileSync(ncc, ['build', 'src/cli.ts', '-o', tmp, '--quiet', '--minify', '--target', 'es2022'], { stdio: 'inherit' })
for (const f of readdirSync(tmp)) {
  // dist/package.json (`"type": "module"`) covers dist/cli/ too
  if (!f.endsWith('.d.ts') && f !== 'package.json') cpSync(join(tmp, f), join('dist', 'cli', f), { recursive: true })
}
rmSync(tmp, { recursive: true, force: true })
writeFileSync(
  join('dist', 'cli.js'),
  "#!/usr/bin/env node\n// ml-review: the bundle and its chunks are in ./cli/\nimport './cli/index.js'\n"
)
chmodSync(join('dist', 'cli.js'), 0o755)

/**
 * The licenses of every package the action's bundle and chunks hold, as ncc's `--license` writes them (which, with
 * chunks, keeps only the last chunk's): name, license, the package's license file; sorted by name.
 */
function licenses(webpackStats) {
  const names = new Set()
  const add = (modules, top) => {
    for (const m of modules) {
      // modules in no chunk were dropped from the output
      if (top && !(m.chunks?.length > 0)) continue
      const id = m.nameForCondition || m.identifier || m.name || ''
      const pkg = [...id.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop()?.[1]
      if (pkg) names.add(pkg)
      if (m.modules) add(m.modules, false)
    }
  }
  add(webpackStats.modules, true)
  return [...names]
    .sort()
    .map((name) => {
      const dir = join('node_modules', name)
      const { license = '' } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f))
      const text = file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n') : ''
      return `${name}\n${license}\n${text}`
    })
    .join('\n\n')
}
