import { isUtf8 } from 'node:buffer'
import type { IncomingMessage } from 'node:http'
import express, { type Request, type RequestHandler } from 'express'
import type { Limits } from '../env.ts'
import { ProblemError } from '../problem/problem.ts'
import { continueIfWaiting } from './expectations.ts'
import { lineAndColumn, scanJsonBytes, shapeProblem } from './json-limits.ts'

/** `application/json` and the `+json` types (`application/merge-patch+json`), any parameters. */
const jsonMediaType = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json$/
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]*)"?/i
const parsePosition = /position (\d+)/

function hasBody(headers: Request['headers']): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/**
 * Refuses, before reading a byte of it, a body that is missing or not JSON in UTF-8. The body
 * parser would let such a request through with no body, where a problem that names the mistake
 * serves a caller better.
 */
function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (!hasBody(req.headers)) {
      throw new ProblemError('invalid-request', 'the request has no body; send a JSON object', {
        errors: [{ in: 'body', pointer: '', detail: 'is required' }],
      })
    }
    const type = req.headers['content-type']
    if (type === undefined) {
      throw new ProblemError(
        'unsupported-media-type',
        'the body has no content type; send `application/json`',
      )
    }
    const mediaType = type.split(';', 1)[0]?.trim().toLowerCase() ?? ''
    if (!jsonMediaType.test(mediaType)) {
      throw new ProblemError(
        'unsupported-media-type',
        `content type \`${type}\` is not supported; send \`application/json\``,
      )
    }
    const charset = charsetParameter.exec(type)?.[1]?.toLowerCase()
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ProblemError(
        'unsupported-media-type',
        `charset \`${charset}\` is not supported; JSON is sent in UTF-8`,
      )
    }
    next()
  }
}

/** What `verify` throws to stop the body parser before it parses: the problem, carried through. */
class BodyRefused extends Error {
  constructor(readonly problem: ProblemError) {
    super(problem.detail)
  }
}

/** Bodies whose text could break the shape rules, so that only they are walked once parsed. */
const suspectBodies = new WeakSet<IncomingMessage>()

/**
 * Checks the raw bytes before the body parser parses them: UTF-8 (RFC 8259 requires it; the
 * parser would put U+FFFD in place of what is not), and nesting, on the text, so that a body
 * nested 100,000 deep is refused for the cost of one pass rather than parsed. `JSON.parse` itself
 * takes any depth; what overflows on deep values is what walks them afterwards (`JSON.stringify`,
 * schema validation).
 */
function verifyText(limits: Limits) {
  return (req: IncomingMessage, _res: unknown, body: Buffer) => {
    // the parser reads an empty body as `{}`; a sender that meant nothing should hear so
    if (body.length === 0) {
      throw new BodyRefused(new ProblemError('malformed-json', 'the body is empty'))
    }
    if (!isUtf8(body)) {
      throw new BodyRefused(new ProblemError('malformed-json', 'the body is not valid UTF-8'))
    }
    const scan = scanJsonBytes(body, limits.jsonDepth, limits.jsonItems)
    if (scan.tooDeepAt !== undefined) {
      // positions are counted in characters: only the text before the offset is decoded
      const before = body.subarray(0, scan.tooDeepAt).toString('utf8')
      const { line, column } = lineAndColumn(before, before.length)
      throw new BodyRefused(
        new ProblemError(
          'json-too-deep',
          `the body nests objects and arrays deeper than ${limits.jsonDepth} levels (line ${line}, column ${column})`,
        ),
      )
    }
    if (scan.shapeSuspect) suspectBodies.add(req)
  }
}

interface BodyParserError {
  readonly type?: unknown
  readonly body?: unknown
  readonly message?: unknown
  readonly code?: unknown
  readonly encoding?: unknown
}

function malformed(error: BodyParserError): ProblemError {
  const text = typeof error.body === 'string' ? error.body : ''
  const message = typeof error.message === 'string' ? error.message : ''
  const position = parsePosition.exec(message)?.[1]
  if (position === undefined) {
    return new ProblemError(
      'malformed-json',
      text.trim() === '' ? 'the body is empty' : 'the body is not valid JSON',
    )
  }
  const { line, column } = lineAndColumn(text, Number(position))
  return new ProblemError(
    'malformed-json',
    `the body is not valid JSON: unexpected text at line ${line}, column ${column}`,
  )
}

/** The problem each error of the body parser (by its `type`) stands for. */
function problemOfBodyError(error: unknown, limits: Limits, req: Request): unknown {
  if (error instanceof BodyRefused) return error.problem
  if (typeof error !== 'object' || error === null) return error
  const known = error as BodyParserError
  switch (known.type) {
    case 'entity.parse.failed':
      return malformed(known)
    case 'entity.too.large':
      return new ProblemError(
        'payload-too-large',
        `the body is larger than the limit of ${limits.bodyBytes} bytes`,
      )
    case 'encoding.unsupported':
      return new ProblemError(
        'unsupported-media-type',
        `content encoding \`${String(known.encoding)}\` is not supported; send gzip, deflate, br or none`,
      )
    case 'request.aborted':
      return new ProblemError(
        'invalid-request',
        'the client closed the connection before the body ended',
      )
    case 'request.size.invalid':
      return new ProblemError('invalid-request', 'the body is not as long as `Content-Length` says')
  }
  // a decompressor's error: the bytes are not what `Content-Encoding` says
  if (typeof known.code === 'string' && known.code.startsWith('Z_')) {
    const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase()
    return new ProblemError('malformed-json', `the body is not valid \`${encoding}\` data`)
  }
  return error
}

/** Checks the parsed body against the shape rules when its text showed it could break them. */
function checkShape(limits: Limits): RequestHandler {
  return (req, _res, next) => {
    if (!suspectBodies.has(req)) {
      next()
      return
    }
    const problem = shapeProblem(req.body, limits.jsonItems)
    if (problem !== undefined) {
      throw new ProblemError('invalid-request', `\`${problem.pointer || '/'}\` ${problem.detail}`, {
        errors: [problem],
      })
    }
    next()
  }
}

/**
 * The body of a JSON endpoint: content type checked first (415), then read, decompressed and
 * parsed by Express's body parser (`express.json`) up to the body limit (413, counted after
 * decompression, so that a gzip bomb stops at the limit too), with the nesting checked on the
 * text before it is parsed and the shape after (400).
 */
export function jsonBody(limits: Limits): RequestHandler[] {
  const parse = express.json({
    limit: limits.bodyBytes,
    // the media type is checked before, by `requireJson`, with a problem that names it
    type: () => true,
    // any JSON value: the schema says what a route takes, better than "not an object or array"
    strict: false,
    verify: verifyText(limits),
  })
  const readJson: RequestHandler = (req, res, next) => {
    continueIfWaiting(req, res)
    parse(req, res, (error?: unknown) => {
      if (error === undefined) next()
      else next(problemOfBodyError(error, limits, req))
    })
  }
  return [requireJson(), readJson, checkShape(limits)]
}
