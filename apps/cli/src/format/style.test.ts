import { describe, expect, it } from 'vitest'
import { escapeControls, quote } from './quote.ts'
import { createStyle, useColor } from './style.ts'

describe('useColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [true, { TERM: 'xterm-256color' }, true],
  ])('terminal %s, environment %j: %s', (isTTY, env, expected) => {
    expect(useColor({ isTTY, env })).toBe(expected)
  })
})

describe('createStyle', () => {
  it('wraps text in SGR codes when colours are on, and leaves it alone when off', () => {
    expect(createStyle(true).red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(createStyle(false).red('x')).toBe('x')
    expect(createStyle(true).bold('')).toBe('')
  })
})

describe('quote', () => {
  it.each([
    ['connect:*', '`connect:*`'],
    ['a\u001b[31mb', '`a\\u001b[31mb`'],
    ['x'.repeat(61), `\`${'x'.repeat(60)}…\``],
  ])('%j → %s', (text, expected) => {
    expect(quote(text)).toBe(expected)
  })

  it('escapes bidirectional overrides, which reorder what a terminal shows', () => {
    expect(escapeControls('a\u202eb')).toBe('a\\u202eb')
  })
})
