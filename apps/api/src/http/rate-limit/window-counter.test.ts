import { describe, expect, it } from 'vitest'
import { windowCounter } from './window-counter.ts'

function clock(start = 1_000_000) {
  let time = start
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('windowCounter', () => {
  it('counts each client on its own, from its first request', () => {
    const { now, advance } = clock()
    const counter = windowCounter({ windowMs: 1000, now })
    expect(counter.hit('a')).toMatchObject({ count: 1, resetAt: now() + 1000 })
    advance(300)
    expect(counter.hit('a')).toMatchObject({ count: 2, resetAt: now() + 700 })
    expect(counter.hit('b')).toMatchObject({ count: 1, resetAt: now() + 1000 })
  })

  it('starts a client from zero once its window has ended', () => {
    const { now, advance } = clock()
    const counter = windowCounter({ windowMs: 1000, now })
    counter.hit('a')
    counter.hit('a')
    advance(999)
    expect(counter.hit('a').count).toBe(3)
    advance(1)
    expect(counter.hit('a')).toMatchObject({ count: 1, resetAt: now() + 1000 })
  })

  it('keeps a count across the swap of generations', () => {
    const { now, advance } = clock()
    const counter = windowCounter({ windowMs: 1000, now })
    advance(900)
    counter.hit('a')
    advance(200) // the generations swap here; the window of `a` still has 700 ms to run
    expect(counter.hit('a').count).toBe(2)
  })

  it('derives the tag once per client', () => {
    const { now } = clock()
    const tagged: string[] = []
    const counter = windowCounter({
      windowMs: 1000,
      now,
      tag: (key) => {
        tagged.push(key)
        return `#${key}`
      },
    })
    for (let index = 0; index < 5; index++) expect(counter.hit('a').tag).toBe('#a')
    expect(tagged).toEqual(['a'])
  })

  it('forgets clients that stopped calling, so memory stays bounded', () => {
    const { now, advance } = clock()
    const counter = windowCounter({ windowMs: 1000, now })
    for (let index = 0; index < 10_000; index++) counter.hit(`client-${index}`)
    expect(counter.size()).toBe(10_000)
    advance(1000)
    counter.hit('late')
    expect(counter.size()).toBe(10_001)
    advance(1000)
    counter.hit('later')
    expect(counter.size()).toBe(2)
    advance(5000)
    counter.hit('last')
    expect(counter.size()).toBe(1)
  })
})
