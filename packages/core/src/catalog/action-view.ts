import type { AccessLevel } from './catalog-data.ts'
import { type Catalog, type CatalogAction, isCatalog } from './create-catalog.ts'

/** One resource type of an action, with the condition keys the reference gives it there. */
export interface ActionResourceTypeView {
  readonly service: string
  readonly name: string
  /** Whether every request of the action names a resource of this type. */
  readonly required: boolean
  readonly arnFormats: readonly string[]
  /** The keys of the type, and those the action adds for it, as the reference writes them. */
  readonly conditionKeys: readonly string[]
}

/** An action as front ends show it: plain data, spelled as the service reference spells it. */
export interface ActionView {
  /** `service:Name`. */
  readonly action: string
  readonly service: string
  readonly name: string
  /** The reference's one-line description, when it gives one. */
  readonly description?: string
  readonly accessLevels: readonly AccessLevel[]
  /** Whether the action takes no resource, so that it is authorized against `*` only. */
  readonly wildcardOnly: boolean
  readonly resourceTypes: readonly ActionResourceTypeView[]
  /** The keys of the action itself, whatever resource it acts on. */
  readonly conditionKeys: readonly string[]
  readonly dependentActions: readonly string[]
}

/**
 * What the service reference says of an action (given by its full name, or as the catalog gave
 * it), as the command line and the REST API show it; `undefined` for an action the catalog does
 * not hold (or for something that is no catalog).
 */
export function actionView(
  catalog: Catalog,
  given: string | CatalogAction,
): ActionView | undefined {
  if (!isCatalog(catalog)) return undefined
  const fullName =
    typeof given === 'object' && given !== null ? (given as { fullName?: unknown }).fullName : given
  const action = catalog.action(fullName as string)
  if (action === undefined) return undefined
  return {
    action: action.fullName,
    service: action.service,
    name: action.name,
    ...(action.description === undefined ? {} : { description: action.description }),
    accessLevels: action.accessLevels,
    wildcardOnly: action.wildcardOnly,
    resourceTypes: action.resourceTypes.map(({ type, required, conditionKeys }) => ({
      service: type.service,
      name: type.name,
      required,
      arnFormats: type.arnFormats.map((format) => format.source),
      conditionKeys: [...new Set([...conditionKeys, ...type.conditionKeys])],
    })),
    conditionKeys: action.ownConditionKeys,
    dependentActions: action.dependentActions,
  }
}
