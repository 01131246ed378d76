import { describe, expect, it } from 'vitest'
import { added, expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }

describe('TRAIN-LR-CHANGED', () => {
  it('flags a 10× learning rate in YAML, reading 2.0e-05 style numbers', () => {
    const before = 'model_name_or_path: org/m\nlearning_rate: 2.0e-05\nnum_train_epochs: 1\n'
    const after = 'model_name_or_path: org/m\nlearning_rate: 2.0e-04\nnum_train_epochs: 1\n'
    const f = expectOne(run(modified('recipes/sft.yaml', before, after)), 'TRAIN-LR-CHANGED', {
      ...warn,
      path: 'recipes/sft.yaml',
      line: 2
    })
    expect(f.evidence).toContain('10× higher')
    expect(f.family).toBe('training-config')
  })

  it('flags a nested optimizer lr in JSON and fails at 100×', () => {
    const before = '{\n  "optimizer_kwargs": {\n    "lr": 0.5\n  }\n}\n'
    const after = '{\n  "optimizer_kwargs": {\n    "lr": "5e-3"\n  }\n}\n'
    expectOne(run(modified('training_params.json', before, after)), 'TRAIN-LR-CHANGED', {
      status: 'fail',
      bias: false,
      path: 'training_params.json',
      line: 3
    })
  })

  it('flags a learning rate kwarg in a notebook', () => {
    const before = notebook(['args = TrainingArguments(output_dir="o", learning_rate=5e-5, num_train_epochs=3)'])
    const after = notebook(['args = TrainingArguments(output_dir="o", learning_rate=1e-3, num_train_epochs=3)'])
    expectOne(run(modified('ft.ipynb', before, after)), 'TRAIN-LR-CHANGED', {
      ...warn,
      path: 'ft.ipynb',
      line: lineOf(after, 'learning_rate=1e-3')
    })
  })

  it('does not flag small changes or a key that moved with the same value', () => {
    expectNone(run(modified('c.yaml', 'learning_rate: 1e-5\n', 'learning_rate: 0.000003\n')), 'TRAIN-LR-CHANGED')
    expectNone(run(modified('c.yaml', 'lr: 0.001\nx: 1\n', 'optimizer:\n  lr: 0.001\nx: 1\n')), 'TRAIN-LR-CHANGED')
  })
})

describe('TRAIN-WARMUP-REMOVED', () => {
  it('flags warmup removed, at the nearest head line', () => {
    const before = 'learning_rate: 1e-4\nwarmup_ratio: 0.1\nseed: 1\n'
    const after = 'learning_rate: 1e-4\nseed: 1\n'
    expectOne(run(modified('c.yaml', before, after)), 'TRAIN-WARMUP-REMOVED', { ...warn, path: 'c.yaml', line: 2 })
  })

  it('flags warmup set to 0 at its line', () => {
    expectOne(run(modified('c.yaml', 'a: 1\nwarmup_steps: 100\n', 'a: 1\nwarmup_steps: 0\n')), 'TRAIN-WARMUP-REMOVED', {
      ...warn,
      path: 'c.yaml',
      line: 2
    })
  })

  it('does not flag a warmup changed from steps to ratio', () => {
    expectNone(
      run(modified('c.yaml', 'a: 1\nwarmup_steps: 100\n', 'a: 1\nwarmup_ratio: 0.05\n')),
      'TRAIN-WARMUP-REMOVED'
    )
  })
})

describe('TRAIN-SCHEDULER-CONSTANT', () => {
  it('flags a switch to constant with a higher rate', () => {
    const before = 'lr_scheduler_type: cosine\nlearning_rate: 1.0e-5\n'
    const after = 'lr_scheduler_type: constant\nlearning_rate: 2.0e-5\n'
    expectOne(run(modified('c.yaml', before, after)), 'TRAIN-SCHEDULER-CONSTANT', { ...warn, path: 'c.yaml', line: 1 })
  })

  it('does not flag constant with a much lower rate, or other schedules', () => {
    expectNone(
      run(
        modified(
          'c.yaml',
          'lr_scheduler_type: cosine\nlearning_rate: 1e-4\n',
          'lr_scheduler_type: constant\nlearning_rate: 1e-5\n'
        )
      ),
      'TRAIN-SCHEDULER-CONSTANT'
    )
    expectNone(
      run(modified('c.yaml', 'lr_scheduler_type: linear\n', 'lr_scheduler_type: cosine\n')),
      'TRAIN-SCHEDULER-CONSTANT'
    )
  })
})

