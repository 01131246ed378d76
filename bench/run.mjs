// `npm run bench`: runs dist/index.js the way the runner does (a spawned `node dist/index.js` with INPUT_* from
// action.yml's defaults and a pull_request event) against a local fake GitHub with an injected per-request latency
// and a bridge that answers at once, on generated PRs and on the real fixtures. Prints medians and writes them to
// bench/results/latest.json. See bench/README.md for the columns and the flags.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { BenchBridge, BenchGitHub } from './fakes.mjs'
import { BASE_SHA, generatedPull, HEAD_SHA, realPull, REPORT } from './scenarios.mjs'
import { summarizeProfile } from './profile.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CONCURRENCY = 8 // FETCH_CONCURRENCY in src/collect/pr-source.ts
const TOKEN = 'ghs_benchInstallationToken0123456789abcdef'
const REPO = 'octo-org/ml-repo'
const PR = 7

// ---------------------------------------------------------------------------------------------------------------
// options: flags win over environment variables

function options(argv) {
  const flag = (name, env, dflt) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
    if (i === -1) return process.env[env] ?? dflt
    const a = argv[i]
    return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[i + 1] ?? '')
  }
  const has = (name) => argv.includes(`--${name}`)
  if (has('help')) {
    console.log(`npm run bench -- [--latency MS] [--runs N] [--big-runs N] [--only 10,300,3000,real] [--max-mib N]
                     [--entry dist/index.js] [--out FILE] [--mem-timeline] [--profile] [--node-args "..."] [--dump DIR]`)
    process.exit(0)
  }
  return {
    latencyMs: Number(flag('latency', 'BENCH_LATENCY_MS', '50')),
    runs: Number(flag('runs', 'BENCH_RUNS', '3')),
    bigRuns: Number(flag('big-runs', 'BENCH_BIG_RUNS', '3')),
    only: String(flag('only', 'BENCH_ONLY', ''))
      .split(',')
      .filter(Boolean),
    maxMiB: Number(flag('max-mib', 'BENCH_MAX_MIB', '20')),
    entry: resolve(ROOT, String(flag('entry', 'BENCH_ENTRY', 'dist/index.js'))),
    entryGiven: flag('entry', 'BENCH_ENTRY', '') !== '',
    out: resolve(ROOT, String(flag('out', 'BENCH_OUT', 'bench/results/latest.json'))),
    memTimeline: has('mem-timeline') || has('profile'),
    profile: has('profile'),
    nodeArgs: String(flag('node-args', 'BENCH_NODE_ARGS', ''))
      .split(' ')
      .filter(Boolean),
    dump: flag('dump', 'BENCH_DUMP', '') ? resolve(String(flag('dump', 'BENCH_DUMP', ''))) : null
  }
}

