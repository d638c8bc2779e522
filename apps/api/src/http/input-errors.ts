import type { z } from 'zod'
import type { FieldError } from '../problem/problem.ts'
import { jsonPointer } from './json-limits.ts'

const expectedWords: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a boolean',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  null: 'null',
}

function sizeWords(origin: string, bound: number | bigint, side: 'most' | 'least'): string {
  if (origin === 'string') return `must be at ${side} ${bound} characters long`
  if (origin === 'array' || origin === 'set') return `must have at ${side} ${bound} items`
  if (origin === 'object') return `must have at ${side} ${bound} members`
  return `must be at ${side} ${bound}`
}

/**
 * Messages for zod's own issues in the API's words (lowercase, values in backticks). Messages a
 * schema sets itself take precedence over these.
 */
export const inputErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `must be ${expectedWords[issue.expected] ?? issue.expected}`
    case 'too_big':
      return sizeWords(issue.origin, issue.maximum, 'most')
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'must not be empty'
        : sizeWords(issue.origin, issue.minimum, 'least')
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`
    case 'invalid_union':
      return issue.input === undefined ? 'is required' : 'does not match any accepted form'
    case 'invalid_format':
      return 'is not in the expected format'
    default:
      return undefined
  }
}

type PathToken = string | number

/**
 * The one form of a union whose type the value has (an object, when the forms are a string and
 * objects), so that its own errors are reported rather than a bare "matches no form".
 */
function formOfSameType(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): readonly z.core.$ZodIssue[] | undefined {
  const sameType = branches.filter(
    (branch) => !branch.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0),
  )
  return sameType.length === 1 ? sameType[0] : undefined
}

/** Field errors for zod issues, each with the JSON pointer of its field; unknown keys one each. */
export function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  where: FieldError['in'],
  prefix: readonly PathToken[] = [],
): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = [
      ...prefix,
      ...issue.path.map((token) => (typeof token === 'symbol' ? String(token) : token)),
    ]
    if (issue.code === 'invalid_union') {
      const form = formOfSameType(issue.errors)
      if (form !== undefined) return fieldErrors(form, where, path)
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: where,
        pointer: jsonPointer([...path, key]),
        detail: 'is not a known field',
      }))
    }
    return [{ in: where, pointer: jsonPointer(path), detail: issue.message }]
  })
}
