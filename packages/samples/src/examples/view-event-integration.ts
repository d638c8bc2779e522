import { canonicalJson } from '../internal/canonical-json.ts'
import { account } from '../internal/example-values.ts'
import type { SampleInput } from '../schema.ts'

const name = 'CustomerEvents'
const eventIntegration = (integration: string, region = 'us-west-2') =>
  `arn:aws:app-integrations:${region}:${account}:event-integration/${integration}`

/** Allow reading one event integration. */
export const viewEventIntegration = {
  id: 'view-event-integration',
  title: 'Allow reading one event integration',
  kind: 'policy',
  services: ['app-integrations'],
  description:
    'Allows `GetEventIntegration` on one Amazon AppIntegrations event integration, named in full. Printed only in the original version.',
  printed: {
    original: {
      heading: 'View specific Amazon AppIntegrations resources',
      prose: 'The following sample policy allows a specific event integrations to be fetched.',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "app-integrations:GetEventIntegration" ], "Resource": "arn:aws:app-integrations:us-west-2:accountID:event-integration/Name" } ] }',
      expectedDiagnostics: [],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['app-integrations:GetEventIntegration'],
        Resource: eventIntegration(name),
      },
    ],
  }),
  placeholders: [
    {
      text: 'accountID',
      meaning: 'the account that owns the event integration',
      replacement: account,
    },
    { text: 'Name', meaning: 'the name of the event integration', replacement: name },
  ],
  errata: [
    {
      id: 'a-specific-event-integrations',
      versions: ['original'],
      category: 'prose',
      severity: 'info',
      what: '"a specific event integrations"',
      where: { part: 'prose', text: 'a specific event integrations' },
      why: 'singular article, plural noun',
      fix: 'write "a specific event integration"',
    },
    {
      id: 'heading-says-resources',
      versions: ['original'],
      category: 'prose',
      severity: 'info',
      what: 'the heading speaks of viewing AppIntegrations resources; the policy reads one event integration',
      where: { part: 'heading', text: 'View specific Amazon AppIntegrations resources' },
      why: 'listing event integrations (ListEventIntegrations, authorized only on `*`) and their associations (ListEventIntegrationAssociations) is not allowed, nor is reading data integrations or applications',
      fix: 'title it "Allow reading a specific event integration"',
      reference: 'Service Authorization Reference: Amazon AppIntegrations',
    },
  ],
  expectations: [
    {
      description: 'read the event integration',
      request: { action: 'app-integrations:GetEventIntegration', resource: eventIntegration(name) },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'read another event integration',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration('OrderEvents'),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'the name is matched in full: `CustomerEvents-v2` is another integration',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration(`${name}-v2`),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'resource names are case-sensitive',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration(name.toLowerCase()),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'read an event integration of the same name in another Region',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration(name, 'us-east-1'),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'update the event integration: reading only',
      request: {
        action: 'app-integrations:UpdateEventIntegration',
        resource: eventIntegration(name),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'list event integrations',
      request: { action: 'app-integrations:ListEventIntegrations', resource: '*' },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
