// What training will actually do: the defaults of the frameworks whose configs and calls the checks read, so that
// removing a value equal to the default is no change, and removing any other value compares against the default.
import type { ConfigEntry } from '../types.js'
import { lastSegment, parentKey, type Param } from './params.js'

export type Framework = 'transformers' | 'axolotl' | 'llama-factory' | 'trl-dpo' | 'lightning' | 'deepspeed'

/**
 * transformers' TrainingArguments, which axolotl, LLaMA-Factory and TRL configs all end in; only the defaults that
 * have stayed the same across releases (the optimizer name and TRL's per-trainer learning rates have not).
 */
const TRANSFORMERS: Record<string, unknown> = {
  learning_rate: 5e-5,
  num_train_epochs: 3,
  max_steps: -1,
  lr_scheduler_type: 'linear',
  warmup_ratio: 0,
  warmup_steps: 0,
  weight_decay: 0,
  max_grad_norm: 1,
  adam_beta1: 0.9,
  adam_beta2: 0.999,
  adam_epsilon: 1e-8,
  seed: 42,
  per_device_train_batch_size: 8,
  per_device_eval_batch_size: 8,
  gradient_accumulation_steps: 1,
  gradient_checkpointing: false,
  fp16: false,
  bf16: false,
  label_smoothing_factor: 0,
  dataloader_num_workers: 0,
  logging_steps: 500,
  save_steps: 500
}

/** axolotl's own names (the rest of its config is TrainingArguments'). */
const AXOLOTL: Record<string, unknown> = {
  ...TRANSFORMERS,
  micro_batch_size: 1,
  // "empty for cosine" in axolotl's config reference
  lr_scheduler: 'cosine',
  lr_scheduler_type: 'cosine',
  lora_dropout: 0
}

/** LLaMA-Factory's FinetuningArguments on top of Seq2SeqTrainingArguments. */
const LLAMA_FACTORY: Record<string, unknown> = {
  ...TRANSFORMERS,
  finetuning_type: 'lora',
  lora_rank: 8,
  lora_dropout: 0,
  lora_target: 'all',
  pref_beta: 0.1
}

/** TRL's DPOConfig: the preference strength has been 0.1 since the trainer appeared. */
const TRL_DPO: Record<string, unknown> = { ...TRANSFORMERS, beta: 0.1, loss_type: 'sigmoid' }

/** Lightning's Trainer (under `trainer:` in LightningCLI and Hydra configs). */
const LIGHTNING: Record<string, unknown> = {
  max_epochs: 1000,
  accumulate_grad_batches: 1,
  precision: '32-true',
  check_val_every_n_epoch: 1,
  val_check_interval: 1,
  limit_val_batches: 1,
  limit_train_batches: 1,
  deterministic: false
}

const TABLES: Record<Framework, Record<string, unknown>> = {
  transformers: TRANSFORMERS,
  axolotl: AXOLOTL,
  'llama-factory': LLAMA_FACTORY,
  'trl-dpo': TRL_DPO,
  lightning: LIGHTNING,
  deepspeed: {}
}

/** Calls whose keyword defaults are TrainingArguments' (and so always seed the run with 42). */
const TRAINING_ARGUMENT_CALLS =
  /(^|\.)(TrainingArguments|Seq2SeqTrainingArguments|SFTConfig|DPOConfig|ORPOConfig|KTOConfig|CPOConfig|GRPOConfig|RewardConfig|PPOConfig)$/

const TRANSFORMERS_KEYS = [
  'per_device_train_batch_size',
  'gradient_accumulation_steps',
  'num_train_epochs',
  'lr_scheduler_type',
  'warmup_ratio',
  'output_dir',
  'logging_steps',
  'save_steps',
  'eval_strategy',
  'evaluation_strategy',
  'save_strategy',
  'report_to'
]

/** The frameworks a config is written for, told by the keys only they use. */
export function configFrameworks(entries: ConfigEntry[]): Set<Framework> {
  const top = new Set(
    entries.filter((e) => parentKey(e.key) === '' || /^\w+\[\d+\]$/.test(e.key)).map((e) => lastSegment(e.key))
  )
  const all = new Set(entries.map((e) => e.key.replace(/\[\d+\]/g, '')))
  const out = new Set<Framework>()
  const has = (k: string): boolean => top.has(k)
  if (has('base_model') && (has('micro_batch_size') || has('sequence_len') || has('adapter') || has('datasets')))
    out.add('axolotl')
  if (has('stage') && (has('finetuning_type') || has('template'))) out.add('llama-factory')
  if (has('beta') && (has('max_prompt_length') || has('loss_type')) && TRANSFORMERS_KEYS.some(has)) out.add('trl-dpo')
  if (TRANSFORMERS_KEYS.filter(has).length >= 2) out.add('transformers')
  if ([...all].some((k) => /^trainer\.(max_epochs|accelerator|devices|precision|accumulate_grad_batches)$/.test(k)))
    out.add('lightning')
  if (
    has('zero_optimization') ||
    has('train_micro_batch_size_per_gpu') ||
    [...all].some((k) => k.startsWith('zero_optimization.'))
  )
    out.add('deepspeed')
  return out
}

