// Training hyperparameters that changed enough to change what the run learns: learning rate, warmup,
// schedule, epochs, LoRA scale, effective batch size, quantization.
import type { Finding } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { callDefault, configDefault, configFrameworks, effectiveSides, rateInUse } from './defaults.js'
import {
  formatValue,
  lastSegment,
  pairChanges,
  parentKey,
  ratioText,
  shownValue,
  sideParams,
  type Param
} from './params.js'
import { clip, isTruthy, toNumber } from './python.js'
import type { FileView } from './view.js'
import { knownPositions } from './models.js'
import { DUPLICATE_KEY, checkDuplicateKeys } from './config-keys.js'
import { analyze, newStatements, type CodeAnalysis } from '../analysis/index.js'
import { calleeName, callsIn, positional, type PyStatement } from '../analysis/parse.js'

const family = 'training-config' as const

export const LR_CHANGED: CheckSpec = {
  id: 'TRAIN-LR-CHANGED',
  family,
  title: 'Learning rate changed 5× or more',
  status: 'warn',
  bias: false,
  flags:
    'a learning rate (learning_rate, lr, optimizer.lr, …) multiplied or divided by 5 or more (fail at 100×), or a schedule floor (min_lr, eta_min …) set above the peak rate',
  fix: 'Confirm the new learning rate with a short sweep or loss curve, and note the reason in the PR.'
}
export const WARMUP_REMOVED: CheckSpec = {
  id: 'TRAIN-WARMUP-REMOVED',
  family,
  title: 'Learning-rate warmup removed',
  status: 'warn',
  bias: false,
  flags: 'warmup_steps / warmup_ratio / warmup_num_steps … removed or set to 0',
  fix: 'Keep a warmup (e.g. warmup_ratio 0.03–0.1) unless the schedule provides one.'
}
export const WARMUP_EXCEEDS_TRAINING: CheckSpec = {
  id: 'TRAIN-WARMUP-EXCEEDS-TRAINING',
  family,
  title: 'Warmup as long as training',
  status: 'warn',
  bias: false,
  flags:
    "warmup_epochs at or above the epochs of the same block, warmup_steps / warmup_iters at or above max_steps / max_iters, or an RL agent's learning_starts at or above n_timesteps / total_timesteps, newly so after the change",
  fix: 'Shorten the warmup with the training run (a few per cent of it), or lengthen the run back.'
}
export const SCHEDULE_BEYOND_TRAINING: CheckSpec = {
  id: 'TRAIN-SCHEDULE-BEYOND-TRAINING',
  family,
  title: 'Learning-rate decay after the run ends',
  status: 'warn',
  bias: false,
  flags:
    'the first learning-rate decay point (detectron2 `SOLVER.STEPS`, `milestones`, `lr_steps`) at or beyond max_iter / max_steps / epochs of the same block, newly so after the change',
  fix: 'Move the decay points with the run length (a shortened run needs earlier steps), or lengthen the run back.'
}
export const SCHEDULER_CONSTANT: CheckSpec = {
  id: 'TRAIN-SCHEDULER-CONSTANT',
  family,
  title: 'Scheduler switched to a constant learning rate',
  status: 'warn',
  bias: false,
  flags: 'lr_scheduler(_type) changed to constant while the learning rate did not go down',
  fix: 'Keep a decaying schedule, or lower the learning rate to match a constant schedule.'
}
export const EPOCHS_INCREASED: CheckSpec = {
  id: 'TRAIN-EPOCHS-INCREASED',
  family,
  title: 'Training epochs increased 3× or more',
  status: 'warn',
  bias: false,
  flags:
    'num_train_epochs / epochs / max_epochs / Composer’s max_duration in epochs (`2ep`), or the bounds of a sweep’s epoch range, … multiplied by 3 or more (config keys, dict entries, kwargs, assignments)',
  fix: 'Watch validation loss for overfitting (early stopping / load_best_model_at_end) and budget the extra compute.'
}
export const STEPS_CAPPED: CheckSpec = {
  id: 'TRAIN-STEPS-CAPPED',
  family,
  title: 'Training epochs cut to a few steps',
  status: 'warn',
  bias: false,
  flags:
    'a cap on the steps or batches of each epoch (torchtune max_steps_per_epoch, Lightning limit_train_batches) newly set where every batch was trained, or lowered 4× or more',
  fix: 'Remove the step cap (a debugging value) from the shipped config, or say why each epoch should stop early.'
}
export const LORA_SCALE: CheckSpec = {
  id: 'TRAIN-LORA-SCALE-CHANGED',
  family,
  title: 'LoRA scale (alpha / r) changed',
  status: 'warn',
  bias: false,
  flags: 'lora_alpha / lora_r (or alpha / r in adapter configs, LoraConfig kwargs) ratio changed 2× or more',
  fix: 'Retune the learning rate for the new LoRA scale, or keep alpha / r constant when changing the rank.'
}
export const EFFECTIVE_BATCH: CheckSpec = {
  id: 'TRAIN-EFFECTIVE-BATCH-SIZE',
  family,
  title: 'Effective batch size changed 2× or more',
  status: 'warn',
  bias: false,
  flags: 'per-device/micro batch size × gradient_accumulation_steps (or DeepSpeed train_batch_size) changed 2× or more',
  fix: 'Rescale the learning rate (and warmup steps) for the new effective batch size, or say why it is unchanged.'
}
export const QUANTIZATION: CheckSpec = {
  id: 'TRAIN-QUANTIZATION-TOGGLED',
  family,
  title: 'Model quantization toggled',
  status: 'warn',
  bias: false,
  flags: 'load_in_4bit / load_in_8bit / bnb_4bit_* / qlora adapter switched on or off',
  fix: 'Re-evaluate quality and memory with the new precision; QLoRA usually needs a different learning rate.'
}

