// Bundles the action (dist/index.js) and the ml-review command (dist/cli.js) with ncc.
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = join('node_modules', '.bin', 'ncc')
rmSync('dist', { recursive: true, force: true })
execFileSync(
  ncc,
  ['build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--quiet', '--minify', '--target', 'es2022'],
  { stdio: 'inherit' }
)
const tmp = mkdtempSync(join(tmpdir(), 'ml-review-cli-'))
execFileSync(ncc, ['build', 'src/cli.ts', '-o', tmp, '--quiet', '--minify', '--target', 'es2022'], { stdio: 'inherit' })
for (const f of readdirSync(tmp)) {
  if (f === 'index.js') cpSync(join(tmp, f), join('dist', 'cli.js'))
  else if (!f.endsWith('.d.ts') && f !== 'package.json') cpSync(join(tmp, f), join('dist', f), { recursive: true })
}
rmSync(tmp, { recursive: true, force: true })
chmodSync(join('dist', 'cli.js'), 0o755)
