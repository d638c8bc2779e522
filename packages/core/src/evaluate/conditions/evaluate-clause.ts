import type { RequestContext } from '../../authorize/request-context.ts'
import type { ConditionClauseTrace } from '../../authorize/result.ts'
import { fillTemplate, patternToText } from '../policy-variable.ts'
import type { CompiledClause, CompiledValue, ValueTest } from './compile-condition.ts'

/** A single-valued context key's value, for filling in `${key}`. */
export function variableLookup(context: RequestContext): (key: string) => string | undefined {
  return (key) => {
    const entry = context.get(key.toLowerCase())
    return entry === undefined || entry.multiValued || entry.values.length !== 1
      ? undefined
      : entry.values[0]
  }
}

function quoted(values: readonly string[]): string {
  return values.length === 0 ? 'no values' : values.map((value) => `\`${value}\``).join(', ')
}

const noValues: readonly string[] = []

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
 * Whether one clause holds for a request (*Condition operators*; *Conditions with multiple
 * context keys or values*; *Multivalued context keys*):
 * - several policy values: any may match (OR); for a negated operator, none may (NOR);
 * - a missing key: false, except for negated operators and `…IfExists`, which hold;
 * - `ForAnyValue`: some request value satisfies the operator; false on a missing or empty key;
 * - `ForAllValues`: every request value satisfies it; true on a missing or empty key;
 * - `Null`: `true` holds when the key is missing, `false` when it is present.
 */
function clauseOutcome(
  clause: CompiledClause,
  requestValues: readonly string[],
  tests: readonly ValueTest[],
): boolean {
  const { use } = clause
  const missing = requestValues.length === 0
  const { negated } = use.operator
  if (use.operator.family === 'Null') {
    if (use.qualifier === 'ForAllValues') return true
    if (use.qualifier === 'ForAnyValue') return false
    return nullHolds(clause.values, missing)
  }
  if (use.qualifier === 'ForAllValues') {
    if (missing) return true
    for (const request of requestValues) if (anyTest(tests, request) === negated) return false
    return true
  }
  if (use.qualifier === 'ForAnyValue') {
    if (missing) return use.ifExists
    for (const request of requestValues) if (anyTest(tests, request) !== negated) return true
    return false
  }
  if (missing) return use.ifExists || negated
  for (const request of requestValues) if (anyTest(tests, request)) return !negated
  return negated
}

/** The tests of a clause whose values hold variables, filled in from the request. */
function filledTests(clause: CompiledClause, lookup: (key: string) => string | undefined) {
  const tests: ValueTest[] = []
  const shown: string[] = []
  const { operator } = clause.use
  for (const value of clause.values) {
    if (value.kind === 'fixed') {
      tests.push(value.test)
      shown.push(value.shown)
      continue
    }
    const filled = fillTemplate(value.template, lookup)
    if (filled === undefined) continue
    tests.push(operator.bind(operator.readPolicyValue(filled) as never))
    shown.push(patternToText(filled))
  }
  return { tests, shown }
}

/** Whether one clause holds for a request, as `evaluateClause` decides, without explaining it. */
export function clauseHolds(clause: CompiledClause, context: RequestContext): boolean {
  const requestValues = context.get(clause.foldedKey)?.values ?? noValues
  const tests = clause.fixedTests ?? filledTests(clause, variableLookup(context)).tests
  return clauseOutcome(clause, requestValues, tests)
}

/** Whether one clause holds for a request, with the values it compared and why, for explanations. */
export function evaluateClause(
  clause: CompiledClause,
  context: RequestContext,
): ConditionClauseTrace {
  const { use } = clause
  const entry = context.get(clause.foldedKey)
  const requestValues = entry?.values ?? noValues
  const missing = requestValues.length === 0
  const { tests, shown: shownValues } = filledTests(clause, variableLookup(context))
  const matched = clauseOutcome(clause, requestValues, tests)
  const comparedWith = `${use.written} ${quoted(shownValues)}`
  const message = missing
    ? `\`${clause.key}\` is not in the request: \`${use.written}\` ${matched ? 'holds' : 'does not hold'}`
    : `\`${clause.key}\` = ${quoted(requestValues)} ${matched ? 'satisfies' : 'does not satisfy'} ${comparedWith}`
  return {
    operator: use.written,
    key: clause.key,
    ...(entry === undefined ? {} : { requestValues }),
    policyValues: shownValues,
    matched,
    message,
    range: clause.range,
  }
}
