import lzString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { decodeLinkValue, encodeLinkValue } from './link-codec.ts'
import { hashOf, type PlaygroundState, playgroundHash, stateFromHash } from './state.ts'

const state: PlaygroundState = {
  policies: [
    { type: 'identity', level: 0, text: '{"Version": "2012-10-17", "Statement": []}' },
    { type: 'serviceControl', level: 2, text: '{"Statement": []}' },
    { type: 'resource', level: 0, text: '{}' },
  ],
  selected: 1,
  action: 'connect:DescribeUser',
  resources: ['arn:aws:connect:us-east-1:123456789012:instance/x/agent/y', '*'],
  principal: 'arn:aws:iam::123456789012:user/alice',
  context: [{ key: 'aws:TagKeys', value: 'a, b' }],
}

const hashOfValue = (value: unknown) => `#p=${encodeLinkValue(value)}`
const lzHashOf = (value: unknown) =>
  `#s=${lzString.compressToEncodedURIComponent(JSON.stringify(value))}`

describe('playground state in the URL', () => {
  it('survives the round trip through a hash, every policy with its kind and level', () => {
    const hash = hashOf(state)
    expect(hash.startsWith('#p=')).toBe(true)
    for (const character of hash.slice(3)) {
      expect('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_').toContain(
        character,
      )
    }
    expect(stateFromHash(hash)).toEqual(state)
  })

  it('reads nothing from a hash that holds no state', () => {
    expect(stateFromHash('')).toBeUndefined()
    expect(stateFromHash('#decision-table')).toBeUndefined()
    expect(stateFromHash('#p=not-deflate')).toBeUndefined()
    expect(stateFromHash('#p=')).toBeUndefined()
    expect(stateFromHash('#p=%%%')).toBeUndefined()
    expect(stateFromHash(hashOfValue([1, 2]))).toBeUndefined()
    expect(stateFromHash(hashOfValue([[], 0, '', [], '', []]))).toBeUndefined()
    const fields = [[['identity', '{}']], 0, 'a', ['r'], '', []]
    expect(stateFromHash(hashOfValue(fields))).toBeDefined()
    expect(stateFromHash(hashOfValue(fields.with(3, 'one')))).toBeUndefined()
    expect(stateFromHash(hashOfValue(fields.with(0, [['nope', '{}']])))).toBeUndefined()
  })

  it('drops what it does not expect: a bad level, a selection past the end, bad context rows', () => {
    const read = stateFromHash(
      hashOfValue([
        [
          ['serviceControl', 99, '{}'],
          ['identity', '{}'],
        ],
        7,
        'a',
        [],
        '',
        [['k', 'v'], [1], 'x', { key: 'old', value: 'row' }],
      ]),
    )
    expect(read?.policies[0]?.level).toBe(0)
    expect(read?.selected).toBe(0)
    expect(read?.context).toEqual([
      { key: 'k', value: 'v' },
      { key: 'old', value: 'row' },
    ])
  })

  it('still opens the first links, compressed by lz-string, reading a type they did not know as identity', () => {
    const first = {
      policy: '{"Statement": []}',
      policyType: 'resource',
      action: 'connect:DescribeUser',
      resources: ['*'],
      principal: '',
      context: [{ key: 'k', value: 'v' }],
    }
    expect(stateFromHash(lzHashOf(first))).toEqual({
      policies: [{ type: 'resource', level: 0, text: first.policy }],
      selected: 0,
      action: first.action,
      resources: first.resources,
      principal: '',
      context: first.context,
    })
    expect(
      stateFromHash(lzHashOf({ ...first, policyType: 'serviceControl' }))?.policies[0]?.type,
    ).toBe('identity')
    expect(stateFromHash('#s=not-lz-string')).toBeUndefined()
    expect(stateFromHash(lzHashOf({ ...first, resources: 'one' }))).toBeUndefined()
  })

  it('links a policy and a request with playgroundHash', () => {
    const read = stateFromHash(playgroundHash('{}', { action: 'a:B', resources: ['*'] }))
    expect(read).toEqual({
      policies: [{ type: 'identity', level: 0, text: '{}' }],
      selected: 0,
      action: 'a:B',
      resources: ['*'],
      principal: '',
      context: [],
    })
  })
})

describe('the link codec', () => {
  it('is a round trip for any JSON value, and short for policies', () => {
    const policy = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['connect:DescribeUser', 'connect:ListUsers'],
            Resource: 'arn:aws:connect:us-east-1:123456789012:instance/*',
          },
        ],
      },
      null,
      2,
    )
    for (const value of [null, 0, 'é ✓ 𝄞', [policy], { a: [1, 'b'] }]) {
      expect(decodeLinkValue(encodeLinkValue(value))).toEqual(value)
    }
    expect(encodeLinkValue([policy]).length).toBeLessThan(policy.length / 3)
  })

  it('gives up on data that inflates past its bound instead of filling the memory', () => {
    const huge = encodeLinkValue(['x'.repeat(9 * 1024 * 1024)])
    expect(huge.length).toBeLessThan(20_000)
    expect(decodeLinkValue(huge)).toBeUndefined()
  })
})
