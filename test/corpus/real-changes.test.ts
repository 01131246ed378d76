// Every real before/after pair of the fixtures: the diff names what meta.json says changed.
import { describe, expect, it } from 'vitest'
import { diffConfig, parseConfigEntries } from '../../src/diff/config.js'
import { diffNotebook } from '../../src/diff/notebook.js'
import type { FileDiff } from '../../src/types.js'
import { BASE64_RUN } from '../diff/helpers.js'
import { realChange, realChanges } from './fixtures.js'

const all = realChanges()

function diffOf(number: string): FileDiff {
  const c = realChange(number)
  return c.meta.kind === 'notebook'
    ? diffNotebook(c.meta.path, c.before, c.after)
    : diffConfig(c.meta.path, c.before, c.after)
}

/** Strings each fixture's diff must show (in summary for configs, in cells for notebooks). */
const expected: Record<string, { summary?: string[]; cells?: string[]; absent?: string[] }> = {
  '01': {
    summary: [
      'learning_rate: 0.0002 → 0.000005',
      'sample_packing: (empty) → true',
      'pad_to_sequence_len: (empty) → true'
    ]
  },
  '02': { summary: ['val_set_size: 0.05 → 0.1'] },
  '03': {
    summary: [
      'lora_r: 16 → (empty)',
      'lora_alpha: 32 → (empty)',
      'lora_dropout: 0.1 → (empty)',
      '- lora_modules_to_save[0]: embd',
      'learning_rate: 1e-5 → 0.000003',
      'micro_batch_size: 1 → 2',
      'optimizer: paged_adamw_8bit → adamw_torch',
      'sample_packing: false → true',
      '- trust_remote_code: true',
      '- model_revision: 834565c'
    ]
  },
  '04': {
    summary: [
      'lora_r: 16 → 128',
      'lora_alpha: 16 → 128',
      'gradient_accumulation_steps: 2 → 4',
      'torch_dtype: float16 → bfloat16'
    ]
  },
  '05': {
    summary: [
      '+ load_in_4bit: true',
      'lora_r: 64 → 16',
      'lora_dropout: 0.1 → 0.05',
      '+ lora_target_modules[4]: gate_proj',
      '+ lora_target_modules[5]: up_proj',
      '+ lora_target_modules[6]: down_proj',
      'learning_rate: 2.0e-05 → 2.0e-04',
      'gradient_accumulation_steps: 128 → 2',
      'save_strategy: no → steps'
    ]
  },
  '06': {
    summary: [
      'beta: 0.1 → 0.01',
      'num_train_epochs: 3 → 1',
      'optim: rmsprop → adamw_torch',
      'lr_scheduler_type: linear → cosine',
      'gradient_accumulation_steps: 1 → 2',
      'per_device_eval_batch_size: 4 → 8'
    ],
    absent: ['seed']
  },
  '07': { summary: ['Config file deleted', '- lora_r: 64', '- lora_alpha: 16'] },
  '08': {
    summary: [
      'hydra.sweeper.n_trials: 25 → 20',
      '- hydra.sweeper.search_space.model.lr.high: 0.2',
      '+ hydra.sweeper.params.model.lr: interval(0.0001, 0.1)',
      '+ hydra.sweeper.params.datamodule.batch_size: choice(32, 64, 128, 256)',
      '+ hydra.mode: MULTIRUN'
    ]
  },
  '09': { summary: ['lr → optimizer.lr: 0.001', 'weight_decay → optimizer.weight_decay: 0 → 0.0', '2 moved'] },
  '10': {
    summary: [
      'train_batch_size: 4 → 16',
      '+ fp16.enabled: true',
      '+ gradient_clipping: 1.0',
      '+ zero_optimization.stage: 0'
    ]
  },
  '11': { summary: ['Compared as text'] },
  '12': {
    summary: [
      'New config file',
      '+ peft_type: LORA',
      '+ r: 32',
      '+ lora_alpha: 64',
      '+ lora_dropout: 0.0',
      '+ target_modules: null'
    ]
  },
  '13': {
    summary: [
      '- max_seq_length: 512',
      '- batch_size: 4',
      '- max_steps: 3000',
      '- eval_steps: 500',
      '- optimizer_kwargs.weight_decay: 0.1',
      '- lr_scheduler: cosine'
    ],
    absent: ['optimizer_kwargs.lr']
  },
  '14': {
    summary: ['1 added'],
    cells: [
      '-val_dataset = dataset["validation"]',
      '+test_dataset = dataset["test"]',
      '-    batch_size=128,',
      '+    batch_size=256,',
      '-for epoch in range(60):',
      '+for epoch in range(40):',
      '+    context_length=prediction_length*6, # context length',
      '-        batch["target"] = [np.log1p(value) for value in batch["target"]]'
    ]
  },
  '15': { cells: ['train_test_split(test_size=0.1)', 'swin-tiny', 'imagefolder', 'EuroSAT'] },
  '16': { cells: ["-    'epochs': 1, # number of epochs to train", "+    'epochs': 3, # number of epochs to train"] },
  '17': {
    cells: [
      '-    constraints=DemographicParity(),',
      '+    constraints=DemographicParity(difference_bound=0.01),',
      '+    constraints=DemographicParity(difference_bound=0.3),'
    ]
  },
  '18': {
    cells: [
      "-        privileged_groups = [{'sex': 0}]",
      "+        privileged_groups = [{'sex': 1}]",
      "-        unprivileged_groups = [{'sex': 1}]",
      "+        unprivileged_groups = [{'sex': 0}]"
    ]
  },
  '19': { cells: ['-train, test = ad.split([32561])', '+test, train = ad.split([16281])'] },
  '20': { summary: ['No cell source changed.'] }
}

