import { splitArn } from '../match/index.ts'

function accountOf(text: string): string | undefined {
  if (/^\d{12}$/.test(text)) return text
  const account = splitArn(text)?.account
  return account === '' ? undefined : account
}

/**
 * Whether the resource lies in another account than the principal (*Cross-account policy
 * evaluation logic*). Where either account cannot be read (an anonymous caller, an S3 ARN
 * without an account), the request is taken as same-account: across accounts AWS asks for more,
 * so this reading never allows what the cross-account one would deny, except through a
 * resource-based policy, which names principals explicitly.
 */
export function isCrossAccount(principal: string | undefined, resource: string): boolean {
  if (principal === undefined) return false
  const principalAccount = accountOf(principal)
  const resourceAccount = accountOf(resource)
  return (
    principalAccount !== undefined &&
    resourceAccount !== undefined &&
    principalAccount !== resourceAccount
  )
}
