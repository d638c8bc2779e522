import { type AccessRegion, type Catalog, comparePolicies } from '@connect-policy/core'
import lzString from 'lz-string'
import { decodeLinkValue, encodeLinkValue } from './link-codec.ts'
import { playgroundHash } from './state.ts'

/** The two policies the compare page shows, and what its URL holds. */
export interface CompareState {
  readonly before: string
  readonly after: string
}

/** The hash key of compare links, compressed with the playground's preset dictionary. */
const hashKey = 'd'
/** The hash key of the first compare links, compressed by lz-string: still read. */
const lzHashKey = 'c'

export function compareHashOf(state: CompareState): string {
  return `#${hashKey}=${encodeLinkValue([state.before, state.after])}`
}

function readCompareState(value: unknown): CompareState | undefined {
  if (Array.isArray(value)) {
    const [before, after] = value as unknown[]
    return typeof before === 'string' && typeof after === 'string' ? { before, after } : undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { before, after } = value as Record<string, unknown>
  return typeof before === 'string' && typeof after === 'string' ? { before, after } : undefined
}

/** The state a URL hash holds, or undefined when it holds none or something else. */
export function compareStateFromHash(hash: string): CompareState | undefined {
  if (hash.startsWith(`#${hashKey}=`)) return readCompareState(decodeLinkValue(hash.slice(3)))
  if (!hash.startsWith(`#${lzHashKey}=`)) return undefined
  try {
    return readCompareState(
      JSON.parse(lzString.decompressFromEncodedURIComponent(hash.slice(3)) ?? ''),
    )
  } catch {
    return undefined
  }
}

/** One access added or removed, in words, with the playground state that evaluates its witness. */
export interface CompareItem {
  readonly description: string
  readonly before: string
  readonly after: string
  /** The playground's URL hash: the side that allows the witness, and the witness as the request. */
  readonly playground: string
}

export type CompareView =
  | {
      readonly relation: string
      readonly added: readonly CompareItem[]
      readonly removed: readonly CompareItem[]
      readonly omitted: number
      readonly reasons: readonly string[]
      readonly errors?: never
    }
  | { readonly errors: readonly string[] }

const relationWords: Readonly<Record<string, string>> = {
  equivalent: 'After allows exactly what before allows.',
  narrower: 'After allows less than before, and nothing new.',
  broader: 'After allows more than before, and keeps everything.',
  incomparable: 'After allows something new and loses something.',
  unknown: 'The two could not be compared exactly within the limits.',
}

function contextRows(context: Readonly<Record<string, unknown>> | undefined) {
  return Object.entries(context ?? {}).map(([key, value]) => ({
    key,
    value: Array.isArray(value) ? value.join(',') : String(value),
  }))
}

function item(region: AccessRegion, policy: string): CompareItem {
  const { request, before, after } = region.witness
  return {
    description: region.description,
    before: before.decision,
    after: after.decision,
    playground: playgroundHash(policy, {
      action: request.action,
      resources: typeof request.resource === 'string' ? [request.resource] : [...request.resource],
      ...(request.principal === undefined ? {} : { principal: request.principal }),
      context: contextRows(request.context),
    }),
  }
}

/**
 * How the `after` policy relates to `before` over every request (`comparePolicies`, both read as
 * identity-based policies), each access added or removed with the playground link that loads
 * the side allowing its witness and the witness as the request.
 */
export function runCompare(state: CompareState, catalog: Catalog | undefined): CompareView {
  const result = comparePolicies(
    { identityPolicies: [state.before] },
    { identityPolicies: [state.after] },
    catalog === undefined ? {} : { catalog },
  )
  if (result.errors !== undefined) return { errors: result.errors.map((error) => error.message) }
  return {
    relation: relationWords[result.relation] ?? result.relation,
    added: result.added.regions.map((region) => item(region, state.after)),
    removed: result.removed.regions.map((region) => item(region, state.before)),
    omitted: result.added.omittedRegions + result.removed.omittedRegions,
    reasons: result.reasons,
  }
}
