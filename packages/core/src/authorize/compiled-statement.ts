import { conditionHolds, conditionMatch } from '../evaluate/condition-match.ts'
import {
  type CompiledClause,
  compileCondition,
  variableLookup,
} from '../evaluate/conditions/index.ts'
import { quotedElementMessage, quoteList } from '../evaluate/element-message.ts'
import { keysReadBy } from '../evaluate/keys-read.ts'
import { fillTemplate, parseResourceTemplate, type Template } from '../evaluate/policy-variable.ts'
import { principalAdmits, principalElementMatch } from '../evaluate/principal-element.ts'
import type { PrincipalMatchKind } from '../evaluate/principal-match.ts'
import { readWithUnsureKey, unsureKeyNote } from '../evaluate/unsure-key.ts'
import { caseFoldable, readsWidely } from '../evaluate/wide-reading.ts'
import {
  type ActionPattern,
  compileActionPattern,
  compileResourcePattern,
  matchesAction,
  matchesResource,
  type ResourcePattern,
} from '../match/index.ts'
import type { Located, PrincipalElement, Statement, StringListElement } from '../model/index.ts'
import { type ApplyingStatement, statementLabel } from './applying-statement.ts'
import type { RequestContext } from './request-context.ts'
import type { ElementMatch, StatementRef, StatementTrace } from './result.ts'

interface CompiledList<Pattern> {
  readonly element: StringListElement<string>['element']
  readonly negated: boolean
  readonly patterns: readonly Pattern[]
  readonly sources: readonly Located<string>[]
  /** The element's own range, where a trace points when no entry matched. */
  readonly range: StatementRef['range']
  /**
   * The patterns quoted for messages, worked out on the first explanation that needs them and
   * kept: explanations repeat them for every miss, and unexplained evaluation never needs them.
   */
  quoted: string | undefined
}

type Lookup = (key: string) => string | undefined

const noKeysRead: ReadonlySet<string> = new Set()

/**
 * A Resource entry: compiled once, or, when it holds variables, its template, filled in and
 * compiled per request.
 */
type ResourceEntry =
  | {
      readonly fixed: ResourcePattern
      /** Under a wide reading (`readsWidely`), the pattern in lower case, for a resource in another case. */
      readonly folded?: ResourcePattern
      readonly template?: never
    }
  | { readonly fixed?: never; readonly folded?: never; readonly template: Template }

/** A statement with its patterns compiled once, for evaluating many requests. */
export interface CompiledStatement {
  readonly ref: StatementRef
  /** The statement's place in the policy set: candidates for an action keep this order. */
  readonly position: number
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
  /** Whether a Resource entry holds policy variables. */
  readonly hasVariables: boolean
  /** Whether its Resource or NotResource reads widely (`readsWidely`). */
  readonly widely: boolean
  /** Whether matching reads the request's context: for a condition or a variable. */
  readonly needsContext: boolean
  /** The keys it reads, by lower-case name, in its Condition and its variables. */
  readonly readsKeys: ReadonlySet<string>
  /** The statement as the combination of policies takes it when it applies with no Principal. */
  readonly applying: ApplyingStatement
}

function compileResourceEntry(
  source: string,
  variablesEnabled: boolean,
  wide: boolean,
): ResourceEntry {
  const template =
    variablesEnabled && source.includes('${') ? parseResourceTemplate(source) : undefined
  if (template === undefined || !template.hasVariables) {
    const fixed = compileResourcePattern(source)
    return wide ? { fixed, folded: compileResourcePattern(source.toLowerCase()) } : { fixed }
  }
  return { template }
}

function entryMatches(
  entry: ResourceEntry,
  resource: string,
  lookup: Lookup | undefined,
  wide: boolean,
): boolean {
  if (entry.fixed !== undefined) {
    if (matchesResource(entry.fixed, resource)) return true
    return (
      entry.folded !== undefined &&
      caseFoldable(resource) &&
      matchesResource(entry.folded, resource.toLowerCase())
    )
  }
  // a statement with variables always gets a lookup
  const filled = lookup === undefined ? undefined : fillTemplate(entry.template, lookup, wide)
  if (filled === undefined) return false
  if (matchesResource(compileResourcePattern(filled), resource)) return true
  return (
    wide &&
    caseFoldable(resource) &&
    matchesResource(compileResourcePattern(filled.toLowerCase()), resource.toLowerCase())
  )
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
    quoted: undefined,
  }
}

