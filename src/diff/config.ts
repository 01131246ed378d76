// Training configs as flattened keys (`training.optimizer.lr`), so a diff reads as hyperparameter changes.
import {
  MAX_ANALYSED_CHARS,
  MAX_CONFIG_DEPTH,
  MAX_CONFIG_ENTRIES,
  MAX_YAML_ALIAS_EXPANSIONS,
  MAX_YAML_NODE_VISITS
} from '../bounds.js'
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import { parse as parseToml } from 'smol-toml'
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type YAMLMap
} from 'yaml'
import { indentQuotedContinuations } from './yaml-lenient.js'
import type { ConfigEntry, FileDiff } from '../types.js'
import { codeSpan, omitBlobs } from './blob.js'
import { standardJson } from './json.js'
import { redactSecrets, secretKindOfName } from './redact.js'
import { LineIndex, changedHeadLines, unifiedDiff } from './text.js'
import { TextCache } from './text-cache.js'

export { MAX_CONFIG_ENTRIES }
/** Change lines listed in the summary before "… and N more". */
export const MAX_SUMMARY_CHANGES = 200
/** Longest value shown in the summary. */
const MAX_VALUE_CHARS = 120

/** A flattened leaf plus the value as written in the file (numbers keep their spelling: `2.0e-05`). */
interface RawEntry extends ConfigEntry {
  raw?: string
}

export function isConfigPath(path: string): boolean {
  return /\.(ya?ml|json|toml)$/i.test(path)
}

type Format = 'yaml' | 'json' | 'toml'

function formatOf(path: string): Format {
  const lower = path.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.toml')) return 'toml'
  return 'yaml'
}

/** Flattened leaves of a YAML (all documents), JSON or TOML config; throws when the text does not parse. */
export function parseConfigEntries(path: string, text: string): ConfigEntry[] {
  return parseRaw(path, text).map(({ key, value, line }) => ({ key, value, line }))
}

/** The diff, the checks and the secret scan each read every config: it is parsed once per run (a failure too). */
const parses = new Map<Format, TextCache<RawEntry[] | Error>>()

function parseRaw(path: string, text: string): RawEntry[] {
  const format = formatOf(path)
  let cache = parses.get(format)
  if (!cache) parses.set(format, (cache = new TextCache()))
  const result = cache.get(text, (t) => {
    try {
      return parseUncached(format, t)
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  })
  if (result instanceof Error) throw result
  return result
}

function parseUncached(format: Format, text: string): RawEntry[] {
  const out = new Entries()
  if (format === 'json') flattenJson(text, out)
  else if (format === 'toml') flattenToml(text, out)
  else flattenYaml(text, out)
  return out.list()
}

/** Ordered leaves; a repeated key keeps the last value (as YAML and JSON loaders do). */
class Entries {
  private readonly byKey = new Map<string, RawEntry>()

  add(entry: RawEntry): void {
    if (this.byKey.size >= MAX_CONFIG_ENTRIES) {
      throw new Error(`more than ${MAX_CONFIG_ENTRIES} keys: too large to compare key by key`)
    }
    this.byKey.delete(entry.key)
    this.byKey.set(entry.key, entry)
  }

  list(): RawEntry[] {
    return [...this.byKey.values()]
  }
}

const join = (prefix: string, key: string): string => (prefix ? `${prefix}.${key}` : key)
const index = (prefix: string, i: number): string => `${prefix}[${i}]`

// --- YAML -------------------------------------------------------------------------------------

function flattenYaml(text: string, out: Entries): void {
  const parse = (source: string): { list: Document.Parsed[]; lineCounter: LineCounter } => {
    const lineCounter = new LineCounter()
    const docs = parseAllDocuments(source, { lineCounter, uniqueKeys: false })
    return { list: Array.isArray(docs) ? docs : [], lineCounter }
  }
  const firstError = (list: Document.Parsed[]): string | undefined => list.find((d) => d.errors[0])?.errors[0].message
  let { list, lineCounter } = parse(text)
  const error = firstError(list)
  if (error !== undefined) {
    // read as PyYAML reads it, where it is laxer (`src/diff/yaml-lenient.ts`); the first error is the one to name
    const lenient = indentQuotedContinuations(text)
    const again = lenient === null ? null : parse(lenient)
    if (!again || firstError(again.list) !== undefined) throw new Error(`not valid YAML: ${error.split('\n')[0]}`)
    ;({ list, lineCounter } = again)
  }
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line
  const budget: YamlBudget = { aliases: 0, visits: 0, resolved: new Map(), items: new Map() }
  list.forEach((doc, n) => {
    const prefix = list.length > 1 && n >= 1 ? `doc${n}` : ''
    const contents = doc.contents
    if (contents === null) return
    budget.resolved = resolveAliases(doc)
    walkYaml(doc, contents, prefix, lineOf(contents.range?.[0] ?? 0), lineOf, out, 0, budget)
  })
}

/**
 * What every alias of a document points at (the last anchor of its name before it), in one visit: `Alias.resolve`
 * visits the whole document for each call, which a file of many aliases turns into quadratic work.
 */
function resolveAliases(doc: Document.Parsed): Map<unknown, unknown> {
  const anchors = new Map<string, unknown>()
  const resolved = new Map<unknown, unknown>()
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) resolved.set(node, anchors.get(node.source))
      else if (node.anchor) anchors.set(node.anchor, node)
    }
  })
  return resolved
}

