// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats in the reference's notation, not templates
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { naiveWildcardMatch } from '../testing/index.ts'
import { readArnFormat, separatedVariables } from './arn-format.ts'
import { overlapsFormat, readOverlapPattern } from './format-overlap.ts'

/** A piece of a generated ARN format: literal text, or a variable named like the reference's. */
type Piece = string | { readonly variable: string }
/** The five fields of a format after `arn:`: partition, service, region, account, resource. */
type FormatFields = readonly (readonly Piece[])[]

const formatSource = (fields: FormatFields): string =>
  `arn:${fields
    .map((field) =>
      field.map((piece) => (typeof piece === 'string' ? piece : `\${${piece.variable}}`)).join(''),
    )
    .join(':')}`

/**
 * What a variable cannot hold, read off the format the naive way: no colon in the first four
 * fields (an ARN's fields hold none), and no slash when the format puts a slash right after a
 * variable of that name somewhere. A variable stands for one or more characters; one in the
 * Region or account field may also stand for none.
 */
function excluded(fields: FormatFields, fieldIndex: number, name: string): string {
  const slashAfter = fields.some((field) =>
    field.some((piece, index) => {
      const next = field[index + 1]
      return (
        typeof piece !== 'string' &&
        piece.variable === name &&
        typeof next === 'string' &&
        next.startsWith('/')
      )
    }),
  )
  return `${fieldIndex < 4 ? ':' : ''}${slashAfter ? '/' : ''}`
}

interface Slot {
  readonly variable: string
  readonly excludes: string
  /** A Region or account, which global services and AWS-owned resources leave empty. */
  readonly mayBeEmpty: boolean
}

/** The pattern positions reachable after reading some text, to drop texts no match can start. */
function advance(pattern: string, row: readonly boolean[], text: string): boolean[] {
  const close = (states: boolean[]) => {
    for (let i = 0; i < pattern.length; i++)
      if (states[i] && pattern[i] === '*') states[i + 1] = true
    return states
  }
  let states = close([...row])
  for (const c of text) {
    const next = states.map(() => false)
    states.forEach((on, i) => {
      if (!on) return
      if (pattern[i] === '*') next[i] = true
      else if (pattern[i] === '?' || pattern[i] === c) next[i + 1] = true
    })
    states = close(next)
  }
  return states
}

/**
 * Whether some instance of `pieces` matches the glob `pattern`, by trying every instance whose
 * variables hold at most `nonStar(pattern) + variables` characters in all, over the pattern's own
 * literal characters and a filler `x`. That bound loses nothing: in a match, a variable's
 * characters that a `*` takes can be dropped (keeping one), and those a `?` takes can be `x`.
 * Prefixes that no match can start with are not extended.
 */
function someInstanceMatches(pattern: string, pieces: readonly (string | Slot)[]): boolean {
  const literals = [...new Set([...pattern].filter((c) => c !== '*' && c !== '?')), 'x']
  const variables = pieces.filter((piece) => typeof piece !== 'string').length
  const budget = [...pattern].filter((c) => c !== '*').length + variables
  const start = advance(pattern, [true, ...[...pattern].map(() => false)], '')
  const visit = (
    index: number,
    text: string,
    row: readonly boolean[],
    left: number,
    slotsLeft: number,
  ): boolean => {
    if (!row.includes(true)) return false
    const piece = pieces[index]
    if (piece === undefined) return naiveWildcardMatch(pattern, text)
    if (typeof piece === 'string') {
      return visit(index + 1, text + piece, advance(pattern, row, piece), left, slotsLeft)
    }
    const letters = literals.filter((letter) => !piece.excludes.includes(letter))
    const fill = (value: string, valueRow: readonly boolean[], room: number): boolean =>
      valueRow.includes(true) &&
      (((value.length > 0 || piece.mayBeEmpty) &&
        visit(index + 1, text + value, valueRow, left - value.length, slotsLeft - 1)) ||
        (room > 0 &&
          letters.some((letter) =>
            fill(value + letter, advance(pattern, valueRow, letter), room - 1),
          )))
    return fill('', row, left - (slotsLeft - 1))
  }
  return visit(0, '', start, budget, variables)
}

/**
 * The naive oracle: the pattern is cut into fields the way `naiveResourceMatch` cuts it (five
 * fields, the last keeping its colons; or, for a shorter pattern ending in `*`, its fields with
 * the last one standing for the rest of the ARN), and each field must match some instance of
 * the format's fields it faces. Fields are independent because no variable spans two.
 */
