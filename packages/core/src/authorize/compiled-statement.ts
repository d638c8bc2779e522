import { conditionMatch } from '../evaluate/condition-match.ts'
import {
  type CompiledClause,
  compileCondition,
  variableLookup,
} from '../evaluate/conditions/index.ts'
import { elementMessage } from '../evaluate/element-message.ts'
import { fillTemplate, parseTemplate } from '../evaluate/policy-variable.ts'
import { principalElementMatch } from '../evaluate/principal-element.ts'
import {
  type ActionPattern,
  compileActionPattern,
  compileResourcePattern,
  matchesAction,
  matchesResource,
  type ResourcePattern,
} from '../match/index.ts'
import type { Located, PrincipalElement, Statement, StringListElement } from '../model/index.ts'
import type { RequestContext } from './request-context.ts'
import type { ElementMatch, StatementRef, StatementTrace } from './result.ts'

interface CompiledList<Pattern> {
  readonly element: StringListElement<string>['element']
  readonly negated: boolean
  readonly patterns: readonly Pattern[]
  readonly sources: readonly Located<string>[]
  /** The element's own range, where a trace points when no entry matched. */
  readonly range: StatementRef['range']
}

type Lookup = (key: string) => string | undefined

/** A Resource entry: compiled once, or, when it holds variables, filled in and compiled per request. */
interface ResourceEntry {
  readonly fixed?: ResourcePattern
  readonly test: (resource: string, lookup: Lookup) => boolean
}

/** A statement with its patterns compiled once, for evaluating many requests. */
export interface CompiledStatement {
  readonly ref: StatementRef
  readonly isDeny: boolean
  readonly actions: CompiledList<ActionPattern>
  readonly resources: CompiledList<ResourceEntry>
  readonly principal?: PrincipalElement
  /** A Deny evaluated for a principal with a permissions boundary: NotPrincipal excludes nobody. */
  readonly boundedDeny: boolean
  readonly condition?: {
    readonly clauses: readonly CompiledClause[]
    readonly range: StatementRef['range']
  }
}

function compileResourceEntry(source: string, variablesEnabled: boolean): ResourceEntry {
  const template = variablesEnabled && source.includes('${') ? parseTemplate(source) : undefined
  if (template === undefined || !template.hasVariables) {
    const fixed = compileResourcePattern(source)
    return { fixed, test: (resource) => matchesResource(fixed, resource) }
  }
  return {
    test: (resource, lookup) => {
      const filled = fillTemplate(template, lookup)
      return filled !== undefined && matchesResource(compileResourcePattern(filled), resource)
    },
  }
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
    range: list.range,
  }
}

/** Compiles a statement that `prepareIdentityPolicies` has checked (it has Action and Resource). */
export function compileStatement(
  statement: Statement,
  ref: StatementRef,
  variablesEnabled: boolean,
  hasBoundary = false,
): CompiledStatement {
  const empty: StringListElement<string> = { element: 'Action', values: [], range: statement.range }
  const condition =
    statement.condition === undefined
      ? undefined
      : compileCondition(statement.condition, variablesEnabled)
  if (condition?.problems !== undefined) throw new Error('condition problems reached compilation')
  return {
    ref,
    isDeny: ref.effect === 'Deny',
    boundedDeny: hasBoundary && ref.effect === 'Deny',
    actions: compileList(statement.action ?? empty, compileActionPattern),
    resources: compileList(statement.resource ?? empty, (source) =>
      compileResourceEntry(source, variablesEnabled),
    ),
    ...(statement.principal === undefined ? {} : { principal: statement.principal }),
    ...(condition === undefined || statement.condition === undefined
      ? {}
      : { condition: { clauses: condition.clauses, range: statement.condition.range } }),
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

/**
 * Whether the statement's Principal, Resource and Condition admit the caller and a resource
 * (its Action having been checked already). Returns the Principal's match when it has one, since
 * how the caller was named decides what else may limit the grant.
 */
export function admitsResource(
  statement: CompiledStatement,
  resource: string,
  context: RequestContext,
  caller: string | undefined,
): ElementMatch | boolean {
  const principal =
    statement.principal === undefined
      ? undefined
      : principalElementMatch(statement.principal, caller, statement.boundedDeny)
  if (principal !== undefined && !principal.matched) return false
  const lookup = variableLookup(context)
  const found = statement.resources.patterns.findIndex((entry) => entry.test(resource, lookup)) >= 0
  if (found === statement.resources.negated) return false
  const { condition } = statement
  if (
    condition !== undefined &&
    !conditionMatch(condition.clauses, context, condition.range).matched
  ) {
    return false
  }
  return principal ?? true
}

function traceList<Pattern, Subject>(
  list: CompiledList<Pattern>,
  subject: Subject,
  shown: string,
  matches: (pattern: Pattern, subject: Subject) => boolean,
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
    range: found?.range ?? list.range,
  }
}

/** The element-by-element account of what the statement made of the request. */
export function traceCompiledStatement(
  statement: CompiledStatement,
  action: string,
  foldedAction: string,
  resource: string,
  context: RequestContext,
  caller: string | undefined,
): StatementTrace {
  const lookup = variableLookup(context)
  const elements = [
    ...(statement.principal === undefined
      ? []
      : [principalElementMatch(statement.principal, caller, statement.boundedDeny)]),
    traceList(statement.actions, foldedAction, action, matchesAction),
    traceList(statement.resources, resource, resource, (entry, subject) =>
      entry.test(subject, lookup),
    ),
  ]
  const { condition } = statement
  if (condition !== undefined)
    elements.push(conditionMatch(condition.clauses, context, condition.range))
  return {
    statement: statement.ref,
    applies: elements.every((element) => element.matched),
    elements,
  }
}
