import { canonicalJson } from '../internal/canonical-json.ts'
import { account } from '../internal/example-values.ts'
import type { SampleInput } from '../schema.ts'

const assistantId = '8c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
const assistant = (id: string = assistantId, region = 'us-west-2') =>
  `arn:aws:wisdom:${region}:${account}:assistant/${id}`

/** Allow querying one Amazon Q in Connect (Wisdom) assistant. */
export const wisdomQueryAssistant = {
  id: 'wisdom-query-assistant',
  title: 'Allow querying one Wisdom assistant',
  kind: 'policy',
  services: ['wisdom'],
  description:
    'Allows `QueryAssistant` on one assistant of Amazon Connect Wisdom (now Amazon Q in Connect, still the `wisdom` prefix). As printed, the action has a trailing space, so it matches no action and the policy allows nothing. Printed only in the original version.',
  printed: {
    original: {
      heading: 'Query Amazon Connect Wisdom only for a specific Assistant',
      prose: 'The following sample policy allows querying only a specific Assistant.',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "wisdom:QueryAssistant " ], "Resource": "arn:aws:wisdom:us-west-2:accountID:assistant/assistantID" } ] }',
      expectedDiagnostics: [],
    },
  },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['wisdom:QueryAssistant'], Resource: assistant() }],
  }),
  placeholders: [
    { text: 'accountID', meaning: 'the account that owns the assistant', replacement: account },
    { text: 'assistantID', meaning: 'the ID of the assistant', replacement: assistantId },
  ],
  errata: [
    {
      id: 'action-trailing-space',
      versions: ['original'],
      category: 'action',
      severity: 'error',
      what: 'the action is written with a trailing space',
      where: { part: 'text', text: '"wisdom:QueryAssistant "' },
      why: 'action names contain no spaces and the whole string is compared, so `wisdom:QueryAssistant ` matches no action: the policy allows nothing',
      fix: 'write `"wisdom:QueryAssistant"`',
      reference: 'IAM User Guide: IAM JSON policy elements: Action',
      findings: ['action-has-whitespace'],
    },
    {
      id: 'service-renamed',
      versions: ['original'],
      category: 'prose',
      severity: 'info',
      what: 'the service is called Amazon Connect Wisdom',
      where: { part: 'heading', text: 'Amazon Connect Wisdom' },
      why: 'the Service Authorization Reference now names the service with the `wisdom` prefix "Amazon Q in Connect"; the prefix and the ARNs did not change',
      fix: 'say "Amazon Q in Connect (formerly Amazon Connect Wisdom)"',
      reference: 'Service Authorization Reference: Amazon Q in Connect',
    },
  ],
  expectations: [
    {
      description: 'query the assistant',
      request: { action: 'wisdom:QueryAssistant', resource: assistant() },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { statementIndex: 0 },
    },
    {
      description: 'action names are case-insensitive',
      request: { action: 'wisdom:queryassistant', resource: assistant() },
      documented: 'Allow',
      printed: { original: 'ImplicitDeny' },
      deciding: { statementIndex: 0 },
    },
    {
      description: 'query another assistant',
      request: {
        action: 'wisdom:QueryAssistant',
        resource: assistant('1f0e9d8c-7b6a-4594-8372-6150f4e3d2c1'),
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'query an assistant with the same ID in another Region',
      request: { action: 'wisdom:QueryAssistant', resource: assistant(assistantId, 'us-east-1') },
      documented: 'ImplicitDeny',
    },
    {
      description: 'read the assistant’s settings: only querying is allowed',
      request: { action: 'wisdom:GetAssistant', resource: assistant() },
      documented: 'ImplicitDeny',
    },
    {
      description: 'get recommendations in a session of the assistant',
      request: {
        action: 'wisdom:GetRecommendations',
        resource: `arn:aws:wisdom:us-west-2:${account}:session/${assistantId}/6d5c4b3a-2918-4736-a5b4-c3d2e1f0a9b8`,
      },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
