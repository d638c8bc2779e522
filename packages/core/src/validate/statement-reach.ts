import type {
  Catalog,
  CatalogAction,
  CatalogReach,
  CatalogResourceType,
  FormatComparisonWork,
} from '../catalog/index.ts'
import { actionUnion } from './action-lists.ts'
import type { StatementFacts } from './check-context.ts'

const reaches = new WeakMap<StatementFacts, CatalogReach>()
const namedTypes = new WeakMap<StatementFacts, ReadonlySet<CatalogResourceType>>()

/** Every action a statement's `Action` values name in the catalog, once each. */
function statementActions(facts: StatementFacts): readonly CatalogAction[] {
  if (facts.knownActions !== undefined) return facts.knownActions
  const lists: (readonly CatalogAction[])[] = []
  for (const entry of facts.actionEntries)
    if (entry.actions !== undefined) lists.push(entry.actions)
  return actionUnion(lists)
}

/**
 * Which of a statement's actions reach one of its resources, and which of its resources one of
 * its actions reaches (`catalog.reachBetween`), worked out once per statement: the checks ask
 * it for every action and every resource, and asking `actionReaches` of every pair made
 * `"Action": "*"` with a few hundred ARNs cost seconds.
 */
export function statementReach(
  catalog: Catalog,
  facts: StatementFacts,
  work: FormatComparisonWork,
): CatalogReach {
  let reach = reaches.get(facts)
  if (reach === undefined) {
    reach = catalog.reachBetween(
      statementActions(facts),
      facts.resources.map((resource) => resource.value),
      work,
    )
    reaches.set(facts, reach)
  }
  return reach
}

/**
 * The resource types whose ARNs some `Resource` value of a statement can name, worked out once
 * per statement from each value's types (`catalog.resourceTypesOf`, the same overlap test as
 * `overlapsResourceType`).
 */
export function statementTypes(
  catalog: Catalog,
  facts: StatementFacts,
  work: FormatComparisonWork,
): ReadonlySet<CatalogResourceType> {
  let types = namedTypes.get(facts)
  if (types === undefined) {
    const found = new Set<CatalogResourceType>()
    for (const resource of facts.resources) {
      for (const type of catalog.resourceTypesOf(resource.value, work)) found.add(type)
    }
    types = found
    namedTypes.set(facts, types)
  }
  return types
}
