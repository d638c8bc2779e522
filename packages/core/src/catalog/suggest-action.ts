import { closestName } from '../suggest/index.ts'
import type { Catalog } from './create-catalog.ts'

function camelWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [name]
}

/** Whether a name's words hold every word of `written`, in order (`ListObjects` in `ListProfileObjects`). */
function holdsWords(words: readonly string[], written: readonly string[]): boolean {
  let index = 0
  for (const word of words) if (word === written[index]) index++
  return index === written.length
}

/** A service's action names, the lower-case words of each, and their places by length. */
interface ServiceNames {
  readonly names: readonly string[]
  readonly words: readonly (readonly string[])[]
  /** The places in `names` of the names of each length, lower case, in order. */
  readonly byLength: ReadonlyMap<number, readonly number[]>
  /** Each name's characters counted, lower case (`characterCounts`), one after the other. */
  readonly counts: Uint16Array
}

/** The edits `closestName` allows at most. */
const mostEdits = 2
const buckets = 32

/**
 * A text's characters counted by their code's last five bits: letters of one case each count
 * apart. An edit changes the counts by two at most, and counting characters together can only
 * bring two texts' counts closer, so texts whose counts differ by more than twice the edits
 * allowed are further apart than that.
 */
function characterCounts(text: string, into: Uint16Array, at: number): void {
  for (let index = 0; index < text.length; index++) {
    const bucket = at + (text.charCodeAt(index) & (buckets - 1))
    into[bucket] = (into[bucket] ?? 0) + 1
  }
}

/**
 * The names `closestName` may suggest for `name`, in order: it skips those whose length or
 * characters put them more than `mostEdits` edits away, but only after folding and comparing
 * each, hundreds for a service such as Amazon Connect.
 */
function namesNear(known: ServiceNames, name: string): string[] {
  const folded = name.toLowerCase()
  const written = new Uint16Array(buckets)
  characterCounts(folded, written, 0)
  const places: number[] = []
  for (let near = folded.length - mostEdits; near <= folded.length + mostEdits; near++) {
    for (const place of known.byLength.get(near) ?? []) {
      let apart = 0
      for (let bucket = 0; bucket < buckets; bucket++) {
        apart += Math.abs((written[bucket] ?? 0) - (known.counts[place * buckets + bucket] ?? 0))
      }
      if (apart <= 2 * mostEdits) places.push(place)
    }
  }
  return places.sort((a, b) => a - b).map((place) => known.names[place] ?? '')
}

/** What suggestions read of a catalog, worked out once per catalog (or per service). */
interface CatalogNames {
  readonly services: Map<string, ServiceNames>
  prefixesByName?: ReadonlyMap<string, readonly string[]>
}

const catalogNames = new WeakMap<Catalog, CatalogNames>()

function namesOf(catalog: Catalog): CatalogNames {
  let names = catalogNames.get(catalog)
  if (names === undefined) {
    names = { services: new Map() }
    catalogNames.set(catalog, names)
  }
  return names
}

function serviceNames(catalog: Catalog, service: string): ServiceNames {
  const known = namesOf(catalog).services
  let names = known.get(service)
  if (names === undefined) {
    const listed = catalog.service(service)?.actions.map((action) => action.name) ?? []
    const byLength = new Map<number, number[]>()
    const counts = new Uint16Array(listed.length * buckets)
    for (const [place, name] of listed.entries()) {
      characterCounts(name.toLowerCase(), counts, place * buckets)
      const length = name.toLowerCase().length
      const places = byLength.get(length)
      if (places === undefined) byLength.set(length, [place])
      else places.push(place)
    }
    names = {
      names: listed,
      words: listed.map((name) => camelWords(name).map((word) => word.toLowerCase())),
      byLength,
      counts,
    }
    known.set(service, names)
  }
  return names
}

/**
 * Names of the service a mistyped action may stand for: the closest by edit distance, or else
 * those holding all its words, as `ListProfileObjects` holds `ListObjects`.
 */
function likelyNames(name: string, known: ServiceNames): string[] {
  const close = closestName(name, namesNear(known, name))
  if (close !== undefined) return [close]
  const words = camelWords(name).map((word) => word.toLowerCase())
  if (words.length < 2) return []
  const found: string[] = []
  for (const [index, candidate] of known.names.entries()) {
    if (found.length === 3) break
    if (holdsWords(known.words[index] ?? [], words)) found.push(candidate)
  }
  return found
}

/** The prefixes of the services held, in order, by the lower-case names of their actions. */
function prefixesByName(catalog: Catalog): ReadonlyMap<string, readonly string[]> {
  const index = new Map<string, string[]>()
  for (const prefix of catalog.coveredPrefixes) {
    for (const action of catalog.service(prefix)?.actions ?? []) {
      const folded = action.name.toLowerCase()
      const prefixes = index.get(folded)
      if (prefixes === undefined) index.set(folded, [prefix])
      else if (prefixes.at(-1) !== prefix) prefixes.push(prefix)
    }
  }
  return index
}

/**
 * Looks for the name in the other services the catalog holds: a right name with the wrong
 * prefix. The services are indexed by their actions' names once per catalog, so that a policy
 * of many mistyped actions does not ask every service for each.
 */
function elsewhere(catalog: Catalog, name: string, service: string): string | undefined {
  const names = namesOf(catalog)
  names.prefixesByName ??= prefixesByName(catalog)
  const folded = name.toLowerCase()
  for (const prefix of names.prefixesByName.get(folded) ?? []) {
    if (prefix === service) continue
    const found = catalog.action(`${prefix}:${folded}`)
    if (found !== undefined) return found.fullName
  }
  return undefined
}

/**
 * The actions a mistyped `prefix:Name` may stand for, as full names: the service's action
 * closest by edit distance, or else those holding all its words (`ListProfileObjects` for
 * `ListObjects`), or else the same name in another service the catalog holds. Empty when none is
 * likely.
 */
export function suggestActions(catalog: Catalog, prefix: string, name: string): string[] {
  const service = prefix.toLowerCase()
  const likely = likelyNames(name, serviceNames(catalog, service)).map(
    (found) => `${prefix}:${found}`,
  )
  if (likely.length > 0) return likely
  const other = elsewhere(catalog, name, service)
  return other === undefined ? [] : [other]
}
