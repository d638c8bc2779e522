import { describe, expect, it } from 'vitest'
import { playgroundHash } from '../playground/state.ts'
import { playgroundLink } from './playground-link.ts'

const policy = '{"Version": "2012-10-17", "Statement": []}'

describe('playgroundLink', () => {
  it('is the playground’s page with the playground’s own hash of the policy and request', () => {
    const request = {
      action: 'connect:CreateUser',
      resources: ['arn:aws:connect:us-east-1:123456789012:instance/a/agent/b'],
      principal: 'arn:aws:iam::123456789012:role/r',
    }
    expect(playgroundLink(policy, request)).toBe(`/playground${playgroundHash(policy, request)}`)
  })

  it('passes no principal when the request names none', () => {
    const request = { action: 'connect:ListUsers', resources: ['*'] }
    expect(playgroundLink(policy, request)).toBe(`/playground${playgroundHash(policy, request)}`)
  })
})
