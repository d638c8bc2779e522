import { isPolicyDocument, type PolicyDocument } from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { policyJson } from './policy-json.ts'
import { writeJson } from './write-json.ts'

/**
 * Writes a policy as canonical JSON: two-space indentation, no final line break, elements in
 * the order of the IAM grammar (`Version`, `Id`, `Statement`; in each statement `Sid`,
 * `Effect`, `Principal` or `NotPrincipal`, `Action` or `NotAction`, `Resource` or
 * `NotResource`, `Condition`), unknown elements after the known ones in their written order,
 * `Statement` always a list, a list of one value as that value, a principal anyone as `"*"`,
 * conditions grouped by operator in first-seen order, and strings escaped as `JSON.stringify`
 * escapes them. `parsePolicy` reads the text back into the same policy. Policy text and the
 * object `JSON.parse` makes of a policy are read first, as `parsePolicy` reads them; a value
 * with no policy in it prints as the empty string (`parsePolicy` says why).
 */
export function printPolicy(policy: PolicyDocument | string | object): string {
  if (isPolicyDocument(policy)) return writeJson(policyJson(policy))
  const read = parsePolicy(policy).policy
  return read === undefined ? '' : writeJson(policyJson(read))
}
