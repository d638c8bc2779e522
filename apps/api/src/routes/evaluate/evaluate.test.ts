import { defaultBudget } from '@connect-policy/core'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { expensiveBatchBody } from '../../testing/expensive.ts'
import {
  expectDocumented,
  expectProblem,
  sharedPool,
  testApp,
  testConfig,
} from '../../testing/test-app.ts'
import { evaluateOperation } from './schemas.ts'

const config = testConfig()
const app = testApp(config)
const documented = evaluateOperation(config.limits).response.schema

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
const agent = `${instance}/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b`
const queue = `${instance}/queue/9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d`

const allowAgents = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadAgents',
      Effect: 'Allow',
      Action: 'connect:Describe*',
      Resource: `${instance}/agent/*`,
    },
    { Sid: 'NoQueues', Effect: 'Deny', Action: 'connect:*', Resource: `${instance}/queue/*` },
  ],
}
const describeAgent = { action: 'connect:DescribeUser', resource: agent }
const allowConnect = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }],
}

const evaluate = (body: unknown) =>
  request(app)
    .post('/v1/evaluate')
    .send(body as object)

describe('POST /v1/evaluate', () => {
  it('decides one request and explains every statement', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      request: describeAgent,
    })
    expect(response.status).toBe(200)
    const body = expectDocumented(documented, response.body)
    expect(body).toMatchObject({
      decision: 'Allow',
      explanation: { action: 'connect:DescribeUser', deciding: [{ sid: 'ReadAgents' }] },
    })
    expect('explanation' in body && body.explanation?.resources[0]?.statements).toHaveLength(2)
  })

  it('gives the same decision for a policy as text, as an object and named', async () => {
    const forms = [
      allowAgents,
      JSON.stringify(allowAgents),
      { name: 'agents', policy: allowAgents },
      { name: 'agents', policy: JSON.stringify(allowAgents) },
    ]
    for (const form of forms) {
      const response = await evaluate({
        policies: { identityPolicies: [form] },
        request: { action: 'connect:DeleteQueue', resource: queue },
      })
      expect(response.body.decision).toBe('ExplicitDeny')
    }
    const named = await evaluate({
      policies: { identityPolicies: [{ name: 'agents', policy: allowAgents }] },
      request: describeAgent,
    })
    expect(named.body.explanation.deciding[0].policyName).toBe('agents')
  })

  it('leaves the statement traces out with `"explain": false`', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      request: describeAgent,
      explain: false,
    })
    expect(response.body.decision).toBe('Allow')
    expect(response.body.explanation.deciding).toHaveLength(1)
    expect(response.body.explanation.resources[0].statements).toEqual([])
  })

  it('names the deciding statements with `"explain": "deciding"`, as with `false`', async () => {
    const body = { policies: { identityPolicies: [allowAgents] }, request: describeAgent }
    const deciding = await evaluate({ ...body, explain: 'deciding' })
    const unexplained = await evaluate({ ...body, explain: false })
    expect(deciding.status).toBe(200)
    expect(deciding.body).toEqual(unexplained.body)
  })

  it('answers the decision and its findings only with `"explain": "none"`', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      requests: [describeAgent, { action: 'connect:DescribeQueue', resource: queue }],
      explain: 'none',
    })
    expect(response.status).toBe(200)
    const body = expectDocumented(documented, response.body)
    expect(body).toEqual({
      results: [
        { decision: 'Allow', findings: [] },
        { decision: 'ExplicitDeny', findings: [] },
      ],
    })
  })

  it('takes a batch of 1,000 requests by default, and says so when there are more', async () => {
    const requests = (count: number) => Array.from({ length: count }, () => describeAgent)
    const body = { policies: { identityPolicies: [allowAgents] }, explain: 'none' }
    const full = await evaluate({ ...body, requests: requests(1000) })
    expect(full.status).toBe(200)
    expect(full.body.results).toHaveLength(1000)
    const over = await evaluate({ ...body, requests: requests(1001) })
    const problem = expectProblem(over, 400, 'invalid-request')
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/requests' })
    expect(problem.detail).toContain('1000')
    expect(problem.detail).not.toContain('100 ')
  })

  it('decides a batch in order, with errors in place of a request that cannot be evaluated', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      requests: [
        describeAgent,
        { action: 'connect:DescribeQueue', resource: queue },
        { action: 'connect:UpdateUserHierarchy', resource: agent },
        { action: 'connect:*', resource: agent },
      ],
      explain: false,
    })
    expect(response.status).toBe(200)
    const body = expectDocumented(documented, response.body)
    const results = 'results' in body ? body.results : []
    expect(results.map((result) => ('decision' in result ? result.decision : 'errors'))).toEqual([
      'Allow',
      'ExplicitDeny',
      'ImplicitDeny',
      'errors',
    ])
    expect(results[3]).toMatchObject({ errors: [{ source: 'request' }] })
  })

  it('takes every policy type of the set', async () => {
    const allowAll = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    }
    const denyDescribe = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'connect:DescribeUser', Resource: '*' }],
    }
    const allowed = await evaluate({
      policies: {
        identityPolicies: [allowAgents],
        serviceControlPolicies: [[allowAll], [allowAll]],
      },
      request: describeAgent,
    })
    const denied = await evaluate({
      policies: {
        identityPolicies: [allowAgents],
        serviceControlPolicies: [[allowAll], [denyDescribe]],
      },
      request: describeAgent,
    })
    const bounded = await evaluate({
      policies: { identityPolicies: [allowAgents], permissionsBoundary: denyDescribe },
      request: describeAgent,
    })
    expect([allowed.body.decision, denied.body.decision, bounded.body.decision]).toEqual([
      'Allow',
      'ExplicitDeny',
      'ExplicitDeny',
    ])
  })

  it('gives no decision for a set AWS would reject: 422 with the diagnostics', async () => {
    const response = await evaluate({
      policies: {
        identityPolicies: [
          allowAgents,
          '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",}]}',
        ],
      },
      request: describeAgent,
    })
    const problem = expectProblem(response, 422, 'invalid-policy-set')
    expect(problem.evaluationErrors).toHaveLength(1)
    expect(problem.evaluationErrors?.[0]).toMatchObject({
      source: 'policy',
      policyIndex: 1,
      policyName: 'identityPolicies[1]',
    })
    expect(problem.evaluationErrors?.[0]?.diagnostics[0]?.range.start.line).toBe(1)
  })

  it('answers 422 for a lone request that asks nothing AWS could be asked', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      request: { action: 'connect:Describe*', resource: agent },
    })
    const problem = expectProblem(response, 422, 'invalid-authorization-request')
    expect(problem.detail).toContain('`service:ActionName`')
  })

  it('shows findings next to the decision: an action the service reference does not know, with the name meant', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      request: { action: 'connect:DescribeUsr', resource: agent },
    })
    expect(response.status).toBe(200)
    const body = expectDocumented(documented, response.body)
    expect(Object.keys(body)).toEqual(['decision', 'findings', 'explanation'])
    expect(body).toMatchObject({
      decision: 'Allow',
      findings: [
        {
          code: 'unknown-action',
          severity: 'warning',
          suggestion: 'connect:DescribeUser',
          message: expect.stringContaining('did you mean `connect:DescribeUser`'),
        },
      ],
    })
  })

  it('gives an empty list of findings when there is nothing to say', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      request: describeAgent,
    })
    expect(response.body.findings).toEqual([])
  })

  it('reports a resource the action needs that the request leaves out', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowConnect] },
      request: { action: 'connect:CreateUser', resource: agent },
    })
    const body = expectDocumented(documented, response.body)
    expect(body).toMatchObject({ decision: 'Allow' })
    expect('findings' in body && body.findings.map((finding) => finding.code)).toEqual([
      'missing-required-resource',
    ])
    expect(response.body.findings[0].message).toContain('`security-profile`')
  })

  it('shows the findings of each decision of a batch', async () => {
    const response = await evaluate({
      policies: { identityPolicies: [allowAgents] },
      requests: [describeAgent, { action: 'connect:DescribeUsr', resource: agent }],
      explain: false,
    })
    const body = expectDocumented(documented, response.body)
    const results = 'results' in body ? body.results : []
    expect(results.map((result) => ('findings' in result ? result.findings : []))).toEqual([
      [],
      [expect.objectContaining({ code: 'unknown-action', suggestion: 'connect:DescribeUser' })],
    ])
  })

  it('gives no decision for a Deny whose action has a space around it: 422 naming the value', async () => {
    const response = await evaluate({
      policies: {
        identityPolicies: [
          allowConnect,
          {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Action: 'connect:DeleteUser ', Resource: '*' }],
          },
        ],
      },
      request: { action: 'connect:DeleteUser', resource: agent },
    })
    const problem = expectProblem(response, 422, 'invalid-policy-set')
    expect(problem.evaluationErrors).toMatchObject([
      {
        source: 'policy',
        policyIndex: 1,
        diagnostics: [{ code: 'action-has-whitespace', severity: 'error' }],
      },
    ])
  })

  it('decides with an Allow whose action has a space around it, and reports the entry', async () => {
    const response = await evaluate({
      policies: {
        identityPolicies: [
          {
            name: 'spaced',
            policy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'connect:DeleteUser ', Resource: '*' }],
            },
          },
        ],
      },
      request: { action: 'connect:DeleteUser', resource: agent },
    })
    const body = expectDocumented(documented, response.body)
    expect(body).toMatchObject({
      decision: 'ImplicitDeny',
      findings: [
        {
          code: 'action-has-whitespace',
          severity: 'warning',
          statement: { policyName: 'spaced', statementIndex: 0, effect: 'Allow' },
          range: { start: { line: 6 } },
        },
      ],
    })
  })

  it('derives connect:InstanceId only for the actions the service reference lists it for', async () => {
    const onInstance = (action: string) => ({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: action,
          Resource: '*',
          Condition: {
            StringEquals: { 'connect:InstanceId': 'a1b2c3d4-5678-90ab-cdef-111122223333' },
          },
        },
      ],
    })
    const listed = await evaluate({
      policies: { identityPolicies: [onInstance('connect:DescribeQueue')] },
      request: { action: 'connect:DescribeQueue', resource: queue },
    })
    expect(listed.body).toMatchObject({ decision: 'Allow', findings: [] })
    const unlisted = await evaluate({
      policies: { identityPolicies: [onInstance('connect:ListQueues')] },
      request: { action: 'connect:ListQueues', resource: `${instance}/queue/*` },
    })
    const body = expectDocumented(documented, unlisted.body)
    expect(body).toMatchObject({ decision: 'ImplicitDeny', findings: [] })
    const condition =
      'explanation' in body ? body.explanation?.resources[0]?.statements[0] : undefined
    expect(condition?.note).toBeUndefined()
    expect(condition?.elements.at(-1)).toMatchObject({
      element: 'Condition',
      matched: false,
      message: expect.stringContaining('`connect:InstanceId` is not in the request'),
    })
  })

  it('documents a clause AWS leaves open, with how it was read', async () => {
    const response = await evaluate({
      policies: {
        identityPolicies: [
          {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'connect:DescribeUser',
                Resource: '*',
                Condition: { StringEquals: { 'aws:TagKeys': 'team' } },
              },
            ],
          },
        ],
      },
      request: { ...describeAgent, context: { 'aws:TagKeys': ['team', 'cost'] } },
    })
    const body = expectDocumented(documented, response.body)
    const condition =
      'explanation' in body
        ? body.explanation?.resources[0]?.statements[0]?.elements.at(-1)
        : undefined
    expect(condition?.clauses?.[0]).toMatchObject({
      matched: false,
      undocumented: 'several-values-without-qualifier',
    })
  })

  const limited = testConfig({ limits: { batchRequests: 2, policies: 2, resources: 2 } })
  const limitedApp = testApp(limited)

  it.each([
    [
      'both forms',
      { request: describeAgent, requests: [describeAgent] },
      '',
      'either `request` or `requests`',
    ],
    ['neither form', {}, '', 'either `request` or `requests`'],
    [
      'a batch too large',
      { requests: [describeAgent, describeAgent, describeAgent] },
      '/requests',
      'at most 2 items',
    ],
    ['an empty batch', { requests: [] }, '/requests', 'at least 1 items'],
    [
      'too many resources',
      { request: { ...describeAgent, resource: [agent, agent, agent] } },
      '/request/resource',
      'at most 2 items',
    ],
    [
      'a number for an action',
      { request: { ...describeAgent, action: 7 } },
      '/request/action',
      'must be a string',
    ],
    [
      'no resource',
      { request: { action: 'connect:DescribeUser' } },
      '/request/resource',
      'is required',
    ],
    [
      'an object as a context value',
      { request: { ...describeAgent, context: { 'aws:SourceIp': { ip: 1 } } } },
      '/request/context/aws:SourceIp',
      'does not match any accepted form',
    ],
    [
      'an unknown field in a request',
      { requests: [{ ...describeAgent, actions: [] }] },
      '/requests/0/actions',
      'is not a known field',
    ],
    [
      'an explain that names no mode',
      { request: describeAgent, explain: 'yes' },
      '/explain',
      'must be one of `full`, `deciding`, `none`',
    ],
  ])('refuses %s', async (_, rest, pointer, detail) => {
    const response = await request(limitedApp)
      .post('/v1/evaluate')
      .send({ policies: { identityPolicies: [allowAgents] }, ...rest })
    const problem = expectProblem(response, 400, 'invalid-request')
    expect(problem.errors?.[0]).toEqual({
      in: 'body',
      pointer,
      detail: expect.stringContaining(detail),
    })
  })

  it.each([
    [
      'too many policies',
      { identityPolicies: [allowAgents, allowAgents], sessionPolicy: allowAgents },
      '/policies',
      'at most 2 policies',
    ],
    [
      'an unknown policy type',
      { groupPolicies: [] },
      '/policies/groupPolicies',
      'is not a known field',
    ],
    [
      'a number for a policy',
      { identityPolicies: [1] },
      '/policies/identityPolicies/0',
      'must be a policy as text',
    ],
    [
      'a name that is not a string',
      { identityPolicies: [{ name: 1, policy: allowAgents }] },
      '/policies/identityPolicies/0',
      'a named policy is',
    ],
    [
      'levels that are not lists',
      { serviceControlPolicies: [allowAgents] },
      '/policies/serviceControlPolicies/0',
      'must be an array',
    ],
  ])('refuses a set with %s', async (_, policies, pointer, detail) => {
    const response = await request(limitedApp)
      .post('/v1/evaluate')
      .send({ policies, request: describeAgent })
    const problem = expectProblem(response, 400, 'invalid-request')
    expect(problem.errors?.[0]).toEqual({
      in: 'body',
      pointer,
      detail: expect.stringContaining(detail),
    })
  })

  it('refuses a call whose explanation would be too large, and answers it without explanations', async () => {
    const small = testApp(testConfig({ limits: { explainTraces: 3 } }))
    const body = {
      policies: { identityPolicies: [allowAgents] },
      requests: [describeAgent, describeAgent],
    }
    const explained = await request(small).post('/v1/evaluate').send(body)
    expectProblem(explained, 422, 'explanation-too-large')
    const unexplained = await request(small)
      .post('/v1/evaluate')
      .send({ ...body, explain: false })
    expect(unexplained.status).toBe(200)
  })

  it('cuts a batch off with 503 once its deadline has passed, between two requests, keeping its thread', async () => {
    // a thousand requests of about 10 ms each (20 policies of 1,000 condition values, 5 context
    // values): seconds in all, stopped at 1000 ms by the check between two requests, well within
    // the grace before the thread would be stopped
    // the batch's work is estimated at 100 million steps, over `BATCH_MAX_STEPS`: raised here, so
    // that the deadline is what stops it
    const unbounded = { batchSteps: 1_000_000_000 }
    const app = testApp(testConfig({ requestTimeoutMs: 1000, limits: unbounded }))
    // the set is compiled once, by the pool's thread, which keeps it, on an app with time for it
    const patient = testApp(testConfig({ requestTimeoutMs: 30_000, limits: unbounded }))
    const work = { policies: 20, patterns: 1000, values: 5 }
    const short = () =>
      request(patient)
        .post('/v1/evaluate')
        .send(expensiveBatchBody({ ...work, requests: 1 }))
    expect((await short()).status).toBe(200)
    const replaced = sharedPool.replaced()
    const long = await request(app).post('/v1/evaluate').send(expensiveBatchBody(work))
    const problem = expectProblem(long, 503, 'request-timeout')
    expect(problem.detail).toContain('1000 ms')
    // the batch stopped by itself at a check between two requests: its thread was not aborted
    expect((await short()).status).toBe(200)
    expect(sharedPool.replaced()).toBe(replaced)
  })
})

