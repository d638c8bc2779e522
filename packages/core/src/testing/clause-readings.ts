import type { CompiledClause, ValueTest } from '../evaluate/conditions/index.ts'

/**
 * Every reading of a clause that AWS's rules leave possible, written out plainly as the oracle
 * of the safe reading: where AWS documents the outcome there is one reading; where it does not,
 * one per way an engine could fill the gap (a key of several values read as "some value", "every
 * value", its first or its last value; an empty list read as a missing key or as either set
 * qualifier reads it; `ForAnyValue:…IfExists` on a missing key with either part winning; a
 * request value the operator cannot read taken as matching no policy value or every one).
 */
export function clauseReadings(
  clause: CompiledClause,
  values: readonly string[] | undefined,
  tests: readonly ValueTest[],
): readonly boolean[] {
  const { operator, qualifier, ifExists } = clause.use
  const { negated } = operator
  const reads = (value: string) => operator.readsRequestValue?.(value) ?? true
  // one request value against the policy values, with an unreadable one taken as matching none
  // (`fallback` false) or all (`fallback` true)
  const matchesWith = (value: string, fallback: boolean) =>
    reads(value) ? tests.some((test) => test(value)) : fallback
  const satisfiesWith = (value: string, fallback: boolean) =>
    matchesWith(value, fallback) !== negated
  const missing = values === undefined
  const empty = missing || values.length === 0

  if (operator.family === 'Null') {
    if (qualifier === 'ForAllValues') return [true]
    if (qualifier === 'ForAnyValue') return [false]
    const asks = (absent: boolean) =>
      clause.values.some((value) => value.kind === 'fixed' && (value.value === true) === absent)
    if (missing) return [asks(true)]
    return values.length === 0 ? [asks(true), asks(false)] : [asks(false)]
  }
  if (qualifier === 'ForAllValues') {
    if (empty) return [true]
    return [false, true].map((fallback) => values.every((value) => satisfiesWith(value, fallback)))
  }
  if (qualifier === 'ForAnyValue') {
    if (empty) return ifExists ? [true, false] : [false]
    return [false, true].map((fallback) => values.some((value) => satisfiesWith(value, fallback)))
  }
  if (missing) return [ifExists || negated]
  if (values.length === 0) return [ifExists || negated, false, true]
  const readings: boolean[] = []
  for (const fallback of [false, true]) {
    const each = values.map((value) => satisfiesWith(value, fallback))
    readings.push(each.some(Boolean), each.every(Boolean), each[0] as boolean)
    readings.push(each[each.length - 1] as boolean)
  }
  return readings
}
