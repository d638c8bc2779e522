import { z } from 'zod'
import type { Operation, ParametersSchema } from './operation.ts'

/** Path and query schemas of an operation that takes no parameters: anything given is refused. */
export const noParameters = z.strictObject({})

/** An operation with its schema types kept, so that its handler is checked against them. */
export function defineOperation<
  Params extends ParametersSchema,
  Query extends ParametersSchema,
  Body extends z.ZodType,
  Output extends z.ZodType,
>(operation: Operation<Params, Query, Body, Output>): Operation<Params, Query, Body, Output> {
  return operation
}
