// The checks on outputs and metrics, on notebooks written the ways real ones are.
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../src/checks/index.js'
import { diffFile } from '../../src/diff/index.js'
import { pngBase64 } from '../data/notebooks.js'
import { errorOutput, lineOf, modified, notebook, stream } from '../checks/helpers.js'

const result = (text: string) => ({
  output_type: 'execute_result',
  execution_count: 5,
  metadata: {},
  data: { 'text/plain': text.split(/(?<=\n)/) }
})
const plot = (seed: number) => ({
  output_type: 'display_data',
  metadata: {},
  data: { 'image/png': pngBase64(5000, seed), 'text/plain': ['<Figure size 640x480 with 1 Axes>'] }
})

/** A MetricFrame.by_group table as pandas prints it. */
function byGroup(female: number, male: number): string {
  return [
    '        accuracy  selection_rate',
    'sex                             ',
    `Female      ${female.toFixed(2)}            0.30`,
    `Male        ${male.toFixed(2)}            0.32`
  ].join('\n')
}

function fairnessNotebook(female: number, male: number, extra = ''): string {
  return notebook([
    'import pandas as pd\nfrom fairlearn.metrics import MetricFrame, selection_rate\nfrom sklearn.metrics import accuracy_score',
    `X_train, X_test, y_train, y_test, A_train, A_test = train_test_split(X, y, A, test_size=0.3, random_state=0)${extra}`,
    { source: 'model.fit(X_train, y_train)\ny_pred = model.predict(X_test)', executionCount: 3 },
    {
      source:
        "mf = MetricFrame(metrics={'accuracy': accuracy_score, 'selection_rate': selection_rate},\n                 y_true=y_test, y_pred=y_pred, sensitive_features=A_test)\nmf.by_group",
      executionCount: 4,
      outputs: [result(byGroup(female, male))]
    }
  ])
}

describe('RAI-GROUP-GAP-WIDENED', () => {
  it('fails, as a bias item, when the accuracy gap between groups grows from 2 to 12 points', () => {
    const after = fairnessNotebook(0.74, 0.86)
    const found = runChecks([modified('nb/fair.ipynb', fairnessNotebook(0.84, 0.86), after)])
    const gap = found.filter((f) => f.check === 'RAI-GROUP-GAP-WIDENED')
    expect(gap).toHaveLength(1)
    expect(gap[0]).toMatchObject({ status: 'fail', bias: true, line: lineOf(after, 'Female      0.74') })
    expect(gap[0].evidence).toContain('accuracy gap between 2 groups 0.02 → 0.12')
  })

  it('stays silent when the gap is unchanged, narrows, or stays under the limit', () => {
    const base = fairnessNotebook(0.84, 0.86)
    for (const [f, m] of [
      [0.84, 0.86],
      [0.8, 0.82],
      [0.85, 0.86],
      [0.83, 0.87]
    ])
      expect(runChecks([modified('nb/fair.ipynb', base, fairnessNotebook(f, m))]).map((x) => x.check)).not.toContain(
        'RAI-GROUP-GAP-WIDENED'
      )
    const wide = fairnessNotebook(0.7, 0.86)
    expect(runChecks([modified('nb/fair.ipynb', wide, fairnessNotebook(0.72, 0.86))]).map((x) => x.check)).toEqual([])
  })

  it('honours the configured limit', () => {
    const files = [modified('nb/fair.ipynb', fairnessNotebook(0.84, 0.86), fairnessNotebook(0.78, 0.86))]
    expect(runChecks(files).some((f) => f.check === 'RAI-GROUP-GAP-WIDENED')).toBe(true)
    expect(
      runChecks(files, { evidence: { groupGapLimit: 0.1, metricGainLimit: 0.02 } }).some(
        (f) => f.check === 'RAI-GROUP-GAP-WIDENED'
      )
    ).toBe(false)
  })

  it('reads parity metrics printed directly, and per-group metrics files', () => {
    const nb = (dpd: number) =>
      notebook([
        {
          source: 'print("Demographic parity difference:", dpd)',
          executionCount: 1,
          outputs: [stream(`demographic_parity_difference: ${dpd}\n`)]
        }
      ])
    expect(runChecks([modified('a.ipynb', nb(0.03), nb(0.14))]).map((f) => f.check)).toEqual(['RAI-GROUP-GAP-WIDENED'])
    const file = (f: number) => JSON.stringify({ by_group: { female: { recall: f }, male: { recall: 0.9 } } }, null, 2)
    const found = runChecks([modified('eval/metrics.json', file(0.88), file(0.7))])
    expect(found.map((f) => [f.check, f.bias])).toEqual([['RAI-GROUP-GAP-WIDENED', true]])
  })

  it('does not compare models or classes as if they were groups of people', () => {
    const models = (a: number) =>
      notebook([
        {
          source: 'scores',
          executionCount: 1,
          outputs: [result(`         accuracy    f1\nLogReg       ${a}  0.70\nXGBoost      0.90  0.80`)]
        }
      ])
    expect(runChecks([modified('a.ipynb', models(0.89), models(0.6))])).toEqual([])
  })
})

