import { admitsAction, type CompiledStatement } from './compiled-statement.ts'

/**
 * The statements of a compiled set, indexed by what their Action element names, so that finding
 * the statements an action can meet reads only those of its service:
 * - `exact`: action names without wildcards (`connect:describeuser`), each to its statements;
 * - `patterns`: per service prefix, the statements with a wildcard in an action name there;
 * - `everywhere`: statements whose actions cannot be told by service (`*`, `conn*:…`, NotAction).
 */
export interface StatementIndex {
  /** A name to its one statement, or its statements when several name it (kept small: most names have one). */
  readonly exact: ReadonlyMap<string, CompiledStatement | readonly CompiledStatement[]>
  readonly patterns: ReadonlyMap<string, readonly CompiledStatement[]>
  readonly everywhere: readonly CompiledStatement[]
}

function add(map: Map<string, CompiledStatement[]>, key: string, statement: CompiledStatement) {
  const list = map.get(key)
  if (list === undefined) map.set(key, [statement])
  else if (list[list.length - 1] !== statement) list.push(statement)
}

function addExact(
  map: Map<string, CompiledStatement | CompiledStatement[]>,
  key: string,
  statement: CompiledStatement,
) {
  const filed = map.get(key)
  if (filed === undefined) map.set(key, statement)
  else if (Array.isArray(filed)) {
    if (filed[filed.length - 1] !== statement) filed.push(statement)
  } else if (filed !== statement) map.set(key, [filed, statement])
}

export function indexStatements(statements: readonly CompiledStatement[]): StatementIndex {
  const exact = new Map<string, CompiledStatement | CompiledStatement[]>()
  const patterns = new Map<string, CompiledStatement[]>()
  const everywhere: CompiledStatement[] = []
  for (const statement of statements) {
    const { actions } = statement
    if (actions.negated || actions.patterns.some((pattern) => pattern.service === undefined)) {
      everywhere.push(statement)
      continue
    }
    for (const pattern of actions.patterns) {
      const { folded, service } = pattern
      if (service === undefined) continue
      if (folded.kind === 'exact' && !folded.headHasQuestionMark)
        addExact(exact, folded.head, statement)
      else add(patterns, service, statement)
    }
  }
  return { exact, patterns, everywhere }
}

/**
 * The statements whose Action or NotAction admits an action folded to lower case, in the order
 * of the policy set.
 */
export function candidatesFor(index: StatementIndex, foldedAction: string): CompiledStatement[] {
  const colon = foldedAction.indexOf(':')
  const service = colon < 0 ? foldedAction : foldedAction.slice(0, colon)
  const named = index.exact.get(foldedAction)
  const found = new Set<CompiledStatement>(
    named === undefined ? [] : Array.isArray(named) ? named : [named],
  )
  for (const statement of index.patterns.get(service) ?? []) {
    if (!found.has(statement) && admitsAction(statement, foldedAction)) found.add(statement)
  }
  for (const statement of index.everywhere) {
    if (admitsAction(statement, foldedAction)) found.add(statement)
  }
  return [...found].sort((a, b) => a.position - b.position)
}
