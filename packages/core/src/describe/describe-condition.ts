import { readOperatorName } from '../evaluate/index.ts'
import type { ConditionClause, ConditionValue } from '../model/index.ts'
import { joinWords, quote } from './words.ts'

/** How a comparison reads with one policy value and with several. */
interface Phrase {
  readonly one: string
  readonly many: string
}

const phrase = (one: string, many = `${one} one of`): Phrase => ({ one, many })

const is = phrase('is')
const isNot = phrase('is not', 'is none of')
const matches = phrase('matches')
const doesNotMatch = phrase('does not match', 'matches none of')

/** Every operator of *IAM JSON policy elements: Condition operators*, as words. */
const phrases: Readonly<Record<string, Phrase>> = {
  StringEquals: is,
  StringNotEquals: isNot,
  StringEqualsIgnoreCase: phrase('is, ignoring case,'),
  StringNotEqualsIgnoreCase: phrase('is not, ignoring case,', 'is, ignoring case, none of'),
  StringLike: matches,
  StringNotLike: doesNotMatch,
  NumericEquals: phrase('equals'),
  NumericNotEquals: phrase('does not equal', 'equals none of'),
  NumericLessThan: phrase('is less than'),
  NumericLessThanEquals: phrase('is at most'),
  NumericGreaterThan: phrase('is greater than'),
  NumericGreaterThanEquals: phrase('is at least'),
  DateEquals: is,
  DateNotEquals: isNot,
  DateLessThan: phrase('is before'),
  DateLessThanEquals: phrase('is at or before'),
  DateGreaterThan: phrase('is after'),
  DateGreaterThanEquals: phrase('is at or after'),
  Bool: is,
  BinaryEquals: phrase('equals (base64)'),
  IpAddress: phrase('is in', 'is in one of'),
  NotIpAddress: phrase('is not in', 'is in none of'),
  ArnEquals: matches,
  ArnLike: matches,
  ArnNotEquals: doesNotMatch,
  ArnNotLike: doesNotMatch,
}

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
  const words = phrases[use.operator.name] ?? phrase(quote(use.operator.name))
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
