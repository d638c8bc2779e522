import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // a safety net, not a speed check: loading the AWS service reference or running many
    // property cases takes seconds on a shared two-core machine
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