function bruteForceOverlap(
  pattern: string,
  fields: FormatFields,
  fieldMatches: (
    pattern: string,
    pieces: readonly (string | Slot)[],
  ) => boolean = someInstanceMatches,
): boolean {
  if (/^\*+$/.test(pattern)) return true
  const slots = fields.map((field, fieldIndex) =>
    field.map((piece): string | Slot =>
      typeof piece === 'string'
        ? piece
        : {
            variable: piece.variable,
            excludes: excluded(fields, fieldIndex, piece.variable),
            mayBeEmpty: fieldIndex === 2 || fieldIndex === 3,
          },
    ),
  )
  const parts = pattern.split(':').slice(1)
  if (parts.length >= 5) {
    const patternFields = [...parts.slice(0, 4), parts.slice(4).join(':')]
    return patternFields.every((field, index) => fieldMatches(field, slots[index] ?? []))
  }
  const last = parts.length - 1
  const rest = slots.slice(last).flatMap((field, index) => (index === 0 ? field : [':', ...field]))
  return (
    parts.slice(0, last).every((field, index) => fieldMatches(field, slots[index] ?? [])) &&
    fieldMatches(parts[last] ?? '', rest)
  )
}

/**
 * The same question as a search over pairs of positions, one in the pattern as written (every
 * `?` and `*` where the policy puts it) and one in the format, stepping both over one character
 * at a time: in time about their lengths multiplied, so it takes the long wildcard runs that an
 * enumeration of instances cannot, and it is held to that enumeration on small cases.
 */
function productMatches(pattern: string, given: readonly (string | Slot)[]): boolean {
  const pieces = given.flatMap((piece): (string | Slot)[] =>
    typeof piece === 'string' ? [...piece] : [piece],
  )
  // a state: pattern position, format position, and whether the variable there took a character
  const seen = new Set<string>()
  const stack: [number, number, boolean][] = []
  const push = (i: number, j: number, inside: boolean) => {
    const key = `${i},${j},${inside}`
    if (seen.has(key)) return
    seen.add(key)
    stack.push([i, j, inside])
  }
  push(0, 0, false)
  while (stack.length > 0) {
    const [i, j, inside] = stack.pop() as [number, number, boolean]
    const token = pattern[i]
    const piece = pieces[j]
    if (i === pattern.length && j === pieces.length && !inside) return true
    // moves that read nothing: a star ends; a variable that took a character, or may take none, ends
    if (token === '*') push(i + 1, j, inside)
    if (piece !== undefined && typeof piece !== 'string' && (inside || piece.mayBeEmpty))
      push(i, j + 1, false)
    if (token === undefined || piece === undefined) continue
    // moves that read one character both sides can read
    const fits =
      typeof piece === 'string'
        ? token === '*' || token === '?' || token === piece
        : token === '*' || token === '?' || !piece.excludes.includes(token)
    if (!fits) continue
    const nextI = token === '*' ? i : i + 1
    if (typeof piece === 'string') push(nextI, j + 1, false)
    else push(nextI, j, true)
  }
  return false
}

const resourcePiece = fc.constantFrom<Piece>(
  'a',
  'b',
  '/',
  ':',
  '*',
  { variable: 'Id' },
  { variable: 'Name' },
)

const arbFormat: fc.Arbitrary<FormatFields> = fc.tuple(
  fc.constantFrom<Piece[]>(['aws'], [{ variable: 'Partition' }]),
  fc.constantFrom<Piece[]>(['s'], ['t'], [{ variable: 'Vendor' }]),
  fc.constantFrom<Piece[]>([], ['r'], [{ variable: 'Region' }]),
  fc.constantFrom<Piece[]>([], ['*'], ['1'], [{ variable: 'Account' }]),
  fc
    .array(resourcePiece, { minLength: 1, maxLength: 4 })
    .filter((pieces) => pieces.filter((piece) => typeof piece !== 'string').length <= 2),
)

/** An instance of the format with short values, for patterns made from it. */
const arbInstance = (fields: FormatFields): fc.Arbitrary<string> =>
  fc
    .tuple(
      ...fields.map((field, fieldIndex) =>
        fc
          .tuple(
            ...field.map((piece) =>
              typeof piece === 'string'
                ? fc.constant(piece)
                : fc.string({
                    unit: fc.constantFrom(
                      ...['a', 'x', '/', ':'].filter(
                        (c) => !excluded(fields, fieldIndex, piece.variable).includes(c),
                      ),
                    ),
                    minLength: 1,
                    maxLength: 3,
                  }),
            ),
          )
          .map((values) => values.join('')),
      ),
    )
    .map((values) => values.join(':'))

const isArnPattern = (pattern: string): boolean =>
  pattern.startsWith('arn:') && (pattern.split(':').length >= 6 || pattern.endsWith('*'))

