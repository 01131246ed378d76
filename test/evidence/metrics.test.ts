import { describe, expect, it } from 'vitest'
import { fileMetrics, groupGaps, metricTable, normaliseName, textMetrics } from '../../src/diff/metrics.js'
import { parseConfigEntries } from '../../src/diff/config.js'

const at = (i: number) => i + 1
const brief = (text: string) => textMetrics(text, at).map((m) => [m.name, m.group, m.value, m.line])

describe('textMetrics', () => {
  it('reads name/value pairs the ways notebooks print them', () => {
    expect(brief('Accuracy: 0.91')).toEqual([['accuracy', null, 0.91, 1]])
    expect(brief('F1 = 0.87, AUC = 0.93')).toEqual([
      ['f1', null, 0.87, 1],
      ['auc', null, 0.93, 1]
    ])
    expect(brief("{'eval_loss': 0.5212, 'eval_accuracy': 0.9034, 'epoch': 3.0}")).toEqual([
      ['eval_loss', null, 0.5212, 1],
      ['eval_accuracy', null, 0.9034, 1]
    ])
    expect(brief('Balanced accuracy = 0.6574\nDisparate impact = 0.8412')).toEqual([
      ['balanced_accuracy', null, 0.6574, 1],
      ['disparate_impact', null, 0.8412, 2]
    ])
    expect(brief('Test set accuracy is 91.5%')).toEqual([['accuracy', null, 0.915, 1]])
  })

  it('leaves numbers that are not metrics alone', () => {
    expect(brief('epoch: 3\nlearning_rate = 0.001\nshape: (3694, 401)\nDifference in mean outcomes = -0.13')).toEqual(
      []
    )
    expect(brief('x'.repeat(5000) + ': 0.5')).toEqual([])
  })

  it('reads a classification report: per class, averages, and the overall accuracy', () => {
    const report = [
      '              precision    recall  f1-score   support',
      '',
      '           0       0.91      0.95      0.93       100',
      '           1       0.80      0.70      0.75        50',
      '',
      '    accuracy                           0.88       150',
      '   macro avg       0.85      0.82      0.84       150',
      'weighted avg       0.88      0.88      0.88       150'
    ].join('\n')
    const found = textMetrics(report, at)
    expect(found.find((m) => m.name === 'accuracy' && m.group === null)?.value).toBe(0.88)
    expect(found.find((m) => m.name === 'recall' && m.group === 'class 1')).toMatchObject({ value: 0.7, line: 4 })
    expect(found.find((m) => m.name === 'f1' && m.group === 'macro avg')?.value).toBe(0.84)
    expect(found.every((m) => m.groupKind !== 'group')).toBe(true)
  })

  it('reads a per-group table (MetricFrame.by_group) as groups of people', () => {
    const table = [
      '        accuracy  selection_rate',
      'sex                             ',
      'Female      0.80            0.20',
      'Male        0.85            0.35'
    ].join('\n')
    const found = textMetrics(table, at)
    expect(found.map((m) => [m.name, m.group, m.groupKind, m.value])).toEqual([
      ['accuracy', 'Female', 'group', 0.8],
      ['selection_rate', 'Female', 'group', 0.2],
      ['accuracy', 'Male', 'group', 0.85],
      ['selection_rate', 'Male', 'group', 0.35]
    ])
    const gaps = groupGaps(found)
    expect(gaps.get('accuracy')?.gap).toBeCloseTo(0.05)
    expect(gaps.get('selection_rate')?.gap).toBeCloseTo(0.15)
  })

  it('does not take a table of models or folds for groups of people', () => {
    const table = ['          accuracy   f1', 'LogReg        0.81 0.70', 'XGBoost       0.88 0.79'].join('\n')
    const t2 = ['           accuracy      f1', 'LogReg         0.81    0.70', 'XGBoost        0.88    0.79'].join('\n')
    expect(groupGaps(textMetrics(table, at)).size).toBe(0)
    expect(groupGaps(textMetrics(t2, at)).size).toBe(0)
    expect(textMetrics(t2, at).length).toBe(4)
  })
})

describe('metrics files', () => {
  it('takes the numeric leaves named as metrics, with groups where the keys say so', () => {
    const text = JSON.stringify(
      {
        eval: { accuracy: 0.9, loss: 0.3, steps: 100 },
        by_group: { Female: { accuracy: 0.8 }, Male: { accuracy: 0.9 } }
      },
      null,
      2
    )
    const found = fileMetrics(parseConfigEntries('metrics.json', text))
    expect(found.map((m) => [m.name, m.group, m.value])).toEqual([
      ['accuracy', null, 0.9],
      ['loss', null, 0.3],
      ['accuracy', 'Female', 0.8],
      ['accuracy', 'Male', 0.9]
    ])
  })
})

describe('metricTable', () => {
  it('shows what changed, appeared or went, with the difference', () => {
    const before = textMetrics('accuracy: 0.87\nf1: 0.80\nauc: 0.9', at)
    const after = textMetrics('accuracy: 0.91\nf1: 0.80\nrecall: 0.7', at)
    expect(metricTable(before, after)).toBe(
      [
        '| metric | before | after | Δ |',
        '| --- | --- | --- | --- |',
        '| accuracy | 0.87 | 0.91 | +0.04 |',
        '| auc | 0.9 | — |  |',
        '| recall | — | 0.7 |  |'
      ].join('\n')
    )
    expect(metricTable(before, before)).toBeNull()
  })

  it('normalises names', () => {
    expect(normaliseName('F1-score')).toBe('f1')
    expect(normaliseName('f1_score')).toBe('f1')
    expect(normaliseName('ROC AUC')).toBe('roc_auc')
    expect(normaliseName('eval_accuracy')).toBe('eval_accuracy')
    expect(normaliseName('learning_rate')).toBeNull()
  })
})

describe('what is not a score', () => {
  it('skips values that name a threshold, an epoch or a count of a metric', () => {
    expect(brief('Threshold corresponding to Best balanced accuracy: 0.1900\nBest balanced accuracy: 0.7370')).toEqual([
      ['best_balanced_accuracy', null, 0.737, 2]
    ])
    expect(brief('Epoch of best f1: 3\nNumber of accuracy checks: 12\nf1 at step 500: 0.8')).toEqual([])
  })
})
