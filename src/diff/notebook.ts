// Jupyter notebooks as cells, not JSON: parse with line numbers, align base and head cells, diff sources.
import { createHash } from 'node:crypto'
import { diffArrays, structuredPatch } from 'diff'
import { jsonProperty, jsonString, jsonTree, type JsonNode as Node } from './json-tree.js'
import type { FileDiff, NotebookCell, NotebookOutput, ParsedNotebook } from '../types.js'
import { base64Bytes, fenced, formatBytes, omitBlobs } from './blob.js'
import { MAX_NOTEBOOK_CELLS } from '../bounds.js'
import { standardJson } from './json.js'
import { COMPACTED_BLOB } from './compact.js'
import { TextCache } from './text-cache.js'
import { outputChange } from './outputs.js'
import { LineIndex, changedHeadLines, truncateLines, unifiedDiff } from './text.js'

/** A cell with more source lines than this is not line-diffed (nor compared for similarity). */
export const MAX_CELL_LINES = 5_000
/** Nor is one whose source is longer than this many characters. */
export const MAX_CELL_CHARS = 1_000_000
/** Lines of one cell's diff shown in `cells`. */
export const MAX_CELL_DIFF_LINES = 400
/** Characters of one cell's diff shown in `cells`. */
export const MAX_CELL_DIFF_CHARS = 40_000
/** One-line entries listed in the summary before "… and N more". */
export const MAX_SUMMARY_CELLS = 60
/** Cells whose output-only change is described one line each, under the "outputs changed" line. */
const MAX_OUTPUT_LINES = 12
/** Cells with at least this similarity (0..1) at the same place are one modified cell. */
const MODIFIED_SIMILARITY = 0.3
/** Largest removed×added block we pair by similarity; bigger blocks are paired by position. */
const MAX_PAIRING_MATRIX = 10_000

/** What we compare besides the source, kept out of the public cell shape. */
interface CellFingerprint {
  outputs: string
  executionCounts: string
  metadata: string
}

interface NotebookInternal {
  notebook: ParsedNotebook
  fingerprints: CellFingerprint[]
  metadata: string
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Parses .ipynb text; throws on malformed JSON or nbformat < 4. */
export function parseNotebook(text: string): ParsedNotebook {
  return parseInternal(text).notebook
}

/**
 * Where a line of the .ipynb text sits as a reader of the notebook sees it: `cell 7, line 3` for a source line,
 * `cell 7, outputs` for a line of its outputs; null outside every cell.
 */
export function cellPosition(notebook: ParsedNotebook, line: number): string | null {
  let owner: NotebookCell | null = null
  for (const cell of notebook.cells) {
    const at = cell.sourceLines.indexOf(line)
    if (at >= 0) return `cell ${cell.index + 1}, line ${at + 1}`
    const starts = [cell.sourceLines[0] ?? Infinity, ...cell.outputs.map((o) => o.line)]
    if (Math.min(...starts) <= line) owner = cell
  }
  if (!owner) return null
  return owner.outputs.some((o) => o.line <= line) ? `cell ${owner.index + 1}, outputs` : `cell ${owner.index + 1}`
}

/** The diff, the checks and the cell locations each read every notebook: it is parsed once per run. */
const parses = new TextCache<NotebookInternal | Error>()

function parseInternal(text: string): NotebookInternal {
  const result = parses.get(text, (t) => {
    try {
      return parseUncached(t)
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  })
  if (result instanceof Error) throw result
  return result
}

function parseUncached(text: string): NotebookInternal {
  let data: unknown
  // nbformat reads NaN and Infinity (pandas writes them into outputs): so do we, offsets unchanged
  const standard = standardJson(text).text
  try {
    data = JSON.parse(standard)
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error })
  }
  if (!isObject(data)) throw new Error('not a Jupyter notebook: the top level is not a JSON object')
  const nbformat = data.nbformat
  if (typeof nbformat !== 'number') throw new Error('not a Jupyter notebook: no numeric "nbformat" field')
  if (nbformat < 4) throw new Error(`nbformat ${nbformat} notebooks are not supported (only nbformat 4)`)
  if (!Array.isArray(data.cells)) throw new Error('not a Jupyter notebook: no "cells" array')
  if (data.cells.length > MAX_NOTEBOOK_CELLS) {
    throw new Error(`${data.cells.length} cells, over the ${MAX_NOTEBOOK_CELLS} analysed per notebook`)
  }