describe('EVAL-STALE-OUTPUTS', () => {
  const nb = (source: string, count: number, out: string) =>
    notebook(['import numpy as np', { source, executionCount: count, outputs: [stream(out)] }])

  it('warns when the code changed but the outputs and execution count are the base ones', () => {
    const after = nb('acc = evaluate(model, X_val)\nprint(f"accuracy: {acc:.2f}")', 7, 'accuracy: 0.91\n')
    const found = runChecks([
      modified(
        'nb.ipynb',
        nb('acc = evaluate(model, X_test)\nprint(f"accuracy: {acc:.2f}")', 7, 'accuracy: 0.91\n'),
        after
      )
    ])
    expect(found.map((f) => [f.check, f.line])).toEqual([['EVAL-STALE-OUTPUTS', lineOf(after, 'acc = evaluate')]])
  })

  it('is silent when the cell was re-run, only comments changed, or the outputs moved', () => {
    const base = nb('acc = evaluate(model, X_test)\nprint(acc)', 7, 'accuracy: 0.91\n')
    for (const after of [
      nb('acc = evaluate(model, X_val)\nprint(acc)', 12, 'accuracy: 0.91\n'),
      nb('acc = evaluate(model, X_val)\nprint(acc)', 7, 'accuracy: 0.88\n'),
      nb('# score on the test set\nacc = evaluate(model, X_test)\nprint(acc)', 7, 'accuracy: 0.91\n'),
      // what it prints holds no metric: a stale print is not a stale result
      nb('acc = evaluate(model, X_val)\nprint(acc)', 7, 'done\n')
    ])
      expect(runChecks([modified('nb.ipynb', base, after)]).map((f) => f.check)).not.toContain('EVAL-STALE-OUTPUTS')
  })

  const results = (name: string, shown = name, attr = 'accuracy') =>
    notebook([
      'import pandas as pd',
      { source: `${name} = {}\n${name}['baseline'] = evaluate(model, X_test)`, executionCount: 1 },
      {
        source: `print(${shown}['baseline'].${attr})`,
        executionCount: 2,
        outputs: [stream('accuracy: 0.91\n')]
      },
      { source: `summary = pd.DataFrame(${name})`, executionCount: 3 }
    ])

  it('is silent when a variable was renamed throughout the notebook', () => {
    const found = runChecks([modified('nb.ipynb', results('metrics'), results('eval_metrics'))])
    expect(found.map((f) => f.check)).not.toContain('EVAL-STALE-OUTPUTS')
  })

  it('warns when the cell now reads another variable or another attribute', () => {
    // the old name is still defined in the head: the cell reads a different value
    const other = results('metrics').replace("print(metrics['baseline']", "print(summary['baseline']")
    const attr = results('metrics', 'metrics', 'balanced_accuracy')
    for (const after of [other, attr])
      expect(runChecks([modified('nb.ipynb', results('metrics'), after)]).map((f) => f.check)).toContain(
        'EVAL-STALE-OUTPUTS'
      )
  })
})

