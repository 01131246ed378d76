// Python source as statements and expressions, read from an error-tolerant grammar (@lezer/python).
// Notebook magics and shell lines are blanked (line numbers kept) so the statements around them still parse;
// a syntax error costs the statement it sits in, never the rest of the cell. Nothing here throws.
import { createHash } from 'node:crypto'
import type { SyntaxNode, Tree } from '@lezer/common'
import { parser } from '@lezer/python'

interface Base {
  /** 1-based file line (inside the .ipynb for notebooks) */
  line: number
  /** source text of the expression */
  text: string
}

export type Expr =
  | (Base & { k: 'name'; id: string })
  | (Base & { k: 'str'; value: string })
  | (Base & { k: 'num'; value: number })
  | (Base & { k: 'const'; value: 'True' | 'False' | 'None' })
  | (Base & { k: 'attr'; obj: Expr; name: string })
  /** `obj[a, b]`; `slice` when a `:` stands at the top of the brackets; `comma` when a `,` does (`df.iloc[:, :-1]`) */
  | (Base & { k: 'sub'; obj: Expr; items: Expr[]; slice: boolean; comma?: boolean })
  | (Base & { k: 'call'; fn: Expr; args: Arg[] })
  /** list, tuple or set display */
  | (Base & { k: 'seq'; items: Expr[] })
  | (Base & { k: 'dict'; entries: Array<{ key: Expr | null; value: Expr }> })
  /** binary, boolean, comparison or unary operation: operands and operators in order */
  | (Base & { k: 'op'; parts: Expr[]; ops: string[] })
  /** anything else (lambda, comprehension, f-string, conditional): its sub-expressions */
  | (Base & { k: 'other'; parts: Expr[] })

export interface Arg {
  /** keyword, or null for a positional argument; `*` / `**` for unpacking */
  name: string | null
  value: Expr
}

export interface Import {
  /** `numpy.random` for `import numpy.random as rnd` and `from numpy import random as rnd` */
  module: string
  alias: string
}

export interface PyStatement {
  kind: 'assign' | 'augassign' | 'expr' | 'import' | 'for' | 'with' | 'def' | 'other'
  /** assignment targets, tuples unpacked: `a, b = c = f()` → [a, b, c] */
  targets: Expr[]
  /** the assigned value; the iterable of a for loop; the context expression of a with */
  value: Expr | null
  /** every top-level expression of the statement (for `expr`, the expression itself) */
  exprs: Expr[]
  imports: Import[]
  line: number
  endLine: number
  /** notebook cell index, null for .py files */
  cell: number | null
  /** order in its file */
  index: number
  text: string
  /** the grammar could not read part of it */
  broken: boolean
  /** a function's parameters with their defaults (`def f(a, tol=0.01)`), for `def` statements of functions */
  params?: Param[]
  /** the last line of the body of a `def`, `for` or `with` */
  bodyEnd?: number
}

export interface Param {
  name: string
  default: Expr | null
}

/** A unit of source to parse: one code cell, or a whole .py file. */
export interface SourceUnit {
  source: string
  /** 1-based file line of each source line */
  lines: number[]
  cell: number | null
}

/** Statements longer than this are data literals, not code worth reading. */
export const MAX_STATEMENT_CHARS = 50_000
/** Longer physical lines are data (inline arrays, base64), blanked before parsing so they cost nothing. */
export const MAX_LINE_CHARS = 20_000
/** Parse trees kept for reuse, by content hash (both sides of a file share most cells). */
const MAX_CACHED_TREES = 2_000

const trees = new Map<string, Tree>()
/** Statements read from a unit, by content hash of its source and where its lines sit: an unchanged cell at the
 * same place on both sides, or the same side asked for again, is read once. */
const readUnits = new Map<string, Draft[]>()

/** Cell magics whose body is Python; every other `%%` magic makes the cell not Python. */
const PYTHON_CELL_MAGIC = /^%%(time|timeit|capture|prun|debug|memit|skip|cache)\b/

