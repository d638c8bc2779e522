import { z } from 'zod'
import { evaluationErrorSchema } from './evaluation.ts'

export const fieldErrorSchema = z
  .object({
    in: z.enum(['body', 'query', 'path']),
    pointer: z.string().describe('JSON pointer (RFC 6901) to the field; empty for the whole part'),
    detail: z.string(),
  })
  .meta({ id: 'FieldError', description: 'One bad field of a request.' })

export const problemSchema = z
  .object({
    type: z
      .string()
      .describe('a stable reference to the problem type, such as `/problems/invalid-request`'),
    title: z.string().describe('the same for every occurrence of the type'),
    status: z.int(),
    detail: z.string().describe('what went wrong this time'),
    errors: z.array(fieldErrorSchema).optional().describe('for `invalid-request`: each bad field'),
    evaluationErrors: z
      .array(evaluationErrorSchema)
      .optional()
      .describe('for `invalid-policy-set` and `invalid-authorization-request`'),
    overBudget: z
      .object({ limit: z.string(), estimated: z.number(), allowed: z.number() })
      .optional()
      .describe(
        'for `batch-over-budget`: the setting the batch would pass (`BATCH_MAX_STEPS`), its estimate and what the setting allows',
      ),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem details object.' })
