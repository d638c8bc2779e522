import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { exampleTemplate } from '../routes/sources/schemas.ts'
import { testApp, testConfig } from '../testing/test-app.ts'
import { type AnyOperation, expressPath } from './operation.ts'
import { apiOperations, openApiDocument } from './operations.ts'

const config = testConfig()
const app = testApp(config)
const document = openApiDocument(config.limits)
const components = document.components ?? {}

/** Bodies and responses are JSON: checked as they are. */
const json = new Ajv2020({ strict: false, allErrors: true })
/** Parameters arrive as text: checked as OpenAPI reads them, `"100"` for an integer. */
const text = new Ajv2020({ strict: false, allErrors: true, coerceTypes: true })

/** A schema of the document, its references resolved against the document's components. */
function validatorOf(ajv: Ajv2020, schema: unknown): ValidateFunction {
  return ajv.compile({ components, allOf: [schema] })
}

function expectValid(validate: ValidateFunction, value: unknown, what: string): void {
  const valid = validate(value)
  expect(validate.errors ?? [], what).toEqual([])
  expect(valid, what).toBe(true)
}

/** One call a route answers with 200: its path and query parameters as sent, and its body. */
interface Example {
  readonly params?: Readonly<Record<string, string>>
  readonly query?: Readonly<Record<string, string>>
  readonly body?: object
}

const agent =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b'
/** An Allow and a Deny, so that decisions come with deciding statements and traces of both. */
const readNotDelete = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*'], Resource: '*' },
    { Sid: 'NoDelete', Effect: 'Deny', Action: 'connect:Delete*', Resource: '*' },
  ],
}

/** Calls that reach the parts of each schema: findings with ranges and fixes, batches, errors. */
const examples: Readonly<Record<string, readonly Example[]>> = {
  validatePolicy: [
    {
      body: {
        policy:
          '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUsers", "Resource": "*",}]}',
      },
    },
    { body: { policy: readNotDelete, policyType: 'identity' } },
  ],
  validateSourceFile: [
    {
      body: {
        file: { name: 'connect-agents.yaml', text: exampleTemplate },
        parameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-111122223333' },
      },
    },
    {
      // a Terraform plan whose policy is known only after apply: a problem, and a policy with `unknown`
      body: {
        file: {
          name: 'plan.json',
          text: JSON.stringify({
            format_version: '1.2',
            terraform_version: '1.9.8',
            planned_values: {
              root_module: {
                resources: [
                  {
                    address: 'aws_iam_role_policy.agent',
                    mode: 'managed',
                    type: 'aws_iam_role_policy',
                    name: 'agent',
                    values: { name: 'agent', role: 'agent' },
                  },
                  {
                    address: 'aws_iam_policy.read',
                    mode: 'managed',
                    type: 'aws_iam_policy',
                    name: 'read',
                    values: { name: 'read', policy: JSON.stringify(readNotDelete) },
                  },
                ],
              },
            },
            resource_changes: [
              {
                address: 'aws_iam_role_policy.agent',
                mode: 'managed',
                type: 'aws_iam_role_policy',
                name: 'agent',
                change: {
                  actions: ['create'],
                  before: null,
                  after: { name: 'agent', role: 'agent' },
                  after_unknown: { policy: true },
                },
              },
            ],
          }),
        },
        suppress: ['trailing-comma'],
      },
    },
    {
      body: {
        file: { name: 'policy.json', text: JSON.stringify(readNotDelete) },
        policyType: 'resource',
      },
    },
  ],
  evaluateRequests: [
    {
      body: {
        policies: { identityPolicies: [readNotDelete] },
        request: { action: 'connect:DescribeUser', resource: agent },
      },
    },
    {
      body: {
        policies: { identityPolicies: [{ name: 'agents', policy: JSON.stringify(readNotDelete) }] },
        requests: [
          { action: 'connect:DeleteUser', resource: agent },
          { action: 'connect:DescribeUsr', resource: agent },
          { action: 'connect:*', resource: agent },
        ],
        explain: false,
      },
    },
  ],
  comparePolicySets: [
    {
      body: {
        before: { identityPolicies: [readNotDelete] },
        after: {
          identityPolicies: [
            {
              ...readNotDelete,
              Statement: [{ Effect: 'Allow', Action: 'connect:Describe*', Resource: '*' }],
            },
          ],
        },
      },
    },
  ],
  checkAccessNotGranted: [
    {
      body: {
        policies: { identityPolicies: [readNotDelete] },
        actions: ['connect:DescribeUser', 'connect:DeleteUser'],
        resources: ['arn:aws:connect:*:*:instance/*/agent/*'],
      },
    },
  ],
  summarizeAccess: [{ body: { policies: { identityPolicies: [readNotDelete] } } }],
  auditPolicySet: [
    { body: { policies: { identityPolicies: [readNotDelete] } } },
    {
      body: {
        policies: { identityPolicies: [readNotDelete] },
        checks: ['delete-instance', 'outside-intended-instances'],
        instances: ['a1b2c3d4-5678-90ab-cdef-111122223333'],
      },
    },
  ],
  listSamples: [{}],
  getSample: [
    { params: { id: 'create-user-deny-security-profile' } },
    { params: { id: 'create-user-deny-security-profile' }, query: { explain: 'true' } },
  ],
  listServices: [{}, { query: { family: 'connect' } }],
  getService: [{ params: { prefix: 'connect' } }],
  findActions: [
    { params: { action: 'connect:DescribeUser' } },
    { params: { action: '*:Get*' }, query: { offset: '10', limit: '5' } },
  ],
  getHealth: [{}],
  getReadiness: [{}],
  getOpenApiDocument: [{}],
  getReference: [{}],
  getProblemType: [{ params: { type: 'invalid-request' } }],
}

