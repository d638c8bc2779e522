import type { JsonValue } from '../../model/index.ts'
import type { JsonNode } from './syntax.ts'

/**
 * The plain value of a node. Objects are built without a prototype and with defined
 * properties, so that keys such as `__proto__` stay ordinary data. For a repeated key the last
 * value wins, as with `JSON.parse`.
 */
export function toJsonValue(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, JsonValue> = Object.create(null)
      for (const member of node.members) {
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
