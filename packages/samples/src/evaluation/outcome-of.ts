import type { EvaluationResult } from '@connect-policy/core'
import type { Outcome } from '../schema.ts'

/** The outcome of an evaluation: its decision, or `rejected` when a policy could not be evaluated. */
export function outcomeOf(result: EvaluationResult): Outcome {
  return result.errors === undefined ? result.decision : 'rejected'
}
