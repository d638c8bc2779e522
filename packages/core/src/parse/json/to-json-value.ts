import type { JsonValue } from '../../model/index.ts'
import type { JsonNode } from './syntax.ts'

/**
 * The plain value of a node, for data the policy model keeps as written (unknown elements).
 * Objects have no prototype and their properties are defined, not assigned, so that names such
 * as `__proto__` or `constructor` stay ordinary data. Of a repeated name the first value is
 * kept, as the policy reader does (the repetition is reported there). Recursion is bounded by
 * the parser's nesting limit.
 */
export function toJsonValue(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, JsonValue> = Object.create(null)
      for (const member of node.members) {
        if (Object.hasOwn(result, member.key)) continue
        Object.defineProperty(result, member.key, {
          value: toJsonValue(member.value),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return result
    }
    case 'array':
      return node.items.map(toJsonValue)
    case 'null':
      return null
    default:
      return node.value
  }
}
