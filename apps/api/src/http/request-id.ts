import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export const requestIdHeader = 'x-request-id'

/** Ids a caller may choose: short, and safe to put in a log line or a header as they are. */
const acceptedId = /^[A-Za-z0-9._:/+=-]{1,128}$/

/**
 * The request's id: the caller's `x-request-id` when it is a safe token, otherwise a new one,
 * echoed on the response so that a caller can quote it and the logs can be searched for it.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[requestIdHeader]
  const id = typeof given === 'string' && acceptedId.test(given) ? given : randomUUID()
  res.setHeader(requestIdHeader, id)
  return id
}
