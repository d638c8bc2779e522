import type { AuthorizationRequest } from '../authorize/request.ts'
import type { Decision, EvaluationError } from '../authorize/result.ts'
import { type DifferenceRegion, decisionsOnly, regionActions } from './access-difference.ts'
import { accessWords } from './access-words.ts'
import type { AnalysisOptions } from './analysis-options.ts'
import { type AnalysisRun, provenEmpty, runAnalysis, runPatterns } from './analysis-run.ts'
import { completeRequest } from './complete-request.ts'

/** A request that shows a difference, decided on both sides with full explanations. */
export interface Witness {
  readonly request: AuthorizationRequest
  readonly before: Decision
  readonly after: Decision
}

/**
 * Access one side has and the other has not: actions on resources that match some of the
 * policies' resource patterns and miss the others, under the condition values given (`null`: the
 * key not given), with a request that shows it.
 */
export interface AccessRegion {
  readonly actions: readonly string[]
  /** Whether some action here is one the service reference does not list. */
  readonly unlistedAction: boolean
  /** The resource types of the service reference the region's resources are of. */
  readonly resourceTypes: readonly string[]
  readonly within: readonly string[]
  readonly outside: readonly string[]
  readonly conditions: Readonly<Record<string, string | readonly string[] | null>>
  readonly witness: Witness
  /** The region in one line, with its witness. */
  readonly description: string
}

export interface AccessChange {
  readonly regions: readonly AccessRegion[]
  /** Regions found beyond `maxRegions`, not listed. */
  readonly omittedRegions: number
}

export type Relation = 'equivalent' | 'narrower' | 'broader' | 'incomparable'

export type Comparison =
  | {
      /** How `after` relates to `before`, or `unknown` with `reasons`. */
      readonly relation: Relation | 'unknown'
      /** Access `after` grants and `before` does not. */
      readonly added: AccessChange
      /** Access `before` grants and `after` does not. */
      readonly removed: AccessChange
      /** Why the relation is `unknown`, or why an empty direction may not be empty. */
      readonly reasons: readonly string[]
      /** Requests decided on each side. */
      readonly requests: number
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }

/**
 * The regions of a direction as the caller sees them, each witness decided again by `evaluate`
 * with explanations; a witness that does not replay to the decisions it was found with is left
 * out, and said so.
 */
export function replayRegions(
  regions: readonly DifferenceRegion[],
  run: AnalysisRun,
): AccessChange {
  const { before, after, limits, reasons } = run
  const patterns = runPatterns(run)
  const listed: AccessRegion[] = []
  for (const region of regions.slice(0, limits.maxRegions)) {
    const decidedAsFound = (request: AuthorizationRequest) =>
      before.compiled.evaluate(request, decisionsOnly).decision === region.first.before &&
      after.compiled.evaluate(request, decisionsOnly).decision === region.first.after
    const request = completeRequest(region.first.request, run.catalog, patterns, decidedAsFound)
    const beforeResult = before.compiled.evaluate(request)
    const afterResult = after.compiled.evaluate(request)
    if (
      beforeResult.errors !== undefined ||
      afterResult.errors !== undefined ||
      beforeResult.decision !== region.first.before ||
      afterResult.decision !== region.first.after
    ) {
      reasons.push(`a witness for \`${request.action}\` did not replay to the same decisions`)
      continue
    }
    const actions = regionActions(region).sort()
    listed.push({
      actions,
      unlistedAction: region.unlistedAction,
      resourceTypes: region.resourceTypes,
      within: region.first.within,
      outside: region.first.outside,
      conditions: region.first.context,
      witness: { request, before: beforeResult, after: afterResult },
      description: accessWords({
        actions,
        resourceType: region.unlistedAction ? 'any' : (region.resourceTypes[0] ?? '*'),
        within: region.first.within,
        outside: region.first.outside,
        when: [region.first.context],
        witness: request,
      }),
    })
  }
  return { regions: listed, omittedRegions: Math.max(0, regions.length - limits.maxRegions) }
}

/**
 * How the access of one policy set relates to another's, over every request at once:
 * `equivalent`, `narrower` (`after` grants less), `broader` (more) or `incomparable`, with the
 * access added and removed, each region with a witness request replayed through `evaluate`.
 * Both sets are taken as `evaluate` takes them, every layer included. An answer that the
 * analysis could not prove within its limits is `unknown`, with the reasons; it never says
 * `equivalent`, `narrower` or `broader` without having proven the empty direction empty.
 */
export function comparePolicies(
  before: unknown,
  after: unknown,
  options?: AnalysisOptions,
): Comparison {
  const run = runAnalysis(before, after, options)
  if ('errors' in run) return { errors: run.errors }
  const { search, reasons } = run
  const added = replayRegions(search.added, run)
  const removed = replayRegions(search.removed, run)
  const exact = provenEmpty(search) && reasons.length === 0
  const addedFound = added.regions.length > 0
  const removedFound = removed.regions.length > 0
  const relation: Relation | 'unknown' =
    addedFound && removedFound
      ? 'incomparable'
      : !exact
        ? 'unknown'
        : addedFound
          ? 'broader'
          : removedFound
            ? 'narrower'
            : 'equivalent'
  return { relation, added, removed, reasons, requests: search.requests }
}
