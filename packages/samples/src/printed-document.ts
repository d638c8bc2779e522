import type { DocumentVersion, Sample } from './schema.ts'
import { printedParts } from './schema.ts'

/**
 * Rebuilds one printing of the page from the samples, in order: each sample's heading, prose
 * and policy text, one part per run of lines, joined by line breaks.
 */
export function printedDocument(samples: readonly Sample[], version: DocumentVersion): string {
  return samples
    .flatMap((sample) => {
      const printed = sample.printed[version]
      if (printed === undefined) return []
      return printedParts.flatMap((part) => {
        const text = printed[part]
        return text === undefined ? [] : [text]
      })
    })
    .join('\n')
}
