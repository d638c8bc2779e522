/**
 * The ARN path segments of Amazon Connect resources whose identifiers are UUIDs, as the
 * Amazon Connect API reference describes each `...Id` (instance, user, security profile, ...).
 */
const uuidSegments = new Set([
  'instance',
  'agent',
  'agent-group',
  'agent-state',
  'contact',
  'contact-flow',
  'evaluation-form',
  'flow-module',
  'operating-hours',
  'phone-number',
  'prompt',
  'queue',
  'routing-profile',
  'security-profile',
  'task-template',
  'transfer-destination',
])

/** Whether an Amazon Connect ARN's path segment (`queue`) is followed by a UUID. */
export function isUuidSegment(segment: string): boolean {
  return uuidSegments.has(segment)
}

const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const groupLengths = [8, 4, 4, 4, 12]

/** An identifier of an Amazon Connect ARN, with where it starts in the resource part. */
export interface ConnectIdentifier {
  readonly segment: string
  readonly id: string
  readonly start: number
}

/** The identifiers of a Connect resource part (`instance/<id>/queue/<id>`) that should be UUIDs. */
export function connectIdentifiers(resource: string): ConnectIdentifier[] {
  const found: ConnectIdentifier[] = []
  const pieces = resource.split('/')
  let position = 0
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] ?? ''
    const next = pieces[index + 1]
    if (uuidSegments.has(piece) && next !== undefined) {
      const id = next.split(':')[0] ?? ''
      found.push({ segment: piece, id, start: position + piece.length + 1 })
      position += piece.length + 1 + next.length + 1
      index++
      continue
    }
    position += piece.length + 1
  }
  return found
}

/** What is wrong with an identifier that should be a UUID, or undefined when it is one. */
export function uuidProblem(id: string): string | undefined {
  if (uuid.test(id)) return undefined
  const groups = id.split('-')
  if (groups.length !== 5) {
    return `it has ${groups.length} ${groups.length === 1 ? 'group' : 'groups'} of characters, not 5`
  }
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index] ?? ''
    const expected = groupLengths[index] ?? 0
    if (group.length !== expected) {
      return `group ${index + 1} has ${group.length} characters, not ${expected}`
    }
    const bad = /[^0-9a-fA-F]/.exec(group)
    if (bad !== null) return `\`${bad[0]}\` is not a hexadecimal digit`
  }
  return 'it is not a UUID'
}
