import { describe, expect, it } from 'vitest'
import { clientKey } from './client-key.ts'

describe('clientKey', () => {
  it.each([
    ['an IPv4 address is its own key', '192.0.2.1', '192.0.2.1'],
    ['IPv4 mapped into IPv6 is the IPv4 address', '::ffff:192.0.2.1', '192.0.2.1'],
    ['IPv4 mapped, written in hex groups', '::ffff:c000:0201', '192.0.2.1'],
    ['loopback IPv6 is its /56', '::1', '0:0:0:0::/56'],
    ['an IPv6 address is its /56', '2001:db8:1234:5678::1', '2001:db8:1234:5600::/56'],
    [
      'the full form gives the same /56',
      '2001:0db8:1234:56ff:ffff:ffff:ffff:ffff',
      '2001:db8:1234:5600::/56',
    ],
    ['an embedded IPv4 tail is read as two groups', '64:ff9b::192.0.2.1', '64:ff9b:0:0::/56'],
    ['a zone is ignored', 'fe80::1%eth0', 'fe80:0:0:0::/56'],
    ['no address is one shared key', undefined, 'unknown'],
    ['an empty address is one shared key', '', 'unknown'],
  ])('%s', (_, address, key) => {
    expect(clientKey(address)).toBe(key)
  })

  it('puts two addresses of one /56 under one key, and of the next /56 under another', () => {
    expect(clientKey('2001:db8:1:aa00::1')).toBe(clientKey('2001:db8:1:aaff:1:2:3:4'))
    expect(clientKey('2001:db8:1:ab00::1')).not.toBe(clientKey('2001:db8:1:aa00::1'))
  })
})
