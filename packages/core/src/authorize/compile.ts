import { decideRequest, decideResource } from './combine.ts'
import {
  admitsAction,
  admitsResource,
  type CompiledStatement,
  compileStatement,
  traceCompiledStatement,
} from './compiled-statement.ts'
import { contextForResource } from './derived-context.ts'
import type { PolicySet } from './policy-set.ts'
import { prepareIdentityPolicies } from './prepare.ts'
import type { AuthorizationRequest } from './request.ts'
import { type CheckedRequest, checkRequest } from './request-check.ts'
import type { EvaluationError, EvaluationResult, ResourceDecision } from './result.ts'
import { statementRefs } from './statement-ref.ts'

export interface EvaluateOptions {
  /**
   * Whether to account for every statement in the explanation (default `true`). Without it the
   * explanation still names the deciding statements; the decision is the same either way.
   */
  readonly explain?: boolean
}

/** A policy set compiled once, to evaluate many requests. */
export interface CompiledPolicySet {
  /** Present when the set cannot be evaluated; every evaluation then returns these errors. */
  readonly errors?: readonly EvaluationError[]
  evaluate(request: AuthorizationRequest, options?: EvaluateOptions): EvaluationResult
}

/** How many distinct actions keep their candidate statements cached. */
const actionCacheLimit = 4096

/**
 * Parses, checks and compiles a policy set once: patterns are compiled, and the statements that
 * can apply to an action are found once per action and remembered. Decisions are the same as
 * `evaluate`'s.
 */
export function compilePolicies(policies: PolicySet): CompiledPolicySet {
  const prepared = prepareIdentityPolicies(policies.identityPolicies)
  if (prepared.errors !== undefined) {
    const errors = prepared.errors
    return { errors, evaluate: () => ({ errors }) }
  }
  const statements: CompiledStatement[] = prepared.policies.flatMap((policy) => {
    const refs = statementRefs(policy)
    return policy.document.statements.map((statement, index) =>
      compileStatement(statement, refs[index] as (typeof refs)[number], policy.variablesEnabled),
    )
  })
  const candidatesByAction = new Map<string, readonly CompiledStatement[]>()

  function candidatesFor(foldedAction: string): readonly CompiledStatement[] {
    const cached = candidatesByAction.get(foldedAction)
    if (cached !== undefined) return cached
    const found = statements.filter((statement) => admitsAction(statement, foldedAction))
    if (candidatesByAction.size >= actionCacheLimit) candidatesByAction.clear()
    candidatesByAction.set(foldedAction, found)
    return found
  }

  function decideQuickly(request: CheckedRequest, resource: string): ResourceDecision {
    const context = contextForResource(request.context, request.derived, request.action, resource)
    const candidates = candidatesFor(request.foldedAction)
    const applying = candidates.filter((statement) => admitsResource(statement, resource, context))
    const denying = applying.filter((statement) => statement.isDeny)
    const deciding = denying.length > 0 ? denying : applying
    return {
      resource,
      decision:
        denying.length > 0 ? 'ExplicitDeny' : applying.length > 0 ? 'Allow' : 'ImplicitDeny',
      deciding: deciding.map((statement) => statement.ref),
      statements: [],
    }
  }

  function decideExplained(request: CheckedRequest, resource: string): ResourceDecision {
    const context = contextForResource(request.context, request.derived, request.action, resource)
    return decideResource(
      resource,
      statements.map((statement) =>
        traceCompiledStatement(statement, request.action, request.foldedAction, resource, context),
      ),
    )
  }

  return {
    evaluate(request, options) {
      const checked = checkRequest(request)
      if (checked.error !== undefined) return { errors: [checked.error] }
      const decide = options?.explain === false ? decideQuickly : decideExplained
      const resources = checked.request.resources.map((resource) =>
        decide(checked.request, resource),
      )
      return decideRequest(checked.request.action, resources)
    },
  }
}
