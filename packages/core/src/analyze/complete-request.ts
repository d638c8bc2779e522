import type { AuthorizationRequest } from '../authorize/request.ts'
import type { ArnFormat, Catalog } from '../catalog/index.ts'
import { tokensMatch } from './glob-search.ts'
import { companionArns, formatTokens, type PolicyPlaces, placesOf } from './resource-space.ts'

/** ARN candidates tried for each companion resource before the witness stays as it is. */
const maxCompanionCandidates = 12

/** The format of `types` that an ARN is written in, and its type's name. */
function formatOf(
  types: readonly {
    readonly type: { readonly name: string; readonly arnFormats: readonly ArnFormat[] }
  }[],
  arn: string,
): { name: string; format: ArnFormat } | undefined {
  for (const { type } of types) {
    for (const format of type.arnFormats) {
      if (tokensMatch(formatTokens(format), arn)) return { name: type.name, format }
    }
  }
  return undefined
}

/**
 * A witness as AWS would be asked it: an action whose service reference lists several required
 * resource types is authorized against one resource of each (`connect:CreateUser` against the
 * user, its routing profile and its security profile, and its hierarchy group when it has one),
 * so the request gets, beside the resource the analysis found, one of every other required type that keeps the request's decisions as
 * they were found (`keeps`, which the caller decides by replaying both sides). The companions
 * share the found ARN's partition, Region, account and ids where their formats name them alike,
 * else take the policies' own values. A request that needs none, or for which no companion
 * keeps the decisions, is returned as it is.
 *
 * AWS's page: *Actions, resources, and condition keys for AWS services* (the resource types
 * column, where an asterisk marks a required type).
 */
export function completeRequest(
  request: AuthorizationRequest,
  catalog: Catalog | undefined,
  patterns: readonly string[],
  keeps: (completed: AuthorizationRequest) => boolean,
): AuthorizationRequest {
  const action = catalog?.action(request.action)
  const main = request.resource
  if (action === undefined || typeof main !== 'string') return request
  const requiredTypes = action.resourceTypes.filter((entry) => entry.required)
  // most actions require one type, which the resource found is already of
  const [only] = requiredTypes
  if (only === undefined) return request
  if (requiredTypes.length === 1 && formatOf([only], main) !== undefined) return request
  const found = formatOf(action.resourceTypes, main)
  if (found === undefined) return request
  const required = requiredTypes.filter((entry) => entry.type.name !== found.name)
  if (required.length === 0) return request
  const places: PolicyPlaces = placesOf([main, ...patterns])
  let resources: string[] = [main]
  for (const { type } of required) {
    let companion: string | undefined
    let tried = 0
    search: for (const format of type.arnFormats) {
      for (const arn of companionArns(format, main, found.format, patterns, places)) {
        if (tried++ >= maxCompanionCandidates) break search
        if (keeps({ ...request, resource: [...resources, arn] })) {
          companion = arn
          break search
        }
      }
    }
    if (companion === undefined) return request
    resources = [...resources, companion]
  }
  return { ...request, resource: resources }
}
