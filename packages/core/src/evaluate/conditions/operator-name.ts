import { type ConditionOperator, conditionOperators } from './operators.ts'

export const setQualifiers = ['ForAllValues', 'ForAnyValue'] as const
export type SetQualifier = (typeof setQualifiers)[number]

/** A condition operator as written: an optional set qualifier, the operator, optional `IfExists`. */
export interface OperatorUse {
  readonly written: string
  readonly qualifier?: SetQualifier
  readonly operator: ConditionOperator
  readonly ifExists: boolean
}

/**
 * Reads `ForAnyValue:StringLikeIfExists` and the like. Names are matched exactly, as AWS
 * documents them; an unknown name is undefined, which callers treat as an error.
 */
export function readOperatorName(written: string): OperatorUse | undefined {
  let rest = written
  let qualifier: SetQualifier | undefined
  const colon = rest.indexOf(':')
  if (colon >= 0) {
    const prefix = rest.slice(0, colon)
    if (!(setQualifiers as readonly string[]).includes(prefix)) return undefined
    qualifier = prefix as SetQualifier
    rest = rest.slice(colon + 1)
  }
  const ifExists = rest.endsWith('IfExists')
  const operator = conditionOperators.get(ifExists ? rest.slice(0, -'IfExists'.length) : rest)
  if (operator === undefined) return undefined
  return { written, operator, ifExists, ...(qualifier === undefined ? {} : { qualifier }) }
}