/** Work done on one YAML side so far: an alias bomb stops here, whatever the keys collapse to. */
interface YamlBudget {
  aliases: number
  visits: number
  resolved: Map<unknown, unknown>
  /** each mapping's pairs with merges expanded */
  items: Map<unknown, MapItem[]>
}

interface MapItem {
  name: string
  keyNode: unknown
  value: unknown
}

const keyName = (keyNode: unknown): string => (isScalar(keyNode) ? String(keyNode.value) : String(keyNode))

/**
 * A mapping's own pairs with its merge keys (`<<: *base`, `<<: [*a, *b]`) expanded, in file order: its own keys win,
 * then earlier merged maps over later ones (YAML 1.1 merge). Computed once per mapping, so a chain of maps that each
 * merge the previous one many times costs linear work, not exponential.
 */
function mapItems(node: YAMLMap, budget: YamlBudget, depth: number): MapItem[] {
  const cached = budget.items.get(node)
  if (cached) return cached
  if (depth > MAX_CONFIG_DEPTH) throw new Error(`YAML merges nested more than ${MAX_CONFIG_DEPTH} levels deep`)
  // a map that merges itself (through an alias inside it) contributes nothing to itself
  budget.items.set(node, [])
  const own = new Set<string>()
  for (const pair of node.items) if (!isMergeKey(pair.key)) own.add(keyName(pair.key))
  const taken = new Set(own)
  const out: MapItem[] = []
  for (const pair of node.items) {
    if (!isMergeKey(pair.key)) {
      out.push({ name: keyName(pair.key), keyNode: pair.key, value: pair.value })
      continue
    }
    for (const source of isSeq(pair.value) ? pair.value.items : [pair.value]) {
      if (isAlias(source)) expandAlias(budget)
      const merged = isAlias(source) ? budget.resolved.get(source) : source
      if (!isMap(merged)) continue
      for (const item of mapItems(merged, budget, depth + 1)) {
        if (taken.has(item.name)) continue
        taken.add(item.name)
        out.push(item)
      }
    }
  }
  budget.items.set(node, out)
  return out
}

const isMergeKey = (keyNode: unknown): boolean => isScalar(keyNode) && keyNode.value === '<<' && keyNode.source === '<<'

function expandAlias(budget: YamlBudget): void {
  if (++budget.aliases > MAX_YAML_ALIAS_EXPANSIONS) {
    throw new Error(`more than ${MAX_YAML_ALIAS_EXPANSIONS} alias or merge expansions (an alias bomb?)`)
  }
}

