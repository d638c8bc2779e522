import fc from 'fast-check'
import { describe, it } from 'vitest'
import * as entry from './index.ts'

/** Any JavaScript value, the odd ones included: null prototypes, boxed values, maps, dates. */
const arbValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
})

const exported = Object.entries(entry as Record<string, unknown>).filter(
  (pair): pair is [string, (...args: unknown[]) => unknown] => typeof pair[1] === 'function',
)

describe('every function the package exports', () => {
  it.each(exported)('%s returns for any arguments (oracle: it does not throw)', (_, fn) => {
    fc.assert(
      fc.property(fc.array(arbValue, { maxLength: 3 }), (args) => {
        fn(...args)
      }),
      // a function of no arguments reads the same thing every time: a few runs say it all
      { numRuns: fn.length === 0 ? 3 : 200 },
    )
  })
})
