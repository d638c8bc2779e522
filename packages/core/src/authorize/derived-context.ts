import { splitArn } from '../match/index.ts'
import { isArnText, textAt } from '../match/text-at.ts'
import type { ContextEntry, RequestContext, UnsureKey } from './request-context.ts'

/** What a principal's ARN tells about the caller (*AWS global condition context keys*). */
function principalKeys(principal: string): Record<string, string> {
  if (/^\d{12}$/.test(principal)) {
    return {
      'aws:PrincipalAccount': principal,
      'aws:PrincipalType': 'Account',
      'aws:userid': principal,
    }
  }
  const parts = splitArn(principal)
  if (parts === undefined) return {}
  const account = { 'aws:PrincipalAccount': parts.account }
  const [kind = '', ...path] = parts.resource.split('/')
  const name = path[path.length - 1] ?? ''
  if (parts.service === 'iam' && parts.resource === 'root') {
    return {
      ...account,
      'aws:PrincipalArn': principal,
      'aws:PrincipalType': 'Account',
      'aws:userid': parts.account,
    }
  }
  if (parts.service === 'iam' && kind === 'user') {
    return {
      ...account,
      'aws:PrincipalArn': principal,
      'aws:PrincipalType': 'User',
      'aws:username': name,
    }
  }
  if (parts.service === 'iam' && kind === 'role') {
    return { ...account, 'aws:PrincipalArn': principal, 'aws:PrincipalType': 'AssumedRole' }
  }
  if (parts.service === 'sts' && kind === 'assumed-role' && path.length >= 2) {
    // The role's ARN, not the session's, is aws:PrincipalArn; the role's path is not in the session ARN.
    const role = `arn:${parts.partition}:iam::${parts.account}:role/${path[0]}`
    return { ...account, 'aws:PrincipalArn': role, 'aws:PrincipalType': 'AssumedRole' }
  }
  if (parts.service === 'sts' && kind === 'federated-user') {
    return {
      ...account,
      'aws:PrincipalArn': principal,
      'aws:PrincipalType': 'FederatedUser',
      'aws:userid': `${parts.account}:${name}`,
    }
  }
  return account
}

/** The positions of an ARN's first five colons (as `splitArn` reads them), or undefined. */
function arnColons(text: string): readonly [number, number, number, number, number] | undefined {
  if (!isArnText(text)) return undefined
  const partitionEnd = text.indexOf(':', 4)
  const serviceEnd = partitionEnd < 0 ? -1 : text.indexOf(':', partitionEnd + 1)
  const regionEnd = serviceEnd < 0 ? -1 : text.indexOf(':', serviceEnd + 1)
  const accountEnd = regionEnd < 0 ? -1 : text.indexOf(':', regionEnd + 1)
  return accountEnd < 0 ? undefined : [3, partitionEnd, serviceEnd, regionEnd, accountEnd]
}

/** The Region of a resource's ARN (`aws:RequestedRegion`), when it names one. */
function regionEntry(resource: string): ContextEntry | undefined {
  const colons = arnColons(resource)
  if (colons === undefined) return undefined
  const [, , serviceEnd, regionEnd] = colons
  if (regionEnd === serviceEnd + 1) return undefined
  const region = resource.slice(serviceEnd + 1, regionEnd)
  return { key: 'aws:RequestedRegion', values: [region], multiValued: false }
}

/** The service-specific key AWS derives from the request's resource: the Connect instance. */
export const instanceIdKey = 'connect:InstanceId'
const instanceIdFolded = 'connect:instanceid'

/** The Amazon Connect instance (`connect:InstanceId`) of a resource of one, for a Connect action. */
function instanceEntry(action: string, resource: string): ContextEntry | undefined {
  const colons = arnColons(resource)
  if (colons === undefined) return undefined
  const [, partitionEnd, serviceEnd, , accountEnd] = colons
  const connect =
    serviceEnd - partitionEnd - 1 === 7 && textAt(resource, 'connect', partitionEnd + 1)
  if (!connect || !action.toLowerCase().startsWith('connect:')) return undefined
  const start = accountEnd + 1 + 'instance/'.length
  if (!textAt(resource, 'instance/', accountEnd + 1) || start >= resource.length) return undefined
  const slash = resource.indexOf('/', start)
  if (slash === start) return undefined
  const id = resource.slice(start, slash < 0 ? resource.length : slash)
  return { key: instanceIdKey, values: [id], multiValued: false }
}

function timeKeys(time: string | number | Date | undefined): Record<string, string> {
  if (time === undefined) return {}
  const instant =
    time instanceof Date ? time : new Date(typeof time === 'number' ? time * 1000 : time)
  if (Number.isNaN(instant.getTime())) return {}
  return {
    'aws:CurrentTime': instant.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(instant.getTime() / 1000)),
  }
}

