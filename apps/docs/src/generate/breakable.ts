import { escapeHtml } from '../html.ts'

const isUpper = (char: string) => char >= 'A' && char <= 'Z'
const isLowerOrDigit = (char: string) =>
  (char >= 'a' && char <= 'z') || (char >= '0' && char <= '9')

/**
 * A name as HTML that may wrap between its words and nowhere else: escaped, with a `<wbr>` after
 * each `:`, `/` and `_` and before each capital that starts a word (`Describe<wbr>User`). A browser
 * breaks there only when the column is too narrow; search and copying read the name whole.
 */
export function breakableHtml(name: string): string {
  const pieces: string[] = []
  let start = 0
  for (let index = 1; index < name.length; index++) {
    const before = name[index - 1] ?? ''
    const char = name[index] ?? ''
    const afterSeparator = (before === ':' || before === '/' || before === '_') && char !== before
    const wordStart = isUpper(char) && isLowerOrDigit(before)
    if (afterSeparator || wordStart) {
      pieces.push(name.slice(start, index))
      start = index
    }
  }
  pieces.push(name.slice(start))
  return pieces.map(escapeHtml).join('<wbr>')
}
