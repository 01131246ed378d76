// `npm run eval -- DIR [--json out.json]`: scores the built-in checks on a corpus of before/after cases.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { formatScore, readCorpus, score } from './score.js'

const USAGE =
  'Usage: npm run eval -- DIR [--json out.json]\n  DIR holds one folder per case: before/, after/, meta.json'

function main(argv: string[]): number {
  let values: { json?: string; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
    }))
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Expected one corpus folder, got ${positionals.length}.\n${USAGE}\n`)
    return 2
  }
  let result
  try {
    result = score(readCorpus(positionals[0]))
  } catch (err) {
    process.stderr.write(`Cannot read the corpus: ${(err as Error).message}\n`)
    return 2
  }
  process.stdout.write(`${formatScore(result)}\n`)
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 1) + '\n')
  return 0
}

process.exitCode = main(process.argv.slice(2))
