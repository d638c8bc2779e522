import { auditChecks } from '@connect-policy/audit'
import { awsCatalog } from '@connect-policy/catalog'
import { samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import {
  type AuditSubject,
  auditCheckPage,
  auditIndexPage,
  auditSection,
  failedCodes,
  sampleSubjects,
} from './audit-pages.ts'

const catalog = awsCatalog()
const sample = (id: string) => {
  const found = samples.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no sample ${id}`)
  return found
}
const subjects: AuditSubject[] = samples.flatMap((s) => sampleSubjects(s, catalog))

describe('the audit pages', () => {
  it('audit the printing apart only where it fails other checks than the corrected policy', () => {
    const profiles = sampleSubjects(sample('customer-profiles-full-access'), catalog)
    expect(profiles.map((subject) => [subject.name, failedCodes(subject.report)])).toEqual([
      ['Allow every Customer Profiles action on one domain (corrected)', []],
      [
        'Allow every Customer Profiles action on one domain (as printed)',
        ['sibling-sub-resources'],
      ],
    ])
    expect(sampleSubjects(sample('deny-user-delete-update'), catalog)).toHaveLength(1)
  })

  it('list every check by category on the index, with what each example fails', () => {
    const page = auditIndexPage(subjects)
    for (const check of auditChecks) expect(page).toContain(`href="/audit/${check.code}"`)
    expect(page).toContain('## Paths to instance administrator through IAM alone')
    expect(page).toContain('<a href="/examples/more-contact-actions">')
  })

  it('give each check its question, risk, fix, AWS page and where it fails, with witnesses', () => {
    const check = auditChecks.find((candidate) => candidate.code === 'sibling-sub-resources')
    if (check === undefined) throw new Error('no check')
    const page = auditCheckPage(check, subjects)
    expect(page).toContain(check.source.url)
    expect(page).toContain('## Why it matters')
    expect(page).toContain('## Where it fails')
    expect(page).toContain('Customer Profiles action on one domain (as printed)')
    expect(page).toContain('(for example <code>profile:')
  })

  it('show an example page the findings of its policy, each linked to its check', () => {
    const section = auditSection(sampleSubjects(sample('more-contact-actions'), catalog))
    expect(section.startsWith('## Audit')).toBe(true)
    expect(section).toContain('href="/audit/outbound-voice"')
    expect(section).toContain('the isolation check needs the instances the policy is meant for')
    const clean = auditSection(sampleSubjects(sample('deny-user-delete-update'), catalog))
    expect(clean).toContain('passes every check run')
  })
})
