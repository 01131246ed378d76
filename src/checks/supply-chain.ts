// Supply chain: remote code, unsafe deserialisation, model revisions that are not pinned.
import type { ConfigEntry, Finding } from '../types.js'
import { makeFinding, type Check, type CheckSpec } from './finding.js'
import { lastSegment, parentKey } from './params.js'
import {
  assignment,
  calleeName,
  clip,
  findCalls,
  isTruthy,
  kwarg,
  lineAt,
  positional,
  snippetAt,
  stringLiteral,
  type Call,
  type Statement
} from './python.js'
import { introducedMatches, type FileView, type Side } from './view.js'
import { redactSecrets } from '../diff/redact.js'
import { analyze, newStatements } from '../analysis/index.js'
import {
  callsIn,
  dotted,
  kwarg as pyKwarg,
  walk,
  type Call as PyCall,
  type Expr,
  type PyStatement
} from '../analysis/parse.js'

const family = 'supply-chain' as const

export const TRUST_REMOTE_CODE: CheckSpec = {
  id: 'SUPPLY-TRUST-REMOTE-CODE',
  family,
  title: 'trust_remote_code enabled',
  status: 'fail',
  bias: false,
  flags:
    'trust_remote_code: true / trust_remote_code=True introduced, or kept on while the model now comes from another owner (runs Python from the model repository)',
  fix: 'Use a model supported natively by the library, or pin revision= to a reviewed commit and vendor the code.'
}
export const TORCH_LOAD_UNSAFE: CheckSpec = {
  id: 'SUPPLY-TORCH-LOAD-UNSAFE',
  family,
  title: 'torch.load without weights_only=True',
  status: 'warn',
  bias: false,
  flags: 'a new torch.load( call without weights_only=True (unpickles arbitrary objects)',
  fix: 'Pass weights_only=True, or load safetensors files instead of pickles.'
}
export const PICKLE_DOWNLOAD: CheckSpec = {
  id: 'SUPPLY-PICKLE-DOWNLOAD',
  family,
  title: 'Pickle loaded from a download',
  status: 'warn',
  bias: false,
  flags:
    'pickle.load / joblib.load / pd.read_pickle / dill.load of a file fetched with hf_hub_download, urlretrieve, requests, wget or a URL',
  fix: 'Do not unpickle downloaded files; use safetensors/JSON/Parquet, or verify a pinned checksum first.'
}
export const UNPINNED_REVISION: CheckSpec = {
  id: 'SUPPLY-UNPINNED-REVISION',
  family,
  title: 'Remote model loaded without a pinned revision',
  status: 'warn',
  bias: false,
  flags:
    'a Hub model id newly loaded (from_pretrained, pipeline, model_name_or_path/base_model keys) without revision= / model_revision pinned to a commit or tag, in a file that pins revisions elsewhere (examples that never pin are not held to it)',
  fix: 'Pin revision= (a commit hash) so the weights and code cannot change under the same name.'
}
export const REVISION_PIN_REMOVED: CheckSpec = {
  id: 'SUPPLY-REVISION-PIN-REMOVED',
  family,
  title: 'Model revision pin removed',
  status: 'warn',
  bias: false,
  flags: 'model_revision / revision pin removed (or set to main) while the model is still loaded from the Hub',
  fix: 'Keep the revision pin, or replace it with a newer commit hash.'
}

export const PIN_REMOVED: CheckSpec = {
  id: 'SUPPLY-DEPENDENCY-PIN-REMOVED',
  family,
  title: 'Dependency version pin removed',
  status: 'warn',
  bias: false,
  flags:
    'a package a notebook installs (`%pip install` / `!pip install` / `!uv pip install`) pinned to a version at the base (`==`, `~=`) and installed with no version in its place: the run gets whatever version is latest',
  fix: 'Keep the pin (or move it to a newer tested version) and note why it was there.'
}
export const SECRET_COMMITTED: CheckSpec = {
  id: 'SUPPLY-SECRET-COMMITTED',
  family,
  title: 'Credential committed',
  status: 'fail',
  bias: false,
  flags:
    'a new line holding an access token or key (Hugging Face, OpenAI, W&B, AWS, GitHub …, or a long literal under a secret-named key), in code, configs or notebook outputs',
  fix: 'Revoke the credential now, remove it from the file and its history, and read it from the environment or a secret store instead.'
}

