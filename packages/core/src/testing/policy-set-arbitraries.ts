import fc from 'fast-check'
import type { AuthorizationRequest, PolicySet } from '../authorize/index.ts'
import { requestActions } from './policy-arbitraries.ts'

const account = '123456789012'
const otherAccount = '210987654321'
const instance = `arn:aws:connect:us-east-1:${account}:instance/i-1`

/** Callers of every form a Principal element tells apart, in this account and another. */
const callers = [
  `arn:aws:iam::${account}:user/maria`,
  `arn:aws:sts::${account}:assumed-role/Agent/maria`,
  `arn:aws:iam::${account}:role/Agent`,
  `arn:aws:iam::${otherAccount}:user/omar`,
  account,
] as const

/** Resources in this account, another account, and without one. */
const resources = [
  `${instance}/agent/maria`,
  `${instance}/agent/u-2`,
  `${instance}/queue/q-1`,
  `arn:aws:connect:eu-west-2:${otherAccount}:instance/i-9/agent/omar`,
  'arn:aws:s3:::bucket/maria/notes.txt',
] as const

const actionPatterns = [
  ...requestActions,
  'connect:*',
  'connect:*User',
  'connect:Describe*',
  'CONNECT:deleteuser',
  'profile:*',
  '*',
] as const

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: policy variables, not templates
const resourcePatterns = [
  ...resources,
  '*',
  `${instance}/*`,
  'arn:aws:connect:*:*:instance/*/agent/*',
  'arn:aws:connect:us-east-1:123456789012:instance/i-?/*',
  'arn:aws:connect:us-east-1:123456789012:instance/${aws:PrincipalTag/instance}/*',
  'arn:aws:connect:*:*:instance/*/agent/${aws:username}',
  'arn:aws:s3:::bucket/${aws:username}/*',
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'maria'}/*",
  'arn:aws:s3:*',
] as const

/** Conditions of every operator family, with qualifiers, `IfExists`, `Null` and variables. */
const conditions = [
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } },
  { StringLike: { 'connect:InstanceId': ['i-*', 'x?'] } },
  { StringNotLike: { 'aws:PrincipalArn': '*:role/*' } },
  { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } },
  { StringLike: { 'aws:PrincipalTag/team': '${aws:username}' } },
  { StringEquals: { 'aws:SourceArn': 'arn:aws:connect:${aws:RequestedRegion}:*' } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team*', 'cost'] } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
  { ArnNotEquals: { 'aws:SourceArn': instance } },
  { ArnLike: { 'aws:SourceArn': 'arn:aws:connect:*:123456789012:instance/*' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { Null: { 'aws:PrincipalTag/team': 'true' } },
  { Null: { 'aws:TagKeys': 'false' } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
  { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
  { NotIpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
] as const
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: policy variables, not templates

/** Principal elements of a resource-based policy, `NotPrincipal` included. */
const principals = [
  { Principal: '*' },
  { Principal: { AWS: account } },
  { Principal: { AWS: `arn:aws:iam::${account}:root` } },
  { Principal: { AWS: `arn:aws:iam::${account}:role/Agent` } },
  { Principal: { AWS: `arn:aws:iam::${account}:user/maria` } },
  { Principal: { AWS: `arn:aws:sts::${account}:assumed-role/Agent/maria` } },
  { Principal: { AWS: `arn:aws:iam::${otherAccount}:user/omar` } },
  { Principal: { Service: 'connect.amazonaws.com' } },
  { NotPrincipal: { AWS: `arn:aws:iam::${account}:user/maria` } },
] as const

const some = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 })

type Extra = 'principal' | 'anyone' | 'none'

function arbStatement(extra: Extra): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      // mostly Allow, so that requests get through every layer often enough to test grants
      effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
      notAction: fc.boolean(),
      notResource: fc.boolean(),
      actions: some(actionPatterns),
      resources: some(resourcePatterns),
      condition: fc.option(some(conditions), { nil: undefined, freq: 2 }),
      principal: fc.constantFrom(...principals),
      sid: fc.option(fc.constantFrom('Grant', 'Block', 'S1'), { nil: undefined }),
    })
    .map((spec) => ({
      ...(spec.sid === undefined ? {} : { Sid: spec.sid }),
      Effect: spec.effect,
      ...(extra === 'principal' ? spec.principal : extra === 'anyone' ? { Principal: '*' } : {}),
      [spec.notAction ? 'NotAction' : 'Action']: spec.actions,
      [spec.notResource ? 'NotResource' : 'Resource']: spec.resources,
      ...(spec.condition === undefined ? {} : { Condition: Object.assign({}, ...spec.condition) }),
    }))
}

