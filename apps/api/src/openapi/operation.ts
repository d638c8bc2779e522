import type { z } from 'zod'
import type { ProblemType } from '../problem/problem-types.ts'

/** The methods the API's operations use. */
export const httpMethods = ['get', 'post'] as const
type HttpMethod = (typeof httpMethods)[number]

/** The path or query parameters of an operation: an object schema, one parameter per member. */
export type ParametersSchema = z.ZodType<unknown, Record<string, unknown>>

/**
 * One route as data: its inputs and output as zod schemas, which both validate requests and
 * make the OpenAPI document, so that the two cannot disagree.
 */
export interface Operation<
  Params extends ParametersSchema = ParametersSchema,
  Query extends ParametersSchema = ParametersSchema,
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

export type AnyOperation = Operation<ParametersSchema, ParametersSchema, z.ZodType, z.ZodType>

/** The Express form of an OpenAPI path: `/v1/samples/:id`. */
export function expressPath(path: string): string {
  return path.replaceAll(/\{(\w+)\}/g, ':$1')
}
