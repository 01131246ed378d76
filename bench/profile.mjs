// Summarises a V8 .cpuprofile of the bundle: self and inclusive time per function, with the bundled module each
// function sits in (from ncc's `// CONCATENATED MODULE:` and `/***/ id:` markers). Usable on its own:
//   node bench/profile.mjs bench/results/profile/3000-1.cpuprofile [dist/index.js]
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIGNATURES = [
  [/createScanner|scanNext|parseTree/, 'jsonc-parser'],
  [/undici|kDestroyed|llhttp|kDispatch/, 'undici'],
  [/var identity = __nccwpck_require__|YAMLMap|YAMLSeq|composeNode|resolveBlock|lineCounter|\bCST\b/, 'yaml'],
  [/picomatch|extglob/i, 'picomatch'],
  [/Bottleneck/, 'bottleneck'],
  [/toml/i, 'smol-toml'],
  [/HttpClient|http-client/, '@actions/http-client'],
  [/issueCommand|getInput|exportVariable/, '@actions/core'],
  [/tunnel/i, 'tunnel']
]

/** For each line of the bundle, the module it belongs to. */
function moduleIndex(bundlePath) {
  let text
  try {
    text = readFileSync(bundlePath, 'utf8')
  } catch {
    return () => ''
  }
  const marks = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    let m = /^\/\*\*\*\/ (\d+):\s*$/.exec(l)
    if (m) {
      // CommonJS modules keep their code, not their path: name the package by what its code says
      let end = i + 1
      while (end < lines.length && end < i + 3000 && !/^\/\*\*\*\/ (\d+):\s*$/.test(lines[end])) end++
      const body = lines.slice(i + 1, end).join('\n')
      const pkg = SIGNATURES.find(([re]) => re.test(body))?.[1]
      marks.push([i + 1, `cjs ${m[1]}${pkg ? ` (${pkg})` : ''}`])
      continue
    }
    m = /^;\/\/ CONCATENATED MODULE: (.*)$/.exec(l)
    if (m) marks.push([i + 1, m[1].replace(/^\.\//, '')])
  }
  return (line) => {
    let lo = 0
    let hi = marks.length - 1
    let best = ''
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (marks[mid][0] <= line) {
        best = marks[mid][1]
        lo = mid + 1
      } else hi = mid - 1
    }
    return best
  }
}

export function summarizeProfile(file, bundlePath, top = 25) {
  const prof = JSON.parse(readFileSync(file, 'utf8'))
  // each chunk file (`<id>.index.js` beside the bundle) has its own module markers and line numbers
  const indexes = new Map()
  const moduleOf = (url, line) => {
    const name = url.replace(/^.*\//, '')
    if (!indexes.has(name)) indexes.set(name, moduleIndex(join(dirname(bundlePath), name)))
    return indexes.get(name)(line)
  }
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (n) => {
    const cf = n.callFrame
    const where = cf.url ? `${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}` : ''
    return `${cf.functionName || '(anonymous)'} ${where}`.trim()
  }
  const modOf = (n) =>
    n.callFrame.url && n.callFrame.url.endsWith('index.js')
      ? moduleOf(n.callFrame.url, n.callFrame.lineNumber + 1)
      : n.callFrame.url.replace(/^.*node_modules\//, '') || ''
  const self = new Map()
  const incl = new Map()
  const modSelf = new Map()
  let total = 0
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = (prof.timeDeltas[i] ?? 0) / 1000
    total += dt
    const n = byId.get(prof.samples[i])
    const k = key(n)
    self.set(k, (self.get(k) ?? 0) + dt)
    const mod = modOf(n) || n.callFrame.url || n.callFrame.functionName
    modSelf.set(mod, (modSelf.get(mod) ?? 0) + dt)
    const seen = new Set()
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const kk = key(byId.get(id))
      if (seen.has(kk)) continue
      seen.add(kk)
      incl.set(kk, (incl.get(kk) ?? 0) + dt)
    }
  }
  const fmt = (m, label) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n')
      .replace(/^/, `${label}\n`)
  const skip = new Set(['(root)', '(program)', '(idle)', '(garbage collector)'])
  const inclUseful = new Map([...incl.entries()].filter(([k]) => !skip.has(k)))
  return [
    `total sampled ${total.toFixed(0)} ms`,
    fmt(self, 'self time by function:'),
    fmt(modSelf, 'self time by bundled module:'),
    fmt(inclUseful, 'inclusive time by function:')
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summarizeProfile(process.argv[2], process.argv[3] ?? 'dist/index.js', Number(process.argv[4] ?? 25)))
}
