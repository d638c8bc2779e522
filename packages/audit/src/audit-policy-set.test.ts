import { awsCatalog } from '@connect-policy/catalog'
import { evaluate, setStatements } from '@connect-policy/core'
import { fillPlaceholders, samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { type AuditOptions, auditPolicySet, reportBytes } from './audit-policy-set.ts'
import type { AuditReport } from './audit-result.ts'
import { auditChecks } from './checks/index.ts'

const catalog = awsCatalog()
const instance = 'a1b2c3d4-0000-4000-8000-000000000001'
const instanceArn = `arn:aws:connect:us-east-1:111122223333:instance/${instance}`

type Statement = Record<string, unknown>
const set = (...statements: Statement[]) => ({
  identityPolicies: [JSON.stringify({ Version: '2012-10-17', Statement: statements })],
})
const allow = (action: string | string[], resource: string | string[] = '*', extra = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
})
const deny = (action: string | string[], resource: string | string[] = '*') => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
})
const sample = (id: string) => {
  const found = samples.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no sample ${id}`)
  return found
}
const corrected = (id: string) => ({ identityPolicies: [sample(id).corrected as string] })
/** A printing of an example, its placeholders (`accountID`) filled with the example's values. */
const printed = (id: string) => ({
  identityPolicies: [
    fillPlaceholders(sample(id).printed.original?.text as string, sample(id).placeholders),
  ],
})

/** The audit of a set, its errors made a failure, every witness replayed through `evaluate`. */
function audited(policySet: unknown, options: Partial<AuditOptions> = {}) {
  const report: AuditReport = auditPolicySet(policySet, { catalog, ...options })
  if (report.errors !== undefined) throw new Error(report.errors.map((e) => e.message).join('; '))
  for (const finding of report.findings) {
    const replayed = evaluate(finding.witness.request, policySet as never, { catalog })
    expect(replayed.decision, finding.message).toBe(finding.witness.decision)
  }
  return report
}
const statusOf = (report: ReturnType<typeof audited>, code: string) =>
  report.checks.find((check) => check.code === code)?.status

/** The users the documented Deny names: an instance of the example's account. */
const documentedUsers =
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/*'

/** For each check: a set that triggers it and one that does not, each witness replayed. */
const cases: Record<
  string,
  { triggers: unknown; passes: unknown; options?: Partial<AuditOptions> }
> = {
  'emergency-admin-access': {
    triggers: set(allow('connect:Admin*')),
    passes: set(allow('connect:Describe*')),
  },
  'federation-any-instance': {
    triggers: set(allow('connect:GetFederationToken')),
    passes: set(allow('connect:GetFederationToken', instanceArn)),
  },
  'user-identity-takeover': {
    triggers: set(allow('connect:UpdateUser*', `${instanceArn}/agent/*`)),
    // the documented example that denies updating users, beside full access to them
    passes: {
      identityPolicies: [
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [allow('connect:*', documentedUsers)],
        }),
        sample('deny-user-delete-update').corrected as string,
      ],
    },
  },
  'assign-any-security-profile': {
    triggers: set(allow('connect:CreateUser')),
    // AWS's guard: allow creating users, deny assigning the named profile
    passes: corrected('create-user-deny-security-profile'),
  },
  'change-security-profiles': {
    triggers: set(allow('connect:*')),
    passes: set(allow(['connect:Describe*', 'connect:List*'])),
  },
  'storage-config-unrestricted': {
    triggers: set(allow(['connect:AssociateInstanceStorageConfig'], instanceArn)),
    passes: set(
      allow(
        ['connect:UpdateInstanceStorageConfig', 'connect:AssociateInstanceStorageConfig'],
        instanceArn,
        { Condition: { StringEquals: { 'connect:StorageResourceType': 'CALL_RECORDINGS' } } },
      ),
    ),
  },
  'contact-data-access': {
    triggers: set(allow('connect:GetContactAttributes', `${instanceArn}/contact/*`)),
    passes: set(allow('connect:ListQueues')),
  },
  'monitor-contact-api': {
    triggers: set(allow('connect:MonitorContact')),
    passes: set(allow('connect:*'), deny('connect:MonitorContact')),
  },
  'recordings-any-bucket': {
    triggers: set(allow('s3:Get*')),
    // the bucket the role needs, by name
    passes: set(allow('s3:GetObject', 'arn:aws:s3:::example-reports/*')),
  },
  'outside-intended-instances': {
    triggers: set(allow('connect:*')),
    passes: set(allow('connect:*', [instanceArn, `${instanceArn}/*`])),
    options: { instances: [instance] },
  },
  'account-level-by-wildcard': {
    triggers: set(allow('connect:*', 'arn:aws:connect:*:*:*')),
    passes: set(allow('connect:DescribePhoneNumber', 'arn:aws:connect:*:*:phone-number/*')),
  },
  'instance-prefix-pattern': {
    triggers: set(allow('connect:*', `${instanceArn}*`)),
    passes: set(allow('connect:*', `${instanceArn}/*`)),
  },
  'delete-instance': {
    triggers: set(allow('connect:*')),
    passes: set(allow('connect:*'), deny('connect:DeleteInstance')),
  },
  'delete-contact-center-resources': {
    triggers: set(allow('connect:Delete*', `${instanceArn}/queue/*`)),
    passes: set(allow('connect:Describe*')),
  },
  'outbound-voice': {
    triggers: set(allow('connect:StartOutbound*')),
    passes: set(allow('connect:*'), deny('connect:StartOutboundVoiceContact')),
  },
  'outbound-messaging': {
    triggers: set(allow('connect-campaigns:*')),
    passes: set(allow('connect-campaigns:Describe*')),
  },
  'claim-phone-numbers': {
    triggers: set(allow('connect:ClaimPhoneNumber')),
    passes: set(allow('connect:ListPhoneNumbers*')),
  },
  'sibling-sub-resources': {
    // the printed "full access" to a Customer Profiles domain, and the corrected policy
    triggers: printed('customer-profiles-full-access'),
    passes: corrected('customer-profiles-full-access'),
  },
}

describe('every check', () => {
  it('has a case here', () => {
    expect(Object.keys(cases).sort()).toEqual(auditChecks.map((check) => check.code).sort())
  })

  it.each(auditChecks.map((check) => [check.code, check] as const))(
    '%s: found with witnesses that replay, and not found where it should not be',
    (code) => {
      const { triggers, passes, options } = cases[code] as (typeof cases)[string]
      const found = audited(triggers, { ...options, checks: [code] })
      expect(statusOf(found, code)).toBe('fail')
      expect(found.findings.length).toBeGreaterThan(0)
      expect(found.findings.every((finding) => finding.code === code)).toBe(true)
      const clean = audited(passes, { ...options, checks: [code] })
      expect(clean.findings).toEqual([])
      expect(statusOf(clean, code)).toBe('pass')
    },
  )

  it('names its AWS page, a question and a fix, with a code used once', () => {
    const codes = auditChecks.map((check) => check.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const check of auditChecks) {
      expect(check.code).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(check.source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
      expect(check.question).toMatch(/\?$/)
      expect(check.fix.length).toBeGreaterThan(20)
    }
  })
})

describe('auditPolicySet', () => {
  it('skips the isolation check when no instance or account is given, and says why', () => {
    const report = audited(set(allow('connect:*')), { checks: ['outside-intended-instances'] })
    expect(report.checks).toEqual([
      {
        code: 'outside-intended-instances',
        severity: 'high',
        status: 'skipped',
        findings: 0,
        reasons: ['the instances or accounts the set is meant for were not given'],
      },
    ])
  })

  it('answers errors for options it cannot read and sets it cannot evaluate', () => {
    const errorsOf = (policySet: unknown, options: unknown) => {
      const report = auditPolicySet(policySet, options as AuditOptions)
      return report.errors?.map((error) => error.message) ?? []
    }
    expect(errorsOf(set(), {})).toEqual([
      '`catalog` is required: the service reference made by `createCatalog`',
    ])
    expect(errorsOf(set(), { catalog, checks: ['delete-instances'] })[0]).toMatch(
      /`delete-instances` is not an audit check.*delete-instance/,
    )
    expect(errorsOf(set(), { catalog, instances: 'x' })).toEqual([
      '`instances`, when given, is a list of texts',
    ])
    expect(errorsOf({ identityPolicies: ['{'] }, { catalog })[0]).toMatch(/^the policy set: /)
    expect(errorsOf(undefined, undefined)).toHaveLength(1)
  })

  it("shares its work out by the set's size: a set far past what AWS accepts ends unknown, never a wrong pass", () => {
    const values = Array.from({ length: 3000 }, (_, index) => `value-${index}*`)
    const wide = set(
      allow('connect:*', '*', { Condition: { StringLike: { 'aws:ResourceTag/team': values } } }),
    )
    const report = audited(wide, { checks: ['delete-instance', 'outbound-voice'] })
    // a request with one of the values is allowed: each check fails or says it is not proven
    for (const check of report.checks) expect(['fail', 'unknown']).toContain(check.status)
    expect(report.checks.some((check) => check.reasons.join(' ').includes('steps'))).toBe(true)
  })

  it('keeps its findings within a size that grows with the set, counting those left out', () => {
    const resources = Array.from(
      { length: 150 },
      (_, index) => `arn:aws:connect:us-east-1:111122223333:instance/${instance}/queue/q${index}*`,
    )
    const wide = set(allow('*', ['*', ...resources]))
    const report = audited(wide)
    if (report.errors !== undefined) return
    const listed = setStatements(wide)
    if ('errors' in listed) throw new Error('unreadable')
    const characters = listed.statements.reduce((sum, statement) => sum + statement.characters, 0)
    expect(JSON.stringify(report.findings).length).toBeLessThanOrEqual(reportBytes(characters))
    const found = report.checks.reduce((sum, check) => sum + check.findings, 0)
    const omitted = report.checks.reduce((sum, check) => sum + (check.omittedFindings ?? 0), 0)
    // the set is wide enough that some are left out: the bound is met by leaving out, not by luck
    expect(omitted).toBeGreaterThan(0)
    expect(report.findings.length + omitted).toBe(found)
  })

  it('lists findings most severe first', () => {
    const report = audited(set(allow('connect:*')))
    const order = ['critical', 'high', 'medium', 'low', 'info']
    const ranks = report.findings.map((finding) => order.indexOf(finding.severity))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })
})
