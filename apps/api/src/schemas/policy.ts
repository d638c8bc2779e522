import { policyTypeNames } from '@connect-policy/core'
import { z } from 'zod'
import type { Limits } from '../env.ts'

/** The message of a union that a value matches no form of; a missing value is just missing. */
function unionError(forms: string) {
  return (issue: { readonly input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${forms}`
}

/** A policy as JSON text, or as a JSON object, as the API receives it. */
export type PolicyValue = string | Readonly<Record<string, unknown>>

function policyTextSchema(limits: Limits) {
  return z
    .string()
    .max(limits.policyChars)
    .meta({
      id: 'PolicyText',
      description: `A policy as text, possibly broken JSON (at most ${limits.policyChars} characters).`,
      example:
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}]}',
    })
}

function policyObjectSchema(limits: Limits) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((policy, context) => {
      if (Object.hasOwn(policy, 'policy')) {
        context.addIssue({
          code: 'custom',
          message: 'a policy has no `policy` member; a named policy is `{ "name", "policy" }`',
        })
        return
      }
      const length = JSON.stringify(policy).length
      if (length > limits.policyChars) {
        context.addIssue({
          code: 'custom',
          message: `must be at most ${limits.policyChars} characters long as JSON, not ${length}`,
        })
      }
    })
    .meta({
      id: 'PolicyObject',
      description:
        'A policy as a JSON object. It is read as `JSON.stringify(policy, null, 2)`, which the lines and columns of findings and diagnostics refer to.',
      example: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'connect:DescribeUser', Resource: '*' }],
      },
    })
}

function policyInputSchemas(limits: Limits) {
  const text = policyTextSchema(limits)
  const object = policyObjectSchema(limits)
  const value = z
    .union([text, object], { error: unionError('a policy as text or as a JSON object') })
    .meta({ id: 'Policy', description: 'A policy as text or as a JSON object.' })
  const named = z
    .strictObject({
      name: z.string().min(1).max(128).describe('how explanations refer to the policy'),
      policy: value,
    })
    .meta({ id: 'NamedPolicy', description: 'A policy given a name.' })
  const input = z
    .union([text, named, object], {
      error: unionError('a policy as text, a policy as a JSON object, or `{ "name", "policy" }`'),
    })
    .meta({ id: 'PolicyInput', description: 'A policy as text, as an object, or named.' })
  return { value, input }
}

function policySetSchema(limits: Limits, input: ReturnType<typeof policyInputSchemas>['input']) {
  const levels = z
    .array(z.array(input))
    .describe('one list per level of the organization, from the root down')
  return z
    .strictObject({
      identityPolicies: z.array(input).optional(),
      resourcePolicy: input.optional(),
      permissionsBoundary: input.optional(),
      sessionPolicy: input.optional(),
      serviceControlPolicies: levels.optional(),
      resourceControlPolicies: levels.optional(),
    })
    .superRefine((set, context) => {
      const count =
        (set.identityPolicies?.length ?? 0) +
        [set.resourcePolicy, set.permissionsBoundary, set.sessionPolicy].filter(
          (policy) => policy !== undefined,
        ).length +
        [...(set.serviceControlPolicies ?? []), ...(set.resourceControlPolicies ?? [])].reduce(
          (sum, level) => sum + level.length,
          0,
        )
      if (count > limits.policies) {
        context.addIssue({
          code: 'custom',
          message: `must hold at most ${limits.policies} policies, not ${count}`,
        })
      }
    })
    .meta({
      id: 'PolicySet',
      description: `Every policy that takes part in a decision, by type, as \`@connect-policy/core\`'s \`evaluate\` takes it (at most ${limits.policies} policies in all).`,
    })
}

/** A policy type by any name core takes, so that the API takes what the command line takes. */
export const policyTypeSchema = z.enum(Object.keys(policyTypeNames)).meta({
  id: 'PolicyTypeName',
  description:
    'What a policy is attached as: a policy type as `PolicySet` names it, in kebab-case, or `scp`/`rcp`.',
})

const contextScalar = z.union([z.string().max(2048), z.number(), z.boolean()])

function authorizationRequestSchema(limits: Limits) {
  const resource = z.string().min(1).max(2048)
  return z
    .strictObject({
      action: z.string().min(1).max(256).describe('`service:ActionName`, no wildcards'),
      resource: z
        .union([resource, z.array(resource).min(1).max(limits.resources)])
        .describe(
          `the resource ARN, or every resource the action is authorized against (at most ${limits.resources})`,
        ),
      principal: z.string().min(1).max(2048).optional().describe("the caller's ARN or account"),
      context: z
        .record(
          z.string().min(1).max(256),
          z.union([contextScalar, z.array(contextScalar), z.null()]),
        )
        .optional()
        .describe('condition keys and their values; a list for a multi-valued key'),
      time: z
        .union([z.string().max(64), z.number()])
        .optional()
        .describe('when the request is made: ISO 8601 or epoch seconds'),
    })
    .meta({
      id: 'AuthorizationRequest',
      description: 'May this principal perform this action on these resources?',
      example: {
        action: 'connect:DescribeUser',
        resource:
          'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
      },
    })
}

function buildPolicySchemas(limits: Limits) {
  const { value, input } = policyInputSchemas(limits)
  return {
    policy: value,
    policyInput: input,
    policySet: policySetSchema(limits, input),
    authorizationRequest: authorizationRequestSchema(limits),
  }
}

export type PolicySchemas = ReturnType<typeof buildPolicySchemas>

const built = new WeakMap<Limits, PolicySchemas>()

/**
 * The schemas of policies and requests under a set of limits, built once per limits so that
 * every operation of a document shares them (one component each in the OpenAPI document).
 */
export function policySchemas(limits: Limits): PolicySchemas {
  let schemas = built.get(limits)
  if (schemas === undefined) {
    schemas = buildPolicySchemas(limits)
    built.set(limits, schemas)
  }
  return schemas
}

export type PolicyInputValue = z.output<PolicySchemas['policyInput']>
export type PolicySetValue = z.output<PolicySchemas['policySet']>
export type AuthorizationRequestValue = z.output<PolicySchemas['authorizationRequest']>
