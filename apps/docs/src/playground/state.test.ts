import { compressToEncodedURIComponent } from 'lz-string'
import { describe, expect, it } from 'vitest'
import { hashOf, type PlaygroundState, stateFromHash } from './state.ts'

const state: PlaygroundState = {
  policy: '{"Version": "2012-10-17", "Statement": []}',
  policyType: 'resource',
  action: 'connect:DescribeUser',
  resources: ['arn:aws:connect:us-east-1:123456789012:instance/x/agent/y', '*'],
  principal: 'arn:aws:iam::123456789012:user/alice',
  context: [{ key: 'aws:TagKeys', value: 'a, b' }],
}

const hashOfJson = (value: unknown) => `#s=${compressToEncodedURIComponent(JSON.stringify(value))}`

describe('playground state in the URL', () => {
  it('survives the round trip through a hash', () => {
    const hash = hashOf(state)
    expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/)
    expect(stateFromHash(hash)).toEqual(state)
  })

  it('reads nothing from a hash that holds no state', () => {
    expect(stateFromHash('')).toBeUndefined()
    expect(stateFromHash('#decision-table')).toBeUndefined()
    expect(stateFromHash('#s=not-lz-string')).toBeUndefined()
    expect(stateFromHash(hashOfJson([1, 2]))).toBeUndefined()
    expect(stateFromHash(hashOfJson({ ...state, resources: 'one' }))).toBeUndefined()
  })

  it('drops what it does not expect, and reads an unknown policy type as identity', () => {
    expect(
      stateFromHash(
        hashOfJson({
          ...state,
          policyType: 'serviceControl',
          context: [{ key: 'k', value: 'v' }, { key: 1 }, 'x'],
          extra: true,
        }),
      ),
    ).toEqual({ ...state, policyType: 'identity', context: [{ key: 'k', value: 'v' }] })
  })
})
