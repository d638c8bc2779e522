import { describe, expect, it } from 'vitest'
import { joinResources, shortenResource } from './shorten-resource.ts'

const instance =
  'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'

describe('shortenResource', () => {
  it('drops the partition prefix and cuts UUIDs to their first group', () => {
    expect(shortenResource(`${instance}/contact/*`)).toBe(
      'connect:us-west-2:123456789012:instance/00fbeee1…/contact/*',
    )
  })

  it('leaves other text alone', () => {
    expect(shortenResource('*')).toBe('*')
    expect(
      shortenResource('arn:aws:voiceid:us-west-2:123456789012:domain/AbCdEfGhIjKlMnOpQrStUv'),
    ).toBe('voiceid:us-west-2:123456789012:domain/AbCdEfGhIjKlMnOpQrStUv')
  })
})

describe('joinResources', () => {
  it('writes what a resource shares with the first, up to a `/`, as `…`', () => {
    expect(
      joinResources([
        `${instance}/agent/9b0e7f6a-5d4c-4b3a-8f2e-1d0c9b8a7f6e`,
        `${instance}/security-profile/11dcccc1-123e-111e-93e3-11111bfbfcc1`,
      ]),
    ).toBe(
      'connect:us-west-2:123456789012:instance/00fbeee1…/agent/9b0e7f6a… + …/security-profile/11dcccc1…',
    )
  })

  it('keeps a resource that shares no path with the first whole', () => {
    expect(joinResources(['*', 'arn:aws:connect:us-west-2:123456789012:instance/x'])).toBe(
      '* + connect:us-west-2:123456789012:instance/x',
    )
  })
})
