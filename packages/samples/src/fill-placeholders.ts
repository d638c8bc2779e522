import { type Placeholder, placeholderSchema } from './schema.ts'

/**
 * Replaces every placeholder of a printed text (`accountID`, `instanceId`, …) with its example
 * value, in the order the placeholders are listed, so that the printed policy can be evaluated
 * against the same requests as the corrected one. Entries that are not placeholders are left
 * out; a text that is not one fills to the empty text.
 */
export function fillPlaceholders(text: string, placeholders: readonly Placeholder[]): string {
  if (typeof text !== 'string') return ''
  const list = Array.isArray(placeholders) ? placeholders : []
  return list.reduce(
    (filled, placeholder) =>
      placeholderSchema.safeParse(placeholder).success
        ? filled.split(placeholder.text).join(placeholder.replacement)
        : filled,
    text,
  )
}
