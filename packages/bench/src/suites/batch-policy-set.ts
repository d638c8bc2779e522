import type { AuthorizationRequest, PolicySet } from '@connect-policy/core'
import { samples } from '@connect-policy/samples'

const account = '123456789012'
const region = 'us-east-1'
const instances = ['00fbeee1-123e-111e-93e3-11111bfbfcc1', '7a1f5e3c-2b44-4e59-9d1e-2f0c4a9b8e77']

/** Resource types of an Amazon Connect instance, as they appear in ARNs. */
const instanceTypes = [
  'agent',
  'queue',
  'contact',
  'routing-profile',
  'security-profile',
  'contact-flow',
  'agent-group',
  'transfer-destination',
  'prompt',
]

/**
 * 100 Amazon Connect ARNs: the two instances, and resources of nine types in each (five of each
 * type per instance), plus phone numbers, which live outside instances.
 */
export function connectResources(): string[] {
  const resources: string[] = []
  for (const instance of instances) {
    const base = `arn:aws:connect:${region}:${account}:instance/${instance}`
    resources.push(base)
    for (const type of instanceTypes) {
      for (let index = 0; index < 5; index++) {
        resources.push(`${base}/${type}/${type}-${index.toString().padStart(4, '0')}`)
      }
    }
  }
  for (let index = 0; resources.length < 100; index++) {
    resources.push(`arn:aws:connect:${region}:${account}:phone-number/number-${index}`)
  }
  return resources
}

const json = (document: unknown) => JSON.stringify(document, null, 2)

/**
 * An identity layer (every documented Amazon Connect example, and a policy that lets the admin
 * read and manage one instance), a permissions boundary (Amazon Connect and its family, without
 * deleting instances) and one level of service control policies (everything, but only in two
 * Regions): the layers a principal of a real organization has.
 */
export function batchPolicySet(): PolicySet {
  const documented = samples.flatMap((sample) =>
    sample.corrected !== undefined && sample.services.includes('connect') ? [sample.corrected] : [],
  )
  const admin = json({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadEverything',
        Effect: 'Allow',
        Action: ['connect:Describe*', 'connect:List*', 'connect:Get*', 'connect:Search*'],
        Resource: '*',
      },
      {
        Sid: 'ManageFirstInstance',
        Effect: 'Allow',
        Action: ['connect:Create*', 'connect:Update*', 'connect:Associate*', 'connect:Tag*'],
        Resource: [
          `arn:aws:connect:${region}:${account}:instance/${instances[0]}`,
          `arn:aws:connect:${region}:${account}:instance/${instances[0]}/*`,
        ],
      },
    ],
  })
  const boundary = json({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['connect:*', 'profile:*', 'wisdom:*', 'voiceid:*', 'app-integrations:*'],
        Resource: '*',
      },
      { Effect: 'Deny', Action: 'connect:DeleteInstance', Resource: '*' },
    ],
  })
  const scp = json({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'OnlyTwoRegions',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-2'] } },
      },
    ],
  })
  return {
    identityPolicies: [...documented, admin],
    permissionsBoundary: boundary,
    serviceControlPolicies: [[scp]],
  }
}

/** Every action × every resource, with an assumed-role caller. */
export function batchRequests(
  actions: readonly string[],
  resources: readonly string[],
): AuthorizationRequest[] {
  const principal = `arn:aws:sts::${account}:assumed-role/ConnectAdmin/maria`
  return actions.flatMap((action) => resources.map((resource) => ({ action, resource, principal })))
}
