import type { RequestContext } from '../../authorize/request-context.ts'
import type { ConditionClauseTrace } from '../../authorize/result.ts'
import { fillTemplate, patternToText } from '../policy-variable.ts'
import type { CompiledClause } from './compile-condition.ts'

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

/**
 * Whether one clause holds for a request (*Condition operators*; *Conditions with multiple
 * context keys or values*; *Multivalued context keys*):
 * - several policy values: any may match (OR); for a negated operator, none may (NOR);
 * - a missing key: false, except for negated operators and `…IfExists`, which hold;
 * - `ForAnyValue`: some request value satisfies the operator; false on a missing or empty key;
 * - `ForAllValues`: every request value satisfies it; true on a missing or empty key;
 * - `Null`: `true` holds when the key is missing, `false` when it is present.
 */
export function evaluateClause(
  clause: CompiledClause,
  context: RequestContext,
): ConditionClauseTrace {
  const { use } = clause
  const entry = context.get(clause.foldedKey)
  const requestValues = entry?.values ?? []
  const missing = requestValues.length === 0
  const lookup = variableLookup(context)
  const shownValues: string[] = []
  const policyValues: unknown[] = []
  for (const value of clause.values) {
    if (value.kind === 'fixed') {
      shownValues.push(value.shown)
      policyValues.push(value.value)
      continue
    }
    const filled = fillTemplate(value.template, lookup)
    if (filled === undefined) continue
    shownValues.push(patternToText(filled))
    policyValues.push(use.operator.readPolicyValue(filled))
  }
  const compare = use.operator.compare as (request: string, policy: unknown) => boolean
  const positive = (request: string) => policyValues.some((policy) => compare(request, policy))
  const satisfies = (request: string) =>
    use.operator.negated ? !positive(request) : positive(request)

  let matched: boolean
  if (use.operator.family === 'Null') {
    const wantsMissing = policyValues.map((value) => value === true)
    matched =
      use.qualifier === 'ForAllValues'
        ? true
        : use.qualifier === 'ForAnyValue'
          ? false
          : wantsMissing.includes(missing)
  } else if (use.qualifier === 'ForAllValues') {
    matched = missing || requestValues.every(satisfies)
  } else if (use.qualifier === 'ForAnyValue') {
    matched = missing ? use.ifExists : requestValues.some(satisfies)
  } else if (missing) {
    matched = use.ifExists || use.operator.negated
  } else {
    matched = use.operator.negated ? !requestValues.some(positive) : requestValues.some(positive)
  }

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
