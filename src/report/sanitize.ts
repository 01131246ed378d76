// Markdown from the bridge (or built from PR content) made safe to place inside our comment, check run and job
// summary, decided by a markdown parser (mdast), not by counting lines: raw HTML is shown as text (so `<details>`,
// an unclosed `<!--` or `<img>` cannot hide or load anything), images are dropped (a tracker image is an
// exfiltration channel), links leave github.com only as text, and a fence left open is made literal so it cannot
// swallow what follows. Everything else is kept byte for byte.
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { fenced } from '../diff/blob.js'
import { TextCache } from '../diff/text-cache.js'
import { clipChars } from '../limits.js'
import { codeSpan, neutraliseAllMentions, oneLine } from './escape.js'

/** Passes over the text: each pass can only turn markup into text, so a few always suffice. */
const MAX_PASSES = 6
/** A longer text is cut before parsing (the comment and check hold 65,536 characters; the job summary gets this). */
const MAX_INPUT_CHARS = 300_000
/** Deeper nesting of quotes and lists than this, or more brackets, is not a report: it is shown as code. */
const MAX_NESTING = 16
const MAX_BRACKETS = 5_000

/** Text shaped to make a markdown parser slow (deep nesting, a flood of brackets), found in one linear scan. */
function hostileShape(text: string): boolean {
  let brackets = 0
  let depth = 0
  let lineStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5b && ++brackets > MAX_BRACKETS) return true
    if (c === 0x0a) {
      lineStart = true
      depth = 0
      continue
    }
    if (!lineStart) continue
    // leading markers: `>`, `-`, `*`, `+` (spaces between them do not end the run)
    if (c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b) {
      if (++depth > MAX_NESTING) return true
    } else if (c !== 0x20 && c !== 0x09) lineStart = false
  }
  return false
}

/**
 * Texts already sanitized or neutralised, and texts known to hold no fence left open: the comment, the check run,
 * the job summary and the review comments each render the same items, notes and diffs, so each text is parsed once
 * per run, not once per place it is shown.
 */
const sanitized = new TextCache<string>()
const neutralised = new TextCache<string>()
/** Sanitized texts whose last parse found no fence left open: `closeOpenFences` has nothing to close in them. */
const closed = new TextCache<true>()

/**
 * What any edit of `collect` needs in the text: `<` (HTML, autolinks), `](` (an inline link or image), `]:` (a
 * definition, without which no reference is a link), a fence (```, ~~~), or what GFM reads as a link literal
 * (`www.`, `://`, `xmpp:`). A text with none of them parses to no edit, so it is not parsed.
 */
