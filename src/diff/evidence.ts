// The metrics each side of a changed file shows: what a notebook's outputs print, or what a metrics file holds.
import type { ChangedFile } from '../types.js'
import { isConfigPath, parseConfigEntries } from './config.js'
import { fileMetrics, isMetricsFile, metricTable, notebookMetrics, type Metric } from './metrics.js'
import { parseNotebook } from './notebook.js'

export interface SideMetrics {
  before: Metric[]
  after: Metric[]
}

/** A notebook's metrics by its text: the diff shows them and the evidence checks read them. */
const notebookMetricsByText = new Map<string, Metric[]>()
const MAX_CACHED_NOTEBOOKS = 64

function notebookMetricsOf(text: string): Metric[] {
  let hit = notebookMetricsByText.get(text)
  if (hit) return hit
  hit = notebookMetrics(parseNotebook(text).cells)
  if (notebookMetricsByText.size >= MAX_CACHED_NOTEBOOKS)
    notebookMetricsByText.delete(notebookMetricsByText.keys().next().value as string)
  notebookMetricsByText.set(text, hit)
  return hit
}

function sideMetrics(path: string, text: string | null): Metric[] {
  if (text === null) return []
  try {
    if (path.toLowerCase().endsWith('.ipynb')) return notebookMetricsOf(text)
    if (isMetricsFile(path) && isConfigPath(path)) return fileMetrics(parseConfigEntries(path, text))
  } catch {
    // a side that does not parse shows no metrics; the diff says why it does not parse
  }
  return []
}

/** Metrics of both sides of a file (empty for files that hold none). */
export function metricsOf(file: Pick<ChangedFile, 'path' | 'before' | 'after'>): SideMetrics {
  return { before: sideMetrics(file.path, file.before), after: sideMetrics(file.path, file.after) }
}

/** The "metric · before · after · Δ" block for a file's summary; null when no metric moved. */
export function metricsBlock(file: Pick<ChangedFile, 'path' | 'before' | 'after'>): string | null {
  const { before, after } = metricsOf(file)
  if (before.length === 0 && after.length === 0) return null
  const table = metricTable(before, after)
  if (!table) return null
  const where = file.path.toLowerCase().endsWith('.ipynb') ? 'printed by its outputs' : 'in the file'
  return `Metrics ${where} (last value of each):\n\n${table}`
}
