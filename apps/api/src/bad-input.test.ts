import type { Server } from 'node:http'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RawRequest, rawRequest } from './testing/raw-request.ts'
import { expectProblem, testApp } from './testing/test-app.ts'

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
const agent = `${instance}/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b`
const policy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'connect:DescribeUser', Resource: `${instance}/agent/*` }],
}
const valid = {
  policies: { identityPolicies: [policy] },
  request: { action: 'connect:DescribeUser', resource: agent },
}
const validText = JSON.stringify(valid)
const json = { 'Content-Type': 'application/json' }

const deepArray = `{"policies": {"identityPolicies": [${'['.repeat(10_000)}${']'.repeat(10_000)}]}, "request": {}}`
const deepObject = `{"policies": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}}`
const tenMegabytes = `{"policies": {"identityPolicies": ["${'x'.repeat(10 * 1024 * 1024)}"]}}`
const bomb = gzipSync(
  Buffer.from(`{"policies": {"identityPolicies": ["${' '.repeat(4 * 1024 * 1024)}"]}}`),
)
const huge = (count: number, item: string) => Array.from({ length: count }, () => item).join(',')

interface Case {
  readonly name: string
  readonly request: RawRequest
  readonly status: number
  readonly type: string
  readonly pointer?: string
}

const post = (
  body: string | Buffer,
  headers: Record<string, string> = json,
  path = '/v1/evaluate',
): RawRequest => ({
  path,
  headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
  body,
})

