import type { RequestHandler } from 'express'
import { rateLimit as expressRateLimit } from 'express-rate-limit'
import type { Logger } from 'pino'
import { ProblemError } from '../problem/problem.ts'

export interface RateLimitOptions {
  /** Requests each client may make in a window. */
  readonly limit: number
  readonly windowMs: number
  /** Where the library's warnings about its configuration go. */
  readonly logger: Logger
}

/**
 * Requests per client address and window, counted by express-rate-limit in this process's
 * memory: behind a load balancer each instance counts its own. Each client's window starts with
 * its first request; an IPv6 client is counted by its /56, which one site usually holds whole.
 * Every counted response says where its client stands in the `RateLimit` and `RateLimit-Policy`
 * fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers-08); a client over the limit
 * gets the `too-many-requests` problem with `Retry-After`.
 */
export function rateLimit({ limit, windowMs, logger }: RateLimitOptions): RequestHandler {
  const overLimit = `more than ${limit} requests in ${windowMs / 1000} s; retry after the seconds in \`Retry-After\``
  return expressRateLimit({
    limit,
    windowMs,
    ipv6Subnet: 56,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    logger: {
      warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limiter'),
      error: (error, message) => logger.error({ err: error }, message ?? 'rate limiter'),
    },
    handler: (_req, _res, next) => next(new ProblemError('too-many-requests', overLimit)),
  })
}