describe('TRAIN-EPOCHS-INCREASED', () => {
  it("flags 'epochs': 1 → 3 in a notebook hyperparameter dict (fixture 16 shape)", () => {
    const cell = (n: number): string =>
      `hyperparameters = {\n    'model_id': 'EleutherAI/pythia-6.9b',\n    'epochs': ${n}, # number of epochs\n}`
    const after = notebook([cell(3)])
    expectOne(run(modified('sm.ipynb', notebook([cell(1)]), after)), 'TRAIN-EPOCHS-INCREASED', {
      ...warn,
      path: 'sm.ipynb',
      line: lineOf(after, "'epochs': 3")
    })
  })

  it('flags num_train_epochs ×5 in a config', () => {
    expectOne(run(modified('c.yaml', 'num_train_epochs: 2\n', 'num_train_epochs: 10\n')), 'TRAIN-EPOCHS-INCREASED', {
      ...warn,
      path: 'c.yaml',
      line: 1
    })
  })

  it('does not flag fewer epochs (fixture 06: 3 → 1) or a 2× increase', () => {
    expectNone(run(modified('c.yaml', 'num_train_epochs: 3\n', 'num_train_epochs: 1\n')), 'TRAIN-EPOCHS-INCREASED')
    expectNone(run(modified('c.yaml', 'epochs: 10\n', 'epochs: 20\n')), 'TRAIN-EPOCHS-INCREASED')
  })
})

describe('TRAIN-LORA-SCALE-CHANGED', () => {
  it('flags lora_r changed with lora_alpha fixed (fixture 05 shape)', () => {
    const before = 'use_peft: true\nlora_r: 64\nlora_alpha: 16\n'
    const after = 'use_peft: true\nlora_r: 16\nlora_alpha: 16\n'
    expectOne(run(modified('c.yaml', before, after)), 'TRAIN-LORA-SCALE-CHANGED', { ...warn, path: 'c.yaml', line: 2 })
  })

  it('flags alpha/r in an adapter_config.json and in LoraConfig(...)', () => {
    const before = '{\n  "lora_alpha": 16,\n  "peft_type": "LORA",\n  "r": 8\n}\n'
    const after = '{\n  "lora_alpha": 64,\n  "peft_type": "LORA",\n  "r": 8\n}\n'
    expectOne(run(modified('out/adapter_config.json', before, after)), 'TRAIN-LORA-SCALE-CHANGED', {
      ...warn,
      path: 'out/adapter_config.json',
      line: 2
    })
    const nb = (r: number): string =>
      notebook([`config = LoraConfig(\n    r=${r},\n    lora_alpha=32,\n    lora_dropout=0.05,\n)`])
    expectOne(run(modified('l.ipynb', nb(16), nb(4))), 'TRAIN-LORA-SCALE-CHANGED', {
      ...warn,
      path: 'l.ipynb',
      line: lineOf(nb(4), 'r=4')
    })
  })

  it('does not flag a rank change that keeps alpha/r (fixture 04) or LoRA removed', () => {
    expectNone(
      run(modified('c.yaml', 'lora_r: 16\nlora_alpha: 16\n', 'lora_r: 128\nlora_alpha: 128\n')),
      'TRAIN-LORA-SCALE-CHANGED'
    )
    expectNone(
      run(modified('c.yaml', 'lora_r: 16\nlora_alpha: 32\n', 'lora_r:\nlora_alpha:\n')),
      'TRAIN-LORA-SCALE-CHANGED'
    )
  })
})

