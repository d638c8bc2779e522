import type {
  ConditionClause,
  ConditionElement,
  ConditionValue,
  Located,
} from '../../model/index.ts'
import type { JsonMember, JsonNode } from '../json/index.ts'
import { show } from '../show.ts'
import { membersByName } from './members-by-name.ts'
import type { Report } from './report.ts'
import { typeName } from './type-name.ts'

function readValue(
  node: JsonNode,
  key: string,
  report: Report,
): Located<ConditionValue> | undefined {
  if (node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean') {
    return { value: node.value, range: node.range }
  }
  report(
    'invalid-condition',
    'error',
    `values of condition key ${show(key)} must be strings, numbers or booleans, not ${typeName(node)}`,
    node.range,
  )
  return undefined
}

function readClause(operator: JsonMember, key: JsonMember, report: Report): ConditionClause {
  const written = key.value
  const items = written.kind === 'array' ? written.items : [written]
  if (written.kind === 'array' && items.length === 0) {
    report(
      'empty-value-list',
      'warning',
      `condition key ${show(key.key)} under ${show(operator.key)} has no values`,
      written.range,
    )
  }
  const values: Located<ConditionValue>[] = []
  for (const item of items) {
    const value = readValue(item, key.key, report)
    if (value !== undefined) values.push(value)
  }
  return {
    operator: { value: operator.key, range: operator.keyRange },
    key: { value: key.key, range: key.keyRange },
    values,
    range: { start: key.keyRange.start, end: written.range.end },
  }
}

/**
 * `Condition`: a map from operators to maps from condition keys to one value or a list of them,
 * each (operator, key) pair a clause (*IAM JSON policy elements: Condition*). Values keep their
 * JSON type: IAM accepts numbers and booleans unquoted. Operators and keys are not checked here:
 * that is the validator's work.
 */
export function readCondition(member: JsonMember, report: Report): ConditionElement | undefined {
  const { value } = member
  if (value.kind !== 'object') {
    report(
      'wrong-type',
      'error',
      `\`Condition\` must be an object, not ${typeName(value)}`,
      value.range,
    )
    return undefined
  }
  const clauses: ConditionClause[] = []
  for (const operator of membersByName(value).values()) {
    const keys = operator.value
    if (keys.kind !== 'object') {
      report(
        'invalid-condition',
        'error',
        `condition operator ${show(operator.key)} must map condition keys to values, not be ${typeName(keys)}`,
        keys.range,
      )
      continue
    }
    if (keys.members.length === 0) {
      report(
        'empty-value-list',
        'warning',
        `condition operator ${show(operator.key)} has no condition keys`,
        keys.range,
      )
    }
    for (const key of membersByName(keys).values()) clauses.push(readClause(operator, key, report))
  }
  return { clauses, range: value.range }
}
