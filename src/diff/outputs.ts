// What a cell's outputs say, in one line each: the evidence a reviewer reads in a notebook (the printed score, the
// plot, the traceback), told apart so that a new number, a new plot, a new error and a cleared output never look
// alike. Only summaries leave here: first lines of text, sizes and digests of images, never the data.
import type { NotebookOutput } from '../types.js'
import { formatBytes } from './blob.js'

/** Characters of text quoted from one output. */
const QUOTE_CHARS = 80
/** Outputs described per side of one cell before "… N more". */
const MAX_OUTPUTS = 4

function firstLine(text: string): { line: string; more: number } {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const first = (lines[0] ?? '').replace(/\s+/g, ' ').trim()
  return { line: first.length > QUOTE_CHARS ? `${first.slice(0, QUOTE_CHARS - 1)}…` : first, more: lines.length - 1 }
}

function quoted(text: string): string {
  const { line, more } = firstLine(text)
  if (line === '') return '(empty)'
  return `"${line}"${more > 0 ? ` (+${more} line${more === 1 ? '' : 's'})` : ''}`
}

/** One output, one line: `stdout "Accuracy: 0.91"`, `image/png 72 KB`, `error ValueError: …`, `HTML table 5×3`. */
export function describeOutput(output: NotebookOutput, baseImages?: Set<string>): string {
  if (output.outputType === 'stream') return `${output.summary.split(' ')[0]} ${quoted(output.text)}`
  if (output.outputType === 'error') return `error ${firstLine(output.text).line}`
  const parts: string[] = []
  for (const image of output.images ?? []) {
    const same = baseImages ? (baseImages.has(image.digest) ? ' (same bytes)' : ' (changed)') : ''
    parts.push(`${image.mime} ${formatBytes(image.bytes)}${same}`)
  }
  if (output.table) parts.push(`HTML table ${output.table.rows} rows × ${output.table.columns} columns`)
  if (output.summary.includes('widget')) parts.push('widget')
  if (parts.length === 0 && output.text !== '') parts.push(`result ${quoted(output.text)}`)
  if (parts.length === 0) parts.push(output.summary)
  return parts.join(', ')
}

function describeSide(outputs: NotebookOutput[], baseImages?: Set<string>): string {
  if (outputs.length === 0) return 'no output'
  const shown = outputs.slice(0, MAX_OUTPUTS).map((o) => describeOutput(o, baseImages))
  if (outputs.length > MAX_OUTPUTS) shown.push(`… ${outputs.length - MAX_OUTPUTS} more`)
  return shown.join('; ')
}

/** How a cell's outputs changed, for the summary line under that cell; null when they did not. */
export function outputChange(before: NotebookOutput[] | null, after: NotebookOutput[]): string | null {
  const baseImages = new Set((before ?? []).flatMap((o) => (o.images ?? []).map((i) => i.digest)))
  const was = before === null ? null : describeSide(before)
  const now = describeSide(after, before === null ? undefined : baseImages)
  if (was === null) return after.length ? `outputs: ${now}` : null
  if (before !== null && before.length > 0 && after.length === 0) return `outputs cleared (were: ${was})`
  if (before !== null && before.length === 0) return `new outputs: ${now}`
  return `outputs: ${was} → ${now}`
}
