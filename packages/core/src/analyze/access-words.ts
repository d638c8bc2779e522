import type { AuthorizationRequest } from '../authorize/request.ts'
import { splitArn } from '../match/index.ts'

/** What words describe: actions on resources of a type, inside and outside some patterns, under condition values. */
export interface AccessShape {
  readonly actions: readonly string[]
  /** `service:type`, `*` for actions of no resource type, `any` for actions the reference does not list. */
  readonly resourceType: string
  readonly within: readonly string[]
  readonly outside: readonly string[]
  readonly when: readonly Readonly<Record<string, string | readonly string[] | null>>[]
  readonly witness: AuthorizationRequest
}

const shownActions = 4

function code(text: string): string {
  return `\`${text}\``
}

function actionsWords(actions: readonly string[]): string {
  if (actions.length <= shownActions) return actions.map(code).join(', ')
  const shown = actions
    .slice(0, shownActions - 1)
    .map(code)
    .join(', ')
  return `${shown} and ${actions.length - shownActions + 1} more actions`
}

/** Whether a pattern could name resources of a service: its service field is it or a wildcard. */
function concerns(pattern: string, service: string): boolean {
  const parts = splitArn(pattern)
  if (parts === undefined) return true
  return parts.service === service || /[*?]/.test(parts.service)
}

function resourceWords(grant: AccessShape): string {
  if (grant.resourceType === '*') return 'no resource type (`*`)'
  const service = grant.resourceType.split(':')[0] ?? ''
  const within = grant.within.filter((pattern) => pattern !== '*')
  const outside = grant.outside.filter((pattern) => concerns(pattern, service))
  const kind =
    grant.resourceType === 'any' ? 'any resource' : `${code(grant.resourceType)} resources`
  const matching = within.length === 0 ? '' : ` matching ${within.map(code).join(' and ')}`
  const missing = outside.length === 0 ? '' : ` but not ${outside.map(code).join(' or ')}`
  return `${kind}${matching}${missing}`
}

function valueWords(key: string, value: string | readonly string[] | null): string {
  if (value === null) return `${code(key)} not given`
  if (typeof value === 'string') return `${code(key)} = ${code(value)}`
  return `${code(key)} = [${value.map(code).join(', ')}]`
}

/** Condition cases written out; the others are counted. */
const shownCases = 3

function conditionWords(when: AccessShape['when']): string {
  const cases = when
    .slice(0, shownCases)
    .map((values) =>
      Object.entries(values)
        .map(([key, value]) => valueWords(key, value))
        .join(' and '),
    )
    .filter((words) => words !== '')
  const more = when.length - shownCases
  const others = more > 0 ? `; or in ${more} more ${more === 1 ? 'case' : 'cases'}` : ''
  return cases.length === 0 ? '' : ` when ${cases.join('; or when ')}${others}`
}

/** Access in one line: actions, resources and conditions, then the request that shows it. */
export function accessWords(grant: AccessShape): string {
  const resource = grant.witness.resource
  const example = Array.isArray(resource) ? resource.join(', ') : String(resource)
  return `${actionsWords(grant.actions)} on ${resourceWords(grant)}${conditionWords(grant.when)} (for example ${code(grant.witness.action)} on ${code(example)})`
}
