// npm run test:corpus: runs test/corpus/ on the real configs and notebooks beside the repository
// (../shared/fixtures, or the folder ML_REVIEW_FIXTURES names). Without them it says so in one line and passes,
// unless ML_REVIEW_REQUIRE_CORPUS=1 (CI), where a missing corpus is a failure.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = resolve(process.env.ML_REVIEW_FIXTURES ?? join(root, '..', 'shared', 'fixtures'))
const present = ['real-changes', 'notebooks'].every((d) => existsSync(join(fixtures, d)))

if (!present) {
  const line = `corpus tests skipped: no real-changes/ and notebooks/ under ${fixtures} (set ML_REVIEW_FIXTURES)`
  if (process.env.ML_REVIEW_REQUIRE_CORPUS === '1') {
    console.error(`${line}; ML_REVIEW_REQUIRE_CORPUS=1 requires them`)
    process.exit(1)
  }
  console.log(line)
  process.exit(0)
}

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const r = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'vitest.corpus.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ML_REVIEW_FIXTURES: fixtures }
  }
)
process.exit(r.status ?? 1)
