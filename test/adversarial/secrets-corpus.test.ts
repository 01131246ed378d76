// Redaction that holds: a few hundred realistic secrets, generated here, in every place a pull request can carry them
// (config values on both sides of a change, YAML anchors, JSON escapes, folded lines, notebook sources and outputs),
// run through the action against the fakes. None may reach the bridge, the comment, the check, the summary, the
// outputs or the log.
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { BridgeRequest } from '../fakes/bridge.js'
import { useFakes } from '../helpers/fakes.js'
import { report } from '../helpers/scenario.js'
import { published, runPr, seedPr } from './pr.js'

/** A small seeded generator, so a failure names the same secret on every run. */
function rng(seed: number): (alphabet: string, n: number) => string {
  let x = seed
  return (alphabet, n) => {
    let out = ''
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648
      out += alphabet[(x >>> 16) % alphabet.length]
    }
    return out
  }
}
const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const HEX = '0123456789abcdef'
const B64 = AN + '+/'
const URLSAFE = AN + '-_'

interface Secret {
  kind: string
  /** the text as written in the file */
  value: string
  /** what must never be published: the random part */
  core: string
}

function corpus(n: number): Secret[] {
  const r = rng(42)
  const out: Secret[] = []
  const add = (kind: string, value: string, core: string): void => void out.push({ kind, value, core })
  for (let i = 0; i < n; i++) {
    let c = r(AN, 36)
    add('github', `ghp_${c}`, c)
    c = r(AN, 22)
    add('github-pat', `github_pat_${c}_${r(AN, 59)}`, c)
    c = r(UP, 16)
    add('aws', `AKIA${c}`, c)
    c = r(AN, 34)
    add('huggingface', `hf_${c}`, c)
    c = r(AN, 20) + '1A' + r(AN, 26)
    add('openai', `sk-proj-${c}`, c)
    c = r(URLSAFE, 93)
    add('anthropic', `sk-ant-api03-${c}`, c.slice(0, 40))
    c = r(AN, 24)
    add('slack', `xoxb-${r('0123456789', 12)}-${r('0123456789', 13)}-${c}`, c)
    c = r(AN, 24)
    add('slack-webhook', `https://hooks.slack.com/services/T${r(UP, 8)}/B${r(UP, 10)}/${c}`, c)
    c = r(AN, 24)
    add('stripe', `sk_live_${c}`, c)
    c = r(URLSAFE, 35)
    add('google', `AIza${c}`, c)
    c = r(URLSAFE, 43)
    add('jwt', `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${c}`, c)
    c = r(AN, 36)
    add('npm', `npm_${c}`, c)
    c = r(URLSAFE, 70)
    add('pypi', `pypi-AgEIcHlwaS5vcmc${c}`, c.slice(0, 40))
    c = r(B64, 86)
    add(
      'azure-connection',
      `DefaultEndpointsProtocol=https;AccountName=acct${i};AccountKey=${c}==;EndpointSuffix=core.windows.net`,
      c.slice(0, 40)
    )
    c = r(AN + '%', 43)
    add('azure-sas', `https://acct${i}.blob.core.windows.net/data?sv=2022-11-02&ss=b&sig=${c}`, c)
    c = r(AN, 18)
    add('redis-url', `redis://:${c}@cache${i}.internal:6379/0`, c)
    c = r(AN, 14)
    add('postgres-url', `postgresql://ml_user:${c}@db${i}.internal:5432/features`, c)
  }
  return out
}

const SECRETS = corpus(12)
const fakes = useFakes()

/** A YAML config: every secret under a key, some under anchors, a password with spaces changed on both sides. */
function yamlConfig(side: 'before' | 'after', secrets: Secret[], r: (a: string, n: number) => string): string {
  const lines = ['learning_rate: 0.0002', 'num_train_epochs: 3', 'services:']
  secrets.forEach((s, i) => lines.push(`  s${i}_${s.kind.replace(/-/g, '_')}: "${s.value}"`))
  lines.push(
    `database:`,
    `  password: ${side === 'before' ? 'correct horse battery staple 42' : 'tr0ub4dor and 3 more words'}`,
    `shared: &tok "${r(AN, 30)}"`,
    `tracker:`,
    `  api_key: *tok`,
    `folded:`,
    `  api_token: >`,
    `    ${r(AN, 20)}`,
    `    ${r(AN, 20)}`
  )
  return lines.join('\n') + '\n'
}

