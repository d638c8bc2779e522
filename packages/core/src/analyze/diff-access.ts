import type { EvaluationError } from '../authorize/result.ts'
import { splitArn } from '../match/index.ts'
import { searchDifferences } from './access-difference.ts'
import { type AnalysisOptions, readLimits } from './analysis-options.ts'
import { analyzedSides, provenEmpty, searchReasons } from './compare-policies.ts'
import {
  type AccessGrant,
  type ConditionValues,
  grantsByService,
  replayGrants,
  type ServiceAccess,
} from './summarize-access.ts'

export type AccessDiff =
  | {
      /** Access `after` grants and `before` does not, as a summary. */
      readonly added: readonly ServiceAccess[]
      /** Access `before` grants and `after` does not. */
      readonly removed: readonly ServiceAccess[]
      /** The difference in words, a line per grant: `+ ...` added, `- ...` removed. */
      readonly lines: readonly string[]
      readonly complete: boolean
      readonly reasons: readonly string[]
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }

const shownActions = 4

function code(text: string): string {
  return `\`${text}\``
}

function actionsWords(actions: readonly string[]): string {
  if (actions.length <= shownActions) return actions.map(code).join(', ')
  const shown = actions
    .slice(0, shownActions - 1)
    .map(code)
    .join(', ')
  return `${shown} and ${actions.length - shownActions + 1} more actions`
}

/** Whether a pattern could name resources of a service: its service field is it or a wildcard. */
function concerns(pattern: string, service: string): boolean {
  const parts = splitArn(pattern)
  if (parts === undefined) return true
  return parts.service === service || /[*?]/.test(parts.service)
}

function resourceWords(grant: AccessGrant): string {
  if (grant.resourceType === '*') return 'no resource type (`*`)'
  const service = grant.resourceType.split(':')[0] ?? ''
  const within = grant.within.filter((pattern) => pattern !== '*')
  const outside = grant.outside.filter((pattern) => concerns(pattern, service))
  const kind =
    grant.resourceType === 'any' ? 'any resource' : `${code(grant.resourceType)} resources`
  const matching = within.length === 0 ? '' : ` matching ${within.map(code).join(' and ')}`
  const missing = outside.length === 0 ? '' : ` but not ${outside.map(code).join(' or ')}`
  return `${kind}${matching}${missing}`
}

function valueWords(key: string, value: string | readonly string[] | null): string {
  if (value === null) return `${code(key)} not given`
  if (typeof value === 'string') return `${code(key)} = ${code(value)}`
  return `${code(key)} = [${value.map(code).join(', ')}]`
}

function conditionWords(when: readonly ConditionValues[]): string {
  const cases = when
    .map((values) =>
      Object.entries(values)
        .map(([key, value]) => valueWords(key, value))
        .join(' and '),
    )
    .filter((words) => words !== '')
  return cases.length === 0 ? '' : ` when ${cases.join('; or when ')}`
}

/** A grant in one line: actions, resources and conditions, then the request that shows it. */
export function grantWords(grant: AccessGrant): string {
  const resource = grant.witness.resource
  const example = Array.isArray(resource) ? resource.join(', ') : String(resource)
  return `${actionsWords(grant.actions)} on ${resourceWords(grant)}${conditionWords(grant.when)} (for example ${code(grant.witness.action)} on ${code(example)})`
}

function lines(sign: string, services: readonly ServiceAccess[]): string[] {
  return services.flatMap((service) =>
    service.levels.flatMap((level) =>
      level.grants.map(
        (grant) =>
          `${sign} ${service.name ?? service.service}, ${level.level}: ${grantWords(grant)}`,
      ),
    ),
  )
}

/**
 * The difference between what two policy sets allow, as the access summary of each direction
 * and in words a reviewer reads in a pull request: a line per grant added (`+`) or removed
 * (`-`), by service and access level, each with a request that shows it.
 */
export function diffAccess(before: unknown, after: unknown, options?: AnalysisOptions): AccessDiff {
  const sides = analyzedSides(before, after, options)
  if ('errors' in sides) return { errors: sides.errors }
  const limits = readLimits(options)
  const search = searchDifferences(sides.before, sides.after, sides.catalog, limits)
  const reasons = searchReasons(search)
  const allows = (side: typeof sides.before, request: AccessGrant['witness']) =>
    side.compiled.evaluate(request, { explain: false }).decision === 'Allow'
  const added = replayGrants(
    grantsByService(search.added, sides.catalog),
    (request) => allows(sides.after, request) && !allows(sides.before, request),
    reasons,
  )
  const removed = replayGrants(
    grantsByService(search.removed, sides.catalog),
    (request) => allows(sides.before, request) && !allows(sides.after, request),
    reasons,
  )
  return {
    added,
    removed,
    lines: [...lines('+', added), ...lines('-', removed)],
    complete: provenEmpty(search) && reasons.length === 0,
    reasons,
  }
}
