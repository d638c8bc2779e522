import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'
import { unnamedIdentifier } from './unnamed.ts'

export const federationAnyInstance: AuditCheck = {
  code: 'federation-any-instance',
  category: 'administrator',
  severity: 'high',
  title: 'Federation into instances the policies do not name',
  question: 'Can this policy set get a federation token for an instance it does not name?',
  risk: '`connect:GetFederationToken` signs the caller in to an instance as the Amazon Connect user that matches its IAM identity. Granted on every instance, it opens instances created later, and any user the identity can be matched with.',
  fix: 'Name the instance in the Resource (`instance/<id>`) or limit the statement with `connect:InstanceId`.',
  source: awsPages.federationToken,
  query: {
    kind: 'granted',
    actions: ['connect:GetFederationToken'],
    resources: (scope) => [`arn:aws:connect:*:*:instance/${unnamedIdentifier(scope)}`],
  },
}
