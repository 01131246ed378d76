import { describe, expect, it } from 'vitest'
import { added, errorOutput, expectNone, expectOne, lineOf, modified, notebook, run, stream } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }

describe('REPRO-SEED-REMOVED', () => {
  it('flags a seed key removed from a config, at the nearest head line', () => {
    const before = 'learning_rate: 2.0e-05\nseed: 42\nwarmup_ratio: 0.1\n'
    const after = 'learning_rate: 2.0e-05\nwarmup_ratio: 0.1\n'
    const f = expectOne(run(modified('configs/sft.yaml', before, after)), 'REPRO-SEED-REMOVED', {
      ...warn,
      path: 'configs/sft.yaml',
      line: 2
    })
    expect(f.family).toBe('reproducibility')
  })

  it('flags random_state= dropped from a call that is still made', () => {
    const before = 'import x\nclf = RandomForestClassifier(n_estimators=100, random_state=42)\n'
    const after = 'import x\nclf = RandomForestClassifier(n_estimators=200)\n'
    expectOne(run(modified('train.py', before, after)), 'REPRO-SEED-REMOVED', { ...warn, path: 'train.py', line: 2 })
  })

  it('flags a global seed call removed from a notebook', () => {
    const before = notebook(['import numpy as np\nnp.random.seed(0)', 'model.fit(X_train, y_train)'])
    const after = notebook(['import numpy as np', 'model.fit(X_train, y_train)'])
    expectOne(run(modified('nb.ipynb', before, after)), 'REPRO-SEED-REMOVED', {
      ...warn,
      path: 'nb.ipynb',
      line: lineOf(after, 'model.fit')
    })
  })

  it('a dataset block replaced with its seed is no seed removed; a seed left out of a block that stays is', () => {
    const before = 'train_dataset:\n  lm:\n    split: train\n    seed: 19\nseed: 19\nlr: 0.1\n'
    const replaced = 'train_dataset:\n  streaming_c4:\n    split: train\nseed: 19\nlr: 0.1\n'
    expectNone(run(modified('c.yaml', before, replaced)), 'REPRO-SEED-REMOVED')
    const kept = 'train_dataset:\n  lm:\n    split: train\nseed: 19\nlr: 0.1\n'
    expectOne(run(modified('c.yaml', before, kept)), 'REPRO-SEED-REMOVED', { ...warn, path: 'c.yaml', line: 4 })
  })

  it('does not flag a changed or moved seed', () => {
    expectNone(run(modified('c.yaml', 'seed: 42\nlr: 0.1\n', 'seed: 7\nlr: 0.1\n')), 'REPRO-SEED-REMOVED')
    expectNone(run(modified('c.yaml', 'seed: 42\nlr: 0.1\n', 'training:\n  seed: 42\nlr: 0.1\n')), 'REPRO-SEED-REMOVED')
    expectNone(
      run(modified('t.py', 'np.random.seed(0)\n', 'import numpy as np\nnp.random.seed(0)\n')),
      'REPRO-SEED-REMOVED'
    )
  })
})

describe('REPRO-SPLIT-NO-SEED', () => {
  it('flags a datasets train_test_split without seed= (fixture 15 shape)', () => {
    const after = notebook([
      "dataset = load_dataset('imagefolder')",
      "splits = dataset['train'].train_test_split(test_size=0.1)"
    ])
    expectOne(run(added('ic.ipynb', after)), 'REPRO-SPLIT-NO-SEED', {
      ...warn,
      path: 'ic.ipynb',
      line: lineOf(after, 'train_test_split')
    })
  })

  it('flags sklearn and torch splits without a seed', () => {
    const code = 'import x\na, b = train_test_split(X, test_size=0.2)\ntr, va = random_split(ds, [0.9, 0.1])\n'
    const found = run(added('s.py', code)).filter((f) => f.check === 'REPRO-SPLIT-NO-SEED')
    expect(found.map((f) => f.line)).toEqual([2, 3])
  })

  it('reports a split whose seed was removed once, as a removed seed', () => {
    const before = 'import x\na, b = train_test_split(X, test_size=0.2, random_state=1)\n'
    const after = 'import x\na, b = train_test_split(X, test_size=0.2)\n'
    const found = run(modified('s.py', before, after)).filter((f) => f.check.startsWith('REPRO-'))
    expect(found.map((f) => [f.check, f.line])).toEqual([['REPRO-SEED-REMOVED', 2]])
  })

  it('does not flag seeded splits, shuffle=False, or sklearn after a global seed', () => {
    const code =
      'a = train_test_split(X, random_state=0)\nb = ds.train_test_split(test_size=0.1, seed=42)\nc = random_split(ds, [9, 1], generator=torch.Generator().manual_seed(0))\nd = train_test_split(X, shuffle=False)\n'
    expectNone(run(added('s.py', code)), 'REPRO-SPLIT-NO-SEED')
    expectNone(run(added('s.py', 'np.random.seed(1)\na = train_test_split(X)\n')), 'REPRO-SPLIT-NO-SEED')
  })
})