describe('TRAIN-EFFECTIVE-BATCH-SIZE', () => {
  it('flags gradient accumulation halving the effective batch', () => {
    const before = 'per_device_train_batch_size: 8\ngradient_accumulation_steps: 4\n'
    const after = 'per_device_train_batch_size: 8\ngradient_accumulation_steps: 2\n'
    const f = expectOne(run(modified('c.yaml', before, after)), 'TRAIN-EFFECTIVE-BATCH-SIZE', {
      ...warn,
      path: 'c.yaml',
      line: 2
    })
    expect(f.evidence).toContain('32 → 8×2 = 16')
  })

  it('uses DeepSpeed train_batch_size as the global batch', () => {
    const before = '{\n  "train_batch_size": 4,\n  "zero_optimization": {"stage": 0}\n}\n'
    const after = '{\n  "train_batch_size": 16,\n  "zero_optimization": {"stage": 0}\n}\n'
    expectOne(run(modified('ds_config.json', before, after)), 'TRAIN-EFFECTIVE-BATCH-SIZE', {
      ...warn,
      path: 'ds_config.json',
      line: 2
    })
  })

  it('flags a training batch_size kwarg in code but not an evaluation loader', () => {
    const cell = (train: number, test: number): string =>
      `train_dataloader = create_train_dataloader(\n    data=train_dataset,\n    batch_size=${train},\n)\ntest_dataloader = create_test_dataloader(\n    data=test_dataset,\n    batch_size=${test},\n)`
    const after = notebook([cell(256, 64)])
    expectOne(run(modified('ts.ipynb', notebook([cell(128, 64)]), after)), 'TRAIN-EFFECTIVE-BATCH-SIZE', {
      ...warn,
      path: 'ts.ipynb',
      line: lineOf(after, 'batch_size=256')
    })
    expectNone(
      run(modified('ts.ipynb', notebook([cell(128, 64)]), notebook([cell(128, 256)]))),
      'TRAIN-EFFECTIVE-BATCH-SIZE'
    )
  })

  it('does not flag changes that cancel out or an eval batch size', () => {
    const before = 'per_device_train_batch_size: 4\ngradient_accumulation_steps: 8\nper_device_eval_batch_size: 4\n'
    const after = 'per_device_train_batch_size: 8\ngradient_accumulation_steps: 4\nper_device_eval_batch_size: 16\n'
    expectNone(run(modified('c.yaml', before, after)), 'TRAIN-EFFECTIVE-BATCH-SIZE')
  })
})

describe('TRAIN-QUANTIZATION-TOGGLED', () => {
  it('flags load_in_4bit added (fixture 05 shape)', () => {
    const before = 'model_name_or_path: org/m\nuse_peft: true\n'
    const after = 'model_name_or_path: org/m\nload_in_4bit: true\nuse_peft: true\n'
    expectOne(run(modified('c.yaml', before, after)), 'TRAIN-QUANTIZATION-TOGGLED', {
      ...warn,
      path: 'c.yaml',
      line: 2
    })
  })

  it('flags 8-bit loading switched off in code', () => {
    const before = notebook(['model = AutoModelForCausalLM.from_pretrained(name, load_in_8bit=True)'])
    const after = notebook(['model = AutoModelForCausalLM.from_pretrained(name, load_in_8bit=False)'])
    expectOne(run(modified('q.ipynb', before, after)), 'TRAIN-QUANTIZATION-TOGGLED', {
      ...warn,
      path: 'q.ipynb',
      line: lineOf(after, 'load_in_8bit=False')
    })
  })

  it('does not flag unchanged quantization or false → false', () => {
    expectNone(
      run(
        modified(
          'c.yaml',
          'load_in_8bit: false\nload_in_4bit: true\nx: 1\n',
          'load_in_8bit: false\nload_in_4bit: true\nx: 2\n'
        )
      ),
      'TRAIN-QUANTIZATION-TOGGLED'
    )
  })
})

describe('training checks need a base', () => {
  it('reports nothing for an added config', () => {
    expect(run(added('c.yaml', 'learning_rate: 1\nload_in_4bit: true\nlora_r: 8\nlora_alpha: 64\n'))).toEqual([])
  })
})

describe('TRAIN-EFFECTIVE-BATCH-SIZE in code', () => {
  it('ignores preprocessing batch sizes such as Dataset.map(batch_size=)', () => {
    const nb = (n: number): string => notebook([`tokenized = ds.map(tokenize, batched=True, batch_size=${n})`])
    expectNone(run(modified('p.ipynb', nb(1000), nb(4000))), 'TRAIN-EFFECTIVE-BATCH-SIZE')
  })
})
