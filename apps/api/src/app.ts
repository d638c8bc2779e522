import express, { type Express } from 'express'
import type { Logger } from 'pino'
import { awsCatalogProvider, type CatalogProvider } from './dependencies.ts'
import type { AppConfig } from './env.ts'
import { deadline } from './http/deadline.ts'
import { type EventLoopMonitor, processEventLoop } from './http/event-loop.ts'
import { expectations } from './http/expectations.ts'
import { createLogger, requestLog } from './http/logging.ts'
import { corsPolicy, rateLimiter, securityHeaders } from './http/protection.ts'
import { requestId } from './http/request-id.ts'
import { shedWhenLoopDelayed } from './http/shedding.ts'
import { openApiDocument } from './openapi/operations.ts'
import { createWorkPool, type WorkPool, workPoolOptions } from './pool/work-pool.ts'
import { errorHandler, notFound } from './problem/error-handler.ts'
import { analyzeRouter } from './routes/analyze/router.ts'
import { catalogRouter } from './routes/catalog/router.ts'
import { evaluateRouter } from './routes/evaluate/router.ts'
import { healthRouter } from './routes/health/router.ts'
import { referenceRouter } from './routes/reference/router.ts'
import { samplesRouter } from './routes/samples/router.ts'
import { sourcesRouter } from './routes/sources/router.ts'
import { validateRouter } from './routes/validate/router.ts'

export interface AppDependencies {
  readonly logger: Logger
  readonly catalog: CatalogProvider
  /** The clock of deadlines, in milliseconds. */
  readonly now: () => number
  /**
   * The worker threads that evaluate and validate. A server starts its own and closes it when it
   * stops; an app made without one starts one from the configuration, whose idle threads do not
   * keep the process alive.
   */
  readonly pool: WorkPool
  /** How late the event loop runs: one per process. */
  readonly eventLoop: EventLoopMonitor
}

/**
 * The API as an Express app, from a parsed configuration. Everything it needs from outside
 * (logger, AWS service reference, clock, worker pool) can be given, so that tests build apps with
 * small limits, a captured log, a clock they control and pools of their own. Holds no state
 * between requests beyond caches of pure results and the rate limiter's counts.
 */
export function createApp(config: AppConfig, dependencies: Partial<AppDependencies> = {}): Express {
  const logger = dependencies.logger ?? createLogger(config.logLevel)
  const catalog = dependencies.catalog ?? awsCatalogProvider()
  const now = dependencies.now ?? Date.now
  const pool = dependencies.pool ?? createWorkPool(workPoolOptions(config, logger))
  const eventLoop = dependencies.eventLoop ?? processEventLoop()
  const { limits } = config
  const poolRoute = { pool, now, timeoutMs: config.requestTimeoutMs }

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
  app.use(expectations())
  app.use(healthRouter(catalog, pool))
  // every route after the probes may be shed
  const shedding = shedWhenLoopDelayed(eventLoop, config.eventLoopDelayMaxMs)
  if (shedding !== undefined) app.use(shedding)
  const limiter = rateLimiter(config, logger)
  if (limiter !== undefined) app.use(limiter)
  app.use(validateRouter(limits, poolRoute))
  app.use(sourcesRouter(limits, poolRoute))
  app.use(evaluateRouter({ ...poolRoute, limits }))
  app.use(analyzeRouter(limits, poolRoute))
  app.use(samplesRouter(catalog))
  app.use(catalogRouter(catalog))
  app.use(referenceRouter(openApiDocument(limits)))
  app.use(notFound())
  app.use(errorHandler(logger))
  return app
}
