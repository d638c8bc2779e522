import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const claimPhoneNumbers: AuditCheck = {
  code: 'claim-phone-numbers',
  category: 'toll-fraud',
  severity: 'medium',
  title: 'Claiming phone numbers',
  question: 'Can this policy set claim phone numbers for the account?',
  risk: 'Each claimed number is billed every month, some countries cost more than others, and a claimed number is another inbound door to a flow.',
  fix: 'Grant `connect:ClaimPhoneNumber` only to the role that provisions numbers, on the instances or traffic distribution groups it provisions for.',
  source: awsPages.serviceReference,
  query: { kind: 'granted', actions: ['connect:ClaimPhoneNumber'] },
}
