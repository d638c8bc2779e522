import { readOperatorName } from '../evaluate/index.ts'
import type { ConditionClause, ConditionValue } from '../model/index.ts'
import { joinWords, quote } from './words.ts'

function valueText(value: ConditionValue): string {
  return quote(String(value))
}

/**
 * One `Operator: { key: values }` clause of a Condition in words, such as
 * ```aws:ResourceTag/Team` is one of `a`, `b` ``. An operator AWS does not know is quoted as written.
 */
export function describeCondition(clause: ConditionClause): string {
  const key = quote(clause.key.value)
  const values = clause.values.map((value) => value.value)
  const use = readOperatorName(clause.operator.value)
  if (use === undefined) {
    return `${key} ${quote(clause.operator.value)} ${joinWords(values.map(valueText), 'or')}`
  }
  if (use.operator.name === 'Null') {
    const absent = values.some((value) => String(value).toLowerCase() === 'true')
    if (use.qualifier === 'ForAllValues')
      return `${key} is anything (\`ForAllValues:Null\` always holds)`
    if (use.qualifier === 'ForAnyValue') return `never (\`ForAnyValue:Null\` never holds)`
    return `${key} is ${absent ? 'absent' : 'present'}`
  }
  const { words } = use.operator
  const comparison = `${values.length === 1 ? words.one : words.many} ${values.map(valueText).join(', ')}`
  let text: string
  if (use.qualifier === 'ForAllValues') {
    text = `every value of ${key} ${comparison} (or it has none)`
  } else if (use.qualifier === 'ForAnyValue') {
    text = `some value of ${key} ${comparison}`
  } else {
    text = `${key} ${comparison}`
  }
  return use.ifExists ? `${text}, where the request has ${key}` : text
}
