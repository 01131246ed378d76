import { describe, expect, it } from 'vitest'
import { diffConfig, formatConfigValue, isConfigPath, parseConfigEntries } from '../../src/diff/config.js'

const keys = (path: string, text: string): Record<string, unknown> =>
  Object.fromEntries(parseConfigEntries(path, text).map((e) => [e.key, e.value]))
const lineOf = (path: string, text: string, key: string): number | undefined =>
  parseConfigEntries(path, text).find((e) => e.key === key)?.line

describe('isConfigPath', () => {
  it('knows the config extensions', () => {
    expect(['a.yaml', 'b/c.YML', 'ds_config.json', 'pyproject.toml'].every(isConfigPath)).toBe(true)
    expect(['nb.ipynb', 'train.py', 'MLproject', 'yaml.txt'].some(isConfigPath)).toBe(false)
  })
})

describe('parseConfigEntries', () => {
  it('flattens YAML maps and lists, with key lines', () => {
    const text =
      'training:\n  learning_rate: 2.0e-05\n  target_modules: [q_proj, k_proj, v_proj]\nempty_map: {}\nempty_list: []\nunset:\n'
    expect(keys('c.yaml', text)).toEqual({
      'training.learning_rate': 0.00002,
      'training.target_modules[0]': 'q_proj',
      'training.target_modules[1]': 'k_proj',
      'training.target_modules[2]': 'v_proj',
      empty_map: {},
      empty_list: [],
      unset: null
    })
    expect(lineOf('c.yaml', text, 'training.learning_rate')).toBe(2)
    expect(lineOf('c.yaml', text, 'unset')).toBe(6)
  })

  it('reads every document of a multi-document YAML, prefixing docN. for N ≥ 1', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc:\n  d: 3\n'
    expect(keys('multi.yaml', text)).toEqual({ a: 1, 'doc1.b': 2, 'doc2.c.d': 3 })
    expect(lineOf('multi.yaml', text, 'doc2.c.d')).toBe(6)
    expect(keys('single.yaml', '---\na: 1\n')).toEqual({ a: 1 })
  })

  it('handles Hydra defaults lists', () => {
    const text =
      'defaults:\n  - _self_\n  - override /model: mnist\n  - optional db: mysql\n\ntrainer:\n  max_epochs: 10\n'
    const entries = parseConfigEntries('configs/train.yaml', text)
    expect(entries).toEqual([
      { key: 'defaults[0]', value: '_self_', line: 2 },
      { key: 'defaults[1].override /model', value: 'mnist', line: 3 },
      { key: 'defaults[2].optional db', value: 'mysql', line: 4 },
      { key: 'trainer.max_epochs', value: 10, line: 7 }
    ])
  })

  it('resolves anchors, aliases and merge keys', () => {
    const text = 'base: &base\n  lr: 0.1\n  epochs: 3\nexp:\n  <<: *base\n  epochs: 5\ncopy: *base\n'
    expect(keys('c.yml', text)).toEqual({
      'base.lr': 0.1,
      'base.epochs': 3,
      'exp.lr': 0.1,
      'exp.epochs': 5,
      'copy.lr': 0.1,
      'copy.epochs': 3
    })
  })

  it('flattens JSON with key lines', () => {
    const text =
      '{\n  "optimizer": {\n    "type": "Adam",\n    "params": {"lr": 1e-8, "betas": [0.8, 0.999]}\n  },\n  "fp16": {}\n}\n'
    const entries = parseConfigEntries('ds_config.json', text)
    expect(entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ['optimizer.type', 'Adam', 3],
      ['optimizer.params.lr', 1e-8, 4],
      ['optimizer.params.betas[0]', 0.8, 4],
      ['optimizer.params.betas[1]', 0.999, 4],
      ['fp16', {}, 6]
    ])
  })

  it('flattens TOML and finds key lines section by section', () => {
    const text = [
      'seed = 42',
      '[training]',
      'lr = 2.0e-05  # small',
      'epochs = 3',
      '[training.optimizer]',
      'name = "adamw"',
      'betas = [0.9, 0.95]',
      '[[datasets]]',
      'path = "a"',
      '[[datasets]]',
      'path = "b"',
      'mix.weight = 0.5',
      '[model]',
      'lora = { r = 16, alpha = 32 }',
      'notes = """',
      'lr = 1',
      '"""'
    ].join('\n')
    const entries = parseConfigEntries('train.toml', text)
    const at = Object.fromEntries(entries.map((e) => [e.key, e.line]))
    expect(at).toEqual({
      seed: 1,
      'training.lr': 3,
      'training.epochs': 4,
      'training.optimizer.name': 6,
      'training.optimizer.betas[0]': 7,
      'training.optimizer.betas[1]': 7,
      'datasets[0].path': 9,
      'datasets[1].path': 11,
      'datasets[1].mix.weight': 12,
      'model.lora.r': 14,
      'model.lora.alpha': 14,
      'model.notes': 15
    })
    expect(keys('train.toml', text)['training.lr']).toBe(0.00002)
    const d = diffConfig('train.toml', text, text.replace('lr = 2.0e-05', 'lr = 2.0e-04'))
    expect(d.summary).toContain('training.lr: 2.0e-05 → 2.0e-04')
    expect(d.changedLines).toEqual([3])
  })

  it('reads a quoted value continued no deeper than its key, as PyYAML does, with every line where it was', () => {
    const text =
      "HalfCheetah-v4:\n  n_timesteps: !!float 1e6\n  replay_buffer_kwargs: \"dict(\n    goal_selection_strategy='future',\n    n_sampled_goal=4\n  )\"\n  policy_kwargs: 'dict(net_arch=[64, 64])'\n  learning_starts: 10000\n"
    const entries = parseConfigEntries('hyperparams/sac.yml', text)
    const get = (k: string) => entries.find((e) => e.key === k)
    expect(get('HalfCheetah-v4.replay_buffer_kwargs')?.value).toBe(
      "dict( goal_selection_strategy='future', n_sampled_goal=4 )"
    )
    expect(get('HalfCheetah-v4.learning_starts')).toMatchObject({ value: 10000, line: 8 })
    // a value left open to the end is still an error, named as the strict reading names it
    expect(() => parseConfigEntries('a.yaml', 'a: "open\nb: 1\n')).toThrow(/^not valid YAML: /)
  })

  it('throws a clear error when the text does not parse', () => {
    expect(() => parseConfigEntries('a.json', '{"a": 1 "b": 2}')).toThrow(/^not valid JSON: CommaExpected at line 1/)
    expect(() => parseConfigEntries('a.json', '')).toThrow(/^not valid JSON/)
    expect(() => parseConfigEntries('a.yaml', 'a: [1, 2\nb: 3')).toThrow(/^not valid YAML: /)
    expect(() => parseConfigEntries('a.toml', 'a = = 1')).toThrow(/^not valid TOML: /)
  })
})

