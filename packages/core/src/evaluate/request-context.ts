/** One context key of a request, with its values written as strings. */
export interface ContextEntry {
  /** The key as the caller wrote it. */
  readonly key: string
  readonly values: readonly string[]
  /** Whether the caller gave a list: only multi-valued keys may hold several values. */
  readonly multiValued: boolean
}

/** Context keys looked up by their lower-case name: condition key names are case-insensitive. */
export interface RequestContext {
  get(foldedKey: string): ContextEntry | undefined
  /**
   * A key of this context that AWS may or may not send with the request, as far as the
   * evaluation knows (`connect:InstanceId` decided without the service reference), with the
   * context as it is without that key.
   */
  readonly unsure?: UnsureKey
}

/** A key whose presence in the request is not known, and the context without it. */
export interface UnsureKey {
  /** The key's lower-case name. */
  readonly key: string
  readonly without: RequestContext
}
