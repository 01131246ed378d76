// Configs written inside notebooks: a YAML string handed to a trainer, a %%writefile cell. The config checks read
// them at the notebook's lines.
import { describe, it } from 'vitest'
import { expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }
const yamlCell = (val: string, lr: string) =>
  `import yaml\n\nyaml_string = """\nbase_model: TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T\nmodel_type: LlamaForCausalLM\nval_set_size: ${val}\noutput_dir: ./qlora-out\nlearning_rate: ${lr}\n"""\nconfig = yaml.safe_load(yaml_string)`

describe('configs written inside notebooks', () => {
  it('val_set_size set to 0 in a YAML string, at its line in the notebook', () => {
    const before = notebook(['!pip install -q axolotl', yamlCell('0.05', '0.0002')])
    const after = notebook(['!pip install -q axolotl', yamlCell('0', '0.0002')])
    expectOne(run(modified('axolotl.ipynb', before, after)), 'EVAL-SPLIT-REMOVED', {
      ...warn,
      path: 'axolotl.ipynb',
      line: lineOf(after, 'val_set_size: 0')
    })
  })

  it('a learning rate raised 100× in a %%writefile cell', () => {
    const cell = (lr: string) =>
      `%%writefile config.yaml\nbase_model: mistralai/Mistral-7B-v0.1\nlearning_rate: ${lr}\nnum_epochs: 3\nmicro_batch_size: 2\n`
    const after = notebook([cell('2e-2'), '!accelerate launch -m axolotl.cli.train config.yaml'])
    const found = run(
      modified('ft.ipynb', notebook([cell('2e-4'), '!accelerate launch -m axolotl.cli.train config.yaml']), after)
    )
    expectOne(found, 'TRAIN-LR-CHANGED', {
      status: 'fail',
      bias: false,
      path: 'ft.ipynb',
      line: lineOf(after, 'learning_rate: 2e-2')
    })
  })

  it('an unchanged embedded config and a short string are not read as changes', () => {
    const nb = notebook([yamlCell('0.05', '0.0002'), 'prompt = """Answer:\nbe brief"""'])
    expectNone(
      run(modified('same.ipynb', nb, notebook([yamlCell('0.05', '0.0002'), 'print(1)']))),
      'EVAL-SPLIT-REMOVED'
    )
  })
})
