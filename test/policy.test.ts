import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { getInputs, type Inputs } from '../src/inputs.js'
import { checkPolicy, parseRepoConfig, REPO_CONFIG_KEYS, WORKFLOW_ONLY_KEYS } from '../src/policy.js'

const read = (f: string) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')
const fromConfig = (yaml: string): Inputs =>
  getInputs({ getInput: () => '', env: {}, repoConfig: parseRepoConfig(yaml) })

/** One valid line per key of the schema and what it must change in the inputs: a key without one fails below. */
const VALID: Record<string, [string, (i: Inputs) => void]> = {
  'bridge-url': ['bridge-url: https://bridge.example/', (i) => expect(i.bridgeUrl).toBe('https://bridge.example')],
  'bridge-protocol': ['bridge-protocol: openai', (i) => expect(i.bridgeProtocol).toBe('openai')],
  'agent-id': ['agent-id: reviewer', (i) => expect(i.agentId).toBe('reviewer')],
  model: ['model: sonnet', (i) => expect(i.model).toBe('sonnet')],
  thinking: ['thinking: low', (i) => expect(i.thinking).toBe('low')],
  'bridge-timeout': ['bridge-timeout: 120', (i) => expect(i.bridgeTimeout).toBe(120)],
  'bridge-extra': [
    'bridge-extra: {waitForCompletion: true}',
    (i) => expect(i.bridgeExtra).toEqual({ waitForCompletion: true })
  ],
  'bridge-result-url': [
    'bridge-result-url: https://bridge.example/runs/{runId}',
    (i) => expect(i.bridgeResultUrl).toBe('https://bridge.example/runs/{runId}')
  ],
  paths: ['paths: ["ml/**/*.yaml"]', (i) => expect(i.paths).toEqual(['ml/**/*.yaml'])],
  exclude: ['exclude: [legacy/**]', (i) => expect(i.exclude).toEqual(['legacy/**'])],
  'fail-on': ['fail-on: any', (i) => expect(i.failOn).toBe('any')],
  'on-bridge-error': ['on-bridge-error: fail', (i) => expect(i.onBridgeError).toBe('fail')],
  'check-name': ['check-name: ML gate', (i) => expect(i.checkName).toBe('ML gate')],
  'max-request-bytes': ['max-request-bytes: 200000', (i) => expect(i.maxRequestBytes).toBe(200000)],
  'group-gap-limit': ['group-gap-limit: 3%', (i) => expect(i.groupGapLimit).toBeCloseTo(0.03)],
  'metric-gain-limit': ['metric-gain-limit: 0.01', (i) => expect(i.metricGainLimit).toBe(0.01)],
  'on-unreadable-file': ['on-unreadable-file: neutral', (i) => expect(i.onUnreadableFile).toBe('neutral')],
  'skip-drafts': ['skip-drafts: true', (i) => expect(i.skipDrafts).toBe(true)],
  'review-comments': ['review-comments: all', (i) => expect(i.reviewComments).toBe('all')],
  sarif: ['sarif: true', (i) => expect(i.sarifFile).toMatch(/ml-review\.sarif$/)],
  'author-can-accept-bias': ['author-can-accept-bias: true', (i) => expect(i.authorCanAcceptBias).toBe(true)],
  checks: [
    'checks: {TRAIN-LR-CHANGED: off, REPRO-SEED-REMOVED: {level: warn, ignore: [experiments/**]}}',
    (i) =>
      expect(i.checks).toEqual({
        'TRAIN-LR-CHANGED': { level: 'off', ignore: [] },
        'REPRO-SEED-REMOVED': { level: 'warn', ignore: ['experiments/**'] }
      })
  ]
}

/** One wrong value per key and the message it gets: the key, the value and what is allowed. */
const INVALID: Record<string, [string, string]> = {
  'bridge-url': ['bridge-url: 8080', '"bridge-url" is 8080; allowed: an http(s) URL'],
  'bridge-protocol': ['bridge-protocol: grpc', '"bridge-protocol" is "grpc"; allowed: hooks, openai'],
  'agent-id': ['agent-id: ""', '"agent-id" is ""; allowed: a non-empty text'],
  model: ['model: [a, b]', '"model" is ["a","b"]; allowed: a text'],
  thinking: ['thinking: {level: high}', '"thinking" is {"level":"high"}; allowed: a text'],
  'bridge-timeout': [
    'bridge-timeout: 100000',
    '"bridge-timeout" is 100000; allowed: a whole number of seconds from 1 to 86400'
  ],
  'bridge-extra': ['bridge-extra: "{x"', '"bridge-extra" is "{x"; allowed: a mapping'],
  'bridge-result-url': ['bridge-result-url: [x]', '"bridge-result-url" is ["x"]; allowed: an http(s) URL'],
  paths: ['paths: {a: 1}', '"paths" is {"a":1}; allowed: a list of globs'],
  exclude: ['exclude: [1, 2]', '"exclude" is [1,2]; allowed: a list of globs'],
  'fail-on': ['fail-on: sometimes', '"fail-on" is "sometimes"; allowed: bias, any, never'],
  'on-bridge-error': ['on-bridge-error: retry', '"on-bridge-error" is "retry"; allowed: neutral, fail, skip'],
  'check-name': ['check-name: ""', '"check-name" is ""; allowed: a non-empty text'],
  'max-request-bytes': ['max-request-bytes: 10', '"max-request-bytes" is 10; allowed: a whole number of at least 4096'],
  'group-gap-limit': ['group-gap-limit: [1]', '"group-gap-limit" is [1]; allowed: a share above 0 and at most 1'],
  'metric-gain-limit': [
    'metric-gain-limit: true',
    '"metric-gain-limit" is true; allowed: a share above 0 and at most 1'
  ],
  'on-unreadable-file': ['on-unreadable-file: skip', '"on-unreadable-file" is "skip"; allowed: fail, neutral'],
  'skip-drafts': ['skip-drafts: sometimes', '"skip-drafts" is "sometimes"; allowed: true or false'],
  'review-comments': ['review-comments: some', '"review-comments" is "some"; allowed: failures, all, none'],
  sarif: ['sarif: 1', '"sarif" is 1; allowed: true or false'],
  'author-can-accept-bias': [
    'author-can-accept-bias: yes please',
    '"author-can-accept-bias" is "yes please"; allowed: true or false'
  ],
  checks: [
    'checks: {TRAIN-LR-CHANGED: silent}',
    '"checks.TRAIN-LR-CHANGED" is "silent"; allowed: off, warn, fail, bias, or a mapping'
  ]
}

