import { describe, expect, it } from 'vitest'
import { table } from './render-section.ts'

describe('table', () => {
  it('pads every column to one width, as Biome formats Markdown tables', () => {
    expect(
      table([
        ['', 'median ×'],
        ['`long name`', '1 µs'],
      ]),
    ).toBe(
      [
        '|             | median × |',
        '| ----------- | -------- |',
        '| `long name` | 1 µs     |',
      ].join('\n'),
    )
  })
})
