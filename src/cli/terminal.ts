// The report for a person at a terminal: the decision first, then what blocks, the checklist, the report itself
// rendered from its markdown (marked's lexer), and the notes; coloured with picocolors, wrapped to the terminal's
// width with wrap-ansi.
import { Lexer, type Token, type Tokens } from 'marked'
import pc from 'picocolors'
import wrapAnsi from 'wrap-ansi'
import type { ChecklistItem, Conclusion } from '../types.js'
import type { CliOutcome } from './outcome.js'

type Colors = ReturnType<typeof pc.createColors>

export interface TextOptions {
  color: boolean
  /** columns of the terminal */
  width: number
}

/** Control characters from the agent's text could move the cursor or recolour the terminal: they are dropped. */
export function stripControl(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\)|[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g,
    ''
  )
}

const VERDICT: Record<Conclusion, string> = {
  failure: 'MERGE BLOCKED',
  success: 'OK',
  neutral: 'NOT DECIDED',
  skipped: 'NO ML CHANGES'
}

function verdict(c: Colors, conclusion: Conclusion): string {
  if (conclusion === 'failure') return c.bold(c.red(`✖ ${VERDICT.failure}`))
  if (conclusion === 'success') return c.bold(c.green(`✔ ${VERDICT.success}`))
  return c.bold(c.yellow(`● ${VERDICT[conclusion]}`))
}

function statusMark(c: Colors, item: ChecklistItem): string {
  switch (item.status) {
    case 'fail':
      return c.red('✖ fail')
    case 'warn':
      return c.yellow('▲ warn')
    case 'pass':
      return c.green('✔ pass')
    default:
      return c.dim('– n/a ')
  }
}

function where(item: ChecklistItem): string {
  return item.path ? `${item.path}${item.line ? `:${item.line}` : ''}` : ''
}

/** Wraps `text` to `width` with `first` before its first line and the same width of spaces before the others. */
function hang(text: string, first: string, firstWidth: number, width: number): string {
  const pad = ' '.repeat(firstWidth)
  const body = wrapAnsi(text, Math.max(20, width - firstWidth), { hard: true, trim: true })
  return body
    .split('\n')
    .map((l, i) => (i === 0 ? first : pad) + l)
    .join('\n')
}

function inline(c: Colors, tokens: Token[] | undefined, fallback = ''): string {
  if (!tokens) return decodeEntities(fallback)
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'strong':
          return c.bold(inline(c, (t as Tokens.Strong).tokens))
        case 'em':
          return c.italic(inline(c, (t as Tokens.Em).tokens))
        case 'del':
          return c.strikethrough(inline(c, (t as Tokens.Del).tokens))
        case 'codespan':
          return c.cyan(decodeEntities((t as Tokens.Codespan).text))
        case 'br':
          return '\n'
        case 'link': {
          const l = t as Tokens.Link
          const text = inline(c, l.tokens)
          return l.autolink || text === l.href ? c.underline(l.href) : `${text} ${c.dim(`(${l.href})`)}`
        }
        case 'image':
          return c.dim(`[image: ${(t as Tokens.Image).text}]`)
        case 'checkbox':
          return (t as Tokens.Checkbox).checked ? '[x] ' : '[ ] '
        case 'text':
          return inline(c, (t as Tokens.Text).tokens, (t as Tokens.Text).text)
        case 'escape':
          return (t as Tokens.Escape).text
        case 'html':
          return ''
        default:
          return decodeEntities((t as { text?: string }).text ?? '')
      }
    })
    .join('')
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Markdown blocks as terminal lines, indented by `indent` spaces. */
function blocks(c: Colors, tokens: Token[], width: number, indent: number): string[] {
  const pad = ' '.repeat(indent)
  const out: string[] = []
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading
        const text = inline(c, h.tokens)
        if (out.length > 0) out.push('')
        out.push(pad + (h.depth <= 2 ? c.bold(c.underline(text)) : c.bold(text)))
        break
      }
      case 'paragraph':
        out.push(hang(inline(c, (t as Tokens.Paragraph).tokens), pad, indent, width))
        break
      case 'text':
        out.push(hang(inline(c, (t as Tokens.Text).tokens, (t as Tokens.Text).text), pad, indent, width))
        break
      case 'list': {
        const l = t as Tokens.List
        l.items.forEach((item, i) => {
          const bullet = l.ordered ? `${Number(l.start || 1) + i}. ` : '• '
          const inner = blocks(c, item.tokens, width, indent + bullet.length)
          if (inner.length === 0) return
          // the first line takes the bullet in place of its indentation
          inner[0] = pad + bullet + inner[0].slice(indent + bullet.length)
          out.push(...inner)
        })
        break
      }
      case 'blockquote':
        for (const line of blocks(c, (t as Tokens.Blockquote).tokens, width - 2, indent).flatMap((b) =>
          b.split('\n')
        )) {
          out.push(pad + c.dim('│ ') + line.slice(indent))
        }
        break
      case 'code':
        for (const line of (t as Tokens.Code).text.split('\n')) out.push(pad + '    ' + c.dim(line))
        break
      case 'table': {
        // a table too wide for a terminal reads best as one entry per row
        const tb = t as Tokens.Table
        const names = tb.header.map((h) => inline(c, h.tokens))
        for (const row of tb.rows) {
          const cells = row.map((cell, i) => (names[i] ? `${c.dim(names[i] + ':')} ` : '') + inline(c, cell.tokens))
          out.push(hang(cells.join('  '), pad + '• ', indent + 2, width))
        }
        break
      }
      case 'hr':
        out.push(pad + c.dim('─'.repeat(Math.max(10, Math.min(width - indent, 60)))))
        break
      case 'space':
      case 'html':
      case 'def':
        break
      default:
        if ('text' in t && typeof t.text === 'string') out.push(hang(decodeEntities(t.text), pad, indent, width))
    }
  }
  return out
}

