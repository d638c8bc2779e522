import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { browsableHost, readEnv } from './env.ts'

describe('readEnv', () => {
  it('has defaults for a local machine', () => {
    expect(readEnv({})).toEqual({
      apiBaseUrl: 'http://127.0.0.1:3000',
      apiReferencePath: '/docs',
      port: 4173,
      host: '127.0.0.1',
      chromiumPath: '/usr/bin/chromium',
      ci: false,
    })
  })

  it('reads every setting', () => {
    expect(
      readEnv({
        DOCS_API_BASE_URL: 'https://api.example.com/',
        DOCS_API_REFERENCE_PATH: '/reference',
        PORT_DOCS: '8080',
        HOST_DOCS: '0.0.0.0',
        CHROMIUM_PATH: '/opt/chromium',
        CI: 'true',
      }),
    ).toEqual({
      apiBaseUrl: 'https://api.example.com',
      apiReferencePath: '/reference',
      port: 8080,
      host: '0.0.0.0',
      chromiumPath: '/opt/chromium',
      ci: true,
    })
  })

  it('counts a blank setting as unset, as the API does', () => {
    expect(readEnv({ PORT: ' ', HOST: '', PORT_DOCS: '', CHROMIUM_PATH: ' ' })).toEqual(readEnv({}))
  })

  it('refuses settings it cannot use', () => {
    expect(() => readEnv({ PORT_DOCS: 'eighty' })).toThrow('PORT_DOCS must be a port number')
    expect(() => readEnv({ DOCS_API_BASE_URL: 'localhost' })).toThrow(
      'DOCS_API_BASE_URL must be a URL',
    )
    expect(() => readEnv({ DOCS_API_REFERENCE_PATH: 'docs' })).toThrow('must start with /')
  })
})

describe("the API's URL when DOCS_API_BASE_URL is not set", () => {
  it.each([
    [{ PORT: '3100' }, 'http://127.0.0.1:3100'],
    [{ HOST: 'api.internal' }, 'http://api.internal:3000'],
    [{ PORT: '8080', HOST: 'localhost' }, 'http://localhost:8080'],
    // the wildcard addresses are not where a browser connects
    [{ PORT: '3100', HOST: '0.0.0.0' }, 'http://127.0.0.1:3100'],
    [{ HOST: '::' }, 'http://localhost:3000'],
    [{ HOST: '::1' }, 'http://[::1]:3000'],
    // the API's port, not the site's
    [{ PORT: '3100', PORT_DOCS: '4200' }, 'http://127.0.0.1:3100'],
  ])('follows the API of %o', (env, expected) => {
    expect(readEnv(env).apiBaseUrl).toBe(expected)
  })

  it('gives way to DOCS_API_BASE_URL', () => {
    expect(
      readEnv({ PORT: '3100', HOST: '0.0.0.0', DOCS_API_BASE_URL: 'https://api.example.com' })
        .apiBaseUrl,
    ).toBe('https://api.example.com')
    // a PORT the docs could not use does not matter then
    expect(readEnv({ PORT: '0', DOCS_API_BASE_URL: 'https://api.example.com' }).apiBaseUrl).toBe(
      'https://api.example.com',
    )
  })

  it('refuses a PORT or HOST that makes no URL, naming the variable', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow('PORT must be a port number, not `eighty`')
    expect(() => readEnv({ PORT: '70000' })).toThrow('PORT must be a port number')
    expect(() => readEnv({ PORT: '0' })).toThrow('set DOCS_API_BASE_URL')
    expect(() => readEnv({ HOST: 'two words' })).toThrow(
      'HOST must be a host name or an address, not `two words`',
    )
  })
})

describe('browsableHost', () => {
  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['::', 'localhost'],
    ['::1', '[::1]'],
    ['[::1]', '[::1]'],
    ['127.0.0.1', '127.0.0.1'],
    ['example.com', 'example.com'],
  ])('writes %s as %s', (host, shown) => {
    expect(browsableHost(host)).toBe(shown)
  })
})

/** The repository's root, where turbo.json and the root scripts are. */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** What `scripts/chromium-key.mjs` prints for these variables. */
function chromiumKey(env: Record<string, string>): string {
  return execFileSync(process.execPath, [join(repoRoot, 'scripts/chromium-key.mjs')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  }).trim()
}

describe("the browser's part of the test cache key", () => {
  const folder = mkdtempSync(join(tmpdir(), 'connect-policy-chromium-key-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  /** A stand-in for Chromium that says its version as Chromium does. */
  const browser = (version: string) => {
    const path = join(folder, `chromium-${version}`)
    writeFileSync(path, `#!/bin/sh\necho "Chromium ${version} built on Debian"\n`)
    chmodSync(path, 0o755)
    return path
  }

  it('changes when the browser appears, and with its version', () => {
    const missing = join(folder, 'not-installed')
    const installed = browser('156.0.1')
    expect(chromiumKey({ CHROMIUM_PATH: missing })).toBe('absent')
    expect(chromiumKey({ CHROMIUM_PATH: installed })).toBe(
      `${installed} Chromium 156.0.1 built on Debian`,
    )
    expect(chromiumKey({ CHROMIUM_PATH: browser('157.0.2') })).toContain('Chromium 157.0.2')
  })

  it('looks where the browser tests look', () => {
    const key = chromiumKey({ CHROMIUM_PATH: ' ' })
    const { chromiumPath } = readEnv({ CHROMIUM_PATH: ' ' })
    if (existsSync(chromiumPath)) expect(key.startsWith(`${chromiumPath} `)).toBe(true)
    else expect(key).toBe('absent')
  })

  it("is a variable of the test task's hash, set by the root test script", () => {
    const turbo = JSON.parse(readFileSync(join(repoRoot, 'turbo.json'), 'utf8')) as {
      tasks: { test: { env: string[] } }
    }
    expect(turbo.tasks.test.env).toContain('CONNECT_POLICY_CHROMIUM')
    expect(turbo.tasks.test.env).toContain('CHROMIUM_PATH')
    const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: { test: string }
    }
    const test = root.scripts.test
    expect(test).toContain('CONNECT_POLICY_CHROMIUM="$(node scripts/chromium-key.mjs)"')
    // set for turbo's run, not for a command before it
    expect(test.indexOf('CONNECT_POLICY_CHROMIUM')).toBeLessThan(test.indexOf('turbo run'))
    expect(
      test.slice(test.indexOf('CONNECT_POLICY_CHROMIUM'), test.indexOf('turbo run')),
    ).not.toContain('&&')
  })
})
