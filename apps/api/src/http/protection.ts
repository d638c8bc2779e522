import cors from 'cors'
import type { RequestHandler } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'
import type { AppConfig } from '../env.ts'
import { rateLimit } from './rate-limit.ts'
import { requestIdHeader } from './request-id.ts'

/**
 * helmet's headers, with a policy that lets a JSON response load nothing and be framed nowhere.
 * The reference pages set their own, which allows their inline style sheet.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  })
}

/** CORS for the configured origins; `undefined` when none are, so that no CORS header is sent. */
export function corsPolicy(origins: AppConfig['corsOrigins']): RequestHandler | undefined {
  if (origins !== '*' && origins.length === 0) return undefined
  return cors({
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type', 'Content-Encoding', requestIdHeader],
    exposedHeaders: [requestIdHeader, 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  })
}

/**
 * Requests per client address and window, in this process's memory: behind a load balancer each
 * instance counts its own, so the limit a client meets is per instance (see the README).
 */
export function rateLimiter(config: AppConfig, logger: Logger): RequestHandler | undefined {
  if (config.rateLimitMax === 0) return undefined
  return rateLimit({ limit: config.rateLimitMax, windowMs: config.rateLimitWindowMs, logger })
}
