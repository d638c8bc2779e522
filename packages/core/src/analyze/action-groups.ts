import { isActionName } from '../authorize/request-check.ts'
import type { Catalog, CatalogAction } from '../catalog/index.ts'
import { compileActionPattern, matchesAction } from '../match/index.ts'
import { type GlobToken, globTokens, simplifiedUnion } from './glob-search.ts'
import type { AnalyzedStatement } from './policy-statements.ts'
import { type SearchWork, type TextAtom, textCells } from './text-cells.ts'
import { valueFor } from './value-for.ts'

/**
 * Actions every statement treats alike: the same statements' Action or NotAction admit each, and
 * each has the same resource types and lists the same of the policies' condition keys, so one of
 * them decides for all. An action the service reference does not know is a group of its own,
 * found by searching the action patterns, with `catalogAction` absent.
 */
export interface ActionGroup {
  /** The action a witness names: the first of the group. */
  readonly action: string
  readonly catalogAction?: CatalogAction
  /** Every action of the group (of a group the reference does not know, the one witness). */
  readonly actions: readonly string[]
  /** Per statement, whether its Action or NotAction admits the group's actions. */
  readonly admits: readonly boolean[]
}

/** Which actions to analyze: those some pattern of `actions` names (all, without it). */
export interface ActionScope {
  readonly actions?: readonly string[]
}

/** `localeCompare`'s order, with the collator made once rather than per comparison. */
const compareNames = new Intl.Collator().compare

const typeLists = new WeakMap<CatalogAction, string>()

/** An action's resource types, as one text that is the same for actions with the same types. */
function typesOf(action: CatalogAction): string {
  return valueFor(typeLists, action, () =>
    action.resourceTypes.map(({ type }) => `${type.service}:${type.name}`).join(','),
  )
}

/** The actions of the reference that the statements and the scope could name. */
function knownGroups(
  statements: readonly AnalyzedStatement[],
  catalog: Catalog,
  keys: ReadonlySet<string>,
  scope: ActionScope,
): ActionGroup[] {
  const matchedBy = new Map<string, ReadonlySet<CatalogAction>>()
  const matching = (pattern: string): ReadonlySet<CatalogAction> => {
    let found = matchedBy.get(pattern)
    if (found === undefined) {
      found = new Set(catalog.matchActions(pattern))
      matchedBy.set(pattern, found)
    }
    return found
  }
  const anyNegated = statements.some((statement) => statement.actions.negated)
  let universe: Iterable<CatalogAction>
  if (scope.actions !== undefined) {
    universe = new Set(scope.actions.flatMap((pattern) => [...matching(pattern)]))
  } else if (anyNegated) {
    universe = catalog.allActions
  } else {
    universe = new Set(
      statements.flatMap((statement) =>
        statement.actions.patterns.flatMap((pattern) => [...matching(pattern)]),
      ),
    )
  }
  // the statements whose Action matches each action, found through each pattern's actions
  // rather than each action through every pattern
  const matchedIn = new Map<CatalogAction, Set<number>>()
  for (const [index, statement] of statements.entries()) {
    for (const pattern of statement.actions.patterns) {
      for (const action of matching(pattern)) {
        let found = matchedIn.get(action)
        if (found === undefined) {
          found = new Set()
          matchedIn.set(action, found)
        }
        found.add(index)
      }
    }
  }
  const groups = new Map<string, { admits: boolean[]; actions: CatalogAction[] }>()
  const none = new Set<number>()
  for (const action of universe) {
    const matched = matchedIn.get(action) ?? none
    const admits = statements.map(
      (statement, index) => matched.has(index) !== statement.actions.negated,
    )
    // an action no statement admits is denied by every set alike
    if (!admits.includes(true)) continue
    const listed =
      keys.size === 0
        ? ''
        : [...action.conditionKeys]
            .filter((key) => keys.has(key.toLowerCase()))
            .sort()
            .join(',')
    const id = `${admits.map(Number).join('')}|${typesOf(action)}|${listed}`
    const group = groups.get(id)
    if (group === undefined) groups.set(id, { admits, actions: [action] })
    else group.actions.push(action)
  }
  return [...groups.values()].map(({ admits, actions }) => {
    const sorted = actions.sort((a, b) => compareNames(a.fullName, b.fullName))
    const first = sorted[0] as CatalogAction
    return {
      action: first.fullName,
      catalogAction: first,
      actions: sorted.map((action) => action.fullName),
      admits,
    }
  })
}

/** The service prefix of an action pattern when it is plain text (no wildcard), lower case. */
function plainService(pattern: string): string | undefined {
  const colon = pattern.indexOf(':')
  const prefix = colon < 0 ? undefined : pattern.slice(0, colon).toLowerCase()
  return prefix === undefined || /[*?]/.test(prefix) ? undefined : prefix
}

/**
 * One action the reference does not know for each combination of the action patterns that such
 * an action meets: `connect:describeusr` is decided through `connect:*` as AWS would decide it
 * if the service had the action. Searched service by service: a pattern of one service never
 * meets an action of another, and a pattern without wildcards that names an action the
 * reference lists never meets an action it does not.
 */