  // JSON.parse gave the values; the tree gives where they sit in the text.
  const root = jsonTree(standard)
  const property = (node: Node | undefined, name: string): Node | undefined => jsonProperty(standard, node, name)
  const lines = new LineIndex(text)
  const cellNodes = property(root, 'cells')?.children ?? []

  const cells: NotebookCell[] = []
  const fingerprints: CellFingerprint[] = []
  data.cells.forEach((raw, index) => {
    const cell = isObject(raw) ? raw : {}
    const node = cellNodes[index]
    const lineOfNode = (n: Node | undefined, fallback: number): number => (n ? lines.lineOf(n.offset) : fallback)
    const cellLine = lineOfNode(node, 1)
    const { source, sourceLines } = readSource(cell.source, property(node, 'source'), lines, cellLine)
    const outputNodes = property(node, 'outputs')?.children ?? []
    const rawOutputs = Array.isArray(cell.outputs) ? cell.outputs : []
    const outputs = rawOutputs.map((output, i) => {
      const summary = summarizeOutput(output, lineOfNode(outputNodes[i], cellLine))
      const textLines = outputTextLines(output, outputNodes[i], summary, lines, standard)
      return textLines ? { ...summary, textLines } : summary
    })
    const cellType = cell.cell_type
    cells.push({
      index,
      ...(typeof cell.id === 'string' && cell.id !== '' ? { id: cell.id } : {}),
      type: cellType === 'markdown' ? cellType : cellType === 'code' && !otherLanguage(cell) ? cellType : 'raw',
      source,
      sourceLines,
      executionCount: typeof cell.execution_count === 'number' ? cell.execution_count : null,
      outputs
    })
    fingerprints.push(fingerprint(cell, rawOutputs))
  })
  return {
    notebook: { nbformat, cells },
    fingerprints,
    metadata: JSON.stringify(data.metadata ?? null)
  }
}

/**
 * A code cell VS Code keeps in another language than the kernel's (`metadata.vscode.languageId`: plaintext, SQL,
 * shell): the kernel does not run it as Python, so it is read as nbformat's raw cell, text that is not run.
 */
function otherLanguage(cell: Record<string, Json>): boolean {
  const meta = cell.metadata
  const vscode = isObject(meta) ? meta.vscode : undefined
  const language = isObject(vscode) ? vscode.languageId : undefined
  return typeof language === 'string' && language !== '' && !/^(python|ipython\d*)$/i.test(language)
}

/** Joins nbformat's "multiline string" (a string or an array of strings). */
function joinText(value: Json | undefined): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map((part) => (typeof part === 'string' ? part : '')).join('')
  return ''
}

