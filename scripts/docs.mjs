// Writes the README's inputs and outputs tables from action.yml, and its `.github/ml-review.yml` table from
// ml-review.schema.json, so docs and metadata never drift.
// `node scripts/docs.mjs --check` fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (s) => (s === '' ? '`""`' : `\`${s}\``)

const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(([name, i]) => {
    // a default applied in code is written at the end of the description as "Default: `x`."
    const inDescription = /\s*Default: `([^`]*)`\.$/.exec(i.description)
    const shown = i.default === '' && inDescription ? inDescription[1] : (i.default ?? '')
    const description = inDescription ? i.description.slice(0, inDescription.index) : i.description
    return `| \`${name}\` | ${code(shown)} | ${cell(description)} |`
  })
].join('\n')
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
].join('\n')

const schema = JSON.parse(readFileSync('ml-review.schema.json', 'utf8'))
const props = Object.entries(schema.properties)
const allowed = (p) => (p.enum ? p.enum.map((v) => `\`${v}\``).join(', ') : (p['x-allowed'] ?? ''))
const policy = [
  '| key | allowed | what it sets |',
  '| --- | --- | --- |',
  ...props
    .filter(([, p]) => p['x-workflow-only'] === undefined)
    .map(([name, p]) => `| \`${name}\` | ${cell(allowed(p))} | ${cell(p.description)} |`),
  '',
  `Only in the workflow (an error in this file): ${props
    .filter(([, p]) => p['x-workflow-only'] !== undefined)
    .map(([name]) => `\`${name}\``)
    .join(', ')}.`
].join('\n')

function replace(text, name, table) {
  const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`)
  if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`)
  return text.replace(re, `$1\n${table}\n$2`)
}

const readme = readFileSync('README.md', 'utf8')
const next = replace(replace(replace(readme, 'inputs', inputs), 'outputs', outputs), 'policy', policy)
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(
      'README.md inputs/outputs/policy tables differ from action.yml or ml-review.schema.json; run: npm run docs'
    )
    process.exit(1)
  }
} else {
  writeFileSync('README.md', next)
}
