import { compileWildcard, matchesWildcard } from '../match/index.ts'
import { type ArnFormat, readArnFormat, separatedVariables } from './arn-format.ts'
import {
  type AccessLevel,
  type CatalogData,
  type CatalogSource,
  type ConditionKeyData,
  type ConditionKeyType,
  isMultivalued,
  type ServiceData,
} from './catalog-data.ts'
import { defaultComparisonSteps, type FormatComparisonWork, readWork } from './comparison-work.ts'
import {
  type ConditionKeyName,
  matchesConditionKeyName,
  readConditionKeyName,
} from './condition-key-name.ts'
import {
  namesWholeService,
  type OverlapWork,
  overlapsFormat,
  readOverlapPattern,
  serviceFieldOf,
} from './format-overlap.ts'
import { readCatalogData } from './read-catalog-data.ts'

export interface CatalogResourceType {
  readonly service: string
  readonly name: string
  readonly arnFormats: readonly ArnFormat[]
  readonly conditionKeys: readonly string[]
}

export interface CatalogActionResourceType {
  readonly type: CatalogResourceType
  readonly required: boolean
  readonly conditionKeys: readonly string[]
}

export interface CatalogAction {
  /** The service prefix, lower case. */
  readonly service: string
  readonly name: string
  /** `service:Name`, as the reference spells it. */
  readonly fullName: string
  /** The reference's one-line description of the action, when the data gives one. */
  readonly description?: string
  readonly accessLevels: readonly AccessLevel[]
  readonly resourceTypes: readonly CatalogActionResourceType[]
  /** Whether the action takes no resource, so that only `Resource: "*"` reaches it. */
  readonly wildcardOnly: boolean
  /** Every condition key the action supports, its resource types' included, lower case. */
  readonly conditionKeys: ReadonlySet<string>
  /** The condition keys the reference lists for the action itself, as it writes them. */
  readonly ownConditionKeys: readonly string[]
  readonly dependentActions: readonly string[]
}

/** What `reachBetween` finds: which actions reach a resource, and which resources an action reaches. */
export interface CatalogReach {
  readonly actions: ReadonlySet<CatalogAction>
  readonly resources: ReadonlySet<string>
  /** Whether every action of the catalog's given was reached (`actions` holds them all). */
  readonly everyAction: boolean
}

export interface CatalogService {
  readonly prefix: string
  readonly name: string
  readonly actions: readonly CatalogAction[]
  readonly resourceTypes: readonly CatalogResourceType[]
  readonly conditionKeys: readonly ConditionKeyData[]
}

export interface CatalogConditionKey {
  readonly name: string
  readonly type: ConditionKeyType
  /** Whether it holds several values in a request (an `ArrayOf…` type). */
  readonly multivalued: boolean
  /** Whether it is a global key, available to every service. */
  readonly global: boolean
  readonly description?: string
}

/**
 * The service reference with its lookups built once: every lookup after `createCatalog` is a
 * map access or a scan of one service's entries, with no I/O.
 */
