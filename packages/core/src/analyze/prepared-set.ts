import { compilePolicies } from '../authorize/compile.ts'
import type { EvaluationError } from '../authorize/result.ts'
import type { Catalog } from '../catalog/index.ts'
import type { AnalyzedSide } from './access-difference.ts'
import { type AnalysisOptions, readCatalog } from './analysis-options.ts'
import { readStatements } from './policy-statements.ts'

/**
 * A policy set read and compiled once, for analyses that meet it many times: comparing each of
 * many sets with each other reads and compiles each set once, and the evaluator's plans for
 * the actions met are kept between the analyses.
 */
export interface PreparedPolicySet {
  readonly preparedFor: 'analysis'
}

interface Prepared {
  readonly side: AnalyzedSide
  readonly catalog: Catalog | undefined
}

const preparedSides = new WeakMap<object, Prepared>()

/** A side as the analyses read it, or the errors that keep its set from being evaluated. */
export function analyzedSide(
  set: unknown,
  catalog: Catalog | undefined,
  label: string,
  anyCatalog = false,
): AnalyzedSide | { errors: readonly EvaluationError[] } {
  const prepared = typeof set === 'object' && set !== null ? preparedSides.get(set) : undefined
  if (prepared !== undefined) {
    // a side's statements are the same whatever catalog it was compiled with
    if (anyCatalog || prepared.catalog === catalog) return prepared.side
    return {
      errors: [
        {
          source: 'options',
          message: `${label}: the set was prepared with another catalog than the one given`,
          diagnostics: [],
        },
      ],
    }
  }
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
 * A policy set prepared for `comparePolicies`, `checkNoNewAccess`, `checkAccessNotGranted`,
 * `summarizeAccess` and `diffAccess`, which take it in place of the set: the same answers,
 * without reading and compiling the set again. It is used with the catalog it was prepared
 * with; with another, an analysis answers an error.
 */
export function prepareForAnalysis(
  set: unknown,
  options?: Pick<AnalysisOptions, 'catalog'>,
): PreparedPolicySet | { readonly errors: readonly EvaluationError[] } {
  const { catalog, error } = readCatalog(options)
  if (error !== undefined) return { errors: [error] }
  const side = analyzedSide(set, catalog, 'the policy set')
  if ('errors' in side) return { errors: side.errors }
  const prepared: PreparedPolicySet = Object.freeze({ preparedFor: 'analysis' })
  preparedSides.set(prepared, { side, catalog })
  return prepared
}
