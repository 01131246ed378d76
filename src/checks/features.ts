// Where code and configs name the model's input columns: feature lists, X selections, config feature keys.
// Shared by the protected-attribute check and the target-leakage check.
import { lastSegment } from './params.js'
import { assignment, findCalls, lineAt, stringItems, stringLiteral, type Statement } from './python.js'
import type { FileView, Side } from './view.js'

/** Names that select model inputs. Type groupings (categorical_features, numeric_cols) only describe columns. */
const FEATURE_LIST_NAME =
  /^(x_?)?(features?|feature_?(cols?|columns|names|list|set)|selected_?(features|cols|columns)|input_?(features|cols|columns)|(x|model|train)_?(cols|columns|features|vars)|predictors|cols_?to_?use|use_?cols|feature_?cols_?all)$/i
/** Names that hold columns but only select inputs when used to index X. */
const WEAK_LIST_NAME = /^(columns|cols|col_list|column_list|cols_list)$/i
/** Names of the model input matrix. */
const X_NAME =
  /^(x|x_all|x_full|x_data|x_df|xs|features|inputs|input_df|feature_df|features_df)(_(train|test|val|valid|trn|tst))?$/i
export const CONFIG_FEATURE_KEY =
  /^(features|feature_columns|feature_cols|feature_names|input_columns|input_features|selected_features|x_columns|x_cols|predictors)$/

export interface FeatureList {
  /** the list's name, or `X` for a `df[[...]]` selection */
  name: string
  items: Array<{ value: string; line: number }>
  stmt?: Statement
  line: number
}

const lineOf = lineAt

function baseName(target: string): string {
  return target.replace(/\s+/g, '').replace(/^self\./, '')
}

