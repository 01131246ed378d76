// Bounded work: every pattern run on untrusted text (PR files, bridge answers) stays linear. Each case feeds about
// 1 MB of input built to make a backtracking pattern quadratic, and allows 5 s where linear work takes milliseconds
// (generous, because tests run under load).
import { describe, expect, it } from 'vitest'
import { extractReport } from '../../src/bridge/extract.js'
import { parseSseText, readSse } from '../../src/bridge/sse.js'
import { analyseFiles } from '../../src/checks/index.js'
import { diffFile } from '../../src/diff/index.js'
import { redactSecrets } from '../../src/diff/redact.js'
import { parseReport } from '../../src/report/parse.js'
import type { ChangedFile } from '../../src/types.js'

const MB = 1024 * 1024
const BUDGET_MS = 5000

/** `unit` repeated to about `size` characters. */
const times = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length))

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = fn()
  return { value, ms: performance.now() - start }
}

const HOSTILE_TEXT: Record<string, string> = {
  'a run of name characters with dashes (x-x-x…)': times('x-'),
  'a dotted value (a.b.c…)': 'key: ' + times('a.'),
  'a run of spaces': 'a' + times(' ') + 'b',
  'a run of tabs then a colon-less name': times('\t') + 'token',
  'secret-named keys without values': times('token: '),
  'secret-named keys opening quotes': times('token: "'),
  'secret-named keys opening escaped quotes': times('token: \\"'),
  'password assignments with spaces': times('password: a b '),
  'PEM BEGIN lines without END': times('-----BEGIN RSA PRIVATE KEY-----\n'),
  'a PEM BEGIN followed by a line of plus signs': '-----BEGIN PRIVATE KEY-----\n' + times('+'),
  'a PEM BEGIN name that never ends': '-----BEGIN ' + times('A '),
  'wandb.login( openings': times('wandb.login('),
  'WANDB_API_KEY then spaces': times('WANDB_API_KEY      '),
  'URL schemes with a user and no host': times('a://x:'),
  'URL credentials without an @': 'postgres://user:' + times('p'),
  'URL credentials with many @': 'redis://:' + times('p@'),
  'sk-ant- repeated': times('sk-ant-'),
  'an hf_ token that never ends on a boundary': 'hf_' + times('a') + '_',
  'AWS key shapes inside one long base64 run': times('AKIAABCDEFGHIJKLMNOP+'),
  'JSON \\u escapes': times('\\u0041'),
  'netrc machine lines without a password': times('machine x login y '),
  'export lines': times('export TOKEN='),
  '%env lines': times('%env WANDB_API_KEY '),
  'JWT prefixes': times('eyJhbGciOi.'),
  'Slack prefixes': times('xoxb-'),
  'Bearer words': times('Bearer '),
  'Azure AccountKey= openings': times('AccountKey='),
  'sig= parameters': times('&sig='),
  'markdown headings': times('#'),
  'checklist openings': times('- [ ] '),
  'table pipes': times('|'),
  backticks: times('`'),
  'line breaks': times('\n'),
  'CRLF pairs': times('\r\n')
}

describe('redaction is linear on hostile text', () => {
  for (const [name, text] of Object.entries(HOSTILE_TEXT)) {
    it(name, () => {
      const { ms, value } = timed(() => redactSecrets(text))
      expect(value.text.length).toBeGreaterThan(0)
      expect(ms).toBeLessThan(BUDGET_MS)
    })
  }
})

describe('the report parser is linear on hostile answers', () => {
  const answers: Record<string, string> = {
    ...HOSTILE_TEXT,
    'a 200 kB checklist item': `## ML Engineering Report\n### Responsible AI Checklist\n- [ ] ${times('fairness ', 200_000)}— FAIL\n`,
    'a run of 100k spaces in an item': `### Responsible AI Checklist\n- [ ] a${' '.repeat(100_000)}b\n`,
    'a heading with 10,000 spaces': `#${' '.repeat(10_000)}x\n### Responsible AI Checklist\n- [x] ok\n`,
    'many headings with 10,000 spaces': times(`#${' '.repeat(10_000)}x\n`),
    'a long line of emphasis marks': times('*_'),
    'a path:line shape repeated': `### Responsible AI Checklist\n- [ ] ${times('configs/a.yaml:1 ')}\n`
  }
  for (const [name, text] of Object.entries(answers)) {
    it(name, () => {
      const { ms } = timed(() => parseReport(text, ['configs/a.yaml', 'notebooks/b.ipynb']))
      expect(ms).toBeLessThan(BUDGET_MS)
    })
  }
  it('a 200 kB item still reads as a failing bias item', () => {
    const text = `### Responsible AI Checklist\n- [ ] Fairness across groups ${'x'.repeat(200_000)} — FAIL\n`
    const parsed = parseReport(text, [])
    expect(parsed.checklist[0]).toMatchObject({ status: 'fail', bias: true })
  })
})