/** The source and, for each of its lines, the .ipynb line of the JSON string it starts in. */
function readSource(
  value: Json | undefined,
  node: Node | undefined,
  lines: LineIndex,
  cellLine: number
): { source: string; sourceLines: number[] } {
  const fallbackLine = node ? lines.lineOf(node.offset) : cellLine
  const parts: { text: string; line: number }[] = []
  if (typeof value === 'string') parts.push({ text: value, line: fallbackLine })
  else if (Array.isArray(value)) {
    value.forEach((part, i) => {
      const partNode = node?.children?.[i]
      parts.push({
        text: typeof part === 'string' ? part : '',
        line: partNode ? lines.lineOf(partNode.offset) : fallbackLine
      })
    })
  }
  const sourceLines: number[] = []
  let lineStartPending = true
  let lastLine = fallbackLine
  for (const { text, line } of parts) {
    if (text === '') continue
    lastLine = line
    if (lineStartPending) {
      sourceLines.push(line)
      lineStartPending = false
    }
    let at = text.indexOf('\n')
    while (at !== -1) {
      if (at + 1 < text.length) sourceLines.push(line)
      else lineStartPending = true
      at = text.indexOf('\n', at + 1)
    }
  }
  if (lineStartPending) sourceLines.push(lastLine)
  return { source: parts.map((p) => p.text).join(''), sourceLines }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function countLines(text: string): number {
  if (text === '') return 0
  const parts = text.split('\n')
  return parts[parts.length - 1] === '' ? parts.length - 1 : parts.length
}

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

/** One-line description of an output; the data itself never leaves this function except as plain text. */
export function summarizeOutput(raw: Json, line: number): NotebookOutput {
  const output = isObject(raw) ? raw : {}
  const outputType = typeof output.output_type === 'string' ? output.output_type : 'unknown'
  if (outputType === 'stream') {
    const text = joinText(output.text)
    const name = typeof output.name === 'string' ? output.name : 'stream'
    return { summary: `${name} ${plural(countLines(text), 'line')}`, outputType, text, line }
  }
  if (outputType === 'error') {
    const ename = typeof output.ename === 'string' ? output.ename : 'Error'
    const evalue = typeof output.evalue === 'string' ? output.evalue : ''
    const text = evalue ? `${ename}: ${evalue}` : ename
    return { summary: `error ${oneLine(text)}`, outputType, text, line }
  }
  if (outputType === 'execute_result' || outputType === 'display_data') {
    const data = isObject(output.data) ? output.data : {}
    const parts: string[] = []
    const images: NonNullable<NotebookOutput['images']> = []
    let table: NotebookOutput['table']
    for (const [mime, value] of Object.entries(data)) {
      if (mime === 'text/plain') continue
      parts.push(describeMime(mime, value))
      if (mime.startsWith('image/') && !mime.includes('svg')) {
        const text = typeof value === 'string' || Array.isArray(value) ? joinText(value) : ''
        images.push({ mime, bytes: base64Bytes(text), digest: imageDigest(text) })
      }
      if (mime === 'text/html' && !table) {
        const shape = htmlTableShape(typeof value === 'string' || Array.isArray(value) ? joinText(value) : '')
        if (shape) table = shape
      }
    }
    const text = joinText(data['text/plain'])
    if ('text/plain' in data) parts.push(`text/plain ${plural(countLines(text), 'line')}`)
    return {
      summary: parts.join(', ') || `${outputType} (empty)`,
      outputType,
      text,
      line,
      ...(images.length ? { images } : {}),
      ...(table ? { table } : {})
    }
  }
  return { summary: outputType, outputType, text: '', line }
}

/** Where each line of an output's text sits in the file: one line per element of a list of lines, as Jupyter writes. */
function outputTextLines(
  raw: Json,
  node: Node | undefined,
  summary: NotebookOutput,
  lines: LineIndex,
  json: string
): number[] | undefined {
  const property = (n: Node | undefined, name: string): Node | undefined => jsonProperty(json, n, name)
  if (!node || !isObject(raw) || summary.text === '') return undefined
  const textNode =
    summary.outputType === 'stream'
      ? property(node, 'text')
      : summary.outputType === 'error'
        ? property(node, 'evalue')
        : property(property(node, 'data'), 'text/plain')
  if (!textNode) return undefined
  const count = countLines(summary.text) || 1
  if (textNode.type === 'string') return Array.from({ length: count }, () => lines.lineOf(textNode.offset))
  const elements = textNode.children ?? []
  const out: number[] = []
  for (const element of elements) {
    const value = jsonString(json, element) ?? ''
    const at = lines.lineOf(element.offset)
    // an element holding several lines puts them all on its own line of the file
    const inside = Math.max(1, value.split('\n').length - (value.endsWith('\n') ? 1 : 0))
    for (let i = 0; i < inside; i++) out.push(at)
  }
  while (out.length < count) out.push(out[out.length - 1] ?? lines.lineOf(textNode.offset))
  return out.slice(0, count)
}

/** Rows and columns of the first `<table>` of an HTML output (a displayed DataFrame). */
export function htmlTableShape(html: string): { rows: number; columns: number } | null {
  const start = html.search(/<table/i)
  if (start < 0) return null
  const end = html.indexOf('</table>', start)
  const table = html.slice(start, end < 0 ? undefined : end)
  const body = table.slice(Math.max(0, table.search(/<tbody/i)))
  const rows = body.match(/<tr[\s>]/gi) ?? []
  const firstRow = /<tr[\s>][\s\S]*?<\/tr>/i.exec(body)?.[0] ?? ''
  const columns = (firstRow.match(/<td[\s>]/gi) ?? []).length
  return { rows: rows.length, columns }
}

function imageDigest(text: string): string {
  const compacted = /sha1 ([0-9a-f]{40})\]$/.exec(text)
  if (compacted && COMPACTED_BLOB.test(text)) return compacted[1]
  return createHash('sha1').update(text.replace(/\s+/g, '')).digest('hex')
}

function describeMime(mime: string, value: Json): string {
  if (mime.includes('widget-view')) return `${mime} widget`
  const text = typeof value === 'string' || Array.isArray(value) ? joinText(value) : JSON.stringify(value)
  if (mime.startsWith('image/') && !mime.includes('svg')) return `${mime} ${formatBytes(base64Bytes(text))}`
  if (mime === 'text/html') {
    if (/<table/i.test(text)) return 'text/html table'
    if (/<img/i.test(text)) return 'text/html image'
    return `text/html ${formatBytes(text.length)}`
  }
  return `${mime} ${formatBytes(text.length)}`
}