describe('POST /v1/evaluate, a batch within its budget of work', () => {
  const work = { policies: 20, patterns: 1000, values: 5 }
  // each request: 20 policies of 1,000 pattern values, each tested against 5 values
  const perRequest = 20 * 1000 * 5

  it('refuses up front a batch whose requests together are estimated over BATCH_MAX_STEPS', async () => {
    const app = testApp(testConfig({ limits: { batchSteps: 10 * perRequest } }))
    const response = await request(app)
      .post('/v1/evaluate')
      .send(expensiveBatchBody({ ...work, requests: 11 }))
    const problem = expectProblem(response, 422, 'batch-over-budget')
    expect(problem.overBudget).toMatchObject({ limit: 'BATCH_MAX_STEPS', allowed: 10 * perRequest })
    expect(problem.overBudget?.estimated).toBeGreaterThan(11 * perRequest)
    expect(problem.detail).toMatch(/^the 11 requests of the batch would take about [\d,]+ steps/)
  })

  it('decides a batch within it, and counts a request that cannot be evaluated as no work', async () => {
    const app = testApp(testConfig({ limits: { batchSteps: 20 * perRequest } }))
    const body = expensiveBatchBody({ ...work, requests: 10 })
    const response = await request(app)
      .post('/v1/evaluate')
      .send({ ...body, requests: [...body.requests, { action: 'not an action', resource: '*' }] })
    expect(response.status).toBe(200)
    expect(response.body.results).toHaveLength(11)
    expect(response.body.results[10].errors).toBeDefined()
  })

  it('holds the default to the budget core gives one request', async () => {
    expect(testConfig().limits.batchSteps).toBe(defaultBudget.maxSteps)
  })
})

