import { describe, expect, it } from 'vitest'
import { naiveWildcardMatch } from '../testing/index.ts'
import { globTokens, searchGlobs } from './glob-search.ts'

const includes = (outer: string, inner: string) =>
  searchGlobs({ must: [globTokens(inner)], mustNot: [globTokens(outer)] })

describe('searchGlobs', () => {
  it('finds `foo*?bar` and `foo?*bar` equivalent, where general solvers have looped', () => {
    expect(includes('foo*?bar', 'foo?*bar')).toEqual({ kind: 'none' })
    expect(includes('foo?*bar', 'foo*?bar')).toEqual({ kind: 'none' })
  })

  it('shows the instance itself as what `instance/<id>*` allows beyond `instance/<id>/*`', () => {
    const id = 'a1b2c3d4-5678-90ab-cdef-111122223333'
    expect(includes(`instance/${id}/*`, `instance/${id}*`)).toEqual({
      kind: 'text',
      text: `instance/${id}`,
    })
    expect(includes(`instance/${id}*`, `instance/${id}/*`)).toEqual({ kind: 'none' })
  })

  it('gives a shortest text, with a filler for characters no pattern names', () => {
    // at the `?`, only `b` is read differently from any other character: a filler stands for them
    expect(searchGlobs({ must: [globTokens('a?c')], mustNot: [globTokens('abc')] })).toEqual({
      kind: 'text',
      text: 'adc',
    })
    expect(searchGlobs({ must: [globTokens('*')], mustNot: [globTokens('')] })).toEqual({
      kind: 'text',
      text: 'a',
    })
  })

  it('reads a literal star and question mark as those characters', () => {
    const star = globTokens('a\uE000')
    expect(searchGlobs({ must: [star], mustNot: [] })).toEqual({ kind: 'text', text: 'a*' })
    expect(searchGlobs({ must: [star], mustNot: [globTokens('a?')] })).toEqual({ kind: 'none' })
  })

  it('keeps a barred character out of a run', () => {
    const id = [{ kind: 'run', except: '/' }] as const
    expect(searchGlobs({ must: [id, globTokens('*/*')], mustNot: [] })).toEqual({ kind: 'none' })
    expect(searchGlobs({ must: [id, globTokens('?*')], mustNot: [] })).toEqual({
      kind: 'text',
      text: 'a',
    })
  })

  it('says unknown past the states it may visit, never a wrong answer', () => {
    const answer = searchGlobs(
      { must: [globTokens('*a*b*c*d*')], mustNot: [globTokens('*d*c*b*a*')] },
      3,
    )
    expect(answer.kind).toBe('unknown')
  })

  it('says unknown past the positions its automata may read, counted across the searches sharing them', () => {
    const query = { must: [globTokens('*a*b*c*d*')], mustNot: [globTokens('*d*c*b*a*')] }
    const shared = { steps: 0, maxSteps: 10 }
    expect(searchGlobs(query, undefined, shared).kind).toBe('unknown')
    expect(shared.steps).toBeGreaterThan(10)
    // the same count, already spent, stops the next search at once
    const next = searchGlobs(
      { must: [globTokens('a*')], mustNot: [globTokens('b*')] },
      undefined,
      shared,
    )
    expect(next).toEqual({
      kind: 'unknown',
      reason: "the search of the patterns' product passed 10 steps",
    })
    expect(searchGlobs(query).kind).toBe('text')
  })

  it('finds no text for a contradiction and one for every pattern alone', () => {
    expect(searchGlobs({ must: [globTokens('a*'), globTokens('b*')], mustNot: [] })).toEqual({
      kind: 'none',
    })
    for (const pattern of ['', '*', '?', 'a*b', '**?**']) {
      const answer = searchGlobs({ must: [globTokens(pattern)], mustNot: [] })
      expect(answer.kind).toBe('text')
      if (answer.kind === 'text') expect(naiveWildcardMatch(pattern, answer.text)).toBe(true)
    }
  })
})