function fingerprint(cell: JsonObject, outputs: Json[]): CellFingerprint {
  const counts: Json[] = [cell.execution_count ?? null]
  const stripped = outputs.map((output) => {
    if (!isObject(output) || !('execution_count' in output)) return output
    const { execution_count: count, ...rest } = output
    counts.push(count ?? null)
    return rest
  })
  return {
    outputs: JSON.stringify(stripped),
    executionCounts: JSON.stringify(counts),
    metadata: JSON.stringify(cell.metadata ?? null)
  }
}

// ---------------------------------------------------------------------------------------------
// Alignment

export type Pairing =
  | { kind: 'same'; base: number; head: number }
  | { kind: 'modified'; base: number; head: number }
  | { kind: 'moved'; base: number; head: number; modified: boolean }
  | { kind: 'added'; head: number }
  | { kind: 'removed'; base: number }

const cellKey = (cell: NotebookCell): string => `${cell.type}\u0000${cell.source}`

const isHuge = (cell: NotebookCell): boolean =>
  cell.source.length > MAX_CELL_CHARS || cell.sourceLines.length > MAX_CELL_LINES

/** Pairs base and head cells: by id when both sides carry the same ids, else by sequence alignment of sources. */
export function alignCells(base: NotebookCell[], head: NotebookCell[]): Pairing[] {
  return usableIds(base, head) ? alignById(base, head) : alignBySource(base, head)
}

function usableIds(base: NotebookCell[], head: NotebookCell[]): boolean {
  if (base.length === 0 || head.length === 0) return false
  const ids = (cells: NotebookCell[]): Set<string> | null => {
    const set = new Set<string>()
    for (const cell of cells) {
      if (!cell.id || set.has(cell.id)) return null
      set.add(cell.id)
    }
    return set
  }
  const baseIds = ids(base)
  const headIds = ids(head)
  if (!baseIds || !headIds) return false
  let shared = 0
  for (const id of headIds) if (baseIds.has(id)) shared++
  // Regenerated ids (a tool rewrote them all) would make every cell look new.
  return shared * 2 >= Math.min(base.length, head.length)
}

function alignById(base: NotebookCell[], head: NotebookCell[]): Pairing[] {
  const baseById = new Map(base.map((cell) => [cell.id as string, cell.index]))
  const matched = head
    .map((cell) => ({ head: cell.index, base: baseById.get(cell.id as string) }))
    .filter((m): m is { head: number; base: number } => m.base !== undefined)
  const inOrder = longestIncreasing(matched.map((m) => m.base))
  const stayed = new Set(inOrder.map((i) => matched[i].head))
  const pairs: Pairing[] = []
  const baseUsed = new Set(matched.map((m) => m.base))
  const headUsed = new Set(matched.map((m) => m.head))
  for (const m of matched) {
    const changed = base[m.base].source !== head[m.head].source
    if (stayed.has(m.head)) pairs.push({ kind: changed ? 'modified' : 'same', base: m.base, head: m.head })
    else pairs.push({ kind: 'moved', base: m.base, head: m.head, modified: changed })
  }
  const removed = base.filter((c) => !baseUsed.has(c.index)).map((c) => c.index)
  const added = head.filter((c) => !headUsed.has(c.index)).map((c) => c.index)
  // Cells whose id changed are paired like a source run.
  pairs.push(...pairRun(base, head, removed, added))
  return sortPairings(pairs)
}

function alignBySource(base: NotebookCell[], head: NotebookCell[]): Pairing[] {
  const changes = diffArrays(base.map(cellKey), head.map(cellKey))
  const pairs: Pairing[] = []
  // Each run of removed/added cells between unchanged anchors is paired on its own.
  const runs: { removed: number[]; added: number[] }[] = []
  let run = { removed: [] as number[], added: [] as number[] }
  let b = 0
  let h = 0
  for (const change of changes) {
    if (change.removed) for (let i = 0; i < change.count; i++) run.removed.push(b++)
    else if (change.added) for (let i = 0; i < change.count; i++) run.added.push(h++)
    else {
      if (run.removed.length || run.added.length) runs.push(run)
      run = { removed: [], added: [] }
      for (let i = 0; i < change.count; i++) pairs.push({ kind: 'same', base: b++, head: h++ })
    }
  }
  if (run.removed.length || run.added.length) runs.push(run)
  // Identical cells that left one place and appeared in another were moved, not rewritten.
  const moves = findMoves(
    base,
    head,
    runs.flatMap((r) => r.removed),
    runs.flatMap((r) => r.added)
  )
  const movedBase = new Set(moves.map((m) => m.base))
  const movedHead = new Set(moves.map((m) => m.head))
  for (const m of moves) pairs.push({ kind: 'moved', base: m.base, head: m.head, modified: false })
  for (const r of runs) {
    const removed = r.removed.filter((i) => !movedBase.has(i))
    const added = r.added.filter((i) => !movedHead.has(i))
    pairs.push(...pairRun(base, head, removed, added))
  }
  return sortPairings(pairs)
}