function unknownGroups(
  statements: readonly AnalyzedStatement[],
  catalog: Catalog | undefined,
  scope: ActionScope,
  work: SearchWork,
): ActionGroup[] | undefined {
  const patterns = [
    ...new Set([
      ...statements.flatMap((statement) => statement.actions.patterns),
      ...(scope.actions ?? []),
    ]),
  ]
  const listed = (pattern: string) =>
    !/[*?]/.test(pattern) && catalog?.action(pattern) !== undefined
  const services = [...new Set(patterns.flatMap((pattern) => plainService(pattern) ?? []))].sort()
  // a request names an action as `service:ActionName`: no other character is written in one
  const barredInName = [...new Set(patterns.join(''))]
    .filter((character) => !/[A-Za-z0-9_-]/.test(character))
    .join('')
  const excluded = (text: string) => catalog?.action(text) !== undefined || !isActionName(text)
  const name: GlobToken[] = [
    { kind: 'one', except: barredInName },
    { kind: 'run', except: barredInName },
  ]
  // each named service, and then every other service at once
  const searches: { service?: string; space: TextAtom }[] = [
    ...services.map((service) => ({
      service,
      space: {
        tokens: [...globTokens(`${service}:`), ...name],
        test: (text: string) => text.startsWith(`${service}:`) && text.length > service.length + 1,
      },
    })),
    {
      space: {
        tokens: [
          { kind: 'one', except: `${barredInName}_:` },
          { kind: 'run', except: `${barredInName}_:` },
          { kind: 'literal', character: ':' },
          ...name,
        ],
        test: (text: string) =>
          /^[^:]+:.+$/.test(text) && !services.includes(text.split(':')[0] ?? ''),
      },
    },
  ]
  // each Action element's values that may meet an unlisted action, by the one service they
  // name (`anyService` for those whose service part has a wildcard): a pattern of another
  // service never meets a service's actions, nor a plain name the reference lists an action it
  // does not
  const anyService = ''
  const byService = [
    ...statements.map((statement) => statement.actions.patterns),
    ...(scope.actions === undefined ? [] : [scope.actions]),
  ].map((values) => {
    const split = new Map<string, string[]>()
    for (const pattern of values) {
      if (listed(pattern)) continue
      const own = plainService(pattern) ?? anyService
      const list = split.get(own)
      if (list === undefined) split.set(own, [pattern])
      else list.push(pattern)
    }
    return split
  })
  const groups: ActionGroup[] = []
  for (const { service, space } of searches) {
    // each Action element once, as the values that may meet such an action
    const elements = byService.map((split) => {
      const own = service === undefined ? [] : (split.get(service) ?? [])
      return [...new Set([...(split.get(anyService) ?? []), ...own])].sort()
    })
    const ids = [...new Set(elements.map((values) => JSON.stringify(values)))]
    const distinct = ids
      .map((id) => JSON.parse(id) as string[])
      .filter((values) => values.length > 0)
    const atoms = distinct.map(actionElementAtom)
    const candidates = [
      `${service ?? 'example'}:exampleunlistedaction`,
      ...distinct
        .flat()
        .map((pattern) =>
          pattern.toLowerCase().replaceAll('*', 'exampleunlisted').replaceAll('?', 'x'),
        ),
    ]
    const cells = textCells(atoms, { atom: space, candidates, excluded }, work)
    if (cells === undefined) return undefined
    for (const cell of cells) {
      const sign = (values: readonly string[]) => {
        const at = distinct.findIndex((known) => JSON.stringify(known) === JSON.stringify(values))
        return at >= 0 && cell.signs[at] === true
      }
      const scopeValues = elements[statements.length]
      if (scopeValues !== undefined && !sign(scopeValues)) continue
      const admits = statements.map(
        (statement, index) => sign(elements[index] ?? []) !== statement.actions.negated,
      )
      if (admits.includes(true)) groups.push({ action: cell.text, actions: [cell.text], admits })
    }
  }
  return groups
}

/** An Action element's values as one distinction, in lower case as actions are matched. */
function actionElementAtom(values: readonly string[]): TextAtom {
  const compiled = values.map(compileActionPattern)
  const alternatives = simplifiedUnion(values.map((pattern) => globTokens(pattern.toLowerCase())))
  return {
    tokens: alternatives.length === 1 ? (alternatives[0] as GlobToken[]) : { anyOf: alternatives },
    test: (text: string) => compiled.some((pattern) => matchesAction(pattern, text)),
  }
}

/**
 * The groups of actions the analysis must decide: those of the reference that some statement
 * admits, grouped so that one decides for all, and one action the reference does not know for
 * each way such an action can be admitted. `keys` are the condition keys the statements read,
 * in lower case: an action that lists one of them is decided apart from one that does not.
 */
export function actionGroups(
  statements: readonly AnalyzedStatement[],
  catalog: Catalog | undefined,
  keys: ReadonlySet<string>,
  scope: ActionScope,
  work: SearchWork,
): ActionGroup[] | undefined {
  const unknown = unknownGroups(statements, catalog, scope, work)
  if (unknown === undefined) return undefined
  const known = catalog === undefined ? [] : knownGroups(statements, catalog, keys, scope)
  return [...known, ...unknown]
}
