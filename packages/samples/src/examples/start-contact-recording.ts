import { canonicalJson } from '../internal/canonical-json.ts'
import {
  account,
  contactId,
  instanceArn,
  instanceId,
  otherAccount,
  otherInstanceId,
} from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const contact = `${instanceArn()}/contact/${contactId}`

/** Allow starting the recording of contacts in one instance. */
export const startContactRecording = {
  id: 'start-contact-recording',
  title: 'Allow starting contact recording in one instance',
  kind: 'policy',
  services: ['connect'],
  description:
    'Allows `StartContactRecording` on every contact of one instance; the contact ID is a wildcard because each contact gets a new one. The heading speaks of recording actions, but only starting a recording is allowed.',
  printed: {
    original: {
      heading: 'Allow recording actions on a contact',
      prose:
        'The following sample policy allows "start contact recording" on a contact in a specific instance. Since contactID is dynamic, * is used.',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Action": [ "connect:StartContactRecording" ], "Resource": "arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*", "Effect": "Allow" } ] }',
      expectedDiagnostics: [],
    },
    revised: {
      heading: 'Allow recording actions on a contact',
      prose:
        'The following sample policy allows "start contact recording" on a contact in a specific instance. Since contactID is dynamic, * is used.',
      text: lines(
        '{',
        '  "Version": "2012-10-17",',
        '  "Statement": [',
        '    {',
        '      "Action": [',
        '          "connect:StartContactRecording"',
        '      ],',
        '      "Resource": "arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*",',
        '      "Effect": "Allow"',
        '    }',
        '  ]',
        '}',
      ),
      expectedDiagnostics: [],
    },
  },
  comparison: { unchanged: ['heading', 'prose'], whitespaceOnly: ['text'] },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['connect:StartContactRecording'],
        Resource: `${instanceArn()}/contact/*`,
      },
    ],
  }),
  placeholders: [
    { text: 'accountID', meaning: 'the account that owns the instance', replacement: account },
    {
      text: 'instanceId',
      meaning: 'the ID of the Amazon Connect instance',
      replacement: instanceId,
    },
  ],
  errata: [
    {
      id: 'heading-says-recording-actions',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'warning',
      what: 'the heading promises recording actions; the policy allows one',
      where: { part: 'heading', text: 'Allow recording actions' },
      why: 'only StartContactRecording is allowed; StopContactRecording, SuspendContactRecording and ResumeContactRecording, listed further down the page, stay implicitly denied',
      fix: 'title it "Allow starting contact recording", or allow the four recording actions (sample `recording-actions`)',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
  ],
  expectations: [
    {
      description: 'start recording a contact of the instance',
      request: { action: 'connect:StartContactRecording', resource: contact },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'action names are case-insensitive',
      request: { action: 'connect:startcontactrecording', resource: contact },
      documented: 'Allow',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'start recording a contact of another instance',
      request: {
        action: 'connect:StartContactRecording',
        resource: `${instanceArn(otherInstanceId)}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'start recording a contact of an instance with the same ID in another Region',
      request: {
        action: 'connect:StartContactRecording',
        resource: `${instanceArn(instanceId, 'us-east-1')}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'start recording a contact of an instance with the same ID in another account',
      request: {
        action: 'connect:StartContactRecording',
        resource: `${instanceArn(instanceId, 'us-west-2', otherAccount)}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'stop the recording: the policy allows starting only',
      request: { action: 'connect:StopContactRecording', resource: contact },
      documented: 'ImplicitDeny',
    },
    {
      description: 'suspend the recording',
      request: { action: 'connect:SuspendContactRecording', resource: contact },
      documented: 'ImplicitDeny',
    },
    {
      description: 'end the contact itself',
      request: { action: 'connect:StopContact', resource: contact },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
