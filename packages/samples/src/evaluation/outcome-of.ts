import { decisionValues, type EvaluationResult } from '@connect-policy/core'
import type { Outcome } from '../schema.ts'

/**
 * The outcome of an evaluation: its decision, or `rejected` when a policy could not be evaluated
 * (or what is given is no evaluation result).
 */
export function outcomeOf(result: EvaluationResult): Outcome {
  if (typeof result !== 'object' || result === null || result.errors !== undefined)
    return 'rejected'
  return (decisionValues as readonly unknown[]).includes(result.decision)
    ? result.decision
    : 'rejected'
}