describe('diffConfig', () => {
  it('reports changed, added and removed keys with head lines and a patch', () => {
    const before = 'training:\n  learning_rate: 2e-4\n  epochs: 3\n  seed: 42\n'
    const after = 'training:\n  learning_rate: 2e-3\n  epochs: 3\n  warmup_steps: 100\n'
    const d = diffConfig('train.yaml', before, after)
    expect(d.kind).toBe('config')
    expect(d.summary.split('\n')).toEqual([
      'Config keys: 1 changed, 1 added, 1 removed, 0 moved.',
      '- `training.learning_rate: 2e-4 → 2e-3` (line 2)',
      '- `+ training.warmup_steps: 100` (line 4)',
      '- `- training.seed: 42`'
    ])
    expect(d.changedLines).toEqual([2, 4])
    expect(d.patch).toContain('--- a/train.yaml\n+++ b/train.yaml')
    expect(d.notes).toEqual([])
  })

  it('keeps numbers as written and does not call equal numbers a change', () => {
    const d = diffConfig('c.yaml', 'lr: 0.000005\nwd: 5.0e-6\n', 'lr: 0.000005\nwd: 0.000005\n')
    expect(d.summary).toBe('No key changed (comments, formatting or order only).')
    const e = diffConfig('c.yaml', 'lr: 0.000005\n', 'lr: 0.00005\n')
    expect(e.summary).toContain('lr: 0.000005 → 0.00005')
  })

  it('formats values compactly', () => {
    expect(formatConfigValue('a\nb')).toBe('a\\nb')
    expect(formatConfigValue(null)).toBe('null')
    expect(formatConfigValue({ a: 1 })).toBe('{"a":1}')
    expect(formatConfigValue(0.00002, '2.0e-05')).toBe('2.0e-05')
    expect(formatConfigValue('x'.repeat(500))).toHaveLength(120)
  })

  it('falls back to a text diff with a note when a side does not parse', () => {
    const d = diffConfig('c.json', '{"a": 1,,}', '{"a": 2}')
    expect(d.notes).toEqual([expect.stringMatching(/^before: not valid JSON: .* — compared as text$/)])
    expect(d.summary).toMatch(/^Compared as text: before does not parse as JSON\./)
    expect(d.patch).toContain('+{"a": 2}')
    expect(d.changedLines).toEqual([1])
  })

  it('escapes backticks in values', () => {
    const d = diffConfig('c.yaml', 'cmd: a\n', 'cmd: "run `x`"\n')
    expect(d.summary).toContain('- `` cmd: a → run `x` `` (line 1)')
  })
})
