import {
  type DocumentVersion,
  type Erratum,
  erratumSchema,
  type PrintedPart,
  type Sample,
} from './schema.ts'

/** Where an erratum is in one printing: a half-open range of UTF-16 offsets into one part. */
export interface ErratumSpan {
  readonly part: PrintedPart
  readonly start: number
  readonly end: number
}

/**
 * Finds an erratum in one printing of its sample: the `occurrence`-th place (1 when not given)
 * where `where.text` starts in the part, counting occurrences that overlap, as the samples'
 * tests count them. Undefined when the printing does not contain the erratum, or what is given
 * is not a sample and one of its errata.
 */
export function locateErratum(
  sample: Sample,
  erratum: Erratum,
  version: DocumentVersion,
): ErratumSpan | undefined {
  if (!erratumSchema.safeParse(erratum).success || typeof sample !== 'object' || sample === null) {
    return undefined
  }
  if (!erratum.versions.includes(version)) return undefined
  const { part, text, occurrence = 1 } = erratum.where
  const printed: unknown = sample.printed?.[version]?.[part]
  if (typeof printed !== 'string') return undefined
  let at = printed.indexOf(text)
  for (let seen = 1; at !== -1 && seen < occurrence; seen++) at = printed.indexOf(text, at + 1)
  return at === -1 ? undefined : { part, start: at, end: at + text.length }
}
