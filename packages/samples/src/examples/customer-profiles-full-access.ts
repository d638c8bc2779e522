import { canonicalJson } from '../internal/canonical-json.ts'
import { account, instanceArn } from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const domainName = 'amazon-connect-example-corp'
const domain = (name: string = domainName) => `arn:aws:profile:us-west-2:${account}:domains/${name}`
const objectType = `${domain()}/object-types/CTR`
const printedDeny = 'ImplicitDeny' as const

/** Allow every Customer Profiles action on one domain. */
export const customerProfilesFullAccess = {
  id: 'customer-profiles-full-access',
  title: 'Allow every Customer Profiles action on one domain',
  kind: 'policy',
  services: ['profile'],
  description:
    'Allows `profile:*` on one Amazon Connect Customer Profiles domain. As printed it names only the domain ARN, so actions that are also authorized on something inside the domain (object types, integrations, event streams, …) stay denied; the corrected policy adds the domain’s children. Printed only in the original version.',
  printed: {
    original: {
      heading: 'Grant access to Amazon Connect Customer Profiles',
      prose: lines(
        'Amazon Connect Customer Profiles use profile',
        'as the prefix for actions instead of',
        'connect',
        '. The following policy grants full access to a specific domain in',
        'Amazon Connect Customer Profiles.',
      ),
      text: '{ "Version": "2012-10-17", "Statement": [ { "Action": [ "profile:*" ], "Resource": "arn:aws:profile:us-west-2:accountID:domains/domainName", "Effect": "Allow" } ] }',
      expectedDiagnostics: [],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['profile:*'],
        Resource: [domain(), `${domain()}/*`],
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
      id: 'full-access-misses-domain-children',
      versions: ['original'],
      category: 'resource',
      severity: 'warning',
      what: 'the Resource names the domain but nothing inside it',
      where: { part: 'text', text: '"arn:aws:profile:us-west-2:accountID:domains/domainName"' },
      why: 'many Customer Profiles actions are authorized on the domain and on a resource inside it: object types (`domains/<DomainName>/object-types/<ObjectTypeName>`: ListProfileObjects, PutProfileObject, …), integrations (PutIntegration, GetIntegration), event streams, calculated attributes, segment definitions, layouts and more. With only the domain ARN allowed they are denied, so this is not full access.',
      fix: 'add `arn:aws:profile:us-west-2:accountID:domains/domainName/*` to the Resource',
      reference: 'Service Authorization Reference: Amazon Connect Customer Profiles',
      findings: ['missing-required-resource'],
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
      description: 'create a profile in the domain',
      request: { action: 'profile:CreateProfile', resource: domain() },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'list the objects of a profile: authorized on the domain and the object type',
      request: { action: 'profile:ListProfileObjects', resource: [domain(), objectType] },
      documented: 'Allow',
      printed: { original: printedDeny },
      deciding: { statementIndex: 0 },
    },
    {
      description: 'add an integration to the domain: authorized on the domain and the integration',
      request: {
        action: 'profile:PutIntegration',
        resource: [domain(), `${domain()}/integrations/${instanceArn()}`],
      },
      documented: 'Allow',
      printed: { original: printedDeny },
      deciding: { statementIndex: 0 },
    },
    {
      description: 'search the profiles of another domain',
      request: { action: 'profile:SearchProfiles', resource: domain('amazon-connect-other-corp') },
      documented: 'ImplicitDeny',
    },
    {
      description: 'a domain whose name only starts with the same name is another domain',
      request: { action: 'profile:SearchProfiles', resource: domain(`${domainName}-test`) },
      documented: 'ImplicitDeny',
    },
    {
      description: 'list every domain: authorized on `*`, not on a domain',
      request: { action: 'profile:ListDomains', resource: '*' },
      documented: 'ImplicitDeny',
    },
    {
      description: 'an Amazon Connect action: another service',
      request: { action: 'connect:DescribeInstance', resource: instanceArn() },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
