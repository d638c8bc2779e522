import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { windowCounter } from './window-counter.ts'

/** The definition: every client's window starts at its first request after its last one ended. */
function naiveCounter(windowMs: number) {
  const windows = new Map<string, { count: number; resetAt: number }>()
  return (key: string, time: number) => {
    const window = windows.get(key)
    if (window === undefined || time >= window.resetAt) {
      windows.set(key, { count: 1, resetAt: time + windowMs })
      return { count: 1, resetAt: time + windowMs }
    }
    window.count++
    return { ...window }
  }
}

const step = fc.record({
  key: fc.constantFrom('a', 'b', 'c', 'd'),
  advance: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 50 }),
    fc.integer({ min: 0, max: 400 }),
  ),
})

describe('windowCounter, as a property', () => {
  it('counts as the naive definition does, with its generations swapped any time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(step, { maxLength: 200 }),
        (windowMs, steps) => {
          let time = 0
          const counter = windowCounter({ windowMs, now: () => time })
          const naive = naiveCounter(windowMs)
          for (const { key, advance } of steps) {
            time += advance
            const { count, resetAt } = counter.hit(key)
            expect({ count, resetAt }).toEqual(naive(key, time))
          }
          expect(counter.size()).toBeLessThanOrEqual(4)
        },
      ),
    )
  })
})
