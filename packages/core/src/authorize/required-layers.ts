import { type ApplyingStatement, applyingWith, labels, refsOf } from './applying-statement.ts'
import { controlAllows } from './control-levels.ts'
import { type DecisionInput, implicitDeny, resourceDecision } from './decision-parts.ts'
import { roleResourceAllows } from './resource-policy-grant.ts'
import type { ResourceDecision } from './result.ts'

const none: readonly ApplyingStatement[] = Object.freeze([])

/**
 * Which layers must allow, once no Deny applies, every control level allows and no
 * resource-based policy grants on its own (*Policy evaluation logic*; *Cross-account policy
 * evaluation logic*; *Permissions boundaries for IAM entities*):
 * - an identity-based policy, unless a same-account resource-based policy names the caller's
 *   role (a grant to the role reaches its sessions);
 * - across accounts, the resource-based policy as well: both accounts must allow;
 * - the permissions boundary, where the principal has one; it grants nothing itself;
 * - the session policy, where the session has one; it grants nothing itself.
 * The first layer that does not allow implicitly denies the request, named in `blockedBy`;
 * otherwise the request is allowed by the granting statements, and the boundary's, session
 * policy's and control levels' Allows are listed as deciding too. Scenarios:
 * `required-layers.scenarios.json`.
 */
export function requiredLayers(input: DecisionInput): ResourceDecision {
  const { applying, present, crossAccount } = input
  const identity = applyingWith(applying, 'Allow', 'identity')
  const resource = present.hasResourcePolicy ? applyingWith(applying, 'Allow', 'resource') : none
  const role = crossAccount || resource.length === 0 ? none : roleResourceAllows(applying)
  if (crossAccount && resource.length === 0) {
    const reason = 'across accounts the resource-based policy must allow, and none does'
    return implicitDeny(input, 'resource', reason)
  }
  if (role.length === 0 && identity.length === 0) {
    return implicitDeny(input, 'identity', 'no identity-based policy allows the request')
  }
  const boundary = present.hasBoundary
    ? applyingWith(applying, 'Allow', 'permissionsBoundary')
    : none
  if (present.hasBoundary && boundary.length === 0) {
    const reason = 'the permissions boundary does not allow the request'
    return implicitDeny(input, 'permissionsBoundary', reason)
  }
  const session = present.hasSessionPolicy ? applyingWith(applying, 'Allow', 'session') : none
  if (present.hasSessionPolicy && session.length === 0) {
    return implicitDeny(input, 'session', 'the session policy does not allow the request')
  }
  // the role's grant allows alone only where no identity-based policy does
  const alongside = crossAccount ? resource : role
  const granting: readonly ApplyingStatement[] =
    identity.length === 0 ? role : alongside.length === 0 ? identity : [...identity, ...alongside]
  const deciding = refsOf(granting, boundary, session, controlAllows(input))
  return resourceDecision(input, 'Allow', `allowed by ${labels(granting)}`, deciding)
}
