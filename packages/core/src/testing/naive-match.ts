/**
 * The simplest correct glob matcher, for testing the fast one: a table over every prefix of the
 * pattern and the text, straight from the definition of `*` (any run, even empty) and `?` (one
 * character). Quadratic, so only for small inputs.
 */
export function naiveWildcardMatch(pattern: string, text: string): boolean {
  // row[j]: whether the pattern's first i characters match the text's first j characters
  let row: boolean[] = Array.from({ length: text.length + 1 }, (_, j) => j === 0)
  for (const symbol of pattern) {
    const next: boolean[] = [symbol === '*' && (row[0] ?? false)]
    for (let j = 1; j <= text.length; j++) {
      if (symbol === '*') next[j] = (row[j] ?? false) || (next[j - 1] ?? false)
      else next[j] = (row[j - 1] ?? false) && (symbol === '?' || symbol === text[j - 1])
    }
    row = next
  }
  return row[text.length] ?? false
}

/**
 * ARN matching by its definition: the first five colon-separated fields one by one, then the
 * rest as a whole; a pattern of fewer fields whose last field ends in `*` lets that star take
 * the rest of the ARN; anything that is not an ARN as a plain pattern.
 */
export function naiveResourceMatch(pattern: string, resource: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === resource
  const patternFields = pattern.split(':')
  const isFullArn = pattern.startsWith('arn:') && patternFields.length >= 6
  const isShortArn = pattern.startsWith('arn:') && patternFields.length < 6 && pattern.endsWith('*')
  if (!isFullArn && !isShortArn) return naiveWildcardMatch(pattern, resource)
  const resourceFields = resource.split(':')
  const fieldCount = Math.min(patternFields.length, 6)
  if (resourceFields[0] !== 'arn' || resourceFields.length < fieldCount) return false
  for (let index = 1; index < fieldCount - 1; index++) {
    if (!naiveWildcardMatch(patternFields[index] ?? '', resourceFields[index] ?? '')) return false
  }
  const lastPattern = patternFields.slice(fieldCount - 1).join(':')
  const lastValue = resourceFields.slice(fieldCount - 1).join(':')
  return naiveWildcardMatch(lastPattern, lastValue)
}
