import { describe, expect, it } from 'vitest'
import { explicitStatus, locate, parseReport } from '../src/report/parse.js'

const SPEC_SHAPE = `## ML Engineering Report
### Data Pipeline
Stratified split.
### Model Architecture
ViT.
### Training Strategy
Cosine schedule.
### Evaluation
Macro F1.
### Deployment Plan
Canary.
### Responsible AI Checklist
- [x] Train/validation/test split is stratified (configs/train.yaml:12)
- [ ] Fairness metrics reported per demographic group — FAIL
- [ ] ⚠️ Model card updated — WARN
`

describe('parseReport', () => {
  it('reads the SPEC shape: six sections and three items with status, bias and location', () => {
    const r = parseReport(SPEC_SHAPE, ['configs/train.yaml'])
    expect(r.sections.map((s) => s.title)).toEqual([
      'ML Engineering Report',
      'Data Pipeline',
      'Model Architecture',
      'Training Strategy',
      'Evaluation',
      'Deployment Plan',
      'Responsible AI Checklist'
    ])
    expect(r.hasChecklist).toBe(true)
    expect(r.checklist.map((i) => [i.status, i.bias, i.path, i.line])).toEqual([
      ['pass', false, 'configs/train.yaml', 12],
      ['fail', true, null, null],
      ['warn', false, null, null]
    ])
    expect(r.checklist.map((i) => i.text)).toEqual([
      'Train/validation/test split is stratified',
      'Fairness metrics reported per demographic group',
      'Model card updated'
    ])
    expect(r.checklist.every((i) => /^RAI-[0-9a-f]{8}$/.test(i.id) && i.source === 'bridge')).toBe(true)
  })

  it('gives the same id to the same item across runs, whatever its status mark', () => {
    const a = parseReport(SPEC_SHAPE).checklist[1]
    const b = parseReport(
      SPEC_SHAPE.replace(
        '- [ ] Fairness metrics reported per demographic group — FAIL',
        '- [x] Fairness metrics reported per demographic group ✅'
      )
    ).checklist[1]
    expect(b.status).toBe('pass')
    expect(b.id).toBe(a.id)
  })

  it('reads bold headings, #### levels, numbered lists and emoji statuses', () => {
    const text = `**ML Engineering Report**

**1. Data Pipeline**
ok

#### 🛡️ Responsible AI Checklist
1. ✅ Seeds fixed in \`train.py\`
2. ❌ Disparate impact ratio below 0.8 for the age group
3) ⚠️ Calibration not checked
4. N/A Differential privacy
**Deployment Plan**
- [ ] this is not a checklist item
`
    const r = parseReport(text, ['train.py'])
    expect(r.checklist.map((i) => [i.status, i.bias])).toEqual([
      ['pass', false],
      ['fail', true],
      ['warn', false],
      ['na', false]
    ])
    expect(r.checklist[0].path).toBe('train.py')
    expect(r.sections.map((s) => s.title)).toContain('Deployment Plan')
  })

  it('treats items under a fairness sub-heading as bias items', () => {
    const text = `### Responsible AI Checklist
#### Fairness
- [ ] Outcomes compared across groups — FAIL
#### Privacy
- [ ] PII scrubbed from outputs — FAIL
`
    const r = parseReport(text)
    expect(r.checklist.map((i) => i.bias)).toEqual([true, false])
  })

  it('reads a checklist written as a markdown table', () => {
    const text = `### Responsible AI Checklist
| Check | Status | Location |
| --- | --- | --- |
| Demographic parity difference below 0.1 | Fail | notebooks/eval.ipynb:44 |
| Data card present | Pass | |
| Model card updated | warning | |
`
    const r = parseReport(text, ['notebooks/eval.ipynb'])
    expect(r.checklist.map((i) => [i.status, i.bias, i.path, i.line])).toEqual([
      ['fail', true, 'notebooks/eval.ipynb', 44],
      ['pass', false, null, null],
      ['warn', false, null, null]
    ])
  })

  it('reports no checklist when the answer has none', () => {
    const r = parseReport('## ML Engineering Report\n### Data Pipeline\nLooks fine.\n')
    expect(r.hasChecklist).toBe(false)
    expect(r.checklist).toEqual([])
  })

  it('ends the checklist at the next section of the same level', () => {
    const r = parseReport('### Responsible AI Checklist\n- [x] A — PASS\n### Appendix\n- [ ] not an item\n')
    expect(r.checklist).toHaveLength(1)
  })

  it('ignores list items inside code fences', () => {
    const r = parseReport('### Responsible AI Checklist\n```\n- [ ] code\n```\n- [x] real — PASS\n')
    expect(r.checklist.map((i) => i.text)).toEqual(['real'])
  })
})

