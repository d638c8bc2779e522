import { Ajv } from 'ajv'
import schema from '../format/sarif-2.1.0-subset.schema.json' with { type: 'json' }

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

/** Validates a SARIF log against the subset of SARIF 2.1.0 the CLI writes; errors as text. */
export function sarifProblems(log: unknown): string[] {
  if (validate(log)) return []
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`)
}
