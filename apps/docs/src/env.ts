/**
 * Every environment variable the docs app reads, read and checked here once (the config, the
 * start script and the tests import it).
 */
export interface DocsEnv {
  /**
   * Where the REST API runs, for the links of the API guide: `DOCS_API_BASE_URL`, or else the
   * URL the API of this checkout listens on, from its own `PORT` and `HOST`.
   */
  readonly apiBaseUrl: string
  /** The path of the API's reference page under that URL: `DOCS_API_REFERENCE_PATH`. */
  readonly apiReferencePath: string
  /** The port `start` serves the site on: `PORT_DOCS`. */
  readonly port: number
  /** The address `start` listens on: `HOST_DOCS`. */
  readonly host: string
  /** The Chromium the browser tests drive: `CHROMIUM_PATH`. */
  readonly chromiumPath: string
  /** Whether this is a CI run (`CI=true`), where a missing browser is a failure. */
  readonly ci: boolean
}

type Env = Readonly<Record<string, string | undefined>>

/** The API's own defaults (apps/api/src/env.ts), which its URL is made of when none is given. */
const apiDefaults = { port: 3000, host: '127.0.0.1' } as const

/**
 * A variable's value, or `undefined` when it is not set: a blank value counts as unset, as the
 * API reads its variables (`PORT=` in a compose file means the default).
 */
function given(env: Env, name: string): string | undefined {
  const value = env[name]
  return value === undefined || value.trim() === '' ? undefined : value
}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${name} must be a port number, not \`${value}\``)
  }
  return parsed
}

/** A URL without the final slash, so that paths are appended to it as they are. */
function withoutFinalSlash(href: string): string {
  return href.endsWith('/') ? href.slice(0, -1) : href
}

function url(value: string, name: string): string {
  try {
    return withoutFinalSlash(new URL(value).href)
  } catch {
    throw new Error(`${name} must be a URL, not \`${value}\``)
  }
}

/**
 * The host a browser or a client reaches a server at, for the address it listens on: the
 * wildcard addresses (`0.0.0.0`, `::`) are not addresses to connect to, so they are written as
 * the loopback address of the same family; an IPv6 address is bracketed, as URLs write it.
 */
export function browsableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::' || host === '[::]') return 'localhost'
  if (host.includes(':') && !host.startsWith('[')) return `[${host}]`
  return host
}

/**
 * The URL of the API of this checkout, read from its own variables as it reads them (`PORT`,
 * default 3000; `HOST`, default 127.0.0.1), so that the site's links follow an API started on
 * another port.
 */
function apiUrl(env: Env): string {
  const value = given(env, 'PORT')
  const apiPort = port('PORT', value, apiDefaults.port)
  if (apiPort === 0) {
    // the API then listens on a port the system picks, which nothing here can know
    throw new Error(
      'PORT is `0` (any free port), so the API has no known URL: set DOCS_API_BASE_URL',
    )
  }
  const host = given(env, 'HOST') ?? apiDefaults.host
  try {
    return withoutFinalSlash(new URL(`http://${browsableHost(host)}:${apiPort}`).href)
  } catch {
    throw new Error(`HOST must be a host name or an address, not \`${host}\``)
  }
}

function path(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback
  if (!value.startsWith('/'))
    throw new Error(`DOCS_API_REFERENCE_PATH must start with /, not \`${value}\``)
  return value
}

/** Reads the docs app's settings from an environment (`process.env` by default). */
export function readEnv(env: Env = process.env): DocsEnv {
  const apiBaseUrl = given(env, 'DOCS_API_BASE_URL')
  return {
    apiBaseUrl: apiBaseUrl === undefined ? apiUrl(env) : url(apiBaseUrl, 'DOCS_API_BASE_URL'),
    apiReferencePath: path(given(env, 'DOCS_API_REFERENCE_PATH'), '/docs'),
    port: port('PORT_DOCS', given(env, 'PORT_DOCS'), 4173),
    host: given(env, 'HOST_DOCS') ?? '127.0.0.1',
    chromiumPath: given(env, 'CHROMIUM_PATH') ?? '/usr/bin/chromium',
    ci: env.CI === 'true',
  }
}
