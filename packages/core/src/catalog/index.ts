export type { ActionResourceTypeView, ActionView } from './action-view.ts'
export { actionView } from './action-view.ts'
export type { ArnFormat, FormatToken } from './arn-format.ts'
export type {
  AccessLevel,
  ActionData,
  ActionResourceType,
  CatalogData,
  CatalogSource,
  ConditionKeyData,
  ConditionKeyType,
  OtherService,
  ResourceTypeData,
  ServiceData,
  ServiceName,
} from './catalog-data.ts'
export { accessLevels, conditionKeyTypes, isMultivalued } from './catalog-data.ts'
export type { FormatComparisonWork } from './comparison-work.ts'
export {
  defaultComparisonSteps,
  formatComparisonWork,
  policyComparisonSteps,
  requestComparisonSteps,
} from './comparison-work.ts'
export type {
  Catalog,
  CatalogAction,
  CatalogActionResourceType,
  CatalogConditionKey,
  CatalogReach,
  CatalogResourceType,
  CatalogService,
} from './create-catalog.ts'
export { createCatalog, isCatalog } from './create-catalog.ts'
export { overlapsResourceType } from './format-overlap.ts'
export { listsKeyForAction } from './key-support.ts'
export { readCatalogData } from './read-catalog-data.ts'
export { multiResourceDocumented, requiredResourceGroups } from './required-resources.ts'
export { suggestActions } from './suggest-action.ts'
