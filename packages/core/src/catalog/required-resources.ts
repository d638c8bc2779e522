import type { CatalogAction, CatalogResourceType } from './create-catalog.ts'
import { replaceVariables } from './variable-spans.ts'

/** The last fixed word of a type's ARNs (`view` for `.../view/${ViewId}:${ViewQualifier}`). */
function pathWord(type: CatalogResourceType): string {
  const text = type.arnFormats[0]?.source.split(':').slice(5).join(':') ?? type.name
  const words = replaceVariables(text, '')
    .split(/[/:]/)
    .filter((word) => /[a-z]/.test(word))
  return words.at(-1) ?? type.name
}

/** The name of the last variable of a type's ARNs (`UserId` for `.../agent/${UserId}`). */
function lastVariable(type: CatalogResourceType): string | undefined {
  const resource = type.arnFormats[0]?.fields[4] ?? []
  return resource.findLast((token) => token.kind === 'variable')?.name
}

/** Marks by which two required types of one action are forms of one resource, not two. */
function formMarks(type: CatalogResourceType): string[] {
  const variable = lastVariable(type)
  return [
    `word:${pathWord(type)}`,
    // Elastic Load Balancing's `listener` is listed as `listener/app`, `listener/net`, ...
    `name:${type.name.split('/')[0]}`,
    // Amazon Bedrock lists foundation-model, inference-profile, ... for the one model an
    // invocation names: their ARNs all end in the same `${ResourceId}`
    ...(variable === undefined ? [] : [`variable:${variable}`]),
  ]
}

/** Each action's groups, worked out once: the validator asks for them on every validation. */
const groupsOf = new WeakMap<CatalogAction, readonly (readonly CatalogResourceType[])[]>()

/**
 * The required resource types of an action, grouped where they are forms of one resource: the
 * reference marks both `aws-managed-view` and `qualified-aws-managed-view` required for
 * `connect:DescribeView`, where a request names one or the other. Types sharing a mark are
 * one group, transitively; a request names one type of each group.
 */
export function requiredResourceGroups(action: CatalogAction): CatalogResourceType[][] {
  let groups = groupsOf.get(action)
  if (groups === undefined) {
    groups = findGroups(action)
    groupsOf.set(action, groups)
  }
  // a copy, so that a caller changing its answer does not change the next one
  return groups.map((group) => [...group])
}

function findGroups(action: CatalogAction): CatalogResourceType[][] {
  // tagging APIs take the one resource whose tags they touch, of any taggable type
  if (action.accessLevels.includes('Tagging') || /^(Tag|Untag|ListTags)/.test(action.name)) {
    const types = action.resourceTypes.filter(({ required }) => required).map(({ type }) => type)
    return types.length === 0 ? [] : [types]
  }
  const groups: { marks: Set<string>; types: CatalogResourceType[] }[] = []
  for (const { type, required } of action.resourceTypes) {
    if (!required) continue
    const marks = formMarks(type)
    const joined = groups.filter((group) => marks.some((mark) => group.marks.has(mark)))
    const merged = {
      marks: new Set([...marks, ...joined.flatMap((group) => [...group.marks])]),
      types: [...joined.flatMap((group) => group.types), type],
    }
    for (const group of joined) groups.splice(groups.indexOf(group), 1)
    groups.push(merged)
  }
  return groups.map((group) => group.types)
}

/**
 * Whether AWS documents that an action's required resource types are all authorized at once.
 * The Amazon Connect Administrator Guide does (`connect:CreateUser` is denied by a Deny on its
 * security profile); elsewhere the reference often lists alternatives as required (the one model
 * of `bedrock:InvokeModel` as foundation-model, inference-profile, ...), so a missing type is
 * only a suggestion there.
 */
export function multiResourceDocumented(action: CatalogAction): boolean {
  return action.service === 'connect'
}
