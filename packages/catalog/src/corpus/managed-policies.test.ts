import { readFileSync } from 'node:fs'
import { parsePolicy } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { buildFindingsDocument } from '../findings-document/build-findings-document.ts'
import { findingsDocumentPath } from '../findings-document/findings-document-path.ts'
import { managedPolicyErrors } from './managed-policy-errors.ts'
import { readManagedPolicies } from './read-managed-policies.ts'
import { surveyPolicies } from './survey-policies.ts'

const corpus = readManagedPolicies()
const survey = surveyPolicies(corpus.policies)
const explained = new Set(
  managedPolicyErrors.flatMap((group) =>
    group.subjects.map((subject) => `${group.code} ${subject}`),
  ),
)

describe('the AWS managed policies', () => {
  it('are all there', () => {
    expect(corpus.policies.length).toBeGreaterThan(1000)
    expect(corpus.policies.map((policy) => policy.name)).toContain('AmazonConnect_FullAccess')
  })

  it('each parse without a diagnostic', () => {
    const broken = corpus.policies
      .map((policy) => ({ name: policy.name, diagnostics: parsePolicy(policy.text).diagnostics }))
      .filter((result) => result.diagnostics.length > 0)
    expect(broken).toEqual([])
  })

  it('get no error but the explained ones', () => {
    const unexplained = survey.errors.filter(
      (error) => !explained.has(`${error.code} ${error.subject}`),
    )
    expect(unexplained).toEqual([])
  })

  it('still get every explained error', () => {
    const seen = new Set(survey.errors.map((error) => `${error.code} ${error.subject}`))
    expect([...explained].filter((key) => !seen.has(key))).toEqual([])
  })

  it('that only read get no warning of broad writes', () => {
    const readOnly = corpus.policies.filter((policy) => /ReadOnly/.test(policy.name))
    const { counts } = surveyPolicies(readOnly)
    const broadWrites = ['allow-all', 'pass-role-any-role', 'create-service-linked-role-any']
    expect(readOnly.length).toBeGreaterThan(100)
    expect(broadWrites.filter((code) => counts[code] !== undefined)).toEqual([])
  })
})

describe('docs/findings.md', () => {
  it('is what the code and the corpus make it (pnpm --filter @connect-policy/catalog docs:findings)', () => {
    const written = readFileSync(findingsDocumentPath, 'utf8')
    expect(written).toBe(buildFindingsDocument(corpus, survey))
  })
})
