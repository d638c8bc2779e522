import type { CompiledPolicySet } from '../authorize/compile.ts'
import type { AuthorizationRequest } from '../authorize/request.ts'
import type { DecisionValue } from '../authorize/result.ts'
import type { Catalog } from '../catalog/index.ts'
import type { CompiledClause } from '../evaluate/conditions/index.ts'
import { splitArn } from '../match/index.ts'
import { type ActionGroup, type ActionScope, actionGroups } from './action-groups.ts'
import type { AnalysisLimits } from './analysis-options.ts'
import { searchWork } from './analysis-options.ts'
import { alternativesOf, type GlobToken, simplifiedUnion } from './glob-search.ts'
import { type KeyValues, keyValues } from './key-values.ts'
import type { AnalyzedStatement } from './policy-statements.ts'
import { resourceAtom } from './resource-atoms.ts'
import {
  exampleAccount,
  otherAccount,
  placesOf,
  type ResourceSpace,
  resourceSpaces,
} from './resource-space.ts'
import { type SearchWork, type TextAtom, type TextCell, textCells } from './text-cells.ts'
import { valueFor } from './value-for.ts'

/** One side of a comparison: its compiled set, and its statements as the analyzer reads them. */
export interface AnalyzedSide {
  readonly compiled: CompiledPolicySet
  readonly statements: readonly AnalyzedStatement[]
}

/** What the analysis is about: some actions, and resources some pattern of `resources` names. */
export interface AnalysisScope extends ActionScope {
  readonly resources?: readonly string[]
}

/** A request one side allows and the other does not, with where it lies. */
export interface DifferingRequest {
  readonly request: AuthorizationRequest
  readonly before: DecisionValue
  readonly after: DecisionValue
  readonly group: ActionGroup
  readonly resourceType?: string
  /** The policies' resource patterns the resource matches, and those it does not. */
  readonly within: readonly string[]
  readonly outside: readonly string[]
  /** The condition keys the deciding statements read, each with the value given (null: none). */
  readonly context: Readonly<Record<string, string | readonly string[] | null>>
}

/**
 * Requests that differ alike: the same resource patterns matched and missed, and the same
 * condition values, for one or more groups of actions. The first request found is its witness.
 */
export interface DifferenceRegion {
  readonly first: DifferingRequest
  /** The groups of actions met in the region, each once; their actions are distinct. */
  readonly groups: ActionGroup[]
  readonly resourceTypes: string[]
  /** Whether an action of the region is one the service reference does not list. */
  unlistedAction: boolean
}

export interface DifferenceSearch {
  /** Allowed after and not before. */
  readonly added: readonly DifferenceRegion[]
  /** Allowed before and not after. */
  readonly removed: readonly DifferenceRegion[]
  /** Why a direction found empty may still hold a difference, when it may. */
  readonly inexact: readonly string[]
  /** Set when the work ran out: the search stopped there. */
  readonly unknown?: string
  /** Requests decided, on each side. */
  readonly requests: number
}

/** Every action of a region, in the order its groups were met. */
export function regionActions(region: DifferenceRegion): string[] {
  return region.groups.flatMap((group) => group.actions)
}

type ContextValue = string | readonly string[] | undefined

/** How the analysis asks the evaluator: the decision alone. */
export const decisionsOnly = { explain: false, findings: false } as const

/** The caller of every request: a role of the first account the policies name. */
function callerOf(account: string): string {
  return `arn:aws:iam::${account}:role/ExampleRole`
}

/** Principals a resource-based policy names that look like callers: ARNs and account IDs. */
function namedPrincipals(statements: readonly AnalyzedStatement[]): string[] {
  const found = new Set<string>()
  for (const statement of statements) {
    for (const principal of statement.principals) {
      if (/^\d{12}$/.test(principal)) found.add(callerOf(principal))
      else if (principal.startsWith('arn:') && !/[*?]/.test(principal)) found.add(principal)
    }
  }
  return [...found]
}

/** Whether a statement's Resource or NotResource admits a resource its element's patterns match or miss. */
function admitsResource(statement: AnalyzedStatement, matched: boolean): boolean {
  // a value with a policy variable may match anything: the statement is kept in play
  if (statement.variables.length > 0) return true
  return matched !== statement.resources.negated
}

