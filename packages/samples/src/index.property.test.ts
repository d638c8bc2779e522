import { assertReturnsForAnyArguments, exportedFunctions } from '@connect-policy/core/testing'
import { describe, it } from 'vitest'
import * as entry from './index.ts'

describe('every function the package exports', () => {
  it.each(exportedFunctions(entry))(
    '%s returns for any arguments (oracle: it does not throw)',
    (_, fn) => assertReturnsForAnyArguments(fn),
  )
})