/** Blanks IPython syntax (magics, shell escapes, help) with spaces so offsets and line numbers stay. */
export function blankMagics(source: string): string {
  const lines = source.split('\n')
  const first = lines.findIndex((l) => l.trim() !== '')
  if (first !== -1 && /^\s*%%/.test(lines[first]) && !PYTHON_CELL_MAGIC.test(lines[first].trim())) {
    return lines.map((l) => ' '.repeat(l.length)).join('\n')
  }
  let continued = false
  return lines
    .map((l) => {
      if (l.length > MAX_LINE_CHARS) return ' '.repeat(l.length)
      const magic =
        continued ||
        /^\s*[%!]/.test(l) ||
        /^\s*\?/.test(l) ||
        /^\s*[\w.]+\?\??\s*$/.test(l) ||
        /^\s*[A-Za-z_]\w*\s*=\s*[!%]/.test(l)
      continued = magic && l.trimEnd().endsWith('\\')
      return magic ? ' '.repeat(l.length) : l
    })
    .join('\n')
}

function treeFor(source: string): Tree {
  const key = createHash('sha1').update(source).digest('hex')
  const hit = trees.get(key)
  if (hit) return hit
  const tree = parser.parse(source)
  if (trees.size >= MAX_CACHED_TREES) trees.delete(trees.keys().next().value as string)
  trees.set(key, tree)
  return tree
}

/** Parses units in order into one statement list; never throws. */
export function parseUnits(units: SourceUnit[]): PyStatement[] {
  const out: PyStatement[] = []
  for (const unit of units) {
    try {
      readUnit(unit, out)
    } catch {
      // a unit the reader cannot follow is skipped; the others stand
    }
  }
  return out
}

function readUnit(unit: SourceUnit, out: PyStatement[]): void {
  const key = createHash('sha1')
    .update(unit.source)
    .update(`\u0000${unit.lines.join(',')}`)
    .digest('hex')
  let drafts = readUnits.get(key)
  if (!drafts) {
    drafts = []
    try {
      readDrafts(unit, drafts)
    } catch {
      // what was read before the reader lost its way stands, as the rest of the file does
    }
    if (readUnits.size >= MAX_CACHED_TREES) readUnits.delete(readUnits.keys().next().value as string)
    readUnits.set(key, drafts)
  }
  for (const d of drafts) out.push({ ...d, cell: unit.cell, index: out.length })
}

function readDrafts(unit: SourceUnit, out: Draft[]): void {
  const source = blankMagics(unit.source)
  if (source.trim() === '') return
  const tree = treeFor(source)
  const starts = [0]
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1)
  const lineAt = (offset: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return unit.lines[lo] ?? unit.lines[unit.lines.length - 1] ?? lo + 1
  }
  const reader = new Reader(source, lineAt)
  reader.statements(tree.topNode, (s) => out.push(s))
}

type Draft = Omit<PyStatement, 'cell' | 'index'>

const COMPOUND = new Set([
  'IfStatement',
  'WhileStatement',
  'ForStatement',
  'WithStatement',
  'TryStatement',
  'FunctionDefinition',
  'ClassDefinition',
  'DecoratedStatement',
  'MatchStatement'
])

class Reader {
  constructor(
    private readonly src: string,
    private readonly lineAt: (offset: number) => number
  ) {}

  private text(n: SyntaxNode): string {
    return this.src.slice(n.from, n.to)
  }