export const SUPPLY_CHECKS: CheckSpec[] = [
  TRUST_REMOTE_CODE,
  TORCH_LOAD_UNSAFE,
  PICKLE_DOWNLOAD,
  UNPINNED_REVISION,
  REVISION_PIN_REMOVED,
  PIN_REMOVED,
  SECRET_COMMITTED
]

const isCode = (view: FileView): boolean => view.kind === 'notebook' || view.kind === 'python'

// ---------------------------------------------------------------------------------------------
// trust_remote_code

function checkTrustRemoteCode(view: FileView): Finding[] {
  if (!view.after || !view.baseKnown) return []
  if (view.kind === 'config') {
    const before = new Set(
      view.before?.entries
        .filter((e) => lastSegment(e.key) === 'trust_remote_code' && isTruthy(e.value))
        .map((e) => e.key)
    )
    const turnedOn = view.after.entries
      .filter((e) => lastSegment(e.key) === 'trust_remote_code' && isTruthy(e.value) && !before.has(e.key))
      .map((e) => makeFinding(TRUST_REMOTE_CODE, view, e.line, `${e.key}: ${JSON.stringify(e.value)}`))
    if (turnedOn.length > 0 || before.size === 0) return turnedOn
    // trust kept on while the model now comes from another owner: the code run is someone else's
    const owners = new Set(configModels(view.before?.entries ?? []).map((m) => m.repo.split('/')[0].toLowerCase()))
    return configModels(view.after.entries)
      .filter((m) => !owners.has(m.repo.split('/')[0].toLowerCase()))
      .slice(0, 1)
      .map((m) =>
        makeFinding(
          TRUST_REMOTE_CODE,
          view,
          m.line,
          `${m.key}: ${m.repo} — trust_remote_code stays on for a model from a new owner (${m.repo.split('/')[0]})`
        )
      )
  }
  if (!isCode(view)) return []
  const head = analyze(view.after)
  const base = view.before ? analyze(view.before) : null
  const before = base ? trustedIn(base.statements).length : 0
  const now = trustedIn(head.statements)
  if (now.length <= before) return []
  const fresh = newStatements(base, head)
  return now
    .filter((t) => fresh.has(t.stmt) || (t.via !== undefined && fresh.has(t.via)))
    .slice(0, now.length - before)
    .map((t) => makeFinding(TRUST_REMOTE_CODE, view, t.value.line, clip(t.stmt.text.split('\n')[0], 160)))
}

/**
 * Every place code turns trust_remote_code on: the keyword (also through a variable set to True), a dict entry
 * (`model_kwargs={"trust_remote_code": True}`, `**{...}`), `dict(trust_remote_code=True)`.
 */