type Parameter = { readonly name: string; readonly in: string; readonly required?: boolean }

/** The document's parameters in one place, as one object schema, closed: none undocumented. */
function parametersSchema(operation: AnyOperation, where: 'path' | 'query'): unknown {
  const listed = (document.paths?.[operation.path]?.[operation.method]?.parameters ??
    []) as (Parameter & { readonly schema: unknown })[]
  const parameters = listed.filter((parameter) => parameter.in === where)
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map(({ name, schema }) => [name, schema])),
    required: parameters.filter(({ required }) => required === true).map(({ name }) => name),
    additionalProperties: false,
  }
}

function documented(operation: AnyOperation) {
  const item = document.paths?.[operation.path]?.[operation.method]
  const body = item?.requestBody as { content: Record<string, { schema: unknown }> } | undefined
  const responses = item?.responses as Record<
    string,
    { content: Record<string, { schema: unknown }> }
  >
  const mediaType = operation.response.mediaType ?? 'application/json'
  return {
    params: validatorOf(text, parametersSchema(operation, 'path')),
    query: validatorOf(text, parametersSchema(operation, 'query')),
    body:
      body === undefined ? undefined : validatorOf(json, body.content['application/json']?.schema),
    response: validatorOf(json, responses['200']?.content[mediaType]?.schema),
  }
}

function send(operation: AnyOperation, example: Example) {
  const path = Object.entries(example.params ?? {}).reduce(
    (path, [name, value]) => path.replace(`:${name}`, encodeURIComponent(value)),
    expressPath(operation.path),
  )
  const call = request(app)
    [operation.method](path)
    .query(example.query ?? {})
  return example.body === undefined ? call : call.send(example.body)
}

describe('the document against the routes', () => {
  it.each(apiOperations(config.limits).map((operation) => [operation.operationId, operation]))(
    '%s: its parameters and body accept what the route accepts, its 200 what the route sends',
    async (operationId, operation) => {
      const list = examples[operationId] ?? []
      expect(list.length, `no example calls of \`${operationId}\``).toBeGreaterThan(0)
      const schemas = documented(operation)
      expect(schemas.body === undefined, 'a body documented exactly when the route reads one').toBe(
        operation.body === undefined,
      )
      for (const example of list) {
        const what = `${operationId} ${JSON.stringify(example)}`
        expectValid(schemas.params, { ...example.params }, `${what}: path`)
        expectValid(schemas.query, { ...example.query }, `${what}: query`)
        if (schemas.body !== undefined) expectValid(schemas.body, example.body, `${what}: body`)
        const response = await send(operation, example)
        expect(response.status, what).toBe(200)
        const sent = operation.response.mediaType === 'text/html' ? response.text : response.body
        expectValid(schemas.response, sent, `${what}: response`)
      }
    },
  )

  it('documents the problem a route answers with', async () => {
    const response = await request(app).post('/v1/validate').send({ policy: 1 })
    expect(response.status).toBe(400)
    const responses = document.paths?.['/v1/validate']?.post?.responses as Record<
      string,
      { content: Record<string, { schema: unknown }> }
    >
    const schema = responses['400']?.content['application/problem+json']?.schema
    expectValid(validatorOf(json, schema), response.body, 'a 400 problem')
  })
})
