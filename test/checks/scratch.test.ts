import { it } from 'vitest'
import { runChecks } from '../../src/checks/index.js'
import { realChanges, standaloneNotebooks } from './fixtures.js'
it('prints', () => {
  for (const [k, f] of [...realChanges(), ...standaloneNotebooks()]) {
    const t = Date.now()
    const found = runChecks([f])
    console.log(`== ${k} (${Date.now() - t} ms)`)
    for (const x of found) console.log(`  ${x.check} ${x.status} bias=${x.bias} ${x.path}:${x.line} | ${x.evidence}`)
  }
})
