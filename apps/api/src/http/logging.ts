import type { IncomingMessage, ServerResponse } from 'node:http'
import { type DestinationStream, type Logger, pino } from 'pino'
import { type HttpLogger, pinoHttp } from 'pino-http'
import type { LogLevel } from '../env.ts'
import { requestIdOf } from './request-id.ts'

/** A JSON-lines logger: level names rather than numbers, ISO times. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  }
  return destination === undefined ? pino(options) : pino(options, destination)
}

/** Whether the response went out whole to a client that sent its request whole. */
function completed(req: IncomingMessage, res: ServerResponse): boolean {
  return res.writableFinished && !req.readableAborted
}

function levelOf(req: IncomingMessage, res: ServerResponse): 'info' | 'warn' | 'error' {
  if (!completed(req, res)) return 'warn'
  return res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'
}

function messageOf(req: IncomingMessage, res: ServerResponse): string {
  if (res.err !== undefined) return 'request failed'
  return completed(req, res) ? 'request completed' : 'request aborted'
}

/**
 * The request id and the request log, by pino-http: one line per request when its response ends
 * or its connection closes first, with the request id, method, path, client address, status and
 * milliseconds taken; `info` for success, `warn` for a client error or a request abandoned half
 * way, `error` for a server error, with the error and its stack when the error handler set
 * `res.err`. Headers and bodies are left out: they carry policies and credentials.
 */
export function requestLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: levelOf,
    customSuccessMessage: messageOf,
    customErrorMessage: messageOf,
  })
}