export const SEQ_EXCEEDS_POSITIONS: CheckSpec = {
  id: 'TRAIN-SEQ-EXCEEDS-POSITIONS',
  family,
  title: 'Training sequences longer than the model’s positions',
  status: 'warn',
  bias: false,
  flags:
    'seq_length / max_seq_length / cutoff_len / sequence_len … set above max_position_embeddings (n_positions) of the same config, without RoPE scaling',
  fix: 'Keep the sequence length within the position range, or extend it deliberately (rope_scaling / a longer max_position_embeddings) and say so.'
}

export const TRAINING_CHECKS: CheckSpec[] = [
  LR_CHANGED,
  WARMUP_REMOVED,
  WARMUP_EXCEEDS_TRAINING,
  SCHEDULE_BEYOND_TRAINING,
  SCHEDULER_CONSTANT,
  EPOCHS_INCREASED,
  STEPS_CAPPED,
  LORA_SCALE,
  EFFECTIVE_BATCH,
  QUANTIZATION,
  SEQ_EXCEEDS_POSITIONS,
  DUPLICATE_KEY
]

const LR_NAMES = new Set([
  'learning_rate',
  'lr',
  'base_lr',
  'max_lr',
  'peak_lr',
  'init_lr',
  'initial_lr',
  'lr0',
  'base_learning_rate',
  'max_learning_rate',
  'peak_learning_rate',
  'warmup_max_lr'
])
/** A learning rate named for what it drives: `lr_adam`, `lr_wav2vec`, `encoder_lr` (not a schedule's knobs). */
const isLearningRate = (name: string): boolean =>
  LR_NAMES.has(name) ||
  (/^lr_[a-z0-9]+$|^[a-z0-9]+_lr$/.test(name) &&
    !MIN_LR_NAMES.has(name) &&
    !/^lr_(scheduler|schedule|decay|gamma|step|steps|patience|factor|warmup|min|end|final|ratio|policy|mult|multiplier|drop|milestones|annealing|type|decay_steps|cooldown)$/.test(
      name
    ) &&
    !/^(min|end|final|last|lower)_lr$/.test(name))
const WARMUP_NAMES = new Set([
  'warmup_steps',
  'warmup_ratio',
  'num_warmup_steps',
  'warmup_num_steps',
  'warmup_epochs',
  'warmup_iters',
  'warmup_proportion',
  'lr_warmup_steps',
  'warmup_updates'
])
const SCHEDULER_NAMES = new Set([
  'lr_scheduler_type',
  'lr_scheduler',
  'scheduler',
  'scheduler_type',
  'lr_schedule',
  'lr_scheduler_name'
])
const EPOCH_NAMES = new Set([
  'num_train_epochs',
  'epochs',
  'num_epochs',
  'max_epochs',
  'n_epochs',
  'train_epochs',
  'nb_epochs'
])
const BATCH_NAMES = [
  'per_device_train_batch_size',
  'micro_batch_size',
  'train_micro_batch_size_per_gpu',
  'per_gpu_train_batch_size',
  'train_batch_size',
  'batch_size'
]
const GLOBAL_BATCH_NAMES = ['global_batch_size', 'global_train_batch_size', 'ims_per_batch']
const ACCUM_NAMES = new Set([
  'gradient_accumulation_steps',
  'gradient_accumulation',
  'accumulate_grad_batches',
  'grad_accum_steps',
  'grad_accumulation_steps',
  'accumulation_steps'
])

type Source = 'config' | 'code'

function sourceOf(view: FileView): Source | null {
  if (view.kind === 'config') return 'config'
  if (view.kind === 'notebook' || view.kind === 'python') return 'code'
  return null
}

/** Both sides, as named values; null when the change has no comparable base. */
function bothSides(view: FileView): { source: Source; before: Param[]; after: Param[] } | null {
  const source = sourceOf(view)
  if (!source || !view.before || !view.after) return null
  const before = sideParams(view.before, source)
  const after = sideParams(view.after, source)
  const frameworks = source === 'config' ? configFrameworks(view.after.entries) : new Set<never>()
  const defaultOf = (p: Param): { value: unknown } | null =>
    source === 'config' ? configDefault(frameworks, p.key) : callDefault(p.callee, p.name)
  const effective = effectiveSides(before, after, defaultOf, (line) => view.headLineFor(line))
  return { source, before: rateInUse(effective.before), after: rateInUse(effective.after) }
}

