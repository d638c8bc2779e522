import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The workspace packages are read as TypeScript source: the `@connect-policy/source` condition
  // of their exports, for the node test environment (ssr) and the client one. Vitest adds its
  // default conditions to these.
  resolve: { conditions: ['@connect-policy/source'] },
  ssr: { resolve: { conditions: ['@connect-policy/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // a safety net, not a speed check: loading the AWS service reference or running many
    // property cases takes seconds on a shared two-core machine
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