  private kids(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = []
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c)
    return out
  }

  private hasError(n: SyntaxNode): boolean {
    let found = false
    n.toTree().iterate({
      enter: (c) => {
        if (c.type.isError) found = true
        return !found
      }
    })
    return found
  }

  statements(node: SyntaxNode, emit: (s: Draft) => void): void {
    for (const child of this.kids(node)) {
      try {
        this.statement(child, emit)
      } catch {
        // an odd node costs only itself
      }
    }
  }

  private draft(n: SyntaxNode, kind: PyStatement['kind']): Draft {
    const text = this.text(n)
    return {
      kind,
      targets: [],
      value: null,
      exprs: [],
      imports: [],
      line: this.lineAt(n.from),
      endLine: this.lineAt(Math.max(n.from, n.to - 1)),
      text,
      broken: this.hasError(n)
    }
  }

  private statement(n: SyntaxNode, emit: (s: Draft) => void): void {
    if (n.to - n.from > MAX_STATEMENT_CHARS) return
    if (n.name === 'Body' || n.name === 'StatementGroup') return this.statements(n, emit)
    if (COMPOUND.has(n.name)) return this.compound(n, emit)
    if (n.name === 'AssignStatement') {
      const d = this.draft(n, 'assign')
      const parts = this.kids(n)
      // a = b = value: every part before the last `=` is a target
      const groups: SyntaxNode[][] = [[]]
      for (const p of parts) {
        if (p.name === 'AssignOp') groups.push([])
        else if (p.name !== 'TypeDef') groups[groups.length - 1].push(p)
      }
      const valueNodes = groups.pop() ?? []
      for (const g of groups) for (const t of g) if (t.name !== ',') d.targets.push(...this.unpack(this.expr(t)))
      const values = valueNodes.filter((v) => v.name !== ',')
      d.value =
        values.length === 1
          ? this.expr(values[0])
          : values.length > 1
            ? this.mk(
                { k: 'seq', items: values.map((v) => this.expr(v)) },
                valueNodes[0],
                valueNodes[valueNodes.length - 1]
              )
            : null
      d.exprs = [...d.targets, ...(d.value ? [d.value] : [])]
      return emit(d)
    }
    if (n.name === 'UpdateStatement') {
      const d = this.draft(n, 'augassign')
      const parts = this.kids(n).filter((p) => p.name !== 'UpdateOp')
      if (parts[0]) d.targets = [this.expr(parts[0])]
      if (parts[1]) d.value = this.expr(parts[1])
      d.exprs = [...d.targets, ...(d.value ? [d.value] : [])]
      return emit(d)
    }
    if (n.name === 'ImportStatement') {
      const d = this.draft(n, 'import')
      d.imports = this.imports(n)
      return emit(d)
    }
    if (n.name === 'ExpressionStatement') {
      const d = this.draft(n, 'expr')
      d.exprs = this.kids(n)
        .filter((p) => p.name !== ',')
        .map((p) => this.expr(p))
      if (d.exprs.length === 1) d.value = d.exprs[0]
      return emit(d)
    }
    const d = this.draft(n, 'other')
    d.exprs = this.kids(n)
      .filter((p) => this.isExpr(p))
      .map((p) => this.expr(p))
    emit(d)
  }

  private compound(n: SyntaxNode, emit: (s: Draft) => void): void {
    const kind: PyStatement['kind'] =
      n.name === 'ForStatement'
        ? 'for'
        : n.name === 'WithStatement'
          ? 'with'
          : n.name === 'FunctionDefinition' || n.name === 'ClassDefinition'
            ? 'def'
            : 'other'
    // the header (up to the first body) is one statement; bodies follow in order
    const head = this.draft(n, kind)
    const kids = this.kids(n)
    const firstBody = kids.findIndex((k) => k.name === 'Body' || COMPOUND.has(k.name))
    const header = firstBody === -1 ? kids : kids.slice(0, firstBody)
    const exprs = header.filter((k) => this.isExpr(k)).map((k) => this.expr(k))
    head.exprs = exprs
    head.text = this.src.slice(n.from, header.length ? header[header.length - 1].to : n.to)
    head.endLine = this.lineAt(header.length ? header[header.length - 1].to : n.from)
    head.broken = header.some((h) => this.hasError(h))
    if (kind === 'for') {
      const inAt = header.findIndex((k) => k.name === 'in')
      head.targets = header
        .slice(0, inAt === -1 ? 0 : inAt)
        .filter((k) => this.isExpr(k))
        .flatMap((k) => this.unpack(this.expr(k)))
      const it = header.slice(inAt + 1).find((k) => this.isExpr(k))
      head.value = it ? this.expr(it) : null
    } else if (kind === 'with') {
      const asAt = header.findIndex((k) => k.name === 'as')
      const ctx = header.find((k) => this.isExpr(k))
      head.value = ctx ? this.expr(ctx) : null
      const t = asAt === -1 ? undefined : header[asAt + 1]
      if (t && this.isExpr(t)) head.targets = [this.expr(t)]
    } else if (kind === 'def') {
      const name = header.find((k) => k.name === 'VariableName')
      if (name) head.targets = [this.expr(name)]
      const list = header.find((k) => k.name === 'ParamList')
      if (list) head.params = this.params(list)
    }
    if (kind !== 'other') head.bodyEnd = this.lineAt(Math.max(n.from, n.to - 1))
    emit(head)
    for (const k of kids.slice(firstBody === -1 ? kids.length : firstBody)) {
      if (k.name === 'Body') this.statements(k, emit)
      else if (COMPOUND.has(k.name)) this.compound(k, emit)
      else if (this.isExpr(k)) {
        // elif conditions, except clauses
        const d = this.draft(k, 'other')
        d.exprs = [this.expr(k)]
        emit(d)
      }
    }
  }

  /** `(self, a, tol: float = 0.01, *rest)`: each name with the expression after its `=`. */
  private params(list: SyntaxNode): Param[] {
    const out: Param[] = []
    const kids = this.kids(list)
    for (let i = 0; i < kids.length; i++) {
      if (kids[i].name !== 'VariableName' || kids[i - 1]?.name === '*' || kids[i - 1]?.name === '**') continue
      let j = i + 1
      if (kids[j]?.name === 'TypeDef') j++
      const value = kids[j]?.name === 'AssignOp' && kids[j + 1] && this.isExpr(kids[j + 1]) ? kids[j + 1] : null
      out.push({ name: this.text(kids[i]), default: value ? this.expr(value) : null })
    }
    return out
  }

  private imports(n: SyntaxNode): Import[] {
    const kids = this.kids(n)
    const out: Import[] = []
    const isFrom = kids[0]?.name === 'from'
    if (isFrom) {
      const importAt = kids.findIndex((k) => k.name === 'import')
      const module = kids
        .slice(1, importAt)
        .map((k) => this.text(k))
        .join('')
      const names = kids.slice(importAt + 1).filter((k) => k.name === 'VariableName' || k.name === 'as')
      for (let i = 0; i < names.length; i++) {
        if (names[i].name !== 'VariableName') continue
        const name = this.text(names[i])
        const alias = names[i + 1]?.name === 'as' && names[i + 2] ? this.text(names[i + 2]) : name
        if (names[i + 1]?.name === 'as') i += 2
        out.push({ module: `${module}.${name}`, alias })
      }
      return out
    }
    // import a.b as c, d
    let dotted: string[] = []
    let alias: string | null = null
    let expectAlias = false
    const flush = (): void => {
      if (dotted.length) out.push({ module: dotted.join('.'), alias: alias ?? dotted[0] })
      dotted = []
      alias = null
    }
    for (const k of kids.slice(1)) {
      if (k.name === ',') flush()
      else if (k.name === 'as') expectAlias = true
      else if (k.name === 'VariableName') {
        if (expectAlias) {
          alias = this.text(k)
          expectAlias = false
        } else dotted.push(this.text(k))
      }
    }
    flush()
    return out
  }

  private isExpr(n: SyntaxNode): boolean {
    return !/^[^A-Za-z]/.test(n.name) && !KEYWORD_NODES.has(n.name) && !n.type.isError
  }

  private unpack(e: Expr): Expr[] {
    if (e.k === 'seq') return e.items.flatMap((i) => this.unpack(i))
    if (e.k === 'other' && e.text.startsWith('*') && e.parts[0]) return [e.parts[0]]
    return [e]
  }

  private mk<T extends Omit<Expr, 'line' | 'text'>>(e: T, from: SyntaxNode, to: SyntaxNode = from): Expr {
    return { ...e, line: this.lineAt(from.from), text: this.src.slice(from.from, to.to) } as unknown as Expr
  }

  expr(n: SyntaxNode): Expr {
    const kids = this.kids(n)
    // each expression is built whole, `line` and `text` last: an object completed afterwards, or spread from a
    // partial one, costs V8 a slow path or a second allocation, and a long `a - b - c …` chain makes one per operator
    const line = this.lineAt(n.from)
    const text = this.text(n)
    switch (n.name) {
      case 'VariableName':
      case 'self':
        return { k: 'name', id: text, line, text }
      case 'String':
        return { k: 'str', value: stringValue(text), line, text }
      case 'ContinuedString':
        return { k: 'str', value: kids.map((k) => stringValue(this.text(k))).join(''), line, text }
      case 'Number':
        return { k: 'num', value: Number(text.replace(/_/g, '')), line, text }
      case 'Boolean':
      case 'None':
        return { k: 'const', value: text as 'True' | 'False' | 'None', line, text }
      case 'ParenthesizedExpression': {
        const inner = kids.filter((k) => this.isExpr(k))
        return inner.length === 1
          ? this.expr(inner[0])
          : { k: 'other', parts: inner.map((i) => this.expr(i)), line, text }
      }
      case 'MemberExpression': {
        // `5.`: the grammar reads a float with a bare trailing dot as a member access with no name
        if (/^\d[\d_]*\.$/.test(text)) return { k: 'num', value: Number(text.replace(/_/g, '')), line, text }
        const obj: Expr = kids[0] ? this.expr(kids[0]) : { k: 'other', parts: [], line, text }
        const dot = kids.find((k) => k.name === 'PropertyName')
        if (dot && kids[1]?.name === '.') return { k: 'attr', obj, name: this.text(dot), line, text }
        const inside = kids.slice(1).filter((k) => k.name !== '[' && k.name !== ']')
        const slice = inside.some((k) => k.name === ':')
        const comma = inside.some((k) => k.name === ',')
        const items = inside.filter((k) => this.isExpr(k)).map((k) => this.expr(k))
        return comma ? { k: 'sub', obj, items, slice, comma, line, text } : { k: 'sub', obj, items, slice, line, text }
      }
      case 'CallExpression': {
        const fn: Expr = kids[0] ? this.expr(kids[0]) : { k: 'other', parts: [], line, text }
        const argList = kids.find((k) => k.name === 'ArgList')
        return { k: 'call', fn, args: argList ? this.args(argList) : [], line, text }
      }
      case 'ArrayExpression':
      case 'TupleExpression':
      case 'SetExpression':
        return { k: 'seq', items: kids.filter((k) => this.isExpr(k)).map((k) => this.expr(k)), line, text }
      case 'DictionaryExpression': {
        const entries: Array<{ key: Expr | null; value: Expr }> = []
        for (let i = 0; i < kids.length; i++) {
          const k = kids[i]
          if (kids[i + 1]?.name === ':' && kids[i + 2] && this.isExpr(k)) {
            entries.push({ key: this.expr(k), value: this.expr(kids[i + 2]) })
            i += 2
          } else if (k.name === '**' && kids[i + 1]) {
            entries.push({ key: null, value: this.expr(kids[i + 1]) })
            i += 1
          }
        }
        return { k: 'dict', entries, line, text }
      }
      case 'BinaryExpression':
      case 'UnaryExpression':
      case 'ComparisonExpression':
      case 'BooleanExpression': {
        // mapped, not pushed: a pushed array keeps room for 17 items, and a long chain has two arrays per operator
        const parts = kids.filter((k) => this.isExpr(k)).map((k) => this.expr(k))
        const ops = kids.filter((k) => !this.isExpr(k)).map((k) => this.text(k))
        return { k: 'op', parts, ops, line, text }
      }
      default:
        return { k: 'other', parts: kids.filter((k) => this.isExpr(k)).map((k) => this.expr(k)), line, text }
    }
  }

  private args(list: SyntaxNode): Arg[] {
    const kids = this.kids(list).filter((k) => k.name !== '(' && k.name !== ')')
    const out: Arg[] = []
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]
      if (k.name === ',') continue
      if (k.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp' && kids[i + 2]) {
        out.push({ name: this.text(k), value: this.expr(kids[i + 2]) })
        i += 2
      } else if ((k.name === '*' || k.name === '**') && kids[i + 1]) {
        out.push({ name: k.name, value: this.expr(kids[i + 1]) })
        i += 1
      } else if (this.isExpr(k)) {
        out.push({ name: null, value: this.expr(k) })
      }
    }
    return out
  }
}