const positive = (p: Param): number | null => {
  const n = toNumber(p.value)
  return n !== null && n > 0 ? n : null
}

const MIN_LR_NAMES = new Set([
  'min_lr',
  'lr_min',
  'end_lr',
  'final_lr',
  'eta_min',
  'min_learning_rate',
  'lr_end',
  'min_lr_ratio'
])

/** The floor of the schedule above its peak: the learning rate rises where it should decay. */
function checkMinAbovePeak(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const inverted = (ps: Param[]): { min: Param; peak: Param } | null => {
    const peak = ps.find((p) => LR_NAMES.has(p.name) && positive(p) !== null)
    const min = ps.find((p) => MIN_LR_NAMES.has(p.name) && p.name !== 'min_lr_ratio' && positive(p) !== null)
    if (!peak || !min) return null
    return (positive(min) as number) > (positive(peak) as number) ? { min, peak } : null
  }
  const now = inverted(sides.after)
  if (!now || inverted(sides.before)) return []
  return [
    makeFinding(
      LR_CHANGED,
      view,
      now.min.line,
      `${now.min.key}: ${formatValue(now.min.value)} is above the peak ${now.peak.key}: ${formatValue(now.peak.value)} (the schedule rises instead of decaying)`
    )
  ]
}

function checkLearningRate(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const pick = (ps: Param[]): Param[] => ps.filter((p) => isLearningRate(p.name) && toNumber(p.value) !== null)
  let worst: { before: Param; after: Param; ratio: number } | null = null
  for (const pair of pairChanges(pick(sides.before), pick(sides.after))) {
    const from = positive(pair.before)
    const to = positive(pair.after)
    if (from === null || to === null) continue
    const ratio = Math.max(from / to, to / from)
    if (ratio >= 5 - 1e-9 && (!worst || ratio > worst.ratio)) worst = { ...pair, ratio }
  }
  if (!worst) return []
  const from = toNumber(worst.before.value) as number
  const to = toNumber(worst.after.value) as number
  return [
    makeFinding(
      LR_CHANGED,
      view,
      worst.after.line,
      `${worst.after.key}: ${shownValue(worst.before)} → ${shownValue(worst.after)} (${ratioText(from, to)})`,
      worst.ratio >= 100 ? { status: 'fail' } : {}
    )
  ]
}

function checkWarmup(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const pick = (ps: Param[]): Param[] => ps.filter((p) => WARMUP_NAMES.has(p.name) && toNumber(p.value) !== null)
  const before = pick(sides.before).filter((p) => positive(p) !== null)
  const after = pick(sides.after)
  if (before.length === 0 || after.some((p) => positive(p) !== null)) return []
  // a schedule that warms up by itself still warms up
  if (sides.after.some((p) => typeof p.value === 'string' && /warmup/i.test(p.value) && SCHEDULER_NAMES.has(p.name)))
    return []
  const zeroed = after.find((p) => p.name === before[0].name) ?? after[0]
  const line = zeroed ? zeroed.line : view.headLineFor(before[0].line)
  const now = zeroed ? `${zeroed.key}: ${formatValue(zeroed.value)}` : 'removed'
  return [makeFinding(WARMUP_REMOVED, view, line, `${before[0].key}: ${formatValue(before[0].value)} → ${now}`)]
}

/** A run's length counted in iterations. */
const ITERATION_LENGTHS = ['max_iter', 'max_iters', 'max_steps', 'train_iters', 'total_steps', 'num_training_steps']

/** A warmup and the length it warms up within, in the same unit. */
const WARMUP_LENGTHS: Array<{ warmup: Set<string>; length: Set<string>; ends?: string }> = [
  { warmup: new Set(['warmup_epochs', 'lr_warmup_epochs']), length: EPOCH_NAMES },
  {
    warmup: new Set(['warmup_steps', 'num_warmup_steps', 'warmup_num_steps', 'warmup_iters', 'lr_warmup_steps']),
    length: new Set(ITERATION_LENGTHS)
  },
  // an off-policy agent (stable-baselines3, rl-zoo) collects `learning_starts` steps before its first update
  {
    warmup: new Set(['learning_starts', 'learning_start']),
    length: new Set(['n_timesteps', 'total_timesteps']),
    ends: 'the run ends before its first update'
  }
]

/**
 * The first point of a schedule (`at`) the change newly put at or beyond the run's `length`, on a line it wrote:
 * reported at the length when the change moved it, else at the point.
 */
function newOverrun<T extends { at: Param; length: Param }>(
  view: FileView,
  before: T[],
  after: T[]
): { overrun: T; line: number } | null {
  const was = new Set(before.map((o) => o.at.key))
  const overrun = after.find(
    (x) => !was.has(x.at.key) && (view.isAddedLine(x.length.line) || view.isAddedLine(x.at.line))
  )
  if (!overrun) return null
  return { overrun, line: view.isAddedLine(overrun.length.line) ? overrun.length.line : overrun.at.line }
}

