import { actionMatch } from '../match/index.ts'
import type { Located, Statement, StatementRef, StringListElement } from '../model/index.ts'
import { conditionMatch } from './condition-match.ts'
import { compileCondition, variableLookup } from './conditions/index.ts'
import { elementMessage } from './element-message.ts'
import { keysReadBy } from './keys-read.ts'
import { principalElementMatch } from './principal-element.ts'
import type { RequestContext } from './request-context.ts'
import { resourceEntryMatches } from './resource-value.ts'
import type { ElementMatch, StatementTrace } from './trace.ts'
import { readWithUnsureKey, unsureKeyNote } from './unsure-key.ts'
import { readsWidely } from './wide-reading.ts'

/** What a statement is checked against: one action, one resource, and the request's context. */
export interface StatementQuestion {
  readonly action: string
  readonly resource: string
  readonly context: RequestContext
  /** Whether the policy's Version lets `${...}` be variables. */
  readonly variablesEnabled: boolean
  /** The caller's ARN or account, when known: Principal elements are matched against it. */
  readonly principal?: string
  /** Whether the caller has a permissions boundary, which changes what NotPrincipal means in a Deny. */
  readonly hasBoundary?: boolean
}

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
  question: StatementQuestion,
): StatementTrace {
  const { context } = question
  if (context.unsure === undefined) return traceIn(statement, ref, question, context)
  const deny = statement.effect?.value === 'Deny'
  const keys = keysReadBy(statement, question.variablesEnabled)
  const { outcome, differed } = readWithUnsureKey(
    context,
    deny,
    (key) => keys.has(key),
    (read) => traceIn(statement, ref, question, read),
    (trace) => trace.applies,
  )
  if (!differed) return outcome
  const key = context.get(context.unsure.key)?.key ?? context.unsure.key
  return { ...outcome, note: unsureKeyNote(key, deny) }
}

/** `traceStatement` in one context, its keys taken as they are. */
function traceIn(
  statement: Statement,
  ref: StatementRef,
  question: StatementQuestion,
  context: RequestContext,
): StatementTrace {
  const { action, resource, variablesEnabled } = question
  const lookup = variableLookup(context)
  const elements: ElementMatch[] = []
  if (statement.principal !== undefined) {
    elements.push(
      principalElementMatch(
        statement.principal,
        question.principal,
        question.hasBoundary === true && statement.effect?.value === 'Deny',
      ),
    )
  }
  if (statement.action !== undefined) {
    elements.push(matchList(statement.action, action, actionMatch))
  }
  if (statement.resource !== undefined) {
    const wide = readsWidely(
      statement.effect?.value === 'Deny',
      statement.resource.element === 'NotResource',
    )
    elements.push(
      matchList(statement.resource, resource, (pattern, subject) =>
        resourceEntryMatches(pattern, subject, variablesEnabled, lookup, wide),
      ),
    )
  }
  if (statement.condition !== undefined) {
    const compiled = compileCondition(statement.condition, variablesEnabled)
    // Prepared policies have no condition problems; a problem here would be our bug.
    if (compiled.problems !== undefined) throw new Error('condition problems reached evaluation')
    elements.push(
      conditionMatch(
        compiled.clauses,
        context,
        statement.condition.range,
        statement.effect?.value === 'Deny',
      ),
    )
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
    range: found?.range ?? list.range,
  }
}