describe('.github/ml-review.yml keys', () => {
  it('every key of the schema has a valid and an invalid case here, and a row in the README', () => {
    expect(Object.keys(VALID).sort()).toEqual([...REPO_CONFIG_KEYS].sort())
    expect(Object.keys(INVALID).sort()).toEqual([...REPO_CONFIG_KEYS].sort())
    const readme = read('README.md')
    const table = readme.slice(readme.indexOf('<!-- policy:start -->'), readme.indexOf('<!-- policy:end -->'))
    for (const key of [...REPO_CONFIG_KEYS, ...Object.keys(WORKFLOW_ONLY_KEYS)]) expect(table).toContain(`\`${key}\``)
    expect(readme).toContain('[`ml-review.schema.json`](ml-review.schema.json)')
  })

  it('every input of action.yml is either a key of the file or refused there as workflow-only', () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, unknown> }
    const known = new Set([...REPO_CONFIG_KEYS, ...Object.keys(WORKFLOW_ONLY_KEYS)])
    for (const input of Object.keys(action.inputs)) expect(known, input).toContain(input)
  })

  it.each(Object.entries(VALID))('%s: a valid value reaches the inputs', (_key, [yaml, check]) => {
    check(fromConfig(yaml))
  })

  it.each(Object.entries(INVALID))(
    '%s: a wrong value is refused, naming the key, the value and what is allowed',
    (_key, [yaml, message]) => {
      expect(() => parseRepoConfig(yaml)).toThrow(`.github/ml-review.yml: ${message}`)
    }
  )

  it.each(Object.keys(WORKFLOW_ONLY_KEYS))('%s: refused with why, never dropped or offered', (key) => {
    expect(() => parseRepoConfig(`${key}: x`)).toThrow(
      `.github/ml-review.yml: "${key}" can only be set in the workflow:`
    )
    // the list of allowed keys in a typo's message holds none of them
    let message = ''
    try {
      parseRepoConfig('fail_onn: any')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('allowed: bridge-url, ')
    expect(message.split('allowed: ')[1].split(', ')).not.toContain(key)
  })

  it('an unknown key suggests the closest one and lists only the keys the file may hold', () => {
    expect(() => parseRepoConfig('fail_on: any')).toThrow(
      /^\.github\/ml-review\.yml: unknown key "fail_on" \(did you mean "fail-on"\?\); allowed: bridge-url, bridge-protocol, .*, checks$/
    )
  })

  it('a check id that does not exist, or a bad entry of a check, names the check', () => {
    expect(() => parseRepoConfig('checks:\n  TRAIN-LR-CHANGD: off\n')).toThrow(
      /"checks\.TRAIN-LR-CHANGD" is not a built-in check \(did you mean "TRAIN-LR-CHANGED"\?\)/
    )
    expect(() => parseRepoConfig('checks:\n  lr: off\n')).toThrow(/"checks\.lr" is not a built-in check/)
    expect(() => parseRepoConfig('checks:\n  TRAIN-LR-CHANGED: {level: loud}\n')).toThrow(
      '.github/ml-review.yml: "checks.TRAIN-LR-CHANGED.level" is "loud"; allowed: off, warn, fail, bias'
    )
    expect(() => parseRepoConfig('checks:\n  TRAIN-LR-CHANGED: {ignore: experiments/**}\n')).toThrow(
      '"checks.TRAIN-LR-CHANGED.ignore" is "experiments/**"; allowed: a list of globs'
    )
    expect(() => parseRepoConfig('checks:\n  TRAIN-LR-CHANGED: {paths: [a]}\n')).toThrow(
      'unknown key "checks.TRAIN-LR-CHANGED.paths"; allowed: level, ignore'
    )
  })

  it('names every wrong key at once, and the file it came from', () => {
    let message = ''
    try {
      parseRepoConfig('fail-on: x\non-bridge-error: y\n', 'ci/policy.yml')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message.split('\n')).toEqual([
      'ci/policy.yml: "fail-on" is "x"; allowed: bias, any, never',
      'ci/policy.yml: "on-bridge-error" is "y"; allowed: neutral, fail, skip'
    ])
  })

  it('an empty file is no policy; a list or a scalar is refused', () => {
    expect(parseRepoConfig('# nothing yet\n')).toEqual({})
    expect(checkPolicy(parseRepoConfig(''))).toEqual({})
    expect(() => parseRepoConfig('- fail-on: any')).toThrow('.github/ml-review.yml must be a mapping of keys to values')
  })

  it('the workflow input wins over the file', () => {
    const i = getInputs({
      getInput: (n) => (n === 'fail-on' ? 'never' : ''),
      env: {},
      repoConfig: parseRepoConfig('fail-on: any')
    })
    expect(i.failOn).toBe('never')
  })

  it('the schema ships in the package', () => {
    const pkg = JSON.parse(read('package.json')) as { files: string[] }
    expect(pkg.files).toContain('ml-review.schema.json')
  })
})
