import { describe, expect, it } from 'vitest'
import { isPin, isRemoteRepo } from '../../src/checks/supply-chain.js'
import { added, expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }

describe('SUPPLY-TRUST-REMOTE-CODE', () => {
  it('fails when trust_remote_code: true is introduced in a config', () => {
    const f = expectOne(
      run(modified('c.yml', 'base_model: org/m\n', 'base_model: org/m\ntrust_remote_code: true\n')),
      'SUPPLY-TRUST-REMOTE-CODE',
      {
        status: 'fail',
        bias: false,
        path: 'c.yml',
        line: 2
      }
    )
    expect(f.family).toBe('supply-chain')
  })

  it('fails when trust_remote_code=True is added in code', () => {
    const after = notebook([
      'tok = AutoTokenizer.from_pretrained(\n    "org/m",\n    revision="a1b2c3d",\n    trust_remote_code=True,\n)'
    ])
    expectOne(run(added('n.ipynb', after)), 'SUPPLY-TRUST-REMOTE-CODE', {
      status: 'fail',
      bias: false,
      path: 'n.ipynb',
      line: lineOf(after, 'trust_remote_code=True')
    })
  })

  it('does not flag it removed (fixture 03) or unchanged', () => {
    expectNone(run(modified('c.yml', 'trust_remote_code: true\nx: 1\n', 'x: 1\n')), 'SUPPLY-TRUST-REMOTE-CODE')
    const code = 'm = AutoModel.from_pretrained("org/m", revision="abc1234", trust_remote_code=True)\n'
    expectNone(run(modified('a.py', code, code + 'print(m)\n')), 'SUPPLY-TRUST-REMOTE-CODE')
  })
})

describe('SUPPLY-TORCH-LOAD-UNSAFE', () => {
  it('flags a new torch.load without weights_only=True', () => {
    expectOne(
      run(modified('a.py', 'import torch\n', 'import torch\nstate = torch.load("ckpt.pt", map_location="cpu")\n')),
      'SUPPLY-TORCH-LOAD-UNSAFE',
      {
        ...warn,
        path: 'a.py',
        line: 2
      }
    )
  })

  it('does not flag weights_only=True or an old call whose path changed', () => {
    expectNone(run(added('a.py', 'state = torch.load("ckpt.pt", weights_only=True)\n')), 'SUPPLY-TORCH-LOAD-UNSAFE')
    expectNone(
      run(modified('a.py', 'state = torch.load("a.pt")\n', 'state = torch.load("b.pt")\n')),
      'SUPPLY-TORCH-LOAD-UNSAFE'
    )
  })
})

describe('SUPPLY-PICKLE-DOWNLOAD', () => {
  it('flags joblib.load of a file from hf_hub_download', () => {
    const code =
      'import joblib\npath = hf_hub_download(repo_id="org/sk", filename="model.joblib")\nmodel = joblib.load(path)\n'
    expectOne(run(added('load.py', code)), 'SUPPLY-PICKLE-DOWNLOAD', { ...warn, path: 'load.py', line: 3 })
  })

  it('flags pickle.load through a handle opened on a downloaded file', () => {
    const after = notebook([
      'urllib.request.urlretrieve(url, "m.pkl")\nlocal = urlretrieve(url)[0]',
      'with open(local, "rb") as f:\n    clf = pickle.load(f)'
    ])
    expectOne(run(added('p.ipynb', after)), 'SUPPLY-PICKLE-DOWNLOAD', {
      ...warn,
      path: 'p.ipynb',
      line: lineOf(after, 'pickle.load(f)')
    })
  })

  it('does not flag local pickles', () => {
    expectNone(
      run(added('a.py', 'with open("model.pkl", "rb") as f:\n    clf = pickle.load(f)\n')),
      'SUPPLY-PICKLE-DOWNLOAD'
    )
  })
})

