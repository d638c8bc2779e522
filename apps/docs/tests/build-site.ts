import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { serveStatic } from '../src/serve/static-server.ts'
import { installHint, runBrowserTests } from './support/chromium.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL the built site is served at during the tests. */
    siteUrl: string
    /** The folder of the built site. */
    distDir: string
  }
}

const appDir = fileURLToPath(new URL('..', import.meta.url))
const distDir = fileURLToPath(new URL('../site/.vitepress/dist', import.meta.url))

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: appDir, stdio: ['ignore', 'inherit', 'inherit'] })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    )
  })
}

/** Generates the pages, builds the site and serves it on a free port for the site's tests. */
export default async function buildSite(project: TestProject): Promise<() => Promise<void>> {
  if (!runBrowserTests) console.warn(`no Chromium: the browser tests are skipped; ${installHint}`)
  // the workspace packages are read as TypeScript source: see the exports of their package.json
  await run('node_modules/.bin/tsx', ['--conditions=@connect-policy/source', 'scripts/generate.ts'])
  await run('node_modules/.bin/vitepress', ['build', 'site'])
  const server = await serveStatic(distDir, 0, '127.0.0.1')
  project.provide('siteUrl', server.url)
  project.provide('distDir', distDir)
  return () => server.close()
}