/** Removed and added cells with identical, non-blank source elsewhere in the notebook were moved. */
function findMoves(
  base: NotebookCell[],
  head: NotebookCell[],
  removed: number[],
  added: number[]
): { base: number; head: number }[] {
  const byKey = new Map<string, number[]>()
  for (const b of removed) {
    if (base[b].source.trim() === '') continue
    const key = cellKey(base[b])
    const list = byKey.get(key)
    if (list) list.push(b)
    else byKey.set(key, [b])
  }
  const moves: { base: number; head: number }[] = []
  for (const h of added) {
    const b = byKey.get(cellKey(head[h]))?.shift()
    if (b !== undefined) moves.push({ base: b, head: h })
  }
  return moves
}

/** Pairs one block of removed and added cells: order-preserving, by similarity, same cell type. */
function pairRun(base: NotebookCell[], head: NotebookCell[], removed: number[], added: number[]): Pairing[] {
  const out: Pairing[] = []
  if (removed.length === 0 || added.length === 0) {
    for (const b of removed) out.push({ kind: 'removed', base: b })
    for (const h of added) out.push({ kind: 'added', head: h })
    return out
  }
  const n = removed.length
  const m = added.length
  const matchedPairs: [number, number][] = []
  if (n * m > MAX_PAIRING_MATRIX) {
    // Too big to score every pair: pair by position where the types agree.
    for (let i = 0; i < Math.min(n, m); i++) {
      if (base[removed[i]].type === head[added[i]].type) matchedPairs.push([i, i])
    }
  } else {
    const baseTokens = removed.map((b) => tokenCounts(base[b]))
    const headTokens = added.map((h) => tokenCounts(head[h]))
    const score = (i: number, j: number): number => {
      if (base[removed[i]].type !== head[added[j]].type) return 0
      const s = similarity(baseTokens[i], headTokens[j])
      // A one-for-one replacement at the same place is a modification unless nothing survived.
      const threshold = n === 1 && m === 1 ? 0.1 : MODIFIED_SIMILARITY
      return s >= threshold ? s : 0
    }
    // Max-weight order-preserving matching (weighted LCS).
    const dp: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1))
    const scores: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m))
    for (let i = 1; i <= n; i++) {
      for (let j = 1; j <= m; j++) {
        const s = score(i - 1, j - 1)
        scores[i - 1][j - 1] = s
        dp[i][j] = Math.max(dp[i - 1][j], dp[i][j - 1], s > 0 ? dp[i - 1][j - 1] + s : 0)
      }
    }
    let i = n
    let j = m
    while (i > 0 && j > 0) {
      const s = scores[i - 1][j - 1]
      if (s > 0 && dp[i][j] === dp[i - 1][j - 1] + s) {
        matchedPairs.push([i - 1, j - 1])
        i--
        j--
      } else if (dp[i][j] === dp[i - 1][j]) i--
      else j--
    }
  }
  const usedBase = new Set(matchedPairs.map(([i]) => i))
  const usedHead = new Set(matchedPairs.map(([, j]) => j))
  for (const [i, j] of matchedPairs) {
    const same = base[removed[i]].source === head[added[j]].source
    out.push({ kind: same ? 'same' : 'modified', base: removed[i], head: added[j] })
  }
  removed.forEach((b, i) => usedBase.has(i) || out.push({ kind: 'removed', base: b }))
  added.forEach((h, j) => usedHead.has(j) || out.push({ kind: 'added', head: h }))
  return out
}

function tokenCounts(cell: NotebookCell): Map<string, number> {
  const counts = new Map<string, number>()
  if (isHuge(cell)) return counts
  for (const token of cell.source.match(/[A-Za-z0-9_]+|[^\sA-Za-z0-9_]/g) ?? []) {
    counts.set(token, (counts.get(token) ?? 0) + 1)
  }
  return counts
}

