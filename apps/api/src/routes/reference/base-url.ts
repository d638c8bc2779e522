import type { Request } from 'express'

/** The characters of a host name, an IPv4 address, a bracketed IPv6 address and a port. */
const hostCharacters = new Set(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-:[]'.split(''),
)

function isHost(host: string | undefined): host is string {
  return (
    host !== undefined &&
    host.length > 0 &&
    host.length <= 261 &&
    [...host].every((character) => hostCharacters.has(character))
  )
}

/**
 * The base URL a client reached the API at, for the lines of the reference that call it: the
 * scheme and `Host` of the request (as forwarded by the trusted proxies, `TRUST_PROXY_HOPS`), so
 * that a `curl` line copied from the page calls the server the page came from. A `Host` that is
 * not a plain host and port is not written into the page: the address the connection reached is,
 * instead.
 */
export function requestBaseUrl(req: Request): string {
  const protocol = req.protocol === 'https' ? 'https' : 'http'
  if (isHost(req.host)) return `${protocol}://${req.host}`
  const local = req.socket.localAddress ?? '127.0.0.1'
  // an IPv4 client of a dual-stack listener is seen at an IPv4-mapped IPv6 address
  const mapped = '::ffff:'
  const address =
    local.startsWith(mapped) && local.includes('.') ? local.slice(mapped.length) : local
  const host = address.includes(':') ? `[${address}]` : address
  return `${protocol}://${host}:${req.socket.localPort ?? 80}`
}
