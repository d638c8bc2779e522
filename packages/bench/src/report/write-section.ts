export const startMarker = '<!-- core:start -->'
export const endMarker = '<!-- core:end -->'

/**
 * The document with a section (`core` unless named) replaced by `section`, or added at its end;
 * the rest of the document, other sections included, is kept as it is. An empty document gets a
 * title.
 */
export function withSection(document: string | undefined, section: string, name = 'core'): string {
  const startMarker = `<!-- ${name}:start -->`
  const endMarker = `<!-- ${name}:end -->`
  const block = `${startMarker}\n${section}\n${endMarker}`
  const text = document === undefined || document.trim() === '' ? '# Benchmarks\n' : document
  const start = text.indexOf(startMarker)
  const end = text.indexOf(endMarker, start)
  if (start >= 0 && end > start) {
    return `${text.slice(0, start)}${block}${text.slice(end + endMarker.length)}`
  }
  return `${text.trimEnd()}\n\n${block}\n`
}
