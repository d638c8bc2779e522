import { type AccessRegion, type Catalog, comparePolicies } from '@connect-policy/core'
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string'
import { hashOf, type PlaygroundState } from './state.ts'

/** The two policies the compare page shows, and what its URL holds. */
export interface CompareState {
  readonly before: string
  readonly after: string
}

const hashKey = 'c'

export function compareHashOf(state: CompareState): string {
  return `#${hashKey}=${compressToEncodedURIComponent(JSON.stringify(state))}`
}

/** The state a URL hash holds, or undefined when it holds none or something else. */
export function compareStateFromHash(hash: string): CompareState | undefined {
  const prefix = `#${hashKey}=`
  if (!hash.startsWith(prefix)) return undefined
  try {
    const parsed: unknown = JSON.parse(
      decompressFromEncodedURIComponent(hash.slice(prefix.length)) ?? '',
    )
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { before, after } = parsed as Record<string, unknown>
    return typeof before === 'string' && typeof after === 'string' ? { before, after } : undefined
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
  const state: PlaygroundState = {
    policy,
    policyType: 'identity',
    action: request.action,
    resources: typeof request.resource === 'string' ? [request.resource] : [...request.resource],
    principal: request.principal ?? '',
    context: contextRows(request.context),
  }
  return {
    description: region.description,
    before: before.decision,
    after: after.decision,
    playground: hashOf(state),
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
