import type { Catalog, CatalogAction } from '@connect-policy/core'
import type { Tree } from '@lezer/common'
import type { DocumentReader } from './document-text.ts'
import { type PathStep, stringsOf, valueAt } from './syntax.ts'

/** The elements of a policy document (*IAM JSON policy elements reference*), as offered. */
export const documentElements = ['Version', 'Statement', 'Id'] as const

/** The elements of a statement (*Grammar of the IAM JSON policy language*), as offered. */
export const statementElements = [
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
] as const

/** Elements a statement holds one of at most: the grammar gives each with its `Not` twin as a choice. */
export const exclusiveElements: Readonly<Record<string, string>> = {
  Action: 'NotAction',
  NotAction: 'Action',
  Resource: 'NotResource',
  NotResource: 'Resource',
  Principal: 'NotPrincipal',
  NotPrincipal: 'Principal',
}

/** A path split at its statement: the statement's own path, and the path within it. */
export interface StatementPlace {
  readonly statement: readonly PathStep[]
  readonly within: readonly PathStep[]
}

/**
 * Where a path is within a statement, when it is in one: `Statement` holds one statement as an
 * object or several as an array.
 */
export function statementPlace(path: readonly PathStep[]): StatementPlace | undefined {
  if (path[0] !== 'Statement') return undefined
  const size = typeof path[1] === 'number' ? 2 : 1
  return { statement: path.slice(0, size), within: path.slice(size) }
}

/**
 * The actions of the catalog a statement's `Action` names, each once, in the order its values
 * name them. `NotAction` is not read: the actions it leaves are not those it names.
 */
export function statementActions(
  tree: Tree,
  reader: DocumentReader,
  statement: readonly PathStep[],
  catalog: Catalog,
): readonly CatalogAction[] {
  const values = stringsOf(valueAt(tree, reader, [...statement, 'Action']), reader)
  if (values.length === 1) return catalog.matchActions(values[0] ?? '')
  const actions = new Set<CatalogAction>()
  for (const value of values) for (const action of catalog.matchActions(value)) actions.add(action)
  return [...actions]
}

/**
 * The condition keys an action supports, as the reference writes them: its own, and those of
 * its resource types, each once whatever its case.
 */
export function actionConditionKeys(action: CatalogAction): string[] {
  const keys = new Map<string, string>()
  const add = (key: string) => {
    const folded = key.toLowerCase()
    if (!keys.has(folded)) keys.set(folded, key)
  }
  for (const key of action.ownConditionKeys) add(key)
  for (const { type, conditionKeys } of action.resourceTypes) {
    for (const key of conditionKeys) add(key)
    for (const key of type.conditionKeys) add(key)
  }
  return [...keys.values()]
}

/** The service a statement is about when its actions say nothing: this site's, Amazon Connect. */
export const defaultService = 'connect'

/** The services of a statement's actions, each once; Amazon Connect when it names none. */
export function statementServices(actions: readonly CatalogAction[]): string[] {
  return actions.length === 0
    ? [defaultService]
    : [...new Set(actions.map(({ service }) => service))]
}
