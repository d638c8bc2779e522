import { isUuidSegment } from '../catalog/connect-identifiers.ts'
import type { ArnFormat, CatalogAction } from '../catalog/index.ts'
import { splitArn } from '../match/index.ts'
import { type GlobToken, globTokens, tokensMatch } from './glob-search.ts'
import type { TextAtom, TextSpace } from './text-cells.ts'
import { valueFor } from './value-for.ts'

/** The account and Region a witness uses where the policies name none. */
export const exampleAccount = '111122223333'
export const otherAccount = '444455556666'
export const exampleRegion = 'us-east-1'
const otherRegion = 'eu-west-2'

/** The fields of an ARN before its resource part that may be empty (`arnFormat`'s reading). */
const fieldMayBeEmpty = [false, false, true, true, false]

/**
 * The ARNs of a format as tokens: its text literally, each `${Variable}` one or more
 * characters (none for a Region or account, which global and AWS-owned resources leave empty)
 * that are not the separator the format puts after it, nor a colon before the resource part.
 */
export function formatTokens(format: ArnFormat): readonly GlobToken[] {
  let tokens = tokensOf.get(format)
  if (tokens === undefined) {
    tokens = readFormatTokens(format)
    tokensOf.set(format, tokens)
  }
  return tokens
}

const tokensOf = new WeakMap<ArnFormat, readonly GlobToken[]>()

function readFormatTokens(format: ArnFormat): GlobToken[] {
  const tokens: GlobToken[] = globTokens('arn:')
  for (const [index, field] of format.fields.entries()) {
    if (index > 0) tokens.push({ kind: 'literal', character: ':' })
    let before = ''
    for (const token of field) {
      if (token.kind === 'text') {
        for (const character of token.text) tokens.push({ kind: 'literal', character })
        before = token.text
        continue
      }
      const barred = index < 4 ? `${token.excludes}:` : token.excludes
      const except =
        uuidIdentifier(format, index, before) && !barred.includes('/') ? `${barred}/` : barred
      const bar = except === '' ? {} : { except }
      if (!fieldMayBeEmpty[index]) tokens.push({ kind: 'one', ...bar })
      tokens.push({ kind: 'run', ...bar })
    }
  }
  return tokens
}

/**
 * Whether a variable of a format is an Amazon Connect identifier, a UUID, which holds no `/`:
 * what follows `queue/` in an Amazon Connect ARN (`catalog/connect-identifiers.ts`).
 */
function uuidIdentifier(format: ArnFormat, field: number, before: string): boolean {
  if (format.service !== 'connect' || field !== 4) return false
  if (!before.endsWith('/')) return false
  // the segment the text ends with, `queue` of `/queue/`
  return isUuidSegment(before.slice(before.lastIndexOf('/', before.length - 2) + 1, -1))
}

/** A hash of a name, for identifiers that differ by variable and stay the same between runs. */
function hashOf(text: string): number {
  let hash = 2166136261
  for (const character of text) {
    hash ^= character.codePointAt(0) ?? 0
    hash = Math.imul(hash, 16777619) >>> 0
  }
  return hash
}

const identifiers = new Map<string, string>()

/** An identifier shaped as the service writes it: a UUID for `…Id`, a name otherwise. */
export function exampleIdentifier(variable: string): string {
  // the formats' variables are few and met in every analysis: each is written once
  if (identifiers.size > 10_000) identifiers.clear()
  return valueFor(identifiers, variable, () => writtenIdentifier(variable))
}

function writtenIdentifier(variable: string): string {
  if (/id$/i.test(variable)) {
    const hex = (seed: string, length: number) =>
      hashOf(`${variable}/${seed}`).toString(16).padStart(8, '0').repeat(2).slice(0, length)
    return `${hex('a', 8)}-${hex('b', 4)}-4${hex('c', 3)}-8${hex('d', 3)}-${hex('e', 12)}`
  }
  const words = variable.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
  return `example-${words}`
}

/** Values the policies give for a format's variables, found where a pattern's segment is plain. */
interface FillValues {
  readonly region?: string
  readonly account?: string
  readonly variables: ReadonlyMap<string, string>
}

function plain(text: string): boolean {
  return text !== '' && !/[*?$]/.test(text)
}