export function renderMarkdownForTerminal(markdown: string, opts: TextOptions, indent = 2): string {
  const c = pc.createColors(opts.color)
  return blocks(c, Lexer.lex(stripControl(markdown)), opts.width, indent).join('\n')
}

function counts(items: ChecklistItem[]): string {
  const n = (s: ChecklistItem['status']): number => items.filter((i) => i.status === s).length
  const parts = [`${n('fail')} fail`, `${n('warn')} warn`, `${n('pass')} pass`]
  if (n('na') > 0) parts.push(`${n('na')} n/a`)
  return parts.join(', ')
}

function itemLines(c: Colors, item: ChecklistItem, width: number): string {
  const text = stripControl(item.text) + (item.bias ? ' ' + c.magenta('[bias]') : '')
  const meta = [where(item), item.source, item.id].filter((s) => s !== '').join(' · ')
  return hang(`${text}\n${c.dim(meta)}`, `  ${statusMark(c, item)}  `, 10, width)
}

export function renderText(o: CliOutcome, opts: TextOptions): string {
  const c = pc.createColors(opts.color)
  const { result } = o
  const width = opts.width
  // the reason can name what failed without blocking too: wrapped like the rest, the rest of it indented
  const decisionLine = wrapAnsi(`${verdict(c, result.decision.conclusion)}  ${result.decision.reason}`, width - 2, {
    hard: true,
    trim: true
  }).replace(/\n/g, '\n  ')
  const files = result.diffs.map((d) => d.path)
  const out: string[] = [decisionLine]
  const what = `${o.label} · ${files.length} ML file${files.length === 1 ? '' : 's'}${files.length > 0 ? ': ' + files.join(', ') : ''}`
  out.push(hang(c.dim(what), '  ', 2, width))
  if (o.interrupted) out.push(c.yellow('  Interrupted: the agent had not answered; this is the built-in result.'))

  if (result.decision.blocking.length > 0) {
    out.push('', c.bold('Blocking'))
    for (const item of result.decision.blocking) out.push(itemLines(c, item, width))
  }
  const blocking = new Set(result.decision.blocking)
  const others = result.items.filter((i) => !blocking.has(i))
  if (others.length > 0) {
    const above = blocking.size > 0 ? '; blocking items above' : ''
    out.push('', c.bold(`Checklist (${counts(result.items)}${above})`))
    const order: ChecklistItem['status'][] = ['fail', 'warn', 'pass', 'na']
    const sorted = [...others].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))
    for (const item of sorted) out.push(itemLines(c, item, width))
  }
  if (files.length > 0) {
    out.push('', c.bold('Report'))
    out.push(renderMarkdownForTerminal(result.report, opts, 2))
  }
  if (result.notes.length > 0) {
    out.push('', c.bold('Notes'))
    for (const n of result.notes) out.push(hang(inline(c, Lexer.lexInline(stripControl(n))), '  • ', 4, width))
  }
  out.push('', decisionLine, '')
  return out.join('\n')
}
