import type { DocumentVersion, Expectation, Outcome } from '../schema.ts'
import { documentVersions } from '../schema.ts'
import type { ExpectationOutcome } from './evaluate-expectation.ts'

/** The texts of a sample that an expectation's request is evaluated against. */
export type SampleText = 'corrected' | 'literal' | DocumentVersion

/**
 * The outcome a sample records for one of its texts: `documented` for the corrected policy; for
 * a printing or the literal policy, what `printed` or `literal` says where it differs, else
 * `documented`.
 */
export function recordedOutcome(expectation: Expectation, text: SampleText): Outcome {
  // what is not an expectation records no decision
  if (typeof expectation !== 'object' || expectation === null) return 'rejected'
  if (text === 'corrected') return expectation.documented
  if (text === 'literal') return expectation.literal ?? expectation.documented
  const printed = expectation.printed as Readonly<Record<string, Outcome>> | undefined
  // only a printed text of its own: not a key of any other kind, nor one its prototype has
  const own =
    typeof printed === 'object' &&
    printed !== null &&
    typeof text === 'string' &&
    Object.hasOwn(printed, text)
      ? printed[text]
      : undefined
  return own ?? expectation.documented
}

/** Whether every text of an evaluated expectation gives the outcome its sample records for it. */
export function asRecorded(evaluated: ExpectationOutcome): boolean {
  if (typeof evaluated !== 'object' || evaluated === null) return false
  if (typeof evaluated.printed !== 'object' || evaluated.printed === null) return false
  const { expectation } = evaluated
  const texts: [SampleText, Outcome | undefined][] = [
    ['corrected', evaluated.corrected?.outcome],
    ...documentVersions.map((version): [SampleText, Outcome | undefined] => [
      version,
      evaluated.printed[version]?.outcome,
    ]),
    ['literal', evaluated.literal?.outcome],
  ]
  return texts.every(
    ([text, outcome]) => outcome === undefined || outcome === recordedOutcome(expectation, text),
  )
}
