// Big and awkward pull requests: the 3000-file cap, notebooks past the budget, files over 1 MB, binaries, LFS
// pointers, renames, deletions; each file fetched once per ref; secrets never reach the bridge.
import { describe, expect, it } from 'vitest'
import { answer } from './fakes/bridge.js'
import type { FakeFile } from './fakes/github.js'
import { useFakes } from './helpers/fakes.js'
import { runInProcess } from './helpers/action.js'
import { bigImageNotebook } from './data/notebooks.js'
import { BASE, HEAD, PASSING_REPORT, prPayload, testData } from './helpers/scenario.js'

const fakes = useFakes('octo-org/ml-repo', (f) => {
  f.bridge.script(answer.text(200, PASSING_REPORT))
})

const run = (inputs: Record<string, string> = {}, changedFiles = 3) =>
  runInProcess({
    apiUrl: fakes.gh.url,
    eventName: 'pull_request',
    payload: withChanged(prPayload(7), changedFiles),
    inputs: { 'bridge-url': fakes.bridge.url, 'bridge-token': 'tkn-0123456789', ...inputs }
  })

function withChanged(payload: Record<string, any>, n: number): Record<string, unknown> {
  return { ...payload, pull_request: { ...payload.pull_request, changed_files: n } }
}

function notebook(i: number, extra = ''): string {
  const cells = [
    {
      cell_type: 'code',
      execution_count: 1,
      id: 'c1',
      metadata: {},
      outputs: [],
      source: [`lr = ${i}e-4\n`, `epochs = ${i % 7}\n`, extra]
    },
    { cell_type: 'markdown', id: 'c2', metadata: {}, source: [`# Notebook ${i}`] }
  ]
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)
}

