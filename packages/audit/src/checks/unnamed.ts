import type { AuditScope } from '../check.ts'

/**
 * An identifier shaped as Amazon Connect writes them (a UUID) that no value of the set holds:
 * a request on it stands for a resource the policies do not name, such as an instance created
 * tomorrow or the Admin security profile.
 */
export function unnamedIdentifier(scope: AuditScope): string {
  for (let attempt = 0; ; attempt++) {
    const id = `0a0d17ed-0000-4000-8000-${String(attempt).padStart(12, '0')}`
    if (!scope.patterns.some((pattern) => pattern.includes(id))) return id
  }
}
