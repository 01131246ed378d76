import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseFiles } from '../src/checks/index.js'
import { applySuggestion, suggestFix, verifiedSuggestion } from '../src/report/suggestions.js'
import { diffLines, planReview } from '../src/github/review.js'
import { findingsToItems } from '../src/report/builtin.js'
import type { ChangedFile, Finding } from '../src/types.js'

const EXAMPLES = join(import.meta.dirname, '..', 'examples')
const example = (path: string): ChangedFile => ({
  path,
  status: 'modified',
  before: readFileSync(join(EXAMPLES, 'before', path), 'utf8'),
  after: readFileSync(join(EXAMPLES, 'after', path), 'utf8')
})

function only(file: ChangedFile, check: string, line?: number): Finding {
  const found = analyseFiles([file]).findings.filter(
    (f) => f.check === check && (line === undefined || f.line === line)
  )
  expect(found).toHaveLength(1)
  return found[0]
}

/** The file after the suggestion, and what the checks find in it. */
function fixedBy(file: ChangedFile, f: Finding): { text: string; checks: string[] } {
  const s = verifiedSuggestion(f, file)
  if (!s) throw new Error(`no suggestion for ${f.check}`)
  const text = applySuggestion(file.after as string, s)
  return { text, checks: analyseFiles([{ ...file, after: text }]).findings.map((x) => x.check) }
}

const py = (before: string, after: string): ChangedFile => ({ path: 'train.py', status: 'modified', before, after })

describe('suggestions', () => {
  it('trust_remote_code: true becomes false on its line', () => {
    const file = example('configs/train.yaml')
    const f = only(file, 'SUPPLY-TRUST-REMOTE-CODE')
    expect(suggestFix(f, file.after as string, file.before)).toEqual({
      startLine: 4,
      line: 4,
      text: '  trust_remote_code: false'
    })
    expect(fixedBy(file, f).checks).not.toContain('SUPPLY-TRUST-REMOTE-CODE')
  })

  it('a removed seed is put back with the base line, at its place in the mapping', () => {
    const file = example('configs/train.yaml')
    const f = only(file, 'REPRO-SEED-REMOVED')
    const { text, checks } = fixedBy(file, f)
    expect(checks).not.toContain('REPRO-SEED-REMOVED')
    expect(text).toContain('  weight_decay: 0.01\n  seed: 42\n')
  })

  it('stratify= and random_state= go back into a notebook call, as JSON of the cell line', () => {
    const file = example('notebooks/churn.ipynb')
    const stratify = fixedBy(file, only(file, 'DATA-STRATIFY-REMOVED'))
    expect(stratify.checks).not.toContain('DATA-STRATIFY-REMOVED')
    expect(stratify.text).toContain(
      '"X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)"'
    )
    JSON.parse(stratify.text)
    const seed = fixedBy(file, only(file, 'REPRO-SEED-REMOVED', 56))
    expect(seed.text).toContain('GradientBoostingClassifier(random_state=42).fit(X_train, y_train)')
  })

  it('a fit right before the split moves after it, on the training split only', () => {
    const file = example('notebooks/churn.ipynb')
    const f = only(file, 'DATA-PREPROCESS-BEFORE-SPLIT')
    const s = suggestFix(f, file.after as string, file.before)
    expect(s).toMatchObject({ startLine: 45, line: 46 })
    const { text, checks } = fixedBy(file, f)
    expect(checks).not.toContain('DATA-PREPROCESS-BEFORE-SPLIT')
    const nb = JSON.parse(text) as { cells: { source: string[] }[] }
    expect(nb.cells.map((c) => c.source.join('')).join('\n')).toContain(
      'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\nX_train = scaler.fit_transform(X_train)\nX_test = scaler.transform(X_test)'
    )
  })

  it('torch.load gets weights_only=True in a Python file', () => {
    const file = py('import torch\n', 'import torch\nstate = torch.load("model.pt")\n')
    const f = only(file, 'SUPPLY-TORCH-LOAD-UNSAFE')
    expect(fixedBy(file, f).text).toContain('torch.load("model.pt", weights_only=True)')
  })

  it('offers nothing where the fix is not mechanical, or where applying it would not remove the finding', () => {
    const file = example('configs/train.yaml')
    expect(suggestFix(only(file, 'TRAIN-LR-CHANGED'), file.after as string, file.before)).toBeNull()
    expect(verifiedSuggestion(only(file, 'RAI-PROTECTED-ATTRIBUTE'), file)).toBeNull()
    // a stratify value the base does not name once cannot be guessed
    const two = py(
      'a = train_test_split(X, y, stratify=y)\nb = train_test_split(X2, y2, stratify=y2)\n',
      'a = train_test_split(X, y)\nb = train_test_split(X2, y2, stratify=y2)\n'
    )
    const f = analyseFiles([two]).findings.find((x) => x.check === 'DATA-STRATIFY-REMOVED')
    expect(f).toBeDefined()
    expect(verifiedSuggestion(f as Finding, two)).toBeNull()
  })
})

describe('review plan', () => {
  it('knows the head lines of a patch, with their hunks', () => {
    const lines = diffLines('@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n@@ -10 +10,2 @@\n-x\n+y\n+z')
    expect([...(lines ?? new Map()).entries()]).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [10, 1],
      [11, 1]
    ])
    expect(diffLines(undefined)).toBeNull()
  })

  it('drops a suggestion over lines of two hunks, and puts findings off the diff on their files', () => {
    const file = { ...example('notebooks/churn.ipynb'), patch: '@@ -44 +45 @@\n-x\n+y\n@@ -47 +46 @@\n-x\n+y' }
    const findings = analyseFiles([file]).findings
    const items = findingsToItems(findings)
    const findingOf = new Map(items.map((i, n) => [i.id, findings[n]]))
    const plan = planReview({ items, findings, findingOf, files: [file], mode: 'all' })
    const fit = plan.lines.find((c) => c.body.includes('DATA-PREPROCESS-BEFORE-SPLIT'))
    expect(fit).toMatchObject({ line: 45 })
    expect(fit?.startLine).toBeUndefined()
    expect(fit?.body).not.toContain('```suggestion')
    expect(plan.files.length).toBe(items.filter((i) => i.line !== 45 && i.line !== 46).length)
  })

  it('gives an accepted or silenced item no comment, and a reason to close the one it had', () => {
    const file = { ...example('configs/train.yaml'), patch: '@@ -1,30 +1,30 @@' }
    const findings = analyseFiles([file]).findings
    const items = findingsToItems(findings).map((i) =>
      i.text.startsWith('[SUPPLY-TRUST-REMOTE-CODE]')
        ? { ...i, accepted: { by: 'octocat', at: '2026-01-01T00:00:00Z', reason: 'pinned and vendored' } }
        : i
    )
    const findingOf = new Map(items.map((i, n) => [i.id, findings[n]]))
    const plan = planReview({ items, findings, findingOf, files: [file], mode: 'failures' })
    const trust = items.find((i) => i.accepted) as (typeof items)[number]
    expect(plan.open.has(trust.id)).toBe(false)
    expect(plan.closedWhy.get(trust.id)).toBe('Accepted by octocat: pinned and vendored')
    expect([...plan.lines, ...plan.files].some((c) => c.itemId === trust.id)).toBe(false)
    // the other failed item still gets its comment
    expect(plan.files.length + plan.lines.length).toBe(items.filter((i) => i.status === 'fail' && !i.accepted).length)
  })
})