function walkYaml(
  doc: Document.Parsed,
  node: unknown,
  key: string,
  line: number,
  lineOf: (offset: number) => number,
  out: Entries,
  depth: number,
  budget: YamlBudget
): void {
  if (depth > MAX_CONFIG_DEPTH) throw new Error(`YAML nested more than ${MAX_CONFIG_DEPTH} levels deep`)
  if (++budget.visits > MAX_YAML_NODE_VISITS) {
    throw new Error(`more than ${MAX_YAML_NODE_VISITS} YAML nodes once aliases are expanded`)
  }
  if (isAlias(node)) {
    expandAlias(budget)
    walkYaml(doc, budget.resolved.get(node), key, line, lineOf, out, depth + 1, budget)
    return
  }
  if (isMap(node)) {
    if (node.items.length === 0) {
      out.add({ key: key || '(root)', value: {}, line, raw: '{}' })
      return
    }
    for (const item of mapItems(node, budget, depth)) {
      const keyLine = lineOf(rangeStart(item.keyNode) ?? rangeStart(item.value) ?? 0)
      walkYaml(doc, item.value, join(key, item.name), keyLine, lineOf, out, depth + 1, budget)
    }
    return
  }
  if (isSeq(node)) {
    if (node.items.length === 0) {
      out.add({ key: key || '(root)', value: [], line, raw: '[]' })
      return
    }
    node.items.forEach((item, i) => {
      const itemLine = lineOf(rangeStart(item) ?? 0) || line
      walkYaml(doc, item, index(key, i), itemLine, lineOf, out, depth + 1, budget)
    })
    return
  }
  if (isPair(node)) {
    walkYaml(doc, node.value, key, line, lineOf, out, depth + 1, budget)
    return
  }
  if (isScalar(node)) {
    const source = typeof node.source === 'string' ? node.source : undefined
    // Plain scalars keep their spelling (2.0e-05, True, ~); an empty value reads as empty, not "null".
    const raw = node.type === 'PLAIN' && source !== undefined ? (source === '' ? '(empty)' : source) : undefined
    out.add({ key: key || '(root)', value: node.value, line, raw })
    return
  }
  out.add({ key: key || '(root)', value: null, line, raw: '(empty)' })
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range
  return range ? range[0] : undefined
}

// --- JSON -------------------------------------------------------------------------------------

function flattenJson(text: string, out: Entries): void {
  const errors: ParseError[] = []
  // Python's json (and so most training code) reads NaN/Infinity: parse them, keep their value by offset
  const standard = standardJson(text)
  const constants = new Map(standard.constants.map((c) => [c.offset, c.value]))
  const root = parseTree(standard.text, errors, { allowTrailingComma: true, disallowComments: false })
  const lines = new LineIndex(text)
  const error = errors[0]
  if (error) {
    const at = lines.lineOf(error.offset)
    throw new Error(`not valid JSON: ${printParseErrorCode(error.error)} at line ${at}`)
  }
  if (!root) throw new Error('not valid JSON: empty file')
  walkJson(root, '', lines.lineOf(root.offset), text, lines, out, constants)
}

function walkJson(
  node: Node,
  key: string,
  line: number,
  text: string,
  lines: LineIndex,
  out: Entries,
  constants: Map<number, number>
): void {
  const children = node.children ?? []
  if (node.type === 'object') {
    if (children.length === 0) return out.add({ key: key || '(root)', value: {}, line, raw: '{}' })
    for (const prop of children) {
      const [keyNode, valueNode] = prop.children ?? []
      if (!keyNode || !valueNode) continue
      walkJson(valueNode, join(key, String(keyNode.value)), lines.lineOf(keyNode.offset), text, lines, out, constants)
    }
    return
  }
  if (node.type === 'array') {
    if (children.length === 0) return out.add({ key: key || '(root)', value: [], line, raw: '[]' })
    children.forEach((child, i) =>
      walkJson(child, index(key, i), lines.lineOf(child.offset), text, lines, out, constants)
    )
    return
  }
  const raw = node.type === 'number' ? text.slice(node.offset, node.offset + node.length) : undefined
  const value = constants.has(node.offset) ? constants.get(node.offset) : (node.value as unknown)
  out.add({ key: key || '(root)', value, line, raw })
}

// --- TOML -------------------------------------------------------------------------------------

