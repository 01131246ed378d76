import { describe, expect, it } from 'vitest'
import { parseNotebook } from '../../src/diff/notebook.js'
import { redactSecrets, secretKindOfName, shannonEntropy } from '../../src/diff/redact.js'
import { bigImageNotebook, recidivismNotebook } from '../data/notebooks.js'
import { testData } from '../helpers/scenario.js'
import { notebookText } from './helpers.js'

// Fake secrets are assembled at run time so that no token-shaped literal sits in the repository.
let seed = 7
function random(alphabet: string, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    out += alphabet[seed % alphabet.length]
  }
  return out
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const HEX = '0123456789abcdef'
const B64 = ALNUM + '+/'

const pemBody = [random(B64, 64), random(B64, 64), random(B64, 40) + '==']
const pem = ['-----BEGIN ' + 'RSA PRIVATE KEY-----', ...pemBody, '-----END ' + 'RSA PRIVATE KEY-----'].join('\n')

interface Case {
  kind: string
  line: string
  secret: string
}

function cases(): Case[] {
  const c = (kind: string, secret: string, line: (s: string) => string): Case => ({ kind, secret, line: line(secret) })
  return [
    c('aws-access-key-id', 'AKIA' + random(UPPER, 16), (s) => `aws_access_key_id = ${s}`),
    c('aws-access-key-id', 'ASIA' + random(UPPER, 16), (s) => `key_id: "${s}"`),
    c('aws-secret-access-key', random(B64, 40), (s) => `aws_secret_access_key=${s}`),
    c('github-token', 'ghp_' + random(ALNUM, 36), (s) => `GITHUB_TOKEN = "${s}"`),
    c('github-token', 'gho_' + random(ALNUM, 36), (s) => `headers["x"] = "${s}"`),
    c('github-token', 'ghu_' + random(ALNUM, 36), (s) => `gh = Github("${s}")`),
    c('github-token', 'ghs_' + random(ALNUM, 36), (s) => `echo ${s}`),
    c('github-token', 'ghr_' + random(ALNUM, 36), (s) => `refresh=${s}`),
    c('github-token', 'github_pat_' + random(ALNUM, 22) + '_' + random(ALNUM, 59), (s) => `token: ${s}`),
    c('huggingface-token', 'hf_' + random(ALNUM, 34), (s) => `login(token="${s}")`),
    c('openai-key', 'sk-' + random(ALNUM, 48), (s) => `openai.api_key = "${s}"`),
    c('openai-key', 'sk-proj-' + random(ALNUM + '_-', 100) + 'A1', (s) => `client = OpenAI(api_key='${s}')`),
    c('anthropic-key', 'sk-ant-api03-' + random(ALNUM + '_-', 93) + 'AA', (s) => `Anthropic(api_key="${s}")`),
    c('wandb-api-key', random(HEX, 40), (s) => `os.environ["WANDB_API_KEY"] = "${s}"`),
    c('wandb-api-key', random(HEX, 40), (s) => `wandb.login(key="${s}")`),
    c('wandb-api-key', random(HEX, 40), (s) => `export WANDB_API_KEY=${s}`),
    c('private-key', pemBody[1], () => pem),
    c('password', 'hunter2-' + random(ALNUM, 6), (s) => `password = "${s}"`),
    c('password', 'Tr0ub4dor' + random(ALNUM, 4), (s) => `db_password: ${s}`),
    c('password', 'pw' + random(ALNUM, 10), (s) => `--password=${s}`),
    c('token', 'tok' + random(ALNUM, 12), (s) => `API_TOKEN=${s}`),
    c('token', 'tok' + random(ALNUM, 12), (s) => `https://example.com/data.csv?token=${s}&x=1`),
    c('api-key', 'key' + random(ALNUM, 12), (s) => `{"api_key": "${s}"}`),
    c('api-key', 'key' + random(ALNUM, 12), (s) => `COMET_API_KEY: '${s}'`),
    c('secret', 'sec' + random(ALNUM, 12), (s) => `client_secret = '${s}'`),
    c('secret', 'sec' + random(ALNUM, 12), (s) => `secret: ${s}`),
    c('url-credentials', 'p4ss' + random(ALNUM, 8), (s) => `git clone https://alice:${s}@github.com/org/repo.git`),
    c(
      'url-credentials',
      'p4ss' + random(ALNUM, 8),
      (s) => `MLFLOW_TRACKING_URI=postgresql://ml:${s}@db.internal:5432/mlflow`
    ),
    c('high-entropy', random(ALNUM, 32), (s) => `session_key = "${s}"`),
    c('bearer-token', random(ALNUM, 40), (s) => `headers = {"Authorization": "Bearer ${s}"}`)
  ]
}

function expectRedacted(text: string, kase: Case): void {
  const result = redactSecrets(text)
  expect(result.text, kase.line).not.toContain(kase.secret)
  expect(result.text, kase.line).toContain(`[REDACTED:${kase.kind}]`)
  expect(result.count).toBeGreaterThanOrEqual(1)
}

