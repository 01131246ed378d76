import { describe, expect, it } from 'vitest'
import { applyPolicy, inlineIgnores } from '../src/checks/apply-policy.js'
import type { ChangedFile, Finding } from '../src/types.js'

const finding = (over: Partial<Finding>): Finding => ({
  check: 'TRAIN-LR-CHANGED',
  family: 'training-config',
  title: 'Learning rate changed 5× or more',
  status: 'warn',
  bias: false,
  path: 'configs/train.yaml',
  line: 2,
  evidence: 'lr: 0.1 → 1',
  fix: 'Confirm it.',
  ...over
})
const file = (path: string, after: string): ChangedFile => ({ path, status: 'modified', before: '', after })

describe('levels and path ignores', () => {
  it('off drops the finding, warn/fail/bias set status and bias flag, and each change is named', () => {
    const findings = [
      finding({}),
      finding({ check: 'SUPPLY-TRUST-REMOTE-CODE', status: 'fail', line: 3 }),
      finding({ check: 'RAI-PII-IN-OUTPUT', status: 'fail', line: 4 }),
      finding({ check: 'RAI-PROTECTED-ATTRIBUTE', status: 'fail', bias: true, line: 5 })
    ]
    const out = applyPolicy(findings, [], {
      'TRAIN-LR-CHANGED': { level: 'off', ignore: [] },
      'SUPPLY-TRUST-REMOTE-CODE': { level: 'warn', ignore: [] },
      'RAI-PII-IN-OUTPUT': { level: 'bias', ignore: [] },
      'RAI-PROTECTED-ATTRIBUTE': { level: 'fail', ignore: [] }
    })
    expect(out.findings.map((f) => [f.check, f.status, f.bias, f.level])).toEqual([
      ['SUPPLY-TRUST-REMOTE-CODE', 'warn', false, 'warn'],
      ['RAI-PII-IN-OUTPUT', 'fail', true, 'bias'],
      ['RAI-PROTECTED-ATTRIBUTE', 'fail', false, 'fail']
    ])
    expect(out.notes).toEqual(['Policy: 1 finding of `TRAIN-LR-CHANGED` not shown (level off).'])
  })

  it('a level equal to the default leaves the finding as it was', () => {
    const [f] = applyPolicy([finding({})], [], { 'TRAIN-LR-CHANGED': { level: 'warn', ignore: [] } }).findings
    expect(f.level).toBeUndefined()
  })

  it('ignore globs turn a check off on matching paths only, dotfiles included', () => {
    const out = applyPolicy(
      [finding({ path: 'experiments/a.yaml' }), finding({ path: '.hidden/exp/b.yaml' }), finding({})],
      [],
      { 'TRAIN-LR-CHANGED': { ignore: ['experiments/**', '**/exp/**'] } }
    )
    expect(out.findings.map((f) => f.path)).toEqual(['configs/train.yaml'])
    expect(out.notes).toEqual([
      'Policy: 2 findings of `TRAIN-LR-CHANGED` not shown (ignored in `experiments/**`, `**/exp/**`).'
    ])
  })
})

describe('inline ignores', () => {
  it('on the line, or alone on the line above the code it covers, in YAML, TOML and Python', () => {
    const yaml = file('configs/train.yaml', 'a: 1\nlr: 1  # ml-review: ignore[TRAIN-LR-CHANGED] sweep #12\n')
    const toml = file(
      'conf/t.toml',
      '# ml-review: ignore[train-lr-changed, REPRO-SEED-REMOVED] tuned\n\n# note\nlr = 1\n'
    )
    const py = file('train.py', 'x = 1\n    # ml-review:ignore[TRAIN-LR-CHANGED] why\n    lr = 1\n')
    expect(inlineIgnores(yaml)).toMatchObject([
      { checks: ['TRAIN-LR-CHANGED'], reason: 'sweep #12', line: 2, covers: [2] }
    ])
    expect(inlineIgnores(toml)).toMatchObject([
      { checks: ['TRAIN-LR-CHANGED', 'REPRO-SEED-REMOVED'], reason: 'tuned', line: 1, covers: [1, 4] }
    ])
    expect(inlineIgnores(py)).toMatchObject([{ reason: 'why', covers: [2, 3] }])
    // JSON has no comments: a "#" in a string is no ignore
    expect(inlineIgnores(file('c/a.json', '{"a": "# ml-review: ignore[X] y"}'))).toEqual([])
  })

  it('in a notebook code cell, at the .ipynb line of the source line; never in a markdown cell', () => {
    const nb = JSON.stringify(
      {
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          { cell_type: 'markdown', metadata: {}, source: ['# ml-review: ignore[TRAIN-LR-CHANGED] not code\n'] },
          {
            cell_type: 'code',
            metadata: {},
            execution_count: 1,
            outputs: [],
            source: ['x = 1\n', 'lr = 1  # ml-review: ignore[TRAIN-LR-CHANGED] from the sweep\n']
          }
        ]
      },
      null,
      1
    )
    const ignores = inlineIgnores(file('nb/t.ipynb', nb))
    expect(ignores).toHaveLength(1)
    const line = nb.split('\n').findIndex((l) => l.includes('from the sweep')) + 1
    expect(ignores[0]).toMatchObject({ reason: 'from the sweep', line, covers: [line] })
  })

  it('suppresses a non-bias finding with its reason; refuses a bias one, one without reason, and names unused ones', () => {
    const text = [
      'lr: 1  # ml-review: ignore[TRAIN-LR-CHANGED] sweep #12',
      'features: [gender]  # ml-review: ignore[RAI-PROTECTED-ATTRIBUTE] legal ok',
      'seed: null  # ml-review: ignore[REPRO-SEED-REMOVED]',
      'x: 1  # ml-review: ignore[EVAL-ACCURACY-ONLY] nothing here'
    ].join('\n')
    const out = applyPolicy(
      [
        finding({ line: 1 }),
        finding({ check: 'RAI-PROTECTED-ATTRIBUTE', status: 'fail', bias: true, line: 2 }),
        finding({ check: 'REPRO-SEED-REMOVED', line: 3 })
      ],
      [file('configs/train.yaml', text)]
    )
    expect(out.findings[0].suppressed).toEqual({ reason: 'sweep #12', path: 'configs/train.yaml', line: 1 })
    expect(out.findings[1].suppressed).toBeUndefined()
    expect(out.findings[2].suppressed).toBeUndefined()
    expect(out.notes).toEqual([
      '`configs/train.yaml:2`: `ignore[RAI-PROTECTED-ATTRIBUTE]` not honoured: a bias finding cannot be silenced in the changed file (a maintainer can accept it with `/ml-review accept`).',
      '`configs/train.yaml:3`: `ignore[REPRO-SEED-REMOVED]` not honoured: it gives no reason.',
      '`configs/train.yaml:4`: `ignore[EVAL-ACCURACY-ONLY]` matches no finding on its line.'
    ])
  })

  it('a check the policy made bias cannot be silenced inline either', () => {
    const out = applyPolicy(
      [finding({ check: 'RAI-PII-IN-OUTPUT', status: 'fail', line: 1 })],
      [file('configs/train.yaml', 'email: a  # ml-review: ignore[RAI-PII-IN-OUTPUT] test data\n')],
      { 'RAI-PII-IN-OUTPUT': { level: 'bias', ignore: [] } }
    )
    expect(out.findings[0]).toMatchObject({ bias: true, status: 'fail' })
    expect(out.findings[0].suppressed).toBeUndefined()
  })
})