/** Dice coefficient of two token multisets. */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0
  let sizeB = 0
  let common = 0
  for (const count of a.values()) sizeA += count
  for (const [token, count] of b) {
    sizeB += count
    common += Math.min(count, a.get(token) ?? 0)
  }
  if (sizeA === 0 && sizeB === 0) return 1
  return (2 * common) / (sizeA + sizeB)
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = []
  const previous: number[] = new Array<number>(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]] < values[i]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]
    tails[lo] = i
  }
  const result: number[] = []
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) result.push(i)
  return result.reverse()
}

/** Head order; removed cells sit just before the head cell that followed them in the base. */
function sortPairings(pairs: Pairing[]): Pairing[] {
  const headSide = pairs
    .filter((p): p is Exclude<Pairing, { kind: 'removed' }> => p.kind !== 'removed')
    .sort((a, b) => a.head - b.head)
  const removed = pairs
    .filter((p): p is Extract<Pairing, { kind: 'removed' }> => p.kind === 'removed')
    .sort((a, b) => a.base - b.base)
  const result: Pairing[] = []
  let next = 0
  for (const p of headSide) {
    if (p.kind === 'same' || p.kind === 'modified') {
      while (next < removed.length && removed[next].base < p.base) result.push(removed[next++])
    }
    result.push(p)
  }
  while (next < removed.length) result.push(removed[next++])
  return result
}

// ---------------------------------------------------------------------------------------------
// Diff

/** Review-friendly diff of a notebook: changed cells with source diffs; output/metadata churn in one line each. */
export function diffNotebook(path: string, before: string | null, after: string | null): FileDiff {
  const notes: string[] = []
  const base = tryParse(before, 'before', notes)
  const head = tryParse(after, 'after', notes)
  if (base === 'failed' || head === 'failed') return textFallback(path, before, after, base, head, notes)
  if (!base && !head)
    return { path, kind: 'notebook', summary: 'No notebook content on either side.', changedLines: [], notes }
  if (!head) return deletedNotebook(path, base as NotebookInternal, notes)

  const baseCells = base ? base.notebook.cells : []
  const headCells = head.notebook.cells
  const pairs = alignCells(baseCells, headCells)
  const lines: string[] = []
  const blocks: string[] = []
  const changedLines = new Set<number>()
  const counts = { added: 0, removed: 0, moved: 0, modified: 0 }
  const outputsChanged: number[] = []
  const outputsCleared: number[] = []
  const countsChanged: number[] = []
  const metadataChanged: number[] = []
  const outputLines: string[] = []

  for (const pair of pairs) {
    if (pair.kind === 'added') {
      counts.added++
      const cell = headCells[pair.head]
      lines.push(
        `- ${cellLabel(cell)} added: ${plural(cell.source === '' ? 0 : cell.sourceLines.length, 'line')} (line ${cell.sourceLines[0]})`
      )
      const shown = outputChange(null, cell.outputs)
      if (shown) lines.push(`  - ${shown}`)
      blocks.push(cellBlock(`${cellLabel(cell)} added`, null, cell, changedLines, notes))
      continue
    }
    if (pair.kind === 'removed') {
      counts.removed++
      const cell = baseCells[pair.base]
      lines.push(
        `- ${cellLabel(cell)} removed (base numbering): ${plural(cell.source === '' ? 0 : cell.sourceLines.length, 'line')}`
      )
      if (base) blocks.push(cellBlock(`${cellLabel(cell)} removed (base numbering)`, cell, null, changedLines, notes))
      continue
    }
    const from = baseCells[pair.base]
    const to = headCells[pair.head]
    const sourceChanged = from.source !== to.source || from.type !== to.type
    const baseFp = (base as NotebookInternal).fingerprints[pair.base]
    const headFp = head.fingerprints[pair.head]
    const outputsDiffer = baseFp.outputs !== headFp.outputs
    if (pair.kind === 'moved') {
      counts.moved++
      const how = sourceChanged ? ' and modified' : ''
      lines.push(`- ${cellLabel(to)} moved from cell ${from.index + 1}${how} (line ${to.sourceLines[0]})`)
      if (sourceChanged)
        blocks.push(
          cellBlock(`${cellLabel(to)} moved from cell ${from.index + 1}, modified`, from, to, changedLines, notes)
        )
      continue
    }
    if (sourceChanged) {
      counts.modified++
      const { added, removed } = lineCounts(from.source, to.source)
      const typeChange = from.type !== to.type ? `, was ${from.type}` : ''
      const outputs = outputsDiffer ? ', outputs changed' : ''
      lines.push(
        `- ${cellLabel(to)} modified: +${added} −${removed} lines${typeChange}${outputs} (line ${to.sourceLines[0]})`
      )
      const change = outputsDiffer ? outputChange(from.outputs, to.outputs) : null
      if (change) lines.push(`  - ${change}`)
      blocks.push(cellBlock(`${cellLabel(to)} modified`, from, to, changedLines, notes))
      continue
    }
    if (outputsDiffer) {
      if (to.outputs.length === 0) outputsCleared.push(to.index + 1)
      else outputsChanged.push(to.index + 1)
      const change = outputChange(from.outputs, to.outputs)
      if (change) outputLines.push(`  - cell ${to.index + 1}: ${change}`)
    } else if (baseFp.executionCounts !== headFp.executionCounts) countsChanged.push(to.index + 1)
    if (baseFp.metadata !== headFp.metadata) metadataChanged.push(to.index + 1)
  }

  const total = outputsChanged.length + outputsCleared.length
  if (total > 0) {
    const cleared = outputsCleared.length ? `; cleared in ${outputsCleared.length}` : ''
    lines.push(
      `- outputs changed in ${plural(total, 'cell')} (no source change${cleared}): ${cellList([...outputsChanged, ...outputsCleared])}`
    )
    lines.push(...outputLines.slice(0, MAX_OUTPUT_LINES))
    if (outputLines.length > MAX_OUTPUT_LINES)
      lines.push(`  - … and ${outputLines.length - MAX_OUTPUT_LINES} more cells`)
  }
  if (countsChanged.length)
    lines.push(`- execution counts changed in ${plural(countsChanged.length, 'cell')} (nothing else changed)`)
  if (metadataChanged.length)
    lines.push(`- cell metadata changed in ${plural(metadataChanged.length, 'cell')}: ${cellList(metadataChanged)}`)
  if (base && base.metadata !== head.metadata)
    lines.push('- notebook metadata changed (kernel, language or widget state)')

  const header = base
    ? `Notebook: ${headCells.length} cells (was ${baseCells.length}); ${counts.modified} modified, ${counts.added} added, ${counts.removed} removed, ${counts.moved} moved.`
    : `New notebook: ${headCells.length} cells (${typeCounts(headCells)}).`
  const noSource = base && counts.added + counts.removed + counts.modified + counts.moved === 0
  const summary = [header, ...(noSource ? ['No cell source changed.'] : []), ...capList(lines)].join('\n')
  return {
    path,
    kind: 'notebook',
    summary,
    ...(blocks.length ? { cells: blocks.join('\n\n') } : {}),
    changedLines: [...changedLines].sort((a, b) => a - b),
    notes
  }
}

