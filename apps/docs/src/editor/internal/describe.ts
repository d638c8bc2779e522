// biome-ignore-all lint/suspicious/noTemplateCurlyInString: condition keys of the reference, not templates
import type {
  Catalog,
  CatalogAction,
  CatalogConditionKey,
  CatalogService,
} from '@connect-policy/core'

/**
 * The Service Authorization Reference's description of an action, as a line without a final
 * period (a few of the reference's end with one, most do not), for front ends whose lines have
 * none; undefined when the catalog has no description.
 */
export function actionDescription(action: CatalogAction): string | undefined {
  const text = action.description?.trim()
  if (text === undefined || text === '') return undefined
  return text.endsWith('.') ? text.slice(0, -1) : text
}

/** The resource types of an action, those every request names marked `(required)`, as a line of text. */
export function resourceTypesLine(action: CatalogAction): string {
  if (action.resourceTypes.length === 0) {
    return 'Resource types: none; only "Resource": "*" reaches the action'
  }
  const types = action.resourceTypes.map(
    ({ type, required }) => `${type.name}${required ? ' (required)' : ''}`,
  )
  return `Resource types: ${[...new Set(types)].join(', ')}`
}

/** Every service key's description by lower-case name, the first service's winning; made once. */
const describedKeys = new WeakMap<Catalog, ReadonlyMap<string, string>>()

function descriptionsOf(services: readonly (CatalogService | undefined)[]): Map<string, string> {
  const descriptions = new Map<string, string>()
  for (const service of services) {
    for (const { name, description } of service?.conditionKeys ?? []) {
      const folded = name.toLowerCase()
      if (description !== undefined && !descriptions.has(folded))
        descriptions.set(folded, description)
    }
  }
  return descriptions
}

/**
 * The description of a condition key. The reference describes global keys such as
 * `aws:ResourceTag/${TagKey}` only in the lists of the services that support them, so a key
 * without its own description gets the one the given services' lists give (those of the
 * statement's actions), else the one any service's list gives.
 */
export function keyDescriber(
  catalog: Catalog,
  servicePrefixes: Iterable<string>,
): (key: CatalogConditionKey) => string | undefined {
  const near = descriptionsOf(
    [...new Set(servicePrefixes)].map((prefix) => catalog.service(prefix)),
  )
  return (key) => {
    if (key.description !== undefined) return key.description
    const folded = key.name.toLowerCase()
    const described = near.get(folded)
    if (described !== undefined) return described
    let anywhere = describedKeys.get(catalog)
    if (anywhere === undefined) {
      anywhere = descriptionsOf(catalog.coveredPrefixes.map((prefix) => catalog.service(prefix)))
      describedKeys.set(catalog, anywhere)
    }
    return anywhere.get(folded)
  }
}
