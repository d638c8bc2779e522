import type { EvaluationResult, PolicySet } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { decisionSchema } from '../../schemas/evaluation.ts'
import { sharedCatalog } from '../../testing/test-app.ts'
import { compiledSetCache } from './compiled-sets.ts'

const policy = (sid: string): PolicySet => ({
  identityPolicies: [
    `{"Version": "2012-10-17", "Statement": [{"Sid": "${sid}", "Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}`,
  ],
})
const request = { action: 'connect:DescribeUser', resource: '*' }

describe('compiledSetCache', () => {
  it('compiles a set once and answers later calls with the same compilation', () => {
    const cache = compiledSetCache(1_000_000)
    let compilations = 0
    const compile = () => {
      compilations++
      return policy('A')
    }
    const first = cache.compile('a', compile)
    const second = cache.compile('a', compile)
    expect(second).toBe(first)
    expect(compilations).toBe(1)
    expect(second.evaluate(request).decision).toBe('Allow')
  })

  /** What one of the little sets below takes in the cache, key included. */
  const setBytes = (key: string) =>
    2 * key.length +
    compiledSetCache(0)
      .compile(key, () => policy('A'))
      .approximateBytes()

  it('keeps within its budget of bytes, dropping the least recently used', () => {
    const cache = compiledSetCache(Math.floor(2.5 * setBytes('aaaa')))
    cache.compile('aaaa', () => policy('A'))
    cache.compile('bbbb', () => policy('B'))
    cache.compile('aaaa', () => policy('A'))
    cache.compile('cccc', () => policy('C'))
    expect(cache.size()).toBe(2)
    expect(cache.bytes()).toBeLessThanOrEqual(2.5 * setBytes('aaaa'))
    let recompiled = false
    cache.compile('aaaa', () => {
      recompiled = true
      return policy('A')
    })
    expect(recompiled).toBe(false)
    cache.compile('bbbb', () => {
      recompiled = true
      return policy('B')
    })
    expect(recompiled).toBe(true)
  })

  it('keeps at most its number of entries, and nothing larger than its budget', () => {
    const cache = compiledSetCache(100 * setBytes('a'), { maxEntries: 2 })
    for (const key of ['a', 'b', 'c']) cache.compile(key, () => policy(key))
    expect(cache.size()).toBe(2)
    cache.compile('x'.repeat(100 * setBytes('a')), () => policy('X'))
    expect(cache.size()).toBe(2)
  })

  it('counts a set by what it compiles to, not by its JSON', () => {
    // 0.4 MB of JSON that compiles to about 15 MB
    const statements = Array.from({ length: 420 }, () => ({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
    }))
    const large: PolicySet = {
      identityPolicies: Array.from({ length: 20 }, () => ({
        Version: '2012-10-17',
        Statement: statements,
      })),
    }
    const cache = compiledSetCache(4_000_000)
    const compiled = cache.compile('large', () => large)
    expect(compiled.approximateBytes()).toBeGreaterThan(4_000_000)
    expect(cache.size()).toBe(0)
    expect(cache.bytes()).toBe(0)
  })

  it('measures a set again as it meets actions, and drops it when it outgrows the budget', () => {
    const budget = setBytes('a') + 20_000
    const cache = compiledSetCache(budget)
    const compiled = cache.compile('a', () => policy('A'))
    expect(cache.size()).toBe(1)
    for (let index = 0; index < 500; index++) {
      compiled.evaluate({ action: `connect:Action${index}`, resource: '*' }, { explain: false })
    }
    expect(compiled.approximateBytes()).toBeGreaterThan(budget)
    cache.compile('a', () => policy('A'))
    expect(cache.size()).toBe(0)
    expect(cache.bytes()).toBeLessThanOrEqual(budget)
  })

  it('caches a set that cannot be evaluated with its errors', () => {
    const cache = compiledSetCache(1_000_000)
    const broken = cache.compile('broken', () => ({ identityPolicies: ['{'] }))
    expect(broken.errors?.length).toBe(1)
    expect(cache.compile('broken', () => policy('A'))).toBe(broken)
  })

  it('compiles every set with the service reference it was given', () => {
    const typo = { action: 'connect:DescribeUsr', resource: '*' }
    const withReference = compiledSetCache(1_000_000, { catalog: () => sharedCatalog.catalog() })
    const without = compiledSetCache(1_000_000)
    const findingsOf = (result: EvaluationResult) =>
      result.errors === undefined ? result.findings : []
    expect(findingsOf(withReference.compile('a', () => policy('A')).evaluate(typo))).toMatchObject([
      { code: 'unknown-action', suggestion: 'connect:DescribeUser' },
    ])
    expect(findingsOf(without.compile('a', () => policy('A')).evaluate(typo))).toEqual([])
  })

  it('gives results the API documents, notes of statements read two ways included', () => {
    // without the reference, whether AWS sends connect:InstanceId is not known: the note says so
    const set: PolicySet = {
      identityPolicies: [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'connect:ListQueues',
              Resource: '*',
              Condition: { StringEquals: { 'connect:InstanceId': 'i-1' } },
            },
          ],
        },
      ],
    }
    const result = compiledSetCache(1_000_000)
      .compile('b', () => set)
      .evaluate({
        action: 'connect:ListQueues',
        resource: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/*',
      })
    if (result.errors !== undefined) throw new Error('not evaluated')
    expect(result.explanation.resources[0]?.statements[0]?.note).toContain('connect:InstanceId')
    expect(decisionSchema.parse(result)).toEqual(result)
  })
})
