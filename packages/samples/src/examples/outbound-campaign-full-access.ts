import { canonicalJson } from '../internal/canonical-json.ts'
import { account } from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const campaignId = '4c1b9e6a-2f3d-4a5b-8c7d-9e0f1a2b3c4d'
const campaign = (id: string = campaignId, region = 'us-west-2') =>
  `arn:aws:connect-campaigns:${region}:${account}:campaign/${id}`
const rejected = { original: 'rejected' } as const
const sid = 'AllowConnectCampaignsOperations'

/** Allow managing one outbound campaign. */
export const outboundCampaignFullAccess = {
  id: 'outbound-campaign-full-access',
  title: 'Allow managing one outbound campaign',
  kind: 'policy',
  services: ['connect-campaigns'],
  description:
    'Allows the actions that manage one Amazon Connect outbound campaign: describe, rename, configure, start, pause, resume, stop and delete. As printed it is a statement without its policy document, with a missing and a trailing comma and two action names that do not exist, so AWS refuses it. Printed only in the original version.',
  printed: {
    original: {
      heading: 'Grant access to Amazon Connect outbound campaigns resources',
      prose: lines(
        'Outbound campaigns uses connect-campaign',
        'as the prefix for actions instead of',
        'connect',
        '. The following policy grants full access to a specific outbound campaign.',
      ),
      text: '{ "Sid": "AllowConnectCampaignsOperations", "Effect": "Allow", "Action": [ "connect-campaigns:DeleteCampaign", "connect-campaigns:DescribeCampaign", "connect-campaigns:UpdateCampaignName", "connect-campaigns:GetCampaignState" "connect-campaigns:UpdateOutboundCallConfig", "connect-campaigns:UpdateDialerConfig", "connect-campaigns:PauseCampaign", "connect-campaigns:ResumeCampaign", "connect-campaigns:StopCampaign" ], "Resource": "arn:aws:connect-campaigns:us-west-2:accountID:campaign/campaignId", }',
      expectedDiagnostics: [
        { code: 'bare-statement', line: 1, column: 1 },
        { code: 'missing-comma', line: 1, column: 227 },
        { code: 'trailing-comma', line: 1, column: 499 },
      ],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: sid,
        Effect: 'Allow',
        Action: [
          'connect-campaigns:DeleteCampaign',
          'connect-campaigns:DescribeCampaign',
          'connect-campaigns:UpdateCampaignName',
          'connect-campaigns:GetCampaignState',
          'connect-campaigns:UpdateCampaignOutboundCallConfig',
          'connect-campaigns:UpdateCampaignDialerConfig',
          'connect-campaigns:StartCampaign',
          'connect-campaigns:PauseCampaign',
          'connect-campaigns:ResumeCampaign',
          'connect-campaigns:StopCampaign',
        ],
        Resource: campaign(),
      },
    ],
  }),
  placeholders: [
    { text: 'accountID', meaning: 'the account that owns the campaign', replacement: account },
    { text: 'campaignId', meaning: 'the ID of the outbound campaign', replacement: campaignId },
  ],
  errata: [
    {
      id: 'bare-statement',
      versions: ['original'],
      category: 'policy-grammar',
      severity: 'error',
      what: 'a statement printed without its policy document',
      where: { part: 'text', text: '{ "Sid": "AllowConnectCampaignsOperations"' },
      why: 'a policy is an object with a `Statement` element (and a `Version`); a statement on its own has neither, and IAM refuses it',
      fix: 'wrap it: `{ "Version": "2012-10-17", "Statement": [ … ] }`',
      reference: 'IAM User Guide: Grammar of the IAM JSON policy language',
      findings: ['bare-statement'],
    },
    {
      id: 'missing-comma',
      versions: ['original'],
      category: 'json-syntax',
      severity: 'error',
      what: 'a missing comma after `"connect-campaigns:GetCampaignState"`',
      where: { part: 'text', text: '"connect-campaigns:GetCampaignState"' },
      why: 'array elements are separated by commas; without it the text is not JSON and IAM refuses it',
      fix: 'add the comma',
      reference: 'IAM User Guide: Grammar of the IAM JSON policy language',
      findings: ['missing-comma'],
    },
    {
      id: 'trailing-comma',
      versions: ['original'],
      category: 'json-syntax',
      severity: 'error',
      what: 'a trailing comma after the Resource',
      where: { part: 'text', text: 'campaign/campaignId",' },
      why: 'JSON allows no comma before a closing brace; IAM refuses the document as malformed',
      fix: 'remove the comma',
      reference: 'IAM User Guide: Grammar of the IAM JSON policy language',
      findings: ['trailing-comma'],
    },
    {
      id: 'update-outbound-call-config-not-an-action',
      versions: ['original'],
      category: 'action',
      severity: 'error',
      what: '`connect-campaigns:UpdateOutboundCallConfig` is not an action',
      where: { part: 'text', text: 'connect-campaigns:UpdateOutboundCallConfig' },
      why: 'the action that changes a campaign’s outbound call settings is UpdateCampaignOutboundCallConfig; the printed name matches nothing',
      fix: 'write `connect-campaigns:UpdateCampaignOutboundCallConfig`',
      reference: 'Service Authorization Reference: Amazon Connect Outbound Campaigns',
      findings: ['unknown-action'],
    },
    {
      id: 'update-dialer-config-not-an-action',
      versions: ['original'],
      category: 'action',
      severity: 'error',
      what: '`connect-campaigns:UpdateDialerConfig` is not an action',
      where: { part: 'text', text: 'connect-campaigns:UpdateDialerConfig' },
      why: 'the action that changes a campaign’s dialer settings is UpdateCampaignDialerConfig; the printed name matches nothing',
      fix: 'write `connect-campaigns:UpdateCampaignDialerConfig`',
      reference: 'Service Authorization Reference: Amazon Connect Outbound Campaigns',
      findings: ['unknown-action'],
    },
    {
      id: 'prose-prefix-connect-campaign',
      versions: ['original'],
      category: 'prose',
      severity: 'warning',
      what: 'the prose gives the prefix as `connect-campaign`',
      where: { part: 'prose', text: 'uses connect-campaign' },
      why: 'the prefix is `connect-campaigns`, as the policy itself writes it; a policy written after the prose would name a service that does not exist',
      fix: 'write `connect-campaigns`',
      reference: 'Service Authorization Reference: Amazon Connect Outbound Campaigns',
    },
    {
      id: 'full-access-is-partial',
      versions: ['original'],
      category: 'prose',
      severity: 'warning',
      what: '"full access" to the campaign, but StartCampaign is missing',
      where: { part: 'prose', text: 'grants full access to a specific outbound campaign' },
      why: 'the list can pause, resume and stop the campaign but not start it, and leaves out other actions authorized on a campaign, such as tagging (TagResource, UntagResource) and the schedule and limits settings',
      fix: 'add `connect-campaigns:StartCampaign` (the corrected policy does); for really full access use `connect-campaigns:*` on the campaign ARN',
      reference: 'Service Authorization Reference: Amazon Connect Outbound Campaigns',
    },
  ],
  expectations: [
    {
      description: 'describe the campaign',
      request: { action: 'connect-campaigns:DescribeCampaign', resource: campaign() },
      documented: 'Allow',
      printed: rejected,
      deciding: { sid, statementIndex: 0 },
    },
    {
      description: 'change the campaign’s outbound call settings',
      request: {
        action: 'connect-campaigns:UpdateCampaignOutboundCallConfig',
        resource: campaign(),
      },
      documented: 'Allow',
      printed: rejected,
      deciding: { sid, statementIndex: 0 },
    },
    {
      description: 'change the campaign’s dialer settings',
      request: { action: 'connect-campaigns:UpdateCampaignDialerConfig', resource: campaign() },
      documented: 'Allow',
      printed: rejected,
      deciding: { sid, statementIndex: 0 },
    },
    {
      description: 'pause the campaign',
      request: { action: 'connect-campaigns:PauseCampaign', resource: campaign() },
      documented: 'Allow',
      printed: rejected,
      deciding: { sid, statementIndex: 0 },
    },
    {
      description: 'start the campaign: missing from the printed list, part of full access',
      request: { action: 'connect-campaigns:StartCampaign', resource: campaign() },
      documented: 'Allow',
      printed: rejected,
      deciding: { sid, statementIndex: 0 },
    },
    {
      description: 'delete another campaign',
      request: {
        action: 'connect-campaigns:DeleteCampaign',
        resource: campaign('0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a'),
      },
      documented: 'ImplicitDeny',
      printed: rejected,
    },
    {
      description: 'list campaigns: authorized on `*`, not on a campaign',
      request: { action: 'connect-campaigns:ListCampaigns', resource: '*' },
      documented: 'ImplicitDeny',
      printed: rejected,
    },
    {
      description: 'describe a campaign with the same ID in another Region',
      request: {
        action: 'connect-campaigns:DescribeCampaign',
        resource: campaign(campaignId, 'us-east-1'),
      },
      documented: 'ImplicitDeny',
      printed: rejected,
    },
    {
      description: 'place an outbound call through Amazon Connect: another service',
      request: { action: 'connect:StartOutboundVoiceContact', resource: '*' },
      documented: 'ImplicitDeny',
      printed: rejected,
    },
  ],
} satisfies SampleInput
