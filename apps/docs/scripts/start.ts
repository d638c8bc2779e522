import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readEnv } from '../src/env.ts'
import { serveStatic } from '../src/serve/static-server.ts'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const env = readEnv()

// Build first, so that what is served is what the packages say today.
for (const [command, ...args] of [
  // the workspace packages are read as TypeScript source: see the exports of their package.json
  ['node_modules/.bin/tsx', '--conditions=@connect-policy/source', 'scripts/generate.ts'],
  ['node_modules/.bin/vitepress', 'build', 'site'],
] as const) {
  const { status } = spawnSync(command, args, { cwd: appDir, stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

const server = await serveStatic(
  fileURLToPath(new URL('../site/.vitepress/dist', import.meta.url)),
  env.port,
  env.host,
)
console.log(`docs site: ${server.url}/ (the playground: ${server.url}/playground)`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
