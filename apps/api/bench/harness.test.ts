import { describe, expect, it } from 'vitest'
import {
  combine,
  type Measured,
  markdownTable,
  median,
  percentile,
  placeSection,
  roundRatios,
} from './harness.ts'

function measured(requestsPerSecond: number, latencies: number[] = [1]): Measured {
  return {
    target: 'server',
    route: 'GET /',
    connections: 1,
    requests: requestsPerSecond,
    seconds: 1,
    requestsPerSecond,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures: 0,
    latencies,
  }
}

describe('percentile and median', () => {
  it('take the nearest rank, and the middle or the mean of the two middles', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1)
    expect(percentile(hundred, 0.5)).toBe(50)
    expect(percentile(hundred, 0.99)).toBe(99)
    expect(percentile([3], 0.99)).toBe(3)
    expect(percentile([], 0.5)).toBeNaN()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('roundRatios', () => {
  it('divides round by round and takes the median of the ratios', () => {
    const ratio = roundRatios(
      [measured(50), measured(90), measured(60)],
      [measured(100), measured(100), measured(100)],
    )
    expect(ratio.rounds).toEqual([0.5, 0.9, 0.6])
    expect(ratio.median).toBe(0.6)
  })

  it('divides another figure when told', () => {
    const ratio = roundRatios([measured(1, [4])], [measured(1, [2])], (m) => m.p99)
    expect(ratio.rounds).toEqual([2])
  })
})

describe('combine', () => {
  it('adds requests over time and takes percentiles over every response of the slices', () => {
    const together = combine([measured(10, [1, 2, 3]), measured(30, [4, 5, 6])])
    expect(together.requestsPerSecond).toBe(20)
    expect(together.latencies).toEqual([1, 2, 3, 4, 5, 6])
    expect(together.p50).toBe(3)
    expect(together.p99).toBe(6)
  })
})

describe('placeSection', () => {
  const markers = { start: '<!-- b:start -->', end: '<!-- b:end -->', after: '<!-- a:end -->' }
  const text = '<!-- b:start -->\nnew\n<!-- b:end -->'

  it('replaces the section between its markers', () => {
    const document = '# T\n\n<!-- b:start -->\nold\n<!-- b:end -->\n\nrest\n'
    expect(placeSection(document, markers, text)).toBe(`# T\n\n${text}\n\nrest\n`)
  })

  it('puts a new section after the one it follows, or at the end', () => {
    const document = '# T\n\n<!-- a:start -->\na\n<!-- a:end -->\n\n<!-- c:start -->\n'
    expect(placeSection(document, markers, text)).toBe(
      `# T\n\n<!-- a:start -->\na\n<!-- a:end -->\n\n${text}\n\n<!-- c:start -->\n`,
    )
    expect(placeSection('# T\n', markers, text)).toBe(`# T\n\n${text}\n`)
  })
})

describe('markdownTable', () => {
  it('right-aligns the columns it is told to', () => {
    expect(markdownTable(['a', 'b'], [['x', '1']], [1])).toBe(
      '| a | b |\n| --- | ---: |\n| x | 1 |',
    )
  })
})
