import { canonicalJson } from '../internal/canonical-json.ts'
import {
  contactFlowId,
  contactId,
  instanceArn,
  otherInstanceId,
} from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const instance = instanceArn()
const contact = `${instance}/contact/${contactId}`
const contacts = `${instance}/contact/*`
const flow = `${instance}/contact-flow/${contactFlowId}`
const flows = `${instance}/contact-flow/*`

/** The list of further contact actions to add to the recording role. */
export const moreContactActions = {
  id: 'more-contact-actions',
  title: 'More contact actions for the same role',
  kind: 'prose',
  services: ['connect'],
  description:
    'Prose that suggests adding six more actions to the recording policy, or `connect:*`. Three of the six are not authorized on a contact, so adding them to a policy whose Resource is the contacts of an instance grants nothing; the corrected policy gives each the resource it is authorized on.',
  printed: {
    original: {
      heading: 'Allow more contact Actions in the same role',
      prose: lines(
        'If the same role is used to calling other contact APIs, you can list the following contact actions:',
        '-',
        'GetContactAttributes',
        '-',
        'ListContactFlows',
        '-',
        'StartChatContact',
        '-',
        'StartOutboundVoiceContact',
        '-',
        'StopContact',
        '-',
        'UpdateContactAttributes',
        'Or use a wildcard to allow all contact actions, for example: "connect:*"',
      ),
    },
    revised: {
      heading: 'Allow more contact Actions in the same role',
      prose: lines(
        'If the same role is used to calling other contact APIs, you can list the following contact actions:',
        ' GetContactAttributes',
        ' ListContactFlows',
        ' StartChatContact',
        ' StartOutboundVoiceContact',
        ' StopContact',
        ' UpdateContactAttributes',
        'Or use a wildcard to allow all contact actions, for example: "connect:*"',
      ),
    },
  },
  comparison: { unchanged: ['heading'], whitespaceOnly: [] },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ContactActions',
        Effect: 'Allow',
        Action: [
          'connect:StartContactRecording',
          'connect:GetContactAttributes',
          'connect:StopContact',
          'connect:UpdateContactAttributes',
        ],
        Resource: contacts,
      },
      {
        Sid: 'StartChatContact',
        Effect: 'Allow',
        Action: ['connect:StartChatContact'],
        Resource: [flows, contacts],
      },
      {
        Sid: 'ListContactFlows',
        Effect: 'Allow',
        Action: ['connect:ListContactFlows'],
        Resource: flows,
      },
      {
        Sid: 'StartOutboundVoiceContact',
        Effect: 'Allow',
        Action: ['connect:StartOutboundVoiceContact'],
        Resource: '*',
      },
    ],
  }),
  literal: {
    basis:
      'the corrected recording policy (sample `start-contact-recording`) with the six listed actions added to its Action list, each with the `connect:` prefix, and its Resource unchanged',
    text: canonicalJson({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'connect:StartContactRecording',
            'connect:GetContactAttributes',
            'connect:ListContactFlows',
            'connect:StartChatContact',
            'connect:StartOutboundVoiceContact',
            'connect:StopContact',
            'connect:UpdateContactAttributes',
          ],
          Resource: contacts,
        },
      ],
    }),
  },
  placeholders: [],
  errata: [
    {
      id: 'list-contact-flows-not-a-contact-action',
      versions: ['original', 'revised'],
      category: 'action',
      severity: 'error',
      what: 'ListContactFlows is listed as a contact action',
      where: { part: 'prose', text: 'ListContactFlows' },
      why: 'ListContactFlows is authorized on the flows of an instance (`instance/<InstanceId>/contact-flow/*`), not on a contact; added to a policy whose Resource is `…/contact/*` it is never allowed',
      fix: 'allow it in a statement of its own on `arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact-flow/*`',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
    {
      id: 'start-chat-contact-needs-flow',
      versions: ['original', 'revised'],
      category: 'action',
      severity: 'error',
      what: 'StartChatContact is authorized on a flow, not only on a contact',
      where: { part: 'prose', text: 'StartChatContact' },
      why: 'StartChatContact requires the flow the chat starts in (resource type `contact-flow`; the contact is optional). With only `…/contact/*` allowed, the flow is not, and the call is denied.',
      fix: 'allow it on the flows (`…/contact-flow/*`, or the flow’s ARN) and the contacts',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
    {
      id: 'start-outbound-voice-contact-has-no-resource',
      versions: ['original', 'revised'],
      category: 'action',
      severity: 'error',
      what: 'StartOutboundVoiceContact cannot be allowed on contacts',
      where: { part: 'prose', text: 'StartOutboundVoiceContact' },
      why: 'the Service Authorization Reference lists no resource type for StartOutboundVoiceContact, so only a statement whose Resource is `*` allows it; added to a policy on `…/contact/*` it is never allowed',
      fix: 'allow it in a statement of its own with `"Resource": "*"`',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
    {
      id: 'wildcard-allows-every-connect-action',
      versions: ['original', 'revised'],
      category: 'action',
      severity: 'warning',
      what: '`connect:*` is offered as "all contact actions"',
      where: { part: 'prose', text: '"connect:*"' },
      why: '`connect:*` matches every Amazon Connect action, not only contact actions. With the recording policy’s Resource it allows whatever is authorized on contacts alone (tagging contacts, updating their schedule or routing data, …); in a policy with a wider Resource it grants all of Amazon Connect, deleting the instance included.',
      fix: 'list the contact actions the role needs',
      reference: 'IAM User Guide: IAM JSON policy elements: Action',
    },
    {
      id: 'wildcard-misses-multi-resource-contact-actions',
      versions: ['original', 'revised'],
      category: 'resource',
      severity: 'warning',
      what: 'with the recording policy’s Resource, `connect:*` still misses many contact actions',
      where: { part: 'prose', text: 'allow all contact actions' },
      why: 'contact actions that are also authorized on another resource stay denied: TransferContact (flow and instance), MonitorContact (instance and user), CreateParticipant and GetContactMetrics (instance), StartChatContact and StartTaskContact (flow)',
      fix: 'allow the other resources those actions need as well',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
    {
      id: 'names-without-prefix',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'info',
      what: 'the actions are listed without their `connect:` prefix',
      where: { part: 'prose', text: 'you can list the following contact actions:' },
      why: 'a policy names actions as `service:Action`; the recording list just above prints them with the prefix',
      fix: 'print `connect:GetContactAttributes` and so on',
    },
    {
      id: 'is-used-to-calling',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'info',
      what: '"is used to calling"',
      where: { part: 'prose', text: 'is used to calling' },
      why: 'a slip of the pen',
      fix: 'write "is used to call"',
    },
  ],
  expectations: [
    {
      description: 'read the attributes of a contact of the instance',
      request: { action: 'connect:GetContactAttributes', resource: contact },
      documented: 'Allow',
      deciding: { sid: 'ContactActions', statementIndex: 0 },
    },
    {
      description: 'end a contact of the instance',
      request: { action: 'connect:StopContact', resource: contact },
      documented: 'Allow',
      deciding: { sid: 'ContactActions', statementIndex: 0 },
    },
    {
      description: 'update the attributes of a contact of the instance',
      request: { action: 'connect:UpdateContactAttributes', resource: contact },
      documented: 'Allow',
      deciding: { sid: 'ContactActions', statementIndex: 0 },
    },
    {
      description: 'start a chat in a flow of the instance',
      request: { action: 'connect:StartChatContact', resource: flow },
      documented: 'Allow',
      literal: 'ImplicitDeny',
      deciding: { sid: 'StartChatContact', statementIndex: 1 },
    },
    {
      description: 'start a chat that continues an earlier contact (flow and contact)',
      request: { action: 'connect:StartChatContact', resource: [flow, contact] },
      documented: 'Allow',
      literal: 'ImplicitDeny',
      deciding: { sid: 'StartChatContact', statementIndex: 1 },
    },
    {
      description: 'list the flows of the instance',
      request: { action: 'connect:ListContactFlows', resource: flows },
      documented: 'Allow',
      literal: 'ImplicitDeny',
      deciding: { sid: 'ListContactFlows', statementIndex: 2 },
    },
    {
      description: 'place an outbound call (no resource type, so the resource is `*`)',
      request: { action: 'connect:StartOutboundVoiceContact', resource: '*' },
      documented: 'Allow',
      literal: 'ImplicitDeny',
      deciding: { sid: 'StartOutboundVoiceContact', statementIndex: 3 },
    },
    {
      description: 'end a contact of another instance',
      request: {
        action: 'connect:StopContact',
        resource: `${instanceArn(otherInstanceId)}/contact/${contactId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'describe a contact: not in the list',
      request: { action: 'connect:DescribeContact', resource: contact },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
