// The bias checks over raw text, for a file the analysis could not cover (it does not parse, or is over a bound):
// a protected attribute on an added line, or a fairness metric on a removed line, still blocks the merge.
// Line by line, each pattern bounded, so a hostile file costs linear time.
import { redactSecrets } from '../diff/redact.js'
import type { ChangedFile, Finding } from '../types.js'
import { projectTooling } from './file-role.js'
import { clip } from './python.js'
import { FAIRNESS_METRIC_REMOVED, PROTECTED_ATTRIBUTE, protectedCategory } from './responsible-ai.js'

/** Names as a config or code writes them: quoted strings, `key:`/`key =`, YAML list items. */
const QUOTED = /(["'])([A-Za-z_][\w .-]{0,100}?)\1/g
const KEY = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_][\w.-]{0,100})["']?[ \t]{0,100}[:=]/
const LIST_ITEM = /^[ \t]*-[ \t]+["']?([A-Za-z_][\w.-]{0,100})["']?,?[ \t]*$/
/** A line longer than this is data (a blob, minified JSON): only its first part is read. */
const MAX_LINE = 10_000

const FAIRNESS_TEXT =
  /\b(?:MetricFrame|demographic[_ -]?parity\w{0,40}|equali[sz]ed[_ -]?odds\w{0,40}|equal[_ -]?opportunity\w{0,40}|disparate[_ -]?impact\w{0,40}|statistical[_ -]?parity\w{0,40}|average[_ -]?odds\w{0,40}|fairness\w{0,40}|per[_ -]?group\w{0,40}|subgroup\w{0,40}|by[_ -]?group\w{0,40})/i

function linesOf(text: string | null): string[] {
  if (text === null) return []
  return text.split('\n').map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l).replace(/\r$/, ''))
}

/** Lines of `side` that the other side does not have as often (a multiset difference: linear, order ignored). */
function extraLines(side: string[], other: string[]): Array<{ text: string; line: number }> {
  const counts = new Map<string, number>()
  for (const l of other) counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1)
  const out: Array<{ text: string; line: number }> = []
  side.forEach((l, i) => {
    const key = l.trim()
    const n = counts.get(key) ?? 0
    if (n > 0) counts.set(key, n - 1)
    else if (key !== '') out.push({ text: l, line: i + 1 })
  })
  return out
}

function namesOn(line: string): string[] {
  const names: string[] = []
  QUOTED.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = QUOTED.exec(line)) !== null) names.push(m[2])
  const key = KEY.exec(line)
  if (key) names.push(key[1])
  const item = LIST_ITEM.exec(line)
  if (item) names.push(item[1])
  return names
}

const finding = (
  spec: typeof PROTECTED_ATTRIBUTE,
  file: ChangedFile,
  line: number | null,
  evidence: string,
  why: string
): Finding => ({
  check: spec.id,
  family: spec.family,
  title: `${spec.title} (seen in the raw text: ${why})`,
  status: 'fail',
  bias: true,
  path: file.path,
  line,
  evidence: clip(redactSecrets(evidence).text, 200),
  fix: spec.fix
})

/** Bias findings from the raw text of a file whose head could not be analysed; `why` says what stopped the analysis. */
export function rawTextBiasFindings(file: ChangedFile, why: string): Finding[] {
  const head = linesOf(file.after)
  const base = linesOf(file.before)
  const out: Finding[] = []
  const added = file.after === null ? [] : extraLines(head, base)
  const fresh: Array<{ name: string; category: string; line: number }> = []
  const seen = new Set<string>()
  for (const { text, line } of added) {
    for (const name of namesOn(text)) {
      const category = protectedCategory(name)
      if (category === null || seen.has(name.toLowerCase())) continue
      seen.add(name.toLowerCase())
      fresh.push({ name, category, line })
    }
  }
  if (fresh.length > 0) {
    const names = fresh
      .slice(0, 10)
      .map((f) => `'${f.name}' (${f.category})`)
      .join(', ')
    const more = fresh.length > 10 ? ` and ${fresh.length - 10} more` : ''
    out.push(finding(PROTECTED_ATTRIBUTE, file, fresh[0].line, `added lines name ${names}${more}`, why))
  }
  // a manifest, CI job or docs page that names a fairness metric evaluates nothing
  const removed = file.before === null || projectTooling(file.path) ? [] : extraLines(base, head)
  const gone = new Set<string>()
  for (const { text } of removed) {
    const m = FAIRNESS_TEXT.exec(text)
    if (m) gone.add(m[0])
  }
  // a metric that is still named somewhere in the head was moved, not removed
  const headText = file.after ?? ''
  const lost = [...gone].filter((name) => !headText.includes(name))
  if (lost.length > 0) {
    const evidence = `removed lines name ${lost.slice(0, 10).join(', ')}`
    out.push(finding(FAIRNESS_METRIC_REMOVED, file, file.after === null ? null : 1, evidence, why))
  }
  return out
}
