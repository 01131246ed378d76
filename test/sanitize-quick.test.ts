// The sanitizer answers some texts without the markdown parser: markup only inside fenced code (a cell diff quoting
// HTML, links or decorators), `[` with no link or definition. Those answers must be the parser's, byte for byte:
// generated texts (plain, marked up, hostile fence shapes) go through both and are compared.
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import {
  byParser,
  closeOpenFences,
  neutraliseMentions,
  sanitizeMarkdown,
  textOutsideFences
} from '../src/report/sanitize.js'

/** Lines of every kind the quick answers must not misread. */
const LINES = [
  '#### cell 3 (code) modified — line 12',
  '#### `configs/train.yaml`',
  'Config keys: 3 changed, 0 added, 0 removed, 0 moved.',
  '- `lr: 0.1 → 0.01` (line 4)',
  "  - cell 12: outputs: result \"dict_keys(['start', 'target'])\" → result \"dict_keys(['start'…\"",
  '  - cell 2: new outputs: stdout "[K |████| 5.8 MB" (+3 lines)',
  '```diff',
  '```',
  '````',
  '```python`x',
  '   ```',
  '    ```',
  '\t```',
  '``` \t',
  '~~~',
  '+    ```',
  '+@torch.no_grad()',
  ' @dataclass',
  'mail ops@example.com',
  '@someone look',
  '&#64;user',
  '&commat;user',
  'x@y',
  '<details><summary>Cell diffs</summary>',
  '</details>',
  '<pre>',
  '<!--',
  '-->',
  '<br>',
  'a <b>bold</b> word',
  '<img src="https://tracker.example/p.png">',
  '[docs](https://evil.example/x)',
  '[ok](https://github.com/o/r)',
  '![plot](https://tracker.example/p.png)',
  '[ref]',
  '[ref]: https://evil.example',
  '[ref]:',
  '[^1]',
  '[^1]: a note',
  'see [1] and [2]',
  'www.example.com',
  'http://example.com/a',
  'xmpp:someone@example.com',
  '- item',
  '1. first',
  '> quote',
  '>',
  '| a | b |',
  '| - | - |',
  '    indented @x',
  'Title',
  '===',
  '* * *',
  'text ``` inline',
  '`code @x` and `y`',
  'a\rb',
  '',
  '',
  ' '
]

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)]
}

/** A text like a diff's (headings, fenced cell diffs, notes) with lines of every kind mixed in. */
function generated(r: () => number): string {
  const parts: string[] = []
  const blocks = 1 + Math.floor(r() * 5)
  for (let b = 0; b < blocks; b++) {
    const shape = r()
    if (shape < 0.55) {
      const fence = pick(r, ['```', '```', '````'])
      const body = Array.from({ length: Math.floor(r() * 6) }, () => pick(r, LINES))
      const close = r() < 0.9 ? fence : pick(r, ['', '``', '  ```', '\t```'])
      parts.push([pick(r, LINES), `${fence}${pick(r, ['diff', '', 'py'])}`, ...body, close].join('\n'))
    } else {
      parts.push(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(r, LINES)).join('\n'))
    }
  }
  return parts.join(r() < 0.8 ? '\n\n' : '\n')
}

function parse(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

function nodes(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node)
  if ('children' in node) for (const child of node.children as Nodes[]) nodes(child, out)
  return out
}

const texts = (() => {
  const r = rng(20261202)
  return Array.from({ length: 2500 }, () => generated(r))
})()

describe('the sanitizer without its parser', () => {
  it('reads fenced code as the parser does whenever it answers', () => {
    let answered = 0
    for (const text of texts) {
      const outside = textOutsideFences(text)
      if (outside === null) continue
      answered++
      const tree = parse(text)
      // the fenced blocks: code nodes at the top level that start with a backtick fence and end with their close
      const fences = tree.children.filter(
        (n) => n.type === 'code' && text.startsWith('```', n.position?.start.offset ?? -1)
      )
      // no other node starts with a fence (nothing nested, nothing indented, no HTML block holding one)
      for (const n of nodes(tree)) {
        const start = n.position?.start.offset ?? -1
        if (n.type === 'root' || fences.includes(n)) continue
        expect(/^[ \t>]*(```|~~~)/.test(text.slice(start, n.position?.end.offset)), text).toBe(false)
      }
      let rest = text
      for (const f of [...fences].reverse()) {
        const start = f.position?.start.offset as number
        let end = f.position?.end.offset as number
        const eol = text.indexOf('\n', end)
        end = eol === -1 ? text.length : eol
        expect(text.slice(start, end).split('\n').pop()?.trim().startsWith('```'), text).toBe(true)
        rest = rest.slice(0, start) + rest.slice(end + 1)
      }
      expect(outside.replace(/\n+$/, ''), text).toBe(rest.replace(/\n+$/, ''))
    }
    // the generated texts are not all refused: the comparison is not empty
    expect(answered).toBeGreaterThan(300)
  })

  it('sanitizes, neutralises mentions and closes fences exactly as the parser does', () => {
    // the first texts hold answered and refused shapes alike
    expect(texts.slice(0, 150).filter((t) => textOutsideFences(t) !== null).length).toBeGreaterThan(15)
    for (const text of texts.slice(0, 150)) {
      const sanitized = byParser.sanitizeMarkdown(text)
      expect(sanitizeMarkdown(text), text).toBe(sanitized)
      expect(neutraliseMentions(text), text).toBe(byParser.neutraliseMentions(text))
      expect(closeOpenFences(text), text).toBe(byParser.closeOpenFences(text))
      expect(closeOpenFences(sanitized), text).toBe(byParser.closeOpenFences(sanitized))
      expect(neutraliseMentions(sanitized), text).toBe(byParser.neutraliseMentions(sanitized))
      // a cut (as a comment cuts the changes to fit) leaves fences open
      const cut = sanitized.slice(0, sanitized.lastIndexOf('\n', Math.floor(sanitized.length / 2)) + 1)
      expect(closeOpenFences(cut), cut).toBe(byParser.closeOpenFences(cut))
    }
  }, 120_000)

  it('leaves plain text and code-only markup as typed, and still edits markup outside code', () => {
    const code =
      '#### cell 2 (code) modified — line 4\n```diff\n-<b>x</b> [a](https://e.example)\n+@torch.no_grad()\n```'
    expect(sanitizeMarkdown(code)).toBe(code)
    expect(neutraliseMentions(code)).toBe(code)
    expect(closeOpenFences(code)).toBe(code)
    const plain = "dict_keys(['start', 'target']) and [K |███| 5 MB"
    expect(sanitizeMarkdown(plain)).toBe(plain)
    const marked = `${code}\n\nsee [a](https://e.example) <b>x</b> @someone`
    expect(sanitizeMarkdown(marked)).toBe(byParser.sanitizeMarkdown(marked))
    expect(sanitizeMarkdown(marked)).not.toBe(marked)
    expect(neutraliseMentions(marked)).not.toBe(marked)
    expect(neutraliseMentions(marked)).toBe(byParser.neutraliseMentions(marked))
    const open = '#### cell 2\n```diff\n+x'
    expect(closeOpenFences(open)).toBe(`${open}\n\`\`\``)
  })
})
