import type {
  AuthorizationRequest,
  EvaluationOptions,
  EvaluationResult,
} from '@connect-policy/core'
import { evaluate } from '@connect-policy/core'
import { fillPlaceholders } from '../fill-placeholders.ts'
import type { DocumentVersion, Expectation, Outcome, Sample, StatementPointer } from '../schema.ts'
import { documentVersions, expectationSchema, sampleSchema } from '../schema.ts'
import { outcomeOf } from './outcome-of.ts'
import { toAuthorizationRequest } from './to-authorization-request.ts'

/** One policy text of a sample evaluated against one request. */
export interface TextOutcome {
  readonly outcome: Outcome
  /** The deciding statements, for `Allow` and `ExplicitDeny`. */
  readonly deciding: readonly StatementPointer[]
  readonly result: EvaluationResult
}

/** What every policy text of a sample makes of one expectation's request. */
export interface ExpectationOutcome {
  readonly expectation: Expectation
  /** The outcome the corrected policy should give: `documented`. */
  readonly corrected?: TextOutcome
  /** Each printed policy, with its placeholders filled in. */
  readonly printed: Partial<Record<DocumentVersion, TextOutcome>>
  readonly literal?: TextOutcome
}

function evaluateText(
  request: AuthorizationRequest,
  text: string,
  options: EvaluationOptions,
): TextOutcome {
  const result = evaluate(request, { identityPolicies: [text] }, options)
  const deciding =
    result.errors === undefined
      ? result.explanation.deciding.map((ref) => ({
          ...(ref.sid === undefined ? {} : { sid: ref.sid }),
          statementIndex: ref.statementIndex,
        }))
      : []
  return { outcome: outcomeOf(result), deciding, result }
}

/**
 * Evaluates an expectation's request against the sample's corrected policy, each printed policy
 * (placeholders filled in) and the literal policy, as `@connect-policy/core` decides. The
 * options go to `evaluate` as they are: with the AWS service reference (`{ catalog }`), the
 * decision is the one AWS reaches for the actions as the reference lists them, and each result
 * carries its findings about the request. A value that is not a sample or an expectation (the
 * package's `samples` always are) gives an outcome with no text evaluated.
 */
export function evaluateExpectation(
  sample: Sample,
  expectation: Expectation,
  options: EvaluationOptions = {},
): ExpectationOutcome {
  // a value that is not a sample, or not an expectation, has no text to evaluate
  if (
    !sampleSchema.safeParse(sample).success ||
    !expectationSchema.safeParse(expectation).success
  ) {
    return { expectation, printed: {} }
  }
  const request = toAuthorizationRequest(expectation.request)
  const printed: Partial<Record<DocumentVersion, TextOutcome>> = {}
  for (const version of documentVersions) {
    const text = sample.printed[version]?.text
    if (text !== undefined) {
      printed[version] = evaluateText(request, fillPlaceholders(text, sample.placeholders), options)
    }
  }
  return {
    expectation,
    ...(sample.corrected === undefined
      ? {}
      : { corrected: evaluateText(request, sample.corrected, options) }),
    printed,
    ...(sample.literal === undefined
      ? {}
      : { literal: evaluateText(request, sample.literal.text, options) }),
  }
}