function flattenToml(text: string, out: Entries): void {
  let data: Record<string, unknown>
  try {
    // tomllib reads any 64-bit integer (and beyond): those past 2^53 stay exact as bigint
    data = parseToml(text, { integersAsBigInt: 'asNeeded' })
  } catch (error) {
    throw new Error(`not valid TOML: ${(error as Error).message.split('\n')[0]}`, { cause: error })
  }
  const located = locateTomlKeys(text)
  const leaves: { key: string; value: unknown }[] = []
  flattenObject(data, '', leaves)
  for (const { key, value } of leaves) {
    const found = findTomlLine(located, key)
    out.add({ key, value, line: found.line, raw: found.exact ? found.raw : undefined })
  }
}

function flattenObject(value: unknown, key: string, out: { key: string; value: unknown }[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push({ key: key || '(root)', value: [] })
    value.forEach((item, i) => flattenObject(item, index(key, i), out))
    return
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value)
    if (entries.length === 0) out.push({ key: key || '(root)', value: {} })
    for (const [k, v] of entries) flattenObject(v, join(key, k), out)
    return
  }
  out.push({ key: key || '(root)', value })
}

const TOML_KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`
const TOML_DOTTED = String.raw`${TOML_KEY_PART}(?:\s*\.\s*${TOML_KEY_PART})*`
const TOML_TABLE = new RegExp(String.raw`^\s*\[\s*(${TOML_DOTTED})\s*\]\s*(?:#.*)?$`)
const TOML_ARRAY_TABLE = new RegExp(String.raw`^\s*\[\[\s*(${TOML_DOTTED})\s*\]\]\s*(?:#.*)?$`)
const TOML_ASSIGNMENT = new RegExp(String.raw`^\s*(${TOML_DOTTED})\s*=\s*(.*)$`)
const TOML_NUMBER =
  /^([+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|inf|nan|\d[\d_]*(?:\.[\d_]+)?(?:[eE][+-]?[\d_]+)?))\s*(?:#.*)?$/

function splitTomlKey(dotted: string): string[] {
  const parts = dotted.match(new RegExp(TOML_KEY_PART, 'g')) ?? []
  return parts.map((part) => {
    if (part.startsWith('"')) {
      try {
        return JSON.parse(part) as string
      } catch {
        return part.slice(1, -1)
      }
    }
    return part.startsWith("'") ? part.slice(1, -1) : part
  })
}

/** Line (and number spelling) of every `key = value` and table header, by the flattened path it defines. */
function locateTomlKeys(text: string): Map<string, { line: number; raw?: string }> {
  const located = new Map<string, { line: number; raw?: string }>()
  const arrayCounts = new Map<string, number>()
  let table = ''
  let inMultiline: string | null = null
  const resolve = (segments: string[], appendLast: boolean): string => {
    let path = ''
    segments.forEach((segment, i) => {
      path = join(path, segment)
      const count = arrayCounts.get(path)
      if (count !== undefined && (i < segments.length - 1 || appendLast)) path = index(path, count - 1)
    })
    return path
  }
  text.split('\n').forEach((rawLine, i) => {
    const lineNo = i + 1
    const line = rawLine.replace(/\r$/, '')
    if (inMultiline) {
      if (countOf(line, inMultiline) % 2 === 1) inMultiline = null
      return
    }
    const arrayTable = TOML_ARRAY_TABLE.exec(line)
    if (arrayTable) {
      const name = resolve(splitTomlKey(arrayTable[1]), false)
      const count = (arrayCounts.get(name) ?? 0) + 1
      arrayCounts.set(name, count)
      table = index(name, count - 1)
      if (!located.has(table)) located.set(table, { line: lineNo })
      return
    }
    const header = TOML_TABLE.exec(line)
    if (header) {
      table = resolve(splitTomlKey(header[1]), true)
      if (!located.has(table)) located.set(table, { line: lineNo })
      return
    }
    const assignment = TOML_ASSIGNMENT.exec(line)
    if (!assignment) return
    const key = join(table, splitTomlKey(assignment[1]).join('.'))
    const value = assignment[2].trim()
    const number = TOML_NUMBER.exec(value)
    if (!located.has(key)) located.set(key, { line: lineNo, raw: number ? number[1] : undefined })
    for (const quote of ['"""', "'''"]) {
      if (countOf(value, quote) % 2 === 1) inMultiline = quote
    }
  })
  return located
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1
}

/** The key's own line, else the line of its nearest located parent (inline tables and arrays). */
function findTomlLine(
  located: Map<string, { line: number; raw?: string }>,
  key: string
): { line: number; raw?: string; exact: boolean } {
  const exact = located.get(key)
  if (exact) return { ...exact, exact: true }
  let path = key
  while (path) {
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))
    if (cut <= 0) break
    path = path.slice(0, cut)
    const found = located.get(path)
    if (found) return { line: found.line, exact: false }
  }
  return { line: 1, exact: false }
}

