import type { z } from 'zod'
import type { ProblemType } from '../problem/problem-types.ts'

type HttpMethod = 'get' | 'post'

/**
 * One route as data: its inputs and output as zod schemas, which both validate requests and
 * make the OpenAPI document, so that the two cannot disagree.
 */
export interface Operation<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod
  /** The path as OpenAPI writes it, parameters in braces: `/v1/samples/{id}`. */
  readonly path: string
  readonly operationId: string
  readonly tag: string
  readonly summary: string
  readonly description: string
  readonly params: Params
  readonly query: Query
  /** The JSON body, for operations that take one. */
  readonly body?: Body
  readonly response: {
    readonly description: string
    readonly schema: Output
    /** `text/html` for the pages of the reference; JSON otherwise. */
    readonly mediaType?: 'application/json' | 'text/html'
  }
  /** The problem types the operation can answer with, beyond those every route can. */
  readonly problems: readonly ProblemType[]
}

export type AnyOperation = Operation<z.ZodType, z.ZodType, z.ZodType, z.ZodType>

/** The Express form of an OpenAPI path: `/v1/samples/:id`. */
export function expressPath(path: string): string {
  return path.replaceAll(/\{(\w+)\}/g, ':$1')
}
