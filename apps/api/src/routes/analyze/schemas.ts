import { auditChecks } from '@connect-policy/audit'
import { z } from 'zod'
import type { Limits } from '../../env.ts'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import {
  accessCheckSchema,
  accessSummarySchema,
  auditReportSchema,
  comparisonSchema,
} from '../../schemas/analysis.ts'
import { policySchemas } from '../../schemas/policy.ts'

const exampleSet = (resource: string) => ({
  identityPolicies: [
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: resource }],
    },
  ],
})
const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

const exactly =
  'Every request at once: each action of the AWS service reference on the resources of its types, under each condition value the policies tell apart, decided by the evaluator on both sides. An answer not proven within the analysis limits is `unknown`, with `reasons`; it is never a wrong `equivalent` or a wrong `pass`. A set AWS would reject gets 422 `invalid-policy-set`; an analysis past the time limit, 503 `request-timeout`.'

export function compareOperation(limits: Limits) {
  const { policySet } = policySchemas(limits)
  return defineOperation({
    method: 'post',
    path: '/v1/compare',
    operationId: 'comparePolicySets',
    tag: 'Analysis',
    summary: 'Compare what two policy sets allow',
    description: `How \`after\` relates to \`before\` (\`equivalent\`, \`narrower\`, \`broader\`, \`incomparable\`), with the access added and removed, each region with a witness request and both decisions, explained. ${exactly}`,
    params: noParameters,
    query: noParameters,
    body: z.strictObject({ before: policySet, after: policySet }).meta({
      id: 'CompareRequest',
      example: { before: exampleSet(`${instance}/*`), after: exampleSet(`${instance}*`) },
    }),
    response: {
      description: 'The relation and the access added and removed.',
      schema: comparisonSchema,
    },
    problems: ['invalid-policy-set'],
  })
}

export function checkNotGrantedOperation(limits: Limits) {
  const { policySet } = policySchemas(limits)
  const patterns = (what: string) =>
    z.array(z.string().min(1).max(2048)).min(1).max(100).describe(what)
  return defineOperation({
    method: 'post',
    path: '/v1/check-not-granted',
    operationId: 'checkAccessNotGranted',
    tag: 'Analysis',
    summary: 'Check that actions are never granted',
    description: `Whether a policy set never grants any of \`actions\` (on \`resources\`, when given): \`pass\`, or \`fail\` with a request the set allows for each access found (IAM Access Analyzer's CheckAccessNotGranted, offline, with witnesses). ${exactly}`,
    params: noParameters,
    query: noParameters,
    body: z
      .strictObject({
        policies: policySet,
        actions: patterns('actions or action patterns that must not be granted'),
        resources: patterns('only on these resources (ARN patterns)').optional(),
      })
      .meta({
        id: 'CheckNotGrantedRequest',
        example: { policies: exampleSet(`${instance}*`), actions: ['connect:DeleteInstance'] },
      }),
    response: {
      description: 'The result, and the access that makes it fail.',
      schema: accessCheckSchema,
    },
    problems: ['invalid-policy-set'],
  })
}

export function summarizeOperation(limits: Limits) {
  const { policySet } = policySchemas(limits)
  return defineOperation({
    method: 'post',
    path: '/v1/summarize',
    operationId: 'summarizeAccess',
    tag: 'Analysis',
    summary: 'Summarize what a policy set allows',
    description: `The effective access of a policy set, per service, access level and resource type: which actions are allowed on which resource patterns under which condition values, after every Deny, NotAction and NotResource, each grant with a request the set allows. ${exactly}`,
    params: noParameters,
    query: noParameters,
    body: z
      .strictObject({ policies: policySet })
      .meta({ id: 'SummarizeRequest', example: { policies: exampleSet(`${instance}/*`) } }),
    response: {
      description: 'The access, by service and access level.',
      schema: accessSummarySchema,
    },
    problems: ['invalid-policy-set'],
  })
}

export function auditOperation(limits: Limits) {
  const { policySet } = policySchemas(limits)
  const codes = auditChecks.map((check) => check.code) as [string, ...string[]]
  const ids = (what: string) => z.array(z.string().min(1).max(2048)).max(100).describe(what)
  return defineOperation({
    method: 'post',
    path: '/v1/audit',
    operationId: 'auditPolicySet',
    tag: 'Analysis',
    summary: 'Audit a policy set for Amazon Connect',
    description: `The Amazon Connect audit: paths to instance administrator through IAM alone, data leaving the contact center, isolation between instances, destruction, toll fraud and the sibling services' sub-resources, each check decided over every request, each finding with a witness request and the set's decision, explained, and the AWS page the check rests on. ${exactly}`,
    params: noParameters,
    query: noParameters,
    body: z
      .strictObject({
        policies: policySet,
        checks: z
          .array(z.enum(codes))
          .max(codes.length)
          .optional()
          .describe('the checks to run; all without it'),
        instances: ids(
          'the Amazon Connect instances (ids or ARNs) the set is meant for: the isolation check runs with them',
        ).optional(),
        accounts: ids('the accounts the set is meant for').optional(),
      })
      .meta({
        id: 'AuditRequest',
        example: { policies: exampleSet('*'), instances: ['a1b2c3d4-5678-90ab-cdef-111122223333'] },
      }),
    response: {
      description: 'The findings, most severe first, and how each check ended.',
      schema: auditReportSchema,
    },
    problems: ['invalid-policy-set'],
  })
}

export type CompareOperation = ReturnType<typeof compareOperation>
export type AuditOperation = ReturnType<typeof auditOperation>
export type CheckNotGrantedOperation = ReturnType<typeof checkNotGrantedOperation>
export type SummarizeOperation = ReturnType<typeof summarizeOperation>