describe('SUPPLY-UNPINNED-REVISION', () => {
  it('flags a newly loaded Hub model without revision=, once per repo, via a variable, in a notebook that pins', () => {
    const after = notebook([
      'base = AutoModel.from_pretrained("org/backbone", revision="4f1a2b3")',
      'checkpoint = "microsoft/swin-tiny-patch4-window7-224"',
      'fe = AutoFeatureExtractor.from_pretrained(checkpoint)\nmodel = AutoModelForImageClassification.from_pretrained(checkpoint)'
    ])
    expectOne(run(added('ic.ipynb', after)), 'SUPPLY-UNPINNED-REVISION', {
      ...warn,
      path: 'ic.ipynb',
      line: lineOf(after, 'fe = AutoFeatureExtractor')
    })
  })

  it('does not flag models loaded by name in a notebook that pins none, before or after', () => {
    const cell = (id: string) => `tokenizer = AutoTokenizer.from_pretrained("${id}")`
    expectNone(run(added('ic.ipynb', notebook([cell('google/flan-t5-xxl')]))), 'SUPPLY-UNPINNED-REVISION')
    expectNone(
      run(modified('ic.ipynb', notebook([cell('org/a')]), notebook([cell('org/b')]))),
      'SUPPLY-UNPINNED-REVISION'
    )
  })

  it('flags a new model_name_or_path without a pin in a config that pins its models', () => {
    const before = 'policy:\n  model_name_or_path: org/a\n  model_revision: 1a2b3c4\n'
    const after = `${before}reward:\n  model_name_or_path: org/new-rm\n`
    expectOne(run(modified('r.yaml', before, after)), 'SUPPLY-UNPINNED-REVISION', { ...warn, path: 'r.yaml', line: 5 })
  })

  it('does not flag model ids in example configs that never pin revisions', () => {
    const change = modified('r.yaml', 'model_name_or_path: org/a\nseed: 1\n', 'model_name_or_path: org/b\nseed: 1\n')
    expectNone(run(change), 'SUPPLY-UNPINNED-REVISION')
    expectNone(
      run(added('recipes/sft.yaml', 'base_model: meta-llama/Llama-3.1-8B\nlr: 2e-5\n')),
      'SUPPLY-UNPINNED-REVISION'
    )
  })

  it('flags trust_remote_code in dict form at its line, and not a local checkpoint the notebook saved', () => {
    const code = [
      "model_kwargs = {'torch_dtype': 'auto',",
      "                'trust_remote_code': True}",
      "pipe = pipeline('text-generation', model='org/m', revision='abc1234', model_kwargs=model_kwargs)",
      "trainer.save_model('my-run/final')",
      "tuned = AutoModel.from_pretrained('my-run/final')",
      ''
    ].join('\n')
    const found = run(added('infer.py', code))
    expectOne(found, 'SUPPLY-TRUST-REMOTE-CODE', { status: 'fail', bias: false, path: 'infer.py', line: 2 })
    expectNone(found, 'SUPPLY-UNPINNED-REVISION')
  })

  it('does not flag pinned revisions, local paths, unchanged models, or revision: main as a pin', () => {
    expectNone(
      run(added('a.py', 'm = AutoModel.from_pretrained("org/m", revision="4f1a2b3")\n')),
      'SUPPLY-UNPINNED-REVISION'
    )
    expectNone(
      run(
        added(
          'a.py',
          'm = AutoModel.from_pretrained("./out/checkpoint-500")\nn = PeftModel.from_pretrained(m, "my-lora")\n'
        )
      ),
      'SUPPLY-UNPINNED-REVISION'
    )
    expectNone(
      run(modified('r.yaml', 'model_name_or_path: org/a\n', 'model_name_or_path: org/a\nmodel_revision: main\n')),
      'SUPPLY-UNPINNED-REVISION'
    )
    expect(isRemoteRepo('data/zephyr-7b-sft-lora')).toBe(false)
    // what a training run writes under its own folder name
    expect(isRemoteRepo('my_model/checkpoint-500')).toBe(false)
    expect(isRemoteRepo('bert_imdb/best_model')).toBe(false)
    expect(isRemoteRepo('facebook/opt-350m')).toBe(true)
    expect(isRemoteRepo('mistralai/Mistral-7B-v0.1')).toBe(true)
    expect(isPin('main')).toBe(false)
    expect(isPin('834565c')).toBe(true)
  })
})

describe('SUPPLY-REVISION-PIN-REMOVED', () => {
  it('flags the model_revision pin removed (fixture 03 shape), at the model line', () => {
    const before = 'base_model: microsoft/phi-2\nmodel_revision:  834565c  # pin\nmodel_type: AutoModelForCausalLM\n'
    const after = 'base_model: microsoft/phi-2\nmodel_type: AutoModelForCausalLM\n'
    expectOne(run(modified('phi2-ft.yml', before, after)), 'SUPPLY-REVISION-PIN-REMOVED', {
      ...warn,
      path: 'phi2-ft.yml',
      line: 1
    })
  })

  it('flags revision= dropped from from_pretrained', () => {
    const before = 'import x\nm = AutoModel.from_pretrained("org/m", revision="4f1a2b3")\n'
    const after = 'import x\nm = AutoModel.from_pretrained("org/m")\n'
    expectOne(run(modified('a.py', before, after)), 'SUPPLY-REVISION-PIN-REMOVED', { ...warn, path: 'a.py', line: 2 })
  })

  it('does not flag a pin moved to a newer commit', () => {
    const before = 'base_model: org/m\nmodel_revision: aaaa111\n'
    const after = 'base_model: org/m\nmodel_revision: bbbb222\n'
    expectNone(run(modified('c.yml', before, after)), 'SUPPLY-REVISION-PIN-REMOVED')
  })
})

