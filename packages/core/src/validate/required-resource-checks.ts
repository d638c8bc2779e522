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

/**
 * The required resource types of an action, grouped where they are forms of one resource: the
 * reference marks both `aws-managed-view` and `qualified-aws-managed-view` required for
 * `connect:DescribeView`, where a request names one or the other.
 */
function requiredGroups(action: CatalogAction): CatalogResourceType[][] {
  const groups = new Map<string, CatalogResourceType[]>()
  for (const { type, required } of action.resourceTypes) {
    if (!required) continue
    const word = pathWord(type)
    groups.set(word, [...(groups.get(word) ?? []), type])
  }
  return [...groups.values()]
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
 * An action authorized against several resources at once (`connect:CreateUser` against the new
 * user, its security profiles and its routing profile) is allowed only if every one of them is
 * (*Service Authorization Reference*: resource types marked required). Across the policy's Allow
 * statements, finds required resource types of an allowed action that no Allow names.
 */
export function checkRequiredResources(context: CheckContext): void {
  const { catalog } = context
  if (catalog === undefined) return
  const allows = context.statements.filter((facts) => facts.effect === 'Allow')
  // an Allow with NotAction or NotResource, or on every resource, may cover anything
  if (allows.some((facts) => facts.statement.action?.element === 'NotAction')) return
  const reported = new Set<CatalogAction>()
  for (const facts of allows) {
    if (allowsWithoutLimit(facts)) continue
    for (const entry of facts.actionEntries) {
      // a pattern names many actions; saying this of each would bury what matters
      if (/[*?]/.test(entry.value.value)) continue
      for (const action of entry.actions ?? []) {
        if (reported.has(action) || action.resourceTypes.length < 2) continue
        const statements = allows.filter((other) => other.knownActions?.includes(action))
        if (statements.some(allowsWithoutLimit)) continue
        const named = (type: CatalogResourceType) =>
          statements.some((other) =>
            other.resources.some((resource) => overlapsResourceType(resource.value, type)),
          )
        const reached = statements.some((other) =>
          other.resources.some((resource) => catalog.actionReaches(action, resource.value)),
        )
        if (!reached) continue
        const missing = requiredGroups(action)
          .filter((group) => !group.some(named))
          .map((group) => group.map((type) => type.name).join(' or '))
        if (missing.length === 0) continue
        reported.add(action)
        context.report(
          'missing-required-resource',
          'warning',
          `\`${action.fullName}\` is authorized against ${missing.map((name) => `\`${name}\``).join(' and ')} as well, which no Allow of this policy names for it: without that, the action stays denied`,
          entry.value.range,
        )
      }
    }
  }
}
