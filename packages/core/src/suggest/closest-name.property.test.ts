import fc from 'fast-check'
import { describe, it } from 'vitest'
import { closestName } from './closest-name.ts'

/** Edit distance by the full table, as the definition reads. */
function naiveDistance(a: string, b: string): number {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let i = 1; i <= left.length; i++) {
    const current = [i]
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[right.length] ?? 0
}

/** The first known name at the smallest distance, if within the limit for the written length. */
function naiveClosest(written: string, known: readonly string[]): string | undefined {
  if (written.length > 64) return undefined
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const name of known) {
    const found = naiveDistance(written, name)
    if (found < bestDistance) {
      best = name
      bestDistance = found
    }
  }
  const limit = written.length <= 2 ? 0 : written.length <= 4 ? 1 : 2
  return bestDistance <= limit ? best : undefined
}

const arbName = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', 'İ'), maxLength: 8 })

describe('closestName', () => {
  it('suggests what a full edit-distance table over every name suggests (oracle: naive)', () => {
    fc.assert(
      fc.property(arbName, fc.array(arbName, { maxLength: 12 }), (written, known) => {
        return closestName(written, known) === naiveClosest(written, known)
      }),
    )
  })
})
