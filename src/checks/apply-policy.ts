// The repository's policy applied to the built-in findings, after the checks and before any decision: the level of
// each check (`checks:` of `.github/ml-review.yml`, read at the base), the paths where a check is off, then the
// inline `# ml-review: ignore[CHECK] reason` comments of the changed files — which never silence a bias finding.
import picomatch from 'picomatch'
import { parseNotebook } from '../diff/notebook.js'
import type { CheckPolicy } from '../policy.js'
import type { ChangedFile, Finding, Suppression } from '../types.js'

export interface PolicyOutcome {
  findings: Finding[]
  /** what the policy did, in words, for the report's notes */
  notes: string[]
}

/** One inline comment: the checks it names, its reason, and the lines it covers. */
interface InlineIgnore {
  checks: string[]
  reason: string
  path: string
  /** the line of the comment */
  line: number
  /** the lines it covers: its own, and the next code line when the comment stands alone */
  covers: number[]
  used: boolean
}

const IGNORE_RE = /#\s*ml-review:\s*ignore\[([^\]\n]{1,400})\][ \t]*(.{0,500})$/
/** the files whose comments start with `#`: YAML, TOML, Python (and notebook code cells) */
const COMMENTED = /\.(ya?ml|toml|py|ipynb)$/i

/** The inline ignores of one head file, by its lines (notebooks: code cells only, at their .ipynb lines). */
export function inlineIgnores(file: ChangedFile): InlineIgnore[] {
  if (file.after === null || !COMMENTED.test(file.path) || !file.after.includes('ml-review:')) return []
  const blocks: { text: string; line: number }[][] = []
  if (file.path.toLowerCase().endsWith('.ipynb')) {
    try {
      for (const cell of parseNotebook(file.after).cells) {
        if (cell.type !== 'code') continue
        blocks.push(cell.source.split('\n').map((text, i) => ({ text, line: cell.sourceLines[i] })))
      }
    } catch {
      return [] // a head that does not parse is named elsewhere; it holds no ignores we could place
    }
  } else {
    blocks.push(file.after.split('\n').map((text, i) => ({ text, line: i + 1 })))
  }
  const out: InlineIgnore[] = []
  for (const lines of blocks) {
    lines.forEach(({ text, line }, i) => {
      const m = IGNORE_RE.exec(text)
      if (!m) return
      const covers = [line]
      if (/^\s*#/.test(text)) {
        const next = lines.slice(i + 1).find((l) => l.text.trim() !== '' && !/^\s*#/.test(l.text))
        if (next) covers.push(next.line)
      }
      out.push({
        checks: m[1]
          .split(',')
          .map((c) => c.trim().toUpperCase())
          .filter((c) => c !== ''),
        reason: m[2].trim(),
        path: file.path,
        line,
        covers,
        used: false
      })
    })
  }
  return out
}

const LEVEL_STATUS = { warn: 'warn', fail: 'fail', bias: 'fail' } as const

function where(path: string, line: number | null): string {
  return `\`${path}${line ? `:${line}` : ''}\``
}

/** Levels, path ignores and inline ignores applied to the findings of the changed `files`. */
export function applyPolicy(findings: Finding[], files: ChangedFile[], policy: CheckPolicy = {}): PolicyOutcome {
  const notes: string[] = []
  const off = new Map<string, number>()
  const ignored = new Map<string, number>()
  const matchers = new Map(
    Object.entries(policy).map(([id, rule]) => [
      id,
      rule.ignore.length > 0 ? picomatch(rule.ignore, { dot: true }) : null
    ])
  )
  const kept: Finding[] = []
  for (const f of findings) {
    const rule = policy[f.check]
    if (rule?.level === 'off') {
      off.set(f.check, (off.get(f.check) ?? 0) + 1)
      continue
    }
    if (matchers.get(f.check)?.(f.path)) {
      ignored.set(f.check, (ignored.get(f.check) ?? 0) + 1)
      continue
    }
    if (rule?.level) {
      const status = LEVEL_STATUS[rule.level]
      const bias = rule.level === 'bias' ? true : rule.level === 'fail' ? false : f.bias
      kept.push(status === f.status && bias === f.bias ? f : { ...f, status, bias, level: rule.level })
    } else kept.push(f)
  }
  for (const [check, n] of off)
    notes.push(`Policy: ${n} finding${n === 1 ? '' : 's'} of \`${check}\` not shown (level off).`)
  for (const [check, n] of ignored) {
    notes.push(
      `Policy: ${n} finding${n === 1 ? '' : 's'} of \`${check}\` not shown (ignored in ${policy[check].ignore.map((g) => `\`${g}\``).join(', ')}).`
    )
  }

  const ignores = files.flatMap(inlineIgnores)
  const out = kept.map((f) => {
    if (f.line === null) return f
    const match = ignores.find(
      (s) => s.path === f.path && s.covers.includes(f.line as number) && s.checks.includes(f.check)
    )
    if (!match) return f
    match.used = true
    if (f.bias) {
      notes.push(
        `${where(match.path, match.line)}: \`ignore[${f.check}]\` not honoured: a bias finding cannot be silenced in the changed file (a maintainer can accept it with \`/ml-review accept\`).`
      )
      return f
    }
    if (match.reason === '') {
      notes.push(`${where(match.path, match.line)}: \`ignore[${f.check}]\` not honoured: it gives no reason.`)
      return f
    }
    const suppressed: Suppression = { reason: match.reason, path: match.path, line: match.line }
    return { ...f, suppressed }
  })
  for (const s of ignores.filter((i) => !i.used)) {
    notes.push(`${where(s.path, s.line)}: \`ignore[${s.checks.join(', ')}]\` matches no finding on its line.`)
  }
  return { findings: out, notes }
}
