import { describe, expect, it } from 'vitest'
import { actionMatch } from './action-pattern.ts'
import { splitArn } from './arn.ts'
import { matchCases } from './match.test-data.ts'
import { resourceMatch } from './resource-pattern.ts'
import { wildcardMatch } from './wildcard.ts'

describe.each(matchCases)('$kind `$pattern`', ({ kind, pattern, matches, misses }) => {
  const match =
    kind === 'action' ? actionMatch : kind === 'resource' ? resourceMatch : wildcardMatch
  it.each(matches)('matches `%s`', (text) => expect(match(pattern, text)).toBe(true))
  if (misses.length > 0) {
    it.each(misses)('does not match `%s`', (text) => expect(match(pattern, text)).toBe(false))
  }
})

describe('splitArn', () => {
  it('keeps colons of the resource part', () => {
    expect(splitArn('arn:aws:lambda:us-east-1:123456789012:function:f:alias')).toEqual({
      partition: 'aws',
      service: 'lambda',
      region: 'us-east-1',
      account: '123456789012',
      resource: 'function:f:alias',
    })
  })
  it('keeps empty fields', () => {
    expect(splitArn('arn:aws:s3:::bucket/key')?.region).toBe('')
  })
  it('rejects text that is not an ARN', () => {
    expect(splitArn('arn:aws:s3')).toBeUndefined()
    expect(splitArn('*')).toBeUndefined()
  })
})

describe('adversarial input', () => {
  it('answers a 14-star pattern against a 5,000-character resource without backtracking', () => {
    const pattern = `arn:aws:s3:::${'a*'.repeat(14)}b`
    const resource = `arn:aws:s3:::${'a'.repeat(5000)}`
    expect(resourceMatch(pattern, resource)).toBe(false)
    expect(resourceMatch(pattern, `${resource}b`)).toBe(true)
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c', 'a'.repeat(5000))).toBe(false)
  })
})
