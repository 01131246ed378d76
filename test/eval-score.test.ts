// The corpus scorer: cases read from before/after folders, planted bias defects that block, defects found at
// their line, findings on clean cases, and a case that cannot be read named in the error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatScore, readCorpus, score } from '../src/eval/score.js'

const root = mkdtempSync(join(tmpdir(), 'ml-review-corpus-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

/** A one-cell notebook as nbformat writes it (one source line per JSON line). */
function notebook(source: string): string {
  const lines = source.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)
  const cell = {
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [],
    source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l))
  }
  return `${JSON.stringify({ cells: [cell], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`
}
/** The raw JSON line (1-based) of a notebook that holds `text`. */
const lineOf = (nb: string, text: string): number => nb.split('\n').findIndex((l) => l.includes(text)) + 1

const fairness = [
  'from fairlearn.metrics import MetricFrame, selection_rate',
  "mf = MetricFrame(metrics=selection_rate, y_true=y_test, y_pred=pred, sensitive_features=X_test['sex'])",
  'print(mf.by_group)',
  ''
].join('\n')

// planted, found and blocking: race added to the features
const protectedAfter = notebook("features = ['income', 'debt', 'race']\nX = df[features]\nclf.fit(X, y)\n")
write('protected/before/train.ipynb', notebook("features = ['income', 'debt']\nX = df[features]\nclf.fit(X, y)\n"))
write('protected/after/train.ipynb', protectedAfter)
write(
  'protected/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [
      {
        path: 'train.ipynb',
        side: 'after',
        line: lineOf(protectedAfter, "'race'"),
        bias: true,
        category: 'protected',
        description: 'race'
      }
    ]
  })
)
// planted in a deleted file (side before): the fairness evaluation is gone with it
const fairnessNotebook = notebook(fairness)
write('deleted/before/eval/fair.ipynb', fairnessNotebook)
write(
  'deleted/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [
      {
        path: 'eval/fair.ipynb',
        side: 'before',
        line: lineOf(fairnessNotebook, 'MetricFrame('),
        bias: true,
        category: 'fairness'
      }
    ]
  })
)
// planted, missed: nothing a check reads
write('missed/before/notes.ipynb', notebook('x = 1\n'))
write('missed/after/notes.ipynb', notebook('x = 2\n'))
write(
  'missed/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [{ path: 'notes.ipynb', side: 'after', line: 1, bias: true, category: 'other' }]
  })
)
// a clean real change with a finding (a false alarm) and one without
write(
  'clean-alarm/before/train.ipynb',
  notebook('torch.manual_seed(0)\nmodel = torch.load("m.pt", weights_only=True)\n')
)
write('clean-alarm/after/train.ipynb', notebook('torch.manual_seed(0)\nmodel = torch.load("m.pt")\n'))
write('clean-alarm/meta.json', JSON.stringify({ kind: 'real', defects: [] }))
write('clean-quiet/before/configs/train.yaml', 'lr: 0.001\n')
write('clean-quiet/after/configs/train.yaml', 'lr: 0.0011\n')
write('clean-quiet/meta.json', JSON.stringify({ kind: 'real', defects: [] }))
mkdirSync(join(root, 'not-a-case'))

// the action's selection: a script outside the globs is not reviewed; a fairness-evaluation config outside the
// globs is, like a training config, and deleting it blocks as deleting a notebook's audit does
write('selection/before/src/train.py', "features = ['income', 'debt']\nclf.fit(df[features], y)\n")
write('selection/after/src/train.py', "features = ['income', 'debt', 'race']\nclf.fit(df[features], y)\n")
const audit =
  'score_column: score\nlabel_column: label_value\nattr_cols:\n  - race\n  - sex\nref_groups_method: predefined\nref_groups:\n  race: White\n  sex: Male\nfairness_measures:\n  - FPR\n  - FNR\n'
write('selection/before/audits/credit.yaml', audit)
write(
  'selection/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [{ path: 'audits/credit.yaml', side: 'before', line: 3, bias: true, category: 'fairness-eval-removed' }]
  })
)

