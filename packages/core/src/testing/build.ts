import type {
  ActionElement,
  Effect,
  Located,
  PolicyDocument,
  ResourceElement,
  Statement,
  StringListElement,
} from '../model/index.ts'
import { noRange } from '../model/index.ts'

function located<T>(value: T): Located<T> {
  return { value, range: noRange }
}

/** What a statement says, in the shortest form a test can write it. */
export interface StatementSpec {
  readonly sid?: string
  readonly effect: Effect
  readonly action?: readonly string[]
  readonly notAction?: readonly string[]
  readonly resource?: readonly string[]
  readonly notResource?: readonly string[]
}

/** The element for whichever of `Name` and `NotName` the spec gives. */
function listOf<Name extends string>(
  name: Name,
  values: readonly string[] | undefined,
  negatedValues: readonly string[] | undefined,
): StringListElement<Name | `Not${Name}`> | undefined {
  if (values !== undefined) return { element: name, values: values.map(located), range: noRange }
  if (negatedValues === undefined) return undefined
  return { element: `Not${name}`, values: negatedValues.map(located), range: noRange }
}

/** Builds a located-nowhere statement, as a policy written in code has. */
export function statementOf(spec: StatementSpec): Statement {
  const action: ActionElement | undefined = listOf('Action', spec.action, spec.notAction)
  const resource: ResourceElement | undefined = listOf('Resource', spec.resource, spec.notResource)
  return {
    ...(spec.sid === undefined ? {} : { sid: located(spec.sid) }),
    effect: located(spec.effect),
    ...(action === undefined ? {} : { action }),
    ...(resource === undefined ? {} : { resource }),
    unknownElements: [],
    range: noRange,
  }
}

/** A 2012-10-17 policy document holding the given statements. */
export function policyOf(statements: readonly (Statement | StatementSpec)[]): PolicyDocument {
  return {
    version: located('2012-10-17'),
    statements: statements.map((statement) =>
      'unknownElements' in statement ? statement : statementOf(statement),
    ),
    unknownElements: [],
    range: noRange,
  }
}
