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

function accountOf(text: string): string | undefined {
  if (isAccountId(text)) return text
  const start = accountStart(text)
  const end = start < 0 ? -1 : text.indexOf(':', start)
  return end <= start ? undefined : text.slice(start, end)
}

/** Whether a resource names an account other than `account`; false when it names none. */
function namesOtherAccount(resource: string, account: string): boolean {
  if (isAccountId(resource)) return resource !== account
  const start = accountStart(resource)
  const end = start < 0 ? -1 : resource.indexOf(':', start)
  if (end <= start) return false
  return end - start !== account.length || !textAt(resource, account, start)
}

/**
 * Whether the resource lies in another account than the principal (*Cross-account policy
 * evaluation logic*). Where either account cannot be read (an anonymous caller, an S3 ARN
 * without an account), the request is taken as same-account: across accounts AWS asks for more,
 * so this reading never allows what the cross-account one would deny, except through a
 * resource-based policy, which names principals explicitly. The resource's account is compared
 * where it lies in the ARN, which is not split.
 */
export function isCrossAccount(principal: string | undefined, resource: string): boolean {
  if (principal === undefined) return false
  const principalAccount = accountOf(principal)
  return principalAccount !== undefined && namesOtherAccount(resource, principalAccount)
}
