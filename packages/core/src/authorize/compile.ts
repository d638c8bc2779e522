import { decideRequest, decideResource } from './combine.ts'
import {
  admitsAction,
  admitsResource,
  type CompiledStatement,
  compileStatement,
  traceCompiledStatement,
} from './compiled-statement.ts'
import { isCrossAccount } from './cross-account.ts'
import { contextForResource } from './derived-context.ts'
import type { PolicySet } from './policy-set.ts'
import { preparePolicySet } from './prepare.ts'
import type { AuthorizationRequest } from './request.ts'
import { type CheckedRequest, checkRequest } from './request-check.ts'
import type {
  EvaluationError,
  EvaluationResult,
  ResourceDecision,
  StatementTrace,
} from './result.ts'
import { statementRefs } from './statement-ref.ts'

export interface EvaluateOptions {
  /**
   * Whether to account for every statement in the explanation (default `true`). Without it the
   * explanation still names the deciding statements and the reason; the decision is the same.
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
  const prepared = preparePolicySet(policies)
  if (prepared.errors !== undefined) {
    const errors = prepared.errors
    return { errors, evaluate: () => ({ errors }) }
  }
  const { layers } = prepared
  const statements: CompiledStatement[] = prepared.policies.flatMap((policy) => {
    const refs = statementRefs(policy)
    return policy.document.statements.map((statement, index) =>
      compileStatement(
        statement,
        refs[index] as (typeof refs)[number],
        policy.variablesEnabled,
        layers.hasBoundary,
      ),
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

  function decide(request: CheckedRequest, resource: string, explain: boolean): ResourceDecision {
    const context = contextForResource(request.context, request.derived, request.action, resource)
    const setting = { layers, crossAccount: isCrossAccount(request.principal, resource) }
    if (explain) {
      const traces = statements.map((statement) =>
        traceCompiledStatement(
          statement,
          request.action,
          request.foldedAction,
          resource,
          context,
          request.principal,
        ),
      )
      return decideResource(resource, traces, setting)
    }
    const applying: StatementTrace[] = []
    for (const statement of candidatesFor(request.foldedAction)) {
      const admitted = admitsResource(statement, resource, context, request.principal)
      if (admitted === false) continue
      applying.push({
        statement: statement.ref,
        applies: true,
        elements: admitted === true ? [] : [admitted],
      })
    }
    return { ...decideResource(resource, applying, setting), statements: [] }
  }

  return {
    evaluate(request, options) {
      const checked = checkRequest(request)
      if (checked.error !== undefined) return { errors: [checked.error] }
      const explain = options?.explain !== false
      const resources = checked.request.resources.map((resource) =>
        decide(checked.request, resource, explain),
      )
      return decideRequest(checked.request.action, resources)
    },
  }
}