/** A Resource or NotResource element's values, and whether the evaluator also matches them in another case. */
interface ResourceElement {
  readonly patterns: readonly string[]
  readonly folds: boolean
}

/**
 * Elements' atoms, kept between analyses: an audit asks a set many questions, and an element
 * of thousands of patterns takes longer to read than to look up. Bounded; cleared when full.
 */
const elementAtoms = new Map<string, TextAtom>()
const keptElementAtoms = 256

/** An element as one distinction: any of its patterns matches. */
function elementAtom(element: ResourceElement): TextAtom {
  const atoms = element.patterns.map((pattern) => resourceAtom(pattern, element.folds))
  if (atoms.length === 1) return atoms[0] as TextAtom
  // alternatives another covers add nothing to a union, but weigh on every search of it
  const alternatives = simplifiedUnion(atoms.flatMap((atom) => alternativesOf(atom.tokens)))
  return {
    tokens: alternatives.length === 1 ? (alternatives[0] as GlobToken[]) : { anyOf: alternatives },
    test: (text) => atoms.some((atom) => atom.test(text)),
  }
}

/**
 * An element as it draws lines within a space: without the patterns that name another service
 * (they match none of its ARNs), `true` when a pattern is `*`, `undefined` when none is left.
 */
function withinSpace(
  element: ResourceElement,
  service: string | undefined,
): ResourceElement | true | undefined {
  if (element.patterns.includes('*')) return true
  const patterns = element.patterns.filter((pattern) => fixedSign(pattern, service) !== false)
  return patterns.length === 0 ? undefined : { ...element, patterns }
}

/**
 * The sign a resource pattern has over every ARN of a space without a search, when it has one:
 * `*` matches them all, and an ARN pattern whose service field is plain text other than the
 * space's matches none of them.
 */
function fixedSign(pattern: string, service: string | undefined): boolean | undefined {
  if (pattern === '*') return true
  if (service === undefined) return undefined
  const parts = splitArn(pattern)
  if (parts === undefined || /[*?]/.test(parts.service)) return undefined
  // compared in lower case, for a pattern matched in another case too
  return parts.service.toLowerCase() === service.toLowerCase() ? undefined : false
}

/** Every combination of one option per key, in order, without building them all at once. */
function* combinations(
  keys: readonly KeyValues[],
): Generator<readonly ContextValue[], void, undefined> {
  const at = keys.map(() => 0)
  if (keys.some((key) => key.options.length === 0)) return
  for (;;) {
    yield keys.map((key, index) => key.options[at[index] ?? 0])
    let index = keys.length - 1
    while (index >= 0) {
      const next = (at[index] ?? 0) + 1
      if (next < (keys[index]?.options.length ?? 0)) {
        at[index] = next
        break
      }
      at[index] = 0
      index--
    }
    if (index < 0) return
  }
}

/**
 * Every request that one side allows and the other does not, one for each cell of the request
 * space the two sets' statements draw: per group of actions alike (`actionGroups`), per cell of
 * the resource patterns within each of the action's ARN formats (`textCells`), and per
 * combination of one value for each condition key the statements in play read (`keyValues`).
 * Each request is decided by the evaluator on both sides: the analysis supplies the requests,
 * and never a rule of its own.
 */
