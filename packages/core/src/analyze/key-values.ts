import type { Catalog } from '../catalog/index.ts'
import { parseDateValue } from '../evaluate/conditions/date-value.ts'
import type { CompiledClause } from '../evaluate/conditions/index.ts'
import type { IpRange } from '../evaluate/conditions/ip-address.ts'
import { type GlobToken, globTokens } from './glob-search.ts'
import { resourceTokens } from './resource-tokens.ts'
import { type SearchWork, type TextAtom, textCells } from './text-cells.ts'

/**
 * What a request may give for one condition key so that every distinction the policies draw on
 * it is met once: not given, or one of these values (a list, for a key that holds several).
 */
export interface KeyValues {
  readonly key: string
  readonly options: readonly (string | readonly string[] | undefined)[]
  /** Why these options may not meet every distinction, when they may not. */
  readonly inexact?: string
}

/** Values of a multivalued key: every set of the single values up to this many of them. */
const maxSetValues = 5

function literalTokens(text: string, folds: boolean): GlobToken[] {
  return [...text].map((character) =>
    folds ? { kind: 'literal', character, folds } : { kind: 'literal', character },
  )
}

/** One value per cell the String or ARN clauses draw over texts. */
function textValues(clauses: readonly CompiledClause[], work: SearchWork): string[] | undefined {
  const atoms: TextAtom[] = []
  const candidates: string[] = []
  const variants: string[] = []
  for (const clause of clauses) {
    const { operator } = clause.use
    for (const value of clause.values) {
      if (value.kind !== 'fixed') continue
      // a value with a variable is compiled as a template, so a fixed one is read as written
      const text = value.shown
      const tokens =
        operator.family === 'Arn'
          ? resourceTokens(text)
          : operator.wildcards
            ? globTokens(text)
            : literalTokens(text, operator.name.includes('IgnoreCase'))
      atoms.push({ tokens, test: value.test })
      const plain = text.replaceAll('*', 'example').replaceAll('?', 'x')
      candidates.push(plain)
      variants.push(plain.toLowerCase(), plain.toUpperCase())
    }
  }
  // values that read as the key's own where the policies' values are not met
  if (/region/i.test(clauses[0]?.key ?? '')) candidates.push('eu-west-2', 'us-west-2')
  candidates.push('example', ...variants)
  const cells = textCells(
    atoms,
    { atom: { tokens: [{ kind: 'run' }], test: () => true }, candidates },
    work,
  )
  return cells?.map((cell) => cell.text)
}

/**
 * Points on both sides of every bound, and between bounds: one per interval the bounds cut;
 * a whole number between two bounds when one lies there (dates are written in milliseconds).
 * Beside a bound too large for `step` to move, the step is the bound's own precision.
 */
function aroundEach(bounds: readonly number[], step: number): number[] {
  const sorted = [...new Set(bounds)].sort((a, b) => a - b)
  const points = new Set<number>()
  for (const [index, bound] of sorted.entries()) {
    const beside = Math.max(step, Math.abs(bound) * Number.EPSILON)
    points.add(bound - beside)
    points.add(bound)
    points.add(bound + beside)
    const next = sorted[index + 1]
    if (next === undefined) continue
    const whole = Math.round((bound + next) / 2)
    points.add(bound < whole && whole < next ? whole : (bound + next) / 2)
  }
  return [...points]
}

/** Whether two instants or numbers lie on the same side of (or on) every bound. */
function sameCell(a: number, b: number, bounds: readonly number[]): boolean {
  return bounds.every((bound) => Math.sign(a - bound) === Math.sign(b - bound))
}

/** A number as decimal digits, never in exponent form (epoch seconds take no exponent). */
function decimalDigits(value: number): string {
  const text = String(value)
  if (!text.includes('e')) return text
  return Math.abs(value) >= 1 ? BigInt(Math.trunc(value)).toString() : value.toFixed(20)
}

/**
 * A request value that the evaluator reads in the same cell of the bounds as `time`: ISO 8601
 * when a whole millisecond within the years `Date` writes, else epoch seconds in decimal digits
 * (a date bound may be given in either form, of any size); undefined when neither does.
 */
function dateText(time: number, bounds: readonly number[]): string | undefined {
  const candidates = [
    ...(Number.isInteger(time) && Math.abs(time) <= 8.64e15 ? [new Date(time).toISOString()] : []),
    ...(Number.isFinite(time) ? [decimalDigits(time / 1000)] : []),
  ]
  return candidates.find((text) => {
    const read = parseDateValue(text)
    return read !== undefined && sameCell(read, time, bounds)
  })
}

/** A request value the evaluator reads as `value`, past the largest finite number too. */
function numberText(value: number): string {
  if (Number.isFinite(value)) return String(value)
  return value > 0 ? '1e999' : '-1e999'
}

function ipText(version: 4 | 6, value: bigint): string {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.')
  }
  const groups: string[] = []
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push(((value >> shift) & 0xffffn).toString(16))
  return groups.join(':')
}

