import type {
  ConditionClause,
  ConditionElement,
  ConditionValue,
  Located,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
  StringListElement,
} from '../model/index.ts'
import { principalTypes } from '../model/index.ts'
import type { JsonMember, JsonNode } from './json/syntax.ts'
import { membersByName, type Report, typeName } from './reader.ts'
import { didYouMean } from './suggest.ts'

/** The strings of a value that may be one string or an array of strings. */
function readStrings(node: JsonNode, name: string, report: Report): Located<string>[] | undefined {
  if (node.kind === 'string') return [{ value: node.value, range: node.range }]
  if (node.kind !== 'array') {
    report(
      'wrong-type',
      'error',
      `\`${name}\` must be a string or an array of strings, not ${typeName(node)}`,
      node.range,
    )
    return undefined
  }
  if (node.items.length === 0)
    report('empty-value-list', 'warning', `\`${name}\` is an empty list`, node.range)
  const values: Located<string>[] = []
  for (const item of node.items) {
    if (item.kind === 'string') values.push({ value: item.value, range: item.range })
    else
      report(
        'wrong-type',
        'error',
        `items of \`${name}\` must be strings, not ${typeName(item)}`,
        item.range,
      )
  }
  return values
}

/**
 * `Action`, `NotAction`, `Resource` or `NotResource`: a single string and a one-element array
 * are the same list (*IAM JSON policy elements: Action*).
 */
export function readStringList<Name extends string>(
  member: JsonMember & { key: Name },
  report: Report,
): StringListElement<Name> | undefined {
  const values = readStrings(member.value, member.key, report)
  return values === undefined
    ? undefined
    : { element: member.key, values, range: member.value.range }
}

/** `"*"` or a map of principal types to one or more identifiers (*IAM JSON policy elements: Principal*). */
export function readPrincipal(
  member: JsonMember & { key: 'Principal' | 'NotPrincipal' },
  report: Report,
): PrincipalElement | undefined {
  const { value } = member
  const base = { element: member.key, range: value.range }
  if (value.kind === 'string') {
    if (value.value === '*') return { ...base, anyone: true, entries: [] }
    report(
      'wrong-type',
      'error',
      `\`${member.key}\` other than \`*\` must be a map such as \`{"AWS": "${value.value}"}\``,
      value.range,
    )
    return undefined
  }
  if (value.kind !== 'object') {
    report(
      'wrong-type',
      'error',
      `\`${member.key}\` must be \`*\` or an object, not ${typeName(value)}`,
      value.range,
    )
    return undefined
  }
  const entries: PrincipalEntry[] = []
  for (const [name, entry] of membersByName(value, report)) {
    if (!(principalTypes as readonly string[]).includes(name)) {
      report(
        'invalid-principal-type',
        'error',
        `unknown principal type \`${name}\`${didYouMean(name, principalTypes)}`,
        entry.keyRange,
      )
      continue
    }
    const values = readStrings(entry.value, `${member.key}.${name}`, report)
    if (values !== undefined) {
      entries.push({ type: { value: name as PrincipalType, range: entry.keyRange }, values })
    }
  }
  return { ...base, anyone: false, entries }
}

function readConditionValue(
  node: JsonNode,
  where: string,
  report: Report,
): Located<ConditionValue> | undefined {
  if (node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean') {
    return { value: node.value, range: node.range }
  }
  report(
    'invalid-condition',
    'error',
    `condition values of ${where} must be strings, numbers or booleans, not ${typeName(node)}`,
    node.range,
  )
  return undefined
}

/** `{ Operator: { key: value | [values] } }`; operators are checked by the validator, not here. */
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
  for (const [operator, operatorMember] of membersByName(value, report)) {
    const keys = operatorMember.value
    if (keys.kind !== 'object') {
      report(
        'invalid-condition',
        'error',
        `\`${operator}\` must map condition keys to values, not be ${typeName(keys)}`,
        keys.range,
      )
      continue
    }
    for (const [key, keyMember] of membersByName(keys, report)) {
      const written = keyMember.value
      const items = written.kind === 'array' ? written.items : [written]
      if (written.kind === 'array' && items.length === 0) {
        report(
          'empty-value-list',
          'warning',
          `\`${key}\` under \`${operator}\` has no values`,
          written.range,
        )
      }
      const values: Located<ConditionValue>[] = []
      for (const item of items) {
        const read = readConditionValue(item, `\`${key}\``, report)
        if (read !== undefined) values.push(read)
      }
      clauses.push({
        operator: { value: operator, range: operatorMember.keyRange },
        key: { value: key, range: keyMember.keyRange },
        values,
        range: { start: keyMember.keyRange.start, end: written.range.end },
      })
    }
  }
  return { clauses, range: value.range }
}
