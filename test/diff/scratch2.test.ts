import { it } from 'vitest'
import { redactSecrets } from '../../src/diff/redact.js'
it('r', () => {
  const samples = [
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"',
    'HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567',
    'client = OpenAI(api_key="sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z")',
    'anthropic = Anthropic(api_key="sk-ant-api03-AbCdEf0123456789GhIjKlMnOp")',
    'os.environ["WANDB_API_KEY"] = "0123456789abcdef0123456789abcdef01234567"',
    'wandb.login(key="0123456789abcdef0123456789abcdef01234567")',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n-----END RSA PRIVATE KEY-----',
    'password=hunter2',
    'db:\n  password: s3cr3t-pass word # comment',
    '{"api_key": "abcdef123456", "secret": "xyz987"}',
    'url = "https://alice:p4ssw0rd@example.com/repo.git"',
    'session_key: "Zx8Kq2Lm9Rt4Vb7Nc1Wd5Hs3Jf6Gp0Ya"',
    'tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B")',
    'max_tokens: 512', 'pad_token: "<pad>"', 'token_id = 5', 'num_tokens: 1024',
    'model: HuggingFaceH4/zephyr-7b-beta', 'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'commit = "4c8ddf2c6f5c2509cbc87d9804f9bd6e42dc0c1a"', 'login(token=hf_token)', 'use_auth_token=True',
    '    "    password = \\"hunter2\\"\\n",',
    'def f(token: str = None):', 'headers = {"Authorization": f"Bearer {token}"}',
    'curl -H "Authorization: Bearer abcDEF1234567890abcdefGHIJ"'
  ]
  for (const s of samples) { const r = redactSecrets(s); console.log(r.count, JSON.stringify(s), '=>', JSON.stringify(r.text)) }
})
