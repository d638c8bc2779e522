import type { JsonNode } from '../json/index.ts'
import { show } from '../show.ts'
import type { Report } from './report.ts'

function isContainer(node: JsonNode): boolean {
  return node.kind === 'object' || node.kind === 'array'
}

/**
 * Reports every repeated name in every object of the document, at the repetition. IAM rejects
 * a policy that repeats an element; the model keeps the first value, so the message says so.
 * Walks the containers with its own stack (no recursion), in linear time.
 */
export function reportDuplicateKeys(root: JsonNode, report: Report): void {
  const pending: JsonNode[] = [root]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.kind === 'array') {
      for (const item of node.items) if (isContainer(item)) pending.push(item)
    } else if (node.kind === 'object') {
      const { members } = node
      // Most objects have a few members: a scan is cheaper than a set for them.
      const seen = members.length > 8 ? new Set<string>() : undefined
      members.forEach((member, index) => {
        const repeated =
          seen === undefined
            ? members.findIndex(({ key }) => key === member.key) < index
            : seen.has(member.key)
        if (repeated) {
          report(
            'duplicate-key',
            'error',
            `duplicate key ${show(member.key)}: the first value is kept and this one is ignored`,
            member.keyRange,
          )
        }
        seen?.add(member.key)
        if (isContainer(member.value)) pending.push(member.value)
      })
    }
  }
}
