import type { ExpectationOutcome } from '../evaluation/evaluate-expectation.ts'
import type { DocumentVersion, Outcome } from '../schema.ts'
import { documentVersions } from '../schema.ts'
import type { DemoRow } from './format-report.ts'

/** The demo row of an evaluated expectation. */
export function toDemoRow(evaluated: ExpectationOutcome): DemoRow {
  const { expectation } = evaluated
  const printed: Partial<Record<DocumentVersion, Outcome>> = {}
  for (const version of documentVersions) {
    const outcome = evaluated.printed[version]
    if (outcome !== undefined) printed[version] = outcome.outcome
  }
  const { resource } = expectation.request
  return {
    action: expectation.request.action,
    resources: typeof resource === 'string' ? [resource] : resource,
    documented: expectation.documented,
    ...(evaluated.corrected === undefined ? {} : { corrected: evaluated.corrected.outcome }),
    printed,
    ...(evaluated.literal === undefined ? {} : { literal: evaluated.literal.outcome }),
    deciding: evaluated.corrected?.deciding ?? [],
  }
}
