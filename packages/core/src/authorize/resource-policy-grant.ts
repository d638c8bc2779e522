import type { PrincipalMatchKind } from '../evaluate/principal-match.ts'
import {
  type ApplyingStatement,
  anyApplying,
  applyingWith,
  labels,
  refsOf,
} from './applying-statement.ts'
import { controlAllows } from './control-levels.ts'
import { type DecisionInput, resourceDecision } from './decision-parts.ts'
import type { ResourceDecision } from './result.ts'

/** Principal forms whose grant in a same-account resource policy goes straight to the caller. */
const directGrants: ReadonlySet<PrincipalMatchKind> = new Set<PrincipalMatchKind>([
  'session',
  'user',
  'anyone',
  'service',
  'federated',
  'canonical',
])

/** The Allow statements of the resource-based policy that name the caller directly. */
export function directResourceAllows(applying: readonly ApplyingStatement[]): ApplyingStatement[] {
  return applyingWith(applying, 'Allow', 'resource').filter(
    (statement) => statement.grant !== undefined && directGrants.has(statement.grant),
  )
}

/** The Allow statements of the resource-based policy that name the caller's role. */
export function roleResourceAllows(applying: readonly ApplyingStatement[]): ApplyingStatement[] {
  if (!anyApplying(applying, 'Allow', 'resource')) return []
  return applyingWith(applying, 'Allow', 'resource').filter(
    (statement) => statement.grant === 'role',
  )
}

/**
 * What a resource-based policy grants on its own: in the caller's account, a grant that names
 * the caller's session, IAM user, or everyone (`*`) allows without an identity-based policy, and
 * without the permissions boundary or the session policy limiting it (the grant table of
 * *Permissions boundaries for IAM entities*; *Policy evaluation logic*, "within the same account
 * ... either"). A grant to the role, or to the account, needs more (`requiredLayers`); across
 * accounts no grant is enough on its own (*Cross-account policy evaluation logic*). Scenarios:
 * `resource-policy-grant.scenarios.json`.
 */
export function resourcePolicyGrant(input: DecisionInput): ResourceDecision | undefined {
  if (input.crossAccount || !input.present.hasResourcePolicy) return undefined
  const direct = directResourceAllows(input.applying)
  if (direct.length === 0) return undefined
  const deciding = refsOf(direct, controlAllows(input))
  const reason = `allowed by ${labels(direct)}, which names the caller directly`
  return resourceDecision(input, 'Allow', reason, deciding)
}
