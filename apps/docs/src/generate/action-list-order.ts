import { compareActions } from './action-order.ts'

/**
 * Orders two lists of actions (the actions of a grant, of an audit finding) by their first
 * actions, each list taken in the site's order of actions, then by the next ones; a list that
 * is the start of the other comes first.
 */
export function compareActionLists(a: readonly string[], b: readonly string[]): number {
  const left = [...a].sort(compareActions)
  const right = [...b].sort(compareActions)
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const order = compareActions(left[index] ?? '', right[index] ?? '')
    if (order !== 0) return order
  }
  return left.length - right.length
}
