import { isIPv4, isIPv6 } from 'node:net'

/** Leading bits of an IPv6 address that name one client: a /56 is what one site is usually given. */
const ipv6PrefixBits = 56

/** The eight sixteen-bit groups of an IPv6 address: `::` expanded, a trailing IPv4 part converted. */
function ipv6Groups(address: string): number[] {
  const zone = address.indexOf('%')
  let text = zone >= 0 ? address.slice(0, zone) : address
  const lastColon = text.lastIndexOf(':')
  const embedded = text.slice(lastColon + 1)
  if (isIPv4(embedded)) {
    const [a = 0, b = 0, c = 0, d = 0] = embedded.split('.').map(Number)
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => parseInt(group, 16))
  const gap = text.indexOf('::')
  if (gap < 0) return parse(text)
  const head = parse(text.slice(0, gap))
  const rest = parse(text.slice(gap + 2))
  return [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest]
}

/**
 * The key a client is counted under: an IPv4 address as it is (also when it arrives mapped into
 * IPv6, `::ffff:192.0.2.1`), and an IPv6 address by its /56 prefix, since one site holds a whole
 * prefix and could otherwise take a new address for every request.
 */
export function clientKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown'
  // every IPv6 form has a colon and no IPv4 one does: the common case skips the IPv6 parser
  if (!address.includes(':') || !isIPv6(address)) return address
  const groups = ipv6Groups(address)
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6)
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`
  }
  const whole = Math.floor(ipv6PrefixBits / 16)
  const prefix = groups.slice(0, whole)
  const partialBits = ipv6PrefixBits % 16
  if (partialBits > 0) {
    prefix.push((groups[whole] ?? 0) & ((0xffff << (16 - partialBits)) & 0xffff))
  }
  return `${prefix.map((group) => group.toString(16)).join(':')}::/${ipv6PrefixBits}`
}
