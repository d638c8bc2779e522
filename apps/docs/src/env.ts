/**
 * Every environment variable the docs app reads, read and checked here once (the config, the
 * start script and the tests import it).
 */
export interface DocsEnv {
  /** Where the REST API runs, for the links of the API guide: `DOCS_API_BASE_URL`. */
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

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`PORT_DOCS must be a port number, not \`${value}\``)
  }
  return parsed
}

function url(value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback
  try {
    return new URL(value).href.replace(/\/$/, '')
  } catch {
    throw new Error(`DOCS_API_BASE_URL must be a URL, not \`${value}\``)
  }
}

function path(value: string | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback
  if (!value.startsWith('/'))
    throw new Error(`DOCS_API_REFERENCE_PATH must start with /, not \`${value}\``)
  return value
}

/** Reads the docs app's settings from an environment (`process.env` by default). */
export function readEnv(env: Readonly<Record<string, string | undefined>> = process.env): DocsEnv {
  return {
    apiBaseUrl: url(env.DOCS_API_BASE_URL, 'http://localhost:3000'),
    apiReferencePath: path(env.DOCS_API_REFERENCE_PATH, '/docs'),
    port: port(env.PORT_DOCS, 4173),
    host: env.HOST_DOCS === undefined || env.HOST_DOCS === '' ? '127.0.0.1' : env.HOST_DOCS,
    chromiumPath:
      env.CHROMIUM_PATH === undefined || env.CHROMIUM_PATH === ''
        ? '/usr/bin/chromium'
        : env.CHROMIUM_PATH,
    ci: env.CI === 'true',
  }
}
