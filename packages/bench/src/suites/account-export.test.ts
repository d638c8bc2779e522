import { awsCatalog } from '@connect-policy/catalog'
import { readSource, validateSource } from '@connect-policy/sources'
import { describe, expect, it } from 'vitest'
import { accountExport, largeAccount } from './account-export.ts'

const small = { roles: 200, users: 12, groups: 4, managedPolicies: 10 }

describe('the generated account export', () => {
  it('is the same text on every run', () => {
    expect(accountExport(small).text).toBe(accountExport(small).text)
  })

  it('is read whole: every policy and principal, the boundaries, and each misspelt action found', () => {
    const file = accountExport(small)
    const read = readSource({ name: 'authorization-details.json', text: file.text })
    expect(read.format).toBe('authorization-details')
    expect(read.problems).toEqual([])
    expect(read.policies).toHaveLength(file.policies)
    expect(read.principals).toHaveLength(small.roles + small.users + small.groups)
    const roles = read.principals.filter((principal) => principal.kind === 'role')
    expect(roles.filter((role) => role.permissionsBoundary !== undefined)).toHaveLength(
      file.boundedRoles,
    )
    // every boundary and attached customer managed policy is in the export
    for (const principal of read.principals) {
      expect(principal.permissionsBoundary ?? '').not.toMatch(/^missing:/)
      expect(principal.missingPolicies.every((arn) => arn.startsWith('arn:aws:iam::aws:'))).toBe(
        true,
      )
    }
    const findings = validateSource(read, { catalog: awsCatalog() }).findings
    const misspelt = findings.filter((finding) => finding.code === 'unknown-action')
    expect(misspelt).toHaveLength(file.misspelt)
    for (const finding of misspelt) {
      expect(file.text.slice(finding.range.start.offset, finding.range.end.offset)).toBe(
        '"connect:DescribeQueu"',
      )
    }
  }, 60_000)

  it('has the size of the issue: 5,000 roles, 200 users, 20 groups, 50 managed policies', () => {
    expect(largeAccount).toEqual({ roles: 5000, users: 200, groups: 20, managedPolicies: 50 })
  })
})
