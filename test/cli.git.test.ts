// `ml-review` on real git repositories made here: merge-base comparisons, the index, the working tree, the policy
// file, skipped files and errors in a user's words.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function json(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = await cli([...args, '--json'], cwd, env)
  try {
    return { ...r, out: JSON.parse(r.stdout) }
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`)
  }
}

/** A fresh repository with one commit on `main`. */
function repo(files: Record<string, string | Buffer>): { dir: string; git: (...a: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ml-review-repo-'))
  const git = (...a: string[]): string =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { encoding: 'utf8' })
  git('init', '-q', '-b', 'main')
  write(dir, files)
  git('add', '.')
  git('commit', '-qm', 'base')
  return { dir, git }
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

function config(features: string[], estimators: number): string {
  return [
    'data:',
    `  features: [${features.join(', ')}]`,
    '  label: churned',
    'training:',
    `  n_estimators: ${estimators}`,
    '  learning_rate: 0.1',
    '  seed: 42',
    ''
  ].join('\n')
}

const CONFIG = 'configs/train.yaml'
const withGender = config(['tenure', 'gender', 'income'], 100)

describe('ml-review --base/--head', () => {
  it('compares a branch from its merge base: main moving on is not the branch adding anything', async () => {
    const { dir, git } = repo({ [CONFIG]: withGender })
    git('checkout', '-qb', 'feature')
    write(dir, { [CONFIG]: config(['tenure', 'gender', 'income'], 200) })
    git('commit', '-qam', 'more trees')
    git('checkout', '-q', 'main')
    write(dir, { [CONFIG]: config(['tenure', 'income'], 100) })
    git('commit', '-qam', 'drop gender')

    const r = await json(['--base', 'main', '--head', 'feature'], dir)
    expect(r.code).toBe(0)
    expect(r.out.files).toEqual([CONFIG])
    expect(r.out.findings).toEqual([])
    expect(r.out.conclusion).not.toBe('failure')
    expect(r.stderr).toMatch(/main \(merge base [0-9a-f]{7}\) → feature/)

    // the two tips as they are: main's removal reads as the branch adding gender back
    const direct = await json(['--base', 'main', '--head', 'feature', '--direct'], dir)
    expect(direct.code).toBe(1)
    expect(direct.out.findings.map((f: { check: string }) => f.check)).toContain('RAI-PROTECTED-ATTRIBUTE')
  })

  it('names a ref that does not exist in user terms, exit 2', async () => {
    const { dir } = repo({ [CONFIG]: withGender })
    const r = await cli(['--base', 'nosuchref', '--head', 'main'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no such branch or commit: nosuchref')
    expect(r.stderr).not.toMatch(/rev-parse|fatal|\^\{commit\}/)
    const h = await cli(['--base', 'main', '--head', 'nope'], dir)
    expect(h.code).toBe(2)
    expect(h.stderr).toContain('no such branch or commit: nope')
  })
})

describe('ml-review --staged and the working tree', () => {
  it('--staged reviews the index only: unstaged edits and untracked files are left out', async () => {
    const { dir, git } = repo({ [CONFIG]: config(['tenure', 'income'], 100) })
    // staged: a harmless change; unstaged on top of it: gender; untracked: a notebook-free config with gender
    write(dir, { [CONFIG]: config(['tenure', 'income'], 300) })
    git('add', CONFIG)
    write(dir, { [CONFIG]: withGender, 'experiments/scratch.yaml': withGender })

    const staged = await json(['--staged'], dir)
    expect(staged.code).toBe(0)
    expect(staged.out.files).toEqual([CONFIG])
    expect(staged.out.findings).toEqual([])

    // the same tree in working-tree mode sees the unstaged gender, and counts the untracked file without reviewing it
    const working = await json([], dir)
    expect(working.code).toBe(1)
    expect(working.out.files).toEqual([CONFIG])
    expect(working.out.untracked).toEqual(['experiments/scratch.yaml'])
    expect(working.out.notes.join('\n')).toMatch(
      /1 untracked ML file left out .*--untracked.*experiments\/scratch\.yaml/
    )

    const all = await json(['--untracked'], dir)
    expect(all.out.files.sort()).toEqual([CONFIG, 'experiments/scratch.yaml'])
    expect(all.out.untracked).toEqual([])
  })

  it('--staged in a repository without commits reviews what the first commit would hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-review-new-'))
    execFileSync('git', ['-C', dir, 'init', '-q'])
    write(dir, { [CONFIG]: withGender })
    execFileSync('git', ['-C', dir, 'add', '.'])
    const r = await json(['--staged'], dir)
    expect(r.out.files).toEqual([CONFIG])
    expect(r.out.conclusion).toBe('failure')
  })

  it('names every file it skips, with the reason; a binary file is not listed as checked', async () => {
    const { dir } = repo({ 'README.md': '# r\n' })
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 'a')
    write(dir, {
      'notebooks/huge.ipynb': big,
      'configs/weights.json': Buffer.from([0x7b, 0x00, 0x01, 0x7d]),
      [CONFIG]: withGender
    })
    const r = await json(['--untracked'], dir)
    expect(r.out.files).toEqual([CONFIG])
    const skipped = Object.fromEntries(r.out.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]))
    expect(skipped['notebooks/huge.ipynb']).toMatch(/larger than 50 MiB/)
    expect(skipped['configs/weights.json']).toBe('binary file')
    expect(r.out.notes.join('\n')).toContain('Not reviewed: `notebooks/huge.ipynb`')
    expect(r.out.report).toMatch(/Files checked: `configs\/train\.yaml`$/m)

    // the markdown a reviewer reads names them too
    const md = await cli(['--untracked'], dir)
    expect(md.stdout).toContain('Not reviewed: `configs/weights.json` — binary file.')
  })
})

describe('ml-review policy: .github/ml-review.yml, --config and the flags', () => {
  it('reads the base commit’s .github/ml-review.yml as the action does; flags win over it', async () => {
    const { dir, git } = repo({
      '.github/ml-review.yml': 'fail-on: never\nexclude: "legacy/**"\n',
      [CONFIG]: config(['tenure'], 1)
    })
    write(dir, { [CONFIG]: withGender, 'legacy/configs/old.yaml': withGender })
    git('add', '.')
    const r = await json(['--staged'], dir)
    expect(r.out.files).toEqual([CONFIG])
    expect(r.code).toBe(0)
    expect(r.out.conclusion).toBe('success')
    expect(r.stderr).toContain('policy from .github/ml-review.yml at HEAD')

    const flag = await json(['--staged', '--fail-on', 'bias'], dir)
    expect(flag.code).toBe(1)
    expect(flag.out.conclusion).toBe('failure')

    // an edited working copy is not what CI would read: said, not used
    write(dir, { '.github/ml-review.yml': 'fail-on: any\n' })
    const edited = await json(['--staged'], dir)
    expect(edited.out.conclusion).toBe('success')
    expect(edited.stderr).toMatch(/working tree differs .*--config \.github\/ml-review\.yml/)
    const mine = await json(['--staged', '--config', '.github/ml-review.yml'], dir)
    expect(mine.out.conclusion).toBe('failure')
    expect(mine.out.files.sort()).toEqual([CONFIG, 'legacy/configs/old.yaml'])
  })

  it('--paths and --exclude select files as the inputs do', async () => {
    const { dir, git } = repo({ 'README.md': '# r\n' })
    // no training keys: only the globs decide
    const plain = 'data:\n  features: [tenure, gender]\n'
    write(dir, { [CONFIG]: plain, 'models/tree.yaml': plain })
    git('add', '.')
    const defaults = await json(['--staged'], dir)
    expect(defaults.out.files).toEqual([CONFIG])
    const only = await json(['--staged', '--paths', 'models/**'], dir)
    expect(only.out.files).toEqual(['models/tree.yaml'])
    const ex = await json(['--staged', '--paths', '**/*.yaml', '--exclude', 'models/**', '--exclude', 'x/**'], dir)
    expect(ex.out.files).toEqual([CONFIG])
  })

  it('reviews a fairness-audit config outside the globs: deleting it blocks as deleting its lines does', async () => {
    const audit =
      'score_column: score\nlabel_column: label_value\nattr_cols:\n  - race\n  - sex\nref_groups_method: predefined\nref_groups:\n  race: White\n  sex: Male\nfairness_measures:\n  - FPR\n  - FNR\n'
    const { dir, git } = repo({ 'audits/credit.yaml': audit, 'service/app.yaml': 'port: 8080\n' })
    git('rm', '-q', 'audits/credit.yaml')
    write(dir, { 'service/app.yaml': 'port: 8081\n' })
    git('add', '.')
    const r = await json(['--staged'], dir)
    expect(r.out.files).toEqual(['audits/credit.yaml'])
    expect(r.code).toBe(1)
    expect(r.out.conclusion).toBe('failure')
  })

  it('validates flags and the config file with the action’s rules, naming where the value came from', async () => {
    const { dir } = repo({ '.github/ml-review.yml': 'fail-on: sometimes\n', [CONFIG]: withGender })
    const fromFile = await cli([], dir)
    expect(fromFile.code).toBe(2)
    expect(fromFile.stderr).toContain(
      '.github/ml-review.yml at HEAD: "fail-on" is "sometimes"; allowed: bias, any, never'
    )
    const fromFlag = await cli(['--fail-on', 'bias', '--bridge-timeout', '0'], dir)
    expect(fromFlag.code).toBe(2)
    expect(fromFlag.stderr).toContain('--bridge-timeout must be a whole number of at least 1; got "0"')
    const glob = await cli(['--fail-on', 'bias', '--paths', 'configs/{a,b'], dir)
    expect(glob.code).toBe(2)
    expect(glob.stderr).toMatch(/--paths has a bad glob "configs\/\{a,b"/)
    const other = join(dir, 'other.yml')
    writeFileSync(other, 'bridge-token: x\n')
    const secret = await cli(['--config', other], dir)
    expect(secret.code).toBe(2)
    expect(secret.stderr).toContain(`${other}: "bridge-token" can only be set in the workflow`)
    const missing = await cli(['--config', 'nope.yml'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--config: cannot read nope.yml (ENOENT)')
  })

  it('refuses a bridge URL with credentials without printing them', async () => {
    const { dir } = repo({ [CONFIG]: withGender })
    const r = await cli(['--bridge-url', 'https://me:hunter2secret@bridge.example/'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--bridge-url must not hold credentials')
    expect(r.stderr).not.toContain('hunter2secret')
    const env = await cli([], dir, { SUPERCLAUDE_BRIDGE_URL: 'http://me:hunter2secret@127.0.0.1:9' })
    expect(env.code).toBe(2)
    expect(env.stderr).toContain('SUPERCLAUDE_BRIDGE_URL must not hold credentials')
    expect(env.stderr).not.toContain('hunter2secret')
    const broken = await cli(['--bridge-url', 'ht!tp://me:hunter2secret@x'], dir)
    expect(broken.code).toBe(2)
    expect(broken.stderr).not.toContain('hunter2secret')
  })
})

describe('ml-review usage', () => {
  it('rejects combinations that mean nothing, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-review-usage-'))
    for (const [args, message] of [
      [['--staged', '--head', 'x', '--base', 'y'], '--staged reviews the index; it cannot take --head'],
      [['--head', 'x'], '--head needs --base'],
      [['--direct'], '--direct needs --base'],
      [['--post'], '--post publishes a pull request review; it needs --pr'],
      [['--pr', 'o/r#1', '--staged'], '--pr reviews a pull request on GitHub'],
      [['--pr', 'not a pr'], '--pr must be OWNER/REPO#NUMBER or a pull request URL'],
      [['--format', 'html'], '--format must be one of text, markdown, json, github, sarif; got "html"'],
      [['--nope'], "Unknown option '--nope'"]
    ] as const) {
      const r = await cli([...args], dir)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toContain(message)
      expect(r.stderr).toContain('Try: ml-review --help')
    }
  })
})
