// A name the change reads that nothing in the file defines: the cell stops with a NameError when run. Judged
// conservatively: any text that could bind the name (a parameter, a comprehension, a magic line) clears it.
import type { Finding } from '../types.js'
import { analyze, newStatements } from '../analysis/index.js'
import { walk, type Expr, type PyStatement } from '../analysis/parse.js'
import { makeFinding, type CheckSpec } from './finding.js'
import { clip } from './python.js'
import type { FileView, Side } from './view.js'

export const UNDEFINED_NAME: CheckSpec = {
  id: 'REPRO-UNDEFINED-NAME',
  family: 'reproducibility',
  title: 'Name used but never defined',
  status: 'warn',
  bias: false,
  flags:
    'a variable the change reads that no statement, import, loop, parameter or magic in the file defines, and the base never used (a NameError when the cell runs)',
  fix: 'Use the name the value is bound to (a typo such as df_group for group_df), or define it before this cell.'
}

const BUILTINS = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr ' +
    'globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max ' +
    'memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice ' +
    'sorted staticmethod str sum super tuple type vars zip __import__ __name__ __file__ __doc__ __builtins__ ' +
    '__spec__ __loader__ __package__ __debug__ NotImplemented Ellipsis self cls ' +
    // notebook and platform globals
    'display get_ipython In Out _ __ ___ _i _ii _iii _oh _dh exit quit spark sc sqlContext dbutils displayHTML'
  ).split(' ')
)

/** Builtins of Python 2, known to a notebook whose kernel is Python 2 (`reload`, `xrange`, `unicode`). */
const PY2_BUILTINS = new Set(
  'reload xrange unicode unichr basestring long raw_input execfile file cmp reduce buffer apply intern coerce'.split(
    ' '
  )
)

/** A notebook saved by a Python 2 kernel (its kernelspec or language version says so). */
const python2Kernel = (side: Side): boolean =>
  side.notebook !== null && /"(name|display_name)"\s*:\s*"python ?2"|"version"\s*:\s*"2\.\d/i.test(side.text)

const BUILTIN_EXCEPTION =
  /^([A-Z]\w*(Error|Exception|Warning)|BaseException|BaseExceptionGroup|ExceptionGroup|KeyboardInterrupt|StopIteration|StopAsyncIteration|GeneratorExit|SystemExit)$/

/** Anything in a file that makes a name known in a way the statements do not show. */
const OPAQUE =
  /\bfrom\s+[\w.]+\s+import\s+\*|%run\b|%store\s+-r|\bexec\s*\(|\bglobals\s*\(\s*\)|\blocals\s*\(\s*\)|\bvars\s*\(\s*\)\s*\[|\bbuiltins\b|\b__builtins__\b|\bimport_module\b/

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether some text of the file could bind a name: parameters, comprehensions, walrus, `as`, magics, tuples. */
function mayBind(source: string, name: string): boolean {
  const n = escape(name)
  return [
    `\\bfor\\b[^\\n:]*\\b${n}\\b[^\\n]*\\bin\\b`,
    `\\blambda\\b[^:\\n]*\\b${n}\\b[^:\\n]*:`,
    `\\bdef\\s+\\w+\\s*\\([^)]*\\b${n}\\b`,
    `\\bclass\\s+${n}\\b`,
    `\\b${n}\\s*:=`,
    `\\bas\\s+\\(?[\\w\\s,]*\\b${n}\\b`,
    `\\b(global|nonlocal)\\b[^\\n]*\\b${n}\\b`,
    `\\bimport\\b[^\\n]*\\b${n}\\b`,
    // an assignment's targets start the statement (a keyword argument `f(n, axis=0)` binds nothing)
    `(^|;)\\s*\\(?\\s*${n}\\s*(,\\s*[\\w*.\\[\\]'"]+\\s*)*\\)?\\s*(=(?!=)|[-+*/%&|^@]=|:\\s*\\w)`,
    // `a = n = 0`
    `=\\s*${n}\\s*=(?!=)`,
    `,\\s*\\*?${n}\\s*\\)?\\s*=(?!=)`,
    `%%capture\\s+${n}\\b`
  ].some((p) => new RegExp(p, 'm').test(source))
}

/** The names a statement reads (not those it assigns); none for definitions, whose parameters it binds. */
function reads(stmt: PyStatement): Expr[] {
  if (stmt.kind === 'def' || stmt.kind === 'import') return []
  const roots: Expr[] = []
  if (stmt.kind === 'assign' || stmt.kind === 'for' || stmt.kind === 'with') {
    if (stmt.value) roots.push(stmt.value)
    // df['x'] = …, obj.attr = …: the object is read
    for (const t of stmt.targets) if (t.k === 'sub' || t.k === 'attr') roots.push(t)
  } else roots.push(...stmt.exprs)
  const out: Expr[] = []
  for (const r of roots) walk(r, (x) => x.k === 'name' && out.push(x))
  return out
}

function rawSource(side: Side): string {
  if (side.notebook)
    return side.notebook.cells
      .filter((c) => c.type === 'code')
      .map((c) => c.source)
      .join('\n')
  return side.text
}

/** Distinct names judged per file at most: each costs a few scans of the file. */
const MAX_NAMES = 200

/**
 * The first read of a name nothing in the side defines, in the given statements (all when none are given) and
 * passing `keep`. Each distinct name is judged once, at most MAX_NAMES of them, so the cost stays linear.
 */
function undefinedRead(
  side: Side,
  only?: Set<PyStatement>,
  keep: (name: string) => boolean = () => true
): { stmt: PyStatement; name: Expr & { k: 'name' } } | null {
  const source = rawSource(side)
  if (OPAQUE.test(source) || /^\s*print\s+[^\s(=.,)[\]]/m.test(source)) return null
  const a = analyze(side)
  const bound = new Set<string>()
  for (const s of a.statements) {
    for (const t of s.targets) if (t.k === 'name') bound.add(t.id)
    for (const i of s.imports) bound.add(i.alias)
  }
  const judged = new Set<string>()
  const py2 = python2Kernel(side)
  for (const s of a.statements) {
    if ((only && !only.has(s)) || s.broken) continue
    for (const r of reads(s)) {
      if (r.k !== 'name') continue
      const name = r.id
      if (
        judged.has(name) ||
        bound.has(name) ||
        BUILTINS.has(name) ||
        (py2 && PY2_BUILTINS.has(name)) ||
        BUILTIN_EXCEPTION.test(name)
      )
        continue
      if (/^_/.test(name)) continue
      if (judged.size >= MAX_NAMES) return null
      judged.add(name)
      if (keep(name) && !mayBind(source, name)) return { stmt: s, name: r }
    }
  }
  return null
}

export function checkUndefinedNames(view: FileView): Finding[] {
  if ((view.kind !== 'notebook' && view.kind !== 'python') || !view.after || !view.before) return []
  // a base that already reads names it never defines gets them from elsewhere (another notebook, a harness)
  if (undefinedRead(view.before) !== null) return []
  const baseSource = rawSource(view.before)
  const fresh = newStatements(analyze(view.before), analyze(view.after))
  const hit = undefinedRead(view.after, fresh, (name) => !new RegExp(`\\b${escape(name)}\\b`).test(baseSource))
  return hit
    ? [makeFinding(UNDEFINED_NAME, view, hit.name.line, `${hit.name.id} in ${clip(hit.stmt.text.split('\n')[0], 100)}`)]
    : []
}
