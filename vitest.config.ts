import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // One graph serves the whole run, and batching tests read its SQL statement counters:
    // test files run one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