const cases: Case[] = [
  {
    name: 'malformed JSON',
    request: post('{"policies": {"identityPolicies": [}'),
    status: 400,
    type: 'malformed-json',
  },
  {
    name: 'JSON followed by more',
    request: post(`${validText} {}`),
    status: 400,
    type: 'malformed-json',
  },
  { name: 'an empty JSON body', request: post('   '), status: 400, type: 'malformed-json' },
  {
    name: 'no body at all',
    request: { path: '/v1/evaluate', headers: json },
    status: 400,
    type: 'invalid-request',
    pointer: '',
  },
  {
    name: 'bytes that are not UTF-8',
    request: post(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    status: 400,
    type: 'malformed-json',
  },
  {
    name: 'text/plain',
    request: post(validText, { 'Content-Type': 'text/plain' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'a form',
    request: post('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'no content type',
    request: post(validText, {}),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'JSON in Latin-1',
    request: post(validText, { 'Content-Type': 'application/json; charset=latin1' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'an unknown content encoding',
    request: post(validText, { ...json, 'Content-Encoding': 'compress' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'a type that only starts like JSON',
    request: post(validText, { 'Content-Type': 'application/jsonp' }),
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'gzip that is not gzip',
    request: post(Buffer.from('{"not": "gzip"}'), { ...json, 'Content-Encoding': 'gzip' }),
    status: 400,
    type: 'malformed-json',
  },
  { name: 'a 10 MB body', request: post(tenMegabytes), status: 413, type: 'payload-too-large' },
  {
    name: 'a gzip body that inflates past the limit',
    request: post(bomb, { ...json, 'Content-Encoding': 'gzip' }),
    status: 413,
    type: 'payload-too-large',
  },
  {
    name: 'arrays nested 10,000 deep',
    request: post(deepArray),
    status: 400,
    type: 'json-too-deep',
  },
  {
    name: 'objects nested 10,000 deep',
    request: post(deepObject),
    status: 400,
    type: 'json-too-deep',
  },
  {
    name: 'a `__proto__` key',
    request: post(`{"__proto__": {"polluted": true}, ${validText.slice(1)}`),
    status: 400,
    type: 'invalid-request',
    pointer: '/__proto__',
  },
  {
    name: 'a `__proto__` context key',
    request: post(
      JSON.stringify({ ...valid, request: { ...valid.request, context: {} } }).replace(
        '"context":{}',
        '"context":{"__proto__":{"polluted":true}}',
      ),
    ),
    status: 400,
    type: 'invalid-request',
    pointer: '/request/context/__proto__',
  },
  {
    name: 'a `constructor` key in a policy',
    request: post(
      JSON.stringify({
        ...valid,
        policies: {
          identityPolicies: [{ ...policy, constructor: { prototype: { polluted: true } } }],
        },
      }),
    ),
    status: 400,
    type: 'invalid-request',
    pointer: '/policies/identityPolicies/0/constructor',
  },
  {
    name: 'a `prototype` key',
    request: post(JSON.stringify({ ...valid, prototype: 1 })),
    status: 400,
    type: 'invalid-request',
    pointer: '/prototype',
  },
  {
    name: 'an array for the body',
    request: post('[]'),
    status: 400,
    type: 'invalid-request',
    pointer: '',
  },
  {
    name: 'null for the body',
    request: post('null'),
    status: 400,
    type: 'invalid-request',
    pointer: '',
  },
  {
    name: 'a string for the policy set',
    request: post(JSON.stringify({ ...valid, policies: 'all' })),
    status: 400,
    type: 'invalid-request',
    pointer: '/policies',
  },
  {
    name: 'an array for the request',
    request: post(JSON.stringify({ ...valid, request: [] })),
    status: 400,
    type: 'invalid-request',
    pointer: '/request',
  },
  {
    name: 'an infinite number',
    request: post(`${validText.slice(0, -1)}, "explain": 1e999}`),
    status: 400,
    type: 'invalid-request',
    pointer: '/explain',
  },
  {
    name: '100,000 requests',
    request: post(`{"policies": {}, "requests": [${huge(100_000, '{}')}]}`),
    status: 400,
    type: 'invalid-request',
    pointer: '/requests',
  },
  {
    name: '5,000 resources',
    request: post(
      `{"policies": {}, "request": {"action": "a:b", "resource": [${huge(5000, '"r"')}]}}`,
    ),
    status: 400,
    type: 'invalid-request',
    pointer: '/request/resource',
  },
  {
    name: '5,000 context keys',
    request: post(
      `{"policies": {}, "request": {"action": "a:b", "resource": "r", "context": {${Array.from({ length: 5000 }, (_, index) => `"k${index}": 1`).join(',')}}}}`,
    ),
    status: 400,
    type: 'invalid-request',
    pointer: '/request/context',
  },
  {
    name: 'a 300-character action',
    request: post(
      JSON.stringify({
        ...valid,
        request: { ...valid.request, action: `connect:${'A'.repeat(300)}` },
      }),
    ),
    status: 400,
    type: 'invalid-request',
    pointer: '/request/action',
  },
  {
    name: 'a path that is not percent-encoding',
    request: { method: 'GET', path: '/v1/samples/%E0%A4%A' },
    status: 400,
    type: 'invalid-request',
  },
  {
    name: 'a validation of 10,000 deep text',
    request: post(`{"policy": ${'['.repeat(10_000)}}`, json, '/v1/validate'),
    status: 400,
    type: 'json-too-deep',
  },
]

const wildcards = `${'*a'.repeat(2000)}*b`

let server: Server

beforeAll(async () => {
  server = testApp().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

async function stillAnswers(): Promise<void> {
  const response = await request(server).post('/v1/evaluate').send(valid)
  expect(response.status).toBe(200)
  expect(response.body.decision).toBe('Allow')
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getPrototypeOf({})).toBe(Object.prototype)
}

describe('bad input', () => {
  it.each(cases)('$name is $status $type, and the server keeps answering', async (given) => {
    const response = await rawRequest(server, given.request)
    const problem = expectProblem(response, given.status, given.type)
    if (given.pointer !== undefined) expect(problem.errors?.[0]?.pointer).toBe(given.pointer)
    await stillAnswers()
  })

  it('reads compressed bodies, a byte order mark, and JSON media types with parameters', async () => {
    for (const [body, headers] of [
      [gzipSync(Buffer.from(validText)), { ...json, 'Content-Encoding': 'gzip' }],
      [deflateSync(Buffer.from(validText)), { ...json, 'Content-Encoding': 'deflate' }],
      [brotliCompressSync(Buffer.from(validText)), { ...json, 'Content-Encoding': 'br' }],
      [Buffer.from(`\uFEFF${validText}`), json],
      [Buffer.from(validText), { 'Content-Type': 'application/json; charset=UTF-8' }],
      [Buffer.from(validText), { 'Content-Type': 'application/merge-patch+json' }],
      [Buffer.from(validText), { 'Content-Type': 'Application/JSON' }],
    ] as const) {
      const response = await rawRequest(server, post(body, headers))
      expect(response.status).toBe(200)
      expect((response.body as { decision: string }).decision).toBe('Allow')
    }
  })

  it('evaluates adversarial wildcards in actions, resources and conditions to a decision', async () => {
    const adversarial = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: `connect:${wildcards}`,
          Resource: `arn:aws:connect:*:*:${wildcards}`,
          Condition: { StringLike: { 'aws:PrincipalTag/team': wildcards } },
        },
      ],
    }
    const response = await request(server)
      .post('/v1/evaluate')
      .send({
        policies: { identityPolicies: [adversarial] },
        request: {
          action: `connect:${'a'.repeat(200)}`,
          resource: `arn:aws:connect:us-east-1:123456789012:${'a'.repeat(2000)}`,
          context: { 'aws:PrincipalTag/team': 'a'.repeat(2000) },
        },
      })
    expect(response.status).toBe(200)
    expect(response.body.decision).toBe('ImplicitDeny')
    const validated = await request(server).post('/v1/validate').send({ policy: adversarial })
    expect(validated.status).toBe(200)
    const actions = await request(server).get(
      `/v1/catalog/actions/${encodeURIComponent(`*:${'a*'.repeat(120)}`)}`,
    )
    expect(actions.status).toBe(200)
    expect(actions.body.total).toBe(0)
    await stillAnswers()
  })

  it('validates text full of control characters and lone surrogates', async () => {
    const response = await request(server)
      .post('/v1/validate')
      .send({ policy: `{"Version": "2012-10-17\u0000", "Statement": ["\uD800"]}\u0007` })
    expect(response.status).toBe(200)
    expect(response.body.findings.length).toBeGreaterThan(0)
    await stillAnswers()
  })
})
