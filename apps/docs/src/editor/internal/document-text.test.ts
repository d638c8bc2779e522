import { describe, expect, it } from 'vitest'
import { documentReader } from './document-text.ts'

// longer than the reader's chunks, so that lines and whitespace cross chunk boundaries
const long = `${'x'.repeat(1500)}\n${' '.repeat(1200)}\n\t${'y'.repeat(700)}`

describe('documentReader', () => {
  const readers = {
    string: documentReader(long),
    'slice function': documentReader((from, to) => long.slice(from, to)),
  }

  it.each(Object.entries(readers))('finds the line around a position (%s)', (_, reader) => {
    expect(reader.lineAround(0)).toEqual({ from: 0, to: 1500 })
    expect(reader.lineAround(1500)).toEqual({ from: 0, to: 1500 })
    expect(reader.lineAround(1501)).toEqual({ from: 1501, to: 2701 })
    expect(reader.lineAround(long.length)).toEqual({ from: 2702, to: long.length })
  })

  it.each(Object.entries(readers))(
    'finds the last character that is not whitespace (%s)',
    (_, reader) => {
      expect(reader.significantBefore(long.length)).toEqual({ char: 'y', at: long.length - 1 })
      expect(reader.significantBefore(2703)).toEqual({ char: 'x', at: 1499 })
      expect(reader.significantBefore(0)).toBeUndefined()
      expect(documentReader(' \n\t\r ').significantBefore(5)).toBeUndefined()
    },
  )

  it.each(Object.entries(readers))('reads nothing outside the document (%s)', (_, reader) => {
    expect(reader.charAt(-1)).toBe('')
    expect(reader.charAt(long.length)).toBe('')
    expect(reader.slice(-5, 2)).toBe('xx')
    expect(reader.slice(5, 2)).toBe('')
  })

  it('asks a slice function for a few chunks per line, not a character at a time', () => {
    let calls = 0
    const reader = documentReader((from, to) => {
      calls++
      return long.slice(from, to)
    })
    reader.lineAround(2000)
    expect(calls).toBeLessThan(10)
  })
})
