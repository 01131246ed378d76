// What a training config means when a key is absent: the defaults of the frameworks whose configs we read, so that
// removing a value equal to the default is not a finding and a removed value is compared with what training will use.
import type { ConfigEntry } from '../types.js'
import { lastSegment } from './params.js'

export type Framework = 'transformers' | 'axolotl' | 'deepspeed' | 'lightning'

/** Hugging Face TrainingArguments (also TRL's configs and LLaMA-Factory, which build on them). */
const TRANSFORMERS: Record<string, unknown> = {
  seed: 42,
  learning_rate: 5e-5,
  num_train_epochs: 3,
  warmup_ratio: 0,
  warmup_steps: 0,
  lr_scheduler_type: 'linear',
  per_device_train_batch_size: 8,
  gradient_accumulation_steps: 1,
  weight_decay: 0,
  max_grad_norm: 1
}
const AXOLOTL: Record<string, unknown> = {
  seed: 42,
  gradient_accumulation_steps: 1,
  num_epochs: 1,
  val_set_size: 0,
  warmup_steps: 0
}
const DEEPSPEED: Record<string, unknown> = { gradient_accumulation_steps: 1 }
const LIGHTNING: Record<string, unknown> = { accumulate_grad_batches: 1 }

const TRAINER_KEYS =
  /^(per_device_train_batch_size|num_train_epochs|lr_scheduler_type|gradient_accumulation_steps|eval_strategy|evaluation_strategy|save_strategy|logging_steps|finetuning_type)$/

/** The framework a config is written for, from the keys only it uses; null when it cannot be told. */
export function configFramework(entries: ConfigEntry[]): Framework | null {
  const top = new Set(entries.map((e) => e.key.split(/[.[]/)[0]))
  const has = (k: string): boolean => top.has(k)
  if (has('zero_optimization') || has('train_micro_batch_size_per_gpu')) return 'deepspeed'
  if (has('base_model') && (has('micro_batch_size') || has('sequence_len') || has('adapter'))) return 'axolotl'
  if ([...top].some((k) => TRAINER_KEYS.test(k)) && (has('output_dir') || has('model_name_or_path') || has('stage')))
    return 'transformers'
  if (entries.some((e) => /^trainer\.(max_epochs|accelerator|devices|precision)$/.test(e.key))) return 'lightning'
  return null
}

/** The value training uses for a top-level key the config does not set; undefined when unknown. */
export function frameworkDefault(framework: Framework | null, key: string): unknown {
  if (!framework) return undefined
  const name = key.includes('.') && framework !== 'lightning' ? null : lastSegment(key)
  if (name === null) return undefined
  const table =
    framework === 'transformers'
      ? TRANSFORMERS
      : framework === 'axolotl'
        ? AXOLOTL
        : framework === 'deepspeed'
          ? DEEPSPEED
          : LIGHTNING
  return Object.hasOwn(table, name) ? table[name] : undefined
}

/** Trainer argument classes of code whose seed defaults to 42. */
export const SEEDED_TRAINER_ARGS =
  /^(TrainingArguments|Seq2SeqTrainingArguments|SFTConfig|DPOConfig|ORPOConfig|KTOConfig|RewardConfig|GRPOConfig|CPOConfig|PPOConfig)$/
