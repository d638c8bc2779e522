import { describe, expect, it } from 'vitest'
import { unknownFindingCode } from './finding-codes.ts'
import { findingReference } from './finding-reference.ts'

describe('unknownFindingCode', () => {
  it('takes every code docs/findings.md documents', () => {
    for (const { code } of findingReference) expect(unknownFindingCode(code)).toBeUndefined()
  })

  it('says what a slip was meant to be', () => {
    expect(unknownFindingCode('redundent-action')).toBe(
      '`redundent-action` is not a finding code: did you mean `redundant-action`',
    )
  })

  it('points at the list when nothing is close', () => {
    expect(unknownFindingCode('no-such-thing-at-all')).toBe(
      '`no-such-thing-at-all` is not a finding code (docs/findings.md lists them)',
    )
  })

  it('refuses what is not text', () => {
    expect(unknownFindingCode(3)).toBe('a finding code is text')
    expect(unknownFindingCode(undefined)).toBe('a finding code is text')
  })
})
