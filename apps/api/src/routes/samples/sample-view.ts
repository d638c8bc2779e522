import type { Catalog, Finding } from '@connect-policy/core'
import { validatePolicy } from '@connect-policy/core'
import {
  asRecorded,
  type DocumentVersion,
  documentVersions,
  evaluateExpectation,
  type Sample,
  type TextOutcome,
} from '@connect-policy/samples'
import type { z } from 'zod'
import type { DeepReadonly } from '../../http/handle.ts'
import type { sampleViewSchema, textOutcomeSchema } from './schemas.ts'

export type SampleView = DeepReadonly<z.input<typeof sampleViewSchema>>
type TextOutcomeView = DeepReadonly<z.input<typeof textOutcomeSchema>>

function textOutcomeView(outcome: TextOutcome, explain: boolean): TextOutcomeView {
  const { result } = outcome
  return {
    outcome: outcome.outcome,
    deciding: outcome.deciding,
    ...(result.errors === undefined ? {} : { errors: result.errors }),
    ...(explain && result.errors === undefined ? { explanation: result.explanation } : {}),
  }
}

/**
 * A sample with what this server makes of it: the validator's findings on each of its texts,
 * and every expectation evaluated against the corrected, printed and literal policies.
 */
export function sampleView(sample: Sample, catalog: Catalog, explain: boolean): SampleView {
  const findingsOf = (text: string): Finding[] => validatePolicy(text, { catalog })
  const printed: Partial<Record<DocumentVersion, SampleView['printed']['original']>> = {}
  for (const version of documentVersions) {
    const given = sample.printed[version]
    if (given === undefined) continue
    printed[version] =
      given.text === undefined ? given : { ...given, findings: findingsOf(given.text) }
  }
  return {
    id: sample.id,
    title: sample.title,
    kind: sample.kind,
    services: sample.services,
    description: sample.description,
    printed,
    ...(sample.comparison === undefined ? {} : { comparison: sample.comparison }),
    ...(sample.corrected === undefined
      ? {}
      : { corrected: sample.corrected, correctedFindings: findingsOf(sample.corrected) }),
    ...(sample.literal === undefined
      ? {}
      : { literal: { ...sample.literal, findings: findingsOf(sample.literal.text) } }),
    placeholders: sample.placeholders,
    errata: sample.errata,
    expectations: sample.expectations.map((expectation) => {
      const evaluated = evaluateExpectation(sample, expectation, { catalog })
      const printedOutcomes: Partial<Record<DocumentVersion, TextOutcomeView>> = {}
      for (const version of documentVersions) {
        const outcome = evaluated.printed[version]
        if (outcome !== undefined) printedOutcomes[version] = textOutcomeView(outcome, explain)
      }
      return {
        ...expectation,
        evaluated: {
          asDocumented: evaluated.corrected?.outcome === expectation.documented,
          asRecorded: asRecorded(evaluated),
          ...(evaluated.corrected === undefined
            ? {}
            : { corrected: textOutcomeView(evaluated.corrected, explain) }),
          printed: printedOutcomes,
          ...(evaluated.literal === undefined
            ? {}
            : { literal: textOutcomeView(evaluated.literal, explain) }),
        },
      }
    }),
  }
}
