import {
  budgetLimits,
  diagnosticCodes,
  diagnosticSeverities,
  findingSeverities,
  unknownFindingCode,
} from '@connect-policy/core'
import { z } from 'zod'
import { sourceRangeSchema } from './source.ts'

export const textEditSchema = z
  .object({
    title: z.string().describe('what the edit does'),
    range: sourceRangeSchema.describe('the text to replace; empty to insert'),
    newText: z.string(),
  })
  .meta({ id: 'TextEdit', description: 'A change to the policy text that resolves a finding.' })

export const overBudgetSchema = z
  .object({
    limit: z.enum(budgetLimits).describe('the limit of the budget the call would pass'),
    estimated: z.number().describe('what the call was estimated at, before any of the work'),
    allowed: z.number().describe('what the budget allows'),
  })
  .meta({
    id: 'OverBudget',
    description: 'Why a call was refused before any of its work: its estimate passes its budget.',
  })

export const findingSchema = z
  .object({
    code: z.string().describe('a stable kebab-case code that `suppress` accepts'),
    severity: z.enum(findingSeverities),
    message: z.string(),
    range: sourceRangeSchema,
    fix: textEditSchema.optional(),
    overBudget: overBudgetSchema
      .optional()
      .describe('for `over-budget`: the limit the validation would pass; nothing was checked'),
    omittedFindings: z
      .int()
      .positive()
      .optional()
      .describe('for `findings-omitted`: how many findings were left out'),
  })
  .meta({
    id: 'Finding',
    description: 'Something the validator has to say about a policy, with where it is.',
  })

export const diagnosticSchema = z
  .object({
    code: z.enum(diagnosticCodes),
    severity: z.enum(diagnosticSeverities),
    message: z.string(),
    range: sourceRangeSchema,
  })
  .meta({ id: 'Diagnostic', description: 'A problem the parser found in a policy text.' })

const findingCode = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Finding codes not to report, as the command line takes them: a code the validator never
 * reports is refused, with the code likely meant.
 */
export const suppressSchema = z
  .array(
    z
      .string()
      .max(64)
      .regex(findingCode, { error: 'must be a kebab-case finding code' })
      .superRefine((code, context) => {
        const unknown = unknownFindingCode(code)
        if (unknown !== undefined) context.addIssue({ code: 'custom', message: unknown })
      }),
  )
  .max(100)
