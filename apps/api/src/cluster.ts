import cluster, { type Worker } from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { loadConfigOrExit } from './env.ts'
import { isCannotListenMessage } from './http/cannot-listen.ts'
import { createLogger } from './http/logging.ts'

/**
 * Runs `WORKERS` copies of the server (src/server.ts) on one port with Node's cluster module.
 * The API holds no state between requests, so any worker gives any answer. A worker that dies is
 * replaced; on SIGTERM or SIGINT every worker finishes its in-flight requests, then the primary
 * exits 0, or 1 if a worker could not stop cleanly. A worker that cannot listen (a busy port) is
 * not replaced, since every other would meet the same: the primary says why once, stops the
 * workers and exits 1.
 */
function primary(): void {
  const config = loadConfigOrExit()
  const logger = createLogger(config.logLevel).child({ role: 'primary' })
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('./server.ts', import.meta.url)),
    // workers load TypeScript as the primary does: through tsx
    execArgv: process.execArgv.some((argument) => argument.includes('tsx'))
      ? process.execArgv
      : [...process.execArgv, '--import', 'tsx'],
  })
  let stopping = false
  let failed = false
  const start = (): Worker => cluster.fork()
  const stopAll = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  for (let index = 0; index < config.workers; index++) start()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failed = true
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('every worker stopped')
        process.exit(failed ? 1 : 0)
      }
      return
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'a worker died; starting another')
    start()
  })
  cluster.on('message', (_worker, message: unknown) => {
    if (!isCannotListenMessage(message) || stopping) return
    stopping = true
    failed = true
    process.stderr.write(`${message.cannotListen}\n`)
    stopAll()
  })
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping every worker')
    stopAll()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  logger.info({ workers: config.workers }, `starting ${config.workers} workers`)
}

if (cluster.isPrimary) primary()
