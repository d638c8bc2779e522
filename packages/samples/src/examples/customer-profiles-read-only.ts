import { canonicalJson } from '../internal/canonical-json.ts'
import { account } from '../internal/example-values.ts'
import type { SampleInput } from '../schema.ts'

const domainName = 'amazon-connect-example-corp'
const domain = (name: string = domainName) => `arn:aws:profile:us-west-2:${account}:domains/${name}`
const objectType = (name: string = domainName) => `${domain(name)}/object-types/CTR`

/** Allow searching profiles and listing their objects in one domain. */
export const customerProfilesReadOnly = {
  id: 'customer-profiles-read-only',
  title: 'Allow reading Customer Profiles data of one domain',
  kind: 'policy',
  services: ['profile'],
  description:
    'Allows searching the profiles of one Customer Profiles domain and listing the objects of a profile. The printed action `profile:ListObjects` does not exist, and listing objects is also authorized on the object type, which the printed Resource leaves out. Printed only in the original version.',
  printed: {
    original: {
      heading: 'Grant read-only access to Customer Profiles data',
      prose:
        'Following is an example for granting read access to the data in Amazon Connect Customer Profiles.',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Action": [ "profile:SearchProfiles", "profile:ListObjects" ], "Resource": "arn:aws:profile:us-west-2:accountID:domains/domainName", "Effect": "Allow" } ] }',
      expectedDiagnostics: [],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['profile:SearchProfiles', 'profile:ListProfileObjects'],
        Resource: [domain(), `${domain()}/object-types/*`],
      },
    ],
  }),
  placeholders: [
    { text: 'accountID', meaning: 'the account that owns the domain', replacement: account },
    {
      text: 'domainName',
      meaning: 'the name of the Customer Profiles domain',
      replacement: domainName,
    },
  ],
  errata: [
    {
      id: 'list-objects-not-an-action',
      versions: ['original'],
      category: 'action',
      severity: 'error',
      what: '`profile:ListObjects` is not an action',
      where: { part: 'text', text: '"profile:ListObjects"' },
      why: 'Customer Profiles has no ListObjects action; the action that lists the objects of a profile is ListProfileObjects. The name matches nothing, so listing objects is never allowed.',
      fix: 'write `profile:ListProfileObjects`',
      reference: 'Service Authorization Reference: Amazon Connect Customer Profiles',
      findings: ['unknown-action'],
    },
    {
      id: 'list-profile-objects-needs-object-type',
      versions: ['original'],
      category: 'resource',
      severity: 'warning',
      what: 'the Resource leaves out the object types',
      where: {
        part: 'text',
        text: '"Resource": "arn:aws:profile:us-west-2:accountID:domains/domainName"',
      },
      why: 'ListProfileObjects is authorized on the domain and on the object type (`domains/<DomainName>/object-types/<ObjectTypeName>`); with only the domain allowed, even the corrected action name is denied',
      fix: 'add `arn:aws:profile:us-west-2:accountID:domains/domainName/object-types/*` to the Resource',
      reference: 'Service Authorization Reference: Amazon Connect Customer Profiles',
    },
    {
      id: 'read-access-is-partial',
      versions: ['original'],
      category: 'prose',
      severity: 'info',
      what: '"read access to the data" covers two calls',
      where: { part: 'prose', text: 'granting read access to the data' },
      why: 'other read actions on the domain, such as BatchGetProfile, GetProfileObjectType and ListProfileObjectTypes, are not allowed',
      fix: 'say which reads are allowed, or add the other read actions',
      reference: 'Service Authorization Reference: Amazon Connect Customer Profiles',
    },
  ],
  expectations: [
    {
      description: 'search the profiles of the domain',
      request: { action: 'profile:SearchProfiles', resource: domain() },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'list the objects of a profile (domain and object type)',
      request: { action: 'profile:ListProfileObjects', resource: [domain(), objectType()] },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { statementIndex: 0 },
    },
    {
      description: 'update a profile: a write',
      request: { action: 'profile:UpdateProfile', resource: domain() },
      documented: 'ImplicitDeny',
    },
    {
      description: 'delete a profile: a write',
      request: { action: 'profile:DeleteProfile', resource: domain() },
      documented: 'ImplicitDeny',
    },
    {
      description: 'add an object to a profile: a write',
      request: { action: 'profile:PutProfileObject', resource: [domain(), objectType()] },
      documented: 'ImplicitDeny',
    },
    {
      description: 'search the profiles of another domain',
      request: { action: 'profile:SearchProfiles', resource: domain('amazon-connect-other-corp') },
      documented: 'ImplicitDeny',
    },
    {
      description: 'list the objects of a profile in another domain',
      request: {
        action: 'profile:ListProfileObjects',
        resource: [domain('amazon-connect-other-corp'), objectType('amazon-connect-other-corp')],
      },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
