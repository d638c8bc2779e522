import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const outsideIntendedInstances: AuditCheck = {
  code: 'outside-intended-instances',
  category: 'isolation',
  severity: 'high',
  title: 'Amazon Connect access outside the intended instances',
  question:
    'Given the instances (and accounts) this policy set is meant for, does it grant Amazon Connect access to anything outside them?',
  risk: 'A policy meant for one contact center that reaches another, or the account-level resources, breaks the isolation between them.',
  fix: 'Name the instances in each Resource (`instance/<id>` and `instance/<id>/*`) or limit with `connect:InstanceId`.',
  source: awsPages.resourceLevelExamples,
  query: { kind: 'outside-instances' },
}
