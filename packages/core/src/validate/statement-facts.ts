import type { Catalog, CatalogAction } from '../catalog/index.ts'
import type { Located, PolicyDocument } from '../model/index.ts'
import { actionUnion } from './action-lists.ts'
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
    const lists: (readonly CatalogAction[])[] = []
    for (const entry of actionEntries) if (entry.actions !== undefined) lists.push(entry.actions)
    const knownActions =
      action?.element === 'Action' && lists.length === actionEntries.length
        ? actionUnion(lists)
        : undefined
    const effect = statement.effect?.value
    return {
      statement,
      index,
      ...(effect === 'Allow' || effect === 'Deny' ? { effect } : {}),
      actionEntries,
      ...(knownActions === undefined ? {} : { knownActions }),
      resources: resource?.values ?? [],
      notResource: resource?.element === 'NotResource',
    }
  })
}