/** A policy as text, with one to three statements, half of the time after one that allows all. */
function arbPolicy(extra: Extra): fc.Arbitrary<string> {
  const allowAll = {
    Effect: 'Allow',
    ...(extra === 'none' ? {} : { Principal: '*' }),
    Action: '*',
    Resource: '*',
  }
  return fc
    .tuple(fc.boolean(), fc.array(arbStatement(extra), { minLength: 1, maxLength: 3 }))
    .map(([open, statements]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: open ? [allowAll, ...statements] : statements,
      }),
    )
}

const arbLevels = (policy: fc.Arbitrary<string>) =>
  fc.array(fc.array(policy, { minLength: 1, maxLength: 2 }), { maxLength: 2 })

/**
 * Policy sets with every layer AWS evaluates (identity policies, a resource-based policy with
 * principals, a permissions boundary, a session policy, SCP and RCP levels), as texts, whose
 * statements use conditions of every operator family and policy variables.
 */
export const arbPolicySetWithEveryLayer: fc.Arbitrary<PolicySet> = fc
  .record({
    identityPolicies: fc.array(arbPolicy('none'), { minLength: 1, maxLength: 2 }),
    resourcePolicy: fc.option(arbPolicy('principal'), { nil: undefined }),
    permissionsBoundary: fc.option(arbPolicy('none'), { nil: undefined }),
    sessionPolicy: fc.option(arbPolicy('none'), { nil: undefined }),
    serviceControlPolicies: arbLevels(arbPolicy('none')),
    resourceControlPolicies: arbLevels(arbPolicy('anyone')),
  })
  .map((set) => Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined)))

/** Requests from any caller (or none) with context keys the conditions read, some missing. */
export const arbRequestWithContext: fc.Arbitrary<AuthorizationRequest> = fc
  .record({
    action: fc.constantFrom(...requestActions),
    resource: fc.oneof(
      fc.constantFrom(...resources),
      fc.uniqueArray(fc.constantFrom(...resources), { minLength: 1, maxLength: 3 }),
    ),
    principal: fc.option(fc.constantFrom(...callers), { nil: undefined }),
    team: fc.option(fc.constantFrom('blue', 'red', 'maria'), { nil: undefined }),
    tagKeys: fc.option(fc.subarray(['team', 'cost', 'owner']), { nil: undefined }),
    secure: fc.option(fc.boolean(), { nil: undefined }),
    ip: fc.option(fc.constantFrom('203.0.113.9', '198.51.100.1', '2001:db8::1'), {
      nil: undefined,
    }),
    sourceArn: fc.option(fc.constantFrom(instance, `${instance}/queue/q-1`, 'not-an-arn'), {
      nil: undefined,
    }),
    mfaAge: fc.option(fc.constantFrom(60, 7200), { nil: undefined }),
    time: fc.option(fc.constantFrom('2026-06-01T00:00:00Z', '2031-01-01T00:00:00Z'), {
      nil: undefined,
    }),
  })
  .map(({ action, resource, principal, time, ...keys }) => {
    const context: Record<string, unknown> = {
      'aws:PrincipalTag/team': keys.team,
      'aws:TagKeys': keys.tagKeys,
      'aws:SecureTransport': keys.secure,
      'aws:SourceIp': keys.ip,
      'aws:SourceArn': keys.sourceArn,
      'aws:MultiFactorAuthAge': keys.mfaAge,
    }
    return {
      action,
      resource,
      ...(principal === undefined ? {} : { principal }),
      ...(time === undefined ? {} : { time }),
      context,
    }
  })
