import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const deleteInstance: AuditCheck = {
  code: 'delete-instance',
  category: 'destruction',
  severity: 'critical',
  title: 'Deleting an instance',
  question: 'Can this policy set delete an Amazon Connect instance?',
  risk: '`DeleteInstance` removes the contact center with its users, flows, queues and phone number associations; it cannot be undone.',
  fix: 'Deny `connect:DeleteInstance` (in an SCP, as AWS recommends for critical resources, or in the role) except for a break-glass role.',
  source: awsPages.securityBestPractices,
  query: { kind: 'granted', actions: ['connect:DeleteInstance'] },
}
