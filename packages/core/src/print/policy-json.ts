import type {
  ConditionElement,
  ConditionValue,
  Located,
  PolicyDocument,
  PrincipalElement,
  Statement,
  UnknownElement,
} from '../model/index.ts'
import { type OrderedJson, orderedFrom } from './ordered-json.ts'

type Entry = readonly [string, OrderedJson | undefined]

/** An object of the entries that have a value, in the order given. */
function objectOf(entries: readonly Entry[]): OrderedJson {
  return {
    entries: entries.filter(
      (entry): entry is readonly [string, OrderedJson] => entry[1] !== undefined,
    ),
  }
}

/** One value as a plain value, none or several as an array: the form IAM itself uses. */
function oneOrMany(values: readonly Located<ConditionValue>[]): OrderedJson {
  const [first] = values
  return values.length === 1 && first !== undefined ? first.value : values.map(({ value }) => value)
}

function principalJson(principal: PrincipalElement): OrderedJson {
  if (principal.anyone) return '*'
  return objectOf(principal.entries.map((entry) => [entry.type.value, oneOrMany(entry.values)]))
}

/** Clauses grouped under their operator, operators in first-seen order. */
function conditionJson(condition: ConditionElement): OrderedJson {
  const operators = new Map<string, Entry[]>()
  for (const clause of condition.clauses) {
    const keys = operators.get(clause.operator.value) ?? []
    keys.push([clause.key.value, oneOrMany(clause.values)])
    operators.set(clause.operator.value, keys)
  }
  return objectOf([...operators].map(([operator, keys]) => [operator, objectOf(keys)]))
}

function unknownEntries(elements: readonly UnknownElement[]): Entry[] {
  return elements.map((element) => [element.key.value, orderedFrom(element.value)])
}

function statementJson(statement: Statement): OrderedJson {
  const { sid, effect, principal, action, resource, condition } = statement
  return objectOf([
    ['Sid', sid?.value],
    ['Effect', effect?.value],
    [principal?.element ?? 'Principal', principal && principalJson(principal)],
    [action?.element ?? 'Action', action && oneOrMany(action.values)],
    [resource?.element ?? 'Resource', resource && oneOrMany(resource.values)],
    ['Condition', condition && conditionJson(condition)],
    ...unknownEntries(statement.unknownElements),
  ])
}

/**
 * A policy as the JSON its canonical text holds: elements in the order of the IAM grammar
 * (`Version`, `Id`, `Statement`; `Sid`, `Effect`, `Principal`, `Action`, `Resource`,
 * `Condition`), then unknown elements in their order; `Statement` always a list; one-value
 * lists as a plain value; `anyone` as `"*"`.
 */
export function policyJson(policy: PolicyDocument): OrderedJson {
  return objectOf([
    ['Version', policy.version?.value],
    ['Id', policy.id?.value],
    ['Statement', policy.statements.map(statementJson)],
    ...unknownEntries(policy.unknownElements),
  ])
}
