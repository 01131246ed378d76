import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PATHS, getInputs } from '../src/inputs.js'
import { parseRepoConfig } from '../src/policy.js'

const from = (inputs: Record<string, string>, env: Record<string, string> = {}, repoConfig?: Record<string, unknown>) =>
  getInputs({ getInput: (n) => inputs[n] ?? '', env, repoConfig })

describe('getInputs', () => {
  it('applies SPEC §3 defaults', () => {
    const i = from({})
    expect(i).toMatchObject({
      bridgeUrl: '',
      bridgeProtocol: 'hooks',
      agentId: 'ai-ml-engineer',
      model: 'opus',
      thinking: 'high',
      bridgeTimeout: 900,
      failOn: 'bias',
      onBridgeError: 'neutral',
      prNumber: null,
      comment: true,
      annotations: true,
      checkName: 'ML Engineering Review',
      maxRequestBytes: 240000
    })
    expect(i.paths).toEqual(DEFAULT_PATHS)
    expect(Object.isFrozen(i)).toBe(true)
  })

  it('falls back to the SUPERCLAUDE_* environment for the bridge', () => {
    const i = from({}, { SUPERCLAUDE_BRIDGE_URL: 'http://bridge:8080/', SUPERCLAUDE_BRIDGE_TOKEN: 't' })
    expect(i.bridgeUrl).toBe('http://bridge:8080')
    expect(i.bridgeToken).toBe('t')
  })

  it('lets inputs win over the repository file, which wins over defaults', () => {
    const i = from({ 'fail-on': 'any' }, {}, { 'fail-on': 'never', 'check-name': 'ML gate', paths: ['**/*.ipynb'] })
    expect(i.failOn).toBe('any')
    expect(i.checkName).toBe('ML gate')
    expect(i.paths).toEqual(['**/*.ipynb'])
  })

  it.each([
    [{ 'bridge-protocol': 'grpc' }, /Input "bridge-protocol" must be one of hooks, openai; got "grpc"/],
    [{ 'fail-on': 'x' }, /Input "fail-on" must be one of bias, any, never/],
    [{ 'on-bridge-error': 'retry' }, /Input "on-bridge-error" must be one of neutral, fail, skip/],
    [{ 'bridge-timeout': '-5' }, /Input "bridge-timeout" must be a whole number of at least 1; got "-5"/],
    [{ 'max-request-bytes': 'lots' }, /Input "max-request-bytes" must be a whole number/],
    [{ 'bridge-extra': '{nope' }, /Input "bridge-extra" must be a JSON object/],
    [{ 'bridge-extra': '[1]' }, /Input "bridge-extra" must be a JSON object/],
    [{ paths: 'configs/[abc' }, /Input "paths" has a bad glob "configs\/\[abc"/],
    [{ exclude: '{a,b' }, /Input "exclude" has a bad glob/],
    [{ comment: 'maybe' }, /Input "comment" must be true or false/],
    [{ 'bridge-url': 'ftp://x' }, /Input "bridge-url" must be an http\(s\) URL/],
    [{ 'pr-number': 'abc' }, /Input "pr-number" must be a whole number/]
  ])('rejects %o', (inputs, message) => {
    expect(() => from(inputs as Record<string, string>)).toThrow(message)
  })

  it('parses bridge-extra and list inputs', () => {
    const i = from({
      'bridge-extra': '{"waitForCompletion":true}',
      paths: 'a/**/*.yaml, b/*.ipynb\n# comment\n',
      exclude: 'x/**'
    })
    expect(i.bridgeExtra).toEqual({ waitForCompletion: true })
    expect(i.paths).toEqual(['a/**/*.yaml', 'b/*.ipynb'])
    expect(i.exclude).toEqual(['x/**'])
  })
})

describe('parseRepoConfig', () => {
  it('reads known keys and refuses unknown ones and secrets', () => {
    expect(parseRepoConfig('fail-on: any\nexclude:\n  - legacy/**\n')).toEqual({
      'fail-on': 'any',
      exclude: ['legacy/**']
    })
    expect(() => parseRepoConfig('fail_on: any')).toThrow(/unknown key "fail_on" \(did you mean "fail-on"\?\)/)
    expect(() => parseRepoConfig('bridge-token: abc')).toThrow(/"bridge-token" can only be set in the workflow/)
    expect(() => parseRepoConfig('a: [')).toThrow(/not valid YAML/)
  })
})

describe('review-comments and sarif', () => {
  const read = (inputs: Record<string, string>, repoConfig?: Record<string, unknown>) =>
    getInputs({ getInput: (n) => inputs[n] ?? '', env: { RUNNER_TEMP: 'runner-temp' }, repoConfig })

  it('default to comments on failed items and no SARIF', () => {
    expect(read({})).toMatchObject({ reviewComments: 'failures', sarifFile: '' })
  })

  it('are read from the inputs and from .github/ml-review.yml, inputs first', () => {
    const config = parseRepoConfig('review-comments: all\nsarif: true\n')
    expect(read({}, config)).toMatchObject({ reviewComments: 'all', sarifFile: join('runner-temp', 'ml-review.sarif') })
    expect(read({ 'review-comments': 'none', sarif: 'false' }, config)).toMatchObject({
      reviewComments: 'none',
      sarifFile: ''
    })
  })

  it('name the input and the allowed values when a value is wrong', () => {
    expect(() => read({ 'review-comments': 'some' })).toThrow(
      'Input "review-comments" must be one of failures, all, none; got "some"'
    )
    expect(() => read({ sarif: 'maybe' })).toThrow('Input "sarif" must be true or false; got "maybe"')
  })
})
