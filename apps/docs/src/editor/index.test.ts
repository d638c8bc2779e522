import { describe, expect, it } from 'vitest'
import * as editor from './index.ts'

describe('the editor surface', () => {
  it('exports the three functions and the completion vocabulary, nothing of its internals', () => {
    expect(Object.keys(editor).sort()).toEqual([
      'defaultCompletionLimit',
      'policyCompletionTypes',
      'policyCompletions',
      'policyHover',
      'policyPath',
    ])
  })
})
