import { splitArn } from '../match/index.ts'
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
function resourceKeys(action: string, resource: string): Record<string, string> {
  const parts = splitArn(resource)
  if (parts === undefined) return {}
  const keys: Record<string, string> = {}
  if (parts.region !== '') keys['aws:RequestedRegion'] = parts.region
  const instance = /^instance\/([^/]+)/.exec(parts.resource)
  if (
    instance !== null &&
    parts.service === 'connect' &&
    action.toLowerCase().startsWith('connect:')
  ) {
    keys['connect:InstanceId'] = instance[1] as string
  }
  return keys
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
  readonly action: string
  readonly principal?: string
  readonly time?: string | number | Date
}

/**
 * The keys AWS sets from the request itself, added to the caller's context where the caller did
 * not give them: the principal's account, type and ARN (`aws:username` for IAM users,
 * `aws:userid` where the ARN holds it), the time (`aws:CurrentTime`, `aws:EpochTime`; the clock
 * is an input, so evaluation stays pure), the Region of the resource (`aws:RequestedRegion`),
 * and `connect:InstanceId` for Amazon Connect actions on a resource of an instance.
 */
export function requestScopedKeys(input: DerivationInput): Record<string, string> {
  return {
    ...(input.principal === undefined ? {} : principalKeys(input.principal)),
    ...timeKeys(input.time),
  }
}

/** The context for one resource: the caller's keys win over derived ones. */
export function contextForResource(
  base: RequestContext,
  derived: Record<string, string>,
  action: string,
  resource: string,
): RequestContext {
  const keys = { ...derived, ...resourceKeys(action, resource) }
  const names = Object.keys(keys)
  if (names.length === 0) return base
  const context = new Map<string, ContextEntry>(base)
  for (const key of names) {
    const folded = key.toLowerCase()
    if (!context.has(folded))
      context.set(folded, { key, values: [keys[key] as string], multiValued: false })
  }
  return context
}
