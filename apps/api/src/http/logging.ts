import type { IncomingMessage, ServerResponse } from 'node:http'
import { type DestinationStream, type Logger, pino } from 'pino'
import { type HttpLogger, pinoHttp } from 'pino-http'
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

interface LoggedRequest {
  readonly method?: string
  readonly url?: string
  readonly remoteAddress?: string
}

/**
 * One line per request, when its response ends, with the request id, method, path, status and
 * time taken. Headers and bodies are left out: they carry policies and credentials.
 */
export function httpLogger(logger: Logger): HttpLogger<IncomingMessage, ServerResponse> {
  return pinoHttp({
    logger,
    genReqId: (req) => req.id,
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { readonly statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : 'info',
  })
}
