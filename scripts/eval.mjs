// npm run eval -- DIR [--json out.json]: bundles the scorer (src/eval/cli.ts) with ncc when src/ changed, then runs it.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const out = join('node_modules', '.cache', 'ml-review-eval')
const bundle = join(out, 'index.js')

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name)
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }, 0)

if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newest('src'), statSync('package-lock.json').mtimeMs)) {
  execFileSync(
    join('node_modules', '.bin', 'ncc'),
    ['build', 'src/eval/cli.ts', '-o', out, '--quiet', '--target', 'es2022'],
    {
      stdio: 'inherit'
    }
  )
}
const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
