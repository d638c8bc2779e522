import type { ApplyingStatement } from './applying-statement.ts'
import { controlLevelDeny } from './control-levels.ts'
import { type DecisionInput, layerVerdicts } from './decision-parts.ts'
import { explicitDeny } from './explicit-deny.ts'
import type { PolicyLayers } from './prepare.ts'
import { requiredLayers } from './required-layers.ts'
import { resourcePolicyGrant } from './resource-policy-grant.ts'
import type { ResourceDecision, StatementTrace } from './result.ts'

/**
 * The decision for one resource: the one decider, for explained and unexplained evaluations
 * alike. Its rules, in the order AWS applies them (*Policy evaluation logic*; *How AWS
 * enforcement code logic evaluates requests to allow or deny access*), each in its own file:
 * 1. an explicit deny wins (`explicitDeny`);
 * 2. every control level must allow (`controlLevelDeny`);
 * 3. what a resource-based policy grants on its own (`resourcePolicyGrant`);
 * 4. which layers must allow (`requiredLayers`).
 *
 * `applying` lists the statements that apply, in the order of the policy set; `present` says
 * which layers the set has; `crossAccount`, whether the resource belongs to another account than
 * the principal; `statements` is the explanation's account of every statement (empty when none
 * is asked for).
 */
export function decideResource(
  resource: string,
  applying: readonly ApplyingStatement[],
  present: PolicyLayers,
  crossAccount: boolean,
  statements: readonly StatementTrace[],
): ResourceDecision {
  const input: DecisionInput = {
    resource,
    applying,
    present,
    crossAccount,
    verdicts: layerVerdicts(applying, present),
    statements,
  }
  return (
    explicitDeny(input) ??
    controlLevelDeny(input) ??
    resourcePolicyGrant(input) ??
    requiredLayers(input)
  )
}
