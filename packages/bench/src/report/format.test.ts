import { describe, expect, it } from 'vitest'
import { formatBytes, formatRate, formatRatio, formatTime } from './format.ts'

describe('formats', () => {
  it('show times in the unit that fits', () => {
    expect([2500, 12.345, 0.5, 0.0004].map(formatTime)).toEqual([
      '2.50 s',
      '12.3 ms',
      '500 µs',
      '400 ns',
    ])
  })

  it('show rates, ratios and sizes', () => {
    expect(formatRate(0.0005)).toBe('2.00 M/s')
    expect(formatRate(0.05)).toBe('20.0 k/s')
    expect(formatRatio(32.4)).toBe('×32')
    expect(formatRatio(1.234)).toBe('×1.23')
    expect(formatBytes(2048)).toBe('2.0 KiB')
    expect(formatTime(Number.NaN)).toBe('n/a')
  })
})
