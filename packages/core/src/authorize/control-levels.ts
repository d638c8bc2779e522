import { type ApplyingStatement, anyApplying, applyingWith } from './applying-statement.ts'
import { type DecisionInput, implicitDeny } from './decision-parts.ts'
import { type PolicyType, policyTypeWords } from './policy-set.ts'
import type { ResourceDecision } from './result.ts'

const noneApplying: readonly ApplyingStatement[] = Object.freeze([])

const controlTypes = [
  ['resourceControl', 'resourceControlLevels'],
  ['serviceControl', 'serviceControlLevels'],
] as const

/**
 * Every control level must allow: each level of resource control policies, then of service
 * control policies (root first, down to the account), must have an Allow that applies, or the
 * request is implicitly denied there; a level with no policy allows nothing. They grant nothing
 * themselves (*How AWS enforcement code logic evaluates requests*, the RCP and SCP steps;
 * Organizations, *SCP evaluation*: "every level ... must explicitly allow"). Scenarios:
 * `control-levels.scenarios.json`; laws: `testing/layer-laws.ts`.
 */
export function controlLevelDeny(input: DecisionInput): ResourceDecision | undefined {
  for (const [type, count] of controlTypes) {
    for (let level = 0; level < input.present[count]; level++) {
      if (anyApplying(input.applying, 'Allow', type, level)) continue
      const reason = `no ${policyTypeWords[type as PolicyType].one} at level ${level} allows the request`
      return implicitDeny(input, type, reason)
    }
  }
  return undefined
}

/** The Allow statements of the control levels, resource control policies first, for `deciding`. */
export function controlAllows(input: DecisionInput): readonly ApplyingStatement[] {
  const { present, applying } = input
  if (present.resourceControlLevels === 0 && present.serviceControlLevels === 0) return noneApplying
  return controlTypes.flatMap(([type]) => applyingWith(applying, 'Allow', type))
}
