// Which changed files are ML files: SPEC §4's globs (or the `paths` input), minus `exclude`, plus config files whose
// content carries training keys. Pure: contents come in as strings.
import picomatch from 'picomatch'

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
  'micro_batch_size'
]
/** Keys common outside ML too: two of them together mark a training config. */
const WEAK_KEYS = ['lr', 'epochs', 'max_epochs', 'batch_size', 'optimizer', 'weight_decay', 'max_steps', 'seed', 'r']

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
  return WEAK_RE.filter((re) => re.test(text)).length >= 2
}
