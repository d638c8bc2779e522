import { createHash } from 'node:crypto'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { evaluationErrorSources, evaluationFindingCodes } from '@connect-policy/core'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { Express } from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { problemTypes } from '../problem/problem-types.ts'
import { expectProblem, testApp, testConfig } from '../testing/test-app.ts'
import { expressPath } from './operation.ts'
import { apiOperations, openApiDocument } from './operations.ts'
import { referenceStyle } from './reference-page.ts'

const config = testConfig({ limits: { batchRequests: 7 } })
const app = testApp(config)

interface Layer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> }
  readonly handle?: { readonly stack?: readonly Layer[] }
}

/** Every method and path the app routes, read from Express's router. */
function routesOf(express: Express): string[] {
  const found: string[] = []
  const visit = (stack: readonly Layer[]) => {
    for (const layer of stack) {
      if (layer.route !== undefined) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') found.push(`${method} ${layer.route.path}`)
        }
      } else if (layer.handle?.stack !== undefined) {
        visit(layer.handle.stack)
      }
    }
  }
  visit((express as unknown as { router: { stack: Layer[] } }).router.stack)
  return found.sort()
}

/** The components of the document, each read as plain JSON. */
function schemasOf(document: ReturnType<typeof openApiDocument>) {
  return (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>
}

function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf)
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, member]) =>
    key === '$ref' && typeof member === 'string' ? [member] : refsOf(member),
  )
}

describe('GET /openapi.json', () => {
  it('serves the document generated from the schemas, for the limits in force', async () => {
    const response = await request(app).get('/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.body).toEqual(openApiDocument(config.limits))
    expect(JSON.stringify(response.body)).toContain('at most 7')
  })

  it('is valid OpenAPI 3.1', async () => {
    const document = (await request(app).get('/openapi.json')).body
    const validator = new Validator()
    const result = await validator.validate(document)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('documents every route the app has, and nothing else', () => {
    const documented = apiOperations(config.limits)
      .map((operation) => `${operation.method} ${expressPath(operation.path)}`)
      .sort()
    expect(routesOf(app)).toEqual(documented)
  })

  it('points every reference at a schema it holds', () => {
    const document = openApiDocument(config.limits)
    const refs = new Set(refsOf(document))
    expect(refs.size).toBeGreaterThan(20)
    for (const ref of refs) {
      const id = ref.replace('#/components/schemas/', '')
      expect(schemasOf(document)[id], ref).toBeDefined()
    }
  })

  it('lists every problem type, and each resolves to its page', async () => {
    const document = openApiDocument(config.limits)
    expect(document['x-problem-types'].map((problem) => problem.type)).toEqual(
      Object.keys(problemTypes).map((type) => `/problems/${type}`),
    )
    for (const problem of document['x-problem-types']) {
      const page = await request(app).get(problem.type)
      expect(page.status).toBe(200)
      expect(page.text).toContain(problem.title)
    }
    expectProblem(await request(app).get('/problems/no-such-problem'), 404, 'not-found')
  })

  it('documents the rate limit fields where a limited app sends them, and only there', async () => {
    const limited = testApp({ rateLimitMax: 1 })
    const { paths } = openApiDocument(config.limits)
    const headersOf = (path: string, method: string, status: string) => {
      const item = (paths?.[path] ?? {}) as Record<string, { responses: Record<string, unknown> }>
      const operation = item[method]
      const response = operation?.responses[status] as { headers?: Record<string, unknown> }
      return Object.keys(response?.headers ?? {}).map((name) => name.toLowerCase())
    }
    const body = { policy: '{"Version": "2012-10-17", "Statement": []}' }
    const first = await request(limited).post('/v1/validate').send(body)
    const documented = headersOf('/v1/validate', 'post', '200')
    expect(documented).toEqual(['x-request-id', 'ratelimit', 'ratelimit-policy'])
    for (const name of documented) expect(first.headers[name], name).toBeDefined()
    const over = await request(limited).post('/v1/validate').send(body)
    expect(over.status).toBe(429)
    for (const name of headersOf('/v1/validate', 'post', '429')) {
      expect(over.headers[name], name).toBeDefined()
    }
    const probe = await request(limited).get('/healthz')
    expect(headersOf('/healthz', 'get', '200')).toEqual(['x-request-id'])
    expect(probe.headers.ratelimit).toBeUndefined()
  })

  it('documents request bodies closed and responses open', () => {
    const schemas = schemasOf(openApiDocument(config.limits))
    expect(schemas.EvaluateRequest?.additionalProperties).toBe(false)
    expect(schemas.AuthorizationRequest?.additionalProperties).toBe(false)
    expect(schemas.Decision?.additionalProperties).toBeUndefined()
    expect(schemas.Finding?.additionalProperties).toBeUndefined()
  })
  it('documents the findings beside every decision, with every code the evaluation gives', () => {
    const schemas = schemasOf(openApiDocument(config.limits))
    expect(schemas.Decision?.required).toEqual(['decision', 'findings'])
    const finding = schemas.EvaluationFinding as { properties: { code: { enum: unknown } } }
    expect(finding.properties.code.enum).toEqual([...evaluationFindingCodes])
    const source = (schemas.EvaluationError as { properties: { source: { enum: unknown } } })
      .properties.source.enum
    expect(source).toEqual([...evaluationErrorSources])
  })
})

describe('GET /docs', () => {
  it('is an HTML reference of every operation, generated from the document', async () => {
    const response = await request(app).get('/docs')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    for (const operation of apiOperations(config.limits)) {
      expect(response.text).toContain(`id="${operation.operationId.toLowerCase()}"`)
    }
    expect(response.text).toContain('id="schema-evaluaterequest"')
    expect(response.text).toContain('id="schema-evaluationfinding"')
    expect(response.text).toContain('id="problem-invalid-request"')
  })

  it('writes its curl lines against the URL the request came to, and never a made-up Host', async () => {
    const listening = app.listen(0, '127.0.0.1')
    await once(listening, 'listening')
    try {
      const { port } = listening.address() as AddressInfo
      const page = await request(app).get('/docs').set('Host', `localhost:${port}`)
      expect(page.text).toContain(`curl -sS -X POST http://localhost:${port}/v1/validate -H`)
      const forged = await request(listening).get('/docs').set('Host', "x'$(touch /tmp/owned)'")
      expect(forged.status).toBe(200)
      expect(forged.text).not.toContain('owned')
      expect(forged.text).toContain(`curl -sS -X POST http://127.0.0.1:${port}/v1/validate -H`)
    } finally {
      listening.close()
    }
  })

  it('is self-contained: no script, nothing loaded from anywhere, its style allowed by hash', async () => {
    const response = await request(app).get('/docs')
    expect(response.text).not.toMatch(/<script|<link|<img|src=|@import|url\(/i)
    expect(response.text).not.toMatch(/href="https?:/)
    const hash = createHash('sha256').update(referenceStyle).digest('base64')
    expect(response.headers['content-security-policy']).toContain(`style-src 'sha256-${hash}'`)
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
    expect(response.text).toContain(`<style>${referenceStyle}</style>`)
  })
})
