import { quote } from '../model/index.ts'
import { didYouMean } from '../suggest/index.ts'
import { findingReference } from './finding-reference.ts'

const knownCodes: readonly string[] = findingReference.map((reference) => reference.code)
const knownCodeSet: ReadonlySet<string> = new Set(knownCodes)

/**
 * Why a code given to suppress cannot be one, if it cannot: it is no code the validator reports
 * (docs/findings.md), most likely a slip, which would otherwise leave the findings it was meant
 * to silence in place without a word. Every front end refuses such a code with this message.
 */
export function unknownFindingCode(code: unknown): string | undefined {
  if (typeof code === 'string' && knownCodeSet.has(code)) return undefined
  if (typeof code !== 'string') return 'a finding code is text'
  return `${quote(code)} is not a finding code${didYouMean(code, knownCodes) || ' (docs/findings.md lists them)'}`
}
