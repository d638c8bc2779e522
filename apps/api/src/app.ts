import express, { type Express } from 'express'
import type { Logger } from 'pino'
import { awsCatalogProvider, type CatalogProvider } from './dependencies.ts'
import type { AppConfig } from './env.ts'
import { deadline } from './http/deadline.ts'
import { createLogger, requestLog } from './http/logging.ts'
import { corsPolicy, rateLimiter, securityHeaders } from './http/protection.ts'
import { requestId } from './http/request-id.ts'
import { openApiDocument } from './openapi/operations.ts'
import { errorHandler, notFound } from './problem/error-handler.ts'
import { catalogRouter } from './routes/catalog/router.ts'
import { evaluateRouter } from './routes/evaluate/router.ts'
import { healthRouter } from './routes/health/router.ts'
import { referenceRouter } from './routes/reference/router.ts'
import { samplesRouter } from './routes/samples/router.ts'
import { validateRouter } from './routes/validate/router.ts'

export interface AppDependencies {
  readonly logger: Logger
  readonly catalog: CatalogProvider
  /** The clock of deadlines, in milliseconds. */
  readonly now: () => number
}

/**
 * The API as an Express app, from a parsed configuration. Everything it needs from outside
 * (logger, AWS service reference, clock) can be given, so that tests build apps with small
 * limits, a captured log and a clock they control. Holds no state between requests beyond
 * caches of pure results and the rate limiter's counts.
 */
export function createApp(config: AppConfig, dependencies: Partial<AppDependencies> = {}): Express {
  const logger = dependencies.logger ?? createLogger(config.logLevel)
  const catalog = dependencies.catalog ?? awsCatalogProvider()
  const now = dependencies.now ?? Date.now
  const { limits } = config

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.trustProxyHops)

  app.use(requestId())
  const log = requestLog(logger)
  if (log !== undefined) app.use(log)
  app.use(deadline(config.requestTimeoutMs, now))
  app.use(securityHeaders())
  const cors = corsPolicy(config.corsOrigins)
  if (cors !== undefined) app.use(cors)
  app.use(healthRouter(catalog))
  const limiter = rateLimiter(config, logger)
  if (limiter !== undefined) app.use(limiter)
  app.use(validateRouter(limits, catalog))
  app.use(
    evaluateRouter({
      limits,
      timeoutMs: config.requestTimeoutMs,
      now,
      cacheChars: config.compiledSetCacheChars,
      catalog,
    }),
  )
  app.use(samplesRouter(catalog))
  app.use(catalogRouter(catalog))
  app.use(referenceRouter(openApiDocument(limits)))
  app.use(notFound())
  app.use(errorHandler(logger))
  return app
}