/**
 * A pattern made from an instance (some characters turned into `?` or `*`, some dropped, some
 * followed by a slash, sometimes cut short after a field with a `*`) so that overlaps are
 * frequent, or one drawn freely from the same characters so that they are not.
 */
const patternCharacter = fc.constantFrom('a', 'b', 's', 'r', '1', '/', '*', '?')
const edit = fc.constantFrom('keep', 'keep', 'keep', 'keep', 'one', 'run', 'drop', 'slash')

const arbPatternFor = (fields: FormatFields): fc.Arbitrary<string> =>
  fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            arbInstance(fields),
            fc.array(edit, { minLength: 40, maxLength: 40 }),
            fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
          )
          .map(([text, edits, cut]) => {
            const edited = [...text]
              .map((c, index) => {
                const change = edits[index] ?? 'keep'
                if (c === ':' || change === 'keep') return c
                if (change === 'slash') return `${c}/`
                return change === 'one' ? '?' : change === 'run' ? '*' : ''
              })
              .join('')
            if (cut === undefined) return `arn:${edited}`
            return `arn:${edited.split(':').slice(0, cut).join(':')}*`
          }),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.string({ unit: patternCharacter, maxLength: 3 }), {
            minLength: 2,
            maxLength: 6,
          })
          .map((parts) => `arn:${parts.join(':')}`),
      },
      { weight: 1, arbitrary: fc.constant('*') },
    )
    .filter(isArnPattern)
    // the enumeration tries every letter for each `?`: more of them can make one case take
    // minutes, which the test cannot stop
    .filter((pattern) => [...pattern].filter((c) => c === '?').length <= 6)

const arbCase = arbFormat.chain((fields) => fc.tuple(fc.constant(fields), arbPatternFor(fields)))

/** Whether `overlapsFormat` answers for the format and pattern as the oracle does, field by field. */
function agreesWithOracle(
  fields: FormatFields,
  pattern: string,
  fieldMatches: (pattern: string, pieces: readonly (string | Slot)[]) => boolean,
): boolean {
  const source = formatSource(fields)
  const format = readArnFormat(source, separatedVariables(source))
  if (format === undefined) return false
  return (
    overlapsFormat(readOverlapPattern(pattern), format) ===
    bruteForceOverlap(pattern, fields, fieldMatches)
  )
}

// the oracle's search is small but CPU-bound, and some cases are not: of 40,000 drawn, one
// (`arn:*?*:s:r::*??a*xb/` against two adjacent ids) took 5.9 s alone on an idle machine, and a
// run of 1,000 under CI's load took 38 s. A safety net for a loaded machine, not a target.
const timeout = 240_000

describe('overlapsFormat', () => {
  it(
    'agrees with a brute-force search over instances of the format on small alphabets (oracle: naive)',
    () => {
      fc.assert(
        fc.property(arbCase, ([fields, pattern]) =>
          agreesWithOracle(fields, pattern, someInstanceMatches),
        ),
      )
    },
    timeout,
  )

  it(
    'draws overlaps and misses alike, so that agreeing says something (a check of the generator)',
    () => {
      const samples = fc.sample(arbCase, { numRuns: 300, seed: 7 })
      const overlapping = samples.filter(([fields, pattern]) => bruteForceOverlap(pattern, fields))
      expect(overlapping.length).toBeGreaterThan(60)
      expect(samples.length - overlapping.length).toBeGreaterThan(60)
    },
    timeout,
  )

  it(
    'the search over pairs of positions agrees with the enumeration of instances (an oracle checked by the other)',
    () => {
      fc.assert(
        fc.property(
          arbCase,
          ([fields, pattern]) =>
            bruteForceOverlap(pattern, fields, productMatches) ===
            bruteForceOverlap(pattern, fields),
        ),
      )
    },
    timeout,
  )

  it(
    'agrees with the search over pairs of positions on long runs of `?` and `*`, which are rewritten and cut short (oracle: naive)',
    () => {
      const piece = fc.oneof(
        fc.constantFrom('a', 'b', 's', '1', '/', ':', '*', '?'),
        fc.integer({ min: 1, max: 120 }).map((length) => '?'.repeat(length)),
        fc
          .array(fc.constantFrom('?', '*'), { minLength: 2, maxLength: 12 })
          .map((run) => run.join('')),
      )
      const arbLongCase = arbFormat.chain((fields) =>
        fc.tuple(
          fc.constant(fields),
          fc
            .tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.boolean())
            .map(([pieces, short]) => `arn:${pieces.join('')}${short ? '*' : ''}`)
            .filter(isArnPattern),
        ),
      )
      fc.assert(
        fc.property(arbLongCase, ([fields, pattern]) =>
          agreesWithOracle(fields, pattern, productMatches),
        ),
        { numRuns: 300 },
      )
    },
    timeout,
  )
})
