import type { Statement } from '../model/index.ts'
import { readOperatorName } from './conditions/index.ts'
import { parseResourceTemplate, parseTemplate } from './policy-variable.ts'

function addVariables(keys: Set<string>, value: string, resource = false): void {
  if (!value.includes('${')) return
  for (const part of (resource ? parseResourceTemplate(value) : parseTemplate(value)).parts) {
    if (part.kind === 'variable') keys.add(part.key.toLowerCase())
  }
}

/**
 * The context keys a statement reads, by lower-case name: the keys of its Condition and, under
 * Version 2012-10-17, the keys of the policy variables in its Resource and in the values of its
 * String and ARN conditions.
 */
export function keysReadBy(statement: Statement, variablesEnabled: boolean): ReadonlySet<string> {
  const keys = new Set<string>()
  for (const clause of statement.condition?.clauses ?? []) {
    keys.add(clause.key.value.toLowerCase())
    if (!variablesEnabled || readOperatorName(clause.operator.value)?.operator.variables !== true) {
      continue
    }
    for (const value of clause.values) {
      if (typeof value.value === 'string') addVariables(keys, value.value)
    }
  }
  if (variablesEnabled) {
    for (const value of statement.resource?.values ?? []) addVariables(keys, value.value, true)
  }
  return keys
}