/** Compiles a statement that `prepareIdentityPolicies` has checked (it has Action and Resource). */
export function compileStatement(
  statement: Statement,
  ref: StatementRef,
  variablesEnabled: boolean,
  hasBoundary = false,
  position = 0,
): CompiledStatement {
  const empty: StringListElement<string> = { element: 'Action', values: [], range: statement.range }
  const condition =
    statement.condition === undefined
      ? undefined
      : compileCondition(statement.condition, variablesEnabled)
  if (condition?.problems !== undefined) throw new Error('condition problems reached compilation')
  const resourceList = statement.resource ?? empty
  const wide = readsWidely(ref.effect === 'Deny', resourceList.element === 'NotResource')
  const resources = compileList(resourceList, (source) =>
    compileResourceEntry(source, variablesEnabled, wide),
  )
  const hasVariables = resources.patterns.some((entry) => entry.template !== undefined)
  return {
    ref,
    position,
    isDeny: ref.effect === 'Deny',
    boundedDeny: hasBoundary && ref.effect === 'Deny',
    actions: compileList(statement.action ?? empty, compileActionPattern),
    resources,
    ...(statement.principal === undefined ? {} : { principal: statement.principal }),
    ...(condition === undefined || statement.condition === undefined
      ? {}
      : { condition: { clauses: condition.clauses, range: statement.condition.range } }),
    hasVariables,
    widely: wide,
    needsContext: hasVariables || condition !== undefined,
    readsKeys:
      hasVariables || condition !== undefined
        ? keysReadBy(statement, variablesEnabled)
        : noKeysRead,
    applying: { ref, label: statementLabel(ref) },
  }
}

/** Whether the statement's Action or NotAction admits an action folded to lower case. */
export function admitsAction(statement: CompiledStatement, foldedAction: string): boolean {
  return firstAction(statement.actions, foldedAction) >= 0 !== statement.actions.negated
}

/**
 * Whether the statement's Principal, Resource and Condition admit the caller and a resource
 * (its Action having been checked already), deciding as `traceCompiledStatement` does without
 * explaining. Returns how the Principal named the caller when it did, since that decides what
 * else may limit the grant. `context` is needed only when the statement says `needsContext`.
 */
export function admitsResource(
  statement: CompiledStatement,
  resource: string,
  context: RequestContext | undefined,
  caller: string | undefined,
): PrincipalMatchKind | boolean {
  if (context?.unsure === undefined || !statement.needsContext) {
    return admitsIn(statement, resource, context, caller)
  }
  return readWithUnsureKey(
    context,
    statement.isDeny,
    (key) => statement.readsKeys.has(key),
    (read) => admitsIn(statement, resource, read, caller),
    (admitted) => admitted !== false,
  ).outcome
}

/** `admitsResource` in one context, its keys taken as they are. */
function admitsIn(
  statement: CompiledStatement,
  resource: string,
  context: RequestContext | undefined,
  caller: string | undefined,
): PrincipalMatchKind | boolean {
  const { principal } = statement
  const grant =
    principal === undefined ? true : principalAdmits(principal, caller, statement.boundedDeny)
  if (grant === false) return false
  const lookup =
    statement.hasVariables && context !== undefined ? variableLookup(context) : undefined
  const found = firstResource(statement.resources, resource, lookup, statement.widely) >= 0
  if (found === statement.resources.negated) return false
  const { condition } = statement
  if (
    condition !== undefined &&
    (context === undefined || !conditionHolds(condition.clauses, context, statement.isDeny))
  ) {
    return false
  }
  return grant
}

/** The element's account, given which entry (if any) matched the subject. */
function listMatch<Pattern>(
  list: CompiledList<Pattern>,
  index: number,
  shown: string,
): ElementMatch {
  const element = list.element as ElementMatch['element']
  const found = index < 0 ? undefined : list.sources[index]
  if (found === undefined) {
    list.quoted ??= quoteList(list.sources.map((source) => source.value))
    return {
      element,
      matched: list.negated,
      message: quotedElementMessage(element, shown, list.quoted, undefined),
      range: list.range,
    }
  }
  return {
    element,
    matched: !list.negated,
    pattern: found.value,
    message: quotedElementMessage(element, shown, '', found.value),
    range: found.range,
  }
}

/**
 * An Action element's patterns by kind: the first of each plain name; those with wildcards whose
 * service part is plain, by service; and those whose service part has a wildcard.
 */
interface ActionListIndex {
  readonly plain: ReadonlyMap<string, number>
  readonly wildByService: ReadonlyMap<string, readonly number[]>
  readonly wildAnyService: readonly number[]
}

