export { auditLimits } from './audit-limits.ts'
export type { AuditOptions } from './audit-policy-set.ts'
export { auditPolicySet } from './audit-policy-set.ts'
export type {
  AuditFinding,
  AuditReport,
  AuditWitness,
  CheckOutcome,
  CheckStatus,
} from './audit-result.ts'
export type {
  AuditCategory,
  AuditCheck,
  AuditQuery,
  AuditScope,
  AuditSeverity,
  GrantQuery,
} from './check.ts'
export { auditCategories, auditSeverities } from './check.ts'
export { auditChecks } from './checks/index.ts'