export function searchDifferences(
  before: AnalyzedSide,
  after: AnalyzedSide,
  catalog: Catalog | undefined,
  limits: Required<AnalysisLimits>,
  scope: AnalysisScope = {},
): DifferenceSearch {
  const work: SearchWork = searchWork(limits)
  const statements = [...before.statements, ...after.statements]
  const inexact = new Set<string>()
  for (const statement of statements) {
    for (const value of statement.variables) {
      inexact.add(`\`${value}\` holds a policy variable, whose values are not compared`)
    }
  }
  const clausesByKey = new Map<string, CompiledClause[]>()
  for (const statement of statements) {
    for (const clause of statement.clauses) {
      const list = clausesByKey.get(clause.foldedKey)
      if (list === undefined) clausesByKey.set(clause.foldedKey, [clause])
      else list.push(clause)
    }
  }
  const regions = {
    added: new Map<string, DifferenceRegion>(),
    removed: new Map<string, DifferenceRegion>(),
  }
  // the groups each region holds: groups hold distinct actions, so one met again adds nothing
  const groupsIn = new Map<DifferenceRegion, Set<ActionGroup>>()

  const note = (direction: 'added' | 'removed', found: DifferingRequest) => {
    const id = JSON.stringify([found.resourceType, found.within, found.outside, found.context])
    const region = regions[direction].get(id)
    const unlisted = found.group.catalogAction === undefined
    if (region === undefined) {
      const created: DifferenceRegion = {
        first: found,
        groups: [found.group],
        resourceTypes: found.resourceType === undefined ? [] : [found.resourceType],
        unlistedAction: unlisted,
      }
      regions[direction].set(id, created)
      groupsIn.set(created, new Set([found.group]))
      return
    }
    const met = groupsIn.get(region)
    if (met === undefined || met.has(found.group)) return
    met.add(found.group)
    region.groups.push(found.group)
    region.unlistedAction ||= unlisted
  }
  let requests = 0
  const done = (unknown?: string): DifferenceSearch => ({
    added: [...regions.added.values()],
    removed: [...regions.removed.values()],
    inexact: [...inexact],
    requests,
    ...(unknown === undefined ? {} : { unknown }),
  })

  const groups = actionGroups(statements, catalog, new Set(clausesByKey.keys()), scope, work)
  if (groups === undefined) return done(work.unknown)

  const allPatterns = [...new Set(statements.flatMap((statement) => statement.resources.patterns))]
  // the resources asked about give witnesses their identifiers too: `instance/<id>` of a scope
  const witnessPatterns = [...new Set([...allPatterns, ...(scope.resources ?? [])])]
  const places = placesOf([...allPatterns, ...statements.flatMap((s) => s.principals)])
  const account = places.accounts[0] ?? exampleAccount
  // a caller in each account the policies name: an identity policy grants on a resource of its
  // own account only, so a caller in one account would miss what the policies grant in another
  const callers = (places.accounts.length === 0 ? [account] : places.accounts).map(callerOf)
  const principals = [
    ...new Set([
      ...callers,
      ...namedPrincipals(statements),
      ...(statements.some((statement) => statement.principals.length > 0)
        ? [callerOf(account === otherAccount ? exampleAccount : otherAccount)]
        : []),
    ]),
  ]
  const keyValuesOf = new Map<string, KeyValues | undefined>()
  const valuesOfKey = (key: string): KeyValues | undefined => {
    if (!keyValuesOf.has(key)) {
      const clauses = clausesByKey.get(key) ?? []
      const found = keyValues(clauses[0]?.key ?? key, clauses, catalog, work)
      if (found?.inexact !== undefined) inexact.add(found.inexact)
      keyValuesOf.set(key, found)
    }
    return keyValuesOf.get(key)
  }
  // the cells of one space under the same elements, shared by every group that meets them
  const cellsOf = new Map<string, TextCell[] | undefined>()
  // an element's union, simplified once for every space that keeps the same patterns of it
  const atomOf = (element: ResourceElement): TextAtom => {
    if (elementAtoms.size > keptElementAtoms) elementAtoms.clear()
    return valueFor(elementAtoms, JSON.stringify(element), () => elementAtom(element))
  }
  const spaces = new Map<string, ResourceSpace>()
  const spaceCells = (
    resourceSpace: ResourceSpace,
    elements: readonly ResourceElement[],
  ): TextCell[] | undefined => {
    // a pattern that names another service draws no line within the space, and `*` takes it all
    const kept = elements.map((element) => withinSpace(element, resourceSpace.service))
    const searched = kept.filter(
      (element): element is ResourceElement => element !== undefined && element !== true,
    )
    const id = `${resourceSpace.id}\n${JSON.stringify(searched)}`
    if (!cellsOf.has(id)) {
      cellsOf.set(id, textCells(searched.map(atomOf), resourceSpace.space, work))
    }
    const cells = cellsOf.get(id)
    if (cells === undefined) return undefined
    return cells.map((cell) => {
      let at = 0
      return {
        text: cell.text,
        signs: kept.map((element) =>
          element === undefined ? false : element === true ? true : (cell.signs[at++] as boolean),
        ),
      }
    })
  }
  const scopeElement: ResourceElement | undefined =
    scope.resources === undefined ? undefined : { patterns: [...scope.resources], folds: false }
  const exactTests = new Map<string, TextAtom>()
  const matchesExactly = (pattern: string, text: string): boolean => {
    let atom = exactTests.get(pattern)
    if (atom === undefined) {
      atom = resourceAtom(pattern, false)
      exactTests.set(pattern, atom)
    }
    return atom.test(text)
  }

  for (const group of groups) {
    const live = statements.filter((_, index) => group.admits[index] === true)
    const patterns = [...new Set(live.flatMap((statement) => statement.resources.patterns))]
    // each Resource or NotResource element once: the values any of which may match
    const elementIds = new Map<string, number>()
    const elements: ResourceElement[] = []
    const elementOf = live.map((statement) => {
      const element: ResourceElement = {
        patterns: [...new Set(statement.resources.patterns)].sort(),
        folds: statement.resources.foldsCase,
      }
      const id = JSON.stringify(element)
      let index = elementIds.get(id)
      if (index === undefined) {
        index = elements.length
        elements.push(element)
        elementIds.set(id, index)
      }
      return index
    })
    const withScope = scopeElement === undefined ? elements : [...elements, scopeElement]
    for (const resourceSpace of resourceSpaces(
      group.catalogAction,
      witnessPatterns,
      places,
      spaces,
    )) {
      const { type } = resourceSpace
      const cells = spaceCells(resourceSpace, withScope)
      if (cells === undefined) return done(work.unknown)
      for (const cell of cells) {
        if (scopeElement !== undefined && cell.signs[elements.length] !== true) continue
        const inPlay = live.filter((statement, index) =>
          admitsResource(statement, cell.signs[elementOf[index] ?? -1] === true),
        )
        // without an Allow in play, neither side can allow
        if (!inPlay.some((statement) => !statement.deny)) continue
        const keyNames = [
          ...new Set(inPlay.flatMap((statement) => statement.clauses.map((c) => c.foldedKey))),
        ]
        const keys: KeyValues[] = []
        for (const name of keyNames) {
          const values = valuesOfKey(name)
          if (values === undefined) return done(work.unknown)
          keys.push(values)
        }
        const within = patterns.filter((pattern) => matchesExactly(pattern, cell.text))
        const outside = patterns.filter((pattern) => !within.includes(pattern))
        for (const principal of principals) {
          for (const values of combinations(keys)) {
            if (requests >= limits.maxRequests) {
              return done(`the analysis passed ${limits.maxRequests} requests`)
            }
            requests++
            const context: Record<string, string | readonly string[]> = {}
            const shown: Record<string, string | readonly string[] | null> = {}
            for (const [index, key] of keys.entries()) {
              const value = values[index]
              shown[key.key] = value ?? null
              if (value !== undefined) context[key.key] = value
            }
            const request: AuthorizationRequest = {
              action: group.action,
              resource: cell.text,
              principal,
              ...(keys.length === 0 ? {} : { context }),
            }
            const beforeDecision = before.compiled.evaluate(request, decisionsOnly)
            const afterDecision = after.compiled.evaluate(request, decisionsOnly)
            if (beforeDecision.errors !== undefined || afterDecision.errors !== undefined) {
              const errors = beforeDecision.errors ?? afterDecision.errors ?? []
              return done(
                `a request could not be decided: ${errors.map((error) => error.message).join('; ')}`,
              )
            }
            const allowedBefore = beforeDecision.decision === 'Allow'
            const allowedAfter = afterDecision.decision === 'Allow'
            if (allowedBefore === allowedAfter) continue
            const found: DifferingRequest = {
              request,
              before: beforeDecision.decision,
              after: afterDecision.decision,
              group,
              ...(type === undefined ? {} : { resourceType: type }),
              within,
              outside,
              context: shown,
            }
            note(allowedAfter ? 'added' : 'removed', found)
          }
        }
      }
    }
  }
  return done()
}