const actionListIndexes = new WeakMap<CompiledList<ActionPattern>, ActionListIndex>()

function actionListIndex(list: CompiledList<ActionPattern>): ActionListIndex {
  let found = actionListIndexes.get(list)
  if (found === undefined) {
    const plain = new Map<string, number>()
    const wildByService = new Map<string, number[]>()
    const wildAnyService: number[] = []
    list.patterns.forEach((pattern, index) => {
      const folded = pattern.source.toLowerCase()
      if (!/[*?]/.test(folded)) {
        if (!plain.has(folded)) plain.set(folded, index)
      } else if (pattern.service === undefined) {
        wildAnyService.push(index)
      } else {
        const indices = wildByService.get(pattern.service)
        if (indices === undefined) wildByService.set(pattern.service, [index])
        else indices.push(index)
      }
    })
    found = { plain, wildByService, wildAnyService }
    actionListIndexes.set(list, found)
  }
  return found
}

/** The first of `indices` (ascending) before `before` whose pattern matches, or -1. */
function firstMatching(
  patterns: readonly ActionPattern[],
  indices: readonly number[],
  foldedAction: string,
  before: number,
): number {
  for (const index of indices) {
    if (before >= 0 && index > before) return -1
    if (matchesAction(patterns[index] as ActionPattern, foldedAction)) return index
  }
  return -1
}

/**
 * The first pattern of an Action element that matches the action: the explanation names it.
 * An element of thousands of names (`SecurityAudit`, `ReadOnlyAccess`) is not read name by
 * name: a plain name matches only its own action and a pattern of one service only that
 * service's actions, so the first plain one is looked up, and only the patterns with wildcards
 * of the action's service, or of any service, are tried before it.
 */
function firstAction(list: CompiledList<ActionPattern>, foldedAction: string): number {
  const { patterns } = list
  const { plain, wildByService, wildAnyService } = actionListIndex(list)
  const named = plain.get(foldedAction)
  let first =
    named !== undefined && matchesAction(patterns[named] as ActionPattern, foldedAction)
      ? named
      : -1
  const colon = foldedAction.indexOf(':')
  const service = colon < 0 ? undefined : foldedAction.slice(0, colon)
  for (const indices of [
    service === undefined ? [] : (wildByService.get(service) ?? []),
    wildAnyService,
  ]) {
    const found = firstMatching(patterns, indices, foldedAction, first)
    if (found >= 0 && (first < 0 || found < first)) first = found
  }
  return first
}

function firstResource(
  list: CompiledList<ResourceEntry>,
  resource: string,
  lookup: Lookup | undefined,
  wide: boolean,
): number {
  const { patterns } = list
  for (let index = 0; index < patterns.length; index++) {
    if (entryMatches(patterns[index] as ResourceEntry, resource, lookup, wide)) return index
  }
  return -1
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
  if (context.unsure === undefined || !statement.needsContext) {
    return traceIn(statement, action, foldedAction, resource, context, caller)
  }
  const { outcome, differed } = readWithUnsureKey(
    context,
    statement.isDeny,
    (key) => statement.readsKeys.has(key),
    (read) => traceIn(statement, action, foldedAction, resource, read, caller),
    (trace) => trace.applies,
  )
  if (!differed) return outcome
  const key = context.get(context.unsure.key)?.key ?? context.unsure.key
  return { ...outcome, note: unsureKeyNote(key, statement.isDeny) }
}

/** `traceCompiledStatement` in one context, its keys taken as they are. */
function traceIn(
  statement: CompiledStatement,
  action: string,
  foldedAction: string,
  resource: string,
  context: RequestContext,
  caller: string | undefined,
): StatementTrace {
  const lookup = statement.hasVariables ? variableLookup(context) : undefined
  const elements: ElementMatch[] = []
  if (statement.principal !== undefined) {
    elements.push(principalElementMatch(statement.principal, caller, statement.boundedDeny))
  }
  const { actions, resources, condition } = statement
  elements.push(listMatch(actions, firstAction(actions, foldedAction), action))
  elements.push(
    listMatch(resources, firstResource(resources, resource, lookup, statement.widely), resource),
  )
  if (condition !== undefined)
    elements.push(conditionMatch(condition.clauses, context, condition.range, statement.isDeny))
  let applies = true
  for (const element of elements) if (!element.matched) applies = false
  return { statement: statement.ref, applies, elements }
}
