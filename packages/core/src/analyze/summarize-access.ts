import type { AuthorizationRequest } from '../authorize/request.ts'
import type { EvaluationError } from '../authorize/result.ts'
import type { Catalog } from '../catalog/index.ts'
import { type DifferenceRegion, decisionsOnly } from './access-difference.ts'
import { type AccessShape, accessWords } from './access-words.ts'
import type { ActionGroup } from './action-groups.ts'
import type { AnalysisOptions } from './analysis-options.ts'
import { type AnalysisRun, provenEmpty, runAnalysis, runPatterns } from './analysis-run.ts'
import { completeRequest } from './complete-request.ts'
import { valueFor } from './value-for.ts'

/** Condition values a request gives (`null`: the key not given). */
export type ConditionValues = Readonly<Record<string, string | readonly string[] | null>>

/**
 * Actions allowed on the resources of one type that match some of the policies' patterns and
 * miss the others, under any of `when` (each the condition values of a request allowed).
 */
export interface AccessGrant {
  readonly actions: readonly string[]
  /** `service:type` of the service reference; `*` for actions of no resource type; `any` for actions it does not list. */
  readonly resourceType: string
  readonly within: readonly string[]
  readonly outside: readonly string[]
  /** The condition values under which it was found allowed; `[{}]` when no condition is read. */
  readonly when: readonly ConditionValues[]
  /** A request that `evaluate` allows. */
  readonly witness: AuthorizationRequest
  /** The grant in one line, with its witness. */
  readonly description: string
}

export interface LevelAccess {
  /** The access level of the service reference (`List`, `Read`, `Write`, ...), or `Unlisted`. */
  readonly level: string
  readonly grants: readonly AccessGrant[]
}

export interface ServiceAccess {
  readonly service: string
  readonly name?: string
  readonly levels: readonly LevelAccess[]
}

export type AccessSummary =
  | {
      readonly services: readonly ServiceAccess[]
      /** Whether the summary is proven whole (no `reasons`). */
      readonly complete: boolean
      readonly reasons: readonly string[]
      readonly requests: number
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }

const levelOrder = ['List', 'Read', 'Write', 'Permissions management', 'Tagging', 'Unlisted']

function serviceOf(action: string): string {
  return action.split(':')[0]?.toLowerCase() ?? ''
}

function levelOf(action: string, catalog: Catalog | undefined): string {
  return catalog?.action(action)?.accessLevels[0] ?? 'Unlisted'
}

/** A group's actions split by service and access level, in its order. */
interface GroupPart {
  readonly service: string
  readonly level: string
  readonly actions: string[]
}

function partsOf(group: ActionGroup, catalog: Catalog | undefined): GroupPart[] {
  const parts = new Map<string, GroupPart>()
  for (const action of group.actions) {
    const service = serviceOf(action)
    const level = levelOf(action, catalog)
    const key = `${service}\u0000${level}`
    valueFor(parts, key, () => ({ service, level, actions: [] })).actions.push(action)
  }
  return [...parts.values()]
}

type GrantInProgress = AccessShape & { actions: string[]; when: ConditionValues[] }

/** The condition cases one group of actions was met in, in one resource cell. */
interface GroupCases {
  readonly request: DifferenceRegion['first']['request']
  readonly when: ConditionValues[]
  readonly shown: Set<string>
}

/** The regions by resource cell, and in each, the cases of every group met there. */
function casesByCell(regions: readonly DifferenceRegion[]) {
  const cells = new Map<
    string,
    { region: DifferenceRegion; resourceType: string; groups: Map<ActionGroup, GroupCases> }
  >()
  for (const region of regions) {
    const resourceType = region.unlistedAction ? 'any' : (region.first.resourceType ?? '*')
    const key = JSON.stringify([resourceType, region.first.within, region.first.outside])
    const cell = valueFor(cells, key, () => ({ region, resourceType, groups: new Map() }))
    const when = region.first.context
    const shown = JSON.stringify(when)
    for (const group of region.groups) {
      const cases = cell.groups.get(group)
      if (cases === undefined) {
        cell.groups.set(group, {
          request: region.first.request,
          when: [when],
          shown: new Set([shown]),
        })
      } else if (!cases.shown.has(shown)) {
        cases.shown.add(shown)
        cases.when.push(when)
      }
    }
  }
  return cells
}

