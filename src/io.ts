// The runner-facing edges of the action, so the pipeline can run under @actions/core or under a test's recorder.
import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'

export interface AnnotationProps {
  title?: string
  file?: string
  startLine?: number
}

export interface ActionIO {
  getInput(name: string): string
  setOutput(name: string, value: string): void
  setSecret(value: string): void
  info(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  notice(message: string, props?: AnnotationProps): void
  setFailed(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** appends markdown to the job summary; false when the runner gave no summary file */
  writeSummary(markdown: string): Promise<boolean>
}

export function coreIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    info: (m) => core.info(m),
    warning: (m, p) => core.warning(m, p),
    error: (m, p) => core.error(m, p),
    notice: (m, p) => core.notice(m, p),
    setFailed: (m) => core.setFailed(m),
    group: (name, fn) => core.group(name, fn),
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return false
      await core.summary.addRaw(markdown, true).write()
      return true
    }
  }
}

/**
 * Whether the runner could take a line of this text for a workflow command: `::name::` after leading whitespace,
 * or the older `##[name]` form anywhere in a line.
 */
export function mayStartCommand(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => /^\s*::|##\[/.test(line))
}

/**
 * Log text that starts no workflow command, shown as it is: when a line could start one, the text is wrapped in
 * `::stop-commands::` with a random token that nothing in the text can know.
 */
export function commandSafe(text: string): string {
  if (!mayStartCommand(text)) return text
  const token = randomBytes(16).toString('hex')
  return `::stop-commands::${token}\n${text}\n::${token}::`
}

/**
 * The same IO with every log line made command-safe. Warnings, errors, notices and failures need nothing more:
 * @actions/core escapes their text and properties (`%`, CR, LF, and `:`/`,` in properties).
 */
export function logSafe(io: ActionIO): ActionIO {
  return { ...io, info: (m) => io.info(commandSafe(m)) }
}