/** Lines a pattern's plain segments up with a format's variables: `instance/abc` gives InstanceId. */
function valuesFrom(format: ArnFormat, pattern: string): FillValues | undefined {
  const parts = splitArn(pattern)
  if (parts === undefined) return undefined
  const variables = new Map<string, string>()
  const segments = parts.resource.split('/')
  let segment = 0
  let current: (typeof format.fields)[4][number][] = []
  const flush = () => {
    const only = current.length === 1 ? current[0] : undefined
    const written = segments[segment]
    if (only?.kind === 'variable' && written !== undefined && plain(written)) {
      variables.set(only.name, written)
    }
    current = []
    segment++
  }
  for (const token of format.fields[4]) {
    if (token.kind === 'variable') {
      current.push(token)
      continue
    }
    const pieces = token.text.split('/')
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) flush()
      if (piece !== '') current.push({ kind: 'text', text: piece })
    }
  }
  flush()
  return {
    ...(plain(parts.region) ? { region: parts.region } : {}),
    ...(/^\d{12}$/.test(parts.account) ? { account: parts.account } : {}),
    variables,
  }
}

/** The format's ARNs filled with example values only, by partition, account and Region. */
const plainFills = new WeakMap<ArnFormat, Map<string, string>>()

function fill(
  format: ArnFormat,
  values: FillValues,
  account: string,
  region: string,
  partition = 'aws',
): string {
  if (values.variables.size === 0 && values.region === undefined && values.account === undefined) {
    const kept = valueFor(plainFills, format, () => new Map<string, string>())
    // a few places per format in practice; many, from many policies, are not all kept
    if (kept.size > 64) kept.clear()
    return valueFor(kept, `${partition}:${region}:${account}`, () =>
      filled(format, values, account, region, partition),
    )
  }
  return filled(format, values, account, region, partition)
}

function filled(
  format: ArnFormat,
  values: FillValues,
  account: string,
  region: string,
  partition: string,
): string {
  const fieldText = (index: number): string =>
    (format.fields[index] ?? [])
      .map((token) => {
        if (token.kind === 'text') return token.text
        if (index === 0) return partition
        if (index === 2) return values.region ?? region
        if (index === 3) return values.account ?? account
        return values.variables.get(token.name) ?? exampleIdentifier(token.name)
      })
      .join('')
  return `arn:${[0, 1, 2, 3, 4].map(fieldText).join(':')}`
}

/** The accounts and Regions the policies name, the first used where a witness needs one. */
export interface PolicyPlaces {
  readonly accounts: readonly string[]
  readonly regions: readonly string[]
}

/** The 12-digit accounts and plain Regions a set of ARN patterns names, in order of appearance. */
export function placesOf(patterns: readonly string[]): PolicyPlaces {
  const accounts = new Set<string>()
  const regions = new Set<string>()
  for (const pattern of patterns) {
    const parts = splitArn(pattern)
    if (parts === undefined) continue
    if (/^\d{12}$/.test(parts.account)) accounts.add(parts.account)
    if (/^[a-z]{2}(-[a-z]+)+-\d$/.test(parts.region)) regions.add(parts.region)
  }
  return { accounts: [...accounts], regions: [...regions] }
}

/**
 * Candidate ARNs of a format that look real, with values from the policies' own patterns, each
 * once, made as they are asked for: the format filled with the policies' first account and
 * Region, then with each pattern's values, then in another account, Region and partition.
 */
function* realisticArns(
  format: ArnFormat,
  patterns: readonly string[],
  places: PolicyPlaces,
): Generator<string> {
  const account = places.accounts[0] ?? exampleAccount
  const region = places.regions[0] ?? exampleRegion
  const none: FillValues = { variables: new Map() }
  const found = new Set<string>()
  const fresh = (arn: string) => {
    if (found.has(arn)) return false
    found.add(arn)
    return true
  }
  const first = fill(format, none, account, region)
  if (fresh(first)) yield first
  for (const pattern of patterns) {
    // only a pattern of the format's own service can give its values
    if (!pattern.includes(`:${format.service}:`)) continue
    const values = valuesFrom(format, pattern)
    if (values === undefined) continue
    const arn = fill(format, values, account, region)
    if (fresh(arn)) yield arn
  }
  const alternateAccount = account === otherAccount ? exampleAccount : otherAccount
  const others = [
    fill(format, none, alternateAccount, region),
    fill(format, none, account, region === otherRegion ? exampleRegion : otherRegion),
    // the other partitions, which a policy written for `arn:aws:` does not reach
    fill(format, none, account, 'cn-north-1', 'aws-cn'),
    fill(format, none, account, 'us-gov-west-1', 'aws-us-gov'),
  ]
  for (const arn of others) if (fresh(arn)) yield arn
}

/**
 * ARNs of `format` to stand beside `main` in one request, best first: with the partition,
 * Region, account and the ids (`InstanceId`) of `main` where its own format names them alike,
 * then as the policies' patterns write them.
 */
