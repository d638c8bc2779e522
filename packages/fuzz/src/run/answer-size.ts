/**
 * About how many characters an answer's JSON has (strings counted with their quotes, numbers
 * as written, punctuation one each), counting no further than `limit`: an answer of 100 MB is
 * measured without writing it.
 */
export function answerCharacters(answer: unknown, limit: number): number {
  let count = 0
  const stack: unknown[] = [answer]
  const seen = new Set<object>()
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop()
    if (typeof node === 'string') count += node.length + 2
    else if (typeof node === 'number' || typeof node === 'boolean' || typeof node === 'bigint') {
      count += String(node).length
    } else if (node === null) count += 4
    else if (typeof node === 'object') {
      if (seen.has(node)) continue
      seen.add(node)
      if (Array.isArray(node)) {
        count += 1 + node.length
        for (const item of node) stack.push(item)
      } else {
        for (const [key, value] of Object.entries(node)) {
          if (typeof value === 'function' || value === undefined) continue
          count += key.length + 4
          stack.push(value)
        }
        count += 2
      }
    }
  }
  return count
}
