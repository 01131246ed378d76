// Preloaded into the action's process (`node --import ./bench/rss.mjs dist/index.js`) when /usr/bin/time is absent
// or a memory timeline is wanted: writes the peak RSS (process.resourceUsage().maxRSS, KiB) and, every 25 ms, RSS,
// V8 heap and external memory to the JSON file named by BENCH_MEM_FILE when the process exits.
import { writeFileSync } from 'node:fs'
import { memoryUsage, resourceUsage } from 'node:process'
import { setInterval } from 'node:timers'

const file = process.env.BENCH_MEM_FILE
if (file) {
  const timeline = []
  const sample = () => {
    const m = memoryUsage()
    timeline.push([Date.now(), Math.round(m.rss / 1024), Math.round(m.heapUsed / 1024), Math.round(m.external / 1024)])
  }
  const write = () =>
    writeFileSync(
      file,
      JSON.stringify({
        maxRSSKiB: resourceUsage().maxRSS,
        columns: ['ms', 'rssKiB', 'heapUsedKiB', 'externalKiB'],
        timeline
      })
    )
  let n = 0
  const timer = setInterval(
    () => {
      sample()
      // also written now and then, so that a process killed for lack of memory leaves its timeline behind
      if (++n % 40 === 0) write()
    },
    Number(process.env.BENCH_MEM_EVERY_MS ?? 25)
  )
  timer.unref()
  process.on('exit', () => {
    sample()
    write()
  })
}
