import { readFileSync } from 'node:fs'
import { it } from 'vitest'
import { buildView } from '../src/checks/view.js'
import { codeEvaluations } from '../src/checks/fairness.js'
it('dbg', () => {
  const c = process.env.CASE!, p = process.env.P!
  for (const side of ['before', 'after']) {
    const text = readFileSync(`/work/eval-corpus/A/${c}/${side}/${p}`, 'utf8')
    const v = buildView({ path: p, status: 'modified', before: text, after: text })
    console.log(side, JSON.stringify(codeEvaluations(v.after!).map((e) => `${e.line} ${e.key}`)))
  }
})