function tryParse(text: string | null, side: string, notes: string[]): NotebookInternal | null | 'failed' {
  if (text === null) return null
  try {
    return parseInternal(text)
  } catch (error) {
    notes.push(`${side}: ${(error as Error).message}`)
    return 'failed'
  }
}

function cellLabel(cell: NotebookCell): string {
  return `cell ${cell.index + 1} (${cell.type})`
}

function typeCounts(cells: NotebookCell[]): string {
  const code = cells.filter((c) => c.type === 'code').length
  const markdown = cells.filter((c) => c.type === 'markdown').length
  const raw = cells.length - code - markdown
  return [`${code} code`, `${markdown} markdown`, ...(raw ? [`${raw} raw`] : [])].join(', ')
}

function cellList(numbers: number[], max = 12): string {
  const sorted = [...numbers].sort((a, b) => a - b)
  const shown = sorted.slice(0, max).join(', ')
  return `cells ${shown}${sorted.length > max ? `, … (${sorted.length - max} more)` : ''}`
}

function capList(lines: string[]): string[] {
  if (lines.length <= MAX_SUMMARY_CELLS) return lines
  return [...lines.slice(0, MAX_SUMMARY_CELLS), `- … and ${lines.length - MAX_SUMMARY_CELLS} more`]
}

function lineCounts(before: string, after: string): { added: number; removed: number } {
  if (before.length + after.length > 2 * MAX_CELL_CHARS)
    return { added: countLines(after), removed: countLines(before) }
  const patch = structuredPatch('', '', before, after, undefined, undefined, {
    context: 0,
    maxEditLength: MAX_CELL_LINES
  })
  if (!patch) return { added: countLines(after), removed: countLines(before) }
  let added = 0
  let removed = 0
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added++
      else if (line.startsWith('-')) removed++
    }
  }
  return { added, removed }
}

