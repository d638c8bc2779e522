import {
  type AuthorizationRequest,
  type Catalog,
  type DecisionValue,
  type EvaluationResult,
  evaluate,
  type NamedPolicy,
  type PolicySet,
} from '@connect-policy/core'
import type { AccountPrincipal } from '../formats/account.ts'
import { isReadSource, type ReadSource } from '../read-source.ts'

/** A principal's policies as the evaluator takes them, and what the export does not hold. */
export interface PrincipalPolicySet {
  readonly set: PolicySet
  /** Managed policies attached, or the boundary named, that the export does not hold. */
  readonly missing: readonly string[]
}

/**
 * The policies that apply to a principal of an account export, as a policy set: its inline and
 * attached managed policies, for a user those of its groups too, and its permissions boundary.
 * Each is named by its label, so that explanations say which one decided.
 */
export function principalPolicySet(
  read: ReadSource,
  principal: AccountPrincipal,
): PrincipalPolicySet {
  if (!isReadSource(read) || !isPrincipal(principal)) return { set: {}, missing: [] }
  const byPath = new Map(read.policies.map((policy) => [policy.path, policy]))
  const missing = [...principal.missingPolicies]
  const named = (path: string): NamedPolicy | undefined => {
    const policy = byPath.get(path)
    if (policy?.projection === undefined) return undefined
    return { name: policy.label, policy: policy.projection.text }
  }
  const identityPolicies = principal.identityPolicies.flatMap((path) => {
    const policy = named(path)
    return policy === undefined ? [] : [policy]
  })
  const boundaryPath = principal.permissionsBoundary
  let permissionsBoundary: NamedPolicy | undefined
  if (boundaryPath !== undefined) {
    permissionsBoundary = named(boundaryPath)
    if (permissionsBoundary === undefined) missing.push(boundaryPath.replace(/^missing:/, ''))
  }
  return {
    set: {
      identityPolicies,
      ...(permissionsBoundary === undefined ? {} : { permissionsBoundary }),
    },
    missing,
  }
}

function isPrincipal(value: unknown): value is AccountPrincipal {
  if (typeof value !== 'object' || value === null) return false
  const principal = value as Partial<AccountPrincipal>
  return (
    typeof principal.kind === 'string' &&
    typeof principal.arn === 'string' &&
    Array.isArray(principal.identityPolicies) &&
    Array.isArray(principal.missingPolicies)
  )
}

/** How a principal's policies decide a request. */
export interface PrincipalAccess {
  readonly principal: AccountPrincipal
  /** The decision, or `unknown` where a policy the export lacks could change it, or errors. */
  readonly decision: DecisionValue | 'unknown'
  /** Why the decision is unknown. */
  readonly reason?: string
  /** The evaluation, with its explanation. */
  readonly result: EvaluationResult
}

export interface PrincipalAccessOptions {
  readonly catalog?: Catalog
  /** Only principals of these kinds; groups are never callers. */
  readonly kinds?: readonly ('user' | 'role')[]
}

/**
 * Which users and roles of an account export can make a request: each one's identity-based
 * policies and boundary decide it as the evaluator does, with the principal as the caller. The
 * export holds no service control policies, resource policies or session policies, so an
 * `Allow` here is what the principal's own policies allow. A request a principal's policies do
 * not allow while it has a managed policy the export lacks is `unknown`: that policy could allow it.
 */
export function principalAccess(
  read: ReadSource,
  request: Omit<AuthorizationRequest, 'principal'>,
  options: PrincipalAccessOptions = {},
): PrincipalAccess[] {
  if (!isReadSource(read) || !Array.isArray(read.principals)) return []
  const given: PrincipalAccessOptions =
    typeof options === 'object' && options !== null ? options : {}
  const kinds = new Set(Array.isArray(given.kinds) ? given.kinds : ['user', 'role'])
  return read.principals
    .filter(isPrincipal)
    .filter((principal) => principal.kind !== 'group' && kinds.has(principal.kind))
    .map((principal) => {
      const { set, missing } = principalPolicySet(read, principal)
      const result = evaluate(
        { ...request, ...(principal.arn === '' ? {} : { principal: principal.arn }) },
        set,
        given.catalog === undefined ? {} : { catalog: given.catalog },
      )
      if (result.errors !== undefined) {
        return {
          principal,
          decision: 'unknown',
          reason: result.errors.map((error) => error.message).join('; '),
          result,
        }
      }
      if (result.decision === 'ImplicitDeny' && missing.length > 0) {
        return {
          principal,
          decision: 'unknown',
          reason: `the export does not hold ${missing.map((arn) => `\`${arn}\``).join(', ')}, which could allow it`,
          result,
        }
      }
      return { principal, decision: result.decision, result }
    })
}
