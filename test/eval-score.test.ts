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

const fairness = [
  'from fairlearn.metrics import MetricFrame, selection_rate',
  "mf = MetricFrame(metrics=selection_rate, y_true=y_test, y_pred=pred, sensitive_features=X_test['sex'])",
  'print(mf.by_group)',
  ''
].join('\n')

// planted, found and blocking: race added to the features
write('protected/before/src/train.py', "features = ['income', 'debt']\nX = df[features]\nclf.fit(X, y)\n")
write('protected/after/src/train.py', "features = ['income', 'debt', 'race']\nX = df[features]\nclf.fit(X, y)\n")
write(
  'protected/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [{ path: 'src/train.py', side: 'after', line: 1, bias: true, category: 'protected', description: 'race' }]
  })
)
// planted in a deleted file (side before): the fairness evaluation is gone with it
write('deleted/before/eval/fair.py', fairness)
write(
  'deleted/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [{ path: 'eval/fair.py', side: 'before', line: 2, bias: true, category: 'fairness' }]
  })
)
// planted, missed: nothing a check reads
write('missed/before/notes.py', 'x = 1\n')
write('missed/after/notes.py', 'x = 2\n')
write(
  'missed/meta.json',
  JSON.stringify({
    kind: 'planted',
    defects: [{ path: 'notes.py', side: 'after', line: 1, bias: true, category: 'other' }]
  })
)
// a clean real change with a finding (a false alarm) and one without
write('clean-alarm/before/train.py', 'torch.manual_seed(0)\nmodel = torch.load("m.pt", weights_only=True)\n')
write('clean-alarm/after/train.py', 'torch.manual_seed(0)\nmodel = torch.load("m.pt")\n')
write('clean-alarm/meta.json', JSON.stringify({ kind: 'real', defects: [] }))
write('clean-quiet/before/configs/train.yaml', 'lr: 0.001\n')
write('clean-quiet/after/configs/train.yaml', 'lr: 0.0011\n')
write('clean-quiet/meta.json', JSON.stringify({ kind: 'real', defects: [] }))
mkdirSync(join(root, 'not-a-case'))

describe('corpus scorer', () => {
  const result = score(readCorpus(root))

  it('reads each case as one change, with added and deleted files', () => {
    expect(result.cases.map((c) => c.name)).toEqual(['clean-alarm', 'clean-quiet', 'deleted', 'missed', 'protected'])
    const deleted = readCorpus(root).find((c) => c.name === 'deleted')
    expect(deleted?.files).toEqual([{ path: 'eval/fair.py', status: 'removed', before: fairness, after: null }])
  })

  it('counts planted bias defects that block, defects at their line, and false alarms on clean cases', () => {
    expect(result.totals).toMatchObject({
      cases: 5,
      plantedBias: 3,
      plantedBiasBlocked: 2,
      defects: 3,
      defectsAtLine: 2,
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
    expect(text).toContain('defect notes.py:1 (after, bias) MISSED, DOES NOT BLOCK')
    expect(text).toContain('planted bias defects that block the merge (fail-on: bias): 2 / 3 (66.7 %)')
    expect(text).toContain('findings on clean cases: 1 in 2 (0.50 per clean case')
  })

  it('names the case whose meta.json is broken', () => {
    const bad = mkdtempSync(join(tmpdir(), 'ml-review-bad-'))
    mkdirSync(join(bad, 'oops'))
    writeFileSync(join(bad, 'oops', 'meta.json'), '{"kind": "real"')
    expect(() => readCorpus(bad)).toThrow(/oops\/meta\.json/)
    rmSync(bad, { recursive: true, force: true })
  })
})
