import type { JsonMember, JsonObject } from '../json/index.ts'

/**
 * An object's members by name, the first of a repeated name winning, as the policy model keeps
 * it; `reportDuplicateKeys` reports the others. A `Map`, so that any name is plain data.
 */
export function membersByName(object: JsonObject): Map<string, JsonMember> {
  const members = new Map<string, JsonMember>()
  for (const member of object.members) {
    if (!members.has(member.key)) members.set(member.key, member)
  }
  return members
}
