// Fail closed: valid but hostile files must not switch the bias gate off (issue: NaN, big integers, many keys,
// unreadable files, the 3000-file cap). Each case asserts on the conclusion a required check reads.
import { describe, expect, it } from 'vitest'
import { useFakes } from '../helpers/fakes.js'
import { conclusion, jsonConfig, published, runPr, seedPr } from './pr.js'

const fakes = useFakes()
const BEFORE = jsonConfig(['tenure', 'monthly_charges'])
const AFTER = jsonConfig(['tenure', 'monthly_charges', 'customer_gender'])

describe('a protected attribute added next to what Python accepts', () => {
  it('plain JSON: the baseline blocks', async () => {
    seedPr(fakes.gh, [{ path: 'configs/train.json', before: BEFORE, after: AFTER }])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
  })

  for (const constant of ['NaN', 'Infinity', '-Infinity']) {
    it(`a JSON config holding ${constant} (Python's json reads it) still blocks`, async () => {
      const extra = `\n  "clip_value": ${constant},`
      seedPr(fakes.gh, [
        {
          path: 'configs/train.json',
          before: jsonConfig(['tenure'], extra),
          after: jsonConfig(['tenure', 'customer_gender'], extra)
        }
      ])
      const rec = await runPr(fakes.gh)
      expect(conclusion(fakes.gh)).toBe('failure')
      expect(rec.failed).toMatch(/customer_gender/)
      expect(published(fakes.gh, rec)).not.toMatch(/does not parse/)
    })
  }

  it('a notebook with NaN in an output (nbformat reads it) still blocks', async () => {
    const nb = (features: string): string =>
      `{"cells": [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {}, "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"application/json": {"loss": NaN, "best": Infinity}, "text/plain": ["1"]}}], "source": ["features = [${features}]\\n", "model.fit(df[features], y)\\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`
    seedPr(fakes.gh, [
      { path: 'notebooks/train.ipynb', before: nb("'tenure'"), after: nb("'tenure', 'customer_gender'") }
    ])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
  })

  for (const big of ['9223372036854775807', '9007199254740993', '-9223372036854775808', '18446744073709551616']) {
    it(`a TOML config with the integer ${big} still blocks`, async () => {
      const toml = (features: string): string =>
        `learning_rate = 0.001\nepochs = 3\nseed = ${big}\nfeatures = [${features}]\n`
      seedPr(fakes.gh, [
        { path: 'configs/train.toml', before: toml('"tenure"'), after: toml('"tenure", "customer_gender"') }
      ])
      const rec = await runPr(fakes.gh)
      expect(conclusion(fakes.gh)).toBe('failure')
      expect(rec.failed).toMatch(/customer_gender/)
    })
  }

  it('a config with a 25,000-key label map still blocks', async () => {
    const labels = Array.from({ length: 25_000 }, (_, i) => `    "${i}": "class_${i}"`).join(',\n')
    const extra = `\n  "id2label": {\n${labels}\n  },`
    seedPr(fakes.gh, [
      {
        path: 'configs/train.json',
        before: jsonConfig(['tenure'], extra),
        after: jsonConfig(['tenure', 'customer_gender'], extra)
      }
    ])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
  }, 60_000)
})

