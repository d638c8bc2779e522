import { quoteList } from '../../model/index.ts'
import { fillTemplate, patternToText } from '../policy-variable.ts'
import type { RequestContext } from '../request-context.ts'
import type { ConditionClauseTrace } from '../trace.ts'
import { readsWidely } from '../wide-reading.ts'
import type { CompiledClause, CompiledValue, ValueTest } from './compile-condition.ts'
import {
  type ClauseOutcome,
  readSafely,
  safeReadingWords,
  type UndocumentedReason,
} from './safe-reading.ts'

/**
 * A single-valued context key's value, for filling in `${key}`. A key that is missing, holds
 * several values, or holds the empty string has no value (*Variables and tags*, "Policy
 * variables with no value": such a variable is "effectively null"; *Condition operators*:
 * "a null dataset, such as an empty string").
 */
export function variableLookup(context: RequestContext): (key: string) => string | undefined {
  return (key) => {
    const entry = context.get(key.toLowerCase())
    if (entry === undefined || entry.multiValued || entry.values.length !== 1) return undefined
    const [value] = entry.values
    return value === '' ? undefined : value
  }
}

function quoted(values: readonly string[]): string {
  return values.length === 0 ? 'no values' : quoteList(values)
}

/** Whether some policy value's test passes for one request value: OR across policy values. */
function anyTest(tests: readonly ValueTest[], request: string): boolean {
  for (const test of tests) if (test(request)) return true
  return false
}

/** `Null`: `true` asks for the key to be missing, `false` for it to be present. */
function nullHolds(values: readonly CompiledValue[], missing: boolean): boolean {
  for (const value of values) {
    if (value.kind === 'fixed' && (value.value === true) === missing) return true
  }
  return false
}

/**
 * One request value against the operator, as for a single-valued key: for a negated operator,
 * that no policy value matches (NOR). Undefined when the operator cannot read the value.
 */
function valueOutcome(clause: CompiledClause, tests: readonly ValueTest[], request: string) {
  const { operator } = clause.use
  if (operator.readsRequestValue !== undefined && !operator.readsRequestValue(request)) {
    return undefined
  }
  return anyTest(tests, request) !== operator.negated
}

/**
 * Whether some request value (`every` false) or every one (`every` true) satisfies the operator,
 * in three values (Kleene's): a value that decides settles it, and a value the operator cannot
 * read leaves it open where no other value settles it.
 */
function quantified(
  clause: CompiledClause,
  tests: readonly ValueTest[],
  values: readonly string[],
  every: boolean,
): ClauseOutcome {
  let open = false
  for (const value of values) {
    const outcome = valueOutcome(clause, tests, value)
    if (outcome === !every) return outcome
    if (outcome === undefined) open = true
  }
  return open ? undefined : every
}

/**
 * Whether one clause holds for a request where AWS documents the outcome, undefined where it
 * does not (*Condition operators*; *Conditions with multiple context keys or values*;
 * *Multivalued context keys*; `readSafely` for the undocumented cases):
 * - several policy values: any may match (OR); for a negated operator, none may (NOR);
 * - a missing key: false, except for negated operators and `…IfExists`, which hold;
 * - `ForAnyValue`: some request value satisfies the operator; false on a missing or empty key;
 * - `ForAllValues`: every request value satisfies it; true on a missing or empty key;
 * - `Null`: `true` holds when the key is missing, `false` when it is present; `ForAllValues:Null`
 *   always holds and `ForAnyValue:Null` never does.
 *
 * `values` are the request's values for the key, undefined when the key is missing; `tests`
 * the policy values' tests, variables filled in.
 */
export function clauseOutcome(
  clause: CompiledClause,
  values: readonly string[] | undefined,
  tests: readonly ValueTest[],
): ClauseOutcome {
  const { use } = clause
  const empty = values === undefined || values.length === 0
  if (use.operator.family === 'Null') {
    if (use.qualifier === 'ForAllValues') return true
    if (use.qualifier === 'ForAnyValue') return false
    return values !== undefined && values.length === 0
      ? undefined
      : nullHolds(clause.values, values === undefined)
  }
  if (use.qualifier === 'ForAllValues') {
    return empty ? true : quantified(clause, tests, values, true)
  }
  if (use.qualifier === 'ForAnyValue') {
    if (empty) return use.ifExists ? undefined : false
    return quantified(clause, tests, values, false)
  }
  if (values === undefined) return use.ifExists || use.operator.negated
  if (values.length === 1) return valueOutcome(clause, tests, values[0] as string)
  if (values.length === 0) return undefined
  const some = quantified(clause, tests, values, false)
  return some === quantified(clause, tests, values, true) ? some : undefined
}