describe('redactSecrets', () => {
  for (const kase of cases()) {
    const name = `${kase.kind}: ${kase.line.split('\n')[0].replace(kase.secret, '…')}`

    it(`${name} — in a patch line`, () => {
      const patch = ['@@ -1,2 +1,3 @@', ' import os', ...kase.line.split('\n').map((l) => `+${l}`), ' train()'].join(
        '\n'
      )
      expectRedacted(patch, kase)
    })

    it(`${name} — in a notebook cell source and in the raw .ipynb`, () => {
      const text = notebookText([{ source: `import os\n${kase.line}\ntrain()` }])
      expectRedacted(parseNotebook(text).cells[0].source, kase)
      const raw = redactSecrets(text).text
      expect(raw).not.toContain(JSON.stringify(kase.secret).slice(1, -1))
    })

    it(`${name} — in a notebook output text`, () => {
      const text = notebookText([
        {
          source: 'print(config)',
          outputs: [{ output_type: 'stream', name: 'stdout', text: `loaded\n${kase.line}\n` }]
        }
      ])
      expectRedacted(parseNotebook(text).cells[0].outputs[0].text, kase)
    })
  }

  it('keeps scheme and host of a URL with credentials', () => {
    const out = redactSecrets('remote = https://bob:s3cret99@gitlab.example.com/team/repo.git').text
    expect(out).toBe('remote = https://[REDACTED:url-credentials]@gitlab.example.com/team/repo.git')
  })

  it('replaces the whole PEM block, also when cut off before its END line', () => {
    expect(redactSecrets(`key = """${pem}"""`).text).toBe('key = """[REDACTED:private-key]"""')
    const cut = ['+-----BEGIN ' + 'PRIVATE KEY-----', ...pemBody.map((l) => `+${l}`), ' next line'].join('\n')
    const out = redactSecrets(cut)
    expect(out.text).toBe('+[REDACTED:private-key]\n next line')
  })

  it('counts every replacement', () => {
    const text = `a = "${'hf_' + random(ALNUM, 34)}"\npassword: ${'x' + random(ALNUM, 10)}\n`
    expect(redactSecrets(text).count).toBe(2)
  })

  const negatives = [
    'tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B")',
    'tokenizer=tokenizer,',
    'max_tokens: 512',
    'max_new_tokens=256',
    'pad_token: "<pad>"',
    'tokenizer.pad_token = tokenizer.eos_token',
    'eos_token: "</s>"',
    'token_id = tokenizer.convert_tokens_to_ids("<|im_end|>")',
    'num_tokens: 1024',
    'model_name_or_path: HuggingFaceH4/zephyr-7b-beta',
    'base_model: meta-llama/Llama-3.2-3B',
    'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'commit = "4c8ddf2c6f5c2509cbc87d9804f9bd6e42dc0c1a"',
    'revision: 834565c',
    'https://github.com/huggingface/peft/commit/6c054d0ff2c92ac59a4c0ce0d66991b393b6a4a8',
    'login(token=hf_token)',
    'use_auth_token=True',
    'token = os.environ["HF_TOKEN"]',
    'api_key: ${oc.env:OPENAI_API_KEY}',
    'password: "<your password>"',
    'def fetch(token: str = None, api_key: Optional[str] = None):',
    'headers = {"Authorization": f"Bearer {token}"}',
    'Pass the token: it is required for gated models.',
    'the gap in their incoming academic credentials: small, but real',
    'from sklearn.model_selection import train_test_split',
    'git@github.com:huggingface/notebooks.git',
    'secret_santa = 3',
    '"kms_key": "arn:aws:kms:us-west-2:111122223333:key/6e9984db-50cf-4c7e-926c-877ec47a8b25"',
    'secret_arn: arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Xq3ZsT'
  ]

  for (const text of negatives) {
    it(`leaves ordinary ML text alone: ${text}`, () => {
      expect(redactSecrets(text)).toEqual({ text, count: 0 })
      expect(redactSecrets(`+${text}`).count).toBe(0)
    })
  }

  it('leaves base64 image data alone, even when a key-like run sits inside it', () => {
    const png = 'iVBORw0KGgo' + random(B64, 300) + 'AKIA' + 'ABCDEFGHIJKLMNOP' + '/' + random(B64, 300) + '=='
    const text = notebookText([
      { source: 'plot()', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': png } }] }
    ])
    expect(redactSecrets(text)).toEqual({ text, count: 0 })
  })

  it('changes nothing in configs and notebooks without secrets (up to 3 MB)', () => {
    const texts = [
      ...['llm-qlora.before.yml', 'llm-qlora.after.yml', 'dpo-lora.before.yaml', 'sft-lora.yaml', 'sft-qlora.yaml'].map(
        (f) => testData(`configs/${f}`)
      ),
      recidivismNotebook('base'),
      recidivismNotebook('train-test-swapped'),
      bigImageNotebook(3)
    ]
    for (const text of texts) {
      const result = redactSecrets(text)
      expect(result.count).toBe(0)
      expect(result.text === text).toBe(true)
    }
  })
})

describe('helpers', () => {
  it('classifies secret names', () => {
    expect(secretKindOfName('db_password')).toBe('password')
    expect(secretKindOfName('HF_TOKEN')).toBe('token')
    expect(secretKindOfName('openaiApiKey')).toBe('api-key')
    expect(secretKindOfName('pad_token')).toBeNull()
    expect(secretKindOfName('token_id')).toBeNull()
    expect(secretKindOfName('tokenizer')).toBeNull()
    expect(secretKindOfName('max_tokens')).toBeNull()
  })

  it('measures entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0)
    expect(shannonEntropy('abcd')).toBe(2)
  })
})