/**
 * A warmup as long as the run it warms up (`epochs: 500 → 5` beside `warmup_epochs: 80`): the learning rate never
 * reaches its peak, and the schedule after it never runs. Read within one block, in one unit.
 */
function checkWarmupLength(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const overlong = (ps: Param[]): Array<{ at: Param; length: Param; ends: string }> =>
    WARMUP_LENGTHS.flatMap(({ warmup, length, ends }) =>
      ps.flatMap((w) => {
        const wn = warmup.has(w.name) ? positive(w) : null
        if (wn === null) return []
        const run = ps.find((l) => length.has(l.name) && parentKey(l.key) === parentKey(w.key) && positive(l) !== null)
        return run && wn >= (positive(run) as number)
          ? [{ at: w, length: run, ends: ends ?? 'the run ends before its warmup does' }]
          : []
      })
    )
  const found = newOverrun(view, overlong(sides.before), overlong(sides.after))
  if (!found) return []
  const { overrun: o, line } = found
  return [
    makeFinding(
      WARMUP_EXCEEDS_TRAINING,
      view,
      line,
      `${o.at.key}: ${formatValue(o.at.value)} ≥ ${o.length.key}: ${formatValue(o.length.value)} (${o.ends})`
    )
  ]
}

/** Decay points by name, with the run lengths of their unit: `STEPS` count iterations, `milestones` epochs or steps. */
const DECAY_POINTS = new Map<string, Set<string>>([
  ['steps', new Set(ITERATION_LENGTHS)],
  ['lr_steps', new Set(ITERATION_LENGTHS)],
  ['milestones', new Set([...ITERATION_LENGTHS, 'epochs', 'max_epochs', 'num_epochs'])],
  ['lr_milestones', new Set([...ITERATION_LENGTHS, 'epochs', 'max_epochs', 'num_epochs'])]
])

/**
 * `MAX_ITER: 180000 → 1800` beside `STEPS: (120000, 160000)`: the learning rate never decays in the run that is
 * left, which trains at its peak rate to the end. Read within one block; a list's entries count together.
 */
function checkScheduleLength(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const beyond = (ps: Param[]): Array<{ at: Param; first: number; length: Param }> => {
    const out: Array<{ at: Param; first: number; length: Param }> = []
    const listKey = (p: Param): string => p.key.replace(/\[\d+\]$/, '')
    for (const key of new Set(ps.filter((p) => DECAY_POINTS.has(p.name)).map(listKey))) {
      const entries = ps.filter((p) => DECAY_POINTS.has(p.name) && listKey(p) === key)
      const numbers = entries.flatMap((p) =>
        typeof p.value === 'number'
          ? [p.value]
          : [...String(p.value).matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]))
      )
      if (numbers.length === 0) continue
      const lengths = DECAY_POINTS.get(entries[0].name) as Set<string>
      const length = ps.find((l) => lengths.has(l.name) && parentKey(l.key) === parentKey(key) && positive(l) !== null)
      const first = Math.min(...numbers)
      if (length && first >= (positive(length) as number)) out.push({ at: entries[0], first, length })
    }
    return out
  }
  const found = newOverrun(view, beyond(sides.before), beyond(sides.after))
  if (!found) return []
  const { overrun: o, line } = found
  return [
    makeFinding(
      SCHEDULE_BEYOND_TRAINING,
      view,
      line,
      `${o.at.key.replace(/\[\d+\]$/, '')} decays first at ${o.first} ≥ ${o.length.key}: ${formatValue(o.length.value)} (the learning rate never decays)`
    )
  ]
}

function isSchedulerParam(p: Param): boolean {
  if (typeof p.value !== 'string') return false
  if (SCHEDULER_NAMES.has(p.name)) return true
  return (p.name === 'type' || p.name === 'name') && /sched/i.test(parentKey(p.key))
}

const isConstant = (v: unknown): boolean =>
  typeof v === 'string' && /^(constant|constantlr|constant_lr)$/i.test(v.trim())

function checkScheduler(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const pairs = pairChanges(sides.before.filter(isSchedulerParam), sides.after.filter(isSchedulerParam))
  const pair = pairs.find((p) => isConstant(p.after.value) && !isConstant(p.before.value))
  if (!pair) return []
  const lr = (ps: Param[]): number | null => {
    const p = ps.find((q) => LR_NAMES.has(q.name) && positive(q) !== null)
    return p ? positive(p) : null
  }
  const lrBefore = lr(sides.before)
  const lrAfter = lr(sides.after)
  // a constant schedule at a clearly lower peak rate is a deliberate trade
  if (lrBefore !== null && lrAfter !== null && lrAfter < lrBefore / 1.5) return []
  const rate = lrAfter !== null ? `, learning rate ${lrBefore ?? '?'} → ${lrAfter}` : ''
  return [
    makeFinding(
      SCHEDULER_CONSTANT,
      view,
      pair.after.line,
      `${pair.after.key}: ${shownValue(pair.before)} → ${shownValue(pair.after)}${rate}`
    )
  ]
}

/** The bounds of a search space under a key: ranges, choices, min/max. */
const SEARCH_BOUND = /^(range|values|choices|min|max|low|high|lower|upper)$/

