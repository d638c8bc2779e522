import { playgroundHash } from '../playground/state.ts'
import type { PlaygroundRequest } from './playground-data.ts'

/**
 * The address of the playground opened on an identity-based policy with a request filled in,
 * as a link of a generated page: the playground's own hash, so that the link keeps working when
 * the playground changes how its state is written.
 */
export function playgroundLink(
  policy: string,
  request: Pick<PlaygroundRequest, 'action' | 'resources' | 'principal'>,
): string {
  return `/playground${playgroundHash(policy, {
    action: request.action,
    resources: request.resources,
    ...(request.principal === undefined ? {} : { principal: request.principal }),
  })}`
}
