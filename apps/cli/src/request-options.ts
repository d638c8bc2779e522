import type { AuthorizationRequest } from '@connect-policy/core'
import { UsageError } from './command.ts'
import type { InputText } from './read-input.ts'

/** The context as the request takes it: one string per single-valued key, a list for the others. */
export type ContextValues = Record<string, string | string[]>

/**
 * Reads `--context key=value` options. A key given once holds one value; a key given several
 * times, or written `key[]=value`, is multi-valued and holds every value in order (`key[]=`
 * alone gives it no values). Everything after the first `=` is the value, `=` included.
 */
export function readContextOptions(options: readonly string[]): ContextValues {
  const lists = new Map<string, { values: string[]; multiValued: boolean }>()
  for (const option of options) {
    const equals = option.indexOf('=')
    if (equals <= 0) {
      throw new UsageError(`\`--context\` takes \`key=value\`, not \`${option}\``)
    }
    const written = option.slice(0, equals)
    const multiValued = written.endsWith('[]')
    const key = multiValued ? written.slice(0, -2) : written
    if (key === '') throw new UsageError(`\`--context\` takes \`key=value\`, not \`${option}\``)
    const value = option.slice(equals + 1)
    const entry = lists.get(key) ?? { values: [], multiValued: false }
    if (!(multiValued && value === '')) entry.values.push(value)
    entry.multiValued ||= multiValued || entry.values.length > 1
    lists.set(key, entry)
  }
  const context: ContextValues = {}
  for (const [key, { values, multiValued }] of lists) {
    context[key] = multiValued ? values : (values[0] ?? '')
  }
  return context
}

/** `--time`: whole seconds since the epoch as a number, anything else as text for the evaluator to read. */
export function readTimeOption(value: string): string | number {
  return /^\d+$/.test(value) ? Number(value) : value
}

const requestFields = ['action', 'resource', 'principal', 'context', 'time'] as const

function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.charAt(0).toLowerCase() + message.slice(1)
}

/**
 * A request file: a JSON object with `action`, `resource`, and optionally `principal`,
 * `context` and `time`, as `@connect-policy/core` takes them. Unknown fields are refused, so that
 * a misspelt `contxt` is not silently ignored; the evaluator checks the fields' values.
 */
export function readRequestFile(input: InputText): AuthorizationRequest {
  let parsed: unknown
  try {
    parsed = JSON.parse(input.text)
  } catch (error) {
    throw new UsageError(`the request in \`${input.name}\` is not JSON: ${jsonProblem(error)}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`the request in \`${input.name}\` must be a JSON object`)
  }
  const unknown = Object.keys(parsed).filter(
    (key) => !(requestFields as readonly string[]).includes(key),
  )
  if (unknown.length > 0) {
    throw new UsageError(
      `the request in \`${input.name}\` has unknown fields ${unknown.map((key) => `\`${key}\``).join(', ')}: it may have ${requestFields.map((key) => `\`${key}\``).join(', ')}`,
    )
  }
  // the evaluator checks every field's type and reports what is wrong; the CLI only refuses
  // fields it would ignore
  return parsed as AuthorizationRequest
}
