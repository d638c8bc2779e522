import type { EvaluationError } from '../authorize/result.ts'
import type { AnalysisOptions } from './analysis-options.ts'
import { provenEmpty, runAnalysis } from './analysis-run.ts'
import { type AccessChange, replayRegions } from './compare-policies.ts'

/** `pass`: proven; `fail`: a witness shows otherwise; `unknown`: neither within the limits. */
export type CheckResult = 'pass' | 'fail' | 'unknown'

export type AccessCheck =
  | {
      readonly result: CheckResult
      /** The access that makes the check fail, each region with its witness. */
      readonly access: AccessChange
      readonly reasons: readonly string[]
      readonly requests: number
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }

/** What must never be granted: actions (patterns), optionally only on some resources (patterns). */
export interface AccessQuery {
  readonly actions: readonly string[]
  readonly resources?: readonly string[]
}

function checkOf(
  found: AccessChange,
  proven: boolean,
  reasons: string[],
  requests: number,
): AccessCheck {
  const result: CheckResult = found.regions.length > 0 ? 'fail' : proven ? 'pass' : 'unknown'
  return { result, access: found, reasons, requests }
}

/**
 * Whether `after` grants nothing that `before` does not (IAM Access Analyzer's
 * CheckNoNewAccess, offline): `fail` lists the new access with a request that shows each part.
 * With `within`, only the access to those actions (and resources) is looked at.
 */
export function checkNoNewAccess(
  before: unknown,
  after: unknown,
  options?: AnalysisOptions,
  within?: AccessQuery,
): AccessCheck {
  let scope: AccessQuery | undefined
  if (within !== undefined) {
    const read = readQuery(within)
    if ('source' in read) return { errors: [read] }
    scope = read
  }
  const run = runAnalysis(before, after, options, undefined, scope)
  if ('errors' in run) return { errors: run.errors }
  const added = replayRegions(run.search.added, run)
  return checkOf(added, provenEmpty(run.search), run.reasons, run.search.requests)
}

function readQuery(query: unknown): AccessQuery | EvaluationError {
  const error = (message: string): EvaluationError => ({
    source: 'request',
    message,
    diagnostics: [],
  })
  if (typeof query !== 'object' || query === null) {
    return error('the access to check is an object with `actions` and maybe `resources`')
  }
  const { actions, resources } = query as { actions?: unknown; resources?: unknown }
  const strings = (value: unknown) =>
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
  if (!strings(actions)) return error('`actions` is a non-empty list of action patterns')
  if (resources !== undefined && !strings(resources)) {
    return error('`resources`, when given, is a non-empty list of resource patterns')
  }
  return {
    actions: actions as string[],
    ...(resources === undefined ? {} : { resources: resources as string[] }),
  }
}

/**
 * Whether a policy set never grants any of `actions` (on `resources`, when given), for any
 * request (IAM Access Analyzer's CheckAccessNotGranted, offline): `fail` lists what it grants,
 * each with a request that `evaluate` allows.
 */
export function checkAccessNotGranted(
  set: unknown,
  query: AccessQuery,
  options?: AnalysisOptions,
): AccessCheck {
  const read = readQuery(query)
  if ('source' in read) return { errors: [read] }
  const run = runAnalysis({}, set, options, ['nothing', 'the policy set'], read)
  if ('errors' in run) return { errors: run.errors }
  const granted = replayRegions(run.search.added, run)
  return checkOf(granted, provenEmpty(run.search), run.reasons, run.search.requests)
}
