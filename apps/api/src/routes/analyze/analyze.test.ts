import { awsCatalog } from '@connect-policy/catalog'
import { type AuthorizationRequest, evaluate } from '@connect-policy/core'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { expectDocumented, expectProblem, testApp, testConfig } from '../../testing/test-app.ts'
import {
  auditOperation,
  checkNotGrantedOperation,
  compareOperation,
  summarizeOperation,
} from './schemas.ts'

const config = testConfig()
const app = testApp(config)
const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
const setOf = (...statements: Record<string, unknown>[]) => ({
  identityPolicies: [{ Version: '2012-10-17', Statement: statements }],
})
const allow = (action: string, resource: string) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
})
const post = (path: string, body: unknown) =>
  request(app)
    .post(path)
    .send(body as object)

describe('POST /v1/compare', () => {
  it('answers the relation with witnesses that evaluate to what they claim', async () => {
    const before = setOf(allow('connect:*', `${instance}/*`))
    const after = setOf(allow('connect:*', `${instance}*`))
    const response = await post('/v1/compare', { before, after })
    expect(response.status).toBe(200)
    const body = expectDocumented(compareOperation(config.limits).response.schema, response.body)
    expect(body.relation).toBe('broader')
    expect(body.removed.regions).toEqual([])
    const resources = body.added.regions.map((region) => region.witness.request.resource)
    expect(resources).toContain(instance)
    const catalog = awsCatalog()
    for (const region of body.added.regions) {
      // the answer's JSON, read back as a request
      const witness = region.witness.request as AuthorizationRequest
      expect(evaluate(witness, before, { catalog }).decision).not.toBe('Allow')
      expect(evaluate(witness, after, { catalog }).decision).toBe('Allow')
    }
  })

  it('refuses a set AWS would reject with invalid-policy-set, naming the side', async () => {
    const response = await post('/v1/compare', {
      before: setOf({ Effect: 'Permit', Action: 'connect:*', Resource: '*' }),
      after: setOf(allow('connect:*', '*')),
    })
    expectProblem(response, 422, 'invalid-policy-set')
    expect(response.body.detail).toContain('before:')
  })

  it('refuses a body without both sides as invalid-request', async () => {
    expectProblem(
      await post('/v1/compare', { before: setOf(allow('connect:*', '*')) }),
      400,
      'invalid-request',
    )
  })
})

describe('POST /v1/check-not-granted', () => {
  it('fails with a witness when the action is granted, and passes when a Deny guards it', async () => {
    const open = setOf(allow('connect:*', '*'))
    const failed = await post('/v1/check-not-granted', {
      policies: open,
      actions: ['connect:DeleteInstance'],
    })
    expect(failed.status).toBe(200)
    const body = expectDocumented(
      checkNotGrantedOperation(config.limits).response.schema,
      failed.body,
    )
    expect(body.result).toBe('fail')
    expect(body.access.regions[0]?.witness.request.action).toBe('connect:DeleteInstance')
    const guarded = setOf(allow('connect:*', '*'), {
      Effect: 'Deny',
      Action: 'connect:DeleteInstance',
      Resource: '*',
    })
    const passed = await post('/v1/check-not-granted', {
      policies: guarded,
      actions: ['connect:DeleteInstance'],
    })
    expect(passed.body.result).toBe('pass')
    expect(passed.body.access.regions).toEqual([])
  })

  it('checks only the resources given', async () => {
    const response = await post('/v1/check-not-granted', {
      policies: setOf(allow('connect:DescribeUser', `${instance}/agent/*`)),
      actions: ['connect:DescribeUser'],
      resources: ['arn:aws:connect:*:*:instance/another-instance/agent/*'],
    })
    expect(response.body.result).toBe('pass')
  })

  it('refuses an empty list of actions', async () => {
    expectProblem(
      await post('/v1/check-not-granted', {
        policies: setOf(allow('connect:*', '*')),
        actions: [],
      }),
      400,
      'invalid-request',
    )
  })
})

describe('POST /v1/summarize', () => {
  it('lists the access by service and level, each grant with a request the set allows', async () => {
    const policies = setOf(allow('connect:Describe*', `${instance}/*`))
    const response = await post('/v1/summarize', { policies })
    expect(response.status).toBe(200)
    const body = expectDocumented(summarizeOperation(config.limits).response.schema, response.body)
    expect(body.complete).toBe(true)
    expect(body.services.map((service) => service.service)).toEqual(['connect'])
    const grants = body.services.flatMap((service) =>
      service.levels.flatMap((level) => level.grants),
    )
    expect(grants.flatMap((grant) => grant.actions)).toContain('connect:DescribeUser')
    const catalog = awsCatalog()
    for (const grant of grants) {
      expect(evaluate(grant.witness as AuthorizationRequest, policies, { catalog }).decision).toBe(
        'Allow',
      )
    }
  })
})

describe('POST /v1/audit', () => {
  it('answers the findings, each with a witness the set decides as claimed', async () => {
    const policies = setOf(allow('connect:*', '*'))
    const response = await post('/v1/audit', {
      policies,
      instances: ['a1b2c3d4-5678-90ab-cdef-111122223333'],
    })
    expect(response.status).toBe(200)
    const body = expectDocumented(auditOperation(config.limits).response.schema, response.body)
    expect(body.checks.map((check) => check.code)).toContain('delete-instance')
    expect(body.findings[0]?.severity).toBe('critical')
    const codes = new Set(body.findings.map((finding) => finding.code))
    expect(codes).toContain('emergency-admin-access')
    expect(codes).toContain('outside-intended-instances')
    const catalog = awsCatalog()
    for (const finding of body.findings) {
      const witness = finding.witness.request as AuthorizationRequest
      expect(evaluate(witness, policies, { catalog }).decision).toBe(finding.witness.decision)
    }
  })

  it('runs the checks chosen, and refuses a check that does not exist', async () => {
    const chosen = await post('/v1/audit', {
      policies: setOf(allow('connect:Describe*', '*')),
      checks: ['delete-instance'],
    })
    expect(chosen.status).toBe(200)
    expect(chosen.body.checks).toEqual([
      { code: 'delete-instance', severity: 'critical', status: 'pass', findings: 0, reasons: [] },
    ])
    expectProblem(
      await post('/v1/audit', { policies: setOf(), checks: ['delete-instances'] }),
      400,
      'invalid-request',
    )
    expectProblem(
      await post('/v1/audit', {
        policies: setOf({ Effect: 'Permit', Action: 'connect:*', Resource: '*' }),
      }),
      422,
      'invalid-policy-set',
    )
  })
})
