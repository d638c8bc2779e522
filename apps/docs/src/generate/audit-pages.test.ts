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

  it('list the findings of a check in the site’s order of their actions', () => {
    const audited = subjects.find(
      (subject) => subject.report.errors === undefined && subject.report.findings.length > 0,
    )
    if (audited?.report.errors !== undefined || audited === undefined) throw new Error('no finding')
    const [finding] = audited.report.findings
    if (finding === undefined) throw new Error('no finding')
    const findings = [
      { ...finding, actions: ['connect:UpdateUser'], message: 'third' },
      { ...finding, actions: ['connect:describeUser', 'connect:ZZZ'], message: 'second' },
      { ...finding, actions: ['app-integrations:ListApplications'], message: 'first' },
    ]
    const report = { ...audited.report, findings }
    const section = auditSection([{ name: 'ordered', report }])
    const said = ['first', 'second', 'third'].map((message) => section.indexOf(`: ${message}</li>`))
    expect(said.every((at) => at > 0)).toBe(true)
    expect([...said].sort((a, b) => a - b)).toEqual(said)
    const check = auditChecks.find((candidate) => candidate.code === finding.code)
    if (check === undefined) throw new Error('no check')
    const page = auditCheckPage(check, [{ name: 'ordered', report }])
    expect(page.indexOf('<li>first</li>')).toBeLessThan(page.indexOf('<li>second</li>'))
    expect(page.indexOf('<li>second</li>')).toBeLessThan(page.indexOf('<li>third</li>'))
  })
})
