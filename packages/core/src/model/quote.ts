/** `` `text` `` for messages, with long values cut: user text in messages is quoted this way. */
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
