import { readFileSync } from 'node:fs'
import { it } from 'vitest'
import { buildView } from '../src/checks/view.js'
import { configEvaluations } from '../src/checks/fairness.js'
it('dbg', () => {
  const c = process.env.CASE!, p = process.env.P!
  const text = readFileSync(`/work/eval-corpus/A/${c}/before/${p}`, 'utf8')
  const after = readFileSync(`/work/eval-corpus/A/${c}/after/${p}`, 'utf8')
  const v = buildView({ path: p, status: 'modified', before: text, after })
  console.log('ENTRIES', JSON.stringify(v.before!.entries.filter((e) => /subset/.test(e.key)).slice(0, 8)))
  console.log('EVALS', JSON.stringify(configEvaluations(v.before!.entries).slice(0, 30)))
  console.log('HEADLINE', v.headLineFor(396))
})
