// What breaks a notebook or config silently: a statement that no longer parses, a YAML key written twice, a reseed
// taken away right before a random split while the same seed call stays elsewhere.
import { describe, it } from 'vitest'
import { added, expectNone, expectOne, lineOf, modified, notebook, run } from './helpers.js'

const warn = { status: 'warn' as const, bias: false }

describe('REPRO-SYNTAX-ERROR', () => {
  it('a typo that splits a name, at its line', () => {
    const before = notebook(["credit_male = pd.value_counts(df[df['is_female'] == 0]['status'].values)\ncredit_male"])
    const after = notebook(["credit_mal e= pd.value_counts(df[df['is_female'] == 0]['status'].values)\ncredit_male"])
    expectOne(run(modified('credit.ipynb', before, after)), 'REPRO-SYNTAX-ERROR', {
      ...warn,
      path: 'credit.ipynb',
      line: lineOf(after, 'credit_mal e=')
    })
  })

  it('valid forms the grammar reads differently, magics and Python 2 examples are not errors', () => {
    const before = notebook(['x = 1'])
    const after = notebook([
      'x = 1',
      "ax2.set_ylim(0., 0.7)\nif 'DI' in name:\n    ax.text(w/2., h + 1, f'{t:.1f}ms')",
      '%matplotlib inline\n!pip install -q datasets',
      'for _ in range(3):\n    idx = np.random.randint(10)'
    ])
    expectNone(run(modified('ok.ipynb', before, after)), 'REPRO-SYNTAX-ERROR')
    const py2 = notebook(['x = 1', 'print "odds ratio: {}".format(r)'])
    expectNone(run(modified('py2.ipynb', before, py2)), 'REPRO-SYNTAX-ERROR')
    expectNone(run(added('new.py', 'def f(:\n    pass\n')), 'REPRO-SYNTAX-ERROR')
  })

  it('a code cell VS Code keeps as plain text (or SQL) is not Python; the same prose in a Python cell is', () => {
    const before = notebook(['x = 1'])
    const prose = (languageId?: string): string =>
      notebook([
        'x = 1',
        { source: 'Follow the full AIF360 Example', ...(languageId ? { metadata: { vscode: { languageId } } } : {}) }
      ])
    for (const languageId of ['plaintext', 'sql']) {
      const result = run(modified('m.ipynb', before, prose(languageId)))
      expectNone(result, 'REPRO-SYNTAX-ERROR')
      expectNone(result, 'REPRO-UNDEFINED-NAME')
    }
    for (const after of [prose('python'), prose()])
      expectOne(run(modified('m.ipynb', before, after)), 'REPRO-SYNTAX-ERROR', {
        ...warn,
        path: 'm.ipynb',
        line: lineOf(after, 'Follow the full')
      })
  })
})

describe('TRAIN-DUPLICATE-KEY', () => {
  it('a key the change writes twice in one mapping; one already doubled at the base is not new', () => {
    const before = 'learning_rate: 1.0e-6\ndo_eval: false\nnum_generations: 8\n'
    const after = 'learning_rate: 1.0e-6\ndo_eval: false\nnum_generations: 8\ndo_eval: true\n'
    expectOne(run(modified('grpo.yaml', before, after)), 'TRAIN-DUPLICATE-KEY', { ...warn, path: 'grpo.yaml', line: 4 })
    expectNone(run(modified('grpo.yaml', after, `${after}seed: 42\n`)), 'TRAIN-DUPLICATE-KEY')
    const nested = 'a:\n  lr: 1\nb:\n  lr: 2\n'
    expectNone(run(modified('n.yaml', 'a:\n  lr: 1\n', nested)), 'TRAIN-DUPLICATE-KEY')
  })
})

describe('a reseed removed before a draw', () => {
  it('np.random.seed(SEED) taken out of the split cell while the same call stays in the first cell', () => {
    const split = 'split = np.random.rand(len(data)) < 0.7\ntrain = data[split]\nvalid = data[~split]'
    const before = notebook(['SEED = 12345\nnp.random.seed(SEED)', `np.random.seed(SEED)\n${split}`])
    const after = notebook(['SEED = 12345\nnp.random.seed(SEED)', split])
    expectOne(run(modified('split.ipynb', before, after)), 'REPRO-SEED-REMOVED', {
      ...warn,
      path: 'split.ipynb',
      line: lineOf(after, 'split = np.random.rand')
    })
    // a reseed with no draw after it in its cell made nothing repeatable
    const idle = notebook(['SEED = 12345\nnp.random.seed(SEED)', 'np.random.seed(SEED)\nprint(data.shape)'])
    expectNone(
      run(modified('idle.ipynb', idle, notebook(['SEED = 12345\nnp.random.seed(SEED)', 'print(data.shape)']))),
      'REPRO-SEED-REMOVED'
    )
  })
})

describe('REPRO-UNDEFINED-NAME', () => {
  const load = "import pandas as pd\nimport xai\ndf = pd.read_csv('loans.csv')"
  it('a list created under a misspelt name and used under the right one, a keyword argument beside it binding nothing', () => {
    const before = notebook([load, "groups = df['sex'].unique()"])
    const after = notebook([
      load,
      "groups = df['sex'].unique()\nsubroup_dfs = []\nfor grp in groups:\n    subgroup_dfs.append(df[df['sex'] == grp].copy())",
      'recall_df = pd.concat(subgroup_dfs, axis=0)'
    ])
    expectOne(run(modified('recall.ipynb', before, after)), 'REPRO-UNDEFINED-NAME', {
      ...warn,
      path: 'recall.ipynb',
      line: lineOf(after, 'subgroup_dfs.append')
    })
    // chained and tuple assignments still bind
    const bound = notebook([
      load,
      'a = subgroup_dfs = []\nfirst, rest = df.head(1), df.tail(2)\nprint(subgroup_dfs, rest)'
    ])
    expectNone(run(modified('recall.ipynb', before, bound)), 'REPRO-UNDEFINED-NAME')
  })

  it('a loop variable misspelt in its body', () => {
    const before = notebook([
      load,
      "for group, group_df in xai.group_by_columns(df, ['gender']):\n    print(group_df['loan'].head())"
    ])
    const after = notebook([
      load,
      "for group, group_df in xai.group_by_columns(df, ['gender']):\n    print(group)\n    print(df_group['loan'].head())"
    ])
    expectOne(run(modified('groups.ipynb', before, after)), 'REPRO-UNDEFINED-NAME', {
      ...warn,
      path: 'groups.ipynb',
      line: lineOf(after, 'print(df_group')
    })
  })

  it('parameters, comprehensions, magics, exceptions and names the base already used are defined', () => {
    const before = notebook([load, 'print(spark_conf)'])
    const after = notebook([
      load,
      'print(spark_conf)',
      'def score(model, X, y=None):\n    return model.score(X, y)',
      'sq = [v * v for v in range(3)]\nf = lambda a, b: a + b',
      '%time result = df.describe()',
      'print(result)',
      'if (n := len(df)) > 3:\n    raise ValueError(n)',
      'with open("a") as fh:\n    text = fh.read()'
    ])
    expectNone(run(modified('ok.ipynb', before, after)), 'REPRO-UNDEFINED-NAME')
    const star = notebook(['from helpers import *', 'print(helper_value)'])
    expectNone(run(modified('star.ipynb', notebook(['from helpers import *']), star)), 'REPRO-UNDEFINED-NAME')
  })
})