describe('REPRO-OUT-OF-ORDER', () => {
  const cells = (a: number | null, b: number | null, c: number | null): string =>
    notebook([
      { source: 'import pandas as pd', executionCount: a },
      { source: "df = pd.read_csv('x.csv')", executionCount: b },
      { source: 'df.describe()', executionCount: c }
    ])

  it('flags counts that go down when the change re-ran the notebook', () => {
    const after = cells(1, 5, 2)
    expectOne(run(modified('eda.ipynb', cells(null, null, null), after)), 'REPRO-OUT-OF-ORDER', {
      ...warn,
      path: 'eda.ipynb',
      line: lineOf(after, 'df.describe()')
    })
  })

  it('does not flag an in-order run, untouched counts, or a base that was already out of order', () => {
    expectNone(run(modified('eda.ipynb', cells(null, null, null), cells(1, 2, 3))), 'REPRO-OUT-OF-ORDER')
    const same = cells(1, 5, 2)
    expectNone(run(modified('eda.ipynb', same, same.replace('x.csv', 'y.csv'))), 'REPRO-OUT-OF-ORDER')
    expectNone(run(modified('eda.ipynb', cells(3, 1, 2), cells(1, 5, 2))), 'REPRO-OUT-OF-ORDER')
  })
})

describe('REPRO-ERROR-OUTPUT', () => {
  it('flags a new error output at its line', () => {
    const before = notebook([{ source: 'train()', executionCount: 1, outputs: [stream('ok\n')] }])
    const after = notebook([
      { source: 'train()', executionCount: 1, outputs: [errorOutput('CUDAError', 'out of memory')] }
    ])
    const f = expectOne(run(modified('t.ipynb', before, after)), 'REPRO-ERROR-OUTPUT', {
      ...warn,
      path: 't.ipynb',
      line: lineOf(after, '"ename": "CUDAError"') - 1
    })
    expect(f.evidence).toContain('CUDAError')
  })

  it('does not flag an error that was already committed', () => {
    const nb = notebook([{ source: 'train()', executionCount: 1, outputs: [errorOutput('KeyError', "'x'")] }])
    expectNone(run(modified('t.ipynb', nb, nb.replace('train()', 'train(1)'))), 'REPRO-ERROR-OUTPUT')
  })
})

describe('REPRO-SPLIT-NO-SEED and global seeds', () => {
  it('counts a global seed only for the generator it seeds', () => {
    const code = 'torch.manual_seed(0)\na = train_test_split(X)\nb = random_split(ds, [9, 1])\n'
    expect(run(added('s.py', code)).map((f) => [f.check, f.line])).toEqual([['REPRO-SPLIT-NO-SEED', 2]])
  })
})

describe('REPRO-SEED-REMOVED across import aliases', () => {
  it('does not call a seed moved from an alias to the full name "removed"', () => {
    const before = notebook(['import numpy.random as rnd\nimport numpy as np', 'rnd.seed(42)\nX = rnd.rand(10)'])
    const after = notebook(['import numpy.random as rnd\nimport numpy as np', 'np.random.seed(42)\nX = rnd.rand(10)'])
    expectNone(run(modified('seed.ipynb', before, after)), 'REPRO-SEED-REMOVED')
  })

  it('still flags a seed whose generator is no longer seeded', () => {
    const before = notebook(['import random\nimport numpy as np', 'random.seed(0)\nnp.random.seed(0)'])
    const after = notebook(['import random\nimport numpy as np', 'np.random.seed(0)'])
    const found = run(modified('seed.ipynb', before, after))
    expect(found.filter((f) => f.check === 'REPRO-SEED-REMOVED')).toHaveLength(1)
  })
})
