import { type AccessLevel, accessLevels, type Catalog } from '../catalog/index.ts'
import type { ActionElement } from '../model/index.ts'
import { count, joinWords, quote, someOf } from './words.ts'

/** The actions of one access level (or pair of levels, such as `Tagging, Write`) of a service. */
export interface AccessLevelGroup {
  readonly accessLevels: readonly AccessLevel[]
  /** Action names without the service prefix, in alphabetical order. */
  readonly actions: readonly string[]
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
}

/** What an `Action` or `NotAction` element names, grouped by service and access level. */
export interface ActionsDescription {
  /** Whether the element is `NotAction`: the statement applies to every action *but* these. */
  readonly negated: boolean
  /** Whether a pattern (`*`) names every action of every service. */
  readonly everyService: boolean
  readonly services: readonly ServiceActions[]
  /** Patterns that name no action the catalog holds, as written. */
  readonly unmatched: readonly string[]
  /** In words: `3 Amazon Connect actions (Write: DeleteUser, UpdateUser…)`. */
  readonly text: string
}

const namesShown = 6

function serviceLabel(service: ServiceActions): string {
  return service.serviceName ?? quote(service.prefix)
}

function describeService(service: ServiceActions): string {
  const total = service.groups.reduce((sum, group) => sum + group.actions.length, 0)
  if (service.everyAction) return `every ${serviceLabel(service)} action`
  const groups = service.groups.map(
    (group) => `${group.accessLevels.join(', ')}: ${someOf(group.actions, namesShown)}`,
  )
  return `${count(total, `${serviceLabel(service)} action`)} (${groups.join('; ')})`
}

function describeWithoutCatalog(patterns: readonly string[]): ActionsDescription {
  const everyService = patterns.includes('*')
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
export function describeActions(element: ActionElement, catalog?: Catalog): ActionsDescription {
  const patterns = element.values.map((value) => value.value)
  const negated = element.element === 'NotAction'
  const base =
    catalog === undefined || patterns.includes('*')
      ? describeWithoutCatalog(patterns)
      : describeWithCatalog(patterns, catalog)
  if (!negated) return { ...base, negated }
  return { ...base, negated, text: `every action except ${base.text}` }
}

function describeWithCatalog(patterns: readonly string[], catalog: Catalog): ActionsDescription {
  const byService = new Map<
    string,
    Map<string, { levels: readonly AccessLevel[]; names: Set<string> }>
  >()
  const unmatched: string[] = []
  for (const pattern of patterns) {
    const matched = catalog.matchActions(pattern)
    if (matched.length === 0) {
      unmatched.push(pattern)
      continue
    }
    for (const action of matched) {
      const levels = byService.get(action.service) ?? new Map()
      byService.set(action.service, levels)
      const key = action.accessLevels.join(', ')
      const group = levels.get(key) ?? { levels: action.accessLevels, names: new Set<string>() }
      levels.set(key, group)
      group.names.add(action.name)
    }
  }
  const services = [...byService.entries()].map(([prefix, levels]): ServiceActions => {
    const held = catalog.service(prefix)
    const groups = [...levels.values()].map((group) => ({
      accessLevels: group.levels,
      actions: [...group.names].sort(),
    }))
    const total = groups.reduce((sum, group) => sum + group.actions.length, 0)
    const serviceName = catalog.serviceName(prefix)
    return {
      prefix,
      ...(serviceName === undefined ? {} : { serviceName }),
      everyAction: held !== undefined && total === held.actions.length,
      ...(held === undefined ? {} : { serviceActionCount: held.actions.length }),
      groups: groups.sort((a, b) => levelRank(a.accessLevels) - levelRank(b.accessLevels)),
    }
  })
  const parts = [
    ...services.map(describeService),
    ...unmatched.map((pattern) => `${quote(pattern)} (no such action in the service reference)`),
  ]
  return { negated: false, everyService: false, services, unmatched, text: joinWords(parts) }
}

function levelRank(levels: readonly AccessLevel[]): number {
  const first = levels[0]
  return first === undefined ? accessLevels.length : accessLevels.indexOf(first)
}
