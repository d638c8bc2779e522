import { describe, expect, it } from 'vitest'
import { cannotListenMessage } from './cannot-listen.ts'
import { readyLines } from './ready-lines.ts'

describe('readyLines', () => {
  const served = {
    apiBaseUrl: 'http://127.0.0.1:3100',
    apiReferencePath: '/docs',
    docsUrl: 'http://127.0.0.1:4200',
  }

  it('says where the API and the site are, a line each, the URLs lined up', () => {
    const lines = readyLines({ ...served, api: { ready: true } })
    expect(lines).toEqual([
      'API:  http://127.0.0.1:3100/  (reference: http://127.0.0.1:3100/docs)',
      'Docs: http://127.0.0.1:4200/  (playground: http://127.0.0.1:4200/playground)',
    ])
    expect(lines[0]?.indexOf('http')).toBe(lines[1]?.indexOf('http'))
  })

  it('says when the API did not answer, and how to start it', () => {
    expect(readyLines({ ...served, api: { ready: false, waitedMs: 30_012 } })[0]).toBe(
      'API:  http://127.0.0.1:3100/  (not ready after 30 s: start it with `pnpm --filter @connect-policy/api start`)',
    )
  })

  it("follows the API's reference path and a base URL with a path", () => {
    const [api] = readyLines({
      ...served,
      apiBaseUrl: 'https://example.com/policy-api',
      apiReferencePath: '/reference',
      api: { ready: true },
    })
    expect(api).toBe(
      'API:  https://example.com/policy-api/  (reference: https://example.com/policy-api/reference)',
    )
  })
})

describe('cannotListenMessage', () => {
  const settings = {
    port: 4173,
    host: '127.0.0.1',
    portVariable: 'PORT_DOCS',
    hostVariable: 'HOST_DOCS',
  }

  it.each([
    ['EADDRINUSE', 'port 4173 is in use: set PORT_DOCS to a free port'],
    [
      'EACCES',
      'port 4173 needs privileges this process does not have: set PORT_DOCS to a port above 1023',
    ],
    ['EADDRNOTAVAIL', '`127.0.0.1` is not an address of this machine: set HOST_DOCS'],
  ])('says what %s means and which variable to change', (code, line) => {
    expect(cannotListenMessage(Object.assign(new Error('listen failed'), { code }), settings)).toBe(
      line,
    )
  })

  it("keeps Node's words for another error", () => {
    expect(cannotListenMessage(new Error('something else'), settings)).toBe(
      'could not listen on `127.0.0.1` port 4173: something else: check HOST_DOCS and PORT_DOCS',
    )
  })
})
