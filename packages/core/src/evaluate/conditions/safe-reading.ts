/**
 * A clause's outcome: `true` or `false` where AWS documents it, `undefined` where AWS leaves it
 * open, for a construct its pages do not give an outcome for.
 */
export type ClauseOutcome = boolean | undefined

/** Why AWS's pages leave a clause's outcome open, as `undocumentedReason` names it. */
export const undocumentedReasons = [
  'several-values-without-qualifier',
  'empty-list',
  'for-any-value-if-exists',
  'unreadable-request-value',
] as const
export type UndocumentedReason = (typeof undocumentedReasons)[number]

/** Each construct AWS leaves open, in words, as a front end names it beside a clause. */
export const undocumentedReasonWords: Readonly<Record<UndocumentedReason, string>> = {
  'several-values-without-qualifier': 'several request values and no set qualifier',
  'empty-list': 'an empty list of values',
  'for-any-value-if-exists': '`ForAnyValue` with `IfExists` and no value',
  'unreadable-request-value': 'a request value the operator cannot read',
}

/**
 * The outcome of a clause whose outcome AWS leaves open, read the way that grants least: it does
 * not hold in an Allow and holds in a Deny. Any other reading could allow, in one statement or
 * the other, a request that this reading denies; this one never allows what another denies.
 *
 * The constructs are those AWS's pages give no outcome for (*IAM JSON policy elements:
 * Condition operators*; *Single-valued vs. multivalued context keys*, "Multivalued context keys
 * require a condition set operator"; IAM Access Analyzer `MISSING_QUALIFIER`, an error):
 * - an operator without `ForAnyValue`/`ForAllValues` on a key that holds several values, where
 *   "some value satisfies it" and "every value satisfies it" disagree;
 * - an operator without a set qualifier on a key given as an empty list;
 * - `ForAnyValue:…IfExists` on a missing key or an empty set, where `IfExists` says "holds"
 *   and `ForAnyValue` says "does not";
 * - a request value the operator cannot read (text under `NumericLessThan`, an address that is
 *   not one under `IpAddress`, a value that is not an ARN under `ArnLike`).
 *
 * Each clause is read on its own: a statement whose clauses AWS leaves open is read as granting
 * least in each.
 */
export function readSafely(outcome: ClauseOutcome, deny: boolean): boolean {
  return outcome ?? deny
}

/** The words for how a statement reads a clause whose outcome AWS leaves open, for explanations. */
export function safeReadingWords(deny: boolean): string {
  return deny
    ? 'AWS does not document the outcome, so this Deny reads it as holding'
    : 'AWS does not document the outcome, so this Allow reads it as not holding'
}
