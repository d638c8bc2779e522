import type { RequestHandler } from 'express'
import { type DestinationStream, type Logger, pino } from 'pino'
import type { LogLevel } from '../env.ts'

/** A JSON-lines logger: level names rather than numbers, ISO times. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  }
  return destination === undefined ? pino(options) : pino(options, destination)
}

type ResponseLevel = 'info' | 'warn' | 'error'

/** Longest path a log line holds; a longer one is cut, with `…` after it. */
export const loggedPathLength = 200

/**
 * The path of a request target as a log line holds it: without the query string, which may carry
 * tokens and is as long as a client likes, and at most `loggedPathLength` characters.
 */
export function loggedPath(target: string): string {
  const query = target.indexOf('?')
  const path = query === -1 ? target : target.slice(0, query)
  return path.length > loggedPathLength ? `${path.slice(0, loggedPathLength)}…` : path
}

type RequestLevel = ResponseLevel | 'debug'

/** The probes' paths: an orchestrator or a start script asks them every few seconds. */
const probePaths: ReadonlySet<string> = new Set(['/healthz', '/readyz'])

function levelOf(statusCode: number, path: string): RequestLevel {
  if (statusCode >= 500) return 'error'
  if (statusCode >= 400) return 'warn'
  // a probe that succeeds says nothing new, and would otherwise be most of the log
  return probePaths.has(path) ? 'debug' : 'info'
}

/**
 * One line per request when its response ends or its connection closes first, with the request
 * id, method, path (`req.url`: no query string, at most `loggedPathLength` characters), client
 * address, status and milliseconds taken; `info` for success (`debug` for a probe's, `/healthz`
 * or `/readyz`), `warn` for a client error or a request abandoned half way, `error` for a server
 * error. Headers and
 * bodies are left out: they carry policies and credentials. `undefined` when the logger would
 * write none of these lines, so that a silent server pays nothing per request.
 */
export function requestLog(logger: Logger): RequestHandler | undefined {
  if (!logger.isLevelEnabled('error')) return undefined
  return (req, res, next) => {
    const started = performance.now()
    // read now: once the client has gone, its socket no longer knows the address
    const remoteAddress = req.socket.remoteAddress
    res.once('close', () => {
      const completed = res.writableFinished && !req.readableAborted
      const url = loggedPath(req.originalUrl)
      const level = completed ? levelOf(res.statusCode, url) : 'warn'
      if (!logger.isLevelEnabled(level)) return
      logger[level](
        {
          requestId: req.id,
          req: { method: req.method, url, remoteAddress },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        completed ? 'request completed' : 'request aborted',
      )
    })
    next()
  }
}
