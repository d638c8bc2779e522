import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // a safety net, not a speed check: the service reference loads in seconds on a busy machine
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