describe('real before/after pairs', () => {
  it('has all 20 pairs', () => {
    expect(all.map((c) => c.number)).toEqual(Object.keys(expected).sort())
  })

  for (const c of all) {
    describe(c.dir, () => {
      const d = diffOf(c.number)
      const want = expected[c.number]

      it('names what changed', () => {
        for (const s of want.summary ?? []) expect(d.summary).toContain(s)
        for (const s of want.cells ?? []) expect(d.cells ?? '').toContain(s)
        for (const s of want.absent ?? []) expect(d.summary).not.toContain(s)
        expect(d.path).toBe(c.meta.path)
        expect(d.kind).toBe(c.meta.kind)
      })

      it('carries no base64 data', () => {
        for (const part of [d.summary, d.cells ?? '', d.patch ?? '', ...d.notes]) expect(part).not.toMatch(BASE64_RUN)
      })

      it('gives changed lines that exist in the head file', () => {
        const lines = c.after?.split('\n') ?? []
        for (const line of d.changedLines) {
          expect(line).toBeGreaterThanOrEqual(1)
          expect(line).toBeLessThanOrEqual(lines.length)
        }
        expect([...d.changedLines].sort((a, b) => a - b)).toEqual(d.changedLines)
      })

      if (c.meta.kind === 'config' && c.after !== null && c.number !== '11') {
        it('points each key at its line in the head file', () => {
          const lines = (c.after as string).split('\n')
          for (const entry of parseConfigEntries(c.meta.path, c.after as string)) {
            const text = lines[entry.line - 1]
            const last = entry.key.split('.').pop() as string
            if (/\]$/.test(last) && (typeof entry.value === 'string' || typeof entry.value === 'number')) {
              expect(text, entry.key).toContain(String(entry.value))
            } else {
              expect(text, entry.key).toContain(last.replace(/\[\d+\]$/, ''))
            }
          }
        })

        it('changed lines are the lines of changed or added keys', () => {
          const lines = (c.after as string).split('\n')
          for (const line of d.changedLines) expect(lines[line - 1]).toMatch(/\S/)
        })
      }

      if (c.meta.kind === 'notebook' && c.after !== null) {
        it('changed lines hold the added source lines', () => {
          const lines = (c.after as string).split('\n')
          for (const line of d.changedLines) {
            const raw = lines[line - 1].trim().replace(/,$/, '')
            const source = (JSON.parse(raw) as string).replace(/\n$/, '')
            expect(d.cells).toContain(`+${source}`)
          }
        })
      }
    })
  }
})

