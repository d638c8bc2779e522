import { compilePolicies } from '../authorize/compile.ts'
import type { AuthorizationRequest } from '../authorize/request.ts'
import type { Decision, EvaluationError } from '../authorize/result.ts'
import { type Catalog, isCatalog } from '../catalog/index.ts'
import {
  type AnalyzedSide,
  type DifferenceRegion,
  type DifferenceSearch,
  searchDifferences,
} from './access-difference.ts'
import { accessWords } from './access-words.ts'
import { type AnalysisLimits, type AnalysisOptions, readLimits } from './analysis-options.ts'
import { readStatements } from './policy-statements.ts'

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

function optionError(message: string): EvaluationError {
  return { source: 'options', message, diagnostics: [] }
}

/** The catalog of the options, or an error when something else is given as one. */
function readCatalog(options: unknown): { catalog?: Catalog; error?: EvaluationError } {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null) {
    return { error: optionError('options are an object such as `{ catalog }`') }
  }
  const { catalog } = options as { catalog?: unknown }
  if (catalog === undefined) return {}
  if (!isCatalog(catalog)) {
    return { error: optionError('`catalog` is not a service reference made by `createCatalog`') }
  }
  return { catalog }
}

/** A side of a comparison, or the errors that keep its set from being evaluated. */
export function analyzedSide(
  set: unknown,
  catalog: Catalog | undefined,
  label: string,
): AnalyzedSide | { errors: readonly EvaluationError[] } {
  const read = readStatements(set)
  const compiled = compilePolicies(set as never, catalog === undefined ? {} : { catalog })
  const errors = read.errors ?? compiled.errors
  if (errors !== undefined) {
    return {
      errors: errors.map((error) => ({ ...error, message: `${label}: ${error.message}` })),
    }
  }
  return { compiled, statements: read.statements ?? [] }
}

/**
 * The regions of a direction as the caller sees them, each witness decided again by `evaluate`
 * with explanations; a witness that does not replay to the decisions it was found with is left
 * out, and said so.
 */
export function replayRegions(
  regions: readonly DifferenceRegion[],
  before: AnalyzedSide,
  after: AnalyzedSide,
  limits: Required<AnalysisLimits>,
  reasons: string[],
): AccessChange {
  const listed: AccessRegion[] = []
  for (const region of regions.slice(0, limits.maxRegions)) {
    const { request } = region.first
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
    const actions = [...region.actions].sort()
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

/** Whether a search proved that nothing lies in a direction it found empty. */
export function provenEmpty(search: DifferenceSearch): boolean {
  return search.unknown === undefined && search.inexact.length === 0
}

export function searchReasons(search: DifferenceSearch): string[] {
  return [...(search.unknown === undefined ? [] : [search.unknown]), ...search.inexact]
}

/** Both sides read, or the errors of either. */
export function analyzedSides(
  before: unknown,
  after: unknown,
  options: unknown,
  labels: readonly [string, string] = ['before', 'after'],
):
  | { before: AnalyzedSide; after: AnalyzedSide; catalog?: Catalog }
  | { errors: readonly EvaluationError[] } {
  const { catalog, error } = readCatalog(options)
  if (error !== undefined) return { errors: [error] }
  const beforeSide = analyzedSide(before, catalog, labels[0])
  const afterSide = analyzedSide(after, catalog, labels[1])
  const errors = [
    ...('errors' in beforeSide ? beforeSide.errors : []),
    ...('errors' in afterSide ? afterSide.errors : []),
  ]
  if (errors.length > 0 || 'errors' in beforeSide || 'errors' in afterSide) return { errors }
  return { before: beforeSide, after: afterSide, ...(catalog === undefined ? {} : { catalog }) }
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
  const sides = analyzedSides(before, after, options)
  if ('errors' in sides) return { errors: sides.errors }
  const limits = readLimits(options)
  const search = searchDifferences(sides.before, sides.after, sides.catalog, limits)
  const reasons = searchReasons(search)
  const added = replayRegions(search.added, sides.before, sides.after, limits, reasons)
  const removed = replayRegions(search.removed, sides.before, sides.after, limits, reasons)
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
