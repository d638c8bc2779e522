import { evaluationFindingCodes, findingReference } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { findingPath } from './finding-path.ts'

describe('findingPath', () => {
  it('is the anchor of the findings page for every code the reference documents', () => {
    for (const entry of findingReference) {
      expect(findingPath(entry.code)).toBe(`/findings#${entry.code}`)
    }
  })

  it('is undefined for a code only an evaluation reports', () => {
    const documented = new Set<string>(findingReference.map((entry) => entry.code))
    const undocumented = evaluationFindingCodes.filter((code) => !documented.has(code))
    expect(undocumented).toContain('resource-not-for-action')
    for (const code of undocumented) expect(findingPath(code)).toBeUndefined()
  })
})
