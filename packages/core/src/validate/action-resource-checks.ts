import type { Catalog, CatalogAction } from '../catalog/index.ts'
import { splitArn } from '../match/index.ts'
import { holdsDeployTimeValue, type Located } from '../model/index.ts'
import { countReached, firstNotIn, resourceServices, wildcardOnlyActions } from './action-lists.ts'
import type { CheckContext, StatementFacts } from './check-context.ts'
import { quote } from './check-context.ts'
import { statementReach } from './statement-reach.ts'

const starsOnly = /^\*+$/

const listed = 5

/** The first names of a list of `count`, and how many more there are. */
function list(names: readonly string[], count = names.length): string {
  const shown = names.slice(0, listed).map((name) => `\`${name}\``)
  return count > listed ? `${shown.join(', ')} and ${count - listed} more` : shown.join(', ')
}

function typeNames(action: CatalogAction): string[] {
  return [...new Set(action.resourceTypes.map(({ type }) => type.name))]
}

/** A resource whose ARN fits some resource type; the others already have their own findings. */
function sound(context: CheckContext, catalog: Catalog, resource: Located<string>): boolean {
  return catalog.resourceTypesOf(resource.value, context.formatWork).length > 0
}

function checkEntries(
  context: CheckContext,
  catalog: Catalog,
  facts: StatementFacts,
  valid: readonly Located<string>[],
) {
  const reach = statementReach(catalog, facts, context.formatWork)
  for (const entry of facts.actionEntries) {
    const actions = entry.actions ?? []
    if (actions.length === 0) continue
    // counted, not listed: `"Action": "*"` names every action of the reference
    const reaching = reach.everyAction ? actions.length : countReached(actions, reach.actions)
    const missing = actions.length - reaching
    if (missing === 0) continue
    const pattern = /[*?]/.test(entry.value.value)
    if (!pattern || reaching === 0) {
      // a value without wildcards names one action (or a few spelled alike)
      const wildcardOnly =
        reaching === 0
          ? wildcardOnlyActions(actions)
          : actions.filter((action) => action.wildcardOnly && !reach.actions.has(action))
      if (wildcardOnly.length > 0 && (!pattern || wildcardOnly.length === missing)) {
        context.report(
          'action-needs-resource-star',
          'warning',
          `${list(wildcardOnly.map((action) => action.fullName))} ${wildcardOnly.length === 1 ? 'takes' : 'take'} no resource, so only \`"Resource": "*"\` reaches ${wildcardOnly.length === 1 ? 'it' : 'them'}; this statement ${facts.effect === 'Deny' ? 'denies' : 'allows'} ${wildcardOnly.length === 1 ? 'it' : 'them'} nothing`,
          entry.value.range,
        )
        continue
      }
      if (valid.length === 0) continue
      const [action] = firstNotIn(actions, reach.actions, 1)
      if (action === undefined) continue
      context.report(
        'action-matches-no-resource',
        'warning',
        pattern
          ? `none of the ${missing} actions ${quote(entry.value.value)} names acts on the resources of this statement`
          : `${quote(action.fullName)} acts on ${list(typeNames(action))}, and no resource of this statement is one`,
        entry.value.range,
      )
      continue
    }
    const names = firstNotIn(actions, reach.actions, listed).map((action) => action.name)
    context.report(
      'action-pattern-partly-applies',
      'suggestion',
      `${missing} of the ${actions.length} actions ${quote(entry.value.value)} names cannot act on the resources of this statement: ${list(names, missing)}`,
      entry.value.range,
    )
  }
}

function checkResourcesReached(
  context: CheckContext,
  catalog: Catalog,
  facts: StatementFacts,
  actions: readonly CatalogAction[],
  valid: readonly Located<string>[],
) {
  const reach = statementReach(catalog, facts, context.formatWork)
  const services = resourceServices(actions)
  for (const resource of valid) {
    if (reach.resources.has(resource.value)) continue
    const service = splitArn(resource.value)?.service
    if (service !== undefined && !/[*?$]/.test(service) && !services.has(service)) {
      context.report(
        'arn-service-mismatch',
        'warning',
        `${quote(resource.value)} is a resource of ${quote(service)}, and no action of this statement acts on ${quote(service)} resources`,
        resource.range,
      )
      continue
    }
    context.report(
      'resource-matches-no-action',
      'warning',
      `no action of this statement acts on ${quote(resource.value)}`,
      resource.range,
    )
  }
}

/**
 * Actions against resources, statement by statement, from the resource types of the service
 * reference: actions that reach none of the resources (or need `"Resource": "*"`), action
 * patterns that reach them only in part, resources no action reaches, and statements where no
 * action reaches any resource.
 */
export function checkActionsAgainstResources(context: CheckContext): void {
  const { catalog } = context
  if (catalog === undefined) return
  for (const facts of context.statements) {
    if (facts.notResource || facts.statement.action?.element !== 'Action') continue
    if (facts.resources.length === 0 || facts.resources.some((r) => starsOnly.test(r.value))) {
      continue
    }
    if (facts.resources.some((r) => r.value.includes('${') || holdsDeployTimeValue(r.value))) {
      continue
    }
    const valid = facts.resources.filter((resource) => sound(context, catalog, resource))
    checkEntries(context, catalog, facts, valid)
    // what follows needs every action of the statement known
    const actions = facts.knownActions
    if (actions === undefined || actions.length === 0) continue
    checkResourcesReached(context, catalog, facts, actions, valid)
    const reachesAny = statementReach(catalog, facts, context.formatWork).actions.size > 0
    const range = facts.statement.resource?.range
    if (!reachesAny && range !== undefined) {
      // a warning, not an error: the reference's resource types lag behind some services
      context.report(
        'statement-matches-nothing',
        'warning',
        `no action of this statement can act on any of its resources, so the statement ${facts.effect === 'Deny' ? 'denies' : 'allows'} nothing`,
        range,
      )
    }
  }
}
