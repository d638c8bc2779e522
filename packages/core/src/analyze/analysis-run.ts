import type { EvaluationError } from '../authorize/result.ts'
import type { Catalog } from '../catalog/index.ts'
import {
  type AnalysisScope,
  type AnalyzedSide,
  type DifferenceSearch,
  searchDifferences,
} from './access-difference.ts'
import { type AnalysisLimits, readCatalog, readLimits } from './analysis-options.ts'
import { analyzedSide } from './prepared-set.ts'

/** Whether a search proved that nothing lies in a direction it found empty. */
export function provenEmpty(search: DifferenceSearch): boolean {
  return search.unknown === undefined && search.inexact.length === 0
}

function searchReasons(search: DifferenceSearch): string[] {
  return [...(search.unknown === undefined ? [] : [search.unknown]), ...search.inexact]
}

/** Both sides read, or the errors of either. */
function analyzedSides(
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

/** Every Resource and NotResource pattern of both sides, for witnesses that look like theirs. */
export function runPatterns(run: Pick<AnalysisRun, 'before' | 'after'>): string[] {
  return [...run.before.statements, ...run.after.statements].flatMap(
    (statement) => statement.resources.patterns,
  )
}

/** One analysis, run: both sides read, the search made within the limits, and its reasons. */
export interface AnalysisRun {
  readonly before: AnalyzedSide
  readonly after: AnalyzedSide
  readonly catalog?: Catalog
  readonly limits: Required<AnalysisLimits>
  readonly search: DifferenceSearch
  /** Why an empty direction may not be empty; replaying witnesses adds to them. */
  readonly reasons: string[]
}

/**
 * Reads both sides as the evaluator does and searches every request for the differences
 * between them (`searchDifferences`): what every analysis of this folder starts from, or the
 * errors that keep either side, or the options, from being read.
 */
export function runAnalysis(
  before: unknown,
  after: unknown,
  options: unknown,
  labels: readonly [string, string] = ['before', 'after'],
  scope?: AnalysisScope,
): AnalysisRun | { readonly errors: readonly EvaluationError[] } {
  const sides = analyzedSides(before, after, options, labels)
  if ('errors' in sides) return { errors: sides.errors }
  const limits = readLimits(options)
  const search = searchDifferences(sides.before, sides.after, sides.catalog, limits, scope)
  return { ...sides, limits, search, reasons: searchReasons(search) }
}
