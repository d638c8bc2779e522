import { isArnText, textAt } from '../match/text-at.ts'

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
 * evaluation logic*). Where either account cannot be read (an anonymous caller, an S3 ARN
 * without an account), the request is taken as same-account: across accounts AWS asks for more,
 * so this reading never allows what the cross-account one would deny, except through a
 * resource-based policy, which names principals explicitly. The resource's account is compared
 * where it lies in the ARN, which is not split.
 *
 * A resource AWS owns (account field `aws`) is in no customer's account and has no
 * resource-based policy a customer could write: the Service Authorization Reference lists such
 * resources as resource types of actions customers call (Amazon Connect's `aws-managed-view`,
 * `arn:${Partition}:connect:${Region}:aws:view/${ViewId}`, for `connect:DescribeView`, whose
 * API takes "an ARN for AWS managed views"), so identity-based policies decide them, as for a
 * resource of the caller's own account. Read as another account's, no policy could ever allow
 * them.
 */
export function isCrossAccount(principal: string | undefined, resource: string): boolean {
  if (principal === undefined) return false
  if (isAccountId(principal)) return namesOtherAccount(resource, principal, 0, 12)
  const start = accountStart(principal)
  const end = start < 0 ? -1 : principal.indexOf(':', start)
  return end > start && namesOtherAccount(resource, principal, start, end)
}
