import { canonicalJson } from '../internal/canonical-json.ts'
import { account } from '../internal/example-values.ts'
import type { SampleInput } from '../schema.ts'

const eventIntegration = (name: string, region = 'us-west-2') =>
  `arn:aws:app-integrations:${region}:${account}:event-integration/${name}`

/** Allow the event integration actions for integrations whose name has a given prefix. */
export const eventIntegrationsNamePrefix = {
  id: 'event-integrations-name-prefix',
  title: 'Allow event integration actions by name prefix',
  kind: 'policy',
  services: ['app-integrations'],
  description:
    'Allows creating, reading, updating and deleting Amazon AppIntegrations event integrations whose name starts with `MyNamePrefix-`, in any Region and account, and listing event integrations. As printed it allows nothing: the ARN names a service that does not exist and one action prefix is misspelled. Printed only in the original version, without any explanation.',
  printed: {
    original: {
      heading: 'Allow actions for integrations with specific names',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Sid": "AllowAllAppIntegrationsActions", "Effect": "Allow", "Action": [ "app-integrations:ListEventIntegrations", "app-integrations:CreateEventIntegration", "app-integrations:GetEventIntegration", "app-integrations:UpdateEventIntegration", "app-integartions:DeleteEventIntegration" ], "Resource":"arn:aws:appintegrations:*:*:event-integration/MyNamePrefix-*" } ] }',
      expectedDiagnostics: [],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EventIntegrationsNamedMyNamePrefix',
        Effect: 'Allow',
        Action: [
          'app-integrations:CreateEventIntegration',
          'app-integrations:GetEventIntegration',
          'app-integrations:UpdateEventIntegration',
          'app-integrations:DeleteEventIntegration',
        ],
        Resource: 'arn:aws:app-integrations:*:*:event-integration/MyNamePrefix-*',
      },
      {
        Sid: 'ListEventIntegrations',
        Effect: 'Allow',
        Action: ['app-integrations:ListEventIntegrations'],
        Resource: '*',
      },
    ],
  }),
  placeholders: [],
  errata: [
    {
      id: 'arn-service-appintegrations',
      versions: ['original'],
      category: 'resource',
      severity: 'error',
      what: 'the Resource ARN names the service `appintegrations`',
      where: { part: 'text', text: 'arn:aws:appintegrations:' },
      why: 'event integration ARNs have the service `app-integrations` (`arn:<Partition>:app-integrations:<Region>:<Account>:event-integration/<EventIntegrationName>`). The pattern matches no real ARN, so the statement allows nothing at all.',
      fix: 'write `arn:aws:app-integrations:*:*:event-integration/MyNamePrefix-*`',
      reference: 'Service Authorization Reference: Amazon AppIntegrations',
      findings: ['unknown-arn-service'],
    },
    {
      id: 'misspelled-service-prefix',
      versions: ['original'],
      category: 'action',
      severity: 'error',
      what: 'the action prefix `app-integartions` is misspelled',
      where: { part: 'text', text: 'app-integartions' },
      why: 'no service has that prefix, so DeleteEventIntegration is never allowed, even once the ARN is fixed',
      fix: 'write `app-integrations:DeleteEventIntegration`',
      reference: 'Service Authorization Reference: Amazon AppIntegrations',
      findings: ['unknown-service'],
    },
    {
      id: 'list-needs-resource-star',
      versions: ['original'],
      category: 'action',
      severity: 'warning',
      what: 'ListEventIntegrations cannot be limited to integration names',
      where: { part: 'text', text: '"app-integrations:ListEventIntegrations"' },
      why: 'ListEventIntegrations has no resource type: only a statement whose Resource is `*` allows it, never one that names event integrations',
      fix: 'allow it in a statement of its own with `"Resource": "*"`',
      reference: 'Service Authorization Reference: Amazon AppIntegrations',
      findings: ['action-needs-resource-star'],
    },
    {
      id: 'sid-claims-all-actions',
      versions: ['original'],
      category: 'prose',
      severity: 'info',
      what: 'the Sid says all AppIntegrations actions',
      where: { part: 'text', text: 'AllowAllAppIntegrationsActions' },
      why: 'the statement names five event integration actions; data integrations, applications and associations are not included',
      fix: 'name the Sid after what it allows, such as `EventIntegrationsNamedMyNamePrefix`',
    },
    {
      id: 'heading-says-specific-names',
      versions: ['original'],
      category: 'prose',
      severity: 'info',
      what: 'the heading speaks of integrations with specific names, and nothing explains the policy',
      where: { part: 'heading', text: 'integrations with specific names' },
      why: 'the policy is about event integrations whose name starts with a prefix, which the heading does not say',
      fix: 'say "Allow event integration actions for integrations whose name starts with a prefix" and explain the `MyNamePrefix-*` pattern',
    },
  ],
  expectations: [
    {
      description: 'read an event integration whose name has the prefix',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration('MyNamePrefix-Orders'),
      },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { sid: 'EventIntegrationsNamedMyNamePrefix', statementIndex: 0 },
    },
    {
      description: 'update an event integration whose name has the prefix',
      request: {
        action: 'app-integrations:UpdateEventIntegration',
        resource: eventIntegration('MyNamePrefix-Orders'),
      },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { sid: 'EventIntegrationsNamedMyNamePrefix', statementIndex: 0 },
    },
    {
      description: 'create an event integration with the prefix in another Region',
      request: {
        action: 'app-integrations:CreateEventIntegration',
        resource: eventIntegration('MyNamePrefix-Returns', 'eu-west-1'),
      },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { sid: 'EventIntegrationsNamedMyNamePrefix', statementIndex: 0 },
    },
    {
      description: 'delete an event integration whose name has the prefix',
      request: {
        action: 'app-integrations:DeleteEventIntegration',
        resource: eventIntegration('MyNamePrefix-Orders'),
      },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { sid: 'EventIntegrationsNamedMyNamePrefix', statementIndex: 0 },
    },
    {
      description: 'list event integrations (no resource type, so the resource is `*`)',
      request: { action: 'app-integrations:ListEventIntegrations', resource: '*' },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { sid: 'ListEventIntegrations', statementIndex: 1 },
    },
    {
      description: 'read an event integration whose name lacks the prefix',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration('OtherTeam-Orders'),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'resource names are case-sensitive: `mynameprefix-` is not `MyNamePrefix-`',
      request: {
        action: 'app-integrations:GetEventIntegration',
        resource: eventIntegration('mynameprefix-orders'),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'delete a data integration: not an event integration action',
      request: {
        action: 'app-integrations:DeleteDataIntegration',
        resource: `arn:aws:app-integrations:us-west-2:${account}:data-integration/3f2e1d0c-9b8a-4765-8432-10fedcba9876`,
      },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