describe('a file the analysis cannot cover', () => {
  it('a head that does not parse ends failure by default and is named', async () => {
    seedPr(fakes.gh, [{ path: 'configs/train.json', before: BEFORE, after: '{"learning_rate": 0.001, "epochs": [' }])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    const shown = published(fakes.gh, rec)
    expect(shown).toMatch(/configs\/train\.json` could not be analysed: the head does not parse/)
    expect(rec.outputs.conclusion).toBe('failure')
  })

  it('with on-unreadable-file: neutral the check is neutral, never success, and says so', async () => {
    seedPr(fakes.gh, [
      {
        path: '.github/ml-review.yml',
        before: 'on-unreadable-file: neutral\n',
        after: 'on-unreadable-file: neutral\n'
      },
      { path: 'configs/train.json', before: BEFORE, after: '{"learning_rate": 0.001, "epochs": [' }
    ])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('neutral')
    expect(fakes.gh.checkRuns[0].output.summary).toMatch(/could not be analysed[\s\S]*on-unreadable-file: neutral/)
    expect(rec.failed).toBeNull()
  })

  it('a protected attribute in the raw text of a file that does not parse blocks even under the neutral policy', async () => {
    const broken = AFTER.replace('"epochs": 3,', '"epochs": 3,,') // a double comma: not JSON
    seedPr(fakes.gh, [
      { path: '.github/ml-review.yml', before: 'on-unreadable-file: neutral\n', after: 'x: 1\n' },
      { path: 'configs/train.json', before: BEFORE, after: broken }
    ])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
    expect(rec.failed).toMatch(/raw text/)
  })

  it('a fairness metric removed from the raw text of a broken YAML blocks', async () => {
    const before =
      'learning_rate: 0.001\nepochs: 3\neval:\n  metrics:\n    - accuracy\n    - demographic_parity_difference\n'
    const after = 'learning_rate: 0.001\nepochs: 3\neval:\n  metrics:\n    - accuracy\n  bad: [unclosed\n'
    seedPr(fakes.gh, [
      { path: '.github/ml-review.yml', before: 'on-unreadable-file: neutral\n', after: 'x: 1\n' },
      { path: 'configs/train.yaml', before, after }
    ])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/demographic_parity_difference/)
  })

  it('a YAML merge-key chain (keys collapse) is expanded in linear time and its protected attribute blocks', async () => {
    const lines = ['a0: &a0 {k: 1, learning_rate: 0.1, epochs: 2}']
    for (let i = 1; i < 40; i++)
      lines.push(
        `a${i}: &a${i}\n  <<: [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`
      )
    const bomb = lines.join('\n') + '\n'
    expect(bomb.length).toBeLessThan(5000)
    seedPr(fakes.gh, [
      { path: 'configs/train.yaml', before: bomb, after: bomb + 'features:\n  - tenure\n  - customer_gender\n' }
    ])
    const started = Date.now()
    const rec = await runPr(fakes.gh)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
  }, 60_000)

  it('a YAML alias bomb (billion laughs) is named as not analysed and ends failure, quickly', async () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`
      )
    const bomb = 'learning_rate: 0.1\nepochs: 2\n' + lines.join('\n') + '\n'
    expect(bomb.length).toBeLessThan(1500)
    seedPr(fakes.gh, [{ path: 'configs/train.yaml', before: 'learning_rate: 0.1\nepochs: 2\n', after: bomb }])
    const started = Date.now()
    const rec = await runPr(fakes.gh)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(published(fakes.gh, rec)).toMatch(
      /configs\/train\.yaml` could not be analysed: the head does not parse: more than/
    )
  }, 60_000)

  it('a binary head and a Git LFS pointer are named and end failure', async () => {
    seedPr(fakes.gh, [
      { path: 'configs/weights.json', before: '{"lr": 1, "epochs": 2}', after: Buffer.from([0x89, 0x50, 0, 1]) },
      {
        path: 'notebooks/big.ipynb',
        before: null,
        after: 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n'
      }
    ])
    const rec = await runPr(fakes.gh)
    expect(conclusion(fakes.gh)).toBe('failure')
    const shown = published(fakes.gh, rec)
    expect(shown).toMatch(/configs\/weights\.json` could not be analysed: the head could not be read \(binary file\)/)
    expect(shown).toMatch(/notebooks\/big\.ipynb` could not be analysed: the head could not be read \(Git LFS pointer/)
  })

  it('a deleted ML file is not "unreadable"', async () => {
    seedPr(fakes.gh, [{ path: 'configs/old.json', before: BEFORE, after: null }])
    const rec = await runPr(fakes.gh)
    // no bridge is configured here: the built-in checks decide alone, and nothing blocks
    expect(conclusion(fakes.gh)).toBe('success')
    expect(published(fakes.gh, rec)).not.toMatch(/could not be analysed/)
  })
})

describe('the 3000-file cap of the PR files API', () => {
  it('3,000 non-ML files listed first: the training config is still reviewed and blocks, never skipped', async () => {
    seedPr(fakes.gh, [{ path: 'configs/train.json', before: BEFORE, after: AFTER }], 3000)
    const rec = await runPr(fakes.gh, {}, 3001)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.failed).toMatch(/customer_gender/)
    expect(rec.outputs.skipped).toBe('false')
    expect(published(fakes.gh, rec)).toMatch(/comparing the trees of the base and the head \(1 past the list\)/)
  }, 60_000)

  it('when the trees cannot be compared either, the run fails instead of passing as "No ML changes"', async () => {
    seedPr(fakes.gh, [{ path: 'configs/train.json', before: BEFORE, after: AFTER }], 3000)
    fakes.gh.trees.clear()
    const rec = await runPr(fakes.gh, {}, 3001)
    expect(conclusion(fakes.gh)).toBe('failure')
    expect(rec.outputs.skipped).toBe('false')
    expect(published(fakes.gh, rec)).toMatch(/files past the first 3000 were not reviewed/)
  }, 60_000)
})
