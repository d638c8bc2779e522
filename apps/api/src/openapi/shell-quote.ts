/** Characters no POSIX shell gives a meaning to inside a word. */
const plain = new Set(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@%+=:,./_-'.split(''),
)

/**
 * A word as a POSIX shell (sh, bash, zsh) reads back exactly: as it is when every character is
 * plain, else in single quotes, inside which nothing is special but the single quote itself,
 * written `'\''` (close the quotes, an escaped quote, open them again).
 */
export function shellQuote(word: string): string {
  if (word !== '' && [...word].every((character) => plain.has(character))) return word
  return `'${word.replaceAll("'", `'\\''`)}'`
}
