import { splitArn } from '../match/index.ts'
import type { CheckedRequest } from './request-check.ts'
import type { ContextEntry, RequestContext } from './request-context.ts'

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

/** What the resource tells: its Region and, for Amazon Connect, the instance it belongs to. */
function resourceEntries(action: string, resource: string): Map<string, ContextEntry> {
  const entries = new Map<string, ContextEntry>()
  const parts = splitArn(resource)
  if (parts === undefined) return entries
  const add = (key: string, value: string) =>
    entries.set(key.toLowerCase(), { key, values: [value], multiValued: false })
  if (parts.region !== '') add('aws:RequestedRegion', parts.region)
  const instance = /^instance\/([^/]+)/.exec(parts.resource)
  if (
    instance !== null &&
    parts.service === 'connect' &&
    action.toLowerCase().startsWith('connect:')
  ) {
    add('connect:InstanceId', instance[1] as string)
  }
  return entries
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

/** Whether a request time can be read: an ISO 8601 text, epoch seconds, or a date. */
export function isReadableTime(time: unknown): boolean {
  if (time === undefined) return true
  if (!(time instanceof Date) && typeof time !== 'string' && typeof time !== 'number') return false
  return Object.keys(timeKeys(time)).length > 0
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
  return new Map(
    Object.entries(keys).map(([key, value]) => [
      key.toLowerCase(),
      { key, values: [value], multiValued: false },
    ]),
  )
}

/**
 * The context for one resource, as a view over the caller's keys, the keys derived from the
 * request and the resource's own: the caller's keys win. Derived keys are worked out on the first
 * lookup that needs them, so that a request no condition looks into costs no context building.
 */
export function contextForResource(request: CheckedRequest, resource: string): RequestContext {
  let derived: ReadonlyMap<string, ContextEntry> | undefined
  let fromResource: Map<string, ContextEntry> | undefined
  return {
    get(foldedKey) {
      const given = request.context.get(foldedKey)
      if (given !== undefined) return given
      derived ??= requestScopedKeys(request)
      const found = derived.get(foldedKey)
      if (found !== undefined) return found
      if (foldedKey !== 'aws:requestedregion' && foldedKey !== 'connect:instanceid')
        return undefined
      fromResource ??= resourceEntries(request.action, resource)
      return fromResource.get(foldedKey)
    },
  }
}
