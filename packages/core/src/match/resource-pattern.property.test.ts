import fc from 'fast-check'
import { describe, it } from 'vitest'
import { arbArnPatternAndText, arbPatternAndText, naiveResourceMatch } from '../testing/index.ts'
import { resourceMatch } from './resource-pattern.ts'

describe('resourceMatch', () => {
  it('agrees with the naive field-by-field matcher on ARN patterns (oracle: naive)', () => {
    fc.assert(
      fc.property(arbArnPatternAndText, ([pattern, resource]) => {
        return resourceMatch(pattern, resource) === naiveResourceMatch(pattern, resource)
      }),
    )
  })

  it('agrees with the naive matcher on arbitrary patterns (oracle: naive)', () => {
    fc.assert(
      fc.property(
        arbPatternAndText(fc.constantFrom('', 'arn:', 'arn:a:')),
        ([pattern, resource]) => {
          return resourceMatch(pattern, resource) === naiveResourceMatch(pattern, resource)
        },
      ),
    )
  })

  it('is case-sensitive (oracle: abstract)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (name) => {
        const pattern = `arn:aws:connect:us-east-1:123456789012:instance/${name}`
        return !resourceMatch(pattern, pattern.toUpperCase()) && resourceMatch(pattern, pattern)
      }),
    )
  })
})
