import type { JsonNode } from '../json/index.ts'

/** The JSON type of a node as messages name it: `an object`, `a number`, `null`, … */
export function typeName(node: JsonNode): string {
  if (node.kind === 'null') return 'null'
  return node.kind === 'object' || node.kind === 'array' ? `an ${node.kind}` : `a ${node.kind}`
}
