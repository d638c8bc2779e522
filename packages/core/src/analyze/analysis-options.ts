import type { EvaluationError } from '../authorize/result.ts'
import { type Catalog, isCatalog } from '../catalog/index.ts'
import { defaultGlobSteps } from './glob-search.ts'
import type { SearchWork } from './text-cells.ts'

/** What one analysis may spend before it answers `unknown` (never a hang). */
export interface AnalysisLimits {
  /** Requests decided on each side (default 200,000). */
  readonly maxRequests?: number
  /** Searches of the patterns' product (default 20,000). */
  readonly maxSearches?: number
  /** States one search may visit (default 100,000). */
  readonly maxStates?: number
  /** Positions the searches of one analysis may read, all together (default 5,000,000). */
  readonly maxSteps?: number
  /** Regions of access listed per direction; the rest are counted (default 100). */
  readonly maxRegions?: number
}

export interface AnalysisOptions {
  /**
   * The AWS service reference: the actions there are, their resource types and ARN formats, and
   * which keys they carry. Without it, only actions as text are analyzed (no witness then looks
   * like a real request of a known action).
   */
  readonly catalog?: Catalog
  readonly limits?: AnalysisLimits
}

export const defaultLimits: Required<AnalysisLimits> = {
  maxRequests: 200_000,
  maxSearches: 20_000,
  maxStates: 100_000,
  maxSteps: defaultGlobSteps,
  maxRegions: 100,
}

function limitOf(given: unknown, fallback: number): number {
  return typeof given === 'number' && Number.isInteger(given) && given >= 0 ? given : fallback
}

/** The limits given, each read only when it is a whole number, else its default. */
export function readLimits(options: unknown): Required<AnalysisLimits> {
  const limits =
    typeof options === 'object' && options !== null
      ? ((options as { limits?: unknown }).limits ?? {})
      : {}
  const given = (typeof limits === 'object' && limits !== null ? limits : {}) as Record<
    string,
    unknown
  >
  return {
    maxRequests: limitOf(given.maxRequests, defaultLimits.maxRequests),
    maxSearches: limitOf(given.maxSearches, defaultLimits.maxSearches),
    maxStates: limitOf(given.maxStates, defaultLimits.maxStates),
    maxSteps: limitOf(given.maxSteps, defaultLimits.maxSteps),
    maxRegions: limitOf(given.maxRegions, defaultLimits.maxRegions),
  }
}

/**
 * The limits for a set of `characters`: `base` (read as `readLimits` reads limits) for a set of
 * 1,000 characters or fewer, each but `maxRegions` divided by the set's size in thousands of
 * characters past that, as each request, search and step costs more on a larger set. Analyses
 * made often, or many at once, take their share of the defaults this way.
 */
export function limitsForSize(characters: number, base: AnalysisLimits): Required<AnalysisLimits> {
  // a size that is no count of characters is read as the smallest
  const size = typeof characters === 'number' && characters > 0 ? characters : 0
  const share = Math.max(1, size / 1_000)
  const given = readLimits({ limits: base })
  const part = (limit: number) => Math.floor(limit / share)
  return {
    maxRequests: part(given.maxRequests),
    maxSearches: part(given.maxSearches),
    maxStates: part(given.maxStates),
    maxSteps: part(given.maxSteps),
    maxRegions: given.maxRegions,
  }
}

export function searchWork(limits: Required<AnalysisLimits>): SearchWork {
  return {
    searches: 0,
    maxSearches: limits.maxSearches,
    maxStates: limits.maxStates,
    steps: 0,
    maxSteps: limits.maxSteps,
  }
}

function optionError(message: string): EvaluationError {
  return { source: 'options', message, diagnostics: [] }
}

/** The catalog of the options, or an error when something else is given as one. */
export function readCatalog(options: unknown): { catalog?: Catalog; error?: EvaluationError } {
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