describe('specific fixtures', () => {
  it('01: learning rate line is the learning_rate key', () => {
    const d = diffOf('01')
    const lines = realChange('01').after?.split('\n') ?? []
    expect(d.changedLines.map((l) => lines[l - 1])).toContain('learning_rate: 0.000005')
  })

  it('04: only the four changed keys are reported', () => {
    const d = diffOf('04')
    expect(d.summary).toMatch(/4 changed, 0 added, 0 removed, 0 moved/)
    expect(d.changedLines).toHaveLength(4)
    expect(d.patch).toContain('-lora_r: 16')
    expect(d.patch).toContain('+lora_r: 128')
  })

  it('07: deleted file has no head lines', () => {
    const d = diffOf('07')
    expect(d.changedLines).toEqual([])
    expect(d.patch).toContain('+++ /dev/null')
  })

  it('09: lr moved to optimizer.lr is not reported as removed', () => {
    const d = diffOf('09')
    expect(d.summary).not.toMatch(/`- lr:/)
    expect(d.summary).toContain('+ optimizer._target_: torch.optim.Adam')
  })

  it('11: invalid before.json gives a note and a text diff', () => {
    const d = diffOf('11')
    expect(d.notes.join('\n')).toMatch(/before: not valid JSON: CommaExpected at line 2\d/)
    expect(d.patch).toContain('-    }\n+    },')
    const lines = realChange('11').after?.split('\n') ?? []
    expect(d.changedLines.map((l) => lines[l - 1].trim())).toEqual(['},'])
  })

  it('12: added file lists every key as added', () => {
    const d = diffOf('12')
    expect(d.summary).toContain('New config file: 28 keys.')
    expect(d.changedLines).toHaveLength(28)
    expect(d.patch).toContain('--- /dev/null')
  })

  it('14: one empty cell added at the end, ten cells modified', () => {
    const d = diffOf('14')
    expect(d.summary).toContain('10 modified, 1 added, 0 removed, 0 moved')
    expect(d.summary).toMatch(/^- cell 57 \(code\) modified: \+1 −1 lines, outputs changed/m)
    expect(d.cells).toMatch(/^#### cell 57 \(code\) modified — line \d+$/m)
  })

  it('16: exactly one changed line, the epochs line', () => {
    const d = diffOf('16')
    const lines = realChange('16').after?.split('\n') ?? []
    expect(d.changedLines).toHaveLength(1)
    expect(lines[d.changedLines[0] - 1]).toContain("'epochs': 3")
    expect(d.summary).toContain('1 modified, 0 added, 0 removed, 0 moved')
  })

  it('17: two cells modified, three lines changed', () => {
    const d = diffOf('17')
    expect(d.summary).toContain('2 modified')
    expect(d.changedLines).toHaveLength(3)
  })

  it('20: outputs-only change collapses to one line and reports no source change', () => {
    const d = diffOf('20')
    expect(d.summary).toContain('0 modified, 0 added, 0 removed, 0 moved')
    expect(d.summary).toMatch(/^- outputs changed in \d+ cells \(no source change/m)
    expect(d.summary).not.toMatch(/^- cell /m)
    expect(d.summary.split('\n').filter((l) => l.startsWith('- outputs'))).toHaveLength(1)
    expect(d.cells).toBeUndefined()
    expect(d.changedLines).toEqual([])
  })
})
