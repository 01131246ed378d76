// The parser runs once per cell source: both sides of a notebook share their unchanged cells, and every check, the
// diff and a second look at the same file reuse what was read.
import { parser } from '@lezer/python'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { analyseFiles } from '../../src/checks/index.js'
import { diffFile } from '../../src/diff/index.js'
import { modified, notebook } from '../checks/helpers.js'

afterEach(() => vi.restoreAllMocks())

describe('the analysis cache', () => {
  it('parses each distinct cell source once across both sides, all checks and the diff', () => {
    // sources no other test uses, so nothing is cached before
    const tag = `run_${Date.now()}_${Math.random().toString(36).slice(2)}`
    const shared = [
      `import pandas as pd\ndf_${tag} = pd.read_csv("adult.csv")`,
      `from sklearn.model_selection import train_test_split\nX_train, X_test = train_test_split(df_${tag}, test_size=0.2, random_state=1)`,
      `print("${tag}")`
    ]
    const base = notebook([...shared, `model_${tag}.fit(X_train)`])
    const head = notebook([...shared, `model_${tag}.fit(X_train, sample_weight=w)`])
    const parse = vi.spyOn(parser, 'parse')
    const file = modified('nb.ipynb', base, head)
    const first = analyseFiles([file])
    // three shared cells, and the last cell on each side
    expect(parse).toHaveBeenCalledTimes(5)
    diffFile(file)
    const again = analyseFiles([modified('nb.ipynb', base, head)])
    expect(parse).toHaveBeenCalledTimes(5)
    expect(again.findings).toEqual(first.findings)
  })
})
