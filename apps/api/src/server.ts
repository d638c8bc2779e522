import cluster from 'node:cluster'
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import type { Logger } from 'pino'
import { createApp } from './app.ts'
import { awsCatalogProvider, type CatalogProvider } from './dependencies.ts'
import { type AppConfig, loadConfigOrExit } from './env.ts'
import { CannotListenError, type CannotListenMessage } from './http/cannot-listen.ts'
import { answerClientErrors } from './http/client-errors.ts'
import { answerExpectations } from './http/expectations.ts'
import { type HealthListener, startHealthListener } from './http/health-listener.ts'
import { createLogger } from './http/logging.ts'
import {
  createWorkPool,
  type WorkPool,
  type WorkPoolOptions,
  workPoolOptions,
} from './pool/work-pool.ts'
import { warmSamples } from './routes/samples/handlers.ts'

export interface RunningServer {
  readonly server: Server
  readonly url: string
  readonly logger: Logger
  readonly pool: WorkPool
  /** Where the probes' own listener answers, when `HEALTH_PORT` is set. */
  readonly healthUrl?: string
  /**
   * Stops accepting connections, lets in-flight requests finish, closes each connection as soon
   * as it is idle, stops the worker threads, and resolves once every connection is closed: `true`
   * when they all finished in time, `false` when the rest were cut.
   */
  close(): Promise<boolean>
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

/** How often Node looks for connections whose headers or request are late (its default is 30 s). */
function checkingInterval(config: AppConfig): number {
  return Math.min(1000, config.requestTimeoutMs)
}

/**
 * Starts the API: starts the worker threads, listens, then loads the AWS service reference and
 * the samples' views, and reports ready (`/readyz`) once they are loaded here and in every
 * thread. A test may give its own pool, which it then stops itself, or options for the pool
 * started here (another task module); a pool started here is stopped with the server.
 */
export async function startServer(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
  catalog: CatalogProvider = awsCatalogProvider(),
  given?: WorkPool,
  poolOptions: Partial<WorkPoolOptions> = {},
): Promise<RunningServer> {
  const pool = given ?? createWorkPool({ ...workPoolOptions(config, logger), ...poolOptions })
  const app = createApp(config, { logger, catalog, pool })
  // the responses not yet finished, to be told to close their connection when the server stops
  const inFlight = new Set<ServerResponse>()
  let stopping = false
  const listener: RequestListener = (req, res) => {
    if (stopping) res.setHeader('Connection', 'close')
    inFlight.add(res)
    res.once('close', () => inFlight.delete(res))
    app(req, res)
  }
  const server = createServer({ connectionsCheckingInterval: checkingInterval(config) }, listener)
  answerClientErrors(server, logger)
  answerExpectations(server, listener)
  // the app's own deadline answers first, with a problem (408 for a body that does not arrive);
  // headers that do not arrive by the deadline are a 408 of Node's, which `answerClientErrors`
  // writes as a problem; the whole request's timeout is a backstop
  server.headersTimeout = config.requestTimeoutMs
  server.requestTimeout = config.requestTimeoutMs + 1000
  server.keepAliveTimeout = config.keepAliveTimeoutMs

  await new Promise<void>((resolve, reject) => {
    const refuse = (error: Error) => {
      // a pool started here is stopped here: a caller that goes on (a test) keeps no threads
      if (given === undefined) void pool.close()
      reject(
        new CannotListenError(error, {
          port: config.port,
          host: config.host,
          portVariable: 'PORT',
          hostVariable: 'HOST',
        }),
      )
    }
    server.once('error', refuse)
    server.listen(config.port, config.host, () => {
      server.off('error', refuse)
      resolve()
    })
  })
  const url = urlOf(server.address() as AddressInfo)
  logger.info({ url, reference: `${url}/docs` }, `listening on ${url}`)
  let health: HealthListener | undefined
  if (config.healthPort !== undefined) {
    const where = { host: config.host, port: config.healthPort }
    health = await startHealthListener({ ...where, staleMs: config.healthStaleMs }).catch(
      (error: unknown) => {
        server.close()
        if (given === undefined) void pool.close()
        throw new CannotListenError(error, {
          ...where,
          portVariable: 'HEALTH_PORT',
          hostVariable: 'HOST',
        })
      },
    )
    logger.info({ url: health.url }, `probes listening on ${health.url}`)
  }

  const started = performance.now()
  setImmediate(() => {
    try {
      catalog.load()
      warmSamples(catalog.catalog())
    } catch (error) {
      // without the service reference no route can answer as it should: better not to run
      logger.fatal({ err: error }, 'could not load the AWS service reference')
      process.exit(1)
    }
    pool.ready.then(
      () => {
        health?.markReady(JSON.stringify({ status: 'ready', catalog: catalog.data().source }))
        logger.info({ ms: Math.round(performance.now() - started), threads: pool.threads }, 'ready')
      },
      (error: unknown) => {
        // the pool's log line has the thread's error; without its threads no evaluation runs
        logger.fatal({ err: error }, 'the worker threads could not load')
        process.exit(1)
      },
    )
  })

  let closing: Promise<boolean> | undefined
  const close = (): Promise<boolean> => {
    closing ??= new Promise<boolean>((resolve) => {
      stopping = true
      // a request arriving on a kept-alive connection is still answered, then the connection
      // closes; so does the connection of each answer not yet sent
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
      // a connection whose answer went out with keep-alive just before is closed once idle,
      // rather than left open until its keep-alive timeout
      const sweep = setInterval(() => server.closeIdleConnections(), 50)
      let finished = false
      const finish = (inTime: boolean) => {
        if (finished) return
        finished = true
        clearInterval(sweep)
        clearTimeout(force)
        // a pool given by a test is the test's to stop
        const stopped = [given === undefined ? pool.close() : undefined, health?.close()]
        void Promise.allSettled(stopped).then(() => resolve(inTime))
      }
      const force = setTimeout(() => {
        logger.warn('in-flight requests did not finish in time; closing their connections')
        server.closeAllConnections()
        finish(false)
      }, config.shutdownTimeoutMs)
      force.unref()
      server.close(() => finish(true))
      server.closeIdleConnections()
    })
    return closing
  }
  return {
    server,
    url,
    logger,
    pool,
    ...(health === undefined ? {} : { healthUrl: health.url }),
    close,
  }
}

/**
 * Stops on SIGTERM or SIGINT after the in-flight requests: exit 0, or 1 if they were cut. A
 * second signal changes nothing (a terminal's Ctrl-C reaches cluster workers and their primary
 * alike); `SHUTDOWN_TIMEOUT_MS` bounds the wait.
 */
export function stopOnSignals(running: RunningServer): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const closed = running.close()
    // logged once the listener is closed, so that whoever reads it knows no connection gets in
    running.logger.info({ signal }, 'stopping: no new connections, finishing in-flight requests')
    void closed.then((finished) => {
      running.logger.info('stopped')
      process.exit(finished ? 0 : 1)
    })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

/**
 * Says why the server could not listen in one line, naming the variable to change, and exits 1.
 * A cluster worker leaves the saying to the primary (src/cluster.ts): every worker meets the same
 * busy port, and the operator needs to read it once.
 */
function exitCannotListen(error: CannotListenError): void {
  if (cluster.isWorker && process.send !== undefined) {
    const message: CannotListenMessage = { cannotListen: error.message }
    process.send(message, () => process.exit(1))
    return
  }
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}

async function main(): Promise<void> {
  const config = loadConfigOrExit()
  const logger = createLogger(config.logLevel)
  try {
    stopOnSignals(await startServer(config, logger))
  } catch (error) {
    if (error instanceof CannotListenError) {
      exitCannotListen(error)
      return
    }
    logger.fatal({ err: error }, 'could not start')
    process.exit(1)
  }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) void main()
