import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string'

/** The kinds of policy the playground evaluates its policy as. */
export const playgroundPolicyTypes = ['identity', 'resource'] as const
export type PlaygroundPolicyType = (typeof playgroundPolicyTypes)[number]

/** One context key of the request, as typed: several values are separated by commas. */
export interface ContextRow {
  readonly key: string
  readonly value: string
}

/** Everything the playground shows is computed from this, and this is what its URL holds. */
export interface PlaygroundState {
  readonly policy: string
  readonly policyType: PlaygroundPolicyType
  readonly action: string
  readonly resources: readonly string[]
  readonly principal: string
  readonly context: readonly ContextRow[]
}

const hashKey = 's'

/** The URL hash that holds a state: `#s=` and the state's JSON, compressed for URLs by lz-string. */
export function hashOf(state: PlaygroundState): string {
  return `#${hashKey}=${compressToEncodedURIComponent(JSON.stringify(state))}`
}

const isString = (value: unknown): value is string => typeof value === 'string'

/**
 * The state a URL hash holds, or undefined when it holds none or something else: a link from
 * anywhere is read with care, field by field, and anything unexpected is dropped.
 */
export function stateFromHash(hash: string): PlaygroundState | undefined {
  const prefix = `#${hashKey}=`
  if (!hash.startsWith(prefix)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(decompressFromEncodedURIComponent(hash.slice(prefix.length)) ?? '')
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const value = parsed as Record<string, unknown>
  const { policy, policyType, action, resources, principal, context } = value
  if (!isString(policy) || !isString(action) || !isString(principal)) return undefined
  if (!Array.isArray(resources) || !resources.every(isString)) return undefined
  if (!Array.isArray(context)) return undefined
  const rows = context.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return []
    const { key, value: text } = row as Record<string, unknown>
    return isString(key) && isString(text) ? [{ key, value: text }] : []
  })
  return {
    policy,
    policyType: playgroundPolicyTypes.find((type) => type === policyType) ?? 'identity',
    action,
    resources,
    principal,
    context: rows,
  }
}

/** The hash of a playground that opens an identity-based policy with a request filled in. */
export function playgroundHash(
  policy: string,
  request: {
    readonly action: string
    readonly resources: readonly string[]
    readonly principal?: string
  },
): string {
  return hashOf({
    policy,
    policyType: 'identity',
    action: request.action,
    resources: request.resources,
    principal: request.principal ?? '',
    context: [],
  })
}
