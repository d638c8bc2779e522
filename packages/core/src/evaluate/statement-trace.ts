import type { ElementMatch, StatementRef, StatementTrace } from '../authorize/result.ts'
import { actionMatch, resourceMatch } from '../match/index.ts'
import type { Located, Statement, StringListElement } from '../model/index.ts'
import { noRange } from '../model/index.ts'
import { elementMessage } from './element-message.ts'

/**
 * Whether one statement applies to one action on one resource, element by element, read straight
 * from the policy document (*Policy evaluation logic*: a statement applies when its Action or
 * NotAction, its Resource or NotResource, and its Condition all match the request).
 *
 * This is the direct reading of the rules, with nothing precompiled; `compilePolicies` gives the
 * same answers faster.
 */
export function traceStatement(
  statement: Statement,
  ref: StatementRef,
  action: string,
  resource: string,
): StatementTrace {
  const elements: ElementMatch[] = []
  if (statement.action !== undefined) {
    elements.push(matchList(statement.action, action, actionMatch))
  }
  if (statement.resource !== undefined) {
    elements.push(matchList(statement.resource, resource, resourceMatch))
  }
  return { statement: ref, applies: elements.every((element) => element.matched), elements }
}

function matchList(
  list: StringListElement<'Action' | 'NotAction' | 'Resource' | 'NotResource'>,
  subject: string,
  matches: (pattern: string, subject: string) => boolean,
): ElementMatch {
  const found: Located<string> | undefined = list.values.find((pattern) =>
    matches(pattern.value, subject),
  )
  const negated = list.element.startsWith('Not')
  const patterns = list.values.map((pattern) => pattern.value)
  return {
    element: list.element,
    matched: negated ? found === undefined : found !== undefined,
    ...(found === undefined ? {} : { pattern: found.value }),
    message: elementMessage(list.element, subject, patterns, found?.value),
    range: found?.range ?? (list.range === undefined ? noRange : list.range),
  }
}
