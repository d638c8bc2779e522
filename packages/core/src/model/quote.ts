/** `` `text` `` for messages, with long values cut: user text in messages is quoted this way. */
export function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text
  return `\`${shown}\``
}
