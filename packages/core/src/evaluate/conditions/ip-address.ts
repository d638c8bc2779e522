/** An IP range: the network's bits and how many of them count. */
export interface IpRange {
  readonly version: 4 | 6
  readonly network: bigint
  readonly prefixLength: number
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let value = 0n
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part) || Number(part) > 255) return undefined
    value = (value << 8n) | BigInt(Number(part))
  }
  return value
}

function parseIpv6(text: string): bigint | undefined {
  let body = text
  if (body.includes('.')) {
    // An IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
    const lastColon = body.lastIndexOf(':')
    const v4 = parseIpv4(body.slice(lastColon + 1))
    if (v4 === undefined) return undefined
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`
  }
  const halves = body.split('::')
  if (halves.length > 2) return undefined
  const groups = (half: string) => (half === '' ? [] : half.split(':'))
  const head = groups(halves[0] ?? '')
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  let value = 0n
  for (const word of words) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(word)) return undefined
    value = (value << 16n) | BigInt(Number.parseInt(word, 16))
  }
  return value
}

/** An address alone, as a full-length range (*Condition operators*: a bare address means /32). */
export function parseIpRange(text: string): IpRange | undefined {
  const [address = '', prefix, extra] = text.trim().split('/')
  if (extra !== undefined) return undefined
  const version = address.includes(':') ? 6 : 4
  const bits = version === 4 ? 32 : 128
  const parsed = version === 4 ? parseIpv4(address) : parseIpv6(address)
  if (parsed === undefined) return undefined
  const prefixLength =
    prefix === undefined ? bits : /^[0-9]{1,3}$/.test(prefix) ? Number(prefix) : -1
  if (prefixLength < 0 || prefixLength > bits) return undefined
  const shift = BigInt(bits - prefixLength)
  // Host bits set in the policy are ignored, as AWS does (Access Analyzer: IMPROVE_IP_RANGE).
  return { version, network: (parsed >> shift) << shift, prefixLength }
}

/** Whether an address lies in a range of the same IP version. */
export function rangeContains(range: IpRange, address: IpRange): boolean {
  if (range.version !== address.version) return false
  const bits = range.version === 4 ? 32 : 128
  const shift = BigInt(bits - range.prefixLength)
  return address.network >> shift === range.network >> shift
}
