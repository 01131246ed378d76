// Draws docs/comment.png: the PR comment the action posts for the shipped example change (examples/).
//
// The review is real: the built CLI (dist/cli.js) reviews examples/before → examples/after with the built-in
// checks, and its JSON answer is laid out as the sticky comment is (src/report/render.ts: marker, status line,
// blocking items, report, checklist table, footer). The markdown is rendered with marked (GFM), styled by
// docs/comment.css, and photographed by headless Chromium through playwright-core.
//
// Run by hand after `npm run build`: `npm run docs:screenshot`. Needs Chromium at /usr/bin/chromium
// (Debian/Ubuntu: `apt-get install chromium`), or set CHROMIUM_PATH. The picture shows the top of the comment
// (status, blocking items, the first sections of the report) and fades out; `-- --full` draws all of it
// into the temporary directory instead.
/* global document */ // (inside page.evaluate, which runs in the page)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const full = process.argv.includes('--full')
const out = full ? join(tmpdir(), 'ml-review-comment-full.png') : join(root, 'docs', 'comment.png')
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
// a made-up pull request for the comment's footer
const headSha = '3f9c2e71b8d04a6c95e0f1a2b7c4d8e6f5a3b219'
const runUrl = 'https://github.com/acme/churn-model/actions/runs/14021983377'
// height of the comment box in the picture, in CSS pixels (the whole comment is about 3,500)
const fold = full ? 0 : 1400

// 1. The review, from the built CLI (exit code 1 means "merge blocked", which is what the example shows).
const cli = spawnSync(
  process.execPath,
  ['dist/cli.js', '--before', 'examples/before', '--after', 'examples/after', '--offline', '--json'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, SUPERCLAUDE_BRIDGE_URL: '' } }
)
let review
try {
  review = JSON.parse(cli.stdout)
} catch {
  console.error(`dist/cli.js gave no review (exit ${cli.status}); run \`npm run build\` first.\n${cli.stderr}`)
  process.exit(1)
}
// The CLI explains the missing bridge with its own flags; in a workflow the action says it with its inputs.
review.report = review.report.replace(
  /The agent review did not run: .*? This report holds/,
  'The agent review did not run: No bridge-url is set (nor SUPERCLAUDE_BRIDGE_URL); secrets are not passed to workflows on pull requests from forks. This report holds'
)

// 2. The comment, laid out as the action lays it out (fail-on: bias, the default).
const icon = { pass: '✅', fail: '❌', warn: '⚠️', na: '➖' }
const headline = {
  failure: '🔴 **Merge blocked**',
  success: '🟢 **No blocking issues**',
  neutral: '⚪ **Not decided**',
  skipped: '⚪ **Skipped**'
}
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const where = (i) => (i.path ? `\`${i.path}${i.line ? `:${i.line}` : ''}\`` : '')
const blocking = review.checklist.filter((i) => i.status === 'fail' && i.bias)
const reason =
  review.conclusion === 'failure'
    ? `${blocking.length} bias/fairness item${blocking.length === 1 ? '' : 's'} failed`
    : 'The agent review did not run; built-in checks only'
const status = [`${headline[review.conclusion]} — ${reason}`]
if (review.conclusion === 'failure') {
  status.push('', 'Blocking items:', ...blocking.map((i) => `- ❌ ${cell(i.text)}${i.path ? ` (${where(i)})` : ''}`))
}
const table = [
  '| Status | Item | Where | Source | Id |',
  '| --- | --- | --- | --- | --- |',
  ...review.checklist.map(
    (i) =>
      `| ${icon[i.status]} ${i.status} | ${cell(i.text)}${i.bias ? ' `bias`' : ''} | ${where(i)} | ${i.source} | \`${i.id}\` |`
  )
].join('\n')
const comment = [
  '<!-- ml-engineering-review -->',
  `<!-- ml-engineering-review:head=${headSha} -->`,
  '## ML Engineering Review',
  '',
  status.join('\n'),
  review.report.trim(),
  `### Checklist\n\n${table}`,
  '---',
  `<sub>Reviewed head \`${headSha.slice(0, 7)}\` (${headSha}) · [workflow run](${runUrl}) · ML Engineering Review</sub>`
].join('\n\n')

// 3. The page: a comment box in a pull request's timeline.
const css = readFileSync(join(root, 'docs', 'comment.css'), 'utf8')
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>${css}</style></head>
<body><div class="timeline">
  <div class="avatar" aria-hidden="true">ML</div>
  <div class="comment">
    <div class="comment-header"><strong>github-actions</strong><span class="label">bot</span>
      <span>commented</span><span class="edited">edited</span></div>
    <div class="markdown">${marked.parse(comment, { gfm: true })}</div>
  </div>
</div></body></html>`

// 4. The picture.
const profile = mkdtempSync(join(tmpdir(), 'ml-review-chromium-'))
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ],
    viewport: { width: 900, height: 800 },
    deviceScaleFactor: 1
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.setContent(html, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    if (fold > 0) {
      await page.evaluate((px) => {
        const box = document.querySelector('.comment')
        if (box && box.scrollHeight > px) {
          box.style.setProperty('--fold', `${px}px`)
          box.classList.add('folded')
        }
      }, fold)
    }
    await page.screenshot({ path: out, fullPage: true })
  } finally {
    await context.close()
  }
} finally {
  rmSync(profile, { recursive: true, force: true })
}
console.log(`wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)`)
