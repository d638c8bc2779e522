import type {
  AccessLevel,
  ActionData,
  ActionResourceType,
  CatalogData,
  CatalogSource,
  ConditionKeyData,
  OtherService,
  ResourceTypeData,
  ServiceData,
} from './catalog-data.ts'
import { accessLevels, conditionKeyTypes } from './catalog-data.ts'

type Reader<T> = (value: unknown) => T | undefined

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isText = (value: unknown): value is string => typeof value === 'string'
const text: Reader<string> = (value) => (isText(value) ? value : undefined)

/**
 * The entries of a list that read, the list itself when every one does (so that valid data is
 * not copied); an empty list for anything that is not one.
 */
function listOf<T>(value: unknown, read: Reader<T>): readonly T[] {
  if (!Array.isArray(value)) return []
  let kept: T[] | undefined
  for (let index = 0; index < value.length; index++) {
    const item = read(value[index])
    if (kept === undefined && item !== value[index]) kept = value.slice(0, index) as T[]
    if (kept !== undefined && item !== undefined) kept.push(item)
  }
  return kept ?? (value as T[])
}

/** The record itself when each field checks, else undefined: entries are kept or dropped whole. */
function whole<T>(value: unknown, check: (record: Readonly<Record<string, unknown>>) => boolean) {
  return isRecord(value) && check(value) ? (value as T) : undefined
}

const allText = (value: unknown) => listOf(value, text) === value
const optionalText = (value: unknown) => value === undefined || allText(value)

const conditionKey: Reader<ConditionKeyData> = (value) =>
  whole(
    value,
    (key) =>
      isText(key.name) &&
      (conditionKeyTypes as readonly unknown[]).includes(key.type) &&
      (key.description === undefined || isText(key.description)),
  )

const actionResourceType: Reader<ActionResourceType> = (value) =>
  whole(
    value,
    (type) =>
      isText(type.name) &&
      typeof type.required === 'boolean' &&
      (type.conditionKeys === undefined || allText(type.conditionKeys)),
  )

const level: Reader<AccessLevel> = (value) =>
  (accessLevels as readonly unknown[]).includes(value) ? (value as AccessLevel) : undefined

const action: Reader<ActionData> = (value) =>
  whole(
    value,
    (entry) =>
      isText(entry.name) &&
      listOf(entry.accessLevels, level) === entry.accessLevels &&
      listOf(entry.resourceTypes, actionResourceType) === entry.resourceTypes &&
      allText(entry.conditionKeys) &&
      optionalText(entry.dependentActions),
  )

const resourceType: Reader<ResourceTypeData> = (value) =>
  whole(
    value,
    (type) => isText(type.name) && allText(type.arnFormats) && allText(type.conditionKeys),
  )

/** A service with the entries that read: a malformed action or key is left out, not the service. */
const service: Reader<ServiceData> = (value) => {
  if (!isRecord(value) || !isText(value.prefix) || !isText(value.name)) return undefined
  const actions = listOf(value.actions, action)
  const resourceTypes = listOf(value.resourceTypes, resourceType)
  const conditionKeys = listOf(value.conditionKeys, conditionKey)
  if (
    actions === value.actions &&
    resourceTypes === value.resourceTypes &&
    conditionKeys === value.conditionKeys
  ) {
    return value as unknown as ServiceData
  }
  return { prefix: value.prefix, name: value.name, actions, resourceTypes, conditionKeys }
}

const otherService: Reader<OtherService> = (value) =>
  whole(
    value,
    (entry) => isText(entry.prefix) && isText(entry.name) && optionalText(entry.arnServices),
  )

const unknownSource: CatalogSource = { name: 'unknown', version: 'unknown', date: 'unknown' }

function source(value: unknown): CatalogSource {
  return (
    whole<CatalogSource>(
      value,
      (entry) => isText(entry.name) && isText(entry.version) && isText(entry.date),
    ) ?? unknownSource
  )
}

/**
 * Catalog data as `createCatalog` can read it, whatever it is given: what has the shape of
 * `CatalogData` is kept as it is, without copying; an entry that does not is left out (a service
 * keeps its other entries), and a value that is not catalog data at all reads as a reference
 * with no service. So that a malformed reference gives fewer answers, never an exception.
 */
export function readCatalogData(data: unknown): CatalogData {
  const record = isRecord(data) ? data : {}
  const rcpServices =
    record.rcpServices === undefined ? undefined : listOf(record.rcpServices, text)
  const otherServices =
    record.otherServices === undefined ? undefined : listOf(record.otherServices, otherService)
  return {
    source: source(record.source),
    services: listOf(record.services, service),
    ...(otherServices === undefined ? {} : { otherServices }),
    globalConditionKeys: listOf(record.globalConditionKeys, conditionKey),
    partitions: listOf(record.partitions, text),
    regions: listOf(record.regions, text),
    ...(rcpServices === undefined ? {} : { rcpServices }),
  }
}
