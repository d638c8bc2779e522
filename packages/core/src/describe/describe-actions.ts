import {
  type AccessLevel,
  accessLevels,
  type Catalog,
  type CatalogAction,
} from '../catalog/index.ts'
import type { ActionElement } from '../model/index.ts'
import { count, joinWords, quote } from './words.ts'

/** The actions of one access level (or pair of levels, such as `Tagging, Write`) of a service. */
export interface AccessLevelGroup {
  readonly accessLevels: readonly AccessLevel[]
  /**
   * Action names without the service prefix, in alphabetical order: the first of them, within
   * the budget's `maxListed` names for the whole element (`describe/description-budget.ts`).
   */
  readonly actions: readonly string[]
  /** How many names of the group `actions` leaves out; present only when some are. */
  readonly omittedActions?: number
}

/** The actions of one service that an `Action` or `NotAction` element names. */
export interface ServiceActions {
  readonly prefix: string
  /** The service's name, when the catalog knows it. */
  readonly serviceName?: string
  /** Whether the element names every action the catalog holds for the service. */
  readonly everyAction: boolean
  /** How many actions the catalog holds for the service, when it holds it in full. */
  readonly serviceActionCount?: number
  readonly groups: readonly AccessLevelGroup[]
  /** How many of the service's actions the element names, listed or not. */
  readonly actionCount: number
}

/** What an `Action` or `NotAction` element names, grouped by service and access level. */
export interface ActionsDescription {
  /** Whether the element is `NotAction`: the statement applies to every action *but* these. */
  readonly negated: boolean
  /** Whether a pattern (`*`) names every action of every service. */
  readonly everyService: boolean
  /** The services the patterns reach, in the order they are met: at most the budget's `maxListed`. */
  readonly services: readonly ServiceActions[]
  /** How many services `services` leaves out; present only when some are. */
  readonly omittedServices?: number
  /** Patterns that name no action the catalog holds, as written. */
  readonly unmatched: readonly string[]
  /** In words: `3 Amazon Connect actions (Write: DeleteUser, UpdateUser…)`. */
  readonly text: string
}

/** Names of one access level in words; the others are counted. */
export const namesShown = 6
/** Names of one element in words, every service and level together: a sentence is read, not searched. */
export const namesInWords = 12
/** Services of one element in words; the others are counted. */
export const servicesShown = 3

function serviceLabel(service: ServiceActions): string {
  return service.serviceName ?? quote(service.prefix)
}

/**
 * A group in words: its first names, as many as `left.names` still allows, and how many more it
 * has, counted from the whole group whether listed or not.
 */
function groupWords(group: AccessLevelGroup, left: { names: number }): string {
  const shown = group.actions.slice(0, Math.min(namesShown, left.names))
  left.names -= shown.length
  const more = group.actions.length - shown.length + (group.omittedActions ?? 0)
  const levels = group.accessLevels.join(', ')
  if (shown.length === 0) return `${levels}: ${count(more, 'action')}`
  return `${levels}: ${more === 0 ? joinWords(shown) : `${shown.join(', ')} and ${more} more`}`
}

function describeService(service: ServiceActions, left: { names: number }): string {
  if (service.everyAction) return `every ${serviceLabel(service)} action`
  const groups = service.groups.map((group) => groupWords(group, left))
  return `${count(service.actionCount, `${serviceLabel(service)} action`)} (${groups.join('; ')})`
}

/** `*`, or stars alone (`***`), which match every action as one star does. */
const everyActionPattern = /^\*+$/
const namesEveryAction = (patterns: readonly string[]) =>
  patterns.some((pattern) => everyActionPattern.test(pattern))

function describeWithoutCatalog(patterns: readonly string[]): ActionsDescription {
  const everyService = namesEveryAction(patterns)
  return {
    negated: false,
    everyService,
    services: [],
    unmatched: everyService ? [] : patterns,
    text: everyService ? 'every action of every service' : joinWords(patterns.map(quote)),
  }
}

/**
 * Names the actions of an `Action`/`NotAction` element by service and access level, as the
 * Service Authorization Reference groups them, with the catalog. Without a catalog, or for a
 * pattern the catalog does not know, the patterns are quoted as written.
 */
export function describeActions(
  element: ActionElement,
  catalog?: Catalog,
  maxListed = Number.POSITIVE_INFINITY,
): ActionsDescription {
  const patterns = element.values.map((value) => value.value)
  const negated = element.element === 'NotAction'
  const base =
    catalog === undefined || namesEveryAction(patterns)
      ? describeWithoutCatalog(patterns)
      : describeWithCatalog(patterns, catalog, maxListed)
  if (!negated) return { ...base, negated }
  return { ...base, negated, text: `every action except ${base.text}` }
}

interface FoundGroup {
  readonly levels: readonly AccessLevel[]
  readonly names: Set<string>
}

type Grouped = ReadonlyMap<string, ReadonlyMap<string, FoundGroup>>

