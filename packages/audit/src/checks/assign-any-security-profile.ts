import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'
import { unnamedIdentifier } from './unnamed.ts'

/** Whether a resource pattern names security profiles by id, without a wildcard. */
function namesSecurityProfile(pattern: string): boolean {
  const at = pattern.lastIndexOf('/security-profile/')
  const id = at < 0 ? '' : pattern.slice(at + '/security-profile/'.length)
  return id !== '' && !id.includes('*') && !id.includes('?')
}

export const assignAnySecurityProfile: AuditCheck = {
  code: 'assign-any-security-profile',
  category: 'administrator',
  severity: 'high',
  title: 'Assigning any security profile, Admin included',
  question:
    'Can this policy set give a user, or a new user, a security profile it does not name, such as Admin?',
  risk: '`UpdateUserSecurityProfiles` and `CreateUser` take the security profiles they assign as resources. Allowed on every security profile, they let the caller make any user, itself included, an administrator of the instance.',
  fix: 'Name the security profiles that may be assigned, or deny the Admin profile as AWS\'s example "Allow create users but deny if you\'re assigned to a specific security profile" does.',
  source: awsPages.resourceLevelExamples,
  query: {
    kind: 'granted',
    actions: ['connect:UpdateUserSecurityProfiles', 'connect:CreateUser'],
    resources: (scope) => [
      `arn:aws:connect:*:*:instance/*/security-profile/${unnamedIdentifier(scope)}`,
    ],
    // a Deny that withholds named profiles is the guard AWS's example documents
    keep: (grant, scope) =>
      grant.resourceTypes.includes('connect:security-profile') &&
      !scope.denied.some(namesSecurityProfile),
  },
}
