import type { ApplyingStatement } from './applying-statement.ts'
import { admitsResource, type CompiledStatement } from './compiled-statement.ts'
import { isCrossAccount } from './cross-account.ts'
import { decideResource } from './decide-resource.ts'
import { contextForResource, type KeyPresence } from './derived-context.ts'
import type { PolicyLayers } from './prepare.ts'
import type { RequestContext } from './request-context.ts'
import type { ResourceDecision, StatementTrace } from './result.ts'

/** Every statement traced, when an explanation is asked for: here, none. */
const noTraces: readonly StatementTrace[] = Object.freeze([])

/**
 * The decision for one resource from the candidate statements of the action (those whose Action
 * or NotAction admits it), without an explanation: the candidates that apply are listed and
 * decided by the one decider, `decideResource`, as an explained evaluation decides them. The
 * request context is built only for a statement with a condition or a variable; `caller` is
 * the caller's own checked context keys; `instanceId`, whether AWS sends `connect:InstanceId`
 * with the action.
 */
export function decideCandidates(
  candidates: readonly CompiledStatement[],
  layers: PolicyLayers,
  action: string,
  principal: string | undefined,
  time: string | number | Date | undefined,
  caller: RequestContext,
  resource: string,
  instanceId: KeyPresence,
): ResourceDecision {
  const applying: ApplyingStatement[] = []
  let context: RequestContext | undefined
  for (const statement of candidates) {
    if (statement.needsContext) {
      context ??= contextForResource(action, principal, time, caller, resource, instanceId)
    }
    const admitted = admitsResource(statement, resource, context, principal)
    if (admitted === false) continue
    applying.push(
      admitted === true
        ? statement.applying
        : { ref: statement.ref, grant: admitted, label: statement.applying.label },
    )
  }
  const crossAccount = isCrossAccount(principal, resource, caller)
  return decideResource(resource, applying, layers, crossAccount, noTraces)
}
