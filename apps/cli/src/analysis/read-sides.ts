import type { NamedPolicy, PolicySet } from '@connect-policy/core'
import type { Io } from '../io.ts'
import { readInputs } from '../read-input.ts'

/** Each side of an analysis: identity-based policies read from files, named after them. */
export async function readPolicySets(
  sides: readonly (readonly string[])[],
  io: Io,
): Promise<PolicySet[]> {
  const paths = [...new Set(sides.flat())]
  const inputs = await readInputs(paths, io)
  const byPath = new Map(paths.map((path, index) => [path, inputs[index]]))
  return sides.map((side) => ({
    identityPolicies: side.map((path): NamedPolicy => {
      const input = byPath.get(path)
      return { name: input?.name ?? path, policy: input?.text ?? '' }
    }),
  }))
}