describe('POST /v1/evaluate within the budget', () => {
  it('keeps the count of findings the budget leaves out, and caps the deciding statements', async () => {
    // two policies of 600 Allow values with a space before them: 1,200 findings of the set,
    // of which 1,000 are listed; and 120 statements that each allow, of which 100 are named
    const policy = (index: number) => ({
      Version: '2012-10-17',
      Statement: Array.from({ length: 60 }, (_, statement) => ({
        Effect: 'Allow',
        Action: [
          'connect:DescribeUser',
          ...Array.from({ length: 10 }, (_, value) => ` connect:A${index}x${statement}x${value}`),
        ],
        Resource: '*',
      })),
    })
    for (const explain of ['full', 'deciding', 'none']) {
      const response = await evaluate({
        policies: { identityPolicies: [policy(0), policy(1)] },
        request: describeAgent,
        explain,
      })
      expect(response.status).toBe(200)
      const body = expectDocumented(documented, response.body)
      expect(body).toMatchObject({ decision: 'Allow', omittedFindings: 200 })
      if (explain !== 'none') {
        expect(body).toMatchObject({ explanation: { omittedDeciding: 20 } })
      }
    }
  })
})

describe('POST /v1/evaluate, a batch within its answer budget', () => {
  // requests of several resources, with the deciding statements named: each result is large
  const requests = Array.from({ length: 10 }, (_, index) => ({
    action: 'connect:DescribeUser',
    resource: Array.from({ length: 5 }, (_, resource) => `${instance}/agent/${index}x${resource}`),
  }))
  const body = { policies: { identityPolicies: [allowAgents] }, requests, explain: 'deciding' }
  const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value))

  it('answers every result, with no count, when they fit', async () => {
    const response = await evaluate(body)
    expect(response.status).toBe(200)
    const answer = expectDocumented(documented, response.body)
    expect('results' in answer && answer.results).toHaveLength(requests.length)
    expect(answer).not.toHaveProperty('omittedResults')
  })

  it('answers the results that fit in BATCH_MAX_ANSWER_BYTES, in order, and counts the requests left undecided', async () => {
    const whole = (await evaluate(body)).body as { results: unknown[] }
    // room for the first three results and the two commas between them, and one byte short of it
    const three = bytesOf({ results: whole.results.slice(0, 3) })
    for (const [limit, fit] of [
      [three, 3],
      [three - 1, 2],
    ] as const) {
      const bounded = testApp(testConfig({ limits: { batchAnswerBytes: limit } }))
      const response = await request(bounded).post('/v1/evaluate').send(body)
      expect(response.status).toBe(200)
      const answer = expectDocumented(
        evaluateOperation(testConfig({ limits: { batchAnswerBytes: limit } }).limits).response
          .schema,
        response.body,
      )
      expect(answer).toEqual({
        results: whole.results.slice(0, fit),
        omittedResults: requests.length - fit,
      })
      // the results themselves within the budget; the count beside them is the envelope's
      expect(bytesOf({ results: whole.results.slice(0, fit) })).toBeLessThanOrEqual(limit)
    }
  })

  it('documents the bound in the OpenAPI description', async () => {
    const document = (await request(app).get('/openapi.json')).body as {
      paths: Record<string, { post?: { description?: string } }>
    }
    expect(document.paths['/v1/evaluate']?.post?.description).toContain('`omittedResults`')
  })
})
