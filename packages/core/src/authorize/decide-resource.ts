import type { ApplyingStatement } from './applying-statement.ts'
import { controlLevelDeny } from './control-levels.ts'
import { type DecisionInput, layerVerdicts } from './decision-parts.ts'
import { explicitDeny } from './explicit-deny.ts'
import type { PolicyLayers } from './prepare.ts'
import { requiredLayers } from './required-layers.ts'
import { resourcePolicyGrant } from './resource-policy-grant.ts'
import type { DecisionValue, ResourceDecision, StatementTrace } from './result.ts'

/** One question of a decision rule, as the evaluation flow draws it. */
export interface DecisionStep {
  readonly question: string
  /** What a yes leads to: a decision, or the next question. */
  readonly yes: DecisionValue | 'next'
  readonly no: DecisionValue | 'next'
}

/** A rule of the decision, with the questions it asks, in order. */
export interface DecisionRule {
  /** The rule's function, as its file names it. */
  readonly name: string
  readonly steps: readonly DecisionStep[]
  /** The decision, when this rule reaches one. */
  readonly decide: (input: DecisionInput) => ResourceDecision | undefined
}

/**
 * The rules of a decision for one resource, in the order AWS applies them (*Policy evaluation
 * logic*; *How AWS enforcement code logic evaluates requests to allow or deny access*), each in
 * its own file, with the questions each asks. `decideResource` applies them in this order, and
 * the documentation site draws its evaluation flow from the same list.
 */
export const decisionRules: readonly DecisionRule[] = [
  {
    name: 'explicitDeny',
    steps: [{ question: 'Does a Deny in any policy apply?', yes: 'ExplicitDeny', no: 'next' }],
    decide: explicitDeny,
  },
  {
    name: 'controlLevelDeny',
    steps: [
      { question: 'RCPs: does every level allow?', yes: 'next', no: 'ImplicitDeny' },
      { question: 'SCPs: does every level allow?', yes: 'next', no: 'ImplicitDeny' },
    ],
    decide: controlLevelDeny,
  },
  {
    name: 'resourcePolicyGrant',
    steps: [
      {
        question: 'Does a resource policy of the same account name the caller?',
        yes: 'Allow',
        no: 'next',
      },
    ],
    decide: resourcePolicyGrant,
  },
  {
    name: 'requiredLayers',
    steps: [
      {
        question: 'Does an identity policy allow (across accounts, and the resource policy)?',
        yes: 'next',
        no: 'ImplicitDeny',
      },
      { question: 'Permissions boundary, if any, allows?', yes: 'next', no: 'ImplicitDeny' },
      { question: 'Session policy, if any, allows?', yes: 'Allow', no: 'ImplicitDeny' },
    ],
    decide: requiredLayers,
  },
]

/**
 * The decision for one resource: the one decider, for explained and unexplained evaluations
 * alike, applying `decisionRules` in order; the last rule always decides.
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
  for (const rule of decisionRules) {
    const decided = rule.decide(input)
    if (decided !== undefined) return decided
  }
  // the last rule decides every request the others leave
  return requiredLayers(input)
}
