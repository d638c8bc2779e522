import type { Effect } from '../model/index.ts'
import type { PreparedPolicy } from './prepare.ts'
import type { StatementRef } from './result.ts'

/** References to every statement of a prepared policy, in order. */
export function statementRefs(policy: PreparedPolicy): StatementRef[] {
  return policy.document.statements.map((statement, statementIndex) => ({
    policyType: policy.type,
    ...(policy.level === undefined ? {} : { level: policy.level }),
    policyIndex: policy.index,
    policyName: policy.name,
    statementIndex,
    ...(statement.sid === undefined ? {} : { sid: statement.sid.value }),
    // Prepared policies have been checked: every Effect is Allow or Deny.
    effect: statement.effect?.value as Effect,
    range: statement.range,
  }))
}
