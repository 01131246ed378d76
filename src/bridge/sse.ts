// Reads an OpenAI-style server-sent event stream to `data: [DONE]`: events may be split across packets, carry
// comments or keep-alives, or report an error after the role chunk.

export interface SseResult {
  text: string
  error: string | null
  /** the stream ended with `data: [DONE]` (or an error event); without it the answer may be cut */
  done: boolean
}

/** Feeds one event's data into the result; returns true at `[DONE]`. */
function onData(data: string, out: SseResult): boolean {
  if (data.trim() === '[DONE]') {
    out.done = true
    return true
  }
  let obj: unknown
  try {
    obj = JSON.parse(data)
  } catch {
    return false
  }
  if (!obj || typeof obj !== 'object') return false
  const o = obj as Record<string, unknown>
  if (o.error) {
    const e = o.error as Record<string, unknown>
    out.error =
      typeof o.error === 'string' ? o.error : [e.type, e.message].filter((x) => typeof x === 'string').join(': ')
    out.done = true
    return true
  }
  const choice = Array.isArray(o.choices) ? (o.choices[0] as Record<string, unknown> | undefined) : undefined
  const delta = (choice?.delta ?? choice?.message) as Record<string, unknown> | undefined
  if (delta && typeof delta.content === 'string') out.text += delta.content
  return false
}

/** Parses a complete SSE text (used by tests and by the stream reader). */
export function parseSseText(text: string): SseResult {
  const out: SseResult = { text: '', error: null, done: false }
  for (const block of text.replace(/\r\n?/g, '\n').split('\n\n')) {
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n')
    if (data !== '' && onData(data, out)) break
  }
  return out
}

export async function readSse(body: AsyncIterable<Buffer | Uint8Array>, limit: number): Promise<SseResult> {
  const out: SseResult = { text: '', error: null, done: false }
  const decoder = new TextDecoder('utf-8')
  // text not yet split into lines; `scanned` is how far it is known to hold no line break, so a long line sent in
  // many packets is searched once, not once per packet
  let buffer = ''
  let scanned = 0
  let size = 0
  let dataLines: string[] = []
  for await (const chunk of body) {
    size += chunk.length
    if (size > limit) throw new Error(`the streamed answer is larger than ${Math.round(limit / 1024 / 1024)} MB`)
    buffer += decoder.decode(chunk, { stream: true })
    let start = 0
    for (let i = scanned; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i)
      if (c !== 0x0a && c !== 0x0d) continue
      // a lone CR at the end may be the first half of a CRLF split across packets
      if (c === 0x0d && i === buffer.length - 1) break
      const line = buffer.slice(start, i)
      if (c === 0x0d && buffer.charCodeAt(i + 1) === 0x0a) i++
      start = i + 1
      if (line === '') {
        if (dataLines.length > 0 && onData(dataLines.join('\n'), out)) return out
        dataLines = []
      } else if (line.startsWith('data:')) {
        dataLines.push(line.slice(5).replace(/^ /, ''))
      }
      // comments (`:`), `event:`, `id:` and `retry:` lines carry nothing we need
    }
    buffer = buffer.slice(start)
    scanned = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length
  }
  // a stream that ends without [DONE] is read, but not taken as complete
  if (buffer.startsWith('data:')) dataLines.push(buffer.slice(5).replace(/^ /, ''))
  if (dataLines.length > 0) onData(dataLines.join('\n'), out)
  return out
}