export interface Catalog {
  readonly source: CatalogSource
  readonly partitions: ReadonlySet<string>
  readonly regions: ReadonlySet<string>
  /** Prefixes of every service the catalog knows, held in full or not. */
  readonly servicePrefixes: readonly string[]
  /** Prefixes of the services held in full. */
  readonly coveredPrefixes: readonly string[]
  /** Whether a prefix names a service, held in full or not. Case-insensitive. */
  readonly isService: (prefix: string) => boolean
  /** A service held in full, by prefix. Case-insensitive. */
  readonly service: (prefix: string) => CatalogService | undefined
  /** The name of any known service. */
  readonly serviceName: (prefix: string) => string | undefined
  /** One action by full name (`connect:DescribeUser`). Case-insensitive, as IAM reads actions. */
  readonly action: (fullName: string) => CatalogAction | undefined
  /** Every action held that an `Action` pattern (`connect:Describe*`, `*`) names, by full name. */
  readonly matchActions: (pattern: string) => readonly CatalogAction[]
  /** Every action of every service held, by service. */
  readonly allActions: readonly CatalogAction[]
  /**
   * The resource types whose ARNs a `Resource` value (an ARN or an ARN pattern) can name, worked
   * out within `work` (`FormatComparisonWork`; without it, within `defaultComparisonSteps`).
   */
  readonly resourceTypesOf: (
    resource: string,
    work?: FormatComparisonWork,
  ) => readonly CatalogResourceType[]
  /** Whether an action can be authorized against something a `Resource` value names. */
  readonly actionReaches: (
    action: CatalogAction,
    resource: string,
    work?: FormatComparisonWork,
  ) => boolean
  /**
   * `actionReaches` for every action and resource of a statement at once: the actions that
   * reach some resource, and the resources some action reaches. Worked out through each
   * resource's types and each action's types, in time about the actions plus the resources
   * times the types they name, never the actions times the resources.
   */
  readonly reachBetween: (
    actions: readonly CatalogAction[],
    resources: readonly string[],
    work?: FormatComparisonWork,
  ) => CatalogReach
  /** The names of the global condition keys, as the reference writes them. */
  readonly globalKeyNames: readonly string[]
  /** A condition key by name, global or of a service held, variable parts resolved. */
  readonly conditionKey: (name: string) => CatalogConditionKey | undefined
  /**
   * The service fields that ARNs may carry (`connect`, `wisdom`): those of the resource types
   * held, and those the data gives for services known by name only.
   */
  readonly arnServices: ReadonlySet<string>
  /** Services that resource control policies apply to, when the data says. */
  readonly rcpServices?: ReadonlySet<string>
}

/** A list of actions given to `reachBetween`, indexed. */
interface ActionList {
  readonly actions: readonly CatalogAction[]
  readonly byType: ReadonlyMap<CatalogResourceType, readonly CatalogAction[]>
  readonly byService: ReadonlyMap<string, readonly CatalogAction[]>
  /** Whether some action is in neither index: one only `*` reaches. */
  readonly unindexed: boolean
  /** The actions as a set, made the first time every one of them is reached, then kept. */
  all?: ReadonlySet<CatalogAction>
  /** The same for the actions that take a resource, when every type and no service is reached. */
  typed?: ReadonlySet<CatalogAction>
}

interface KeyIndex {
  readonly exact: Map<string, CatalogConditionKey>
  readonly variable: { readonly name: ConditionKeyName; readonly key: CatalogConditionKey }[]
}

function indexKeys(keys: readonly ConditionKeyData[], global: boolean, into: KeyIndex): void {
  for (const data of keys) {
    const key: CatalogConditionKey = {
      name: data.name,
      type: data.type,
      multivalued: isMultivalued(data.type),
      global,
      ...(data.description === undefined ? {} : { description: data.description }),
    }
    const name = readConditionKeyName(data.name)
    if (name.exact !== undefined) {
      if (!into.exact.has(name.exact)) into.exact.set(name.exact, key)
    } else {
      into.variable.push({ name, key })
    }
  }
}

const byName = (a: { readonly name: string }, b: { readonly name: string }) =>
  a.name.toLowerCase() < b.name.toLowerCase()
    ? -1
    : a.name.toLowerCase() > b.name.toLowerCase()
      ? 1
      : 0

