import type { JsonNode } from '../json/index.ts'

/** The JSON type of a node as messages name it: `an object`, `a number`, … */
export function typeName(node: JsonNode): string {
  return node.kind === 'object' || node.kind === 'array' ? `an ${node.kind}` : `a ${node.kind}`
}
