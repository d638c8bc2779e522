import { countedCharacters } from '@connect-policy/core'

/** The most characters (whitespace not counted) IAM allows in an inline role policy. */
export const inlineRolePolicyLimit = 10_240

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'
/** Amazon Connect actions of the service reference, by the resource type in their ARNs. */
const actionsByType = {
  agent: [
    'DescribeUser',
    'CreateUser',
    'DeleteUser',
    'UpdateUserHierarchy',
    'UpdateUserIdentityInfo',
    'UpdateUserPhoneConfig',
    'UpdateUserRoutingProfile',
    'UpdateUserSecurityProfiles',
  ],
  queue: [
    'DescribeQueue',
    'CreateQueue',
    'DeleteQueue',
    'UpdateQueueName',
    'UpdateQueueStatus',
    'UpdateQueueMaxContacts',
    'UpdateQueueHoursOfOperation',
    'AssociateQueueQuickConnects',
  ],
  'routing-profile': [
    'DescribeRoutingProfile',
    'CreateRoutingProfile',
    'DeleteRoutingProfile',
    'UpdateRoutingProfileName',
    'UpdateRoutingProfileQueues',
    'UpdateRoutingProfileConcurrency',
    'AssociateRoutingProfileQueues',
    'DisassociateRoutingProfileQueues',
  ],
  'security-profile': [
    'DescribeSecurityProfile',
    'CreateSecurityProfile',
    'DeleteSecurityProfile',
    'UpdateSecurityProfile',
    'ListSecurityProfilePermissions',
    'ListSecurityProfileApplications',
    'AssociateSecurityProfiles',
    'DisassociateSecurityProfiles',
  ],
  'contact-flow': [
    'DescribeContactFlow',
    'CreateContactFlow',
    'DeleteContactFlow',
    'UpdateContactFlowContent',
    'UpdateContactFlowMetadata',
    'UpdateContactFlowName',
    'CreateContactFlowVersion',
    'DeleteContactFlowVersion',
  ],
  prompt: [
    'DescribePrompt',
    'CreatePrompt',
    'DeletePrompt',
    'UpdatePrompt',
    'GetPromptFile',
    'SearchPrompts',
    'ListPrompts',
    'DescribePrompt',
  ],
}
const types = Object.keys(actionsByType) as (keyof typeof actionsByType)[]

function statement(index: number, sid: string) {
  const type = types[index % types.length] ?? 'agent'
  return {
    Sid: sid,
    Effect: index % 5 === 4 ? 'Deny' : 'Allow',
    Action: actionsByType[type].map((name) => `connect:${name}`),
    Resource: [`${instance}/${type}/*`, `${instance}/${type}/team-${index}-*`, instance],
    Condition: {
      StringEquals: { 'aws:ResourceTag/team': `team-${index}` },
      Bool: { 'aws:SecureTransport': 'true' },
    },
  }
}

/**
 * A realistic policy of exactly 10,240 counted characters, the largest inline role policy IAM
 * allows: Amazon Connect statements with actions, ARN patterns and conditions, printed with
 * two-space indentation (so the text itself is longer), the last Sid sized to fill the quota.
 */
export function largestInlinePolicy(): string {
  const print = (statements: readonly unknown[]) =>
    JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
  const statements: unknown[] = []
  while (
    countedCharacters(
      print([...statements, statement(statements.length, 'S'), statement(0, 'Pad')]),
    ) <= inlineRolePolicyLimit
  ) {
    statements.push(statement(statements.length, `Statement${statements.length}`))
  }
  const short = countedCharacters(print([...statements, statement(statements.length, 'P')]))
  const text = print([
    ...statements,
    statement(statements.length, `P${'a'.repeat(inlineRolePolicyLimit - short)}`),
  ])
  if (countedCharacters(text) !== inlineRolePolicyLimit)
    throw new Error('the policy is not 10,240 characters')
  return text
}
