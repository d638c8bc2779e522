import { describe, expect, it } from 'vitest'
import { show } from './show.ts'

describe('show', () => {
  it('quotes user text in backticks', () => {
    expect(show('Efect')).toBe('`Efect`')
  })

  it('writes control characters as escapes, keeping a message on one line', () => {
    expect(show('a\nb\u0000')).toBe('`a\\u000ab\\u0000`')
  })

  it('cuts long text, never inside a surrogate pair', () => {
    expect(show('x'.repeat(100))).toBe(`\`${'x'.repeat(48)}…\``)
    expect(show(`${'x'.repeat(47)}😀😀`)).toBe(`\`${'x'.repeat(47)}…\``)
  })
})
