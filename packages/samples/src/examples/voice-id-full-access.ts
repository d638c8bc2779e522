import { canonicalJson } from '../internal/canonical-json.ts'
import { account } from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const domainId = 'AbCdEfGhIjKlMnOpQrStUv'
const domain = (id: string = domainId, region = 'us-west-2') =>
  `arn:aws:voiceid:${region}:${account}:domain/${id}`

/** Allow every Voice ID action on one domain. */
export const voiceIdFullAccess = {
  id: 'voice-id-full-access',
  title: 'Allow every Voice ID action on one domain',
  kind: 'policy',
  services: ['voiceid'],
  description:
    'Allows `voiceid:*` on one Amazon Connect Voice ID domain. Every Voice ID action that acts on a domain is authorized on the domain alone, so this is full access to it; creating and listing domains are not domain actions and are not included. Printed only in the original version.',
  printed: {
    original: {
      heading: 'Grant full access to Amazon Connect Voice ID',
      prose: lines(
        'Amazon Connect Voice ID uses voiceid',
        'as the prefix for actions instead of connect.',
        'The following policy grants full access to a specific domain in Amazon Connect Voice ID:',
      ),
      text: '{ "Version": "2012-10-17", "Statement": [ { "Action": [ "voiceid:*" ], "Resource": "arn:aws:voiceid:us-west-2:accountID:domain/domainName", "Effect": "Allow" } ] }',
      expectedDiagnostics: [],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['voiceid:*'], Resource: domain() }],
  }),
  placeholders: [
    { text: 'accountID', meaning: 'the account that owns the domain', replacement: account },
    {
      text: 'domainName',
      meaning: 'the ID of the Voice ID domain (printed as a name, but the ARN holds the ID)',
      replacement: domainId,
    },
  ],
  errata: [
    {
      id: 'domain-name-instead-of-id',
      versions: ['original'],
      category: 'resource',
      severity: 'warning',
      what: 'the ARN is written with the domain name',
      where: { part: 'text', text: 'domain/domainName' },
      why: 'Voice ID domain ARNs hold the domain’s generated ID (`arn:<Partition>:voiceid:<Region>:<Account>:domain/<DomainId>`), not its name; a policy written with the name matches nothing',
      fix: 'use the domain ID, as returned by CreateDomain or ListDomains',
      reference: 'Service Authorization Reference: Amazon Connect Voice ID',
      findings: ['arn-placeholder'],
    },
  ],
  expectations: [
    {
      description: 'describe the domain',
      request: { action: 'voiceid:DescribeDomain', resource: domain() },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'evaluate a session in the domain',
      request: { action: 'voiceid:EvaluateSession', resource: domain() },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'delete a speaker of the domain',
      request: { action: 'voiceid:DeleteSpeaker', resource: domain() },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'update another domain',
      request: { action: 'voiceid:UpdateDomain', resource: domain('ZyXwVuTsRqPoNmLkJiHgFe') },
      documented: 'ImplicitDeny',
    },
    {
      description: 'describe a domain with the same ID in another Region',
      request: { action: 'voiceid:DescribeDomain', resource: domain(domainId, 'eu-west-2') },
      documented: 'ImplicitDeny',
    },
    {
      description: 'list domains: authorized on `*`, not on a domain',
      request: { action: 'voiceid:ListDomains', resource: '*' },
      documented: 'ImplicitDeny',
    },
    {
      description: 'create a domain',
      request: { action: 'voiceid:CreateDomain', resource: '*' },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
