import type { PrincipalElement } from '../model/index.ts'
import { joinWords, quote } from './words.ts'

const kinds = {
  AWS: (value: string) => (value === '*' ? 'everyone' : quote(value)),
  Service: (value: string) => `the service ${quote(value)}`,
  Federated: (value: string) => `users signed in with ${quote(value)}`,
  CanonicalUser: (value: string) => `the canonical user ${quote(value)}`,
} as const

/** Who a `Principal`/`NotPrincipal` element names, in words. */
export function describePrincipals(element: PrincipalElement): string {
  const named = element.anyone
    ? ['everyone']
    : element.entries.flatMap((entry) =>
        entry.values.map((value) => kinds[entry.type.value](value.value)),
      )
  const listed = joinWords(named, 'or')
  return element.element === 'NotPrincipal' ? `everyone except ${listed}` : listed
}