const SCENARIOS = [
  { name: '10', label: '10 files / 1 nb', files: 10, notebooks: 1 },
  { name: '300', label: '300 files / 20 nb', files: 300, notebooks: 20 },
  { name: '3000', label: '3000 files / 200 nb', files: 3000, notebooks: 200, big: true },
  {
    name: 'real',
    label: 'real fixtures (20)',
    real:
      process.env.BENCH_FIXTURES ??
      join(process.env.ML_REVIEW_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures'), 'real-changes')
  }
]

// ---------------------------------------------------------------------------------------------------------------
// one run of the action

function actionInputs() {
  const doc = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  const env = {}
  for (const [name, spec] of Object.entries(doc.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(spec.default ?? '').replace(
      '${{ github.token }}',
      TOKEN
    )
  }
  return env
}

const GNU_TIME = '/usr/bin/time'

async function runOnce(opts, gh, bridge, tag) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-review-bench-'))
  const eventPath = join(dir, 'event.json')
  const pull = gh.pulls.get(PR)
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'opened',
      number: PR,
      pull_request: {
        number: PR,
        title: pull.title,
        html_url: `https://github.com/${REPO}/pull/${PR}`,
        changed_files: pull.files.length,
        head: { sha: HEAD_SHA, ref: 'feature' },
        base: { sha: BASE_SHA, ref: 'main' }
      },
      repository: { full_name: REPO, name: 'ml-repo', owner: { login: 'octo-org' } }
    })
  )
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '')
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_REF: `refs/pull/${PR}/merge`,
    SUPERCLAUDE_BRIDGE_URL: bridge.url,
    SUPERCLAUDE_BRIDGE_TOKEN: 'bench-bridge-token',
    // production spaces GitHub writes 1 s apart (src/github/client.ts); the bench measures our own time, not that gap
    ML_REVIEW_GITHUB_WRITE_GAP_MS: '0',
    // the action's own tuning variables pass through (e.g. ML_REVIEW_NOTEBOOK_THREADS=2), to compare settings
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('ML_REVIEW_'))),
    ...actionInputs()
  }
  const nodeArgs = [...opts.nodeArgs]
  const memFile = join(dir, 'mem.json')
  const timeFile = join(dir, 'time.txt')
  if (opts.profile)
    nodeArgs.push(
      '--cpu-prof',
      `--cpu-prof-dir=${join(dirname(opts.out), 'profile')}`,
      `--cpu-prof-name=${tag}.cpuprofile`
    )
  let cmd = process.execPath
  let args = [...nodeArgs, opts.entry]
  if (opts.memTimeline || !existsSync(GNU_TIME)) {
    args = ['--import', join(ROOT, 'bench', 'rss.mjs'), ...args]
    env.BENCH_MEM_FILE = memFile
  }
  if (existsSync(GNU_TIME)) {
    // GNU time reports the child's peak RSS even when it dies (e.g. out of memory)
    args = ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]
    cmd = GNU_TIME
  }

  gh.reset()
  bridge.reset()
  const lines = []
  let stdoutTail = ''
  let stderr = ''
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const wall0 = Date.now()
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: dir })
  child.stdout.on('data', (d) => {
    const now = performance.now()
    const text = stdoutTail + d.toString()
    const parts = text.split('\n')
    stdoutTail = parts.pop() ?? ''
    for (const l of parts) lines.push([now, l])
  })
  child.stderr.on('data', (d) => (stderr += d.toString()))
  const code = await new Promise((r) => child.on('close', (c, sig) => r(c ?? sig)))
  const t1 = performance.now()
  const fakeCpu = process.cpuUsage(cpu0)
  if (stdoutTail) lines.push([t1, stdoutTail])

  // peak RSS
  let peakRssMiB = null
  let memory = null
  if (existsSync(memFile)) {
    memory = JSON.parse(readFileSync(memFile, 'utf8'))
    peakRssMiB = memory.maxRSSKiB / 1024
  }
  let childCpuMs = null
  let childSysMs = null
  if (existsSync(timeFile)) {
    const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '')
    if (m) {
      peakRssMiB = Number(m[1]) / 1024
      childCpuMs = (Number(m[2]) + Number(m[3])) * 1000
      childSysMs = Number(m[3]) * 1000
    }
  }

  // requests and the floor
  const reqs = gh.requests
  const byRoute = {}
  for (const r of reqs) byRoute[r.route] = (byRoute[r.route] ?? 0) + 1
  const pages = byRoute['GET pull files (page)'] ?? 0
  const fetches = reqs.filter(
    (r) => r.route === 'GET contents' && r.path !== `/repos/${REPO}/contents/.github/ml-review.yml`
  ).length
  const sequential = reqs.length - pages - fetches
  // listing pages share the fetch slots: the first round holds up to CONCURRENCY pages, the rest mix pages and files
  const rounds = pages === 0 ? 0 : 1 + Math.ceil((Math.max(0, pages - CONCURRENCY) + fetches) / CONCURRENCY)
  const latencyFloorMs = (rounds + sequential) * opts.latencyMs
  const servedBytes = reqs.reduce((n, r) => n + r.bytes, 0)
  // the bytes alone, at the rate the fake can push them through loopback to another process
  const transferFloorMs = opts.loopbackBytesPerMs ? servedBytes / opts.loopbackBytesPerMs : 0
  const floorMs = Math.max(latencyFloorMs, transferFloorMs)
  // time with at least one API request in flight (union of [arrival, answer flushed])
  const spans = reqs.map((r) => [r.start, r.end]).sort((a, c) => a[0] - c[0])
  let apiWaitMs = 0
  let cur = null
  for (const s of spans) {
    if (!cur || s[0] > cur[1]) {
      if (cur) apiWaitMs += cur[1] - cur[0]
      cur = [...s]
    } else cur[1] = Math.max(cur[1], s[1])
  }
  if (cur) apiWaitMs += cur[1] - cur[0]
  const apiBusyMs = spans.reduce((n, s) => n + s[1] - s[0], 0)
  const servedMiB = servedBytes / 1024 / 1024
  // the action's own account of its stages and of the analysis (see src/timing.ts, src/analysis/budget.ts)
  const stageLine = lines.find(([, l]) => l.startsWith('Time by stage, wall (CPU): '))?.[1] ?? ''
  const stageCpuMs = {}
  for (const m of stageLine.matchAll(/(\w+) ([\d.]+) s \(([\d.]+) s\)/g)) stageCpuMs[m[1]] = Number(m[3]) * 1000
  const analysisLine = lines.find(([, l]) => l.startsWith('Analysis: '))?.[1] ?? ''
  const am = /^Analysis: ([\d.]+) s of CPU for ([\d.]+) MB of source \((\d+) ms per MB; budget ([\d.]+) s\)/.exec(
    analysisLine
  )
  const analysis = am
    ? { cpuMs: Number(am[1]) * 1000, sourceMB: Number(am[2]), msPerMB: Number(am[3]), budgetMs: Number(am[4]) * 1000 }
    : null

  // phases, from the log lines' arrival
  const at = (re) => lines.find(([, l]) => re.test(l))?.[0]
  const collectAt = at(/^::group::Collecting ML files/)
  const reviewAt = at(/^::group::Reviewing/)
  const reviewIdx = lines.findIndex(([, l]) => /^::group::Reviewing/.test(l))
  const reviewEnd = reviewIdx === -1 ? undefined : lines.slice(reviewIdx).find(([, l]) => l === '::endgroup::')?.[0]
  const outputs = readFileSync(join(dir, 'output'), 'utf8')
  const conclusion = /^conclusion<<(.+)\n([^\n]*)/m.exec(outputs)?.[2] ?? null
  const firstReq = gh.firstRequestAt
  const run = {
    ok: conclusion !== null,
    exit: code,
    conclusion,
    wallMs: t1 - t0,
    coldStartMs: firstReq === null ? null : firstReq - t0,
    floorMs,
    latencyFloorMs,
    transferFloorMs,
    ratio: floorMs > 0 ? (t1 - t0) / floorMs : null,
    overheadMs: t1 - t0 - floorMs,
    apiWaitMs,
    apiBusyMs,
    requests: reqs.length,
    listPages: pages,
    contentFetches: fetches,
    sequentialRequests: sequential,
    servedMiB,
    peakRssMiB,
    childCpuMs,
    childSysMs,
    fakeCpuMs: (fakeCpu.user + fakeCpu.system) / 1000,
    bridgeRequests: bridge.requests.length,
    bridgeBytes: bridge.requests.reduce((n, r) => n + r.bytes, 0),
    phases: {
      startMs: firstReq === null ? null : firstReq - t0,
      collectMs: collectAt !== undefined && reviewAt !== undefined ? reviewAt - collectAt : null,
      reviewMs: reviewAt !== undefined && reviewEnd !== undefined ? reviewEnd - reviewAt : null,
      publishMs: reviewEnd !== undefined ? t1 - reviewEnd : null
    },
    byRoute,
    stageCpuMs,
    analysis
  }
  if (process.env.BENCH_DEBUG_LINES) {
    // log lines and API requests on one time line (start and end of each request, from the fake)
    const events = [
      ...lines.map(([t, l]) => [t, l.slice(0, 150)]),
      ...reqs.map((r) => [r.start, `  -> ${r.method} ${r.route} (${(r.end - r.start).toFixed(0)} ms, ${r.bytes} B)`])
    ].sort((a, b) => a[0] - b[0])
    for (const [t, l] of events) console.log(`    ${(t - t0).toFixed(0).padStart(6)} ms  ${l}`)
  }
  if (!run.ok) run.outOfMemory = /heap out of memory|Reached heap limit/.test(stderr)
  if (!run.ok)
    run.stderrTail =
      stderr.slice(-2000) +
      lines
        .slice(-10)
        .map(([, l]) => l)
        .join('\n')
  const unhandled = Object.keys(byRoute).filter((r) => r.startsWith('UNHANDLED') || r === 'ERROR')
  if (unhandled.length) run.unhandled = unhandled
  if (memory) run.memory = memoryPhases(memory, wall0, t0, { collectAt, reviewAt, reviewEnd })
  if (opts.dump) {
    // what the run produced, to compare two bundles: the bridge request, the outputs, the summary, the log
    const d = join(opts.dump, tag)
    mkdirSync(d, { recursive: true })
    writeFileSync(join(d, 'bridge-request.json'), bridge.requests.map((r) => r.body ?? '').join('\n'))
    writeFileSync(join(d, 'outputs.txt'), outputs)
    writeFileSync(join(d, 'summary.md'), readFileSync(join(dir, 'summary'), 'utf8'))
    const comments = [...gh.comments.values()].flat().map((c) => c.body)
    writeFileSync(join(d, 'comment.md'), comments.join('\n\n<!-- next comment -->\n\n'))
    writeFileSync(join(d, 'check-runs.json'), JSON.stringify([...gh.checkRuns.values()], null, 1))
    writeFileSync(join(d, 'stdout.txt'), lines.map(([, l]) => l).join('\n'))
  }
  rmSync(dir, { recursive: true, force: true })
  return run
}

