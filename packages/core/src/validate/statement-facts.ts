import type { Catalog, CatalogAction } from '../catalog/index.ts'
import type { Located, PolicyDocument } from '../model/index.ts'
import type { ActionEntry, StatementFacts } from './check-context.ts'

const starsOnly = /^\*+$/

function actionEntry(value: Located<string>, catalog: Catalog | undefined): ActionEntry {
  const written = value.value
  if (starsOnly.test(written)) {
    return catalog === undefined ? { value } : { value, actions: catalog.allActions }
  }
  const colon = written.indexOf(':')
  if (colon < 0) return { value }
  const service = written.slice(0, colon).toLowerCase()
  if (catalog === undefined || /[\s${}]/.test(written)) return { value, service }
  const covered = /[*?]/.test(service)
    ? catalog.coveredPrefixes.length === catalog.servicePrefixes.length
    : catalog.service(service) !== undefined
  return covered ? { value, service, actions: catalog.matchActions(written) } : { value, service }
}

/** Works out, once per statement, what the checks ask about it. */
export function statementFacts(
  policy: PolicyDocument,
  catalog: Catalog | undefined,
): StatementFacts[] {
  return policy.statements.map((statement, index) => {
    const { action, resource } = statement
    const actionEntries = (action?.values ?? []).map((value) => actionEntry(value, catalog))
    let knownActionSet: Set<CatalogAction> | undefined
    if (action?.element === 'Action' && actionEntries.every((entry) => entry.actions)) {
      knownActionSet = new Set<CatalogAction>()
      for (const entry of actionEntries) {
        for (const found of entry.actions ?? []) knownActionSet.add(found)
      }
    }
    const effect = statement.effect?.value
    return {
      statement,
      index,
      ...(effect === 'Allow' || effect === 'Deny' ? { effect } : {}),
      actionEntries,
      ...(knownActionSet === undefined
        ? {}
        : { knownActions: [...knownActionSet], knownActionSet }),
      resources: resource?.values ?? [],
      notResource: resource?.element === 'NotResource',
    }
  })
}
