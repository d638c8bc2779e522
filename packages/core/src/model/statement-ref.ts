import type { Effect } from './policy.ts'
import type { PolicyType } from './policy-type.ts'
import type { SourceRange } from './source.ts'

/** Which statement of which policy. */
export interface StatementRef {
  readonly policyType: PolicyType
  /** For service and resource control policies: the organization level, 0 being the root. */
  readonly level?: number
  /** The policy's position among those of its type (and level). */
  readonly policyIndex: number
  /** The name given with the policy, else its `Id`, else `policy #<index>`. */
  readonly policyName: string
  readonly statementIndex: number
  readonly sid?: string
  readonly effect: Effect
  readonly range: SourceRange
}
