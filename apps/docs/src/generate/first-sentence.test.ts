import { findingReference } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { firstSentence } from './first-sentence.ts'

describe('firstSentence', () => {
  it('ends at the first period followed by a space', () => {
    expect(firstSentence('A statement without `Effect`. AWS rejects it.')).toBe(
      'A statement without `Effect`.',
    )
  })

  it('is the whole text, trimmed, when it has one sentence or no end mark', () => {
    expect(firstSentence('  The text holds no JSON at all.  ')).toBe(
      'The text holds no JSON at all.',
    )
    expect(firstSentence('No `Statement`')).toBe('No `Statement`')
    expect(firstSentence('')).toBe('')
  })

  it('does not end inside backtick code, parentheses or an abbreviation', () => {
    expect(firstSentence('A number such as `01` or `1. 5`. More.')).toBe(
      'A number such as `01` or `1. 5`.',
    )
    expect(firstSentence('An ID (instance, user, ...) that is not a UUID. More.')).toBe(
      'An ID (instance, user, ...) that is not a UUID.',
    )
    expect(firstSentence('A wildcard, e.g. `*`, on every action. More.')).toBe(
      'A wildcard, e.g. `*`, on every action.',
    )
  })

  it('ends at a question or exclamation mark, and not at a period inside a word', () => {
    expect(firstSentence('Is it 2.0? Not yet.')).toBe('Is it 2.0?')
    expect(firstSentence('Stop! Now.')).toBe('Stop!')
    expect(firstSentence('See docs.aws.amazon.com first. Then.')).toBe(
      'See docs.aws.amazon.com first.',
    )
  })

  it('gives every finding code of the reference a one-line meaning that starts its meaning', () => {
    for (const entry of findingReference) {
      const sentence = firstSentence(entry.meaning)
      expect(entry.meaning.startsWith(sentence), entry.code).toBe(true)
      expect(sentence.length, entry.code).toBeGreaterThan(5)
      expect(sentence.includes('\n'), entry.code).toBe(false)
    }
    const nothing = findingReference.find((entry) => entry.code === 'statement-matches-nothing')
    expect(firstSentence(nothing?.meaning ?? '')).toBe(
      'No action of the statement acts on any of its resources, so the statement does nothing.',
    )
  })
})
