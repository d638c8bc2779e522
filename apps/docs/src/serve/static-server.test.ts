import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { serveStatic } from './static-server.ts'

const root = mkdtempSync(join(tmpdir(), 'connect-policy-static-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('serveStatic', () => {
  it('listens at once and answers the requests that arrive before the site is built once it is', async () => {
    let markBuilt = () => {}
    const built = new Promise<void>((done) => {
      markBuilt = done
    })
    const server = await serveStatic(root, 0, '127.0.0.1', { until: built })
    try {
      let answered = false
      const answer = fetch(`${server.url}/`).then(async (response) => {
        answered = true
        return { status: response.status, text: await response.text() }
      })
      await once(server.server, 'request')
      expect(answered).toBe(false)
      writeFileSync(join(root, 'index.html'), '<p>built')
      markBuilt()
      expect(await answer).toEqual({ status: 200, text: '<p>built' })
    } finally {
      await server.close()
    }
  })

  it('gives a URL a browser can open for a wildcard address', async () => {
    writeFileSync(join(root, 'index.html'), '<p>built')
    const server = await serveStatic(root, 0, '0.0.0.0')
    try {
      expect(server.url.startsWith('http://127.0.0.1:')).toBe(true)
      expect((await fetch(`${server.url}/`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
