import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const emergencyAdminAccess: AuditCheck = {
  code: 'emergency-admin-access',
  category: 'administrator',
  severity: 'critical',
  title: 'Emergency administrator login',
  question:
    'Can this policy set log in to an Amazon Connect instance as its emergency administrator?',
  risk: "`connect:AdminGetEmergencyAccessToken` signs the caller in to the instance's admin website from the AWS console as its administrator, whatever security profiles say: full control of the contact center through IAM alone.",
  fix: "Grant it only to a break-glass role, and deny it elsewhere (an SCP, or a Deny in the role's permissions boundary).",
  source: awsPages.emergencyLogin,
  query: { kind: 'granted', actions: ['connect:AdminGetEmergencyAccessToken'] },
}
