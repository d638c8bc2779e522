import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // the subprocess tests run the bundled binary, which is built, not committed
    globalSetup: ['./src/testing/build-binary.ts'],
  },
})
