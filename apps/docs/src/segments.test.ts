import { describe, expect, it } from 'vitest'
import { segments } from './segments.ts'

describe('segments', () => {
  it('cuts the text at every boundary and lists the spans covering each piece', () => {
    expect(
      segments(10, [
        { start: 2, end: 6, key: 'a' },
        { start: 4, end: 8, key: 'b' },
      ]),
    ).toEqual([
      { start: 0, end: 2, keys: [] },
      { start: 2, end: 4, keys: ['a'] },
      { start: 4, end: 6, keys: ['a', 'b'] },
      { start: 6, end: 8, keys: ['b'] },
      { start: 8, end: 10, keys: [] },
    ])
  })

  it('shows an empty span on the character it starts at, and clamps spans to the text', () => {
    expect(segments(4, [{ start: 1, end: 1, key: 'x' }])).toEqual([
      { start: 0, end: 1, keys: [] },
      { start: 1, end: 2, keys: ['x'] },
      { start: 2, end: 4, keys: [] },
    ])
    expect(segments(4, [{ start: 4, end: 9, key: 'end' }])).toEqual([
      { start: 0, end: 3, keys: [] },
      { start: 3, end: 4, keys: ['end'] },
    ])
  })

  it('gives the whole text as one piece without spans, and nothing for no text', () => {
    expect(segments(3, [])).toEqual([{ start: 0, end: 3, keys: [] }])
    expect(segments(0, [{ start: 0, end: 0, key: 'x' }])).toEqual([])
  })
})