describe('explicitStatus', () => {
  it('lets the most severe explicit mark win', () => {
    expect(explicitStatus('✅ done but ❌ fairness')).toBe('fail')
    expect(explicitStatus('checked — WARN')).toBe('warn')
    expect(explicitStatus('nothing here')).toBeNull()
    expect(explicitStatus('models may fail to generalise')).toBeNull()
  })
})

describe('locate', () => {
  it('takes path:line, path#Lline and changed paths with spaces', () => {
    expect(locate('see a/b.yaml:12', [])).toEqual({ path: 'a/b.yaml', line: 12 })
    expect(locate('see a/b.yaml#L7', [])).toEqual({ path: 'a/b.yaml', line: 7 })
    const spaced = 'notebooks/Mitigating Disparities in Ranking.ipynb'
    expect(locate(`in ${spaced}:40 the bound`, [spaced])).toEqual({ path: spaced, line: 40 })
    expect(locate('in `train.yaml`', ['configs/train.yaml'])).toEqual({ path: 'configs/train.yaml', line: null })
  })
})

describe('review findings on the parser', () => {
  it('keeps items after a bold sub-heading inside the checklist', () => {
    const text = `## ML Engineering Report
**Responsible AI Checklist**
- [x] Data card present — PASS
**Fairness evaluation**
- [ ] Subgroup recall gap above 10 points — FAIL
**Deployment monitoring**
- [ ] Drift alerts configured — WARN
**Deployment Plan**
- [ ] not a checklist item
`
    const r = parseReport(text)
    expect(r.checklist.map((i) => [i.text, i.status, i.bias])).toEqual([
      ['Data card present', 'pass', false],
      ['Subgroup recall gap above 10 points', 'fail', true],
      ['Drift alerts configured', 'warn', false]
    ])
  })

  it('reads the verdict from the end of the item first', () => {
    expect(explicitStatus('No FAILURE modes in split ✅')).toBe('pass')
    expect(explicitStatus('bias ok ✓')).toBe('pass')
    expect(explicitStatus('Seeds fixed (train.py:3) — Pass')).toBe('pass')
    expect(explicitStatus('Check whether models fail')).toBeNull()
    expect(explicitStatus('Fairness gap — FAIL')).toBe('fail')
  })

  it('locates full paths before bare names, and only unique bare names', () => {
    expect(locate('(b/train.yaml:5)', ['a/train.yaml', 'b/train.yaml'])).toEqual({ path: 'b/train.yaml', line: 5 })
    expect(locate('see train.yaml:5', ['a/train.yaml', 'b/train.yaml']).path).not.toBe('a/train.yaml')
    expect(locate('configs/train.yaml.bak is stale', ['configs/train.yaml'])).toEqual({ path: null, line: null })
    expect(locate('configs/train.yaml. Done', ['configs/train.yaml'])).toEqual({
      path: 'configs/train.yaml',
      line: null
    })
  })

  it('keeps the id when only the line of the location moves', () => {
    const a = parseReport('### Responsible AI Checklist\n- [ ] configs/train.yaml:12 uses gender — FAIL\n').checklist[0]
    const b = parseReport('### Responsible AI Checklist\n- [ ] configs/train.yaml:14 uses gender — FAIL\n').checklist[0]
    expect(a.id).toBe(b.id)
  })
})
