import type { AuthorizationRequest } from '@connect-policy/core'
import type { BasePolicy } from './bases.ts'
import type { Rng } from './rng.ts'

export const account = '123456789012'
export const caller = `arn:aws:iam::${account}:user/maria`

/** A request that none of the policy's statements were written for, when it names none. */
export const fallbackRequest: AuthorizationRequest = {
  action: 'connect:DeleteUser',
  resource: `arn:aws:connect:us-east-1:${account}:instance/i-1/agent/u-1`,
  principal: caller,
}

/** One of the requests the policy speaks of, or the fallback. */
export function requestFor(rng: Rng, base: BasePolicy | undefined): AuthorizationRequest {
  const requests = base?.requests ?? []
  return requests.length === 0 ? fallbackRequest : rng.pick(requests)
}

const oddValues: readonly unknown[] = [
  '',
  '*',
  ' ',
  null,
  undefined,
  0,
  -0,
  Number.NaN,
  true,
  [],
  {},
  ['a', 1],
  '\u0000',
  '\ud800',
  'x'.repeat(300),
]

/** A request changed in one place: the action's case or spelling, the resource, a context value. */
export function mutateRequest(rng: Rng, request: AuthorizationRequest): [unknown, string] {
  const copy: Record<string, unknown> = { ...request }
  const resources = Array.isArray(request.resource) ? [...request.resource] : [request.resource]
  const first = String(resources[0] ?? '')
  switch (rng.below(9)) {
    case 0:
      copy.action = rng.pick([
        request.action.toUpperCase(),
        request.action.toLowerCase(),
        request.action.replace(':', '::'),
        request.action.replace(':', ''),
        `${request.action}*`,
        ` ${request.action}`,
        request.action.replaceAll('s', 'ſ'),
        rng.pick(oddValues),
      ])
      return [copy, 'the action changed']
    case 1:
      copy.resource = rng.pick([
        first.toUpperCase(),
        `${first}*`,
        first.replaceAll(':', '::'),
        first.slice(0, rng.below(first.length + 1)),
        `${first}/${'x'.repeat(rng.scale(1, 5000))}`,
        rng.pick(oddValues),
      ])
      return [copy, 'the resource changed']
    case 2:
      copy.resource = [...resources, ...resources.map((resource) => `${resource}-copy`), '*']
      return [copy, 'more resources']
    case 3:
      copy.context = {
        ...(request.context ?? {}),
        [rng.pick(['aws:PrincipalTag/team', 'aws:SourceIp', 'aws:CurrentTime', 'aws:TagKeys'])]:
          rng.pick(oddValues),
      }
      return [copy, 'an odd context value']
    case 4:
      copy.principal = rng.pick([...oddValues, `arn:aws:iam::${account}:root`, account])
      return [copy, 'an odd principal']
    case 5:
      copy.time = rng.pick([
        ...oddValues,
        '2030-01-01T00:00:00Z',
        '2030-02-30',
        1e20,
        -1,
        new Date(Number.NaN),
      ])
      return [copy, 'an odd time']
    case 6:
      copy[rng.pick(['Action', 'resources', 'Context', '__proto__', 'extra'])] = copy.action
      return [copy, 'an unknown field']
    case 7:
      delete copy[rng.pick(['action', 'resource'])]
      return [copy, 'a field missing']
    default:
      return [rng.pick([request.action, [request], null, 42]), 'not a request']
  }
}
