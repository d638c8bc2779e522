import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The workspace packages are read as TypeScript source: the `@connect-policy/source` condition
  // of their exports, for the node test environment (ssr) and the client one. Vitest adds its
  // default conditions to these.
  resolve: { conditions: ['@connect-policy/source'] },
  ssr: { resolve: { conditions: ['@connect-policy/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // a safety net, not a speed check: the service reference loads in seconds on a busy machine
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // src/server.test.ts starts the server as `node --import tsx src/server.ts`: the condition
    // reaches that process, and the cluster's workers, through NODE_OPTIONS
    env: {
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--conditions=@connect-policy/source']
        .filter(Boolean)
        .join(' '),
    },
  },
})
