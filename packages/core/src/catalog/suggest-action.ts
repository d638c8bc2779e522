import { closestName } from '../suggest/index.ts'
import type { Catalog } from './create-catalog.ts'

function camelWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [name]
}

/** Whether `candidate` holds every word of `written`, in order (`ListObjects` in `ListProfileObjects`). */
function holdsWords(candidate: string, written: readonly string[]): boolean {
  const words = camelWords(candidate).map((word) => word.toLowerCase())
  let index = 0
  for (const word of words) if (word === written[index]) index++
  return index === written.length
}

/**
 * Names of the service a mistyped action may stand for: the closest by edit distance, or else
 * those holding all its words, as `ListProfileObjects` holds `ListObjects`.
 */
function likelyNames(name: string, known: readonly string[]): string[] {
  const close = closestName(name, known)
  if (close !== undefined) return [close]
  const words = camelWords(name).map((word) => word.toLowerCase())
  if (words.length < 2) return []
  return known.filter((candidate) => holdsWords(candidate, words)).slice(0, 3)
}

/** Looks for the name in the other services the catalog holds: a right name with the wrong prefix. */
function elsewhere(catalog: Catalog, name: string, service: string): string | undefined {
  const folded = name.toLowerCase()
  for (const prefix of catalog.coveredPrefixes) {
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
  const known = catalog.service(service)?.actions.map((action) => action.name) ?? []
  const likely = likelyNames(name, known).map((found) => `${prefix}:${found}`)
  if (likely.length > 0) return likely
  const other = elsewhere(catalog, name, service)
  return other === undefined ? [] : [other]
}
