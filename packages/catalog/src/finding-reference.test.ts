import { findingReference } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { validatePolicy } from './index.ts'

describe('the example of every documented finding code', () => {
  it.each(findingReference.map((entry) => [entry.code, entry] as const))('%s', (code, entry) => {
    const findings = validatePolicy(
      entry.example,
      entry.exampleOptions ?? { policyType: entry.policyType ?? 'identity' },
    )
    const found = findings.filter((finding) => finding.code === code)
    expect(found.length, JSON.stringify(findings.map((f) => [f.code, f.message]))).toBeGreaterThan(
      0,
    )
    if (entry.severity !== 'depends') {
      expect(found.map((finding) => finding.severity)).toContain(entry.severity)
    }
  })

  it('has each code once', () => {
    const codes = findingReference.map((entry) => entry.code)
    expect(new Set(codes).size).toBe(codes.length)
  })
})
