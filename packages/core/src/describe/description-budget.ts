import type { Catalog } from '../catalog/index.ts'
import {
  type Budget,
  type OverBudget,
  overBudget,
  type PolicyDocument,
  statementSize,
} from '../model/index.ts'
import { namesInWords, servicesShown } from './describe-actions.ts'
import { effectiveWordsBytes } from './describe-effective.ts'
import { typesShown } from './describe-resources.ts'

/**
 * The budget of a description (`Budget`, in `model/budget.ts`), estimated from the sizes of the
 * policy and of the service reference before anything is described: `describePolicy` refuses a
 * policy whose description would pass `maxAnswerBytes` with an error that names the limit and the
 * figures, and describes nothing.
 *
 * Why a description needs one: a pattern of a few characters (`*:Get*`, `**`) names thousands of
 * actions of hundreds of services, and each statement repeats them; listed in full, a policy of
 * 1,972 characters was described in 363,329, and one of 18 in 684,723. With every list of the
 * reference cut to `maxListed` (`describeActions`, `describeResources`) and the words to a few
 * services and names, a statement's description is bounded by its own characters and by the
 * budget, and the estimate below holds it (a property test checks both):
 *
 * bytes ≤ 512 + Σ statements (1,200 + 400 per entry and condition value + 600 per clause
 *   + 64 per character of its values + with a catalog, per Action element, up to `maxListed`
 *   services and names (those its patterns can reach: one service for a pattern that names its
 *   service, every one otherwise) and the words of 3 services and 12 names, and per Resource
 *   value `maxListed` resource types and its words, each at the size of the longest the
 *   reference holds)
 *
 * which is linear in the policy's characters (every entry, clause and statement takes at least
 * two of them). 64 per character: a value appears up to ten times (in its list, the element's
 * words, the statement's sentence, `allows` or `denies`, the whole text) and a character of JSON
 * takes up to six (`\u0007`).
 *
 * The effective access (`describe-effective.ts`) is bounded apart: its grants are listed until
 * they would pass `effectiveAccessBytes` (16 KiB and 32 per character), and its other words are
 * cut to a fixed size; the grants past them are counted (`summarizeAccess` lists them all).
 */

/** Bytes of JSON of the longest names a service reference holds, for the estimate. */
interface ReferenceSizes {
  readonly services: number
  readonly actions: number
  readonly resourceTypes: number
  readonly longestPrefix: number
  readonly longestServiceName: number
  readonly longestAction: number
  readonly longestLevels: number
  /** The most access-level groups one service's actions fall into. */
  readonly mostGroups: number
  /** `service:type`. */
  readonly longestResourceType: number
  readonly longestTypeName: number
}

const referenceSizes = new WeakMap<Catalog, ReferenceSizes>()

const jsonLength = (text: string) => JSON.stringify(text).length

/** The sizes of a reference, measured once per catalog (it is immutable). */
function sizesOf(catalog: Catalog): ReferenceSizes {
  const known = referenceSizes.get(catalog)
  if (known !== undefined) return known
  let services = 0
  let actions = 0
  let resourceTypes = 0
  let longestPrefix = 0
  let longestServiceName = 0
  let longestAction = 0
  let longestLevels = 0
  let mostGroups = 0
  let longestResourceType = 0
  let longestTypeName = 0
  for (const prefix of catalog.servicePrefixes) {
    services++
    longestPrefix = Math.max(longestPrefix, jsonLength(prefix))
    longestServiceName = Math.max(longestServiceName, jsonLength(catalog.serviceName(prefix) ?? ''))
    const service = catalog.service(prefix)
    if (service === undefined) continue
    longestServiceName = Math.max(longestServiceName, jsonLength(service.name))
    const groups = new Set<string>()
    for (const action of service.actions) {
      actions++
      longestAction = Math.max(longestAction, jsonLength(action.name))
      const levels = action.accessLevels.join(', ')
      groups.add(levels)
      longestLevels = Math.max(longestLevels, jsonLength(levels))
    }
    mostGroups = Math.max(mostGroups, groups.size)
    for (const type of service.resourceTypes) {
      resourceTypes++
      longestResourceType = Math.max(
        longestResourceType,
        jsonLength(`${type.service}:${type.name}`),
      )
      longestTypeName = Math.max(longestTypeName, jsonLength(type.name))
    }
  }
  const sizes: ReferenceSizes = {
    services,
    actions,
    resourceTypes,
    longestPrefix,
    longestServiceName,
    longestAction,
    longestLevels,
    mostGroups,
    longestResourceType,
    longestTypeName,
  }
  referenceSizes.set(catalog, sizes)
  return sizes
}

