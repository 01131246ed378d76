// Plain data shared by every stage of the pipeline: event → collect → diff → checks → bridge → report → publish.

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

/** One changed ML file with whatever the sources could give of both sides. */
export interface ChangedFile {
  path: string
  /** the path at the base, for renames */
  previousPath?: string
  status: FileStatus
  /** unified patch from the pull request files API (absent for big or binary files) */
  patch?: string
  /** content at the base; null when the file did not exist there or could not be read */
  before: string | null
  /** content at the head; null when the file was deleted or could not be read */
  after: string | null
  /** why a side could not be read (binary, LFS pointer, too large) */
  notes?: string[]
}

/** A notebook cell as parsed from the .ipynb text, with where its source sits in that file. */
export interface NotebookCell {
  index: number
  id?: string
  type: 'code' | 'markdown' | 'raw'
  source: string
  /** 1-based line in the .ipynb file of each source line (same length as source.split('\n')) */
  sourceLines: number[]
  executionCount: number | null
  outputs: NotebookOutput[]
}

export interface NotebookOutput {
  /** one-line summary, never the data itself: `image/png 96 KB`, `stdout 3 lines`, `error ValueError: …` */
  summary: string
  /** output_type of nbformat: stream, execute_result, display_data, error */
  outputType: string
  /** the plain text of the output (stream text, text/plain, error message); used for PII/secret scans, never sent raw */
  text: string
  /** 1-based line in the .ipynb where this output starts */
  line: number
  /** 1-based .ipynb line of each line of `text`, where the text sits in the file (same length as its lines) */
  textLines?: number[]
  /** image outputs: size and a digest of the data, so "same plot" and "new plot" can be told apart */
  images?: { mime: string; bytes: number; digest: string }[]
  /** an HTML table output (a displayed DataFrame): its body rows and columns */
  table?: { rows: number; columns: number }
}

export interface ParsedNotebook {
  nbformat: number
  cells: NotebookCell[]
}

/** One leaf of a parsed config, keyed by a flattened path such as `training.optimizer.lr` or `defaults[0]`. */
export interface ConfigEntry {
  key: string
  value: unknown
  /** 1-based line of the key in the file */
  line: number
}

/** A review-friendly view of one file's change. */
export interface FileDiff {
  path: string
  kind: 'notebook' | 'config' | 'other'
  /** semantic summary: changed hyperparameters, added/removed/moved cells (markdown) */
  summary: string
  /** notebook cell diffs (unified diffs of cell sources) */
  cells?: string
  /** raw unified patch */
  patch?: string
  /** head-file line numbers of changed lines (for annotations) */
  changedLines: number[]
  /** e.g. "before.json does not parse: compared as text" */
  notes: string[]
}

export type FindingStatus = 'fail' | 'warn'

/** One result of a built-in deterministic check. */
export interface Finding {
  /** stable id of the check, e.g. `BIAS-PROTECTED-FEATURE` */
  check: string
  family: 'responsible-ai' | 'data-pipeline' | 'reproducibility' | 'training-config' | 'evaluation' | 'supply-chain'
  title: string
  status: FindingStatus
  bias: boolean
  path: string
  /** 1-based line in the head file (inside the .ipynb for notebooks); null when the file is gone */
  line: number | null
  evidence: string
  fix: string
  /** notebooks: where the line sits in GitHub's notebook view, `cell 7, line 3` */
  cell?: string
  /** silenced by an inline `# ml-review: ignore[CHECK] reason` (never a bias finding) */
  suppressed?: Suppression
  /** the level `.github/ml-review.yml` gave the check, when it changed the status or the bias flag */
  level?: 'warn' | 'fail' | 'bias'
}

/** Where and why a finding was silenced inline. */
export interface Suppression {
  reason: string
  path: string
  line: number
}

export type ItemStatus = 'pass' | 'fail' | 'warn' | 'na'

/** A checklist item, as published in the `checklist` output. */
export interface ChecklistItem {
  id: string
  text: string
  status: ItemStatus
  bias: boolean
  source: 'bridge' | 'builtin'
  path: string | null
  line: number | null
  /** notebooks: where `line` sits in GitHub's notebook view, `cell 7, line 3` */
  cell?: string
  /** accepted on the pull request by someone allowed to (`/ml-review accept <id> <reason>`): it no longer blocks */
  accepted?: Acceptance
  /** silenced by an inline `# ml-review: ignore[CHECK] reason` in the changed file (never a bias item) */
  suppressed?: Suppression
  /** built-in items: the check, its title, evidence and fix, for rendering each finding once */
  finding?: Pick<Finding, 'check' | 'title' | 'status' | 'evidence' | 'fix' | 'level'>
  /** a built-in item the agent also reported (same place and topic): the agent's words and status */
  agent?: { text: string; status: ItemStatus }
}

/** Who accepted a finding, when and why. */
export interface Acceptance {
  by: string
  at: string
  reason: string
  /** the comment that holds the acceptance */
  url?: string
}

export type Conclusion = 'success' | 'failure' | 'neutral' | 'skipped'