/** Peak RSS / heap in each phase, from the preload's timeline. */
function memoryPhases(memory, wall0, t0, marks) {
  const toWall = (t) => (t === undefined ? undefined : wall0 + (t - t0))
  const bounds = [
    ['start', wall0, toWall(marks.collectAt)],
    ['collect', toWall(marks.collectAt), toWall(marks.reviewAt)],
    ['review', toWall(marks.reviewAt), toWall(marks.reviewEnd)],
    ['publish', toWall(marks.reviewEnd), Infinity]
  ]
  const out = { peakRssMiB: memory.maxRSSKiB / 1024 }
  for (let [name, from, to] of bounds) {
    if (from === undefined) continue
    // a phase that never ended (the process died in it) runs to the last sample
    to ??= Infinity
    const s = memory.timeline.filter(([t]) => t >= from && t < to)
    if (s.length === 0) continue
    out[name] = {
      rssMiB: Math.max(...s.map((x) => x[1])) / 1024,
      heapMiB: Math.max(...s.map((x) => x[2])) / 1024,
      externalMiB: Math.max(...s.map((x) => x[3])) / 1024
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// medians, table, targets

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, c) => a - c)
  if (v.length === 0) return null
  const m = Math.floor(v.length / 2)
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

const STAGES = ['collect', 'diff', 'checks', 'request', 'publish']

function medians(runs) {
  const keys = [
    'wallMs',
    'coldStartMs',
    'floorMs',
    'latencyFloorMs',
    'transferFloorMs',
    'ratio',
    'overheadMs',
    'apiWaitMs',
    'apiBusyMs',
    'requests',
    'servedMiB',
    'peakRssMiB',
    'bridgeBytes',
    'childCpuMs',
    'fakeCpuMs'
  ]
  const out = {}
  for (const k of keys) out[k] = median(runs.map((r) => r[k]))
  out.phases = {}
  for (const k of ['startMs', 'collectMs', 'reviewMs', 'publishMs'])
    out.phases[k] = median(runs.map((r) => r.phases[k]))
  out.stageCpuMs = {}
  for (const k of STAGES) out.stageCpuMs[k] = median(runs.map((r) => r.stageCpuMs?.[k]))
  out.analysisMsPerMB = median(runs.map((r) => r.analysis?.msPerMB))
  out.analysisBudgetMsPerMB = median(
    runs.map((r) => (r.analysis && r.analysis.sourceMB > 0 ? r.analysis.budgetMs / r.analysis.sourceMB : undefined))
  )
  return out
}

const f = (x, d = 0) => (x === null || x === undefined ? '—' : x.toFixed(d))
const s = (ms) => (ms === null || ms === undefined ? '—' : (ms / 1000).toFixed(2))

const COLUMNS = [
  ['scenario', (r) => r.label],
  ['runs', (r) => String(r.runs.length)],
  ['wall s', (r) => s(r.median.wallMs)],
  ['floor s', (r) => s(r.median.floorMs)],
  ['wall/floor', (r) => f(r.median.ratio, 2)],
  ['over s', (r) => s(r.median.overheadMs)],
  ['latency floor s', (r) => s(r.median.latencyFloorMs)],
  ['transfer floor s', (r) => s(r.median.transferFloorMs)],
  ['reqs', (r) => f(r.median.requests)],
  ['MiB served', (r) => f(r.median.servedMiB, 0)],
  ['peak RSS MiB', (r) => f(r.median.peakRssMiB, 0)],
  ['bridge KB', (r) => f(r.median.bridgeBytes === null ? null : r.median.bridgeBytes / 1000, 1)],
  ['cold ms', (r) => f(r.median.coldStartMs)],
  ['cpu s', (r) => s(r.median.childCpuMs)],
  ...STAGES.map((k) => [`${k} cpu s`, (r) => s(r.median.stageCpuMs?.[k])]),
  ['analysis ms/MB', (r) => f(r.median.analysisMsPerMB)],
  ['fake cpu s', (r) => s(r.median.fakeCpuMs)],
  [
    'ok',
    (r) =>
      r.runs.every((x) => x.ok)
        ? 'yes'
        : `NO (exit ${r.runs.map((x) => x.exit).join(',')}${r.runs.some((x) => x.outOfMemory) ? ', out of memory' : ''})`
  ]
]

function table(results) {
  const head = COLUMNS.map(([h]) => h)
  const rows = results.map((r) => COLUMNS.map(([, cell]) => cell(r)))
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n')
}

function targets(results, bundleBytes) {
  // a scenario counts only if every run gave a result
  const by = (name) => {
    const r = results.find((x) => x.name === name)
    if (!r) return undefined
    return r.runs.every((x) => x.ok) ? r.median : { failed: true, peakRssMiB: r.median.peakRssMiB }
  }
  const out = []
  const target = (name, text, value, limit) =>
    out.push({
      target: text,
      value: value === undefined ? null : value,
      limit,
      holds: value !== null && value !== undefined && value <= limit,
      ...(name && by(name)?.failed ? { note: 'no result' } : {})
    })
  const big = by('3000')
  if (big) {
    target('3000', '3000 files/200 nb: wall ≤ 1.25 × floor', big.failed ? null : big.ratio, 1.25)
    target('3000', '3000 files/200 nb: peak RSS ≤ 250 MiB', big.failed ? null : big.peakRssMiB, 250)
  }
  const real = by('real')
  if (real) target('real', 'real fixtures: wall − floor ≤ 0.6 s', real.failed ? null : real.overheadMs / 1000, 0.6)
  const small = by('10')
  if (small) target('10', '10 files: wall − floor ≤ 0.4 s', small.failed ? null : small.overheadMs / 1000, 0.4)
  const cold = median(results.flatMap((r) => r.runs.map((x) => x.coldStartMs)))
  target(null, 'cold start ≤ 200 ms (median, all runs)', cold, 200)
  target(null, 'dist/index.js ≤ 2 MB', bundleBytes / 1e6, 2)
  return out
}

/**
 * Bytes per ms the fake can push through loopback to another process (the transfer floor's rate): a child process
 * reads `mib` MiB of notebook chunks from it and throws them away.
 */
async function loopbackRate(mib = 512) {
  const gh = new BenchGitHub({ owner: 'octo-org', repo: 'ml-repo', latencyMs: 0 })
  const chunk = Buffer.alloc(1024 * 1024, 0x41)
  gh.setContent('probe', 'probe.bin', () => Array.from({ length: mib }, () => chunk))
  await gh.start()
  const script = `const http=require('node:http');const t0=performance.now();let n=0;
http.get(process.argv[1],{headers:{accept:'application/vnd.github.raw'}},(r)=>{r.on('data',(d)=>n+=d.length);r.on('end',()=>{console.log(n/(performance.now()-t0))})})`
  const out = await new Promise((done, fail) => {
    const child = spawn(process.execPath, [
      '-e',
      script,
      `${gh.url}/repos/octo-org/ml-repo/contents/probe.bin?ref=probe`
    ])
    let text = ''
    child.stdout.on('data', (d) => (text += d))
    child.on('close', (code) => (code === 0 ? done(text) : fail(new Error(`loopback probe exited ${code}`))))
  })
  await gh.stop()
  return Number(out.trim())
}

/** An unminified build of the action (for profiles that name functions), in a scratch folder. */
function profileBuild(dir) {
  rmSync(dir, { recursive: true, force: true })
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'ncc'),
    ['build', join(ROOT, 'src', 'index.ts'), '-o', dir, '--quiet', '--target', 'es2022'],
    { stdio: 'inherit', cwd: ROOT }
  )
  return join(dir, 'index.js')
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const opts = options(process.argv.slice(2))
  if (!existsSync(opts.entry)) {
    console.error(`${opts.entry} does not exist; run \`npm run build\` first.`)
    process.exit(2)
  }
  mkdirSync(dirname(opts.out), { recursive: true })
  // the size target is the shipped bundle's, whatever runs
  const bundleBytes = statSync(opts.entry).size
  if (opts.profile) {
    const profDir = join(dirname(opts.out), 'profile')
    rmSync(profDir, { recursive: true, force: true })
    mkdirSync(profDir, { recursive: true })
    // a minified bundle names no function: unless told which bundle, profile an unminified build of the same source
    if (!opts.entryGiven) {
      console.log(
        'bench: --profile builds an unminified bundle to name functions (its timings are not the shipped bundle’s)'
      )
      opts.entry = profileBuild(join(dirname(opts.out), 'profile-build'))
    }
  }
  opts.loopbackBytesPerMs = await loopbackRate()
  const scenarios = SCENARIOS.filter((sc) => opts.only.length === 0 || opts.only.includes(sc.name))
  console.log(
    `bench: ${opts.entry.replace(ROOT + '/', '')} (${(bundleBytes / 1e6).toFixed(2)} MB), node ${process.version}, ${cpus().length} CPUs, latency ${opts.latencyMs} ms/request, fetch concurrency ${CONCURRENCY}, ${opts.runs} runs (${opts.bigRuns} for the biggest), load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`
  )
  console.log(
    `bench: loopback from the fake to another process ${((opts.loopbackBytesPerMs / 1024 / 1024) * 1000).toFixed(0)} MiB/s (the transfer floor's rate); ML_REVIEW_GITHUB_WRITE_GAP_MS=0 (production spaces writes 1 s apart)`
  )
  const started = performance.now()
  const loadAtStart = loadavg()
  const results = []
  for (const sc of scenarios) {
    const gh = new BenchGitHub({ owner: 'octo-org', repo: 'ml-repo', latencyMs: opts.latencyMs })
    const bridge = new BenchBridge(REPORT)
    bridge.keepBodies = opts.dump !== null
    let info
    if (sc.real) {
      info = realPull(gh, PR, sc.real)
      if (!info) {
        console.log(`skipping ${sc.label}: ${sc.real} not found`)
        continue
      }
    } else info = generatedPull(gh, PR, { files: sc.files, notebooks: sc.notebooks, maxMiB: opts.maxMiB })
    await gh.start()
    await bridge.start()
    const n = sc.big ? opts.bigRuns : opts.runs
    const runs = []
    for (let i = 0; i < n; i++) {
      const run = await runOnce(opts, gh, bridge, `${sc.name}-${i + 1}`)
      runs.push(run)
      console.log(
        `  ${sc.label} #${i + 1}: wall ${s(run.wallMs)} s, floor ${s(run.floorMs)} s, ${run.requests} requests, peak RSS ${f(run.peakRssMiB)} MiB, cold ${f(run.coldStartMs)} ms, exit ${run.exit}${run.ok ? '' : ' (NO RESULT)'}`
      )
      if (!run.ok) console.log(run.stderrTail.replace(/^/gm, '    | '))
      if (run.unhandled) console.log(`    unhandled routes: ${run.unhandled.join(', ')}`)
      if (!run.ok && i === 0) {
        console.log(`    (the first run gave no result: not repeated)`)
        break
      }
    }
    await gh.stop()
    await bridge.stop()
    results.push({ name: sc.name, label: sc.label, contentMiB: info.bytes / 1024 / 1024, runs, median: medians(runs) })
  }

  console.log('\nMedians (latency %d ms, concurrency %d):\n', opts.latencyMs, CONCURRENCY)
  console.log(table(results))
  const t = targets(results, bundleBytes)
  console.log('\nTargets:')
  for (const x of t)
    console.log(
      `  ${x.holds ? 'HOLDS ' : 'MISSED'}  ${x.target}: ${x.value === null ? '—' : x.value.toFixed(2)}${x.note ? ` (${x.note})` : ''}`
    )
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    platform: `${process.platform} ${process.arch}`,
    writeGapMs: 0,
    loopbackMiBps: (opts.loopbackBytesPerMs / 1024 / 1024) * 1000,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg(),
    latencyMs: opts.latencyMs,
    concurrency: CONCURRENCY,
    entry: opts.entry.replace(ROOT + '/', ''),
    bundleBytes,
    rssSource: existsSync(GNU_TIME) ? 'GNU time %M' : 'process.resourceUsage().maxRSS (--import bench/rss.mjs)',
    benchSeconds: (performance.now() - started) / 1000,
    targets: t,
    scenarios: results
  }
  writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n')
  console.log(`\nWrote ${opts.out.replace(ROOT + '/', '')} (bench took ${report.benchSeconds.toFixed(0)} s)`)

  if (opts.profile) {
    const profDir = join(dirname(opts.out), 'profile')
    for (const file of readdirSync(profDir).filter((x) => x.endsWith('.cpuprofile'))) {
      console.log(`\nCPU profile ${file}:`)
      console.log(summarizeProfile(join(profDir, file), opts.entry))
    }
    for (const r of results)
      for (const run of r.runs)
        if (run.memory) console.log(`\nMemory by phase, ${r.label}:`, JSON.stringify(run.memory))
  }
}

await main()
