import { describe, expect, it } from 'vitest'
import { CHECKS, runChecks } from '../../src/checks/index.js'
import type { ChangedFile } from '../../src/types.js'
import { bigImageNotebook, recidivismNotebook } from '../data/notebooks.js'
import { testData } from '../helpers/scenario.js'
import { added, modified, notebook } from './helpers.js'

/** Configs and notebooks of test/data as a pull request would change them. */
function sampleFiles(): ChangedFile[] {
  return [
    modified('configs/train.yml', testData('configs/llm-qlora.before.yml'), testData('configs/llm-qlora.after.yml')),
    modified(
      'recipes/dpo/config.yaml',
      testData('configs/dpo-lora.before.yaml'),
      testData('configs/dpo-lora.after.yaml')
    ),
    {
      path: 'recipes/sft/config_qlora.yaml',
      previousPath: 'recipes/sft/config_lora.yaml',
      status: 'renamed',
      before: testData('configs/sft-lora.yaml'),
      after: testData('configs/sft-qlora.yaml')
    },
    modified('nb/groups.ipynb', recidivismNotebook('base'), recidivismNotebook('privileged-flipped')),
    modified('nb/swap.ipynb', recidivismNotebook('base'), recidivismNotebook('train-test-swapped')),
    added('nb/captions.ipynb', bigImageNotebook(1))
  ]
}

describe('runChecks API', () => {
  it('describes every check once, with a family, status and fix', () => {
    const ids = CHECKS.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^(RAI|DATA|REPRO|TRAIN|EVAL|SUPPLY)-[A-Z-]+$/)
      expect(['fail', 'warn']).toContain(c.status)
      expect(c.fix.length).toBeGreaterThan(10)
    }
    expect(CHECKS.filter((c) => c.bias).map((c) => c.id)).toEqual([
      'RAI-PROTECTED-ATTRIBUTE',
      'RAI-FAIRNESS-METRIC-REMOVED',
      'RAI-PRIVILEGED-GROUPS-CHANGED',
      'RAI-FAIRNESS-COVERAGE-NARROWED',
      'RAI-PROTECTED-INPUT',
      'RAI-FAIRNESS-BOUND-LOOSENED',
      'RAI-FAIRNESS-ON-TRAINING-DATA',
      'RAI-GROUP-GAP-WIDENED'
    ])
  })

  it('returns findings sorted by path and line, each from a known check', () => {
    const files = [
      ...sampleFiles(),
      modified('z/train.yaml', 'seed: 1\nlearning_rate: 1e-5\n', 'learning_rate: 1e-3\n')
    ]
    const found = runChecks(files)
    expect(found.length).toBeGreaterThanOrEqual(4)
    const known = new Set(CHECKS.map((c) => c.id))
    for (const f of found) expect(known.has(f.check)).toBe(true)
    const keys = found.map((f) => `${f.path}\u0000${String(f.line ?? 0).padStart(9, '0')}`)
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)))
  })

  it('reports nothing for files that are not ML files, deleted files or empty input', () => {
    expect(runChecks([])).toEqual([])
    expect(runChecks([modified('README.md', 'lr: 1', 'lr: 100')])).toEqual([])
    expect(
      runChecks([{ path: 'c.yaml', status: 'removed', before: 'learning_rate: 1\nseed: 1\n', after: null }])
    ).toEqual([])
  })

  it('uses the base of a renamed file', () => {
    const file: ChangedFile = {
      path: 'configs/new.yaml',
      previousPath: 'configs/old.yaml',
      status: 'renamed',
      before: 'learning_rate: 1e-5\n',
      after: 'learning_rate: 1e-3\n'
    }
    expect(runChecks([file]).map((f) => [f.check, f.path, f.line])).toEqual([
      ['TRAIN-LR-CHANGED', 'configs/new.yaml', 1]
    ])
  })
})

describe('runChecks never throws', () => {
  const garbage: Array<string | null> = [
    null,
    '',
    '{',
    '{"cells": 3, "nbformat": 4}',
    '{"nbformat": 4, "cells": [{"cell_type": "code", "source": 7, "outputs": "x"}]}',
    '\u0000\u0001\u0002binary\uffff',
    'learning_rate: [1, 2\n  - : :',
    'def f(:\n  x = (((\n"""unterminated',
    'x = ' + '('.repeat(5000),
    JSON.stringify({
      nbformat: 4,
      cells: [{ cell_type: 'code', source: ['a = (', 'b'], outputs: [{ output_type: 'error' }] }]
    })
  ]
  const paths = ['a.ipynb', 'a.py', 'a.yaml', 'a.json', 'a.toml', 'MLproject', 'adapter_config.json']

  it('on unreadable or malformed sides, in every combination', () => {
    for (const path of paths) {
      for (const before of garbage) {
        for (const after of garbage) {
          const status = before === null ? 'added' : after === null ? 'removed' : 'modified'
          expect(() => runChecks([{ path, status, before, after }])).not.toThrow()
        }
      }
    }
  })

  it('on truncated files, and skips a side that does not parse', () => {
    for (const f of sampleFiles()) {
      const text = f.after ?? f.before ?? ''
      for (const cut of [1, 0.5, 0.9]) {
        const part = text.slice(0, Math.floor(text.length * cut))
        expect(() => runChecks([{ ...f, after: part }])).not.toThrow()
        expect(() => runChecks([{ ...f, before: part }])).not.toThrow()
      }
    }
    // a JSON config whose base misses a comma: the base is skipped, the head alone has nothing to compare
    const broken = '{\n  "train_batch_size": 16,\n  "fp16": {"enabled": true}\n  "steps_per_print": 10\n}\n'
    const fixed = broken.replace('true}\n', 'true},\n')
    expect(runChecks([modified('config/ds_config.json', broken, fixed)])).toEqual([])
  })

  it('on a notebook with a multi-megabyte code cell, quickly', () => {
    const big = notebook([`data = [${'1, '.repeat(700_000)}1]`, 'X_test = scaler.fit_transform(X_test)'])
    const started = Date.now()
    const found = runChecks([added('big.ipynb', big)])
    expect(Date.now() - started).toBeLessThan(5000)
    expect(found.map((f) => f.check)).toEqual(['DATA-FIT-ON-TEST'])
  })
})