/** The default a framework gives a config key (top level for the trainer frameworks, `trainer.*` for Lightning). */
export function configDefault(frameworks: Set<Framework>, key: string): { value: unknown } | null {
  for (const f of ['axolotl', 'llama-factory', 'trl-dpo', 'transformers', 'lightning'] as const) {
    if (!frameworks.has(f)) continue
    const parent = parentKey(key)
    if (f === 'lightning' ? parent !== 'trainer' : parent !== '') continue
    const name = lastSegment(key)
    if (Object.hasOwn(TABLES[f], name)) return { value: TABLES[f][name] }
  }
  return null
}

/** The default of a keyword argument of a training-arguments call (`TrainingArguments(seed=…)`). */
export function callDefault(callee: string | undefined, name: string): { value: unknown } | null {
  if (!callee || !TRAINING_ARGUMENT_CALLS.test(callee)) return null
  const table = /DPOConfig$/.test(callee) ? TRL_DPO : TRANSFORMERS
  return Object.hasOwn(table, name) ? { value: table[name] } : null
}

/** Whether a call seeds the run by itself when no seed is passed (TrainingArguments and its subclasses). */
export function seedsByDefault(callee: string): boolean {
  return TRAINING_ARGUMENT_CALLS.test(callee)
}

/** Whether a config's trainer seeds every run when the key is absent (transformers' seed=42). */
export function configSeedsByDefault(frameworks: Set<Framework>, key: string): boolean {
  return lastSegment(key) === 'seed' && configDefault(frameworks, key) !== null
}

/** DeepSpeed's `auto`: the value is taken from the trainer's arguments, so it is neither a change nor a number. */
export const isAuto = (value: unknown): boolean => typeof value === 'string' && value.trim().toLowerCase() === 'auto'

const sameValue = (a: unknown, b: unknown): boolean => {
  const n = (v: unknown): number | null =>
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : null
  const x = n(a)
  const y = n(b)
  if (x !== null && y !== null) return x === y
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Both sides as training will see them: a key present on one side only gets the framework's default on the other
 * (placed where the removal or addition sits), `auto` values are dropped, and a key whose value equals the default
 * on a side where the other side leaves it out is no change at all.
 */
export function effectiveSides(
  before: Param[],
  after: Param[],
  defaultOf: (p: Param) => { value: unknown } | null,
  headLineFor: (baseLine: number) => number | null
): { before: Param[]; after: Param[] } {
  const keys = (ps: Param[]): Set<string> => new Set(ps.map((p) => `${p.callee ?? ''}|${p.key}`))
  const beforeKeys = keys(before)
  const afterKeys = keys(after)
  const b = before.filter((p) => !isAuto(p.value))
  const a = after.filter((p) => !isAuto(p.value))
  const outBefore: Param[] = []
  const outAfter: Param[] = []
  for (const p of b) {
    const d = afterKeys.has(`${p.callee ?? ''}|${p.key}`) ? null : defaultOf(p)
    if (d && sameValue(d.value, p.value)) continue
    outBefore.push(p)
    if (d) outAfter.push({ ...p, value: d.value, line: headLineFor(p.line) ?? p.line, fromDefault: true })
  }
  for (const p of a) {
    const d = beforeKeys.has(`${p.callee ?? ''}|${p.key}`) ? null : defaultOf(p)
    if (d && sameValue(d.value, p.value)) continue
    outAfter.push(p)
    if (d) outBefore.push({ ...p, value: d.value, fromDefault: true })
  }
  return { before: outBefore, after: outAfter }
}

const PEAK_NAMES = new Set(['max_lr', 'warmup_max_lr', 'peak_lr', 'max_learning_rate', 'peak_learning_rate'])
const OPTIMIZER = /optim|(^|\.)(Adam\w*|SGD|RMSprop|Adagrad|Adadelta|Adafactor|Lion|LAMB|Lamb|NAdam|RAdam)$/
const OPTIMIZER_LR = new Set(['lr', 'learning_rate', 'base_lr', 'initial_lr', 'init_lr'])

/**
 * A scheduler that sets the peak rate itself (OneCycleLR's max_lr, DeepSpeed WarmupLR's warmup_max_lr) overrides the
 * optimizer's rate: on a side with one, the optimizer's value is not what training uses and is left out.
 */
export function rateInUse(params: Param[]): Param[] {
  if (!params.some((p) => PEAK_NAMES.has(p.name) && typeof p.value === 'number')) return params
  return params.filter((p) => !(OPTIMIZER_LR.has(p.name) && OPTIMIZER.test(parentKey(p.key) || p.callee || '')))
}
