import type { Catalog } from './create-catalog.ts'

/**
 * Whether AWS sends a condition key with an action, as the service reference lists it: `true`
 * or `false` for an action the catalog holds and a key it knows; undefined when it cannot tell
 * (no catalog, an action or a key it does not hold). The reference's "Condition keys" column
 * lists, for each action, the keys "supported with an action, or with an action and a specific
 * resource" (*Service Authorization Reference*, *Actions, resources, and condition keys for AWS
 * services*); a service-specific key not listed for an action is not in its requests (*Variables
 * and tags*, "Policy variables with no value": keys are not present when "using service specific
 * condition context keys in requests to resources that do not support that condition key").
 */
export function listsKeyForAction(
  catalog: Catalog | undefined,
  action: string,
  key: string,
): boolean | undefined {
  const found = catalog?.action(action)
  const known = catalog?.conditionKey(key)
  if (found === undefined || known === undefined) return undefined
  return found.conditionKeys.has(known.name.toLowerCase())
}
