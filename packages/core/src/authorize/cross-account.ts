import { isArnText, textAt } from '../match/text-at.ts'
import { noKeys, type RequestContext } from './request-context.ts'

const DIGIT_0 = 48
const DIGIT_9 = 57

/** Whether the text is a 12-digit account ID. */
function isAccountId(text: string): boolean {
  if (text.length !== 12) return false
  for (let index = 0; index < 12; index++) {
    const code = text.charCodeAt(index)
    if (code < DIGIT_0 || code > DIGIT_9) return false
  }
  return true
}

/**
 * Where an ARN's account field starts, or -1 when the text is not an ARN: after the fourth
 * colon, as `splitArn` reads it. The field ends at the fifth colon, which `accountEnd` finds.
 */
function accountStart(text: string): number {
  if (!isArnText(text)) return -1
  let start = 4
  for (let field = 0; field < 3; field++) {
    const colon = text.indexOf(':', start)
    if (colon < 0) return -1
    start = colon + 1
  }
  return start
}

/**
 * Whether a resource names an account other than the one at `from`..`to` of `principal`; false
 * when it names none. Both accounts are compared where they lie, without cutting them out.
 */
function namesOtherAccount(resource: string, principal: string, from: number, to: number): boolean {
  const length = to - from
  let start = 0
  if (!isAccountId(resource)) {
    start = accountStart(resource)
    const end = start < 0 ? -1 : resource.indexOf(':', start)
    if (end <= start || isAwsOwned(resource, start, end)) return false
    if (end - start !== length) return true
  } else if (length !== 12) {
    return true
  }
  for (let index = 0; index < length; index++) {
    if (resource.charCodeAt(start + index) !== principal.charCodeAt(from + index)) return true
  }
  return false
}

/**
 * Whether an ARN's account field, from `start` to `end`, is `aws`: a resource AWS owns and
 * offers to every account, such as an AWS managed policy (`arn:aws:iam::aws:policy/...`) or an
 * Amazon Connect AWS managed view (`arn:aws:connect:<region>:aws:view/<id>`).
 */
function isAwsOwned(resource: string, start: number, end: number): boolean {
  return end - start === 3 && textAt(resource, 'aws', start)
}

/**
 * Whether the resource lies in another account than the principal (*Cross-account policy
 * evaluation logic*). The accounts are read from the principal's ARN (or account ID) and the
 * resource's ARN; where an ARN has none (an S3 bucket, a request without a principal), from the
 * request's `aws:ResourceAccount` or `aws:PrincipalAccount`, which say whose account it is.
 *
 * A request that still does not say both accounts is taken as made within one account, the case
 * of a request that names no principal to evaluate a principal's own policies. This is a reading
 * of the request, not of a policy: across accounts AWS asks for more (the resource's policy must
 * allow too), so a request that means another account says so with `aws:ResourceAccount`.
 *
 * A resource AWS owns (account field `aws`) is in no customer's account and has no
 * resource-based policy a customer could write: the Service Authorization Reference lists such
 * resources as resource types of actions customers call (Amazon Connect's `aws-managed-view`,
 * `arn:${Partition}:connect:${Region}:aws:view/${ViewId}`, for `connect:DescribeView`, whose
 * API takes "an ARN for AWS managed views"), so identity-based policies decide them, as for a
 * resource of the caller's own account. Read as another account's, no policy could ever allow
 * them. Scenarios: `cross-account.scenarios.json`; of both accounts allowing,
 * `required-layers.scenarios.json`.
 */
export function isCrossAccount(
  principal: string | undefined,
  resource: string,
  caller: RequestContext = noKeys,
): boolean {
  // the principal's account where it lies, in its ARN or as the request gives it
  let text: string | undefined
  let from = 0
  let to = 0
  if (principal !== undefined && isAccountId(principal)) {
    text = principal
    to = 12
  } else if (principal !== undefined) {
    from = accountStart(principal)
    to = from < 0 ? -1 : principal.indexOf(':', from)
    if (to > from) text = principal
  }
  if (text === undefined) {
    text = contextAccount(caller, 'aws:principalaccount')
    if (text === undefined) return false
    from = 0
    to = text.length
  }
  if (isAccountId(resource)) return namesOtherAccount(resource, text, from, to)
  const start = accountStart(resource)
  const end = start < 0 ? -1 : resource.indexOf(':', start)
  if (end > start) return namesOtherAccount(resource, text, from, to)
  const owner = contextAccount(caller, 'aws:resourceaccount')
  return owner !== undefined && namesOtherAccount(owner, text, from, to)
}

/** A single-valued account key the request gives, when it does. */
function contextAccount(caller: RequestContext, foldedKey: string): string | undefined {
  const entry = caller.get(foldedKey)
  return entry?.values.length === 1 && entry.values[0] !== '' ? entry.values[0] : undefined
}
