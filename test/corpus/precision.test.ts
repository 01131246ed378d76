// Precision on real changes: every finding on the 20 real before/after pairs and the 5 standalone notebooks
// (as added files) is listed here with why a reviewer would agree; anything else is a false alarm and fails.
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../src/checks/index.js'
import type { Finding } from '../../src/types.js'
import { realChangedFiles, standaloneAdded } from './fixtures.js'

interface Expected {
  check: string
  line: number
  status: Finding['status']
  bias: boolean
  why: string
}

const warn = (check: string, line: number, why: string): Expected => ({ check, line, status: 'warn', bias: false, why })

const EXPECTED: Record<string, Expected[]> = {
  '01': [warn('TRAIN-LR-CHANGED', 33, 'learning_rate 2e-4 → 5e-6 is 40× lower with the schedule and epochs unchanged')],
  '02': [],
  '03': [
    warn(
      'SUPPLY-REVISION-PIN-REMOVED',
      1,
      'model_revision 834565c removed: microsoft/phi-2 now loads whatever main is'
    ),
    warn('TRAIN-EFFECTIVE-BATCH-SIZE', 36, 'micro_batch_size 1 → 2 doubles the effective batch (1 → 2)')
  ],
  '04': [
    warn(
      'TRAIN-EFFECTIVE-BATCH-SIZE',
      35,
      'gradient_accumulation_steps 2 → 4 doubles the effective batch (8 → 16), learning rate unchanged'
    )
  ],
  '05': [
    warn('TRAIN-QUANTIZATION-TOGGLED', 7, 'load_in_4bit: true added: the LoRA recipe became QLoRA'),
    warn('TRAIN-LORA-SCALE-CHANGED', 9, 'lora_r 64 → 16 with lora_alpha 16: scale alpha/r 0.25 → 1 (4×)'),
    warn(
      'TRAIN-EFFECTIVE-BATCH-SIZE',
      34,
      'gradient_accumulation_steps 128 → 2: effective batch 512 → 8 (64× smaller)'
    ),
    warn('TRAIN-LR-CHANGED', 40, 'learning_rate 2.0e-05 → 2.0e-04 is 10× higher')
  ],
  '06': [
    warn(
      'TRAIN-EFFECTIVE-BATCH-SIZE',
      20,
      'gradient_accumulation_steps 1 → 2: effective batch 8 → 16 at the same learning rate'
    )
  ],
  '07': [],
  '08': [],
  '09': [],
  '10': [warn('TRAIN-EFFECTIVE-BATCH-SIZE', 2, 'DeepSpeed train_batch_size 4 → 16 (4×) with the same lr and warmup')],
  '11': [],
  '12': [],
  '13': [],
  '14': [
    warn(
      'TRAIN-EFFECTIVE-BATCH-SIZE',
      1370,
      'training DataLoader batch_size 128 → 256 (2×) with the learning rate unchanged'
    )
  ],
  '15': [
    warn(
      'REPRO-SPLIT-NO-SEED',
      6990,
      'dataset.train_test_split(test_size=0.1) without seed=: a different validation split every run'
    )
  ],
  '16': [warn('TRAIN-EPOCHS-INCREASED', 278, "'epochs': 1 → 3 triples training on the same data")],
  '17': [],
  '18': [
    {
      check: 'RAI-PRIVILEGED-GROUPS-CHANGED',
      line: 96,
      status: 'fail',
      bias: true,
      why: "COMPAS privileged_groups [{'sex': 0}] ↔ [{'sex': 1}] swapped: every fairness metric flips sign; a reviewer must confirm the encoding"
    }
  ],
  '19': [warn('DATA-TRAIN-TEST-SWAPPED', 67, 'train, test = ad.split([32561]) became test, train = ad.split([16281])')],
  '20': [],
  'demo_reweighing_preproc.ipynb': [
    {
      check: 'DATA-FIT-ON-TEST',
      line: 683,
      status: 'fail',
      bias: false,
      why: 'X_test = scale_transf.fit_transform(dataset_transf_test_pred.features) refits the scaler on the test split'
    }
  ],
  'tutorial_medical_expenditure.ipynb': [],
  'Binary Classification with the UCI Credit-card Default Dataset.ipynb': [],
  'Fine_tune_BLIP2_on_an_image_captioning_dataset_PEFT.ipynb': [
    warn(
      'REPRO-OUT-OF-ORDER',
      2477,
      'last cell ran as In [5] after In [14]: its outputs come from another kernel session'
    )
  ],
  'timesfm2_5.ipynb': [warn('REPRO-OUT-OF-ORDER', 634, 'cell 19 ran as In [8] after cell 17 ran as In [11]')]
}

const shape = (f: Finding | Expected): string => `${f.check} ${f.status} bias=${f.bias} line=${f.line}`

describe('precision on real fixtures', () => {
  const files = new Map([...realChangedFiles(), ...standaloneAdded()])

  it('covers every fixture', () => {
    expect([...files.keys()].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: exactly the findings a reviewer agrees with`, () => {
      const file = files.get(name)
      expect(file).toBeDefined()
      if (!file) return
      const found = runChecks([file])
      expect(found.map(shape).sort()).toEqual(expected.map(shape).sort())
      for (const f of found) expect(f.path).toBe(file.path)
    })
  }

  it('raises no protected-attribute alarm on fairness notebooks (they use sex/race as sensitive_features)', () => {
    const fairness = ['17', '18', '19', 'demo_reweighing_preproc.ipynb', 'tutorial_medical_expenditure.ipynb']
    fairness.push('Binary Classification with the UCI Credit-card Default Dataset.ipynb')
    for (const name of fairness) {
      const file = files.get(name)
      if (file) expect(runChecks([file]).filter((f) => f.check === 'RAI-PROTECTED-ATTRIBUTE')).toEqual([])
    }
  })

  it('all fixtures together give the same findings as one by one', () => {
    const together = runChecks([...files.values()])
    const total = Object.values(EXPECTED).reduce((n, e) => n + e.length, 0)
    expect(together).toHaveLength(total)
  })
})