// --- Diff -------------------------------------------------------------------------------------

type Change =
  | { type: 'changed'; from: RawEntry; to: RawEntry }
  | { type: 'added'; to: RawEntry }
  | { type: 'removed'; from: RawEntry }
  | { type: 'moved'; from: RawEntry; to: RawEntry }

/** Compares flattened keys; a side that does not parse makes it a text diff with a note. */
export function diffConfig(path: string, before: string | null, after: string | null): FileDiff {
  const notes: string[] = []
  const patch = omitBlobs(unifiedDiff(path, before, after))
  const base = tryParse(path, before, 'before', notes)
  const head = tryParse(path, after, 'after', notes)
  if (base === 'failed' || head === 'failed') {
    const failed = [base === 'failed' ? 'before' : '', head === 'failed' ? 'after' : ''].filter(Boolean).join(' and ')
    const lines = changedHeadLines(before, after)
    return {
      path,
      kind: 'config',
      summary: `Compared as text: ${failed} does not parse as ${formatOf(path).toUpperCase()}. ${textStats(patch)}`,
      patch,
      changedLines: lines,
      notes
    }
  }
  if (!base && !head) return { path, kind: 'config', summary: 'No content on either side.', changedLines: [], notes }

  const changes = compareEntries(base ?? [], head ?? [])
  const changedLines = [...new Set(changes.flatMap((c) => (c.type === 'removed' ? [] : [c.to.line])))].sort(
    (a, b) => a - b
  )
  const count = (type: Change['type']): number => changes.filter((c) => c.type === type).length
  let header: string
  if (!base) header = `New config file: ${plural(head?.length ?? 0, 'key')}.`
  else if (!head) header = `Config file deleted: it had ${plural(base.length, 'key')}.`
  else if (changes.length === 0) header = 'No key changed (comments, formatting or order only).'
  else {
    header = `Config keys: ${count('changed')} changed, ${count('added')} added, ${count('removed')} removed, ${count('moved')} moved.`
  }
  const lines = changes.map(describeChange)
  const shown = lines.slice(0, MAX_SUMMARY_CHANGES)
  if (lines.length > shown.length) shown.push(`- … and ${lines.length - shown.length} more`)
  return {
    path,
    kind: 'config',
    summary: [header, ...shown].join('\n'),
    ...(patch ? { patch } : {}),
    changedLines,
    notes
  }
}

function tryParse(path: string, text: string | null, side: string, notes: string[]): RawEntry[] | null | 'failed' {
  if (text === null) return null
  try {
    return parseRaw(path, text)
  } catch (error) {
    notes.push(`${side}: ${(error as Error).message} — compared as text`)
    return 'failed'
  }
}