/** Why AWS leaves a clause's outcome open, for a clause whose `clauseOutcome` is undefined. */
export function undocumentedReason(
  clause: CompiledClause,
  values: readonly string[] | undefined,
): UndocumentedReason {
  const { use } = clause
  if (values === undefined || values.length === 0) {
    return use.qualifier === 'ForAnyValue' ? 'for-any-value-if-exists' : 'empty-list'
  }
  const { readsRequestValue } = use.operator
  if (readsRequestValue !== undefined && values.some((value) => !readsRequestValue(value))) {
    return 'unreadable-request-value'
  }
  return 'several-values-without-qualifier'
}

const reasonWords: Record<UndocumentedReason, (clause: CompiledClause) => string> = {
  'several-values-without-qualifier': (clause) =>
    `\`${clause.key}\` holds several values and \`${clause.use.written}\` has no \`ForAnyValue:\` or \`ForAllValues:\``,
  'empty-list': (clause) =>
    `\`${clause.key}\` is an empty list and \`${clause.use.written}\` has no \`ForAnyValue:\` or \`ForAllValues:\``,
  'for-any-value-if-exists': (clause) =>
    `\`${clause.key}\` has no values: \`IfExists\` would hold and \`ForAnyValue\` would not`,
  'unreadable-request-value': (clause) =>
    `a value of \`${clause.key}\` is not one \`${clause.use.operator.name}\` can compare`,
}

/**
 * The tests of a clause whose values hold variables, filled in from the request: substituted
 * wildcards act as wildcards where the clause reads widely in a statement of its effect
 * (`readsWidely`).
 */
function filledTests(
  clause: CompiledClause,
  lookup: (key: string) => string | undefined,
  deny: boolean,
) {
  const tests: ValueTest[] = []
  const shown: string[] = []
  if (clause.fixedTests !== undefined) {
    for (const value of clause.values) if (value.kind === 'fixed') shown.push(value.shown)
    return { tests: clause.fixedTests, shown }
  }
  const { operator } = clause.use
  const wide = operator.wildcards && readsWidely(deny, operator.negated)
  for (const value of clause.values) {
    if (value.kind === 'fixed') {
      tests.push(value.test)
      shown.push(value.shown)
      continue
    }
    const filled = fillTemplate(value.template, lookup, wide)
    if (filled === undefined) continue
    tests.push(operator.bind(operator.readPolicyValue(filled) as never))
    shown.push(patternToText(filled))
  }
  return { tests, shown }
}

/**
 * Whether one clause holds for a request in a statement of the given effect, as
 * `evaluateClause` decides, without explaining it.
 */
export function clauseHolds(
  clause: CompiledClause,
  context: RequestContext,
  deny: boolean,
): boolean {
  const values = context.get(clause.foldedKey)?.values
  const tests = clause.fixedTests ?? filledTests(clause, variableLookup(context), deny).tests
  return readSafely(clauseOutcome(clause, values, tests), deny)
}

/**
 * Whether one clause holds for a request in a statement of the given effect, with the values it
 * compared and why, for explanations.
 */
export function evaluateClause(
  clause: CompiledClause,
  context: RequestContext,
  deny: boolean,
): ConditionClauseTrace {
  const { use } = clause
  const entry = context.get(clause.foldedKey)
  const requestValues = entry?.values
  const { tests, shown: shownValues } = filledTests(clause, variableLookup(context), deny)
  const outcome = clauseOutcome(clause, requestValues, tests)
  const matched = readSafely(outcome, deny)
  const comparedWith = `${use.written} ${quoted(shownValues)}`
  const reason = outcome === undefined ? undocumentedReason(clause, requestValues) : undefined
  const verdict =
    requestValues === undefined
      ? `\`${clause.key}\` is not in the request: \`${use.written}\` ${matched ? 'holds' : 'does not hold'}`
      : `\`${clause.key}\` = ${quoted(requestValues)} ${matched ? 'satisfies' : 'does not satisfy'} ${comparedWith}`
  const message =
    reason === undefined ? verdict : `${reasonWords[reason](clause)}: ${safeReadingWords(deny)}`
  return {
    operator: use.written,
    key: clause.key,
    ...(entry === undefined ? {} : { requestValues: entry.values }),
    policyValues: shownValues,
    matched,
    ...(reason === undefined ? {} : { undocumented: reason }),
    message,
    range: clause.range,
  }
}
