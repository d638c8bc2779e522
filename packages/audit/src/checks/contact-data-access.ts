import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const contactDataAccess: AuditCheck = {
  code: 'contact-data-access',
  category: 'data',
  severity: 'medium',
  title: 'Reading contact data',
  question:
    'Can this policy set read contact data: attributes, contact search, real-time analysis segments and attached files?',
  risk: 'Contact attributes, search results, analysis segments and attachments hold what customers said and sent. Through the API, no security profile limits them.',
  fix: 'Grant these actions only to the roles that need customer data, on the instances they serve; limit `SearchContacts` with `connect:SearchContactsByContactAnalysis` where transcripts are not needed.',
  source: awsPages.serviceReference,
  query: {
    kind: 'granted',
    actions: [
      'connect:GetContactAttributes',
      'connect:SearchContacts',
      'connect:DescribeContact',
      'connect:ListRealtimeContactAnalysisSegments',
      'connect:ListRealtimeContactAnalysisSegmentsV2',
      'connect:GetAttachedFile',
      'connect:BatchGetAttachedFileMetadata',
    ],
  },
}
