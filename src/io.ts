// The runner-facing edges of the action, so the pipeline can run under @actions/core or under a test's recorder.
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
