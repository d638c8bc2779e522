import { arbAnyValue } from '@connect-policy/core/testing'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import * as entry from './index.ts'

const exported = Object.entries(entry as Record<string, unknown>).filter(
  (pair): pair is [string, (...args: unknown[]) => unknown] => typeof pair[1] === 'function',
)

describe('every function the package exports', () => {
  it.each(exported)('%s returns for any arguments (oracle: it does not throw)', (_, fn) => {
    fc.assert(
      fc.property(fc.array(arbAnyValue, { maxLength: 3 }), (args) => {
        fn(...args)
      }),
      // a function of no arguments reads the same thing every time: a few runs say it all
      { numRuns: fn.length === 0 ? 3 : 200 },
    )
  })
})