function trustedIn(statements: PyStatement[]): Array<{ stmt: PyStatement; value: Expr; via?: PyStatement }> {
  /** variables holding True, with the statement that set them */
  const flags = new Map<string, PyStatement | null>()
  const out: Array<{ stmt: PyStatement; value: Expr; via?: PyStatement }> = []
  const on = (e: Expr): boolean =>
    (e.k === 'const' && e.value === 'True') || (e.k === 'name' && (flags.get(e.id) ?? null) !== null)
  const via = (e: Expr): { via?: PyStatement } => {
    const set = e.k === 'name' ? flags.get(e.id) : null
    return set ? { via: set } : {}
  }
  for (const stmt of statements) {
    for (const e of stmt.exprs)
      walk(e, (x) => {
        if (x.k === 'call') {
          for (const a of x.args)
            if (a.name === 'trust_remote_code' && on(a.value)) out.push({ stmt, value: a.value, ...via(a.value) })
        } else if (x.k === 'dict') {
          for (const en of x.entries)
            if (en.key?.k === 'str' && en.key.value === 'trust_remote_code' && on(en.value))
              out.push({ stmt, value: en.value, ...via(en.value) })
        }
      })
    // TRUST_REMOTE_CODE = True, later passed by name
    if (stmt.kind === 'assign' && stmt.value)
      for (const t of stmt.targets)
        if (t.k === 'name') flags.set(t.id, stmt.value.k === 'const' && stmt.value.value === 'True' ? stmt : null)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// torch.load and pickles

/** `torch.load(...)` (under any alias of torch) without weights_only=True. */
function unsafeTorchLoads(a: ReturnType<typeof analyze>): Array<{ stmt: PyStatement; call: PyCall }> {
  const out: Array<{ stmt: PyStatement; call: PyCall }> = []
  for (const stmt of a.statements)
    for (const call of callsIn(stmt)) {
      const d = dotted(call.fn)
      if (!d || !d.endsWith('.load')) continue
      const head = d.split('.')[0]
      const module = a.flow.imports.get(head) ?? head
      if (`${module}.${d.split('.').slice(1).join('.')}` !== 'torch.load') continue
      const safe = pyKwarg(call, 'weights_only')
      if (!(safe?.k === 'const' && safe.value === 'True')) out.push({ stmt, call })
    }
  return out
}

function checkTorchLoad(view: FileView): Finding[] {
  if (!isCode(view) || !view.after || !view.baseKnown) return []
  const head = analyze(view.after)
  const base = view.before ? analyze(view.before) : null
  const now = unsafeTorchLoads(head)
  const grown = now.length - (base ? unsafeTorchLoads(base).length : 0)
  if (grown <= 0) return []
  const fresh = newStatements(base, head)
  return now
    .filter((l) => fresh.has(l.stmt))
    .slice(0, grown)
    .map((l) => makeFinding(TORCH_LOAD_UNSAFE, view, l.call.line, clip(l.call.text, 160)))
}

const DOWNLOAD =
  /\b(hf_hub_download|cached_download|snapshot_download|urlretrieve|urlopen|wget\.download|requests\.get|httpx\.get|download_url|get_file)\s*\(/
const PICKLE_LOAD =
  /^(pickle\.loads?|joblib\.load|pd\.read_pickle|pandas\.read_pickle|dill\.loads?|cloudpickle\.loads?|cPickle\.load|_pickle\.load)$/

/** Names bound to downloaded files (and file handles opened on them), in statement order. */
function downloadedNames(statements: Statement[]): Set<string> {
  const names = new Set<string>()
  for (const s of statements) {
    const a = assignment(s)
    const refersToDownload = (text: string): boolean =>
      DOWNLOAD.test(text) || [...names].some((n) => new RegExp(`\\b${escape(n)}\\b`).test(text))
    if (a && refersToDownload(a.value)) a.targets.forEach((t) => names.add(t.replace(/\s+/g, '')))
    // with open(path, 'rb') as f:
    const w = /\bopen\s*\(([^)]*)\)\s*as\s+([A-Za-z_]\w*)/.exec(s.text)
    if (w && refersToDownload(w[1])) names.add(w[2])
  }
  return names
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function checkPickleDownload(view: FileView): Finding[] {
  if (!isCode(view) || !view.after) return []
  const names = downloadedNames(view.after.statements)
  const risky = (s: Statement): Call | undefined =>
    findCalls(s).find((c) => {
      if (!PICKLE_LOAD.test(c.callee)) return false
      const arg = s.text.slice(c.open + 1, c.close)
      return (
        DOWNLOAD.test(arg) ||
        /['"]https?:\/\//.test(arg) ||
        [...names].some((n) => new RegExp(`\\b${escape(n)}\\b`).test(arg))
      )
    })
  return introducedMatches(view, (s) => risky(s) !== undefined).map((s) => {
    const call = risky(s) as Call
    return makeFinding(PICKLE_DOWNLOAD, view, lineAt(s, call.start), snippetAt(s, call.start))
  })
}

// ---------------------------------------------------------------------------------------------
// Revisions

const LOCAL_PREFIX =
  /^(\.{0,2}\/|~|[A-Za-z]:\\|data\/|output|outputs\/|out\/|checkpoints?\/|ckpts?\/|ckpt|runs\/|models?\/|saved|tmp\/|results\/|content\/|drive\/|kaggle\/|mnt\/|home\/|workspace\/|artifacts?\/|weights\/|exp\/|experiments?\/|logs?\/|trained\w*\/|finetuned\w*\/|fine_tuned\w*\/)/
const LOCAL_LEAF =
  /^(checkpoint|ckpt|epoch|step|global_step)[-_]?\d*$|^(best|final|last|latest)([-_](model|checkpoint|ckpt))?$/i
const REPO_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/

/** A Hugging Face Hub repo id such as `org/name`, not a local path. */
export function isRemoteRepo(value: string): boolean {
  const v = value.trim()
  if (!REPO_ID.test(v) || LOCAL_PREFIX.test(v)) return false
  // `my_model/checkpoint-500`, `run1/best_model`: what a training run writes, not a Hub repository
  if (LOCAL_LEAF.test(v.split('/')[1] ?? '')) return false
  return !/\.(bin|pt|pth|ckpt|safetensors|json|ya?ml|onnx|gguf|h5|pkl)$/i.test(v)
}

/** A revision that pins something: not empty, not a moving branch. */
export function isPin(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false
  const v = String(value).trim()
  return v !== '' && !/^(main|master|none|null|latest|head)$/i.test(v)
}

const MODEL_KEY =
  /^(model_name_or_path|base_model|base_model_name_or_path|pretrained_model_name_or_path|model_id|model_name|model|tokenizer_name_or_path|tokenizer_name|base_model_config|ref_model|reward_model|teacher_model|teacher_model_name_or_path|ref_model_name_or_path|reward_model_name_or_path)$/
const REVISION_KEY =
  /^(revision|model_revision|base_model_revision|ref_model_revision|tokenizer_revision|hub_revision)$/

interface ModelRef {
  repo: string
  line: number
  pinned: boolean
  key: string
  pin: string | null
}

function configModels(entries: ConfigEntry[]): ModelRef[] {
  const revisions = entries.filter((e) => REVISION_KEY.test(lastSegment(e.key)))
  return entries
    .filter((e) => MODEL_KEY.test(lastSegment(e.key)) && typeof e.value === 'string' && isRemoteRepo(e.value))
    .map((e) => {
      const parent = parentKey(e.key)
      const rev = revisions.find((r) => parentKey(r.key) === parent)
      return {
        repo: e.value as string,
        line: e.line,
        pinned: rev ? isPin(rev.value) : false,
        key: e.key,
        pin: rev && isPin(rev.value) ? String(rev.value) : null
      }
    })
}

/** String assignments of a file, for resolving `from_pretrained(model_checkpoint)`. */
function stringVariables(statements: Statement[]): Map<string, Array<{ index: number; value: string }>> {
  const vars = new Map<string, Array<{ index: number; value: string }>>()
  for (const s of statements) {
    const a = assignment(s)
    if (!a || a.targets.length !== 1) continue
    const value = stringLiteral(a.value)
    if (value === null) continue
    const known = vars.get(a.targets[0])
    if (known) known.push({ index: s.index, value })
    else vars.set(a.targets[0], [{ index: s.index, value }])
  }
  return vars
}

function resolve(expr: string, at: number, vars: Map<string, Array<{ index: number; value: string }>>): string | null {
  const literal = stringLiteral(expr)
  if (literal !== null) return literal
  const assigned = vars.get(expr.trim())
  if (!assigned) return null
  const earlier = assigned.filter((v) => v.index <= at)
  return (earlier[earlier.length - 1] ?? assigned[0]).value
}

interface CodeModelRef extends ModelRef {
  stmt: Statement
}

/** Paths the code writes a model to (save_pretrained, output_dir=, save_model): loading them is local. */
function savedPaths(statements: Statement[], vars: Map<string, Array<{ index: number; value: string }>>): Set<string> {
  const out = new Set<string>()
  for (const s of statements) {
    for (const call of findCalls(s)) {
      const name = calleeName(call)
      const arg = /^(save_pretrained|save_model)$/.test(name) ? positional(call, 0) : kwarg(call, 'output_dir')
      const path = arg ? resolve(arg.value, s.index, vars) : null
      if (path) out.add(path.replace(/\/+$/, ''))
    }
  }
  return out
}

function codeModels(statements: Statement[]): CodeModelRef[] {
  const vars = stringVariables(statements)
  const saved = savedPaths(statements, vars)
  const out: CodeModelRef[] = []
  for (const s of statements) {
    for (const call of findCalls(s)) {
      const name = calleeName(call)
      let arg: string | undefined
      if (name === 'from_pretrained') {
        const owner = call.callee.split('.').slice(-2, -1)[0] ?? ''
        // PeftModel.from_pretrained(base_model, adapter_id): the id is the second argument
        const index = /^PeftModel/.test(owner) ? 1 : 0
        arg =
          kwarg(call, 'pretrained_model_name_or_path')?.value ??
          kwarg(call, 'model_id')?.value ??
          positional(call, index)?.value
      } else if (name === 'pipeline') {
        arg = kwarg(call, 'model')?.value ?? positional(call, 1)?.value
      } else continue
      if (!arg) continue
      const repo = resolve(arg, s.index, vars)
      if (!repo || !isRemoteRepo(repo)) continue
      // a checkpoint this code saved (or a folder under it) is read from disk
      if ([...saved].some((p) => repo === p || repo.startsWith(`${p}/`))) continue
      const rev = kwarg(call, 'revision') ?? kwarg(call, 'commit_hash')
      const pin = rev ? (resolve(rev.value, s.index, vars) ?? rev.value) : null
      out.push({
        repo,
        line: lineAt(s, call.start),
        pinned: pin !== null && isPin(pin),
        key: name,
        pin: pin && isPin(pin) ? pin : null,
        stmt: s
      })
    }
  }
  return out
}

function checkRevisions(view: FileView): Finding[] {
  if (!view.after || !view.baseKnown) return []
  let before: ModelRef[]
  let after: ModelRef[]
  if (view.kind === 'config') {
    before = view.before ? configModels(view.before.entries) : []
    after = configModels(view.after.entries)
    // example and recipe configs name models without pins: only a config that pins revisions is held to it
    // (`model_revision: main` follows the branch: it pins nothing)
    const pins = (entries: ConfigEntry[]): boolean =>
      entries.some((e) => REVISION_KEY.test(lastSegment(e.key)) && isPin(e.value))
    if (!pins(view.after.entries) && !pins(view.before?.entries ?? [])) after = after.filter(() => false)
  } else if (isCode(view)) {
    before = view.before ? codeModels(view.before.statements) : []
    after = codeModels(view.after.statements)
    // the same for notebooks and scripts: examples load models by name; one that pins any is held to pinning
    if (![...before, ...after].some((m) => m.pinned)) after = []
  } else return []
  const out: Finding[] = []
  const reported = new Set<string>()
  for (const a of after) {
    if (a.pinned || reported.has(a.repo)) continue
    const old = before.filter((b) => b.repo === a.repo)
    if (old.length === 0) {
      reported.add(a.repo)
      const snippet = 'stmt' in a ? snippetAt((a as CodeModelRef).stmt, 0) : `${a.key}: ${a.repo}`
      out.push(makeFinding(UNPINNED_REVISION, view, a.line, `${a.repo} without revision — ${snippet}`))
    } else if (old.some((b) => b.pinned)) {
      reported.add(a.repo)
      const pin = old.find((b) => b.pinned)?.pin
      out.push(makeFinding(REVISION_PIN_REMOVED, view, a.line, `${a.repo}: revision ${pin} → unpinned`))
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Credentials

/** Redaction kinds that name a token by its shape; the generic ones (a secret-named key) need a key-like value. */
const GENERIC_SECRET = /^(secret|api-key|password|token|credential|config-secret)$/
const SECRET_HINT =
  /key|token|secret|passw|pwd|auth|credential|hf_|sk-|sk_|rk_|pk_|AKIA|ASIA|gh[pousr]_|github_pat|glpat|xox|AIza|npm_|pypi-|eyJ|BEGIN|@|Bearer|Basic|wandb|sig=|machine/i

/** A literal that looks like a key: long, one word, letters and digits, not a path or a sentence (in a notebook's
 * JSON its quotes are escaped). */
const KEY_LIKE = /(["'])([A-Za-z0-9_\-+=~.]{16,})\\?\1/
/** Azure's client secrets hold `~` and `.`: a dotted value is key-like only when it mixes cases and digits as keys do
 * (`Qx8~kT2.vYp9_LmN4`), not a host or module name (`storage.core.windows.net`). */
const keyLikeValue = (v: string): boolean =>
  /\d/.test(v) && /[A-Za-z]/.test(v) && (!/[~.]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v) && !/\.\./.test(v)))

/** Added lines of the head that hold a credential; the redactor knows the shapes. */
function checkSecrets(view: FileView): Finding[] {
  const head = view.file.after
  // an embedded config's lines are its file's, which this check reads whole already
  if (head === null || !view.baseKnown || view.embedded) return []
  const counts = new Map<string, number>()
  for (const l of (view.file.before ?? '').split('\n')) counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1)
  const out: Finding[] = []
  const lines = head.split('\n')
  for (let i = 0; i < lines.length && out.length < 3; i++) {
    const line = lines[i].length > 10_000 ? lines[i].slice(0, 10_000) : lines[i]
    const key = line.trim()
    const n = counts.get(key) ?? 0
    if (n > 0) {
      counts.set(key, n - 1)
      continue
    }
    // every shape the redactor knows has one of these words or prefixes: other lines cost one scan
    if (key === '' || !SECRET_HINT.test(line)) continue
    const { text, count } = redactSecrets(line)
    if (count === 0) continue
    const kinds = [...text.matchAll(/\[REDACTED:([\w-]+)\]/g)].map((m) => m[1])
    const shaped = kinds.some((k) => !GENERIC_SECRET.test(k))
    const keyLike = KEY_LIKE.exec(line)
    if (!shaped && !(keyLike && keyLikeValue(keyLike[2]))) continue
    out.push(makeFinding(SECRET_COMMITTED, view, i + 1, `${kinds.join(', ')}: ${clip(text.trim(), 120)}`))
  }
  return out
}

/** `%pip install`, `!pip install -q`, `!python -m pip install`, `!uv pip install` at the start of a notebook line. */
const PIP_INSTALL = /^\s*[%!]\s*(?:python3?\s+-m\s+)?(?:uv\s+)?pip3?\s+install\s+(.*)$/
/** pip options that take the next word as their value. */
const OPTION_WITH_VALUE =
  /^(-r|-c|-i|-f|-e|--requirement|--constraint|--index-url|--extra-index-url|--find-links|--target|-t|--editable|--prefix|--root|--upgrade-strategy|--platform|--python-version)$/
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/

/** Package name → its version spec, of every pip install line of a notebook side. */
function pipRequirements(side: Side): Map<string, { spec: string; line: number; text: string }> {
  const out = new Map<string, { spec: string; line: number; text: string }>()
  for (const l of side.lines) {
    const m = PIP_INSTALL.exec(l.text)
    if (!m) continue
    const words = m[1].replace(/#.*$/, '').match(/"[^"]*"|'[^']*'|\S+/g) ?? []
    for (let i = 0; i < words.length; i++) {
      const w = words[i].replace(/^["']|["']$/g, '')
      if (w.startsWith('-')) {
        if (OPTION_WITH_VALUE.test(w)) i++
        continue
      }
      // URLs, paths, wheels and shell that follows the install are no requirements
      if (/[/:$]|^[.&|;]|\.whl$/.test(w)) {
        if (/^[&|;]/.test(w)) break
        continue
      }
      const r = REQUIREMENT.exec(w)
      if (!r) continue
      const name = r[1].toLowerCase().replace(/[._]/g, '-')
      if (!out.has(name)) out.set(name, { spec: r[3].replace(/\s+/g, ''), line: l.line, text: l.text.trim() })
    }
  }
  return out
}

/** `==3.5.3`, `~=2.1`: the version the notebook was run with. A bound (`<1`, `>=1`) is a range, moved on upgrades. */
const pins = (spec: string): boolean => /^(===?|~=)/.test(spec)

/** `!pip install matplotlib==3.5.3` → `!pip install matplotlib`: the notebook now installs whatever is latest. */
function checkPinRemoved(view: FileView): Finding[] {
  if (view.kind !== 'notebook' || !view.before || !view.after || !view.baseKnown) return []
  const before = pipRequirements(view.before)
  const after = pipRequirements(view.after)
  const out: Finding[] = []
  for (const [name, now] of after) {
    const was = before.get(name)
    // a pin replaced by a range is an upgrade the author wrote; a pin gone leaves no version at all
    if (!was || !pins(was.spec) || now.spec !== '' || !view.isAddedLine(now.line)) continue
    out.push(makeFinding(PIN_REMOVED, view, now.line, `${name}${was.spec} → no version (${clip(now.text, 80)})`))
  }
  return out.slice(0, 2)
}

export const supplyChain: Check = (view) => {
  const out: Finding[] = []
  for (const check of [
    checkTrustRemoteCode,
    checkTorchLoad,
    checkPickleDownload,
    checkRevisions,
    checkSecrets,
    checkPinRemoved
  ]) {
    try {
      out.push(...check(view))
    } catch {
      // one check failing on odd input leaves the others standing
    }
  }
  return out
}
