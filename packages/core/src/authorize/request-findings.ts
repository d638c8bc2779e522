import {
  type Catalog,
  type CatalogAction,
  type CatalogResourceType,
  formatComparisonWork,
  listsKeyForAction,
  multiResourceDocumented,
  requestComparisonSteps,
  requiredResourceGroups,
  suggestActions,
} from '../catalog/index.ts'
import { quote } from '../model/index.ts'
import { closestName } from '../suggest/index.ts'
import { type EvaluationFinding, noFindings } from './result.ts'

/** What the service reference says of a request's action, worked out once per action. */
export interface ActionReference {
  /** The action, when the reference holds it. */
  readonly action?: CatalogAction
  /** Its required resource types, grouped where they are forms of one resource. */
  readonly requiredGroups: readonly (readonly CatalogResourceType[])[]
  /** What is wrong with the action's name: an unknown service or action. */
  readonly findings: readonly EvaluationFinding[]
}

const unknown: ActionReference = Object.freeze({ requiredGroups: [], findings: noFindings })

function dated(catalog: Catalog): string {
  return `(AWS service reference of ${catalog.source.date})`
}

/**
 * The reference's entry for an action as a request names it, and findings for a name it does
 * not know: IAM authorizes only actions a service has (*IAM JSON policy elements: Action*, "The
 * name must match an action that is supported by the service"), so a request for another one is
 * decided through the wildcards that happen to match it, as if it existed.
 */
export function actionReference(catalog: Catalog | undefined, action: string): ActionReference {
  if (catalog === undefined) return unknown
  const found = catalog.action(action)
  if (found !== undefined) {
    return { action: found, requiredGroups: requiredResourceGroups(found), findings: noFindings }
  }
  const colon = action.indexOf(':')
  const prefix = action.slice(0, colon)
  const name = action.slice(colon + 1)
  if (!catalog.isService(prefix)) {
    const suggestion = closestName(prefix, catalog.servicePrefixes)
    const finding: EvaluationFinding = {
      code: 'unknown-service',
      severity: 'warning',
      message: `no AWS service has the prefix ${quote(prefix)}${suggestion ? `: did you mean \`${suggestion}\`` : ''} ${dated(catalog)}: the decision follows the patterns that match the name as written`,
      ...(suggestion === undefined ? {} : { suggestion: `${suggestion}:${name}` }),
    }
    return { requiredGroups: [], findings: [finding] }
  }
  const service = catalog.service(prefix)
  // a service known by name only, in a subset of the reference: nothing to say of its actions
  if (service === undefined) return unknown
  const options = suggestActions(catalog, prefix, name)
  const finding: EvaluationFinding = {
    code: 'unknown-action',
    severity: 'warning',
    message: `${quote(name)} is not an action of ${service.name}${options.length > 0 ? `: did you mean ${options.map((option) => `\`${option}\``).join(' or ')}` : ''} ${dated(catalog)}: the decision follows the patterns that match the name as written`,
    ...(options.length === 1 ? { suggestion: options[0] as string } : {}),
  }
  return { requiredGroups: [], findings: [finding] }
}

const allStars = /^\*+$/

/**
 * The request's resources against the action's resource types (*Service Authorization
 * Reference*: an action is authorized against each resource type it is listed with, and "the
 * caller needs permission for every required resource type"; the Amazon Connect Administrator
 * Guide documents it for `connect:CreateUser`): a resource the action is not authorized against,
 * a resource other than `*` for an action that takes none, and required types the request leaves
 * out. AWS would never be asked such a request as given; the decision is still made for it.
 */
function resourceFindings(
  catalog: Catalog,
  reference: ActionReference,
  resources: readonly string[],
): EvaluationFinding[] {
  const { action } = reference
  const findings: EvaluationFinding[] = []
  if (action === undefined) return findings
  const concrete = resources.filter((resource) => !allStars.test(resource))
  // bounded by the request's size; a resource not worked out within it is taken to name every
  // type it could, so that nothing is reported that a comparison would not
  const work = formatComparisonWork(requestComparisonSteps(concrete))
  if (action.wildcardOnly) {
    for (const resource of concrete) {
      findings.push({
        code: 'resource-not-for-action',
        severity: 'warning',
        message: `\`${action.fullName}\` takes no resource: AWS authorizes it against \`*\`, not ${quote(resource)}`,
      })
    }
    return findings
  }
  for (const resource of concrete) {
    if (catalog.actionReaches(action, resource, work)) continue
    const names = action.resourceTypes.map(({ type }) => `\`${type.name}\``).join(', ')
    findings.push({
      code: 'resource-not-for-action',
      severity: 'warning',
      message: `${quote(resource)} is not a resource \`${action.fullName}\` is authorized against (${names}) ${dated(catalog)}`,
    })
  }
  if (concrete.length < resources.length) return findings
  const missing = reference.requiredGroups.filter(
    (group) =>
      !group.some((type) =>
        concrete.some((resource) => catalog.resourceTypesOf(resource, work).includes(type)),
      ),
  )
  if (missing.length > 0) {
    const names = missing.map((group) => group.map((type) => `\`${type.name}\``).join(' or '))
    findings.push({
      code: 'missing-required-resource',
      severity: multiResourceDocumented(action) ? 'warning' : 'suggestion',
      message: `\`${action.fullName}\` is authorized against ${names.join(' and ')} as well, which the request does not name: AWS checks every one, so the decision covers only part of what AWS decides`,
    })
  }
  return findings
}

/** Keys whose presence the reference gives per action: service keys and the tag keys. */
function keyDependsOnAction(folded: string): boolean {
  return (
    !folded.startsWith('aws:') ||
    folded.startsWith('aws:resourcetag/') ||
    folded.startsWith('aws:requesttag/') ||
    folded === 'aws:tagkeys'
  )
}

/**
 * Context keys the request gives that AWS does not send with the action, as the reference lists
 * them (`listsKeyForAction`). The request's values are used as given; the finding says that AWS
 * would not have them.
 */
function contextFindings(
  catalog: Catalog,
  action: CatalogAction,
  context: unknown,
): EvaluationFinding[] {
  const findings: EvaluationFinding[] = []
  if (typeof context !== 'object' || context === null) return findings
  const record = context as Readonly<Record<string, unknown>>
  for (const key of Object.keys(record)) {
    if (record[key] === undefined || record[key] === null) continue
    if (!keyDependsOnAction(key.toLowerCase())) continue
    if (listsKeyForAction(catalog, action.fullName, key) !== false) continue
    findings.push({
      code: 'context-key-not-for-action',
      severity: 'warning',
      message: `AWS does not send ${quote(key)} with \`${action.fullName}\` ${dated(catalog)}: the decision uses the value the request gives`,
    })
  }
  return findings
}

/**
 * Everything a decision reports beside it: the set's findings (Allow entries that match
 * nothing), the action's, and the request's resources and context against the reference. The
 * set's own list is returned as it is when nothing else is to be said.
 */
export function decisionFindings(
  setFindings: readonly EvaluationFinding[],
  catalog: Catalog | undefined,
  reference: ActionReference,
  resources: string | readonly string[],
  context: unknown,
): readonly EvaluationFinding[] {
  if (catalog === undefined) return setFindings
  const list = typeof resources === 'string' ? [resources] : resources
  const request = reference.action === undefined ? [] : resourceFindings(catalog, reference, list)
  const keys =
    reference.action === undefined ? [] : contextFindings(catalog, reference.action, context)
  if (reference.findings.length === 0 && request.length === 0 && keys.length === 0) {
    return setFindings
  }
  return [...reference.findings, ...request, ...keys, ...setFindings]
}
