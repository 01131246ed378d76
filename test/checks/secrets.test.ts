// Credentials committed: token shapes and key-like literals under secret names, in code, configs and outputs.
import { describe, expect, it } from 'vitest'
import { added, expectNone, expectOne, lineOf, modified, notebook, run, stream } from './helpers.js'

const fail = { status: 'fail' as const, bias: false }
const ID = 'SUPPLY-SECRET-COMMITTED'
const HF = 'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'

describe('credentials committed', () => {
  it('a Hugging Face token passed to login(), never shown in the evidence', () => {
    const after = `from huggingface_hub import login\nlogin(token='${HF}')\n`
    const f = expectOne(run(modified('t.py', 'from huggingface_hub import login\nlogin()\n', after)), ID, {
      ...fail,
      path: 't.py',
      line: 2
    })
    expect(f.evidence).not.toContain(HF)
  })

  it('a W&B key in a notebook cell and a token in a config', () => {
    const key = '0123456789abcdef0123456789abcdef01234567'
    const nb = notebook(['import wandb', `wandb.login(key='${key}')`])
    expectOne(run(modified('w.ipynb', notebook(['import wandb', 'wandb.login()']), nb)), ID, {
      ...fail,
      path: 'w.ipynb',
      line: lineOf(nb, 'wandb.login(')
    })
    expectOne(run(modified('c.yaml', 'push_to_hub: true\n', `push_to_hub: true\nhub_token: ${HF}\n`)), ID, {
      ...fail,
      path: 'c.yaml',
      line: 2
    })
  })

  it('a token printed in an output', () => {
    const nb = notebook([{ source: 'print(os.environ["HF_TOKEN"])', outputs: [stream(`${HF}\n`)] }])
    expectOne(run(added('o.ipynb', nb)), ID, { ...fail, path: 'o.ipynb', line: lineOf(nb, HF) })
  })

  it('placeholders, reads from the environment and special tokens are not credentials', () => {
    const after = [
      "os.environ['HF_TOKEN'] = 'YOUR_HF_TOKEN'",
      "os.environ['WANDB_API_KEY'] = '<wandb key>'",
      "api_key = getpass('key: ')",
      "token = os.environ.get('HF_TOKEN')",
      'tokenizer.pad_token = tokenizer.eos_token',
      "special_tokens = {'pad_token': '<pad>'}",
      "secret_path = 'data/secret.txt'"
    ].join('\n')
    expectNone(run(added('ok.py', after)), ID)
  })

  it("an Azure service principal's client secret in a notebook cell, its quotes escaped in the JSON", () => {
    const cell = (pw: string) =>
      `sp_auth = ServicePrincipalAuthentication(tenant_id=tenant, service_principal_id=app_id,\n    service_principal_password="${pw}")`
    const before = notebook(['ws = Workspace.from_config()'])
    const after = notebook([cell('Qx8~kT2.vYp9_LmN4rWz-Hc7JdS3fGb6'), 'ws = Workspace.from_config(auth=sp_auth)'])
    const f = expectOne(run(modified('upload.ipynb', before, after)), ID, {
      ...fail,
      path: 'upload.ipynb',
      line: lineOf(after, 'service_principal_password')
    })
    expect(f.evidence).not.toContain('Qx8~kT2')
    // a host name under a password-named key is no key
    const host = notebook([cell('storage.core.windows.net.example1'), 'ws = Workspace.from_config(auth=sp_auth)'])
    expectNone(run(modified('upload.ipynb', before, host)), ID)
  })

  it('a credential already at the base is not new', () => {
    const text = `login(token='${HF}')\n`
    expectNone(run(modified('t.py', text, `${text}print(1)\n`)), ID)
  })
})
