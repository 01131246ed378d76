// ml-review's command line: every action input has its flag, every flag is in --help, pull request references parse.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { HELP, INPUT_FLAGS, NOT_FLAGS, parseCli, parsePrRef } from '../src/cli/args.js'

const inputs = Object.keys(
  (parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> }).inputs
)

describe('ml-review arguments', () => {
  it('has a flag for every input of action.yml (bar those only a workflow has)', () => {
    expect([...INPUT_FLAGS, ...NOT_FLAGS].sort()).toEqual([...inputs].sort())
  })

  it('documents every flag in --help', () => {
    const flags = [
      ...INPUT_FLAGS,
      ...['repo', 'base', 'head', 'direct', 'staged', 'untracked', 'before', 'after', 'pr', 'post', 'config'],
      ...['offline', 'format', 'json', 'exit-zero', 'version', 'help']
    ]
    for (const f of flags) expect(HELP).toMatch(new RegExp(`^ {2}(-h, )?--${f}\\b`, 'm'))
  })

  it('joins repeated --paths and --exclude as the input lists do', () => {
    const a = parseCli(['--paths', 'a/**', '--paths', 'b/**,c/*.{yaml,yml}', '--exclude', 'x/**'])
    expect(a.inputs.paths).toBe('a/**\nb/**,c/*.{yaml,yml}')
    expect(a.inputs.exclude).toBe('x/**')
    expect(parseCli(['--json']).format).toBe('json')
    expect(() => parseCli(['--json', '--format', 'text'])).toThrow('--json and --format text disagree')
  })

  it('reads OWNER/REPO#N and pull request URLs, GitHub Enterprise included', () => {
    expect(parsePrRef('octo-org/ml-repo#7')).toEqual({ owner: 'octo-org', repo: 'ml-repo', number: 7, host: null })
    expect(parsePrRef('https://github.com/octo-org/ml.repo/pull/12/files')).toEqual({
      owner: 'octo-org',
      repo: 'ml.repo',
      number: 12,
      host: null
    })
    expect(parsePrRef('https://ghe.example.com/a/b/pull/3').host).toBe('ghe.example.com')
    for (const bad of [
      'octo-org/ml-repo',
      'octo-org/ml-repo#x',
      'https://github.com/a/b/issues/3',
      'ftp://x/a/b/pull/1'
    ]) {
      expect(() => parsePrRef(bad)).toThrow('--pr must be OWNER/REPO#NUMBER or a pull request URL')
    }
  })
})