/** Feature lists of Python code: `features = [...]`, `{'features': [...]}`, `X = df[[...]]`, `X = df[cols]`. */
export function codeFeatureLists(side: Side): FeatureList[] {
  const lists: FeatureList[] = []
  const weak = new Map<string, FeatureList>()
  const usedAsX = new Set<string>()
  for (const stmt of side.statements) {
    const a = assignment(stmt)
    if (a && a.targets.length === 1) {
      const target = baseName(a.targets[0])
      const items = stringItems(a.value, a.valueOffset)
      if (items && items.length > 0 && /^[[(]/.test(a.value)) {
        const list: FeatureList = {
          name: target,
          items: items.map((it) => ({ value: it.value, line: lineOf(stmt, it.offset) })),
          stmt,
          line: stmt.line
        }
        if (FEATURE_LIST_NAME.test(target)) lists.push(list)
        else if (WEAK_LIST_NAME.test(target)) weak.set(target, list)
      }
      if (X_NAME.test(target)) {
        // X = df[['a', 'b']] or X = df.loc[:, ['a', 'b']]
        const sel = /^[A-Za-z_][\w.]*(?:\.loc\s*\[\s*:\s*,\s*|\s*\[\s*)(\[[\s\S]*\])\s*\]/.exec(a.value)
        if (sel) {
          const inner = sel[1]
          const at = a.valueOffset + a.value.indexOf(inner)
          const items2 = stringItems(inner, at) ?? []
          if (items2.length > 0) {
            lists.push({
              name: target,
              items: items2.map((it) => ({ value: it.value, line: lineOf(stmt, it.offset) })),
              stmt,
              line: stmt.line
            })
          }
        }
        const byName = /^[A-Za-z_][\w.]*\s*\[\s*([A-Za-z_]\w*)\s*\]$/.exec(a.value)
        if (byName) usedAsX.add(byName[1])
      }
    }
    // dict entries: {'features': [...]} / dict(features=[...])
    const re = /(['"])([A-Za-z_]\w*)\1\s*:\s*(?=[[(])/g
    let m: RegExpExecArray | null
    while ((m = re.exec(stmt.text)) !== null) {
      if (stmt.masked[m.index] !== m[1] || !FEATURE_LIST_NAME.test(m[2])) continue
      const start = m.index + m[0].length
      const items = listAt(stmt, start)
      if (items.length > 0) lists.push({ name: m[2], items, stmt, line: lineOf(stmt, m.index) })
    }
    for (const call of findCalls(stmt)) {
      for (const arg of call.args) {
        if (!arg.name || !FEATURE_LIST_NAME.test(arg.name) || !/^[[(]/.test(arg.value)) continue
        const items = (stringItems(arg.value, arg.offset) ?? []).map((it) => ({
          value: it.value,
          line: lineOf(stmt, it.offset)
        }))
        if (items.length > 0) lists.push({ name: arg.name, items, stmt, line: lineOf(stmt, arg.offset) })
      }
    }
  }
  for (const [name, list] of weak) if (usedAsX.has(name)) lists.push(list)
  return lists
}

/** String items of the bracketed literal starting at `start` in a statement. */
function listAt(stmt: Statement, start: number): Array<{ value: string; line: number }> {
  let depth = 0
  let end = start
  for (let i = start; i < stmt.masked.length; i++) {
    const ch = stmt.masked[i]
    if ('([{'.includes(ch)) depth++
    else if (')]}'.includes(ch)) {
      depth--
      if (depth === 0) {
        end = i + 1
        break
      }
    }
  }
  return (stringItems(stmt.text.slice(start, end), start) ?? []).map((it) => ({
    value: it.value,
    line: lineOf(stmt, it.offset)
  }))
}

/** Feature lists of a config: list values (or child keys) under feature-selection keys. */
export function configFeatureLists(side: Side): FeatureList[] {
  const byKey = new Map<string, FeatureList>()
  for (const e of side.entries) {
    const segments = e.key.split('.')
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]
      const bare = seg.replace(/\[\d+\]/g, '').toLowerCase()
      if (!CONFIG_FEATURE_KEY.test(bare)) continue
      const listKey = segments
        .slice(0, i + 1)
        .join('.')
        .replace(/\[\d+\]$/, '')
      let value: string | null = null
      if (/\[\d+\]$/.test(seg) && i === segments.length - 1 && typeof e.value === 'string') value = e.value
      else if (
        /\[\d+\]$/.test(seg) &&
        i < segments.length - 1 &&
        /^(name|column|col|feature)$/.test(lastSegment(e.key))
      ) {
        value = typeof e.value === 'string' ? e.value : null
      } else if (i === segments.length - 2 && !/\[\d+\]$/.test(segments[i + 1])) {
        value = segments[i + 1]
      }
      if (value === null) continue
      const list = byKey.get(listKey) ?? { name: listKey, items: [], line: e.line }
      list.items.push({ value, line: e.line })
      byKey.set(listKey, list)
      break
    }
  }
  return [...byKey.values()]
}

export function featureLists(view: FileView, side: Side): FeatureList[] {
  if (view.kind === 'config') return configFeatureLists(side)
  if (view.kind === 'notebook' || view.kind === 'python') return codeFeatureLists(side)
  return []
}

/** Column names a side declares as the target: `y = df['label']`, `target = 'label'`, config `target: label`. */
export function targetColumns(view: FileView, side: Side): Set<string> {
  const out = new Set<string>()
  if (view.kind === 'config') {
    for (const e of side.entries) {
      if (
        /^(target|label|target_column|label_column|target_col|label_col|y_col|target_name|label_name)$/.test(
          lastSegment(e.key)
        )
      ) {
        if (typeof e.value === 'string' && e.value.trim() !== '') out.add(e.value.trim())
      }
    }
    return out
  }
  for (const stmt of side.statements) {
    const a = assignment(stmt)
    if (!a || a.targets.length !== 1) continue
    const target = baseName(a.targets[0])
    if (/^y(_all|_full|_data)?$/i.test(target)) {
      const m = /^[A-Za-z_][\w.]*\s*\[\s*(['"])([^'"]+)\1\s*\]/.exec(a.value)
      if (m) out.add(m[2])
    } else if (
      /^(target|label|target_col(umn)?|label_col(umn)?|target_name|label_name|y_col(umn)?|target_var(iable)?)$/i.test(
        target
      )
    ) {
      const s = stringLiteral(a.value)
      if (s) out.add(s)
    }
  }
  return out
}
