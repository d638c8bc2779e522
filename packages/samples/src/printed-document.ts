import type { DocumentVersion, Sample } from './schema.ts'
import { printedParts } from './schema.ts'

/**
 * Rebuilds one printing of the page from the samples, in order: each sample's heading, prose
 * and policy text, one part per run of lines, joined by line breaks.
 */
export function printedDocument(samples: readonly Sample[], version: DocumentVersion): string {
  if (!Array.isArray(samples)) return ''
  return samples
    .flatMap((sample: unknown) => {
      const printed = (sample as Partial<Sample> | null)?.printed?.[version]
      if (typeof printed !== 'object' || printed === null) return []
      return printedParts.flatMap((part) => {
        const text: unknown = printed[part]
        return typeof text === 'string' ? [text] : []
      })
    })
    .join('\n')
}
