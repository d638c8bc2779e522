/**
 * How user text is quoted, everywhere the toolkit writes it: in backticks. `quote` cuts long
 * values, for findings and errors, which point at the text anyway; `quoteWhole` keeps them, for
 * explanations and descriptions, which are read for the values themselves.
 */

/** `` `text` `` for messages, with long values cut. */
export function quote(text: string): string {
  if (typeof text !== 'string') return quote(describeValue(text))
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text
  return `\`${shown}\``
}

/** A value that is not text, in words: `a number`, `null`, or its text when it has one. */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  return value === null ? 'null' : typeof value
}

/** `` `text` `` in full, for explanations and descriptions. */
export function quoteWhole(text: string): string {
  return `\`${text}\``
}

/** `` `a`, `b`, `c` ``, each in full. */
export function quoteList(values: readonly string[]): string {
  return values.map(quoteWhole).join(', ')
}
