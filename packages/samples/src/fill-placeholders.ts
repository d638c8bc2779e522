import type { Placeholder } from './schema.ts'

/**
 * Replaces every placeholder of a printed text (`accountID`, `instanceId`, …) with its example
 * value, in the order the placeholders are listed, so that the printed policy can be evaluated
 * against the same requests as the corrected one.
 */
export function fillPlaceholders(text: string, placeholders: readonly Placeholder[]): string {
  return placeholders.reduce(
    (filled, placeholder) => filled.split(placeholder.text).join(placeholder.replacement),
    text,
  )
}
