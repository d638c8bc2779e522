import { elementMessage } from '../evaluate/element-message.ts'
import {
  type ActionPattern,
  compileActionPattern,
  compileResourcePattern,
  matchesAction,
  matchesResource,
  type ResourcePattern,
} from '../match/index.ts'
import type { Located, Statement, StringListElement } from '../model/index.ts'
import type { ElementMatch, StatementRef, StatementTrace } from './result.ts'

interface CompiledList<Pattern> {
  readonly element: StringListElement<string>['element']
  readonly negated: boolean
  readonly patterns: readonly Pattern[]
  readonly sources: readonly Located<string>[]
}

/** A statement with its patterns compiled once, for evaluating many requests. */
export interface CompiledStatement {
  readonly ref: StatementRef
  readonly isDeny: boolean
  readonly actions: CompiledList<ActionPattern>
  readonly resources: CompiledList<ResourcePattern>
}

function compileList<Pattern>(
  list: StringListElement<string>,
  compile: (source: string) => Pattern,
): CompiledList<Pattern> {
  return {
    element: list.element,
    negated: list.element.startsWith('Not'),
    patterns: list.values.map((value) => compile(value.value)),
    sources: list.values,
  }
}

/** Compiles a statement that `prepareIdentityPolicies` has checked (it has Action and Resource). */
export function compileStatement(statement: Statement, ref: StatementRef): CompiledStatement {
  const empty: StringListElement<string> = { element: 'Action', values: [], range: statement.range }
  return {
    ref,
    isDeny: ref.effect === 'Deny',
    actions: compileList(statement.action ?? empty, compileActionPattern),
    resources: compileList(statement.resource ?? empty, compileResourcePattern),
  }
}

function firstMatch<Pattern, Subject>(
  list: CompiledList<Pattern>,
  subject: Subject,
  matches: (pattern: Pattern, subject: Subject) => boolean,
): number {
  return list.patterns.findIndex((pattern) => matches(pattern, subject))
}

/** Whether the statement's Action or NotAction admits an action folded to lower case. */
export function admitsAction(statement: CompiledStatement, foldedAction: string): boolean {
  const found = firstMatch(statement.actions, foldedAction, matchesAction) >= 0
  return found !== statement.actions.negated
}

/** Whether the statement's Resource or NotResource admits a resource. */
export function admitsResource(statement: CompiledStatement, resource: string): boolean {
  const found = firstMatch(statement.resources, resource, matchesResource) >= 0
  return found !== statement.resources.negated
}

function traceList<Pattern, Subject>(
  list: CompiledList<Pattern>,
  subject: Subject,
  shown: string,
  matches: (pattern: Pattern, subject: Subject) => boolean,
  fallback: StatementRef['range'],
): ElementMatch {
  const index = firstMatch(list, subject, matches)
  const found = index < 0 ? undefined : list.sources[index]
  return {
    element: list.element as ElementMatch['element'],
    matched: (found !== undefined) !== list.negated,
    ...(found === undefined ? {} : { pattern: found.value }),
    message: elementMessage(
      list.element as ElementMatch['element'],
      shown,
      list.sources.map((source) => source.value),
      found?.value,
    ),
    range: found?.range ?? fallback,
  }
}

/** The element-by-element account of what the statement made of the request. */
export function traceCompiledStatement(
  statement: CompiledStatement,
  action: string,
  foldedAction: string,
  resource: string,
): StatementTrace {
  const elements = [
    traceList(statement.actions, foldedAction, action, matchesAction, statement.ref.range),
    traceList(statement.resources, resource, resource, matchesResource, statement.ref.range),
  ]
  return {
    statement: statement.ref,
    applies: elements.every((element) => element.matched),
    elements,
  }
}