export function* companionArns(
  format: ArnFormat,
  main: string,
  mainFormat: ArnFormat | undefined,
  patterns: readonly string[],
  places: PolicyPlaces,
): Generator<string> {
  const parts = splitArn(main)
  const shared = mainFormat === undefined ? undefined : valuesFrom(mainFormat, main)
  const account = shared?.account ?? places.accounts[0] ?? exampleAccount
  const region = shared?.region ?? places.regions[0] ?? exampleRegion
  const partition = parts?.partition || 'aws'
  const first = shared === undefined ? undefined : fill(format, shared, account, region, partition)
  if (first !== undefined) yield first
  // made only when the first does not do
  for (const arn of realisticArns(format, patterns, places)) if (arn !== first) yield arn
}

/**
 * A search's witness with its one-character path segments (the filler a shortest text puts
 * where an identifier goes) written as identifiers: all of them at once, then each alone.
 */
export function polishedArns(text: string): string[] {
  const colons = [...text.matchAll(/:/g)]
  const start = (colons[4]?.index ?? -1) + 1
  if (start <= 0) return []
  const head = text.slice(0, start)
  const segments = text.slice(start).split('/')
  const short = segments.flatMap((segment, index) => (/^[a-z0-9]$/.test(segment) ? [index] : []))
  const written = (chosen: readonly number[]) =>
    head +
    segments
      .map((segment, index) =>
        chosen.includes(index) ? exampleIdentifier(`Segment${index}Id`) : segment,
      )
      .join('/')
  if (short.length === 0) return []
  return [written(short), ...(short.length > 1 ? short.map((index) => written([index])) : [])]
}

/** The space of one resource type's ARNs for an action, as `textCells` explores it. */
export interface ResourceSpace {
  readonly type?: string
  /** The literal service field of the space's ARNs, when they have one. */
  readonly service?: string
  /** Names the space among all others: the same id, the same texts. */
  readonly id: string
  readonly space: TextSpace
}

/**
 * Where an action's resources lie: the ARNs of each format of each of its resource types (the
 * service reference's), `*` for an action that names no resource type, or any text for an
 * action the reference does not know.
 */
export function resourceSpaces(
  action: CatalogAction | undefined,
  patterns: readonly string[],
  places: PolicyPlaces,
  kept: Map<string, ResourceSpace> = new Map(),
): ResourceSpace[] {
  if (action === undefined) {
    const candidates = patterns.map((pattern) =>
      pattern.replaceAll('*', 'example').replaceAll('?', 'x'),
    )
    return [
      {
        id: 'any',
        space: {
          atom: { tokens: [{ kind: 'run' }], test: () => true },
          candidates: [...candidates, '*'],
        },
      },
    ]
  }
  if (action.resourceTypes.length === 0) {
    const star: GlobToken[] = [{ kind: 'literal', character: '*' }]
    return [
      {
        id: '*',
        space: { atom: { tokens: star, test: (text) => text === '*' }, candidates: ['*'] },
      },
    ]
  }
  return formatsOf(action).map(({ name, id, format }) => {
    let space = kept.get(id)
    if (space === undefined) {
      space = {
        type: name,
        service: format.service,
        id: `format:${format.source}`,
        space: {
          atom: formatAtom(format),
          candidates: () => [...realisticArns(format, patterns, places)],
          polish: polishedArns,
          preferred: fill(
            format,
            { variables: new Map() },
            places.accounts[0] ?? exampleAccount,
            places.regions[0] ?? exampleRegion,
          ),
        },
      }
      kept.set(id, space)
    }
    return space
  })
}

const formatAtoms = new WeakMap<ArnFormat, TextAtom>()

/**
 * The ARNs of a format as one atom, the same object in every analysis, so that what is worked
 * out of a pattern within the format (`narrowedWithin`) is kept between analyses too.
 */
function formatAtom(format: ArnFormat): TextAtom {
  return valueFor(formatAtoms, format, () => {
    const tokens = formatTokens(format)
    return { tokens, test: (text: string) => tokensMatch(tokens, text) }
  })
}

interface NamedFormat {
  readonly name: string
  readonly id: string
  readonly format: ArnFormat
}

const namedFormats = new WeakMap<CatalogAction, readonly NamedFormat[]>()

/** Each format of each resource type of an action, named once for every analysis. */
function formatsOf(action: CatalogAction): readonly NamedFormat[] {
  return valueFor(namedFormats, action, () =>
    action.resourceTypes.flatMap(({ type }) =>
      type.arnFormats.map((format) => {
        const name = `${type.service}:${type.name}`
        return { name, id: `${name} ${format.source}`, format }
      }),
    ),
  )
}
