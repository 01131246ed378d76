import { defineConfig } from 'vitest/config'
import SummaryReporter from './test/summary-reporter.js'

// `npm test`: everything it reads is in the repository. The real corpus beside it runs in `npm run test:corpus`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/corpus/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', new SummaryReporter()]
  }
})
