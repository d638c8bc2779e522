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
}

/**
 * Global condition keys that hold one value (*AWS global condition context keys*). Giving one of
 * them several values is an error rather than a silent pick of one.
 */
export const singleValuedGlobalKeys = [
  'aws:CalledViaFirst',
  'aws:CalledViaLast',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:FederatedProvider',
  'aws:MultiFactorAuthAge',
  'aws:MultiFactorAuthPresent',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalOrgID',
  'aws:PrincipalServiceName',
  'aws:PrincipalType',
  'aws:referer',
  'aws:RequestedRegion',
  'aws:ResourceAccount',
  'aws:ResourceOrgID',
  'aws:SecureTransport',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceIdentity',
  'aws:SourceIp',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:TokenIssueTime',
  'aws:UserAgent',
  'aws:userid',
  'aws:username',
  'aws:ViaAWSService',
  'aws:VpcSourceIp',
] as const

const singleValued = new Set(singleValuedGlobalKeys.map((key) => key.toLowerCase()))
const singleValuedPrefixes = ['aws:requesttag/', 'aws:resourcetag/', 'aws:principaltag/']

function isSingleValued(folded: string): boolean {
  return (
    singleValued.has(folded) || singleValuedPrefixes.some((prefix) => folded.startsWith(prefix))
  )
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  return undefined
}

export type ContextCheck =
  | { readonly context: RequestContext; readonly problems?: never }
  | { readonly context?: never; readonly problems: readonly string[] }

/**
 * Reads a request's context: strings, finite numbers, booleans and dates, or lists of them for
 * multi-valued keys. `null` and `undefined` mean the key is absent.
 */
/** The context of a request that gives no keys: nothing in it, nothing to change. */
const noKeys: RequestContext = Object.freeze({ get: () => undefined })
const noContext: ContextCheck = Object.freeze({ context: noKeys })

export function checkContext(given: Readonly<Record<string, unknown>> | undefined): ContextCheck {
  if (given === undefined || given === null) return noContext
  const context = new Map<string, ContextEntry>()
  const problems: string[] = []
  if (typeof given !== 'object' || Array.isArray(given)) {
    return { problems: ['the context must be an object of keys and values'] }
  }
  for (const key of Object.keys(given)) {
    const raw = given[key]
    if (raw === undefined || raw === null) continue
    const folded = key.toLowerCase()
    if (context.has(folded)) {
      problems.push(
        `context keys \`${context.get(folded)?.key}\` and \`${key}\` differ only in case`,
      )
      continue
    }
    const multiValued = Array.isArray(raw)
    const items: unknown[] = multiValued ? raw : [raw]
    const values = items.map(asText)
    if (values.some((value) => value === undefined)) {
      problems.push(
        `context key \`${key}\` holds a value that is not a string, number, boolean or date`,
      )
      continue
    }
    if (multiValued && isSingleValued(folded) && items.length !== 1) {
      problems.push(`context key \`${key}\` holds one value, not ${items.length}`)
      continue
    }
    context.set(folded, { key, values: values as string[], multiValued })
  }
  return problems.length > 0 ? { problems } : { context }
}