describe('EVAL-SCORE-UP-NEW-SPLIT', () => {
  const nb = (split: string, acc: string) =>
    notebook([
      {
        source: `X_train, X_test, y_train, y_test = train_test_split(X, y, ${split}, random_state=0)`,
        executionCount: 1
      },
      {
        source: 'print("Test accuracy:", model.score(X_test, y_test))',
        executionCount: 2,
        outputs: [stream(`Test accuracy: ${acc}\n`)]
      }
    ])

  it('warns when the headline score jumps while the split changed', () => {
    const after = nb('test_size=0.05', '0.93')
    const found = runChecks([modified('nb.ipynb', nb('test_size=0.3', '0.87'), after)])
    // the test split cut from 30 % to 5 % is its own warning, at the split
    expect(found.map((f) => [f.check, f.status, f.line])).toEqual([
      ['EVAL-SPLIT-SHRUNK', 'warn', lineOf(after, 'test_size=0.05')],
      ['EVAL-SCORE-UP-NEW-SPLIT', 'warn', lineOf(after, 'Test accuracy: 0.93')]
    ])
    expect(found[1].evidence).toMatch(/accuracy 0\.87 → 0\.93 while the split changed \(nb\.ipynb:\d+: X_train, X_test/)
  })

  it('sees the split changed in another file of the change (a config)', () => {
    const cfg = (v: number) => `data:\n  train_file: data/train.csv\n  test_size: ${v}\n`
    const found = runChecks([
      modified('configs/data.yaml', cfg(0.2), cfg(0.05)),
      modified('eval/metrics.json', '{"test_accuracy": 0.81}', '{"test_accuracy": 0.9}')
    ])
    expect(found.map((f) => f.check)).toContain('EVAL-SCORE-UP-NEW-SPLIT')
    expect(found.find((f) => f.check === 'EVAL-SCORE-UP-NEW-SPLIT')?.evidence).toContain('configs/data.yaml:3')
  })

  it('is silent for a better score on the same split, and a small gain on a new one', () => {
    expect(runChecks([modified('nb.ipynb', nb('test_size=0.3', '0.87'), nb('test_size=0.3', '0.93'))])).toEqual([])
    expect(runChecks([modified('nb.ipynb', nb('test_size=0.3', '0.87'), nb('test_size=0.2', '0.88'))])).toEqual([])
  })
})

describe('output changes in the diff summary', () => {
  it('tells a new number, an unchanged plot, a cleared output, a new error and a changed image apart', () => {
    const before = notebook([
      { source: 'print(acc)', executionCount: 1, outputs: [stream('accuracy: 0.87\n')] },
      { source: 'plt.plot(x)', executionCount: 2, outputs: [plot(1)] },
      { source: 'df.describe()', executionCount: 3, outputs: [result('count 10')] },
      { source: 'train()', executionCount: 4, outputs: [stream('ok\n')] },
      { source: 'plt.plot(y)', executionCount: 5, outputs: [plot(2)] }
    ])
    const after = notebook([
      { source: 'print(acc)', executionCount: 1, outputs: [stream('accuracy: 0.91\n')] },
      { source: 'plt.plot(x)', executionCount: 2, outputs: [plot(1)] },
      { source: 'df.describe()', executionCount: null, outputs: [] },
      { source: 'train()', executionCount: 4, outputs: [errorOutput('ValueError', 'Input contains NaN')] },
      { source: 'plt.plot(y)', executionCount: 5, outputs: [plot(3)] }
    ])
    const d = diffFile(modified('nb.ipynb', before, after))
    const lines = d.summary.split('\n')
    expect(lines).toContain('  - cell 1: outputs: stdout "accuracy: 0.87" → stdout "accuracy: 0.91"')
    expect(lines).toContain('  - cell 3: outputs cleared (were: result "count 10")')
    expect(lines).toContain('  - cell 4: outputs: stdout "ok" → error ValueError: Input contains NaN')
    expect(lines).toContain('  - cell 5: outputs: image/png 5 KB → image/png 5 KB (changed)')
    expect(d.summary).not.toContain('cell 2:')
    expect(d.summary).toContain('| accuracy | 0.87 | 0.91 | +0.04 |')
    expect(d.summary).not.toMatch(/[A-Za-z0-9+/]{200,}/)
  })

  it('marks a plot whose bytes are the same', () => {
    const before = notebook([
      { source: 'print(acc)\nplt.show()', executionCount: 1, outputs: [stream('acc 0.8\n'), plot(1)] }
    ])
    const after = notebook([
      { source: 'print(acc)\nplt.show()', executionCount: 1, outputs: [stream('acc 0.9\n'), plot(1)] }
    ])
    expect(diffFile(modified('nb.ipynb', before, after)).summary).toContain(
      '  - cell 1: outputs: stdout "acc 0.8"; image/png 5 KB → stdout "acc 0.9"; image/png 5 KB (same bytes)'
    )
  })
})

describe('notebook locations', () => {
  it('name the cell and the line inside it next to the .ipynb line', () => {
    const after = notebook([
      'import numpy as np',
      {
        source:
          'X = df.drop(columns=["y"])\nX_train, X_test = train_test_split(X)\nscaler = StandardScaler()\nX_test = scaler.fit_transform(X_test)',
        executionCount: 1
      }
    ])
    const found = runChecks([modified('nb.ipynb', notebook(['import numpy as np']), after)])
    const fit = found.find((f) => f.check === 'DATA-FIT-ON-TEST')
    expect(fit).toMatchObject({ line: lineOf(after, 'X_test = scaler.fit_transform'), cell: 'cell 2, line 4' })
  })
})

describe('a per-group metrics file whose values change', () => {
  it('is not a removed fairness evaluation', () => {
    const file = (f: number) => JSON.stringify({ by_group: { female: { recall: f }, male: { recall: 0.9 } } }, null, 2)
    expect(runChecks([modified('eval/metrics.json', file(0.88), file(0.87))])).toEqual([])
    const gone = JSON.stringify({ by_group: { male: { recall: 0.9 } } }, null, 2)
    expect(runChecks([modified('eval/metrics.json', file(0.88), gone)]).map((f) => f.check)).toEqual([
      'RAI-FAIRNESS-METRIC-REMOVED'
    ])
  })
})