const KEYWORD_NODES = new Set([
  'in',
  'as',
  'for',
  'if',
  'else',
  'elif',
  'while',
  'with',
  'def',
  'class',
  'return',
  'not',
  'and',
  'or',
  'is',
  'from',
  'import',
  'lambda',
  'async',
  'await',
  'try',
  'except',
  'finally',
  'pass',
  'break',
  'continue',
  'del',
  'global',
  'nonlocal',
  'assert',
  'raise',
  'yield',
  'print',
  'Body',
  'ArgList',
  'ParamList',
  'TypeDef',
  'AssignOp',
  'UpdateOp',
  'CompareOp',
  'LogicOp',
  'BitOp',
  'ArithOp'
])

/** The value of a Python string literal (prefixes and quotes removed; common escapes read). */
export function stringValue(raw: string): string {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")([\s\S]*?)\2?$/.exec(raw)
  if (!m) return raw
  const body = m[3].endsWith(m[2]) ? m[3].slice(0, -m[2].length) : m[3]
  if (/r/i.test(m[1])) return body
  return body.replace(/\\(['"\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c))
}

// ---------------------------------------------------------------------------------------------
// Queries over expressions

/** Visits an expression and every expression inside it. */
export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e)
  switch (e.k) {
    case 'attr':
      return walk(e.obj, visit)
    case 'sub':
      walk(e.obj, visit)
      return e.items.forEach((i) => walk(i, visit))
    case 'call':
      walk(e.fn, visit)
      return e.args.forEach((a) => walk(a.value, visit))
    case 'seq':
      return e.items.forEach((i) => walk(i, visit))
    case 'dict':
      return e.entries.forEach((en) => {
        if (en.key) walk(en.key, visit)
        walk(en.value, visit)
      })
    case 'op':
    case 'other':
      return e.parts.forEach((p) => walk(p, visit))
    default:
      return
  }
}

export type Call = Extract<Expr, { k: 'call' }>

/** Every call in a statement, outermost first, in source order. */
export function callsIn(stmt: PyStatement): Call[] {
  const out: Call[] = []
  for (const e of stmt.exprs) walk(e, (x) => x.k === 'call' && out.push(x))
  return out
}

/** `pd.read_csv` for `pd.read_csv(...)`; `df.drop` for `df.drop(...)`; null when not a dotted name. */
export function dotted(e: Expr): string | null {
  if (e.k === 'name') return e.id
  if (e.k === 'attr') {
    const o = dotted(e.obj)
    return o === null ? null : `${o}.${e.name}`
  }
  return null
}

/** The last name of a callee: `a.b.fit` → `fit`, `f()` → `f`, `(x).fit` → `fit`. */
export function calleeName(call: Call): string {
  if (call.fn.k === 'name') return call.fn.id
  if (call.fn.k === 'attr') return call.fn.name
  return ''
}

/** The object a method is called on: `scaler` of `scaler.fit(X)`; null for plain functions. */
export function receiver(call: Call): Expr | null {
  return call.fn.k === 'attr' ? call.fn.obj : null
}

export function kwarg(call: Call, name: string): Expr | undefined {
  return call.args.find((a) => a.name === name)?.value
}

export function positional(call: Call, index: number): Expr | undefined {
  return call.args.filter((a) => a.name === null)[index]?.value
}

/** String values of a literal: `'a'` → [a]; `['a', 'b']` → [a, b]; anything else → []. */
export function strings(e: Expr | undefined): Array<{ value: string; line: number }> {
  if (!e) return []
  if (e.k === 'str') return [{ value: e.value, line: e.line }]
  if (e.k === 'seq') return e.items.flatMap((i) => (i.k === 'str' ? [{ value: i.value, line: i.line }] : []))
  return []
}

/** A `dict(...)` call: a dict written with keywords. */
export function isDictCall(e: Expr): e is Call {
  return e.k === 'call' && e.fn.k === 'name' && e.fn.id === 'dict'
}

/**
 * Every number a literal holds, with the keys and indices above it: list items, dict entries under string keys and
 * `dict(...)` keywords, at any depth — `{'a': [1, dict(b=2)]}` → (['a', 0], 1), (['a', 1, 'b'], 2). Each list and
 * dict gone through is added to `seen` when given; `-3` is a number.
 */
export function literalNumbers(
  e: Expr,
  emit: (path: Array<string | number>, value: number, line: number) => void,
  seen?: Set<Expr>,
  path: Array<string | number> = []
): void {
  if (e.k === 'num') return emit(path, e.value, e.line)
  if (e.k === 'op' && e.ops.length === 1 && e.ops[0] === '-' && e.parts.length === 1) {
    const [n] = e.parts
    return n.k === 'num' ? emit(path, -n.value, e.line) : undefined
  }
  if (e.k !== 'seq' && e.k !== 'dict' && !isDictCall(e)) return
  seen?.add(e)
  if (e.k === 'seq') e.items.forEach((item, i) => literalNumbers(item, emit, seen, [...path, i]))
  else if (e.k === 'dict') {
    for (const en of e.entries) if (en.key?.k === 'str') literalNumbers(en.value, emit, seen, [...path, en.key.value])
  } else
    for (const a of e.args)
      if (a.name && a.name !== '*' && a.name !== '**') literalNumbers(a.value, emit, seen, [...path, a.name])
}

/** The root variable of an expression: `df` of `df.loc[:, cols].values`; null when it does not start at a name. */
export function rootName(e: Expr): string | null {
  if (e.k === 'name') return e.id
  if (e.k === 'attr' || e.k === 'sub') return rootName(e.obj)
  if (e.k === 'call' && e.fn.k === 'attr') return rootName(e.fn.obj)
  return null
}

/** Whether an expression is the constant True (or a truthy literal). */
export function isTrue(e: Expr | undefined): boolean {
  return !!e && ((e.k === 'const' && e.value === 'True') || (e.k === 'num' && e.value !== 0))
}
