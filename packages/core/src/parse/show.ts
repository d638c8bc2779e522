/** The longest piece of user text a message quotes, in UTF-16 code units. */
const longest = 48

/**
 * User text as a message quotes it: in backticks, control characters written as `\uXXXX`, and
 * cut with `…` when long, so that a message stays one short line whatever the input.
 */
export function show(text: string): string {
  let end = Math.min(text.length, longest)
  // Never cut a surrogate pair in two.
  const last = text.charCodeAt(end - 1)
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
  const parts: string[] = []
  let runStart = 0
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code < 32 || code === 0x7f) {
      parts.push(text.slice(runStart, index), `\\u${code.toString(16).padStart(4, '0')}`)
      runStart = index + 1
    }
  }
  parts.push(text.slice(runStart, end))
  return `\`${parts.join('')}${end < text.length ? '…' : ''}\``
}
