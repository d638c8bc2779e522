import type { PolicySet } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { compiledSetCache } from './compiled-sets.ts'

const policy = (sid: string): PolicySet => ({
  identityPolicies: [
    `{"Version": "2012-10-17", "Statement": [{"Sid": "${sid}", "Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}`,
  ],
})
const request = { action: 'connect:DescribeUser', resource: '*' }

describe('compiledSetCache', () => {
  it('compiles a set once and answers later calls with the same compilation', () => {
    const cache = compiledSetCache(1000)
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

  it('keeps within its budget of characters, dropping the least recently used', () => {
    const cache = compiledSetCache(10)
    cache.compile('aaaa', () => policy('A'))
    cache.compile('bbbb', () => policy('B'))
    cache.compile('aaaa', () => policy('A'))
    cache.compile('cccc', () => policy('C'))
    expect(cache.size()).toBe(2)
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
    const cache = compiledSetCache(1000, 2)
    for (const key of ['a', 'b', 'c']) cache.compile(key, () => policy(key))
    expect(cache.size()).toBe(2)
    cache.compile('x'.repeat(1001), () => policy('X'))
    expect(cache.size()).toBe(2)
  })

  it('keeps nothing with a budget of 0', () => {
    const cache = compiledSetCache(0)
    cache.compile('a', () => policy('A'))
    expect(cache.size()).toBe(0)
  })

  it('caches a set that cannot be evaluated with its errors', () => {
    const cache = compiledSetCache(1000)
    const broken = cache.compile('broken', () => ({ identityPolicies: ['{'] }))
    expect(broken.errors?.length).toBe(1)
    expect(cache.compile('broken', () => policy('A'))).toBe(broken)
  })
})