function buildService(data: ServiceData): CatalogService {
  const separators = new Map<string, string>()
  for (const type of data.resourceTypes) {
    for (const format of type.arnFormats.flatMap(eachArn)) {
      for (const [name, after] of separatedVariables(format)) {
        separators.set(name, after)
      }
    }
  }
  const resourceTypes = data.resourceTypes.map(
    (type): CatalogResourceType => ({
      service: data.prefix,
      name: type.name,
      arnFormats: type.arnFormats
        .flatMap(eachArn)
        .flatMap((format) => readArnFormat(format, separators) ?? []),
      conditionKeys: type.conditionKeys,
    }),
  )
  // actions by name, services by prefix: every list of actions a catalog gives is in this order
  const actions = [...data.actions].sort(byName).map((action): CatalogAction => {
    const types = action.resourceTypes.flatMap((reference) =>
      // services sharing one prefix (Elastic Load Balancing's two APIs) name a type `loadbalancer`
      // whose forms are listed as `loadbalancer/app/`, `loadbalancer/net/`, ...
      resourceTypes
        .filter(
          (type) => type.name === reference.name || type.name.startsWith(`${reference.name}/`),
        )
        .map((type) => ({
          type,
          required: reference.required,
          conditionKeys: reference.conditionKeys ?? [],
        })),
    )
    const conditionKeys = new Set(action.conditionKeys.map((key) => key.toLowerCase()))
    for (const { type, conditionKeys: keys } of types) {
      for (const key of [...keys, ...type.conditionKeys]) conditionKeys.add(key.toLowerCase())
    }
    return {
      service: data.prefix,
      name: action.name,
      fullName: `${data.prefix}:${action.name}`,
      // `readCatalogData` keeps an action whole without reading its description: only text is
      // carried, so that a front end never shows something else as one
      ...(isText(action.description) ? { description: action.description } : {}),
      accessLevels: action.accessLevels,
      resourceTypes: types,
      wildcardOnly: action.resourceTypes.length === 0,
      conditionKeys,
      ownConditionKeys: action.conditionKeys,
      dependentActions: action.dependentActions ?? [],
    }
  })
  return {
    prefix: data.prefix,
    name: data.name,
    actions,
    resourceTypes,
    conditionKeys: data.conditionKeys,
  }
}

const starsOnly = /^\*+$/
const isText = (value: unknown): value is string => typeof value === 'string'

const noTypes: readonly CatalogResourceType[] = Object.freeze([])
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's notation, not a template
const anyService = '${Service}'

/**
 * `compute` with its answers kept by argument, so that values a policy repeats are worked out
 * once. The answers are kept in two generations of 10,000: when the recent one is full it
 * becomes the older one and the older one is dropped, which bounds the memory, and a policy that
 * asks again about the same 10,000 to 20,000 values (its resources, one check after another)
 * finds them still kept rather than worked out again for each check.
 */
function kept<T>(compute: (key: string) => T): (key: string) => T {
  const answers = keptAnswers<T>()
  return (key) => {
    let answer = answers.get(key)
    if (answer === undefined) {
      answer = compute(key)
      answers.set(key, answer)
    }
    return answer
  }
}

/** The two generations of `kept`, read and written by their user. */
function keptAnswers<T>(): {
  readonly get: (key: string) => T | undefined
  readonly set: (key: string, answer: T) => void
} {
  let recent = new Map<string, T>()
  let older = new Map<string, T>()
  const set = (key: string, answer: T) => {
    if (recent.size >= 10_000) {
      older = recent
      recent = new Map()
    }
    recent.set(key, answer)
  }
  return {
    get: (key) => {
      const answer = recent.get(key)
      if (answer !== undefined) return answer
      const old = older.get(key)
      if (old !== undefined) set(key, old)
      return old
    },
    set,
  }
}

/**
 * The types of one `Resource` value: exact, with the steps working them out took, or, when they
 * could not be worked out within `steps`, every type the value could name before any comparison.
 */
interface TypesAnswer {
  readonly types: readonly CatalogResourceType[]
  readonly steps: number
  readonly exact: boolean
}

/**
 * Builds the lookups of a catalog from its data. Pure; run once and share the result. Data that
 * is not `CatalogData`, in whole or in part, is read as far as it has its shape
 * (`readCatalogData`).
 */
/**
 * The ARN formats one entry of the reference holds: a few list two ARNs in one string, comma
 * separated (API Gateway's `Authorizer` is `arn:…::/apis/${ApiId}/authorizers/${AuthorizerId},
 * arn:…::/restapis/${RestApiId}/authorizers/${AuthorizerId}`), each a format of its own.
 */
function eachArn(format: string): string[] {
  return format.split(/,\s*(?=arn:)/)
}

