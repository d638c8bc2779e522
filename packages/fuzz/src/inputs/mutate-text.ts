import { arbMutated } from '@connect-policy/core/testing'
import fc from 'fast-check'
import type { Rng } from './rng.ts'

/** A text mutation: the new text and what was done, in a few words. */
type TextMutation = (rng: Rng, text: string) => [string, string]

const punctuation = [',', '{', '}', '[', ']', '"', ':', '\\', '/', '*', '\n', '“', ' ', "'"]
const anyCharacters = [
  ...punctuation,
  'a',
  'Z',
  '0',
  '9',
  '-',
  '.',
  'e',
  '$',
  '?',
  '\u0000',
  '\ud83d',
]

const at = (rng: Rng, text: string) => rng.below(text.length + 1)

const flipCharacter: TextMutation = (rng, text) => {
  const position = rng.below(Math.max(1, text.length))
  const character = rng.pick(anyCharacters)
  return [
    `${text.slice(0, position)}${character}${text.slice(position + 1)}`,
    'a character flipped',
  ]
}

const insertCharacter: TextMutation = (rng, text) => {
  const position = at(rng, text)
  const character = rng.pick(punctuation)
  return [`${text.slice(0, position)}${character}${text.slice(position)}`, 'a character inserted']
}

const deleteCharacter: TextMutation = (rng, text) => {
  const position = rng.below(Math.max(1, text.length))
  return [`${text.slice(0, position)}${text.slice(position + 1)}`, 'a character deleted']
}

const deleteRange: TextMutation = (rng, text) => {
  const start = at(rng, text)
  const end = Math.min(text.length, start + rng.scale(1, 200))
  return [`${text.slice(0, start)}${text.slice(end)}`, `${end - start} characters deleted`]
}

const duplicateRange: TextMutation = (rng, text) => {
  const start = at(rng, text)
  const end = Math.min(text.length, start + rng.scale(1, 200))
  const to = at(rng, text)
  return [`${text.slice(0, to)}${text.slice(start, end)}${text.slice(to)}`, 'a range duplicated']
}

const truncate: TextMutation = (rng, text) => [text.slice(0, at(rng, text)), 'truncated']

const coreMutations: TextMutation = (rng, text) => [
  fc.sample(arbMutated(fc.constant(text)), { seed: rng.seed(), numRuns: 1 })[0] ?? text,
  "core's arbMutated edits",
]

const insertComment: TextMutation = (rng, text) => {
  const position = at(rng, text)
  const comment = rng.pick(['// note\n', '/* note */', '# note\n', '/*', '//'])
  return [`${text.slice(0, position)}${comment}${text.slice(position)}`, 'a comment inserted']
}

const trailingComma: TextMutation = (rng, text) => {
  const closers = [...text.matchAll(/[}\]]/g)].map((match) => match.index ?? 0)
  if (closers.length === 0) return [`${text},`, 'a trailing comma']
  const position = rng.pick(closers)
  return [`${text.slice(0, position)},${text.slice(position)}`, 'a trailing comma']
}

const swapQuotes: TextMutation = (rng, text) => {
  const quotes = [...text.matchAll(/"/g)].map((match) => match.index ?? 0)
  if (quotes.length === 0) return [text, 'no quote to swap']
  const position = rng.pick(quotes)
  const quote = rng.pick(["'", '“', '”', '`', '""'])
  return [`${text.slice(0, position)}${quote}${text.slice(position + 1)}`, 'a quote replaced']
}

const wrap: TextMutation = (rng, text) => {
  const [before, after, words] = rng.pick([
    ['\ufeff', '', 'a byte order mark first'],
    ['', '\u0000', 'a NUL last'],
    ['', text, 'the text twice'],
    ['[', ']', 'inside a list'],
    ['"', '"', 'inside quotes'],
    ['', '}', 'an extra brace'],
    ['\u00a0', '\u3000', 'odd spaces around'],
  ] as const)
  return [`${before}${text}${after}`, words]
}

/** The text mutations by name. */
export const textMutations: Readonly<Record<string, TextMutation>> = {
  'flip-character': flipCharacter,
  'insert-character': insertCharacter,
  'delete-character': deleteCharacter,
  'delete-range': deleteRange,
  'duplicate-range': duplicateRange,
  truncate,
  'core-mutations': coreMutations,
  'insert-comment': insertComment,
  'trailing-comma': trailingComma,
  'swap-quotes': swapQuotes,
  wrap,
}
