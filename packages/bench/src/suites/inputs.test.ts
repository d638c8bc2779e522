import {
  compilePolicies,
  countedCharacters,
  parsePolicy,
  resourceMatch,
} from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { adversarialPattern, adversarialResource } from './adversarial.ts'
import { batchPolicySet, batchRequests, connectResources } from './batch-policy-set.ts'
import { inlineRolePolicyLimit, largestInlinePolicy } from './largest-policy.ts'

describe('benchmark inputs', () => {
  it('the largest inline policy has exactly the characters IAM allows, and parses cleanly', () => {
    const text = largestInlinePolicy()
    expect(countedCharacters(text)).toBe(inlineRolePolicyLimit)
    expect(parsePolicy(text).diagnostics).toEqual([])
  })

  it('the adversarial pattern has 14 stars and misses its 5,000-character resource by one `b`', () => {
    expect(adversarialPattern.split('*').length - 1).toBe(14)
    expect(adversarialResource.length).toBe(5000)
    expect(resourceMatch(adversarialPattern, adversarialResource)).toBe(false)
    expect(resourceMatch(adversarialPattern, `${adversarialResource}b`)).toBe(true)
  })

  it('the batch set compiles, over 100 distinct resources', () => {
    const resources = connectResources()
    expect(new Set(resources).size).toBe(100)
    expect(compilePolicies(batchPolicySet()).errors).toBeUndefined()
    expect(batchRequests(['connect:DescribeUser', 'connect:DeleteUser'], resources)).toHaveLength(
      200,
    )
  })
})
