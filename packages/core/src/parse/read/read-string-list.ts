import type { Located, StringListElement } from '../../model/index.ts'
import type { JsonMember, JsonNode } from '../json/index.ts'
import type { Report } from './report.ts'
import { typeName } from './type-name.ts'

/**
 * The strings of a value that may be one string or an array of strings. An empty array is a
 * warning; items that are not strings are errors and skipped. `undefined` when the value is
 * neither a string nor an array (reported).
 */
export function readStrings(
  node: JsonNode,
  name: string,
  report: Report,
): Located<string>[] | undefined {
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
  if (node.items.length === 0) {
    report(
      'empty-value-list',
      'warning',
      `\`${name}\` is an empty list: it matches nothing`,
      node.range,
    )
  }
  const values: Located<string>[] = []
  for (const item of node.items) {
    if (item.kind === 'string') {
      values.push({ value: item.value, range: item.range })
    } else {
      report(
        'wrong-type',
        'error',
        `items of \`${name}\` must be strings, not ${typeName(item)}`,
        item.range,
      )
    }
  }
  return values
}

/**
 * `Action`, `NotAction`, `Resource` or `NotResource`. A single string and a one-element array
 * are the same list (*IAM JSON policy elements: Action*, *Resource*); the element's range
 * covers the value as written.
 */
export function readStringList<Name extends string>(
  member: JsonMember,
  name: Name,
  report: Report,
): StringListElement<Name> | undefined {
  const values = readStrings(member.value, name, report)
  return values === undefined ? undefined : { element: name, values, range: member.value.range }
}