/** Epochs a value sets: a number, or a Composer duration in epochs (`max_duration: 2ep`). */
function epochsOf(p: Param): number | null {
  if (EPOCH_NAMES.has(p.name)) return positive(p)
  // a sweep's search space for the epochs: `epochs: {type: int, range: [50, 1000]}`, `epochs: {min: 1, max: 10}`
  if (SEARCH_BOUND.test(p.name) && EPOCH_NAMES.has(lastSegment(parentKey(p.key)))) {
    const values = (Array.isArray(p.value) ? p.value : [p.value]).map((v) => toNumber(v))
    const top = Math.max(...values.map((v) => v ?? -1))
    return values.every((v) => v !== null) && top > 0 ? top : null
  }
  if (p.name !== 'max_duration' || typeof p.value !== 'string') return null
  const m = /^\s*(\d+(?:\.\d+)?)\s*ep\s*$/i.exec(p.value)
  return m && Number(m[1]) > 0 ? Number(m[1]) : null
}

function checkEpochs(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const pick = (ps: Param[]): Param[] => ps.filter((p) => epochsOf(p) !== null)
  for (const pair of pairChanges(pick(sides.before), pick(sides.after))) {
    const from = epochsOf(pair.before)
    const to = epochsOf(pair.after)
    if (from === null || to === null || to / from < 3 - 1e-9) continue
    return [
      makeFinding(
        EPOCHS_INCREASED,
        view,
        pair.after.line,
        `${pair.after.key}: ${shownValue(pair.before)} → ${shownValue(pair.after)} (${ratioText(from, to)})`
      )
    ]
  }
  return []
}

/** Keys that stop each epoch after a number of steps or batches (a fraction of them, for Lightning). */
const STEP_CAP_NAMES = new Set(['max_steps_per_epoch', 'limit_train_batches'])

/** The share of each epoch a cap trains: a count of steps, a fraction, or no cap (null, -1, 1.0 as a fraction). */
function stepCap(p: Param | undefined): { count: number } | { fraction: number } | 'none' | null {
  if (!p || p.value === null || p.value === undefined || p.value === '') return 'none'
  if (typeof p.value === 'string' && /^(null|none|~)$/i.test(p.value.trim())) return 'none'
  const n = toNumber(p.value)
  if (n === null) return null
  if (n < 0) return 'none'
  // Lightning: a float is the fraction of the epoch's batches, an int their number
  // (YAML reads `1.0` as 1: a limit of 1 is taken as the whole epoch)
  if (p.name === 'limit_train_batches' && (!Number.isInteger(n) || n === 1)) return n >= 1 ? 'none' : { fraction: n }
  return n > 0 ? { count: n } : null
}

/** torchtune `max_steps_per_epoch: null → 10`: every epoch now stops after a few steps, a debugging value. */
function checkStepsCapped(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  if (sides.source !== 'config') return []
  for (const now of sides.after.filter((p) => STEP_CAP_NAMES.has(p.name) && !p.fromDefault)) {
    if (!view.isAddedLine(now.line)) continue
    const was = sides.before.find((p) => p.key === now.key && !p.fromDefault)
    const to = stepCap(now)
    const from = stepCap(was)
    if (to === null || to === 'none' || from === null) continue
    let cut = false
    if (from === 'none') cut = true
    else if ('count' in to && 'count' in from) cut = from.count / to.count >= 4 - 1e-9
    else if ('fraction' in to && 'fraction' in from) cut = from.fraction / to.fraction >= 4 - 1e-9
    if (!cut) continue
    const base = was ? formatValue(was.value) : 'not set'
    const what =
      'count' in to
        ? `each epoch stops after ${to.count} steps`
        : `each epoch trains ${to.fraction * 100} % of its batches`
    return [makeFinding(STEPS_CAPPED, view, now.line, `${now.key}: ${base} → ${formatValue(now.value)} (${what})`)]
  }
  return []
}

interface LoraScale {
  scale: number
  r: Param
  alpha: Param
}

