import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id: the caller's `x-request-id` when safe, otherwise one made for it. */
    id: string
  }
}

export const requestIdHeader = 'x-request-id'

/** Ids a caller may choose: short, and safe to put in a log line or a header as they are. */
const acceptedId = /^[A-Za-z0-9._:/+=-]{1,128}$/

/**
 * Honours the caller's `x-request-id` when it is a safe token, otherwise makes one, and echoes it
 * on the response so that a caller can quote it and the logs can be searched for it.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.headers[requestIdHeader]
    const id = typeof given === 'string' && acceptedId.test(given) ? given : randomUUID()
    req.id = id
    res.setHeader(requestIdHeader, id)
    next()
  }
}
