import type { ContextEntry, RequestContext } from '../evaluate/request-context.ts'

export type { ContextEntry, RequestContext, UnsureKey } from '../evaluate/request-context.ts'

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

/** The context of a request that gives no keys: nothing in it, nothing to change. */
export const noKeys: RequestContext = Object.freeze({ get: () => undefined })
const noContext: ContextCheck = Object.freeze({ context: noKeys })

/** Whether a value reads as one context value (what `asText` accepts), without converting it. */
function isContextValue(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (value instanceof Date && !Number.isNaN(value.getTime()))
  )
}

const UPPER_A = 65
const UPPER_Z = 90
const ASCII_END = 128
/** Beyond this many keys the pairwise case comparison below is left to `checkContext`. */
const plainKeyLimit = 16

/** Whether two ASCII keys differ only in case; false for any key with other characters. */
function sameFolded(left: string, right: string): boolean {
  if (left.length !== right.length) return false
  for (let index = 0; index < left.length; index++) {
    let a = left.charCodeAt(index)
    let b = right.charCodeAt(index)
    if (a >= ASCII_END || b >= ASCII_END) return false
    if (a >= UPPER_A && a <= UPPER_Z) a += 32
    if (b >= UPPER_A && b <= UPPER_Z) b += 32
    if (a !== b) return false
  }
  return true
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) >= ASCII_END) return false
  }
  return true
}

/**
 * Whether `checkContext` would accept the context, answered without allocating for the common
 * case: up to a few ASCII keys, each a single value or a one-value list. `false` means "ask
 * `checkContext`", which also gives the problems; it is not a verdict of its own. Lists of other
 * lengths need the key's folded name (single-valued keys), so they are left to it too.
 */
export function isPlainContext(given: unknown): boolean {
  if (given === undefined || given === null) return true
  if (typeof given !== 'object' || Array.isArray(given)) return false
  const record = given as Readonly<Record<string, unknown>>
  let count = 0
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false
    const raw = record[key]
    if (raw === undefined || raw === null) continue
    if (++count > plainKeyLimit || !isAscii(key)) return false
    if (Array.isArray(raw)) {
      if (raw.length !== 1 || !isContextValue(raw[0])) return false
    } else if (!isContextValue(raw)) {
      return false
    }
    // keys that differ only in case are an error: compare with every earlier key that counts
    for (const other in record) {
      if (other === key) break
      const value = record[other]
      if (value !== undefined && value !== null && sameFolded(other, key)) return false
    }
  }
  return true
}

/**
 * Reads a request's context: strings, finite numbers, booleans and dates, or lists of them for
 * multi-valued keys. `null` and `undefined` mean the key is absent.
 */

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
