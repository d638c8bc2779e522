import type { Request, RequestHandler, Response } from 'express'
import type { z } from 'zod'
import type { Operation } from '../openapi/operation.ts'
import type { FieldError } from '../problem/problem.ts'
import { ProblemError } from '../problem/problem.ts'
import { fieldErrors, inputErrorMap } from './input-errors.ts'

/** Most field errors listed in one problem; the rest are counted in `detail`. */
const listedErrors = 20

/** Plain data that may be read but not changed, so that readonly results of the packages fit. */
export type DeepReadonly<T> = T extends (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T

export interface HandlerInput<Params, Query, Body> {
  readonly params: Params
  readonly query: Query
  readonly body: Body
}

export interface HandlerContext {
  readonly req: Request
  readonly res: Response
}

/**
 * An answer already written as JSON (by a worker thread), sent as it is; `Answer` is what it
 * holds, so that a handler's result is still checked against its operation.
 */
export class JsonText<Answer> {
  declare readonly answer?: Answer
  constructor(readonly text: string) {}
}

type Result<Answer> = Answer | JsonText<Answer>

export type Handler<Op> =
  Op extends Operation<infer Params, infer Query, infer Body, infer Output>
    ? (
        input: HandlerInput<z.output<Params>, z.output<Query>, z.output<Body>>,
        context: HandlerContext,
      ) => Result<DeepReadonly<z.input<Output>>> | Promise<Result<DeepReadonly<z.input<Output>>>>
    : never

function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: FieldError['in'],
): z.output<Schema> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  // parsed again for the API's messages: an error map slows down every parse, failures are rare
  const failed = schema.safeParse(value, { error: inputErrorMap })
  const errors = fieldErrors(failed.error?.issues ?? parsed.error.issues, where)
  const [first] = errors
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  throw new ProblemError(
    'invalid-request',
    first === undefined
      ? 'the request is not valid'
      : `\`${first.pointer || '/'}\` ${first.detail}${more}`,
    { errors: errors.slice(0, listedErrors) },
  )
}

/**
 * A JSON answer to a POST, written directly: `res.json` would hash the body for an ETag, which
 * no cache uses for a POST, at the cost of hashing every byte of the explanation.
 */
function sendJson(res: Response, result: unknown): void {
  const text = result instanceof JsonText ? result.text : JSON.stringify(result)
  res.statusCode = 200
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

/**
 * The Express handler of an operation: validates path, query and body with the operation's
 * schemas (400 with a pointer per bad field), runs the handler, and sends its result as JSON.
 * Errors, thrown or rejected, go to the app's error handler.
 */
export function handle<Op extends Operation>(operation: Op, handler: Handler<Op>): RequestHandler {
  return async (req, res) => {
    const params = parseInput(operation.params, req.params, 'path')
    const query = parseInput(operation.query, req.query, 'query')
    const body =
      operation.body === undefined ? undefined : parseInput(operation.body, req.body, 'body')
    const run = handler as (
      input: HandlerInput<unknown, unknown, unknown>,
      context: HandlerContext,
    ) => unknown
    const result = await run({ params, query, body }, { req, res })
    if (res.headersSent) return
    if (result instanceof JsonText) {
      sendJson(res, result)
    } else if (operation.response.mediaType === 'text/html') {
      res.status(200).type('html').send(String(result))
    } else if (operation.method === 'post') {
      sendJson(res, result)
    } else {
      res.status(200).json(result)
    }
  }
}