/** Copies of an Action element's words: its own text, the sentence, `allows` or `denies`, the text. */
const actionWordCopies = 4
/** Copies of a Resource value's words: its own text, the element's, and the sentence's three. */
const resourceWordCopies = 5

/**
 * What an Action element's patterns can reach, read from the patterns alone: a pattern whose
 * service part has no wildcard (`connect:Describe*`) reaches that one service and its actions at
 * most; any other (`*:Get*`, `**`) the whole reference.
 */
function reachOf(
  patterns: readonly string[],
  catalog: Catalog,
  sizes: ReferenceSizes,
): { readonly services: number; readonly actions: number } {
  let services = 0
  let actions = 0
  for (const pattern of patterns) {
    const colon = pattern.indexOf(':')
    const prefix = colon < 0 ? pattern : pattern.slice(0, colon)
    if (prefix.includes('*') || prefix.includes('?')) {
      return { services: sizes.services, actions: sizes.actions }
    }
    const service = catalog.service(prefix.toLowerCase())
    if (service === undefined) continue
    services++
    actions += service.actions.length
  }
  return { services: Math.min(services, sizes.services), actions: Math.min(actions, sizes.actions) }
}

/** Bytes an Action element adds with a catalog: its lists cut to `maxListed`, and its words. */
function actionsBytes(
  patterns: readonly string[],
  catalog: Catalog,
  sizes: ReferenceSizes,
  maxListed: number,
): number {
  // `*` is every action of every service, in words alone
  if (patterns.includes('*')) return 0
  const reach = reachOf(patterns, catalog, sizes)
  const services = Math.min(maxListed, reach.services)
  const names = Math.min(maxListed, reach.actions)
  // a group: its levels, its names' list and count; a service: its names, flags and counts
  const group = 64 + sizes.longestLevels
  const service = 160 + sizes.longestPrefix + sizes.longestServiceName + sizes.mostGroups * group
  const shownService = 60 + sizes.longestServiceName + sizes.mostGroups * (40 + sizes.longestLevels)
  const words =
    80 +
    Math.min(servicesShown, reach.services) * shownService +
    Math.min(namesInWords, reach.actions) * (sizes.longestAction + 2)
  return services * service + names * (sizes.longestAction + 1) + actionWordCopies * words
}

/** Bytes a Resource value adds with a catalog: its types cut to `maxListed`, and its words. */
function resourceBytes(sizes: ReferenceSizes, maxListed: number): number {
  const types = Math.min(maxListed, sizes.resourceTypes)
  const words = 80 + sizes.longestServiceName + typesShown * (sizes.longestTypeName + 2)
  return types * (sizes.longestResourceType + 1) + resourceWordCopies * words
}

/**
 * Bytes of JSON the grants of the effective access of `document` may take
 * (`describeEffectiveAccess` lists them until they would pass it, and counts the others): 16 KiB
 * and 32 per character of its statements, which keeps a description within the bound every
 * answer of this toolkit keeps (64 KiB and 64 per character of its input).
 */
export function effectiveAccessBytes(document: PolicyDocument): number {
  let chars = 0
  for (const statement of document.statements) chars += statementSize(statement).chars
  return 16 * 1024 + 32 * chars
}

/**
 * Bytes of JSON the description of `document` is estimated to take, at most: see the bound in
 * this file's comment; with a catalog and `effective` (unless `false`), the effective access's
 * share besides.
 */
export function descriptionBytes(
  document: PolicyDocument,
  catalog: Catalog | undefined,
  budget: Budget,
  effective = true,
): number {
  const sizes = catalog === undefined ? undefined : sizesOf(catalog)
  const perResource = sizes === undefined ? 0 : resourceBytes(sizes, budget.maxListed)
  let bytes = 512
  for (const statement of document.statements) {
    const size = statementSize(statement)
    const entries = size.actions + size.resources + size.principals + size.conditionValues
    const chars = size.chars + (statement.effect?.value.length ?? 0)
    bytes += 1200 + 400 * entries + 600 * size.clauses + 64 * chars
    if (statement.action !== undefined && catalog !== undefined && sizes !== undefined) {
      const patterns = statement.action.values.map((value) => value.value)
      bytes += actionsBytes(patterns, catalog, sizes, budget.maxListed)
    }
    bytes += size.resources * perResource
  }
  if (effective && catalog !== undefined && document.statements.length > 0) {
    bytes += effectiveAccessBytes(document) + effectiveWordsBytes
  }
  return bytes
}

/** The refusal of a description estimated over `maxAnswerBytes`, else undefined. */
export function descriptionOverBudget(
  document: PolicyDocument,
  catalog: Catalog | undefined,
  budget: Budget,
  effective = true,
): OverBudget | undefined {
  const bytes = descriptionBytes(document, catalog, budget, effective)
  return overBudget('maxAnswerBytes', bytes, budget)
}
