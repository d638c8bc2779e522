/** The longest piece of user text a line of output quotes. */
const longest = 60

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/**
 * Text with its control characters, C1 controls and bidirectional overrides written as
 * `\uXXXX`, so that a policy's text can neither move the terminal's cursor nor reorder a line.
 */
export function escapeControls(text: string): string {
  return text.replace(
    unsafe,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** User text as output quotes it: in backticks, controls escaped, cut with `…` when long. */
export function quote(text: string): string {
  return `\`${escapeControls(text.length > longest ? `${text.slice(0, longest)}…` : text)}\``
}