/** The largest time a date can hold, in milliseconds either side of 1970 (ECMAScript TimeClip). */
const maxTime = 8.64e15

/**
 * Whether a request time can be read: an ISO 8601 text, epoch seconds, or a date; that is,
 * whether `timeKeys` reads it as `new Date` does, answered without building a date or its texts.
 */
export function isReadableTime(time: unknown): boolean {
  if (time === undefined) return true
  if (time instanceof Date) return !Number.isNaN(time.getTime())
  if (typeof time === 'number') return Number.isFinite(time) && Math.abs(time * 1000) <= maxTime
  return typeof time === 'string' && !Number.isNaN(Date.parse(time))
}

export interface DerivationInput {
  readonly principal?: string | undefined
  readonly time?: string | number | Date | undefined
}

/**
 * The keys AWS sets from the request itself, to be added to the caller's context where the caller
 * did not give them: the principal's account, type and ARN (`aws:username` for IAM users,
 * `aws:userid` where the ARN holds it), the time (`aws:CurrentTime`, `aws:EpochTime`; the clock
 * is an input, so evaluation stays pure), the Region of the resource (`aws:RequestedRegion`),
 * and `connect:InstanceId` for Amazon Connect actions on a resource of an instance.
 */
export function requestScopedKeys(input: DerivationInput): ReadonlyMap<string, ContextEntry> {
  const keys: Record<string, string> = {
    ...(input.principal === undefined ? {} : principalKeys(input.principal)),
    ...timeKeys(input.time),
  }
  const derived = new Map<string, ContextEntry>()
  for (const [key, value] of Object.entries(keys)) {
    // an ARN with an empty account or name (`arn:aws:iam:::user/`) tells nothing: no value
    if (value !== '') derived.set(key.toLowerCase(), { key, values: [value], multiValued: false })
  }
  return derived
}

/**
 * The lower-case names of every key `requestScopedKeys` can derive, so that a lookup of any other
 * key does not derive them.
 */
export const derivedKeyNames: ReadonlySet<string> = new Set([
  'aws:principalaccount',
  'aws:principaltype',
  'aws:principalarn',
  'aws:userid',
  'aws:username',
  'aws:currenttime',
  'aws:epochtime',
])

/**
 * Whether AWS sends a service-specific key with an action: as the service reference lists it
 * (`listsKeyForAction`), or `unknown` without a reference that holds the action.
 */
export type KeyPresence = 'sent' | 'not-sent' | 'unknown'

/** The presence of a key from what the service reference says, undefined meaning it cannot tell. */
export function keyPresence(listed: boolean | undefined): KeyPresence {
  return listed === undefined ? 'unknown' : listed ? 'sent' : 'not-sent'
}

/**
 * The context for one resource, as a view over the caller's keys, the keys derived from the
 * request and the resource's own: the caller's keys win. The request's fields come one by one,
 * so that a compiled set's fast path needs no checked request object. Derived keys are worked out on the first
 * lookup of one of them, and the resource's on the first lookup of one of its own, so that a
 * condition on other keys costs no context building.
 *
 * `connect:InstanceId` is derived only where AWS sends it with the action (`instanceId`, from
 * the service reference). Where that is `unknown` and the caller does not give the key, the
 * context says so (`unsure`), for statements that read the key to be read both ways.
 */
export function contextForResource(
  action: string,
  principal: string | undefined,
  time: string | number | Date | undefined,
  caller: RequestContext,
  resource: string,
  instanceId: KeyPresence,
): RequestContext {
  let derived: ReadonlyMap<string, ContextEntry> | undefined
  // each resource key worked out once: `null` when the resource has none
  let region: ContextEntry | null | undefined
  let instance: ContextEntry | null | undefined
  const context: RequestContext = {
    get(foldedKey) {
      const given = caller.get(foldedKey)
      if (given !== undefined) return given
      if (derivedKeyNames.has(foldedKey)) {
        derived ??= requestScopedKeys({ principal, time })
        return derived.get(foldedKey)
      }
      if (foldedKey === 'aws:requestedregion') {
        region ??= regionEntry(resource) ?? null
        return region ?? undefined
      }
      if (foldedKey === instanceIdFolded && instanceId !== 'not-sent') {
        instance ??= instanceEntry(action, resource) ?? null
        return instance ?? undefined
      }
      return undefined
    },
  }
  if (instanceId !== 'unknown' || caller.get(instanceIdFolded) !== undefined) return context
  let unsure: UnsureKey | undefined
  return {
    get: context.get,
    get unsure() {
      unsure ??= {
        key: instanceIdFolded,
        without: contextForResource(action, principal, time, caller, resource, 'not-sent'),
      }
      return unsure
    },
  }
}