function loraScales(params: Param[], source: Source, path: string): Map<string, LoraScale> {
  const out = new Map<string, LoraScale>()
  const groups = new Map<string, Param[]>()
  for (const p of params) {
    // code: one LoraConfig(...) call is one group; config: one parent mapping
    const group = source === 'code' ? `stmt:${p.stmt?.index ?? -1}` : parentKey(p.key)
    const list = groups.get(group)
    if (list) list.push(p)
    else groups.set(group, [p])
  }
  const adapterFile = /adapter_config\.json$/i.test(path)
  for (const [group, ps] of groups) {
    const has = (name: string): Param | undefined => ps.find((p) => p.name === name && positive(p) !== null)
    const loraContext =
      adapterFile ||
      /lora|peft|adapter/i.test(group) ||
      ps.some((p) => /^(lora_dropout|peft_type|target_modules|use_rslora)$/.test(p.name)) ||
      ps.some((p) => p.stmt && /\bLoraConfig\s*\(/.test(p.stmt.text))
    const r = has('lora_r') ?? has('lora_rank') ?? (loraContext ? has('r') : undefined)
    const alpha = has('lora_alpha') ?? (loraContext ? has('alpha') : undefined)
    if (!r || !alpha) continue
    const rslora = ps.some((p) => p.name === 'use_rslora' && isTruthy(p.value))
    const rank = positive(r) as number
    const scale = (positive(alpha) as number) / (rslora ? Math.sqrt(rank) : rank)
    const key = source === 'code' ? `call:${[...out.keys()].length}` : group
    out.set(key, { scale, r, alpha })
  }
  return out
}

function checkLora(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const before = loraScales(sides.before, sides.source, view.file.previousPath ?? view.path)
  const after = loraScales(sides.after, sides.source, view.path)
  for (const [key, a] of after) {
    const b = before.get(key) ?? (before.size === 1 && after.size === 1 ? [...before.values()][0] : undefined)
    if (!b) continue
    const ratio = Math.max(a.scale / b.scale, b.scale / a.scale)
    if (ratio < 2 - 1e-9) continue
    const rChanged = toNumber(a.r.value) !== toNumber(b.r.value)
    const at = rChanged ? a.r : a.alpha
    const fmt = (s: LoraScale): string => `${formatValue(s.alpha.value)}/${formatValue(s.r.value)} = ${round(s.scale)}`
    return [
      makeFinding(
        LORA_SCALE,
        view,
        at.line,
        `${a.alpha.key}/${a.r.key}: ${fmt(b)} → ${fmt(a)} (${ratioText(b.scale, a.scale)})`
      )
    ]
  }
  return []
}

const round = (n: number): string => (Math.round(n * 1000) / 1000).toString()

interface Effective {
  value: number
  basis: string
  batch: Param | null
  accum: Param | null
}

function effectiveFromConfig(params: Param[], path: string): Effective | null {
  const deepspeed =
    /ds_config|deepspeed/i.test(path) ||
    params.some((p) => /^zero_optimization|^train_micro_batch_size_per_gpu$/.test(p.key))
  const shortest = (name: string): Param | undefined =>
    params
      .filter((p) => p.name === name && positive(p) !== null && !/eval|test|valid/i.test(p.key))
      .sort((a, b) => a.key.length - b.key.length)[0]
  const accum = params.find((p) => ACCUM_NAMES.has(p.name) && positive(p) !== null) ?? null
  if (deepspeed) {
    const global = shortest('train_batch_size')
    if (global) return { value: positive(global) as number, basis: 'train_batch_size', batch: global, accum: null }
  }
  // litgpt, NeMo/Megatron, Composer: the batch of one optimizer step is written out, accumulation derived from it
  for (const name of GLOBAL_BATCH_NAMES) {
    const global = shortest(name)
    if (global) return { value: positive(global) as number, basis: name, batch: global, accum: null }
  }
  for (const name of BATCH_NAMES) {
    const batch = shortest(name)
    if (batch) {
      return {
        value: (positive(batch) as number) * (accum ? (positive(accum) as number) : 1),
        basis: name,
        batch,
        accum
      }
    }
  }
  return null
}

function checkEffectiveBatchConfig(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const b = effectiveFromConfig(sides.before, view.file.previousPath ?? view.path)
  const a = effectiveFromConfig(sides.after, view.path)
  if (!b || !a || a.basis !== b.basis) return []
  const ratio = Math.max(a.value / b.value, b.value / a.value)
  if (ratio < 2 - 1e-9) return []
  const batchChanged = toNumber(a.batch?.value) !== toNumber(b.batch?.value)
  const at = (batchChanged ? a.batch : a.accum) ?? a.batch
  const withAccum = a.accum !== null || b.accum !== null
  const parts = (e: Effective): string =>
    withAccum ? `${formatValue(e.batch?.value)}×${formatValue(e.accum?.value ?? 1)} = ${e.value}` : `${e.value}`
  const names = withAccum ? `${a.basis} × ${(a.accum ?? b.accum)?.key ?? 'gradient_accumulation_steps'}` : a.basis
  return [
    makeFinding(
      EFFECTIVE_BATCH,
      view,
      at?.line ?? null,
      `${names}: ${parts(b)} → ${parts(a)} (${ratioText(b.value, a.value)})`
    )
  ]
}

/** A generic batch_size of code is a training batch in a loader, trainer or config call, never in .map() or inference. */
const TRAINING_CALL = /(data_?loader|trainer|trainingarguments|args|config|params|fit|train)\w*$/i

/** Code names a batch size of evaluation or inference when its statement speaks of test/eval data. */
function isTrainBatch(p: Param): boolean {
  if (!BATCH_NAMES.includes(p.name)) return false
  if (p.name !== 'batch_size') return true
  if (p.callee !== undefined && !TRAINING_CALL.test(p.callee.split('.').pop() ?? '')) return false
  return !(
    p.stmt &&
    /\b\w*(eval|val|valid|validation|test|predict|inference|infer)\w*\b/i.test(p.stmt.text.replace(/\btrain\w*/gi, ''))
  )
}

function checkEffectiveBatchCode(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const numeric = (p: Param): boolean => positive(p) !== null
  const batchPairs = pairChanges(
    sides.before.filter((p) => isTrainBatch(p) && numeric(p)),
    sides.after.filter((p) => isTrainBatch(p) && numeric(p))
  )
  const accumPairs = pairChanges(
    sides.before.filter((p) => ACCUM_NAMES.has(p.name) && numeric(p)),
    sides.after.filter((p) => ACCUM_NAMES.has(p.name) && numeric(p))
  )
  if (batchPairs.length > 1 || accumPairs.length > 1) return []
  const batch = batchPairs[0]
  const accum = accumPairs[0]
  if (!batch && !accum) return []
  const factor = (pair: { before: Param; after: Param } | undefined): number =>
    pair ? (positive(pair.after) as number) / (positive(pair.before) as number) : 1
  const ratio = factor(batch) * factor(accum)
  if (Math.max(ratio, 1 / ratio) < 2 - 1e-9) return []
  const changes = [batch, accum]
    .filter((p): p is { before: Param; after: Param } => p !== undefined)
    .map((p) => `${p.after.key}: ${formatValue(p.before.value)} → ${formatValue(p.after.value)}`)
  const at = (batch ?? accum).after
  return [makeFinding(EFFECTIVE_BATCH, view, at.line, `${changes.join(', ')} (${ratioText(1, ratio)} effective batch)`)]
}

/** Quantization modes a side turns on, with the value that turns each on. */
function quantModes(params: Param[]): Map<string, Param> {
  const modes = new Map<string, Param>()
  const add = (mode: string, p: Param): void => {
    if (!modes.has(mode)) modes.set(mode, p)
  }
  for (const p of params) {
    if (p.name === 'load_in_4bit' && isTruthy(p.value)) add('4-bit', p)
    else if (p.name === 'load_in_8bit' && isTruthy(p.value)) add('8-bit', p)
    else if (/^bnb_4bit_/.test(p.name) && p.value !== null && p.value !== undefined && p.value !== '') add('4-bit', p)
    else if (
      (p.name === 'quantization_bit' || p.name === 'load_in_nbits') &&
      (toNumber(p.value) ?? 0) > 0 &&
      (toNumber(p.value) ?? 0) < 16
    ) {
      add(`${toNumber(p.value)}-bit`, p)
    } else if (p.name === 'adapter' && typeof p.value === 'string' && p.value.trim().toLowerCase() === 'qlora')
      add('4-bit', p)
  }
  return modes
}

function checkQuantization(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  const before = quantModes(sides.before)
  const after = quantModes(sides.after)
  const on = [...after.keys()].filter((m) => !before.has(m))
  const off = [...before.keys()].filter((m) => !after.has(m))
  if (on.length === 0 && off.length === 0) return []
  const describe = (modes: Map<string, Param>): string => (modes.size ? [...modes.keys()].join('+') : 'full precision')
  if (on.length > 0) {
    const p = after.get(on[0]) as Param
    return [
      makeFinding(
        QUANTIZATION,
        view,
        p.line,
        `${p.key}: ${formatValue(p.value)} (${describe(before)} → ${describe(after)})`
      )
    ]
  }
  const gone = before.get(off[0]) as Param
  const same = sides.after.find((p) => p.key === gone.key)
  const line = same ? same.line : view.headLineFor(gone.line)
  const now = same ? formatValue(same.value) : 'removed'
  return [
    makeFinding(
      QUANTIZATION,
      view,
      line,
      `${gone.key}: ${formatValue(gone.value)} → ${now} (${describe(before)} → ${describe(after)})`
    )
  ]
}

const SEQ_NAMES = new Set([
  'seq_length',
  'max_seq_length',
  'seq_len',
  'max_seq_len',
  'sequence_len',
  'sequence_length',
  'cutoff_len',
  'model_max_length',
  'block_size',
  'context_length'
])
const COMPLETION_NAMES = new Set(['max_completion_length', 'max_new_tokens', 'max_target_length'])
const PROMPT_NAMES = new Set(['max_prompt_length', 'max_source_length'])
const POSITION_NAMES = new Set(['max_position_embeddings', 'n_positions', 'max_positions', 'n_ctx'])

const MODEL_NAMES = new Set([
  'base_model',
  'model_name_or_path',
  'pretrained_model_name_or_path',
  'model_name',
  'model'
])
const RESCALED = /rope_scaling|rotary_scaling|rope_scale|position_interpolation/

/** What training does with a sequence longer than the positions the model has: one side's pair of values. */
function overlong(ps: Param[]): { seq: Param; limit: string; positions: number } | null {
  if (ps.some((p) => RESCALED.test(p.key))) return null
  const written = (names: Set<string>): Param | undefined =>
    ps.find((p) => names.has(p.name) && !p.fromDefault && positive(p) !== null)
  // GRPO / DPO: the prompt and the completion share the positions
  const completion = written(COMPLETION_NAMES)
  const prompt = written(PROMPT_NAMES)
  const seq = written(SEQ_NAMES) ?? completion
  if (!seq) return null
  const length =
    seq === completion && prompt ? (positive(seq) as number) + (positive(prompt) as number) : (positive(seq) as number)
  const pos = ps.find((p) => POSITION_NAMES.has(p.name) && !p.fromDefault && positive(p) !== null)
  // no positions written: those of the model the config names, when it is a known family
  const model = pos ? null : ps.find((p) => MODEL_NAMES.has(p.name) && typeof p.value === 'string')
  const known = model ? knownPositions(model.value as string) : null
  const positions = pos ? (positive(pos) as number) : known?.positions
  if (positions === undefined || length <= positions) return null
  const limit = pos ? `${pos.key}: ${formatValue(pos.value)}` : `${known?.family}'s ${positions} positions`
  const shown = length === positive(seq) ? '' : ` (+ ${prompt?.key}: ${formatValue(prompt?.value)})`
  return { seq, limit: `${limit}${shown}`, positions }
}

function checkSequenceLength(view: FileView, sides: NonNullable<ReturnType<typeof bothSides>>): Finding[] {
  if (sides.source !== 'config') return checkSequenceLengthCode(view)
  const now = overlong(sides.after)
  if (!now || overlong(sides.before)) return []
  return [
    makeFinding(
      SEQ_EXCEEDS_POSITIONS,
      view,
      now.seq.line,
      `${now.seq.key}: ${formatValue(now.seq.value)} > ${now.limit}`
    )
  ]
}

/** Names code gives the length it tokenizes or trains at. */
const CODE_SEQ =
  /^(max_?len(gth)?|max_seq_len(gth)?|max_sequence_length|seq_len(gth)?|max_source_length|block_size|context_length|cutoff_len|model_max_length)$/i

/** Code: a length set above the positions of the known model the file loads (`tok(..., max_length=1024)` on BERT). */
function checkSequenceLengthCode(view: FileView): Finding[] {
  if (!view.after || !view.before) return []
  const lengths = (a: CodeAnalysis): Array<{ value: number; line: number; text: string; stmt: PyStatement }> => {
    const out: Array<{ value: number; line: number; text: string; stmt: PyStatement }> = []
    for (const s of a.statements) {
      if (s.kind === 'assign' && s.targets.length === 1 && s.targets[0].k === 'name' && s.value?.k === 'num')
        if (CODE_SEQ.test(s.targets[0].id))
          out.push({ value: s.value.value, line: s.value.line, text: s.text, stmt: s })
      for (const c of callsIn(s)) {
        // max_length of a tokenizer call or a training config; generate(max_length=) is output length
        if (/^(generate|pipeline)$/.test(calleeName(c))) continue
        for (const arg of c.args)
          if (arg.name && CODE_SEQ.test(arg.name) && arg.value.k === 'num')
            out.push({ value: arg.value.value, line: arg.value.line, text: `${arg.name}=${arg.value.text}`, stmt: s })
      }
    }
    return out
  }
  const model = (a: CodeAnalysis): { positions: number; family: string } | null => {
    if (a.statements.some((s) => RESCALED.test(s.text))) return null
    for (const s of a.statements)
      for (const c of callsIn(s)) {
        if (calleeName(c) !== 'from_pretrained') continue
        const id = positional(c, 0)
        const known = id?.k === 'str' ? knownPositions(id.value) : null
        if (known) return known
      }
    return null
  }
  const head = analyze(view.after)
  const base = analyze(view.before)
  const limit = model(head)
  if (!limit) return []
  const baseLimit = model(base)
  const fresh = newStatements(base, head)
  const was = new Set(
    baseLimit
      ? lengths(base)
          .filter((l) => l.value > baseLimit.positions)
          .map((l) => l.text)
      : []
  )
  const over = lengths(head).find((l) => l.value > limit.positions && fresh.has(l.stmt) && !was.has(l.text))
  if (!over) return []
  return [
    makeFinding(
      SEQ_EXCEEDS_POSITIONS,
      view,
      over.line,
      `${clip(over.text, 80)} > ${limit.family}'s ${limit.positions} positions`
    )
  ]
}

export const trainingConfig: Check = (view) => {
  const out: Finding[] = []
  try {
    out.push(...checkDuplicateKeys(view))
  } catch {
    // a check failing on odd input leaves the others standing
  }
  const sides = bothSides(view)
  if (!sides) return out
  const run = (f: () => Finding[]): void => {
    try {
      out.push(...f())
    } catch {
      // one check failing on odd input leaves the others standing
    }
  }
  run(() => checkLearningRate(view, sides))
  run(() => checkMinAbovePeak(view, sides))
  run(() => checkWarmup(view, sides))
  run(() => checkWarmupLength(view, sides))
  run(() => checkScheduleLength(view, sides))
  run(() => checkScheduler(view, sides))
  run(() => checkEpochs(view, sides))
  run(() => checkStepsCapped(view, sides))
  run(() => checkLora(view, sides))
  run(() => (sides.source === 'config' ? checkEffectiveBatchConfig(view, sides) : checkEffectiveBatchCode(view, sides)))
  run(() => checkQuantization(view, sides))
  run(() => checkSequenceLength(view, sides))
  return out
}
