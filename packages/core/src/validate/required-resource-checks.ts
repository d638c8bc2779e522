import type { CatalogAction, CatalogResourceType } from '../catalog/index.ts'
import { overlapsResourceType } from '../catalog/index.ts'
import type { CheckContext, StatementFacts } from './check-context.ts'

/** The last fixed word of a type's ARNs (`view` for `.../view/${ViewId}:${ViewQualifier}`). */
function pathWord(type: CatalogResourceType): string {
  const text = type.arnFormats[0]?.source.split(':').slice(5).join(':') ?? type.name
  const words = text
    .replace(/\$\{[^}]*\}/g, '')
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

/**
 * The required resource types of an action, grouped where they are forms of one resource: the
 * reference marks both `aws-managed-view` and `qualified-aws-managed-view` required for
 * `connect:DescribeView`, where a request names one or the other. Types sharing a mark are
 * one group, transitively; a request names one type of each group.
 */
function requiredGroups(action: CatalogAction): CatalogResourceType[][] {
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
function multiResourceDocumented(action: CatalogAction): boolean {
  return action.service === 'connect'
}

function allowsWithoutLimit(facts: StatementFacts): boolean {
  return (
    facts.notResource ||
    facts.knownActions === undefined ||
    facts.resources.some(
      (resource) => /^\*+$/.test(resource.value) || resource.value.includes('${'),
    )
  )
}

/**
 * The required resource types of an action that no Allow naming the action names, as
 * `type or type` groups; undefined when the action is not reached at all, or may be allowed on
 * anything by a statement without limits.
 */
function missingTypes(
  context: CheckContext,
  allows: readonly StatementFacts[],
  action: CatalogAction,
): string[] | undefined {
  const { catalog } = context
  if (catalog === undefined || action.resourceTypes.length < 2) return undefined
  const statements = allows.filter((other) => other.knownActionSet?.has(action))
  if (statements.some(allowsWithoutLimit)) return undefined
  const reached = statements.some((other) =>
    other.resources.some((resource) => catalog.actionReaches(action, resource.value)),
  )
  if (!reached) return undefined
  const named = (type: CatalogResourceType) =>
    statements.some((other) =>
      other.resources.some((resource) => overlapsResourceType(resource.value, type)),
    )
  const missing = requiredGroups(action)
    .filter((group) => !group.some(named))
    .map((group) => group.map((type) => `\`${type.name}\``).join(' or '))
  return missing.length === 0 ? undefined : missing
}

/**
 * An action authorized against several resources at once (`connect:CreateUser` against the new
 * user, its security profiles and its routing profile) is allowed only if every one of them is
 * (*Service Authorization Reference*: resource types marked required). Across the policy's Allow
 * statements, finds required resource types of an allowed action that no Allow names: a
 * warning per action named exactly, one suggestion per wildcard action, which is often broad on
 * purpose.
 */
export function checkRequiredResources(context: CheckContext): void {
  if (context.catalog === undefined) return
  const allows = context.statements.filter((facts) => facts.effect === 'Allow')
  // an Allow with NotAction may cover anything
  if (allows.some((facts) => facts.statement.action?.element === 'NotAction')) return
  const reported = new Set<CatalogAction>()
  for (const facts of allows) {
    if (allowsWithoutLimit(facts)) continue
    for (const entry of facts.actionEntries) {
      const actions = (entry.actions ?? []).filter((action) => !reported.has(action))
      const lacking = actions.flatMap((action) => {
        const missing = missingTypes(context, allows, action)
        return missing === undefined ? [] : [{ action, missing }]
      })
      for (const { action } of lacking) reported.add(action)
      if (!/[*?]/.test(entry.value.value)) {
        for (const { action, missing } of lacking) {
          context.report(
            'missing-required-resource',
            multiResourceDocumented(action) ? 'warning' : 'suggestion',
            `\`${action.fullName}\` is authorized against ${missing.join(' and ')} as well, which no Allow of this policy names for it: without that, the action stays denied`,
            entry.value.range,
          )
        }
      } else if (lacking.length > 0) {
        const types = [...new Set(lacking.flatMap(({ missing }) => missing))]
        const names = lacking.map(({ action }) => `\`${action.name}\``)
        context.report(
          'missing-required-resource',
          'suggestion',
          `${lacking.length} of the actions \`${entry.value.value}\` names are also authorized against ${types.slice(0, 4).join(', ')}${types.length > 4 ? ` and ${types.length - 4} more types` : ''}, which no Allow of this policy names, so they stay denied: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`,
          entry.value.range,
        )
      }
    }
  }
}
