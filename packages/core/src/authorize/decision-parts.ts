import type { ApplyingStatement } from './applying-statement.ts'
import type { PolicyType } from './policy-set.ts'
import type { PolicyLayers } from './prepare.ts'
import type {
  DecisionValue,
  LayerVerdict,
  ResourceDecision,
  StatementRef,
  StatementTrace,
} from './result.ts'

/** What every decision rule reads about one resource besides its applying statements. */
export interface DecisionInput {
  readonly resource: string
  /** The statements that apply, in the order of the policy set. */
  readonly applying: readonly ApplyingStatement[]
  /** Which layers the set has. */
  readonly present: PolicyLayers
  /** Whether the resource lies in another account than the caller (`isCrossAccount`). */
  readonly crossAccount: boolean
  /** Each present layer's verdict, for the result. */
  readonly verdicts: readonly LayerVerdict[]
  /** The explanation's account of every statement (empty when none is asked for). */
  readonly statements: readonly StatementTrace[]
}

/** A resource's decision, from a rule's verdict. */
export function resourceDecision(
  input: DecisionInput,
  decision: DecisionValue,
  reason: string,
  deciding: readonly StatementRef[],
  blockedBy?: PolicyType,
): ResourceDecision {
  const { resource, verdicts: layers, statements } = input
  return blockedBy === undefined
    ? { resource, decision, layers, reason, deciding, statements }
    : { resource, decision, blockedBy, layers, reason, deciding, statements }
}

/** An implicit deny by the layer that does not allow. */
export function implicitDeny(
  input: DecisionInput,
  blockedBy: PolicyType,
  reason: string,
): ResourceDecision {
  return resourceDecision(input, 'ImplicitDeny', reason, [], blockedBy)
}

/** The verdict of one layer (and level): `Deny` if a statement denies, `Allow` if one allows. */
function layerVerdict(
  applying: readonly ApplyingStatement[],
  policyType: PolicyType,
  level: number | undefined,
): LayerVerdict {
  let verdict: LayerVerdict['verdict'] = 'NoMatch'
  for (const { ref } of applying) {
    if (ref.policyType !== policyType || (level !== undefined && ref.level !== level)) continue
    if (ref.effect === 'Deny') {
      verdict = 'Deny'
      break
    }
    verdict = 'Allow'
  }
  return level === undefined ? { policyType, verdict } : { policyType, level, verdict }
}

/**
 * The verdict of every layer present, in the order the rules read them: resource control levels,
 * service control levels, the resource-based policy, the identity-based policies (always), the
 * permissions boundary, the session policy.
 */
export function layerVerdicts(
  applying: readonly ApplyingStatement[],
  present: PolicyLayers,
): LayerVerdict[] {
  const verdicts: LayerVerdict[] = []
  for (let level = 0; level < present.resourceControlLevels; level++) {
    verdicts.push(layerVerdict(applying, 'resourceControl', level))
  }
  for (let level = 0; level < present.serviceControlLevels; level++) {
    verdicts.push(layerVerdict(applying, 'serviceControl', level))
  }
  if (present.hasResourcePolicy) verdicts.push(layerVerdict(applying, 'resource', undefined))
  verdicts.push(layerVerdict(applying, 'identity', undefined))
  if (present.hasBoundary) verdicts.push(layerVerdict(applying, 'permissionsBoundary', undefined))
  if (present.hasSessionPolicy) verdicts.push(layerVerdict(applying, 'session', undefined))
  return verdicts
}