export function createCatalog(given: CatalogData): Catalog {
  const data = readCatalogData(given)
  const services = new Map<string, CatalogService>()
  const names = new Map<string, string>()
  const otherArnServices: string[] = []
  for (const other of data.otherServices ?? []) {
    names.set(other.prefix.toLowerCase(), other.name)
    otherArnServices.push(...(other.arnServices ?? []))
  }
  const keys: KeyIndex = { exact: new Map(), variable: [] }
  indexKeys(data.globalConditionKeys, true, keys)
  const actionsByName = new Map<string, CatalogAction>()
  const typesByArnService = new Map<string, CatalogResourceType[]>()
  const byPrefix = (a: ServiceData, b: ServiceData) =>
    a.prefix.toLowerCase() < b.prefix.toLowerCase()
      ? -1
      : a.prefix.toLowerCase() > b.prefix.toLowerCase()
        ? 1
        : 0
  for (const serviceData of [...data.services].sort(byPrefix)) {
    const service = buildService(serviceData)
    const prefix = service.prefix.toLowerCase()
    services.set(prefix, service)
    names.set(prefix, service.name)
    indexKeys(serviceData.conditionKeys, false, keys)
    for (const action of service.actions) actionsByName.set(action.fullName.toLowerCase(), action)
    for (const type of service.resourceTypes) {
      for (const format of type.arnFormats) {
        // a service field such as `${Vendor}` stands for several services
        const arnService = format.service.includes('${') ? anyService : format.service
        if (typesByArnService.get(arnService)?.includes(type)) continue
        const list = typesByArnService.get(arnService) ?? []
        list.push(type)
        typesByArnService.set(arnService, list)
      }
    }
  }
  // frozen, as every list of actions the catalog answers: what is worked out for a list is kept
  const allActions = Object.freeze([...services.values()].flatMap((service) => service.actions))
  const ownActions = new WeakSet<CatalogAction>(actionsByName.values())
  const isOwnAction = (action: unknown): action is CatalogAction =>
    typeof action === 'object' && action !== null && ownActions.has(action as CatalogAction)
  const allTypes = [...services.values()].flatMap((service) => service.resourceTypes)
  const serviceList = [...services.values()]
  // actions by lower-case name within each service, and their lower-case names, built once so
  // that matching an Action value reads a map or one service's names, never refolds them
  const actionsByFoldedName = new Map<string, CatalogAction[]>()
  const foldedNames = new Map<CatalogService, readonly string[]>()
  for (const service of serviceList) {
    foldedNames.set(
      service,
      service.actions.map((action) => action.name.toLowerCase()),
    )
    for (const action of service.actions) {
      const key = `${service.prefix.toLowerCase()}:${action.name.toLowerCase()}`
      const list = actionsByFoldedName.get(key)
      if (list === undefined) actionsByFoldedName.set(key, [action])
      else list.push(action)
    }
  }
  const noActions: readonly CatalogAction[] = []

  const findActions = (folded: string): readonly CatalogAction[] => {
    if (starsOnly.test(folded)) return allActions
    const colon = folded.indexOf(':')
    if (colon < 0) return noActions
    if (!/[*?]/.test(folded)) return actionsByFoldedName.get(folded) ?? noActions
    const servicePattern = folded.slice(0, colon)
    const namePattern = compileWildcard(folded.slice(colon + 1))
    const serviceWildcard = /[*?]/.test(servicePattern)
      ? compileWildcard(servicePattern)
      : undefined
    const candidates =
      serviceWildcard === undefined
        ? [services.get(servicePattern)].filter((service) => service !== undefined)
        : serviceList.filter((service) =>
            matchesWildcard(serviceWildcard, service.prefix.toLowerCase()),
          )
    return candidates.flatMap((service) => {
      const names = foldedNames.get(service) ?? []
      return service.actions.filter((_, index) => matchesWildcard(namePattern, names[index] ?? ''))
    })
  }

  // policies repeat the same values (`s3:Get*`, `logs:CreateLogStream`): answers are kept
  const actionsOfFolded = kept((folded: string) => Object.freeze(findActions(folded)))
  const matchActions = (pattern: string): readonly CatalogAction[] =>
    actionsOfFolded(pattern.toLowerCase())

  const patternOf = kept(readOverlapPattern)

  // the types of one ARN service field and those of any service, made once per service field
  const typesOfService = new Map<string, readonly CatalogResourceType[]>()
  const candidatesOfService = (service: string): readonly CatalogResourceType[] => {
    let types = typesOfService.get(service)
    if (types === undefined) {
      types = Object.freeze([
        ...(typesByArnService.get(service) ?? []),
        ...(typesByArnService.get(anyService) ?? []),
      ])
      // a value's service field is written by the policy: only the reference's are kept
      if (typesByArnService.has(service)) typesOfService.set(service, types)
    }
    return types
  }

  /** The types a value could name before its ARN is compared with any format. */
  const candidatesOf = (resource: string): readonly CatalogResourceType[] => {
    const pattern = patternOf(resource)
    if (pattern.anything) return allTypes
    const serviceField = serviceFieldOf(pattern)
    return serviceField?.every((token) => typeof token === 'string') === true
      ? candidatesOfService(serviceField.join(''))
      : allTypes
  }

  const compareWithFormats = (resource: string, limit: number): TypesAnswer => {
    const pattern = patternOf(resource)
    if (pattern.anything) return { types: allTypes, steps: 0, exact: true }
    // a value that is no ARN pattern names no type
    if (pattern.fields === undefined) return { types: noTypes, steps: 0, exact: true }
    const candidates = candidatesOf(resource)
    const work: OverlapWork = { steps: 0, limit }
    const found: CatalogResourceType[] = []
    for (const type of candidates) {
      let overlaps: boolean | undefined = false
      for (const format of type.arnFormats) {
        overlaps = overlapsFormat(pattern, format, work)
        if (overlaps !== false) break
      }
      if (overlaps === undefined) return { types: candidates, steps: limit, exact: false }
      if (overlaps) found.push(type)
    }
    return { types: Object.freeze(found), steps: work.steps, exact: true }
  }

  // the best answer known for each value: an exact one, or the approximate one of the largest
  // limit tried; a limit below what the exact one took gets the approximate answer, as it would
  // if nothing had been kept
  const typeAnswers = keptAnswers<TypesAnswer>()
  const typesWithin = (resource: string, limit: number): TypesAnswer => {
    const known = typeAnswers.get(resource)
    if (known !== undefined) {
      if (known.exact && known.steps <= limit) return known
      if (known.exact || known.steps >= limit) {
        return { types: candidatesOf(resource), steps: limit, exact: false }
      }
    }
    const answer = compareWithFormats(resource, limit)
    typeAnswers.set(resource, answer)
    return answer
  }

  const typesAnswer = (resource: string, work: FormatComparisonWork | undefined): TypesAnswer => {
    if (work === undefined) return typesWithin(resource, defaultComparisonSteps)
    // a value asked about again in the same call gets the same answer, at no further cost
    const exact = work.answered.get(resource)
    if (exact !== undefined) return typesWithin(resource, exact ? Number.POSITIVE_INFINITY : 0)
    // a remaining count that is no number allows nothing, never everything
    const limit = Number.isNaN(work.remaining) ? 0 : Math.max(0, work.remaining)
    const answer = typesWithin(resource, limit)
    work.remaining -= answer.steps
    work.answered.set(resource, answer.exact)
    if (!answer.exact) work.approximate.add(resource)
    return answer
  }

  const resourceTypesOf = (resource: string, work: FormatComparisonWork | undefined) =>
    typesAnswer(resource, work).types

  // a type reaches a resource when the resource can name one of its ARNs: when it is among the
  // resource's types, which are worked out once per resource (a property test holds the two
  // readings equal), so many actions sharing a type (Connect's `instance`) cost a set lookup
  const typeSets = new WeakMap<readonly CatalogResourceType[], ReadonlySet<CatalogResourceType>>()
  const typeSetOf = (
    resource: string,
    work: FormatComparisonWork | undefined,
  ): ReadonlySet<CatalogResourceType> => {
    const types = resourceTypesOf(resource, work)
    let set = typeSets.get(types)
    if (set === undefined) {
      set = new Set(types)
      typeSets.set(types, set)
    }
    return set
  }

  const actionReaches = (
    action: CatalogAction,
    resource: string,
    work: FormatComparisonWork | undefined,
  ): boolean => {
    const pattern = patternOf(resource)
    if (pattern.anything) return true
    if (action.wildcardOnly) return namesWholeService(pattern, action.service)
    const types = typeSetOf(resource, work)
    return action.resourceTypes.some(({ type }) => types.has(type))
  }

  const reachBetween = (
    list: ActionList,
    resources: readonly string[],
    work: FormatComparisonWork | undefined,
  ): CatalogReach => {
    const reaching = new Set<CatalogAction>()
    const reached = new Set<string>()
    const { actions, byType, byService } = list
    if (actions.length === 0) return { actions: reaching, resources: reached, everyAction: true }
    const reachedTypes = new Set<CatalogResourceType>()
    const reachedServices = new Set<string>()
    let anything = false
    for (const resource of resources) {
      const pattern = patternOf(resource)
      if (pattern.anything) {
        anything = true
        reached.add(resource)
        continue
      }
      for (const type of typeSetOf(resource, work)) {
        if (!byType.has(type)) continue
        reachedTypes.add(type)
        reached.add(resource)
      }
      // only a value whose resource part is all wildcards names a whole service
      if (!namesWholeService(pattern, undefined)) continue
      for (const service of byService.keys()) {
        if (!namesWholeService(pattern, service)) continue
        reachedServices.add(service)
        reached.add(resource)
      }
    }
    // the actions reached, through the types and services reached rather than action by action;
    // when that is all of them (`"Action": "*"` on `arn:aws:*:*:*:*`), the list's own set, made
    // once rather than 22,000 additions a statement
    if (
      anything ||
      (!list.unindexed &&
        reachedTypes.size === byType.size &&
        reachedServices.size === byService.size)
    ) {
      list.all ??= new Set(actions)
      return { actions: list.all, resources: reached, everyAction: true }
    }
    if (!list.unindexed && reachedTypes.size === byType.size && reachedServices.size === 0) {
      list.typed ??= new Set(actions.filter((action) => !action.wildcardOnly))
      return {
        actions: list.typed,
        resources: reached,
        everyAction: list.typed.size === actions.length,
      }
    }
    for (const type of reachedTypes)
      for (const action of byType.get(type) ?? []) reaching.add(action)
    for (const service of reachedServices) {
      for (const action of byService.get(service) ?? []) reaching.add(action)
    }
    return { actions: reaching, resources: reached, everyAction: reaching.size === actions.length }
  }

  // a list of actions read once: the catalog's own among them, by the types they act on, and
  // those that take no resource by service; the catalog's lists and the validator's are frozen,
  // and kept, so `"Action": "*"` is read once, not on every validation
  const actionLists = new WeakMap<readonly unknown[], ActionList>()
  const readActionList = (given: readonly unknown[]): ActionList => {
    const known = given.length >= 64 ? actionLists.get(given) : undefined
    if (known !== undefined) return known
    // `every` skips the holes of a sparse array, which `for…of` then reads as undefined
    let allOwn = true
    for (let index = 0; index < given.length && allOwn; index++) allOwn = isOwnAction(given[index])
    const actions = allOwn ? (given as readonly CatalogAction[]) : given.filter(isOwnAction)
    const byType = new Map<CatalogResourceType, CatalogAction[]>()
    const byService = new Map<string, CatalogAction[]>()
    let unindexed = false
    for (const action of actions) {
      if (!action.wildcardOnly && action.resourceTypes.length === 0) unindexed = true
      if (action.wildcardOnly) {
        const list = byService.get(action.service)
        if (list === undefined) byService.set(action.service, [action])
        else list.push(action)
        continue
      }
      for (const { type } of action.resourceTypes) {
        const list = byType.get(type)
        if (list === undefined) byType.set(type, [action])
        else if (list.at(-1) !== action) list.push(action)
      }
    }
    const list: ActionList = { actions, byType, byService, unindexed }
    // a weak map entry costs more than indexing a statement's few actions again
    if (given.length >= 64 && Object.isFrozen(given)) actionLists.set(given, list)
    return list
  }

  // the keys with variable parts by their service (`aws:` for `aws:ResourceTag/${TagKey}`), in
  // their order: a name can only be an instance of a key whose first piece it starts with
  const variableKeys = new Map<string, number[]>()
  const variableAnywhere: number[] = []
  for (const [index, entry] of keys.variable.entries()) {
    const first = entry.name.pieces?.[0] ?? ''
    const colon = first.indexOf(':')
    if (colon < 0) variableAnywhere.push(index)
    else {
      const service = first.slice(0, colon + 1)
      const list = variableKeys.get(service)
      if (list === undefined) variableKeys.set(service, [index])
      else list.push(index)
    }
  }
  const conditionKey = (name: string): CatalogConditionKey | undefined => {
    const folded = name.toLowerCase()
    const exact = keys.exact.get(folded)
    if (exact !== undefined) return exact
    const colon = folded.indexOf(':')
    const own = colon < 0 ? [] : (variableKeys.get(folded.slice(0, colon + 1)) ?? [])
    // the two lists merged in the keys' order: the first key that matches wins
    let ownAt = 0
    let anywhereAt = 0
    while (ownAt < own.length || anywhereAt < variableAnywhere.length) {
      const fromOwn = own[ownAt] ?? Number.POSITIVE_INFINITY
      const fromAnywhere = variableAnywhere[anywhereAt] ?? Number.POSITIVE_INFINITY
      const index = Math.min(fromOwn, fromAnywhere)
      if (index === fromOwn) ownAt++
      else anywhereAt++
      const entry = keys.variable[index]
      if (entry !== undefined && matchesConditionKeyName(entry.name, name)) return entry.key
    }
    return undefined
  }

  return {
    source: data.source,
    partitions: new Set(data.partitions),
    regions: new Set(data.regions),
    servicePrefixes: [...names.keys()].sort(),
    coveredPrefixes: [...services.keys()].sort(),
    isService: (prefix) => isText(prefix) && names.has(prefix.toLowerCase()),
    service: (prefix) => (isText(prefix) ? services.get(prefix.toLowerCase()) : undefined),
    serviceName: (prefix) => (isText(prefix) ? names.get(prefix.toLowerCase()) : undefined),
    action: (fullName) =>
      isText(fullName) ? actionsByName.get(fullName.toLowerCase()) : undefined,
    matchActions: (pattern) => (isText(pattern) ? matchActions(pattern) : noActions),
    allActions,
    resourceTypesOf: (resource, work) =>
      isText(resource) ? resourceTypesOf(resource, readWork(work)) : noTypes,
    actionReaches: (action, resource, work) =>
      isText(resource) &&
      typeof action === 'object' &&
      action !== null &&
      actionsByName.get(String(action.fullName).toLowerCase()) === action &&
      actionReaches(action, resource, readWork(work)),
    reachBetween: (actions, resources, work) =>
      reachBetween(
        readActionList(Array.isArray(actions) ? actions : []),
        Array.isArray(resources) ? resources.filter(isText) : [],
        readWork(work),
      ),
    globalKeyNames: data.globalConditionKeys.map((key) => key.name),
    conditionKey: (name) => (isText(name) ? conditionKey(name) : undefined),
    // sorted, so that a subset suggests the same names as the whole catalog
    arnServices: new Set(
      [...typesByArnService.keys(), ...otherArnServices]
        .filter((name) => name !== anyService)
        .sort(),
    ),
    ...(data.rcpServices === undefined ? {} : { rcpServices: new Set(data.rcpServices) }),
  }
}

const catalogFunctions = [
  'isService',
  'service',
  'serviceName',
  'action',
  'matchActions',
  'resourceTypesOf',
  'actionReaches',
  'reachBetween',
  'conditionKey',
] as const

/** Whether a value is a catalog `createCatalog` made, as far as the toolkit reads one. */
export function isCatalog(value: unknown): value is Catalog {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Readonly<Record<string, unknown>>
  const source = record.source as Readonly<Record<string, unknown>> | undefined
  return (
    catalogFunctions.every((name) => typeof record[name] === 'function') &&
    typeof source === 'object' &&
    source !== null &&
    typeof source.date === 'string' &&
    Array.isArray(record.servicePrefixes) &&
    Array.isArray(record.coveredPrefixes) &&
    record.partitions instanceof Set &&
    record.regions instanceof Set &&
    record.arnServices instanceof Set
  )
}
