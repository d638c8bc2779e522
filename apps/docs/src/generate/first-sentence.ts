/** Abbreviations whose period ends no sentence. */
const abbreviations = ['e.g.', 'i.e.', 'vs.', 'cf.']

/**
 * The first sentence of a text, for a one-line summary: up to the first `.`, `!` or `?` followed
 * by a space or the end, outside `backtick code` and parentheses (where `1.` or `...` end
 * nothing) and not that of an abbreviation such as `e.g.`. The whole text, trimmed, when it has
 * one sentence or no end mark.
 */
export function firstSentence(text: string): string {
  const trimmed = text.trim()
  let inCode = false
  let depth = 0
  for (let index = 0; index < trimmed.length; index++) {
    const char = trimmed[index]
    if (char === '`') inCode = !inCode
    if (inCode) continue
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && (char === '.' || char === '!' || char === '?')) {
      const next = trimmed[index + 1]
      if (next !== undefined && next !== ' ' && next !== '\n') continue
      const sentence = trimmed.slice(0, index + 1)
      if (char === '.' && abbreviations.some((word) => endsWithWord(sentence, word))) continue
      return sentence
    }
  }
  return trimmed
}

function endsWithWord(sentence: string, word: string): boolean {
  if (!sentence.toLowerCase().endsWith(word)) return false
  const before = sentence[sentence.length - word.length - 1]
  return before === undefined || before === ' ' || before === '('
}
