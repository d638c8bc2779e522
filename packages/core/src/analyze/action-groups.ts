import type { Catalog, CatalogAction } from '../catalog/index.ts'
import { compileActionPattern, matchesAction } from '../match/index.ts'
import { type GlobToken, globTokens } from './glob-search.ts'
import type { AnalyzedStatement } from './policy-statements.ts'
import { type SearchWork, type TextAtom, textCells } from './text-cells.ts'

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

function admitsOf(
  statements: readonly AnalyzedStatement[],
  matched: (statement: number, pattern: string) => boolean,
): boolean[] {
  return statements.map(
    (statement, index) =>
      statement.actions.patterns.some((pattern) => matched(index, pattern)) !==
      statement.actions.negated,
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
  const groups = new Map<string, { admits: boolean[]; actions: CatalogAction[] }>()
  for (const action of universe) {
    const admits = admitsOf(statements, (_, pattern) => matching(pattern).has(action))
    // an action no statement admits is denied by every set alike
    if (!admits.includes(true)) continue
    const types = action.resourceTypes.map(({ type }) => `${type.service}:${type.name}`)
    const listed = [...action.conditionKeys].filter((key) => keys.has(key.toLowerCase()))
    const id = `${admits.map(Number).join('')}|${types.join(',')}|${listed.sort().join(',')}`
    const group = groups.get(id)
    if (group === undefined) groups.set(id, { admits, actions: [action] })
    else group.actions.push(action)
  }
  return [...groups.values()].map(({ admits, actions }) => {
    const sorted = actions.sort((a, b) => a.fullName.localeCompare(b.fullName))
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
  const atomOf = (pattern: string): TextAtom => {
    const compiled = compileActionPattern(pattern)
    return {
      tokens: globTokens(pattern.toLowerCase()),
      test: (text: string) => matchesAction(compiled, text),
    }
  }
  const atoms = new Map(patterns.map((pattern) => [pattern, atomOf(pattern)]))
  const excluded = (text: string) => catalog?.action(text) !== undefined
  const name: GlobToken[] = [{ kind: 'one' }, { kind: 'run' }]
  // each named service, and then every other service at once
  const searches = [
    ...services.map((service) => ({
      service,
      space: {
        tokens: [...globTokens(`${service}:`), ...name],
        test: (text: string) => text.startsWith(`${service}:`) && text.length > service.length + 1,
      },
    })),
    {
      service: undefined,
      space: {
        tokens: [
          { kind: 'one', except: ':' },
          { kind: 'run', except: ':' },
          { kind: 'literal', character: ':' },
          ...name,
        ] as GlobToken[],
        test: (text: string) =>
          /^[^:]+:.+$/.test(text) && !services.includes(text.split(':')[0] ?? ''),
      },
    },
  ]
  const groups: ActionGroup[] = []
  for (const { service, space } of searches) {
    const relevant = patterns.filter((pattern) => {
      if (listed(pattern)) return false
      const own = plainService(pattern)
      return own === undefined || own === service
    })
    const others = service === undefined ? services.map((known) => atomOf(`${known}:*`)) : []
    const cells = textCells(
      [...relevant.map((pattern) => atoms.get(pattern) as TextAtom), ...others],
      {
        atom: space,
        candidates: [`${service ?? 'example'}:exampleunlistedaction`],
        excluded,
      },
      work,
    )
    if (cells === undefined) return undefined
    for (const cell of cells) {
      // the other services' own actions are searched with them
      if (cell.signs.slice(relevant.length).includes(true)) continue
      const sign = (pattern: string) => {
        const at = relevant.indexOf(pattern)
        return at >= 0 && cell.signs[at] === true
      }
      const inScope = scope.actions === undefined || scope.actions.some(sign)
      if (!inScope) continue
      const admits = admitsOf(statements, (_, pattern) => sign(pattern))
      if (admits.includes(true)) groups.push({ action: cell.text, actions: [cell.text], admits })
    }
  }
  return groups
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
