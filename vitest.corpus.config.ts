import { defineConfig } from 'vitest/config'
import SummaryReporter from './test/summary-reporter.js'

// `npm run test:corpus`: the tests on the real configs and notebooks of ../shared/fixtures (scripts/test-corpus.mjs).
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 60_000,
    reporters: ['default', new SummaryReporter()]
  }
})
