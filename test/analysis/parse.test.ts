// The Python reader: statements with file lines, magics and shell lines blanked, syntax errors contained.
import { describe, expect, it } from 'vitest'
import {
  blankMagics,
  callsIn,
  calleeName,
  dotted,
  literalNumbers,
  parseUnits,
  strings,
  type Expr,
  type SourceUnit
} from '../../src/analysis/parse.js'

const unit = (source: string, first = 1, cell: number | null = null): SourceUnit => ({
  source,
  lines: source.split('\n').map((_, i) => first + i),
  cell
})

describe('parseUnits', () => {
  it('reads assignments, calls and their file lines', () => {
    const stmts = parseUnits([
      unit(
        [
          'import numpy.random as rnd',
          "df = pd.read_csv('adult.csv')",
          'X_train, X_test = train_test_split(',
          '    X, test_size=0.2)'
        ].join('\n'),
        10
      )
    ])
    expect(stmts.map((s) => [s.kind, s.line])).toEqual([
      ['import', 10],
      ['assign', 11],
      ['assign', 12]
    ])
    expect(stmts[0].imports).toEqual([{ module: 'numpy.random', alias: 'rnd' }])
    expect(stmts[2].targets.map((t) => t.text)).toEqual(['X_train', 'X_test'])
    const call = callsIn(stmts[2])[0]
    expect(calleeName(call)).toBe('train_test_split')
    expect(call.args[1]).toMatchObject({ name: 'test_size' })
    expect(callsIn(stmts[1]).map((c) => dotted(c.fn))).toEqual(['pd.read_csv'])
  })

  it("reads a function's parameters with their defaults, typed or not, and leaves out *args and **kwargs", () => {
    const stmts = parseUnits([
      unit(
        [
          'class Model(object):',
          '    def __init__(self, names, hidden_units, tpr_max_diff=0, *rest, tol: float = 0.01, **kw):',
          '        self.tpr_max_diff = tpr_max_diff'
        ].join('\n')
      )
    ])
    const init = stmts.find((s) => s.kind === 'def' && s.targets[0]?.text === '__init__')
    expect(init?.params?.map((p) => [p.name, p.default?.text ?? null])).toEqual([
      ['self', null],
      ['names', null],
      ['hidden_units', null],
      ['tpr_max_diff', '0'],
      ['tol', '0.01']
    ])
    expect(stmts.find((s) => s.targets[0]?.text === 'Model')?.params).toBeUndefined()
  })

  it('reads a float written with a bare trailing dot as a number', () => {
    const [s] = parseUnits([unit('lambdas = [5., 0.]')])
    expect(s.value?.k === 'seq' ? s.value.items.map((i) => (i.k === 'num' ? i.value : i.k)) : null).toEqual([5, 0])
  })

  it('keeps the statements around magics, shell lines and a syntax error, at their lines', () => {
    const source = [
      '%matplotlib inline',
      '!pip install fairlearn',
      'files = !ls data',
      "cols = ['age', 'income']",
      'model.fit(X, y',
      'for i in range(3):',
      '    scores.append(i)',
      "y = df['label']"
    ].join('\n')
    const stmts = parseUnits([unit(source, 100, 2)])
    const assigned = stmts.filter((s) => s.kind === 'assign').map((s) => [s.targets[0]?.text, s.line, s.cell])
    expect(assigned).toContainEqual(['cols', 103, 2])
    expect(assigned).toContainEqual(['y', 107, 2])
    expect(strings(stmts.find((s) => s.targets[0]?.text === 'cols')?.value ?? undefined)).toEqual([
      { value: 'age', line: 103 },
      { value: 'income', line: 103 }
    ])
  })

  it('skips cells in another language and never throws on garbage', () => {
    expect(parseUnits([unit('%%bash\nls -la\nx = 1')])).toEqual([])
    expect(() => parseUnits([unit(')))(((\n"""unterminated\n\\\n')])).not.toThrow()
    expect(parseUnits([unit('%%time\nx = 1')]).map((s) => s.line)).toEqual([2])
  })

  it('blanks IPython syntax without moving anything', () => {
    const src = '%time x = 1\nhelp?\ny = 2'
    const out = blankMagics(src)
    expect(out.length).toBe(src.length)
    expect(out.split('\n')[2]).toBe('y = 2')
    expect(out.split('\n')[0].trim()).toBe('')
  })
})

describe('literalNumbers', () => {
  const numbersOf = (source: string): Array<[string, number, number]> => {
    const out: Array<[string, number, number]> = []
    const [s] = parseUnits([unit(source)])
    literalNumbers(s.value as Expr, (path, value, line) => out.push([path.join('/'), value, line]))
    return out
  }

  it('gives each number of nested lists, dicts and dict() calls with the keys and indices above it', () => {
    expect(numbersOf("grid = {'a': [1, dict(b=2.5)],\n  'c': {'d': -3}}")).toEqual([
      ['a/0', 1, 1],
      ['a/1/b', 2.5, 1],
      ['c/d', -3, 2]
    ])
  })

  it('skips what is not a literal and entries without a string key', () => {
    expect(numbersOf("p = {'a': f(4), k: 5, 'b': x, 'c': dict(**kw, e=6)}")).toEqual([['c/e', 6, 1]])
    expect(numbersOf('p = make(7)')).toEqual([])
  })
})
