import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const userIdentityTakeover: AuditCheck = {
  code: 'user-identity-takeover',
  category: 'administrator',
  severity: 'high',
  title: 'Taking over users by changing their identity',
  question:
    "Can this policy set change a user's identity information (the e-mail address), and so reset that user's password?",
  risk: "Whoever can call `UpdateUserIdentityInfo` can change a user's e-mail address to one they own and reset the password through it, the administrator's included.",
  fix: 'Grant `connect:UpdateUserIdentityInfo` only to the roles that administer users, on the users they administer, and log its calls with CloudTrail.',
  source: awsPages.securityProfileBestPractices,
  query: { kind: 'granted', actions: ['connect:UpdateUserIdentityInfo'] },
}