describe('a corpus of realistic secrets in every place a PR carries them', () => {
  it('none reaches the bridge, the comment, the check, the summary, the outputs or the log', async () => {
    const r = rng(7)
    const half = Math.floor(SECRETS.length / 2)
    const yamlSecrets = SECRETS.slice(0, half)
    const before = yamlConfig('before', yamlSecrets.slice(0, 20), rng(1))
    const after = yamlConfig('after', yamlSecrets, rng(2))
    // the anchored, folded and spaced values: known only once the YAML is parsed
    const parsedOnly = [...before.matchAll(/&tok "([^"]+)"|^ {4}([A-Za-z0-9]{20})$/gm)]
      .concat([...after.matchAll(/&tok "([^"]+)"|^ {4}([A-Za-z0-9]{20})$/gm)])
      .map((m) => m[1] ?? m[2])
    const escapedToken = `ghp_${r(AN, 36)}`
    const escaped = escapedToken.replace(/[a-z]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`)
    const json = `{\n  "learning_rate": 0.001,\n  "epochs": 2,\n  "hub_token": "${escaped}",\n  "note": "${escaped}"\n}\n`
    const wandb = r(HEX, 40)
    const netrc = r(HEX, 40)
    const nbSecrets = SECRETS.slice(half)
    const source = [
      'import os\n',
      `%env WANDB_API_KEY ${wandb}\n`,
      `!echo "machine api.wandb.ai login user password ${netrc}" > ~/.netrc\n`,
      ...nbSecrets.map((s, i) => `os.environ["SECRET_${i}"] = "${s.value}"\n`),
      'model.fit(X, y)\n'
    ]
    const outputs = [{ output_type: 'stream', name: 'stdout', text: nbSecrets.map((s) => `using ${s.value}\n`) }]
    const notebook = (src: string[], outs: unknown[]): string =>
      JSON.stringify(
        {
          cells: [{ cell_type: 'code', execution_count: 1, id: 'c1', metadata: {}, outputs: outs, source: src }],
          metadata: {},
          nbformat: 4,
          nbformat_minor: 5
        },
        null,
        1
      )
    seedPr(fakes.gh, [
      { path: 'configs/train.yaml', before, after },
      { path: 'configs/train.json', before: '{"learning_rate": 0.001, "epochs": 2}\n', after: json },
      { path: 'notebooks/train.ipynb', before: notebook(['import os\n'], []), after: notebook(source, outputs) }
    ])
    // a bridge that echoes what it was sent into its report, so anything it got would be published too
    fakes.bridge.script((req: BridgeRequest, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ report: report(['- [x] Fairness per group — PASS']) + '\n\n' + req.body.message }))
    })
    const rec = await runPr(fakes.gh, {
      'bridge-url': fakes.bridge.url,
      'bridge-token': 'bridge-token-abcdef0123456789'
    })
    expect(fakes.bridge.requests).toHaveLength(1)
    const everything = [fakes.bridge.requests.map((q) => q.raw).join('\n'), published(fakes.gh, rec)].join('\n')
    // the run did publish the changes (so the test looks where the secrets would be)
    expect(everything).toContain('configs/train.yaml')
    expect(everything).toContain('[REDACTED')
    const cores = [
      ...SECRETS.map((s) => ({ kind: s.kind, core: s.core })),
      ...parsedOnly.map((core) => ({ kind: 'parsed-config', core })),
      { kind: 'json-escaped', core: escapedToken.slice(4) },
      { kind: 'wandb-env', core: wandb },
      { kind: 'netrc', core: netrc },
      { kind: 'password-before', core: 'correct horse battery staple' },
      { kind: 'password-after', core: 'tr0ub4dor and 3 more words' }
    ]
    expect(cores.length).toBeGreaterThan(200)
    const leaked = cores.filter((c) => everything.includes(c.core)).map((c) => `${c.kind}: ${c.core}`)
    expect(leaked).toEqual([])
  }, 120_000)

  it('a 401 body that echoes the bridge token past offset 459 shows none of it', async () => {
    const token = 'brt_' + rng(3)(AN, 40)
    seedPr(fakes.gh, [{ path: 'configs/train.yaml', before: 'lr: 0.1\nepochs: 1\n', after: 'lr: 0.2\nepochs: 1\n' }])
    fakes.bridge.script((_req: BridgeRequest, res: ServerResponse) => {
      res.writeHead(401, { 'content-type': 'text/plain' })
      res.end(`${'x'.repeat(459)} invalid bearer ${token} for this gateway`)
    })
    const rec = await runPr(fakes.gh, { 'bridge-url': fakes.bridge.url, 'bridge-token': token })
    const shown = published(fakes.gh, rec)
    expect(shown).toMatch(/The bridge answered 401/)
    for (let i = 0; i + 8 <= token.length; i++) expect(shown).not.toContain(token.slice(i, i + 8))
  })
})
