import fc from 'fast-check'
import { arbAnyValue } from './arbitraries.ts'

/** The functions a module exports, by name. */
export function exportedFunctions(
  entry: Readonly<Record<string, unknown>>,
): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(entry).filter(
    (pair): pair is [string, (...args: unknown[]) => unknown] => typeof pair[1] === 'function',
  )
}

/**
 * Oracle: abstract. A function returns, whatever up to three arguments it is given
 * (`arbAnyValue`, or the arbitrary given): it never throws. A function of no arguments reads the
 * same thing every time, so a few runs say it all.
 */
export function assertReturnsForAnyArguments(
  fn: (...args: unknown[]) => unknown,
  arbArgument: fc.Arbitrary<unknown> = arbAnyValue,
  numRuns = 200,
): void {
  fc.assert(
    fc.property(fc.array(arbArgument, { maxLength: 3 }), (args) => {
      fn(...args)
    }),
    { numRuns: fn.length === 0 ? 3 : numRuns },
  )
}
