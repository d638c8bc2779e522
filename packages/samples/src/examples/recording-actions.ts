import { canonicalJson } from '../internal/canonical-json.ts'
import { contactId, instanceArn, otherInstanceId } from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const contact = `${instanceArn()}/contact/${contactId}`
const allowed = (action: string) => ({
  description: `${action.replace('connect:', '')} on a contact of the instance`,
  request: { action, resource: contact },
  documented: 'Allow' as const,
  deciding: { statementIndex: 0 },
})

/** The list of contact recording actions. */
export const recordingActions = {
  id: 'recording-actions',
  title: 'The contact recording actions',
  kind: 'prose',
  services: ['connect'],
  description:
    'The four actions behind the contact recording APIs. The corrected policy allows all four on the contacts of one instance, which is what the heading of the recording example promises.',
  printed: {
    original: {
      prose: lines(
        'The following actions are defined for the recording APIs:',
        '-',
        '"connect:StartContactRecording"',
        '-',
        '"connect:StopContactRecording"',
        '-',
        '"connect:SuspendContactRecording"',
        '-',
        '"connect:ResumeContactRecording"',
      ),
    },
    revised: {
      prose: lines(
        'The following actions are defined for the recording APIs:',
        ' "connect:StartContactRecording"',
        ' "connect:StopContactRecording"',
        ' "connect:SuspendContactRecording"',
        ' "connect:ResumeContactRecording"',
      ),
    },
  },
  comparison: { unchanged: [], whitespaceOnly: [] },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          'connect:StartContactRecording',
          'connect:StopContactRecording',
          'connect:SuspendContactRecording',
          'connect:ResumeContactRecording',
        ],
        Resource: `${instanceArn()}/contact/*`,
      },
    ],
  }),
  placeholders: [],
  errata: [],
  expectations: [
    allowed('connect:StartContactRecording'),
    allowed('connect:StopContactRecording'),
    allowed('connect:SuspendContactRecording'),
    allowed('connect:ResumeContactRecording'),
    {
      description: 'end the contact: not a recording action',
      request: { action: 'connect:StopContact', resource: contact },
      documented: 'ImplicitDeny',
    },
    {
      description: 'stop recording a contact of another instance',
      request: {
        action: 'connect:StopContactRecording',
        resource: `${instanceArn(otherInstanceId)}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