/**
 * Actions by service, then by access levels, in the order they come; a list given twice (a
 * pattern written twice gets the same list from the catalog) is read once.
 */
function grouped(lists: readonly (readonly CatalogAction[])[]): Grouped {
  const byService = new Map<string, Map<string, FoundGroup>>()
  const read = new Set<readonly CatalogAction[]>()
  for (const actions of lists) {
    if (read.has(actions)) continue
    read.add(actions)
    groupInto(byService, actions)
  }
  return byService
}

function groupInto(
  byService: Map<string, Map<string, FoundGroup>>,
  actions: readonly CatalogAction[],
): void {
  for (const action of actions) {
    const levels = byService.get(action.service) ?? new Map<string, FoundGroup>()
    byService.set(action.service, levels)
    const key = action.accessLevels.join(', ')
    const group = levels.get(key) ?? { levels: action.accessLevels, names: new Set<string>() }
    levels.set(key, group)
    group.names.add(action.name)
  }
}

const groupedLists = new WeakMap<readonly CatalogAction[], Grouped>()

/** `grouped` of a frozen list, such as those the catalog answers and keeps, made once. */
function groupedOnce(actions: readonly CatalogAction[]): Grouped {
  if (!Object.isFrozen(actions)) return grouped([actions])
  let known = groupedLists.get(actions)
  if (known === undefined) {
    known = grouped([actions])
    groupedLists.set(actions, known)
  }
  return known
}

/**
 * The services the patterns reach, each with its groups, cut to the budget: the first
 * `maxListed` services, and `maxListed` names for the whole element, given out in the order of
 * the services and of their groups; each cut list counts what it leaves out.
 */
function listServices(
  byService: ReadonlyMap<string, ReadonlyMap<string, FoundGroup>>,
  catalog: Catalog,
  maxListed: number,
): { readonly services: ServiceActions[]; readonly omitted: number } {
  let names = maxListed
  const services: ServiceActions[] = []
  for (const [prefix, levels] of byService) {
    if (services.length >= maxListed) break
    const held = catalog.service(prefix)
    const found = [...levels.values()].sort((a, b) => levelRank(a.levels) - levelRank(b.levels))
    let actionCount = 0
    const groups = found.map((group): AccessLevelGroup => {
      actionCount += group.names.size
      const listed = Math.min(names, group.names.size)
      names -= listed
      const all = [...group.names].sort()
      return {
        accessLevels: group.levels,
        actions: listed === all.length ? all : all.slice(0, listed),
        ...(listed === all.length ? {} : { omittedActions: all.length - listed }),
      }
    })
    const serviceName = catalog.serviceName(prefix)
    services.push({
      prefix,
      ...(serviceName === undefined ? {} : { serviceName }),
      everyAction: held !== undefined && actionCount === held.actions.length,
      ...(held === undefined ? {} : { serviceActionCount: held.actions.length }),
      groups,
      actionCount,
    })
  }
  return { services, omitted: byService.size - services.length }
}

/** The services past those in words, counted with their actions. */
function otherServices(byService: ReadonlyMap<string, ReadonlyMap<string, FoundGroup>>): string {
  let services = 0
  let actions = 0
  for (const levels of [...byService.values()].slice(servicesShown)) {
    services++
    for (const group of levels.values()) actions += group.names.size
  }
  return `${count(services, 'more service')} (${count(actions, 'action')})`
}

function describeWithCatalog(
  patterns: readonly string[],
  catalog: Catalog,
  maxListed: number,
): ActionsDescription {
  const unmatched: string[] = []
  const lists: (readonly CatalogAction[])[] = []
  for (const pattern of patterns) {
    const matched = catalog.matchActions(pattern)
    if (matched.length === 0) unmatched.push(pattern)
    else lists.push(matched)
  }
  // one pattern's actions grouped once per list the catalog keeps (`*:*` names 22,000)
  const [only] = lists
  const byService = lists.length === 1 && only !== undefined ? groupedOnce(only) : grouped(lists)
  const listed = listServices(byService, catalog, maxListed)
  // the words name a few services whatever the budget lists; those past the list are described
  // from what was found, so the sentence says the same for every `maxListed`
  const inWords = listServices(
    new Map([...byService].slice(0, servicesShown)),
    catalog,
    Number.POSITIVE_INFINITY,
  ).services
  const left = { names: namesInWords }
  const parts = [
    ...inWords.map((service) => describeService(service, left)),
    ...(byService.size > servicesShown ? [otherServices(byService)] : []),
    ...unmatched.map((pattern) => `${quote(pattern)} (no such action in the service reference)`),
  ]
  return {
    negated: false,
    everyService: false,
    services: listed.services,
    ...(listed.omitted === 0 ? {} : { omittedServices: listed.omitted }),
    unmatched,
    text: joinWords(parts),
  }
}

function levelRank(levels: readonly AccessLevel[]): number {
  const first = levels[0]
  return first === undefined ? accessLevels.length : accessLevels.indexOf(first)
}
