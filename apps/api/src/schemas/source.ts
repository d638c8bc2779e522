import { z } from 'zod'

export const positionSchema = z
  .object({
    line: z.int().nonnegative().describe('1-based line; 0 for a value not read from text'),
    column: z.int().nonnegative().describe('1-based column, in UTF-16 code units'),
    offset: z.int().nonnegative().describe('0-based offset from the start of the text'),
  })
  .meta({ id: 'Position', description: 'A place in the policy text.' })

export const sourceRangeSchema = z
  .object({
    start: positionSchema,
    end: positionSchema.describe('just past the last character'),
  })
  .meta({
    id: 'SourceRange',
    description: 'A half-open stretch of the policy text: `start` is the first character.',
  })
