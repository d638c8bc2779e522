import type { DocumentVersion, ErratumSeverity, PrintedPart, Sample } from '@connect-policy/samples'
import {
  documentVersions,
  erratumSeverities,
  locateErratum,
  printedParts,
} from '@connect-policy/samples'
import { escapeHtml } from '../html.ts'
import { type Span, segments } from '../segments.ts'

/** The anchor of an erratum in its example page. */
export const erratumAnchor = (id: string) => `erratum-${id}`

interface MarkKey {
  readonly number: number
  readonly id: string
  readonly severity: ErratumSeverity
  readonly what: string
}

/**
 * One printed part as HTML, each erratum of this printing marked where it is, with its number
 * after it linking to its explanation. Line breaks are written as `&#10;` so that the part stays
 * one line of the Markdown source, which keeps Markdown from reading blank lines of it.
 */
export function markedPart(sample: Sample, version: DocumentVersion, part: PrintedPart): string {
  const text = sample.printed[version]?.[part] ?? ''
  const spans: Span<MarkKey>[] = sample.errata.flatMap((erratum, index) => {
    const span = locateErratum(sample, erratum, version)
    if (span === undefined || span.part !== part) return []
    const key = {
      number: index + 1,
      id: erratum.id,
      severity: erratum.severity,
      what: erratum.what,
    }
    return [{ start: span.start, end: span.end, key }]
  })
  return segments(text.length, spans)
    .map((segment) => {
      const piece = escapeHtml(text.slice(segment.start, segment.end)).replaceAll('\n', '&#10;')
      if (segment.keys.length === 0) return piece
      const worst = [...segment.keys].sort(
        (a, b) => erratumSeverities.indexOf(a.severity) - erratumSeverities.indexOf(b.severity),
      )[0]
      const title = segment.keys.map((key) => `${key.number}. ${key.what}`).join('\n')
      const numbers = segment.keys
        .filter((key) => spans.some((span) => span.key === key && span.end === segment.end))
        .map(
          (key) =>
            `<sup class="erratum-ref"><a href="#${erratumAnchor(key.id)}">${key.number}</a></sup>`,
        )
        .join('')
      const ids = segment.keys.map((key) => key.number).join(' ')
      return `<mark class="erratum severity-${worst?.severity ?? 'info'}" data-errata="${ids}" title="${escapeHtml(title).replaceAll('\n', '&#10;')}">${piece}</mark>${numbers}`
    })
    .join('')
}

/** The printings of the document that print the sample. */
export function printedVersions(sample: Sample): DocumentVersion[] {
  return documentVersions.filter((version) => sample.printed[version] !== undefined)
}

/** The parts of the sample that either printing prints. */
function partsPrinted(sample: Sample): PrintedPart[] {
  return printedParts.filter((part) =>
    documentVersions.some((version) => sample.printed[version]?.[part] !== undefined),
  )
}

/** Which printings to show: one when both print the sample identically, else each that prints it. */
export function printingsToShow(sample: Sample): readonly (DocumentVersion | 'both')[] {
  const present = printedVersions(sample)
  const comparison = sample.comparison
  if (present.length === 2 && comparison !== undefined) {
    if (partsPrinted(sample).every((part) => comparison.unchanged.includes(part))) return ['both']
  }
  return present
}

/** What differs between the printings, in a sentence; undefined when only one prints the sample. */
export function differences(sample: Sample): string | undefined {
  const comparison = sample.comparison
  if (comparison === undefined) return undefined
  const parts = partsPrinted(sample)
  const names: Record<PrintedPart, string> = { heading: 'heading', prose: 'prose', text: 'policy' }
  const said = parts.map((part) => {
    if (comparison.unchanged.includes(part)) return `the ${names[part]} is the same`
    if (comparison.whitespaceOnly.includes(part)) {
      return `the ${names[part]} differs only in whitespace`
    }
    return `the ${names[part]} differs`
  })
  return `${said.join(', ')}.`.replace(/^./, (first) => first.toUpperCase())
}
