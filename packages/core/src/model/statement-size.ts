import type { Statement } from './policy.ts'

/**
 * How much a statement holds, counted from its elements: what a budget (`Budget`) estimates the
 * cost of a call from, before the call reads the statement.
 */
export interface StatementSize {
  /** Entries of its Action or NotAction. */
  readonly actions: number
  /** Entries of its Resource or NotResource. */
  readonly resources: number
  /** Entries of its Principal or NotPrincipal (`*` counting one). */
  readonly principals: number
  /** `Operator: { key: values }` pairs of its Condition. */
  readonly clauses: number
  /** Values of its Condition, every clause together. */
  readonly conditionValues: number
  /** Policy variables (`${`) in its Resource entries and condition values. */
  readonly variables: number
  /** Characters of every entry, key and value it holds. */
  readonly chars: number
}

function variablesIn(text: string): number {
  let count = 0
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) count++
  return count
}

/** The sizes of a statement's elements, read once. */
export function statementSize(statement: Statement): StatementSize {
  let chars = statement.sid?.value.length ?? 0
  let variables = 0
  const actions = statement.action?.values ?? []
  for (const action of actions) chars += action.value.length
  const resources = statement.resource?.values ?? []
  for (const resource of resources) {
    chars += resource.value.length
    variables += variablesIn(resource.value)
  }
  let principals = 0
  if (statement.principal !== undefined) {
    if (statement.principal.anyone) principals++
    for (const entry of statement.principal.entries) {
      for (const value of entry.values) {
        principals++
        chars += value.value.length
      }
    }
  }
  const clauses = statement.condition?.clauses ?? []
  let conditionValues = 0
  for (const clause of clauses) {
    chars += clause.operator.value.length + clause.key.value.length
    for (const value of clause.values) {
      conditionValues++
      const text = String(value.value)
      chars += text.length
      variables += variablesIn(text)
    }
  }
  return {
    actions: actions.length,
    resources: resources.length,
    principals,
    clauses: clauses.length,
    conditionValues,
    variables,
    chars,
  }
}
