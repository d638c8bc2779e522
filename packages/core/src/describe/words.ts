import { quoteWhole } from '../model/index.ts'

/** `text` in backticks, in full, as descriptions quote policy values. */
export const quote = quoteWhole

/** `a`, `a and b`, `a, b and c`; `or` instead of `and` when asked. */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`
}

/** `1 action`, `2 actions`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}
