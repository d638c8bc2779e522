import type { CatalogAction } from '../catalog/index.ts'

/**
 * What the checks ask of a list of catalog actions (a statement's `Action` values resolved),
 * worked out once per list. The lists are the catalog's own (`allActions`, the answers of
 * `matchActions`, kept by the catalog and frozen) or the unions `actionUnion` keeps, so a
 * statement of `"Action": "*"` costs a map access here on every validation after the first,
 * instead of a pass over every action of the reference per statement and per condition key.
 */
interface ListFacts {
  set?: ReadonlySet<CatalogAction>
  /** How many actions of the list support each condition key, by lower-case name. */
  keyCounts?: ReadonlyMap<string, number>
  unsupported?: Map<string, readonly string[]>
  multiResource?: readonly CatalogAction[]
  wildcardOnly?: readonly CatalogAction[]
  services?: ReadonlySet<string>
}

const facts = new WeakMap<readonly CatalogAction[], ListFacts>()

/**
 * Lists shorter than this are read afresh each time: keeping what is worked out for a list
 * costs a weak map entry, which for a statement's few actions costs more than the work.
 */
const keptFrom = 64

function factsOf(list: readonly CatalogAction[]): ListFacts {
  // a list that can still change is read afresh each time too
  if (list.length < keptFrom || !Object.isFrozen(list)) return {}
  let found = facts.get(list)
  if (found === undefined) {
    found = {}
    facts.set(list, found)
  }
  return found
}

/** The actions of a list, for membership tests. */
export function actionSet(list: readonly CatalogAction[]): ReadonlySet<CatalogAction> {
  const known = factsOf(list)
  known.set ??= new Set(list)
  return known.set
}

/** The actions of several lists, once each, in the order they first appear, frozen. */
function unionOf(lists: readonly (readonly CatalogAction[])[]): readonly CatalogAction[] {
  const union = new Set<CatalogAction>()
  for (const list of lists) for (const action of list) union.add(action)
  return Object.freeze([...union])
}

const smallUnion = 1024

const listIds = new WeakMap<readonly CatalogAction[], number>()
let nextListId = 0
const unions = new Map<string, readonly CatalogAction[]>()

/**
 * The actions of several lists, once each, in the order they first appear: for lists of over
 * `smallUnion` actions in all (`"Action": ["*", ...]`), the same frozen list for the same lists,
 * so that what is worked out for it is kept. The store is emptied when it holds 10,000 unions,
 * which bounds its memory.
 */
export function actionUnion(
  lists: readonly (readonly CatalogAction[])[],
): readonly CatalogAction[] {
  const [first] = lists
  if (first !== undefined && lists.length === 1 && Object.isFrozen(first)) return first
  let total = 0
  for (const list of lists) total += list.length
  // a small union costs less to make again than to look up
  if (total <= smallUnion) return unionOf(lists)
  const ids: number[] = []
  let keep = true
  for (const list of lists) {
    keep &&= Object.isFrozen(list)
    let id = listIds.get(list)
    if (id === undefined) {
      id = nextListId++
      listIds.set(list, id)
    }
    ids.push(id)
  }
  const key = ids.join(',')
  const kept = keep ? unions.get(key) : undefined
  if (kept !== undefined) return kept
  const made = unionOf(lists)
  if (keep) {
    if (unions.size >= 10_000) unions.clear()
    unions.set(key, made)
  }
  return made
}

/** How many actions of a list support a condition key (`CatalogAction.conditionKeys`). */
export function supportingCount(list: readonly CatalogAction[], folded: string): number {
  const known = factsOf(list)
  if (known.keyCounts === undefined) {
    const counts = new Map<string, number>()
    for (const action of list) {
      for (const key of action.conditionKeys) counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    known.keyCounts = counts
  }
  return known.keyCounts.get(folded) ?? 0
}

/** The services of the actions of a list that do not support a condition key, in list order. */
export function unsupportedServices(
  list: readonly CatalogAction[],
  folded: string,
): readonly string[] {
  const known = factsOf(list)
  known.unsupported ??= new Map()
  let services = known.unsupported.get(folded)
  if (services === undefined) {
    const found = new Set<string>()
    for (const action of list) if (!action.conditionKeys.has(folded)) found.add(action.service)
    services = [...found]
    known.unsupported.set(folded, services)
  }
  return services
}

/** The actions of a list authorized against more than one resource type, in list order. */
export function multiResourceActions(list: readonly CatalogAction[]): readonly CatalogAction[] {
  const known = factsOf(list)
  known.multiResource ??= list.filter((action) => action.resourceTypes.length > 1)
  return known.multiResource
}

/** The actions of a list that take no resource, in list order. */
export function wildcardOnlyActions(list: readonly CatalogAction[]): readonly CatalogAction[] {
  const known = factsOf(list)
  known.wildcardOnly ??= list.filter((action) => action.wildcardOnly)
  return known.wildcardOnly
}

/**
 * The services whose resources the actions of a list may act on: their own, and those of the
 * ARN formats of their resource types.
 */
export function resourceServices(list: readonly CatalogAction[]): ReadonlySet<string> {
  const known = factsOf(list)
  if (known.services === undefined) {
    const services = new Set<string>(list.map((action) => action.service))
    for (const action of list) {
      for (const { type } of action.resourceTypes) {
        for (const format of type.arnFormats) services.add(format.service)
      }
    }
    known.services = services
  }
  return known.services
}

/**
 * How many actions of a list are in a set, from whichever of the two is smaller: the set of the
 * actions that reach a statement's resources is often a few where the list is thousands.
 */
export function countReached(
  list: readonly CatalogAction[],
  reached: ReadonlySet<CatalogAction>,
): number {
  if (reached.size >= list.length) return list.filter((action) => reached.has(action)).length
  const members = actionSet(list)
  let count = 0
  for (const action of reached) if (members.has(action)) count++
  return count
}

/**
 * The first `limit` actions of a list that are not in a set: at most `limit` more than the set
 * holds are looked at.
 */
export function firstNotIn(
  list: readonly CatalogAction[],
  reached: ReadonlySet<CatalogAction>,
  limit: number,
): CatalogAction[] {
  const found: CatalogAction[] = []
  for (const action of list) {
    if (found.length >= limit) break
    if (!reached.has(action)) found.push(action)
  }
  return found
}
