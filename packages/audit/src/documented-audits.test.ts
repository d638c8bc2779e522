import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { awsCatalog } from '@connect-policy/catalog'
import { readManagedPolicies } from '@connect-policy/catalog/corpus'
import { evaluate } from '@connect-policy/core'
import { fillPlaceholders, samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { auditPolicySet } from './audit-policy-set.ts'
import { auditChecks } from './checks/index.ts'

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..')

const catalog = awsCatalog()
const { policies } = readManagedPolicies()
const managed = (name: string) => ({
  identityPolicies: [policies.find((policy) => policy.name === name)?.text as string],
})

/** The checks a set fails (`unknown` ones with their status), every witness replayed. */
function failed(set: unknown): string[] {
  const report = auditPolicySet(set, { catalog })
  if (report.errors !== undefined) throw new Error(report.errors.map((e) => e.message).join('; '))
  for (const finding of report.findings) {
    expect(evaluate(finding.witness.request, set as never, { catalog }).decision).toBe(
      finding.witness.decision,
    )
  }
  return report.checks
    .filter((check) => check.status === 'fail' || check.status === 'unknown')
    .map((check) => (check.status === 'fail' ? check.code : `${check.code}: unknown`))
}

describe('the AWS managed policies for Amazon Connect, audited', () => {
  it('AmazonConnect_FullAccess fails every check a full grant can fail', () => {
    expect(failed(managed('AmazonConnect_FullAccess'))).toEqual([
      'emergency-admin-access',
      'federation-any-instance',
      'user-identity-takeover',
      'assign-any-security-profile',
      'change-security-profiles',
      'storage-config-unrestricted',
      'contact-data-access',
      'monitor-contact-api',
      'account-level-by-wildcard',
      'delete-instance',
      'delete-contact-center-resources',
      'outbound-voice',
      'outbound-messaging',
      'claim-phone-numbers',
    ])
  })

  it('AmazonConnectServiceLinkedRolePolicy, the largest, fails what full access fails', () => {
    // its S3 resources hold `${aws:PrincipalAccount}`, which the analyzer does not compare
    const full = failed(managed('AmazonConnect_FullAccess'))
    expect(failed(managed('AmazonConnectServiceLinkedRolePolicy'))).toEqual([
      ...full.slice(0, full.indexOf('monitor-contact-api') + 1),
      'recordings-any-bucket: unknown',
      ...full.slice(full.indexOf('monitor-contact-api') + 1),
    ])
  })

  it('AmazonConnectReadOnlyAccess reads contact data and federates into every instance', () => {
    // `connect:Get*` holds `GetFederationToken`: a read-only role can sign in to any instance
    expect(failed(managed('AmazonConnectReadOnlyAccess'))).toEqual([
      'federation-any-instance',
      'contact-data-access',
      'account-level-by-wildcard',
    ])
  })
})

describe('the documented examples, audited', () => {
  const expected: Record<string, string[]> = {
    'deny-user-delete-update': [],
    'event-integrations-name-prefix': [],
    'create-user-deny-security-profile': [],
    'start-contact-recording': [],
    'recording-actions': [],
    'more-contact-actions': ['contact-data-access', 'outbound-voice'],
    'contacts-in-all-instances': [
      'contact-data-access',
      'monitor-contact-api',
      'outbound-messaging',
    ],
    'view-event-integration': [],
    'customer-profiles-full-access': [],
    'customer-profiles-read-only': [],
    'wisdom-query-assistant': [],
    'voice-id-full-access': [],
    'outbound-campaign-full-access': ['outbound-messaging'],
  }
  const corrected = samples.filter((sample) => sample.corrected !== undefined)

  it('lists every example with a corrected policy', () => {
    expect(corrected.map((sample) => sample.id).sort()).toEqual(Object.keys(expected).sort())
  })

  it.each(corrected.map((sample) => [sample.id, sample] as const))('%s', (id, sample) => {
    expect(failed({ identityPolicies: [sample.corrected] })).toEqual(expected[id])
  })

  it('the printed Customer Profiles "full access" misses the domain\'s sub-resources', () => {
    const sample = samples.find((candidate) => candidate.id === 'customer-profiles-full-access')
    const text = sample?.printed.original?.text as string
    const printed = { identityPolicies: [fillPlaceholders(text, sample?.placeholders ?? [])] }
    expect(failed(printed)).toEqual(['sibling-sub-resources'])
  })
})

describe('docs/AUDIT.md', () => {
  it('lists every check with its file and AWS page', () => {
    const page = readFileSync(join(root, 'docs', 'AUDIT.md'), 'utf8')
    for (const check of auditChecks) {
      expect(page).toContain(`| \`${check.code}\``)
      expect(page).toContain(`packages/audit/src/checks/${check.code}.ts`)
      expect(page).toContain(check.source.url)
    }
  })
})
