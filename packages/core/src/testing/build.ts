import type {
  ActionElement,
  Effect,
  Located,
  PolicyDocument,
  ResourceElement,
  Statement,
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

/** Builds a located-nowhere statement, as a policy written in code has. */
export function statementOf(spec: StatementSpec): Statement {
  const action: ActionElement | undefined =
    spec.action !== undefined
      ? { element: 'Action', values: spec.action.map(located), range: noRange }
      : spec.notAction !== undefined
        ? { element: 'NotAction', values: spec.notAction.map(located), range: noRange }
        : undefined
  const resource: ResourceElement | undefined =
    spec.resource !== undefined
      ? { element: 'Resource', values: spec.resource.map(located), range: noRange }
      : spec.notResource !== undefined
        ? { element: 'NotResource', values: spec.notResource.map(located), range: noRange }
        : undefined
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