const MARKUP = /<|\]\(|\]:|```|~~~|www\.|:\/\/|xmpp:/i
/** A fence anywhere: what `closeOpenFences` could find open. */
const FENCE = /```|~~~/
/** A line that opens a backtick fence at the left margin: three or more backticks, an info string without any. */
const FENCE_OPEN = /^(`{3,})[^`]*$/
/** A line that could close a fence: backticks and spaces or tabs only, the backticks after at most 3 spaces. */
const FENCE_CLOSE = /^( {0,3})(`{3,})[ \t]*$/
const FENCE_CLOSE_LIKE = /^[ \t]*`{3,}[ \t]*$/
/** HTML blocks that a blank line does not end (`<script`, `<pre`, `<style`, `<textarea`, `<!…`, `<?…`). */
const STICKY_HTML = /<(?:script|pre|style|textarea|!|\?)/i

/**
 * The text of `markdown` outside its fenced code blocks, when every such block is read without a parser: a
 * backtick fence at the left margin, not inside an HTML block, closed before the end. The lines outside are
 * joined by newlines. Null when the shape is anything else (a carriage return, any other fence, a fence inside or
 * after an HTML block that may still be open, a line that may or may not close a fence, a fence left open): the
 * caller parses.
 *
 * A line of backticks at the left margin starts a fenced code block whatever precedes it (it interrupts a paragraph
 * and ends any list, quote or table, since only a paragraph continues lazily), unless an HTML block or another
 * fence holds it; inside, only its closing fence ends it. So a text with no markup outside these blocks has none at
 * all: the code is shown as typed.
 */
function outsideFences(markdown: string): string | null {
  if (markdown.includes('\r')) return null
  const outside: string[] = []
  let fence = 0
  let html = false
  let stickyHtml = false
  let at = 0
  while (at <= markdown.length) {
    let end = markdown.indexOf('\n', at)
    if (end === -1) end = markdown.length
    const line = markdown.slice(at, end)
    at = end + 1
    if (fence > 0) {
      if (line.includes('```')) {
        const close = FENCE_CLOSE.exec(line)
        if (close && close[2].length >= fence) fence = 0
        else if (FENCE_CLOSE_LIKE.test(line) && (line.includes('\t') || !close)) return null
      }
      continue
    }
    if (line.startsWith('```')) {
      const open = FENCE_OPEN.exec(line)
      if (open) {
        if (html || stickyHtml) return null
        fence = open[1].length
        continue
      }
    }
    // a fence of any other shape (indented, of tildes, in a quote) may hold or end what follows
    if (FENCE.test(line)) return null
    outside.push(line)
    if (line.includes('<')) {
      html = true
      if (STICKY_HTML.test(line)) stickyHtml = true
    } else if (/^[ \t]*$/.test(line)) html = false
  }
  return fence > 0 ? null : outside.join('\n')
}
/** What `neutraliseAllMentions` changes: an `@` that can start a mention, or `@` written as an entity. */
const MENTION = /(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/
const MENTION_ENTITY = /&(?:#0*64|#x0*40|commat);/i

interface Edit {
  start: number
  end: number
  text: string
}

/** Whether a link may stay a link: only to github.com (relative links resolve there too). */
export function isGitHubUrl(url: string): boolean {
  try {
    const u = new URL(url, 'https://github.com/')
    return u.protocol === 'https:' && (u.hostname === 'github.com' || u.hostname.endsWith('.github.com'))
  } catch {
    return false
  }
}

const KEPT_TAG = /^<br\s*\/?>$/i

/** Raw HTML as visible text: every `<` escaped, images named instead. */
function htmlAsText(raw: string): string {
  if (KEPT_TAG.test(raw.trim())) return raw
  return raw
    .replace(/<(img|image|picture|video|audio|source|svg|iframe|object|embed)\b[^>]{0,10000}>?/gi, '(image removed)')
    .replace(/</g, '&lt;')
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('alt' in node && typeof node.alt === 'string') return node.alt
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('')
  return ''
}

function span(node: Nodes): [number, number] | null {
  const s = node.position?.start.offset
  const e = node.position?.end.offset
  return s === undefined || e === undefined ? null : [s, e]
}

/** A fenced code block whose closing fence is missing: it runs to the end of its container. */
function unclosedFence(source: string, start: number, end: number): number | null {
  const text = source.slice(start, end)
  const open = /^[ \t>]*(`{3,}|~{3,})/.exec(text)
  if (!open) return null
  const fence = open[1]
  const lines = text.split('\n')
  if (lines.length > 1) {
    const last = lines[lines.length - 1].replace(/^[ \t>]*/, '').trimEnd()
    if (last.length >= fence.length && [...last].every((c) => c === fence[0])) return null
  }
  return start + open[0].length - fence.length
}

function collect(source: string, node: Nodes, edits: Edit[], definitions: Map<string, string>): void {
  const at = span(node)
  if (at) {
    const [start, end] = at
    switch (node.type) {
      case 'html':
        if (!KEPT_TAG.test(node.value.trim())) edits.push({ start, end, text: htmlAsText(source.slice(start, end)) })
        return
      case 'image':
      case 'imageReference': {
        const alt = oneLine(node.alt ?? '').trim()
        edits.push({ start, end, text: alt ? `${alt.replace(/[[\]<>]/g, '')} (image removed)` : '(image removed)' })
        return
      }
      case 'link': {
        if (isGitHubUrl(node.url) || node.url.startsWith('mailto:')) break
        const label = plain(node).trim()
        const url = node.url.length > 200 ? `${node.url.slice(0, 200)}…` : node.url
        const text = label && label !== node.url ? `${label.replace(/[[\]<>]/g, '')} (${codeSpan(url)})` : codeSpan(url)
        edits.push({ start, end, text })
        return
      }
      case 'linkReference': {
        const url = definitions.get(node.identifier.toLowerCase())
        if (url !== undefined && isGitHubUrl(url)) break
        const label = plain(node)
          .trim()
          .replace(/[[\]<>]/g, '')
        edits.push({ start, end, text: url ? `${label} (${codeSpan(url.slice(0, 200))})` : label })
        return
      }
      case 'definition':
        if (!isGitHubUrl(node.url)) edits.push({ start, end, text: '' })
        return
      case 'code': {
        const fenceAt = unclosedFence(source, start, end)
        // a backslash makes the opening fence literal text; the next pass reads what it held as markdown
        if (fenceAt !== null) edits.push({ start: fenceAt, end: fenceAt, text: '\\' })
        return
      }
    }
  }
  if ('children' in node) for (const child of node.children as Nodes[]) collect(source, child, edits, definitions)
}

function definitionsOf(node: Nodes, out: Map<string, string>): Map<string, string> {
  if (node.type === 'definition') out.set(node.identifier.toLowerCase(), node.url)
  if ('children' in node) for (const child of node.children as Nodes[]) definitionsOf(child, out)
  return out
}

function parse(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/** `markdown` with raw HTML shown as text, images dropped, outside links as text and open fences made literal. */
export function sanitizeMarkdown(markdown: string): string {
  // the comment, the check and the summary each render the same report: parse it once
  return sanitized.get(markdown, sanitizeUncached)
}

function sanitizeUncached(markdown: string, quick = true): string {
  let text =
    markdown.length > MAX_INPUT_CHARS
      ? `${clipChars(markdown, MAX_INPUT_CHARS)}\n\n> ✂️ Cut at ${MAX_INPUT_CHARS} characters; the \`report\` output holds all of it.`
      : markdown
  if (hostileShape(text)) return fenced(text)
  if (quick && !MARKUP.test(text)) return closedText(text)
  // markup only inside fenced code (a diff quoting a notebook): nothing to edit either
  if (quick) {
    const outside = outsideFences(text)
    if (outside !== null && !MARKUP.test(outside)) return closedText(text)
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const tree = parse(text)
    const edits: Edit[] = []
    collect(text, tree, edits, definitionsOf(tree, new Map()))
    if (edits.length === 0) return closedText(text)
    text = applyEdits(text, edits)
  }
  // markup that keeps coming back: show all of it as text
  return text
    .replace(/</g, '&lt;')
    .replace(/^([ \t>]*)(`{3,}|~{3,})/gm, '$1\\$2')
    .replace(/!\[/g, '\\![')
}

/** `text` noted as having no fence left open (every code block of its last parse was closed). */
function closedText(text: string): string {
  closed.get(text, () => true)
  return text
}

/** The edits (which do not overlap) applied in one pass from the start: linear, however many there are. */
function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start)
  const parts: string[] = []
  let at = 0
  for (const e of edits) {
    if (e.start < at) return applyEditsFromTheEnd(text, edits)
    parts.push(text.slice(at, e.start), e.text)
    at = e.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/** Edits that overlap (none are known to): applied one by one from the last, as they always were. */
function applyEditsFromTheEnd(text: string, edits: Edit[]): string {
  let out = text
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/** One line of untrusted text for a list entry or a table cell: sanitized and kept to its line. */
export function sanitizeInline(text: string): string {
  return sanitizeMarkdown(text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '))
}

function codeRanges(node: Nodes, out: [number, number][]): [number, number][] {
  if (node.type === 'inlineCode' || node.type === 'code') {
    const at = span(node)
    if (at) out.push(at)
    return out
  }
  if ('children' in node) for (const child of node.children as Nodes[]) codeRanges(child, out)
  return out
}

/** Every mention form neutralised outside code (a mention in code pings nobody, and `@decorator` stays as typed). */
export function neutraliseMentions(markdown: string): string {
  // nothing to neutralise anywhere: nothing outside code either (a code node never ends on a letter or digit, so
  // the text after one has no new start of a mention), and the text is not parsed
  if (!MENTION.test(markdown) && !MENTION_ENTITY.test(markdown)) return markdown
  return neutralised.get(markdown, mentionsUncached)
}

function mentionsUncached(markdown: string, quick = true): string {
  // too big or too deep to parse quickly: neutralise everywhere, code included
  if (markdown.length > MAX_INPUT_CHARS * 2 || hostileShape(markdown)) return neutraliseAllMentions(markdown)
  // every mention-like `@` inside fenced code (a decorator in a diff): nothing to neutralise (a fence's lines are
  // whole lines, so the text outside starts and ends beside a newline, as it does in the full text)
  if (quick) {
    const outside = outsideFences(markdown)
    if (outside !== null && !MENTION.test(outside) && !MENTION_ENTITY.test(outside)) return markdown
  }
  const ranges = codeRanges(parse(markdown), [])
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    out += neutraliseAllMentions(markdown.slice(at, start)) + markdown.slice(start, end)
    at = end
  }
  return out + neutraliseAllMentions(markdown.slice(at))
}

/** Closes what a cut left open: a fenced code block that now runs to the end. */
export function closeOpenFences(markdown: string): string {
  return closeFences(markdown, true)
}

function closeFences(markdown: string, quick: boolean): string {
  let text = markdown
  if (quick && closed.peek(text)) return text
  if (text.length > MAX_INPUT_CHARS * 2 || hostileShape(text)) return text
  // every fence a closed block read without a parser (there is no other): none is open
  if (quick && outsideFences(text) !== null) return text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const last = lastUnclosed(text, parse(text))
    if (!last) return text
    text = `${text}\n${last}`
  }
  return text
}

function lastUnclosed(source: string, node: Nodes): string | null {
  if (node.type === 'code') {
    const at = span(node)
    if (!at) return null
    const fenceAt = unclosedFence(source, at[0], at[1])
    if (fenceAt === null) return null
    return /^(`{3,}|~{3,})/.exec(source.slice(fenceAt))?.[1] ?? null
  }
  if ('children' in node) {
    const children = node.children as Nodes[]
    for (let i = children.length - 1; i >= 0; i--) {
      const hit = lastUnclosed(source, children[i])
      if (hit) return hit
    }
  }
  return null
}

/**
 * The three edits as the markdown parser alone decides them, with no cache and none of the quick answers that
 * skip it: what the quick answers must equal (the tests compare them).
 */
export const byParser = {
  sanitizeMarkdown: (markdown: string): string => sanitizeUncached(markdown, false),
  neutraliseMentions: (markdown: string): string => mentionsUncached(markdown, false),
  closeOpenFences: (markdown: string): string => closeFences(markdown, false)
}

/** `outsideFences`, for the tests that check it against the parser. */
export const textOutsideFences = outsideFences
