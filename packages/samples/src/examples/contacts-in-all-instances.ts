import { canonicalJson } from '../internal/canonical-json.ts'
import {
  account,
  contactFlowId,
  contactId,
  instanceArn,
  instanceId,
  otherAccount,
  otherInstanceId,
  queueId,
} from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const instance = instanceArn()
const contact = `${instance}/contact/${contactId}`
const otherContact = `${instanceArn(otherInstanceId)}/contact/${contactId}`

/** Allow every Amazon Connect action on the contacts of every instance. */
export const contactsInAllInstances = {
  id: 'contacts-in-all-instances',
  title: 'Allow every action on the contacts of every instance',
  kind: 'policy',
  services: ['connect'],
  description:
    'Allows `connect:*` on the contacts of every instance of one account in one Region (`instance/*/contact/*`). It allows every action that is authorized on a contact alone; actions that also need another resource, such as a flow or the instance, stay denied.',
  printed: {
    original: {
      heading: 'Allow more resources',
      prose:
        "You can also use a wildcard to allow more resources. For example, here's how to allow all connect actions on all contact resources:",
      text: '{ "Version": "2012-10-17", "Statement": [ { "Action": [ "connect:*" ], "Resource": "arn:aws:connect:us-west-2:accountID:instance/*/contact/*", "Effect": "Allow" } ] }',
      expectedDiagnostics: [],
    },
    revised: {
      heading: 'Allow more resources',
      prose:
        "You can also use a wildcard to allow more resources. For example, here's how to allow contact actions on all contact resources:",
      text: lines(
        '{',
        '    "Version": "2012-10-17",',
        '    "Statement": [',
        '        {',
        '            "Action": [',
        '                "connect:*"',
        '            ],',
        '            "Resource": "arn:aws:connect:us-west-2:accountID:instance/*/contact/*",',
        '            "Effect": "Allow"',
        '        }',
        '    ]',
        '}',
      ),
      expectedDiagnostics: [],
    },
  },
  comparison: { unchanged: ['heading'], whitespaceOnly: ['text'] },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['connect:*'],
        Resource: `arn:aws:connect:us-west-2:${account}:instance/*/contact/*`,
      },
    ],
  }),
  placeholders: [
    { text: 'accountID', meaning: 'the account that owns the instances', replacement: account },
  ],
  errata: [
    {
      id: 'all-actions-overstated',
      versions: ['original'],
      category: 'prose',
      severity: 'warning',
      what: '"all connect actions on all contact resources" is more than the policy allows',
      where: { part: 'prose', text: 'allow all connect actions on all contact resources' },
      why: 'an action authorized on a contact and on another resource needs both allowed. TransferContact (flow and instance), MonitorContact (instance and user), CreateParticipant, GetContactMetrics and StartContactMediaProcessing (instance), StartChatContact and StartTaskContact (flow) stay denied.',
      fix: 'say "every action that acts on a contact alone", or also allow the other resources',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
    {
      id: 'contact-actions-understated',
      versions: ['revised'],
      category: 'prose',
      severity: 'info',
      what: '"contact actions" is not what `connect:*` says',
      where: { part: 'prose', text: 'allow contact actions on all contact resources' },
      why: '`connect:*` is every Amazon Connect action; the Resource alone limits it to what is authorized on contacts, which includes tagging contacts (TagContact, UntagContact) and any such action AWS adds later, and excludes the contact actions that also need another resource (see the original printing)',
      fix: 'name the actions, or say plainly that every action on contacts is allowed',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
  ],
  expectations: [
    {
      description: 'describe a contact of the instance',
      request: { action: 'connect:DescribeContact', resource: contact },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'end a contact of another instance',
      request: { action: 'connect:StopContact', resource: otherContact },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'stop recording a contact of another instance',
      request: { action: 'connect:StopContactRecording', resource: otherContact },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description:
        'tag a contact: not what one calls a contact action, but authorized on a contact',
      request: { action: 'connect:TagContact', resource: contact },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'describe a queue: not a contact',
      request: { action: 'connect:DescribeQueue', resource: `${instance}/queue/${queueId}` },
      documented: 'ImplicitDeny',
    },
    {
      description: 'delete the instance',
      request: { action: 'connect:DeleteInstance', resource: instance },
      documented: 'ImplicitDeny',
    },
    {
      description: 'end a contact of an instance in another Region',
      request: {
        action: 'connect:StopContact',
        resource: `${instanceArn(instanceId, 'us-east-1')}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'end a contact of an instance in another account',
      request: {
        action: 'connect:StopContact',
        resource: `${instanceArn(instanceId, 'us-west-2', otherAccount)}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description:
        'transfer a contact: authorized on the contact, the flow and the instance, and only the contact is allowed',
      request: {
        action: 'connect:TransferContact',
        resource: [contact, `${instance}/contact-flow/${contactFlowId}`, instance],
      },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
