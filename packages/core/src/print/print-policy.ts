import type { PolicyDocument } from '../model/index.ts'
import { policyJson } from './policy-json.ts'
import { writeJson } from './write-json.ts'

/**
 * Writes a policy as canonical JSON: two-space indentation, no final line break, elements in
 * the order of the IAM grammar (`Version`, `Id`, `Statement`; in each statement `Sid`,
 * `Effect`, `Principal` or `NotPrincipal`, `Action` or `NotAction`, `Resource` or
 * `NotResource`, `Condition`), unknown elements after the known ones in their written order,
 * `Statement` always a list, a list of one value as that value, a principal anyone as `"*"`,
 * conditions grouped by operator in first-seen order, and strings escaped as `JSON.stringify`
 * escapes them. `parsePolicy` reads the text back into the same policy.
 */
export function printPolicy(policy: PolicyDocument): string {
  return writeJson(policyJson(policy))
}
