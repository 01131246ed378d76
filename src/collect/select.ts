// Which changed files are ML files: SPEC §4's globs (or the `paths` input), minus `exclude`, plus config files whose
// content carries training keys or sets up a fairness evaluation. Pure: contents come in as strings.
import picomatch from 'picomatch'
import { projectTooling } from '../checks/file-role.js'
import { FAIRNESS_FILE, speaksOfFairness } from '../checks/vocabulary.js'

/** Never ML files, whatever the globs or content say. */
const NEVER = picomatch(['**/package.json', '**/tsconfig*.json', '**/*.lock', '**/*-lock.{json,yaml}', '.github/**'], {
  dot: true
})
const LOCK_NAMES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'poetry.lock'])

const CONFIG_EXT = /\.(ya?ml|json|toml)$/i

/** Keys that on their own mark a training config. */
const STRONG_KEYS = [
  'learning_rate',
  'num_train_epochs',
  'per_device_train_batch_size',
  'gradient_accumulation_steps',
  'warmup_steps',
  'warmup_ratio',
  'lora_alpha',
  'lora_r',
  'train_batch_size',
  'micro_batch_size',
  'warmup_epochs',
  'lr0',
  'base_lr'
]
/** Keys common outside ML too: two of them together mark a training config. */
const WEAK_KEYS = [
  'lr',
  'epochs',
  'max_epochs',
  'batch_size',
  'optimizer',
  'weight_decay',
  'momentum',
  'max_steps',
  'seed',
  'r'
]

export interface Selector {
  /** matches the glob lists only */
  matchesGlobs(path: string): boolean
  /** a config file that could count by content (and so needs its content read) */
  isContentCandidate(path: string): boolean
  excluded(path: string): boolean
}

export function makeSelector(paths: string[], exclude: string[]): Selector {
  const include = picomatch(paths, { dot: true })
  const exc = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false
  const never = (p: string): boolean => NEVER(p) || LOCK_NAMES.has(p.split('/').pop() ?? '')
  return {
    matchesGlobs: (p) => !never(p) && !exc(p) && include(p),
    isContentCandidate: (p) => !never(p) && !exc(p) && !include(p) && CONFIG_EXT.test(p),
    excluded: (p) => never(p) || exc(p)
  }
}

function keyPattern(key: string): RegExp {
  // YAML `key:`, JSON `"key":`, TOML `key =` at the start of a line (after indentation, list dash or JSON punctuation)
  return new RegExp(`(?:^|[\\s{,-])["']?${key}["']?\\s*[:=]`, 'm')
}
const STRONG_RE = STRONG_KEYS.map(keyPattern)
const WEAK_RE = WEAK_KEYS.map(keyPattern)

/** Whether a config's content marks it as a training config (SPEC §4). */
export function hasTrainingKeys(text: string): boolean {
  if (STRONG_RE.some((re) => re.test(text))) return true
  return WEAK_RE.filter((re) => re.test(text)).length >= 2 || datasetSplits(text)
}

/** A key at the top level of a YAML file. */
const TOP_KEY = (key: string): RegExp => new RegExp(`^["']?${key}["']?\\s*:`, 'm')
const SPLIT_KEYS = [TOP_KEY('train'), TOP_KEY('val')]
const CLASS_KEYS = [TOP_KEY('names'), TOP_KEY('nc')]
/** A dataset config of a detection or classification trainer: its splits and its classes at the top level
 * (`train: train2017.txt`, `val: val2017.txt`, `names:` / `nc:`, as YOLO reads them): which images train and which
 * measure the model. */
function datasetSplits(text: string): boolean {
  return SPLIT_KEYS.every((re) => re.test(text)) && CLASS_KEYS.some((re) => re.test(text))
}

/** A config's keys: YAML `key:`, JSON `"key":` (anywhere on a line), TOML `key =`. */
const CONFIG_KEY = /(?:^|[\s{,[])["']?([A-Za-z_][\w.-]{0,80})["']?\s*[:=](?!:)/gm
/** Its identifier-like scalar values (a task, dataset or metric name, not prose): after `:`, `=`, a list dash or a list's opening bracket. */
const CONFIG_NAME_VALUE = /(?:[:=]|^\s*-)[ \t]*(?:\[[ \t]*)?["']?([A-Za-z_][\w./-]{0,120})["']?[ \t]*(?=[,\]}]|$)/gm
/** How much of a config the fairness probe reads: evaluation settings sit near the top, data tables do not count. */
const FAIRNESS_PROBE_CHARS = 256 * 1024

/**
 * Whether a config sets up a fairness evaluation: a key or a named value speaks of fairness (`sensitive_features`,
 * `ref_groups_method`, `fairness_measures`, a bias benchmark's task or dataset such as `crows_pairs_*` or `bbq`).
 * Such a config holds no training keys, yet a change to it changes what the merge gate audits.
 */
export function hasFairnessEvaluationKeys(text: string): boolean {
  const head = text.length > FAIRNESS_PROBE_CHARS ? text.slice(0, FAIRNESS_PROBE_CHARS) : text
  for (const m of head.matchAll(CONFIG_KEY)) if (speaksOfFairness(m[1])) return true
  for (const m of head.matchAll(CONFIG_NAME_VALUE)) if (speaksOfFairness(m[1])) return true
  return false
}

/**
 * Whether a config outside the globs counts as an ML file by its content (SPEC §4): training keys, or a fairness
 * evaluation's settings in a file that is not project tooling (a manifest, CI pipeline or docs-site config).
 */
export function isMlConfigContent(path: string, text: string): boolean {
  if (hasTrainingKeys(text)) return true
  if (projectTooling(path)) return false
  // a config named for a fairness criterion (`fairness_statistical_parity.json`) is one, whatever its keys say
  return hasFairnessEvaluationKeys(text) || FAIRNESS_FILE.test(path.slice(path.lastIndexOf('/') + 1))
}
