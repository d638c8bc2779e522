import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const outboundMessaging: AuditCheck = {
  code: 'outbound-messaging',
  category: 'toll-fraud',
  severity: 'medium',
  title: 'Outbound chat, e-mail and campaigns',
  question:
    'Can this policy set start outbound chats or e-mails, or create and run outbound campaigns?',
  risk: 'Outbound contacts and campaigns reach customers at scale and are billed per contact: misuse costs money and reputation.',
  fix: 'Grant them only to the roles that run outbound communication, on the flows and campaigns they own.',
  source: awsPages.serviceReference,
  query: {
    kind: 'granted',
    actions: [
      'connect:StartOutboundChatContact',
      'connect:StartOutboundEmailContact',
      'connect-campaigns:CreateCampaign',
      'connect-campaigns:StartCampaign',
      'connect-campaigns:ResumeCampaign',
      'connect-campaigns:PutDialRequestBatch',
      'connect-campaigns:PutOutboundRequestBatch',
      'connect-campaigns:PutProfileOutboundRequestBatch',
    ],
  },
}
