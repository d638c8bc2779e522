import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const accountLevelByWildcard: AuditCheck = {
  code: 'account-level-by-wildcard',
  category: 'isolation',
  severity: 'low',
  title: 'Account-level resources reached through a wildcard',
  question:
    'Does this policy set reach claimed phone numbers or traffic distribution groups only through a wildcard, rather than by naming them?',
  risk: 'Phone numbers and traffic distribution groups belong to the account, not to an instance. A wildcard that also reaches them is often an accident.',
  fix: 'Name them (`phone-number/<id>`, `traffic-distribution-group/<id>`) where they are meant, and narrow the wildcard where they are not.',
  source: awsPages.serviceReference,
  query: {
    kind: 'granted',
    actions: ['connect:*'],
    resources: [
      'arn:*:connect:*:*:phone-number/*',
      'arn:*:connect:*:*:traffic-distribution-group/*',
    ],
    keep: (grant) =>
      !grant.within.some((pattern) => /phone-number|traffic-distribution-group/.test(pattern)),
  },
}