describe('evidence', () => {
  it('never repeats a secret from the offending line', () => {
    const code =
      'import x\nm = AutoModel.from_pretrained("org/m", token="hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", trust_remote_code=True)\n'
    const [f] = run(added('a.py', code)).filter((x) => x.check === 'SUPPLY-TRUST-REMOTE-CODE')
    expect(f.evidence).not.toContain('hf_abcdefghijklmnopqrstuvwxyzABCDEFGH')
  })
})

describe('trust_remote_code read from the parser', () => {
  it('turned on through a variable, and not when the variable stays False', () => {
    const code = (flag: string) =>
      `TRUST = ${flag}\nmodel = AutoModel.from_pretrained(\n    'org/m',\n    revision='a1b2c3',\n    trust_remote_code=TRUST,\n)\n`
    expectOne(run(modified('load.py', code('False'), code('True'))), 'SUPPLY-TRUST-REMOTE-CODE', {
      status: 'fail',
      bias: false,
      path: 'load.py',
      line: 5
    })
    expectNone(run(modified('load.py', code('False'), `${code('False')}print(1)\n`)), 'SUPPLY-TRUST-REMOTE-CODE')
  })
})

describe('torch.load read from the parser', () => {
  it('under an alias, and weights_only=False, warn; weights_only=True does not', () => {
    const base = 'import torch as T\nx = 1\n'
    expectOne(
      run(modified('l.py', base, `${base}sd = T.load(\n    'm.pt',\n    weights_only=False)\n`)),
      'SUPPLY-TORCH-LOAD-UNSAFE',
      {
        status: 'warn',
        bias: false,
        path: 'l.py',
        line: 3
      }
    )
    expectNone(
      run(modified('l.py', base, `${base}sd = T.load('m.pt', weights_only=True)\n`)),
      'SUPPLY-TORCH-LOAD-UNSAFE'
    )
  })
})

describe('SUPPLY-DEPENDENCY-PIN-REMOVED', () => {
  const nb = (pip: string): string =>
    notebook([
      `# shap.summary_plot currently doesn't work with matplotlib>=3.6.0,\n# see bug report: https://github.com/slundberg/shap/issues/2687\n${pip}\nimport shap\nshap.initjs()`,
      'import matplotlib.pyplot as plt'
    ])

  it('warns when a pinned package is installed with no version', () => {
    const after = nb('!pip install matplotlib')
    const f = expectOne(
      run(modified('kernel_shap.ipynb', nb('!pip install matplotlib==3.5.3'), after)),
      'SUPPLY-DEPENDENCY-PIN-REMOVED',
      {
        status: 'warn',
        bias: false,
        path: 'kernel_shap.ipynb',
        line: lineOf(after, '!pip install matplotlib')
      }
    )
    expect(f.evidence).toContain('matplotlib==3.5.3 → no version')
  })

  it('reads %pip with options and quoted requirements', () => {
    const after = nb('%pip install -q -U "transformers[torch]" datasets==2.19.0')
    expectOne(
      run(modified('a.ipynb', nb('%pip install -q -U "transformers[torch]==4.41.2" datasets==2.19.0'), after)),
      'SUPPLY-DEPENDENCY-PIN-REMOVED',
      { status: 'warn', bias: false, path: 'a.ipynb', line: lineOf(after, '%pip install') }
    )
  })

  it('leaves a pin moved to another version, a pin replaced by a range, and an upper bound removed', () => {
    expectNone(
      run(modified('a.ipynb', nb('!pip install matplotlib==3.5.3'), nb('!pip install matplotlib==3.8.0'))),
      'SUPPLY-DEPENDENCY-PIN-REMOVED'
    )
    expectNone(
      run(modified('a.ipynb', nb('%pip install "openai==0.28"'), nb('%pip install "openai>=1"'))),
      'SUPPLY-DEPENDENCY-PIN-REMOVED'
    )
    expectNone(
      run(modified('a.ipynb', nb('%pip install "langchain<=0.0.301"'), nb('%pip install langchain'))),
      'SUPPLY-DEPENDENCY-PIN-REMOVED'
    )
  })
})
