import { awsCatalog } from '@connect-policy/catalog'
import { policyTypeNames, validatePolicy } from '@connect-policy/core'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { expectDocumented, expectProblem, testApp, testConfig } from '../../testing/test-app.ts'
import { validateOperation } from './schemas.ts'

const config = testConfig({ limits: { policyChars: 400 } })
const app = testApp(config)
const documented = validateOperation(config.limits).response.schema

const broken =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUsers", "Resource": "*",}]}'
const clean = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'connect:DescribeUser',
      Resource:
        'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/*',
    },
  ],
}

const validate = (body: unknown) =>
  request(app)
    .post('/v1/validate')
    .send(body as object)

describe('POST /v1/validate', () => {
  it('reports broken JSON and unknown actions with ranges and fixes', async () => {
    const response = await validate({ policy: broken })
    expect(response.status).toBe(200)
    const body = expectDocumented(documented, response.body)
    expect(body.text).toBeUndefined()
    const codes = body.findings.map((finding) => finding.code)
    expect(codes).toEqual(['unknown-action', 'trailing-comma'])
    const [unknown] = body.findings
    expect(unknown?.range.start).toEqual({ line: 1, column: 71, offset: 70 })
    expect(unknown?.fix?.newText).toBe('connect:DescribeUser')
  })

  it('reads a policy given as an object as its indented JSON, and returns that text', async () => {
    const response = await validate({ policy: clean })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ findings: [], text: JSON.stringify(clean, null, 2) })
  })

  it('validates as the policy type given', async () => {
    const identity = await validate({ policy: clean })
    const resource = await validate({ policy: clean, policyType: 'resource' })
    expect(identity.body.findings).toEqual([])
    expect(resource.body.findings.map((finding: { code: string }) => finding.code)).toContain(
      'missing-principal',
    )
  })

  it.each(Object.entries(policyTypeNames))(
    'takes the policy type %s as the command line does',
    async (name, type) => {
      const response = await validate({ policy: clean, policyType: name })
      expect(response.status).toBe(200)
      expect(response.body.findings).toEqual(
        validatePolicy(clean, { policyType: type, catalog: awsCatalog() }),
      )
    },
  )

  it('leaves out suppressed codes', async () => {
    const response = await validate({ policy: broken, suppress: ['trailing-comma'] })
    expect(response.body.findings.map((finding: { code: string }) => finding.code)).toEqual([
      'unknown-action',
    ])
  })

  it.each([
    ['no policy', {}, '/policy', 'is required'],
    ['a number', { policy: 42 }, '/policy', 'must be a policy as text or as a JSON object'],
    ['an array', { policy: [] }, '/policy', 'must be a policy as text or as a JSON object'],
    ['an unknown field', { policy: clean, extra: 1 }, '/extra', 'is not a known field'],
    ['an unknown type', { policy: clean, policyType: 'group' }, '/policyType', 'must be one of'],
    ['a bad code', { policy: clean, suppress: ['Not Kebab'] }, '/suppress/0', 'kebab-case'],
    [
      'a code it never reports',
      { policy: clean, suppress: ['trailing-coma'] },
      '/suppress/0',
      '`trailing-coma` is not a finding code: did you mean `trailing-comma`',
    ],
    ['a long text', { policy: 'x'.repeat(401) }, '/policy', 'at most 400 characters long'],
    ['a long object', { policy: { S: 'x'.repeat(400) } }, '/policy', 'at most 400 characters'],
    ['a `policy` member', { policy: { policy: clean } }, '/policy', 'has no `policy` member'],
  ])('refuses %s', async (_, body, pointer, detail) => {
    const response = await validate(body)
    const problem = expectProblem(response, 400, 'invalid-request')
    expect(problem.errors?.[0]?.pointer).toBe(pointer)
    expect(problem.errors?.[0]?.in).toBe('body')
    expect(problem.errors?.[0]?.detail).toContain(detail)
  })

  it('answers other methods with 405 and Allow', async () => {
    const response = await request(app).get('/v1/validate')
    expectProblem(response, 405, 'method-not-allowed')
    expect(response.headers.allow).toBe('POST')
  })
})
