import { diffFile } from '../../src/diff/index.js'
import { analyseFiles } from '../../src/checks/index.js'
const lines = ['a0: &a0 {k: 1, learning_rate: 0.1, epochs: 2}']
for (let i = 1; i < 30; i++)
  lines.push(
    `a${i}: &a${i}\n  <<: [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]`
  )
const bomb = lines.join('\n') + '\n'
const f = {
  path: 'configs/train.yaml',
  status: 'modified' as const,
  before: 'learning_rate: 0.1\nepochs: 2\n',
  after: bomb
}
let t = Date.now()
console.log(analyseFiles([f]).unanalysed, Date.now() - t)
t = Date.now()
console.log(diffFile(f).notes, Date.now() - t)
const labels = Array.from({ length: 25_000 }, (_, i) => `    "${i}": "class_${i}"`).join(',\n')
const big = `{"features": ["a"], "id2label": {\n${labels}\n}}`
const g = {
  path: 'configs/train.json',
  status: 'modified' as const,
  before: big,
  after: big.replace('"a"', '"a", "sex"')
}
t = Date.now()
analyseFiles([g])
console.log('analyse', Date.now() - t)
t = Date.now()
diffFile(g)
console.log('diff', Date.now() - t)