describe('a 3000-file pull request with 200 notebooks', () => {
  it('stays within max-request-bytes, says the file list was capped and lists what it left out', async () => {
    const files: FakeFile[] = []
    for (let i = 0; i < 3100; i++) {
      if (i % 15 === 0 && files.filter((f) => f.filename.endsWith('.ipynb')).length < 200) {
        const name = `nb/n${i}.ipynb`
        files.push({ filename: name, status: 'modified', patch: '@@' })
        fakes.gh.setContent(BASE, name, notebook(i))
        fakes.gh.setContent(HEAD, name, notebook(i + 1, `print('${'x'.repeat(2000)}')\n`))
      } else {
        files.push({ filename: `src/pkg${i % 40}/m${i}.py`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })
      }
    }
    fakes.gh.addPull({ number: 7, headSha: HEAD, baseSha: BASE, files })
    const rec = await run({ 'max-request-bytes': '60000' }, 3100)
    expect(fakes.bridge.requests).toHaveLength(1)
    expect(Buffer.byteLength(fakes.bridge.requests[0].raw)).toBeLessThanOrEqual(60000)
    const msg: string = fakes.bridge.requests[0].body.message
    expect(msg).toContain('Left out to fit the request size')
    expect(msg).toMatch(/GitHub lists at most 3000 files/)
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body).toMatch(/Not sent to the agent to stay within max-request-bytes \(\d+\)/)
    expect(body).toMatch(/GitHub lists at most 3000 files of a pull request; this one changes 3100/)
    // pages of 100, no more than GitHub serves
    expect(fakes.gh.calls('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(30)
    expect(rec.outputs.skipped).toBe('false')
  })
})

describe('a content fetch that fails while later pages are listed', () => {
  it('fails the run with that error, completes the check, and leaves no unhandled rejection', async () => {
    const files: FakeFile[] = [{ filename: 'nb/broken.ipynb', status: 'modified' }]
    for (let i = 0; i < 250; i++) files.push({ filename: `src/m${i}.py`, status: 'modified', patch: '@@' })
    fakes.gh.addPull({ number: 7, headSha: HEAD, baseSha: BASE, files })
    fakes.gh.brokenPaths.add('nb/broken.ipynb')
    fakes.gh.latencyMs = 20
    const rec = await run()
    expect(rec.failed).toMatch(/Unprocessable Entity/)
    expect(fakes.gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(fakes.bridge.requests).toHaveLength(0)
  })
})

describe('awkward files', () => {
  it('reads >1 MB files raw, notes binaries and LFS pointers, follows renames, handles deletions, fetches each once', async () => {
    const big = bigImageNotebook(3)
    expect(big.length).toBeGreaterThan(1024 * 1024)
    fakes.gh.addPull({
      number: 7,
      headSha: HEAD,
      baseSha: BASE,
      files: [
        { filename: 'nb/big.ipynb', status: 'added' },
        { filename: 'configs/weights.json', status: 'modified' },
        { filename: 'configs/data.yaml', status: 'modified' },
        {
          filename: 'recipes/sft/config_qlora.yaml',
          status: 'renamed',
          previous_filename: 'recipes/sft/config_lora.yaml',
          patch: '@@'
        },
        { filename: 'recipes/dpo/config_lora.yaml', status: 'removed', patch: '@@' }
      ]
    })
    fakes.gh.setContent(HEAD, 'nb/big.ipynb', big)
    fakes.gh.setContent(BASE, 'configs/weights.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
    fakes.gh.setContent(HEAD, 'configs/weights.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 3]))
    fakes.gh.setContent(
      BASE,
      'configs/data.yaml',
      'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n'
    )
    fakes.gh.setContent(
      HEAD,
      'configs/data.yaml',
      'version https://git-lfs.github.com/spec/v1\noid sha256:def\nsize 456\n'
    )
    fakes.gh.setContent(BASE, 'recipes/sft/config_lora.yaml', testData('configs/sft-lora.yaml'))
    fakes.gh.setContent(HEAD, 'recipes/sft/config_qlora.yaml', testData('configs/sft-qlora.yaml'))
    fakes.gh.setContent(BASE, 'recipes/dpo/config_lora.yaml', testData('configs/dpo-lora.before.yaml'))
    const rec = await run()
    const msg: string = fakes.bridge.requests[0].body.message
    expect(msg).toContain('nb/big.ipynb (added)')
    expect(msg).not.toMatch(/[A-Za-z0-9+/]{200,}/)
    expect(msg).toMatch(/configs\/weights\.json[\s\S]*binary file/)
    expect(msg).toMatch(/configs\/data\.yaml[\s\S]*Git LFS pointer/)
    expect(msg).toContain('recipes/sft/config_qlora.yaml (renamed, was recipes/sft/config_lora.yaml)')
    expect(msg).toMatch(/learning_rate: 2\.0e-05 → 2\.0e-04/)
    expect(msg).toContain('recipes/dpo/config_lora.yaml (removed)')
    const fetched = fakes.gh
      .calls('GET', '/repos/{owner}/{repo}/contents/{path}')
      .map((r) => `${r.query.get('ref')}:${r.path}`)
    expect(new Set(fetched).size).toBe(fetched.length)
    expect(fetched.some((f) => f.endsWith('contents/recipes/sft/config_lora.yaml') && f.startsWith(BASE))).toBe(true)
    // a binary head and an LFS pointer cannot be analysed: the check fails and names them (SPEC §8)
    expect(rec.failed).toMatch(/could not be analysed \(.*configs\/weights\.json.*configs\/data\.yaml/)
  })

  it('redacts secrets from notebook sources, outputs and configs before they reach the bridge, and counts them', async () => {
    const aws = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')
    const hf = ['hf', '_', 'abcdefghijklmnopqrstuvwxyzABCDEF12'].join('')
    const nb = JSON.stringify(
      {
        cells: [
          {
            cell_type: 'code',
            execution_count: 1,
            id: 'a',
            metadata: {},
            source: [`key = "${aws}"\n`, 'lr = 1e-4'],
            outputs: [{ output_type: 'stream', name: 'stdout', text: [`token ${hf}\n`] }]
          }
        ],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5
      },
      null,
      1
    )
    fakes.gh.addPull({
      number: 7,
      headSha: HEAD,
      baseSha: BASE,
      files: [
        { filename: 'nb/s.ipynb', status: 'added' },
        {
          filename: 'configs/train.yaml',
          status: 'added',
          patch: `@@ -0,0 +1 @@\n+wandb_api_key: ${'0123456789abcdef'.repeat(2)}0123abcd`
        }
      ]
    })
    fakes.gh.setContent(HEAD, 'nb/s.ipynb', nb)
    fakes.gh.setContent(
      HEAD,
      'configs/train.yaml',
      `learning_rate: 1e-4\npassword: "s3cr3t-Pa55word-value"\nhf_token: ${hf}\n`
    )
    await run()
    const raw = fakes.bridge.requests[0].raw
    for (const secret of [aws, hf, 's3cr3t-Pa55word-value']) expect(raw).not.toContain(secret)
    expect(raw).toContain('[REDACTED:')
    const body = (fakes.gh.comments.get(7) ?? [])[0].body
    expect(body).toMatch(/\d+ secrets were redacted before anything left the runner/)
    for (const secret of [aws, hf, 's3cr3t-Pa55word-value']) expect(body).not.toContain(secret)
  })
})
