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

/** A service's action names, and the lower-case words of each. */
interface ServiceNames {
  readonly names: readonly string[]
  readonly words: readonly (readonly string[])[]
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
    names = {
      names: listed,
      words: listed.map((name) => camelWords(name).map((word) => word.toLowerCase())),
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
  const close = closestName(name, known.names)
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