describe('corpus scorer', () => {
  const result = score(readCorpus(root))

  it('reads each case as one change, with added and deleted files', () => {
    expect(result.cases.map((c) => c.name)).toEqual([
      'clean-alarm',
      'clean-quiet',
      'deleted',
      'missed',
      'protected',
      'selection'
    ])
    const deleted = readCorpus(root).find((c) => c.name === 'deleted')
    expect(deleted?.files).toEqual([
      { path: 'eval/fair.ipynb', status: 'removed', before: fairnessNotebook, after: null }
    ])
  })

  it('reviews what the action reviews with its default settings', () => {
    const selection = result.cases.find((c) => c.name === 'selection')
    expect(selection?.notReviewed).toEqual(['src/train.py'])
    expect(selection?.findings.map((f) => f.path)).not.toContain('src/train.py')
    expect(selection?.defects[0]).toMatchObject({ blocks: true })
    expect(formatScore(result)).toContain('  not reviewed (not ML files): src/train.py')
  })

  it('counts planted bias defects that block, defects at their line, and false alarms on clean cases', () => {
    expect(result.totals).toMatchObject({
      cases: 6,
      plantedBias: 4,
      plantedBiasBlocked: 3,
      defects: 4,
      defectsAtLine: 3,
      cleanCases: 2,
      findingsOnClean: 1,
      cleanCasesWithFindings: 1,
      cleanCasesBlocked: 0,
      crashes: 0
    })
    const protectedCase = result.cases.find((c) => c.name === 'protected')
    expect(protectedCase?.conclusion).toBe('failure')
    expect(protectedCase?.defects[0]).toMatchObject({ foundAtLine: true, blocks: true })
    expect(result.cases.find((c) => c.name === 'clean-alarm')?.unmatched.map((f) => f.check)).toEqual([
      'SUPPLY-TORCH-LOAD-UNSAFE'
    ])
  })

  it('prints each case and the totals', () => {
    const text = formatScore(result)
    expect(text).toContain('## missed (planted) → neutral')
    expect(text).toContain('defect notes.ipynb:1 (after, bias) MISSED, DOES NOT BLOCK')
    expect(text).toContain('planted bias defects that block the merge (fail-on: bias): 3 / 4 (75.0 %)')
    expect(text).toContain('findings on clean cases: 1 in 2 (0.50 per clean case')
    expect(text).toContain('fairness-eval-removed: 1 / 1 at line; 1 / 1 block')
    expect(text).toContain('other: 0 / 1 at line; 0 / 1 block')
    expect(result.byCategory.protected).toEqual({ defects: 1, atLine: 1, bias: 1, biasBlocked: 1 })
  })

  it('names the case whose meta.json is broken', () => {
    const bad = mkdtempSync(join(tmpdir(), 'ml-review-bad-'))
    mkdirSync(join(bad, 'oops'))
    writeFileSync(join(bad, 'oops', 'meta.json'), '{"kind": "real"')
    expect(() => readCorpus(bad)).toThrow(/oops\/meta\.json/)
    rmSync(bad, { recursive: true, force: true })
  })
})

describe('corpus scorer: a file the checks cannot analyse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-review-corpus-unread-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const put = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  put('broken/before/configs/train.yaml', 'lr: 0.001\nepochs: 3\n')
  put('broken/after/configs/train.yaml', 'lr: 0.001\nepochs: [3\n')
  put('broken/meta.json', JSON.stringify({ kind: 'real', defects: [] }))

  it('blocks the change as the action does by default (on-unreadable-file: fail), and says why', () => {
    const result = score(readCorpus(dir))
    const c = result.cases[0]
    expect(c.conclusion).toBe('failure')
    expect(c.unanalysed.map((u) => u.path)).toEqual(['configs/train.yaml'])
    expect(result.totals.cleanCasesBlocked).toBe(1)
    expect(formatScore(result)).toMatch(
      /not analysed \(blocks by default\): configs\/train\.yaml — the head does not parse/
    )
  })
})
