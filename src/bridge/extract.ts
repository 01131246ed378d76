// Takes the report text out of whatever shape the bridge answered with (SPEC §5.1's key order).

const TEXT_KEYS = [
  'report',
  'result',
  'output',
  'text',
  'reply',
  'response',
  'content',
  'message',
  'markdown',
  'summary',
  'combined'
] as const

export interface Extracted {
  /** the report text, or null when the answer holds none */
  text: string | null
  /** `{ok, runId}` with no text: an accepted asynchronous run */
  runId: string | null
  /** partial `results[]` entries that reported `success: false` */
  unavailable: string[]
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>
    for (const k of ['text', 'content', 'markdown', 'report'] as const) {
      const v = o[k]
      if (typeof v === 'string' && v.trim() !== '') return v
    }
  }
  return null
}

function entryName(entry: Record<string, unknown>, index: number): string {
  for (const k of ['agent', 'agentId', 'name', 'specialist', 'title', 'role']) {
    const v = entry[k]
    if (typeof v === 'string' && v !== '') return v
  }
  return `Result ${index + 1}`
}

function fromResults(results: unknown[], unavailable: string[]): string | null {
  const sections: string[] = []
  results.forEach((entry, i) => {
    if (typeof entry === 'string') {
      if (entry.trim() !== '') sections.push(entry)
      return
    }
    if (!entry || typeof entry !== 'object') return
    const e = entry as Record<string, unknown>
    const name = entryName(e, i)
    if (e.success === false) {
      const why = textOf(e.error) ?? (typeof e.error === 'string' ? e.error : '')
      unavailable.push(why ? `${name} (${why})` : name)
      return
    }
    const text = pick(e)
    if (text) sections.push(text)
  })
  return sections.length > 0 ? sections.join('\n\n') : null
}

function pick(o: Record<string, unknown>): string | null {
  for (const k of TEXT_KEYS) {
    const t = textOf(o[k])
    if (t) return t
  }
  return null
}

function fromObject(o: Record<string, unknown>, unavailable: string[]): string | null {
  const direct = pick(o)
  if (direct) return direct
  if (Array.isArray(o.results)) {
    const t = fromResults(o.results, unavailable)
    if (t) return t
  }
  const choices = o.choices
  if (Array.isArray(choices) && choices[0] && typeof choices[0] === 'object') {
    const c = choices[0] as Record<string, unknown>
    const t = textOf((c.message as Record<string, unknown> | undefined)?.content) ?? textOf(c.text)
    if (t) return t
  }
  const outputText = textOf(o.output_text)
  if (outputText) return outputText
  return null
}

/** Extracts the report from a bridge answer body: JSON of any known shape, or plain text/markdown. */
export function extractReport(body: string, contentType = ''): Extracted {
  const unavailable: string[] = []
  const trimmed = body.trim()
  const looksJson = /json/i.test(contentType) || trimmed.startsWith('{') || trimmed.startsWith('[')
  if (!looksJson) return { text: trimmed === '' ? null : body, runId: null, unavailable }
  let data: unknown
  try {
    data = JSON.parse(trimmed)
  } catch {
    // declared JSON that does not parse is not a report; a markdown body that merely starts with `[` is
    if (/json/i.test(contentType)) return { text: null, runId: null, unavailable }
    return { text: trimmed === '' ? null : body, runId: null, unavailable }
  }
  if (typeof data === 'string') return { text: data.trim() === '' ? null : data, runId: null, unavailable }
  if (Array.isArray(data)) return { text: fromResults(data, unavailable), runId: null, unavailable }
  if (!data || typeof data !== 'object') return { text: null, runId: null, unavailable }
  const o = data as Record<string, unknown>
  let text = fromObject(o, unavailable)
  if (!text && o.data && typeof o.data === 'object' && !Array.isArray(o.data)) {
    text = fromObject(o.data as Record<string, unknown>, unavailable)
  }
  const runIdValue = o.runId ?? o.run_id ?? (o.data as Record<string, unknown> | undefined)?.runId
  // `{ok, runId, message: "queued"}` is an acceptance with a status line, not a report
  if (text !== null && runIdValue !== undefined && text === o.message && !/^#|\n/.test(text.trim())) text = null
  const runId = !text && (typeof runIdValue === 'string' || typeof runIdValue === 'number') ? String(runIdValue) : null
  return { text, runId, unavailable }
}

/** The text of a failed answer's partial `results[]` (a 500 from a multi-specialist bridge), or null. */
export function partialResults(body: string): string | null {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return null
  }
  const results = (data as { results?: unknown } | null)?.results
  return Array.isArray(results) ? fromResults(results, []) : null
}
