// Recognising data splits and seeds in Python statements.
import { calleeName, findCalls, kwarg, nameTokens, positional, type Call, type Statement } from './python.js'

const SPLIT_FUNCTIONS = new Set(['train_test_split', 'random_split', 'randomSplit'])

/** A call that splits data: train_test_split (sklearn or datasets), torch random_split, Spark randomSplit, aif360 `.split([..])`. */
export function isSplitCall(call: Call): boolean {
  const name = calleeName(call)
  if (SPLIT_FUNCTIONS.has(name)) return true
  // aif360 / dataset objects: ds.split([0.7], shuffle=True); str.split takes a string, never a list
  return name === 'split' && call.callee.includes('.') && /^\[/.test(positional(call, 0)?.value ?? '')
}

export function splitCalls(stmt: Statement): Call[] {
  return findCalls(stmt).filter(isSplitCall)
}

/** `dataset.train_test_split(...)` (Hugging Face datasets) rather than sklearn's function. */
export function isMethodCall(stmt: Statement, call: Call): boolean {
  const before = stmt.masked.slice(0, call.start).trimEnd()
  if (before.endsWith('.')) return true
  const parts = call.callee.split('.')
  if (parts.length < 2) return false
  return !/^(sklearn|model_selection|ms|skms|torch|utils|data|F)$/.test(parts[0])
}

export const SEED_KWARGS = ['random_state', 'seed', 'random_seed', 'generator', 'rng']

/** The seed argument of a call, when it pins something (not None). */
export function seedArg(call: Call): string | null {
  for (const name of SEED_KWARGS) {
    const a = kwarg(call, name)
    if (a && a.value !== 'None') return `${name}=${a.value}`
  }
  return null
}

const GLOBAL_SEED = /(^|\.)(seed|manual_seed|manual_seed_all|set_seed|seed_everything|set_random_seed)$/

/** Global seeding: np.random.seed, random.seed, torch.manual_seed, set_seed, seed_everything, tf.random.set_seed. */
export function globalSeedCall(call: Call): string | null {
  if (!GLOBAL_SEED.test(call.callee)) return null
  if (call.callee === 'seed') return null
  if (call.args.length === 0) return null
  return call.callee
}

/** Which random generators a global seed call pins. */
export function seededLibraries(callee: string): string[] {
  if (/(^|\.)(set_seed|seed_everything|set_random_seed)$/.test(callee)) return ['numpy', 'torch', 'python']
  if (/(^|\.)(np|numpy)\.random\.seed$/.test(callee)) return ['numpy']
  if (/manual_seed(_all)?$/.test(callee)) return ['torch']
  if (/^random\.seed$/.test(callee)) return ['python']
  return []
}

export type SplitRole = 'train' | 'test' | null

const TEST_TOKENS = new Set(['test', 'tst', 'holdout', 'heldout'])
const TRAIN_TOKENS = new Set(['train', 'trn', 'training'])

export function splitRole(name: string): SplitRole {
  const tokens = nameTokens(name)
  if (tokens.some((t) => TEST_TOKENS.has(t))) return 'test'
  if (tokens.some((t) => TRAIN_TOKENS.has(t))) return 'train'
  return null
}

/** Whether an expression names test/holdout data: `X_test`, `test_df`, `dataset_test_pred.features`. */
export function namesTestData(expr: string): boolean {
  const head = /^[A-Za-z_][\w.]*/.exec(expr.trim())
  if (!head) return false
  const tokens = nameTokens(head[0])
  return tokens.some((t) => TEST_TOKENS.has(t)) && !tokens.some((t) => TRAIN_TOKENS.has(t))
}

export function namesTrainData(expr: string): boolean {
  return nameTokens(expr).some((t) => TRAIN_TOKENS.has(t))
}
