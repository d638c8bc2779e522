import { compileWildcard, matchesWildcard, type WildcardPattern } from './wildcard.ts'

/**
 * An `Action` pattern compiled for matching. Action names are case-insensitive
 * (*IAM JSON policy elements: Action*): the pattern is folded to lower case once, and callers
 * fold the action once per request.
 */
export interface ActionPattern {
  readonly source: string
  readonly folded: WildcardPattern
  /** The lower-case service prefix when it holds no wildcard: lets callers index statements. */
  readonly service?: string
}

export function compileActionPattern(source: string): ActionPattern {
  const folded = compileWildcard(source.toLowerCase())
  const colon = source.indexOf(':')
  const prefix = colon < 0 ? undefined : source.slice(0, colon).toLowerCase()
  if (prefix === undefined || prefix.includes('*') || prefix.includes('?')) {
    return { source, folded }
  }
  return { source, folded, service: prefix }
}

/** Whether an action already folded to lower case matches the pattern. */
export function matchesAction(pattern: ActionPattern, foldedAction: string): boolean {
  return matchesWildcard(pattern.folded, foldedAction)
}

/** Whether `action` matches `pattern`, ignoring case: for one-off checks. */
export function actionMatch(pattern: string, action: string): boolean {
  if (typeof pattern !== 'string' || typeof action !== 'string') return false
  return matchesWildcard(compileWildcard(pattern.toLowerCase()), action.toLowerCase())
}
