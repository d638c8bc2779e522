import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The workspace packages are read as TypeScript source: the `@connect-policy/source` condition
  // of their exports, for the node test environment (ssr) and the client one. Vitest adds its
  // default conditions to these.
  resolve: { conditions: ['@connect-policy/source'] },
  ssr: { resolve: { conditions: ['@connect-policy/source'] } },
  test: {
    // lz-string is CommonJS without named exports for Node: let Vite transform it, as it does
    // for the site.
    server: { deps: { inline: ['lz-string'] } },
    // a safety net, not a speed check: the service reference loads in seconds on a busy machine
    testTimeout: 60_000,
    // expect.poll waits 1 s by default, too short for a worker's answer in Chromium on a loaded
    // machine; Playwright's own waits allow 30 s, and so do the polls
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'snippets/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          // Generates and builds the site once, and serves it, for the link checker and the
          // browser tests.
          globalSetup: ['tests/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
