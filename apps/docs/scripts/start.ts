import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type DocsEnv, readEnv } from '../src/env.ts'
import { cannotListenMessage } from '../src/serve/cannot-listen.ts'
import { readyLines } from '../src/serve/ready-lines.ts'
import { type RunningServer, serveStatic } from '../src/serve/static-server.ts'
import { waitForApi } from '../src/serve/wait-for-api.ts'

/**
 * `start`: listens on `PORT_DOCS`, builds the site, serves it, waits (a bounded time) for the API
 * the site links to, then prints where both are as the last lines. `--dist <folder>` serves a
 * site built before instead of building one.
 */

const appDir = fileURLToPath(new URL('..', import.meta.url))
/** How long to wait for the API once the site is served: it starts in seconds, beside the build. */
const apiWaitMs = 30_000

const { values } = parseArgs({ options: { dist: { type: 'string' } } })
let env: DocsEnv
try {
  env = readEnv()
} catch (error) {
  // a setting it cannot use, named in one line, as the API says its own
  process.stderr.write(`invalid configuration: ${error instanceof Error ? error.message : error}\n`)
  process.exit(2)
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: appDir, stdio: 'inherit' })
    child.once('error', fail)
    child.once('exit', (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    )
  })
}

/** Generates the pages and builds the site, so that what is served is what the packages say today. */
async function build(): Promise<void> {
  // the workspace packages are read as TypeScript source: see the exports of their package.json
  await run('node_modules/.bin/tsx', ['--conditions=@connect-policy/source', 'scripts/generate.ts'])
  // VitePress reads the API's URL (DOCS_API_BASE_URL, or PORT and HOST) from this environment
  await run('node_modules/.bin/vitepress', ['build', 'site'])
}

const root =
  values.dist === undefined
    ? fileURLToPath(new URL('../site/.vitepress/dist', import.meta.url))
    : resolve(values.dist)

// Listen before building: a busy port is said at once, not after a build of a minute; requests
// that arrive during the build wait for it.
let markBuilt = () => {}
const built = new Promise<void>((done) => {
  markBuilt = done
})
let server: RunningServer
try {
  server = await serveStatic(root, env.port, env.host, { until: built })
} catch (error) {
  const settings = {
    port: env.port,
    host: env.host,
    portVariable: 'PORT_DOCS',
    hostVariable: 'HOST_DOCS',
  }
  process.stderr.write(`${cannotListenMessage(error, settings)}\n`)
  process.exit(1)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
if (values.dist === undefined) {
  try {
    await build()
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
markBuilt()

const started = Date.now()
const ready = await waitForApi(env.apiBaseUrl, apiWaitMs)
const lines = readyLines({
  apiBaseUrl: env.apiBaseUrl,
  apiReferencePath: env.apiReferencePath,
  api: ready ? { ready } : { ready, waitedMs: Date.now() - started },
  docsUrl: server.url,
})
process.stdout.write(`\n${lines.join('\n')}\n`)