function compareEntries(base: RawEntry[], head: RawEntry[]): Change[] {
  const baseByKey = new Map(base.map((e) => [e.key, e]))
  const headKeys = new Set(head.map((e) => e.key))
  const removed = base.filter((e) => !headKeys.has(e.key))
  // A removed key whose last name and value reappear under a new path was moved (lr → optimizer.lr).
  const movable = new Map<string, RawEntry[]>()
  for (const entry of removed) {
    const id = `${lastName(entry.key)}\u0000${canonical(entry.value)}`
    const list = movable.get(id)
    if (list) list.push(entry)
    else movable.set(id, [entry])
  }
  const movedFrom = new Set<string>()
  const changes: Change[] = []
  for (const to of head) {
    const from = baseByKey.get(to.key)
    if (from) {
      if (canonical(from.value) !== canonical(to.value)) changes.push({ type: 'changed', from, to })
      continue
    }
    const source = base.length ? movable.get(`${lastName(to.key)}\u0000${canonical(to.value)}`)?.shift() : undefined
    if (source) {
      movedFrom.add(source.key)
      changes.push({ type: 'moved', from: source, to })
    } else changes.push({ type: 'added', to })
  }
  for (const from of removed) if (!movedFrom.has(from.key)) changes.push({ type: 'removed', from })
  return changes
}

/** `optimizer.params.lr` → `lr`; `betas[1]` → `betas`. */
function lastName(key: string): string {
  const withoutIndex = key.replace(/(\[\d+\])+$/, '')
  const dot = withoutIndex.lastIndexOf('.')
  return dot === -1 ? withoutIndex : withoutIndex.slice(dot + 1)
}

function canonical(value: unknown): string {
  if (typeof value === 'bigint') return `${value}`
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value)
  if (value instanceof Date) return `date:${isNaN(value.getTime()) ? 'invalid' : value.toISOString()}`
  if (value === undefined) return 'undefined'
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))
}

/** The value as the file spells it where we know it, else a compact rendering. */
export function formatConfigValue(value: unknown, raw?: string): string {
  let text: string
  if (raw !== undefined) text = raw
  else if (value === null || value === undefined) text = 'null'
  else if (typeof value === 'string') text = value.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
  else if (value instanceof Date) text = isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value)
  else text = canonical(value)
  return text.length > MAX_VALUE_CHARS ? text.slice(0, MAX_VALUE_CHARS - 1) + '…' : text
}

/** A value under a secret-named key is never shown, on either side of a change, whatever it looks like. */
const show = (entry: RawEntry): string => {
  const kind = secretKindOfName(lastName(entry.key))
  if (kind && !isEmptyValue(entry.value)) return `[REDACTED:${kind}]`
  return formatConfigValue(entry.value, entry.raw)
}

const isEmptyValue = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || typeof value === 'boolean'

/**
 * The secret values of one config side, once parsed (anchors followed, escapes decoded, folded lines joined): values
 * under secret-named keys, and strings shaped like a token whatever their key. Empty when the text does not parse.
 */
export function configSecretValues(path: string, text: string | null): string[] {
  if (text === null || !isConfigPath(path) || text.length > MAX_ANALYSED_CHARS) return []
  let entries: RawEntry[]
  try {
    entries = parseRaw(path, text)
  } catch {
    return []
  }
  const out: string[] = []
  for (const e of entries) {
    const value = typeof e.value === 'string' ? e.value : typeof e.value === 'number' ? String(e.value) : null
    if (value === null || value.length > 8192) continue
    if (secretKindOfName(lastName(e.key))) out.push(value)
    else if (value.length >= 16 && redactSecrets(value).count > 0) out.push(value)
  }
  return out
}

function describeChange(change: Change): string {
  switch (change.type) {
    case 'changed':
      return `- ${codeSpan(`${change.to.key}: ${show(change.from)} → ${show(change.to)}`)} (line ${change.to.line})`
    case 'added':
      return `- ${codeSpan(`+ ${change.to.key}: ${show(change.to)}`)} (line ${change.to.line})`
    case 'removed':
      return `- ${codeSpan(`- ${change.from.key}: ${show(change.from)}`)}`
    case 'moved': {
      const from = show(change.from)
      const to = show(change.to)
      const value = from === to ? to : `${from} → ${to}`
      return `- ${codeSpan(`${change.from.key} → ${change.to.key}: ${value}`)} moved (line ${change.to.line})`
    }
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function textStats(patch: string): string {
  let added = 0
  let removed = 0
  for (const line of patch.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) added++
    else if (line.startsWith('-') && !line.startsWith('---')) removed++
  }
  return `+${added} −${removed} lines.`
}
