// Prints one plain closing line, `tests: N passed, N failed, N skipped`, after vitest's own summary, so any CI
// log reader can tell how many tests ran.
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      // a file that failed to load has no tests but is a failure all the same
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++
    }
    // an unhandled error fails the run as surely as a failed test
    failed += unhandledErrors.length
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
