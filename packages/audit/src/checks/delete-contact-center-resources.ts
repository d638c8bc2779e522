import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const deleteContactCenterResources: AuditCheck = {
  code: 'delete-contact-center-resources',
  category: 'destruction',
  severity: 'high',
  title: 'Deleting or disconnecting what the contact center runs on',
  question:
    'Can this policy set delete flows, queues, users, security profiles or routing profiles, release phone numbers, or disconnect storage, bots and functions?',
  risk: 'These deletes and disassociations stop calls from being routed, answered or recorded, and some (a released phone number) cannot be taken back.',
  fix: 'Grant them only to the roles that administer the instance, and guard critical resources with a Deny or an SCP.',
  source: awsPages.securityBestPractices,
  query: {
    kind: 'granted',
    actions: [
      'connect:DeleteContactFlow',
      'connect:DeleteContactFlowModule',
      'connect:DeleteQueue',
      'connect:DeleteUser',
      'connect:DeleteSecurityProfile',
      'connect:DeleteRoutingProfile',
      'connect:DeleteHoursOfOperation',
      'connect:DeleteUserHierarchyGroup',
      'connect:ReleasePhoneNumber',
      'connect:DisassociateInstanceStorageConfig',
      'connect:DisassociateBot',
      'connect:DisassociateLexBot',
      'connect:DisassociateLambdaFunction',
    ],
  },
}