/** The first and last address of each range and the addresses just outside it. */
function ipValues(ranges: readonly IpRange[]): string[] {
  const found = new Set<string>(['192.0.2.10', '2001:db8::10'])
  for (const range of ranges) {
    const bits = range.version === 4 ? 32n : 128n
    const top = (1n << bits) - 1n
    const last = range.network + (1n << (bits - BigInt(range.prefixLength))) - 1n
    for (const address of [range.network - 1n, range.network, last, last + 1n]) {
      if (address >= 0n && address <= top) found.add(ipText(range.version, address))
    }
  }
  return [...found]
}

function fixedValues(clauses: readonly CompiledClause[]): unknown[] {
  return clauses.flatMap((clause) =>
    clause.values.flatMap((value) => (value.kind === 'fixed' ? [value.value] : [])),
  )
}

/** Every non-empty set of the values, or the single values and pairs when there are too many. */
function setsOf(values: readonly string[]): { sets: string[][]; complete: boolean } {
  if (values.length <= maxSetValues) {
    const sets: string[][] = []
    for (let mask = 1; mask < 1 << values.length; mask++) {
      sets.push(values.filter((_, index) => (mask & (1 << index)) !== 0))
    }
    return { sets, complete: true }
  }
  const sets: string[][] = values.map((value) => [value])
  for (const [index, first] of values.entries()) {
    for (const second of values.slice(index + 1)) sets.push([first, second])
  }
  return { sets, complete: false }
}

/**
 * The values a request needs to give one condition key so that it meets, once each, every
 * combination of the clauses on that key that some value meets: one value per cell of what the
 * clauses compare (texts through `textCells`, numbers and dates on both sides of every bound,
 * addresses at the edges of every range). A key that holds several values, by the service
 * reference or because a clause qualifies it with `ForAnyValue`/`ForAllValues`, takes every
 * set of them; with many cells, sets of at most two, and the answer says it may miss some.
 */
export function keyValues(
  key: string,
  clauses: readonly CompiledClause[],
  catalog: Catalog | undefined,
  work: SearchWork,
): KeyValues | undefined {
  const families = new Set(clauses.map((clause) => clause.use.operator.family))
  families.delete('Null')
  const byFamily = (family: string) =>
    clauses.filter((clause) => clause.use.operator.family === family)
  const values: string[] = []
  const unwritten: number[] = []
  const text = [...byFamily('String'), ...byFamily('Arn')]
  if (text.length > 0) {
    const found = textValues(text, work)
    if (found === undefined) return undefined
    values.push(...found)
    // an ARN operator cannot read a value that is not an ARN, which is a case of its own
    if (families.has('Arn'))
      values.push('arn:aws:example:us-east-1:111122223333:example', 'not-an-arn')
  }
  const numbers = fixedValues(byFamily('Numeric')) as number[]
  if (families.has('Numeric')) {
    values.push(...aroundEach(numbers, 1).map(numberText), 'not-a-number')
  }
  const dates = fixedValues(byFamily('Date')) as number[]
  if (families.has('Date')) {
    for (const time of aroundEach(dates, 1000)) {
      const written = dateText(time, dates)
      if (written === undefined) unwritten.push(time)
      else values.push(written)
    }
    values.push('not-a-date')
  }
  if (families.has('Bool')) values.push('true', 'false', 'maybe')
  if (families.has('Binary')) {
    for (const clause of byFamily('Binary')) {
      for (const value of clause.values) if (value.kind === 'fixed') values.push(value.shown)
    }
    values.push('QUJD')
  }
  if (families.has('IpAddress')) {
    values.push(...ipValues(fixedValues(byFamily('IpAddress')) as IpRange[]), 'not-an-address')
  }
  if (values.length === 0) values.push('example')
  const single = [...new Set(values)]
  const reasons: string[] = []
  if (families.size > 1) {
    reasons.push(`\`${key}\` is compared as ${[...families].join(' and ')}, not one type`)
  }
  if (unwritten.length > 0) {
    reasons.push(
      `\`${key}\` is compared with a date no request value can be written just beside (${unwritten[0]} ms)`,
    )
  }
  const multivalued =
    clauses.some((clause) => clause.use.qualifier !== undefined) ||
    catalog?.conditionKey(key)?.multivalued === true
  if (!multivalued) {
    return withReasons({ key, options: [undefined, ...single] }, reasons)
  }
  const { sets, complete } = setsOf(single)
  if (!complete) {
    reasons.push(
      `\`${key}\` holds sets of ${single.length} distinct values: sets of at most two are tried`,
    )
  }
  return withReasons({ key, options: [undefined, [], ...sets] }, reasons)
}

function withReasons(values: KeyValues, reasons: readonly string[]): KeyValues {
  return reasons.length === 0 ? values : { ...values, inexact: reasons.join('; ') }
}