describe('answer extraction is linear', () => {
  const bodies: Record<string, [string, string]> = {
    'a JSON report of 1 MB of spaces': [JSON.stringify({ report: times(' ') }), 'application/json'],
    'deeply nested JSON': [times('[', 100_000) + times(']', 100_000), 'application/json'],
    'plain text of hostile runs': [times('#- [ ] |'), 'text/plain'],
    'SSE text of one 1 MB line': [`data: ${times('x')}`, 'text/event-stream']
  }
  for (const [name, [body, ct]] of Object.entries(bodies)) {
    it(name, () => {
      const { ms } = timed(() => {
        try {
          extractReport(body, ct)
        } catch {
          // a refusal is fine; a hang is not
        }
        parseSseText(body)
      })
      expect(ms).toBeLessThan(BUDGET_MS)
    })
  }

  it('an SSE stream of one long line in many small packets, and one of 100k short lines in one packet', async () => {
    const long = `data: {"choices":[{"delta":{"content":"${times('x')}"}}]}\n\ndata: [DONE]\n\n`
    const packets = function* (text: string, size: number): Generator<Uint8Array> {
      for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size))
    }
    const start = performance.now()
    const a = await readSse(packets(long, 512) as unknown as AsyncIterable<Uint8Array>, 10 * MB)
    const many = times('data: {"choices":[{"delta":{"content":"y"}}]}\n\n', MB) + 'data: [DONE]\n\n'
    const b = await readSse([Buffer.from(many)] as unknown as AsyncIterable<Uint8Array>, 10 * MB)
    expect(performance.now() - start).toBeLessThan(BUDGET_MS)
    expect(a).toMatchObject({ done: true, error: null })
    expect(a.text.length).toBeGreaterThan(MB - 10)
    expect(b.done).toBe(true)
    expect(b.text.length).toBeGreaterThan(20_000)
  })

  it('a stream that closes without [DONE] is read but not marked done', async () => {
    const cut = 'data: {"choices":[{"delta":{"content":"- [ ] Fairness per gr"}}]}\n\n'
    const r = await readSse([Buffer.from(cut)] as unknown as AsyncIterable<Uint8Array>, MB)
    expect(r).toMatchObject({ text: '- [ ] Fairness per gr', done: false })
  })
})

const file = (path: string, before: string | null, after: string | null): ChangedFile => ({
  path,
  status: before === null ? 'added' : 'modified',
  before,
  after
})

describe('diffs and checks are linear on hostile files', () => {
  const notebook = (source: string[]): string =>
    JSON.stringify({
      cells: [{ cell_type: 'code', execution_count: 1, id: 'a', metadata: {}, outputs: [], source }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5
    })
  const features = Array.from({ length: 100_000 }, (_, i) => `'f${i}'`)
  const cases: Record<string, ChangedFile> = {
    'a 190 kB dotted value in YAML': file(
      'configs/train.yaml',
      'lr: 0.1\n',
      `lr: 0.1\nname: ${times('a.', 190_000)}\n`
    ),
    'x-x-x lines in a notebook cell': file(
      'nb/train.ipynb',
      notebook(['x = 1\n']),
      notebook(Array.from({ length: 2000 }, () => `${times('x-', 500)}\n`))
    ),
    'a 100k-item feature list in a notebook': file(
      'nb/train.ipynb',
      notebook(["features = ['a']\n"]),
      notebook([`features = [\n${features.join(',\n')}\n]\n`, 'model.fit(df[features], y)\n'])
    ),
    'a 100k-item feature list in YAML': file(
      'configs/train.yaml',
      'features:\n  - a\n',
      `features:\n${features.map((f) => `  - ${f.slice(1, -1)}`).join('\n')}\n`
    ),
    'PEM BEGIN lines without END in a config': file(
      'configs/train.yaml',
      'lr: 0.1\n',
      `lr: 0.1\nkeys: |\n${times('  -----BEGIN PRIVATE KEY-----\n', 300_000)}`
    ),
    'a 1 MB single-line notebook': file(
      'nb/one.ipynb',
      null,
      notebook([`s = '${times('ab ', MB)}'`]).replace(/\n/g, '')
    )
  }
  for (const [name, f] of Object.entries(cases)) {
    it(
      name,
      () => {
        const { ms } = timed(() => {
          diffFile(f)
          analyseFiles([f])
        })
        // the YAML library itself reads about 20k lines a second on a loaded runner: linear, but not fast
        expect(ms).toBeLessThan(name.includes('YAML') ? 6 * BUDGET_MS : 2 * BUDGET_MS)
      },
      120_000
    )
  }
})
