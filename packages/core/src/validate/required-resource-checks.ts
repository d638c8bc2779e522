import type { CatalogAction, CatalogResourceType } from '../catalog/index.ts'
import { multiResourceDocumented, requiredResourceGroups } from '../catalog/index.ts'
import { actionSet, multiResourceActions } from './action-lists.ts'
import type { CheckContext, StatementFacts } from './check-context.ts'
import { statementReach, statementTypes } from './statement-reach.ts'

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
  statements: readonly StatementFacts[],
  withoutLimit: ReadonlySet<StatementFacts>,
  action: CatalogAction,
): string[] | undefined {
  const { catalog } = context
  if (catalog === undefined || action.resourceTypes.length < 2) return undefined
  if (statements.some((facts) => withoutLimit.has(facts))) return undefined
  const work = context.formatWork
  const reached = statements.some((other) =>
    statementReach(catalog, other, work).actions.has(action),
  )
  if (!reached) return undefined
  const named = (type: CatalogResourceType) =>
    statements.some((other) => statementTypes(catalog, other, work).has(type))
  const missing = requiredResourceGroups(action)
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
  const { catalog } = context
  if (catalog === undefined) return
  const allows = context.statements.filter((facts) => facts.effect === 'Allow')
  // an Allow with NotAction may cover anything
  if (allows.some((facts) => facts.statement.action?.element === 'NotAction')) return
  const withoutLimit = new Set(allows.filter(allowsWithoutLimit))
  // an action can lack a type only if it has several and an Allow with limits reaches it: the
  // actions those Allows reach are few where `"Action": "*"` names every action of the reference
  const candidates = new Set<CatalogAction>()
  for (const facts of allows) {
    if (withoutLimit.has(facts)) continue
    for (const action of statementReach(catalog, facts, context.formatWork).actions) {
      if (action.resourceTypes.length > 1) candidates.add(action)
    }
  }
  // the Allows naming each of them, in their order, and each one's answer, found once: an action
  // named by many statements is not looked for in every statement again
  const allowsOf = new Map<CatalogAction, StatementFacts[]>()
  const named = (facts: StatementFacts, action: CatalogAction) => {
    const list = allowsOf.get(action)
    if (list === undefined) allowsOf.set(action, [facts])
    else list.push(facts)
  }
  for (const facts of allows) {
    const known = facts.knownActions ?? []
    if (known.length <= candidates.size) {
      for (const action of known) if (candidates.has(action)) named(facts, action)
    } else {
      const members = actionSet(known)
      for (const action of candidates) if (members.has(action)) named(facts, action)
    }
  }
  const answers = new Map<CatalogAction, string[] | undefined>()
  const missingOf = (action: CatalogAction): string[] | undefined => {
    if (answers.has(action)) return answers.get(action)
    const missing = missingTypes(context, allowsOf.get(action) ?? [], withoutLimit, action)
    answers.set(action, missing)
    return missing
  }
  const reported = new Set<CatalogAction>()
  for (const facts of allows) {
    if (withoutLimit.has(facts)) continue
    for (const entry of facts.actionEntries) {
      const actions = multiResourceActions(entry.actions ?? []).filter(
        (action) => candidates.has(action) && !reported.has(action),
      )
      const lacking = actions.flatMap((action) => {
        const missing = missingOf(action)
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
