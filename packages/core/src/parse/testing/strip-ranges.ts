import type {
  ConditionElement,
  JsonValue,
  Located,
  PolicyDocument,
  PrincipalElement,
  Statement,
  StringListElement,
  UnknownElement,
} from '../../model/index.ts'

/** A plain copy of JSON data: objects get an ordinary prototype, with `__proto__` kept as data. */
function plainJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(plainJson)
  const object = value as { readonly [key: string]: JsonValue }
  const copy = {}
  for (const key of Object.keys(object)) {
    Object.defineProperty(copy, key, {
      value: plainJson(object[key] as JsonValue),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

const values = <T>(list: readonly Located<T>[]) => list.map(({ value }) => value)

function stringList(element: StringListElement<string>) {
  return { element: element.element, values: values(element.values) }
}

function principal(element: PrincipalElement) {
  return {
    element: element.element,
    anyone: element.anyone,
    entries: element.entries.map((entry) => ({
      type: entry.type.value,
      values: values(entry.values),
    })),
  }
}

function condition(element: ConditionElement) {
  return element.clauses.map((clause) => ({
    operator: clause.operator.value,
    key: clause.key.value,
    values: values(clause.values),
  }))
}

function unknown(elements: readonly UnknownElement[]) {
  return elements.map((element) => ({ key: element.key.value, value: plainJson(element.value) }))
}

/** Present properties only, so that an absent element and `undefined` compare alike. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined))
}

function statement(written: Statement) {
  return defined({
    sid: written.sid?.value,
    effect: written.effect?.value,
    principal: written.principal && principal(written.principal),
    action: written.action && stringList(written.action),
    resource: written.resource && stringList(written.resource),
    condition: written.condition && condition(written.condition),
    unknownElements: unknown(written.unknownElements),
  })
}

/**
 * The policy's content without source ranges, to compare policies read from different texts or
 * built in code. Unknown elements' values are copied as data (a key named `range` in them is
 * kept; `__proto__` stays an own property).
 */
export function stripRanges(policy: PolicyDocument | undefined): unknown {
  if (policy === undefined) return undefined
  return defined({
    version: policy.version?.value,
    id: policy.id?.value,
    statements: policy.statements.map(statement),
    unknownElements: unknown(policy.unknownElements),
  })
}
