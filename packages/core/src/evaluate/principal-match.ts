import { splitArn } from '../match/index.ts'
import type { PrincipalElement } from '../model/index.ts'

/** How a principal entry named the caller; it decides what else may still limit a grant. */
export const principalMatchKinds = [
  'anyone',
  'account',
  'user',
  'role',
  'session',
  'service',
  'federated',
  'canonical',
] as const
export type PrincipalMatchKind = (typeof principalMatchKinds)[number]

export interface PrincipalMatch {
  readonly kind: PrincipalMatchKind
  readonly pattern: string
}

function accountOf(caller: string): string | undefined {
  if (/^\d{12}$/.test(caller)) return caller
  return splitArn(caller)?.account
}

/** The role ARN of an assumed-role session (`arn:aws:sts::A:assumed-role/R/s` → `…:iam::A:role/R`). */
function sessionRole(caller: string): string | undefined {
  const parts = splitArn(caller)
  if (parts?.service !== 'sts' || !parts.resource.startsWith('assumed-role/')) return undefined
  const role = parts.resource.split('/')[1]
  return role === undefined
    ? undefined
    : `arn:${parts.partition}:iam::${parts.account}:role/${role}`
}

/** The role's name and account, ignoring its path, which a session ARN does not hold. */
function roleIdentity(roleArn: string): string | undefined {
  const parts = splitArn(roleArn)
  if (parts?.service !== 'iam' || !parts.resource.startsWith('role/')) return undefined
  return `${parts.account}/${parts.resource.split('/').pop()}`
}

function matchAws(value: string, caller: string): PrincipalMatchKind | undefined {
  if (value === '*') return 'anyone'
  const account = /^\d{12}$/.test(value) ? value : /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1]
  if (account !== undefined) return accountOf(caller) === account ? 'account' : undefined
  if (value === caller) {
    const parts = splitArn(value)
    if (parts?.service === 'sts') return 'session'
    return parts?.resource.startsWith('role/') ? 'role' : 'user'
  }
  const role = sessionRole(caller)
  if (
    role !== undefined &&
    roleIdentity(value) !== undefined &&
    roleIdentity(value) === roleIdentity(role)
  ) {
    return 'role'
  }
  return undefined
}

/**
 * Whether a Principal entry names the caller (*IAM JSON policy elements: Principal*): `"*"` and
 * `{"AWS": "*"}` name everyone, anonymous callers included; an account ID or its `root` ARN names
 * every principal of the account; a role ARN names the role's sessions; user, session and
 * federated-user ARNs name exactly themselves, case-sensitively. Partial wildcards name nobody:
 * AWS does not expand them in principals.
 */
export function findPrincipal(
  element: PrincipalElement,
  caller: string | undefined,
): PrincipalMatch | undefined {
  if (element.anyone) return { kind: 'anyone', pattern: '*' }
  for (const entry of element.entries) {
    for (const { value } of entry.values) {
      if (entry.type.value === 'AWS') {
        if (value === '*') return { kind: 'anyone', pattern: value }
        const kind = caller === undefined ? undefined : matchAws(value, caller)
        if (kind !== undefined) return { kind, pattern: value }
      } else if (caller !== undefined && value === caller) {
        const kind =
          entry.type.value === 'Service'
            ? 'service'
            : entry.type.value === 'Federated'
              ? 'federated'
              : 'canonical'
        return { kind, pattern: value }
      }
    }
  }
  return undefined
}
