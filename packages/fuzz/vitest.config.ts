import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The workspace packages are read as TypeScript source: the `@connect-policy/source` condition
  // of their exports, for the node test environment (ssr) and the client one. Vitest adds its
  // default conditions to these.
  resolve: { conditions: ['@connect-policy/source'] },
  ssr: { resolve: { conditions: ['@connect-policy/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
  },
})
