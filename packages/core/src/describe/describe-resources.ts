import type { Catalog, FormatComparisonWork } from '../catalog/index.ts'
import { type ArnParts, splitArn } from '../match/index.ts'
import { capped, type ResourceElement } from '../model/index.ts'
import { joinWords, quote } from './words.ts'

/** What one value of a `Resource` or `NotResource` element names. */
export interface ResourceValueDescription {
  readonly value: string
  /** Whether the value is `*`, every resource. */
  readonly everything: boolean
  /**
   * The resource types (`service:type`) whose ARNs the value can name, with the catalog: at most
   * the budget's `maxListed`.
   */
  readonly resourceTypes: readonly string[]
  /** How many resource types `resourceTypes` leaves out; present only when some are. */
  readonly omittedResourceTypes?: number
  /** In words: `Amazon Connect user resources (arn:…)`. */
  readonly text: string
}

/** What a `Resource` or `NotResource` element names. */
export interface ResourcesDescription {
  /** Whether the element is `NotResource`: the statement applies to every resource *but* these. */
  readonly negated: boolean
  readonly values: readonly ResourceValueDescription[]
  readonly text: string
}

/** Resource types of one value in words; the others are counted. */
export const typesShown = 4

function place(arn: ArnParts): string {
  const where = [
    arn.account === '' || arn.account === '*' ? undefined : `account ${arn.account}`,
    arn.region === '' || arn.region === '*' ? undefined : arn.region,
  ].filter((part) => part !== undefined)
  return where.length === 0 ? '' : ` in ${where.join(', ')}`
}

function describeValue(
  value: string,
  given: Catalog | undefined,
  maxListed: number,
  work: FormatComparisonWork | undefined,
): ResourceValueDescription {
  if (value === '*') {
    return { value, everything: true, resourceTypes: [], text: 'every resource' }
  }
  const arn = splitArn(value)
  const found = given === undefined || arn === undefined ? [] : given.resourceTypesOf(value, work)
  // a value not compared with the formats within the work allowed is described as without the
  // reference: its types would be every type it could name, not those it names
  const catalog = work?.approximate.has(value) === true ? undefined : given
  const named = catalog === undefined ? [] : found
  // Some resource types take ARNs of any service (`arn:${Partition}:${Service}:…`); when the ARN
  // names a service of its own, its own types are what it is about.
  const own = named.filter((type) => type.service === arn?.service)
  const types = own.length > 0 ? own : named
  const listed = capped(types, maxListed)
  const resourceTypes = listed.shown.map((type) => `${type.service}:${type.name}`)
  let kind = ''
  if (types.length > 0) {
    const services = [...new Set(types.map((type) => type.service))]
    const only = services.length === 1 ? services[0] : undefined
    const service = only === undefined ? '' : `${catalog?.serviceName(only) ?? only} `
    const names = types.map((type) => type.name)
    const what =
      names.length <= typesShown
        ? `${joinWords(names)} resources`
        : `resources of ${names.length} types (${names.slice(0, typesShown).join(', ')}, …)`
    kind = `${service}${what}${arn === undefined ? '' : place(arn)}: `
  } else if (catalog !== undefined && arn !== undefined) {
    kind = 'no resource type of the service reference: '
  }
  return {
    value,
    everything: false,
    resourceTypes,
    ...(listed.omitted === 0 ? {} : { omittedResourceTypes: listed.omitted }),
    text: `${kind}${quote(value)}`,
  }
}

/**
 * Names what a `Resource`/`NotResource` element covers: each ARN by the resource types of the
 * service reference it can name, and where (account and Region) when the ARN says.
 */
export function describeResources(
  element: ResourceElement,
  catalog?: Catalog,
  maxListed = Number.POSITIVE_INFINITY,
  work?: FormatComparisonWork,
): ResourcesDescription {
  const values = element.values.map((value) => describeValue(value.value, catalog, maxListed, work))
  const negated = element.element === 'NotResource'
  const listed = values.map((value) => value.text).join('; ')
  return { negated, values, text: negated ? `every resource except ${listed}` : listed }
}
