import { type PolicyType, policyTypes } from '@connect-policy/core'
import lzString from 'lz-string'
import { decodeLinkValue, encodeLinkValue } from './link-codec.ts'

/** The kinds of policy the playground evaluates, as the evaluator's policy set names them. */
export const playgroundPolicyTypes = policyTypes
export type PlaygroundPolicyType = PolicyType

/** The kinds of policy that apply level by level of an organization, every level having to allow. */
export const leveledPolicyTypes: readonly PlaygroundPolicyType[] = [
  'serviceControl',
  'resourceControl',
]

/** One policy of the playground's set. */
export interface PlaygroundPolicy {
  readonly type: PlaygroundPolicyType
  /**
   * For service and resource control policies, the organization level it is attached at: 0 for
   * the root, counting down to the account, as the evaluator counts. Ignored for other types.
   */
  readonly level: number
  readonly text: string
}

/** One context key of the request, as typed: several values are separated by commas. */
export interface ContextRow {
  readonly key: string
  readonly value: string
}

/** Everything the playground shows is computed from this, and this is what its URL holds. */
export interface PlaygroundState {
  /** The policy set, never empty. */
  readonly policies: readonly PlaygroundPolicy[]
  /** The index of the policy in the editor. */
  readonly selected: number
  readonly action: string
  readonly resources: readonly string[]
  readonly principal: string
  readonly context: readonly ContextRow[]
}

/**
 * The deepest organization level a link may name: the root, five levels of organizational units
 * (as deep as AWS nests them) and the account.
 */
export const maxLevel = 6

/** The hash key of links compressed with the first preset dictionary. */
const hashKey = 'p'
/** The hash key of the first links, compressed by lz-string: still read. */
const lzHashKey = 's'

/**
 * The URL hash that holds a state: `#p=` and the state as a JSON array (field names would cost
 * characters in every link), compressed with `encodeLinkValue`.
 */
export function hashOf(state: PlaygroundState): string {
  const value = [
    state.policies.map((policy) =>
      leveledPolicyTypes.includes(policy.type)
        ? [policy.type, policy.level, policy.text]
        : [policy.type, policy.text],
    ),
    state.selected,
    state.action,
    state.resources,
    state.principal,
    state.context.map((row) => [row.key, row.value]),
  ]
  return `#${hashKey}=${encodeLinkValue(value)}`
}

/** The hash of a playground that opens an identity-based policy with a request filled in. */
export function playgroundHash(
  policy: string,
  request: {
    readonly action: string
    readonly resources: readonly string[]
    readonly principal?: string
    readonly context?: readonly ContextRow[]
  },
): string {
  return hashOf({
    policies: [{ type: 'identity', level: 0, text: policy }],
    selected: 0,
    action: request.action,
    resources: request.resources,
    principal: request.principal ?? '',
    context: request.context ?? [],
  })
}

const isString = (value: unknown): value is string => typeof value === 'string'

function policyType(value: unknown): PlaygroundPolicyType | undefined {
  return playgroundPolicyTypes.find((type) => type === value)
}

function level(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxLevel
    ? value
    : 0
}

/** A policy of a link: `[type, text]`, or `[type, level, text]` for the leveled types. */
function readPolicy(value: unknown): PlaygroundPolicy | undefined {
  if (!Array.isArray(value)) return undefined
  const type = policyType(value[0])
  const text: unknown = value.at(-1)
  if (type === undefined || !isString(text)) return undefined
  return { type, level: value.length === 3 ? level(value[1]) : 0, text }
}

function readContext(value: unknown): ContextRow[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.flatMap((row: unknown) => {
    if (Array.isArray(row))
      return isString(row[0]) && isString(row[1]) ? [{ key: row[0], value: row[1] }] : []
    if (typeof row !== 'object' || row === null) return []
    const { key, value: text } = row as Record<string, unknown>
    return isString(key) && isString(text) ? [{ key, value: text }] : []
  })
}

function readState(value: unknown): PlaygroundState | undefined {
  if (!Array.isArray(value)) return undefined
  const [policies, selected, action, resources, principal, context] = value as unknown[]
  if (!Array.isArray(policies) || !isString(action) || !isString(principal)) return undefined
  if (!Array.isArray(resources) || !resources.every(isString)) return undefined
  const read = policies.map(readPolicy)
  if (read.length === 0 || !read.every((policy) => policy !== undefined)) return undefined
  const rows = readContext(context)
  if (rows === undefined) return undefined
  const index =
    typeof selected === 'number' &&
    Number.isInteger(selected) &&
    selected >= 0 &&
    selected < read.length
      ? selected
      : 0
  return { policies: read, selected: index, action, resources, principal, context: rows }
}

/**
 * A state of the first links: one policy and its type, as an object, compressed by lz-string. A
 * type those links did not know is read as identity, as they were.
 */
function readLzState(text: string): PlaygroundState | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(lzString.decompressFromEncodedURIComponent(text) ?? '')
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  const {
    policy,
    policyType: type,
    action,
    resources,
    principal,
    context,
  } = parsed as Record<string, unknown>
  if (!isString(policy)) return undefined
  const known = type === 'resource' ? 'resource' : 'identity'
  return readState([[[known, policy]], 0, action, resources, principal, context])
}

/**
 * The state a URL hash holds, or undefined when it holds none or something else: a link from
 * anywhere is read with care, field by field, and anything unexpected is dropped.
 */
export function stateFromHash(hash: string): PlaygroundState | undefined {
  if (hash.startsWith(`#${hashKey}=`)) return readState(decodeLinkValue(hash.slice(3)))
  if (hash.startsWith(`#${lzHashKey}=`)) return readLzState(hash.slice(3))
  return undefined
}
