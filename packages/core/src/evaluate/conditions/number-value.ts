import type { ConditionValue } from '../../model/index.ts'

// Each run of digits belongs to exactly one quantifier (the integer part, the fraction or the
// exponent), and the alternatives start with different characters, so a failed match is linear
// in the text. The earlier /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/ let `\d+` and `\d*` share
// a run of digits and took time quadratic in their number to reject one followed by a letter.
const numberShape = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * A `Numeric…` condition value as a number (*IAM JSON policy elements: Condition operators*,
 * Numeric): a JSON number, or text that is a decimal number with an optional sign, fraction and
 * exponent, with white space around it; undefined for anything else. Linear in the text.
 */
export function readNumber(value: ConditionValue | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !numberShape.test(value.trim())) return undefined
  return Number(value)
}
