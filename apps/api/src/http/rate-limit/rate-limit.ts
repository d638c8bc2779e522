import { createHash } from 'node:crypto'
import type { RequestHandler } from 'express'
import { ProblemError } from '../../problem/problem.ts'
import { clientKey } from './client-key.ts'
import { windowCounter } from './window-counter.ts'

export interface RateLimitOptions {
  /** Requests each client may make in a window. */
  readonly limit: number
  readonly windowMs: number
  /** The clock, in milliseconds. */
  readonly now: () => number
}

/**
 * The partition key of the `RateLimit-Policy` header: it lets a client tell its quota from other
 * clients' without the header giving its address away.
 */
function partitionKey(key: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 12)
  return Buffer.from(digest).toString('base64')
}

/** The policy's name, as a person would say it: `300-in-1min`. */
function policyName(limit: number, windowMs: number): string {
  const seconds = windowMs / 1000
  const [amount, unit] =
    seconds < 60
      ? [seconds, 'sec']
      : seconds < 3600
        ? [seconds / 60, 'min']
        : seconds < 86_400
          ? [seconds / 3600, 'hr']
          : [seconds / 86_400, 'day']
  return `${limit}-in-${Number(amount.toFixed(2))}${unit}`
}

/**
 * Requests per client address and window, counted in this process's memory: behind a load
 * balancer each instance counts its own. Every counted response says where its client stands in
 * the `RateLimit` and `RateLimit-Policy` fields of the IETF draft (draft-ietf-httpapi-ratelimit-
 * headers-08); a client over the limit gets the `too-many-requests` problem with `Retry-After`.
 * Synchronous and constant-time per request, so that it costs a hit route next to nothing.
 */
export function rateLimit({ limit, windowMs, now }: RateLimitOptions): RequestHandler {
  const name = `"${policyName(limit, windowMs)}"`
  const windowSeconds = Math.ceil(windowMs / 1000)
  // the policy field is the same on every response to a client: made once, when it is first seen
  const policyOf = (key: string) =>
    `${name}; q=${limit}; w=${windowSeconds}; pk=:${partitionKey(key)}:`
  const counter = windowCounter({ windowMs, now, tag: policyOf })
  const overLimit = `more than ${limit} requests in ${windowMs / 1000} s; retry after the seconds in \`Retry-After\``
  return (req, res, next) => {
    const usage = counter.hit(clientKey(req.ip))
    const resetSeconds = Math.max(0, Math.ceil((usage.resetAt - now()) / 1000))
    res.setHeader('RateLimit-Policy', usage.tag)
    res.setHeader('RateLimit', `${name}; r=${Math.max(0, limit - usage.count)}; t=${resetSeconds}`)
    if (usage.count <= limit) {
      next()
      return
    }
    res.setHeader('Retry-After', String(resetSeconds))
    next(new ProblemError('too-many-requests', overLimit))
  }
}