/** `#### cell N (type) …` and a fenced unified diff of the cell source; records head lines that changed. */
function cellBlock(
  title: string,
  from: NotebookCell | null,
  to: NotebookCell | null,
  changedLines: Set<number>,
  notes: string[]
): string {
  const line = to ? ` — line ${to.sourceLines[0]}` : ''
  const heading = `#### ${title}${line}`
  const huge = (from && isHuge(from)) || (to && isHuge(to))
  if (huge) {
    const size = Math.max(from?.sourceLines.length ?? 0, to?.sourceLines.length ?? 0)
    notes.push(`${title}: source too large to diff (${size} lines); reported as changed without a line diff`)
    return `${heading}\n(source too large to diff: ${size} lines)`
  }
  const oldSource = from ? omitBlobs(from.source) : ''
  const newSource = to ? omitBlobs(to.source) : ''
  const body: string[] = []
  if (!from || !to) {
    // A whole cell added or removed: every line is one side.
    const cell = (to ?? from) as NotebookCell
    const sign = to ? '+' : '-'
    const text = to ? newSource : oldSource
    const sourceLines = text === '' ? [] : text.split('\n')
    if (sourceLines.length > 1 && sourceLines[sourceLines.length - 1] === '') sourceLines.pop()
    body.push(`@@ ${sign}1,${sourceLines.length} @@`)
    sourceLines.forEach((l, i) => {
      body.push(sign + l)
      if (to) changedLines.add(cell.sourceLines[i])
    })
  } else {
    const patch = structuredPatch('', '', ensureNewline(oldSource), ensureNewline(newSource), undefined, undefined, {
      context: 3,
      maxEditLength: MAX_CELL_LINES
    })
    if (!patch) {
      notes.push(`${title}: too many changed lines to diff; reported as changed`)
      return `${heading}\n(too many changed lines to diff)`
    }
    for (const hunk of patch.hunks) {
      body.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`)
      let headLine = hunk.newStart
      for (const l of hunk.lines) {
        if (l.startsWith('\\')) continue
        body.push(l)
        if (l.startsWith('+'))
          changedLines.add(to.sourceLines[headLine - 1] ?? to.sourceLines[to.sourceLines.length - 1])
        if (!l.startsWith('-')) headLine++
      }
    }
  }
  const shown = body.slice(0, MAX_CELL_DIFF_LINES).join('\n') + '\n'
  const more =
    body.length > MAX_CELL_DIFF_LINES ? `… ${body.length - MAX_CELL_DIFF_LINES} more diff lines not shown\n` : ''
  return `${heading}\n${fenced(truncateLines(shown, MAX_CELL_DIFF_CHARS) + more, 'diff')}`
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text + '\n'
}

function deletedNotebook(path: string, base: NotebookInternal, notes: string[]): FileDiff {
  const cells = base.notebook.cells
  const lines = cells.map(
    (cell) => `- ${cellLabel(cell)} removed: ${plural(cell.source === '' ? 0 : cell.sourceLines.length, 'line')}`
  )
  const summary = [`Notebook deleted: it had ${cells.length} cells (${typeCounts(cells)}).`, ...capList(lines)].join(
    '\n'
  )
  return { path, kind: 'notebook', summary, changedLines: [], notes }
}

/** When a side is not a readable notebook: a size-capped text diff with binary data left out. */
function textFallback(
  path: string,
  before: string | null,
  after: string | null,
  base: NotebookInternal | null | 'failed',
  head: NotebookInternal | null | 'failed',
  notes: string[]
): FileDiff {
  const oldText = before === null ? null : omitBlobs(before)
  const newText = after === null ? null : omitBlobs(after)
  const failed = [base === 'failed' ? 'before' : '', head === 'failed' ? 'after' : ''].filter(Boolean).join(' and ')
  notes.push(`${failed} could not be read as a notebook: compared as text (base64 data left out)`)
  const headCells = head && head !== 'failed' ? ` The head notebook has ${head.notebook.cells.length} cells.` : ''
  return {
    path,
    kind: 'notebook',
    summary: `Compared as text: ${failed} is not a readable notebook.${headCells}`,
    patch: unifiedDiff(path, oldText, newText),
    changedLines: changedHeadLines(oldText, newText),
    notes
  }
}