/**
 * The grants of the regions, split by service and level and joined by resource cell. The cases
 * of a group are gathered once per cell, so a group of many services costs its parts once, not
 * once per condition case; a grant that a second group joins takes a copy of the cases first.
 */
export function grantsByService(
  regions: readonly DifferenceRegion[],
  catalog: Catalog | undefined,
): ServiceAccess[] {
  const services = new Map<string, Map<string, Map<string, GrantInProgress>>>()
  // the cases a grant holds, once it holds those of more than one group
  const joined = new Map<GrantInProgress, Set<string>>()
  const grantsOf = (service: string, level: string) =>
    valueFor(
      valueFor(services, service, () => new Map<string, Map<string, GrantInProgress>>()),
      level,
      () => new Map<string, GrantInProgress>(),
    )
  // a group's split by service and level, once for every cell it is met in
  const splits = new Map<ActionGroup, GroupPart[]>()
  for (const [key, cell] of casesByCell(regions)) {
    for (const [group, cases] of cell.groups) {
      for (const part of valueFor(splits, group, () => partsOf(group, catalog))) {
        const grants = grantsOf(part.service, part.level)
        const grant = grants.get(key)
        if (grant === undefined) {
          grants.set(key, {
            actions: [...part.actions],
            resourceType: cell.resourceType,
            within: cell.region.first.within,
            outside: cell.region.first.outside,
            when: cases.when,
            witness: { ...cases.request, action: part.actions[0] ?? group.action },
          })
          continue
        }
        grant.actions.push(...part.actions)
        let held = joined.get(grant)
        if (held === undefined) {
          held = new Set(grant.when.map((when) => JSON.stringify(when)))
          grant.when = [...grant.when]
          joined.set(grant, held)
        }
        for (const [index, shown] of [...cases.shown].entries()) {
          if (held.has(shown)) continue
          held.add(shown)
          const when = cases.when[index]
          if (when !== undefined) grant.when.push(when)
        }
      }
    }
  }
  return [...services.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, levels]) => {
      const name = catalog?.serviceName(service)
      return {
        service,
        ...(name === undefined ? {} : { name }),
        levels: [...levels.entries()]
          .sort(([a], [b]) => levelOrder.indexOf(a) - levelOrder.indexOf(b))
          .map(([level, grants]) => ({
            level,
            grants: [...grants.values()].map((grant) => {
              const sorted = { ...grant, actions: [...grant.actions].sort() }
              return { ...sorted, description: accessWords(sorted) }
            }),
          })),
      }
    })
}

/**
 * The grants whose witness `replays` (decided again by the evaluator, as claimed), each witness
 * first made a whole request (`completeRequest`) that replays as well; any grant whose witness
 * does not replay is left out, and said so in the run's `reasons`.
 */
export function replayGrants(
  services: readonly ServiceAccess[],
  replays: (request: AuthorizationRequest) => boolean,
  run: AnalysisRun,
): ServiceAccess[] {
  const patterns = runPatterns(run)
  return services.map((service) => ({
    ...service,
    levels: service.levels.map((level) => ({
      ...level,
      grants: level.grants.flatMap((grant) => {
        if (!replays(grant.witness)) {
          run.reasons.push(
            `a witness for \`${grant.witness.action}\` did not replay to its decisions`,
          )
          return []
        }
        const witness = completeRequest(grant.witness, run.catalog, patterns, replays)
        if (witness === grant.witness) return [grant]
        return [{ ...grant, witness, description: accessWords({ ...grant, witness }) }]
      }),
    })),
  }))
}

/**
 * What a policy set allows, for every request at once: per service, access level and resource
 * type, the actions allowed on which resource patterns under which condition values, after
 * every Deny, NotAction and NotResource and every layer, against the service reference. Each
 * grant carries a request that the evaluator allows; `complete` says whether the summary is
 * proven whole.
 */
export function summarizeAccess(set: unknown, options?: AnalysisOptions): AccessSummary {
  const run = runAnalysis({}, set, options, ['nothing', 'the policy set'])
  if ('errors' in run) return { errors: run.errors }
  const { search, reasons } = run
  const services = replayGrants(
    grantsByService(search.added, run.catalog),
    (request) => run.after.compiled.evaluate(request, decisionsOnly).decision === 'Allow',
    run,
  )
  return {
    services,
    complete: provenEmpty(search) && reasons.length === 0,
    reasons,
    requests: search.requests,
  }
}
