import type {
  ConditionElement,
  ConditionValue,
  Located,
  PolicyDocument,
  PrincipalElement,
  Statement,
  UnknownElement,
} from '../model/index.ts'
import { type OrderedJson, orderedFrom, writeJson } from './write-json.ts'

type Entry = readonly [string, OrderedJson | undefined]

/** An object of the entries that have a value, in the order given. */
function objectOf(entries: readonly Entry[]): OrderedJson {
  return {
    entries: entries.filter(
      (entry): entry is readonly [string, OrderedJson] => entry[1] !== undefined,
    ),
  }
}

/** One value as a single string, several as an array: the form IAM itself uses. */
function oneOrMany<T extends ConditionValue>(values: readonly Located<T>[]): OrderedJson {
  return values.length === 1 ? (values[0] as Located<T>).value : values.map((value) => value.value)
}

function principalValue(principal: PrincipalElement): OrderedJson {
  if (principal.anyone) return '*'
  return objectOf(principal.entries.map((entry) => [entry.type.value, oneOrMany(entry.values)]))
}

/** Clauses grouped under their operator, operators in first-seen order. */
function conditionValue(condition: ConditionElement): OrderedJson {
  const operators = new Map<string, Entry[]>()
  for (const clause of condition.clauses) {
    const keys = operators.get(clause.operator.value) ?? []
    keys.push([clause.key.value, oneOrMany(clause.values)])
    operators.set(clause.operator.value, keys)
  }
  return objectOf([...operators].map(([operator, keys]) => [operator, objectOf(keys)]))
}

function unknown(elements: readonly UnknownElement[]): Entry[] {
  return elements.map((element) => [element.key.value, orderedFrom(element.value)])
}

function statementValue(statement: Statement): OrderedJson {
  const { sid, effect, principal, action, resource, condition } = statement
  return objectOf([
    ['Sid', sid?.value],
    ['Effect', effect?.value],
    [principal?.element ?? 'Principal', principal && principalValue(principal)],
    [action?.element ?? 'Action', action && oneOrMany(action.values)],
    [resource?.element ?? 'Resource', resource && oneOrMany(resource.values)],
    ['Condition', condition && conditionValue(condition)],
    ...unknown(statement.unknownElements),
  ])
}

/**
 * Writes a policy as canonical JSON: two-space indentation, elements in the order of the IAM
 * grammar (`Version`, `Id`, `Statement`; `Sid`, `Effect`, `Principal`, `Action`, `Resource`,
 * `Condition`), `Statement` always a list, one-value lists as a plain value, unknown elements
 * kept after the known ones, every other key in the order it was written.
 */
export function printPolicy(policy: PolicyDocument): string {
  return writeJson(
    objectOf([
      ['Version', policy.version?.value],
      ['Id', policy.id?.value],
      ['Statement', policy.statements.map(statementValue)],
      ...unknown(policy.unknownElements),
    ]),
  )
}
