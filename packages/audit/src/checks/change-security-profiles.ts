import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const changeSecurityProfiles: AuditCheck = {
  code: 'change-security-profiles',
  category: 'administrator',
  severity: 'high',
  title: 'Changing security profiles',
  question: 'Can this policy set change what a security profile permits?',
  risk: '`UpdateSecurityProfile` can add permissions to a profile its caller, or anyone, holds, up to those of Admin.',
  fix: 'Grant `connect:UpdateSecurityProfile` only to the roles that administer the instance, on the profiles they own.',
  source: awsPages.securityProfileBestPractices,
  query: { kind: 'granted', actions: ['connect:UpdateSecurityProfile'] },
}
