import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import type { Logger } from 'pino'
import { createApp } from './app.ts'
import { awsCatalogProvider, type CatalogProvider } from './dependencies.ts'
import { type AppConfig, loadConfigOrExit } from './env.ts'
import { answerClientErrors } from './http/client-errors.ts'
import { createLogger } from './http/logging.ts'
import { warmSamples } from './routes/samples/handlers.ts'

export interface RunningServer {
  readonly server: Server
  readonly url: string
  readonly logger: Logger
  /**
   * Stops accepting connections, lets in-flight requests finish, and resolves once every
   * connection is closed: `true` when they all finished in time, `false` when the rest were cut.
   */
  close(): Promise<boolean>
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

/**
 * Starts the API: listens, then loads the AWS service reference and the samples' views, and
 * reports ready (`/readyz`) once they are loaded.
 */
export async function startServer(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
  catalog: CatalogProvider = awsCatalogProvider(),
): Promise<RunningServer> {
  const app = createApp(config, { logger, catalog })
  const server = createServer(app)
  answerClientErrors(server)
  // the app's own deadline answers first, with a problem; these are the backstops of Node
  server.requestTimeout = config.requestTimeoutMs + 1000
  server.headersTimeout = Math.min(60_000, server.requestTimeout)
  server.keepAliveTimeout = config.keepAliveTimeoutMs

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const url = urlOf(server.address() as AddressInfo)
  logger.info({ url, reference: `${url}/docs` }, `listening on ${url}`)

  setImmediate(() => {
    const started = performance.now()
    try {
      catalog.load()
      warmSamples(catalog.catalog())
    } catch (error) {
      // without the service reference no route can answer as it should: better not to run
      logger.fatal({ err: error }, 'could not load the AWS service reference')
      process.exit(1)
    }
    logger.info({ ms: Math.round(performance.now() - started) }, 'ready')
  })

  let closing: Promise<boolean> | undefined
  const close = (): Promise<boolean> => {
    closing ??= new Promise<boolean>((resolve) => {
      // a request arriving on a kept-alive connection is still answered, then the connection closes
      server.on('request', (_req, res) => res.setHeader('Connection', 'close'))
      const force = setTimeout(() => {
        logger.warn('in-flight requests did not finish in time; closing their connections')
        server.closeAllConnections()
        resolve(false)
      }, config.shutdownTimeoutMs)
      force.unref()
      server.close(() => {
        clearTimeout(force)
        resolve(true)
      })
      server.closeIdleConnections()
    })
    return closing
  }
  return { server, url, logger, close }
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

async function main(): Promise<void> {
  const config = loadConfigOrExit()
  const logger = createLogger(config.logLevel)
  try {
    stopOnSignals(await startServer(config, logger))
  } catch (error) {
    logger.fatal({ err: error }, 'could not start')
    process.exit(1)
  }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) void main()
