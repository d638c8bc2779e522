import { describe, expect, it } from 'vitest'
import { readEnv } from './env.ts'

describe('readEnv', () => {
  it('has defaults for a local machine', () => {
    expect(readEnv({})).toEqual({
      apiBaseUrl: 'http://localhost:3000',
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

  it('refuses settings it cannot use', () => {
    expect(() => readEnv({ PORT_DOCS: 'eighty' })).toThrow('PORT_DOCS must be a port number')
    expect(() => readEnv({ DOCS_API_BASE_URL: 'localhost' })).toThrow(
      'DOCS_API_BASE_URL must be a URL',
    )
    expect(() => readEnv({ DOCS_API_REFERENCE_PATH: 'docs' })).toThrow('must start with /')
  })
})
